/*
 * The thread field class (thread.*): the thread that generated the event, its
 * ids and cgroups. sysdig lists these with the proc fields ("process" class).
 */
#include <string.h>

#include "fields_common.h"

#define PPM_CL_IS_MAIN_THREAD (1u << 30)

/* thread.tid: the event's thread id; known even without thread information. */
static int extract_tid(const struct fnet_eval_ctx *ctx, const struct fnet_field_arg *arg,
		       struct fnet_field_value *out, char *scratch)
{
	(void)arg;
	(void)scratch;
	out->i64 = ctx->ev->tid;
	return 1;
}

/* thread.vtid: the thread id in its pid namespace; none when unknown (-1). */
static int extract_vtid(const struct fnet_eval_ctx *ctx, const struct fnet_field_arg *arg,
			struct fnet_field_value *out, char *scratch)
{
	(void)arg;
	(void)scratch;
	if (!ctx->thread || ctx->thread->vtid == -1)
		return 0;
	out->i64 = ctx->thread->vtid;
	return 1;
}

/* thread.ismain: whether the thread is its process's main thread. */
static int extract_ismain(const struct fnet_eval_ctx *ctx, const struct fnet_field_arg *arg,
			  struct fnet_field_value *out, char *scratch)
{
	(void)arg;
	(void)scratch;
	const struct fnet_thread *t = ctx->thread;
	return t && fnet_value_bool(out, t->pid == t->tid || (t->flags & PPM_CL_IS_MAIN_THREAD));
}

/*
 * thread.cgroups: "subsystem=path" for each cgroup, space-separated; no value
 * when the thread has none.
 */
static int extract_cgroups(const struct fnet_eval_ctx *ctx, const struct fnet_field_arg *arg,
			   struct fnet_field_value *out, char *scratch)
{
	(void)arg;
	const struct fnet_thread *t = ctx->thread;
	if (!t || !t->cgroups.ptr || t->cgroups.len == 0)
		return 0;
	uint32_t n = t->cgroups.len < FNET_FIELD_SCRATCH_SIZE ? t->cgroups.len : FNET_FIELD_SCRATCH_SIZE;
	while (n && t->cgroups.ptr[n - 1] == 0)
		n--;
	if (n == 0)
		return 0;
	for (uint32_t i = 0; i < n; i++)
		scratch[i] = t->cgroups.ptr[i] ? t->cgroups.ptr[i] : ' ';
	out->str = scratch;
	out->len = n;
	return 1;
}

/* thread.cgroup.SUBSYS: the path of the thread's cgroup of subsystem SUBSYS. */
static int extract_cgroup(const struct fnet_eval_ctx *ctx, const struct fnet_field_arg *arg,
			  struct fnet_field_value *out, char *scratch)
{
	(void)scratch;
	const struct fnet_thread *t = ctx->thread;
	if (!t || !t->cgroups.ptr || !arg->name)
		return 0;
	const char *p = t->cgroups.ptr, *end = p + t->cgroups.len;
	while (p < end) {
		const char *z = memchr(p, 0, (size_t)(end - p));
		const char *e = z ? z : end;
		const char *eq = memchr(p, '=', (size_t)(e - p));
		if (eq && (size_t)(eq - p) == arg->name_len && memcmp(p, arg->name, arg->name_len) == 0) {
			out->str = eq + 1;
			out->len = (uint32_t)(e - eq - 1);
			return 1;
		}
		p = e + 1;
	}
	return 0;
}

static const struct fnet_field_def thread_fields[] = {
	{"thread.tid", FNET_FIELD_INT64, "id of the thread generating the event", extract_tid, NULL,
	 FNET_ARG_NONE},
	{"thread.vtid", FNET_FIELD_INT64,
	 "id of the thread generating the event as seen from its own pid namespace", extract_vtid,
	 NULL, FNET_ARG_NONE},
	{"thread.ismain", FNET_FIELD_STRING,
	 "'true' if the thread generating the event is the main one in the process",
	 extract_ismain, fnet_check_bool, FNET_ARG_NONE},
	{"thread.cgroups", FNET_FIELD_STRING,
	 "all the cgroups the thread belongs to, aggregated into a single string", extract_cgroups,
	 NULL, FNET_ARG_NONE},
	{"thread.cgroup", FNET_FIELD_STRING,
	 "the cgroup the thread belongs to, for a subsystem: thread.cgroup.cpuacct",
	 extract_cgroup, NULL, FNET_ARG_NAME_NEEDED},
};

const struct fnet_field_class fnet_fields_thread = {"thread", thread_fields,
						    sizeof(thread_fields) / sizeof(thread_fields[0])};
