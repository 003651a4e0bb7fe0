// SPDX-License-Identifier: GPL-2.0-only
/*
 * The `cgroups` parameter (probe/fill_cgroups.h says what it holds) from kernel
 * code, in tracepoint context: the task's css_set is read under RCU (it is
 * freed after a grace period), which also keeps its controllers' cgroups and
 * their kernfs nodes alive (each node pins its parent; a cgroup never moves to
 * another parent). kernfs_path() is not used: it takes kernfs_rename_lock, a
 * spinlock_t, with interrupts off. Names are copied with fault-tolerant reads
 * instead, so a rename racing with the walk yields the old or the new name,
 * never an oops, and the walk is bounded by FNET_CGROUP_DEPTH.
 */
#include <linux/cgroup.h>
#include <linux/kernfs.h>
#include <linux/rcupdate.h>
#include <linux/sched.h>
#include <linux/version.h>

#include "record.h"

/* The parent of `kn` (NULL for a hierarchy's root); under RCU. The link became
 * RCU-protected and was renamed __parent in Linux 6.15. */
static struct kernfs_node *kn_parent(struct kernfs_node *kn)
{
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 15, 0)
	return rcu_dereference(kn->__parent);
#else
	return READ_ONCE(kn->parent);
#endif
}

/*
 * Appends "name=path\0" for controller state `css` at `rec[pos]`, staying below
 * `end`; returns the new offset (`pos` when it was left out). As the probe does,
 * a path deeper than FNET_CGROUP_DEPTH keeps the components nearest the cgroup.
 */
static u32 put_subsys(u8 *rec, u32 pos, u32 end, struct cgroup_subsys_state *css)
{
	const char *names[FNET_CGROUP_DEPTH];
	struct kernfs_node *kn, *up;
	u32 depth = 0, at;
	long n;

	if (!css || !css->cgroup || pos + FNET_CGROUP_NAME_MAX + FNET_CGROUP_SUBSYS_MAX > end)
		return pos;
	n = fnet_read_kernel_str(&rec[pos], FNET_CGROUP_SUBSYS_MAX, css->ss->name);
	if (n <= 1)
		return pos;
	at = pos + (u32)n;
	rec[at - 1] = '=';
	/* component names from the cgroup up, the root's ("") left out */
	for (kn = css->cgroup->kn; kn && depth < FNET_CGROUP_DEPTH; kn = up) {
		up = kn_parent(kn);
		if (!up)
			break;
		names[depth++] = READ_ONCE(kn->name);
	}
	if (depth == 0)
		rec[at++] = '/';
	while (depth > 0) {
		if (at + FNET_CGROUP_NAME_MAX + 2 > end)
			return pos;
		rec[at++] = '/';
		n = fnet_read_kernel_str(&rec[at], FNET_CGROUP_NAME_MAX, names[--depth]);
		if (n > 1)
			at += (u32)n - 1;
	}
	rec[at] = 0;
	return at + 1;
}

void fnet_kmod_cgroups(struct builder *b, struct task_struct *t)
{
	u32 off = b->off & FNET_SCRATCH_MASK, pos = off;
	u32 end = off + FNET_CGROUPS_MAX; /* inside the scratch area: off < FNET_SCRATCH_HALF */
	struct css_set *cs;

	rcu_read_lock();
	cs = t ? task_css_set(t) : NULL;
	if (cs) {
		/* each controller this kernel has, in the reference's order */
#if IS_ENABLED(CONFIG_CPUSETS)
		pos = put_subsys(b->buf, pos, end, cs->subsys[cpuset_cgrp_id]);
#endif
#if IS_ENABLED(CONFIG_CGROUP_SCHED)
		pos = put_subsys(b->buf, pos, end, cs->subsys[cpu_cgrp_id]);
#endif
#if IS_ENABLED(CONFIG_CGROUP_CPUACCT)
		pos = put_subsys(b->buf, pos, end, cs->subsys[cpuacct_cgrp_id]);
#endif
#if IS_ENABLED(CONFIG_BLK_CGROUP)
		pos = put_subsys(b->buf, pos, end, cs->subsys[io_cgrp_id]);
#endif
#if IS_ENABLED(CONFIG_MEMCG)
		pos = put_subsys(b->buf, pos, end, cs->subsys[memory_cgrp_id]);
#endif
	}
	rcu_read_unlock();
	ev_set_len(b, (u16)(pos - off));
}
