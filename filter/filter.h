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
 * and the unary `FIELD exists` (the field has a value for the event).
 * A check whose field has no value for an event is false, whatever the operator
 * (sysdig's rule), so `not fd.name=x` holds for events without an fd.
 *
 * Fields: evt.num evt.type evt.dir evt.res proc.name proc.pid proc.exe
 * proc.cmdline thread.tid fd.num fd.name user.name; fields.h lists them with
 * their descriptions and renders them for output formats. Values are bare words
 * (ending at a blank or parenthesis), or '...' / "..." strings; both take the
 * escapes \\ \" \' and \xHH. Numeric fields (evt.num, proc.pid, thread.tid,
 * fd.num) compare as numbers and need decimal constants; strings compare as
 * bytes (< and > in strcmp order). `in` lists are sorted sets, searched in
 * O(log n).
 *
 * Compatibility with sysdig 0.29.3 (libs e5c53d64): expressions it accepts select
 * the same events (tests/filter_corpus.txt). This parser also accepts what it
 * refuses: `and` mixed with `or` without parentheses (`and` binds tighter) and
 * `==`. It differs where sysdig is quirky: `not not x` is x (sysdig: `not x`), a
 * quoted string ends only at its own quote kind, and `\'` is a quote.
 */
#ifndef FNET_FILTER_H
#define FNET_FILTER_H

#include "byte_stream.h" /* FNET_ERRBUF_SIZE */
#include "event.h"
#include "state.h"

/*
 * What a filter or a field reads for one event. The filter also copes with a NULL
 * `thread` (fnet_state_apply() gives none for threadless events such as procinfo):
 * thread fields then have no value. `state` may be NULL too (no user.name then).
 */
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
 * `err` and `err_col` may be NULL. Errors found: syntax (unbalanced parenthesis,
 * missing operator or value, unexpected token, unterminated string, bad \x
 * escape), unknown fields, non-numeric constants for numeric fields, contains or
 * startswith on numeric fields, unknown event types in evt.type =, != and in.
 * The filter does not refer to `expr` after this call.
 */
struct fnet_filter *fnet_filter_compile(const char *expr, char *err, int *err_col);

/*
 * 1 when the event matches, else 0; a NULL filter matches every event. Allocates
 * nothing and calls no field by name: each check runs its bound extractor. Uses
 * about 32 KiB of stack. A compiled filter is read-only, so threads may share it.
 */
int fnet_filter_match(const struct fnet_filter *f, const struct fnet_eval_ctx *ctx);

/*
 * 1 when an event whose evt.type is `type_name` ("open", "execve", a generic
 * event's syscall name) may match `f`, 0 when no such event can: the filter is
 * read with evt.type checks decided and every other check unknown (three-valued
 * logic). Used to choose the syscalls a capture records in the kernel and, for
 * rules, the event types a condition applies to. A NULL filter may match anything.
 */
int fnet_filter_may_match_type(const struct fnet_filter *f, const char *type_name);

/* Frees a compiled filter. NULL is allowed. */
void fnet_filter_free(struct fnet_filter *f);

#endif
