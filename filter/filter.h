/*
 * The sysdig/Falco filter language: compile an expression once, then match it
 * against events with no per-event allocation and no field look-up by name.
 *
 * Grammar (sysdig/Falco syntax):
 *   expr    := or
 *   or      := and ("or" and)*
 *   and     := unary ("and" unary)*
 *   unary   := "not" unary | "(" expr ")" | check
 *   check   := FIELD OP VALUE | FIELD "in" "(" VALUE ("," VALUE)* ")"
 *   OP      := = == != < <= > >= contains startswith
 * A check whose field has no value for an event is false, whatever the operator
 * (sysdig's rule), so `not fd.name=x` holds for events without an fd.
 */
#ifndef FNET_FILTER_H
#define FNET_FILTER_H

#include "byte_stream.h" /* FNET_ERRBUF_SIZE */
#include "event.h"
#include "state.h"

/* What a filter or a field reads for one event. */
struct fnet_eval_ctx {
	const struct fnet_event *ev;
	struct fnet_thread *thread;     /* the event's thread (never NULL after fnet_state_apply) */
	const struct fnet_state *state;
};

struct fnet_filter;

/*
 * Compiles `expr`. Returns the filter (caller frees with fnet_filter_free), or NULL
 * with a message in `err` (FNET_ERRBUF_SIZE bytes) and the 1-based column of the
 * error in `*err_col`. Messages say what was expected, e.g.
 * "expected a value after '='", "unknown field 'proc.nam' (did you mean 'proc.name'?)".
 */
struct fnet_filter *fnet_filter_compile(const char *expr, char *err, int *err_col);

/* 1 when the event matches, else 0. */
int fnet_filter_match(const struct fnet_filter *f, const struct fnet_eval_ctx *ctx);

/* Frees a compiled filter. NULL is allowed. */
void fnet_filter_free(struct fnet_filter *f);

#endif
