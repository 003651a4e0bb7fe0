/*
 * Socket tables of the network namespaces met during a /proc scan, to resolve the
 * "socket:[INODE]" targets of /proc/PID/fd links. A namespace's tables
 * (/proc/PID/net/{tcp,tcp6,udp,udp6,raw,raw6,unix,netlink}) are read once, through
 * the first process seen in it, and indexed by inode: a look-up costs one hash probe.
 */
#ifndef FNET_CAPTURE_PROC_SOCKETS_H
#define FNET_CAPTURE_PROC_SOCKETS_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "int_map.h"

/* One socket: the fd-record fields it fills (see trace_reader.h fnet_fd_record). */
struct proc_socket {
	uint8_t type;           /* FNET_FDR_IPV4_SOCK ... FNET_FDR_NETLINK */
	uint8_t l4proto;        /* 2 TCP, 3 UDP, 5 raw (libscap scap_l4_proto) */
	uint8_t sip[16], dip[16]; /* network byte order; IPv4 in the first 4 bytes */
	uint16_t sport, dport;  /* host byte order; server sockets use sip/sport */
	uint64_t unix_src;      /* unix: the kernel's socket address as /proc shows it */
	const char *path;       /* unix: bound path ("@name" for abstract), in `arena` */
	uint32_t path_len;
};

struct proc_sockets {
	struct fnet_int_map by_netns; /* netns inode -> struct proc_socket_ns * */
	struct arena *arena;          /* where unix socket paths are kept (not owned) */
	char *buf;                    /* scratch for reading a table file */
	size_t buf_cap;
};

/* Prepares an empty set of tables whose strings go to `arena` (kept by the caller). */
void proc_sockets_init(struct proc_sockets *s, struct arena *arena);

/*
 * Looks socket inode `ino` up in network namespace `netns` (the inode of
 * /proc/PID/ns/net), reading that namespace's tables through `pid_dirfd`
 * (/proc/PID) the first time. Returns the socket, or NULL when it is not in the
 * tables (a socket of another family: packet, vsock...) or the tables could not
 * be read (errno set: ENOMEM is the only failure that matters to callers).
 */
const struct proc_socket *proc_sockets_find(struct proc_sockets *s, int pid_dirfd, uint64_t netns,
					    uint64_t ino);

/* Frees the tables (not the arena). */
void proc_sockets_free(struct proc_sockets *s);

#endif
