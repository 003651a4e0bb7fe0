/* Event-driven updates of the state: the enter/exit pairing, fds, cwd; dispatch. */
#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "event_format.h"
#include "event_params.h"
#include "path_util.h"
#include "state.h"
#include "state_internal.h"

#define PPM_O_DIRECTORY (1u << 10)
#define PPM_O_CLOEXEC (1u << 12)
#define PPM_AF_UNIX 1
#define PPM_AF_INET 2
#define PPM_AF_INET6 10
#define AT_FDCWD_VALUE (-100)
#define PPM_FCNTL_F_DUPFD 1          /* driver/ppm_events_public.h */
#define PPM_FCNTL_F_DUPFD_CLOEXEC 26

int fnet_thread_set_cwd(struct fnet_thread *t, const char *p, uint32_t len)
{
	if (len && p[len - 1] == '/')
		return fnet_string_set(&t->cwd, p, len);
	if (fnet_string_set(&t->cwd, p, len + 1) < 0)
		return -1;
	t->cwd.ptr[len] = '/';
	return 0;
}

static void format_endpoint(char *out, size_t size, uint8_t family, const uint8_t *ip, uint16_t port)
{
	char a[INET6_ADDRSTRLEN] = "";
	inet_ntop(family == PPM_AF_INET6 ? AF_INET6 : AF_INET, ip, a, sizeof(a));
	snprintf(out, size, "%s:%u", a, port);
}

int fnet_fd_set_socket_name(struct fnet_fd *f, int server)
{
	char s[80], d[80], name[170];
	uint8_t l4 = f->l4proto;
	if (server) {
		format_endpoint(name, sizeof(name), f->family, f->sip, f->sport);
	} else if (l4 == 2 || l4 == 3) { /* TCP, UDP */
		format_endpoint(s, sizeof(s), f->family, f->sip, f->sport);
		format_endpoint(d, sizeof(d), f->family, f->dip, f->dport);
		snprintf(name, sizeof(name), "%s->%s", s, d);
	} else if (l4 == 4 || (l4 == 5 && f->family != PPM_AF_INET6)) { /* ICMP, raw: no ports */
		int af = f->family == PPM_AF_INET6 ? AF_INET6 : AF_INET;
		inet_ntop(af, f->sip, s, sizeof(s));
		inet_ntop(af, f->dip, d, sizeof(d));
		snprintf(name, sizeof(name), "%s->%s", s, d);
	} else {
		snprintf(name, sizeof(name), "<unknown>"); /* as sysdig names it */
	}
	return fnet_string_set(&f->name, name, (uint32_t)strlen(name));
}

/* Copies an event into the thread's enter-event slot. */
static void keep_enter(struct fnet_thread *t, const struct fnet_event *ev)
{
	uint64_t need = 0;
	for (uint32_t i = 0; i < ev->nparams; i++)
		need += ev->param_len[i];
	if (need > t->enter_cap) {
		uint8_t *n = realloc(t->enter_rec, need);
		if (!n) {
			t->enter_type = 0xffff;
			return;
		}
		t->enter_rec = n;
		t->enter_cap = (uint32_t)need;
	}
	t->enter = *ev;
	uint64_t off = 0;
	for (uint32_t i = 0; i < ev->nparams; i++) {
		memcpy(t->enter_rec + off, ev->param[i], ev->param_len[i]);
		t->enter.param[i] = t->enter_rec + off;
		off += ev->param_len[i];
	}
	t->enter_type = ev->type;
}

/* The enter event of the exit `ev`, when it was the thread's last enter. */
const struct fnet_event *fnet_st_matching_enter(const struct fnet_thread *t,
					       const struct fnet_event *ev)
{
	return t->enter_type == (uint16_t)(ev->type - 1) ? &t->enter : NULL;
}

/*
 * Parameter `role` of `ev` among those sysdig 0.29.3 reads (fnet_sysdig_nparams): the
 * state follows what sysdig knows, not what a newer driver appends (an execve's uid
 * or trusted exepath, a clone's loginuid).
 */
int fnet_st_param(const struct fnet_event *ev, enum fnet_param_role role, const uint8_t **p,
		  uint32_t *len)
{
	int i = fnet_param_slot(ev->type, role);
	if (i < 0 || (uint32_t)i >= fnet_sysdig_nparams(ev))
		return 0;
	*p = ev->param[i];
	*len = ev->param_len[i];
	return 1;
}

/* Integer parameter `role` from the exit event, else from its enter event. */
int fnet_st_get_int(const struct fnet_event *ev, const struct fnet_event *enter,
		   enum fnet_param_role role, int64_t *out)
{
	int i = fnet_param_slot(ev->type, role);
	if (i >= 0 && (uint32_t)i < fnet_sysdig_nparams(ev)) {
		*out = fnet_event_param_s64(ev, (uint32_t)i);
		return 1;
	}
	if (enter) {
		i = fnet_param_slot(enter->type, role);
		if (i >= 0 && (uint32_t)i < fnet_sysdig_nparams(enter)) {
			*out = fnet_event_param_s64(enter, (uint32_t)i);
			return 1;
		}
	}
	return 0;
}

static int get_bytes(const struct fnet_event *ev, const struct fnet_event *enter,
		     enum fnet_param_role role, const uint8_t **p, uint32_t *len)
{
	if (fnet_st_param(ev, role, p, len))
		return 1;
	return enter && fnet_st_param(enter, role, p, len);
}

/* Length of a string parameter without its terminating NUL. */
uint32_t fnet_st_str_len(const uint8_t *p, uint32_t len)
{
	const uint8_t *z = memchr(p, 0, len);
	return z ? (uint32_t)(z - p) : len;
}

struct fnet_fd *fnet_fd_new(int64_t num, uint8_t type)
{
	struct fnet_fd *f = calloc(1, sizeof(*f));
	if (f) {
		f->fd = num;
		f->type = type;
	}
	return f;
}

void fnet_st_put_fd(struct fnet_thread *t, struct fnet_fd *f)
{
	if (f && fnet_thread_put_fd(t, f) < 0)
		fnet_fd_free(f);
}

/* Directory a relative path of this event is relative to, with a trailing '/'. */
static const char *base_dir(const struct fnet_thread *t, int64_t dirfd, int has_dirfd)
{
	if (has_dirfd && dirfd != AT_FDCWD_VALUE) {
		struct fnet_fd *d = fnet_thread_fd(t, dirfd);
		return d && d->name.ptr ? d->name.ptr : "";
	}
	return t->cwd.ptr ? t->cwd.ptr : "";
}

static void on_open_exit(struct fnet_thread *t, const struct fnet_event *ev,
			 const struct fnet_event *enter)
{
	int64_t fd, flags = 0, dirfd = AT_FDCWD_VALUE;
	const uint8_t *name;
	uint32_t nlen;
	if (!fnet_st_get_int(ev, NULL, FNET_PN_FD, &fd) || fd < 0)
		return;
	if (!get_bytes(ev, enter, FNET_PN_NAME, &name, &nlen) &&
	    !get_bytes(ev, enter, FNET_PN_PATH, &name, &nlen))
		return;
	fnet_st_get_int(ev, enter, FNET_PN_FLAGS, &flags);
	int has_dirfd = fnet_st_get_int(ev, enter, FNET_PN_DIRFD, &dirfd);
	char path[FNET_PATH_MAX];
	uint32_t rlen = fnet_st_str_len(name, nlen);
	if (has_dirfd && dirfd != AT_FDCWD_VALUE && !fnet_thread_fd(t, dirfd) && rlen && name[0] != '/') {
		/* sysdig 0.29.3 (parse_dirfd) puts "<UNKNOWN>" for a directory fd it does not
		 * know, without a '/' before the path */
		memcpy(path, "<UNKNOWN>", 9);
		fnet_path_resolve(path + 9, sizeof(path) - 9, "", (const char *)name, rlen);
	} else {
		fnet_path_resolve(path, sizeof(path), base_dir(t, dirfd, has_dirfd), (const char *)name,
				  rlen);
	}
	struct fnet_fd *f =
		fnet_fd_new(fd, ((uint32_t)flags & PPM_O_DIRECTORY) ? FNET_FDR_DIRECTORY : FNET_FDR_FILE);
	if (!f)
		return;
	f->open_flags = (uint32_t)flags;
	if (fnet_string_set(&f->name, path, (uint32_t)strlen(path)) < 0) {
		fnet_fd_free(f);
		return;
	}
	fnet_st_put_fd(t, f);
}

struct fnet_fd *fnet_fd_clone(const struct fnet_fd *src, int64_t num)
{
	struct fnet_fd *f = fnet_fd_new(num, src->type);
	if (!f)
		return NULL;
	int64_t keep = f->fd;
	*f = *src;
	f->fd = keep;
	f->name.ptr = NULL;
	f->name.len = 0;
	f->name_raw.ptr = NULL;
	f->name_raw.len = 0;
	if ((src->name.ptr && fnet_string_set(&f->name, src->name.ptr, src->name.len) < 0) ||
	    (src->name_raw.ptr && fnet_string_set(&f->name_raw, src->name_raw.ptr, src->name_raw.len) < 0)) {
		fnet_fd_free(f);
		return NULL;
	}
	return f;
}

/* The new fd of dup, dup2, dup3: the old fd's copy; close-on-exec only as dup3's flags say. */
static void on_dup_exit(struct fnet_thread *t, const struct fnet_event *ev,
			const struct fnet_event *enter)
{
	int64_t res, oldfd, flags = 0;
	if (!fnet_st_get_int(ev, NULL, FNET_PN_RES, &res) || res < 0)
		return;
	if (!fnet_st_get_int(ev, enter, FNET_PN_OLDFD, &oldfd) &&
	    !fnet_st_get_int(ev, enter, FNET_PN_FD, &oldfd))
		return;
	struct fnet_fd *src = fnet_thread_fd(t, oldfd);
	if (!src)
		return;
	if (ev->type == FNET_EV_SYSCALL_DUP3_X)
		fnet_st_get_int(ev, enter, FNET_PN_FLAGS, &flags);
	uint32_t cloexec = (uint32_t)flags & PPM_O_CLOEXEC;
	if (res == oldfd) {
		src->open_flags = (src->open_flags & ~PPM_O_CLOEXEC) | cloexec;
		return;
	}
	struct fnet_fd *f = fnet_fd_clone(src, res);
	if (f)
		f->open_flags = (f->open_flags & ~PPM_O_CLOEXEC) | cloexec;
	fnet_st_put_fd(t, f);
}

/* fcntl F_DUPFD / F_DUPFD_CLOEXEC: a copy of the fd, as dup (sysdig's parse_fcntl_exit). */
static void on_fcntl_exit(struct fnet_thread *t, const struct fnet_event *ev,
			  const struct fnet_event *enter)
{
	int64_t res, fd, cmd;
	if (!enter || !fnet_st_get_int(ev, NULL, FNET_PN_RES, &res) || res < 0 ||
	    !fnet_st_get_int(enter, NULL, FNET_PN_CMD, &cmd) ||
	    (cmd != PPM_FCNTL_F_DUPFD && cmd != PPM_FCNTL_F_DUPFD_CLOEXEC) ||
	    !fnet_st_get_int(enter, NULL, FNET_PN_FD, &fd))
		return;
	struct fnet_fd *src = fnet_thread_fd(t, fd);
	struct fnet_fd *f = src ? fnet_fd_clone(src, res) : NULL;
	if (f)
		f->open_flags = (f->open_flags & ~PPM_O_CLOEXEC) |
				(cmd == PPM_FCNTL_F_DUPFD_CLOEXEC ? PPM_O_CLOEXEC : 0);
	fnet_st_put_fd(t, f);
}

static void on_pipe_exit(struct fnet_thread *t, const struct fnet_event *ev)
{
	int64_t res, fd1, fd2;
	if (!fnet_st_get_int(ev, NULL, FNET_PN_RES, &res) || res < 0)
		return;
	if (fnet_st_get_int(ev, NULL, FNET_PN_FD1, &fd1))
		fnet_st_put_fd(t, fnet_fd_new(fd1, FNET_FDR_FIFO));
	if (fnet_st_get_int(ev, NULL, FNET_PN_FD2, &fd2))
		fnet_st_put_fd(t, fnet_fd_new(fd2, FNET_FDR_FIFO));
}

/* The fd stays visible to this event's fd.name; it goes before the next event. */
/* socketpair: two connected unix sockets. */
static void on_socketpair_exit(struct fnet_thread *t, const struct fnet_event *ev)
{
	int64_t res, fd1, fd2;
	if (!fnet_st_get_int(ev, NULL, FNET_PN_RES, &res) || res < 0)
		return;
	if (fnet_st_get_int(ev, NULL, FNET_PN_FD1, &fd1))
		fnet_st_put_fd(t, fnet_fd_new(fd1, FNET_FDR_UNIX_SOCK));
	if (fnet_st_get_int(ev, NULL, FNET_PN_FD2, &fd2))
		fnet_st_put_fd(t, fnet_fd_new(fd2, FNET_FDR_UNIX_SOCK));
}

/* The kind of fd the other fd-creating calls return. */
static uint8_t created_fd_type(uint16_t type)
{
	switch (type) {
	case FNET_EV_SYSCALL_EVENTFD_X:
	case FNET_EV_SYSCALL_EVENTFD2_X:
		return FNET_FDR_EVENT;
	case FNET_EV_SYSCALL_SIGNALFD_X:
	case FNET_EV_SYSCALL_SIGNALFD4_X:
		return FNET_FDR_SIGNALFD;
	case FNET_EV_SYSCALL_TIMERFD_CREATE_X:
		return FNET_FDR_TIMERFD;
	case FNET_EV_SYSCALL_INOTIFY_INIT_X:
	case FNET_EV_SYSCALL_INOTIFY_INIT1_X:
		return FNET_FDR_INOTIFY;
	case FNET_EV_SYSCALL_EPOLL_CREATE_X:
	case FNET_EV_SYSCALL_EPOLL_CREATE1_X:
		return FNET_FDR_EVENTPOLL;
	case FNET_EV_SYSCALL_MEMFD_CREATE_X:
		return FNET_FDR_MEMFD;
	case FNET_EV_SYSCALL_USERFAULTFD_X:
		return FNET_FDR_USERFAULTFD;
	case FNET_EV_SYSCALL_IO_URING_SETUP_X:
		return FNET_FDR_IOURING;
	case FNET_EV_SYSCALL_PIDFD_OPEN_X:
		return FNET_FDR_PIDFD;
	default:
		return 0;
	}
}

/* eventfd, signalfd, timerfd, inotify, epoll, memfd, userfaultfd, io_uring, pidfd. */
static void on_other_fd_exit(struct fnet_thread *t, const struct fnet_event *ev)
{
	uint8_t type = created_fd_type(ev->type);
	int64_t fd;
	if (!type || !(fnet_st_get_int(ev, NULL, FNET_PN_RES, &fd) || fnet_st_get_int(ev, NULL, FNET_PN_FD, &fd)) ||
	    fd < 0)
		return;
	struct fnet_fd *f = fnet_fd_new(fd, type);
	const uint8_t *p;
	uint32_t len;
	if (f && type == FNET_FDR_MEMFD && fnet_st_param(ev, FNET_PN_NAME, &p, &len))
		fnet_string_set(&f->name, (const char *)p, fnet_st_str_len(p, len));
	fnet_st_put_fd(t, f);
}

static void on_close_exit(struct fnet_state *st, struct fnet_thread *t,
			  const struct fnet_event *ev, const struct fnet_event *enter)
{
	int64_t res, fd;
	if (!fnet_st_get_int(ev, NULL, FNET_PN_RES, &res) || res < 0)
		return;
	if (!fnet_st_get_int(ev, enter, FNET_PN_FD, &fd) || !t->fdt)
		return;
	st->pending_close_tid = t->tid;
	st->pending_close_fd = fd;
}

/* Removals that sysdig applies at the start of the event after the one causing them. */
static void apply_deferred(struct fnet_state *st)
{
	if (st->pending_close_tid >= 0) {
		struct fnet_thread *t = fnet_state_thread(st, st->pending_close_tid);
		if (t && t->fdt)
			fnet_fd_free(fnet_int_map_del(&t->fdt->fds, st->pending_close_fd));
		st->pending_close_tid = -1;
	}
	if (st->pending_exit_tid >= 0) {
		fnet_thread_free(fnet_int_map_del(&st->threads, st->pending_exit_tid));
		st->pending_exit_tid = -1;
	}
}

static void on_chdir_exit(struct fnet_thread *t, const struct fnet_event *ev,
			  const struct fnet_event *enter)
{
	int64_t res, fd;
	const uint8_t *p;
	uint32_t len;
	if (!fnet_st_get_int(ev, NULL, FNET_PN_RES, &res) || res < 0)
		return;
	if (ev->type == FNET_EV_SYSCALL_FCHDIR_X) {
		struct fnet_fd *d = fnet_st_get_int(ev, enter, FNET_PN_FD, &fd) ? fnet_thread_fd(t, fd) : NULL;
		if (d && d->name.ptr)
			fnet_thread_set_cwd(t, d->name.ptr, d->name.len);
		return;
	}
	if (!get_bytes(ev, enter, FNET_PN_PATH, &p, &len))
		return;
	char path[FNET_PATH_MAX];
	fnet_path_resolve(path, sizeof(path), t->cwd.ptr ? t->cwd.ptr : "/", (const char *)p,
			  fnet_st_str_len(p, len));
	fnet_thread_set_cwd(t, path, (uint32_t)strlen(path));
}

enum process_kind { KIND_OTHER, KIND_CLONE, KIND_EXEC };

/* Every version of the clone and execve families, by event type; built once. */
static enum process_kind process_kind_of(uint16_t type)
{
	static uint8_t kinds[FNET_EV_COUNT];
	static int ready;
	if (!ready) {
		for (int i = 0; i < FNET_EV_COUNT; i++) {
			const char *n = fnet_event_table[i].name;
			if (!strcmp(n, "clone") || !strcmp(n, "fork") || !strcmp(n, "vfork") ||
			    !strcmp(n, "clone3"))
				kinds[i] = KIND_CLONE;
			else if (!strcmp(n, "execve") || !strcmp(n, "execveat"))
				kinds[i] = KIND_EXEC;
		}
		ready = 1;
	}
	return type < FNET_EV_COUNT ? (enum process_kind)kinds[type] : KIND_OTHER;
}

struct fnet_thread *fnet_state_apply(struct fnet_state *st, const struct fnet_event *ev)
{
	apply_deferred(st);
	if (!st->first_event_ts_ns)
		st->first_event_ts_ns = ev->ts_ns;
	struct fnet_thread *t = fnet_state_thread(st, ev->tid);
	if (!ev->info)
		return t;
	if (!t) {
		/* Internal and scheduler events and clone exits do not invent threads; any other
		 * event of an unknown thread gets a placeholder named "<NA>", as in sysdig. */
		if ((ev->info->flags & FNET_EF_SKIPPARSERESET) || ev->type == FNET_EV_SCHEDSWITCH_6_E ||
		    (!fnet_event_is_enter(ev->type) && process_kind_of(ev->type) == KIND_CLONE))
			t = NULL;
		else
			t = fnet_state_placeholder(st, ev->tid);
		if (!t && (fnet_event_is_enter(ev->type) || process_kind_of(ev->type) != KIND_CLONE))
			return NULL;
	}
	if (t && !(ev->info->flags & FNET_EF_SKIPPARSERESET) && ev->type != FNET_EV_SCHEDSWITCH_6_E) {
		if (fnet_event_is_enter(ev->type))
			t->latency_ns = 0;
		else if (t->enter_type != 0xffff)
			t->latency_ns = ev->ts_ns - t->enter.ts_ns;
	}
	if (fnet_event_is_enter(ev->type)) {
		if (ev->type == FNET_EV_PROCEXIT_E || ev->type == FNET_EV_PROCEXIT_1_E)
			st->pending_exit_tid = ev->tid;
		else if (!(ev->info->flags & FNET_EF_SKIPPARSERESET) &&
			 ev->type != FNET_EV_SCHEDSWITCH_6_E)
			keep_enter(t, ev); /* scheduler and internal events do not pair with exits */
		if (ev->type == FNET_EV_SOCKET_CONNECT_E)
			fnet_state_connect_enter(t, ev);
		return t;
	}
	const struct fnet_event *enter = t ? fnet_st_matching_enter(t, ev) : NULL;
	enum process_kind kind = process_kind_of(ev->type);
	if (kind == KIND_CLONE) {
		fnet_state_clone_exit(st, t, ev);
		t = fnet_state_thread(st, ev->tid);
	} else if (kind == KIND_EXEC) {
		fnet_state_execve_exit(st, t, ev);
	} else if (ev->type == FNET_EV_SOCKET_SENDTO_X || ev->type == FNET_EV_SOCKET_SENDMSG_X) {
		fnet_state_sock_io_exit(t, ev, enter, 0);
	} else if (ev->type == FNET_EV_SOCKET_RECVFROM_X || ev->type == FNET_EV_SOCKET_RECVMSG_X) {
		fnet_state_sock_io_exit(t, ev, enter, 1);
	} else if (ev->info->flags &
		   (FNET_EF_CREATES_FD | FNET_EF_DESTROYS_FD | FNET_EF_MODIFIES_STATE)) {
		switch (ev->type) {
		case FNET_EV_SYSCALL_OPEN_X:
		case FNET_EV_SYSCALL_OPENAT_X:
		case FNET_EV_SYSCALL_OPENAT_2_X:
		case FNET_EV_SYSCALL_OPENAT2_X:
		case FNET_EV_SYSCALL_CREAT_X:
		case FNET_EV_SYSCALL_OPEN_BY_HANDLE_AT_X:
			on_open_exit(t, ev, enter);
			break;
		case FNET_EV_SOCKET_SOCKET_X:
			fnet_state_socket_exit(t, ev, enter);
			break;
		case FNET_EV_SOCKET_BIND_X:
			fnet_state_bind_exit(t, ev, enter);
			break;
		case FNET_EV_SOCKET_CONNECT_X:
			fnet_state_connect_exit(t, ev, enter);
			break;
		case FNET_EV_SOCKET_ACCEPT_X:
		case FNET_EV_SOCKET_ACCEPT_5_X:
		case FNET_EV_SOCKET_ACCEPT4_X:
		case FNET_EV_SOCKET_ACCEPT4_5_X:
		case FNET_EV_SOCKET_ACCEPT4_6_X:
			fnet_state_accept_exit(t, ev);
			break;
		case FNET_EV_SYSCALL_FCNTL_X:
			on_fcntl_exit(t, ev, enter);
			break;
		case FNET_EV_SYSCALL_DUP_X:
		case FNET_EV_SYSCALL_DUP_1_X:
		case FNET_EV_SYSCALL_DUP2_X:
		case FNET_EV_SYSCALL_DUP3_X:
			on_dup_exit(t, ev, enter);
			break;
		case FNET_EV_SYSCALL_PIPE_X:
		case FNET_EV_SYSCALL_PIPE2_X:
			on_pipe_exit(t, ev);
			break;
		case FNET_EV_SYSCALL_CLOSE_X:
			on_close_exit(st, t, ev, enter);
			break;
		case FNET_EV_SYSCALL_CHDIR_X:
		case FNET_EV_SYSCALL_FCHDIR_X:
			on_chdir_exit(t, ev, enter);
			break;
		case FNET_EV_SOCKET_SOCKETPAIR_X:
			on_socketpair_exit(t, ev);
			break;
		default:
			on_other_fd_exit(t, ev);
			break;
		}
	}
	fnet_exec_info_on_exit(st, t, ev);
	fnet_fd_extra_on_exit(t, ev, enter);
	return t;
}
