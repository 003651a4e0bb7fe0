/* Recursive-descent parser of filter expressions (grammar in parser.h). */
#include "parser.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct parser {
	struct fnet_lexer lx;
	struct fnet_token tok; /* look-ahead token, valid when `have` */
	int have;
	int depth;
	char *err;
	size_t errsize;
	size_t err_pos;
	int failed;
};

static void fail(struct parser *p, size_t pos, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void fail(struct parser *p, size_t pos, const char *fmt, ...)
{
	if (p->failed)
		return;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(p->err, p->errsize, fmt, ap);
	va_end(ap);
	p->err_pos = pos;
	p->failed = 1;
}

/* The look-ahead token, scanning it when needed; NULL after a lexical error. */
static const struct fnet_token *peek(struct parser *p)
{
	if (!p->have) {
		if (fnet_lex_next(&p->lx, &p->tok, p->err, p->errsize, &p->err_pos) < 0) {
			p->failed = 1;
			return NULL;
		}
		p->have = 1;
	}
	return &p->tok;
}

static void take(struct parser *p)
{
	p->have = 0;
}

static int is_word(const struct parser *p, const struct fnet_token *t, const char *w)
{
	size_t n = strlen(w);
	return t->kind == FNET_TOK_WORD && t->len == n && memcmp(p->lx.src + t->pos, w, n) == 0;
}

/* Quoted text of a token for messages, e.g. 'foo' (cut when long). */
static const char *describe(const struct parser *p, const struct fnet_token *t, char *buf,
			    size_t size)
{
	if (t->kind == FNET_TOK_END)
		return "the end of the filter";
	int n = t->len > 40 ? 40 : (int)t->len;
	snprintf(buf, size, "'%.*s%s'", n, p->lx.src + t->pos, t->len > 40 ? "..." : "");
	return buf;
}

static struct fnet_ast *new_node(struct parser *p, enum fnet_ast_kind kind, size_t pos)
{
	struct fnet_ast *a = calloc(1, sizeof(*a));
	if (!a)
		fail(p, pos, "out of memory");
	else {
		a->kind = kind;
		a->pos = pos;
	}
	return a;
}

static int add_kid(struct parser *p, struct fnet_ast *a, struct fnet_ast *kid)
{
	if (a->nkids == a->kids_cap) {
		size_t cap = a->kids_cap ? 2 * a->kids_cap : 4;
		struct fnet_ast **k = realloc(a->kids, cap * sizeof(*k));
		if (!k) {
			fail(p, a->pos, "out of memory");
			fnet_ast_free(kid);
			return -1;
		}
		a->kids = k;
		a->kids_cap = cap;
	}
	a->kids[a->nkids++] = kid;
	return 0;
}

static int add_value(struct parser *p, struct fnet_ast *a, char *text, size_t len, size_t pos)
{
	if (a->nvalues == a->values_cap) {
		size_t cap = a->values_cap ? 2 * a->values_cap : 4;
		struct fnet_ast_value *v = realloc(a->values, cap * sizeof(*v));
		if (!v) {
			fail(p, pos, "out of memory");
			free(text);
			return -1;
		}
		a->values = v;
		a->values_cap = cap;
	}
	a->values[a->nvalues].text = text;
	a->values[a->nvalues].len = len;
	a->values[a->nvalues].pos = pos;
	a->nvalues++;
	return 0;
}

static struct fnet_ast *parse_or(struct parser *p, const char *after);

/* One value after an operator (or inside an `in` list); `after` names what precedes it. */
static int parse_value(struct parser *p, struct fnet_ast *a, int in_list, const char *after,
		       size_t after_len)
{
	char *text;
	size_t len, pos;
	int rc = fnet_lex_value(&p->lx, in_list, &text, &len, &pos, p->err, p->errsize, &p->err_pos);
	if (rc < 0) {
		p->failed = 1;
		return -1;
	}
	if (rc == 0) {
		fail(p, pos, "expected a value after '%.*s'", (int)after_len, after);
		return -1;
	}
	return add_value(p, a, text, len, pos);
}

/* The `in` list: "(" VALUE ("," VALUE)* ")". */
static int parse_in_list(struct parser *p, struct fnet_ast *a)
{
	char buf[64];
	const struct fnet_token *t = peek(p);
	if (!t)
		return -1;
	if (t->kind != FNET_TOK_LPAREN) {
		fail(p, t->pos, "expected '(' after 'in', found %s", describe(p, t, buf, sizeof(buf)));
		return -1;
	}
	size_t open = t->pos;
	take(p);
	const char *after = "(";
	for (;;) {
		if (parse_value(p, a, 1, after, 1) < 0)
			return -1;
		if (!(t = peek(p)))
			return -1;
		if (t->kind == FNET_TOK_RPAREN) {
			take(p);
			return 0;
		}
		if (t->kind == FNET_TOK_END) {
			fail(p, open, "unbalanced parenthesis: the 'in' list opened here is not closed");
			return -1;
		}
		if (t->kind != FNET_TOK_COMMA) {
			fail(p, t->pos, "unexpected %s in the 'in' list (expected ',' or ')')",
			     describe(p, t, buf, sizeof(buf)));
			return -1;
		}
		take(p);
		after = ",";
	}
}

static struct fnet_ast *parse_check(struct parser *p, const char *after)
{
	char buf[64];
	const struct fnet_token *t = peek(p);
	if (!t)
		return NULL;
	if (t->kind == FNET_TOK_END) {
		if (after)
			fail(p, t->pos, "expected a condition after '%s'", after);
		else
			fail(p, t->pos, "empty filter: expected a condition such as proc.name=cat");
		return NULL;
	}
	if (t->kind == FNET_TOK_RPAREN && after && !strcmp(after, "(")) {
		fail(p, t->pos, "empty parentheses: expected a condition inside");
		return NULL;
	}
	if (t->kind != FNET_TOK_WORD || is_word(p, t, "and") || is_word(p, t, "or")) {
		fail(p, t->pos, "unexpected %s (expected a field name)", describe(p, t, buf, sizeof(buf)));
		return NULL;
	}
	struct fnet_ast *a = new_node(p, FNET_AST_CHECK, t->pos);
	if (!a)
		return NULL;
	a->field = p->lx.src + t->pos;
	a->field_len = t->len;
	take(p);

	if (!(t = peek(p)))
		goto fail;
	a->op_pos = t->pos;
	a->op_len = t->len;
	if (t->kind == FNET_TOK_CMP)
		a->op = t->op;
	else if (is_word(p, t, "contains"))
		a->op = FNET_OP_CONTAINS;
	else if (is_word(p, t, "startswith"))
		a->op = FNET_OP_STARTSWITH;
	else if (is_word(p, t, "in"))
		a->op = FNET_OP_IN;
	else if (is_word(p, t, "exists"))
		a->op = FNET_OP_EXISTS;
	else {
		if (t->kind == FNET_TOK_END)
			fail(p, t->pos, "expected an operator after '%.*s'", (int)a->field_len, a->field);
		else
			fail(p, t->pos,
			     "unexpected %s after '%.*s' (expected an operator: = != < <= > >= "
			     "contains startswith in exists)",
			     describe(p, t, buf, sizeof(buf)), (int)a->field_len, a->field);
		goto fail;
	}
	take(p);

	if (a->op == FNET_OP_EXISTS)
		return a;
	if (a->op == FNET_OP_IN) {
		if (parse_in_list(p, a) < 0)
			goto fail;
		return a;
	}
	if (parse_value(p, a, 0, p->lx.src + a->op_pos, a->op_len) < 0)
		goto fail;
	return a;
fail:
	fnet_ast_free(a);
	return NULL;
}

static struct fnet_ast *parse_unary(struct parser *p, const char *after)
{
	char buf[64];
	const struct fnet_token *t = peek(p);
	if (!t)
		return NULL;
	if (is_word(p, t, "not") || t->kind == FNET_TOK_LPAREN) {
		if (p->depth >= FNET_AST_MAX_DEPTH) {
			fail(p, t->pos, "expression nested too deeply (more than %d levels)",
			     FNET_AST_MAX_DEPTH);
			return NULL;
		}
		p->depth++;
		size_t pos = t->pos;
		struct fnet_ast *a;
		if (t->kind == FNET_TOK_LPAREN) {
			take(p);
			a = parse_or(p, "(");
			if (a && (t = peek(p)) && t->kind != FNET_TOK_RPAREN) {
				if (t->kind == FNET_TOK_END)
					fail(p, pos, "unbalanced parenthesis: '(' is not closed");
				else
					fail(p, t->pos, "unexpected %s (expected ')', 'and' or 'or')",
					     describe(p, t, buf, sizeof(buf)));
			}
			if (p->failed) {
				fnet_ast_free(a);
				return NULL;
			}
			take(p);
		} else {
			take(p);
			struct fnet_ast *kid = parse_unary(p, "not");
			if (!kid)
				return NULL;
			if (!(a = new_node(p, FNET_AST_NOT, pos)) || add_kid(p, a, kid) < 0) {
				if (!a)
					fnet_ast_free(kid);
				fnet_ast_free(a);
				return NULL;
			}
		}
		p->depth--;
		return a;
	}
	return parse_check(p, after);
}

/* A chain of `sub` joined by `word` (and/or), as one n-ary node. */
static struct fnet_ast *parse_chain(struct parser *p, const char *after, const char *word,
				    enum fnet_ast_kind kind,
				    struct fnet_ast *(*sub)(struct parser *, const char *))
{
	struct fnet_ast *first = sub(p, after);
	if (!first)
		return NULL;
	const struct fnet_token *t = peek(p);
	if (!t || !is_word(p, t, word)) {
		if (!t) {
			fnet_ast_free(first);
			return NULL;
		}
		return first;
	}
	struct fnet_ast *a = new_node(p, kind, first->pos);
	if (!a || add_kid(p, a, first) < 0) {
		if (!a)
			fnet_ast_free(first);
		fnet_ast_free(a);
		return NULL;
	}
	while ((t = peek(p)) && is_word(p, t, word)) {
		take(p);
		struct fnet_ast *next = sub(p, word);
		if (!next || add_kid(p, a, next) < 0) {
			fnet_ast_free(a);
			return NULL;
		}
	}
	if (!t) {
		fnet_ast_free(a);
		return NULL;
	}
	return a;
}

static struct fnet_ast *parse_and(struct parser *p, const char *after)
{
	return parse_chain(p, after, "and", FNET_AST_AND, parse_unary);
}

static struct fnet_ast *parse_or(struct parser *p, const char *after)
{
	return parse_chain(p, after, "or", FNET_AST_OR, parse_and);
}

struct fnet_ast *fnet_parse(const char *expr, char *err, size_t errsize, size_t *err_pos)
{
	char buf[64];
	struct parser p;
	memset(&p, 0, sizeof(p));
	fnet_lexer_init(&p.lx, expr);
	p.err = err;
	p.errsize = errsize;
	struct fnet_ast *root = parse_or(&p, NULL);
	const struct fnet_token *t = root ? peek(&p) : NULL;
	if (t && t->kind != FNET_TOK_END) {
		if (t->kind == FNET_TOK_RPAREN)
			fail(&p, t->pos, "unbalanced parenthesis: no '(' to close");
		else
			fail(&p, t->pos, "unexpected %s (expected 'and', 'or' or the end)",
			     describe(&p, t, buf, sizeof(buf)));
	}
	if (p.failed) {
		fnet_ast_free(root);
		*err_pos = p.err_pos;
		return NULL;
	}
	return root;
}

void fnet_ast_free(struct fnet_ast *a)
{
	if (!a)
		return;
	for (size_t i = 0; i < a->nkids; i++)
		fnet_ast_free(a->kids[i]);
	free(a->kids);
	for (size_t i = 0; i < a->nvalues; i++)
		free(a->values[i].text);
	free(a->values);
	free(a);
}
