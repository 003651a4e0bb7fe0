/*
 * Helpers shared by the field class files (fields_*.c): setting values,
 * boolean fields, reading event parameters by role, the fd an event refers to.
 * Internal to the filter library.
 */
#ifndef FNET_FILTER_FIELDS_COMMON_H
#define FNET_FILTER_FIELDS_COMMON_H

#include <string.h>

#include "event_format.h"
#include "event_params.h"
#include "fields.h"

/* Defines extractor `name` (fnet_field_extract_fn); most ignore arg and scratch. */
#define EXTRACTOR(name)                                                                      \
	static int name(const struct fnet_eval_ctx *ctx, const struct fnet_field_arg *arg,    \
			struct fnet_field_value *out, char *scratch)
#define UNUSED_ARGS                                                                          \
	do {                                                                                 \
		(void)arg;                                                                   \
		(void)scratch;                                                               \
	} while (0)

/* A NUL-terminated string value that outlives the extraction (a literal, state). */
static inline int fnet_value_cstr(struct fnet_field_value *out, const char *s)
{
	out->str = s;
	out->len = (uint32_t)strlen(s);
	return 1;
}

/* A state string (NULL pointer: empty). */
static inline int fnet_value_fstr(struct fnet_field_value *out, const struct fnet_string *s)
{
	out->str = s->ptr ? s->ptr : "";
	out->len = s->ptr ? s->len : 0;
	return 1;
}

/*
 * Boolean fields are STRING fields valued "true" or "false" (as sysdig prints
 * them); their constants must be one of the two, as sysdig requires.
 */
static inline int fnet_value_bool(struct fnet_field_value *out, int b)
{
	return fnet_value_cstr(out, b ? "true" : "false");
}

/* The constant check of boolean fields. */
const char *fnet_check_bool(const char *v, size_t len);

/* Integer parameter `role` of `ev` when the record has it. */
static inline int fnet_param_int(const struct fnet_event *ev, enum fnet_param_role role, int64_t *v)
{
	int i = fnet_param_slot(ev->type, role);
	if (i < 0 || (uint32_t)i >= ev->nparams)
		return 0;
	*v = fnet_event_param_s64(ev, (uint32_t)i);
	return 1;
}

/* String parameter `i` of `ev` up to its NUL, or "" with *len 0. */
static inline const char *fnet_param_text(const struct fnet_event *ev, uint32_t i, size_t *len)
{
	if (i >= ev->nparams || ev->param_len[i] == 0) {
		*len = 0;
		return "";
	}
	const char *p = (const char *)ev->param[i];
	const char *z = memchr(p, 0, ev->param_len[i]);
	*len = z ? (size_t)(z - p) : ev->param_len[i];
	return p;
}

/*
 * The thread's last enter event when it is the enter event of the exit `ev`,
 * else NULL.
 */
const struct fnet_event *fnet_matching_enter(const struct fnet_thread *t,
					     const struct fnet_event *ev);

/*
 * sysdig's "last event fd" of the event's thread as the event sees it
 * (fields_fd.c): the fd an fd-using event refers to, the new fd of an
 * fd-creating exit. For events whose type has fd flags only.
 */
int64_t fnet_event_fd_num(const struct fnet_event *ev, const struct fnet_thread *t);

/*
 * The fd the event refers to in the thread's fd table (sysdig's fd info of the
 * event, which evt.category, evt.buflen... read), or NULL: none, the event has
 * no fd flags, the fd is unknown, or the event is an exit event whose enter
 * event was not the thread's last (sysdig does not parse those).
 */
const struct fnet_fd *fnet_event_fd(const struct fnet_eval_ctx *ctx);

/* Socket fd types (IPv4/IPv6, client or server). */
static inline int fnet_fd_is_ip(const struct fnet_fd *f)
{
	return f->type >= FNET_FDR_IPV4_SOCK && f->type <= FNET_FDR_IPV6_SERVSOCK;
}

/*
 * Index of parameter arg->name in `ev`'s schema (the name of evt.arg.NAME),
 * cached per argument and event type; -1 when the event has no such
 * parameter. Never compares names once the pair is cached.
 */
int fnet_param_by_arg_name(const struct fnet_event *ev, const struct fnet_field_arg *arg);

/*
 * sysdig 0.29.3's evt.category of `ev` ("file", "net", "IPC", "memory", ...,
 * for I/O events by the type of the event's fd `f`: "file", "net", "ipc",
 * "unknown"). Static string.
 */
const char *fnet_event_category_name(const struct fnet_event *ev, const struct fnet_fd *f);

/*
 * The event's fd as the fd fields see it (fields_fd.c): 0 when the event has
 * no fd flags or no thread; else 1 with *fd its number (-1: none) and *f its
 * entry in the thread's fd table (NULL when unknown).
 */
int fnet_event_fd_entry(const struct fnet_eval_ctx *ctx, int64_t *fd, const struct fnet_fd **f);

/*
 * Name of fd type `type` (FNET_FDR_*): "file", "ipv4", ... as libsinsp's
 * current table has it when `newer`, else as sysdig 0.29.3 (which names no
 * type after file v2); "<NA>" when unnamed (fields_fd.c). Static string.
 */
const char *fnet_fd_type_name(uint8_t type, int newer);

/* fd.name of the event (fields_fd.c), for fields built on it. */
int fnet_event_fd_name(const struct fnet_eval_ctx *ctx, struct fnet_field_value *out, char *scratch);

/* container.id of thread `t` (fields_container.c): the 12-digit id, or "host". */
int fnet_container_id(const struct fnet_thread *t, struct fnet_field_value *out);

/* The class of field number `i` (fields.c), for the field list. */
const struct fnet_field_class *fnet_field_class_at(size_t i);


/*
 * fnet_field_suggest over the names name_at(0), name_at(1), ... until it
 * returns NULL.
 */
const char *fnet_field_suggest_among(const char *name, size_t len, const char *(*name_at)(size_t));

/*
 * The text of list field `fn` as libsinsp prints a list: "(a,b,c)" (no value
 * when the list is empty). `fn` uses the first half of `scratch`, the text the
 * second half.
 */
int fnet_list_text(fnet_field_extract_list_fn fn, const struct fnet_eval_ctx *ctx,
		   const struct fnet_field_arg *arg, struct fnet_field_value *out, char *scratch);

/* First event time of the trace (evt.reltime): the state's, else 0. */
uint64_t fnet_first_event_ts(const struct fnet_eval_ctx *ctx);

#endif
