/*
 * The fd field class: fd.num and fd.name, the file descriptor an event refers
 * to, with sysdig 0.29.3's rules.
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

#include "event_params.h"
#include "fields.h"
#include "path_util.h"

#define PPM_AF_UNIX 1
#define PPM_AF_INET 2
#define PPM_AF_INET6 10
#define PPM_AT_FDCWD (-100)
#define NO_ENTER 0xffff

/* Integer parameter `role` of `ev` when the record has it. */
static int param_int(const struct fnet_event *ev, enum fnet_param_role role, int64_t *v)
{
	int i = fnet_param_slot(ev->type, role);
	if (i < 0 || (uint32_t)i >= ev->nparams)
		return 0;
	*v = fnet_event_param_s64(ev, (uint32_t)i);
	return 1;
}

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
	case FNET_EV_SYSCALL_DUP3_X:
		/* added only when the duplicated fd was known */
		return param_int(ev, FNET_PN_RES, fd) && *fd >= 0 && fnet_thread_fd(t, *fd);
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
static int64_t last_event_fd(const struct fnet_event *ev, const struct fnet_thread *t)
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

/* fd.num */
static int extract_num(const struct fnet_eval_ctx *ctx, const struct fnet_field_arg *arg, struct fnet_field_value *out, char *scratch)
{
	(void)arg;
	(void)scratch;
	if (!ctx->thread || !ctx->ev->info || !fnet_sysdig_fd_flags(ctx->ev->type))
		return 0;
	out->i64 = last_event_fd(ctx->ev, ctx->thread);
	return 1;
}

static int set_text(struct fnet_field_value *out, const char *s)
{
	out->str = s;
	out->len = (uint32_t)strlen(s);
	return 1;
}

/* String parameter `i` of `ev` up to its NUL, or an empty string. */
static const char *param_str(const struct fnet_event *ev, uint32_t i, size_t *len)
{
	if (i >= ev->nparams || ev->param_len[i] == 0) {
		*len = 0;
		return "";
	}
	const char *p = (const char *)ev->param[i];
	const char *z = memchr(p, 0, ev->param_len[i]);
	*len = z ? (size_t)(z - p) : ev->param_len[i];
	return p;
}

/* Path parameter `i` of `ev` made absolute against the thread's cwd, as sysdig resolves it. */
static int path_from_param(const struct fnet_event *ev, uint32_t i, const struct fnet_thread *t,
			   struct fnet_field_value *out, char *scratch)
{
	size_t len;
	const char *p = param_str(ev, i, &len);
	if (len == 0 || (len >= 4 && memcmp(p, "<NA>", 4) == 0)) {
		out->str = p;
		out->len = (uint32_t)len;
		return 1;
	}
	fnet_path_resolve(scratch, FNET_FIELD_SCRATCH_SIZE, t->cwd.ptr ? t->cwd.ptr : "", p, len);
	return set_text(out, scratch);
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
	return set_text(out, scratch);
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
		return set_text(out, "NULL");
	const uint8_t *p = ev->param[i];
	uint32_t len = ev->param_len[i];
	size_t n;
	switch (p[0]) {
	case PPM_AF_INET:
		if (len != 13)
			return set_text(out, "INVALID IPv4");
		n = put_ipv4(scratch, cap, p + 1, fnet_get_u16(p + 5));
		n += (size_t)snprintf(scratch + n, cap - n, "->");
		put_ipv4(scratch + n, cap - n, p + 7, fnet_get_u16(p + 11));
		return set_text(out, scratch);
	case PPM_AF_INET6: {
		if (len != 37)
			return set_text(out, "INVALID IPv6");
		if (is_v4_mapped(p + 1) && is_v4_mapped(p + 19)) {
			n = put_ipv4(scratch, cap, p + 13, fnet_get_u16(p + 17));
			n += (size_t)snprintf(scratch + n, cap - n, "->");
			put_ipv4(scratch + n, cap - n, p + 31, fnet_get_u16(p + 35));
			return set_text(out, scratch);
		}
		char s[INET6_ADDRSTRLEN], d[INET6_ADDRSTRLEN];
		if (!inet_ntop(AF_INET6, p + 1, s, sizeof(s)) || !inet_ntop(AF_INET6, p + 19, d, sizeof(d)))
			return set_text(out, "INVALID IPv6");
		snprintf(scratch, cap, "%s:%u->%s:%u", s, fnet_get_u16(p + 17), d, fnet_get_u16(p + 35));
		return set_text(out, scratch);
	}
	case PPM_AF_UNIX: {
		if (len < 17)
			return set_text(out, "");
		const char *path = (const char *)p + 17;
		const char *z = memchr(path, 0, len - 17);
		int plen = (int)(z ? (size_t)(z - path) : len - 17);
		snprintf(scratch, cap, "%" PRIx64 "->%" PRIx64 " %.*s", fnet_get_u64(p + 1),
			 fnet_get_u64(p + 9), plen, path);
		return set_text(out, scratch);
	}
	default:
		snprintf(scratch, cap, "family %d", (int)p[0]);
		return set_text(out, scratch);
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
		name = param_str(e, 1, &len);
		dirfd = fnet_event_param_s64(e, 0);
		return path_from_dirfd(name, len, dirfd, t, out, scratch);
	case FNET_EV_SYSCALL_OPENAT_2_X:
	case FNET_EV_SYSCALL_OPENAT2_X:
		if (ev->nparams < 3)
			return set_text(out, "");
		name = param_str(ev, 2, &len);
		dirfd = fnet_event_param_s64(ev, 1);
		return path_from_dirfd(name, len, dirfd, t, out, scratch);
	default:
		return set_text(out, "");
	}
}

/* fd.name */
static int extract_name(const struct fnet_eval_ctx *ctx, const struct fnet_field_arg *arg,
			struct fnet_field_value *out, char *scratch)
{
	(void)arg;
	const struct fnet_event *ev = ctx->ev;
	const struct fnet_thread *t = ctx->thread;
	if (!t || !ev->info || !fnet_sysdig_fd_flags(ev->type))
		return 0;
	int64_t fd = last_event_fd(ev, t), res;
	const struct fnet_fd *f = fd != -1 ? fnet_thread_fd(t, fd) : NULL;
	/* a failed connect is named by the tuple it tried */
	if (f && ev->type == FNET_EV_SOCKET_CONNECT_X && param_int(ev, FNET_PN_RES, &res) && res < 0)
		f = NULL;
	if (!f)
		return name_without_fd(ev, t, out, scratch);
	out->str = f->name.ptr ? f->name.ptr : "";
	out->len = f->name.ptr ? f->name.len : 0;
	return 1;
}

static const struct fnet_field_def fd_fields[] = {
	{"fd.num", FNET_FIELD_INT64, "number of the file descriptor the event refers to", extract_num, NULL, FNET_ARG_NONE},
	{"fd.name", FNET_FIELD_STRING,
	 "full name of the file descriptor: a file's path, a socket's connection tuple",
	 extract_name, NULL, FNET_ARG_NONE},
};

const struct fnet_field_class fnet_fields_fd = {"fd", fd_fields,
						sizeof(fd_fields) / sizeof(fd_fields[0])};
