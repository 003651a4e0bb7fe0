/*
 * Building one scap event record in the per-CPU scratch area: header (ts, tid,
 * len, type, nparams), a u16 length per parameter, then the values. Parameters
 * are appended in schema order; a filler that cannot read a value appends an
 * empty parameter so the layout always has the schema's count.
 */
#ifndef FNET_BUILDER_BPF_H
#define FNET_BUILDER_BPF_H

#include "falconet_probe.h"

#define HDR_SIZE 26

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

/* Each ring record is FNET_RING_PREFIX bytes (u16 cpu, padding) then the event
 * record: the ring does not say which CPU wrote a record, and the scap event
 * header has no room for it. */
struct builder {
	u8 *buf;      /* the event record: FNET_RING_PREFIX bytes into the scratch */
	u8 *ring;     /* the scratch start: prefix, then record */
	u32 off;     /* next value offset */
	u32 idx;     /* next parameter index */
	u32 nparams;
};

static __always_inline int ev_begin_tid(struct builder *b, u16 type, u32 nparams, u64 tid);

static __always_inline int ev_begin(struct builder *b, u16 type, u32 nparams)
{
	return ev_begin_tid(b, type, nparams, (u32)bpf_get_current_pid_tgid());
}

/* Starts a record attributed to thread `tid` (not necessarily the current one). */
static __always_inline int ev_begin_tid(struct builder *b, u16 type, u32 nparams, u64 tid)
{
	u32 zero = 0;
	struct scratch *s = bpf_map_lookup_elem(&scratch_map, &zero);
	if (!s)
		return -1;
	b->ring = s->buf;
	b->buf = s->buf + FNET_RING_PREFIX;
	u16 cpu = (u16)bpf_get_smp_processor_id();
	__builtin_memcpy(&s->buf[0], &cpu, 2);
	b->idx = 0;
	b->nparams = nparams & 31;
	b->off = HDR_SIZE + b->nparams * 2;
	u64 ts = boot_time_ns + bpf_ktime_get_boot_ns();
	__builtin_memcpy(&b->buf[0], &ts, 8);
	__builtin_memcpy(&b->buf[8], &tid, 8);
	__builtin_memcpy(&b->buf[20], &type, 2);
	__builtin_memcpy(&b->buf[22], &b->nparams, 4);
	return 0;
}

static __always_inline void ev_set_len(struct builder *b, u16 len)
{
	u32 at = (HDR_SIZE + (b->idx & 31) * 2) & FNET_SCRATCH_MASK;
	b->buf[at] = (u8)len;
	b->buf[(at + 1) & FNET_SCRATCH_MASK] = (u8)(len >> 8);
	b->idx++;
	b->off += len;
}

static __always_inline void ev_u64(struct builder *b, u64 v)
{
	__builtin_memcpy(&b->buf[b->off & FNET_SCRATCH_MASK], &v, 8);
	ev_set_len(b, 8);
}
static __always_inline void ev_u32(struct builder *b, u32 v)
{
	__builtin_memcpy(&b->buf[b->off & FNET_SCRATCH_MASK], &v, 4);
	ev_set_len(b, 4);
}
static __always_inline void ev_u16(struct builder *b, u16 v)
{
	__builtin_memcpy(&b->buf[b->off & FNET_SCRATCH_MASK], &v, 2);
	ev_set_len(b, 2);
}
static __always_inline void ev_u8(struct builder *b, u8 v)
{
	b->buf[b->off & FNET_SCRATCH_MASK] = v;
	ev_set_len(b, 1);
}
static __always_inline void ev_empty(struct builder *b)
{
	ev_set_len(b, 0);
}

/* A NUL-terminated string from user memory (parameter length counts the NUL). */
static __always_inline void ev_str_user(struct builder *b, const void *p)
{
	long n = p ? bpf_probe_read_user_str(&b->buf[b->off & FNET_SCRATCH_MASK], FNET_MAX_STR, p) : -1;
	ev_set_len(b, n > 0 ? (u16)n : 0);
}
static __always_inline void ev_str_kernel(struct builder *b, const void *p)
{
	long n = p ? bpf_probe_read_kernel_str(&b->buf[b->off & FNET_SCRATCH_MASK], FNET_MAX_STR, p) : -1;
	ev_set_len(b, n > 0 ? (u16)n : 0);
}

/* `len` raw bytes from user memory, cut to the snap length. */
static __always_inline void ev_bytes_user(struct builder *b, const void *p, u64 len)
{
	u32 max = snaplen < FNET_MAX_SNAPLEN ? snaplen : FNET_MAX_SNAPLEN;
	if (len > max)
		len = max;
	len &= FNET_SCRATCH_MASK;
	if (len > FNET_SCRATCH_MASK - FNET_RING_PREFIX) /* stays inside the scratch */
		len = FNET_SCRATCH_MASK - FNET_RING_PREFIX;
	if (!p || len == 0 || bpf_probe_read_user(&b->buf[b->off & FNET_SCRATCH_MASK], len, p) < 0) {
		ev_empty(b);
		return;
	}
	ev_set_len(b, (u16)len);
}

/* `len` raw bytes from user memory, up to FNET_MAX_STR, not cut to the snap length. */
static __always_inline void ev_blob_user(struct builder *b, const void *p, u64 len)
{
	if (len > FNET_MAX_STR)
		len = FNET_MAX_STR;
	if (!p || len == 0 || bpf_probe_read_user(&b->buf[b->off & FNET_SCRATCH_MASK], len, p) < 0) {
		ev_empty(b);
		return;
	}
	ev_set_len(b, (u16)len);
}

/* Bytes a parameter may still take so that the record, with `reserve` more bytes
 * for the parameters after it, stays within FNET_SCRATCH_HALF (ev_submit drops
 * larger records). For a buffer that shares an event with other large ones. */
static __always_inline u64 ev_room(const struct builder *b, u32 reserve)
{
	u32 used = b->off + reserve;
	return used < FNET_SCRATCH_HALF ? FNET_SCRATCH_HALF - used : 0;
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
	for (int i = 0; i < 32; i++) {
		if (b->idx >= b->nparams)
			break;
		ev_set_len(b, 0);
		asm volatile("" ::: "memory"); /* keeps clang from turning this into memset */
	}
	u32 len = b->off;
	if (len > FNET_SCRATCH_HALF) {
		count(1, 1);
		return;
	}
	__builtin_memcpy(&b->buf[16], &len, 4);
	/* hides the check above from clang, which would otherwise drop the mask below
	 * that the verifier needs once a length comes back from a global function */
	asm volatile("" : "+r"(len));
	u64 flags = bpf_ringbuf_query(&events, BPF_RB_AVAIL_DATA) >= wakeup_bytes ? BPF_RB_FORCE_WAKEUP
										   : BPF_RB_NO_WAKEUP;
	long rc = bpf_ringbuf_output(&events, b->ring, (len + FNET_RING_PREFIX) & (FNET_SCRATCH_SIZE - 1),
				     flags);
	count(rc != 0, 0);
}

#endif
