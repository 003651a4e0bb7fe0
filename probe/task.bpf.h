/*
 * Reading the current task, its files and its sockets with CO-RE, and the
 * kernel-to-scap conversions of flag words (values: falcosecurity/libs
 * driver/ppm_events_public.h PPM_O_*, PPM_CL_*).
 */
#ifndef FNET_TASK_BPF_H
#define FNET_TASK_BPF_H

#define PPM_AF_UNIX 1
#define PPM_AF_INET 2
#define PPM_AF_INET6 10
#define KERNEL_AF_UNIX 1
#define KERNEL_AF_INET 2
#define KERNEL_AF_INET6 10

/* open(2) flags (x86_64 values) to PPM_O_* bits. */
static __always_inline u32 open_flags_to_scap(u64 f)
{
	u32 r;
	switch (f & 3) {
	case 1: r = 2; break;          /* O_WRONLY */
	case 2: r = 3; break;          /* O_RDWR */
	default: r = 1; break;         /* O_RDONLY */
	}
	if (f & 0100) r |= 4;          /* O_CREAT */
	if (f & 0200) r |= 32;         /* O_EXCL */
	if (f & 01000) r |= 256;       /* O_TRUNC */
	if (f & 02000) r |= 8;         /* O_APPEND */
	if (f & 04000) r |= 64;        /* O_NONBLOCK */
	if (f & 010000) r |= 16;       /* O_DSYNC */
	if (f & 04000000) r |= 128;    /* __O_SYNC */
	if (f & 040000) r |= 512;      /* O_DIRECT */
	if (f & 0100000) r |= 2048;    /* O_LARGEFILE */
	if (f & 0200000) r |= 1024;    /* O_DIRECTORY */
	if (f & 02000000) r |= 4096;   /* O_CLOEXEC */
	if ((f & 020200000) == 020200000) r |= 8192; /* O_TMPFILE */
	return r;
}

/* clone(2) flags to PPM_CL_* bits. */
static __always_inline u32 clone_flags_to_scap(u64 f)
{
	u32 r = 0;
	if (f & 0x00000400) r |= 1 << 0;   /* CLONE_FILES */
	if (f & 0x00000200) r |= 1 << 1;   /* CLONE_FS */
	if (f & 0x80000000) r |= 1 << 2;   /* CLONE_IO */
	if (f & 0x08000000) r |= 1 << 3;   /* CLONE_NEWIPC */
	if (f & 0x40000000) r |= 1 << 4;   /* CLONE_NEWNET */
	if (f & 0x00020000) r |= 1 << 5;   /* CLONE_NEWNS */
	if (f & 0x20000000) r |= 1 << 6;   /* CLONE_NEWPID */
	if (f & 0x04000000) r |= 1 << 7;   /* CLONE_NEWUTS */
	if (f & 0x00008000) r |= 1 << 8;   /* CLONE_PARENT */
	if (f & 0x00100000) r |= 1 << 9;   /* CLONE_PARENT_SETTID */
	if (f & 0x00002000) r |= 1 << 10;  /* CLONE_PTRACE */
	if (f & 0x00000800) r |= 1 << 11;  /* CLONE_SIGHAND */
	if (f & 0x00040000) r |= 1 << 12;  /* CLONE_SYSVSEM */
	if (f & 0x00010000) r |= 1 << 13;  /* CLONE_THREAD */
	if (f & 0x00800000) r |= 1 << 14;  /* CLONE_UNTRACED */
	if (f & 0x00000100) r |= 1 << 15;  /* CLONE_VM */
	if (f & 0x10000000) r |= 1 << 20;  /* CLONE_NEWUSER */
	if (f & 0x00200000) r |= 1 << 23;  /* CLONE_CHILD_CLEARTID */
	if (f & 0x01000000) r |= 1 << 24;  /* CLONE_CHILD_SETTID */
	if (f & 0x00080000) r |= 1 << 25;  /* CLONE_SETTLS */
	if (f & 0x00004000) r |= 1 << 27;  /* CLONE_VFORK */
	if (f & 0x02000000) r |= 1 << 28;  /* CLONE_NEWCGROUP */
	return r;
}

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

/*
 * Appends the socket tuple of `sk` (scap PT_SOCKTUPLE: family, local address and
 * port, remote address and port; ports in host order) or an empty parameter.
 */
static __always_inline void ev_socktuple(struct builder *b, struct sock *sk)
{
	if (!sk) {
		ev_empty(b);
		return;
	}
	u16 fam = BPF_CORE_READ(sk, __sk_common.skc_family);
	u8 *p = &b->buf[b->off & FNET_SCRATCH_MASK];
	if (fam == KERNEL_AF_INET) {
		u32 sip = BPF_CORE_READ(sk, __sk_common.skc_rcv_saddr);
		u32 dip = BPF_CORE_READ(sk, __sk_common.skc_daddr);
		u16 sport = BPF_CORE_READ(sk, __sk_common.skc_num);
		u16 dport = bpf_ntohs(BPF_CORE_READ(sk, __sk_common.skc_dport));
		p[0] = PPM_AF_INET;
		__builtin_memcpy(p + 1, &sip, 4);
		__builtin_memcpy(p + 5, &sport, 2);
		__builtin_memcpy(p + 7, &dip, 4);
		__builtin_memcpy(p + 11, &dport, 2);
		ev_set_len(b, 13);
	} else if (fam == KERNEL_AF_INET6) {
		u16 sport = BPF_CORE_READ(sk, __sk_common.skc_num);
		u16 dport = bpf_ntohs(BPF_CORE_READ(sk, __sk_common.skc_dport));
		struct in6_addr sa = {}, da = {};
		BPF_CORE_READ_INTO(&sa, sk, __sk_common.skc_v6_rcv_saddr);
		BPF_CORE_READ_INTO(&da, sk, __sk_common.skc_v6_daddr);
		p[0] = PPM_AF_INET6;
		__builtin_memcpy(p + 1, &sa, 16);
		__builtin_memcpy(p + 17, &sport, 2);
		__builtin_memcpy(p + 19, &da, 16);
		__builtin_memcpy(p + 35, &dport, 2);
		ev_set_len(b, 37);
	} else if (fam == KERNEL_AF_UNIX) {
		u64 src = (u64)sk;
		u64 dst = (u64)BPF_CORE_READ((struct unix_sock *)sk, peer);
		p[0] = PPM_AF_UNIX;
		__builtin_memcpy(p + 1, &src, 8);
		__builtin_memcpy(p + 9, &dst, 8);
		p[17] = 0;
		ev_set_len(b, 18);
	} else {
		ev_empty(b);
	}
}

/*
 * Appends a user sockaddr (`len` bytes at `uaddr`) in scap PT_SOCKADDR form:
 * family, then address and host-order port (inet), or the path (unix).
 */
static __always_inline void ev_sockaddr_user(struct builder *b, const void *uaddr, u64 len)
{
	u16 fam = 0;
	if (!uaddr || len < 2 || bpf_probe_read_user(&fam, 2, uaddr) < 0) {
		ev_empty(b);
		return;
	}
	u8 *p = &b->buf[b->off & FNET_SCRATCH_MASK];
	if (fam == KERNEL_AF_INET && len >= 8) {
		struct sockaddr_in sa;
		if (bpf_probe_read_user(&sa, sizeof(sa), uaddr) < 0) {
			ev_empty(b);
			return;
		}
		u16 port = bpf_ntohs(sa.sin_port);
		p[0] = PPM_AF_INET;
		__builtin_memcpy(p + 1, &sa.sin_addr.s_addr, 4);
		__builtin_memcpy(p + 5, &port, 2);
		ev_set_len(b, 7);
	} else if (fam == KERNEL_AF_INET6 && len >= 24) {
		struct sockaddr_in6 sa;
		if (bpf_probe_read_user(&sa, sizeof(sa), uaddr) < 0) {
			ev_empty(b);
			return;
		}
		u16 port = bpf_ntohs(sa.sin6_port);
		p[0] = PPM_AF_INET6;
		__builtin_memcpy(p + 1, &sa.sin6_addr, 16);
		__builtin_memcpy(p + 17, &port, 2);
		ev_set_len(b, 19);
	} else if (fam == KERNEL_AF_UNIX) {
		p[0] = PPM_AF_UNIX;
		long n = bpf_probe_read_user_str(p + 1, 108, (const char *)uaddr + 2);
		ev_set_len(b, n > 0 ? (u16)(n + 1) : 2);
		if (n <= 0)
			p[1] = 0;
	} else {
		ev_empty(b);
	}
}

#endif
