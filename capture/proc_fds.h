/*
 * The open file descriptors of one process, from /proc/PID/fd (link targets),
 * /proc/PID/fdinfo (open flags) and the socket tables of its network namespace.
 */
#ifndef FNET_CAPTURE_PROC_FDS_H
#define FNET_CAPTURE_PROC_FDS_H

#include <stdint.h>

#include "arena.h"
#include "proc_sockets.h"
#include "trace_reader.h"

/*
 * The newest fd type the snapshot writes. sysdig 0.29 (libs e5c53d64, the oldest
 * reader the trace writer targets) rejects the whole file on a type it does not
 * know ("wrong fd type"), so the kinds added later are written as older libscap
 * wrote them: memfds as files (FNET_FDR_FILE_V2), bpf, pidfd, io_uring and
 * userfaultfd fds as FNET_FDR_UNSUPPORTED named by their kind ("bpf-map", "[pidfd]").
 */
#define PROC_FDS_NEWEST_TYPE FNET_FDR_FILE_V2

/* Receives each fd record; names point into the arena. Returns 0, or -1 to stop (ENOMEM). */
typedef int (*proc_fd_cb)(void *ctx, const struct fnet_fd_record *f);

/*
 * Lists the fds of the process whose /proc directory is open as `pid_dirfd`,
 * calling `cb` once per fd (threads share it: the caller files them under the
 * process id). Strings (paths) are copied into `arena`; sockets are resolved in
 * `socks` for network namespace `netns` (0 when unknown: sockets are then left
 * unresolved, as FNET_FDR_UNSUPPORTED named "socket:[INODE]").
 * Returns the number of fds reported, or -1 with errno: EACCES when the fd
 * directory is not readable by us, ENOENT/ESRCH when the process is gone, ENOMEM.
 * An fd closed while it is being looked at is skipped.
 */
int proc_fds_scan(int pid_dirfd, uint64_t netns, struct proc_sockets *socks, struct arena *arena,
		  proc_fd_cb cb, void *ctx);

/*
 * Converts Linux open(2) flags (as /proc/PID/fdinfo shows them, in octal) to the
 * scap PPM_O_* bits of driver/ppm_events_public.h.
 */
uint32_t proc_open_flags_to_scap(uint64_t linux_flags);

#endif
