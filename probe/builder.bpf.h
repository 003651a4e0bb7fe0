/*
 * The eBPF probe's side of record building: the per-CPU scratch area, the ring
 * buffer and counters, and the primitives builder.h (shared with the kernel
 * module) asks of its driver.
 */
#ifndef FNET_BUILDER_BPF_H
#define FNET_BUILDER_BPF_H

#include "falconet_probe.h"

struct scratch {
	u8 buf[FNET_SCRATCH_SIZE];
};

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, u32);
	__type(value, struct scratch);
} scratch_map SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 8 << 20); /* the loader may resize before load */
} events SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, u32);
	__type(value, struct fnet_probe_counters);
} counters SEC(".maps");

/* Set by the loader before load. */
const volatile __u64 boot_time_ns = 0; /* epoch ns at boot: timestamps are boot_time + boot clock */
const volatile __u32 snaplen = 80;
/* Wake the reader only once this much data waits: a wake-up per record costs
 * more than the record. The reader also polls with a timeout, so a trickle of
 * events is still read within that timeout. */
const volatile __u64 wakeup_bytes = 1 << 20;

#define fnet_read_user(dst, n, src) bpf_probe_read_user(dst, n, src)
#define fnet_read_user_str(dst, n, src) bpf_probe_read_user_str(dst, n, src)
#define fnet_read_kernel_str(dst, n, src) bpf_probe_read_kernel_str(dst, n, src)
#define fnet_snaplen() (snaplen)
#define fnet_ntohs(v) bpf_ntohs(v)

#include "builder.h"

/* Starts a record attributed to thread `tid` (not necessarily the current one). */
static __always_inline int ev_begin_tid(struct builder *b, u16 type, u32 nparams, u64 tid)
{
	u32 zero = 0;
	struct scratch *s = bpf_map_lookup_elem(&scratch_map, &zero);
	if (!s)
		return -1;
	ev_header(b, s->buf, (u16)bpf_get_smp_processor_id(), boot_time_ns + bpf_ktime_get_boot_ns(), tid,
		  type, nparams);
	return 0;
}

static __always_inline int ev_begin(struct builder *b, u16 type, u32 nparams)
{
	return ev_begin_tid(b, type, nparams, (u32)bpf_get_current_pid_tgid());
}

static __always_inline void count(int dropped, int too_big)
{
	u32 zero = 0;
	struct fnet_probe_counters *c = bpf_map_lookup_elem(&counters, &zero);
	if (!c)
		return;
	if (too_big)
		c->too_big++;
	else if (dropped)
		c->drops++;
	else
		c->events++;
}

/* Pads missing parameters, writes the length and copies the record to the ring. */
static __always_inline void ev_submit(struct builder *b)
{
	u32 len = ev_finish(b);
	if (!len) {
		count(1, 1);
		return;
	}
	u64 flags = bpf_ringbuf_query(&events, BPF_RB_AVAIL_DATA) >= wakeup_bytes ? BPF_RB_FORCE_WAKEUP
										   : BPF_RB_NO_WAKEUP;
	u64 size = len + FNET_RING_PREFIX;
	/* clang knows size is small (from the check above) and would drop the mask,
	 * which the verifier needs to bound the copy (before Linux 6.2 or so, and on
	 * any kernel once the length went through a global function's result): hide
	 * what it knows */
	asm volatile("" : "+r"(size));
	size &= FNET_SCRATCH_SIZE - 1;
	long rc = bpf_ringbuf_output(&events, b->ring, size, flags);
	count(rc != 0, 0);
}

#endif
