/*
 * The probe's reading of a task for the process records (fill_process.h lays
 * them out).
 */
#ifndef FNET_PROCESS_BPF_H
#define FNET_PROCESS_BPF_H

static __always_inline s64 task_pgid(struct task_struct *t)
{
	struct pid *p = BPF_CORE_READ(t, signal, pids[PIDTYPE_PGID]);
	return p ? BPF_CORE_READ(p, numbers[0].nr) : 0;
}

/* Reads task `t` into `f`. Its argument and environment areas are read through
 * the current task's address space, so they show only when `t` is current. */
static __always_inline void task_facts(struct task_struct *t, struct fnet_task_facts *f)
{
	struct mm_struct *mm = BPF_CORE_READ(t, mm);
	f->tid = (u64)BPF_CORE_READ(t, pid);
	f->pid = (u64)BPF_CORE_READ(t, tgid);
	f->ptid = (u64)BPF_CORE_READ(t, real_parent, tgid);
	f->pgid = task_pgid(t);
	f->fdlimit = BPF_CORE_READ(t, signal, rlim[7].rlim_cur); /* RLIMIT_NOFILE */
	f->maj_flt = BPF_CORE_READ(t, maj_flt);
	f->min_flt = BPF_CORE_READ(t, min_flt);
	mm_pages(mm, &f->total_vm, &f->rss_file, &f->rss_anon, &f->rss_swap, &f->rss_shmem);
	f->arg_start = mm ? BPF_CORE_READ(mm, arg_start) : 0;
	f->arg_end = mm ? BPF_CORE_READ(mm, arg_end) : 0;
	f->env_start = mm ? BPF_CORE_READ(mm, env_start) : 0;
	f->env_end = mm ? BPF_CORE_READ(mm, env_end) : 0;
	f->cap_inh = f->cap_prm = f->cap_eff = 0;
	BPF_CORE_READ_INTO(&f->cap_inh, t, cred, cap_inheritable);
	BPF_CORE_READ_INTO(&f->cap_prm, t, cred, cap_permitted);
	BPF_CORE_READ_INTO(&f->cap_eff, t, cred, cap_effective);
	f->loginuid = BPF_CORE_READ(t, loginuid.val);
	f->euid = BPF_CORE_READ(t, cred, euid.val);
	f->egid = BPF_CORE_READ(t, cred, egid.val);
	f->comm = t->comm;
	f->task = t;
}

static __always_inline void fill_execve_x_of(struct builder *b, struct task_struct *t, long ret)
{
	struct fnet_task_facts f;
	task_facts(t, &f);
	fill_execve_x_facts(b, &f, ret);
}

static __always_inline void fill_execve_x(struct builder *b, long ret)
{
	fill_execve_x_of(b, current_task(), ret);
}

/* The clone-family exit of thread `t`. */
static __always_inline void fill_clone_x_of(struct builder *b, struct task_struct *t, long ret, u64 flags)
{
	struct fnet_task_facts f;
	task_facts(t, &f);
	fill_clone_x_facts(b, &f, ret, flags);
}

static __always_inline void fill_clone_x(struct builder *b, long ret, u64 flags)
{
	fill_clone_x_of(b, current_task(), ret, flags);
}

#endif
