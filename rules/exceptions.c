/*
 * Rule exceptions: their checks (Falco's collector, validate_exception_info) and
 * the condition text they add, "(condition) and not (...)", built the way
 * Falco's compiler builds it (build_rule_exception_infos), so that quoting and
 * list syntax read the same.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fields.h"
#include "lexer.h"
#include "rules_internal.h"
#include "strbuf.h"

/* Trims blanks around `s` in place. */
static void trim(char *s)
{
	size_t n = strlen(s), b = 0;
	while (n && strchr(" \t\r\n", s[n - 1]))
		s[--n] = 0;
	while (s[b] && strchr(" \t\r\n", s[b]))
		b++;
	memmove(s, s + b, n - b + 1);
}

/* An operator of the filter language, as written in `comps`. */
static int is_operator(const char *s, enum fnet_cmp_op *op)
{
	static const char *const sym[] = {"=", "==", "!=", "<", "<=", ">", ">="};
	for (size_t i = 0; i < sizeof(sym) / sizeof(sym[0]); i++)
		if (strcmp(s, sym[i]) == 0) {
			*op = FNET_OP_EQ;
			return 1;
		}
	return fnet_op_from_word(s, strlen(s), op) == 0;
}

static int is_field(const char *s)
{
	const struct fnet_field_def *f;
	struct fnet_field_arg arg;
	char err[256];
	size_t n = strlen(s);
	return n && fnet_field_parse_ref(s, n, &f, &arg, err, sizeof(err)) == n;
}

static int set_item(struct rl_exc_entry *e, const char *s)
{
	return (e->item = strdup(s)) ? 0 : -1;
}

int rl_exception_validate(struct fnet_ruleset *rs, struct rl_exception *e, int check_fields)
{
	enum fnet_cmp_op op;
#define BAD(...)                                                                           \
	do {                                                                               \
		rl_msg(rs, 1, "LOAD_ERR_VALIDATE", "exception", e->name, &e->ctx, __VA_ARGS__); \
		return -1;                                                                 \
	} while (0)
	if (e->fields.is_list) {
		if (!e->has_comps) {
			e->has_comps = 1;
			e->comps.is_list = 1;
			if (e->fields.n && !(e->comps.items = calloc(e->fields.n, sizeof(*e->comps.items))))
				BAD("out of memory");
			for (size_t i = 0; i < e->fields.n; i++) {
				e->comps.n++;
				if (set_item(&e->comps.items[i], "=") < 0)
					BAD("out of memory");
			}
		}
		if (!e->comps.is_list || e->fields.n != e->comps.n)
			BAD("Fields and comps lists must have equal length");
		for (size_t i = 0; i < e->comps.n; i++) {
			struct rl_exc_entry *c = &e->comps.items[i];
			if (c->is_list)
				BAD("'%s' is not a supported comparison operator", "(list)");
			trim(c->item);
			if (!is_operator(c->item, &op))
				BAD("'%s' is not a supported comparison operator", c->item);
		}
		for (size_t i = 0; check_fields && i < e->fields.n; i++)
			if (e->fields.items[i].is_list || !is_field(e->fields.items[i].item))
				BAD("'%s' is not a supported filter field",
				    e->fields.items[i].is_list ? "(list)" : e->fields.items[i].item);
		return 0;
	}
	if (!e->has_comps) {
		e->has_comps = 1;
		if (set_item(&e->comps, "in") < 0)
			BAD("out of memory");
	}
	if (e->comps.is_list)
		BAD("Fields and comps must both be strings");
	trim(e->comps.item);
	if (strcmp(e->comps.item, "in") && strcmp(e->comps.item, "pmatch") &&
	    strcmp(e->comps.item, "intersects"))
		BAD("When fields is a single value, comps must be one of (in, pmatch, intersects) or "
		    "a modifier operator (e.g. startswith oneof)");
	if (check_fields && !is_field(e->fields.item))
		BAD("'%s' is not a supported filter field", e->fields.item);
	return 0;
#undef BAD
}

/* Falco's quote_item: a value with a blank, not already quoted, goes in double quotes. */
static void put_quoted(struct fnet_strbuf *b, const char *v)
{
	if (strchr(v, ' ') && v[0] != '"' && v[0] != '\'') {
		fnet_strbuf_putc(b, '"');
		fnet_strbuf_puts(b, v);
		fnet_strbuf_putc(b, '"');
	} else
		fnet_strbuf_puts(b, v);
}

/* One exception's clause, appended to `b` after " and not ". Returns 0 or -1. */
static int add_clause(struct fnet_ruleset *rs, const struct rl_exception *e, struct fnet_strbuf *b)
{
	enum fnet_cmp_op op;
	if (!e->fields.is_list) {
		for (size_t i = 0; i < e->nvalues; i++) {
			if (e->values[i].is_list) {
				rl_msg(rs, 1, "LOAD_ERR_VALIDATE", "exception", e->name, &e->ctx,
				       "Expected values array to contain a list of strings");
				return -1;
			}
			if (i == 0) {
				fnet_strbuf_puts(b, " and not (");
				fnet_strbuf_puts(b, e->fields.item);
				fnet_strbuf_putc(b, ' ');
				fnet_strbuf_puts(b, e->comps.item);
				fnet_strbuf_puts(b, " (");
			} else
				fnet_strbuf_puts(b, ", ");
			put_quoted(b, e->values[i].item);
		}
		if (e->nvalues)
			fnet_strbuf_puts(b, "))");
		return 0;
	}
	if (!e->nvalues)
		return 0;
	fnet_strbuf_puts(b, " and not (");
	for (size_t i = 0; i < e->nvalues; i++) {
		const struct rl_exc_entry *v = &e->values[i];
		if (!v->is_list || v->n != e->fields.n) {
			rl_msg(rs, 1, "LOAD_ERR_VALIDATE", "exception", e->name, &e->ctx,
			       "Fields and values lists must have equal length");
			return -1;
		}
		fnet_strbuf_puts(b, i ? " or (" : "(");
		for (size_t k = 0; k < e->fields.n; k++) {
			const char *comp = e->comps.items[k].item;
			fnet_strbuf_puts(b, k ? " and " : "");
			fnet_strbuf_putc(b, ' ');
			fnet_strbuf_puts(b, e->fields.items[k].item);
			fnet_strbuf_putc(b, ' ');
			fnet_strbuf_puts(b, comp);
			fnet_strbuf_putc(b, ' ');
			const struct rl_exc_entry *val = &v->items[k];
			if (val->is_list) {
				fnet_strbuf_putc(b, '(');
				for (size_t j = 0; j < val->n; j++) {
					if (j)
						fnet_strbuf_puts(b, ", ");
					put_quoted(b, val->items[j].is_list ? "" : val->items[j].item);
				}
				fnet_strbuf_putc(b, ')');
			} else if (is_operator(comp, &op) && fnet_op_takes_list(op) &&
				   val->item[0] != '(') {
				fnet_strbuf_putc(b, '(');
				fnet_strbuf_puts(b, val->item);
				fnet_strbuf_putc(b, ')');
			} else if (is_operator(comp, &op) && fnet_op_takes_list(op))
				fnet_strbuf_puts(b, val->item);
			else
				put_quoted(b, val->item);
		}
		fnet_strbuf_putc(b, ')');
	}
	fnet_strbuf_putc(b, ')');
	return 0;
}

char *rl_exceptions_condition(struct fnet_ruleset *rs, const struct rl_rule *r)
{
	if (!r->nex) /* Falco wraps the condition only when there are exceptions */
		return strdup(r->cond);
	struct fnet_strbuf b = FNET_STRBUF_INIT;
	fnet_strbuf_putc(&b, '(');
	fnet_strbuf_puts(&b, r->cond);
	fnet_strbuf_putc(&b, ')');
	for (size_t i = 0; i < r->nex; i++)
		if (add_clause(rs, &r->ex[i], &b) < 0) {
			fnet_strbuf_free(&b);
			return NULL;
		}
	if (b.oom) {
		fnet_strbuf_free(&b);
		return NULL;
	}
	return b.ptr;
}
