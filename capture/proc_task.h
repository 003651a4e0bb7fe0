/*
 * Process and thread entries of a /proc snapshot. What the kernel keeps per
 * process (command line, environment, executable, working directory, root,
 * cgroups, login uid, fd limit, namespaces) is read once per process; what it
 * keeps per thread (ids, name, credentials, faults, memory) once per thread.
 * Strings are copied into an arena and cut to the sizes libscap keeps
 * (4096 bytes of arguments, of environment, of cgroups).
 */
#ifndef FNET_CAPTURE_PROC_TASK_H
#define FNET_CAPTURE_PROC_TASK_H

#include <stdint.h>

#include "arena.h"
#include "int_map.h"
#include "trace_reader.h"

#define PROC_MAX_ARGS 4096
#define PROC_MAX_ENV 4096
#define PROC_MAX_CGROUPS 4096

/* Caches shared by all the processes of one scan. */
struct proc_task_cache {
	struct arena *arena;           /* where strings go (not owned) */
	struct fnet_int_map pidns_ts;  /* pid namespace inode -> (init start ns) + 1 */
	char v2_controllers[512];      /* "cpu memory ..." of the cgroup2 root; "" if none */
	int v2_loaded;
};

/* Fields of struct proc_process we were not allowed to read (EACCES, EPERM). */
enum {
	PROC_DENIED_ENV = 1 << 0,
	PROC_DENIED_EXEPATH = 1 << 1,
	PROC_DENIED_CWD = 1 << 2,
	PROC_DENIED_ROOT = 1 << 3,
};

/* The process-wide part of a thread entry. */
struct proc_process {
	int64_t pid;
	unsigned denied;                 /* PROC_DENIED_* bits */
	struct fnet_str exe, args, exepath, env, cwd, root, cgroups;
	uint32_t loginuid;
	uint64_t fdlimit;
	uint64_t netns;                  /* inode of ns/net, 0 when unreadable */
	uint64_t pidns_init_start_ts_ns;
};

/* Prepares an empty cache whose strings go to `arena`. */
void proc_task_cache_init(struct proc_task_cache *c, struct arena *arena);
void proc_task_cache_free(struct proc_task_cache *c);

/*
 * Reads the process-wide data of process `pid` whose /proc directory is open as
 * `pid_dirfd`. Files we may not read (another user's environment when not root)
 * leave their field empty. Returns 0, or -1 with errno ENOMEM. (That the
 * process is gone shows when its main thread is read: proc_thread_read.)
 */
int proc_process_read(int pid_dirfd, int64_t pid, struct proc_task_cache *c, struct proc_process *p);

/*
 * Fills thread entry `t` of thread `tid` of process `p` from `dirfd`, which is
 * /proc/PID for the main thread and /proc/PID/task/TID for the others, and
 * `*start_ticks` (may be NULL) with the thread's start time in clock ticks after
 * boot, which tells a process from a later one that got the same id. Returns 0,
 * or -1 with errno (ENOENT/ESRCH: the thread is gone; ENOMEM).
 */
int proc_thread_read(int dirfd, int64_t tid, const struct proc_process *p,
		     struct proc_task_cache *c, struct fnet_thread_record *t,
		     uint64_t *start_ticks);

#endif
