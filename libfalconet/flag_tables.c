/* Symbolic names of flag and enum parameter values, used to render events.
 * Values and names: falcosecurity/libs driver/flags_table.c, commit 48dfd53c. */
#include "event_schema.h"

const struct fnet_flag_name fnet_flags_access_flags[] = {
	{"F_OK", 0u},
	{"R_OK", 4u},
	{"W_OK", 2u},
	{"X_OK", 1u},
	{NULL, 0},
};

const struct fnet_flag_name fnet_flags_anon_inode_fd_types[] = {
	{"ANON_INODE_FD_TYPE_UNKNOWN", 0u},
	{"ANON_INODE_FD_TYPE_EVENTFD", 1u},
	{"ANON_INODE_FD_TYPE_EVENTPOLL", 2u},
	{"ANON_INODE_FD_TYPE_INOTIFY", 3u},
	{"ANON_INODE_FD_TYPE_SIGNALFD", 4u},
	{"ANON_INODE_FD_TYPE_TIMERFD", 5u},
	{"ANON_INODE_FD_TYPE_IO_URING", 6u},
	{"ANON_INODE_FD_TYPE_USERFAULTFD", 7u},
	{"ANON_INODE_FD_TYPE_PIDFD", 8u},
	{"ANON_INODE_FD_TYPE_BPF_MAP", 9u},
	{"ANON_INODE_FD_TYPE_BPF_PROG", 10u},
	{"ANON_INODE_FD_TYPE_BPF_LINK", 11u},
	{"ANON_INODE_FD_TYPE_BPF_ITER", 12u},
	{"ANON_INODE_FD_TYPE_PERF_EVENT", 13u},
	{NULL, 0},
};

const struct fnet_flag_name fnet_flags_bpf_commands[] = {
	{"BPF_MAP_CREATE", 0u},
	{"BPF_MAP_LOOKUP_ELEM", 1u},
	{"BPF_MAP_UPDATE_ELEM", 2u},
	{"BPF_MAP_DELETE_ELEM", 3u},
	{"BPF_MAP_GET_NEXT_KEY", 4u},
	{"BPF_PROG_LOAD", 5u},
	{"BPF_OBJ_PIN", 6u},
	{"BPF_OBJ_GET", 7u},
	{"BPF_PROG_ATTACH", 8u},
	{"BPF_PROG_DETACH", 9u},
	{"BPF_PROG_TEST_RUN", 10u},
	{"BPF_PROG_RUN", 10u},
	{"BPF_PROG_GET_NEXT_ID", 11u},
	{"BPF_MAP_GET_NEXT_ID", 12u},
	{"BPF_PROG_GET_FD_BY_ID", 13u},
	{"BPF_MAP_GET_FD_BY_ID", 14u},
	{"BPF_OBJ_GET_INFO_BY_FD", 15u},
	{"BPF_PROG_QUERY", 16u},
	{"BPF_RAW_TRACEPOINT_OPEN", 17u},
	{"BPF_BTF_LOAD", 18u},
	{"BPF_BTF_GET_FD_BY_ID", 19u},
	{"BPF_TASK_FD_QUERY", 20u},
	{"BPF_MAP_LOOKUP_AND_DELETE_ELEM", 21u},
	{"BPF_MAP_FREEZE", 22u},
	{"BPF_BTF_GET_NEXT_ID", 23u},
	{"BPF_MAP_LOOKUP_BATCH", 24u},
	{"BPF_MAP_LOOKUP_AND_DELETE_BATCH", 25u},
	{"BPF_MAP_UPDATE_BATCH", 26u},
	{"BPF_MAP_DELETE_BATCH", 27u},
	{"BPF_LINK_CREATE", 28u},
	{"BPF_LINK_UPDATE", 29u},
	{"BPF_LINK_GET_FD_BY_ID", 30u},
	{"BPF_LINK_GET_NEXT_ID", 31u},
	{"BPF_ENABLE_STATS", 32u},
	{"BPF_ITER_CREATE", 33u},
	{"BPF_LINK_DETACH", 34u},
	{"BPF_PROG_BIND_MAP", 35u},
	{NULL, 0},
};

const struct fnet_flag_name fnet_flags_chmod_mode[] = {
	{"S_IXOTH", 1u},
	{"S_IWOTH", 2u},
	{"S_IROTH", 4u},
	{"S_IXGRP", 8u},
	{"S_IWGRP", 16u},
	{"S_IRGRP", 32u},
	{"S_IXUSR", 64u},
	{"S_IWUSR", 128u},
	{"S_IRUSR", 256u},
	{"S_ISVTX", 512u},
	{"S_ISGID", 1024u},
	{"S_ISUID", 2048u},
	{NULL, 0},
};

const struct fnet_flag_name fnet_flags_clone_flags[] = {
	{"CLONE_FILES", 1u},
	{"CLONE_FS", 2u},
	{"CLONE_IO", 4u},
	{"CLONE_NEWIPC", 8u},
	{"CLONE_NEWNET", 16u},
	{"CLONE_NEWNS", 32u},
	{"CLONE_NEWPID", 64u},
	{"CLONE_NEWUTS", 128u},
	{"CLONE_PARENT", 256u},
	{"CLONE_PARENT_SETTID", 512u},
	{"CLONE_PTRACE", 1024u},
	{"CLONE_SIGHAND", 2048u},
	{"CLONE_SYSVSEM", 4096u},
	{"CLONE_THREAD", 8192u},
	{"CLONE_UNTRACED", 16384u},
	{"CLONE_VM", 32768u},
	{"CLONE_INVERTED", 65536u},
	{"NAME_CHANGED", 131072u},
	{"CLOSED", 262144u},
	{"CLONE_NEWUSER", 1048576u},
	{"CLONE_CHILD_CLEARTID", 8388608u},
	{"CLONE_CHILD_SETTID", 16777216u},
	{"CLONE_SETTLS", 33554432u},
	{"CLONE_STOPPED", 67108864u},
	{"CLONE_VFORK", 134217728u},
	{"CLONE_NEWCGROUP", 268435456u},
	{"CLONE_CHILD_IN_PIDNS", 536870912u},
	{NULL, 0},
};

const struct fnet_flag_name fnet_flags_close_range_flags[] = {
	{"CLOSE_RANGE_UNSHARE", 2u},
	{"CLOSE_RANGE_CLOEXEC", 4u},
	{NULL, 0},
};

const struct fnet_flag_name fnet_flags_creat_flags[] = {
	{"FD_UPPER_LAYER_CREAT", 1u},
	{"FD_LOWER_LAYER_CREAT", 2u},
	{NULL, 0},
};

const struct fnet_flag_name fnet_flags_delete_module_flags[] = {
	{"O_NONBLOCK", 2u},
	{"O_TRUNC", 1u},
	{NULL, 0},
};

const struct fnet_flag_name fnet_flags_epoll_create1_flags[] = {
	{"EPOLL_CLOEXEC", 1u},
	{NULL, 0},
};

const struct fnet_flag_name fnet_flags_execve_flags[] = {
	{"EXE_WRITABLE", 1u},
	{"EXE_UPPER_LAYER", 2u},
	{"EXE_FROM_MEMFD", 4u},
	{"EXE_LOWER_LAYER", 8u},
	{NULL, 0},
};

const struct fnet_flag_name fnet_flags_execveat_flags[] = {
	{"AT_EMPTY_PATH", 1u},
	{"AT_SYMLINK_NOFOLLOW", 2u},
	{NULL, 0},
};

const struct fnet_flag_name fnet_flags_fchownat_flags[] = {
	{"AT_SYMLINK_NOFOLLOW", 1024u},
	{"AT_EMPTY_PATH", 4096u},
	{NULL, 0},
};

const struct fnet_flag_name fnet_flags_fcntl_commands[] = {
	{"F_GETPIPE_SZ", 29u},
	{"F_SETPIPE_SZ", 28u},
	{"F_NOTIFY", 27u},
	{"F_DUPFD_CLOEXEC", 26u},
	{"F_CANCELLK", 25u},
	{"F_GETLEASE", 24u},
	{"F_SETLEASE", 23u},
	{"F_GETOWN_EX", 22u},
	{"F_SETOWN_EX", 21u},
	{"F_SETLKW64", 19u},
	{"F_SETLK64", 18u},
	{"F_GETLK64", 17u},
	{"F_GETSIG", 15u},
	{"F_SETSIG", 13u},
	{"F_GETOWN", 12u},
	{"F_SETOWN", 10u},
	{"F_SETLKW", 9u},
	{"F_SETLK", 8u},
	{"F_GETLK", 6u},
	{"F_SETFL", 5u},
	{"F_GETFL", 4u},
	{"F_SETFD", 3u},
	{"F_GETFD", 2u},
	{"F_DUPFD", 1u},
	{"F_OFD_GETLK", 30u},
	{"F_OFD_SETLK", 31u},
	{"F_OFD_SETLKW", 32u},
	{"UNKNOWN", 0u},
	{NULL, 0},
};

const struct fnet_flag_name fnet_flags_file_flags[] = {
	{"O_LARGEFILE", 2048u},
	{"O_DIRECTORY", 1024u},
	{"O_DIRECT", 512u},
	{"O_TRUNC", 256u},
	{"O_SYNC", 128u},
	{"O_NONBLOCK", 64u},
	{"O_EXCL", 32u},
	{"O_DSYNC", 16u},
	{"O_APPEND", 8u},
	{"O_CREAT", 4u},
	{"O_RDWR", 3u},
	{"O_WRONLY", 2u},
	{"O_RDONLY", 1u},
	{"O_CLOEXEC", 4096u},
	{"O_NONE", 0u},
	{"O_TMPFILE", 8192u},
	{"O_F_CREATED", 16384u},
	{"FD_UPPER_LAYER", 32768u},
	{"FD_LOWER_LAYER", 65536u},
	{NULL, 0},
};

const struct fnet_flag_name fnet_flags_finit_module_flags[] = {
	{"MODULE_INIT_IGNORE_MODVERSIONS", 1u},
	{"MODULE_INIT_IGNORE_VERMAGIC", 2u},
	{"MODULE_INIT_COMPRESSED_FILE", 4u},
	{NULL, 0},
};

const struct fnet_flag_name fnet_flags_flock_flags[] = {
	{"LOCK_SH", 1u},
	{"LOCK_EX", 2u},
	{"LOCK_NB", 4u},
	{"LOCK_UN", 8u},
	{"LOCK_NONE", 0u},
	{NULL, 0},
};

const struct fnet_flag_name fnet_flags_fsconfig_cmds[] = {
	{"FSCONFIG_SET_FLAG", 0u},
	{"FSCONFIG_SET_STRING", 1u},
	{"FSCONFIG_SET_BINARY", 2u},
	{"FSCONFIG_SET_PATH", 3u},
	{"FSCONFIG_SET_PATH_EMPTY", 4u},
	{"FSCONFIG_SET_FD", 5u},
	{"FSCONFIG_CMD_CREATE", 6u},
	{"FSCONFIG_CMD_RECONFIGURE", 7u},
	{NULL, 0},
};

const struct fnet_flag_name fnet_flags_futex_operations[] = {
	{"FUTEX_CLOCK_REALTIME", 256u},
	{"FUTEX_PRIVATE_FLAG", 128u},
	{"FUTEX_CMP_REQUEUE_PI", 12u},
	{"FUTEX_WAIT_REQUEUE_PI", 11u},
	{"FUTEX_WAKE_BITSET", 10u},
	{"FUTEX_WAIT_BITSET", 9u},
	{"FUTEX_TRYLOCK_PI", 8u},
	{"FUTEX_UNLOCK_PI", 7u},
	{"FUTEX_LOCK_PI", 6u},
	{"FUTEX_WAKE_OP", 5u},
	{"FUTEX_CMP_REQUEUE", 4u},
	{"FUTEX_REQUEUE", 3u},
	{"FUTEX_FD", 2u},
	{"FUTEX_WAKE", 1u},
	{"FUTEX_WAIT", 0u},
	{NULL, 0},
};

const struct fnet_flag_name fnet_flags_io_uring_enter_flags[] = {
	{"IORING_ENTER_GETEVENTS", 1u},
	{"IORING_ENTER_SQ_WAKEUP", 2u},
	{"IORING_ENTER_SQ_WAIT", 4u},
	{"IORING_ENTER_EXT_ARG", 8u},
	{NULL, 0},
};

const struct fnet_flag_name fnet_flags_io_uring_register_opcodes[] = {
	{"IORING_REGISTER_BUFFERS", 0u},
	{"IORING_UNREGISTER_BUFFERS", 1u},
	{"IORING_REGISTER_FILES", 2u},
	{"IORING_UNREGISTER_FILES", 3u},
	{"IORING_REGISTER_EVENTFD", 4u},
	{"IORING_UNREGISTER_EVENTFD", 5u},
	{"IORING_REGISTER_FILES_UPDATE", 6u},
	{"IORING_REGISTER_EVENTFD_ASYNC", 7u},
	{"IORING_REGISTER_PROBE", 8u},
	{"IORING_REGISTER_PERSONALITY", 9u},
	{"IORING_UNREGISTER_PERSONALITY", 10u},
	{"IORING_REGISTER_RESTRICTIONS", 11u},
	{"IORING_REGISTER_ENABLE_RINGS", 12u},
	{"IORING_REGISTER_FILES2", 13u},
	{"IORING_REGISTER_FILES_UPDATE2", 14u},
	{"IORING_REGISTER_BUFFERS2", 15u},
	{"IORING_REGISTER_BUFFERS_UPDATE", 16u},
	{"IORING_REGISTER_IOWQ_AFF", 17u},
	{"IORING_UNREGISTER_IOWQ_AFF", 18u},
	{"IORING_REGISTER_IOWQ_MAX_WORKERS", 19u},
	{"IORING_REGISTER_RING_FDS", 20u},
	{"IORING_UNREGISTER_RING_FDS", 21u},
	{NULL, 0},
};

const struct fnet_flag_name fnet_flags_io_uring_setup_feats[] = {
	{"IORING_FEAT_SINGLE_MMAP", 1u},
	{"IORING_FEAT_NODROP", 2u},
	{"IORING_FEAT_SUBMIT_STABLE", 4u},
	{"IORING_FEAT_RW_CUR_POS", 8u},
	{"IORING_FEAT_CUR_PERSONALITY", 16u},
	{"IORING_FEAT_FAST_POLL", 32u},
	{"IORING_FEAT_POLL_32BITS", 64u},
	{"IORING_FEAT_SQPOLL_NONFIXED", 128u},
	{"IORING_FEAT_ENTER_EXT_ARG", 256u},
	{"IORING_FEAT_NATIVE_WORKERS", 512u},
	{"IORING_FEAT_RSRC_TAGS", 1024u},
	{NULL, 0},
};

const struct fnet_flag_name fnet_flags_io_uring_setup_flags[] = {
	{"IORING_SETUP_IOPOLL", 1u},
	{"IORING_SETUP_SQPOLL", 2u},
	{"IORING_SQ_NEED_WAKEUP", 4u},
	{"IORING_SETUP_SQ_AFF", 8u},
	{"IORING_SETUP_CQSIZE", 16u},
	{"IORING_SETUP_CLAMP", 32u},
	{"IORING_SETUP_ATTACH_RW", 64u},
	{"IORING_SETUP_R_DISABLED", 128u},
	{NULL, 0},
};

const struct fnet_flag_name fnet_flags_keyctl_operations[] = {
	{"KEYCTL_GET_KEYRING_ID", 0u},
	{"KEYCTL_JOIN_SESSION_KEYRING", 1u},
	{"KEYCTL_UPDATE", 2u},
	{"KEYCTL_REVOKE", 3u},
	{"KEYCTL_CHOWN", 4u},
	{"KEYCTL_SETPERM", 5u},
	{"KEYCTL_DESCRIBE", 6u},
	{"KEYCTL_CLEAR", 7u},
	{"KEYCTL_LINK", 8u},
	{"KEYCTL_UNLINK", 9u},
	{"KEYCTL_SEARCH", 10u},
	{"KEYCTL_READ", 11u},
	{"KEYCTL_INSTANTIATE", 12u},
	{"KEYCTL_NEGATE", 13u},
	{"KEYCTL_SET_REQKEY_KEYRING", 14u},
	{"KEYCTL_SET_TIMEOUT", 15u},
	{"KEYCTL_ASSUME_AUTHORITY", 16u},
	{"KEYCTL_GET_SECURITY", 17u},
	{"KEYCTL_SESSION_TO_PARENT", 18u},
	{"KEYCTL_REJECT", 19u},
	{"KEYCTL_INSTANTIATE_IOV", 20u},
	{"KEYCTL_INVALIDATE", 21u},
	{"KEYCTL_GET_PERSISTENT", 22u},
	{"KEYCTL_DH_COMPUTE", 23u},
	{"KEYCTL_PKEY_QUERY", 24u},
	{"KEYCTL_PKEY_ENCRYPT", 25u},
	{"KEYCTL_PKEY_DECRYPT", 26u},
	{"KEYCTL_PKEY_SIGN", 27u},
	{"KEYCTL_PKEY_VERIFY", 28u},
	{"KEYCTL_RESTRICT_KEYRING", 29u},
	{"KEYCTL_MOVE", 30u},
	{"KEYCTL_CAPABILITIES", 31u},
	{"KEYCTL_WATCH_KEY", 32u},
	{NULL, 0},
};

const struct fnet_flag_name fnet_flags_linkat_flags[] = {
	{"AT_SYMLINK_FOLLOW", 1024u},
	{"AT_EMPTY_PATH", 4096u},
	{NULL, 0},
};

const struct fnet_flag_name fnet_flags_lseek_whence[] = {
	{"SEEK_END", 2u},
	{"SEEK_CUR", 1u},
	{"SEEK_SET", 0u},
	{NULL, 0},
};

const struct fnet_flag_name fnet_flags_memfd_create_flags[] = {
	{"MFD_CLOEXEC", 1u},
	{"MFD_ALLOW_SEALING", 2u},
	{"MFD_HUGETLB", 4u},
	{NULL, 0},
};

const struct fnet_flag_name fnet_flags_mknod_mode[] = {
	{"S_IXOTH", 1u},
	{"S_IWOTH", 2u},
	{"S_IROTH", 4u},
	{"S_IXGRP", 8u},
	{"S_IWGRP", 16u},
	{"S_IRGRP", 32u},
	{"S_IXUSR", 64u},
	{"S_IWUSR", 128u},
	{"S_IRUSR", 256u},
	{"S_ISVTX", 512u},
	{"S_ISGID", 1024u},
	{"S_ISUID", 2048u},
	{"S_IFREG", 32768u},
	{"S_IFCHR", 8192u},
	{"S_IFBLK", 24576u},
	{"S_IFIFO", 4096u},
	{"S_IFSOCK", 49152u},
	{NULL, 0},
};

const struct fnet_flag_name fnet_flags_mlock2_flags[] = {
	{"MLOCK_ONFAULT", 1u},
	{NULL, 0},
};

const struct fnet_flag_name fnet_flags_mlockall_flags[] = {
	{"MCL_CURRENT", 1u},
	{"MCL_FUTURE", 2u},
	{"MCL_ONFAULT", 4u},
	{NULL, 0},
};

const struct fnet_flag_name fnet_flags_mmap_flags[] = {
	{"MAP_SHARED", 1u},
	{"MAP_PRIVATE", 2u},
	{"MAP_FIXED", 4u},
	{"MAP_ANONYMOUS", 8u},
	{"MAP_32BIT", 16u},
	{"MAP_RENAME", 32u},
	{"MAP_NORESERVE", 64u},
	{"MAP_POPULATE", 128u},
	{"MAP_NONBLOCK", 256u},
	{"MAP_GROWSDOWN", 512u},
	{"MAP_DENYWRITE", 1024u},
	{"MAP_EXECUTABLE", 2048u},
	{"MAP_INHERIT", 4096u},
	{"MAP_FILE", 8192u},
	{"MAP_LOCKED", 16384u},
	{NULL, 0},
};

const struct fnet_flag_name fnet_flags_mount_flags[] = {
	{"RDONLY", 1u},
	{"NOSUID", 2u},
	{"NODEV", 4u},
	{"NOEXEC", 8u},
	{"SYNCHRONOUS", 16u},
	{"REMOUNT", 32u},
	{"MANDLOCK", 64u},
	{"DIRSYNC", 128u},
	{"NOATIME", 1024u},
	{"NODIRATIME", 2048u},
	{"BIND", 4096u},
	{"MOVE", 8192u},
	{"REC", 16384u},
	{"SILENT", 32768u},
	{"POSIXACL", 65536u},
	{"UNBINDABLE", 131072u},
	{"PRIVATE", 262144u},
	{"SLAVE", 524288u},
	{"SHARED", 1048576u},
	{"RELATIME", 2097152u},
	{"KERNMOUNT", 4194304u},
	{"I_VERSION", 8388608u},
	{"STRICTATIME", 16777216u},
	{"LAZYTIME", 33554432u},
	{"NOSEC", 268435456u},
	{"BORN", 536870912u},
	{"ACTIVE", 1073741824u},
	{"NOUSER", 2147483648u},
	{NULL, 0},
};

const struct fnet_flag_name fnet_flags_newfstatat_flags[] = {
	{"AT_EMPTY_PATH", 4096u},
	{"AT_NO_AUTOMOUNT", 2048u},
	{"AT_SYMLINK_NOFOLLOW", 256u},
	{NULL, 0},
};

const struct fnet_flag_name fnet_flags_openat2_flags[] = {
	{"RESOLVE_BENEATH", 1u},
	{"RESOLVE_IN_ROOT", 2u},
	{"RESOLVE_NO_MAGICLINKS", 4u},
	{"RESOLVE_NO_SYMLINKS", 8u},
	{"RESOLVE_NO_XDEV", 16u},
	{"RESOLVE_CACHED", 32u},
	{NULL, 0},
};

const struct fnet_flag_name fnet_flags_pf_flags[] = {
	{"PROTECTION_VIOLATION", 1u},
	{"PAGE_NOT_PRESENT", 2u},
	{"WRITE_ACCESS", 4u},
	{"READ_ACCESS", 8u},
	{"USER_FAULT", 16u},
	{"SUPERVISOR_FAULT", 32u},
	{"RESERVED_PAGE", 64u},
	{"INSTRUCTION_FETCH", 128u},
	{NULL, 0},
};

const struct fnet_flag_name fnet_flags_pidfd_open_flags[] = {
	{"PIDFD_NONBLOCK", 1u},
	{NULL, 0},
};

const struct fnet_flag_name fnet_flags_prctl_options[] = {
	{"PR_GET_DUMPABLE", 3u},
	{"PR_SET_DUMPABLE", 4u},
	{"PR_GET_KEEPCAPS", 7u},
	{"PR_SET_KEEPCAPS", 8u},
	{"PR_SET_NAME", 15u},
	{"PR_GET_NAME", 16u},
	{"PR_GET_SECCOMP", 21u},
	{"PR_SET_SECCOMP", 22u},
	{"PR_CAPBSET_READ", 23u},
	{"PR_CAPBSET_DROP", 24u},
	{"PR_GET_SECUREBITS", 27u},
	{"PR_SET_SECUREBITS", 28u},
	{"PR_MCE_KILL", 33u},
	{"PR_MCE_KILL", 33u},
	{"PR_SET_MM", 35u},
	{"PR_SET_CHILD_SUBREAPER", 36u},
	{"PR_GET_CHILD_SUBREAPER", 37u},
	{"PR_SET_NO_NEW_PRIVS", 38u},
	{"PR_GET_NO_NEW_PRIVS", 39u},
	{"PR_GET_TID_ADDRESS", 40u},
	{"PR_SET_THP_DISABLE", 41u},
	{"PR_GET_THP_DISABLE", 42u},
	{"PR_CAP_AMBIENT", 47u},
	{NULL, 0},
};

const struct fnet_flag_name fnet_flags_prot_flags[] = {
	{"PROT_READ", 1u},
	{"PROT_WRITE", 2u},
	{"PROT_EXEC", 4u},
	{"PROT_SEM", 8u},
	{"PROT_GROWSDOWN", 16u},
	{"PROT_GROWSUP", 32u},
	{"PROT_SAO", 64u},
	{"PROT_NONE", 0u},
	{NULL, 0},
};

const struct fnet_flag_name fnet_flags_ptrace_requests[] = {
	{"PTRACE_SINGLEBLOCK", 38u},
	{"PTRACE_SYSEMU_SINGLESTEP", 37u},
	{"PTRACE_SYSEMU", 36u},
	{"PTRACE_ARCH_PRCTL", 35u},
	{"PTRACE_SET_THREAD_AREA", 34u},
	{"PTRACE_GET_THREAD_AREA", 33u},
	{"PTRACE_OLDSETOPTIONS", 32u},
	{"PTRACE_SETFPXREGS", 31u},
	{"PTRACE_GETFPXREGS", 30u},
	{"PTRACE_SETFPREGS", 29u},
	{"PTRACE_GETFPREGS", 28u},
	{"PTRACE_SETREGS", 27u},
	{"PTRACE_GETREGS", 26u},
	{"PTRACE_SETSIGMASK", 25u},
	{"PTRACE_GETSIGMASK", 24u},
	{"PTRACE_PEEKSIGINFO", 23u},
	{"PTRACE_LISTEN", 22u},
	{"PTRACE_INTERRUPT", 21u},
	{"PTRACE_SEIZE", 20u},
	{"PTRACE_SETREGSET", 19u},
	{"PTRACE_GETREGSET", 18u},
	{"PTRACE_SETSIGINFO", 17u},
	{"PTRACE_GETSIGINFO", 16u},
	{"PTRACE_GETEVENTMSG", 15u},
	{"PTRACE_SETOPTIONS", 14u},
	{"PTRACE_SYSCALL", 13u},
	{"PTRACE_DETACH", 12u},
	{"PTRACE_ATTACH", 11u},
	{"PTRACE_SINGLESTEP", 10u},
	{"PTRACE_KILL", 9u},
	{"PTRACE_CONT", 8u},
	{"PTRACE_POKEUSR", 7u},
	{"PTRACE_POKEDATA", 6u},
	{"PTRACE_POKETEXT", 5u},
	{"PTRACE_PEEKUSR", 4u},
	{"PTRACE_PEEKDATA", 3u},
	{"PTRACE_PEEKTEXT", 2u},
	{"PTRACE_TRACEME", 1u},
	{"PTRACE_UNKNOWN", 0u},
	{NULL, 0},
};

const struct fnet_flag_name fnet_flags_quotactl_cmds[] = {
	{"Q_QUOTAON", 1u},
	{"Q_QUOTAOFF", 2u},
	{"Q_GETFMT", 4u},
	{"Q_GETINFO", 8u},
	{"Q_SETINFO", 16u},
	{"Q_GETQUOTA", 32u},
	{"Q_SETQUOTA", 64u},
	{"Q_SYNC", 128u},
	{"Q_XQUOTAON", 256u},
	{"Q_XQUOTAOFF", 512u},
	{"Q_XGETQUOTA", 1024u},
	{"Q_XSETQLIM", 2048u},
	{"Q_XGETQSTAT", 4096u},
	{"Q_XQUOTARM", 8192u},
	{"Q_XQUOTASYNC", 16384u},
	{NULL, 0},
};

const struct fnet_flag_name fnet_flags_quotactl_dqi_flags[] = {
	{"DQF_NONE", 1u},
	{"V1_DQF_RSQUASH", 2u},
	{NULL, 0},
};

const struct fnet_flag_name fnet_flags_quotactl_quota_fmts[] = {
	{"QFMT_NOT_USED", 1u},
	{"QFMT_VFS_OLD", 2u},
	{"QFMT_VFS_V0", 4u},
	{"QFMT_VFS_V1", 8u},
	{NULL, 0},
};

const struct fnet_flag_name fnet_flags_quotactl_types[] = {
	{"USRQUOTA", 1u},
	{"GRPQUOTA", 2u},
	{NULL, 0},
};

const struct fnet_flag_name fnet_flags_renameat2_flags[] = {
	{"RENAME_NOREPLACE", 1u},
	{"RENAME_EXCHANGE", 2u},
	{"RENAME_WHITEOUT", 4u},
	{NULL, 0},
};

const struct fnet_flag_name fnet_flags_rlimit_resources[] = {
	{"RLIMIT_UNKNOWN", 255u},
	{"RLIMIT_RTTIME", 15u},
	{"RLIMIT_RTPRIO", 14u},
	{"RLIMIT_NICE", 13u},
	{"RLIMIT_MSGQUEUE", 12u},
	{"RLIMIT_SIGPENDING", 11u},
	{"RLIMIT_LOCKS", 10u},
	{"RLIMIT_AS", 9u},
	{"RLIMIT_MEMLOCK", 8u},
	{"RLIMIT_NOFILE", 7u},
	{"RLIMIT_NPROC", 6u},
	{"RLIMIT_RSS", 5u},
	{"RLIMIT_CORE", 4u},
	{"RLIMIT_STACK", 3u},
	{"RLIMIT_DATA", 2u},
	{"RLIMIT_FSIZE", 1u},
	{"RLIMIT_CPU", 0u},
	{NULL, 0},
};

const struct fnet_flag_name fnet_flags_semctl_commands[] = {
	{"IPC_STAT", 1u},
	{"IPC_SET", 2u},
	{"IPC_RMID", 4u},
	{"IPC_INFO", 8u},
	{"SEM_INFO", 16u},
	{"SEM_STAT", 32u},
	{"GETALL", 64u},
	{"GETNCNT", 128u},
	{"GETPID", 256u},
	{"GETVAL", 512u},
	{"GETZCNT", 1024u},
	{"SETALL", 2048u},
	{"SETVAL", 4096u},
	{NULL, 0},
};

const struct fnet_flag_name fnet_flags_semget_flags[] = {
	{"IPC_EXCL", 16384u},
	{"IPC_CREAT", 8192u},
	{NULL, 0},
};

const struct fnet_flag_name fnet_flags_semop_flags[] = {
	{"IPC_NOWAIT", 1u},
	{"SEM_UNDO", 2u},
	{NULL, 0},
};

const struct fnet_flag_name fnet_flags_shutdown_how[] = {
	{"SHUT_UNKNOWN", 65535u},
	{"SHUT_RDWR", 2u},
	{"SHUT_WR", 1u},
	{"SHUT_RD", 0u},
	{NULL, 0},
};

const struct fnet_flag_name fnet_flags_socket_families[] = {
	{"AF_NFC", 39u},
	{"AF_ALG", 38u},
	{"AF_CAIF", 37u},
	{"AF_IEEE802154", 36u},
	{"AF_PHONET", 35u},
	{"AF_ISDN", 34u},
	{"AF_RXRPC", 33u},
	{"AF_IUCV", 32u},
	{"AF_BLUETOOTH", 31u},
	{"AF_TIPC", 30u},
	{"AF_CAN", 29u},
	{"AF_LLC", 26u},
	{"AF_WANPIPE", 25u},
	{"AF_PPPOX", 24u},
	{"AF_IRDA", 23u},
	{"AF_SNA", 22u},
	{"AF_RDS", 21u},
	{"AF_ATMSVC", 20u},
	{"AF_ECONET", 19u},
	{"AF_ASH", 18u},
	{"AF_PACKET", 17u},
	{"AF_ROUTE", 16u},
	{"AF_NETLINK", 16u},
	{"AF_KEY", 15u},
	{"AF_SECURITY", 14u},
	{"AF_NETBEUI", 13u},
	{"AF_DECnet", 12u},
	{"AF_ROSE", 11u},
	{"AF_INET6", 10u},
	{"AF_X25", 9u},
	{"AF_ATMPVC", 8u},
	{"AF_BRIDGE", 7u},
	{"AF_NETROM", 6u},
	{"AF_APPLETALK", 5u},
	{"AF_IPX", 4u},
	{"AF_AX25", 3u},
	{"AF_INET", 2u},
	{"AF_LOCAL", 1u},
	{"AF_UNIX", 1u},
	{"AF_UNSPEC", 0u},
	{NULL, 0},
};

const struct fnet_flag_name fnet_flags_sockopt_levels[] = {
	{"SOL_SOCKET", 1u},
	{"SOL_TCP", 2u},
	{"UNKNOWN", 0u},
	{NULL, 0},
};

const struct fnet_flag_name fnet_flags_sockopt_options[] = {
	{"SO_COOKIE", 53u},
	{"SO_MEMINFO", 52u},
	{"SO_PEERGROUPS", 51u},
	{"SO_ATTACH_BPF", 50u},
	{"SO_INCOMING_CPU", 49u},
	{"SO_BPF_EXTENSIONS", 48u},
	{"SO_MAX_PACING_RATE", 47u},
	{"SO_BUSY_POLL", 46u},
	{"SO_SELECT_ERR_QUEUE", 45u},
	{"SO_LOCK_FILTER", 44u},
	{"SO_NOFCS", 43u},
	{"SO_PEEK_OFF", 42u},
	{"SO_WIFI_STATUS", 41u},
	{"SO_RXQ_OVFL", 40u},
	{"SO_DOMAIN", 39u},
	{"SO_PROTOCOL", 38u},
	{"SO_TIMESTAMPING", 37u},
	{"SO_MARK", 36u},
	{"SO_TIMESTAMPNS", 35u},
	{"SO_PASSSEC", 34u},
	{"SO_PEERSEC", 31u},
	{"SO_ACCEPTCONN", 30u},
	{"SO_TIMESTAMP", 29u},
	{"SO_PEERNAME", 28u},
	{"SO_DETACH_FILTER", 27u},
	{"SO_ATTACH_FILTER", 26u},
	{"SO_BINDTODEVICE", 25u},
	{"SO_SECURITY_ENCRYPTION_NETWORK", 24u},
	{"SO_SECURITY_ENCRYPTION_TRANSPORT", 23u},
	{"SO_SECURITY_AUTHENTICATION", 22u},
	{"SO_SNDTIMEO", 21u},
	{"SO_RCVTIMEO", 20u},
	{"SO_SNDLOWAT", 19u},
	{"SO_RCVLOWAT", 18u},
	{"SO_PEERCRED", 17u},
	{"SO_PASSCRED", 16u},
	{"SO_REUSEPORT", 15u},
	{"SO_BSDCOMPAT", 14u},
	{"SO_LINGER", 13u},
	{"SO_PRIORITY", 12u},
	{"SO_NO_CHECK", 11u},
	{"SO_OOBINLINE", 10u},
	{"SO_KEEPALIVE", 9u},
	{"SO_RCVBUFFORCE", 33u},
	{"SO_SNDBUFFORCE", 32u},
	{"SO_RCVBUF", 8u},
	{"SO_SNDBUF", 7u},
	{"SO_BROADCAST", 6u},
	{"SO_DONTROUTE", 5u},
	{"SO_ERROR", 4u},
	{"SO_TYPE", 3u},
	{"SO_REUSEADDR", 2u},
	{"SO_DEBUG", 1u},
	{"UNKNOWN", 0u},
	{NULL, 0},
};

const struct fnet_flag_name fnet_flags_splice_flags[] = {
	{"SPLICE_F_MOVE", 1u},
	{"SPLICE_F_NONBLOCK", 2u},
	{"SPLICE_F_MORE", 4u},
	{"SPLICE_F_GIFT", 8u},
	{NULL, 0},
};

const struct fnet_flag_name fnet_flags_umount_flags[] = {
	{"FORCE", 1u},
	{"DETACH", 2u},
	{"EXPIRE", 4u},
	{"NOFOLLOW", 8u},
	{NULL, 0},
};

const struct fnet_flag_name fnet_flags_unlinkat_flags[] = {
	{"AT_REMOVEDIR", 512u},
	{NULL, 0},
};

/* Dynamic parameters (setsockopt values, ptrace data, bpf results, keyctl args) are
 * rendered from their raw bytes; their per-variant layouts are not needed to read. */
