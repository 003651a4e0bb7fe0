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
	int in_operand; /* inside a transformer's parentheses */
	char *err;
	size_t errsize;
	size_t err_pos;
	int failed;
	unsigned flags;             /* FNET_PARSE_* */
	size_t last_pos, last_len;  /* the last token taken, for Falco's wording */
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
	if (p->have) {
		p->last_pos = p->tok.pos;
		p->last_len = p->tok.len;
	}
	p->have = 0;
}

/* Records a value scanned in value mode as the last token taken. */
static void took_value(struct parser *p, size_t pos)
{
	p->last_pos = pos;
	p->last_len = p->lx.pos - pos;
}

/* [A-Za-z][A-Za-z0-9_]*: what Falco's grammar reads as a macro name. */
static int is_identifier(const char *s, size_t n)
{
	if (!n || !((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= 'A' && s[0] <= 'Z')))
		return 0;
	for (size_t i = 1; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') ||
		      (s[i] >= '0' && s[i] <= '9') || s[i] == '_'))
			return 0;
	return 1;
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
	a->values[a->nvalues].quoted = 0;
	a->nvalues++;
	return 0;
}

static struct fnet_ast *parse_or(struct parser *p, const char *after);

/* One value after an operator (or inside a list); `after` names what precedes it. */
static int parse_value(struct parser *p, struct fnet_ast *a, int in_list, const char *after,
		       size_t after_len)
{
	char *text;
	size_t len, pos;
	int quoted;
	int rc = fnet_lex_value(&p->lx, in_list, &text, &len, &pos, &quoted, p->err, p->errsize,
				&p->err_pos);
	if (rc < 0) {
		p->failed = 1;
		return -1;
	}
	if (rc == 0) {
		fail(p, pos, "expected a value after '%.*s'", (int)after_len, after);
		return -1;
	}
	took_value(p, pos);
	if (add_value(p, a, text, len, pos) < 0)
		return -1;
	a->values[a->nvalues - 1].quoted = quoted;
	return 0;
}

/* The list of in/intersects/pmatch: "(" [VALUE ("," VALUE)*] ")". The '(' is next. */
static int parse_list(struct parser *p, struct fnet_ast *a)
{
	char buf[64];
	const struct fnet_token *t = peek(p);
	if (!t)
		return -1;
	size_t open = t->pos;
	take(p);
	fnet_lex_skip_blanks(&p->lx);
	if (p->lx.pos < p->lx.len && p->lx.src[p->lx.pos] == ')') {
		p->lx.pos++; /* () : the empty list */
		return 0;
	}
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
			fail(p, open, "unbalanced parenthesis: the list opened here is not closed");
			return -1;
		}
		if (t->kind != FNET_TOK_COMMA) {
			fail(p, t->pos, "unexpected %s in the list (expected ',' or ')')",
			     describe(p, t, buf, sizeof(buf)));
			return -1;
		}
		take(p);
		after = ",";
	}
}

static int is_reserved(const struct parser *p, const struct fnet_token *t)
{
	return is_word(p, t, "and") || is_word(p, t, "or") || is_word(p, t, "not");
}

/* operand := FIELD | XFORM "(" operand ")"; `what` says what is expected, for messages. */
static int parse_operand(struct parser *p, struct fnet_ast_operand *o, const char *what)
{
	char buf[64];
	const struct fnet_token *t = peek(p);
	if (!t)
		return -1;
	if (t->kind != FNET_TOK_WORD || is_reserved(p, t)) {
		if (t->kind == FNET_TOK_END)
			fail(p, t->pos, "expected %s, found the end of the filter", what);
		else
			fail(p, t->pos, "unexpected %s (expected %s)", describe(p, t, buf, sizeof(buf)),
			     what);
		return -1;
	}
	size_t wpos = t->pos, wlen = t->len;
	take(p);
	if (!(t = peek(p)))
		return -1;
	if (t->kind != FNET_TOK_LPAREN) {
		o->field = p->lx.src + wpos;
		o->field_len = wlen;
		o->field_pos = wpos;
		return 0;
	}
	/* a call: a transformer around an operand */
	enum fnet_xform x;
	if (wlen == 3 && memcmp(p->lx.src + wpos, "val", 3) == 0) {
		if (o->nxf || p->in_operand)
			fail(p, wpos, "val() cannot be inside a transformer: write the field alone, "
				      "e.g. tolower(proc.exe)");
		else
			fail(p, wpos, "val() names the field compared with: it goes right after the "
				      "operator");
		return -1;
	}
	if (fnet_xform_from_name(p->lx.src + wpos, wlen, &x) < 0) {
		fail(p, wpos,
		     "unknown transformer '%.*s' (expected tolower, toupper, b64, basename or len)",
		     (int)(wlen > 40 ? 40 : wlen), p->lx.src + wpos);
		return -1;
	}
	if (p->depth >= FNET_AST_MAX_DEPTH) {
		fail(p, wpos, "expression nested too deeply (more than %d levels)", FNET_AST_MAX_DEPTH);
		return -1;
	}
	size_t open = t->pos;
	take(p);
	p->depth++;
	int saved = p->in_operand;
	p->in_operand = 1;
	int rc = parse_operand(p, o, "a field name or a transformer");
	p->in_operand = saved;
	p->depth--;
	if (rc < 0)
		return -1;
	if (!(t = peek(p)))
		return -1;
	if (t->kind != FNET_TOK_RPAREN) {
		if (t->kind == FNET_TOK_END)
			fail(p, open, "unbalanced parenthesis: '%.*s(' is not closed", (int)wlen,
			     p->lx.src + wpos);
		else
			fail(p, t->pos, "unexpected %s (expected ')' to close '%.*s(')",
			     describe(p, t, buf, sizeof(buf)), (int)wlen, p->lx.src + wpos);
		return -1;
	}
	take(p);
	if (o->nxf >= FNET_XF_MAX) {
		fail(p, wpos, "too many transformers on one field (at most %d)", FNET_XF_MAX);
		return -1;
	}
	o->xf[o->nxf] = (uint8_t)x;
	o->xf_pos[o->nxf] = wpos;
	o->nxf++;
	return 0;
}

/*
 * A field on the right of an operator, when one starts here: `val(operand)` or
 * `XFORM(operand)`. Returns 1 when parsed, 0 when the right side is not a
 * field, -1 on error.
 */
static int parse_rhs_field(struct parser *p, struct fnet_ast *a)
{
	char buf[64];
	size_t pos, len;
	enum fnet_xform x;
	if (!fnet_lex_peek_call(&p->lx, &pos, &len))
		return 0;
	const char *name = p->lx.src + pos;
	int is_val = len == 3 && memcmp(name, "val", 3) == 0;
	if (!is_val && fnet_xform_from_name(name, len, &x) < 0) {
		fail(p, pos,
		     "unexpected '%.*s(': a value cannot hold '(' unquoted (quote it, or write "
		     "val(FIELD) to compare with a field)",
		     (int)(len > 40 ? 40 : len), name);
		return -1;
	}
	a->has_rhs_field = 1;
	a->rhs_pos = pos;
	if (!is_val)
		return parse_operand(p, &a->rhs, "a field name") < 0 ? -1 : 1;
	const struct fnet_token *t = peek(p); /* "val" */
	if (!t)
		return -1;
	take(p);
	if (!(t = peek(p))) /* "(" */
		return -1;
	size_t open = t->pos;
	take(p);
	if (parse_operand(p, &a->rhs, "a field name in val()") < 0)
		return -1;
	if (!(t = peek(p)))
		return -1;
	if (t->kind != FNET_TOK_RPAREN) {
		if (t->kind == FNET_TOK_END)
			fail(p, open, "unbalanced parenthesis: 'val(' is not closed");
		else
			fail(p, t->pos, "unexpected %s (expected ')' to close 'val(')",
			     describe(p, t, buf, sizeof(buf)));
		return -1;
	}
	take(p);
	return 1;
}

/* What follows a list operator: a list, a list name or a field. */
static int parse_list_rhs(struct parser *p, struct fnet_ast *a)
{
	fnet_lex_skip_blanks(&p->lx);
	if (p->lx.pos < p->lx.len && p->lx.src[p->lx.pos] == '(')
		return parse_list(p, a);
	int rc = parse_rhs_field(p, a);
	if (rc)
		return rc < 0 ? -1 : 0;
	size_t pos = p->lx.pos;
	char *text;
	size_t len, vpos;
	int quoted;
	rc = fnet_lex_value(&p->lx, 0, &text, &len, &vpos, &quoted, p->err, p->errsize,
			    &p->err_pos);
	if (rc < 0) {
		p->failed = 1;
		return -1;
	}
	if (rc == 0 || quoted) {
		if (rc)
			free(text);
		fail(p, pos, "expected '(' or a list name after '%s'", fnet_op_name(a->op));
		return -1;
	}
	took_value(p, vpos);
	if (add_value(p, a, text, len, vpos) < 0)
		return -1;
	a->values[0].quoted = 0;
	a->list_name = 1;
	return 0;
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
	struct fnet_ast *a = new_node(p, FNET_AST_CHECK, t->pos);
	if (!a)
		return NULL;
	if (parse_operand(p, &a->lhs, "a field name") < 0)
		goto fail;

	if (!(t = peek(p)))
		goto fail;
	if ((p->flags & FNET_PARSE_MACROS) && !a->lhs.nxf &&
	    is_identifier(a->lhs.field, a->lhs.field_len) && t->kind != FNET_TOK_CMP &&
	    (t->kind != FNET_TOK_WORD || fnet_op_from_word(p->lx.src + t->pos, t->len, &a->op) < 0)) {
		a->kind = FNET_AST_MACRO;
		return a;
	}
	a->op_pos = t->pos;
	a->op_len = t->len;
	if (t->kind == FNET_TOK_CMP)
		a->op = t->op;
	else if (t->kind != FNET_TOK_WORD ||
		 fnet_op_from_word(p->lx.src + t->pos, t->len, &a->op) < 0) {
		/* the left side as written */
		size_t e = t->pos;
		while (e > a->pos && fnet_lex_is_blank(p->lx.src[e - 1]))
			e--;
		int n = e - a->pos > 60 ? 60 : (int)(e - a->pos);
		if (t->kind == FNET_TOK_END)
			fail(p, t->pos, "expected an operator after '%.*s'", n, p->lx.src + a->pos);
		else
			fail(p, t->pos,
			     "unexpected %s after '%.*s' (expected an operator: = != < <= > >= "
			     "contains icontains bcontains startswith bstartswith endswith glob "
			     "iglob regex in intersects pmatch exists)",
			     describe(p, t, buf, sizeof(buf)), n, p->lx.src + a->pos);
		goto fail;
	}
	take(p);

	if (a->op == FNET_OP_EXISTS)
		return a;
	if (fnet_op_takes_list(a->op)) {
		if (parse_list_rhs(p, a) < 0)
			goto fail;
		return a;
	}
	int rc = parse_rhs_field(p, a);
	if (rc < 0)
		goto fail;
	if (rc == 0 && parse_value(p, a, 0, p->lx.src + a->op_pos, a->op_len) < 0)
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
				if (p->flags & FNET_PARSE_FALCO_WORDING)
					fail(p, t->pos, "expected a ')' token");
				else if (t->kind == FNET_TOK_END)
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
	return fnet_parse_flags(expr, 0, err, errsize, err_pos);
}

struct fnet_ast *fnet_parse_flags(const char *expr, unsigned flags, char *err, size_t errsize,
				  size_t *err_pos)
{
	char buf[64];
	struct parser p;
	memset(&p, 0, sizeof(p));
	fnet_lexer_init(&p.lx, expr);
	p.err = err;
	p.errsize = errsize;
	p.flags = flags;
	struct fnet_ast *root = parse_or(&p, NULL);
	const struct fnet_token *t = root ? peek(&p) : NULL;
	if (t && t->kind != FNET_TOK_END) {
		if (flags & FNET_PARSE_FALCO_WORDING)
			fail(&p, t->pos, "unexpected token after '%.*s', expecting 'or', 'and'",
			     (int)(p.last_len > 60 ? 60 : p.last_len), expr + p.last_pos);
		else if (t->kind == FNET_TOK_RPAREN)
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
