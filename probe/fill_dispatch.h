/*
 * From a syscall to its record, shared by both drivers: which event a syscall
 * becomes (syscall_events.h), the fillers of each event type's parameters, and
 * the enter and exit records of the raw syscall tracepoints. The driver calls
 * fnet_record_sys_enter / fnet_record_sys_exit after its own checks (excluded
 * process, prefilter); it provides ev_begin and ev_submit besides the builder
 * primitives (builder.h) and fill_driver.h.
 */
#ifndef FNET_FILL_DISPATCH_H
#define FNET_FILL_DISPATCH_H

#include "event_codes.h"
#include "event_nparams.h"
#include "syscall_events.h"

#define EV_GENERIC_E 0
#define EV_GENERIC_X 1
#define EV_EXECVE_E 292
#define EV_EXECVE_X 293
#define EV_EXECVEAT_E 330
#define EV_EXECVEAT_X 331
#define EV_CLONE_E 222
#define EV_CLONE_X 223
#define EV_FORK_E 224
#define EV_FORK_X 225
#define EV_VFORK_E 226
#define EV_VFORK_X 227
#define EV_CLONE3_E 334
#define EV_CLONE3_X 335
#define EV_PROCEXIT_E 186

/* The generic event's syscall code, as older readers accept it (see syscall_codes.h). */
static __always_inline u16 sc_code(u32 nr)
{
	u16 c = fnet_syscall_ppm_sc[nr & (FNET_SYSCALL_TABLE_SIZE - 1)];
	return c < FNET_SYSCALL_CODE_COMPAT_LIMIT ? c : 0;
}

/* Enter event type of a syscall with a dedicated event (exit = +1), or 0. */
static __always_inline u16 event_of(u32 nr)
{
	return fnet_syscall_event[nr & (FNET_SYSCALL_TABLE_SIZE - 1)];
}

static __always_inline void fill_enter(struct builder *b, u16 type, const u64 *a)
{
	switch (type) {
	case 2: fill_open(b, a, 0, 0); break;
	case 4: case 96: case 124: fill_fd_only(b, a, 0, 0); break;
	case 6: fill_rw(b, a, 0, 0, 1, 0); break;
	case 8: fill_rw(b, a, 0, 0, 0, 0); break;
	case 112: fill_rw(b, a, 0, 0, 1, 1); break;
	case 114: fill_rw(b, a, 0, 0, 0, 1); break;
	case 116: fill_readv(b, a, 0, 0); break;
	case 118: fill_writev(b, a, 0, 0); break;
	case 18: fill_socket(b, a, 0, 0); break;
	case 20: ev_u64(b, (u64)fd_arg(a[0])); break;
	case 22: fill_connect(b, a, 0, 0); break;
	case 24: fill_listen(b, a, 0, 0); break;
	case 30: fill_sendto(b, a, 0, 0); break;
	case 34: fill_recvfrom(b, a, 0, 0); break;
	case 36: fill_shutdown(b, a, 0, 0); break;
	case 58: ev_str_user(b, (const void *)a[0]); ev_u32(b, (u32)a[1]); break;
	case 128: ev_u64(b, (u64)(s64)(s32)a[0]); ev_u8(b, (u8)a[1]); break;
	case 130: ev_u64(b, (u64)(s64)(s32)a[0]); ev_u8(b, (u8)a[1]); break;
	case 132: ev_u64(b, (u64)(s64)(s32)a[0]); ev_u64(b, (u64)(s64)(s32)a[1]); ev_u8(b, (u8)a[2]); break;
	case 276: ev_u32(b, (u32)a[1]); break;
	case 306: fill_openat(b, a, 0, 0); break;
	case 326: fill_openat2(b, a, 0, 0); break;
	case 248: ev_u32(b, (u32)a[3]); break;
	case EV_EXECVE_E: ev_str_user(b, (const void *)a[0]); break;
	case EV_EXECVEAT_E:
		ev_u64(b, (u64)fd_arg(a[0]));
		ev_str_user(b, (const void *)a[1]);
		ev_u32(b, (u32)a[4]);
		break;
	case FNET_EV_SOCKET_SOCKETPAIR_E: fill_socket(b, a, 0, 0); break;
	case FNET_EV_SOCKET_SENDMSG_E: fill_sendmsg(b, a, 0, 0); break;
	case FNET_EV_SOCKET_RECVMSG_E: ev_u64(b, (u64)fd_arg(a[0])); break;
	case FNET_EV_SYSCALL_MOUNT_E: ev_u32(b, mount_flags_to_scap(a[3])); break;
	case FNET_EV_SYSCALL_UMOUNT_E: ev_u32(b, umount_flags_to_scap(a[1])); break;
	case FNET_EV_SYSCALL_MMAP_E: fill_mmap(b, a, 0, 0); break;
	case FNET_EV_SYSCALL_MPROTECT_E: fill_mprotect(b, a, 0, 0); break;
	case FNET_EV_SYSCALL_SETUID_E:
	case FNET_EV_SYSCALL_SETGID_E: fill_setid(b, a, 0, 0); break;
	case FNET_EV_SYSCALL_SETRESUID_E:
	case FNET_EV_SYSCALL_SETRESGID_E: fill_setresid(b, a, 0, 0); break;
	case FNET_EV_SYSCALL_SETNS_E: fill_setns(b, a, 0, 0); break;
	case FNET_EV_SYSCALL_UNSHARE_E: fill_unshare(b, a, 0, 0); break;
	case FNET_EV_SYSCALL_PTRACE_E: fill_ptrace(b, a, 0, 0); break;
	case FNET_EV_SYSCALL_BPF_E: ev_u64(b, (u64)(s64)(s32)a[0]); break;
	default: break; /* no enter parameters */
	}
}

static __always_inline void fill_exit(struct builder *b, u16 type, const u64 *a, long ret)
{
	switch (type) {
	case 3: fill_open(b, a, 1, ret); break;
	case 5: case 97: fill_fd_only(b, a, 1, ret); break;
	case 7: fill_rw(b, a, 1, ret, 1, 0); break;
	case 9: fill_rw(b, a, 1, ret, 0, 0); break;
	case 113: fill_rw(b, a, 1, ret, 1, 1); break;
	case 115: fill_rw(b, a, 1, ret, 0, 1); break;
	case 117: fill_readv(b, a, 1, ret); break;
	case 119: fill_writev(b, a, 1, ret); break;
	case 19: fill_socket(b, a, 1, ret); break;
	case 21: fill_bind_x(b, a, ret); break;
	case 23: fill_connect(b, a, 1, ret); break;
	case 25: fill_listen(b, a, 1, ret); break;
	case 247: fill_accept_x(b, a, ret, 0); break;
	case 249: fill_accept_x(b, a, ret, 0); break;
	case 31: fill_sendto(b, a, 1, ret); break;
	case 35: fill_recvfrom(b, a, 1, ret); break;
	case 37: fill_shutdown(b, a, 1, ret); break;
	case 59: fill_creat(b, a, 1, ret); break;
	case 61: fill_pipe_x(b, a, ret); break;
	case 95: case 279: case 301: fill_res_path(b, a, ret); break;
	case 277: fill_mkdir_x(b, a, ret); break;
	case 303: fill_at_path_x(b, a, ret, 1); break;
	case 305: fill_at_path_x(b, a, ret, 0); break;
	case 129: ev_u64(b, (u64)ret); ev_u64(b, (u64)(s64)(s32)a[0]); ev_u8(b, (u8)a[1]); break;
	case 131: ev_u64(b, (u64)ret); ev_u64(b, (u64)(s64)(s32)a[0]); ev_u8(b, (u8)a[1]); break;
	case 133:
		ev_u64(b, (u64)ret);
		ev_u64(b, (u64)(s64)(s32)a[0]);
		ev_u64(b, (u64)(s64)(s32)a[1]);
		ev_u8(b, (u8)a[2]);
		break;
	case 307: fill_openat(b, a, 1, ret); break;
	case 327: fill_openat2(b, a, 1, ret); break;
	case 125: ev_u64(b, (u64)ret); break; /* dup, dup2, dup3 */
	case EV_EXECVE_X:
	case EV_EXECVEAT_X:
		fill_execve_x(b, ret);
		break;
	case EV_CLONE_X: fill_clone_x(b, ret, a[0]); break;
	case EV_FORK_X: fill_clone_x(b, ret, 0); break;
	case EV_VFORK_X: fill_clone_x(b, ret, 0x00004000 | 0x00000100); break;
	case EV_CLONE3_X: {
		u64 flags = 0;
		fnet_read_user(&flags, sizeof(flags), (const void *)a[0]);
		fill_clone_x(b, ret, flags);
		break;
	}
	/* net.bpf.h */
	case FNET_EV_SOCKET_SOCKETPAIR_X: fill_socketpair_x(b, a, ret); break;
	case FNET_EV_SOCKET_SENDMSG_X: fill_sendmsg(b, a, 1, ret); break;
	case FNET_EV_SOCKET_RECVMSG_X: fill_recvmsg_x(b, a, ret); break;
	/* fs.bpf.h */
	case FNET_EV_SYSCALL_RENAME_X:
	case FNET_EV_SYSCALL_LINK_2_X:
	case FNET_EV_SYSCALL_SYMLINK_X: fill_two_paths_x(b, a, ret); break;
	case FNET_EV_SYSCALL_RENAMEAT_X: fill_two_at_paths_x(b, a, ret); break;
	case FNET_EV_SYSCALL_RENAMEAT2_X: fill_renameat2_x(b, a, ret); break;
	case FNET_EV_SYSCALL_LINKAT_2_X: fill_linkat_x(b, a, ret); break;
	case FNET_EV_SYSCALL_SYMLINKAT_X: fill_symlinkat_x(b, a, ret); break;
	case FNET_EV_SYSCALL_CHMOD_X: fill_chmod_x(b, a, ret); break;
	case FNET_EV_SYSCALL_FCHMOD_X: fill_fchmod_x(b, a, ret); break;
	case FNET_EV_SYSCALL_FCHMODAT_X: fill_fchmodat_x(b, a, ret); break;
	case FNET_EV_SYSCALL_CHOWN_X:
	case FNET_EV_SYSCALL_LCHOWN_X: fill_chown_x(b, a, ret); break;
	case FNET_EV_SYSCALL_FCHOWN_X: fill_fchown_x(b, a, ret); break;
	case FNET_EV_SYSCALL_FCHOWNAT_X: fill_fchownat_x(b, a, ret); break;
	case FNET_EV_SYSCALL_MOUNT_X: fill_mount_x(b, a, ret); break;
	case FNET_EV_SYSCALL_UMOUNT_X: fill_umount_x(b, a, ret); break;
	/* memory.bpf.h */
	case FNET_EV_SYSCALL_MMAP_X: fill_mmap(b, a, 1, ret); break;
	case FNET_EV_SYSCALL_MPROTECT_X: fill_mprotect(b, a, 1, ret); break;
	/* security.bpf.h */
	case FNET_EV_SYSCALL_SETUID_X:
	case FNET_EV_SYSCALL_SETGID_X: fill_setid(b, a, 1, ret); break;
	case FNET_EV_SYSCALL_SETRESUID_X:
	case FNET_EV_SYSCALL_SETRESGID_X: fill_setresid(b, a, 1, ret); break;
	case FNET_EV_SYSCALL_SETNS_X: fill_setns(b, a, 1, ret); break;
	case FNET_EV_SYSCALL_UNSHARE_X: fill_unshare(b, a, 1, ret); break;
	case FNET_EV_SYSCALL_PTRACE_X: fill_ptrace(b, a, 1, ret); break;
	case FNET_EV_SYSCALL_PRCTL_X: fill_prctl_x(b, a, ret); break;
	case FNET_EV_SYSCALL_CAPSET_X: fill_capset_x(b, ret); break;
	case FNET_EV_SYSCALL_BPF_X: fill_bpf_x(b, a, ret); break;
	case FNET_EV_SYSCALL_MEMFD_CREATE_X: fill_memfd_create_x(b, a, ret); break;
	case FNET_EV_SYSCALL_INIT_MODULE_X: fill_init_module_x(b, a, ret); break;
	case FNET_EV_SYSCALL_FINIT_MODULE_X: fill_finit_module_x(b, a, ret); break;
	case FNET_EV_SYSCALL_USERFAULTFD_X: fill_userfaultfd_x(b, a, ret); break;
	case FNET_EV_SYSCALL_IO_URING_SETUP_X: fill_io_uring_setup_x(b, a, ret); break;
	default: break;
	}
}

static __always_inline u32 nparams_of(u16 type)
{
	return fnet_event_nparams[type & (FNET_EVENT_NPARAMS_SIZE - 1)];
}

/* The enter record of syscall `nr` with arguments `a`: its dedicated event, or
 * the generic event with its syscall code and native number. */
static __always_inline void fnet_record_sys_enter(u32 nr, const u64 *a)
{
	struct builder b;
	u16 type = event_of(nr);
	if (type) {
		if (ev_begin(&b, type, nparams_of(type)) < 0)
			return;
		fill_enter(&b, type, a);
	} else {
		if (ev_begin(&b, EV_GENERIC_E, 2) < 0)
			return;
		ev_u16(&b, nr < FNET_X86_64_SYSCALL_COUNT ? sc_code(nr) : 0);
		ev_u16(&b, (u16)nr);
	}
	ev_submit(&b);
}

/* The exit record of syscall `nr` with arguments `a` and result `ret`. A
 * successful exec is left out: the exec tracepoint records it (with the new image). */
static __always_inline void fnet_record_sys_exit(u32 nr, const u64 *a, long ret)
{
	struct builder b;
	u16 type = event_of(nr);
	if (type) {
		type += 1;
		if ((type == EV_EXECVE_X || type == EV_EXECVEAT_X) && ret == 0)
			return;
		if (ev_begin(&b, type, nparams_of(type)) < 0)
			return;
		fill_exit(&b, type, a, ret);
	} else {
		if (ev_begin(&b, EV_GENERIC_X, 1) < 0)
			return;
		ev_u16(&b, nr < FNET_X86_64_SYSCALL_COUNT ? sc_code(nr) : 0);
	}
	ev_submit(&b);
}

#endif
