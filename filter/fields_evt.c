/* The evt field class: evt.num, evt.type, evt.dir, evt.res. */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "event_params.h"
#include "fields.h"

static int set_cstr(struct fnet_field_value *out, const char *s)
{
	out->str = s;
	out->len = (uint32_t)strlen(s);
	return 1;
}

/* evt.num: the event's 1-based position in the stream, metadata events included. */
static int extract_num(const struct fnet_eval_ctx *ctx, const struct fnet_field_arg *arg, struct fnet_field_value *out, char *scratch)
{
	(void)arg;
	(void)scratch;
	out->u64 = ctx->ev->num;
	return 1;
}

/*
 * evt.type: the schema name; for generic events (syscalls without a dedicated
 * event type) the name of the syscall in their first parameter.
 */
static int extract_type(const struct fnet_eval_ctx *ctx, const struct fnet_field_arg *arg,
			struct fnet_field_value *out, char *scratch)
{
	(void)arg;
	(void)scratch;
	const struct fnet_event *ev = ctx->ev;
	if (!ev->info)
		return 0;
	if (ev->type == FNET_EV_GENERIC_E || ev->type == FNET_EV_GENERIC_X) {
		uint16_t code = ev->nparams > 0 ? (uint16_t)fnet_event_param_u64(ev, 0) : 0;
		return set_cstr(out, fnet_sysdig_syscall_name(code));
	}
	return set_cstr(out, ev->info->name);
}

/* evt.dir: ">" for enter events (even type numbers), "<" for exit events. */
static int extract_dir(const struct fnet_eval_ctx *ctx, const struct fnet_field_arg *arg, struct fnet_field_value *out, char *scratch)
{
	(void)arg;
	(void)scratch;
	return set_cstr(out, fnet_event_is_enter(ctx->ev->type) ? ">" : "<");
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
static int extract_res(const struct fnet_eval_ctx *ctx, const struct fnet_field_arg *arg, struct fnet_field_value *out, char *scratch)
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
		return set_cstr(out, "SUCCESS");
	uint8_t ptype, pfmt;
	sysdig_param_type(ev->type, ev->info, i, &ptype, &pfmt);
	return set_cstr(out, render_failure(v, ptype, pfmt, scratch));
}

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

static const struct fnet_field_def evt_fields[] = {
	{"evt.num", FNET_FIELD_UINT64, "event number: position in the trace, counting every event",
	 extract_num, NULL, FNET_ARG_NONE},
	{"evt.type", FNET_FIELD_STRING,
	 "event type name, e.g. open; for generic events the syscall name", extract_type,
	 check_type, FNET_ARG_NONE},
	{"evt.dir", FNET_FIELD_STRING, "event direction: '>' for enter events, '<' for exit events",
	 extract_dir, NULL, FNET_ARG_NONE},
	{"evt.res", FNET_FIELD_STRING,
	 "call result: SUCCESS, or the errno name (e.g. ENOENT) when it failed", extract_res, NULL, FNET_ARG_NONE},
};

const struct fnet_field_class fnet_fields_evt = {"evt", evt_fields,
						 sizeof(evt_fields) / sizeof(evt_fields[0])};
