/*
 * The process field class (proc.*): the process of the event's thread, its
 * parent and ancestors, its session, terminal and executable. Values come from
 * the thread as the state knows it (sysdig reads the thread's own copy of
 * name, exe and arguments, but the main thread's cwd and fd table). A thread
 * the state never saw is the state's "<NA>" placeholder, as in sysdig.
 * Ancestors are found through the parent thread id (ptid) of each process's
 * main thread, as sysdig walks them.
 */
#include <string.h>

#include "fields_common.h"

#define PPM_CL_IS_MAIN_THREAD (1u << 30)
/* Ancestor walks stop after this many steps (a loop in the parent chain). */
#define MAX_ANCESTORS 4096

/* Whether `t` is its process's main thread. */
static int is_main(const struct fnet_thread *t)
{
	return t->pid == t->tid || (t->flags & PPM_CL_IS_MAIN_THREAD);
}

/* The main thread of `t`'s process: t itself, else the thread `pid`, else NULL. */
static const struct fnet_thread *main_thread(const struct fnet_eval_ctx *ctx,
					     const struct fnet_thread *t)
{
	if (is_main(t))
		return t;
	return ctx->state ? fnet_state_thread(ctx->state, t->pid) : NULL;
}

/* The thread `t->ptid` (the parent), or NULL. */
static const struct fnet_thread *parent_of(const struct fnet_eval_ctx *ctx,
					   const struct fnet_thread *t)
{
	if (!ctx->state || t->ptid == -1)
		return NULL;
	return fnet_state_thread(ctx->state, t->ptid);
}

/* Ancestor `n` of the event's process (0: its main thread, 1: the parent, ...), or NULL. */
static const struct fnet_thread *ancestor(const struct fnet_eval_ctx *ctx, int64_t n)
{
	if (!ctx->thread || n < 0)
		return NULL;
	const struct fnet_thread *m = main_thread(ctx, ctx->thread);
	for (int64_t i = 0; m && i < n; i++) {
		if (i >= MAX_ANCESTORS)
			return NULL;
		m = parent_of(ctx, m);
	}
	return m;
}

/* Joins NUL-separated `s` with single spaces into scratch. */
static size_t join_args(char *dst, size_t cap, const struct fnet_string *s)
{
	size_t n = 0;
	if (!s->ptr || cap == 0)
		return 0;
	uint32_t len = s->len;
	for (uint32_t i = 0; i < len && n < cap; i++)
		dst[n++] = s->ptr[i] ? s->ptr[i] : ' ';
	return n;
}

/* comm, then " arg" for each argument (an empty argument still adds its space). */
static size_t cmdline(char *dst, size_t cap, const struct fnet_thread *t)
{
	size_t clen = t->comm.ptr ? t->comm.len : 0, n;
	if (clen > cap)
		clen = cap;
	if (clen)
		memcpy(dst, t->comm.ptr, clen);
	n = clen;
	if (t->args.ptr && t->args.len && n < cap) {
		dst[n++] = ' ';
		n += join_args(dst + n, cap - n, &t->args);
	}
	return n;
}

static int set_scratch(struct fnet_field_value *out, char *scratch, size_t n)
{
	out->str = scratch;
	out->len = (uint32_t)n;
	return 1;
}

static int set_i64(struct fnet_field_value *out, int64_t v)
{
	out->i64 = v;
	return 1;
}

/* proc.pid */
EXTRACTOR(extract_pid)
{
	UNUSED_ARGS;
	return ctx->thread && set_i64(out, ctx->thread->pid);
}

/* proc.exe: argv[0] as the process was executed. */
EXTRACTOR(extract_exe)
{
	UNUSED_ARGS;
	return ctx->thread && fnet_value_fstr(out, &ctx->thread->exe);
}

/* proc.exepath: the full path of the executable. */
EXTRACTOR(extract_exepath)
{
	UNUSED_ARGS;
	return ctx->thread && fnet_value_fstr(out, &ctx->thread->exepath);
}

/* proc.name: the thread's command name (comm). */
EXTRACTOR(extract_name)
{
	UNUSED_ARGS;
	return ctx->thread && fnet_value_fstr(out, &ctx->thread->comm);
}

/* proc.args: the arguments after argv[0], space-separated. */
EXTRACTOR(extract_args)
{
	(void)arg;
	if (!ctx->thread)
		return 0;
	return set_scratch(out, scratch, join_args(scratch, FNET_FIELD_SCRATCH_SIZE, &ctx->thread->args));
}

/* proc.env: the environment, space-separated (sysdig drops empty trailing entries). */
EXTRACTOR(extract_env)
{
	(void)arg;
	if (!ctx->thread)
		return 0;
	struct fnet_string env = ctx->thread->env;
	while (env.ptr && env.len && env.ptr[env.len - 1] == 0)
		env.len--;
	return set_scratch(out, scratch, join_args(scratch, FNET_FIELD_SCRATCH_SIZE, &env));
}

/*
 * proc.cmdline: the command name followed by each argument after argv[0],
 * each preceded by one space ("cat /dev/null").
 */
EXTRACTOR(extract_cmdline)
{
	(void)arg;
	if (!ctx->thread)
		return 0;
	return set_scratch(out, scratch, cmdline(scratch, FNET_FIELD_SCRATCH_SIZE, ctx->thread));
}

/* proc.exeline: exe, a space, then the arguments ("/bin/cat /dev/null"; "ls " without any). */
EXTRACTOR(extract_exeline)
{
	(void)arg;
	const struct fnet_thread *t = ctx->thread;
	if (!t)
		return 0;
	size_t cap = FNET_FIELD_SCRATCH_SIZE - 1, n = t->exe.ptr ? t->exe.len : 0;
	if (n > cap)
		n = cap;
	if (n)
		memcpy(scratch, t->exe.ptr, n);
	scratch[n++] = ' ';
	n += join_args(scratch + n, FNET_FIELD_SCRATCH_SIZE - n, &t->args);
	return set_scratch(out, scratch, n);
}

/* proc.cwd: the working directory of the process (its main thread's), with a trailing '/'. */
EXTRACTOR(extract_cwd)
{
	UNUSED_ARGS;
	if (!ctx->thread)
		return 0;
	const struct fnet_thread *m = main_thread(ctx, ctx->thread);
	if (!m)
		return fnet_value_cstr(out, "./");
	return fnet_value_fstr(out, &m->cwd);
}

/* proc.ppid: the parent pid of the process (its main thread's ptid). */
EXTRACTOR(extract_ppid)
{
	UNUSED_ARGS;
	if (!ctx->thread)
		return 0;
	const struct fnet_thread *m = main_thread(ctx, ctx->thread);
	return m && set_i64(out, m->ptid);
}

/* The thread's parent (by the thread's own ptid), for proc.pname, pcmdline, pexe... */
static const struct fnet_thread *event_parent(const struct fnet_eval_ctx *ctx)
{
	return ctx->thread ? parent_of(ctx, ctx->thread) : NULL;
}

EXTRACTOR(extract_pname)
{
	UNUSED_ARGS;
	const struct fnet_thread *p = event_parent(ctx);
	return p && fnet_value_fstr(out, &p->comm);
}

EXTRACTOR(extract_pcmdline)
{
	(void)arg;
	const struct fnet_thread *p = event_parent(ctx);
	return p && set_scratch(out, scratch, cmdline(scratch, FNET_FIELD_SCRATCH_SIZE, p));
}

EXTRACTOR(extract_pexe)
{
	UNUSED_ARGS;
	const struct fnet_thread *p = event_parent(ctx);
	return p && fnet_value_fstr(out, &p->exe);
}

EXTRACTOR(extract_pexepath)
{
	UNUSED_ARGS;
	const struct fnet_thread *p = event_parent(ctx);
	return p && fnet_value_fstr(out, &p->exepath);
}

/* proc.pvpid: the parent's pid in its own pid namespace. */
EXTRACTOR(extract_pvpid)
{
	UNUSED_ARGS;
	const struct fnet_thread *p = event_parent(ctx);
	return p && set_i64(out, p->vpid);
}

/*
 * The ancestor an index argument names (proc.aname[2]); without an argument
 * (output formats) the process itself, as index 0. Filters on the field
 * without an index match any ancestor (fields_special.h, FNET_MATCH_ANY).
 */
static const struct fnet_thread *arg_ancestor(const struct fnet_eval_ctx *ctx,
					      const struct fnet_field_arg *arg)
{
	return ancestor(ctx, arg->has ? arg->index : 0);
}

EXTRACTOR(extract_apid)
{
	(void)scratch;
	const struct fnet_thread *a = arg_ancestor(ctx, arg);
	return a && set_i64(out, a->pid);
}

EXTRACTOR(extract_aname)
{
	(void)scratch;
	const struct fnet_thread *a = arg_ancestor(ctx, arg);
	return a && fnet_value_fstr(out, &a->comm);
}

EXTRACTOR(extract_acmdline)
{
	const struct fnet_thread *a = arg_ancestor(ctx, arg);
	return a && set_scratch(out, scratch, cmdline(scratch, FNET_FIELD_SCRATCH_SIZE, a));
}

EXTRACTOR(extract_aexe)
{
	(void)scratch;
	const struct fnet_thread *a = arg_ancestor(ctx, arg);
	return a && fnet_value_fstr(out, &a->exe);
}

EXTRACTOR(extract_aexepath)
{
	(void)scratch;
	const struct fnet_thread *a = arg_ancestor(ctx, arg);
	return a && fnet_value_fstr(out, &a->exepath);
}

/*
 * proc.loginshellid: the pid of the eldest process, among the process and its
 * ancestors, whose name ends in "sh" (bash, sh, zsh...).
 */
EXTRACTOR(extract_loginshellid)
{
	UNUSED_ARGS;
	if (!ctx->thread)
		return 0;
	const struct fnet_thread *m = main_thread(ctx, ctx->thread), *shell = NULL;
	for (int i = 0; m && i < MAX_ANCESTORS; i++, m = parent_of(ctx, m)) {
		if (m->tid == -1)
			break;
		uint32_t n = m->comm.ptr ? m->comm.len : 0;
		if (n >= 2 && m->comm.ptr[n - 2] == 's' && m->comm.ptr[n - 1] == 'h')
			shell = m;
	}
	return shell && set_i64(out, shell->pid);
}

/* proc.duration: nanoseconds since the clone that created the thread (unknown for older threads). */
EXTRACTOR(extract_duration)
{
	UNUSED_ARGS;
	const struct fnet_thread *t = ctx->thread;
	if (!t || !t->clone_ts_ns)
		return 0;
	out->u64 = ctx->ev->ts_ns - t->clone_ts_ns;
	return 1;
}

EXTRACTOR(extract_sid)
{
	UNUSED_ARGS;
	return ctx->thread && set_i64(out, ctx->thread->sid);
}

/*
 * proc.sname: the name of the session leader, the process whose pid is the
 * session id; when it is gone, the eldest ancestor in the same session.
 */
EXTRACTOR(extract_sname)
{
	UNUSED_ARGS;
	const struct fnet_thread *t = ctx->thread;
	if (!t)
		return 0;
	const struct fnet_thread *s = ctx->state && t->sid != -1 ? fnet_state_thread(ctx->state, t->sid) : NULL;
	if (s)
		return fnet_value_fstr(out, &s->comm);
	const struct fnet_thread *m = main_thread(ctx, t);
	if (!m)
		return 0;
	int64_t sid = m->sid;
	const struct fnet_thread *p = parent_of(ctx, m);
	for (int i = 0; p && p->tid != -1 && p->sid == sid && i < MAX_ANCESTORS; i++) {
		m = p;
		p = parent_of(ctx, p);
	}
	return fnet_value_fstr(out, &m->comm);
}

/* proc.tty: the controlling terminal, 0 without one. */
EXTRACTOR(extract_tty)
{
	UNUSED_ARGS;
	return ctx->thread && set_i64(out, (int32_t)ctx->thread->tty);
}

EXTRACTOR(extract_vpgid)
{
	UNUSED_ARGS;
	return ctx->thread && set_i64(out, ctx->thread->vpgid);
}

/* proc.vpid: the pid in the process's own pid namespace; none when unknown (-1). */
EXTRACTOR(extract_vpid)
{
	UNUSED_ARGS;
	return ctx->thread && ctx->thread->vpid != -1 && set_i64(out, ctx->thread->vpid);
}

EXTRACTOR(extract_is_sid_leader)
{
	UNUSED_ARGS;
	return ctx->thread && fnet_value_bool(out, ctx->thread->sid == ctx->thread->vpid);
}

EXTRACTOR(extract_is_vpgid_leader)
{
	UNUSED_ARGS;
	return ctx->thread && fnet_value_bool(out, ctx->thread->vpgid == ctx->thread->vpid);
}

EXTRACTOR(extract_is_exe_writable)
{
	UNUSED_ARGS;
	return ctx->thread && fnet_value_bool(out, ctx->thread->exe_writable);
}

EXTRACTOR(extract_is_exe_upper_layer)
{
	UNUSED_ARGS;
	return ctx->thread && fnet_value_bool(out, ctx->thread->exe_upper_layer);
}

/* Health checks and probes need container metadata, which traces lack: always false. */
EXTRACTOR(extract_false)
{
	UNUSED_ARGS;
	return ctx->thread && fnet_value_bool(out, 0);
}

/* proc.fdopencount: the fds open in the process. */
EXTRACTOR(extract_fdopencount)
{
	UNUSED_ARGS;
	if (!ctx->thread)
		return 0;
	const struct fnet_thread *m = main_thread(ctx, ctx->thread);
	if (!m)
		m = ctx->thread;
	out->u64 = m->fdt ? m->fdt->fds.count : 0;
	return 1;
}

/* proc.fdlimit: the most fds the process may open. */
EXTRACTOR(extract_fdlimit)
{
	UNUSED_ARGS;
	if (!ctx->thread)
		return 0;
	const struct fnet_thread *m = main_thread(ctx, ctx->thread);
	return set_i64(out, (int64_t)(m ? m : ctx->thread)->fdlimit);
}

#define BOOL_FIELD(n, d, fn) {n, FNET_FIELD_STRING, d, fn, fnet_check_bool, FNET_ARG_NONE}

static const struct fnet_field_def proc_fields[] = {
	{"proc.pid", FNET_FIELD_INT64, "id of the process generating the event", extract_pid, NULL,
	 FNET_ARG_NONE},
	{"proc.exe", FNET_FIELD_STRING,
	 "first command line argument (argv[0], usually the executable name or a custom one)",
	 extract_exe, NULL, FNET_ARG_NONE},
	{"proc.name", FNET_FIELD_STRING,
	 "name (excluding the path) of the executable generating the event (comm)", extract_name,
	 NULL, FNET_ARG_NONE},
	{"proc.args", FNET_FIELD_STRING,
	 "arguments passed on the command line when starting the process", extract_args, NULL,
	 FNET_ARG_NONE},
	{"proc.env", FNET_FIELD_STRING, "environment variables of the process, space-separated",
	 extract_env, NULL, FNET_ARG_NONE},
	{"proc.cmdline", FNET_FIELD_STRING, "full command line: proc.name and proc.args",
	 extract_cmdline, NULL, FNET_ARG_NONE},
	{"proc.exeline", FNET_FIELD_STRING, "full command line with exe first: proc.exe and proc.args",
	 extract_exeline, NULL, FNET_ARG_NONE},
	{"proc.cwd", FNET_FIELD_STRING, "current working directory of the process", extract_cwd,
	 NULL, FNET_ARG_NONE},
	{"proc.ppid", FNET_FIELD_INT64, "pid of the parent of the process", extract_ppid, NULL,
	 FNET_ARG_NONE},
	{"proc.pname", FNET_FIELD_STRING, "name (excluding the path) of the parent of the process",
	 extract_pname, NULL, FNET_ARG_NONE},
	{"proc.pcmdline", FNET_FIELD_STRING,
	 "full command line (proc.name and proc.args) of the parent of the process",
	 extract_pcmdline, NULL, FNET_ARG_NONE},
	{"proc.pexe", FNET_FIELD_STRING, "first command line argument (argv[0]) of the parent",
	 extract_pexe, NULL, FNET_ARG_NONE},
	{"proc.pexepath", FNET_FIELD_STRING, "full executable path of the parent",
	 extract_pexepath, NULL, FNET_ARG_NONE},
	{"proc.apid", FNET_FIELD_INT64,
	 "pid of an ancestor: proc.apid[1] the parent, proc.apid[2] the grandparent, ... "
	 "proc.apid[0] the process itself; in filters proc.apid without index matches any "
	 "ancestor (proc.apid=1234)",
	 extract_apid, NULL, FNET_ARG_INDEX},
	{"proc.aname", FNET_FIELD_STRING,
	 "name of an ancestor: proc.aname[1] the parent, proc.aname[2] the grandparent, ... "
	 "proc.aname[0] the process itself; in filters proc.aname without index matches any "
	 "ancestor (proc.aname=bash)",
	 extract_aname, NULL, FNET_ARG_INDEX},
	{"proc.acmdline", FNET_FIELD_STRING,
	 "full command line of an ancestor, indexed as proc.aname; without index in filters, any "
	 "ancestor",
	 extract_acmdline, NULL, FNET_ARG_INDEX},
	{"proc.aexe", FNET_FIELD_STRING,
	 "argv[0] of an ancestor, indexed as proc.aname; without index in filters, any ancestor",
	 extract_aexe, NULL, FNET_ARG_INDEX},
	{"proc.aexepath", FNET_FIELD_STRING,
	 "executable path of an ancestor, indexed as proc.aname; without index in filters, any "
	 "ancestor",
	 extract_aexepath, NULL, FNET_ARG_INDEX},
	{"proc.loginshellid", FNET_FIELD_INT64,
	 "pid of the eldest shell (a name ending in sh) among the process and its ancestors",
	 extract_loginshellid, NULL, FNET_ARG_NONE},
	{"proc.duration", FNET_FIELD_UINT64,
	 "nanoseconds since the process (thread) started; known for threads created during the "
	 "capture",
	 extract_duration, NULL, FNET_ARG_NONE},
	{"proc.fdopencount", FNET_FIELD_UINT64, "number of open fds of the process",
	 extract_fdopencount, NULL, FNET_ARG_NONE},
	{"proc.fdlimit", FNET_FIELD_INT64, "maximum number of fds the process can open",
	 extract_fdlimit, NULL, FNET_ARG_NONE},
	{"proc.vpid", FNET_FIELD_INT64,
	 "id of the process as seen from its own pid namespace", extract_vpid, NULL, FNET_ARG_NONE},
	{"proc.pvpid", FNET_FIELD_INT64,
	 "id of the parent process as seen from its own pid namespace", extract_pvpid, NULL,
	 FNET_ARG_NONE},
	{"proc.sid", FNET_FIELD_INT64, "session id of the process", extract_sid, NULL,
	 FNET_ARG_NONE},
	{"proc.sname", FNET_FIELD_STRING,
	 "name of the session leader: the process whose pid is proc.sid, or the eldest ancestor "
	 "in the same session",
	 extract_sname, NULL, FNET_ARG_NONE},
	{"proc.tty", FNET_FIELD_INT64,
	 "controlling terminal of the process, 0 for processes without a terminal", extract_tty,
	 NULL, FNET_ARG_NONE},
	{"proc.exepath", FNET_FIELD_STRING, "full executable path of the process", extract_exepath,
	 NULL, FNET_ARG_NONE},
	{"proc.vpgid", FNET_FIELD_INT64,
	 "process group id of the process, as seen from its own pid namespace", extract_vpgid, NULL,
	 FNET_ARG_NONE},
	BOOL_FIELD("proc.is_sid_leader", "true if the process is the leader of its session",
		   extract_is_sid_leader),
	BOOL_FIELD("proc.is_vpgid_leader", "true if the process is the leader of its process group",
		   extract_is_vpgid_leader),
	BOOL_FIELD("proc.is_exe_writable",
		   "true if the executable of the process is writable by the user that started it",
		   extract_is_exe_writable),
	BOOL_FIELD("proc.is_exe_upper_layer",
		   "true if the executable of the process is in the upper layer of an overlay file "
		   "system (a file written in a container)",
		   extract_is_exe_upper_layer),
	BOOL_FIELD("proc.is_container_healthcheck",
		   "true if the process runs as part of the container's health check",
		   extract_false),
	BOOL_FIELD("proc.is_container_liveness_probe",
		   "true if the process runs as part of the container's liveness probe",
		   extract_false),
	BOOL_FIELD("proc.is_container_readiness_probe",
		   "true if the process runs as part of the container's readiness probe",
		   extract_false),
};

const struct fnet_field_class fnet_fields_proc = {"proc", proc_fields,
						  sizeof(proc_fields) / sizeof(proc_fields[0])};
