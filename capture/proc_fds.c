#include "proc_fds.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "proc_file.h"

/* scap open flags (driver/ppm_events_public.h PPM_O_*). */
enum {
	PPM_O_RDONLY = 1 << 0,
	PPM_O_WRONLY = 1 << 1,
	PPM_O_RDWR = PPM_O_RDONLY | PPM_O_WRONLY,
	PPM_O_CREAT = 1 << 2,
	PPM_O_APPEND = 1 << 3,
	PPM_O_DSYNC = 1 << 4,
	PPM_O_EXCL = 1 << 5,
	PPM_O_NONBLOCK = 1 << 6,
	PPM_O_SYNC = 1 << 7,
	PPM_O_TRUNC = 1 << 8,
	PPM_O_DIRECT = 1 << 9,
	PPM_O_DIRECTORY = 1 << 10,
	PPM_O_LARGEFILE = 1 << 11,
	PPM_O_CLOEXEC = 1 << 12,
	PPM_O_TMPFILE = 1 << 13,
};

uint32_t proc_open_flags_to_scap(uint64_t f)
{
	uint32_t r;
	switch (f & O_ACCMODE) {
	case O_WRONLY:
		r = PPM_O_WRONLY;
		break;
	case O_RDWR:
		r = PPM_O_RDWR;
		break;
	default:
		r = PPM_O_RDONLY;
		break;
	}
	static const struct {
		uint64_t linux_bits;
		uint32_t scap;
	} map[] = {
		{O_CREAT, PPM_O_CREAT},     {O_APPEND, PPM_O_APPEND},       {O_DSYNC, PPM_O_DSYNC},
		{O_EXCL, PPM_O_EXCL},       {O_NONBLOCK, PPM_O_NONBLOCK},   {O_SYNC, PPM_O_SYNC},
		{O_TRUNC, PPM_O_TRUNC},     {O_DIRECT, PPM_O_DIRECT},       {O_LARGEFILE, PPM_O_LARGEFILE},
		{O_CLOEXEC, PPM_O_CLOEXEC}, {O_TMPFILE, PPM_O_TMPFILE},
	};
	/* Multi-bit flags (O_SYNC includes O_DSYNC, O_TMPFILE includes O_DIRECTORY)
	 * count only when all their bits are there. */
	for (size_t i = 0; i < sizeof(map) / sizeof(map[0]); i++)
		if ((f & map[i].linux_bits) == map[i].linux_bits)
			r |= map[i].scap;
	if ((f & O_DIRECTORY) && (f & O_TMPFILE) != O_TMPFILE)
		r |= PPM_O_DIRECTORY;
	return r;
}

/* Reads the "flags:" line (octal) of fdinfo/N. Returns 0 when absent. */
static uint64_t fdinfo_flags(int pid_dirfd, const char *fdname)
{
	char path[32], buf[256];
	snprintf(path, sizeof(path), "fdinfo/%s", fdname);
	if (proc_read_str_at(pid_dirfd, path, buf, sizeof(buf)) <= 0)
		return 0;
	const char *p = proc_find_key(buf, "flags:");
	return p ? strtoull(p, NULL, 8) : 0;
}

/* The fd types named by anon_inode:NAME link targets. */
static uint8_t anon_inode_type(const char *name)
{
	static const struct {
		const char *name;
		uint8_t type;
	} kinds[] = {
		{"[eventfd]", FNET_FDR_EVENT},       {"[eventpoll]", FNET_FDR_EVENTPOLL},
		{"inotify", FNET_FDR_INOTIFY},       {"[signalfd]", FNET_FDR_SIGNALFD},
		{"[timerfd]", FNET_FDR_TIMERFD},     {"[io_uring]", FNET_FDR_IOURING},
		{"[userfaultfd]", FNET_FDR_USERFAULTFD}, {"[pidfd]", FNET_FDR_PIDFD},
		{"bpf-map", FNET_FDR_BPF},           {"bpf-prog", FNET_FDR_BPF},
		{"bpf-link", FNET_FDR_BPF},          {"bpf_iter", FNET_FDR_BPF},
	};
	for (size_t i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (strcmp(name, kinds[i].name) == 0)
			return kinds[i].type;
	/* "[eventfd:N]"-style names of newer kernels, "bpf-map"-like prefixes */
	if (strncmp(name, "[eventfd", 8) == 0)
		return FNET_FDR_EVENT;
	if (strncmp(name, "[pidfd", 6) == 0)
		return FNET_FDR_PIDFD;
	return FNET_FDR_UNSUPPORTED;
}

/* Parses "PREFIX[N]" link targets (socket:[N], pipe:[N]). */
static int bracket_ino(const char *link, const char *prefix, uint64_t *ino)
{
	size_t n = strlen(prefix);
	if (strncmp(link, prefix, n) != 0)
		return 0;
	char *end;
	*ino = strtoull(link + n, &end, 10);
	return *end == ']';
}

/* Fills `r` for fd `name` (already known to exist). Returns 1 to report, 0 to skip, -1 ENOMEM. */
static int classify(int pid_dirfd, int fd_dirfd, const char *name, uint64_t netns,
		    struct proc_sockets *socks, struct arena *arena, struct fnet_fd_record *r)
{
	char link[4096];
	ssize_t len = proc_readlink_at(fd_dirfd, name, link, sizeof(link));
	if (len < 0)
		return 0; /* closed meanwhile */
	const char *str = link;
	uint64_t ino;
	if (bracket_ino(link, "socket:[", &ino)) {
		r->ino = ino;
		errno = 0;
		const struct proc_socket *s = netns ? proc_sockets_find(socks, pid_dirfd, netns, ino) : NULL;
		if (!s && errno == ENOMEM)
			return -1;
		if (s) {
			r->type = s->type;
			r->l4proto = s->l4proto;
			memcpy(r->sip, s->sip, 16);
			memcpy(r->dip, s->dip, 16);
			r->sport = s->sport;
			r->dport = s->dport;
			r->unix_src = s->unix_src;
			r->name.ptr = s->path;
			r->name.len = s->path_len;
			return 1;
		}
		r->type = FNET_FDR_UNSUPPORTED;
	} else if (bracket_ino(link, "pipe:[", &ino)) {
		r->ino = ino;
		r->type = FNET_FDR_FIFO;
	} else if (strncmp(link, "anon_inode:", 11) == 0) {
		/* Named by type alone, as the events that create them leave them; kinds
		 * without a type old readers know keep their name ("[pidfd]", "bpf-map"). */
		r->type = anon_inode_type(link + 11);
		if (r->type > PROC_FDS_NEWEST_TYPE)
			r->type = FNET_FDR_UNSUPPORTED;
		str = r->type == FNET_FDR_UNSUPPORTED ? link + 11 : "";
	} else {
		/* memfds ("/memfd:NAME (deleted)") are files to old readers, as to libscap
		 * before FNET_FDR_MEMFD existed. */
		struct stat st;
		if (fstatat(fd_dirfd, name, &st, 0) < 0) {
			if (errno == ENOENT || errno == ESRCH)
				return 0;
			memset(&st, 0, sizeof(st)); /* e.g. a stale network file: keep the name */
			st.st_mode = S_IFREG;
		}
		r->ino = st.st_ino;
		switch (st.st_mode & S_IFMT) {
		case S_IFDIR:
			r->type = FNET_FDR_DIRECTORY;
			break;
		case S_IFIFO:
			r->type = FNET_FDR_FIFO;
			break;
		default:
			r->type = FNET_FDR_FILE_V2;
			r->open_flags = proc_open_flags_to_scap(fdinfo_flags(pid_dirfd, name));
			r->dev = (uint32_t)st.st_dev;
			break;
		}
	}
	size_t n = strlen(str);
	if (!(r->name.ptr = arena_copy(arena, str, n)))
		return -1;
	r->name.len = (uint32_t)n;
	return 1;
}

int proc_fds_scan(int pid_dirfd, uint64_t netns, struct proc_sockets *socks, struct arena *arena,
		  proc_fd_cb cb, void *ctx)
{
	int fd_dirfd = openat(pid_dirfd, "fd", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd_dirfd < 0)
		return -1;
	DIR *d = fdopendir(fd_dirfd);
	if (!d) {
		int e = errno;
		close(fd_dirfd);
		errno = e;
		return -1;
	}
	int count = 0;
	struct dirent *de;
	errno = 0;
	while ((de = readdir(d))) {
		if (de->d_name[0] < '0' || de->d_name[0] > '9')
			continue;
		struct fnet_fd_record r;
		memset(&r, 0, sizeof(r));
		r.fd = strtoll(de->d_name, NULL, 10);
		int rc = classify(pid_dirfd, fd_dirfd, de->d_name, netns, socks, arena, &r);
		if (rc < 0 || (rc > 0 && cb(ctx, &r) < 0)) {
			closedir(d);
			errno = ENOMEM;
			return -1;
		}
		count += rc;
		errno = 0;
	}
	int e = errno;
	closedir(d);
	if (e) {
		errno = e;
		return -1;
	}
	return count;
}
