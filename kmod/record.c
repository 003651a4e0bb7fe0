// SPDX-License-Identifier: GPL-2.0-only
/*
 * Building the records of each tracepoint with the fillers shared with the eBPF
 * probe (probe/fill_dispatch.h): one scratch area of FNET_SCRATCH_SIZE bytes per
 * CPU, used with preemption off from ev_begin to ev_submit, then copied into the
 * CPU's ring. Every write into the scratch area is masked to stay inside it
 * (builder.h).
 */
#include <linux/preempt.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/ktime.h>
#include <linux/timekeeping.h>

#include "record.h"

static u8 **scratch; /* nr_cpu_ids areas of FNET_SCRATCH_SIZE bytes */

int fnet_record_init(void)
{
	unsigned int cpu;

	scratch = kcalloc(nr_cpu_ids, sizeof(*scratch), GFP_KERNEL);
	if (!scratch)
		return -ENOMEM;
	for_each_possible_cpu(cpu) {
		scratch[cpu] = kzalloc_node(FNET_SCRATCH_SIZE, GFP_KERNEL, cpu_to_node(cpu));
		if (!scratch[cpu]) {
			fnet_record_exit();
			return -ENOMEM;
		}
	}
	return 0;
}

void fnet_record_exit(void)
{
	unsigned int cpu;

	if (!scratch)
		return;
	for (cpu = 0; cpu < nr_cpu_ids; cpu++)
		kfree(scratch[cpu]);
	kfree(scratch);
	scratch = NULL;
}

/* Starts a record of thread `tid` in this CPU's scratch area (preemption off). */
static __always_inline int ev_begin_tid(struct builder *b, u16 type, u32 nparams, u64 tid)
{
	unsigned int cpu = smp_processor_id();

	ev_header(b, scratch[cpu], (u16)cpu, fnet_settings.boot_time_ns + ktime_get_boot_fast_ns(), tid, type,
		  nparams);
	return 0;
}

static __always_inline int ev_begin(struct builder *b, u16 type, u32 nparams)
{
	return ev_begin_tid(b, type, nparams, (u64)current->pid);
}

/* Completes the record and copies it to the ring (or counts it too big). */
static __always_inline void ev_submit(struct builder *b)
{
	u32 len = ev_finish(b);
	struct fnet_kmod_rec *prefix = (struct fnet_kmod_rec *)b->ring;

	if (!len) {
		fnet_ring_count_too_big();
		return;
	}
	prefix->flags = 0;
	prefix->len = len;
	fnet_ring_write(b->ring, len + FNET_RING_PREFIX);
}

#include "fill_dispatch.h"

static void args_u64(const unsigned long *args, u64 *a)
{
	int i;

	for (i = 0; i < 6; i++)
		a[i] = args[i];
}

void fnet_record_sys_enter_k(u32 nr, const unsigned long *args)
{
	u64 a[6];

	args_u64(args, a);
	preempt_disable();
	fnet_record_sys_enter(nr, a);
	preempt_enable();
}

void fnet_record_sys_exit_k(u32 nr, const unsigned long *args, long ret)
{
	u64 a[6];

	args_u64(args, a);
	preempt_disable();
	fnet_record_sys_exit(nr, a, ret);
	preempt_enable();
}

/* A successful exec: the execve (or execveat, by syscall `nr`) exit record,
 * written with the new image in place. */
void fnet_record_exec_k(struct task_struct *p, u32 nr)
{
	u16 type = nr == 322 ? EV_EXECVEAT_X : EV_EXECVE_X;
	struct fnet_task_facts f;
	struct builder b;

	fnet_kmod_task_facts(p, &f);
	preempt_disable();
	if (ev_begin(&b, type, nparams_of(type)) == 0) {
		fill_execve_x_facts(&b, &f, 0);
		ev_submit(&b);
	}
	preempt_enable();
}

/* The clone exit record of a process a kernel thread started, as the child's. */
void fnet_record_fork_child_k(struct task_struct *child)
{
	struct fnet_task_facts f;
	struct builder b;

	fnet_kmod_task_facts(child, &f);
	preempt_disable();
	if (ev_begin_tid(&b, EV_CLONE_X, nparams_of(EV_CLONE_X), (u64)child->pid) == 0) {
		fill_clone_x_facts(&b, &f, 0, 0);
		ev_submit(&b);
	}
	preempt_enable();
}

void fnet_record_procexit_k(struct task_struct *p)
{
	struct builder b;

	preempt_disable();
	if (ev_begin(&b, EV_PROCEXIT_E, 5) == 0) {
		fill_procexit(&b, READ_ONCE(p->exit_code));
		ev_submit(&b);
	}
	preempt_enable();
}
