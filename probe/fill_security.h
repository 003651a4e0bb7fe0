/*
 * Credentials, namespaces, tracing and kernel-facing syscalls: setuid, setgid,
 * setresuid, setresgid, setns, unshare, ptrace, prctl, capset, bpf,
 * init_module, finit_module, memfd_create, userfaultfd, io_uring_setup. Layouts:
 * falcosecurity/libs driver/event_table.c; flag values: ppm_events_public.h.
 */
#ifndef FNET_FILL_SECURITY_H
#define FNET_FILL_SECURITY_H

/* PT_DYN parameters: a selector byte naming the value's type, then the value. */
static __always_inline void ev_dyn_u64(struct builder *b, u8 sel, u64 v)
{
	u8 *p = &b->buf[b->off & FNET_SCRATCH_MASK];
	p[0] = sel;
	__builtin_memcpy(p + 1, &v, 8);
	ev_set_len(b, 9);
}
static __always_inline void ev_dyn_u8(struct builder *b, u8 sel, u8 v)
{
	u8 *p = &b->buf[b->off & FNET_SCRATCH_MASK];
	p[0] = sel;
	p[1] = v;
	ev_set_len(b, 2);
}

/* setuid, setgid: enter the id; exit res, id. */
static __always_inline void fill_setid(struct builder *b, const u64 *a, int exit, long ret)
{
	if (exit)
		ev_u64(b, (u64)ret);
	ev_u32(b, (u32)a[0]);
}

/* setresuid, setresgid: enter real, effective, saved id; exit res, the same three. */
static __always_inline void fill_setresid(struct builder *b, const u64 *a, int exit, long ret)
{
	if (exit)
		ev_u64(b, (u64)ret);
	ev_u32(b, (u32)a[0]);
	ev_u32(b, (u32)a[1]);
	ev_u32(b, (u32)a[2]);
}

/* setns: enter fd, nstype (a CLONE_NEW* flag, as PPM_CL_*); exit res, fd, nstype. */
static __always_inline void fill_setns(struct builder *b, const u64 *a, int exit, long ret)
{
	if (exit)
		ev_u64(b, (u64)ret);
	ev_u64(b, (u64)fd_arg(a[0]));
	ev_u32(b, clone_flags_to_scap(a[1]));
}

/* unshare: enter flags (clone flags, as PPM_CL_*); exit res, flags. */
static __always_inline void fill_unshare(struct builder *b, const u64 *a, int exit, long ret)
{
	if (exit)
		ev_u64(b, (u64)ret);
	ev_u32(b, clone_flags_to_scap(a[0]));
}

/* ptrace requests (x86_64 values) to PPM_PTRACE_*; 0 (PPM_PTRACE_UNKNOWN) for others. */
#define PPM_PTRACE_PEEKTEXT 2
#define PPM_PTRACE_PEEKDATA 3
#define PPM_PTRACE_PEEKUSR 4
#define PPM_PTRACE_CONT 8
#define PPM_PTRACE_SINGLESTEP 10
#define PPM_PTRACE_DETACH 12
#define PPM_PTRACE_SYSCALL 13
#define PPM_PTRACE_IDX_UINT64 0
#define PPM_PTRACE_IDX_SIGTYPE 1

static __always_inline u16 ptrace_request_to_scap(u64 req)
{
	/* requests 0..9 (TRACEME .. SINGLESTEP) are PPM 1..10 */
	if (req <= 9)
		return (u16)(req + 1);
	/* PTRACE_SETOPTIONS (0x4200) .. PTRACE_SETSIGMASK (0x420b) are PPM 14 .. 25 */
	if (req >= 0x4200 && req <= 0x420b)
		return (u16)(req - 0x4200 + 14);
	switch (req) {
	case 16: return 11;  /* PTRACE_ATTACH */
	case 17: return 12;  /* PTRACE_DETACH */
	case 24: return 13;  /* PTRACE_SYSCALL */
	case 12: return 26;  /* PTRACE_GETREGS */
	case 13: return 27;  /* PTRACE_SETREGS */
	case 14: return 28;  /* PTRACE_GETFPREGS */
	case 15: return 29;  /* PTRACE_SETFPREGS */
	case 18: return 30;  /* PTRACE_GETFPXREGS */
	case 19: return 31;  /* PTRACE_SETFPXREGS */
	case 21: return 32;  /* PTRACE_OLDSETOPTIONS */
	case 25: return 33;  /* PTRACE_GET_THREAD_AREA */
	case 26: return 34;  /* PTRACE_SET_THREAD_AREA */
	case 30: return 35;  /* PTRACE_ARCH_PRCTL */
	case 31: return 36;  /* PTRACE_SYSEMU */
	case 32: return 37;  /* PTRACE_SYSEMU_SINGLESTEP */
	case 33: return 38;  /* PTRACE_SINGLEBLOCK */
	default: return 0;
	}
}

/* ptrace: enter request, pid; exit res, addr, data, request, pid. addr and data are
 * PT_DYN: a u64, except data for requests that resume the tracee (a signal number).
 * For the PEEK requests the raw syscall stores the word read at `data`: that word
 * is recorded. A failed call records 0 for both. */
static __always_inline void fill_ptrace(struct builder *b, const u64 *a, int exit, long ret)
{
	u16 req = ptrace_request_to_scap(a[0]);
	if (exit) {
		ev_u64(b, (u64)ret);
		ev_dyn_u64(b, PPM_PTRACE_IDX_UINT64, ret < 0 ? 0 : a[2]);
		if (ret < 0) {
			ev_dyn_u64(b, PPM_PTRACE_IDX_UINT64, 0);
		} else if (req == PPM_PTRACE_PEEKTEXT || req == PPM_PTRACE_PEEKDATA ||
			   req == PPM_PTRACE_PEEKUSR) {
			u64 word = 0;
			fnet_read_user(&word, sizeof(word), (const void *)a[3]);
			ev_dyn_u64(b, PPM_PTRACE_IDX_UINT64, word);
		} else if (req == PPM_PTRACE_CONT || req == PPM_PTRACE_SINGLESTEP ||
			   req == PPM_PTRACE_DETACH || req == PPM_PTRACE_SYSCALL) {
			ev_dyn_u8(b, PPM_PTRACE_IDX_SIGTYPE, (u8)a[3]);
		} else {
			ev_dyn_u64(b, PPM_PTRACE_IDX_UINT64, a[3]);
		}
	}
	ev_u16(b, req);
	ev_u64(b, (u64)(s64)(s32)a[1]);
}

/* prctl exit: res, option, arg2_str, arg2_int. PPM_PR_* equal PR_*. The second
 * argument is a string for PR_SET_NAME / PR_GET_NAME (read after the call, so
 * PR_GET_NAME shows the name returned), the int it points to for
 * PR_GET_CHILD_SUBREAPER, else the number itself. */
#define PR_SET_NAME_K 15
#define PR_GET_NAME_K 16
#define PR_GET_CHILD_SUBREAPER_K 37

static __always_inline void fill_prctl_x(struct builder *b, const u64 *a, long ret)
{
	u32 option = (u32)a[0];
	ev_u64(b, (u64)ret);
	ev_u32(b, option);
	if (option == PR_SET_NAME_K || option == PR_GET_NAME_K) {
		ev_str_user(b, (const void *)a[1]);
		ev_u64(b, 0);
	} else if (option == PR_GET_CHILD_SUBREAPER_K) {
		s32 v = 0;
		fnet_read_user(&v, sizeof(v), (const void *)a[1]);
		ev_empty(b);
		ev_u64(b, (u64)(s64)v);
	} else {
		ev_empty(b);
		ev_u64(b, a[1]);
	}
}

/* Capability sets: PPM_CAP_* are the kernel's bits 0 (CAP_CHOWN) to 40
 * (CAP_CHECKPOINT_RESTORE); later capabilities have no scap bit. */
static __always_inline u64 caps_to_scap(u64 caps)
{
	return caps & ((1ULL << 41) - 1);
}

/* capset exit: res, then the task's inheritable, permitted and effective sets as
 * they are after the call. */
static __always_inline void fill_capset_x(struct builder *b, long ret)
{
	u64 inh, prm, eff;
	fnet_current_caps(&inh, &prm, &eff);
	ev_u64(b, (u64)ret);
	ev_u64(b, caps_to_scap(inh));
	ev_u64(b, caps_to_scap(prm));
	ev_u64(b, caps_to_scap(eff));
}

/* bpf (the version sysdig 0.29.3 knows): enter cmd; exit res_or_fd, a PT_DYN
 * holding the new fd for BPF_MAP_CREATE (0) and BPF_PROG_LOAD (5) when they
 * succeed, else the result. */
#define PPM_BPF_IDX_FD 0
#define PPM_BPF_IDX_RES 1

static __always_inline void fill_bpf_x(struct builder *b, const u64 *a, long ret)
{
	u32 cmd = (u32)a[0];
	ev_dyn_u64(b, ret >= 0 && (cmd == 0 || cmd == 5) ? PPM_BPF_IDX_FD : PPM_BPF_IDX_RES, (u64)ret);
}

/* memfd_create exit: fd, name, flags (MFD_CLOEXEC 1, MFD_ALLOW_SEALING 2,
 * MFD_HUGETLB 4: the PPM_MFD_* values). */
static __always_inline void fill_memfd_create_x(struct builder *b, const u64 *a, long ret)
{
	ev_u64(b, (u64)ret);
	ev_str_user(b, (const void *)a[0]);
	ev_u32(b, (u32)(a[1] & 7));
}

/* init_module exit: res, img (the image's first bytes, to the snap length), length,
 * uargs. The image is cut further when the record would not hold it and the
 * longest uargs. */
static __always_inline void fill_init_module_x(struct builder *b, const u64 *a, long ret)
{
	ev_u64(b, (u64)ret);
	u64 room = ev_room(b, 8 + FNET_MAX_STR);
	ev_bytes_user(b, (const void *)a[0], a[1] < room ? a[1] : room);
	ev_u64(b, a[1]);
	ev_str_user(b, (const void *)a[2]);
}

/* finit_module exit: res, fd, uargs, flags (MODULE_INIT_IGNORE_MODVERSIONS 1,
 * _IGNORE_VERMAGIC 2, _COMPRESSED_FILE 4: the PPM_MODULE_INIT_* values). */
static __always_inline void fill_finit_module_x(struct builder *b, const u64 *a, long ret)
{
	ev_u64(b, (u64)ret);
	ev_u64(b, (u64)fd_arg(a[0]));
	ev_str_user(b, (const void *)a[1]);
	ev_u32(b, (u32)(a[2] & 7));
}

/* userfaultfd exit: res, flags as PPM_O_* (O_NONBLOCK, O_CLOEXEC; UFFD_USER_MODE_ONLY
 * has no scap bit). */
static __always_inline void fill_userfaultfd_x(struct builder *b, const u64 *a, long ret)
{
	u32 f = 0;
	if (a[0] & 04000)
		f |= 1 << 6;  /* PPM_O_NONBLOCK */
	if (a[0] & 02000000)
		f |= 1 << 12; /* PPM_O_CLOEXEC */
	ev_u64(b, (u64)ret);
	ev_u32(b, f);
}

/* IORING_SETUP_* to PPM_IORING_SETUP_*: from SQ_AFF on, the scap bits are one
 * higher (bit 2 is PPM_IORING_SQ_NEED_WAKEUP, not a setup flag). Setup flags from
 * IORING_SETUP_SUBMIT_ALL (1 << 7) on have no scap bit. */
static __always_inline u32 io_uring_setup_flags_to_scap(u32 f)
{
	return (f & 3) | ((f & 0x7c) << 1);
}

/* struct io_uring_params, the part the event shows. */
struct io_uring_params_k {
	u32 sq_entries, cq_entries, flags, sq_thread_cpu, sq_thread_idle, features;
};

/* io_uring_setup exit: res, entries, then from the params the kernel filled in:
 * sq_entries, cq_entries, flags, sq_thread_cpu, sq_thread_idle, features
 * (IORING_FEAT_* bits 0..10 are the PPM_IORING_FEAT_* values). */
static __always_inline void fill_io_uring_setup_x(struct builder *b, const u64 *a, long ret)
{
	struct io_uring_params_k p = {};
	fnet_read_user(&p, sizeof(p), (const void *)a[1]);
	ev_u64(b, (u64)ret);
	ev_u32(b, (u32)a[0]);
	ev_u32(b, p.sq_entries);
	ev_u32(b, p.cq_entries);
	ev_u32(b, io_uring_setup_flags_to_scap(p.flags));
	ev_u32(b, p.sq_thread_cpu);
	ev_u32(b, p.sq_thread_idle);
	ev_u32(b, p.features & 0x7ff);
}

#endif
