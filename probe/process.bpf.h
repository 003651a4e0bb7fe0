/*
 * Process events: execve/execveat, clone/fork/vfork/clone3 and procexit, with
 * the process data the schema's newest layouts carry (falcosecurity/libs
 * driver/event_table.c: PPME_SYSCALL_EXECVE_19_X, PPME_SYSCALL_CLONE_20_X, ...).
 */
#ifndef FNET_PROCESS_BPF_H
#define FNET_PROCESS_BPF_H


/* A CHARBUF parameter holding an empty string. */
static __always_inline void ev_empty_str(struct builder *b)
{
	b->buf[b->off & FNET_SCRATCH_MASK] = 0;
	ev_set_len(b, 1);
}

/* argv[0], then the remaining arguments (NUL-separated), from the task's memory. */
static __always_inline void ev_exe_args(struct builder *b, struct task_struct *t)
{
	struct mm_struct *mm = BPF_CORE_READ(t, mm);
	unsigned long start = BPF_CORE_READ(mm, arg_start);
	unsigned long end = BPF_CORE_READ(mm, arg_end);
	if (!mm || end <= start) {
		ev_empty_str(b);
		ev_empty(b);
		return;
	}
	long n = bpf_probe_read_user_str(&b->buf[b->off & FNET_SCRATCH_MASK], FNET_MAX_STR,
					 (const void *)start);
	if (n <= 0) {
		ev_empty_str(b);
		ev_empty(b);
		return;
	}
	ev_set_len(b, (u16)n);
	u64 rest = end - start > (u64)n ? end - start - n : 0;
	ev_blob_user(b, (const void *)(start + n), rest);
}

static __always_inline void ev_env(struct builder *b, struct task_struct *t)
{
	struct mm_struct *mm = BPF_CORE_READ(t, mm);
	unsigned long start = BPF_CORE_READ(mm, env_start);
	unsigned long end = BPF_CORE_READ(mm, env_end);
	if (!mm || end <= start) {
		ev_empty(b);
		return;
	}
	ev_blob_user(b, (const void *)start, end - start);
}

static __always_inline s64 task_pgid(struct task_struct *t)
{
	struct pid *p = BPF_CORE_READ(t, signal, pids[PIDTYPE_PGID]);
	return p ? BPF_CORE_READ(p, numbers[0].nr) : 0;
}

/* The parameters shared by the clone and execve families after `res`:
 * exe, args, tid, pid, ptid, cwd, fdlimit, pgft_maj, pgft_min, vm_size, vm_rss,
 * vm_swap, comm, cgroups. */
static __always_inline void ev_process_common(struct builder *b, struct task_struct *t)
{
	ev_exe_args(b, t);
	ev_u64(b, (u64)BPF_CORE_READ(t, pid));                 /* tid */
	ev_u64(b, (u64)BPF_CORE_READ(t, tgid));                /* pid */
	ev_u64(b, (u64)BPF_CORE_READ(t, real_parent, tgid));   /* ptid */
	ev_empty_str(b);                                       /* cwd: unknown here */
	ev_u64(b, BPF_CORE_READ(t, signal, rlim[7].rlim_cur)); /* fdlimit (RLIMIT_NOFILE) */
	ev_u64(b, BPF_CORE_READ(t, maj_flt));
	ev_u64(b, BPF_CORE_READ(t, min_flt));
	ev_vm_sizes_of(b, BPF_CORE_READ(t, mm));              /* vm_size, vm_rss, vm_swap */
	ev_str_kernel(b, t->comm);
	ev_empty(b);                                           /* cgroups: not read yet */
}

static __always_inline void fill_execve_x_of(struct builder *b, struct task_struct *t, long ret)
{
	ev_u64(b, (u64)ret);
	ev_process_common(b, t);
	ev_env(b, t);
	ev_u32(b, 0);                           /* tty */
	ev_u64(b, (u64)task_pgid(t));           /* vpgid */
	ev_u32(b, BPF_CORE_READ(t, loginuid.val));
	ev_u32(b, 0);                           /* flags */
	u64 cap = 0;
	BPF_CORE_READ_INTO(&cap, t, cred, cap_inheritable);
	ev_u64(b, cap);
	cap = 0;
	BPF_CORE_READ_INTO(&cap, t, cred, cap_permitted);
	ev_u64(b, cap);
	cap = 0;
	BPF_CORE_READ_INTO(&cap, t, cred, cap_effective);
	ev_u64(b, cap);
	ev_u64(b, 0);                           /* exe_ino */
	ev_u64(b, 0);                           /* exe_ino_ctime */
	ev_u64(b, 0);                           /* exe_ino_mtime */
	ev_u32(b, BPF_CORE_READ(t, cred, euid.val));
	ev_empty_str(b);                        /* trusted_exepath */
	ev_u64(b, (u64)task_pgid(t));           /* pgid */
	ev_u32(b, BPF_CORE_READ(t, cred, egid.val));
}

static __always_inline void fill_execve_x(struct builder *b, long ret)
{
	fill_execve_x_of(b, current_task(), ret);
}

/* The clone-family exit of thread `t`: res, the common process data, flags, ids. */
static __always_inline void fill_clone_x_of(struct builder *b, struct task_struct *t, long ret,
					    u64 flags)
{
	ev_u64(b, (u64)ret);
	ev_process_common(b, t);
	ev_u32(b, clone_flags_to_scap(flags));
	ev_u32(b, BPF_CORE_READ(t, cred, euid.val));
	ev_u32(b, BPF_CORE_READ(t, cred, egid.val));
	ev_u64(b, (u64)BPF_CORE_READ(t, pid));  /* vtid (host namespace assumed) */
	ev_u64(b, (u64)BPF_CORE_READ(t, tgid)); /* vpid */
	ev_u64(b, 0);                           /* pidns_init_start_ts */
}

static __always_inline void fill_clone_x(struct builder *b, long ret, u64 flags)
{
	fill_clone_x_of(b, current_task(), ret, flags);
}

/* procexit: status, ret, sig, core, reaper_tid. */
static __always_inline void fill_procexit(struct builder *b, struct task_struct *t)
{
	int code = BPF_CORE_READ(t, exit_code);
	ev_u64(b, (u64)(s64)code);
	ev_u64(b, (u64)(s64)((code >> 8) & 0xff));
	ev_u8(b, code & 0x7f);
	ev_u8(b, (code & 0x80) ? 1 : 0);
	ev_u64(b, 0);
}

#endif
