// SPDX-License-Identifier: GPL-2.0-only
/*
 * What the shared fillers ask of the driver (probe/fill_driver.h), read from the
 * current task with the kernel's own accessors. Everything here runs in
 * tracepoint context: no sleeping, files are pinned with fget_raw (lock-free)
 * and released with fput (which defers the final release to task work).
 */
#include <linux/audit.h>
#include <linux/cred.h>
#include <linux/fdtable.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/kdev_t.h>
#include <linux/mm.h>
#include <linux/net.h>
#include <linux/percpu_counter.h>
#include <linux/pid.h>
#include <linux/rcupdate.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/string.h>
#include <linux/version.h>
#include <net/af_unix.h>
#include <net/inet_sock.h>
#include <net/sock.h>

#include "record.h"

/* The file of fd `fd` of the current task, pinned, or NULL. */
static struct file *pin_fd(s64 fd)
{
	if (fd < 0 || fd > INT_MAX || !current->files)
		return NULL;
	return fget_raw((unsigned int)fd);
}

/* The sock of a pinned file, or NULL when it is no socket. */
static struct sock *file_sock(struct file *f)
{
	struct socket *s = f ? sock_from_file(f) : NULL;

	return s ? READ_ONCE(s->sk) : NULL;
}

void fnet_kmod_fd_socktuple(struct builder *b, s64 fd)
{
	struct file *f = pin_fd(fd);
	struct sock *sk = file_sock(f);
	u16 fam = sk ? READ_ONCE(sk->sk_family) : 0;

	if (fam == AF_INET) {
		ev_tuple_inet(b, READ_ONCE(sk->sk_rcv_saddr), READ_ONCE(sk->sk_num), READ_ONCE(sk->sk_daddr),
			      ntohs(READ_ONCE(sk->sk_dport)));
#if IS_ENABLED(CONFIG_IPV6)
	} else if (fam == AF_INET6) {
		struct in6_addr sa = sk->sk_v6_rcv_saddr, da = sk->sk_v6_daddr;

		ev_tuple_inet6(b, &sa, READ_ONCE(sk->sk_num), &da, ntohs(READ_ONCE(sk->sk_dport)));
#endif
	} else if (fam == AF_UNIX) {
		ev_tuple_unix(b, (u64)(unsigned long)sk, (u64)(unsigned long)READ_ONCE(unix_sk(sk)->peer));
	} else {
		ev_empty(b);
	}
	if (f)
		fput(f);
}

void fnet_kmod_fd_dev_ino(s64 fd, u32 *dev, u64 *ino)
{
	struct file *f = pin_fd(fd);
	struct inode *i = f ? file_inode(f) : NULL;

	*dev = i ? new_encode_dev(i->i_sb->s_dev) : 0;
	*ino = i ? i->i_ino : 0;
	if (f)
		fput(f);
}

void fnet_kmod_fd_listen_queue(s64 fd, u32 *qlen, u32 *qmax)
{
	struct file *f = pin_fd(fd);
	struct sock *sk = file_sock(f);

	*qlen = sk ? READ_ONCE(sk->sk_ack_backlog) : 0;
	*qmax = sk ? READ_ONCE(sk->sk_max_ack_backlog) : 0;
	if (f)
		fput(f);
}

void fnet_kmod_fd_unix_pair(s64 fd, u64 *sk_addr, u64 *peer)
{
	struct file *f = pin_fd(fd);
	struct sock *sk = file_sock(f);

	if (sk && READ_ONCE(sk->sk_family) != AF_UNIX)
		sk = NULL;
	*sk_addr = (u64)(unsigned long)sk;
	*peer = sk ? (u64)(unsigned long)READ_ONCE(unix_sk(sk)->peer) : 0;
	if (f)
		fput(f);
}

/* A capability set as its first 64 bits (the layout the eBPF probe reads too:
 * u32[2] before Linux 6.3, one u64 since). */
static u64 cap_bits(const kernel_cap_t *c)
{
	u64 v = 0;

	memcpy(&v, c, min(sizeof(*c), sizeof(v)));
	return v;
}

void fnet_kmod_current_caps(u64 *inh, u64 *prm, u64 *eff)
{
	const struct cred *c = current_cred(); /* the current task's own: stable */

	*inh = cap_bits(&c->cap_inheritable);
	*prm = cap_bits(&c->cap_permitted);
	*eff = cap_bits(&c->cap_effective);
}

/*
 * Counter `member` of `mm` as /proc/PID/status reports it. From Linux 6.2 the
 * counters are percpu_counters whose shared count lags the per-CPU deltas by up
 * to the batch size a CPU (a fresh exec would show almost nothing), so they are
 * summed as get_mm_counter_sum (6.16+) does: __percpu_counter_sum takes only the
 * counter's raw spinlock with interrupts off, which tracepoint context may (no
 * tracepoint of ours fires while it is held). Before 6.2, the mm's atomic count,
 * which is all /proc reads too (per-task cached deltas left out as there).
 */
static s64 mm_count(struct mm_struct *mm, int member)
{
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 2, 0)
	return percpu_counter_sum(&mm->rss_stat[member]);
#else
	return (s64)get_mm_counter(mm, member);
#endif
}

static void mm_pages(struct mm_struct *mm, struct fnet_task_facts *f)
{
	f->total_vm = mm ? READ_ONCE(mm->total_vm) : 0;
	f->rss_file = mm ? mm_count(mm, MM_FILEPAGES) : 0;
	f->rss_anon = mm ? mm_count(mm, MM_ANONPAGES) : 0;
	f->rss_swap = mm ? mm_count(mm, MM_SWAPENTS) : 0;
	f->rss_shmem = mm ? mm_count(mm, MM_SHMEMPAGES) : 0;
}

void fnet_kmod_vm_sizes(struct builder *b)
{
	struct fnet_task_facts f;

	mm_pages(current->mm, &f);
	ev_vm_pages(b, f.total_vm, f.rss_file, f.rss_anon, f.rss_swap, f.rss_shmem);
}

void fnet_kmod_task_facts(struct task_struct *t, struct fnet_task_facts *f)
{
	struct mm_struct *mm = t->mm; /* t is current, or a child not yet running */
	const struct cred *c;

	memset(f, 0, sizeof(*f));
	f->tid = (u64)t->pid;
	f->pid = (u64)t->tgid;
	f->fdlimit = task_rlimit(t, RLIMIT_NOFILE);
	f->maj_flt = t->maj_flt;
	f->min_flt = t->min_flt;
	mm_pages(mm, f);
	if (t == current && mm) {
		f->arg_start = mm->arg_start;
		f->arg_end = mm->arg_end;
		f->env_start = mm->env_start;
		f->env_end = mm->env_end;
	}
	rcu_read_lock();
	f->ptid = (u64)rcu_dereference(t->real_parent)->tgid;
	f->pgid = pid_nr(task_pgrp(t));
	c = __task_cred(t);
	f->cap_inh = cap_bits(&c->cap_inheritable);
	f->cap_prm = cap_bits(&c->cap_permitted);
	f->cap_eff = cap_bits(&c->cap_effective);
	f->euid = __kuid_val(c->euid);
	f->egid = __kgid_val(c->egid);
	rcu_read_unlock();
	f->loginuid = __kuid_val(audit_get_loginuid(t));
	f->comm = t->comm;
	f->task = t;
}
