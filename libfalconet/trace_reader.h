/*
 * Reader of scap trace files: pcapng-framed blocks as written by sysdig, Falco and
 * falconet. Block numbers and layouts: falcosecurity/libs
 * userspace/libscap/scap_savefile.h and engine/savefile/scap_savefile.c.
 *
 * A block is: u32 type, u32 total length (header and trailer included), body,
 * u32 total length again. The file starts with a pcapng Section Header Block
 * (type 0x0A0D0D0A, byte-order magic 0x1A2B3C4D, version 1.x). Metadata blocks
 * (machine info, process list, fd list, user list, interface list) precede the
 * events of each section; every version of each is accepted. Metadata records
 * are handed to the caller's sink as they are read; events are returned one at a
 * time by fnet_trace_next().
 */
#ifndef FNET_TRACE_READER_H
#define FNET_TRACE_READER_H

#include <stdint.h>

#include "byte_stream.h"
#include "event.h"

/* Block type numbers (scap_savefile.h). */
enum fnet_block_type {
	FNET_BLOCK_SHB = 0x0A0D0D0A,
	FNET_BLOCK_MI = 0x201,
	FNET_BLOCK_MI_INT = 0x8002ABCD,
	FNET_BLOCK_PL_V1 = 0x202,
	FNET_BLOCK_PL_V1_INT = 0x8000ABCD,
	FNET_BLOCK_PL_V2 = 0x207,
	FNET_BLOCK_PL_V2_INT = 0x8013ABCD,
	FNET_BLOCK_PL_V3 = 0x209,
	FNET_BLOCK_PL_V3_INT = 0x8014ABCD,
	FNET_BLOCK_PL_V4 = 0x210,
	FNET_BLOCK_PL_V5 = 0x211,
	FNET_BLOCK_PL_V6 = 0x212,
	FNET_BLOCK_PL_V7 = 0x213,
	FNET_BLOCK_PL_V8 = 0x214,
	FNET_BLOCK_PL_V9 = 0x215,
	FNET_BLOCK_FDL = 0x203,
	FNET_BLOCK_FDL_INT = 0x8001ABCD,
	FNET_BLOCK_FDL_V2 = 0x218,
	FNET_BLOCK_EV = 0x204,
	FNET_BLOCK_EV_INT = 0x8010ABCD,
	FNET_BLOCK_EV_V2 = 0x216,
	FNET_BLOCK_EV_V2_LARGE = 0x221,
	FNET_BLOCK_IL = 0x205,
	FNET_BLOCK_IL_INT = 0x8011ABCD,
	FNET_BLOCK_IL_V2 = 0x219,
	FNET_BLOCK_UL = 0x206,
	FNET_BLOCK_UL_INT = 0x8012ABCD,
	FNET_BLOCK_UL_V2 = 0x220,
	FNET_BLOCK_EVF = 0x208,
	FNET_BLOCK_EVF_V2 = 0x217,
	FNET_BLOCK_EVF_V2_LARGE = 0x222
};

#define FNET_SHB_MAGIC 0x1A2B3C4D
#define FNET_SHB_MAJOR 1

/* A string inside a block: not NUL-terminated, valid during the sink callback. */
struct fnet_str {
	const char *ptr;
	uint32_t len;
};

struct fnet_machine_record {
	uint32_t num_cpus;
	uint64_t memory_bytes;
	uint64_t max_pid;
	char hostname[129];
	uint64_t boot_ts_ns;
	uint64_t flags;
};

/* One process list entry. Fields the block version lacks are 0 / -1 / empty. */
struct fnet_thread_record {
	int64_t tid, pid, ptid, sid, vpgid, pgid, vtid, vpid;
	struct fnet_str comm, exe, exepath, cwd, root;
	struct fnet_str args;    /* NUL-separated arguments */
	struct fnet_str env;     /* NUL-separated NAME=value */
	struct fnet_str cgroups; /* NUL-separated subsys=path */
	uint64_t fdlimit, pfmajor, pfminor;
	uint32_t flags, uid, gid, vmsize_kb, vmrss_kb, vmswap_kb, tty, loginuid;
	uint64_t pidns_init_start_ts_ns;
	/* newer entries' tail (0 when absent): capability sets, executable inode and times
	 * (ns from the epoch), execve flags */
	uint64_t cap_inheritable, cap_permitted, cap_effective;
	uint64_t exe_ino, exe_ino_ctime, exe_ino_mtime;
	uint8_t exe_writable, exe_upper_layer, exe_from_memfd;
};

/* fd types of the fd list (libscap scap_fd_type). */
enum fnet_fd_record_type {
	FNET_FDR_UNKNOWN = 0,
	FNET_FDR_FILE = 1,
	FNET_FDR_DIRECTORY = 2,
	FNET_FDR_IPV4_SOCK = 3,
	FNET_FDR_IPV6_SOCK = 4,
	FNET_FDR_IPV4_SERVSOCK = 5,
	FNET_FDR_IPV6_SERVSOCK = 6,
	FNET_FDR_FIFO = 7,
	FNET_FDR_UNIX_SOCK = 8,
	FNET_FDR_EVENT = 9,
	FNET_FDR_UNSUPPORTED = 10,
	FNET_FDR_SIGNALFD = 11,
	FNET_FDR_EVENTPOLL = 12,
	FNET_FDR_INOTIFY = 13,
	FNET_FDR_TIMERFD = 14,
	FNET_FDR_NETLINK = 15,
	FNET_FDR_FILE_V2 = 16,
	FNET_FDR_BPF = 17,
	FNET_FDR_USERFAULTFD = 18,
	FNET_FDR_IOURING = 19,
	FNET_FDR_MEMFD = 20,
	FNET_FDR_PIDFD = 21
};

struct fnet_fd_record {
	int64_t fd;
	uint64_t ino;
	uint8_t type;            /* enum fnet_fd_record_type */
	uint8_t l4proto;         /* sockets: libscap scap_l4_proto */
	uint8_t sip[16], dip[16];/* sockets: IPv4 in the first 4 bytes (network order) */
	uint16_t sport, dport;   /* sockets; server sockets use sip/sport */
	uint64_t unix_src, unix_dst;
	uint32_t open_flags, dev;/* FILE_V2 */
	struct fnet_str name;    /* path, unix socket path, or description */
};

struct fnet_user_record {
	uint32_t uid, gid;
	struct fnet_str name, homedir, shell;
};

struct fnet_group_record {
	uint32_t gid;
	struct fnet_str name;
};

/*
 * Receiver of metadata records. Any callback may be NULL. A callback returning
 * non-zero stops reading with that error ("sink refused the record").
 */
struct fnet_trace_sink {
	void *ctx;
	int (*on_machine)(void *ctx, const struct fnet_machine_record *m);
	int (*on_thread)(void *ctx, const struct fnet_thread_record *t);
	int (*on_fd)(void *ctx, int64_t tid, const struct fnet_fd_record *f);
	int (*on_user)(void *ctx, const struct fnet_user_record *u);
	int (*on_group)(void *ctx, const struct fnet_group_record *g);
	/* One-line notes on skipped input, e.g. an unknown block type; gets note_ctx. */
	void (*on_note)(void *note_ctx, uint64_t offset, const char *note);
	void *note_ctx;
};

struct fnet_trace_reader;

/*
 * Opens the trace at `path` ("-" for standard input) and checks its section header.
 * Metadata records go to `sink` (copied; may be NULL) as fnet_trace_next() meets
 * them, always before the events that follow them in the file. Returns the reader, or NULL with the reason in `err`
 * (FNET_ERRBUF_SIZE bytes) prefixed "offset N: " when it concerns the content.
 */
struct fnet_trace_reader *fnet_trace_open(const char *path, const struct fnet_trace_sink *sink,
					  char *err);

/*
 * Reads the next event into `ev`; its parameter pointers stay valid until the next
 * call. Metadata blocks met on the way (a new section) go to the sink first.
 * Returns 1 for an event, 0 at the end of the trace, -1 on damaged input with
 * "offset N: reason" in `err`; events before the damage have been delivered.
 */
int fnet_trace_next(struct fnet_trace_reader *r, struct fnet_event *ev, char *err);

/* Compression detected on the input. */
enum fnet_compression fnet_trace_compression(const struct fnet_trace_reader *r);

/* Closes the input and frees the reader. NULL is allowed. */
void fnet_trace_close(struct fnet_trace_reader *r);

#endif
