/*
 * The probe's writing of the `cgroups` parameter (fill_cgroups.h says what it
 * holds). The path is rebuilt from the cgroup's kernfs node by walking its
 * parents, in two bpf_loop callbacks (kernel 5.17+): one collects the component
 * names up to the root, the other writes them from the root down. All of it runs
 * in one global function (verified once, whatever the number of callers),
 * writing straight into the per-CPU scratch record. The collected names are kept
 * in the scratch area too, past anything a record reaches, so that the
 * function's stack and its callers' stay within the 512 bytes the verifier
 * allows a call chain (Linux 6.1 counts a global function's frame in).
 */
#ifndef FNET_CGROUP_BPF_H
#define FNET_CGROUP_BPF_H

/* The kernfs parent link was renamed __parent in 6.15 (it became RCU-protected). */
struct kernfs_node___fnet_v615 {
	struct kernfs_node *__parent;
} __attribute__((preserve_access_index));
struct kernfs_node___fnet_old {
	struct kernfs_node *parent;
} __attribute__((preserve_access_index));

/* Local names for the controller ids: CO-RE relocates them to the running kernel's. */
enum cgroup_subsys_id___fnet {
	cpuset_cgrp_id___fnet = 0,
	cpu_cgrp_id___fnet = 1,
	cpuacct_cgrp_id___fnet = 2,
	io_cgrp_id___fnet = 3,
	memory_cgrp_id___fnet = 4,
};

/* `pos` masked into the scratch half, in a way clang cannot drop after its own
 * range checks (the verifier needs the mask to bound the access). */
static __always_inline u64 cg_at(u32 pos)
{
	u64 v = pos;
	asm volatile("%0 &= %1" : "+r"(v) : "i"(FNET_SCRATCH_MASK));
	return v;
}

static __always_inline struct kernfs_node *kernfs_parent(struct kernfs_node *kn)
{
	if (bpf_core_field_exists(struct kernfs_node___fnet_v615, __parent))
		return BPF_CORE_READ((struct kernfs_node___fnet_v615 *)kn, __parent);
	return BPF_CORE_READ((struct kernfs_node___fnet_old *)kn, parent);
}

/* Where the component names are kept: a scratch area offset past any record
 * (at most FNET_SCRATCH_HALF + FNET_CGROUPS_MAX bytes while the parameter is
 * written) and below memory.bpf.h's temporary (the last KiB). */
#define FNET_CGROUP_NAMES_AT (FNET_SCRATCH_SIZE - 2048)

/* One path walk, shared with the bpf_loop callbacks below (on the caller's stack). */
struct cgroup_walk {
	u8 *rec;                        /* the record in the scratch area */
	struct kernfs_node *kn;         /* next node up */
	u32 pos, end;                   /* next byte of the record; limit */
	u32 depth;                      /* components in names[] */
	u32 full;                       /* a component did not fit */
	u64 *names;                     /* FNET_CGROUP_DEPTH component names in the
	                                 * scratch area, the cgroup's own first */
};

/* Step `i` up from the cgroup: records the node's name unless it is the root
 * (the root's name is ""). */
static long cgroup_collect_step(u32 i, void *ctx)
{
	struct cgroup_walk *w = ctx;
	struct kernfs_node *kn = w->kn;
	struct kernfs_node *up = kn ? kernfs_parent(kn) : NULL;
	if (!up)
		return 1;
	w->names[i & (FNET_CGROUP_DEPTH - 1)] = (u64)BPF_CORE_READ(kn, name);
	w->depth = i + 1;
	w->kn = up;
	return 0;
}

/* Writes "/component" for step `i`, from the outermost component in. */
static long cgroup_write_step(u32 i, void *ctx)
{
	struct cgroup_walk *w = ctx;
	if (w->pos + FNET_CGROUP_NAME_MAX + 2 > w->end) {
		w->full = 1;
		return 1;
	}
	u32 k = (w->depth - 1 - i) & (FNET_CGROUP_DEPTH - 1);
	w->rec[cg_at(w->pos)] = '/';
	w->pos++;
	long n = bpf_probe_read_kernel_str(&w->rec[cg_at(w->pos)], FNET_CGROUP_NAME_MAX,
					   (const void *)w->names[k]);
	if (n > 1)
		w->pos += n - 1;
	return 0;
}

/*
 * Appends "name=path\0" for controller state `css` at scratch offset `pos` of
 * the record `rec`; returns the new offset (`pos` when it was left out).
 */
static __always_inline u32 put_cgroup_subsys(u8 *rec, u64 *names, u32 pos, u32 end,
					     struct cgroup_subsys_state *css)
{
	if (!css || pos + FNET_CGROUP_NAME_MAX + FNET_CGROUP_SUBSYS_MAX > end)
		return pos;
	const char *ss_name = BPF_CORE_READ(css, ss, name);
	long n = bpf_probe_read_kernel_str(&rec[cg_at(pos)], FNET_CGROUP_SUBSYS_MAX, ss_name);
	if (n <= 1)
		return pos;
	struct cgroup_walk w = {.rec = rec, .names = names, .pos = pos + (u32)n, .end = end};
	rec[cg_at(pos + (u32)n - 1)] = '=';
	w.kn = BPF_CORE_READ(css, cgroup, kn);
	bpf_loop(FNET_CGROUP_DEPTH, cgroup_collect_step, &w, 0);
	if (w.depth == 0) {
		rec[cg_at(w.pos)] = '/';
		w.pos++;
	}
	bpf_loop(w.depth, cgroup_write_step, &w, 0);
	if (w.full)
		return pos;
	rec[cg_at(w.pos)] = 0;
	return w.pos + 1;
}

/*
 * Writes the cgroups of a task, given the address of its struct css_set (as a
 * number: a global function takes no kernel pointers), into the scratch record
 * at value offset `off`; returns the parameter's length in bytes (0: nothing
 * could be read). A global function: the verifier checks it once.
 */
__noinline int fnet_cgroups_write(u64 css_set, u32 off)
{
	u32 zero = 0;
	struct scratch *s = bpf_map_lookup_elem(&scratch_map, &zero);
	if (!s || off >= FNET_SCRATCH_HALF)
		return 0;
	u8 *rec = s->buf + FNET_RING_PREFIX;
	u64 *names = (u64 *)&s->buf[FNET_CGROUP_NAMES_AT];
	struct css_set *cs = (struct css_set *)css_set;
	if (!cs)
		return 0;
	u32 end = off + FNET_CGROUPS_MAX, pos = off;
	/* each controller the running kernel has, in the reference's order */
#define PUT_SUBSYS(id)                                                                      \
	if (bpf_core_enum_value_exists(enum cgroup_subsys_id___fnet, id))                   \
		pos = put_cgroup_subsys(rec, names, pos, end,                               \
					BPF_CORE_READ(cs, subsys[bpf_core_enum_value(       \
						enum cgroup_subsys_id___fnet, id)]))
	PUT_SUBSYS(cpuset_cgrp_id___fnet);
	PUT_SUBSYS(cpu_cgrp_id___fnet);
	PUT_SUBSYS(cpuacct_cgrp_id___fnet);
	PUT_SUBSYS(io_cgrp_id___fnet);
	PUT_SUBSYS(memory_cgrp_id___fnet);
#undef PUT_SUBSYS
	return (int)(pos - off);
}

/* What fill_driver.h asks: the cgroups parameter of task `t`. */
static __always_inline void ev_task_cgroups(struct builder *b, struct task_struct *t)
{
	/* read with a probe read, the address is a plain number the call accepts */
	struct css_set *cs = BPF_CORE_READ(t, cgroups);
	int n = fnet_cgroups_write((u64)cs, b->off);
	ev_set_len(b, n > 0 && n <= FNET_CGROUPS_MAX ? (u16)n : 0);
}

#endif
