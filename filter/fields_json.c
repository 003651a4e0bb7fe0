/*
 * The json.* and jevt.* field classes of k8s_audit events: the json plugin of
 * falcosecurity/plugins (pkg/json/json.go: json.value[POINTER], json.obj,
 * json.rawtime and their jevt.* aliases), and jevt.time, jevt.time.iso8601 of
 * Falco's former built-in engine (json_evt.cpp), which read like evt.time and
 * evt.time.iso8601.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "audit_event.h"
#include "fields_common.h"
#include "json_text.h"

#define ONE_ARGS                                                                                \
	const struct fnet_eval_ctx *ctx, const struct fnet_field_arg *arg,                      \
		struct fnet_field_value *out, char *scratch

/*
 * json.value[POINTER]: the value an RFC 6901 pointer names ("/a/0/b~1c"; a
 * leading '/' optional, ~1 is '/', ~0 is '~'), a string as its text, any other
 * value as compact JSON; no value when the path is not there.
 */
static int x_value(ONE_ARGS)
{
	if (!ctx->audit || !arg->name)
		return 0;
	const cJSON *v = ctx->audit->json;
	const char *p = arg->name, *end = arg->name + arg->name_len;
	char *key = scratch; /* each key, unescaped; the value text after it */
	if (p < end && *p == '/')
		p++;
	while (v) {
		const char *slash = memchr(p, '/', (size_t)(end - p));
		const char *stop = slash ? slash : end;
		size_t n = 0;
		for (const char *c = p; c < stop && n < FNET_FIELD_SCRATCH_SIZE / 2 - 1; c++) {
			if (*c == '~' && c + 1 < stop && (c[1] == '1' || c[1] == '0')) {
				key[n++] = c[1] == '1' ? '/' : '~';
				c++;
			} else {
				key[n++] = *c;
			}
		}
		key[n] = 0;
		v = fnet_json_get(v, key);
		if (!slash)
			break;
		p = slash + 1;
	}
	if (!v)
		return 0;
	size_t len;
	const char *text = fnet_json_as_text(v, scratch + FNET_FIELD_SCRATCH_SIZE / 2,
					     FNET_FIELD_SCRATCH_SIZE / 2, &len);
	out->str = text;
	out->len = (uint32_t)len;
	return 1;
}

/* json.obj: the whole event, indented by two spaces (encoding/json's Indent). */
static int x_obj(ONE_ARGS)
{
	(void)arg;
	if (!ctx->audit)
		return 0;
	out->len = (uint32_t)fnet_json_write(ctx->audit->json, 1, scratch, FNET_FIELD_SCRATCH_SIZE);
	out->str = scratch;
	return 1;
}

/* json.rawtime: the event time in ns since the epoch, as text. */
static int x_rawtime(ONE_ARGS)
{
	(void)arg;
	if (!ctx->audit)
		return 0;
	snprintf(scratch, 32, "%" PRIu64, ctx->ev->ts_ns);
	return fnet_value_cstr(out, scratch);
}

/* The generic evt.* field `name`'s value (jevt.time reads as evt.time). */
static int as_evt_field(const char *name, ONE_ARGS)
{
	const struct fnet_field_def *f = fnet_field_find(name, strlen(name));
	return ctx->audit && f && f->extract(ctx, arg, out, scratch);
}

static int x_time(ONE_ARGS)
{
	return as_evt_field("evt.time", ctx, arg, out, scratch);
}

static int x_time_iso8601(ONE_ARGS)
{
	return as_evt_field("evt.time.iso8601", ctx, arg, out, scratch);
}

#define ROW(name, fn, mode, desc) {name, FNET_FIELD_STRING, desc, fn, NULL, mode}

static const struct fnet_field_def fields[] = {
	ROW("json.value", x_value, FNET_ARG_NAME_NEEDED,
	    "a value of the JSON event named by a JSON pointer (RFC 6901): json.value[/user/username]"),
	ROW("json.obj", x_obj, FNET_ARG_NONE, "the whole JSON event as text, indented"),
	ROW("json.rawtime", x_rawtime, FNET_ARG_NONE,
	    "the event time in nanoseconds since the epoch, as text (evt.rawtime)"),
	ROW("jevt.value", x_value, FNET_ARG_NAME_NEEDED, "alias of json.value"),
	ROW("jevt.obj", x_obj, FNET_ARG_NONE, "alias of json.obj"),
	ROW("jevt.rawtime", x_rawtime, FNET_ARG_NONE, "alias of json.rawtime"),
	ROW("jevt.time", x_time, FNET_ARG_NONE,
	    "the event time as a time string with nanoseconds (evt.time)"),
	ROW("jevt.time.iso8601", x_time_iso8601, FNET_ARG_NONE,
	    "the event time in ISO 8601 with nanoseconds, UTC (evt.time.iso8601)"),
};

const struct fnet_field_class fnet_fields_json = {"json", fields,
						  sizeof(fields) / sizeof(fields[0])};
