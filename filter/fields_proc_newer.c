/*
 * Process and thread fields that libsinsp added after sysdig 0.29.3 and
 * Falco's rules use (semantics of falcosecurity/libs
 * userspace/libsinsp/sinsp_filtercheck_thread.cpp; our own code): the
 * executable's inode and times, the memfd flag, the capability sets (all
 * from the thread's struct fnet_exec_info, state_exec_info.c), the parent's
 * age and the process group leader.
 */
#include <string.h>

#include "fields_common.h"

#define EXTRACTOR(name)                                                                      \
	static int name(const struct fnet_eval_ctx *ctx, const struct fnet_field_arg *arg,    \
			struct fnet_field_value *out, char *scratch)
#define UNUSED_ARGS                                                                          \
	do {                                                                                 \
		(void)arg;                                                                   \
		(void)scratch;                                                               \
	} while (0)

#define PPM_CL_IS_MAIN_THREAD (1u << 30)
#define PPM_CL_CHILD_IN_PIDNS (1u << 29)
/* Ancestor walks stop after this many steps (a loop in the parent chain). */
#define MAX_ANCESTORS 4096

/* A time or inode: none when 0 (libsinsp's "unknown"). */
static int set_known(struct fnet_field_value *out, uint64_t v)
{
	out->u64 = v;
	out->i64 = (int64_t)v;
	return v != 0;
}

EXTRACTOR(extract_exe_ino)
{
	UNUSED_ARGS;
	return ctx->thread && set_known(out, ctx->thread->xinfo.exe_ino);
}

EXTRACTOR(extract_exe_ino_ctime)
{
	UNUSED_ARGS;
	return ctx->thread && set_known(out, ctx->thread->xinfo.exe_ino_ctime);
}

EXTRACTOR(extract_exe_ino_mtime)
{
	UNUSED_ARGS;
	return ctx->thread && set_known(out, ctx->thread->xinfo.exe_ino_mtime);
}

EXTRACTOR(extract_ctime_since_clone)
{
	UNUSED_ARGS;
	return ctx->thread && set_known(out, ctx->thread->xinfo.ctime_since_clone);
}

EXTRACTOR(extract_ctime_since_pidns)
{
	UNUSED_ARGS;
	return ctx->thread && set_known(out, ctx->thread->xinfo.ctime_since_pidns);
}

EXTRACTOR(extract_is_exe_from_memfd)
{
	UNUSED_ARGS;
	return ctx->thread && fnet_value_bool(out, ctx->thread->xinfo.exe_from_memfd);
}

/* The main thread of `t`'s process, or NULL when it is unknown. */
static const struct fnet_thread *process_of(const struct fnet_eval_ctx *ctx,
					    const struct fnet_thread *t)
{
	if (t->pid == t->tid || (t->flags & PPM_CL_IS_MAIN_THREAD))
		return t;
	return ctx->state ? fnet_state_thread(ctx->state, t->pid) : NULL;
}

static const struct fnet_thread *thread_of(const struct fnet_eval_ctx *ctx, int64_t tid)
{
	return ctx->state && tid != -1 ? fnet_state_thread(ctx->state, tid) : NULL;
}

/*
 * proc.ppid.duration: ns since the parent process (the main thread of the
 * process's parent) was created; none when that is unknown. (libsinsp then
 * falls through to another field's value, a slip we do not copy.)
 */
EXTRACTOR(extract_ppid_duration)
{
	UNUSED_ARGS;
	const struct fnet_thread *m = ctx->thread ? process_of(ctx, ctx->thread) : NULL;
	const struct fnet_thread *p = m ? thread_of(ctx, m->ptid) : NULL;
	if (p)
		p = process_of(ctx, p);
	if (!p || !p->clone_ts_ns)
		return 0;
	out->u64 = ctx->ev->ts_ns - p->clone_ts_ns;
	return 1;
}

/*
 * The leader of the thread's process group: outside a pid namespace the
 * thread whose id is the vpgid; else (or when that thread is unknown) the
 * eldest of the parents that follow in a row with the same vpgid. NULL: none.
 */
static const struct fnet_thread *vpgid_leader(const struct fnet_eval_ctx *ctx)
{
	const struct fnet_thread *t = ctx->thread, *leader = NULL;
	if (!t || t->vpgid == -1)
		return NULL;
	int in_pidns = (t->flags & PPM_CL_CHILD_IN_PIDNS) || (t->tid != t->vtid && t->vtid >= 0);
	if (!in_pidns && (leader = thread_of(ctx, t->vpgid)))
		return leader;
	const struct fnet_thread *p = thread_of(ctx, t->ptid);
	for (int i = 0; p && p->tid != -1 && p->vpgid == t->vpgid && i < MAX_ANCESTORS; i++) {
		leader = p;
		p = thread_of(ctx, p->ptid);
	}
	return leader;
}

/* proc.vpgid.name: the leader's name; empty (a value) when there is none. */
EXTRACTOR(extract_vpgid_name)
{
	UNUSED_ARGS;
	if (!ctx->thread)
		return 0;
	const struct fnet_thread *l = vpgid_leader(ctx);
	return l ? fnet_value_fstr(out, &l->comm) : fnet_value_cstr(out, "");
}

EXTRACTOR(extract_vpgid_exe)
{
	UNUSED_ARGS;
	if (!ctx->thread)
		return 0;
	const struct fnet_thread *l = vpgid_leader(ctx);
	return l ? fnet_value_fstr(out, &l->exe) : fnet_value_cstr(out, "");
}

/* Capability names by bit, as libsinsp lists them. */
static const char *const cap_names[] = {
	"CAP_CHOWN",          "CAP_DAC_OVERRIDE",   "CAP_DAC_READ_SEARCH", "CAP_FOWNER",
	"CAP_FSETID",         "CAP_KILL",           "CAP_SETGID",          "CAP_SETUID",
	"CAP_SETPCAP",        "CAP_LINUX_IMMUTABLE", "CAP_NET_BIND_SERVICE", "CAP_NET_BROADCAST",
	"CAP_NET_ADMIN",      "CAP_NET_RAW",        "CAP_IPC_LOCK",        "CAP_IPC_OWNER",
	"CAP_SYS_MODULE",     "CAP_SYS_RAWIO",      "CAP_SYS_CHROOT",      "CAP_SYS_PTRACE",
	"CAP_SYS_PACCT",      "CAP_SYS_ADMIN",      "CAP_SYS_BOOT",        "CAP_SYS_NICE",
	"CAP_SYS_RESOURCE",   "CAP_SYS_TIME",       "CAP_SYS_TTY_CONFIG",  "CAP_MKNOD",
	"CAP_LEASE",          "CAP_AUDIT_WRITE",    "CAP_AUDIT_CONTROL",   "CAP_SETFCAP",
	"CAP_MAC_OVERRIDE",   "CAP_MAC_ADMIN",      "CAP_SYSLOG",          "CAP_WAKE_ALARM",
	"CAP_BLOCK_SUSPEND",  "CAP_AUDIT_READ",     "CAP_PERFMON",         "CAP_BPF",
	"CAP_CHECKPOINT_RESTORE",
};

/* The names of the bits set in `caps`, space-separated ("" for none); unnamed bits are skipped. */
static int caps_text(struct fnet_field_value *out, char *scratch, uint64_t caps)
{
	size_t n = 0;
	for (size_t i = 0; i < sizeof(cap_names) / sizeof(cap_names[0]); i++) {
		if (!(caps & (UINT64_C(1) << i)))
			continue;
		size_t l = strlen(cap_names[i]);
		if (n)
			scratch[n++] = ' ';
		memcpy(scratch + n, cap_names[i], l);
		n += l;
	}
	out->str = scratch;
	out->len = (uint32_t)n;
	return 1;
}

EXTRACTOR(extract_cap_permitted)
{
	(void)arg;
	return ctx->thread && caps_text(out, scratch, ctx->thread->xinfo.cap_permitted);
}

EXTRACTOR(extract_cap_inheritable)
{
	(void)arg;
	return ctx->thread && caps_text(out, scratch, ctx->thread->xinfo.cap_inheritable);
}

EXTRACTOR(extract_cap_effective)
{
	(void)arg;
	return ctx->thread && caps_text(out, scratch, ctx->thread->xinfo.cap_effective);
}

static const struct fnet_field_def proc_newer_fields[] = {
	{"proc.exe_ino", FNET_FIELD_INT64,
	 "inode number of the executable file on disk (execve exit, process list); compare "
	 "with fd.ino",
	 extract_exe_ino, NULL, FNET_ARG_NONE},
	{"proc.exe_ino.ctime", FNET_FIELD_UINT64,
	 "last status change time (ctime) of the executable file, ns from the epoch",
	 extract_exe_ino_ctime, NULL, FNET_ARG_NONE},
	{"proc.exe_ino.mtime", FNET_FIELD_UINT64,
	 "last modification time (mtime) of the executable file, ns from the epoch",
	 extract_exe_ino_mtime, NULL, FNET_ARG_NONE},
	{"proc.exe_ino.ctime_duration_proc_start", FNET_FIELD_UINT64,
	 "ns between the executable's ctime and the creation (clone) of the process that ran it",
	 extract_ctime_since_clone, NULL, FNET_ARG_NONE},
	{"proc.exe_ino.ctime_duration_pidns_start", FNET_FIELD_UINT64,
	 "ns between the start of the pid namespace and the executable's ctime, when the ctime "
	 "is later",
	 extract_ctime_since_pidns, NULL, FNET_ARG_NONE},
	{"proc.is_exe_from_memfd", FNET_FIELD_STRING,
	 "true if the executable is an anonymous memfd_create() file run through its fd",
	 extract_is_exe_from_memfd, fnet_check_bool, FNET_ARG_NONE},
	{"proc.ppid.duration", FNET_FIELD_UINT64,
	 "ns since the parent process started; known for parents created during the capture",
	 extract_ppid_duration, NULL, FNET_ARG_NONE},
	{"proc.vpgid.name", FNET_FIELD_STRING,
	 "name of the process group leader: the process whose pid is proc.vpgid, or the eldest "
	 "ancestor in a row with the same vpgid; empty when none",
	 extract_vpgid_name, NULL, FNET_ARG_NONE},
	{"proc.vpgid.exe", FNET_FIELD_STRING,
	 "first command line argument (argv[0]) of the process group leader (see proc.vpgid.name)",
	 extract_vpgid_exe, NULL, FNET_ARG_NONE},
};

const struct fnet_field_class fnet_fields_proc_newer = {
	"proc", proc_newer_fields, sizeof(proc_newer_fields) / sizeof(proc_newer_fields[0])};

static const struct fnet_field_def thread_caps_fields[] = {
	{"thread.cap_permitted", FNET_FIELD_STRING,
	 "permitted capability set, space-separated names (CAP_CHOWN CAP_KILL ...)",
	 extract_cap_permitted, NULL, FNET_ARG_NONE},
	{"thread.cap_inheritable", FNET_FIELD_STRING,
	 "inheritable capability set, space-separated names", extract_cap_inheritable, NULL,
	 FNET_ARG_NONE},
	{"thread.cap_effective", FNET_FIELD_STRING,
	 "effective capability set, space-separated names", extract_cap_effective, NULL,
	 FNET_ARG_NONE},
};

const struct fnet_field_class fnet_fields_thread_caps = {
	"thread", thread_caps_fields, sizeof(thread_caps_fields) / sizeof(thread_caps_fields[0])};
