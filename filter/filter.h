/*
 * The sysdig/Falco filter language: compile an expression once, then match it
 * against events with no per-event allocation and no field look-up by name.
 *
 * Grammar (sysdig/Falco syntax; parser.h has it in full):
 *   expr    := or
 *   or      := and ("or" and)*
 *   and     := unary ("and" unary)*
 *   unary   := "not" unary | "(" expr ")" | check
 *   check   := LEFT OP RIGHT | LEFT LISTOP LIST | LEFT "exists"
 * so `not` binds tighter than `and`, which binds tighter than `or`.
 *
 * LEFT is a field, possibly with an argument (proc.aname[2], evt.arg[0],
 * evt.arg.fd, evt.arg[fd]), possibly inside transformers: tolower(proc.name),
 * len(basename(fd.name)) (transform.h: tolower toupper b64 basename len).
 *
 * Operators: = (also ==) != < <= > >= on strings (byte order) and numbers;
 * on strings only: contains, icontains (ASCII case ignored), startswith,
 * endswith, glob and iglob (shell wildcards, fnmatch), regex (POSIX extended
 * regular expression matching the whole value), bcontains and bstartswith
 * (the value's bytes against bytes written in hex: `bcontains 2f746d70`);
 * exists (the field has a value). List operators: in (equal to an element),
 * intersects (a single-valued field counts as a one-element list, so it is
 * `in`), pmatch (the value is one of the paths or under one: /dev matches
 * /dev and /dev/null, not /devices).
 *
 * RIGHT is a value: a bare word (ending at a blank or parenthesis), or a '...'
 * or "..." string; both take the escapes \\ \" \' and \xHH. Numeric fields need
 * decimal numbers. Or RIGHT is another field of the same event: val(proc.exe),
 * or a transformer around one, toupper(proc.exe); both sides then have the same
 * kind (string or number). LIST is `(v1, v2, "v 3")` (maybe empty), or a list
 * name; bare elements of a list that are list names expand to that list's
 * elements (fnet_filter_compile_opts). Constant lists become sorted sets.
 *
 * A check whose field has no value for an event is false, whatever the
 * operator (sysdig's rule), so `not fd.name=x` holds for events without an fd.
 *
 * Compatibility with sysdig 0.29.3 (libs e5c53d64): expressions it accepts select
 * the same events (tests/filter_corpus*.txt). It lacks bcontains, bstartswith,
 * iglob, regex, transformers, val() and list names, and cannot parse intersects;
 * those follow newer Falco. This parser also accepts what it refuses: `and`
 * mixed with `or` without parentheses (`and` binds tighter) and `==`. It differs
 * where sysdig is quirky: `not not x` is x (sysdig: `not x`), a quoted string
 * ends only at its own quote kind, `\'` is a quote, `in ()` is the empty list
 * (sysdig: a list of one empty string).
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
struct fnet_audit_event;

struct fnet_eval_ctx {
	const struct fnet_event *ev;
	struct fnet_thread *thread;     /* the event's thread (never NULL after fnet_state_apply) */
	const struct fnet_state *state;
	/*
	 * A Kubernetes audit event (audit_event.h), read by the fields of source
	 * k8s_audit; NULL for system call events. For an audit event `ev` is the
	 * audit event's own shell event (number and time only), `thread` and
	 * `state` are NULL.
	 */
	const struct fnet_audit_event *audit;
};

struct fnet_filter;

/*
 * Compiles `expr`. Returns the filter (caller frees with fnet_filter_free), or NULL
 * with a message in `err` (FNET_ERRBUF_SIZE bytes) and the 1-based column of the
 * error in `*err_col`. Messages say what was expected, e.g.
 * "expected a value after '='", "unknown field 'proc.nam' (did you mean 'proc.name'?)".
 * `err` and `err_col` may be NULL. Errors found: syntax (unbalanced parenthesis,
 * missing operator or value, unexpected token, unterminated string, bad \x
 * escape), unknown fields, non-numeric constants for numeric fields, text
 * operators (contains, glob, ...) on numeric fields, unknown event types in evt.type =, != and
 * in, invalid hex strings (bcontains), regular expressions and field arguments,
 * transformers on fields of the wrong kind, val() with fields of another kind.
 * The filter does not refer to `expr` after this call.
 */
struct fnet_filter *fnet_filter_compile(const char *expr, char *err, int *err_col);

/* What fnet_filter_compile_opts knows besides the expression. */
struct fnet_filter_opts {
	/*
	 * Resolves a list name, as Falco rules use them: `proc.name in
	 * (shell_binaries)`, `fd.name pmatch (sensitive_dirs, /tmp)`, or `proc.name
	 * in shell_binaries`. Called at compile time for the bare name after a list
	 * operator and for every bare (unquoted) element of a list, with the name
	 * (`len` bytes, not NUL-terminated). Returns 1 when it is a list, setting
	 * `*items` to its `*n` elements, or 0 when it is not (a bare element is
	 * then itself). Elements are NUL-terminated strings read as Falco's
	 * textual expansion reads them: one written as a quoted string
	 * ('"10.0.0.0/8"' in a rules file) is that string, escapes resolved; any
	 * other is taken as it is, blanks included. They are not themselves list
	 * names (the caller flattens nested lists), and the compiler copies them
	 * before it returns. NULL: no list names.
	 */
	int (*lookup_list)(void *ctx, const char *name, size_t len, const char *const **items,
			   size_t *n);
	void *ctx; /* passed to lookup_list and lookup_macro */
	/*
	 * Resolves a macro name, as Falco rules use them: `evt.type=open and is_cat`,
	 * `not never_true`. When set, a bare identifier ([A-Za-z][A-Za-z0-9_]*) where a
	 * check may start, not followed by an operator, is a macro reference: the
	 * compiler calls lookup_macro with the name (`len` bytes, not NUL-terminated)
	 * and splices in the macro's condition (parsed once by fnet_filter_macro_parse;
	 * it must outlive the compile call, not the filter), which may itself refer
	 * to macros. NULL returned: "undefined macro" (FNET_FILTER_ERR_UNDEFINED_MACRO).
	 * A macro reached again while it is being expanded is a reference loop
	 * (FNET_FILTER_ERR_MACRO_LOOP). NULL: identifiers are not macros (a bare word
	 * without an operator is a syntax error, as for plain filters).
	 */
	const struct fnet_filter_macro *(*lookup_macro)(void *ctx, const char *name, size_t len);
	/* Nonzero: syntax errors worded as Falco's parser words them ("unexpected token
	 * after 'execve', expecting 'or', 'and'", "expected a ')' token"). */
	int falco_wording;
	/* When not NULL, receives what kind of error a failed compile found. */
	struct fnet_filter_error *error;
	/*
	 * The event source whose field set the expression is compiled against, as
	 * Falco rules name it: NULL or "syscall" (the system call fields), or
	 * "k8s_audit" (ka.*, json.*, jevt.* and the generic evt.* fields, see
	 * fields.h). Another name is an error.
	 */
	const char *source;
};

/* Kinds of compile error, so that callers (the rules loader) can word and code them. */
enum fnet_filter_err_kind {
	FNET_FILTER_ERR_NONE = 0,
	FNET_FILTER_ERR_SYNTAX,          /* the expression does not parse */
	FNET_FILTER_ERR_UNKNOWN_FIELD,   /* `name`: a field that does not exist */
	FNET_FILTER_ERR_UNDEFINED_MACRO, /* `name`: lookup_macro returned NULL */
	FNET_FILTER_ERR_MACRO_LOOP,      /* `name`: the macro refers to itself */
	FNET_FILTER_ERR_UNKNOWN_EVTTYPE, /* `name`: evt.type compared with no event type */
	FNET_FILTER_ERR_UNKNOWN_LIST,    /* `name`: not a list, after a list operator */
	FNET_FILTER_ERR_OTHER            /* anything else: wrong value type, operator... */
};

struct fnet_filter_error {
	enum fnet_filter_err_kind kind;
	char name[256]; /* the name at fault (NUL-terminated, cut when longer), or "" */
};

/*
 * A macro's condition, parsed once and spliced into every filter that refers to
 * it (fnet_filter_opts.lookup_macro). Parsing checks syntax only (fields are
 * checked when a filter using the macro compiles). `cond` is copied.
 * `falco_wording` as in fnet_filter_opts. Returns NULL with the message in
 * `err` (FNET_ERRBUF_SIZE bytes) and the 1-based column in `*err_col`.
 */
struct fnet_filter_macro;
struct fnet_filter_macro *fnet_filter_macro_parse(const char *cond, int falco_wording, char *err,
						  int *err_col);

/*
 * Calls `fn` for every macro name the condition refers to (with its length
 * and byte offset in the condition), in the order written; names repeat as
 * often as they are written.
 */
void fnet_filter_macro_refs(const struct fnet_filter_macro *m,
			    void (*fn)(void *ctx, const char *name, size_t len, size_t pos),
			    void *ctx);

/* Frees a parsed macro. NULL is allowed. */
void fnet_filter_macro_free(struct fnet_filter_macro *m);

/*
 * fnet_filter_compile with options (`opts` may be NULL: no list names, no
 * macros). A name after a list operator that is not a list is an error
 * ("unknown list"). The errors' kinds go to opts->error.
 */
struct fnet_filter *fnet_filter_compile_opts(const char *expr, const struct fnet_filter_opts *opts,
					     char *err, int *err_col);

/*
 * 1 when the event matches, else 0; a NULL filter matches every event. Allocates
 * nothing and calls no field by name: each check runs its bound extractor (the
 * C library's regexec, for regex checks, may allocate inside). Uses about 32 KiB
 * of stack, 64 KiB when the filter compares two fields (val()). A compiled
 * filter is read-only, so threads may share it.
 */
int fnet_filter_match(const struct fnet_filter *f, const struct fnet_eval_ctx *ctx);

/*
 * Records the result `matched` of a filter on ctx->ev, for the next events of its
 * thread, as sysdig 0.29.3 keeps it: an enter event of a type without
 * EF_MODIFIES_STATE is filtered before sysdig parses it, and when it fails, sysdig
 * forgets it, so its exit event has no fd info (m_fdinfo) in the filter: fields
 * such as evt.count.error.file, evt.category or evt.is_io read as for an unknown
 * fd (fd.* fields still find the fd). Call it after each fnet_filter_match of
 * a reader that filters every event with one filter (falconet-replay does).
 */
void fnet_filter_note_result(const struct fnet_eval_ctx *ctx, int matched);

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
