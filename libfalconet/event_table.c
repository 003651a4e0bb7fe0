/* The scap event schema: for each event type number, its name, category, flags and
 * parameter layout (name, type, print format, flag names). Facts from falcosecurity/libs
 * driver/event_table.c at commit 48dfd53c (PPM_EVENT_MAX = 454). Readers accept events that
 * carry fewer parameters than listed here (older drivers appended parameters over time). */
#include "event_schema.h"
#include "flag_tables.h"

#define P(n, t, fm) {n, FNET_PT_##t, FNET_PF_##fm, 0, NULL}
#define PFL(n, t, fm, tab) {n, FNET_PT_##t, FNET_PF_##fm, 0, fnet_flags_##tab}
#define PREL(n, t, fm, dirfd) {n, FNET_PT_##t, FNET_PF_##fm, dirfd, NULL}

static const struct fnet_param_info params_0[] = {
	P("ID", SYSCALLID, DEC),
	P("nativeID", UINT16, DEC),
};
static const struct fnet_param_info params_1[] = {
	P("ID", SYSCALLID, DEC),
	P("nativeID", UINT16, DEC),
};
static const struct fnet_param_info params_2[] = {
	P("name", FSPATH, NA),
	PFL("flags", FLAGS32, HEX, file_flags),
	P("mode", UINT32, OCT),
};
static const struct fnet_param_info params_3[] = {
	P("fd", FD, DEC),
	P("name", FSPATH, NA),
	PFL("flags", FLAGS32, HEX, file_flags),
	P("mode", UINT32, OCT),
	P("dev", UINT32, HEX),
	P("ino", UINT64, DEC),
};
static const struct fnet_param_info params_4[] = {
	P("fd", FD, DEC),
};
static const struct fnet_param_info params_5[] = {
	P("res", ERRNO, DEC),
	P("fd", FD, DEC),
};
static const struct fnet_param_info params_6[] = {
	P("fd", FD, DEC),
	P("size", UINT32, DEC),
};
static const struct fnet_param_info params_7[] = {
	P("res", ERRNO, DEC),
	P("data", BYTEBUF, NA),
	P("fd", FD, DEC),
	P("size", UINT32, DEC),
};
static const struct fnet_param_info params_8[] = {
	P("fd", FD, DEC),
	P("size", UINT32, DEC),
};
static const struct fnet_param_info params_9[] = {
	P("res", ERRNO, DEC),
	P("data", BYTEBUF, NA),
	P("fd", FD, DEC),
	P("size", UINT32, DEC),
};
static const struct fnet_param_info params_10[] = {
	P("size", UINT32, DEC),
};
static const struct fnet_param_info params_11[] = {
	P("res", UINT64, HEX),
};
static const struct fnet_param_info params_13[] = {
	P("res", ERRNO, DEC),
	P("exe", CHARBUF, NA),
	P("args", BYTEBUF, NA),
	P("tid", PID, DEC),
	P("pid", PID, DEC),
	P("ptid", PID, DEC),
	P("cwd", CHARBUF, NA),
	P("fdlimit", UINT64, DEC),
};
static const struct fnet_param_info params_15[] = {
	P("res", PID, DEC),
	P("exe", CHARBUF, NA),
	P("args", BYTEBUF, NA),
	P("tid", PID, DEC),
	P("pid", PID, DEC),
	P("ptid", PID, DEC),
	P("cwd", CHARBUF, NA),
	P("fdlimit", INT64, DEC),
	PFL("flags", FLAGS32, HEX, clone_flags),
	P("uid", UINT32, DEC),
	P("gid", UINT32, DEC),
};
static const struct fnet_param_info params_18[] = {
	PFL("domain", ENUMFLAGS32, DEC, socket_families),
	P("type", UINT32, DEC),
	P("proto", UINT32, DEC),
};
static const struct fnet_param_info params_19[] = {
	P("fd", FD, DEC),
	PFL("domain", ENUMFLAGS32, DEC, socket_families),
	P("type", UINT32, DEC),
	P("proto", UINT32, DEC),
	PFL("flags", FLAGS32, HEX, file_flags),
};
static const struct fnet_param_info params_20[] = {
	P("fd", FD, DEC),
};
static const struct fnet_param_info params_21[] = {
	P("res", ERRNO, DEC),
	P("addr", SOCKADDR, NA),
	P("fd", FD, DEC),
};
static const struct fnet_param_info params_22[] = {
	P("fd", FD, DEC),
	P("addr", SOCKADDR, NA),
};
static const struct fnet_param_info params_23[] = {
	P("res", ERRNO, DEC),
	P("tuple", SOCKTUPLE, NA),
	P("fd", FD, DEC),
	P("addr", SOCKADDR, NA),
};
static const struct fnet_param_info params_24[] = {
	P("fd", FD, DEC),
	P("backlog", INT32, DEC),
};
static const struct fnet_param_info params_25[] = {
	P("res", ERRNO, DEC),
	P("fd", FD, DEC),
	P("backlog", INT32, DEC),
};
static const struct fnet_param_info params_27[] = {
	P("fd", FD, DEC),
	P("tuple", SOCKTUPLE, NA),
	P("queuepct", UINT8, DEC),
};
static const struct fnet_param_info params_28[] = {
	P("fd", FD, DEC),
	P("size", UINT32, DEC),
};
static const struct fnet_param_info params_29[] = {
	P("res", ERRNO, DEC),
	P("data", BYTEBUF, NA),
	P("fd", FD, DEC),
	P("size", UINT32, DEC),
	P("tuple", SOCKTUPLE, NA),
};
static const struct fnet_param_info params_30[] = {
	P("fd", FD, DEC),
	P("size", UINT32, DEC),
	P("tuple", SOCKTUPLE, NA),
};
static const struct fnet_param_info params_31[] = {
	P("res", ERRNO, DEC),
	P("data", BYTEBUF, NA),
	P("fd", FD, DEC),
	P("size", UINT32, DEC),
	P("tuple", SOCKTUPLE, NA),
};
static const struct fnet_param_info params_32[] = {
	P("fd", FD, DEC),
	P("size", UINT32, DEC),
};
static const struct fnet_param_info params_33[] = {
	P("res", ERRNO, DEC),
	P("data", BYTEBUF, NA),
	P("fd", FD, DEC),
	P("size", UINT32, DEC),
	P("tuple", SOCKTUPLE, NA),
};
static const struct fnet_param_info params_34[] = {
	P("fd", FD, DEC),
	P("size", UINT32, DEC),
};
static const struct fnet_param_info params_35[] = {
	P("res", ERRNO, DEC),
	P("data", BYTEBUF, NA),
	P("tuple", SOCKTUPLE, NA),
	P("fd", FD, DEC),
	P("size", UINT32, DEC),
};
static const struct fnet_param_info params_36[] = {
	P("fd", FD, DEC),
	PFL("how", ENUMFLAGS8, HEX, shutdown_how),
};
static const struct fnet_param_info params_37[] = {
	P("res", ERRNO, DEC),
	P("fd", FD, DEC),
	PFL("how", ENUMFLAGS8, HEX, shutdown_how),
};
static const struct fnet_param_info params_42[] = {
	PFL("domain", ENUMFLAGS32, DEC, socket_families),
	P("type", UINT32, DEC),
	P("proto", UINT32, DEC),
};
static const struct fnet_param_info params_43[] = {
	P("res", ERRNO, DEC),
	P("fd1", FD, DEC),
	P("fd2", FD, DEC),
	P("source", UINT64, HEX),
	P("peer", UINT64, HEX),
	PFL("domain", ENUMFLAGS32, DEC, socket_families),
	P("type", UINT32, DEC),
	P("proto", UINT32, DEC),
};
static const struct fnet_param_info params_45[] = {
	P("res", ERRNO, DEC),
	P("fd", FD, DEC),
	PFL("level", ENUMFLAGS8, DEC, sockopt_levels),
	PFL("optname", ENUMFLAGS8, DEC, sockopt_options),
	P("val", DYN, DEC),
	P("optlen", UINT32, DEC),
};
static const struct fnet_param_info params_47[] = {
	P("res", ERRNO, DEC),
	P("fd", FD, DEC),
	PFL("level", ENUMFLAGS8, DEC, sockopt_levels),
	PFL("optname", ENUMFLAGS8, DEC, sockopt_options),
	P("val", DYN, DEC),
	P("optlen", UINT32, DEC),
};
static const struct fnet_param_info params_48[] = {
	P("fd", FD, DEC),
	P("size", UINT32, DEC),
	P("tuple", SOCKTUPLE, NA),
};
static const struct fnet_param_info params_49[] = {
	P("res", ERRNO, DEC),
	P("data", BYTEBUF, NA),
	P("fd", FD, DEC),
	P("size", UINT32, DEC),
	P("tuple", SOCKTUPLE, NA),
};
static const struct fnet_param_info params_51[] = {
	P("res", ERRNO, DEC),
	P("fd", FD, DEC),
	P("size", UINT32, DEC),
	P("data", BYTEBUF, NA),
	P("tuple", SOCKTUPLE, NA),
};
static const struct fnet_param_info params_52[] = {
	P("fd", FD, DEC),
};
static const struct fnet_param_info params_53[] = {
	P("res", ERRNO, DEC),
	P("size", UINT32, DEC),
	P("data", BYTEBUF, NA),
	P("tuple", SOCKTUPLE, NA),
	P("msgcontrol", BYTEBUF, NA),
	P("fd", FD, DEC),
};
static const struct fnet_param_info params_55[] = {
	P("res", ERRNO, DEC),
	P("fd", FD, DEC),
	P("size", UINT32, DEC),
	P("data", BYTEBUF, NA),
	P("tuple", SOCKTUPLE, NA),
	P("msgcontrol", BYTEBUF, NA),
};
static const struct fnet_param_info params_56[] = {
	P("flags", INT32, HEX),
};
static const struct fnet_param_info params_57[] = {
	P("fd", FD, DEC),
	P("tuple", SOCKTUPLE, NA),
	P("queuepct", UINT8, DEC),
};
static const struct fnet_param_info params_58[] = {
	P("name", FSPATH, NA),
	P("mode", UINT32, OCT),
};
static const struct fnet_param_info params_59[] = {
	P("fd", FD, DEC),
	P("name", FSPATH, NA),
	P("mode", UINT32, OCT),
	P("dev", UINT32, HEX),
	P("ino", UINT64, DEC),
	PFL("creat_flags", FLAGS16, HEX, creat_flags),
};
static const struct fnet_param_info params_61[] = {
	P("res", ERRNO, DEC),
	P("fd1", FD, DEC),
	P("fd2", FD, DEC),
	P("ino", UINT64, DEC),
};
static const struct fnet_param_info params_62[] = {
	P("initval", UINT64, DEC),
	P("flags", UINT32, HEX),
};
static const struct fnet_param_info params_63[] = {
	P("res", FD, DEC),
	P("initval", UINT64, DEC),
	P("flags", UINT32, HEX),
};
static const struct fnet_param_info params_64[] = {
	P("addr", UINT64, HEX),
	PFL("op", FLAGS16, HEX, futex_operations),
	P("val", UINT64, DEC),
};
static const struct fnet_param_info params_65[] = {
	P("res", ERRNO, DEC),
	P("addr", UINT64, HEX),
	PFL("op", FLAGS16, HEX, futex_operations),
	P("val", UINT64, DEC),
};
static const struct fnet_param_info params_67[] = {
	P("res", ERRNO, DEC),
	P("path", FSPATH, NA),
};
static const struct fnet_param_info params_69[] = {
	P("res", ERRNO, DEC),
	P("path", FSPATH, NA),
};
static const struct fnet_param_info params_70[] = {
	P("fd", FD, NA),
};
static const struct fnet_param_info params_71[] = {
	P("res", ERRNO, DEC),
	P("fd", FD, NA),
};
static const struct fnet_param_info params_73[] = {
	P("res", ERRNO, DEC),
	P("path", FSPATH, NA),
};
static const struct fnet_param_info params_75[] = {
	P("res", ERRNO, DEC),
	P("path", FSPATH, NA),
};
static const struct fnet_param_info params_76[] = {
	P("fd", FD, NA),
};
static const struct fnet_param_info params_77[] = {
	P("res", ERRNO, DEC),
};
static const struct fnet_param_info params_78[] = {
	P("maxevents", ERRNO, DEC),
};
static const struct fnet_param_info params_79[] = {
	P("res", ERRNO, DEC),
	P("maxevents", ERRNO, DEC),
};
static const struct fnet_param_info params_80[] = {
	P("fds", FDLIST, DEC),
	P("timeout", INT64, DEC),
};
static const struct fnet_param_info params_81[] = {
	P("res", ERRNO, DEC),
	P("fds", FDLIST, DEC),
	P("timeout", INT64, DEC),
};
static const struct fnet_param_info params_83[] = {
	P("res", ERRNO, DEC),
};
static const struct fnet_param_info params_85[] = {
	P("res", ERRNO, DEC),
};
static const struct fnet_param_info params_86[] = {
	P("fd", FD, DEC),
	P("offset", UINT64, DEC),
	PFL("whence", ENUMFLAGS8, DEC, lseek_whence),
};
static const struct fnet_param_info params_87[] = {
	P("res", ERRNO, DEC),
	P("fd", FD, DEC),
	P("offset", UINT64, DEC),
	PFL("whence", ENUMFLAGS8, DEC, lseek_whence),
};
static const struct fnet_param_info params_88[] = {
	P("fd", FD, DEC),
	P("offset", UINT64, DEC),
	PFL("whence", ENUMFLAGS8, DEC, lseek_whence),
};
static const struct fnet_param_info params_89[] = {
	P("res", ERRNO, DEC),
	P("fd", FD, DEC),
	P("offset", UINT64, DEC),
	PFL("whence", ENUMFLAGS8, DEC, lseek_whence),
};
static const struct fnet_param_info params_90[] = {
	P("fd", FD, DEC),
	P("request", UINT64, HEX),
};
static const struct fnet_param_info params_91[] = {
	P("res", ERRNO, DEC),
};
static const struct fnet_param_info params_93[] = {
	P("res", ERRNO, DEC),
	P("path", CHARBUF, NA),
};
static const struct fnet_param_info params_95[] = {
	P("res", ERRNO, DEC),
	P("path", CHARBUF, NA),
};
static const struct fnet_param_info params_96[] = {
	P("fd", FD, NA),
};
static const struct fnet_param_info params_97[] = {
	P("res", ERRNO, DEC),
	P("fd", FD, NA),
};
static const struct fnet_param_info params_98[] = {
	P("path", FSPATH, NA),
	P("mode", UINT32, HEX),
};
static const struct fnet_param_info params_99[] = {
	P("res", ERRNO, DEC),
};
static const struct fnet_param_info params_100[] = {
	P("path", FSPATH, NA),
};
static const struct fnet_param_info params_101[] = {
	P("res", ERRNO, DEC),
};
static const struct fnet_param_info params_102[] = {
	P("dirfd", FD, DEC),
	P("name", CHARBUF, NA),
	PFL("flags", FLAGS32, HEX, file_flags),
	P("mode", UINT32, OCT),
};
static const struct fnet_param_info params_103[] = {
	P("fd", FD, DEC),
};
static const struct fnet_param_info params_104[] = {
	P("oldpath", FSPATH, NA),
	P("newpath", FSPATH, NA),
};
static const struct fnet_param_info params_105[] = {
	P("res", ERRNO, DEC),
};
static const struct fnet_param_info params_106[] = {
	P("olddir", FD, DEC),
	P("oldpath", CHARBUF, NA),
	P("newdir", FD, DEC),
	P("newpath", CHARBUF, NA),
};
static const struct fnet_param_info params_107[] = {
	P("res", ERRNO, DEC),
};
static const struct fnet_param_info params_108[] = {
	P("path", FSPATH, NA),
};
static const struct fnet_param_info params_109[] = {
	P("res", ERRNO, DEC),
};
static const struct fnet_param_info params_110[] = {
	P("dirfd", FD, DEC),
	P("name", CHARBUF, NA),
};
static const struct fnet_param_info params_111[] = {
	P("res", ERRNO, DEC),
};
static const struct fnet_param_info params_112[] = {
	P("fd", FD, DEC),
	P("size", UINT32, DEC),
	P("pos", UINT64, DEC),
};
static const struct fnet_param_info params_113[] = {
	P("res", ERRNO, DEC),
	P("data", BYTEBUF, NA),
	P("fd", FD, DEC),
	P("size", UINT32, DEC),
	P("pos", UINT64, DEC),
};
static const struct fnet_param_info params_114[] = {
	P("fd", FD, DEC),
	P("size", UINT32, DEC),
	P("pos", UINT64, DEC),
};
static const struct fnet_param_info params_115[] = {
	P("res", ERRNO, DEC),
	P("data", BYTEBUF, NA),
	P("fd", FD, DEC),
	P("size", UINT32, DEC),
	P("pos", UINT64, DEC),
};
static const struct fnet_param_info params_116[] = {
	P("fd", FD, DEC),
};
static const struct fnet_param_info params_117[] = {
	P("res", ERRNO, DEC),
	P("size", UINT32, DEC),
	P("data", BYTEBUF, NA),
	P("fd", FD, DEC),
};
static const struct fnet_param_info params_118[] = {
	P("fd", FD, DEC),
	P("size", UINT32, DEC),
};
static const struct fnet_param_info params_119[] = {
	P("res", ERRNO, DEC),
	P("data", BYTEBUF, NA),
	P("fd", FD, DEC),
	P("size", UINT32, DEC),
};
static const struct fnet_param_info params_120[] = {
	P("fd", FD, DEC),
	P("pos", UINT64, DEC),
};
static const struct fnet_param_info params_121[] = {
	P("res", ERRNO, DEC),
	P("size", UINT32, DEC),
	P("data", BYTEBUF, NA),
	P("fd", FD, DEC),
	P("pos", UINT64, DEC),
};
static const struct fnet_param_info params_122[] = {
	P("fd", FD, DEC),
	P("size", UINT32, DEC),
	P("pos", UINT64, DEC),
};
static const struct fnet_param_info params_123[] = {
	P("res", ERRNO, DEC),
	P("data", BYTEBUF, NA),
	P("fd", FD, DEC),
	P("size", UINT32, DEC),
	P("pos", UINT64, DEC),
};
static const struct fnet_param_info params_124[] = {
	P("fd", FD, DEC),
};
static const struct fnet_param_info params_125[] = {
	P("res", FD, DEC),
};
static const struct fnet_param_info params_126[] = {
	P("fd", FD, DEC),
	P("mask", UINT32, HEX),
	P("flags", UINT8, HEX),
};
static const struct fnet_param_info params_127[] = {
	P("res", FD, DEC),
	P("fd", FD, DEC),
	P("mask", UINT32, HEX),
	P("flags", UINT8, HEX),
};
static const struct fnet_param_info params_128[] = {
	P("pid", PID, DEC),
	P("sig", SIGTYPE, DEC),
};
static const struct fnet_param_info params_129[] = {
	P("res", ERRNO, DEC),
	P("pid", PID, DEC),
	P("sig", SIGTYPE, DEC),
};
static const struct fnet_param_info params_130[] = {
	P("tid", PID, DEC),
	P("sig", SIGTYPE, DEC),
};
static const struct fnet_param_info params_131[] = {
	P("res", ERRNO, DEC),
	P("tid", PID, DEC),
	P("sig", SIGTYPE, DEC),
};
static const struct fnet_param_info params_132[] = {
	P("pid", PID, DEC),
	P("tid", PID, DEC),
	P("sig", SIGTYPE, DEC),
};
static const struct fnet_param_info params_133[] = {
	P("res", ERRNO, DEC),
	P("pid", PID, DEC),
	P("tid", PID, DEC),
	P("sig", SIGTYPE, DEC),
};
static const struct fnet_param_info params_134[] = {
	P("interval", RELTIME, DEC),
};
static const struct fnet_param_info params_135[] = {
	P("res", ERRNO, DEC),
	P("interval", RELTIME, DEC),
};
static const struct fnet_param_info params_136[] = {
	P("clockid", UINT8, DEC),
	P("flags", UINT8, HEX),
};
static const struct fnet_param_info params_137[] = {
	P("res", FD, DEC),
	P("clockid", UINT8, DEC),
	P("flags", UINT8, HEX),
};
static const struct fnet_param_info params_138[] = {
	P("flags", UINT8, HEX),
};
static const struct fnet_param_info params_139[] = {
	P("res", FD, DEC),
	P("flags", UINT8, HEX),
};
static const struct fnet_param_info params_140[] = {
	PFL("resource", ENUMFLAGS8, DEC, rlimit_resources),
};
static const struct fnet_param_info params_141[] = {
	P("res", ERRNO, DEC),
	P("cur", INT64, DEC),
	P("max", INT64, DEC),
	PFL("resource", ENUMFLAGS8, DEC, rlimit_resources),
};
static const struct fnet_param_info params_142[] = {
	PFL("resource", ENUMFLAGS8, DEC, rlimit_resources),
};
static const struct fnet_param_info params_143[] = {
	P("res", ERRNO, DEC),
	P("cur", INT64, DEC),
	P("max", INT64, DEC),
	PFL("resource", ENUMFLAGS8, DEC, rlimit_resources),
};
static const struct fnet_param_info params_144[] = {
	P("pid", PID, DEC),
	PFL("resource", ENUMFLAGS8, DEC, rlimit_resources),
};
static const struct fnet_param_info params_145[] = {
	P("res", ERRNO, DEC),
	P("newcur", INT64, DEC),
	P("newmax", INT64, DEC),
	P("oldcur", INT64, DEC),
	P("oldmax", INT64, DEC),
	P("pid", INT64, DEC),
	PFL("resource", ENUMFLAGS8, DEC, rlimit_resources),
};
static const struct fnet_param_info params_146[] = {
	P("next", PID, DEC),
};
static const struct fnet_param_info params_148[] = {
	P("ratio", UINT32, DEC),
};
static const struct fnet_param_info params_149[] = {
	P("ratio", UINT32, DEC),
};
static const struct fnet_param_info params_150[] = {
	P("fd", FD, DEC),
	PFL("cmd", ENUMFLAGS8, DEC, fcntl_commands),
};
static const struct fnet_param_info params_151[] = {
	P("res", FD, DEC),
	P("fd", FD, DEC),
	PFL("cmd", ENUMFLAGS8, DEC, fcntl_commands),
	P("arg", UINT64, HEX),
};
static const struct fnet_param_info params_152[] = {
	P("next", PID, DEC),
	P("pgft_maj", UINT64, DEC),
	P("pgft_min", UINT64, DEC),
	P("vm_size", UINT32, DEC),
	P("vm_rss", UINT32, DEC),
	P("vm_swap", UINT32, DEC),
};
static const struct fnet_param_info params_155[] = {
	P("res", ERRNO, DEC),
	P("exe", CHARBUF, NA),
	P("args", BYTEBUF, NA),
	P("tid", PID, DEC),
	P("pid", PID, DEC),
	P("ptid", PID, DEC),
	P("cwd", CHARBUF, NA),
	P("fdlimit", UINT64, DEC),
	P("pgft_maj", UINT64, DEC),
	P("pgft_min", UINT64, DEC),
	P("vm_size", UINT32, DEC),
	P("vm_rss", UINT32, DEC),
	P("vm_swap", UINT32, DEC),
};
static const struct fnet_param_info params_157[] = {
	P("res", PID, DEC),
	P("exe", CHARBUF, NA),
	P("args", BYTEBUF, NA),
	P("tid", PID, DEC),
	P("pid", PID, DEC),
	P("ptid", PID, DEC),
	P("cwd", CHARBUF, NA),
	P("fdlimit", INT64, DEC),
	P("pgft_maj", UINT64, DEC),
	P("pgft_min", UINT64, DEC),
	P("vm_size", UINT32, DEC),
	P("vm_rss", UINT32, DEC),
	P("vm_swap", UINT32, DEC),
	PFL("flags", FLAGS32, HEX, clone_flags),
	P("uid", UINT32, DEC),
	P("gid", UINT32, DEC),
};
static const struct fnet_param_info params_158[] = {
	P("addr", UINT64, HEX),
};
static const struct fnet_param_info params_159[] = {
	P("res", UINT64, HEX),
	P("vm_size", UINT32, DEC),
	P("vm_rss", UINT32, DEC),
	P("vm_swap", UINT32, DEC),
	P("addr", UINT64, HEX),
};
static const struct fnet_param_info params_160[] = {
	P("addr", UINT64, HEX),
	P("length", UINT64, DEC),
	PFL("prot", FLAGS32, HEX, prot_flags),
	PFL("flags", FLAGS32, HEX, mmap_flags),
	P("fd", FD, DEC),
	P("offset", UINT64, DEC),
};
static const struct fnet_param_info params_161[] = {
	P("res", ERRNO, HEX),
	P("vm_size", UINT32, DEC),
	P("vm_rss", UINT32, DEC),
	P("vm_swap", UINT32, DEC),
	P("addr", UINT64, HEX),
	P("length", UINT64, DEC),
	PFL("prot", FLAGS32, HEX, prot_flags),
	PFL("flags", FLAGS32, HEX, mmap_flags),
	P("fd", FD, DEC),
	P("offset", UINT64, DEC),
};
static const struct fnet_param_info params_162[] = {
	P("addr", UINT64, HEX),
	P("length", UINT64, DEC),
	PFL("prot", FLAGS32, HEX, prot_flags),
	PFL("flags", FLAGS32, HEX, mmap_flags),
	P("fd", FD, DEC),
	P("pgoffset", UINT64, DEC),
};
static const struct fnet_param_info params_163[] = {
	P("res", ERRNO, HEX),
	P("vm_size", UINT32, DEC),
	P("vm_rss", UINT32, DEC),
	P("vm_swap", UINT32, DEC),
	P("addr", UINT64, HEX),
	P("length", UINT64, DEC),
	PFL("prot", FLAGS32, HEX, prot_flags),
	PFL("flags", FLAGS32, HEX, mmap_flags),
	P("fd", FD, DEC),
	P("pgoffset", UINT64, DEC),
};
static const struct fnet_param_info params_164[] = {
	P("addr", UINT64, HEX),
	P("length", UINT64, DEC),
};
static const struct fnet_param_info params_165[] = {
	P("res", ERRNO, DEC),
	P("vm_size", UINT32, DEC),
	P("vm_rss", UINT32, DEC),
	P("vm_swap", UINT32, DEC),
	P("addr", UINT64, HEX),
	P("length", UINT64, DEC),
};
static const struct fnet_param_info params_166[] = {
	P("fd_in", FD, DEC),
	P("fd_out", FD, DEC),
	P("size", UINT64, DEC),
	PFL("flags", FLAGS32, HEX, splice_flags),
};
static const struct fnet_param_info params_167[] = {
	P("res", ERRNO, DEC),
	P("fd_in", FD, DEC),
	P("fd_out", FD, DEC),
	P("size", UINT64, DEC),
	PFL("flags", FLAGS32, HEX, splice_flags),
};
static const struct fnet_param_info params_168[] = {
	PFL("request", ENUMFLAGS16, DEC, ptrace_requests),
	P("pid", PID, DEC),
};
static const struct fnet_param_info params_169[] = {
	P("res", ERRNO, DEC),
	P("addr", DYN, HEX),
	P("data", DYN, HEX),
	PFL("request", ENUMFLAGS16, DEC, ptrace_requests),
	P("pid", PID, DEC),
};
static const struct fnet_param_info params_170[] = {
	P("fd", FD, DEC),
	P("request", UINT64, HEX),
	P("argument", UINT64, HEX),
};
static const struct fnet_param_info params_171[] = {
	P("res", ERRNO, DEC),
	P("fd", FD, DEC),
	P("request", UINT64, HEX),
	P("argument", UINT64, HEX),
};
static const struct fnet_param_info params_173[] = {
	P("res", ERRNO, DEC),
	P("exe", CHARBUF, NA),
	P("args", BYTEBUF, NA),
	P("tid", PID, DEC),
	P("pid", PID, DEC),
	P("ptid", PID, DEC),
	P("cwd", CHARBUF, NA),
	P("fdlimit", UINT64, DEC),
	P("pgft_maj", UINT64, DEC),
	P("pgft_min", UINT64, DEC),
	P("vm_size", UINT32, DEC),
	P("vm_rss", UINT32, DEC),
	P("vm_swap", UINT32, DEC),
	P("env", BYTEBUF, NA),
};
static const struct fnet_param_info params_175[] = {
	P("res", ERRNO, DEC),
	P("oldpath", FSPATH, NA),
	P("newpath", FSPATH, NA),
};
static const struct fnet_param_info params_177[] = {
	P("res", ERRNO, DEC),
	P("olddirfd", FD, DEC),
	PREL("oldpath", FSRELPATH, NA, 1),
	P("newdirfd", FD, DEC),
	PREL("newpath", FSRELPATH, NA, 3),
};
static const struct fnet_param_info params_179[] = {
	P("res", ERRNO, DEC),
	P("target", CHARBUF, NA),
	P("linkpath", FSPATH, NA),
};
static const struct fnet_param_info params_181[] = {
	P("res", ERRNO, DEC),
	P("target", CHARBUF, NA),
	P("linkdirfd", FD, DEC),
	PREL("linkpath", FSRELPATH, NA, 2),
};
static const struct fnet_param_info params_183[] = {
	P("res", PID, DEC),
	P("exe", CHARBUF, NA),
	P("args", BYTEBUF, NA),
	P("tid", PID, DEC),
	P("pid", PID, DEC),
	P("ptid", PID, DEC),
	P("cwd", CHARBUF, NA),
	P("fdlimit", INT64, DEC),
	P("pgft_maj", UINT64, DEC),
	P("pgft_min", UINT64, DEC),
	P("vm_size", UINT32, DEC),
	P("vm_rss", UINT32, DEC),
	P("vm_swap", UINT32, DEC),
	PFL("flags", FLAGS32, HEX, clone_flags),
	P("uid", UINT32, DEC),
	P("gid", UINT32, DEC),
};
static const struct fnet_param_info params_185[] = {
	P("res", PID, DEC),
	P("exe", CHARBUF, NA),
	P("args", BYTEBUF, NA),
	P("tid", PID, DEC),
	P("pid", PID, DEC),
	P("ptid", PID, DEC),
	P("cwd", CHARBUF, NA),
	P("fdlimit", INT64, DEC),
	P("pgft_maj", UINT64, DEC),
	P("pgft_min", UINT64, DEC),
	P("vm_size", UINT32, DEC),
	P("vm_rss", UINT32, DEC),
	P("vm_swap", UINT32, DEC),
	PFL("flags", FLAGS32, HEX, clone_flags),
	P("uid", UINT32, DEC),
	P("gid", UINT32, DEC),
};
static const struct fnet_param_info params_186[] = {
	P("status", ERRNO, DEC),
	P("ret", ERRNO, DEC),
	P("sig", SIGTYPE, DEC),
	P("core", UINT8, DEC),
	P("reaper_tid", PID, DEC),
};
static const struct fnet_param_info params_188[] = {
	P("out_fd", FD, DEC),
	P("in_fd", FD, DEC),
	P("offset", UINT64, DEC),
	P("size", UINT64, DEC),
};
static const struct fnet_param_info params_189[] = {
	P("res", ERRNO, DEC),
	P("offset", UINT64, DEC),
	P("out_fd", FD, DEC),
	P("in_fd", FD, DEC),
	P("size", UINT64, DEC),
};
static const struct fnet_param_info params_190[] = {
	PFL("cmd", FLAGS16, DEC, quotactl_cmds),
	PFL("type", FLAGS8, DEC, quotactl_types),
	P("id", UINT32, DEC),
	PFL("quota_fmt", FLAGS8, DEC, quotactl_quota_fmts),
};
static const struct fnet_param_info params_191[] = {
	P("res", ERRNO, DEC),
	P("special", CHARBUF, NA),
	P("quotafilepath", CHARBUF, NA),
	P("dqb_bhardlimit", UINT64, DEC),
	P("dqb_bsoftlimit", UINT64, DEC),
	P("dqb_curspace", UINT64, DEC),
	P("dqb_ihardlimit", UINT64, DEC),
	P("dqb_isoftlimit", UINT64, DEC),
	P("dqb_btime", RELTIME, DEC),
	P("dqb_itime", RELTIME, DEC),
	P("dqi_bgrace", RELTIME, DEC),
	P("dqi_igrace", RELTIME, DEC),
	PFL("dqi_flags", FLAGS8, DEC, quotactl_dqi_flags),
	PFL("quota_fmt_out", FLAGS8, DEC, quotactl_quota_fmts),
	PFL("cmd", FLAGS16, DEC, quotactl_cmds),
	PFL("type", FLAGS8, DEC, quotactl_types),
	P("id", UINT32, DEC),
	PFL("quota_fmt", FLAGS8, DEC, quotactl_quota_fmts),
};
static const struct fnet_param_info params_192[] = {
	P("ruid", UID, DEC),
	P("euid", UID, DEC),
	P("suid", UID, DEC),
};
static const struct fnet_param_info params_193[] = {
	P("res", ERRNO, DEC),
	P("ruid", UID, DEC),
	P("euid", UID, DEC),
	P("suid", UID, DEC),
};
static const struct fnet_param_info params_194[] = {
	P("rgid", GID, DEC),
	P("egid", GID, DEC),
	P("sgid", GID, DEC),
};
static const struct fnet_param_info params_195[] = {
	P("res", ERRNO, DEC),
	P("rgid", GID, DEC),
	P("egid", GID, DEC),
	P("sgid", GID, DEC),
};
static const struct fnet_param_info params_196[] = {
	P("event_type", UINT32, DEC),
	P("event_data", UINT64, DEC),
};
static const struct fnet_param_info params_198[] = {
	P("uid", UID, DEC),
};
static const struct fnet_param_info params_199[] = {
	P("res", ERRNO, DEC),
	P("uid", UID, DEC),
};
static const struct fnet_param_info params_200[] = {
	P("gid", GID, DEC),
};
static const struct fnet_param_info params_201[] = {
	P("res", ERRNO, DEC),
	P("gid", GID, DEC),
};
static const struct fnet_param_info params_203[] = {
	P("uid", UID, DEC),
};
static const struct fnet_param_info params_205[] = {
	P("euid", UID, DEC),
};
static const struct fnet_param_info params_207[] = {
	P("gid", GID, DEC),
};
static const struct fnet_param_info params_209[] = {
	P("egid", GID, DEC),
};
static const struct fnet_param_info params_211[] = {
	P("res", ERRNO, DEC),
	P("ruid", UID, DEC),
	P("euid", UID, DEC),
	P("suid", UID, DEC),
};
static const struct fnet_param_info params_213[] = {
	P("res", ERRNO, DEC),
	P("rgid", GID, DEC),
	P("egid", GID, DEC),
	P("sgid", GID, DEC),
};
static const struct fnet_param_info params_215[] = {
	P("res", ERRNO, DEC),
	P("exe", CHARBUF, NA),
	P("args", BYTEBUF, NA),
	P("tid", PID, DEC),
	P("pid", PID, DEC),
	P("ptid", PID, DEC),
	P("cwd", CHARBUF, NA),
	P("fdlimit", UINT64, DEC),
	P("pgft_maj", UINT64, DEC),
	P("pgft_min", UINT64, DEC),
	P("vm_size", UINT32, DEC),
	P("vm_rss", UINT32, DEC),
	P("vm_swap", UINT32, DEC),
	P("comm", CHARBUF, NA),
	P("env", BYTEBUF, NA),
};
static const struct fnet_param_info params_217[] = {
	P("res", PID, DEC),
	P("exe", CHARBUF, NA),
	P("args", BYTEBUF, NA),
	P("tid", PID, DEC),
	P("pid", PID, DEC),
	P("ptid", PID, DEC),
	P("cwd", CHARBUF, NA),
	P("fdlimit", INT64, DEC),
	P("pgft_maj", UINT64, DEC),
	P("pgft_min", UINT64, DEC),
	P("vm_size", UINT32, DEC),
	P("vm_rss", UINT32, DEC),
	P("vm_swap", UINT32, DEC),
	P("comm", CHARBUF, NA),
	PFL("flags", FLAGS32, HEX, clone_flags),
	P("uid", UINT32, DEC),
	P("gid", UINT32, DEC),
};
static const struct fnet_param_info params_219[] = {
	P("res", PID, DEC),
	P("exe", CHARBUF, NA),
	P("args", BYTEBUF, NA),
	P("tid", PID, DEC),
	P("pid", PID, DEC),
	P("ptid", PID, DEC),
	P("cwd", CHARBUF, NA),
	P("fdlimit", INT64, DEC),
	P("pgft_maj", UINT64, DEC),
	P("pgft_min", UINT64, DEC),
	P("vm_size", UINT32, DEC),
	P("vm_rss", UINT32, DEC),
	P("vm_swap", UINT32, DEC),
	P("comm", CHARBUF, NA),
	PFL("flags", FLAGS32, HEX, clone_flags),
	P("uid", UINT32, DEC),
	P("gid", UINT32, DEC),
};
static const struct fnet_param_info params_221[] = {
	P("res", PID, DEC),
	P("exe", CHARBUF, NA),
	P("args", BYTEBUF, NA),
	P("tid", PID, DEC),
	P("pid", PID, DEC),
	P("ptid", PID, DEC),
	P("cwd", CHARBUF, NA),
	P("fdlimit", INT64, DEC),
	P("pgft_maj", UINT64, DEC),
	P("pgft_min", UINT64, DEC),
	P("vm_size", UINT32, DEC),
	P("vm_rss", UINT32, DEC),
	P("vm_swap", UINT32, DEC),
	P("comm", CHARBUF, NA),
	PFL("flags", FLAGS32, HEX, clone_flags),
	P("uid", UINT32, DEC),
	P("gid", UINT32, DEC),
};
static const struct fnet_param_info params_223[] = {
	P("res", PID, DEC),
	P("exe", CHARBUF, NA),
	P("args", BYTEBUF, NA),
	P("tid", PID, DEC),
	P("pid", PID, DEC),
	P("ptid", PID, DEC),
	P("cwd", CHARBUF, NA),
	P("fdlimit", INT64, DEC),
	P("pgft_maj", UINT64, DEC),
	P("pgft_min", UINT64, DEC),
	P("vm_size", UINT32, DEC),
	P("vm_rss", UINT32, DEC),
	P("vm_swap", UINT32, DEC),
	P("comm", CHARBUF, NA),
	P("cgroups", BYTEBUF, NA),
	PFL("flags", FLAGS32, HEX, clone_flags),
	P("uid", UINT32, DEC),
	P("gid", UINT32, DEC),
	P("vtid", PID, DEC),
	P("vpid", PID, DEC),
	P("pidns_init_start_ts", UINT64, DEC),
};
static const struct fnet_param_info params_225[] = {
	P("res", PID, DEC),
	P("exe", CHARBUF, NA),
	P("args", BYTEBUF, NA),
	P("tid", PID, DEC),
	P("pid", PID, DEC),
	P("ptid", PID, DEC),
	P("cwd", CHARBUF, NA),
	P("fdlimit", INT64, DEC),
	P("pgft_maj", UINT64, DEC),
	P("pgft_min", UINT64, DEC),
	P("vm_size", UINT32, DEC),
	P("vm_rss", UINT32, DEC),
	P("vm_swap", UINT32, DEC),
	P("comm", CHARBUF, NA),
	P("cgroups", BYTEBUF, NA),
	PFL("flags", FLAGS32, HEX, clone_flags),
	P("uid", UINT32, DEC),
	P("gid", UINT32, DEC),
	P("vtid", PID, DEC),
	P("vpid", PID, DEC),
	P("pidns_init_start_ts", UINT64, DEC),
};
static const struct fnet_param_info params_227[] = {
	P("res", PID, DEC),
	P("exe", CHARBUF, NA),
	P("args", BYTEBUF, NA),
	P("tid", PID, DEC),
	P("pid", PID, DEC),
	P("ptid", PID, DEC),
	P("cwd", CHARBUF, NA),
	P("fdlimit", INT64, DEC),
	P("pgft_maj", UINT64, DEC),
	P("pgft_min", UINT64, DEC),
	P("vm_size", UINT32, DEC),
	P("vm_rss", UINT32, DEC),
	P("vm_swap", UINT32, DEC),
	P("comm", CHARBUF, NA),
	P("cgroups", BYTEBUF, NA),
	PFL("flags", FLAGS32, HEX, clone_flags),
	P("uid", UINT32, DEC),
	P("gid", UINT32, DEC),
	P("vtid", PID, DEC),
	P("vpid", PID, DEC),
	P("pidns_init_start_ts", UINT64, DEC),
};
static const struct fnet_param_info params_228[] = {
	P("id", CHARBUF, NA),
	P("type", UINT32, DEC),
	P("name", CHARBUF, NA),
	P("image", CHARBUF, NA),
};
static const struct fnet_param_info params_231[] = {
	P("res", ERRNO, DEC),
	P("exe", CHARBUF, NA),
	P("args", BYTEBUF, NA),
	P("tid", PID, DEC),
	P("pid", PID, DEC),
	P("ptid", PID, DEC),
	P("cwd", CHARBUF, NA),
	P("fdlimit", UINT64, DEC),
	P("pgft_maj", UINT64, DEC),
	P("pgft_min", UINT64, DEC),
	P("vm_size", UINT32, DEC),
	P("vm_rss", UINT32, DEC),
	P("vm_swap", UINT32, DEC),
	P("comm", CHARBUF, NA),
	P("cgroups", BYTEBUF, NA),
	P("env", BYTEBUF, NA),
};
static const struct fnet_param_info params_232[] = {
	P("spid", PID, DEC),
	P("dpid", PID, DEC),
	P("sig", SIGTYPE, DEC),
};
static const struct fnet_param_info params_234[] = {
	P("cpu_usr", UINT64, DEC),
	P("cpu_sys", UINT64, DEC),
};
static const struct fnet_param_info params_236[] = {
	P("fd", FD, NA),
};
static const struct fnet_param_info params_237[] = {
	P("res", ERRNO, DEC),
	P("fd", FD, NA),
};
static const struct fnet_param_info params_238[] = {
	P("fd", FD, NA),
};
static const struct fnet_param_info params_239[] = {
	P("res", ERRNO, DEC),
	P("fd", FD, NA),
};
static const struct fnet_param_info params_240[] = {
	P("fd", FD, NA),
	PFL("nstype", FLAGS32, HEX, clone_flags),
};
static const struct fnet_param_info params_241[] = {
	P("res", ERRNO, DEC),
	P("fd", FD, NA),
	PFL("nstype", FLAGS32, HEX, clone_flags),
};
static const struct fnet_param_info params_242[] = {
	P("fd", FD, NA),
	PFL("operation", FLAGS32, HEX, flock_flags),
};
static const struct fnet_param_info params_243[] = {
	P("res", ERRNO, DEC),
	P("fd", FD, NA),
	PFL("operation", FLAGS32, HEX, flock_flags),
};
static const struct fnet_param_info params_244[] = {
	P("cpu", UINT32, DEC),
	P("action", UINT32, DEC),
};
static const struct fnet_param_info params_247[] = {
	P("fd", FD, DEC),
	P("tuple", SOCKTUPLE, NA),
	P("queuepct", UINT8, DEC),
	P("queuelen", UINT32, DEC),
	P("queuemax", UINT32, DEC),
};
static const struct fnet_param_info params_248[] = {
	P("flags", INT32, HEX),
};
static const struct fnet_param_info params_249[] = {
	P("fd", FD, DEC),
	P("tuple", SOCKTUPLE, NA),
	P("queuepct", UINT8, DEC),
	P("queuelen", UINT32, DEC),
	P("queuemax", UINT32, DEC),
};
static const struct fnet_param_info params_250[] = {
	P("semid", INT32, DEC),
};
static const struct fnet_param_info params_251[] = {
	P("res", ERRNO, DEC),
	P("nsops", UINT32, DEC),
	P("sem_num_0", UINT16, DEC),
	P("sem_op_0", INT16, DEC),
	PFL("sem_flg_0", FLAGS16, HEX, semop_flags),
	P("sem_num_1", UINT16, DEC),
	P("sem_op_1", INT16, DEC),
	PFL("sem_flg_1", FLAGS16, HEX, semop_flags),
	P("semid", INT32, DEC),
};
static const struct fnet_param_info params_252[] = {
	P("semid", INT32, DEC),
	P("semnum", INT32, DEC),
	PFL("cmd", FLAGS16, HEX, semctl_commands),
	P("val", INT32, DEC),
};
static const struct fnet_param_info params_253[] = {
	P("res", ERRNO, DEC),
	P("semid", INT32, DEC),
	P("semnum", INT32, DEC),
	PFL("cmd", FLAGS16, HEX, semctl_commands),
	P("val", INT32, DEC),
};
static const struct fnet_param_info params_254[] = {
	P("fds", FDLIST, DEC),
	P("timeout", RELTIME, DEC),
	P("sigmask", SIGSET, DEC),
};
static const struct fnet_param_info params_255[] = {
	P("res", ERRNO, DEC),
	P("fds", FDLIST, DEC),
	P("timeout", RELTIME, DEC),
	P("sigmask", SIGSET, DEC),
};
static const struct fnet_param_info params_256[] = {
	PFL("flags", FLAGS32, HEX, mount_flags),
};
static const struct fnet_param_info params_257[] = {
	P("res", ERRNO, DEC),
	P("dev", CHARBUF, NA),
	P("dir", FSPATH, NA),
	P("type", CHARBUF, NA),
	PFL("flags", FLAGS32, HEX, mount_flags),
};
static const struct fnet_param_info params_258[] = {
	PFL("flags", FLAGS32, HEX, umount_flags),
};
static const struct fnet_param_info params_259[] = {
	P("res", ERRNO, DEC),
	P("name", FSPATH, NA),
};
static const struct fnet_param_info params_260[] = {
	P("json", CHARBUF, NA),
};
static const struct fnet_param_info params_262[] = {
	P("key", INT32, HEX),
	P("nsems", INT32, DEC),
	PFL("semflg", FLAGS32, HEX, semget_flags),
};
static const struct fnet_param_info params_263[] = {
	P("res", ERRNO, DEC),
	P("key", INT32, HEX),
	P("nsems", INT32, DEC),
	PFL("semflg", FLAGS32, HEX, semget_flags),
};
static const struct fnet_param_info params_264[] = {
	PFL("mode", FLAGS32, HEX, access_flags),
};
static const struct fnet_param_info params_265[] = {
	P("res", ERRNO, DEC),
	P("name", FSPATH, NA),
	PFL("mode", FLAGS32, HEX, access_flags),
};
static const struct fnet_param_info params_267[] = {
	P("res", ERRNO, DEC),
	P("path", FSPATH, NA),
};
static const struct fnet_param_info params_268[] = {
	P("id", INT64, DEC),
	P("tags", CHARBUFARRAY, NA),
	P("args", CHARBUF_PAIR_ARRAY, NA),
};
static const struct fnet_param_info params_269[] = {
	P("id", INT64, DEC),
	P("tags", CHARBUFARRAY, NA),
	P("args", CHARBUF_PAIR_ARRAY, NA),
};
static const struct fnet_param_info params_270[] = {
	P("json", CHARBUF, NA),
};
static const struct fnet_param_info params_272[] = {
	P("json", CHARBUF, NA),
};
static const struct fnet_param_info params_275[] = {
	P("res", PID, DEC),
};
static const struct fnet_param_info params_276[] = {
	P("mode", UINT32, HEX),
};
static const struct fnet_param_info params_277[] = {
	P("res", ERRNO, DEC),
	P("path", FSPATH, NA),
	P("mode", UINT32, HEX),
};
static const struct fnet_param_info params_279[] = {
	P("res", ERRNO, DEC),
	P("path", FSPATH, NA),
};
static const struct fnet_param_info params_280[] = {
	P("id", CHARBUF, DEC),
	P("desc", CHARBUF, NA),
};
static const struct fnet_param_info params_283[] = {
	P("res", ERRNO, DEC),
	P("exe", CHARBUF, NA),
	P("args", BYTEBUF, NA),
	P("tid", PID, DEC),
	P("pid", PID, DEC),
	P("ptid", PID, DEC),
	P("cwd", CHARBUF, NA),
	P("fdlimit", UINT64, DEC),
	P("pgft_maj", UINT64, DEC),
	P("pgft_min", UINT64, DEC),
	P("vm_size", UINT32, DEC),
	P("vm_rss", UINT32, DEC),
	P("vm_swap", UINT32, DEC),
	P("comm", CHARBUF, NA),
	P("cgroups", BYTEBUF, NA),
	P("env", BYTEBUF, NA),
	P("tty", INT32, DEC),
};
static const struct fnet_param_info params_284[] = {
	PFL("flags", FLAGS32, HEX, clone_flags),
};
static const struct fnet_param_info params_285[] = {
	P("res", ERRNO, DEC),
	PFL("flags", FLAGS32, HEX, clone_flags),
};
static const struct fnet_param_info params_286[] = {
	P("source", CHARBUF, DEC),
	P("name", CHARBUF, NA),
	P("description", CHARBUF, NA),
	P("scope", CHARBUF, NA),
};
static const struct fnet_param_info params_288[] = {
	P("filename", FSPATH, NA),
};
static const struct fnet_param_info params_289[] = {
	P("res", ERRNO, DEC),
	P("exe", CHARBUF, NA),
	P("args", BYTEBUF, NA),
	P("tid", PID, DEC),
	P("pid", PID, DEC),
	P("ptid", PID, DEC),
	P("cwd", CHARBUF, NA),
	P("fdlimit", UINT64, DEC),
	P("pgft_maj", UINT64, DEC),
	P("pgft_min", UINT64, DEC),
	P("vm_size", UINT32, DEC),
	P("vm_rss", UINT32, DEC),
	P("vm_swap", UINT32, DEC),
	P("comm", CHARBUF, NA),
	P("cgroups", BYTEBUF, NA),
	P("env", BYTEBUF, NA),
	P("tty", INT32, DEC),
};
static const struct fnet_param_info params_290[] = {
	P("addr", UINT64, HEX),
	P("ip", UINT64, HEX),
	PFL("error", FLAGS32, HEX, pf_flags),
};
static const struct fnet_param_info params_292[] = {
	P("filename", FSPATH, NA),
};
static const struct fnet_param_info params_293[] = {
	P("res", ERRNO, DEC),
	P("exe", CHARBUF, NA),
	P("args", BYTEBUF, NA),
	P("tid", PID, DEC),
	P("pid", PID, DEC),
	P("ptid", PID, DEC),
	P("cwd", CHARBUF, NA),
	P("fdlimit", UINT64, DEC),
	P("pgft_maj", UINT64, DEC),
	P("pgft_min", UINT64, DEC),
	P("vm_size", UINT32, DEC),
	P("vm_rss", UINT32, DEC),
	P("vm_swap", UINT32, DEC),
	P("comm", CHARBUF, NA),
	P("cgroups", BYTEBUF, NA),
	P("env", BYTEBUF, NA),
	P("tty", UINT32, DEC),
	P("vpgid", PID, DEC),
	P("loginuid", UID, DEC),
	PFL("flags", FLAGS32, HEX, execve_flags),
	P("cap_inheritable", UINT64, HEX),
	P("cap_permitted", UINT64, HEX),
	P("cap_effective", UINT64, HEX),
	P("exe_ino", UINT64, DEC),
	P("exe_ino_ctime", ABSTIME, DEC),
	P("exe_ino_mtime", ABSTIME, DEC),
	P("uid", UID, DEC),
	P("trusted_exepath", FSPATH, NA),
	P("pgid", PID, NA),
	P("gid", GID, DEC),
	P("filename", FSPATH, NA),
};
static const struct fnet_param_info params_294[] = {
	P("pid", PID, DEC),
	P("pgid", PID, DEC),
};
static const struct fnet_param_info params_295[] = {
	P("res", ERRNO, DEC),
	P("pid", PID, DEC),
	P("pgid", PID, DEC),
};
static const struct fnet_param_info params_296[] = {
	P("cmd", INT64, DEC),
};
static const struct fnet_param_info params_297[] = {
	P("res_or_fd", DYN, DEC),
};
static const struct fnet_param_info params_298[] = {
	P("op", UINT64, DEC),
	P("flags", UINT64, HEX),
};
static const struct fnet_param_info params_299[] = {
	P("res", ERRNO, DEC),
	P("op", UINT64, DEC),
	P("flags", UINT64, HEX),
};
static const struct fnet_param_info params_301[] = {
	P("res", ERRNO, DEC),
	P("path", FSPATH, NA),
};
static const struct fnet_param_info params_303[] = {
	P("res", ERRNO, DEC),
	P("dirfd", FD, DEC),
	PREL("name", FSRELPATH, NA, 1),
	PFL("flags", FLAGS32, HEX, unlinkat_flags),
};
static const struct fnet_param_info params_305[] = {
	P("res", ERRNO, DEC),
	P("dirfd", FD, DEC),
	PREL("path", FSRELPATH, NA, 1),
	P("mode", UINT32, HEX),
};
static const struct fnet_param_info params_306[] = {
	P("dirfd", FD, DEC),
	PREL("name", FSRELPATH, NA, 0),
	PFL("flags", FLAGS32, HEX, file_flags),
	P("mode", UINT32, OCT),
};
static const struct fnet_param_info params_307[] = {
	P("fd", FD, DEC),
	P("dirfd", FD, DEC),
	PREL("name", FSRELPATH, NA, 1),
	PFL("flags", FLAGS32, HEX, file_flags),
	P("mode", UINT32, OCT),
	P("dev", UINT32, HEX),
	P("ino", UINT64, DEC),
};
static const struct fnet_param_info params_309[] = {
	P("res", ERRNO, DEC),
	P("oldpath", FSPATH, NA),
	P("newpath", FSPATH, NA),
};
static const struct fnet_param_info params_311[] = {
	P("res", ERRNO, DEC),
	P("olddir", FD, DEC),
	PREL("oldpath", FSRELPATH, NA, 1),
	P("newdir", FD, DEC),
	PREL("newpath", FSRELPATH, NA, 3),
	PFL("flags", FLAGS32, HEX, linkat_flags),
};
static const struct fnet_param_info params_313[] = {
	P("res", ERRNO, DEC),
	P("dirfd", FD, DEC),
	PREL("filename", FSRELPATH, NA, 1),
	PFL("mode", MODE, OCT, chmod_mode),
};
static const struct fnet_param_info params_315[] = {
	P("res", ERRNO, DEC),
	P("filename", FSPATH, NA),
	PFL("mode", MODE, OCT, chmod_mode),
};
static const struct fnet_param_info params_317[] = {
	P("res", ERRNO, DEC),
	P("fd", FD, DEC),
	PFL("mode", MODE, OCT, chmod_mode),
};
static const struct fnet_param_info params_319[] = {
	P("res", ERRNO, DEC),
	P("olddirfd", FD, DEC),
	PREL("oldpath", FSRELPATH, NA, 1),
	P("newdirfd", FD, DEC),
	PREL("newpath", FSRELPATH, NA, 3),
	PFL("flags", FLAGS32, HEX, renameat2_flags),
};
static const struct fnet_param_info params_321[] = {
	P("res", ERRNO, DEC),
	PFL("flags", FLAGS32, HEX, file_flags),
};
static const struct fnet_param_info params_322[] = {
	P("plugin_id", UINT32, DEC),
	P("event_data", BYTEBUF, NA),
};
static const struct fnet_param_info params_324[] = {
	P("json", CHARBUF, NA),
};
static const struct fnet_param_info params_326[] = {
	P("dirfd", FD, DEC),
	PREL("name", FSRELPATH, NA, 0),
	PFL("flags", FLAGS32, HEX, file_flags),
	P("mode", UINT32, OCT),
	PFL("resolve", FLAGS32, HEX, openat2_flags),
};
static const struct fnet_param_info params_327[] = {
	P("fd", FD, DEC),
	P("dirfd", FD, DEC),
	PREL("name", FSRELPATH, NA, 1),
	PFL("flags", FLAGS32, HEX, file_flags),
	P("mode", UINT32, OCT),
	PFL("resolve", FLAGS32, HEX, openat2_flags),
	P("dev", UINT32, HEX),
	P("ino", UINT64, DEC),
};
static const struct fnet_param_info params_328[] = {
	P("addr", UINT64, HEX),
	P("length", UINT64, DEC),
	PFL("prot", FLAGS32, HEX, prot_flags),
};
static const struct fnet_param_info params_329[] = {
	P("res", ERRNO, DEC),
	P("addr", UINT64, HEX),
	P("length", UINT64, DEC),
	PFL("prot", FLAGS32, HEX, prot_flags),
};
static const struct fnet_param_info params_330[] = {
	P("dirfd", FD, DEC),
	PREL("pathname", FSRELPATH, NA, 0),
	PFL("flags", FLAGS32, HEX, execveat_flags),
};
static const struct fnet_param_info params_331[] = {
	P("res", ERRNO, DEC),
	P("exe", CHARBUF, NA),
	P("args", BYTEBUF, NA),
	P("tid", PID, DEC),
	P("pid", PID, DEC),
	P("ptid", PID, DEC),
	P("cwd", CHARBUF, NA),
	P("fdlimit", UINT64, DEC),
	P("pgft_maj", UINT64, DEC),
	P("pgft_min", UINT64, DEC),
	P("vm_size", UINT32, DEC),
	P("vm_rss", UINT32, DEC),
	P("vm_swap", UINT32, DEC),
	P("comm", CHARBUF, NA),
	P("cgroups", BYTEBUF, NA),
	P("env", BYTEBUF, NA),
	P("tty", UINT32, DEC),
	P("vpgid", PID, DEC),
	P("loginuid", UID, DEC),
	PFL("flags", FLAGS32, HEX, execve_flags),
	P("cap_inheritable", UINT64, HEX),
	P("cap_permitted", UINT64, HEX),
	P("cap_effective", UINT64, HEX),
	P("exe_ino", UINT64, DEC),
	P("exe_ino_ctime", ABSTIME, DEC),
	P("exe_ino_mtime", ABSTIME, DEC),
	P("uid", UID, DEC),
	P("trusted_exepath", FSPATH, NA),
	P("pgid", PID, NA),
	P("gid", GID, DEC),
};
static const struct fnet_param_info params_332[] = {
	P("fdin", FD, DEC),
	P("offin", UINT64, DEC),
	P("len", UINT64, DEC),
};
static const struct fnet_param_info params_333[] = {
	P("res", ERRNO, DEC),
	P("fdout", FD, DEC),
	P("offout", UINT64, DEC),
	P("fdin", FD, DEC),
	P("offin", UINT64, DEC),
	P("len", UINT64, DEC),
};
static const struct fnet_param_info params_335[] = {
	P("res", PID, DEC),
	P("exe", CHARBUF, NA),
	P("args", BYTEBUF, NA),
	P("tid", PID, DEC),
	P("pid", PID, DEC),
	P("ptid", PID, DEC),
	P("cwd", CHARBUF, NA),
	P("fdlimit", INT64, DEC),
	P("pgft_maj", UINT64, DEC),
	P("pgft_min", UINT64, DEC),
	P("vm_size", UINT32, DEC),
	P("vm_rss", UINT32, DEC),
	P("vm_swap", UINT32, DEC),
	P("comm", CHARBUF, NA),
	P("cgroups", BYTEBUF, NA),
	PFL("flags", FLAGS32, HEX, clone_flags),
	P("uid", UINT32, DEC),
	P("gid", UINT32, DEC),
	P("vtid", PID, DEC),
	P("vpid", PID, DEC),
	P("pidns_init_start_ts", UINT64, DEC),
};
static const struct fnet_param_info params_337[] = {
	P("fd", FD, DEC),
	P("mountfd", FD, DEC),
	PFL("flags", FLAGS32, HEX, file_flags),
	P("path", FSPATH, NA),
	P("dev", UINT32, HEX),
	P("ino", UINT64, DEC),
};
static const struct fnet_param_info params_339[] = {
	P("res", ERRNO, DEC),
	P("entries", UINT32, DEC),
	P("sq_entries", UINT32, DEC),
	P("cq_entries", UINT32, DEC),
	PFL("flags", FLAGS32, HEX, io_uring_setup_flags),
	P("sq_thread_cpu", UINT32, DEC),
	P("sq_thread_idle", UINT32, DEC),
	PFL("features", FLAGS32, HEX, io_uring_setup_feats),
};
static const struct fnet_param_info params_341[] = {
	P("res", ERRNO, DEC),
	P("fd", FD, DEC),
	P("to_submit", UINT32, DEC),
	P("min_complete", UINT32, DEC),
	PFL("flags", FLAGS32, HEX, io_uring_enter_flags),
	P("sig", SIGSET, DEC),
};
static const struct fnet_param_info params_343[] = {
	P("res", ERRNO, DEC),
	P("fd", FD, DEC),
	PFL("opcode", ENUMFLAGS16, DEC, io_uring_register_opcodes),
	P("arg", UINT64, HEX),
	P("nr_args", UINT32, DEC),
};
static const struct fnet_param_info params_345[] = {
	P("res", ERRNO, DEC),
	P("addr", UINT64, HEX),
	P("len", UINT64, DEC),
};
static const struct fnet_param_info params_347[] = {
	P("res", ERRNO, DEC),
	P("addr", UINT64, HEX),
	P("len", UINT64, DEC),
};
static const struct fnet_param_info params_349[] = {
	P("res", ERRNO, DEC),
	PFL("flags", FLAGS32, HEX, mlockall_flags),
};
static const struct fnet_param_info params_351[] = {
	P("res", ERRNO, DEC),
};
static const struct fnet_param_info params_353[] = {
	P("res", ERRNO, DEC),
	P("cap_inheritable", UINT64, HEX),
	P("cap_permitted", UINT64, HEX),
	P("cap_effective", UINT64, HEX),
};
static const struct fnet_param_info params_354[] = {
	P("uid", UINT32, DEC),
	P("gid", UINT32, DEC),
	P("name", CHARBUF, NA),
	P("home", CHARBUF, NA),
	P("shell", CHARBUF, NA),
	P("container_id", CHARBUF, NA),
};
static const struct fnet_param_info params_356[] = {
	P("uid", UINT32, DEC),
	P("gid", UINT32, DEC),
	P("name", CHARBUF, NA),
	P("home", CHARBUF, NA),
	P("shell", CHARBUF, NA),
	P("container_id", CHARBUF, NA),
};
static const struct fnet_param_info params_358[] = {
	P("gid", UINT32, DEC),
	P("name", CHARBUF, NA),
	P("container_id", CHARBUF, NA),
};
static const struct fnet_param_info params_360[] = {
	P("gid", UINT32, DEC),
	P("name", CHARBUF, NA),
	P("container_id", CHARBUF, NA),
};
static const struct fnet_param_info params_362[] = {
	P("fd", FD, DEC),
};
static const struct fnet_param_info params_363[] = {
	P("res", FD, DEC),
	P("oldfd", FD, DEC),
	P("newfd", FD, DEC),
};
static const struct fnet_param_info params_364[] = {
	P("fd", FD, DEC),
};
static const struct fnet_param_info params_365[] = {
	P("res", FD, DEC),
	P("oldfd", FD, DEC),
	P("newfd", FD, DEC),
	PFL("flags", FLAGS32, HEX, file_flags),
};
static const struct fnet_param_info params_366[] = {
	P("fd", FD, DEC),
};
static const struct fnet_param_info params_367[] = {
	P("res", FD, DEC),
	P("oldfd", FD, DEC),
};
static const struct fnet_param_info params_368[] = {
	P("cmd", INT64, DEC),
};
static const struct fnet_param_info params_369[] = {
	P("fd", FD, DEC),
	PFL("cmd", ENUMFLAGS32, DEC, bpf_commands),
};
static const struct fnet_param_info params_371[] = {
	P("res", ERRNO, DEC),
	P("addr", UINT64, HEX),
	P("len", UINT64, DEC),
	PFL("flags", FLAGS32, HEX, mlock2_flags),
};
static const struct fnet_param_info params_373[] = {
	P("res", ERRNO, DEC),
	P("fd", FD, DEC),
	PFL("cmd", ENUMFLAGS32, DEC, fsconfig_cmds),
	P("key", CHARBUF, NA),
	P("value_bytebuf", BYTEBUF, NA),
	P("value_charbuf", CHARBUF, NA),
	P("aux", INT32, DEC),
};
static const struct fnet_param_info params_374[] = {
	P("size", INT32, DEC),
};
static const struct fnet_param_info params_375[] = {
	P("res", ERRNO, DEC),
	P("size", INT32, DEC),
};
static const struct fnet_param_info params_376[] = {
	PFL("flags", FLAGS32, HEX, epoll_create1_flags),
};
static const struct fnet_param_info params_377[] = {
	P("res", ERRNO, DEC),
	PFL("flags", FLAGS32, HEX, epoll_create1_flags),
};
static const struct fnet_param_info params_379[] = {
	P("res", ERRNO, DEC),
	P("path", FSPATH, NA),
	P("uid", UINT32, DEC),
	P("gid", UINT32, DEC),
};
static const struct fnet_param_info params_381[] = {
	P("res", ERRNO, DEC),
	P("path", FSPATH, NA),
	P("uid", UINT32, DEC),
	P("gid", UINT32, DEC),
};
static const struct fnet_param_info params_383[] = {
	P("res", ERRNO, DEC),
	P("fd", FD, DEC),
	P("uid", UINT32, DEC),
	P("gid", UINT32, DEC),
};
static const struct fnet_param_info params_385[] = {
	P("res", ERRNO, DEC),
	P("dirfd", FD, DEC),
	PREL("pathname", FSRELPATH, NA, 1),
	P("uid", UINT32, DEC),
	P("gid", UINT32, DEC),
	PFL("flags", FLAGS32, HEX, fchownat_flags),
};
static const struct fnet_param_info params_387[] = {
	P("res", ERRNO, DEC),
	P("name", FSPATH, NA),
};
static const struct fnet_param_info params_388[] = {
	P("flags", INT32, HEX),
};
static const struct fnet_param_info params_389[] = {
	P("fd", FD, DEC),
	P("tuple", SOCKTUPLE, NA),
	P("queuepct", UINT8, DEC),
	P("queuelen", UINT32, DEC),
	P("queuemax", UINT32, DEC),
	P("flags", INT32, HEX),
};
static const struct fnet_param_info params_390[] = {
	PFL("flags", FLAGS32, HEX, umount_flags),
};
static const struct fnet_param_info params_391[] = {
	P("res", ERRNO, DEC),
	P("name", FSPATH, NA),
	PFL("flags", FLAGS32, HEX, umount_flags),
};
static const struct fnet_param_info params_393[] = {
	P("res", ERRNO, DEC),
	P("fd1", FD, DEC),
	P("fd2", FD, DEC),
	P("ino", UINT64, DEC),
	PFL("flags", FLAGS32, HEX, file_flags),
};
static const struct fnet_param_info params_395[] = {
	P("res", FD, DEC),
	PFL("flags", FLAGS16, HEX, file_flags),
};
static const struct fnet_param_info params_396[] = {
	P("initval", UINT64, DEC),
};
static const struct fnet_param_info params_397[] = {
	P("res", FD, DEC),
	PFL("flags", FLAGS16, HEX, file_flags),
	P("initval", UINT64, DEC),
};
static const struct fnet_param_info params_398[] = {
	P("fd", FD, DEC),
	P("mask", UINT32, HEX),
};
static const struct fnet_param_info params_399[] = {
	P("res", FD, DEC),
	PFL("flags", FLAGS16, HEX, file_flags),
	P("fd", FD, DEC),
	P("mask", UINT32, HEX),
};
static const struct fnet_param_info params_401[] = {
	P("res", ERRNO, DEC),
	PFL("option", ENUMFLAGS32, DEC, prctl_options),
	P("arg2_str", CHARBUF, NA),
	P("arg2_int", INT64, DEC),
};
static const struct fnet_param_info params_402[] = {
	P("plugin_id", UINT32, DEC),
	P("name", CHARBUF, NA),
	P("data", BYTEBUF, NA),
};
static const struct fnet_param_info params_405[] = {
	P("fd", FD, DEC),
	P("name", CHARBUF, NA),
	PFL("flags", FLAGS32, HEX, memfd_create_flags),
};
static const struct fnet_param_info params_407[] = {
	P("fd", FD, DEC),
	P("pid_fd", FD, DEC),
	P("target_fd", FD, DEC),
	P("flags", UINT32, HEX),
};
static const struct fnet_param_info params_409[] = {
	P("fd", FD, DEC),
	P("pid", PID, DEC),
	PFL("flags", FLAGS32, HEX, pidfd_open_flags),
};
static const struct fnet_param_info params_411[] = {
	P("res", ERRNO, DEC),
	P("img", BYTEBUF, NA),
	P("length", UINT64, DEC),
	P("uargs", CHARBUF, NA),
};
static const struct fnet_param_info params_413[] = {
	P("res", ERRNO, DEC),
	P("fd", FD, DEC),
	P("uargs", CHARBUF, NA),
	PFL("flags", FLAGS32, HEX, finit_module_flags),
};
static const struct fnet_param_info params_415[] = {
	P("res", ERRNO, DEC),
	P("path", FSPATH, NA),
	PFL("mode", MODE, OCT, mknod_mode),
	P("dev", UINT32, DEC),
};
static const struct fnet_param_info params_417[] = {
	P("res", ERRNO, DEC),
	P("dirfd", FD, DEC),
	PREL("path", FSRELPATH, NA, 1),
	PFL("mode", MODE, OCT, mknod_mode),
	P("dev", UINT32, DEC),
};
static const struct fnet_param_info params_419[] = {
	P("res", ERRNO, DEC),
	P("dirfd", FD, DEC),
	PREL("path", FSRELPATH, NA, 1),
	PFL("flags", FLAGS32, HEX, newfstatat_flags),
};
static const struct fnet_param_info params_421[] = {
	P("res", INT64, DEC),
	P("pid", PID, DEC),
	P("data", BYTEBUF, NA),
};
static const struct fnet_param_info params_423[] = {
	P("res", INT64, DEC),
	P("pid", PID, DEC),
	P("data", BYTEBUF, NA),
};
static const struct fnet_param_info params_425[] = {
	P("res", ERRNO, DEC),
	P("name", CHARBUF, NA),
	PFL("flags", FLAGS32, HEX, delete_module_flags),
};
static const struct fnet_param_info params_427[] = {
	P("res", ERRNO, DEC),
	P("ruid", UID, DEC),
	P("euid", UID, DEC),
};
static const struct fnet_param_info params_429[] = {
	P("res", ERRNO, DEC),
	P("rgid", UID, DEC),
	P("egid", UID, DEC),
};
static const struct fnet_param_info params_430[] = {
	P("ppid", PID32, DEC),
	P("pgid", PID32, DEC),
	P("vpgid", PID32, DEC),
	P("sid", PID32, DEC),
	P("comm", CHARBUF, NA),
	P("argv", CHARBUFARRAY, NA),
	P("exepath", FSPATH, NA),
	PFL("flags", FLAGS32, HEX, execve_flags),
	P("env", CHARBUFARRAY, NA),
	P("cwd", CHARBUF, NA),
	P("fdlimit", UINT64, DEC),
	P("euid", UID, DEC),
	P("egid", GID, DEC),
	P("cap_permitted", UINT64, HEX),
	P("cap_effective", UINT64, HEX),
	P("cap_inheritable", UINT64, HEX),
	P("exe_ino_num", UINT64, DEC),
	P("exe_ino_ctime", ABSTIME, DEC),
	P("exe_ino_mtime", ABSTIME, DEC),
	P("vm_size", UINT32, DEC),
	P("vm_rss", UINT32, DEC),
	P("vm_swap", UINT32, DEC),
	P("pgft_maj", UINT64, DEC),
	P("pgft_min", UINT64, DEC),
	P("vtgid", PID32, DEC),
	P("vpid", PID32, DEC),
	P("pidns_init_start_ts", UINT64, DEC),
	P("cgroups", CHARBUFARRAY, NA),
	P("root", FSPATH, NA),
	P("start_time", ABSTIME, DEC),
	P("tty", UINT32, DEC),
	P("loginuid", UID, DEC),
};
static const struct fnet_param_info params_432[] = {
	P("fd", FD32, DEC),
	P("path", FSPATH, NA),
	P("ino_num", UINT64, DEC),
};
static const struct fnet_param_info params_434[] = {
	P("fd", FD32, DEC),
	P("path", FSPATH, NA),
	P("ino_num", UINT64, DEC),
};
static const struct fnet_param_info params_436[] = {
	P("fd", FD32, DEC),
	P("path", FSPATH, NA),
	PFL("flags", FLAGS32, HEX, file_flags),
	P("mnt_id", UINT32, DEC),
	P("ino_num", UINT64, DEC),
};
static const struct fnet_param_info params_438[] = {
	P("fd", FD32, DEC),
	P("path", FSPATH, NA),
	P("ino_num", UINT64, DEC),
};
static const struct fnet_param_info params_440[] = {
	P("fd", FD32, DEC),
	P("sk_type", UINT16, DEC),
	P("sk_proto", UINT16, DEC),
	P("local_ip", IPV4ADDR, HEX),
	P("local_port", PORT, HEX),
	P("remote_ip", IPV4ADDR, HEX),
	P("remote_port", PORT, HEX),
	P("ino_num", UINT64, DEC),
};
static const struct fnet_param_info params_442[] = {
	P("fd", FD32, DEC),
	P("sk_type", UINT16, DEC),
	P("sk_proto", UINT16, DEC),
	P("local_ip", IPV6ADDR, HEX),
	P("local_port", PORT, HEX),
	P("remote_ip", IPV6ADDR, HEX),
	P("remote_port", PORT, HEX),
	P("ino_num", UINT64, DEC),
};
static const struct fnet_param_info params_444[] = {
	P("fd", FD32, DEC),
	P("sk_type", UINT16, DEC),
	P("sk_proto", UINT16, DEC),
	P("sk_pointer", UINT64, NA),
	P("sun_path", FSPATH, NA),
	P("ino_num", UINT64, DEC),
};
static const struct fnet_param_info params_446[] = {
	P("fd", FD32, DEC),
	P("sk_type", UINT16, DEC),
	P("sk_proto", UINT16, DEC),
	P("ino_num", UINT64, DEC),
};
static const struct fnet_param_info params_448[] = {
	P("fd", FD32, DEC),
	PFL("fd_type", FLAGS8, DEC, anon_inode_fd_types),
	P("path", FSPATH, NA),
	P("ino_num", UINT64, DEC),
};
static const struct fnet_param_info params_451[] = {
	P("res", ERRNO, DEC),
	P("first", UINT32, DEC),
	P("last", UINT32, DEC),
	PFL("flags", FLAGS32, HEX, close_range_flags),
};
static const struct fnet_param_info params_453[] = {
	P("res", ERRNO, DEC),
	PFL("operation", ENUMFLAGS32, DEC, keyctl_operations),
	P("arg2", DYN, DEC),
	P("arg3", DYN, DEC),
	P("arg4", DYN, DEC),
	P("arg5", DYN, DEC),
};

const struct fnet_event_info fnet_event_table[FNET_EV_COUNT] = {
	[0] = {"syscall", 513u, 4608u, 2, params_0},
	[1] = {"syscall", 513u, 4096u, 2, params_1},
	[2] = {"open", 514u, 4129u, 3, params_2},
	[3] = {"open", 514u, 4129u, 6, params_3},
	[4] = {"close", 546u, 4646u, 1, params_4},
	[5] = {"close", 546u, 4134u, 2, params_5},
	[6] = {"read", 544u, 4620u, 2, params_6},
	[7] = {"read", 544u, 4108u, 4, params_7},
	[8] = {"write", 545u, 4628u, 2, params_8},
	[9] = {"write", 545u, 4116u, 4, params_9},
	[10] = {"brk", 517u, 4608u, 1, params_10},
	[11] = {"brk", 517u, 4608u, 1, params_11},
	[12] = {"execve", 518u, 4640u, 0, NULL},
	[13] = {"execve", 518u, 4640u, 8, params_13},
	[14] = {"clone", 518u, 544u, 0, NULL},
	[15] = {"clone", 518u, 4640u, 11, params_15},
	[16] = {"procexit", 1030u, 4640u, 0, NULL},
	[17] = {"NA", 0u, 64u, 0, NULL},
	[18] = {"socket", 515u, 4641u, 3, params_18},
	[19] = {"socket", 515u, 4129u, 5, params_19},
	[20] = {"bind", 515u, 4644u, 1, params_20},
	[21] = {"bind", 515u, 4132u, 3, params_21},
	[22] = {"connect", 515u, 4132u, 2, params_22},
	[23] = {"connect", 515u, 4132u, 4, params_23},
	[24] = {"listen", 515u, 4612u, 2, params_24},
	[25] = {"listen", 515u, 4100u, 3, params_25},
	[26] = {"accept", 515u, 545u, 0, NULL},
	[27] = {"accept", 515u, 4641u, 3, params_27},
	[28] = {"send", 545u, 4628u, 2, params_28},
	[29] = {"send", 545u, 4116u, 5, params_29},
	[30] = {"sendto", 545u, 4660u, 3, params_30},
	[31] = {"sendto", 545u, 4148u, 5, params_31},
	[32] = {"recv", 544u, 4620u, 2, params_32},
	[33] = {"recv", 544u, 4108u, 5, params_33},
	[34] = {"recvfrom", 544u, 4652u, 2, params_34},
	[35] = {"recvfrom", 544u, 4140u, 5, params_35},
	[36] = {"shutdown", 515u, 4644u, 2, params_36},
	[37] = {"shutdown", 515u, 4132u, 3, params_37},
	[38] = {"getsockname", 515u, 512u, 0, NULL},
	[39] = {"getsockname", 515u, 0u, 0, NULL},
	[40] = {"getpeername", 515u, 512u, 0, NULL},
	[41] = {"getpeername", 515u, 0u, 0, NULL},
	[42] = {"socketpair", 516u, 4641u, 3, params_42},
	[43] = {"socketpair", 516u, 4129u, 8, params_43},
	[44] = {"setsockopt", 515u, 512u, 0, NULL},
	[45] = {"setsockopt", 515u, 4u, 6, params_45},
	[46] = {"getsockopt", 515u, 544u, 0, NULL},
	[47] = {"getsockopt", 515u, 36u, 6, params_47},
	[48] = {"sendmsg", 545u, 4660u, 3, params_48},
	[49] = {"sendmsg", 545u, 4148u, 5, params_49},
	[50] = {"sendmmsg", 545u, 512u, 0, NULL},
	[51] = {"sendmmsg", 545u, 4148u, 5, params_51},
	[52] = {"recvmsg", 544u, 4652u, 1, params_52},
	[53] = {"recvmsg", 544u, 4140u, 6, params_53},
	[54] = {"recvmmsg", 544u, 512u, 0, NULL},
	[55] = {"recvmmsg", 544u, 4140u, 6, params_55},
	[56] = {"accept", 515u, 4641u, 1, params_56},
	[57] = {"accept", 515u, 4641u, 3, params_57},
	[58] = {"creat", 514u, 4129u, 2, params_58},
	[59] = {"creat", 514u, 4129u, 6, params_59},
	[60] = {"pipe", 516u, 545u, 0, NULL},
	[61] = {"pipe", 516u, 33u, 4, params_61},
	[62] = {"eventfd", 516u, 4641u, 2, params_62},
	[63] = {"eventfd", 516u, 4129u, 3, params_63},
	[64] = {"futex", 516u, 4608u, 3, params_64},
	[65] = {"futex", 516u, 4096u, 4, params_65},
	[66] = {"stat", 514u, 512u, 0, NULL},
	[67] = {"stat", 514u, 0u, 2, params_67},
	[68] = {"lstat", 514u, 512u, 0, NULL},
	[69] = {"lstat", 514u, 0u, 2, params_69},
	[70] = {"fstat", 514u, 4612u, 1, params_70},
	[71] = {"fstat", 514u, 4100u, 2, params_71},
	[72] = {"stat64", 514u, 512u, 0, NULL},
	[73] = {"stat64", 514u, 0u, 2, params_73},
	[74] = {"lstat64", 514u, 512u, 0, NULL},
	[75] = {"lstat64", 514u, 0u, 2, params_75},
	[76] = {"fstat64", 514u, 516u, 1, params_76},
	[77] = {"fstat64", 514u, 0u, 1, params_77},
	[78] = {"epoll_wait", 576u, 4736u, 1, params_78},
	[79] = {"epoll_wait", 576u, 4224u, 2, params_79},
	[80] = {"poll", 576u, 4736u, 2, params_80},
	[81] = {"poll", 576u, 4224u, 3, params_81},
	[82] = {"select", 576u, 640u, 0, NULL},
	[83] = {"select", 576u, 128u, 1, params_83},
	[84] = {"select", 576u, 640u, 0, NULL},
	[85] = {"select", 576u, 4736u, 1, params_85},
	[86] = {"lseek", 514u, 4612u, 3, params_86},
	[87] = {"lseek", 514u, 4100u, 4, params_87},
	[88] = {"llseek", 514u, 4612u, 3, params_88},
	[89] = {"llseek", 514u, 4100u, 4, params_89},
	[90] = {"ioctl", 546u, 4612u, 2, params_90},
	[91] = {"ioctl", 546u, 4612u, 1, params_91},
	[92] = {"getcwd", 514u, 512u, 0, NULL},
	[93] = {"getcwd", 514u, 0u, 2, params_93},
	[94] = {"chdir", 514u, 544u, 0, NULL},
	[95] = {"chdir", 514u, 32u, 2, params_95},
	[96] = {"fchdir", 514u, 4644u, 1, params_96},
	[97] = {"fchdir", 514u, 4132u, 2, params_97},
	[98] = {"mkdir", 514u, 4608u, 2, params_98},
	[99] = {"mkdir", 514u, 4608u, 1, params_99},
	[100] = {"rmdir", 514u, 4608u, 1, params_100},
	[101] = {"rmdir", 514u, 4608u, 1, params_101},
	[102] = {"openat", 514u, 4641u, 4, params_102},
	[103] = {"openat", 514u, 4641u, 1, params_103},
	[104] = {"link", 514u, 4608u, 2, params_104},
	[105] = {"link", 514u, 4608u, 1, params_105},
	[106] = {"linkat", 514u, 4608u, 4, params_106},
	[107] = {"linkat", 514u, 4608u, 1, params_107},
	[108] = {"unlink", 514u, 4608u, 1, params_108},
	[109] = {"unlink", 514u, 4608u, 1, params_109},
	[110] = {"unlinkat", 514u, 4608u, 2, params_110},
	[111] = {"unlinkat", 514u, 4608u, 1, params_111},
	[112] = {"pread", 544u, 4620u, 3, params_112},
	[113] = {"pread", 544u, 4108u, 5, params_113},
	[114] = {"pwrite", 545u, 4628u, 3, params_114},
	[115] = {"pwrite", 545u, 4116u, 5, params_115},
	[116] = {"readv", 544u, 4620u, 1, params_116},
	[117] = {"readv", 544u, 4108u, 4, params_117},
	[118] = {"writev", 545u, 4628u, 2, params_118},
	[119] = {"writev", 545u, 4116u, 4, params_119},
	[120] = {"preadv", 544u, 4620u, 2, params_120},
	[121] = {"preadv", 544u, 4108u, 5, params_121},
	[122] = {"pwritev", 545u, 4628u, 3, params_122},
	[123] = {"pwritev", 545u, 4116u, 5, params_123},
	[124] = {"dup", 546u, 4645u, 1, params_124},
	[125] = {"dup", 546u, 4645u, 1, params_125},
	[126] = {"signalfd", 521u, 4641u, 3, params_126},
	[127] = {"signalfd", 521u, 4129u, 4, params_127},
	[128] = {"kill", 521u, 4608u, 2, params_128},
	[129] = {"kill", 521u, 4096u, 3, params_129},
	[130] = {"tkill", 521u, 4608u, 2, params_130},
	[131] = {"tkill", 521u, 4096u, 3, params_131},
	[132] = {"tgkill", 521u, 4608u, 3, params_132},
	[133] = {"tgkill", 521u, 4096u, 4, params_133},
	[134] = {"nanosleep", 519u, 4736u, 1, params_134},
	[135] = {"nanosleep", 519u, 4224u, 2, params_135},
	[136] = {"timerfd_create", 523u, 4641u, 2, params_136},
	[137] = {"timerfd_create", 523u, 4129u, 3, params_137},
	[138] = {"inotify_init", 516u, 4641u, 1, params_138},
	[139] = {"inotify_init", 516u, 4129u, 2, params_139},
	[140] = {"getrlimit", 518u, 4608u, 1, params_140},
	[141] = {"getrlimit", 518u, 4096u, 4, params_141},
	[142] = {"setrlimit", 518u, 4608u, 1, params_142},
	[143] = {"setrlimit", 518u, 4096u, 4, params_143},
	[144] = {"prlimit", 518u, 4608u, 2, params_144},
	[145] = {"prlimit", 518u, 4096u, 7, params_145},
	[146] = {"switch", 1152u, 4864u, 1, params_146},
	[147] = {"NA", 0u, 64u, 0, NULL},
	[148] = {"drop", 4352u, 256u, 1, params_148},
	[149] = {"drop", 4352u, 256u, 1, params_149},
	[150] = {"fcntl", 546u, 4644u, 2, params_150},
	[151] = {"fcntl", 546u, 4132u, 4, params_151},
	[152] = {"switch", 1152u, 0u, 6, params_152},
	[153] = {"NA", 0u, 64u, 0, NULL},
	[154] = {"execve", 518u, 4640u, 0, NULL},
	[155] = {"execve", 518u, 4640u, 13, params_155},
	[156] = {"clone", 518u, 544u, 0, NULL},
	[157] = {"clone", 518u, 4640u, 16, params_157},
	[158] = {"brk", 517u, 4608u, 1, params_158},
	[159] = {"brk", 517u, 4096u, 5, params_159},
	[160] = {"mmap", 517u, 4612u, 6, params_160},
	[161] = {"mmap", 517u, 4100u, 10, params_161},
	[162] = {"mmap2", 517u, 4612u, 6, params_162},
	[163] = {"mmap2", 517u, 4100u, 10, params_163},
	[164] = {"munmap", 517u, 4608u, 2, params_164},
	[165] = {"munmap", 517u, 4096u, 6, params_165},
	[166] = {"splice", 546u, 4612u, 4, params_166},
	[167] = {"splice", 546u, 4100u, 5, params_167},
	[168] = {"ptrace", 518u, 4608u, 2, params_168},
	[169] = {"ptrace", 518u, 4096u, 5, params_169},
	[170] = {"ioctl", 546u, 4612u, 3, params_170},
	[171] = {"ioctl", 546u, 4100u, 4, params_171},
	[172] = {"execve", 518u, 4640u, 0, NULL},
	[173] = {"execve", 518u, 4640u, 14, params_173},
	[174] = {"rename", 514u, 512u, 0, NULL},
	[175] = {"rename", 514u, 0u, 3, params_175},
	[176] = {"renameat", 514u, 512u, 0, NULL},
	[177] = {"renameat", 514u, 0u, 5, params_177},
	[178] = {"symlink", 514u, 512u, 0, NULL},
	[179] = {"symlink", 514u, 0u, 3, params_179},
	[180] = {"symlinkat", 514u, 512u, 0, NULL},
	[181] = {"symlinkat", 514u, 4u, 4, params_181},
	[182] = {"fork", 518u, 544u, 0, NULL},
	[183] = {"fork", 518u, 4640u, 16, params_183},
	[184] = {"vfork", 518u, 544u, 0, NULL},
	[185] = {"vfork", 518u, 4640u, 16, params_185},
	[186] = {"procexit", 1030u, 32u, 5, params_186},
	[187] = {"NA", 0u, 64u, 0, NULL},
	[188] = {"sendfile", 545u, 4612u, 4, params_188},
	[189] = {"sendfile", 545u, 4100u, 5, params_189},
	[190] = {"quotactl", 522u, 4608u, 4, params_190},
	[191] = {"quotactl", 522u, 4096u, 18, params_191},
	[192] = {"setresuid", 522u, 4640u, 3, params_192},
	[193] = {"setresuid", 522u, 4128u, 4, params_193},
	[194] = {"setresgid", 522u, 4640u, 3, params_194},
	[195] = {"setresgid", 522u, 4128u, 4, params_195},
	[196] = {"scapevent", 4352u, 256u, 2, params_196},
	[197] = {"NA", 0u, 64u, 0, NULL},
	[198] = {"setuid", 522u, 4640u, 1, params_198},
	[199] = {"setuid", 522u, 4128u, 2, params_199},
	[200] = {"setgid", 522u, 4640u, 1, params_200},
	[201] = {"setgid", 522u, 4128u, 2, params_201},
	[202] = {"getuid", 522u, 512u, 0, NULL},
	[203] = {"getuid", 522u, 0u, 1, params_203},
	[204] = {"geteuid", 522u, 512u, 0, NULL},
	[205] = {"geteuid", 522u, 0u, 1, params_205},
	[206] = {"getgid", 522u, 512u, 0, NULL},
	[207] = {"getgid", 522u, 0u, 1, params_207},
	[208] = {"getegid", 522u, 512u, 0, NULL},
	[209] = {"getegid", 522u, 0u, 1, params_209},
	[210] = {"getresuid", 522u, 512u, 0, NULL},
	[211] = {"getresuid", 522u, 0u, 4, params_211},
	[212] = {"getresgid", 522u, 512u, 0, NULL},
	[213] = {"getresgid", 522u, 0u, 4, params_213},
	[214] = {"execve", 518u, 4640u, 0, NULL},
	[215] = {"execve", 518u, 4640u, 15, params_215},
	[216] = {"clone", 518u, 544u, 0, NULL},
	[217] = {"clone", 518u, 4640u, 17, params_217},
	[218] = {"fork", 518u, 544u, 0, NULL},
	[219] = {"fork", 518u, 4640u, 17, params_219},
	[220] = {"vfork", 518u, 544u, 0, NULL},
	[221] = {"vfork", 518u, 4640u, 17, params_221},
	[222] = {"clone", 518u, 544u, 0, NULL},
	[223] = {"clone", 518u, 4128u, 21, params_223},
	[224] = {"fork", 518u, 544u, 0, NULL},
	[225] = {"fork", 518u, 4128u, 21, params_225},
	[226] = {"vfork", 518u, 544u, 0, NULL},
	[227] = {"vfork", 518u, 4128u, 21, params_227},
	[228] = {"container", 4352u, 4896u, 4, params_228},
	[229] = {"NA", 0u, 64u, 0, NULL},
	[230] = {"execve", 518u, 4640u, 0, NULL},
	[231] = {"execve", 518u, 4640u, 16, params_231},
	[232] = {"signaldeliver", 1033u, 0u, 3, params_232},
	[233] = {"NA", 0u, 64u, 0, NULL},
	[234] = {"procinfo", 4352u, 256u, 2, params_234},
	[235] = {"NA", 0u, 64u, 0, NULL},
	[236] = {"getdents", 514u, 4612u, 1, params_236},
	[237] = {"getdents", 514u, 4100u, 2, params_237},
	[238] = {"getdents64", 514u, 4612u, 1, params_238},
	[239] = {"getdents64", 514u, 4100u, 2, params_239},
	[240] = {"setns", 518u, 4612u, 2, params_240},
	[241] = {"setns", 518u, 4100u, 3, params_241},
	[242] = {"flock", 514u, 4612u, 2, params_242},
	[243] = {"flock", 514u, 4100u, 3, params_243},
	[244] = {"cpu_hotplug", 4104u, 288u, 2, params_244},
	[245] = {"NA", 0u, 64u, 0, NULL},
	[246] = {"accept", 515u, 545u, 0, NULL},
	[247] = {"accept", 515u, 33u, 5, params_247},
	[248] = {"accept", 515u, 4641u, 1, params_248},
	[249] = {"accept", 515u, 4641u, 5, params_249},
	[250] = {"semop", 518u, 4608u, 1, params_250},
	[251] = {"semop", 518u, 4096u, 9, params_251},
	[252] = {"semctl", 518u, 4608u, 4, params_252},
	[253] = {"semctl", 518u, 4096u, 5, params_253},
	[254] = {"ppoll", 576u, 4736u, 3, params_254},
	[255] = {"ppoll", 576u, 4224u, 4, params_255},
	[256] = {"mount", 514u, 4640u, 1, params_256},
	[257] = {"mount", 514u, 4128u, 5, params_257},
	[258] = {"umount", 514u, 544u, 1, params_258},
	[259] = {"umount", 514u, 4640u, 2, params_259},
	[260] = {"k8s", 4352u, 800u, 1, params_260},
	[261] = {"NA", 0u, 64u, 0, NULL},
	[262] = {"semget", 518u, 4608u, 3, params_262},
	[263] = {"semget", 518u, 4096u, 4, params_263},
	[264] = {"access", 514u, 4608u, 1, params_264},
	[265] = {"access", 514u, 4096u, 3, params_265},
	[266] = {"chroot", 518u, 544u, 0, NULL},
	[267] = {"chroot", 518u, 32u, 2, params_267},
	[268] = {"tracer", 4097u, 512u, 3, params_268},
	[269] = {"NA", 0u, 64u, 3, params_269},
	[270] = {"mesos", 4352u, 800u, 1, params_270},
	[271] = {"NA", 0u, 64u, 0, NULL},
	[272] = {"container", 4102u, 4640u, 1, params_272},
	[273] = {"NA", 0u, 64u, 0, NULL},
	[274] = {"setsid", 518u, 544u, 0, NULL},
	[275] = {"setsid", 518u, 32u, 1, params_275},
	[276] = {"mkdir", 514u, 4608u, 1, params_276},
	[277] = {"mkdir", 514u, 4096u, 3, params_277},
	[278] = {"rmdir", 514u, 512u, 0, NULL},
	[279] = {"rmdir", 514u, 0u, 2, params_279},
	[280] = {"notification", 4097u, 256u, 2, params_280},
	[281] = {"NA", 0u, 64u, 0, NULL},
	[282] = {"execve", 518u, 4640u, 0, NULL},
	[283] = {"execve", 518u, 4640u, 17, params_283},
	[284] = {"unshare", 518u, 4608u, 1, params_284},
	[285] = {"unshare", 518u, 4096u, 2, params_285},
	[286] = {"infra", 4352u, 256u, 4, params_286},
	[287] = {"NA", 0u, 64u, 0, NULL},
	[288] = {"execve", 518u, 4640u, 1, params_288},
	[289] = {"execve", 518u, 4640u, 17, params_289},
	[290] = {"page_fault", 1025u, 256u, 3, params_290},
	[291] = {"NA", 0u, 64u, 0, NULL},
	[292] = {"execve", 518u, 4640u, 1, params_292},
	[293] = {"execve", 518u, 4128u, 31, params_293},
	[294] = {"setpgid", 518u, 4608u, 2, params_294},
	[295] = {"setpgid", 518u, 4096u, 3, params_295},
	[296] = {"bpf", 513u, 4609u, 1, params_296},
	[297] = {"bpf", 513u, 4609u, 1, params_297},
	[298] = {"seccomp", 513u, 4608u, 2, params_298},
	[299] = {"seccomp", 513u, 4096u, 3, params_299},
	[300] = {"unlink", 514u, 512u, 0, NULL},
	[301] = {"unlink", 514u, 0u, 2, params_301},
	[302] = {"unlinkat", 514u, 512u, 0, NULL},
	[303] = {"unlinkat", 514u, 4u, 4, params_303},
	[304] = {"mkdirat", 514u, 512u, 0, NULL},
	[305] = {"mkdirat", 514u, 4u, 4, params_305},
	[306] = {"openat", 514u, 4129u, 4, params_306},
	[307] = {"openat", 514u, 4129u, 7, params_307},
	[308] = {"link", 514u, 512u, 0, NULL},
	[309] = {"link", 514u, 0u, 3, params_309},
	[310] = {"linkat", 514u, 512u, 0, NULL},
	[311] = {"linkat", 514u, 0u, 6, params_311},
	[312] = {"fchmodat", 514u, 512u, 0, NULL},
	[313] = {"fchmodat", 514u, 4u, 4, params_313},
	[314] = {"chmod", 514u, 512u, 0, NULL},
	[315] = {"chmod", 514u, 0u, 3, params_315},
	[316] = {"fchmod", 514u, 512u, 0, NULL},
	[317] = {"fchmod", 514u, 4u, 3, params_317},
	[318] = {"renameat2", 514u, 512u, 0, NULL},
	[319] = {"renameat2", 514u, 0u, 6, params_319},
	[320] = {"userfaultfd", 514u, 545u, 0, NULL},
	[321] = {"userfaultfd", 514u, 33u, 2, params_321},
	[322] = {"pluginevent", 2049u, 2048u, 2, params_322},
	[323] = {"NA", 0u, 64u, 0, NULL},
	[324] = {"container", 4102u, 2080u, 1, params_324},
	[325] = {"NA", 0u, 64u, 0, NULL},
	[326] = {"openat2", 514u, 4129u, 5, params_326},
	[327] = {"openat2", 514u, 4129u, 8, params_327},
	[328] = {"mprotect", 517u, 4608u, 3, params_328},
	[329] = {"mprotect", 517u, 4096u, 4, params_329},
	[330] = {"execveat", 518u, 4640u, 3, params_330},
	[331] = {"execveat", 518u, 4128u, 30, params_331},
	[332] = {"copy_file_range", 514u, 4636u, 3, params_332},
	[333] = {"copy_file_range", 514u, 4124u, 6, params_333},
	[334] = {"clone3", 518u, 544u, 0, NULL},
	[335] = {"clone3", 518u, 4128u, 21, params_335},
	[336] = {"open_by_handle_at", 514u, 545u, 0, NULL},
	[337] = {"open_by_handle_at", 514u, 33u, 6, params_337},
	[338] = {"io_uring_setup", 546u, 545u, 0, NULL},
	[339] = {"io_uring_setup", 546u, 33u, 8, params_339},
	[340] = {"io_uring_enter", 546u, 512u, 0, NULL},
	[341] = {"io_uring_enter", 546u, 4u, 6, params_341},
	[342] = {"io_uring_register", 546u, 512u, 0, NULL},
	[343] = {"io_uring_register", 546u, 4u, 5, params_343},
	[344] = {"mlock", 517u, 512u, 0, NULL},
	[345] = {"mlock", 517u, 0u, 3, params_345},
	[346] = {"munlock", 517u, 512u, 0, NULL},
	[347] = {"munlock", 517u, 0u, 3, params_347},
	[348] = {"mlockall", 517u, 512u, 0, NULL},
	[349] = {"mlockall", 517u, 0u, 2, params_349},
	[350] = {"munlockall", 517u, 512u, 0, NULL},
	[351] = {"munlockall", 517u, 0u, 1, params_351},
	[352] = {"capset", 518u, 544u, 0, NULL},
	[353] = {"capset", 518u, 32u, 4, params_353},
	[354] = {"useradded", 4102u, 32u, 6, params_354},
	[355] = {"NA", 0u, 64u, 0, NULL},
	[356] = {"userdeleted", 4102u, 32u, 6, params_356},
	[357] = {"NA", 0u, 64u, 0, NULL},
	[358] = {"groupadded", 4102u, 32u, 3, params_358},
	[359] = {"NA", 0u, 64u, 0, NULL},
	[360] = {"groupdeleted", 4102u, 32u, 3, params_360},
	[361] = {"NA", 0u, 64u, 0, NULL},
	[362] = {"dup2", 546u, 549u, 1, params_362},
	[363] = {"dup2", 546u, 37u, 3, params_363},
	[364] = {"dup3", 546u, 549u, 1, params_364},
	[365] = {"dup3", 546u, 37u, 4, params_365},
	[366] = {"dup", 546u, 549u, 1, params_366},
	[367] = {"dup", 546u, 37u, 2, params_367},
	[368] = {"bpf", 513u, 513u, 1, params_368},
	[369] = {"bpf", 513u, 1u, 2, params_369},
	[370] = {"mlock2", 517u, 512u, 0, NULL},
	[371] = {"mlock2", 517u, 0u, 4, params_371},
	[372] = {"fsconfig", 520u, 512u, 0, NULL},
	[373] = {"fsconfig", 520u, 4u, 7, params_373},
	[374] = {"epoll_create", 576u, 4641u, 1, params_374},
	[375] = {"epoll_create", 576u, 4129u, 2, params_375},
	[376] = {"epoll_create1", 576u, 4641u, 1, params_376},
	[377] = {"epoll_create1", 576u, 4129u, 2, params_377},
	[378] = {"chown", 514u, 512u, 0, NULL},
	[379] = {"chown", 514u, 0u, 4, params_379},
	[380] = {"lchown", 514u, 512u, 0, NULL},
	[381] = {"lchown", 514u, 0u, 4, params_381},
	[382] = {"fchown", 514u, 512u, 0, NULL},
	[383] = {"fchown", 514u, 4u, 4, params_383},
	[384] = {"fchownat", 514u, 512u, 0, NULL},
	[385] = {"fchownat", 514u, 4u, 6, params_385},
	[386] = {"umount", 514u, 544u, 0, NULL},
	[387] = {"umount", 514u, 32u, 2, params_387},
	[388] = {"accept4", 515u, 4641u, 1, params_388},
	[389] = {"accept4", 515u, 4129u, 6, params_389},
	[390] = {"umount2", 514u, 4640u, 1, params_390},
	[391] = {"umount2", 514u, 4128u, 3, params_391},
	[392] = {"pipe2", 516u, 545u, 0, NULL},
	[393] = {"pipe2", 516u, 33u, 5, params_393},
	[394] = {"inotify_init1", 516u, 545u, 0, NULL},
	[395] = {"inotify_init1", 516u, 33u, 2, params_395},
	[396] = {"eventfd2", 516u, 4641u, 1, params_396},
	[397] = {"eventfd2", 516u, 4129u, 3, params_397},
	[398] = {"signalfd4", 521u, 4641u, 2, params_398},
	[399] = {"signalfd4", 521u, 4129u, 4, params_399},
	[400] = {"prctl", 518u, 544u, 0, NULL},
	[401] = {"prctl", 518u, 32u, 4, params_401},
	[402] = {"asyncevent", 4097u, 2048u, 3, params_402},
	[403] = {"NA", 0u, 64u, 0, NULL},
	[404] = {"memfd_create", 517u, 545u, 0, NULL},
	[405] = {"memfd_create", 517u, 33u, 3, params_405},
	[406] = {"pidfd_getfd", 518u, 545u, 0, NULL},
	[407] = {"pidfd_getfd", 518u, 33u, 4, params_407},
	[408] = {"pidfd_open", 518u, 545u, 0, NULL},
	[409] = {"pidfd_open", 518u, 33u, 3, params_409},
	[410] = {"init_module", 513u, 512u, 0, NULL},
	[411] = {"init_module", 513u, 0u, 4, params_411},
	[412] = {"finit_module", 513u, 512u, 0, NULL},
	[413] = {"finit_module", 513u, 12u, 4, params_413},
	[414] = {"mknod", 513u, 512u, 0, NULL},
	[415] = {"mknod", 513u, 0u, 4, params_415},
	[416] = {"mknodat", 513u, 512u, 0, NULL},
	[417] = {"mknodat", 513u, 4u, 5, params_417},
	[418] = {"newfstatat", 514u, 512u, 0, NULL},
	[419] = {"newfstatat", 514u, 4u, 4, params_419},
	[420] = {"process_vm_readv", 516u, 512u, 0, NULL},
	[421] = {"process_vm_readv", 516u, 0u, 3, params_421},
	[422] = {"process_vm_writev", 516u, 512u, 0, NULL},
	[423] = {"process_vm_writev", 516u, 0u, 3, params_423},
	[424] = {"delete_module", 513u, 512u, 0, NULL},
	[425] = {"delete_module", 513u, 0u, 3, params_425},
	[426] = {"setreuid", 522u, 544u, 0, NULL},
	[427] = {"setreuid", 522u, 32u, 3, params_427},
	[428] = {"setregid", 522u, 512u, 0, NULL},
	[429] = {"setregid", 522u, 32u, 3, params_429},
	[430] = {"task", 8198u, 32u, 32, params_430},
	[431] = {"NA", 0u, 64u, 0, NULL},
	[432] = {"task_file_pipe", 8194u, 32u, 3, params_432},
	[433] = {"NA", 0u, 64u, 0, NULL},
	[434] = {"task_file_memfd", 8194u, 32u, 3, params_434},
	[435] = {"NA", 0u, 64u, 0, NULL},
	[436] = {"task_file_regular", 8194u, 32u, 5, params_436},
	[437] = {"NA", 0u, 64u, 0, NULL},
	[438] = {"task_file_directory", 8194u, 32u, 3, params_438},
	[439] = {"NA", 0u, 64u, 0, NULL},
	[440] = {"task_file_socket_inet", 8194u, 32u, 8, params_440},
	[441] = {"NA", 0u, 64u, 0, NULL},
	[442] = {"task_file_socket_inet6", 8194u, 32u, 8, params_442},
	[443] = {"NA", 0u, 64u, 0, NULL},
	[444] = {"task_file_socket_unix", 8194u, 32u, 6, params_444},
	[445] = {"NA", 0u, 64u, 0, NULL},
	[446] = {"task_file_socket_netlink", 8194u, 32u, 4, params_446},
	[447] = {"NA", 0u, 64u, 0, NULL},
	[448] = {"task_file_anon_inode", 8194u, 32u, 4, params_448},
	[449] = {"NA", 0u, 64u, 0, NULL},
	[450] = {"NA", 0u, 64u, 0, NULL},
	[451] = {"close_range", 546u, 32u, 4, params_451},
	[452] = {"NA", 0u, 64u, 0, NULL},
	[453] = {"keyctl", 513u, 0u, 6, params_453},
};
