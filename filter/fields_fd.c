/*
 * The fd field class (fd.*): the file descriptor an event refers to, its
 * name, type and socket addresses, with sysdig 0.29.3's rules.
 *
 * Only events whose type creates, uses or destroys an fd have these fields.
 * The fd is the thread's "last event fd" as sysdig keeps it: an enter event
 * sets it to its first parameter when the call uses an fd, else to -1; an
 * exit event keeps the value of the thread's last enter event (0 when the
 * thread has had none), unless the call created an fd, which then becomes the
 * last event fd (open, socket, accept, pipe, dup, ... on success). So the exit
 * of a read shows the fd of its enter, and the enter of an open shows -1.
 *
 * fd.name is the name of that fd in the thread's fd table. When the table has
 * no such fd, exit events of fd-creating calls fall back to the name in their
 * parameters (the path of a failed open, the tuple of a failed connect); other
 * exit events have an empty name and enter events none.
 */
#include <arpa/inet.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "compare_ip.h"
#include "event_format.h"
#include "fields_common.h"
#include "path_util.h"

#define PPM_AF_UNIX 1
#define PPM_AF_INET 2
#define PPM_AF_INET6 10
#define PPM_AT_FDCWD (-100)
#define NO_ENTER 0xffff

#define param_int fnet_param_int

/* The thread's last enter event when it is the enter of the exit `ev`. */
static const struct fnet_event *matching_enter(const struct fnet_thread *t,
					       const struct fnet_event *ev)
{
	return t->enter_type != NO_ENTER && t->enter_type == (uint16_t)(ev->type - 1) ? &t->enter
										      : NULL;
}

/* The fd an enter event names: its first parameter when the call uses an fd, else -1. */
static int64_t enter_fd(const struct fnet_event *e)
{
	if (!(fnet_sysdig_fd_flags(e->type) & FNET_EF_USES_FD) || e->nparams == 0)
		return -1;
	return fnet_event_param_s64(e, 0);
}

/* For the exit `ev`: the fd its call created (or, for a few calls, named), if any. */
static int exit_new_fd(const struct fnet_event *ev, const struct fnet_thread *t, int64_t *fd)
{
	int64_t res;
	const struct fnet_event *e;
	switch (ev->type) {
	case FNET_EV_SYSCALL_OPEN_X:
	case FNET_EV_SYSCALL_CREAT_X:
	case FNET_EV_SYSCALL_OPENAT_X:
	case FNET_EV_SYSCALL_OPENAT_2_X:
	case FNET_EV_SYSCALL_OPENAT2_X:
	case FNET_EV_SYSCALL_OPEN_BY_HANDLE_AT_X:
	case FNET_EV_SOCKET_ACCEPT_X:
	case FNET_EV_SOCKET_ACCEPT_5_X:
	case FNET_EV_SOCKET_ACCEPT4_X:
	case FNET_EV_SOCKET_ACCEPT4_5_X:
	case FNET_EV_SOCKET_ACCEPT4_6_X:
		return param_int(ev, FNET_PN_FD, fd) && *fd >= 0;
	case FNET_EV_SOCKET_SOCKET_X:
		/* sysdig adds the socket only when it has the enter event */
		return matching_enter(t, ev) && param_int(ev, FNET_PN_FD, fd) && *fd >= 0;
	case FNET_EV_SYSCALL_PIPE_X:
	case FNET_EV_SYSCALL_PIPE2_X:
	case FNET_EV_SOCKET_SOCKETPAIR_X:
		/* both ends are added; the second one is the last */
		return param_int(ev, FNET_PN_RES, &res) && res >= 0 && param_int(ev, FNET_PN_FD2, fd);
	case FNET_EV_SYSCALL_EVENTFD_X:
	case FNET_EV_SYSCALL_EVENTFD2_X:
	case FNET_EV_SYSCALL_SIGNALFD_X:
	case FNET_EV_SYSCALL_SIGNALFD4_X:
	case FNET_EV_SYSCALL_TIMERFD_CREATE_X:
	case FNET_EV_SYSCALL_INOTIFY_INIT_X:
	case FNET_EV_SYSCALL_INOTIFY_INIT1_X:
		return param_int(ev, FNET_PN_RES, fd) && *fd >= 0;
	case FNET_EV_SYSCALL_DUP_X:
	case FNET_EV_SYSCALL_DUP_1_X:
	case FNET_EV_SYSCALL_DUP2_X:
	case FNET_EV_SYSCALL_DUP3_X: {
		/* added only when the duplicated fd was known: sysdig stops at an unknown fd */
		const struct fnet_event *e = matching_enter(t, ev);
		if (!e || e->nparams == 0)
			return 0;
		return param_int(ev, FNET_PN_RES, fd) && *fd >= 0 &&
		       fnet_thread_fd(t, fnet_event_param_s64(e, 0));
	}
	case FNET_EV_SOCKET_GETSOCKOPT_X:
		return param_int(ev, FNET_PN_FD, fd);
	case FNET_EV_SYSCALL_COPY_FILE_RANGE_X:
		/* the output fd (second parameter), when the enter event matches */
		if (!(e = matching_enter(t, ev)) || ev->nparams < 2)
			return 0;
		*fd = fnet_event_param_s64(ev, 1);
		return 1;
	default:
		return 0;
	}
}

/* sysdig's m_lastevent_fd of the event's thread as the event sees it. */
int64_t fnet_event_fd_num(const struct fnet_event *ev, const struct fnet_thread *t)
{
	int64_t fd;
	if (fnet_event_is_enter(ev->type))
		return enter_fd(ev);
	if (exit_new_fd(ev, t, &fd))
		return fd;
	if (t->enter_type == NO_ENTER)
		return 0; /* a thread's initial value */
	return enter_fd(&t->enter);
}

/* Path parameter `i` of `ev` made absolute against the thread's cwd, as sysdig resolves it. */
static int path_from_param(const struct fnet_event *ev, uint32_t i, const struct fnet_thread *t,
			   struct fnet_field_value *out, char *scratch)
{
	size_t len;
	const char *p = fnet_param_text(ev, i, &len);
	if (len == 0 || (len >= 4 && memcmp(p, "<NA>", 4) == 0)) {
		out->str = p;
		out->len = (uint32_t)len;
		return 1;
	}
	fnet_path_resolve(scratch, FNET_FIELD_SCRATCH_SIZE, t->cwd.ptr ? t->cwd.ptr : "", p, len);
	return fnet_value_cstr(out, scratch);
}

/* Path `name` of an openat-family call made absolute against its dirfd. */
static int path_from_dirfd(const char *name, size_t len, int64_t dirfd,
			   const struct fnet_thread *t, struct fnet_field_value *out, char *scratch)
{
	const char *base;
	char dir[FNET_PATH_MAX];
	if (len && name[0] == '/') {
		base = "";
	} else if (dirfd == PPM_AT_FDCWD) {
		base = t->cwd.ptr ? t->cwd.ptr : "";
	} else {
		const struct fnet_fd *d = fnet_thread_fd(t, dirfd);
		snprintf(dir, sizeof(dir), "%s/", d ? (d->name.ptr ? d->name.ptr : "") : "<UNKNOWN>");
		base = dir;
	}
	fnet_path_resolve(scratch, FNET_FIELD_SCRATCH_SIZE, base, name, len);
	return fnet_value_cstr(out, scratch);
}

static size_t put_ipv4(char *out, size_t size, const uint8_t *ip, uint16_t port)
{
	int n = snprintf(out, size, "%u.%u.%u.%u:%u", ip[0], ip[1], ip[2], ip[3], port);
	return n < 0 ? 0 : (size_t)n >= size ? size - 1 : (size_t)n;
}

static int is_v4_mapped(const uint8_t *a)
{
	for (int i = 0; i < 10; i++)
		if (a[i])
			return 0;
	if (a[10] == 0xff && a[11] == 0xff)
		return 1;
	return !a[10] && !a[11] && !a[12] && !a[13] && !a[14] && !a[15];
}

/* A socket tuple parameter as sysdig prints it (no name resolution). */
static int tuple_from_param(const struct fnet_event *ev, uint32_t i, struct fnet_field_value *out,
			    char *scratch)
{
	const size_t cap = FNET_FIELD_SCRATCH_SIZE;
	if (i >= ev->nparams || ev->param_len[i] == 0)
		return fnet_value_cstr(out, "NULL");
	const uint8_t *p = ev->param[i];
	uint32_t len = ev->param_len[i];
	size_t n;
	switch (p[0]) {
	case PPM_AF_INET:
		if (len != 13)
			return fnet_value_cstr(out, "INVALID IPv4");
		n = put_ipv4(scratch, cap, p + 1, fnet_get_u16(p + 5));
		n += (size_t)snprintf(scratch + n, cap - n, "->");
		put_ipv4(scratch + n, cap - n, p + 7, fnet_get_u16(p + 11));
		return fnet_value_cstr(out, scratch);
	case PPM_AF_INET6: {
		if (len != 37)
			return fnet_value_cstr(out, "INVALID IPv6");
		if (is_v4_mapped(p + 1) && is_v4_mapped(p + 19)) {
			n = put_ipv4(scratch, cap, p + 13, fnet_get_u16(p + 17));
			n += (size_t)snprintf(scratch + n, cap - n, "->");
			put_ipv4(scratch + n, cap - n, p + 31, fnet_get_u16(p + 35));
			return fnet_value_cstr(out, scratch);
		}
		char s[INET6_ADDRSTRLEN], d[INET6_ADDRSTRLEN];
		if (!inet_ntop(AF_INET6, p + 1, s, sizeof(s)) || !inet_ntop(AF_INET6, p + 19, d, sizeof(d)))
			return fnet_value_cstr(out, "INVALID IPv6");
		snprintf(scratch, cap, "%s:%u->%s:%u", s, fnet_get_u16(p + 17), d, fnet_get_u16(p + 35));
		return fnet_value_cstr(out, scratch);
	}
	case PPM_AF_UNIX: {
		if (len < 17)
			return fnet_value_cstr(out, "");
		const char *path = (const char *)p + 17;
		const char *z = memchr(path, 0, len - 17);
		int plen = (int)(z ? (size_t)(z - path) : len - 17);
		snprintf(scratch, cap, "%" PRIx64 "->%" PRIx64 " %.*s", fnet_get_u64(p + 1),
			 fnet_get_u64(p + 9), plen, path);
		return fnet_value_cstr(out, scratch);
	}
	default:
		snprintf(scratch, cap, "family %d", (int)p[0]);
		return fnet_value_cstr(out, scratch);
	}
}

/* fd.name of an event whose fd is not in the table. */
static int name_without_fd(const struct fnet_event *ev, const struct fnet_thread *t,
			   struct fnet_field_value *out, char *scratch)
{
	const struct fnet_event *e;
	const char *name;
	size_t len;
	int64_t dirfd;
	if (fnet_event_is_enter(ev->type))
		return 0;
	switch (ev->type) {
	case FNET_EV_SYSCALL_OPEN_X:
	case FNET_EV_SYSCALL_CREAT_X:
		return path_from_param(ev, 1, t, out, scratch);
	case FNET_EV_SOCKET_ACCEPT_X:
	case FNET_EV_SOCKET_ACCEPT_5_X:
	case FNET_EV_SOCKET_ACCEPT4_X:
	case FNET_EV_SOCKET_ACCEPT4_5_X:
	case FNET_EV_SOCKET_CONNECT_X:
		return tuple_from_param(ev, 1, out, scratch);
	case FNET_EV_SYSCALL_OPENAT_X:
		/* the old openat exit carries only the fd: name and dirfd are in the enter event */
		if (!(e = matching_enter(t, ev)) || e->nparams < 2)
			return 0;
		name = fnet_param_text(e, 1, &len);
		dirfd = fnet_event_param_s64(e, 0);
		return path_from_dirfd(name, len, dirfd, t, out, scratch);
	case FNET_EV_SYSCALL_OPENAT_2_X:
	case FNET_EV_SYSCALL_OPENAT2_X:
		if (ev->nparams < 3)
			return fnet_value_cstr(out, "");
		name = fnet_param_text(ev, 2, &len);
		dirfd = fnet_event_param_s64(ev, 1);
		return path_from_dirfd(name, len, dirfd, t, out, scratch);
	default:
		return fnet_value_cstr(out, "");
	}
}

/*
 * The fd of the event as sysdig's fd fields see it: the event must have fd
 * flags and a thread; *fd is the thread's last event fd and the return value
 * its entry in the fd table (NULL when unknown).
 */
static int event_fd(const struct fnet_eval_ctx *ctx, int64_t *fd, const struct fnet_fd **f)
{
	const struct fnet_event *ev = ctx->ev;
	if (!ctx->thread || !ev->info || !fnet_sysdig_fd_flags(ev->type))
		return 0;
	*fd = fnet_event_fd_num(ev, ctx->thread);
	*f = *fd != -1 ? fnet_thread_fd(ctx->thread, *fd) : NULL;
	return 1;
}

int fnet_event_fd_entry(const struct fnet_eval_ctx *ctx, int64_t *fd, const struct fnet_fd **f)
{
	return event_fd(ctx, fd, f);
}

/* fd.num */
static int extract_num(const struct fnet_eval_ctx *ctx, const struct fnet_field_arg *arg,
		       struct fnet_field_value *out, char *scratch)
{
	(void)arg;
	(void)scratch;
	int64_t fd;
	const struct fnet_fd *f;
	if (!event_fd(ctx, &fd, &f))
		return 0;
	out->i64 = fd;
	return 1;
}

/*
 * The fd's name as fd.name gives it: the table entry's, else (a failed call)
 * the name in the event's parameters. 0 for enter events without a known fd.
 */
static int fd_name(const struct fnet_eval_ctx *ctx, struct fnet_field_value *out, char *scratch)
{
	const struct fnet_event *ev = ctx->ev;
	int64_t fd, res;
	const struct fnet_fd *f;
	if (!event_fd(ctx, &fd, &f))
		return 0;
	/* a failed connect is named by the tuple it tried */
	if (f && ev->type == FNET_EV_SOCKET_CONNECT_X && param_int(ev, FNET_PN_RES, &res) && res < 0)
		f = NULL;
	if (!f)
		return name_without_fd(ev, ctx->thread, out, scratch);
	return fnet_value_fstr(out, &f->name);
}

int fnet_event_fd_name(const struct fnet_eval_ctx *ctx, struct fnet_field_value *out, char *scratch)
{
	return fd_name(ctx, out, scratch);
}

/* fd.name */
static int extract_name(const struct fnet_eval_ctx *ctx, const struct fnet_field_arg *arg,
			struct fnet_field_value *out, char *scratch)
{
	(void)arg;
	return fd_name(ctx, out, scratch);
}

/* The fd's entry in the table, for the fields that need one. */
static const struct fnet_fd *table_fd(const struct fnet_eval_ctx *ctx)
{
	int64_t fd;
	const struct fnet_fd *f;
	return event_fd(ctx, &fd, &f) ? f : NULL;
}

/* fd.type: file, directory, ipv4, ipv6, unix, pipe, event, signalfd, ... */
static int extract_type(const struct fnet_eval_ctx *ctx, const struct fnet_field_arg *arg,
			struct fnet_field_value *out, char *scratch)
{
	(void)arg;
	(void)scratch;
	static const char *const names[] = {
		[FNET_FDR_FILE] = "file",         [FNET_FDR_FILE_V2] = "file",
		[FNET_FDR_DIRECTORY] = "directory", [FNET_FDR_IPV4_SOCK] = "ipv4",
		[FNET_FDR_IPV4_SERVSOCK] = "ipv4", [FNET_FDR_IPV6_SOCK] = "ipv6",
		[FNET_FDR_IPV6_SERVSOCK] = "ipv6", [FNET_FDR_UNIX_SOCK] = "unix",
		[FNET_FDR_FIFO] = "pipe",          [FNET_FDR_EVENT] = "event",
		[FNET_FDR_SIGNALFD] = "signalfd",  [FNET_FDR_EVENTPOLL] = "eventpoll",
		[FNET_FDR_INOTIFY] = "inotify",    [FNET_FDR_TIMERFD] = "timerfd",
		[FNET_FDR_NETLINK] = "netlink",
	};
	const struct fnet_fd *f = table_fd(ctx);
	if (!f)
		return 0;
	const char *n = f->type < sizeof(names) / sizeof(names[0]) ? names[f->type] : NULL;
	return fnet_value_cstr(out, n ? n : "<NA>");
}

/*
 * fd.typechar: the type letter; for an fd not in the table, the letter of the
 * kind of fd the call creates (f for open, 4 for socket and accept, ...) or o.
 */
static int extract_typechar(const struct fnet_eval_ctx *ctx, const struct fnet_field_arg *arg,
			    struct fnet_field_value *out, char *scratch)
{
	(void)arg;
	int64_t fd;
	const struct fnet_fd *f;
	if (!event_fd(ctx, &fd, &f))
		return 0;
	char c;
	if (f) {
		c = fnet_fd_typechar(f);
	} else {
		switch (ctx->ev->type & ~1u) {
		case FNET_EV_SYSCALL_OPEN_E:
		case FNET_EV_SYSCALL_OPENAT_E:
		case FNET_EV_SYSCALL_OPENAT_2_E:
		case FNET_EV_SYSCALL_OPENAT2_E:
		case FNET_EV_SYSCALL_CREAT_E:
			c = 'f';
			break;
		case FNET_EV_SOCKET_SOCKET_E:
		case FNET_EV_SOCKET_ACCEPT_E:
		case FNET_EV_SOCKET_ACCEPT_5_E:
		case FNET_EV_SOCKET_ACCEPT4_E:
		case FNET_EV_SOCKET_ACCEPT4_5_E:
			c = '4';
			break;
		case FNET_EV_SYSCALL_PIPE_E:
			c = 'p';
			break;
		case FNET_EV_SYSCALL_EVENTFD_E:
			c = 'e';
			break;
		case FNET_EV_SYSCALL_SIGNALFD_E:
			c = 's';
			break;
		case FNET_EV_SYSCALL_TIMERFD_CREATE_E:
			c = 't';
			break;
		case FNET_EV_SYSCALL_INOTIFY_INIT_E:
			c = 'i';
			break;
		default:
			c = 'o';
			break;
		}
	}
	scratch[0] = c;
	out->str = scratch;
	out->len = 1;
	return 1;
}

static int is_file(const struct fnet_fd *f)
{
	return f->type == FNET_FDR_FILE || f->type == FNET_FDR_FILE_V2;
}

/* The directory part of path `v` as sysdig cuts it: up to the last '/', or "/". */
static void dirname_of(struct fnet_field_value *v)
{
	const char *slash = v->len ? memrchr(v->str, '/', v->len) : NULL;
	if (!slash || slash == v->str) {
		v->str = "/";
		v->len = 1;
	} else if ((uint32_t)(slash - v->str) < v->len - 1) {
		v->len = (uint32_t)(slash - v->str);
	}
}

/*
 * fd.directory: for files the directory holding them, for directories their
 * name; for a failed open, the directory of the path it tried.
 */
static int fd_directory(const struct fnet_eval_ctx *ctx, struct fnet_field_value *out, char *scratch)
{
	int64_t fd;
	const struct fnet_fd *f;
	if (!event_fd(ctx, &fd, &f))
		return 0;
	if (!f) {
		if (!fd_name(ctx, out, scratch))
			return 0;
		dirname_of(out);
		return 1;
	}
	if (!is_file(f) && f->type != FNET_FDR_DIRECTORY)
		return 0;
	fnet_value_fstr(out, &f->name);
	if (is_file(f))
		dirname_of(out);
	return 1;
}

static int extract_directory(const struct fnet_eval_ctx *ctx, const struct fnet_field_arg *arg,
			     struct fnet_field_value *out, char *scratch)
{
	(void)arg;
	return fd_directory(ctx, out, scratch);
}

/* fd.filename: for files, the name without the directory. */
static int extract_filename(const struct fnet_eval_ctx *ctx, const struct fnet_field_arg *arg,
			    struct fnet_field_value *out, char *scratch)
{
	(void)arg;
	(void)scratch;
	const struct fnet_fd *f = table_fd(ctx);
	if (!f || !is_file(f))
		return 0;
	fnet_value_fstr(out, &f->name);
	const char *slash = out->len ? memrchr(out->str, '/', out->len) : NULL;
	if (!slash)
		return fnet_value_cstr(out, "/");
	if ((uint32_t)(slash - out->str) < out->len - 1) {
		out->len -= (uint32_t)(slash - out->str) + 1;
		out->str = slash + 1;
	}
	return 1;
}

static int is_sock(const struct fnet_fd *f)
{
	return f->type == FNET_FDR_IPV4_SOCK || f->type == FNET_FDR_IPV6_SOCK;
}

static int is_servsock(const struct fnet_fd *f)
{
	return f->type == FNET_FDR_IPV4_SERVSOCK || f->type == FNET_FDR_IPV6_SERVSOCK;
}

static int ip_len(const struct fnet_fd *f)
{
	return f->type == FNET_FDR_IPV4_SOCK || f->type == FNET_FDR_IPV4_SERVSOCK ? 4 : 16;
}

static int set_ip(struct fnet_field_value *out, const struct fnet_fd *f, const uint8_t *ip)
{
	out->str = (const char *)ip;
	out->len = (uint32_t)ip_len(f);
	return 1;
}

/*
 * Whether `ip` is an address of this machine, which decides the local and
 * remote sides. sysdig looks it up in the interface list of the trace; the
 * state does not keep that list (falconet-capture writes none), so no
 * address is local, as for sysdig on traces without an interface list.
 */
static int is_local_ip(const struct fnet_eval_ctx *ctx, const struct fnet_fd *f, const uint8_t *ip)
{
	(void)ctx;
	(void)f;
	(void)ip;
	return 0;
}

/* The fd of a connected IP socket with a role (client or server), else NULL. */
static const struct fnet_fd *connection(const struct fnet_eval_ctx *ctx)
{
	const struct fnet_fd *f = table_fd(ctx);
	return f && is_sock(f) && f->role != FNET_FD_ROLE_NONE ? f : NULL;
}

/* fd.cip, fd.cnet: the client address of a connection. */
static int extract_cip(const struct fnet_eval_ctx *ctx, const struct fnet_field_arg *arg,
		       struct fnet_field_value *out, char *scratch)
{
	(void)arg;
	(void)scratch;
	const struct fnet_fd *f = connection(ctx);
	return f && set_ip(out, f, f->sip);
}

/* fd.sip, fd.snet: the server address of a connection, or the address a server socket is bound to. */
static int extract_sip(const struct fnet_eval_ctx *ctx, const struct fnet_field_arg *arg,
		       struct fnet_field_value *out, char *scratch)
{
	(void)arg;
	(void)scratch;
	const struct fnet_fd *f = table_fd(ctx);
	if (!f || f->role == FNET_FD_ROLE_NONE)
		return 0;
	if (is_sock(f))
		return set_ip(out, f, f->dip);
	if (is_servsock(f))
		return set_ip(out, f, f->sip);
	return 0;
}

/* Whether the client side of connection `f` is this machine. */
static int client_is_local(const struct fnet_eval_ctx *ctx, const struct fnet_fd *f)
{
	return is_local_ip(ctx, f, f->sip);
}

/* fd.lip, fd.lnet: the local address of a connection. */
static int extract_lip(const struct fnet_eval_ctx *ctx, const struct fnet_field_arg *arg,
		       struct fnet_field_value *out, char *scratch)
{
	(void)arg;
	(void)scratch;
	const struct fnet_fd *f = connection(ctx);
	return f && set_ip(out, f, client_is_local(ctx, f) ? f->sip : f->dip);
}

/* fd.rip, fd.rnet: the remote address of a connection. */
static int extract_rip(const struct fnet_eval_ctx *ctx, const struct fnet_field_arg *arg,
		       struct fnet_field_value *out, char *scratch)
{
	(void)arg;
	(void)scratch;
	const struct fnet_fd *f = connection(ctx);
	return f && set_ip(out, f, client_is_local(ctx, f) ? f->dip : f->sip);
}

static int set_port(struct fnet_field_value *out, uint16_t port)
{
	out->u64 = port;
	return 1;
}

/* fd.cport: the client port of a connection. */
static int extract_cport(const struct fnet_eval_ctx *ctx, const struct fnet_field_arg *arg,
			 struct fnet_field_value *out, char *scratch)
{
	(void)arg;
	(void)scratch;
	const struct fnet_fd *f = connection(ctx);
	return f && set_port(out, f->sport);
}

/* fd.sport: the server port of a connection, or the port a server socket is bound to. */
static int extract_sport(const struct fnet_eval_ctx *ctx, const struct fnet_field_arg *arg,
			 struct fnet_field_value *out, char *scratch)
{
	(void)arg;
	(void)scratch;
	const struct fnet_fd *f = table_fd(ctx);
	if (!f)
		return 0;
	if (is_servsock(f))
		return set_port(out, f->sport);
	return is_sock(f) && f->role != FNET_FD_ROLE_NONE && set_port(out, f->dport);
}

static int extract_lport(const struct fnet_eval_ctx *ctx, const struct fnet_field_arg *arg,
			 struct fnet_field_value *out, char *scratch)
{
	(void)arg;
	(void)scratch;
	const struct fnet_fd *f = connection(ctx);
	return f && set_port(out, client_is_local(ctx, f) ? f->sport : f->dport);
}

static int extract_rport(const struct fnet_eval_ctx *ctx, const struct fnet_field_arg *arg,
			 struct fnet_field_value *out, char *scratch)
{
	(void)arg;
	(void)scratch;
	const struct fnet_fd *f = connection(ctx);
	return f && set_port(out, client_is_local(ctx, f) ? f->dport : f->sport);
}

/*
 * fd.ip, fd.net, fd.port, fd.proto (filter only): the values of both sides,
 * whatever the role. Value 0 (or no argument): the client side of a
 * connection, the bound address of a server socket; value 1: the server side
 * of a connection.
 */
static int side(const struct fnet_field_arg *arg)
{
	return arg->has && arg->is_index ? (int)arg->index : 0;
}

static int extract_ip(const struct fnet_eval_ctx *ctx, const struct fnet_field_arg *arg,
		      struct fnet_field_value *out, char *scratch)
{
	(void)scratch;
	const struct fnet_fd *f = table_fd(ctx);
	if (!f)
		return 0;
	if (is_servsock(f))
		return side(arg) == 0 && set_ip(out, f, f->sip);
	return is_sock(f) && side(arg) <= 1 && set_ip(out, f, side(arg) ? f->dip : f->sip);
}

static int extract_port(const struct fnet_eval_ctx *ctx, const struct fnet_field_arg *arg,
			struct fnet_field_value *out, char *scratch)
{
	(void)scratch;
	const struct fnet_fd *f = table_fd(ctx);
	if (!f || side(arg) > 1)
		return 0;
	if (is_servsock(f))
		return set_port(out, f->sport);
	return is_sock(f) && set_port(out, side(arg) ? f->dport : f->sport);
}

/* fd.l4proto: tcp, udp, icmp, raw; "<NA>" for sockets without a role and other fds. */
static int extract_l4proto(const struct fnet_eval_ctx *ctx, const struct fnet_field_arg *arg,
			   struct fnet_field_value *out, char *scratch)
{
	(void)arg;
	(void)scratch;
	const struct fnet_fd *f = table_fd(ctx);
	if (!f)
		return 0;
	uint8_t p = 1; /* SCAP_L4_NA */
	if (is_servsock(f))
		p = f->l4proto;
	else if (is_sock(f))
		p = f->l4proto == 5 ? 5 : f->role == FNET_FD_ROLE_NONE ? 1 : f->l4proto;
	switch (p) {
	case 2:
		return fnet_value_cstr(out, "tcp");
	case 3:
		return fnet_value_cstr(out, "udp");
	case 4:
		return fnet_value_cstr(out, "icmp");
	case 5:
		return fnet_value_cstr(out, "raw");
	default:
		return fnet_value_cstr(out, "<NA>");
	}
}

/* fd.sockfamily: ip or unix. */
static int extract_sockfamily(const struct fnet_eval_ctx *ctx, const struct fnet_field_arg *arg,
			      struct fnet_field_value *out, char *scratch)
{
	(void)arg;
	(void)scratch;
	const struct fnet_fd *f = table_fd(ctx);
	if (!f)
		return 0;
	if (fnet_fd_is_ip(f))
		return fnet_value_cstr(out, "ip");
	if (f->type == FNET_FDR_UNIX_SOCK)
		return fnet_value_cstr(out, "unix");
	return 0;
}

/* fd.is_server: server sockets, and connections whose server address is this machine's. */
static int extract_is_server(const struct fnet_eval_ctx *ctx, const struct fnet_field_arg *arg,
			     struct fnet_field_value *out, char *scratch)
{
	(void)arg;
	(void)scratch;
	const struct fnet_fd *f = table_fd(ctx);
	if (!f)
		return 0;
	if (is_servsock(f))
		return fnet_value_bool(out, 1);
	return fnet_value_bool(out, is_sock(f) && is_local_ip(ctx, f, f->dip));
}

/* fd.uid: the thread id followed by the fd number, as one string ("12345" "3"). */
static int extract_uid(const struct fnet_eval_ctx *ctx, const struct fnet_field_arg *arg,
		       struct fnet_field_value *out, char *scratch)
{
	(void)arg;
	int64_t fd;
	const struct fnet_fd *f;
	if (ctx->ev->type == FNET_EV_CONTAINER_JSON_E || ctx->ev->type == FNET_EV_CONTAINER_JSON_2_E ||
	    !event_fd(ctx, &fd, &f))
		return 0;
	snprintf(scratch, 64, "%" PRId64 "%" PRId64, ctx->thread->tid, fd);
	return fnet_value_cstr(out, scratch);
}

/* "<container id>:<value>" ("host" containers count as none: ":<value>"). */
static int prefix_container(const struct fnet_eval_ctx *ctx, struct fnet_field_value *v,
			    struct fnet_field_value *out, char *scratch)
{
	struct fnet_field_value id;
	char idbuf[64];
	size_t n = 0;
	if (fnet_container_id(ctx->thread, &id) && !(id.len == 4 && memcmp(id.str, "host", 4) == 0)) {
		n = id.len < 63 ? id.len : 63;
		memcpy(idbuf, id.str, n);
	}
	size_t vl = v->len < FNET_FIELD_SCRATCH_SIZE - n - 1 ? v->len : FNET_FIELD_SCRATCH_SIZE - n - 1;
	memmove(scratch + n + 1, v->str, vl);
	memcpy(scratch, idbuf, n);
	scratch[n] = ':';
	out->str = scratch;
	out->len = (uint32_t)(n + 1 + vl);
	return 1;
}

static int extract_containername(const struct fnet_eval_ctx *ctx, const struct fnet_field_arg *arg,
				 struct fnet_field_value *out, char *scratch)
{
	(void)arg;
	struct fnet_field_value v;
	return fd_name(ctx, &v, scratch) && prefix_container(ctx, &v, out, scratch);
}

static int extract_containerdirectory(const struct fnet_eval_ctx *ctx,
				      const struct fnet_field_arg *arg,
				      struct fnet_field_value *out, char *scratch)
{
	(void)arg;
	struct fnet_field_value v;
	return fd_directory(ctx, &v, scratch) && prefix_container(ctx, &v, out, scratch);
}

/*
 * fd.name_changed: whether the event gave its fd a new name: the exit of a
 * call that created or (re)named it (open, accept, connect, ...) with a
 * non-empty name; "false" for the other events with a known fd. (sysdig
 * 0.29.3 sets it after running filters: in its filters it is always false.)
 */
static int extract_name_changed(const struct fnet_eval_ctx *ctx, const struct fnet_field_arg *arg,
				struct fnet_field_value *out, char *scratch)
{
	(void)arg;
	(void)scratch;
	const struct fnet_event *ev = ctx->ev;
	int64_t fd, res;
	const struct fnet_fd *f;
	if (!event_fd(ctx, &fd, &f) || !f)
		return 0;
	int changed = 0;
	if (!fnet_event_is_enter(ev->type) && f->name.len) {
		switch (ev->type) {
		case FNET_EV_SYSCALL_OPEN_X:
		case FNET_EV_SYSCALL_CREAT_X:
		case FNET_EV_SYSCALL_OPENAT_X:
		case FNET_EV_SYSCALL_OPENAT_2_X:
		case FNET_EV_SYSCALL_OPENAT2_X:
		case FNET_EV_SYSCALL_OPEN_BY_HANDLE_AT_X:
		case FNET_EV_SOCKET_ACCEPT_X:
		case FNET_EV_SOCKET_ACCEPT_5_X:
		case FNET_EV_SOCKET_ACCEPT4_X:
		case FNET_EV_SOCKET_ACCEPT4_5_X:
		case FNET_EV_SOCKET_ACCEPT4_6_X:
			changed = 1;
			break;
		case FNET_EV_SOCKET_CONNECT_X:
			changed = param_int(ev, FNET_PN_RES, &res) && (res >= 0 || res == -115);
			break;
		default:
			break;
		}
	}
	return fnet_value_bool(out, changed);
}

#define BOOL_FIELD(n, d, fn) {n, FNET_FIELD_STRING, d, fn, fnet_check_bool, FNET_ARG_NONE}

static const struct fnet_field_def fd_fields[] = {
	{"fd.num", FNET_FIELD_INT64, "number of the file descriptor the event refers to", extract_num,
	 NULL, FNET_ARG_NONE},
	{"fd.type", FNET_FIELD_STRING,
	 "type of fd: file, directory, ipv4, ipv6, unix, pipe, event, signalfd, eventpoll, "
	 "inotify, timerfd, netlink",
	 extract_type, NULL, FNET_ARG_NONE},
	{"fd.typechar", FNET_FIELD_STRING,
	 "type of fd as a single character: f file, d directory, 4 IPv4, 6 IPv6, u unix socket, "
	 "p pipe, e eventfd, s signalfd, l eventpoll, i inotify, t timerfd, n netlink, o unknown",
	 extract_typechar, NULL, FNET_ARG_NONE},
	{"fd.name", FNET_FIELD_STRING,
	 "full name of the file descriptor: a file's path, a socket's connection tuple",
	 extract_name, NULL, FNET_ARG_NONE},
	{"fd.directory", FNET_FIELD_STRING, "for files, the directory that contains the file",
	 extract_directory, NULL, FNET_ARG_NONE},
	{"fd.filename", FNET_FIELD_STRING, "for files, the file name without the path",
	 extract_filename, NULL, FNET_ARG_NONE},
	{"fd.ip", FNET_FIELD_IPADDR,
	 "(FILTER ONLY) matches the IP address of either side (client or server) of the fd",
	 extract_ip, NULL, FNET_ARG_NONE},
	{"fd.cip", FNET_FIELD_IPADDR, "client IP address", extract_cip, NULL, FNET_ARG_NONE},
	{"fd.sip", FNET_FIELD_IPADDR, "server IP address", extract_sip, NULL, FNET_ARG_NONE},
	{"fd.lip", FNET_FIELD_IPADDR, "local IP address", extract_lip, NULL, FNET_ARG_NONE},
	{"fd.rip", FNET_FIELD_IPADDR, "remote IP address", extract_rip, NULL, FNET_ARG_NONE},
	{"fd.port", FNET_FIELD_UINT64,
	 "(FILTER ONLY) matches the port of either side (client or server) of the fd",
	 extract_port, NULL, FNET_ARG_NONE},
	{"fd.cport", FNET_FIELD_UINT64, "for TCP/UDP fds, the client port", extract_cport, NULL,
	 FNET_ARG_NONE},
	{"fd.sport", FNET_FIELD_UINT64, "for TCP/UDP fds, the server port", extract_sport, NULL,
	 FNET_ARG_NONE},
	{"fd.lport", FNET_FIELD_UINT64, "for TCP/UDP fds, the local port", extract_lport, NULL,
	 FNET_ARG_NONE},
	{"fd.rport", FNET_FIELD_UINT64, "for TCP/UDP fds, the remote port", extract_rport, NULL,
	 FNET_ARG_NONE},
	{"fd.l4proto", FNET_FIELD_STRING, "IP protocol of a socket: tcp, udp, icmp or raw",
	 extract_l4proto, NULL, FNET_ARG_NONE},
	{"fd.sockfamily", FNET_FIELD_STRING, "socket family of socket fds: ip or unix",
	 extract_sockfamily, NULL, FNET_ARG_NONE},
	BOOL_FIELD("fd.is_server",
		   "'true' if the process owning this fd is the server endpoint of the connection",
		   extract_is_server),
	{"fd.uid", FNET_FIELD_STRING,
	 "unique identifier of the fd: the thread id and the fd number chained", extract_uid, NULL,
	 FNET_ARG_NONE},
	{"fd.containername", FNET_FIELD_STRING,
	 "the container id and the fd name chained: CONTAINER:NAME", extract_containername, NULL,
	 FNET_ARG_NONE},
	{"fd.containerdirectory", FNET_FIELD_STRING,
	 "the container id and the directory name chained: CONTAINER:DIRECTORY",
	 extract_containerdirectory, NULL, FNET_ARG_NONE},
	{"fd.net", FNET_FIELD_IPNET,
	 "(FILTER ONLY) matches the IP network of either side (client or server) of the fd: "
	 "fd.net=10.0.0.0/8",
	 extract_ip, NULL, FNET_ARG_NONE},
	{"fd.cnet", FNET_FIELD_IPNET, "(FILTER ONLY) matches the client IP network of the fd",
	 extract_cip, NULL, FNET_ARG_NONE},
	{"fd.snet", FNET_FIELD_IPNET, "(FILTER ONLY) matches the server IP network of the fd",
	 extract_sip, NULL, FNET_ARG_NONE},
	{"fd.lnet", FNET_FIELD_IPNET, "(FILTER ONLY) matches the local IP network of the fd",
	 extract_lip, NULL, FNET_ARG_NONE},
	{"fd.rnet", FNET_FIELD_IPNET, "(FILTER ONLY) matches the remote IP network of the fd",
	 extract_rip, NULL, FNET_ARG_NONE},
	BOOL_FIELD("fd.name_changed",
		   "'true' when the event changes the name of the fd it uses (open, accept, "
		   "connect, ...)",
		   extract_name_changed),
};

const struct fnet_field_class fnet_fields_fd = {"fd", fd_fields,
						sizeof(fd_fields) / sizeof(fd_fields[0])};
