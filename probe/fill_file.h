/*
 * File system and I/O syscalls: enter and exit records in the schema's newest
 * layouts (falcosecurity/libs driver/event_table.c). `a` holds the six syscall
 * arguments; `ret` the return value on exit.
 */
#ifndef FNET_FILL_FILE_H
#define FNET_FILL_FILE_H

#define AT_FDCWD_K (-100)

static __always_inline s64 fd_arg(u64 v)
{
	return (s64)(s32)v; /* fds are ints: AT_FDCWD and -1 sign-extend */
}

/* open / openat / openat2 / creat exit: the fd, then path params, then dev and ino. */
static __always_inline void ev_dev_ino(struct builder *b, long ret)
{
	u32 dev;
	u64 ino;
	fnet_fd_dev_ino(ret, &dev, &ino);
	ev_u32(b, dev);
	ev_u64(b, ino);
}

static __always_inline void fill_open(struct builder *b, const u64 *a, int exit, long ret)
{
	if (exit)
		ev_u64(b, (u64)ret);
	ev_str_user(b, (const void *)a[0]);
	ev_u32(b, open_flags_to_scap(a[1]));
	ev_u32(b, (u32)a[2]);
	if (exit)
		ev_dev_ino(b, ret);
}

static __always_inline void fill_openat(struct builder *b, const u64 *a, int exit, long ret)
{
	if (exit)
		ev_u64(b, (u64)ret);
	ev_u64(b, (u64)fd_arg(a[0]));
	ev_str_user(b, (const void *)a[1]);
	ev_u32(b, open_flags_to_scap(a[2]));
	ev_u32(b, (u32)a[3]);
	if (exit)
		ev_dev_ino(b, ret);
}

struct open_how_k {
	u64 flags, mode, resolve;
};

static __always_inline void fill_openat2(struct builder *b, const u64 *a, int exit, long ret)
{
	struct open_how_k how = {};
	fnet_read_user(&how, sizeof(how), (const void *)a[2]);
	if (exit)
		ev_u64(b, (u64)ret);
	ev_u64(b, (u64)fd_arg(a[0]));
	ev_str_user(b, (const void *)a[1]);
	ev_u32(b, open_flags_to_scap(how.flags));
	ev_u32(b, (u32)how.mode);
	/* RESOLVE_* to PPM_RESOLVE_*: same bit order, scap numbering from 1 << 0 */
	ev_u32(b, (u32)how.resolve);
	if (exit)
		ev_dev_ino(b, ret);
}

static __always_inline void fill_creat(struct builder *b, const u64 *a, int exit, long ret)
{
	if (exit)
		ev_u64(b, (u64)ret);
	ev_str_user(b, (const void *)a[0]);
	ev_u32(b, (u32)a[1]);
	if (exit) {
		ev_dev_ino(b, ret);
		ev_u16(b, 0); /* creat_flags */
	}
}

/* close, fchdir, dup (enter): the fd alone. Exit: res, fd. */
static __always_inline void fill_fd_only(struct builder *b, const u64 *a, int exit, long ret)
{
	if (exit)
		ev_u64(b, (u64)ret);
	ev_u64(b, (u64)fd_arg(a[0]));
}

/* read/write and pread/pwrite: enter fd, size[, pos]; exit res, data, fd, size[, pos]. */
static __always_inline void fill_rw(struct builder *b, const u64 *a, int exit, long ret, int is_read,
				    int has_pos)
{
	if (exit) {
		ev_u64(b, (u64)ret);
		u64 n = is_read ? (ret > 0 ? (u64)ret : 0) : a[2];
		ev_bytes_user(b, (const void *)a[1], n);
	}
	ev_u64(b, (u64)fd_arg(a[0]));
	ev_u32(b, (u32)a[2]);
	if (has_pos)
		ev_u64(b, a[3]);
}

struct iovec_k {
	u64 base, len;
};

/* readv/writev: the data of the first iovec (to the snap length). */
static __always_inline void ev_iov_data(struct builder *b, const u64 *a, u64 limit)
{
	struct iovec_k iov = {};
	if (a[2] == 0 || fnet_read_user(&iov, sizeof(iov), (const void *)a[1]) < 0) {
		ev_empty(b);
		return;
	}
	ev_bytes_user(b, (const void *)iov.base, iov.len < limit ? iov.len : limit);
}

static __always_inline void fill_readv(struct builder *b, const u64 *a, int exit, long ret)
{
	if (exit) {
		ev_u64(b, (u64)ret);
		ev_u32(b, ret > 0 ? (u32)ret : 0);
		ev_iov_data(b, a, ret > 0 ? (u64)ret : 0);
	}
	ev_u64(b, (u64)fd_arg(a[0]));
}

static __always_inline void fill_writev(struct builder *b, const u64 *a, int exit, long ret)
{
	if (exit) {
		ev_u64(b, (u64)ret);
		ev_iov_data(b, a, (u64)-1);
	}
	ev_u64(b, (u64)fd_arg(a[0]));
	struct iovec_k iov = {};
	fnet_read_user(&iov, sizeof(iov), (const void *)a[1]);
	ev_u32(b, (u32)iov.len); /* size of the first buffer */
}

/* pipe/pipe2 exit: res, fd1, fd2, ino. */
static __always_inline void fill_pipe_x(struct builder *b, const u64 *a, long ret)
{
	s32 fds[2] = {-1, -1};
	if (ret == 0)
		fnet_read_user(fds, sizeof(fds), (const void *)a[0]);
	ev_u64(b, (u64)ret);
	ev_u64(b, (u64)(s64)fds[0]);
	ev_u64(b, (u64)(s64)fds[1]);
	u32 dev;
	u64 ino;
	fnet_fd_dev_ino(ret == 0 ? fds[0] : -1, &dev, &ino);
	ev_u64(b, ino);
}

/* chdir exit: res, path. unlink/rmdir exit: res, path. */
static __always_inline void fill_res_path(struct builder *b, const u64 *a, long ret)
{
	ev_u64(b, (u64)ret);
	ev_str_user(b, (const void *)a[0]);
}

/* mkdir: enter mode; exit res, path, mode. */
static __always_inline void fill_mkdir_x(struct builder *b, const u64 *a, long ret)
{
	ev_u64(b, (u64)ret);
	ev_str_user(b, (const void *)a[0]);
	ev_u32(b, (u32)a[1]);
}

/* unlinkat / mkdirat exit: res, dirfd, path, flags-or-mode. */
static __always_inline void fill_at_path_x(struct builder *b, const u64 *a, long ret, int is_unlink)
{
	ev_u64(b, (u64)ret);
	ev_u64(b, (u64)fd_arg(a[0]));
	ev_str_user(b, (const void *)a[1]);
	ev_u32(b, is_unlink ? ((a[2] & 0x200) ? 1 : 0) : (u32)a[2]); /* AT_REMOVEDIR -> 1 */
}

#endif
