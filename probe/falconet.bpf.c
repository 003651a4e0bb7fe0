// SPDX-License-Identifier: GPL-2.0-only
/*
 * falconet's eBPF CO-RE probe: raw syscall enter/exit and process exit
 * tracepoints turned into scap event records (falcosecurity/libs numbering and
 * layouts), delivered through one BPF ring buffer. The records are built by the
 * code the kernel module shares (builder.h, fill_dispatch.h, fill_*.h): syscalls
 * with a dedicated event get their full parameters, every other syscall becomes
 * the generic event carrying its syscall code. Which event each syscall becomes:
 * syscall_events.h. This file holds what is the probe's own: the tracepoint
 * programs, the prefilter map, the task readers (task.bpf.h, memory.bpf.h,
 * cgroup.bpf.h, process.bpf.h).
 */
#include "vmlinux.h"
#include <bpf/bpf_core_read.h>
#include <bpf/bpf_endian.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

#include "builder.bpf.h"
#include "event_codes.h"
#include "scap_flags.h"
#include "socktuple.h"
#include "fill_driver.h"
#include "fill_file.h"
#include "fill_fs.h"
#include "fill_net.h"
#include "fill_memory.h"
#include "fill_security.h"
#include "fill_cgroups.h"
#include "fill_process.h"
#include "fill_dispatch.h"
#include "task.bpf.h"
#include "memory.bpf.h"
#include "cgroup.bpf.h"
#include "process.bpf.h"

char LICENSE[] SEC("license") = "GPL";

/* Set by the loader before load. */
const volatile __u32 exclude_tgid = 0;   /* the capture process: never recorded */
const volatile __u8 use_syscall_set = 0;

/* Prefilter: syscall number -> 1 when it is recorded (used when use_syscall_set). */
struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, FNET_PROBE_SYSCALLS);
	__type(key, u32);
	__type(value, u8);
} syscall_set SEC(".maps");

static __always_inline bool excluded(void)
{
	return exclude_tgid && (bpf_get_current_pid_tgid() >> 32) == exclude_tgid;
}

static __always_inline bool filtered_out(u32 nr)
{
	if (!use_syscall_set)
		return false;
	u8 *on = bpf_map_lookup_elem(&syscall_set, &nr);
	return !on || !*on;
}

static __always_inline void read_args(struct pt_regs *regs, u64 *a)
{
	a[0] = BPF_CORE_READ(regs, di);
	a[1] = BPF_CORE_READ(regs, si);
	a[2] = BPF_CORE_READ(regs, dx);
	a[3] = BPF_CORE_READ(regs, r10);
	a[4] = BPF_CORE_READ(regs, r8);
	a[5] = BPF_CORE_READ(regs, r9);
}

SEC("tp_btf/sys_enter")
int BPF_PROG(fnet_sys_enter, struct pt_regs *regs, long id)
{
	u32 nr = (u32)id;
	if (excluded() || nr >= FNET_PROBE_SYSCALLS || filtered_out(nr))
		return 0;
	u64 a[6];
	read_args(regs, a);
	fnet_record_sys_enter(nr, a);
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(fnet_sys_exit, struct pt_regs *regs, long ret)
{
	u32 nr = (u32)BPF_CORE_READ(regs, orig_ax);
	if (excluded() || nr >= FNET_PROBE_SYSCALLS || filtered_out(nr))
		return 0;
	u64 a[6];
	read_args(regs, a);
	fnet_record_sys_exit(nr, a, ret);
	return 0;
}

SEC("tp_btf/sched_process_exit")
int BPF_PROG(fnet_process_exit, struct task_struct *p)
{
	if (excluded())
		return 0;
	struct builder b;
	if (ev_begin(&b, EV_PROCEXIT_E, 5) < 0)
		return 0;
	fill_procexit(&b, BPF_CORE_READ(p, exit_code));
	ev_submit(&b);
	return 0;
}

#define PF_KTHREAD_FLAG 0x00200000 /* include/linux/sched.h PF_KTHREAD */

/*
 * Every successful exec, including those the kernel starts itself (helpers run
 * with call_usermodehelper), which never return through a syscall exit: the
 * execve exit record is written here, where the new image is in place.
 */
SEC("tp_btf/sched_process_exec")
int BPF_PROG(fnet_process_exec, struct task_struct *p, pid_t old_pid, struct linux_binprm *bprm)
{
	if (excluded())
		return 0;
	struct pt_regs *regs = (struct pt_regs *)bpf_task_pt_regs(p);
	u32 nr = regs ? (u32)BPF_CORE_READ(regs, orig_ax) : 59;
	if (nr < FNET_PROBE_SYSCALLS && filtered_out(nr))
		return 0;
	u16 type = nr == 322 ? EV_EXECVEAT_X : EV_EXECVE_X;
	struct builder b;
	if (ev_begin(&b, type, nparams_of(type)) < 0)
		return 0;
	fill_execve_x_of(&b, p, 0);
	ev_submit(&b);
	return 0;
}

/*
 * Processes that a kernel thread starts (user-mode helpers) do not return from a
 * clone syscall: their clone exit record is written here, as the child's.
 */
SEC("tp_btf/sched_process_fork")
int BPF_PROG(fnet_process_fork, struct task_struct *parent, struct task_struct *child)
{
	if (!(parent->flags & PF_KTHREAD_FLAG) || (child->flags & PF_KTHREAD_FLAG))
		return 0;
	struct builder b;
	if (ev_begin_tid(&b, EV_CLONE_X, nparams_of(EV_CLONE_X), (u32)child->pid) < 0)
		return 0;
	fill_clone_x_of(&b, child, 0, 0);
	ev_submit(&b);
	return 0;
}
