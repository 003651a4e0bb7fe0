/*
 * System state rebuilt from a trace: threads, their file descriptors, users and
 * groups. Seeded from the metadata blocks (process list, fd list, user list) and
 * kept current by the events (clone/fork/vfork/execve/procexit, open/openat/creat/
 * socket/connect/accept/close/dup/pipe, chdir). This is what resolves proc.name,
 * fd.name or user.name for events whose own parameters do not carry them.
 *
 * Ownership: the state owns every thread, fd and user it hands out; pointers stay
 * valid until the next fnet_state_apply() (a procexit frees its thread then).
 */
#ifndef FNET_STATE_H
#define FNET_STATE_H

#include <stdint.h>

#include "event.h"
#include "int_map.h"
#include "trace_reader.h"

/* A heap string with its length; ptr is NULL-terminated, or NULL when unset. */
struct fnet_string {
	char *ptr;
	uint32_t len;
};

/* One open file descriptor. `type` uses the fd list numbering (FNET_FDR_*). */
struct fnet_fd {
	int64_t fd;
	uint8_t type;
	uint8_t l4proto;      /* libscap scap_l4_proto: 2 TCP, 3 UDP, 4 ICMP, 5 raw */
	uint8_t family;       /* sockets: 2 AF_INET, 10 AF_INET6, 1 AF_UNIX */
	uint32_t open_flags;
	uint8_t sip[16], dip[16];
	uint16_t sport, dport;
	uint8_t role;         /* sockets: FNET_FD_ROLE_* (sysdig's client/server roles) */
	struct fnet_string name; /* path, or socket tuple text as sysdig names it */
	/* Kept by state_fd_extra.c for Falco's newer fd fields. */
	uint8_t connected;       /* IP socket seen connected (connect, accept, I/O): fd.connected */
	struct fnet_string name_raw; /* files opened in the trace: the path as passed: fd.nameraw */
};

/* Socket roles: none yet (a new socket), client (connect), server (accept). */
enum { FNET_FD_ROLE_NONE = 0, FNET_FD_ROLE_CLIENT = 1, FNET_FD_ROLE_SERVER = 2 };

/* The fds of a process: shared by its threads (CLONE_FILES). */
struct fnet_fd_table {
	struct fnet_int_map fds; /* fd number -> struct fnet_fd */
	unsigned refs;
};

/*
 * What libsinsp's newer process fields read (proc.exe_ino*, proc.is_exe_from_memfd,
 * thread.cap_*), kept by state_exec_info.c from execve/clone/capset/unshare/setns
 * exits and the process list. Times are ns from the epoch; 0 means unknown.
 */
struct fnet_exec_info {
	uint64_t exe_ino, exe_ino_ctime, exe_ino_mtime;
	uint64_t ctime_since_clone;      /* clone time - exe ctime, when both are known */
	uint64_t ctime_since_pidns;      /* exe ctime - pid namespace start, when later */
	uint64_t pidns_init_start_ts;    /* start of the thread's pid namespace */
	uint64_t cap_inheritable, cap_permitted, cap_effective; /* CAP_* bit masks */
	uint8_t exe_from_memfd;          /* execve flag PPM_EXE_FROM_MEMFD */
};

struct fnet_thread {
	int64_t tid, pid, ptid, sid, vpgid, vtid, vpid;
	uint32_t uid, gid, loginuid;
	uint32_t flags;            /* PPM_CL_* clone flags of the thread's creation */
	uint64_t fdlimit;
	uint32_t tty;              /* controlling terminal (proc.tty), 0 for none */
	uint64_t clone_ts_ns;      /* time of the clone that created it, 0 when unknown */
	uint64_t latency_ns;       /* sysdig's thread latency: 0 after an enter event, after an
				    * exit event the time since the thread's last enter event */
	uint8_t exe_writable;      /* execve flags EXE_WRITABLE, EXE_UPPER_LAYER of its exe */
	uint8_t exe_upper_layer;
	struct fnet_string comm;   /* proc.name */
	struct fnet_string exe;    /* argv[0] as executed: proc.exe */
	struct fnet_string exepath;/* full path of the executable */
	struct fnet_string args;   /* NUL-separated arguments after argv[0] */
	struct fnet_string cwd;    /* with a trailing '/' */
	struct fnet_string env;    /* NUL-separated */
	struct fnet_string cgroups;/* NUL-separated */
	struct fnet_fd_table *fdt;
	struct fnet_exec_info xinfo;
	/* Copy of the last enter event, which some exit events need (close, connect). */
	uint8_t *enter_rec;
	uint32_t enter_cap;
	uint16_t enter_type;       /* 0xffff: none */
	struct fnet_event enter;
	int exited;                /* procexit seen: removed before the next event */
	/* Set by a filtering reader (fnet_filter_note_result): the thread's last enter event
	 * failed a filter sysdig 0.29.3 runs before its parser, which leaves the exit event
	 * without an fd for that filter. */
	uint8_t enter_filtered_out;
};

struct fnet_user {
	uint32_t uid, gid;
	struct fnet_string name, homedir, shell;
};

struct fnet_group {
	uint32_t gid;
	struct fnet_string name;
};

struct fnet_state {
	struct fnet_int_map threads; /* tid -> struct fnet_thread */
	struct fnet_int_map users;   /* uid -> struct fnet_user */
	struct fnet_int_map groups;  /* gid -> struct fnet_group */
	struct fnet_machine_record machine;
	int64_t pending_exit_tid;    /* thread to drop before the next event, or -1 */
	int64_t pending_close_tid;   /* fd to drop before the next event: thread, or -1 */
	int64_t pending_close_fd;
	uint64_t first_event_ts_ns;  /* time of the first event applied (evt.reltime) */
	int keep_cloexec;            /* 1: keep close-on-exec fds at execve, as sysdig 0.29.3
				      * does (a bug: the kernel closes them); 0 by default */
};

/* Initialises an empty state. Returns 0 (no allocation happens here). */
int fnet_state_init(struct fnet_state *st);

/* Frees every thread, fd, user and group. */
void fnet_state_free(struct fnet_state *st);

/*
 * A trace sink (see trace_reader.h) that seeds `st` from metadata blocks. The
 * returned sink's ctx is `st`; on_note stays NULL for the caller to set.
 */
struct fnet_trace_sink fnet_state_sink(struct fnet_state *st);

/*
 * Updates the state with event `ev` before it is filtered or printed, as sysdig
 * does: the enter/exit pair is tracked, threads are created on first sight,
 * execve/clone refresh process data, fd-creating and fd-closing events edit the
 * fd table. Returns the thread of the event: an unknown thread gets a placeholder
 * named "<NA>" (as in sysdig), except for internal and scheduler events, for which
 * NULL is returned (also when out of memory).
 */
struct fnet_thread *fnet_state_apply(struct fnet_state *st, const struct fnet_event *ev);

/* Thread `tid`, or NULL. */
struct fnet_thread *fnet_state_thread(const struct fnet_state *st, int64_t tid);

/* The main thread of `t`'s process (t itself when it is the main thread or unknown). */
struct fnet_thread *fnet_state_main_thread(const struct fnet_state *st, struct fnet_thread *t);

/* Fd `fd` of thread `t`, or NULL. */
struct fnet_fd *fnet_thread_fd(const struct fnet_thread *t, int64_t fd);

/* User `uid` / group `gid`, or NULL. */
struct fnet_user *fnet_state_user(const struct fnet_state *st, uint32_t uid);
struct fnet_group *fnet_state_group(const struct fnet_state *st, uint32_t gid);

/* Replaces `s` with a copy of `len` bytes at `p` (NUL added). Returns 0 or -1. */
int fnet_string_set(struct fnet_string *s, const char *p, uint32_t len);

/* Frees `s` and leaves it unset. */
void fnet_string_free(struct fnet_string *s);

#endif
