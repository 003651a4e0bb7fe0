/*
 * Appending parameters to a scap event record, shared by both kernel drivers:
 * the eBPF probe (builder.bpf.h) and the kernel module (kmod/builder.h). A record
 * is built in a per-CPU scratch area of FNET_SCRATCH_SIZE bytes: header (ts, tid,
 * len, type, nparams), a u16 length per parameter, then the values. Parameters are
 * appended in schema order; a filler that cannot read a value appends an empty
 * parameter so the layout always has the schema's count. Every write lands at
 * (offset & FNET_SCRATCH_MASK) and is at most FNET_SCRATCH_HALF bytes long, so it
 * stays inside the scratch area (which the BPF verifier needs proven, and the
 * module relies on just the same).
 *
 * The including driver first defines its primitives:
 *   long fnet_read_user(void *dst, u32 n, const void *src)      0, or < 0 on a fault
 *   long fnet_read_user_str(void *dst, u32 n, const void *src)  bytes copied with the
 *   long fnet_read_kernel_str(void *dst, u32 n, const void *src)  NUL, or < 0
 *   u32 fnet_snaplen(void)                                       bytes of I/O buffers kept
 *   u16 fnet_ntohs(u16 v)                                        network to host order
 * and the basic types u8 .. u64, s32, s64.
 */
#ifndef FNET_BUILDER_H
#define FNET_BUILDER_H

#include "falconet_probe.h"

#define HDR_SIZE 26

/* One record being built. The ring record is FNET_RING_PREFIX bytes (u16 cpu,
 * padding) then the event record: the scap event header has no room for the CPU. */
struct builder {
	u8 *buf;      /* the event record: FNET_RING_PREFIX bytes into the scratch */
	u8 *ring;     /* the scratch start: prefix, then record */
	u32 off;     /* next value offset */
	u32 idx;     /* next parameter index */
	u32 nparams;
};

/* Fills the record header in the scratch area `scratch` (FNET_SCRATCH_SIZE bytes):
 * CPU prefix, timestamp (epoch ns), thread id, type, parameter count. */
static __always_inline void ev_header(struct builder *b, u8 *scratch, u16 cpu, u64 ts, u64 tid, u16 type,
				      u32 nparams)
{
	b->ring = scratch;
	b->buf = scratch + FNET_RING_PREFIX;
	__builtin_memcpy(&scratch[0], &cpu, 2);
	b->idx = 0;
	b->nparams = nparams & 31;
	b->off = HDR_SIZE + b->nparams * 2;
	__builtin_memcpy(&b->buf[0], &ts, 8);
	__builtin_memcpy(&b->buf[8], &tid, 8);
	__builtin_memcpy(&b->buf[20], &type, 2);
	__builtin_memcpy(&b->buf[22], &b->nparams, 4);
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
	long n = p ? fnet_read_user_str(&b->buf[b->off & FNET_SCRATCH_MASK], FNET_MAX_STR, p) : -1;
	ev_set_len(b, n > 0 ? (u16)n : 0);
}
static __always_inline void ev_str_kernel(struct builder *b, const void *p)
{
	long n = p ? fnet_read_kernel_str(&b->buf[b->off & FNET_SCRATCH_MASK], FNET_MAX_STR, p) : -1;
	ev_set_len(b, n > 0 ? (u16)n : 0);
}

/* `len` raw bytes from user memory, cut to the snap length. */
static __always_inline void ev_bytes_user(struct builder *b, const void *p, u64 len)
{
	u32 snap = fnet_snaplen();
	u32 max = snap < FNET_MAX_SNAPLEN ? snap : FNET_MAX_SNAPLEN;
	if (len > max)
		len = max;
	len &= FNET_SCRATCH_MASK;
	if (len > FNET_SCRATCH_MASK - FNET_RING_PREFIX) /* stays inside the scratch */
		len = FNET_SCRATCH_MASK - FNET_RING_PREFIX;
	if (!p || len == 0 || fnet_read_user(&b->buf[b->off & FNET_SCRATCH_MASK], len, p) < 0) {
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
	if (!p || len == 0 || fnet_read_user(&b->buf[b->off & FNET_SCRATCH_MASK], len, p) < 0) {
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


/* Pads missing parameters and writes the record length. Returns the length, or 0
 * when the record outgrew FNET_SCRATCH_HALF (the caller drops and counts it). */
static __always_inline u32 ev_finish(struct builder *b)
{
	for (int i = 0; i < 32; i++) {
		if (b->idx >= b->nparams)
			break;
		ev_set_len(b, 0);
		asm volatile("" ::: "memory"); /* keeps clang from turning this into memset */
	}
	u32 len = b->off;
	if (len > FNET_SCRATCH_HALF)
		return 0;
	__builtin_memcpy(&b->buf[16], &len, 4);
	return len;
}

#endif
