/*
 * The capture engine interface: one kernel driver (eBPF probe, kernel module)
 * behind four operations, as libpcap puts one capture backend behind a handle.
 * An engine delivers complete scap event records (event.h layout, with nparams)
 * that the trace writer stores as they are.
 */
#ifndef FNET_CAPTURE_ENGINE_H
#define FNET_CAPTURE_ENGINE_H

#include <stddef.h>
#include <stdint.h>

#include "byte_stream.h" /* FNET_ERRBUF_SIZE */

/* Number of syscall numbers the prefilter set covers (x86_64 table and margin). */
#define FNET_ENGINE_MAX_SYSCALLS 512

struct fnet_engine_config {
	uint32_t snaplen;          /* bytes of I/O buffers kept per event (tcpdump -s) */
	int32_t exclude_tgid;      /* process whose threads are never captured (ourselves) */
	/* Syscalls to record, by x86_64 syscall number; NULL records all. Process
	 * lifecycle events (fork/exec/exit tracepoints) are always recorded. */
	const uint8_t *syscall_set; /* FNET_ENGINE_MAX_SYSCALLS entries, non-zero = record */
	uint32_t ring_bytes;       /* ring buffer size, a power of two; 0 = default */
};

struct fnet_engine_stats {
	uint64_t events;   /* records delivered to user space */
	uint64_t drops;    /* records lost in the kernel because the ring was full */
};

struct fnet_engine;

/*
 * Delivery callback: one record of `len` bytes read from `cpu`, valid during the
 * call. Return 0 to go on, non-zero to stop fnet_engine_poll early.
 */
typedef int (*fnet_engine_cb)(void *ctx, uint16_t cpu, const uint8_t *rec, uint32_t len);

struct fnet_engine_ops {
	const char *name;
	/* Loads and attaches the driver. Returns the engine, or NULL with a message
	 * saying what is missing (no BTF, no CAP_BPF, kernel too old, no device). */
	struct fnet_engine *(*open)(const struct fnet_engine_config *cfg, char *err);
	/* Waits up to `timeout_ms` for records and delivers those available.
	 * Returns the number delivered, or -1 with `err` (EINTR is not an error: 0). */
	int (*poll)(struct fnet_engine *e, int timeout_ms, fnet_engine_cb cb, void *ctx, char *err);
	/* Counters since open. Returns 0 or -1 with `err`. */
	int (*stats)(struct fnet_engine *e, struct fnet_engine_stats *s, char *err);
	/* Detaches and frees. NULL is allowed. */
	void (*close)(struct fnet_engine *e);
};

/* The eBPF CO-RE probe (probe/). */
extern const struct fnet_engine_ops fnet_engine_bpf;
/* The kernel module (kmod/), through /dev/falconetN; the ring size is the
 * module's (parameter ring_kb), so cfg->ring_bytes is not used. */
extern const struct fnet_engine_ops fnet_engine_kmod;

#endif
