/*
 * A snapshot of the live system in trace-record form: machine information, users
 * and groups, every process and thread under /proc, and the open fds of every
 * process. It is what a capture file carries ahead of its events so that readers
 * can name the processes and files of events whose creation they did not see.
 *
 * Ownership: the snapshot owns every record and string (an arena); records stay
 * valid until proc_snapshot_free().
 */
#ifndef FNET_CAPTURE_PROC_SNAPSHOT_H
#define FNET_CAPTURE_PROC_SNAPSHOT_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "sys_info.h"
#include "trace_reader.h"
#include "trace_writer.h"

/* The fds of one process: fds[first .. first + count). */
struct proc_fd_span {
	int64_t pid;
	size_t first, count;
};

/* One per process: what a later snapshot needs to carry its data forward. */
struct proc_snapshot_proc {
	int64_t pid;
	uint64_t start_ticks;  /* start time (clock ticks after boot): tells reused pids apart */
	size_t main_thread;    /* index in `threads` */
	size_t span;           /* index in `spans`, or SIZE_MAX when it has no fds */
	unsigned denied;       /* PROC_DENIED_* bits (proc_task.h), PROC_DENIED_FDS */
};

#define PROC_DENIED_FDS (1u << 8)

struct proc_snapshot_stats {
	size_t processes, threads, fds;
	size_t vanished;       /* processes and threads that exited during the scan */
	size_t fds_unreadable; /* processes whose fd directory we may not read */
	size_t carried;        /* processes whose unreadable data came from `prev` */
	uint64_t scan_ns;      /* time the scan took */
};

struct proc_snapshot {
	struct fnet_machine_record machine;
	struct sys_accounts accounts;
	/* Main thread of each process first, then its other threads. */
	struct fnet_thread_record *threads;
	size_t nthreads;
	struct fnet_fd_record *fds;
	size_t nfds;
	struct proc_fd_span *spans; /* one per process that has fds */
	size_t nspans;
	struct proc_snapshot_proc *procs;
	size_t nprocs;
	struct proc_snapshot_stats stats;
	/* private */
	size_t threads_cap, fds_cap, spans_cap, procs_cap;
	struct arena arena;
};

/*
 * Reads the live system into `s` (uninitialised on entry). `procfs` is the proc
 * mount to scan, normally "/proc". Processes and threads that exit during the
 * scan are skipped; files we may not read leave their fields empty, unless
 * `prev` (an earlier snapshot, or NULL) could read them for the same process
 * (same pid and start time): then its environment, executable path, working
 * directory, root and fds are carried over. That is how the files a capture
 * rotates into after dropping root (-Z) keep what only root may read.
 * Returns 0, or -1 with a message naming the path in `err` (FNET_ERRBUF_SIZE
 * bytes): `procfs` cannot be listed, or out of memory. On failure `s` is freed.
 * `prev` is only read, and may be freed afterwards.
 */
int proc_snapshot_take(struct proc_snapshot *s, const char *procfs,
		       const struct proc_snapshot *prev, char *err);

/* Frees everything `s` holds. Safe on a zeroed snapshot. */
void proc_snapshot_free(struct proc_snapshot *s);

/*
 * Writes the snapshot's blocks: machine info, one user list (users and groups),
 * process lists (PL_V9, split so that no block exceeds about 1 MiB) and one fd list
 * (FDL_V2, likewise split) per process with fds, filed under the process id.
 * Returns 0, or -1 with the writer's message in `err`.
 */
int proc_snapshot_write(const struct proc_snapshot *s, struct fnet_trace_writer *w, char *err);

/*
 * Hands the snapshot to a trace sink (e.g. fnet_state_sink()) in the order a
 * reader of the written file would: machine, users, groups, threads, fds.
 * Returns 0, or -1 when a callback refused a record.
 */
int proc_snapshot_feed(const struct proc_snapshot *s, const struct fnet_trace_sink *sink);

#endif
