/* State tables and their seeding from metadata blocks. */
#include "state.h"
#include "state_internal.h"

#include <stdlib.h>
#include <string.h>

int fnet_string_set(struct fnet_string *s, const char *p, uint32_t len)
{
	char *n = realloc(s->ptr, (size_t)len + 1);
	if (!n)
		return -1;
	if (len)
		memcpy(n, p, len);
	n[len] = 0;
	s->ptr = n;
	s->len = len;
	return 0;
}

void fnet_string_free(struct fnet_string *s)
{
	free(s->ptr);
	s->ptr = NULL;
	s->len = 0;
}

int fnet_state_init(struct fnet_state *st)
{
	memset(st, 0, sizeof(*st));
	st->pending_exit_tid = -1;
	st->pending_close_tid = -1;
	return 0;
}

void fnet_fd_free(struct fnet_fd *f)
{
	if (!f)
		return;
	fnet_string_free(&f->name);
	fnet_string_free(&f->name_raw);
	free(f);
}

void fnet_fd_table_release(struct fnet_fd_table *t)
{
	if (!t || --t->refs)
		return;
	size_t pos = 0;
	int64_t k;
	void *v;
	while (fnet_int_map_next(&t->fds, &pos, &k, &v))
		fnet_fd_free(v);
	fnet_int_map_free(&t->fds);
	free(t);
}

void fnet_thread_free(struct fnet_thread *t)
{
	if (!t)
		return;
	struct fnet_string *strs[] = {&t->comm, &t->exe,  &t->exepath, &t->args,
				      &t->cwd,  &t->env,  &t->cgroups};
	for (size_t i = 0; i < sizeof(strs) / sizeof(strs[0]); i++)
		fnet_string_free(strs[i]);
	fnet_fd_table_release(t->fdt);
	free(t->enter_rec);
	free(t);
}

void fnet_state_free(struct fnet_state *st)
{
	size_t pos = 0;
	int64_t k;
	void *v;
	while (fnet_int_map_next(&st->threads, &pos, &k, &v))
		fnet_thread_free(v);
	pos = 0;
	while (fnet_int_map_next(&st->users, &pos, &k, &v)) {
		struct fnet_user *u = v;
		fnet_string_free(&u->name);
		fnet_string_free(&u->homedir);
		fnet_string_free(&u->shell);
		free(u);
	}
	pos = 0;
	while (fnet_int_map_next(&st->groups, &pos, &k, &v)) {
		struct fnet_group *g = v;
		fnet_string_free(&g->name);
		free(g);
	}
	fnet_int_map_free(&st->threads);
	fnet_int_map_free(&st->users);
	fnet_int_map_free(&st->groups);
}

struct fnet_thread *fnet_state_thread(const struct fnet_state *st, int64_t tid)
{
	return fnet_int_map_get(&st->threads, tid);
}

struct fnet_thread *fnet_state_main_thread(const struct fnet_state *st, struct fnet_thread *t)
{
	if (!t || t->pid == t->tid || t->pid <= 0)
		return t;
	struct fnet_thread *m = fnet_state_thread(st, t->pid);
	return m ? m : t;
}

struct fnet_fd *fnet_thread_fd(const struct fnet_thread *t, int64_t fd)
{
	return t && t->fdt ? fnet_int_map_get(&t->fdt->fds, fd) : NULL;
}

struct fnet_user *fnet_state_user(const struct fnet_state *st, uint32_t uid)
{
	return fnet_int_map_get(&st->users, uid);
}

struct fnet_group *fnet_state_group(const struct fnet_state *st, uint32_t gid)
{
	return fnet_int_map_get(&st->groups, gid);
}

struct fnet_fd_table *fnet_fd_table_new(void)
{
	struct fnet_fd_table *t = calloc(1, sizeof(*t));
	if (t)
		t->refs = 1;
	return t;
}

struct fnet_thread *fnet_state_add_thread(struct fnet_state *st, int64_t tid)
{
	struct fnet_thread *t = calloc(1, sizeof(*t));
	if (!t)
		return NULL;
	t->tid = tid;
	t->pid = t->ptid = t->sid = t->vpgid = t->vtid = t->vpid = -1;
	t->loginuid = UINT32_MAX;
	t->uid = t->gid = UINT32_MAX;
	t->fdlimit = UINT64_MAX; /* unknown: proc.fdlimit -1, as in sysdig */
	t->enter_type = 0xffff;
	void *old;
	if (fnet_int_map_put(&st->threads, tid, t, &old) < 0) {
		free(t);
		return NULL;
	}
	fnet_thread_free(old);
	return t;
}

int fnet_thread_put_fd(struct fnet_thread *t, struct fnet_fd *f)
{
	if (!t->fdt && !(t->fdt = fnet_fd_table_new()))
		return -1;
	void *old;
	if (fnet_int_map_put(&t->fdt->fds, f->fd, f, &old) < 0)
		return -1;
	fnet_fd_free(old);
	return 0;
}

static int on_machine(void *ctx, const struct fnet_machine_record *m)
{
	struct fnet_state *st = ctx;
	st->machine = *m;
	return 0;
}

/* Threads created with CLONE_FILES use their main thread's fd table, as in sysdig. */
static void share_fd_table(struct fnet_state *st, struct fnet_thread *t)
{
	if (t->pid == t->tid || t->pid <= 0 || !(t->flags & 1u)) /* PPM_CL_CLONE_FILES */
		return;
	struct fnet_thread *m = fnet_state_thread(st, t->pid);
	if (!m || m == t)
		return;
	if (!m->fdt && !(m->fdt = fnet_fd_table_new()))
		return;
	fnet_fd_table_release(t->fdt);
	t->fdt = m->fdt;
	t->fdt->refs++;
}

static int on_thread(void *ctx, const struct fnet_thread_record *r)
{
	struct fnet_state *st = ctx;
	struct fnet_thread *t = fnet_state_add_thread(st, r->tid);
	if (!t)
		return -1;
	t->pid = r->pid;
	t->ptid = r->ptid;
	t->sid = r->sid;
	t->vpgid = r->vpgid;
	t->vtid = r->vtid;
	t->vpid = r->vpid;
	t->uid = r->uid;
	t->gid = r->gid;
	t->loginuid = r->loginuid;
	t->flags = r->flags;
	t->fdlimit = r->fdlimit;
	t->tty = r->tty;
	fnet_exec_info_from_record(t, r);
	int rc = fnet_string_set(&t->comm, r->comm.ptr, r->comm.len) |
		 fnet_string_set(&t->exe, r->exe.ptr, r->exe.len) |
		 fnet_string_set(&t->exepath, r->exepath.ptr, r->exepath.len) |
		 fnet_string_set(&t->env, r->env.ptr, r->env.len) |
		 fnet_string_set(&t->cgroups, r->cgroups.ptr, r->cgroups.len);
	/* args on file: NUL-separated, sometimes with a trailing NUL */
	uint32_t alen = r->args.len;
	if (alen && r->args.ptr[alen - 1] == 0)
		alen--;
	rc |= fnet_string_set(&t->args, r->args.ptr, alen);
	rc |= fnet_thread_set_cwd(t, r->cwd.ptr, r->cwd.len);
	share_fd_table(st, t);
	return rc ? -1 : 0;
}

static int on_fd(void *ctx, int64_t tid, const struct fnet_fd_record *r)
{
	struct fnet_state *st = ctx;
	struct fnet_thread *t = fnet_state_thread(st, tid);
	if (!t && !(t = fnet_state_add_thread(st, tid)))
		return -1;
	struct fnet_fd *f = calloc(1, sizeof(*f));
	if (!f)
		return -1;
	f->fd = r->fd;
	f->type = r->type == FNET_FDR_FILE_V2 ? FNET_FDR_FILE : r->type;
	f->l4proto = r->l4proto;
	f->open_flags = r->open_flags;
	memcpy(f->sip, r->sip, 16);
	memcpy(f->dip, r->dip, 16);
	f->sport = r->sport;
	f->dport = r->dport;
	int rc;
	switch (r->type) {
	case FNET_FDR_IPV4_SOCK:
	case FNET_FDR_IPV4_SERVSOCK:
	case FNET_FDR_IPV6_SOCK:
	case FNET_FDR_IPV6_SERVSOCK:
		f->family = (r->type == FNET_FDR_IPV4_SOCK || r->type == FNET_FDR_IPV4_SERVSOCK) ? 2 : 10;
		/* sysdig gives IPv4 connections of the process list a role, nothing else */
		f->role = r->type == FNET_FDR_IPV4_SOCK ? FNET_FD_ROLE_CLIENT : FNET_FD_ROLE_NONE;
		rc = fnet_fd_set_socket_name(f, r->type == FNET_FDR_IPV4_SERVSOCK ||
						       r->type == FNET_FDR_IPV6_SERVSOCK);
		break;
	case FNET_FDR_UNIX_SOCK:
		f->family = 1;
		f->role = r->name.len ? FNET_FD_ROLE_SERVER : FNET_FD_ROLE_CLIENT;
		rc = fnet_string_set(&f->name, r->name.ptr, r->name.len);
		break;
	default:
		rc = fnet_string_set(&f->name, r->name.ptr, r->name.len);
		break;
	}
	if (rc < 0 || fnet_thread_put_fd(t, f) < 0) {
		fnet_fd_free(f);
		return -1;
	}
	return 0;
}

static int on_user(void *ctx, const struct fnet_user_record *r)
{
	struct fnet_state *st = ctx;
	struct fnet_user *u = calloc(1, sizeof(*u));
	if (!u)
		return -1;
	u->uid = r->uid;
	u->gid = r->gid;
	void *old = NULL;
	if (fnet_string_set(&u->name, r->name.ptr, r->name.len) < 0 ||
	    fnet_string_set(&u->homedir, r->homedir.ptr, r->homedir.len) < 0 ||
	    fnet_string_set(&u->shell, r->shell.ptr, r->shell.len) < 0 ||
	    fnet_int_map_put(&st->users, r->uid, u, &old) < 0) {
		fnet_string_free(&u->name);
		fnet_string_free(&u->homedir);
		fnet_string_free(&u->shell);
		free(u);
		return -1;
	}
	if (old) {
		struct fnet_user *o = old;
		fnet_string_free(&o->name);
		fnet_string_free(&o->homedir);
		fnet_string_free(&o->shell);
		free(o);
	}
	return 0;
}

static int on_group(void *ctx, const struct fnet_group_record *r)
{
	struct fnet_state *st = ctx;
	struct fnet_group *g = calloc(1, sizeof(*g));
	if (!g)
		return -1;
	g->gid = r->gid;
	void *old = NULL;
	if (fnet_string_set(&g->name, r->name.ptr, r->name.len) < 0 ||
	    fnet_int_map_put(&st->groups, r->gid, g, &old) < 0) {
		fnet_string_free(&g->name);
		free(g);
		return -1;
	}
	if (old) {
		fnet_string_free(&((struct fnet_group *)old)->name);
		free(old);
	}
	return 0;
}

struct fnet_trace_sink fnet_state_sink(struct fnet_state *st)
{
	struct fnet_trace_sink s = {st, on_machine, on_thread, on_fd, on_user, on_group, NULL, NULL};
	return s;
}
