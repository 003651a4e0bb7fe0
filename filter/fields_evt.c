/*
 * The evt field class: what an event is (number, time, type, direction,
 * category, CPU), its parameters (evt.arg, evt.args, evt.rawarg, evt.buffer),
 * its result (evt.res, evt.rawres, evt.failed) and derived facts (latency, I/O
 * kind, open modes). Semantics of sysdig 0.29.3 (libs e5c53d64 filterchecks).
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "event_format.h"
#include "path_util.h"
#include "fields_common.h"
#include "fields_special.h"

#define NS_PER_S 1000000000ull
#define FNET_EC_IO_BASE 32 /* bit shared by the I/O categories */

static int is_generic(uint16_t type)
{
	return type == FNET_EV_GENERIC_E || type == FNET_EV_GENERIC_X;
}

static int set_u64(struct fnet_field_value *out, uint64_t v)
{
	out->u64 = v;
	return 1;
}

static int set_i64(struct fnet_field_value *out, int64_t v)
{
	out->i64 = v;
	return 1;
}

/* ---- evt.num and times ---- */

EXTRACTOR(extract_num)
{
	UNUSED_ARGS;
	return set_u64(out, ctx->ev->num);
}

/* sysdig applies today's UTC offset to every timestamp, whatever its date. */
static int64_t utc_offset_s(void)
{
	static _Thread_local int ready;
	static _Thread_local int64_t off;
	if (!ready) {
		time_t now = time(NULL);
		struct tm lt;
		localtime_r(&now, &lt);
		off = lt.tm_gmtoff;
		ready = 1;
	}
	return off;
}

/* "HH:MM:SS[.nnnnnnnnn]", preceded by "YYYY-MM-DD " with `date`. */
static int format_time(uint64_t ts, int date, int ns, struct fnet_field_value *out, char *scratch)
{
	int64_t secs = (int64_t)(ts / NS_PER_S) + utc_offset_s();
	int64_t s = ((secs % 86400) + 86400) % 86400;
	int n = 0;
	if (date) {
		time_t day = (time_t)(secs - s);
		struct tm tm;
		if (gmtime_r(&day, &tm))
			n = snprintf(scratch, 64, "%04d-%02d-%02d ", tm.tm_year + 1900, tm.tm_mon + 1,
				     tm.tm_mday);
		else
			n = snprintf(scratch, 64, "<date error> ");
	}
	if (ns)
		snprintf(scratch + n, 64, "%02d:%02d:%02d.%09u", (int)(s / 3600), (int)(s % 3600 / 60),
			 (int)(s % 60), (unsigned)(ts % NS_PER_S));
	else
		snprintf(scratch + n, 64, "%02d:%02d:%02d", (int)(s / 3600), (int)(s % 3600 / 60),
			 (int)(s % 60));
	return fnet_value_cstr(out, scratch);
}

EXTRACTOR(extract_time)
{
	(void)arg;
	return format_time(ctx->ev->ts_ns, 0, 1, out, scratch);
}

EXTRACTOR(extract_time_s)
{
	(void)arg;
	return format_time(ctx->ev->ts_ns, 0, 0, out, scratch);
}

EXTRACTOR(extract_datetime)
{
	(void)arg;
	return format_time(ctx->ev->ts_ns, 1, 1, out, scratch);
}

EXTRACTOR(extract_datetime_s)
{
	(void)arg;
	return format_time(ctx->ev->ts_ns, 1, 0, out, scratch);
}

/* evt.time.iso8601: UTC, "2019-10-11T12:34:56.123456789+0000". */
EXTRACTOR(extract_time_iso8601)
{
	(void)arg;
	uint64_t ts = ctx->ev->ts_ns;
	time_t sec = (time_t)(ts / NS_PER_S);
	struct tm tm;
	if (!gmtime_r(&sec, &tm))
		return fnet_value_cstr(out, "YYYY-MM-DDTHH:MM:SS-0000");
	size_t n = strftime(scratch, 64, "%Y-%m-%dT%H:%M:%S", &tm);
	snprintf(scratch + n, 64, ".%09u+0000", (unsigned)(ts % NS_PER_S));
	return fnet_value_cstr(out, scratch);
}

EXTRACTOR(extract_rawtime)
{
	UNUSED_ARGS;
	return set_u64(out, ctx->ev->ts_ns);
}

EXTRACTOR(extract_rawtime_s)
{
	UNUSED_ARGS;
	return set_u64(out, ctx->ev->ts_ns / NS_PER_S);
}

EXTRACTOR(extract_rawtime_ns)
{
	UNUSED_ARGS;
	return set_u64(out, ctx->ev->ts_ns % NS_PER_S);
}

EXTRACTOR(extract_reltime)
{
	UNUSED_ARGS;
	return set_u64(out, ctx->ev->ts_ns - fnet_first_event_ts(ctx));
}

EXTRACTOR(extract_reltime_s)
{
	UNUSED_ARGS;
	return set_u64(out, (ctx->ev->ts_ns - fnet_first_event_ts(ctx)) / NS_PER_S);
}

EXTRACTOR(extract_reltime_ns)
{
	UNUSED_ARGS;
	return set_u64(out, (ctx->ev->ts_ns - fnet_first_event_ts(ctx)) % NS_PER_S);
}

/* ---- latency and deltas ---- */

/*
 * sysdig's thread latency: 0 on enter events; on exit events the time since
 * the thread's last enter event (0 when the thread has had none). No value
 * without a thread or for internal events.
 */
static int latency(const struct fnet_eval_ctx *ctx, uint64_t *lat)
{
	const struct fnet_event *ev = ctx->ev;
	if (!ctx->thread || !ev->info || (ev->info->category & FNET_EC_INTERNAL))
		return 0;
	*lat = ctx->thread->latency_ns;
	return 1;
}

EXTRACTOR(extract_latency)
{
	UNUSED_ARGS;
	uint64_t l;
	return latency(ctx, &l) && set_u64(out, l);
}

EXTRACTOR(extract_latency_s)
{
	UNUSED_ARGS;
	uint64_t l;
	return latency(ctx, &l) && set_u64(out, l / NS_PER_S);
}

EXTRACTOR(extract_latency_ns)
{
	UNUSED_ARGS;
	uint64_t l;
	return latency(ctx, &l) && set_u64(out, l % NS_PER_S);
}

/*
 * A duration as sysdig prints it for people: "1:02:03" from an hour, "2:05"
 * from a minute, "1.25s", "125ms" from 10 ms, "1.25ms", "125us" from 10 us,
 * "1.25us", "512ns".
 */
static void human_duration(uint64_t ns, char *buf, size_t size)
{
	const uint64_t s = NS_PER_S;
	if (ns >= 3600 * s)
		snprintf(buf, size, "%.2u:%.2u:%.2u", (unsigned)(ns / (3600 * s)),
			 (unsigned)(ns / (60 * s) % 60), (unsigned)(ns / s % 60));
	else if (ns >= 60 * s)
		snprintf(buf, size, "%u:%u", (unsigned)(ns / (60 * s)), (unsigned)(ns / s % 60));
	else if (ns >= s)
		snprintf(buf, size, "%u.%02us", (unsigned)(ns / s), (unsigned)(ns % s / 10000000));
	else if (ns >= s / 100)
		snprintf(buf, size, "%ums", (unsigned)(ns / 1000000));
	else if (ns >= s / 1000)
		snprintf(buf, size, "%u.%02ums", (unsigned)(ns / 1000000), (unsigned)(ns % 1000000 / 10000));
	else if (ns >= s / 100000)
		snprintf(buf, size, "%uus", (unsigned)(ns / 1000));
	else if (ns >= s / 1000000)
		snprintf(buf, size, "%u.%02uus", (unsigned)(ns / 1000), (unsigned)(ns % 1000 / 10));
	else
		snprintf(buf, size, "%uns", (unsigned)ns);
}

EXTRACTOR(extract_latency_human)
{
	(void)arg;
	uint64_t l;
	if (!latency(ctx, &l))
		return 0;
	human_duration(l, scratch, 64);
	return fnet_value_cstr(out, scratch);
}

/*
 * evt.deltatime: the time since the previous event this check saw (sysdig
 * keeps the previous timestamp per check, so the first event yields 0). The
 * state is kept per field reference, keyed by its argument's address.
 */
static uint64_t delta_since_last(const struct fnet_field_arg *arg, uint64_t ts)
{
	enum { SLOTS = 64 };
	static _Thread_local struct {
		const void *key;
		uint64_t last;
	} slot[SLOTS];
	size_t h = ((uintptr_t)arg >> 4) % SLOTS;
	for (size_t i = 0; i < SLOTS; i++) {
		size_t k = (h + i) % SLOTS;
		if (slot[k].key == arg) {
			uint64_t d = ts - slot[k].last;
			slot[k].last = ts;
			return d;
		}
		if (!slot[k].key) {
			slot[k].key = arg;
			slot[k].last = ts;
			return 0;
		}
	}
	return 0;
}

EXTRACTOR(extract_deltatime)
{
	(void)scratch;
	return set_u64(out, delta_since_last(arg, ctx->ev->ts_ns));
}

EXTRACTOR(extract_deltatime_s)
{
	(void)scratch;
	return set_u64(out, delta_since_last(arg, ctx->ev->ts_ns) / NS_PER_S);
}

EXTRACTOR(extract_deltatime_ns)
{
	(void)scratch;
	return set_u64(out, delta_since_last(arg, ctx->ev->ts_ns) % NS_PER_S);
}

/* ---- direction, type, category, CPU ---- */

/* evt.dir: ">" for enter events (even type numbers), "<" for exit events. */
EXTRACTOR(extract_dir)
{
	UNUSED_ARGS;
	return fnet_value_cstr(out, fnet_event_is_enter(ctx->ev->type) ? ">" : "<");
}

/*
 * evt.type: the schema name; for generic events (syscalls without a dedicated
 * event type) the name of the syscall in their first parameter.
 */
EXTRACTOR(extract_type)
{
	UNUSED_ARGS;
	const struct fnet_event *ev = ctx->ev;
	if (!ev->info)
		return 0;
	if (is_generic(ev->type)) {
		uint16_t code = ev->nparams > 0 ? (uint16_t)fnet_event_param_u64(ev, 0) : 0;
		return fnet_value_cstr(out, fnet_sysdig_syscall_name(code));
	}
	return fnet_value_cstr(out, ev->info->name);
}

/* syscall.type: evt.type for system call events; none for scheduler and internal events. */
EXTRACTOR(extract_syscall_type)
{
	const struct fnet_event *ev = ctx->ev;
	if (!ev->info || ev->type == FNET_EV_SCHEDSWITCH_6_E ||
	    (ev->info->flags & FNET_EF_SKIPPARSERESET) || (ev->info->category & FNET_EC_INTERNAL))
		return 0;
	return extract_type(ctx, arg, out, scratch);
}

/*
 * evt.type.is.NAME: 1 for events of type NAME (either direction), else 0.
 * NAME may be an event type number, which matches that number only.
 */
EXTRACTOR(extract_type_is)
{
	(void)scratch;
	const struct fnet_event *ev = ctx->ev;
	if (arg->is_index)
		return set_u64(out, (int64_t)ev->type == arg->index);
	if (!arg->name)
		return set_u64(out, 0);
	if (arg->name_len && arg->name[0] >= '0' && arg->name[0] <= '9') {
		/* evt.type.is.312: that type number only */
		uint64_t n = 0;
		for (uint32_t i = 0; i < arg->name_len && arg->name[i] >= '0' && arg->name[i] <= '9'; i++)
			n = n * 10 + (uint64_t)(arg->name[i] - '0');
		return set_u64(out, ev->type == n);
	}
	if (!ev->info)
		return set_u64(out, 0);
	const char *n = fnet_event_table[ev->type & ~1u].name;
	return set_u64(out, strlen(n) == arg->name_len && memcmp(n, arg->name, arg->name_len) == 0);
}

EXTRACTOR(extract_category)
{
	UNUSED_ARGS;
	if (!ctx->ev->info)
		return 0;
	return fnet_value_cstr(out, fnet_event_category_name(ctx->ev, fnet_event_fd(ctx)));
}

/* evt.cpu: a signed 16-bit number in sysdig. */
EXTRACTOR(extract_cpu)
{
	UNUSED_ARGS;
	return set_i64(out, (int16_t)ctx->ev->cpu);
}

/* ---- parameters ---- */

/* Renders parameter `i` as sysdig's evt.arg does: its resolved form when it has one. */
static int param_as_text(const struct fnet_eval_ctx *ctx, uint32_t i, struct fnet_field_value *out)
{
	static _Thread_local struct fnet_strbuf v = FNET_STRBUF_INIT, r = FNET_STRBUF_INIT;
	struct fnet_format_ctx fc = {ctx->state, ctx->thread, FNET_DEFAULT_BYTEBUF_MAX, 0};
	fnet_format_param(&v, &r, ctx->ev, i, &fc);
	const struct fnet_strbuf *b = r.len ? &r : &v;
	out->str = b->ptr ? b->ptr : "";
	out->len = (uint32_t)b->len;
	return 1;
}

/*
 * evt.arg[N], evt.arg.NAME: parameter N (0-based) or the parameter called NAME,
 * as text. No value when the event has no such parameter.
 */
EXTRACTOR(extract_arg)
{
	(void)scratch;
	const struct fnet_event *ev = ctx->ev;
	if (!ev->info)
		return 0;
	int i;
	if (arg->is_index) {
		if (arg->index < 0 || arg->index >= (int64_t)fnet_sysdig_nparams(ev))
			return 0;
		i = (int)arg->index;
	} else {
		i = fnet_param_by_arg_name(ev, arg);
		if (i < 0)
			return 0;
	}
	if ((uint32_t)i >= ev->info->nparams)
		return 0;
	return param_as_text(ctx, (uint32_t)i, out);
}

/*
 * evt.rawarg.NAME: the parameter called NAME as stored. Its compare type is
 * that of the first event type declaring a parameter NAME
 * (fnet_field_type_for); the value is given in every form (sign- and
 * zero-extended number, bytes) so that it compares whatever this event's own
 * parameter type. Strings and paths end at their NUL.
 */
EXTRACTOR(extract_rawarg)
{
	(void)scratch;
	const struct fnet_event *ev = ctx->ev;
	if (!ev->info || !arg->name)
		return 0;
	int i = fnet_param_by_arg_name(ev, arg);
	if (i < 0)
		return 0;
	uint8_t t = ev->info->params[i].type;
	out->i64 = fnet_event_param_s64(ev, (uint32_t)i);
	out->u64 = fnet_event_param_u64(ev, (uint32_t)i);
	if (t == FNET_PT_CHARBUF || t == FNET_PT_FSPATH || t == FNET_PT_FSRELPATH) {
		size_t len;
		out->str = fnet_param_text(ev, (uint32_t)i, &len);
		out->len = (uint32_t)len;
		return 1;
	}
	out->str = (const char *)ev->param[i];
	out->len = ev->param_len[i];
	return 1;
}

/*
 * evt.args and evt.info: "name=value " for each parameter, with the resolved
 * form in parentheses; empty for generic events.
 */
EXTRACTOR(extract_args)
{
	UNUSED_ARGS;
	static _Thread_local struct fnet_strbuf b = FNET_STRBUF_INIT, v = FNET_STRBUF_INIT,
						r = FNET_STRBUF_INIT;
	const struct fnet_event *ev = ctx->ev;
	if (!ev->info)
		return 0;
	fnet_strbuf_reset(&b);
	if (!is_generic(ev->type)) {
		struct fnet_format_ctx fc = {ctx->state, ctx->thread, FNET_DEFAULT_BYTEBUF_MAX, 0};
		uint32_t n = fnet_sysdig_nparams(ev);
		if (n > ev->info->nparams)
			n = ev->info->nparams;
		for (uint32_t i = 0; i < n; i++) {
			fnet_format_param(&v, &r, ev, i, &fc);
			fnet_strbuf_puts(&b, fnet_sysdig_param_name(ev, i));
			fnet_strbuf_putc(&b, '=');
			fnet_strbuf_append(&b, v.ptr ? v.ptr : "", v.len);
			if (r.len) {
				fnet_strbuf_putc(&b, '(');
				fnet_strbuf_append(&b, r.ptr, r.len);
				fnet_strbuf_putc(&b, ')');
			}
			fnet_strbuf_putc(&b, ' ');
		}
	}
	out->str = b.ptr ? b.ptr : "";
	out->len = (uint32_t)b.len;
	return 1;
}

/* Index of the "data" parameter of `ev`, or -1. */
static int data_param(const struct fnet_event *ev)
{
	static const struct fnet_field_arg data_arg = {1, 0, 0, "data", 4};
	return fnet_param_by_arg_name(ev, &data_arg);
}

/*
 * evt.buffer: the data buffer of I/O events (the "data" parameter), as bytes:
 * `contains` searches the whole captured buffer.
 */
EXTRACTOR(extract_buffer)
{
	UNUSED_ARGS;
	const struct fnet_event *ev = ctx->ev;
	int i = ev->info ? data_param(ev) : -1;
	if (i < 0)
		return 0;
	out->str = (const char *)ev->param[i];
	out->len = ev->param_len[i];
	return 1;
}

/* The result of an exit event: its "res" parameter, else for fd-creating calls its "fd". */
static int result_of(const struct fnet_event *ev, int64_t *res)
{
	if (!ev->info)
		return 0;
	if (fnet_param_int(ev, FNET_PN_RES, res))
		return 1;
	if (fnet_event_is_enter(ev->type) || !(fnet_sysdig_fd_flags(ev->type) & FNET_EF_CREATES_FD))
		return 0;
	return fnet_param_int(ev, FNET_PN_FD, res);
}

/*
 * evt.buflen: for exit events of I/O calls on a known fd, the result when it
 * is not negative (the bytes read or written).
 */
EXTRACTOR(extract_buflen)
{
	UNUSED_ARGS;
	const struct fnet_event *ev = ctx->ev;
	if (!ev->info || fnet_event_is_enter(ev->type) || !(ev->info->category & FNET_EC_IO_BASE) ||
	    !fnet_event_fd(ctx) || ev->nparams == 0)
		return 0;
	int64_t r = fnet_event_param_s64(ev, 0);
	return r >= 0 && set_u64(out, (uint64_t)r);
}

/*
 * Type and print format of parameter `i` of event type `type` as sysdig 0.29.3
 * declares them; three "res" parameters changed type in later schemas.
 */
static void sysdig_param_type(uint16_t type, const struct fnet_event_info *ei, int i,
			      uint8_t *ptype, uint8_t *pfmt)
{
	if (i == 0 && (type == FNET_EV_SYSCALL_MMAP_X || type == FNET_EV_SYSCALL_MMAP2_X)) {
		*ptype = FNET_PT_UINT64;
		*pfmt = FNET_PF_HEX;
		return;
	}
	if (i == 0 && type == FNET_EV_SYSCALL_SETPGID_X) {
		*ptype = FNET_PT_PID;
		*pfmt = FNET_PF_DEC;
		return;
	}
	*ptype = ei->params[i].type;
	*pfmt = ei->params[i].format;
}

/* A negative result as sysdig renders it: its resolved form, else the number. */
static const char *render_failure(int64_t v, uint8_t ptype, uint8_t pfmt, char *scratch)
{
	const char *name;
	switch (ptype) {
	case FNET_PT_ERRNO:
		if ((name = fnet_sysdig_errno_name(v)))
			return name;
		break;
	case FNET_PT_FD:
	case FNET_PT_FD32:
		if (v == -100)
			return "AT_FDCWD";
		if ((name = fnet_sysdig_errno_name(v)))
			return name;
		break;
	case FNET_PT_UINT64:
		if (pfmt == FNET_PF_HEX) {
			snprintf(scratch, FNET_FIELD_SCRATCH_SIZE, "%" PRIX64, (uint64_t)v);
			return scratch;
		}
		if (pfmt == FNET_PF_OCT) {
			snprintf(scratch, FNET_FIELD_SCRATCH_SIZE, "%#" PRIo64, (uint64_t)v);
			return scratch;
		}
		break;
	default:
		break;
	}
	snprintf(scratch, FNET_FIELD_SCRATCH_SIZE, "%" PRId64, v);
	return scratch;
}

/*
 * evt.res: "SUCCESS" or the failure (errno name) of the event's "res"
 * parameter, wherever it sits; for exit events of fd-creating calls without
 * one, of their "fd" parameter. No value otherwise (enter events, generic
 * events, calls whose result is not recorded).
 */
EXTRACTOR(extract_res)
{
	(void)arg;
	const struct fnet_event *ev = ctx->ev;
	if (!ev->info)
		return 0;
	int i = fnet_param_slot(ev->type, FNET_PN_RES);
	if (i < 0 || (uint32_t)i >= ev->nparams) {
		if (fnet_event_is_enter(ev->type) || !(fnet_sysdig_fd_flags(ev->type) & FNET_EF_CREATES_FD))
			return 0;
		i = fnet_param_slot(ev->type, FNET_PN_FD);
		if (i < 0 || (uint32_t)i >= ev->nparams)
			return 0;
	}
	int64_t v = fnet_event_param_s64(ev, (uint32_t)i);
	if (v >= 0)
		return fnet_value_cstr(out, "SUCCESS");
	uint8_t ptype, pfmt;
	sysdig_param_type(ev->type, ev->info, i, &ptype, &pfmt);
	return fnet_value_cstr(out, render_failure(v, ptype, pfmt, scratch));
}

/* evt.rawres: the result as a number. */
EXTRACTOR(extract_rawres)
{
	UNUSED_ARGS;
	int64_t r;
	return result_of(ctx->ev, &r) && set_i64(out, r);
}

/* evt.failed: "true" when the result is negative; "false" for every other event. */
EXTRACTOR(extract_failed)
{
	UNUSED_ARGS;
	int64_t r;
	return fnet_value_bool(out, result_of(ctx->ev, &r) && r < 0);
}

/* The event's flags (0 for types beyond the schema). */
static uint32_t eflags(const struct fnet_event *ev)
{
	return ev->info ? ev->info->flags : 0;
}

EXTRACTOR(extract_is_io)
{
	UNUSED_ARGS;
	return fnet_value_bool(out, eflags(ctx->ev) & (FNET_EF_READS_FROM_FD | FNET_EF_WRITES_TO_FD));
}

EXTRACTOR(extract_is_io_read)
{
	UNUSED_ARGS;
	return fnet_value_bool(out, eflags(ctx->ev) & FNET_EF_READS_FROM_FD);
}

EXTRACTOR(extract_is_io_write)
{
	UNUSED_ARGS;
	return fnet_value_bool(out, eflags(ctx->ev) & FNET_EF_WRITES_TO_FD);
}

/* evt.io_dir: "read" or "write" for I/O events, else no value. */
EXTRACTOR(extract_io_dir)
{
	UNUSED_ARGS;
	uint32_t f = eflags(ctx->ev);
	if (f & FNET_EF_WRITES_TO_FD)
		return fnet_value_cstr(out, "write");
	if (f & FNET_EF_READS_FROM_FD)
		return fnet_value_cstr(out, "read");
	return 0;
}

EXTRACTOR(extract_is_wait)
{
	UNUSED_ARGS;
	return fnet_value_bool(out, eflags(ctx->ev) & FNET_EF_WAITS);
}

/* evt.wait_latency: the latency of exit events of calls that wait. */
EXTRACTOR(extract_wait_latency)
{
	UNUSED_ARGS;
	const struct fnet_event *ev = ctx->ev;
	if (!(eflags(ev) & FNET_EF_WAITS) || fnet_event_is_enter(ev->type))
		return 0;
	uint64_t l = 0;
	if (ctx->thread)
		latency(ctx, &l);
	return set_u64(out, l);
}

/* evt.is_syslog: writes to an fd whose name contains /dev/log. */
EXTRACTOR(extract_is_syslog)
{
	UNUSED_ARGS;
	const struct fnet_fd *f = (eflags(ctx->ev) & FNET_EF_WRITES_TO_FD) ? fnet_event_fd(ctx) : NULL;
	return fnet_value_bool(out, f && f->name.ptr && strstr(f->name.ptr, "/dev/log"));
}

EXTRACTOR(extract_count)
{
	UNUSED_ARGS;
	(void)ctx;
	return set_u64(out, 1);
}

/* 1 for events that failed (evt.count.error), else no value. */
static int error_count(const struct fnet_event *ev, struct fnet_field_value *out)
{
	int64_t r;
	if (!ev->info)
		return 0;
	if (fnet_param_int(ev, FNET_PN_RES, &r))
		return r < 0 && set_u64(out, 1);
	if (!fnet_event_is_enter(ev->type) && (fnet_sysdig_fd_flags(ev->type) & FNET_EF_CREATES_FD) &&
	    fnet_param_int(ev, FNET_PN_FD, &r))
		return r < 0 && set_u64(out, 1);
	return 0;
}

EXTRACTOR(extract_count_error)
{
	UNUSED_ARGS;
	return error_count(ctx->ev, out);
}

static int is_file_fd(const struct fnet_fd *f)
{
	return f->type == FNET_FDR_FILE || f->type == FNET_FDR_FILE_V2 ||
	       f->type == FNET_FDR_DIRECTORY;
}

static int is_net_fd(const struct fnet_fd *f)
{
	return fnet_fd_is_ip(f) || f->type == FNET_FDR_UNIX_SOCK;
}

static int is_open_exit(uint16_t t)
{
	return t == FNET_EV_SYSCALL_OPEN_X || t == FNET_EV_SYSCALL_CREAT_X ||
	       t == FNET_EV_SYSCALL_OPENAT_X || t == FNET_EV_SYSCALL_OPENAT_2_X ||
	       t == FNET_EV_SYSCALL_OPENAT2_X;
}

static int is_net_exit(uint16_t t)
{
	return t == FNET_EV_SOCKET_ACCEPT_X || t == FNET_EV_SOCKET_ACCEPT_5_X ||
	       t == FNET_EV_SOCKET_ACCEPT4_X || t == FNET_EV_SOCKET_ACCEPT4_5_X ||
	       t == FNET_EV_SOCKET_CONNECT_X;
}

static int is_memory(const struct fnet_event *ev)
{
	return ev->info && (ev->info->category & 0xff) == FNET_EC_MEMORY;
}

EXTRACTOR(extract_count_error_file)
{
	UNUSED_ARGS;
	const struct fnet_fd *f = fnet_event_fd(ctx);
	if (f ? is_file_fd(f) : is_open_exit(ctx->ev->type))
		return error_count(ctx->ev, out);
	return 0;
}

EXTRACTOR(extract_count_error_net)
{
	UNUSED_ARGS;
	const struct fnet_fd *f = fnet_event_fd(ctx);
	if (f ? is_net_fd(f) : is_net_exit(ctx->ev->type))
		return error_count(ctx->ev, out);
	return 0;
}

EXTRACTOR(extract_count_error_memory)
{
	UNUSED_ARGS;
	return is_memory(ctx->ev) && error_count(ctx->ev, out);
}

EXTRACTOR(extract_count_error_other)
{
	UNUSED_ARGS;
	const struct fnet_fd *f = fnet_event_fd(ctx);
	uint16_t t = ctx->ev->type;
	if (f ? !(is_file_fd(f) || is_net_fd(f))
	      : !(is_open_exit(t) || is_net_exit(t) || is_memory(ctx->ev)))
		return error_count(ctx->ev, out);
	return 0;
}

EXTRACTOR(extract_count_exit)
{
	UNUSED_ARGS;
	return !fnet_event_is_enter(ctx->ev->type) && set_u64(out, 1);
}

/*
 * evt.around[T]: filter only. The distance in milliseconds, rounded up,
 * between the event and time T (ns since the epoch); `evt.around[T]=D` holds
 * when it is at most D (fields_special.h: FNET_MATCH_WITHIN).
 */
EXTRACTOR(extract_around)
{
	(void)scratch;
	uint64_t t = (uint64_t)arg->index, ts = ctx->ev->ts_ns;
	uint64_t d = ts > t ? ts - t : t - ts;
	return set_u64(out, d / 1000000 + (d % 1000000 != 0));
}

/* ---- evt.abspath ---- */

/*
 * The dirfd and path parameters of events evt.abspath knows, for argument
 * `which` (0: the path, 1: the source, 2: the destination), resolved once per
 * event type.
 */
static int abspath_params(const struct fnet_event *ev, int which, int *dirfd_i, int *path_i)
{
	enum { NTYPES = FNET_EV_COUNT };
	static _Thread_local int8_t cache[3][NTYPES][2];
	static _Thread_local uint8_t ready[3][NTYPES];
	if (ev->type >= NTYPES)
		return 0;
	if (!ready[which][ev->type]) {
		const char *d = NULL, *p = NULL;
		switch (ev->type) {
		case FNET_EV_SYSCALL_RENAMEAT_X:
		case FNET_EV_SYSCALL_RENAMEAT2_X:
			d = which == 2 ? "newdirfd" : "olddirfd";
			p = which == 2 ? "newpath" : "oldpath";
			break;
		case FNET_EV_SYSCALL_SYMLINKAT_X:
			d = "linkdirfd";
			p = "linkpath";
			break;
		case FNET_EV_SYSCALL_OPENAT_E:
		case FNET_EV_SYSCALL_OPENAT_2_X:
		case FNET_EV_SYSCALL_OPENAT2_X:
		case FNET_EV_SYSCALL_UNLINKAT_E:
		case FNET_EV_SYSCALL_UNLINKAT_2_X:
			d = "dirfd";
			p = "name";
			break;
		case FNET_EV_SYSCALL_LINKAT_E:
		case FNET_EV_SYSCALL_LINKAT_2_X:
			d = which == 2 ? "newdir" : "olddir";
			p = which == 2 ? "newpath" : "oldpath";
			break;
		case FNET_EV_SYSCALL_MKDIRAT_X:
			d = "dirfd";
			p = "path";
			break;
		case FNET_EV_SYSCALL_FCHMODAT_X:
			d = "dirfd";
			p = "filename";
			break;
		default:
			break;
		}
		const struct fnet_event_info *ei = ev->info;
		cache[which][ev->type][0] = (int8_t)(d ? fnet_event_param_index(ei, ei->nparams, d) : -1);
		cache[which][ev->type][1] = (int8_t)(p ? fnet_event_param_index(ei, ei->nparams, p) : -1);
		ready[which][ev->type] = 1;
	}
	*dirfd_i = cache[which][ev->type][0];
	*path_i = cache[which][ev->type][1];
	return *dirfd_i >= 0 && *path_i >= 0 && (uint32_t)*dirfd_i < ev->nparams &&
	       (uint32_t)*path_i < ev->nparams;
}

static int abspath(const struct fnet_eval_ctx *ctx, int which, struct fnet_field_value *out,
		   char *scratch)
{
	const struct fnet_event *ev = ctx->ev;
	const struct fnet_thread *t = ctx->thread;
	int di, pi;
	if (!t || !ev->info || !abspath_params(ev, which, &di, &pi))
		return 0;
	int64_t dirfd = fnet_event_param_s64(ev, (uint32_t)di);
	size_t len;
	const char *path = fnet_param_text(ev, (uint32_t)pi, &len);
	char dir[FNET_PATH_MAX];
	const char *base;
	if (len && path[0] == '/') {
		base = "";
	} else if (dirfd == -100) {
		base = t->cwd.ptr ? t->cwd.ptr : "";
	} else {
		const struct fnet_fd *d = fnet_thread_fd(t, dirfd);
		snprintf(dir, sizeof(dir), "%s/", d ? (d->name.ptr ? d->name.ptr : "") : "<UNKNOWN>");
		base = dir;
	}
	fnet_path_resolve(scratch, FNET_FIELD_SCRATCH_SIZE, base, path, len);
	return fnet_value_cstr(out, scratch);
}

EXTRACTOR(extract_abspath)
{
	(void)arg;
	return abspath(ctx, 0, out, scratch);
}

EXTRACTOR(extract_abspath_src)
{
	(void)arg;
	return abspath(ctx, 1, out, scratch);
}

EXTRACTOR(extract_abspath_dst)
{
	(void)arg;
	return abspath(ctx, 2, out, scratch);
}

/* ---- open modes ---- */

#define PPM_O_RDONLY (1u << 0)
#define PPM_O_WRONLY (1u << 1)
#define PPM_O_CREAT (1u << 2)
#define PPM_O_TMPFILE (1u << 19)
#define PPM_S_IXUSR 0100
#define PPM_S_IXGRP 0010
#define PPM_S_IXOTH 0001

/*
 * The flags and mode parameters sysdig reads for evt.is_open_*: open exit,
 * openat enter and the newer openat/openat2 exits; creat exit has a mode only.
 */
static int open_flags_mode(const struct fnet_event *ev, int64_t *flags, int64_t *mode)
{
	int fi, mi;
	switch (ev->type) {
	case FNET_EV_SYSCALL_OPEN_X:
	case FNET_EV_SYSCALL_OPENAT_E:
		fi = 2;
		mi = 3;
		break;
	case FNET_EV_SYSCALL_OPENAT_2_X:
	case FNET_EV_SYSCALL_OPENAT2_X:
		fi = 3;
		mi = 4;
		break;
	case FNET_EV_SYSCALL_CREAT_X:
		fi = -1;
		mi = 2;
		break;
	default:
		return 0;
	}
	*flags = fi >= 0 && (uint32_t)fi < ev->nparams ? fnet_event_param_s64(ev, (uint32_t)fi) : 0;
	*mode = (uint32_t)mi < ev->nparams ? fnet_event_param_s64(ev, (uint32_t)mi) : 0;
	return fi >= 0 ? 1 : 2;
}

EXTRACTOR(extract_is_open_read)
{
	UNUSED_ARGS;
	int64_t f, m;
	return fnet_value_bool(out, open_flags_mode(ctx->ev, &f, &m) == 1 && (f & PPM_O_RDONLY));
}

EXTRACTOR(extract_is_open_write)
{
	UNUSED_ARGS;
	int64_t f, m;
	return fnet_value_bool(out, open_flags_mode(ctx->ev, &f, &m) == 1 && (f & PPM_O_WRONLY));
}

EXTRACTOR(extract_is_open_exec)
{
	UNUSED_ARGS;
	int64_t f, m;
	int k = open_flags_mode(ctx->ev, &f, &m);
	const uint32_t x = PPM_S_IXUSR | PPM_S_IXGRP | PPM_S_IXOTH;
	return fnet_value_bool(out, (k == 2 && (m & x)) ||
					    (k == 1 && (f & (PPM_O_TMPFILE | PPM_O_CREAT)) && (m & x)));
}

/* ---- constant checks ---- */

static int same(const char *a, const char *v, size_t len)
{
	return strlen(a) == len && memcmp(a, v, len) == 0;
}

/*
 * evt.type constants must name an event type or a syscall (sysdig refuses the
 * filter otherwise), which catches misspelt names.
 */
static const char *check_type(const char *v, size_t len)
{
	for (int t = 0; t < FNET_EV_COUNT; t++)
		if (same(fnet_event_table[t].name, v, len))
			return NULL;
	/* syscall codes are 16-bit; the named ones are the low few hundred */
	for (unsigned code = 0; code < 1024; code++)
		if (same(fnet_syscall_name((uint16_t)code), v, len) ||
		    same(fnet_sysdig_syscall_name((uint16_t)code), v, len))
			return NULL;
	return "unknown event type";
}

/* evt.hostname: the host name of the trace's machine block; none without one. */
EXTRACTOR(extract_hostname)
{
	(void)arg;
	(void)scratch;
	if (!ctx->state || !ctx->state->machine.hostname[0])
		return 0;
	return fnet_value_cstr(out, ctx->state->machine.hostname);
}

#define BOOL_FIELD(n, d, fn) {n, FNET_FIELD_STRING, d, fn, fnet_check_bool, FNET_ARG_NONE}

static const struct fnet_field_def evt_fields[] = {
	{"evt.num", FNET_FIELD_UINT64, "event number: position in the trace, counting every event",
	 extract_num, NULL, FNET_ARG_NONE},
	{"evt.time", FNET_FIELD_STRING,
	 "event timestamp as a time string that includes the nanosecond part", extract_time, NULL,
	 FNET_ARG_NONE},
	{"evt.time.s", FNET_FIELD_STRING, "event timestamp as a time string with no nanoseconds",
	 extract_time_s, NULL, FNET_ARG_NONE},
	{"evt.time.iso8601", FNET_FIELD_STRING,
	 "event timestamp in ISO 8601 format, including nanoseconds and time zone offset (UTC)",
	 extract_time_iso8601, NULL, FNET_ARG_NONE},
	{"evt.datetime", FNET_FIELD_STRING,
	 "event timestamp as a time string that includes the date", extract_datetime, NULL,
	 FNET_ARG_NONE},
	{"evt.datetime.s", FNET_FIELD_STRING,
	 "event timestamp as a datetime string with no nanoseconds", extract_datetime_s, NULL,
	 FNET_ARG_NONE},
	{"evt.rawtime", FNET_FIELD_UINT64, "absolute event timestamp, in nanoseconds from the epoch",
	 extract_rawtime, NULL, FNET_ARG_NONE},
	{"evt.rawtime.s", FNET_FIELD_UINT64,
	 "integer part of the event timestamp (seconds since the epoch)", extract_rawtime_s, NULL,
	 FNET_ARG_NONE},
	{"evt.rawtime.ns", FNET_FIELD_UINT64, "fractional part of the absolute event timestamp",
	 extract_rawtime_ns, NULL, FNET_ARG_NONE},
	{"evt.reltime", FNET_FIELD_UINT64,
	 "number of nanoseconds from the beginning of the capture", extract_reltime, NULL,
	 FNET_ARG_NONE},
	{"evt.reltime.s", FNET_FIELD_UINT64, "number of seconds from the beginning of the capture",
	 extract_reltime_s, NULL, FNET_ARG_NONE},
	{"evt.reltime.ns", FNET_FIELD_UINT64,
	 "fractional part (in ns) of the time from the beginning of the capture",
	 extract_reltime_ns, NULL, FNET_ARG_NONE},
	{"evt.latency", FNET_FIELD_UINT64,
	 "delta between an exit event and the corresponding enter event, in nanoseconds",
	 extract_latency, NULL, FNET_ARG_NONE},
	{"evt.latency.s", FNET_FIELD_UINT64, "integer part of the event latency delta",
	 extract_latency_s, NULL, FNET_ARG_NONE},
	{"evt.latency.ns", FNET_FIELD_UINT64, "fractional part of the event latency delta",
	 extract_latency_ns, NULL, FNET_ARG_NONE},
	{"evt.latency.human", FNET_FIELD_STRING,
	 "delta between an exit event and the corresponding enter event, as a human readable "
	 "string (e.g. 10.30ms)",
	 extract_latency_human, NULL, FNET_ARG_NONE},
	{"evt.deltatime", FNET_FIELD_UINT64,
	 "delta between this event and the previous event, in nanoseconds", extract_deltatime, NULL,
	 FNET_ARG_NONE},
	{"evt.deltatime.s", FNET_FIELD_UINT64,
	 "integer part of the delta between this event and the previous event",
	 extract_deltatime_s, NULL, FNET_ARG_NONE},
	{"evt.deltatime.ns", FNET_FIELD_UINT64,
	 "fractional part of the delta between this event and the previous event",
	 extract_deltatime_ns, NULL, FNET_ARG_NONE},
	{"evt.dir", FNET_FIELD_STRING, "event direction: '>' for enter events, '<' for exit events",
	 extract_dir, NULL, FNET_ARG_NONE},
	{"evt.type", FNET_FIELD_STRING,
	 "event type name, e.g. open; for generic events the syscall name", extract_type,
	 check_type, FNET_ARG_NONE},
	{"evt.type.is", FNET_FIELD_UINT64,
	 "1 for events of the type given as argument, else 0: evt.type.is.open is 1 for open "
	 "events",
	 extract_type_is, NULL, FNET_ARG_NAME_NEEDED},
	{"syscall.type", FNET_FIELD_STRING,
	 "for system call events, the name of the system call (e.g. open); no value for other "
	 "events (switch, internal events)",
	 extract_syscall_type, NULL, FNET_ARG_NONE},
	{"evt.category", FNET_FIELD_STRING,
	 "event category: file, net, IPC, memory, process, sleep, system, signal, user, time, "
	 "processing, wait, scheduler, other, unknown; I/O events by the type of their fd (file, "
	 "net, ipc, unknown)",
	 extract_category, NULL, FNET_ARG_NONE},
	{"evt.cpu", FNET_FIELD_INT64, "number of the CPU where this event happened", extract_cpu,
	 NULL, FNET_ARG_NONE},
	{"evt.args", FNET_FIELD_STRING, "all the event arguments, aggregated into a single string",
	 extract_args, NULL, FNET_ARG_NONE},
	{"evt.arg", FNET_FIELD_STRING,
	 "one of the event arguments, by name or by number, as text (file descriptors and return "
	 "codes resolved when possible): evt.arg.fd, evt.arg[0]",
	 extract_arg, NULL, FNET_ARG_ANY},
	{"evt.rawarg", FNET_FIELD_STRING,
	 "one of the event arguments by name, unformatted and compared by its type (numbers as "
	 "numbers): evt.rawarg.res<0",
	 extract_rawarg, NULL, FNET_ARG_NAME_NEEDED},
	{"evt.info", FNET_FIELD_STRING,
	 "for most events the same as evt.args", extract_args, NULL, FNET_ARG_NONE},
	{"evt.buffer", FNET_FIELD_STRING,
	 "the binary data buffer of events that have one (read, recvfrom, ...); use with "
	 "contains to search I/O data",
	 extract_buffer, NULL, FNET_ARG_NONE},
	{"evt.buflen", FNET_FIELD_UINT64,
	 "the length of the binary data buffer of I/O events (read, recvfrom, ...)", extract_buflen,
	 NULL, FNET_ARG_NONE},
	{"evt.res", FNET_FIELD_STRING,
	 "call result: SUCCESS, or the errno name (e.g. ENOENT) when it failed", extract_res, NULL,
	 FNET_ARG_NONE},
	{"evt.rawres", FNET_FIELD_INT64, "call result as a number (e.g. -2)", extract_rawres, NULL,
	 FNET_ARG_NONE},
	BOOL_FIELD("evt.failed", "'true' for events that returned an error status", extract_failed),
	BOOL_FIELD("evt.is_io",
		   "'true' for events that read or write to fds, like read(), send(), recvfrom()",
		   extract_is_io),
	BOOL_FIELD("evt.is_io_read", "'true' for events that read from fds, like read(), recv()",
		   extract_is_io_read),
	BOOL_FIELD("evt.is_io_write", "'true' for events that write to fds, like write(), send()",
		   extract_is_io_write),
	{"evt.io_dir", FNET_FIELD_STRING, "'read' for events that read from fds, 'write' for events "
	 "that write to fds", extract_io_dir, NULL, FNET_ARG_NONE},
	BOOL_FIELD("evt.is_wait", "'true' for events that make the thread wait (sleep, select, poll)",
		   extract_is_wait),
	{"evt.wait_latency", FNET_FIELD_UINT64,
	 "for events that make the thread wait, the time spent waiting, in nanoseconds",
	 extract_wait_latency, NULL, FNET_ARG_NONE},
	BOOL_FIELD("evt.is_syslog", "'true' for events that are writes to /dev/log",
		   extract_is_syslog),
	{"evt.count", FNET_FIELD_UINT64, "1 for every event", extract_count, NULL, FNET_ARG_NONE},
	{"evt.count.error", FNET_FIELD_UINT64, "1 for events that returned an error",
	 extract_count_error, NULL, FNET_ARG_NONE},
	{"evt.count.error.file", FNET_FIELD_UINT64,
	 "1 for events that returned an error and concern files", extract_count_error_file, NULL,
	 FNET_ARG_NONE},
	{"evt.count.error.net", FNET_FIELD_UINT64,
	 "1 for events that returned an error and concern the network", extract_count_error_net,
	 NULL, FNET_ARG_NONE},
	{"evt.count.error.memory", FNET_FIELD_UINT64,
	 "1 for events that returned an error and concern memory", extract_count_error_memory, NULL,
	 FNET_ARG_NONE},
	{"evt.count.error.other", FNET_FIELD_UINT64,
	 "1 for events that returned an error and concern none of files, network and memory",
	 extract_count_error_other, NULL, FNET_ARG_NONE},
	{"evt.count.exit", FNET_FIELD_UINT64, "1 for exit events", extract_count_exit, NULL,
	 FNET_ARG_NONE},
	{"evt.around", FNET_FIELD_UINT64,
	 "(FILTER ONLY) evt.around[T]=D accepts the events within D milliseconds of time T "
	 "(a value of evt.rawtime)",
	 extract_around, NULL, FNET_ARG_INDEX_NEEDED},
	{"evt.hostname", FNET_FIELD_STRING,
	 "host name of the machine the trace was captured on (its machine information block)",
	 extract_hostname, NULL, FNET_ARG_NONE},
	{"evt.abspath", FNET_FIELD_STRING,
	 "absolute path computed from dirfd and name of calls like renameat and symlinkat",
	 extract_abspath, NULL, FNET_ARG_NONE},
	{"evt.abspath.src", FNET_FIELD_STRING,
	 "absolute source path of calls with two paths (renameat, linkat)", extract_abspath_src,
	 NULL, FNET_ARG_NONE},
	{"evt.abspath.dst", FNET_FIELD_STRING,
	 "absolute destination path of calls with two paths (renameat, linkat)",
	 extract_abspath_dst, NULL, FNET_ARG_NONE},
	BOOL_FIELD("evt.is_open_read",
		   "'true' for open/openat/openat2 events where the path was opened for reading",
		   extract_is_open_read),
	BOOL_FIELD("evt.is_open_write",
		   "'true' for open/openat/openat2 events where the path was opened for writing",
		   extract_is_open_write),
	BOOL_FIELD("evt.is_open_exec",
		   "'true' for open/openat/openat2 or creat events where a file is created with "
		   "execute permissions",
		   extract_is_open_exec),
};

const struct fnet_field_class fnet_fields_evt = {"evt", evt_fields,
						 sizeof(evt_fields) / sizeof(evt_fields[0])};
