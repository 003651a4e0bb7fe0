/*
 * Socket syscalls in the schema's newest layouts (falcosecurity/libs
 * driver/event_table.c): socket, bind, listen, connect, accept/accept4, sendto,
 * recvfrom, shutdown.
 */
#ifndef FNET_NET_BPF_H
#define FNET_NET_BPF_H

/* socket: enter domain, type, proto; exit fd, domain, type, proto, flags. */
static __always_inline void fill_socket(struct builder *b, const u64 *a, int exit, long ret)
{
	if (exit)
		ev_u64(b, (u64)ret);
	ev_u32(b, (u32)a[0]); /* PPM_AF_* equal the kernel's AF_* */
	ev_u32(b, (u32)a[1]);
	ev_u32(b, (u32)a[2]);
	if (exit)
		ev_u32(b, 0);
}

/* connect: enter fd, addr; exit res, tuple, fd, addr. */
static __always_inline void fill_connect(struct builder *b, const u64 *a, int exit, long ret)
{
	s64 fd = fd_arg(a[0]);
	if (exit) {
		ev_u64(b, (u64)ret);
		ev_socktuple(b, (ret == 0 || ret == -115) ? fd_sock(fd) : NULL);
	}
	ev_u64(b, (u64)fd);
	ev_sockaddr_user(b, (const void *)a[1], a[2]);
}

/* bind: enter fd; exit res, addr, fd. */
static __always_inline void fill_bind_x(struct builder *b, const u64 *a, long ret)
{
	ev_u64(b, (u64)ret);
	ev_sockaddr_user(b, (const void *)a[1], a[2]);
	ev_u64(b, (u64)fd_arg(a[0]));
}

/* listen: enter fd, backlog; exit res, fd, backlog. */
static __always_inline void fill_listen(struct builder *b, const u64 *a, int exit, long ret)
{
	if (exit)
		ev_u64(b, (u64)ret);
	ev_u64(b, (u64)fd_arg(a[0]));
	ev_u32(b, (u32)a[1]);
}

/* accept4 (v6) exit: fd, tuple, queuepct, queuelen, queuemax, flags. */
static __always_inline void fill_accept_x(struct builder *b, const u64 *a, long ret, int with_flags)
{
	ev_u64(b, (u64)ret);
	ev_socktuple(b, ret >= 0 ? fd_sock(ret) : NULL);
	struct sock *lsk = fd_sock(fd_arg(a[0]));
	u32 qlen = lsk ? BPF_CORE_READ(lsk, sk_ack_backlog) : 0;
	u32 qmax = lsk ? BPF_CORE_READ(lsk, sk_max_ack_backlog) : 0;
	ev_u8(b, qmax ? (u8)(qlen * 100 / qmax) : 0);
	ev_u32(b, qlen);
	ev_u32(b, qmax);
	if (with_flags)
		ev_u32(b, (u32)a[3]);
}

/* sendto: enter fd, size, tuple; exit res, data, fd, size, tuple. */
static __always_inline void fill_sendto(struct builder *b, const u64 *a, int exit, long ret)
{
	s64 fd = fd_arg(a[0]);
	if (exit) {
		ev_u64(b, (u64)ret);
		ev_bytes_user(b, (const void *)a[1], a[2]);
	}
	ev_u64(b, (u64)fd);
	ev_u32(b, (u32)a[2]);
	ev_socktuple(b, fd_sock(fd));
}

/* recvfrom: enter fd, size; exit res, data, tuple, fd, size. */
static __always_inline void fill_recvfrom(struct builder *b, const u64 *a, int exit, long ret)
{
	s64 fd = fd_arg(a[0]);
	if (exit) {
		ev_u64(b, (u64)ret);
		ev_bytes_user(b, (const void *)a[1], ret > 0 ? (u64)ret : 0);
		ev_socktuple(b, fd_sock(fd));
	}
	ev_u64(b, (u64)fd);
	ev_u32(b, (u32)a[2]);
}

/* shutdown: enter fd, how; exit res, fd, how (PPM values: SHUT_RD 0, WR 1, RDWR 2). */
static __always_inline void fill_shutdown(struct builder *b, const u64 *a, int exit, long ret)
{
	if (exit)
		ev_u64(b, (u64)ret);
	ev_u64(b, (u64)fd_arg(a[0]));
	ev_u8(b, (u8)a[1]);
}

#endif
