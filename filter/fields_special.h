/*
 * Field checks that are more than "extract one value, compare it with the
 * constant" (sysdig's filter-only fields and the fields whose type depends on
 * their argument). The compiler asks, once per check:
 *
 *   fnet_field_type_for()    the type to compare as (evt.rawarg.NAME takes the
 *                            type of parameter NAME);
 *   fnet_field_match_kind()  how the check is decided:
 *     FNET_MATCH_VALUE   extract, compare: every other field;
 *     FNET_MATCH_ANY     the field has several values per event (the
 *                        ancestors of proc.aname, proc.apid written without an
 *                        index): the check holds when it holds for one of
 *                        them, whatever the operator (so != holds when one
 *                        ancestor differs), as in sysdig;
 *     FNET_MATCH_EITHER  several values (fd.ip, fd.port, fd.net: the client
 *                        and the server side): =, in, <, <=, >, >= hold when
 *                        one value satisfies them, != when every value does
 *                        (no value: false, for != too). sysdig accepts only
 *                        =, != and in on fd.ip and fd.net: refuse the others;
 *     FNET_MATCH_WITHIN  evt.around[T]=D: the only operator is =, and the
 *                        check holds when the value is at most D;
 *     FNET_MATCH_LIST    a list-valued field, of two kinds:
 *                        - the plugins' list fields (ka.*: fnet_field_list_fn
 *                          gives their list extractor): `in` and `pmatch`
 *                          hold when every value does (libsinsp),
 *                          `intersects` when one does, `exists` when there is
 *                          a value; any other operator holds when the list has
 *                          exactly one value and it satisfies the operator
 *                          (Falco's former k8s_audit engine; newer libsinsp
 *                          refuses them). An empty list is no value. No
 *                          transformers, no val();
 *                        - fd.types, as libsinsp's list fields: value 0 is the
 *                          list as a whole (its rendering; none: the field
 *                          has no value), values 1, 2, ... its items.
 *                          Operators: in (every item is in the set; an empty
 *                          list too), intersects (one item is), exists; no
 *                          field on the right;
 *     FNET_MATCH_DOMAIN  fd.cip.name and the like: decided by
 *                        fnet_field_domain_check() (fields_fd_newer.c);
 *                        operators =, !=, in, exists; no field on the right.
 *
 * IPNET fields (fd.net, fd.cnet, ...) take =, != and in only, as in sysdig.
 *
 * For ANY and EITHER the evaluator reads the values with
 * fnet_field_extract_nth(k) for k = 0, 1, ... until it returns 0. Render the
 * field (output formats) with fnet_field_render as usual: its first value.
 */
#ifndef FNET_FILTER_FIELDS_SPECIAL_H
#define FNET_FILTER_FIELDS_SPECIAL_H

#include "fields.h"
#include "lexer.h"

enum fnet_field_match {
	FNET_MATCH_VALUE,
	FNET_MATCH_ANY,
	FNET_MATCH_EITHER,
	FNET_MATCH_WITHIN,
	FNET_MATCH_LIST,
	FNET_MATCH_DOMAIN
};

/*
 * Marks the argument fnet_field_extract_nth passes to a list field's
 * extractor to ask for item `arg->name_len` (from 0) rather than the whole
 * list; the rest of the argument is the user's.
 */
extern const char fnet_list_item_marker[];

/*
 * The result of a check with operator `op` on a domain-name field
 * (FNET_MATCH_DOMAIN) for the event in `ctx`: false without an fd entry;
 * exists holds with one; for connected IPv4/IPv6 sockets = and in are false
 * (no name is known to resolve to the address) and != holds; other fds: false.
 */
int fnet_field_domain_check(const struct fnet_eval_ctx *ctx, enum fnet_cmp_op op);

/* How a check on field `f` written with argument `arg` is decided (compile time). */
enum fnet_field_match fnet_field_match_kind(const struct fnet_field_def *f,
					    const struct fnet_field_arg *arg);

/*
 * Value number `k` (from 0) of a FNET_MATCH_ANY or FNET_MATCH_EITHER field, as
 * an extractor gives it: 1 with `out` filled, 0 when there is no value `k`
 * (nor any later one). For other fields, value 0 is the extractor's value.
 */
int fnet_field_extract_nth(const struct fnet_field_def *f, const struct fnet_field_arg *arg,
			   const struct fnet_eval_ctx *ctx, uint32_t k,
			   struct fnet_field_value *out, char *scratch);

/*
 * The type values of `f` with argument `arg` compare as: f->type, except for
 * evt.rawarg.NAME, whose type is that of the parameter NAME in the first event
 * type declaring one (signed numbers INT64, unsigned numbers and flags UINT64,
 * addresses IPADDR, strings, paths and buffers STRING). Compile time.
 */
enum fnet_field_type fnet_field_type_for(const struct fnet_field_def *f,
					 const struct fnet_field_arg *arg);

/*
 * Checks an argument at compile time: NULL when `f` accepts `arg`, else what
 * is wrong ("unknown event argument"), as sysdig refuses evt.arg.NAME for a
 * NAME no event has. Complements the arg_mode check of fnet_field_parse_ref.
 */
const char *fnet_field_check_arg(const struct fnet_field_def *f, const struct fnet_field_arg *arg);

#endif
