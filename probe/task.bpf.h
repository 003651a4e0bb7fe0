/*
 * Reading the current task, its files and its sockets with CO-RE: the probe's
 * side of what the shared fillers (fill_*.h) ask of their driver.
 */
#ifndef FNET_TASK_BPF_H
#define FNET_TASK_BPF_H

static __always_inline struct task_struct *current_task(void)
{
	return (struct task_struct *)bpf_get_current_task_btf();
}

/* The struct file of fd `fd` of the current task, or NULL. */
static __always_inline struct file *fd_file(s64 fd)
{
	if (fd < 0)
		return NULL;
	struct task_struct *t = current_task();
	struct fdtable *fdt = BPF_CORE_READ(t, files, fdt);
	if (!fdt)
		return NULL;
	unsigned int max = BPF_CORE_READ(fdt, max_fds);
	if ((u64)fd >= max)
		return NULL;
	struct file **fds = BPF_CORE_READ(fdt, fd);
	struct file *f = NULL;
	bpf_probe_read_kernel(&f, sizeof(f), &fds[fd]);
	return f;
}

static __always_inline void file_dev_ino(struct file *f, u32 *dev, u64 *ino)
{
	*dev = 0;
	*ino = 0;
	if (!f)
		return;
	struct inode *i = BPF_CORE_READ(f, f_inode);
	*ino = BPF_CORE_READ(i, i_ino);
	u32 kdev = BPF_CORE_READ(i, i_sb, s_dev);
	/* kernel dev_t (major << 20 | minor) to the user-space encoding */
	u32 major = kdev >> 20, minor = kdev & 0xfffff;
	*dev = (minor & 0xff) | (major << 8) | ((minor & ~0xffu) << 12);
}

/* The struct sock behind a socket fd, or NULL. */
static __always_inline struct sock *fd_sock(s64 fd)
{
	struct file *f = fd_file(fd);
	if (!f)
		return NULL;
	struct socket *s = BPF_CORE_READ(f, private_data);
	return s ? BPF_CORE_READ(s, sk) : NULL;
}

/* Appends the socket tuple of `sk` (socktuple.h) or an empty parameter. */
static __always_inline void ev_socktuple(struct builder *b, struct sock *sk)
{
	u16 fam = sk ? BPF_CORE_READ(sk, __sk_common.skc_family) : 0;
	if (fam == KERNEL_AF_INET) {
		ev_tuple_inet(b, BPF_CORE_READ(sk, __sk_common.skc_rcv_saddr), BPF_CORE_READ(sk, __sk_common.skc_num),
			      BPF_CORE_READ(sk, __sk_common.skc_daddr),
			      bpf_ntohs(BPF_CORE_READ(sk, __sk_common.skc_dport)));
	} else if (fam == KERNEL_AF_INET6) {
		struct in6_addr sa = {}, da = {};
		BPF_CORE_READ_INTO(&sa, sk, __sk_common.skc_v6_rcv_saddr);
		BPF_CORE_READ_INTO(&da, sk, __sk_common.skc_v6_daddr);
		ev_tuple_inet6(b, &sa, BPF_CORE_READ(sk, __sk_common.skc_num), &da,
			       bpf_ntohs(BPF_CORE_READ(sk, __sk_common.skc_dport)));
	} else if (fam == KERNEL_AF_UNIX) {
		ev_tuple_unix(b, (u64)sk, (u64)BPF_CORE_READ((struct unix_sock *)sk, peer));
	} else {
		ev_empty(b);
	}
}

/* What the shared fillers ask of the driver: fill_driver.h says what each returns. */

static __always_inline void ev_fd_socktuple(struct builder *b, s64 fd)
{
	ev_socktuple(b, fd_sock(fd));
}

static __always_inline void fnet_fd_dev_ino(s64 fd, u32 *dev, u64 *ino)
{
	file_dev_ino(fd_file(fd), dev, ino);
}

static __always_inline void fnet_fd_listen_queue(s64 fd, u32 *qlen, u32 *qmax)
{
	struct sock *sk = fd_sock(fd);
	*qlen = sk ? BPF_CORE_READ(sk, sk_ack_backlog) : 0;
	*qmax = sk ? BPF_CORE_READ(sk, sk_max_ack_backlog) : 0;
}

static __always_inline void fnet_fd_unix_pair(s64 fd, u64 *sk_addr, u64 *peer)
{
	struct sock *sk = fd_sock(fd);
	if (sk && BPF_CORE_READ(sk, __sk_common.skc_family) != KERNEL_AF_UNIX)
		sk = NULL;
	*sk_addr = (u64)sk;
	*peer = sk ? (u64)BPF_CORE_READ((struct unix_sock *)sk, peer) : 0;
}

static __always_inline void fnet_current_caps(u64 *inh, u64 *prm, u64 *eff)
{
	struct task_struct *t = current_task();
	*inh = *prm = *eff = 0;
	BPF_CORE_READ_INTO(inh, t, cred, cap_inheritable);
	BPF_CORE_READ_INTO(prm, t, cred, cap_permitted);
	BPF_CORE_READ_INTO(eff, t, cred, cap_effective);
}

#endif
