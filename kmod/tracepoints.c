// SPDX-License-Identifier: GPL-2.0-only
/*
 * The tracepoints the module hooks, the same as the eBPF probe's: raw syscall
 * enter and exit, and process exec, fork and exit. They are found by name (the
 * syscall ones are not exported as symbols) and attached only while a capture
 * runs. Handlers run in the traced task, in atomic context.
 */
#include <linux/binfmts.h>
#include <linux/compat.h>
#include <linux/sched.h>
#include <linux/string.h>
#include <linux/tracepoint.h>
#include <asm/syscall.h>

#include "kmod.h"

static bool excluded(void)
{
	pid_t ex = READ_ONCE(fnet_settings.exclude_tgid);

	return ex && current->tgid == ex;
}

/* Whether the prefilter leaves syscall `nr` out (nr < FNET_KMOD_SYSCALLS). */
static bool filtered_out(u32 nr)
{
	return fnet_settings.use_syscall_set && !fnet_settings.syscall_set[nr];
}

/* 32-bit syscalls have another numbering: the records are x86_64's only. */
static bool foreign_abi(void)
{
	return in_compat_syscall();
}

static void on_sys_enter(void *data, struct pt_regs *regs, long id)
{
	unsigned long args[6];

	if (id < 0 || id >= FNET_KMOD_SYSCALLS || foreign_abi() || excluded() || filtered_out((u32)id))
		return;
	syscall_get_arguments(current, regs, args);
	fnet_record_sys_enter_k((u32)id, args);
}

static void on_sys_exit(void *data, struct pt_regs *regs, long ret)
{
	long id = syscall_get_nr(current, regs);
	unsigned long args[6];

	if (id < 0 || id >= FNET_KMOD_SYSCALLS || foreign_abi() || excluded() || filtered_out((u32)id))
		return;
	syscall_get_arguments(current, regs, args);
	fnet_record_sys_exit_k((u32)id, args, ret);
}

static void on_process_exec(void *data, struct task_struct *p, pid_t old_pid, struct linux_binprm *bprm)
{
	u32 nr = (u32)syscall_get_nr(p, task_pt_regs(p)); /* not a syscall: out of range */

	if (excluded() || (nr < FNET_KMOD_SYSCALLS && filtered_out(nr)))
		return;
	fnet_record_exec_k(p, nr);
}

static void on_process_fork(void *data, struct task_struct *parent, struct task_struct *child)
{
	/* only processes a kernel thread starts: the others return from clone */
	if (!(parent->flags & PF_KTHREAD) || (child->flags & PF_KTHREAD))
		return;
	fnet_record_fork_child_k(child);
}

static void on_process_exit(void *data, struct task_struct *p)
{
	if (excluded())
		return;
	fnet_record_procexit_k(p);
}

struct hook {
	const char *name;
	void *handler;
	struct tracepoint *tp;
	bool attached;
};

static struct hook hooks[] = {
	{ "sys_enter", on_sys_enter },
	{ "sys_exit", on_sys_exit },
	{ "sched_process_exec", on_process_exec },
	{ "sched_process_fork", on_process_fork },
	{ "sched_process_exit", on_process_exit },
};

static void find_one(struct tracepoint *tp, void *priv)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(hooks); i++)
		if (!strcmp(tp->name, hooks[i].name))
			hooks[i].tp = tp;
}

int fnet_tracepoints_find(void)
{
	size_t i;

	for_each_kernel_tracepoint(find_one, NULL);
	for (i = 0; i < ARRAY_SIZE(hooks); i++) {
		if (!hooks[i].tp) {
			pr_err("falconet: kernel tracepoint %s not found\n", hooks[i].name);
			return -ENOENT;
		}
	}
	return 0;
}

bool fnet_tracepoints_attached(void)
{
	return hooks[0].attached;
}

void fnet_tracepoints_detach(void)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(hooks); i++) {
		if (hooks[i].attached)
			tracepoint_probe_unregister(hooks[i].tp, hooks[i].handler, NULL);
		hooks[i].attached = false;
	}
	/* no handler still runs once this returns */
	tracepoint_synchronize_unregister();
}

int fnet_tracepoints_attach(void)
{
	size_t i;
	int rc;

	for (i = 0; i < ARRAY_SIZE(hooks); i++) {
		rc = tracepoint_probe_register(hooks[i].tp, hooks[i].handler, NULL);
		if (rc) {
			pr_err("falconet: attaching to tracepoint %s: error %d\n", hooks[i].name, rc);
			fnet_tracepoints_detach();
			return rc;
		}
		hooks[i].attached = true;
	}
	return 0;
}
