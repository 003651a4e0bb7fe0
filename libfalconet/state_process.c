/*
 * Process events: clone, fork, vfork, clone3 and execve, as sysdig 0.29.3 keeps
 * threads (falcosecurity/libs e5c53d64, userspace/libsinsp/parsers.cpp
 * parse_clone_exit, parse_execve_exit; threadinfo.h get_fd_table).
 */
#include <stdio.h>
#include <string.h>

#include "event_format.h"
#include "event_params.h"
#include "path_util.h"
#include "state_internal.h"

#define PPM_CL_CLONE_FILES (1u << 0)
#define PPM_CL_CLONE_THREAD (1u << 13)
#define PPM_CL_CHILD_IN_PIDNS (1u << 29)
#define PPM_CL_CLONE_INVERTED (1u << 16) /* libsinsp's: created by the child's clone exit */
#define CLONE_STALE_TIME_NS 2000000000u  /* libsinsp settings.h */
#define PPM_O_CLOEXEC (1u << 12)

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
		fnet_st_put_fd(child, fnet_fd_clone(v, k));
}

/* A thread first seen by an event of another one: named "<NA>", without a uid, as in sysdig. */
static int is_placeholder(const struct fnet_thread *t)
{
	return t->uid == UINT32_MAX && t->comm.ptr && !strcmp(t->comm.ptr, "<NA>");
}

struct fnet_thread *fnet_state_placeholder(struct fnet_state *st, int64_t tid)
{
	struct fnet_thread *t = fnet_state_add_thread(st, tid);
	if (t) {
		fnet_string_set(&t->comm, "<NA>", 4);
		fnet_string_set(&t->exe, "<NA>", 4);
		t->pid = tid;
	}
	return t;
}

/*
 * The thread that called clone: sysdig makes a placeholder for an unknown one, and
 * replaces a placeholder by a new one (its fds and latency start over).
 */
static struct fnet_thread *clone_caller(struct fnet_state *st, int64_t tid)
{
	struct fnet_thread *t = fnet_state_thread(st, tid);
	return t && !is_placeholder(t) ? t : fnet_state_placeholder(st, tid);
}

void fnet_state_clone_exit(struct fnet_state *st, struct fnet_thread *t, const struct fnet_event *ev)
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
		child_tid = res;
		struct fnet_thread *old = fnet_state_thread(st, child_tid);
		if (old && (old->flags & PPM_CL_CLONE_INVERTED))
			return; /* the child's own event came first */
		parent = clone_caller(st, tid); /* may replace t */
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
	fnet_exec_info_on_clone(st, child, parent, ev);
	inherit_fds(st, parent, child, (uint32_t)flags);
}

void fnet_state_execve_exit(struct fnet_state *st, struct fnet_thread *t, const struct fnet_event *ev)
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
	const struct fnet_event *enter = fnet_st_matching_enter(t, ev);
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
