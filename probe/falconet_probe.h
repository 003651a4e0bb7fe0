/*
 * What the eBPF probe and its loader share: sizes, the layout of the per-CPU
 * counters, and the names of the maps. Included by the probe sources (with vmlinux.h
 * types) and by capture/engine_bpf.c (with <stdint.h>).
 */
#ifndef FNET_PROBE_H
#define FNET_PROBE_H

/* Per-CPU scratch area in which one event record is built before it is copied to
 * the ring buffer. Every write lands at (offset & FNET_SCRATCH_MASK) and is at
 * most FNET_SCRATCH_HALF bytes, so the verifier can prove it stays inside. */
#define FNET_SCRATCH_SIZE (1 << 15)
#define FNET_SCRATCH_HALF (FNET_SCRATCH_SIZE / 2)
#define FNET_SCRATCH_MASK (FNET_SCRATCH_HALF - 1)

/* Bytes before each event record in the ring: u16 CPU number, then padding. */
#define FNET_RING_PREFIX 8

/* Longest string parameter read from user or kernel memory (paths, argv). */
#define FNET_MAX_STR 4096
/* Largest snap length the probe honours for I/O buffers: what fits in one record
 * of the scratch area with the other parameters of the event. */
#define FNET_MAX_SNAPLEN 16000
/* Size of the syscall prefilter table (covers x86_64 syscall numbers). */
#define FNET_PROBE_SYSCALLS 512

/* Counters kept per CPU (BPF_MAP_TYPE_PERCPU_ARRAY, one entry). */
struct fnet_probe_counters {
	unsigned long long events; /* records handed to the ring buffer */
	unsigned long long drops;  /* records lost: ring buffer full */
	unsigned long long too_big;/* records over the scratch size, dropped */
};

#endif
