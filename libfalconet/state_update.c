/* Event-driven updates of the state: threads, fds, cwd. */
#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "event_format.h"
#include "event_params.h"
#include "path_util.h"
#include "state.h"
#include "state_internal.h"

#define PPM_CL_CLONE_FILES (1u << 0)
#define PPM_CL_CLONE_THREAD (1u << 13)
#define PPM_CL_CHILD_IN_PIDNS (1u << 29)
#define PPM_CL_CLONE_INVERTED (1u << 16) /* libsinsp's: created by the child's clone exit */
#define CLONE_STALE_TIME_NS 2000000000u  /* libsinsp settings.h */
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
static const struct fnet_event *matching_enter(const struct fnet_thread *t,
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
	fnet_path_resolve(path, sizeof(path), base_dir(t, dirfd, has_dirfd), (const char *)name,
			  fnet_st_str_len(name, nlen));
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

static struct fnet_fd *clone_fd(const struct fnet_fd *src, int64_t num)
{
	struct fnet_fd *f = fnet_fd_new(num, src->type);
	if (!f)
		return NULL;
	int64_t keep = f->fd;
	*f = *src;
	f->fd = keep;
	f->name.ptr = NULL;
	f->name.len = 0;
	if (src->name.ptr && fnet_string_set(&f->name, src->name.ptr, src->name.len) < 0) {
		free(f);
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
	struct fnet_fd *f = clone_fd(src, res);
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
	struct fnet_fd *f = src ? clone_fd(src, res) : NULL;
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

static void set_str_param(const struct fnet_event *ev, enum fnet_param_role role,
			  struct fnet_string *dst, int keep_nuls)
{
	const uint8_t *p;
	uint32_t len;
	if (!fnet_st_param(ev, role, &p, &len))
		return;
	if (!keep_nuls)
		len = fnet_st_str_len(p, len);
	else if (len && p[len - 1] == 0)
		len--;
	fnet_string_set(dst, (const char *)p, len);
}

/* Process data common to clone-family and execve-family exit events. */
static void set_process_params(struct fnet_thread *t, const struct fnet_event *ev)
{
	int64_t v;
	set_str_param(ev, FNET_PN_EXE, &t->exe, 0);
	set_str_param(ev, FNET_PN_ARGS, &t->args, 1);
	set_str_param(ev, FNET_PN_ENV, &t->env, 1);
	set_str_param(ev, FNET_PN_CGROUPS, &t->cgroups, 1);
	set_str_param(ev, FNET_PN_TRUSTED_EXEPATH, &t->exepath, 0);
	const uint8_t *p;
	uint32_t len;
	if (fnet_st_param(ev, FNET_PN_COMM, &p, &len)) {
		fnet_string_set(&t->comm, (const char *)p, fnet_st_str_len(p, len));
	} else if (t->exe.ptr) {
		/* drivers before the comm parameter: the executable's base name */
		const char *slash = strrchr(t->exe.ptr, '/');
		const char *b = slash ? slash + 1 : t->exe.ptr;
		fnet_string_set(&t->comm, b, (uint32_t)strlen(b));
	}
	if (!t->cwd.ptr && fnet_st_param(ev, FNET_PN_CWD, &p, &len) && fnet_st_str_len(p, len) > 0)
		fnet_thread_set_cwd(t, (const char *)p, fnet_st_str_len(p, len)); /* else inherited / kept */
	if (fnet_st_get_int(ev, NULL, FNET_PN_FDLIMIT, &v))
		t->fdlimit = (uint64_t)v;
	if (fnet_st_get_int(ev, NULL, FNET_PN_UID, &v))
		t->uid = (uint32_t)v;
	if (fnet_st_get_int(ev, NULL, FNET_PN_GID, &v))
		t->gid = (uint32_t)v;
	if (fnet_st_get_int(ev, NULL, FNET_PN_VTID, &v))
		t->vtid = v;
	if (fnet_st_get_int(ev, NULL, FNET_PN_VPID, &v))
		t->vpid = v;
	if (fnet_st_get_int(ev, NULL, FNET_PN_VPGID, &v))
		t->vpgid = v;
	if (fnet_st_get_int(ev, NULL, FNET_PN_LOGINUID, &v))
		t->loginuid = (uint32_t)v;
	if (fnet_st_get_int(ev, NULL, FNET_PN_TTY, &v))
		t->tty = (uint32_t)v;
}

static void copy_string(struct fnet_string *dst, const struct fnet_string *src)
{
	if (src->ptr)
		fnet_string_set(dst, src->ptr, src->len);
}

/*
 * The fd table of a new thread or process, as sysdig 0.29.3 keeps it: a thread
 * created with CLONE_FILES uses its process's table, one without gets an empty
 * table of its own; a new process gets a copy of the caller's table, CLONE_FILES
 * or not (sysdig's threadinfo get_fd_table and parse_clone_exit).
 */
static void inherit_fds(struct fnet_state *st, struct fnet_thread *parent, struct fnet_thread *child,
			uint32_t flags)
{
	if (child->pid != child->tid) {
		if (!(flags & PPM_CL_CLONE_FILES)) {
			if (!child->fdt)
				child->fdt = fnet_fd_table_new();
			return;
		}
		struct fnet_thread *m = fnet_state_thread(st, child->pid);
		if (m && m != child && !m->fdt)
			m->fdt = fnet_fd_table_new();
		if (m && m->fdt && m->fdt != child->fdt) {
			fnet_fd_table_release(child->fdt);
			child->fdt = m->fdt;
			child->fdt->refs++;
		}
		return;
	}
	if (!parent || parent == child || !parent->fdt || child->fdt)
		return;
	if (!(child->fdt = fnet_fd_table_new()))
		return;
	size_t pos = 0;
	int64_t k;
	void *v;
	while (fnet_int_map_next(&parent->fdt->fds, &pos, &k, &v))
		fnet_st_put_fd(child, clone_fd(v, k));
}

/* A thread first seen by an event of another one: named "<NA>", without a uid, as in sysdig. */
static int is_placeholder(const struct fnet_thread *t)
{
	return t->uid == UINT32_MAX && t->comm.ptr && !strcmp(t->comm.ptr, "<NA>");
}

static struct fnet_thread *new_placeholder(struct fnet_state *st, int64_t tid)
{
	struct fnet_thread *t = fnet_state_add_thread(st, tid);
	if (t) {
		fnet_string_set(&t->comm, "<NA>", 4);
		fnet_string_set(&t->exe, "<NA>", 4);
		t->pid = tid;
	}
	return t;
}

/* The thread that called clone: sysdig makes a placeholder for an unknown one. */
static struct fnet_thread *clone_caller(struct fnet_state *st, int64_t tid)
{
	struct fnet_thread *t = fnet_state_thread(st, tid);
	return t ? t : new_placeholder(st, tid);
}

static void on_clone_exit(struct fnet_state *st, struct fnet_thread *t, const struct fnet_event *ev)
{
	int64_t res, flags = 0, tid, pid, ptid;
	if (!fnet_st_get_int(ev, NULL, FNET_PN_RES, &res) || res < 0)
		return;
	fnet_st_get_int(ev, NULL, FNET_PN_FLAGS, &flags);
	if (!fnet_st_get_int(ev, NULL, FNET_PN_TID, &tid) || !fnet_st_get_int(ev, NULL, FNET_PN_PID, &pid) ||
	    !fnet_st_get_int(ev, NULL, FNET_PN_PTID, &ptid))
		return;
	struct fnet_thread *parent = NULL, *child;
	int64_t child_tid, child_pid, child_ptid, vtid = tid, vpid = pid;
	fnet_st_get_int(ev, NULL, FNET_PN_VTID, &vtid);
	fnet_st_get_int(ev, NULL, FNET_PN_VPID, &vpid);
	int in_container = (flags & PPM_CL_CHILD_IN_PIDNS) || tid != vtid;
	uint32_t inverted = 0;
	if (res == 0) {
		/* the child's side: the event's tid/pid/ptid are its own. As sysdig: a thread
		 * known from an earlier clone over 2 s ago is a stale one (a lost exit) */
		if (t && t->clone_ts_ns && ev->ts_ns - t->clone_ts_ns > CLONE_STALE_TIME_NS)
			t = NULL;
		if (t) {
			/* created by the parent's side (or known before): sysdig only takes
			 * the namespace's ids a parent outside the container could not see */
			if (in_container) {
				t->vtid = vtid;
				t->vpid = vpid;
			}
			return;
		}
		if (!(t = fnet_state_add_thread(st, tid)))
			return;
		child = t;
		child_tid = tid;
		child_pid = pid;
		/* as sysdig: a thread's parent is its process's main thread, a process's its ptid */
		child_ptid = (flags & PPM_CL_CLONE_THREAD) ? pid : ptid;
		parent = clone_caller(st, child_ptid);
		inverted = PPM_CL_CLONE_INVERTED;
	} else {
		/* the parent's side; inside a container only the child's side knows its tid */
		if (in_container)
			return;
		parent = t ? t : clone_caller(st, tid);
		child_tid = res;
		struct fnet_thread *old = fnet_state_thread(st, child_tid);
		if (old && (old->flags & PPM_CL_CLONE_INVERTED))
			return; /* the child's own event came first */
		/* any other thread of that number is an old one whose exit was lost: replaced */
		child_pid = (flags & PPM_CL_CLONE_THREAD) ? pid : res;
		child_ptid = tid; /* sysdig: the calling thread, whatever CLONE_PARENT says */
		if (!(child = fnet_state_add_thread(st, child_tid)))
			return;
	}
	child->tid = child_tid;
	child->pid = child_pid;
	child->ptid = child_ptid;
	child->flags = (uint32_t)flags | inverted;
	int known_parent = parent && !is_placeholder(parent);
	child->loginuid = 0; /* sysdig's initial value, when no parent gives one */
	if (known_parent && parent != child) {
		copy_string(&child->cwd, &parent->cwd);
		copy_string(&child->exepath, &parent->exepath);
		copy_string(&child->env, &parent->env);
		child->sid = parent->sid;
		child->vpgid = parent->vpgid;
		child->loginuid = parent->loginuid;
		child->tty = parent->tty;
		child->exe_writable = parent->exe_writable;
		child->exe_upper_layer = parent->exe_upper_layer;
	}
	child->clone_ts_ns = ev->ts_ns;
	set_process_params(child, ev);
	if (parent && !known_parent && parent != child) {
		/* sysdig names a placeholder parent after the event (its child) */
		copy_string(&parent->comm, &child->comm);
		copy_string(&parent->exe, &child->exe);
		fnet_string_set(&parent->exepath, child->exepath.ptr ? child->exepath.ptr : "",
				child->exepath.len);
		copy_string(&parent->args, &child->args);
	}
	/* outside a child pid namespace sysdig takes tid and pid, not the event's values */
	if (!in_container) {
		child->vtid = child->tid;
		child->vpid = child->pid;
	}
	inherit_fds(st, parent, child, (uint32_t)flags);
}

static void on_execve_exit(struct fnet_state *st, struct fnet_thread *t, const struct fnet_event *ev)
{
	int64_t res, v;
	if (!fnet_st_get_int(ev, NULL, FNET_PN_RES, &res) || res < 0)
		return;
	if (fnet_st_get_int(ev, NULL, FNET_PN_PID, &v))
		t->pid = v;
	if (fnet_st_get_int(ev, NULL, FNET_PN_PTID, &v))
		t->ptid = v;
	set_process_params(t, ev);
	/* sysdig 0.29.3 takes the exepath of execve's newer versions (18, 19) from the enter
	 * event's filename, against the cwd; older ones keep the parent's */
	const struct fnet_event *enter = matching_enter(t, ev);
	const uint8_t *fp;
	uint32_t fl;
	if (enter &&
	    (ev->type == FNET_EV_SYSCALL_EXECVE_18_X || ev->type == FNET_EV_SYSCALL_EXECVE_19_X) &&
	    fnet_st_param(enter, FNET_PN_FILENAME, &fp, &fl)) {
		char path[FNET_PATH_MAX];
		if (fnet_st_str_len(fp, fl) >= 4 && memcmp(fp, "<NA>", 4) == 0)
			snprintf(path, sizeof(path), "<NA>");
		else if (fnet_st_str_len(fp, fl) == 0)
			path[0] = 0; /* the driver could not read it: unknown, as sysdig shows it */
		else
			fnet_path_resolve(path, sizeof(path), t->cwd.ptr ? t->cwd.ptr : "",
					  (const char *)fp, fnet_st_str_len(fp, fl));
		fnet_string_set(&t->exepath, path, (uint32_t)strlen(path));
	}
	if (fnet_st_get_int(ev, NULL, FNET_PN_FLAGS, &v)) {
		t->exe_writable = (v & 1) != 0;    /* PPM_EXE_WRITABLE */
		t->exe_upper_layer = (v & 2) != 0; /* PPM_EXE_UPPER_LAYER */
	}
	/* close-on-exec descriptors are gone after a successful execve (as upstream libsinsp
	 * does since; sysdig 0.29.3 keeps them: st->keep_cloexec) */
	if (!t->fdt || st->keep_cloexec)
		return;
	int64_t doomed[64];
	size_t nd;
	do {
		size_t pos = 0;
		int64_t k;
		void *f;
		nd = 0;
		while (nd < 64 && fnet_int_map_next(&t->fdt->fds, &pos, &k, &f))
			if (((struct fnet_fd *)f)->open_flags & PPM_O_CLOEXEC)
				doomed[nd++] = k;
		for (size_t i = 0; i < nd; i++)
			fnet_fd_free(fnet_int_map_del(&t->fdt->fds, doomed[i]));
	} while (nd == 64);
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
			t = new_placeholder(st, ev->tid);
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
	const struct fnet_event *enter = t ? matching_enter(t, ev) : NULL;
	enum process_kind kind = process_kind_of(ev->type);
	if (kind == KIND_CLONE) {
		on_clone_exit(st, t, ev);
		t = fnet_state_thread(st, ev->tid);
	} else if (kind == KIND_EXEC) {
		on_execve_exit(st, t, ev);
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
	return t;
}
