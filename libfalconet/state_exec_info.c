/*
 * The process image and capability data of a thread (struct fnet_exec_info)
 * that Falco's newer fields read: the executable's inode and its times, the
 * memfd flag, the capability sets and the start of the pid namespace. The
 * driver reports them in execve/execveat exits (flags, cap_*, exe_ino*),
 * clone exits (pidns_init_start_ts), capset exits and, for namespaces with a
 * new user namespace, unshare/setns exits; threads inherit them at clone.
 * Update order and conditions follow libsinsp's parser (falcosecurity/libs
 * userspace/libsinsp/parsers.cpp); the code is our own.
 */
#include <string.h>

#include "event_codes.h"
#include "event_params.h"
#include "state_internal.h"

#define PPM_EXE_FROM_MEMFD (1u << 2)
#define PPM_CL_CLONE_NEWPID (1u << 6)
#define PPM_CL_CLONE_NEWUSER (1u << 20)
#define PPM_CL_CHILD_IN_PIDNS (1u << 29)
/* libsinsp knows 41 capabilities (CAP_CHOWN .. CAP_CHECKPOINT_RESTORE): all set */
#define ALL_CAPS ((UINT64_C(1) << 41) - 1)

/* Unsigned parameter `name` of `ev` when the record carries it (not empty). */
static int param_u64(const struct fnet_event *ev, const char *name, uint64_t *v)
{
	if (!ev->info)
		return 0;
	int i = fnet_event_param_index(ev->info, ev->nparams, name);
	if (i < 0 || ev->param_len[i] == 0)
		return 0;
	*v = fnet_event_param_u64(ev, (uint32_t)i);
	return 1;
}

static int is_type(const struct fnet_event *ev, const char *name)
{
	return ev->info && strcmp(ev->info->name, name) == 0;
}

/* Success of an exit event: its res parameter is not negative. */
static int succeeded(const struct fnet_event *ev)
{
	int i = fnet_param_slot(ev->type, FNET_PN_RES);
	return i >= 0 && (uint32_t)i < ev->nparams && fnet_event_param_s64(ev, (uint32_t)i) >= 0;
}

static void on_exec(struct fnet_thread *t, const struct fnet_event *ev)
{
	struct fnet_exec_info *x = &t->xinfo;
	uint64_t v, ino, ctime, mtime;
	if (param_u64(ev, "flags", &v))
		x->exe_from_memfd = (v & PPM_EXE_FROM_MEMFD) != 0;
	/* the three sets come together: the effective one tells they are there */
	if (param_u64(ev, "cap_effective", &v)) {
		x->cap_effective = v;
		param_u64(ev, "cap_inheritable", &x->cap_inheritable);
		param_u64(ev, "cap_permitted", &x->cap_permitted);
	}
	if (param_u64(ev, "exe_ino_mtime", &mtime) && param_u64(ev, "exe_ino", &ino) &&
	    param_u64(ev, "exe_ino_ctime", &ctime)) {
		x->exe_ino = ino;
		x->exe_ino_ctime = ctime;
		x->exe_ino_mtime = mtime;
		if (t->clone_ts_ns)
			x->ctime_since_clone = t->clone_ts_ns - ctime;
		if (x->pidns_init_start_ts && ctime > x->pidns_init_start_ts)
			x->ctime_since_pidns = ctime - x->pidns_init_start_ts;
	}
}

void fnet_exec_info_on_exit(struct fnet_state *st, struct fnet_thread *t,
			    const struct fnet_event *ev)
{
	(void)st;
	if (!t || !ev->info || fnet_event_is_enter(ev->type) || !succeeded(ev))
		return;
	uint64_t flags = 0;
	if (is_type(ev, "execve") || is_type(ev, "execveat")) {
		on_exec(t, ev);
	} else if (ev->type == FNET_EV_SYSCALL_CAPSET_X) {
		param_u64(ev, "cap_inheritable", &t->xinfo.cap_inheritable);
		param_u64(ev, "cap_permitted", &t->xinfo.cap_permitted);
		param_u64(ev, "cap_effective", &t->xinfo.cap_effective);
	} else if ((ev->type == FNET_EV_SYSCALL_UNSHARE_X && param_u64(ev, "flags", &flags)) ||
		   (ev->type == FNET_EV_SYSCALL_SETNS_X && param_u64(ev, "nstype", &flags))) {
		/* a new user namespace gives every capability in it */
		if (flags & PPM_CL_CLONE_NEWUSER)
			t->xinfo.cap_inheritable = t->xinfo.cap_permitted = t->xinfo.cap_effective =
				ALL_CAPS;
	}
}

void fnet_exec_info_on_clone(const struct fnet_state *st, struct fnet_thread *child,
			     const struct fnet_thread *parent, const struct fnet_event *ev)
{
	if (parent && parent != child) {
		child->xinfo = parent->xinfo;
		child->xinfo.ctime_since_pidns = 0; /* libsinsp does not pass this one on */
	}
	/* a child in a pid namespace: the namespace's start, from boot time; else boot time */
	uint64_t flags = 0, start;
	param_u64(ev, "flags", &flags);
	int in_pidns = (flags & (PPM_CL_CHILD_IN_PIDNS | PPM_CL_CLONE_NEWPID)) ||
		       (child->vtid >= 0 && child->vtid != child->tid);
	if (!in_pidns)
		child->xinfo.pidns_init_start_ts = st->machine.boot_ts_ns;
	else if (param_u64(ev, "pidns_init_start_ts", &start))
		child->xinfo.pidns_init_start_ts = start + st->machine.boot_ts_ns;
}

void fnet_exec_info_from_record(struct fnet_thread *t, const struct fnet_thread_record *r)
{
	struct fnet_exec_info *x = &t->xinfo;
	x->pidns_init_start_ts = r->pidns_init_start_ts_ns;
	x->cap_inheritable = r->cap_inheritable;
	x->cap_permitted = r->cap_permitted;
	x->cap_effective = r->cap_effective;
	x->exe_ino = r->exe_ino;
	x->exe_ino_ctime = r->exe_ino_ctime;
	x->exe_ino_mtime = r->exe_ino_mtime;
	x->exe_from_memfd = r->exe_from_memfd;
}
