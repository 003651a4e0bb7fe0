/*
 * The process and thread field class: proc.name, proc.pid, proc.exe,
 * proc.cmdline, thread.tid. They read the event's thread as the state knows it
 * (sysdig reads the thread's own copy, not the main thread's). A thread the
 * state never saw is the state's "<NA>" placeholder, as in sysdig.
 */
#include <string.h>

#include "fields.h"

static void set_string(struct fnet_field_value *out, const struct fnet_string *s)
{
	out->str = s->ptr ? s->ptr : "";
	out->len = s->ptr ? s->len : 0;
}

/* proc.name: the thread's command name (comm). */
static int extract_name(const struct fnet_eval_ctx *ctx, const struct fnet_field_arg *arg,
			struct fnet_field_value *out, char *scratch)
{
	(void)arg;
	(void)scratch;
	if (!ctx->thread)
		return 0;
	set_string(out, &ctx->thread->comm);
	return 1;
}

/* proc.pid: the id of the thread's process. */
static int extract_pid(const struct fnet_eval_ctx *ctx, const struct fnet_field_arg *arg, struct fnet_field_value *out, char *scratch)
{
	(void)arg;
	(void)scratch;
	if (!ctx->thread)
		return 0;
	out->i64 = ctx->thread->pid;
	return 1;
}

/* thread.tid: the event's thread id; known even without thread information. */
static int extract_tid(const struct fnet_eval_ctx *ctx, const struct fnet_field_arg *arg, struct fnet_field_value *out, char *scratch)
{
	(void)arg;
	(void)scratch;
	out->i64 = ctx->ev->tid;
	return 1;
}

/* proc.exe: argv[0] as the process was executed. */
static int extract_exe(const struct fnet_eval_ctx *ctx, const struct fnet_field_arg *arg, struct fnet_field_value *out, char *scratch)
{
	(void)arg;
	(void)scratch;
	if (!ctx->thread)
		return 0;
	set_string(out, &ctx->thread->exe);
	return 1;
}

/*
 * proc.cmdline: the command name followed by each argument after argv[0],
 * each preceded by one space ("cat /dev/null"). Arguments are NUL-separated in
 * the thread; an empty argument still adds its space, as in sysdig.
 */
static int extract_cmdline(const struct fnet_eval_ctx *ctx, const struct fnet_field_arg *arg,
			   struct fnet_field_value *out, char *scratch)
{
	(void)arg;
	const struct fnet_thread *t = ctx->thread;
	if (!t)
		return 0;
	size_t cap = FNET_FIELD_SCRATCH_SIZE, n = 0;
	size_t clen = t->comm.ptr ? t->comm.len : 0;
	if (clen > cap)
		clen = cap;
	if (clen)
		memcpy(scratch, t->comm.ptr, clen);
	n = clen;
	if (t->args.ptr && t->args.len) {
		/* the state keeps the arguments without their last NUL: k NULs, k+1 arguments */
		const char *a = t->args.ptr, *end = t->args.ptr + t->args.len;
		while (n < cap) {
			const char *z = memchr(a, 0, (size_t)(end - a));
			size_t alen = z ? (size_t)(z - a) : (size_t)(end - a);
			scratch[n++] = ' ';
			if (alen > cap - n)
				alen = cap - n;
			memcpy(scratch + n, a, alen);
			n += alen;
			if (!z)
				break;
			a = z + 1;
		}
	}
	out->str = scratch;
	out->len = (uint32_t)n;
	return 1;
}

static const struct fnet_field_def proc_fields[] = {
	{"proc.name", FNET_FIELD_STRING, "name of the process (command name, comm)", extract_name, NULL, FNET_ARG_NONE},
	{"proc.pid", FNET_FIELD_INT64, "id of the process", extract_pid, NULL, FNET_ARG_NONE},
	{"proc.exe", FNET_FIELD_STRING, "first command line argument (argv[0]) of the process",
	 extract_exe, NULL, FNET_ARG_NONE},
	{"proc.cmdline", FNET_FIELD_STRING,
	 "command name and arguments of the process, space-separated", extract_cmdline, NULL, FNET_ARG_NONE},
	{"thread.tid", FNET_FIELD_INT64, "id of the thread that generated the event", extract_tid, NULL, FNET_ARG_NONE},
};

const struct fnet_field_class fnet_fields_proc = {"proc", proc_fields,
						  sizeof(proc_fields) / sizeof(proc_fields[0])};
