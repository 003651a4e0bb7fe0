/*
 * The registry of field classes (look-up by name, suggestions, rendering), the
 * checks that are more than extract-and-compare (fields_special.h) and the
 * helpers the class files share (fields_common.h).
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "compare_ip.h"
#include "fields_common.h"
#include "fields_special.h"

/* A class's newer fields follow it, so that the field list shows them together. */
static const struct fnet_field_class *const classes[] = {
	&fnet_fields_evt,       &fnet_fields_proc,   &fnet_fields_proc_newer, &fnet_fields_thread,
	&fnet_fields_thread_caps, &fnet_fields_user, &fnet_fields_group,      &fnet_fields_fd,
	&fnet_fields_fd_newer,  &fnet_fields_container, &fnet_fields_k8s,     &fnet_fields_fs,
};

#define NCLASSES (sizeof(classes) / sizeof(classes[0]))

size_t fnet_field_count(void)
{
	size_t n = 0;
	for (size_t c = 0; c < NCLASSES; c++)
		n += classes[c]->count;
	return n;
}

const struct fnet_field_def *fnet_field_at(size_t i)
{
	for (size_t c = 0; c < NCLASSES; c++) {
		if (i < classes[c]->count)
			return &classes[c]->fields[i];
		i -= classes[c]->count;
	}
	return NULL;
}

/* Class of field number `i`, for the field list. */
const struct fnet_field_class *fnet_field_class_at(size_t i)
{
	for (size_t c = 0; c < NCLASSES; c++) {
		if (i < classes[c]->count)
			return classes[c];
		i -= classes[c]->count;
	}
	return NULL;
}

const struct fnet_field_def *fnet_field_find(const char *name, size_t len)
{
	for (size_t c = 0; c < NCLASSES; c++)
		for (size_t i = 0; i < classes[c]->count; i++) {
			const char *n = classes[c]->fields[i].name;
			if (strlen(n) == len && memcmp(n, name, len) == 0)
				return &classes[c]->fields[i];
		}
	return NULL;
}

/* Levenshtein distance of a (la bytes) and b, capped: stops counting above `cap`. */
static size_t edit_distance(const char *a, size_t la, const char *b, size_t cap)
{
	size_t lb = strlen(b);
	size_t row[64];
	if (la >= 64 || lb >= 64)
		return cap + 1;
	for (size_t j = 0; j <= lb; j++)
		row[j] = j;
	for (size_t i = 1; i <= la; i++) {
		size_t diag = row[0], best = row[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t up = row[j];
			size_t v = diag + (a[i - 1] != b[j - 1]);
			if (row[j - 1] + 1 < v)
				v = row[j - 1] + 1;
			if (up + 1 < v)
				v = up + 1;
			row[j] = v;
			diag = up;
			if (v < best)
				best = v;
		}
		if (best > cap)
			return cap + 1;
	}
	return row[lb];
}

const char *fnet_field_suggest_among(const char *name, size_t len, const char *(*name_at)(size_t))
{
	/* "proc.cmd" -> "proc.cmdline": a cut-short name first */
	if (len >= 4)
		for (size_t i = 0; name_at(i); i++) {
			const char *n = name_at(i);
			if (strlen(n) > len && memcmp(n, name, len) == 0)
				return n;
		}
	const char *best = NULL;
	size_t best_d = 3; /* then a typo: within distance 2 */
	for (size_t i = 0; name_at(i); i++) {
		const char *n = name_at(i);
		size_t d = edit_distance(name, len, n, best_d);
		if (d < best_d) {
			best_d = d;
			best = n;
		}
	}
	return best;
}

static const char *syscall_name_at(size_t i)
{
	const struct fnet_field_def *f = fnet_field_at(i);
	return f ? f->name : NULL;
}

const char *fnet_field_suggest(const char *name, size_t len)
{
	return fnet_field_suggest_among(name, len, syscall_name_at);
}

int fnet_list_text(fnet_field_extract_list_fn fn, const struct fnet_eval_ctx *ctx,
		   const struct fnet_field_arg *arg, struct fnet_field_value *out, char *scratch)
{
	struct fnet_field_value vals[FNET_FIELD_LIST_MAX];
	size_t n = fn(ctx, arg, vals, FNET_FIELD_LIST_MAX, scratch);
	char *text = scratch + FNET_FIELD_SCRATCH_SIZE / 2;
	size_t len = 0, room = FNET_FIELD_SCRATCH_SIZE / 2;
	if (!n)
		return 0;
	text[len++] = '(';
	for (size_t i = 0; i < n; i++) {
		if (i && len < room)
			text[len++] = ',';
		size_t k = vals[i].len < room - len ? vals[i].len : room - len;
		memcpy(text + len, vals[i].str, k);
		len += k;
	}
	if (len < room)
		text[len++] = ')';
	out->str = text;
	out->len = (uint32_t)len;
	return 1;
}

const char *fnet_field_type_name(enum fnet_field_type t)
{
	switch (t) {
	case FNET_FIELD_STRING:
		return "string";
	case FNET_FIELD_INT64:
		return "int64";
	case FNET_FIELD_UINT64:
		return "uint64";
	case FNET_FIELD_IPADDR:
		return "ipaddr";
	case FNET_FIELD_IPNET:
		return "ipnet";
	}
	return "?";
}

/* Fields sysdig prints zero-padded to 9 digits (PF_10_PADDED_DEC). */
static int padded(const struct fnet_field_def *f)
{
	static const char *const names[] = {"evt.rawtime.ns", "evt.reltime", "evt.reltime.ns",
					    "evt.latency.ns", "evt.deltatime.ns"};
	static const struct fnet_field_def *defs[sizeof(names) / sizeof(names[0])];
	static int ready;
	if (!ready) {
		for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
			defs[i] = fnet_field_find(names[i], strlen(names[i]));
		ready = 1;
	}
	for (size_t i = 0; i < sizeof(defs) / sizeof(defs[0]); i++)
		if (defs[i] == f)
			return 1;
	return 0;
}

int fnet_field_render(const struct fnet_field_def *f, const struct fnet_field_arg *arg,
		      const struct fnet_eval_ctx *ctx, char *buf, size_t size)
{
	static const struct fnet_field_arg no_arg;
	char scratch[FNET_FIELD_SCRATCH_SIZE];
	struct fnet_field_value v;
	if (size == 0)
		return 0;
	if (!f->extract(ctx, arg ? arg : &no_arg, &v, scratch)) {
		snprintf(buf, size, "<NA>");
		return 0;
	}
	switch (fnet_field_type_for(f, arg ? arg : &no_arg)) {
	case FNET_FIELD_STRING: {
		size_t n = v.len < size - 1 ? v.len : size - 1;
		memmove(buf, v.str, n);
		buf[n] = 0;
		break;
	}
	case FNET_FIELD_INT64:
		snprintf(buf, size, "%" PRId64, v.i64);
		break;
	case FNET_FIELD_UINT64:
		snprintf(buf, size, padded(f) ? "%09" PRIu64 : "%" PRIu64, v.u64);
		break;
	case FNET_FIELD_IPADDR:
	case FNET_FIELD_IPNET:
		fnet_ip_format(&v, buf, size);
		break;
	}
	return 1;
}

/* ---- fields_special.h ---- */

static int named(const struct fnet_field_def *f, const char *name)
{
	return f && strcmp(f->name, name) == 0;
}

enum fnet_field_match fnet_field_match_kind(const struct fnet_field_def *f,
					    const struct fnet_field_arg *arg)
{
	if ((named(f, "proc.aname") || named(f, "proc.apid")) && !arg->has)
		return FNET_MATCH_ANY;
	if (named(f, "fd.ip") || named(f, "fd.port") || named(f, "fd.net"))
		return FNET_MATCH_EITHER;
	if (named(f, "evt.around"))
		return FNET_MATCH_WITHIN;
	if (fnet_field_list_fn(f))
		return FNET_MATCH_LIST;
	if (named(f, "fd.types"))
		return FNET_MATCH_LIST;
	if (named(f, "fd.cip.name") || named(f, "fd.sip.name") || named(f, "fd.lip.name") ||
	    named(f, "fd.rip.name"))
		return FNET_MATCH_DOMAIN;
	return FNET_MATCH_VALUE;
}

const char fnet_list_item_marker[] = "list item";

/*
 * Multi-valued fields take their value number through the argument: the
 * ancestors of proc.aname as proc.aname[k+1]; the sides of fd.ip, fd.port,
 * fd.net as an index their extractors read (0 client, 1 server), which users
 * cannot write since those fields take no argument.
 */
int fnet_field_extract_nth(const struct fnet_field_def *f, const struct fnet_field_arg *arg,
			   const struct fnet_eval_ctx *ctx, uint32_t k,
			   struct fnet_field_value *out, char *scratch)
{
	struct fnet_field_arg a = {1, 1, 0, NULL, 0};
	switch (fnet_field_match_kind(f, arg)) {
	case FNET_MATCH_ANY:
		a.index = (int64_t)k + 1;
		return f->extract(ctx, &a, out, scratch);
	case FNET_MATCH_EITHER:
		if (k > 1)
			return 0;
		a.index = k;
		return f->extract(ctx, &a, out, scratch);
	case FNET_MATCH_LIST:
		if (k == 0)
			return f->extract(ctx, arg, out, scratch);
		a = *arg;
		a.name = fnet_list_item_marker;
		a.name_len = k - 1;
		return f->extract(ctx, &a, out, scratch);
	default:
		return k == 0 && f->extract(ctx, arg, out, scratch);
	}
}

/* Compare type of a parameter type. */
static enum fnet_field_type param_field_type(uint8_t t)
{
	switch (t) {
	case FNET_PT_INT8:
	case FNET_PT_INT16:
	case FNET_PT_INT32:
	case FNET_PT_INT64:
	case FNET_PT_ERRNO:
	case FNET_PT_FD:
	case FNET_PT_PID:
	case FNET_PT_FD32:
	case FNET_PT_PID32:
		return FNET_FIELD_INT64;
	case FNET_PT_UINT8:
	case FNET_PT_UINT16:
	case FNET_PT_UINT32:
	case FNET_PT_UINT64:
	case FNET_PT_SYSCALLID:
	case FNET_PT_SIGTYPE:
	case FNET_PT_RELTIME:
	case FNET_PT_ABSTIME:
	case FNET_PT_PORT:
	case FNET_PT_L4PROTO:
	case FNET_PT_SOCKFAMILY:
	case FNET_PT_BOOL:
	case FNET_PT_FLAGS8:
	case FNET_PT_FLAGS16:
	case FNET_PT_FLAGS32:
	case FNET_PT_UID:
	case FNET_PT_GID:
	case FNET_PT_SIGSET:
	case FNET_PT_MODE:
	case FNET_PT_ENUMFLAGS8:
	case FNET_PT_ENUMFLAGS16:
	case FNET_PT_ENUMFLAGS32:
		return FNET_FIELD_UINT64;
	case FNET_PT_IPV4ADDR:
	case FNET_PT_IPV6ADDR:
	case FNET_PT_IPADDR:
		return FNET_FIELD_IPADDR;
	case FNET_PT_IPV4NET:
	case FNET_PT_IPV6NET:
	case FNET_PT_IPNET:
		return FNET_FIELD_IPNET;
	default:
		return FNET_FIELD_STRING;
	}
}

/* The first parameter called `name` in the schema, by event type order. */
static const struct fnet_param_info *first_param_named(const char *name, size_t len)
{
	for (int t = 0; t < FNET_EV_COUNT; t++) {
		const struct fnet_event_info *ei = &fnet_event_table[t];
		for (uint32_t i = 0; i < ei->nparams; i++)
			if (strlen(ei->params[i].name) == len && memcmp(ei->params[i].name, name, len) == 0)
				return &ei->params[i];
	}
	return NULL;
}

enum fnet_field_type fnet_field_type_for(const struct fnet_field_def *f,
					 const struct fnet_field_arg *arg)
{
	if (named(f, "evt.rawarg") && arg->has && !arg->is_index && arg->name) {
		const struct fnet_param_info *pi = first_param_named(arg->name, arg->name_len);
		if (pi)
			return param_field_type(pi->type);
	}
	return f->type;
}

const char *fnet_field_check_arg(const struct fnet_field_def *f, const struct fnet_field_arg *arg)
{
	if ((named(f, "evt.arg") || named(f, "evt.rawarg")) && arg->has && !arg->is_index &&
	    !first_param_named(arg->name ? arg->name : "", arg->name_len))
		return "unknown event argument";
	if (named(f, "container.mount.dest") && !arg->has)
		return "missing argument (a mount index or source, e.g. [0] or [/etc]) of field";
	if (named(f, "evt.type.is") && arg->has && !arg->is_index) {
		if (arg->name_len && arg->name[0] >= '0' && arg->name[0] <= '9')
			return NULL;
		for (int t = 0; t < FNET_EV_COUNT; t++)
			if (strlen(fnet_event_table[t].name) == arg->name_len &&
			    memcmp(fnet_event_table[t].name, arg->name, arg->name_len) == 0)
				return NULL;
		return "unknown event type";
	}
	return NULL;
}

/* ---- fields_common.h ---- */

const char *fnet_check_bool(const char *v, size_t len)
{
	if ((len == 4 && memcmp(v, "true", 4) == 0) || (len == 5 && memcmp(v, "false", 5) == 0))
		return NULL;
	return "boolean fields compare with true or false, not";
}

const struct fnet_event *fnet_matching_enter(const struct fnet_thread *t,
					     const struct fnet_event *ev)
{
	return t && t->enter_type != 0xffff && t->enter_type == (uint16_t)(ev->type - 1) ? &t->enter
											   : NULL;
}

const struct fnet_fd *fnet_event_fd(const struct fnet_eval_ctx *ctx)
{
	const struct fnet_event *ev = ctx->ev;
	if (!ctx->thread || !ev->info || !fnet_sysdig_fd_flags(ev->type))
		return NULL;
	/* sysdig parses no exit event whose enter event it did not see just before,
	 * nor one whose enter event its filter dropped (fnet_filter_note_result), but
	 * for a write, whose fd it looks up again to spot tracer writes */
	if (!fnet_event_is_enter(ev->type) &&
	    (!fnet_matching_enter(ctx->thread, ev) ||
	     (ctx->thread->enter_filtered_out && ev->type != FNET_EV_SYSCALL_WRITE_X)))
		return NULL;
	int64_t fd = fnet_event_fd_num(ev, ctx->thread);
	return fd == -1 ? NULL : fnet_thread_fd(ctx->thread, fd);
}

int fnet_param_by_arg_name(const struct fnet_event *ev, const struct fnet_field_arg *arg)
{
	enum { SLOTS = 256, NAME_MAX_CACHED = 31 };
	static _Thread_local struct {
		const struct fnet_field_arg *arg;
		uint16_t type;
		int8_t index;
		uint8_t len;
		char name[NAME_MAX_CACHED + 1];
	} cache[SLOTS];
	if (!ev->info || !arg->name)
		return -1;
	size_t h = (((uintptr_t)arg >> 4) * 31 + ev->type) % SLOTS;
	if (cache[h].arg == arg && cache[h].type == ev->type && cache[h].len == arg->name_len &&
	    memcmp(cache[h].name, arg->name, arg->name_len) == 0)
		goto found;
	int idx = -1;
	for (uint32_t i = 0; i < ev->info->nparams; i++)
		if (strlen(ev->info->params[i].name) == arg->name_len &&
		    memcmp(ev->info->params[i].name, arg->name, arg->name_len) == 0) {
			idx = (int)i;
			break;
		}
	if (arg->name_len > NAME_MAX_CACHED)
		return idx < 0 || (uint32_t)idx >= fnet_sysdig_nparams(ev) ? -1 : idx;
	cache[h].arg = arg;
	cache[h].type = ev->type;
	cache[h].index = (int8_t)idx;
	cache[h].len = (uint8_t)arg->name_len;
	memcpy(cache[h].name, arg->name, arg->name_len);
found:
	return cache[h].index < 0 || (uint32_t)cache[h].index >= fnet_sysdig_nparams(ev) ? -1
											   : cache[h].index;
}

uint64_t fnet_first_event_ts(const struct fnet_eval_ctx *ctx)
{
	return ctx->state && ctx->state->first_event_ts_ns ? ctx->state->first_event_ts_ns
							   : ctx->ev->ts_ns;
}
