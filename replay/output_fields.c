#include "output_fields.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "time_format.h"

#define NS_PER_S 1000000000u

enum out_field_id {
	F_OUTPUTTIME,
	F_INFO,
	F_ARGS,
	F_ARG,
	F_BUFFER,
	F_RELTIME,
	F_RELTIME_S,
	F_RELTIME_NS,
	F_DELTATIME,
	F_DELTATIME_S,
	F_DELTATIME_NS,
	/* the ones below only stand in for missing filter fields */
	F_TIME,
	F_TIME_S,
	F_TIME_ISO8601,
	F_DATETIME,
	F_DATETIME_S,
	F_RAWTIME,
	F_RAWTIME_S,
	F_RAWTIME_NS,
	F_CPU,
	F_LATENCY,
	F_LATENCY_S,
	F_LATENCY_NS
};

struct out_field {
	const char *name;
	enum out_field_id id;
	enum fnet_field_type type;
	enum fnet_field_arg_mode arg_mode;
	int override;
	const char *description;
};

static const struct out_field fields[] = {
	{"evt.outputtime", F_OUTPUTTIME, FNET_FIELD_STRING, FNET_ARG_NONE, 1,
	 "event time in the -t style: HH:MM:SS.nnnnnnnnn local time by default"},
	{"evt.info", F_INFO, FNET_FIELD_STRING, FNET_ARG_NONE, 1,
	 "the event's parameters as name=value(resolved) pairs, each followed by a space"},
	{"evt.args", F_ARGS, FNET_FIELD_STRING, FNET_ARG_NONE, 1,
	 "the event's parameters, as evt.info"},
	{"evt.arg", F_ARG, FNET_FIELD_STRING, FNET_ARG_ANY, 1,
	 "one parameter by name (evt.arg.fd, evt.arg[fd]) or position (evt.arg[0]): its resolved "
	 "form when it has one (<f>/etc/passwd for an fd), else its value"},
	{"evt.buffer", F_BUFFER, FNET_FIELD_STRING, FNET_ARG_NONE, 1,
	 "the data buffer of I/O events (read, write, sendto ...)"},
	{"evt.reltime", F_RELTIME, FNET_FIELD_UINT64, FNET_ARG_NONE, 1,
	 "nanoseconds since the trace's first event"},
	{"evt.reltime.s", F_RELTIME_S, FNET_FIELD_UINT64, FNET_ARG_NONE, 1,
	 "whole seconds since the trace's first event"},
	{"evt.reltime.ns", F_RELTIME_NS, FNET_FIELD_UINT64, FNET_ARG_NONE, 1,
	 "nanosecond part of the time since the trace's first event (9 digits)"},
	{"evt.deltatime", F_DELTATIME, FNET_FIELD_UINT64, FNET_ARG_NONE, 1,
	 "nanoseconds since the previous event that passed the filter (0 for the first)"},
	{"evt.deltatime.s", F_DELTATIME_S, FNET_FIELD_UINT64, FNET_ARG_NONE, 1,
	 "whole seconds of evt.deltatime"},
	{"evt.deltatime.ns", F_DELTATIME_NS, FNET_FIELD_UINT64, FNET_ARG_NONE, 1,
	 "nanosecond part of evt.deltatime (9 digits)"},
	{"evt.time", F_TIME, FNET_FIELD_STRING, FNET_ARG_NONE, 0,
	 "event time of day, HH:MM:SS.nnnnnnnnn local time"},
	{"evt.time.s", F_TIME_S, FNET_FIELD_STRING, FNET_ARG_NONE, 0,
	 "event time of day without nanoseconds, HH:MM:SS"},
	{"evt.time.iso8601", F_TIME_ISO8601, FNET_FIELD_STRING, FNET_ARG_NONE, 0,
	 "event time in ISO 8601, UTC: YYYY-MM-DDTHH:MM:SS.nnnnnnnnn+0000"},
	{"evt.datetime", F_DATETIME, FNET_FIELD_STRING, FNET_ARG_NONE, 0,
	 "event date and time, YYYY-MM-DD HH:MM:SS.nnnnnnnnn local time"},
	{"evt.datetime.s", F_DATETIME_S, FNET_FIELD_STRING, FNET_ARG_NONE, 0,
	 "event date and time without nanoseconds"},
	{"evt.rawtime", F_RAWTIME, FNET_FIELD_UINT64, FNET_ARG_NONE, 0,
	 "event time in nanoseconds since the epoch"},
	{"evt.rawtime.s", F_RAWTIME_S, FNET_FIELD_UINT64, FNET_ARG_NONE, 0,
	 "whole seconds of evt.rawtime"},
	{"evt.rawtime.ns", F_RAWTIME_NS, FNET_FIELD_UINT64, FNET_ARG_NONE, 1, /* sysdig pads it */
	 "nanosecond part of evt.rawtime (9 digits)"},
	{"evt.cpu", F_CPU, FNET_FIELD_INT64, FNET_ARG_NONE, 0, "CPU the event happened on"},
	{"evt.latency", F_LATENCY, FNET_FIELD_UINT64, FNET_ARG_NONE, 1,
	 "for exit events, nanoseconds since the thread's last enter event; 0 for enter events"},
	{"evt.latency.s", F_LATENCY_S, FNET_FIELD_UINT64, FNET_ARG_NONE, 1,
	 "whole seconds of evt.latency"},
	{"evt.latency.ns", F_LATENCY_NS, FNET_FIELD_UINT64, FNET_ARG_NONE, 1,
	 "nanosecond part of evt.latency (9 digits)"},
};

#define NFIELDS (sizeof(fields) / sizeof(fields[0]))

size_t out_field_count(void)
{
	return NFIELDS;
}

const struct out_field *out_field_at(size_t i)
{
	return i < NFIELDS ? &fields[i] : NULL;
}

const char *out_field_name(const struct out_field *f)
{
	return f->name;
}

const char *out_field_description(const struct out_field *f)
{
	return f->description;
}

enum fnet_field_type out_field_type(const struct out_field *f)
{
	return f->type;
}

enum fnet_field_arg_mode out_field_arg_mode(const struct out_field *f)
{
	return f->arg_mode;
}

int out_field_is_override(const struct out_field *f)
{
	return f->override;
}

const struct out_field *out_field_lookup(const char *name, size_t len, int filter_has)
{
	for (size_t i = 0; i < NFIELDS; i++)
		if (strlen(fields[i].name) == len && memcmp(fields[i].name, name, len) == 0)
			return fields[i].override || !filter_has ? &fields[i] : NULL;
	return NULL;
}

int out_field_json_is_ts(const char *name)
{
	static const char *const names[] = {"evt.time", "evt.time.s", "evt.time.iso8601",
					    "evt.datetime", "evt.datetime.s", "evt.outputtime"};
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strcmp(names[i], name) == 0)
			return 1;
	return 0;
}

/* Index of the parameter called `name` in event type `t`'s schema, or -1. */
static int param_index(const struct fnet_event_info *ei, const char *name, size_t len)
{
	for (uint32_t i = 0; i < ei->nparams && i < 127; i++)
		if (strlen(ei->params[i].name) == len && memcmp(ei->params[i].name, name, len) == 0)
			return (int)i;
	return -1;
}

const char *out_field_prepare(const struct out_field *f, const struct fnet_field_arg *arg,
			      int8_t *slots)
{
	const char *pname;
	size_t plen;
	if (f->id == F_BUFFER) {
		pname = "data";
		plen = 4;
	} else if (f->id == F_ARG && arg->has && !arg->is_index) {
		pname = arg->name;
		plen = arg->name_len;
	} else if (f->id == F_ARG) {
		if (!arg->has)
			return "evt.arg needs an argument: evt.arg.NAME, evt.arg[NAME] or evt.arg[N]";
		if (arg->index < 0 || arg->index >= FNET_MAX_PARAMS)
			return "evt.arg[N] needs N from 0 to 31";
		return NULL;
	} else {
		return NULL;
	}
	int known = 0;
	for (int t = 0; t < FNET_EV_COUNT; t++) {
		slots[t] = (int8_t)param_index(&fnet_event_table[t], pname, plen);
		known |= slots[t] >= 0;
	}
	return known ? NULL : "unknown event argument";
}

/* Events that leave sysdig's latency alone: no thread for it, or the scheduler's switch. */
static int keeps_latency(const struct fnet_event *ev)
{
	return !ev->info || (ev->info->flags & FNET_EF_SKIPPARSERESET) ||
	       ev->type == FNET_EV_SCHEDSWITCH_6_E;
}

static uint64_t tracked(const struct out_latency *l, int64_t tid)
{
	uintptr_t v = l ? (uintptr_t)fnet_int_map_get(&l->by_tid, tid) : 0;
	return v ? (uint64_t)v - 1 : 0;
}

void out_latency_update(struct out_latency *l, const struct fnet_event *ev,
			const struct fnet_thread *t)
{
	if (!t || keeps_latency(ev))
		return;
	uint64_t lat;
	if (fnet_event_is_enter(ev->type))
		lat = 0;
	else if (t->enter_type != 0xffff)
		lat = ev->ts_ns - t->enter.ts_ns;
	else
		return;
	if (lat >= UINTPTR_MAX - 1)
		lat = UINTPTR_MAX - 2;
	fnet_int_map_put(&l->by_tid, ev->tid, (void *)(uintptr_t)(lat + 1), NULL);
}

void out_latency_free(struct out_latency *l)
{
	fnet_int_map_free(&l->by_tid);
}

uint64_t out_event_latency(const struct out_event *e)
{
	const struct fnet_event *ev = e->ev;
	const struct fnet_thread *t = e->thread;
	if (!t || !ev->info || (ev->info->flags & FNET_EF_SKIPPARSERESET))
		return 0;
	if (ev->type == FNET_EV_SCHEDSWITCH_6_E)
		return tracked(e->latency, ev->tid);
	if (fnet_event_is_enter(ev->type))
		return 0;
	if (t->enter_type == 0xffff)
		return tracked(e->latency, ev->tid);
	return ev->ts_ns - t->enter.ts_ns;
}

static int set_text(struct out_value *v, const char *s, size_t len)
{
	v->kind = OV_STR;
	v->str = s;
	v->len = (uint32_t)len;
	return 1;
}

static int set_u64(struct out_value *v, uint64_t x, int pad9)
{
	v->kind = OV_U64;
	v->u64 = x;
	v->pad9 = (uint8_t)pad9;
	return 1;
}

/* The parameter an evt.arg or evt.buffer token reads in this event, or -1. */
static int arg_slot(const struct fnet_field_arg *arg, const int8_t *slots, const struct fnet_event *ev,
		    const struct fnet_format_ctx *fctx)
{
	if (!ev->info)
		return -1;
	int i = arg->has && arg->is_index ? (int)arg->index
					  : (ev->type < FNET_EV_COUNT ? slots[ev->type] : -1);
	return i >= 0 && (uint32_t)i < fnet_format_nparams(ev, fctx) ? i : -1;
}

int out_field_get(const struct out_field *f, const struct fnet_field_arg *arg, const int8_t *slots,
		  struct out_field_state *state, const struct out_options *o,
		  const struct out_event *e, struct out_scratch *s, struct out_value *v)
{
	const struct fnet_event *ev = e->ev;
	uint64_t ts = ev->ts_ns;
	struct fnet_format_ctx fctx = {e->state, e->thread, o->json ? 0 : o->bytebuf_max,
				       o->all_params};
	memset(v, 0, sizeof(*v));
	switch (f->id) {
	case F_OUTPUTTIME:
		switch (o->time) {
		case TIME_HUMAN:
			return set_text(v, s->small, time_format_clock(s->small, ts, o->tz_offset_s, 1));
		case TIME_ABSOLUTE:
			/* sysdig 0.29.3 leaves the nanoseconds unpadded (1.5000 for 1.000005000): a bug */
			return set_text(v, s->small, time_format_seconds(s->small, ts));
		case TIME_RELATIVE:
			return set_text(v, s->small, time_format_seconds(s->small, ts - e->first_ts_ns));
		case TIME_LATENCY:
			return set_text(v, s->small, time_format_seconds(s->small, out_event_latency(e)));
		case TIME_DELTA: {
			uint64_t d = state->has_prev ? ts - state->prev_ts_ns : 0;
			state->prev_ts_ns = ts;
			state->has_prev = 1;
			return set_text(v, s->small, time_format_seconds(s->small, d));
		}
		}
		return 0;
	case F_INFO:
	case F_ARGS:
		fnet_strbuf_reset(&s->text);
		buffer_format_info(&s->text, ev, &fctx, o->buffers);
		return set_text(v, s->text.ptr ? s->text.ptr : "", s->text.len);
	case F_ARG:
	case F_BUFFER: {
		int i = arg_slot(arg, slots, ev, &fctx);
		if (i < 0)
			return 0;
		buffer_format_param(&s->text, &s->resolved, ev, (uint32_t)i, &fctx, o->buffers);
		if (f->id == F_ARG && s->resolved.len)
			return set_text(v, s->resolved.ptr, s->resolved.len);
		return set_text(v, s->text.ptr ? s->text.ptr : "", s->text.len);
	}
	case F_RELTIME:
		return set_u64(v, ts - e->first_ts_ns, 1);
	case F_RELTIME_S:
		return set_u64(v, (ts - e->first_ts_ns) / NS_PER_S, 0);
	case F_RELTIME_NS:
		return set_u64(v, (ts - e->first_ts_ns) % NS_PER_S, 1);
	case F_DELTATIME:
	case F_DELTATIME_S:
	case F_DELTATIME_NS: {
		uint64_t d = state->has_prev ? ts - state->prev_ts_ns : 0;
		state->prev_ts_ns = ts;
		state->has_prev = 1;
		if (f->id == F_DELTATIME)
			return set_u64(v, d, 0);
		return f->id == F_DELTATIME_S ? set_u64(v, d / NS_PER_S, 0) : set_u64(v, d % NS_PER_S, 1);
	}
	case F_TIME:
	case F_TIME_S:
		return set_text(v, s->small,
				time_format_clock(s->small, ts, o->tz_offset_s, f->id == F_TIME));
	case F_TIME_ISO8601:
		return set_text(v, s->small, time_format_iso8601(s->small, ts));
	case F_DATETIME:
	case F_DATETIME_S:
		return set_text(v, s->small,
				time_format_datetime(s->small, ts, o->tz_offset_s, f->id == F_DATETIME));
	case F_RAWTIME:
		return set_u64(v, ts, 0);
	case F_RAWTIME_S:
		return set_u64(v, ts / NS_PER_S, 0);
	case F_RAWTIME_NS:
		return set_u64(v, ts % NS_PER_S, 1);
	case F_CPU:
		v->kind = OV_I64;
		v->i64 = (int16_t)ev->cpu;
		return 1;
	case F_LATENCY:
	case F_LATENCY_S:
	case F_LATENCY_NS: {
		if (fnet_event_is_internal(ev))
			return 0;
		uint64_t l = out_event_latency(e);
		if (f->id == F_LATENCY)
			return set_u64(v, l, 0);
		return f->id == F_LATENCY_S ? set_u64(v, l / NS_PER_S, 0) : set_u64(v, l % NS_PER_S, 1);
	}
	}
	return 0;
}
