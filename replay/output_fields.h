/*
 * Fields of output formats that falconet-replay computes itself, because their
 * text depends on how the replay prints or on the stream rather than on one event:
 *
 *   evt.outputtime        the time in the -t style (the default line's time)
 *   evt.info, evt.args    the parameters, byte buffers in the -A/-x/-X style and cut
 *                         at 80 characters unless -v, -j or a buffer style is given
 *   evt.arg.NAME, evt.arg[N]   one parameter, its resolved form when it has one
 *   evt.buffer            the "data" parameter in the buffer style
 *   evt.reltime(.s, .ns)  time since the trace's first event
 *   evt.deltatime(.s, .ns) time since the previous event the format was given
 *
 * and a few that do not depend on the replay but that output formats need and the
 * filter's field set may lack; they are used only when it does (see
 * out_field_lookup): evt.time(.s, .iso8601), evt.datetime(.s), evt.rawtime(.s,
 * .ns), evt.cpu, evt.latency(.s, .ns).
 *
 * Values follow sysdig 0.29.3 (libs e5c53d64 filterchecks, event class and
 * generic event class), in text and in JSON (-j); see each field's description.
 */
#ifndef FNET_REPLAY_OUTPUT_FIELDS_H
#define FNET_REPLAY_OUTPUT_FIELDS_H

#include <stdint.h>

#include "buffer_dump.h"
#include "fields.h"
#include "int_map.h"

/* -t: how evt.outputtime (the default line's time) reads. */
enum time_style {
	TIME_HUMAN = 'h',   /* HH:MM:SS.nnnnnnnnn local time */
	TIME_ABSOLUTE = 'a',/* seconds.nanoseconds since the epoch */
	TIME_RELATIVE = 'r',/* since the trace's first event */
	TIME_LATENCY = 'd', /* for exit events, since the thread's last enter event; 0 for others */
	TIME_DELTA = 'D'    /* since the previous event given to the format */
};

/* How the replay prints, fixed for a run. */
struct out_options {
	enum time_style time;
	enum buf_style buffers;
	uint32_t bytebuf_max; /* BUF_DOTS buffers longer than this are cut; 0: whole */
	long tz_offset_s;     /* local time's offset from UTC (time_local_offset()) */
	int json;             /* -j */
	/* the events' source (enum fnet_field_source): its field set is the format's; for
	 * FNET_SOURCE_K8S_AUDIT none of this module's fields (they read system calls) */
	int source;
	int all_params;       /* --all-params: see struct fnet_format_ctx */
};

/*
 * The latency sysdig keeps per thread: 0 after an enter event, the time since the
 * thread's last enter event after an exit. Events that do not change it (the
 * scheduler's switch) show the thread's current value, so it is tracked for
 * every event when a format needs it.
 */
struct out_latency {
	struct fnet_int_map by_tid; /* tid -> latency + 1, stored in the pointer */
};

#define OUT_LATENCY_INIT {FNET_INT_MAP_INIT}

/* Records event `ev` of thread `t` (after fnet_state_apply). */
void out_latency_update(struct out_latency *l, const struct fnet_event *ev,
			const struct fnet_thread *t);
void out_latency_free(struct out_latency *l);

/* One event as a format sees it. */
struct out_event {
	const struct fnet_event *ev;
	struct fnet_thread *thread;   /* may be NULL */
	const struct fnet_state *state;
	uint64_t first_ts_ns;         /* time of the trace's first event */
	const struct out_latency *latency; /* NULL unless the format needs it */
	const struct fnet_audit_event *audit; /* a k8s_audit event (ev is its shell), else NULL */
};

/*
 * A field's value: text (`str`, `len` bytes, valid until the next value is taken)
 * or a number. `pad9`: an unsigned number printed with at least 9 digits (the
 * nanosecond parts). `json_ts`: in JSON the value is the event's time stamp, a
 * number (sysdig's JSON form of its time strings).
 */
struct out_value {
	enum { OV_STR, OV_I64, OV_U64 } kind;
	const char *str;
	uint32_t len;
	int64_t i64;
	uint64_t u64;
	uint8_t pad9;
};

/* Per-token state of the fields that remember the previous event (evt.deltatime, -t D). */
struct out_field_state {
	uint64_t prev_ts_ns;
	int has_prev;
};

struct out_field;

/* Scratch space a value may be built in; owned by the caller, reused for every value. */
struct out_scratch {
	struct fnet_strbuf text, resolved;
	char small[64];
};

/*
 * The field of this module called exactly `name` (`len` bytes) that a format
 * should use: one that depends on the replay (evt.outputtime, evt.info ...)
 * always; one of the others only when `filter_has` is 0, i.e. the filter's field
 * set has no field of that name. NULL otherwise.
 */
const struct out_field *out_field_lookup(const char *name, size_t len, int filter_has);

/* Fields of this module: 0..out_field_count()-1. */
size_t out_field_count(void);
const struct out_field *out_field_at(size_t i);
const char *out_field_name(const struct out_field *f);
const char *out_field_description(const struct out_field *f);
enum fnet_field_type out_field_type(const struct out_field *f);
enum fnet_field_arg_mode out_field_arg_mode(const struct out_field *f);
/* 1 when the field is computed here whatever the filter's field set holds. */
int out_field_is_override(const struct out_field *f);

/*
 * Compile-time check of a field's argument. Fills `slots` (FNET_EV_COUNT
 * entries, owned by the caller) with the parameter index per event type for
 * evt.arg.NAME and evt.buffer, -1 where the type has none. Returns NULL, or
 * what is wrong ("unknown event argument 'x'").
 */
const char *out_field_prepare(const struct out_field *f, const struct fnet_field_arg *arg,
			      int8_t *slots);

/*
 * The value of field `f` for event `e`: returns 1 with `v` set, or 0 when the
 * event has none (printed as <NA> by formats with '*'). Allocates only to grow
 * the scratch buffers.
 */
int out_field_get(const struct out_field *f, const struct fnet_field_arg *arg, const int8_t *slots,
		  struct out_field_state *state, const struct out_options *o,
		  const struct out_event *e, struct out_scratch *s, struct out_value *v);

/*
 * 1 when sysdig writes field `name` in JSON as the event's time stamp (a number):
 * evt.time, evt.time.s, evt.time.iso8601, evt.datetime, evt.datetime.s and
 * evt.outputtime, whichever module provides them.
 */
int out_field_json_is_ts(const char *name);

/*
 * The latency sysdig gives an event: for an exit event, the time since its
 * thread's last enter event (0 when the thread has had none); 0 for enter events
 * and events without a thread; for a switch event, its thread's current latency.
 */
uint64_t out_event_latency(const struct out_event *e);

#endif
