/*
 * Process events, shared by both drivers: the exit records of execve/execveat
 * and of clone/fork/vfork/clone3, and procexit, with the process data the
 * schema's newest layouts carry (falcosecurity/libs driver/event_table.c:
 * PPME_SYSCALL_EXECVE_19_X, PPME_SYSCALL_CLONE_20_X, PPME_PROCEXIT_1_E). The
 * driver reads a task into struct fnet_task_facts; these functions lay it out.
 */
#ifndef FNET_FILL_PROCESS_H
#define FNET_FILL_PROCESS_H

/* What the process records say about one task. Ids are the initial namespace's;
 * uids and gids the kernel's global values. */
struct fnet_task_facts {
	u64 tid, pid, ptid;          /* thread id, process id, parent's process id */
	s64 pgid;                    /* process group id */
	u64 fdlimit;                 /* RLIMIT_NOFILE soft limit */
	u64 maj_flt, min_flt;        /* page faults */
	u64 total_vm;                /* mapped pages */
	s64 rss_file, rss_anon, rss_swap, rss_shmem; /* resident pages by kind, swap entries */
	/* Argument and environment areas in the task's memory; 0, 0 when they cannot
	 * be read from here (another task's memory, or none). */
	u64 arg_start, arg_end, env_start, env_end;
	u64 cap_inh, cap_prm, cap_eff; /* capability sets, kernel bit numbering */
	u32 loginuid, euid, egid;
	const char *comm;            /* kernel memory, NUL-terminated within 16 bytes */
	struct task_struct *task;    /* the task itself, for ev_task_cgroups (fill_driver.h) */
};

/* A CHARBUF parameter holding an empty string. */
static __always_inline void ev_empty_str(struct builder *b)
{
	b->buf[b->off & FNET_SCRATCH_MASK] = 0;
	ev_set_len(b, 1);
}

/* exe (argv[0]), then args: the remaining arguments, NUL-separated. */
static __always_inline void ev_exe_args(struct builder *b, const struct fnet_task_facts *f)
{
	u64 start = f->arg_start, end = f->arg_end;
	long n = end > start ? fnet_read_user_str(&b->buf[b->off & FNET_SCRATCH_MASK], FNET_MAX_STR,
						 (const void *)start)
			     : -1;
	if (n <= 0) {
		ev_empty_str(b);
		ev_empty(b);
		return;
	}
	ev_set_len(b, (u16)n);
	u64 rest = end - start > (u64)n ? end - start - n : 0;
	ev_blob_user(b, (const void *)(start + n), rest);
}

/* The parameters shared by the clone and execve families after `res`:
 * exe, args, tid, pid, ptid, cwd, fdlimit, pgft_maj, pgft_min, vm_size, vm_rss,
 * vm_swap, comm, cgroups. */
static __always_inline void ev_process_common(struct builder *b, const struct fnet_task_facts *f)
{
	ev_exe_args(b, f);
	ev_u64(b, f->tid);
	ev_u64(b, f->pid);
	ev_u64(b, f->ptid);
	ev_empty_str(b);                        /* cwd: unknown here */
	ev_u64(b, f->fdlimit);
	ev_u64(b, f->maj_flt);
	ev_u64(b, f->min_flt);
	ev_vm_pages(b, f->total_vm, f->rss_file, f->rss_anon, f->rss_swap, f->rss_shmem);
	ev_str_kernel(b, f->comm);
	ev_task_cgroups(b, f->task);
}

/* execve / execveat exit: res, the common data, env, tty, vpgid, loginuid, flags,
 * the three capability sets, exe inode facts, euid, trusted_exepath, pgid, egid. */
static __always_inline void fill_execve_x_facts(struct builder *b, const struct fnet_task_facts *f, long ret)
{
	ev_u64(b, (u64)ret);
	ev_process_common(b, f);
	if (f->env_end > f->env_start)
		ev_blob_user(b, (const void *)f->env_start, f->env_end - f->env_start);
	else
		ev_empty(b);
	ev_u32(b, 0);                           /* tty */
	ev_u64(b, (u64)f->pgid);                /* vpgid */
	ev_u32(b, f->loginuid);
	ev_u32(b, 0);                           /* flags */
	ev_u64(b, f->cap_inh);
	ev_u64(b, f->cap_prm);
	ev_u64(b, f->cap_eff);
	ev_u64(b, 0);                           /* exe_ino */
	ev_u64(b, 0);                           /* exe_ino_ctime */
	ev_u64(b, 0);                           /* exe_ino_mtime */
	ev_u32(b, f->euid);
	ev_empty_str(b);                        /* trusted_exepath */
	ev_u64(b, (u64)f->pgid);
	ev_u32(b, f->egid);
}

/* The clone-family exit: res, the common data, flags (kernel clone flags), uid,
 * gid, vtid, vpid, pidns_init_start_ts. */
static __always_inline void fill_clone_x_facts(struct builder *b, const struct fnet_task_facts *f, long ret,
					       u64 flags)
{
	ev_u64(b, (u64)ret);
	ev_process_common(b, f);
	ev_u32(b, clone_flags_to_scap(flags));
	ev_u32(b, f->euid);
	ev_u32(b, f->egid);
	ev_u64(b, f->tid);                      /* vtid (host namespace assumed) */
	ev_u64(b, f->pid);                      /* vpid */
	ev_u64(b, 0);                           /* pidns_init_start_ts */
}

/* procexit from the task's exit code (wait status): status, ret, sig, core, reaper_tid. */
static __always_inline void fill_procexit(struct builder *b, int code)
{
	ev_u64(b, (u64)(s64)code);
	ev_u64(b, (u64)(s64)((code >> 8) & 0xff));
	ev_u8(b, code & 0x7f);
	ev_u8(b, (code & 0x80) ? 1 : 0);
	ev_u64(b, 0);
}

#endif
