/*
 * Socket syscalls in the schema's newest layouts (falcosecurity/libs
 * driver/event_table.c): socket, socketpair, bind, listen, connect,
 * accept/accept4, sendto, recvfrom, sendmsg, recvmsg, shutdown.
 */
#ifndef FNET_FILL_NET_H
#define FNET_FILL_NET_H

/*
 * Appends a user sockaddr (`len` bytes at `uaddr`) in scap PT_SOCKADDR form:
 * family, then address and host-order port (inet), or the path (unix).
 */
static __always_inline void ev_sockaddr_user(struct builder *b, const void *uaddr, u64 len)
{
	u16 fam = 0;
	if (!uaddr || len < 2 || fnet_read_user(&fam, 2, uaddr) < 0) {
		ev_empty(b);
		return;
	}
	u8 *p = &b->buf[b->off & FNET_SCRATCH_MASK];
	if (fam == KERNEL_AF_INET && len >= 8) {
		struct sockaddr_in sa;
		if (fnet_read_user(&sa, sizeof(sa), uaddr) < 0) {
			ev_empty(b);
			return;
		}
		u16 port = fnet_ntohs(sa.sin_port);
		p[0] = PPM_AF_INET;
		__builtin_memcpy(p + 1, &sa.sin_addr.s_addr, 4);
		__builtin_memcpy(p + 5, &port, 2);
		ev_set_len(b, 7);
	} else if (fam == KERNEL_AF_INET6 && len >= 24) {
		struct sockaddr_in6 sa;
		if (fnet_read_user(&sa, sizeof(sa), uaddr) < 0) {
			ev_empty(b);
			return;
		}
		u16 port = fnet_ntohs(sa.sin6_port);
		p[0] = PPM_AF_INET6;
		__builtin_memcpy(p + 1, &sa.sin6_addr, 16);
		__builtin_memcpy(p + 17, &port, 2);
		ev_set_len(b, 19);
	} else if (fam == KERNEL_AF_UNIX) {
		p[0] = PPM_AF_UNIX;
		long n = fnet_read_user_str(p + 1, 108, (const char *)uaddr + 2);
		ev_set_len(b, n > 0 ? (u16)(n + 1) : 2);
		if (n <= 0)
			p[1] = 0;
	} else {
		ev_empty(b);
	}
}

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
		ev_fd_socktuple(b, (ret == 0 || ret == -115) ? fd : -1);
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
	ev_fd_socktuple(b, ret >= 0 ? ret : -1);
	u32 qlen, qmax;
	fnet_fd_listen_queue(fd_arg(a[0]), &qlen, &qmax);
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
	ev_fd_socktuple(b, fd);
}

/* recvfrom: enter fd, size; exit res, data, tuple, fd, size. */
static __always_inline void fill_recvfrom(struct builder *b, const u64 *a, int exit, long ret)
{
	s64 fd = fd_arg(a[0]);
	if (exit) {
		ev_u64(b, (u64)ret);
		ev_bytes_user(b, (const void *)a[1], ret > 0 ? (u64)ret : 0);
		ev_fd_socktuple(b, fd);
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

/* socketpair exit: res, fd1, fd2, source and peer (the unix sockets' kernel
 * addresses, as in unix socket tuples), domain, type, proto. */
static __always_inline void fill_socketpair_x(struct builder *b, const u64 *a, long ret)
{
	s32 fds[2] = {-1, -1};
	if (ret == 0)
		fnet_read_user(fds, sizeof(fds), (const void *)a[3]);
	ev_u64(b, (u64)ret);
	ev_u64(b, (u64)(s64)fds[0]);
	ev_u64(b, (u64)(s64)fds[1]);
	u64 sk, peer;
	fnet_fd_unix_pair(ret == 0 ? fds[0] : -1, &sk, &peer);
	ev_u64(b, sk);
	ev_u64(b, peer);
	ev_u32(b, (u32)a[0]);
	ev_u32(b, (u32)a[1]);
	ev_u32(b, (u32)a[2]);
}

/* struct user_msghdr as user space lays it out (x86_64). */
struct msghdr_k {
	u64 name;
	u32 namelen, pad;
	u64 iov, iovlen;
	u64 control, controllen;
	u32 flags, pad2;
};

#define FNET_MAX_IOVS 16

/* Total length of the first FNET_MAX_IOVS buffers of an iovec array. */
static __always_inline u64 iov_total_len(u64 iov, u64 cnt)
{
	u64 total = 0;
	for (int i = 0; i < FNET_MAX_IOVS; i++) {
		struct iovec_k v = {};
		if (i >= cnt || fnet_read_user(&v, sizeof(v), (const void *)(iov + i * sizeof(v))) < 0)
			break;
		total += v.len;
	}
	return total;
}

/* The data of the first buffer of a message, up to `limit` bytes (and the snap length). */
static __always_inline void ev_msg_data(struct builder *b, const struct msghdr_k *mh, u64 limit)
{
	struct iovec_k v = {};
	if (mh->iovlen == 0 || fnet_read_user(&v, sizeof(v), (const void *)mh->iov) < 0) {
		ev_empty(b);
		return;
	}
	ev_bytes_user(b, (const void *)v.base, v.len < limit ? v.len : limit);
}

/* sendmsg: enter fd, size, tuple; exit res, data, fd, size, tuple. size: the
 * message's length (its first FNET_MAX_IOVS buffers); data: its first buffer. */
static __always_inline void fill_sendmsg(struct builder *b, const u64 *a, int exit, long ret)
{
	s64 fd = fd_arg(a[0]);
	struct msghdr_k mh = {};
	int ok = fnet_read_user(&mh, sizeof(mh), (const void *)a[1]) == 0;
	if (exit) {
		ev_u64(b, (u64)ret);
		if (ok)
			ev_msg_data(b, &mh, (u64)-1);
		else
			ev_empty(b);
	}
	ev_u64(b, (u64)fd);
	ev_u32(b, ok ? (u32)iov_total_len(mh.iov, mh.iovlen) : 0);
	ev_fd_socktuple(b, fd);
}

/* recvmsg: enter fd; exit res, size, data, tuple, msgcontrol, fd. On failure
 * size is 0 and data, tuple and msgcontrol are empty. */
static __always_inline void fill_recvmsg_x(struct builder *b, const u64 *a, long ret)
{
	s64 fd = fd_arg(a[0]);
	struct msghdr_k mh = {};
	int ok = ret >= 0 && fnet_read_user(&mh, sizeof(mh), (const void *)a[1]) == 0;
	ev_u64(b, (u64)ret);
	ev_u32(b, ret > 0 ? (u32)ret : 0);
	if (ok) {
		ev_msg_data(b, &mh, (u64)ret);
		ev_fd_socktuple(b, fd);
		/* the kernel has set msg_controllen to the length it wrote */
		u64 room = ev_room(b, 8); /* what the record still holds before fd */
		ev_bytes_user(b, (const void *)mh.control, mh.controllen < room ? mh.controllen : room);
	} else {
		ev_empty(b);
		ev_empty(b);
		ev_empty(b);
	}
	ev_u64(b, (u64)fd);
}

#endif
