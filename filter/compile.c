/*
 * Compilation of filter expressions: parse, then bind every check to its
 * field's extractor and turn its constants into the field's type, so matching
 * needs no name look-up, no parsing and no allocation.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "event_params.h"
#include "filter_internal.h"
#include "parser.h"

struct compiler {
	const char *expr;
	char *err;
	size_t errsize;
	size_t err_pos;
};

static void fail(struct compiler *c, size_t pos, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void fail(struct compiler *c, size_t pos, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(c->err, c->errsize, fmt, ap);
	va_end(ap);
	c->err_pos = pos;
}

static const char *op_name(enum fnet_cmp_op op)
{
	switch (op) {
	case FNET_OP_EQ: return "=";
	case FNET_OP_NE: return "!=";
	case FNET_OP_LT: return "<";
	case FNET_OP_LE: return "<=";
	case FNET_OP_GT: return ">";
	case FNET_OP_GE: return ">=";
	case FNET_OP_CONTAINS: return "contains";
	case FNET_OP_STARTSWITH: return "startswith";
	case FNET_OP_IN: return "in";
	case FNET_OP_EXISTS: return "exists";
	}
	return "?";
}

/*
 * Parses a decimal integer as sysdig does (leading blanks and a sign allowed,
 * nothing after the digits; out-of-range values saturate). Returns 0 or -1.
 */
static int parse_number(const struct fnet_ast_value *v, int is_unsigned, uint64_t *out)
{
	char *end;
	if (memchr(v->text, 0, v->len))
		return -1;
	errno = 0;
	if (is_unsigned)
		*out = strtoull(v->text, &end, 10);
	else
		*out = (uint64_t)strtoll(v->text, &end, 10);
	if (end == v->text || *end)
		return -1;
	return 0;
}

/* A string constant: sysdig compares up to the first NUL byte. */
static size_t text_len(const struct fnet_ast_value *v)
{
	const char *z = memchr(v->text, 0, v->len);
	return z ? (size_t)(z - v->text) : v->len;
}

static int compile_constants(struct compiler *c, const struct fnet_ast *a,
			     const struct fnet_field_def *f, struct fnet_check *k)
{
	if (k->type == FNET_FIELD_IPADDR || k->type == FNET_FIELD_IPNET) {
		k->ips = calloc(a->nvalues ? a->nvalues : 1, sizeof(*k->ips));
		if (!k->ips) {
			fail(c, a->pos, "out of memory");
			return -1;
		}
		for (size_t i = 0; i < a->nvalues; i++) {
			const char *why = fnet_ip_parse(k->type, a->values[i].text, text_len(&a->values[i]), &k->ips[i]);
			if (why) {
				fail(c, a->values[i].pos, "%s: '%.*s'", why, (int)a->values[i].len, a->values[i].text);
				return -1;
			}
		}
		k->nips = (uint32_t)a->nvalues;
		return 0;
	}
	int numeric = k->type != FNET_FIELD_STRING;
	for (size_t i = 0; i < a->nvalues; i++) {
		const struct fnet_ast_value *v = &a->values[i];
		if (numeric) {
			uint64_t n;
			if (parse_number(v, k->type == FNET_FIELD_UINT64, &n) < 0) {
				fail(c, v->pos, "%s is numeric: '%.*s' is not a number", f->name,
				     v->len > 40 ? 40 : (int)v->len, v->text);
				return -1;
			}
		} else if (f->check && a->op != FNET_OP_CONTAINS && a->op != FNET_OP_STARTSWITH &&
			   a->op != FNET_OP_LT && a->op != FNET_OP_LE && a->op != FNET_OP_GT &&
			   a->op != FNET_OP_GE) {
			const char *why = f->check(v->text, text_len(v));
			if (why) {
				fail(c, v->pos, "%s '%.*s'", why, v->len > 40 ? 40 : (int)v->len,
				     v->text);
				return -1;
			}
		}
	}
	if (a->op == FNET_OP_IN) {
		int rc;
		if (numeric) {
			uint64_t *vals = malloc(a->nvalues * sizeof(*vals));
			if (!vals) {
				fail(c, a->pos, "out of memory");
				return -1;
			}
			for (size_t i = 0; i < a->nvalues; i++)
				parse_number(&a->values[i], k->type == FNET_FIELD_UINT64, &vals[i]);
			rc = fnet_int_set_build(&k->nums, vals, a->nvalues);
			free(vals);
		} else {
			const char **strs = malloc(a->nvalues * sizeof(*strs));
			size_t *lens = malloc(a->nvalues * sizeof(*lens));
			if (!strs || !lens) {
				free(strs);
				free(lens);
				fail(c, a->pos, "out of memory");
				return -1;
			}
			for (size_t i = 0; i < a->nvalues; i++) {
				strs[i] = a->values[i].text;
				lens[i] = text_len(&a->values[i]);
			}
			rc = fnet_str_set_build(&k->strs, strs, lens, a->nvalues);
			free(strs);
			free(lens);
		}
		if (rc < 0) {
			fail(c, a->pos, "out of memory");
			return -1;
		}
	} else if (a->nvalues == 1) {
		if (numeric) {
			parse_number(&a->values[0], k->type == FNET_FIELD_UINT64, &k->num);
		} else {
			size_t n = text_len(&a->values[0]);
			if (!(k->str = malloc(n + 1))) {
				fail(c, a->pos, "out of memory");
				return -1;
			}
			memcpy(k->str, a->values[0].text, n);
			k->str[n] = 0;
			k->len = (uint32_t)n;
		}
	}
	return 0;
}

static struct fnet_node *compile_check(struct compiler *c, const struct fnet_ast *a)
{
	const struct fnet_field_def *f = NULL;
	struct fnet_field_arg arg;
	char emsg[256];
	size_t used = fnet_field_parse_ref(a->field, a->field_len, &f, &arg, emsg, sizeof(emsg));
	if (!used || used != a->field_len) {
		fail(c, a->pos, "%s", used ? "bad field reference" : emsg);
		return NULL;
	}
	const char *why = fnet_field_check_arg(f, &arg);
	if (why) {
		fail(c, a->pos, "%s", why);
		return NULL;
	}
	enum fnet_field_type ftype = fnet_field_type_for(f, &arg);
	enum fnet_field_match match = fnet_field_match_kind(f, &arg);
	if (match == FNET_MATCH_WITHIN && a->op != FNET_OP_EQ) {
		fail(c, a->op_pos, "%s supports only '='", f->name);
		return NULL;
	}
	if (ftype != FNET_FIELD_STRING &&
	    (a->op == FNET_OP_CONTAINS || a->op == FNET_OP_STARTSWITH)) {
		fail(c, a->op_pos, "'%s' compares text, but %s is numeric", op_name(a->op), f->name);
		return NULL;
	}
	struct fnet_node *n = calloc(1, sizeof(*n));
	if (!n) {
		fail(c, a->pos, "out of memory");
		return NULL;
	}
	n->kind = FNET_NODE_CHECK;
	n->check.extract = f->extract;
	n->check.is_evt_type = strcmp(f->name, "evt.type") == 0;
	n->check.type = ftype;
	n->check.op = a->op;
	n->check.def = f;
	n->check.match = match;
	n->check.arg = arg;
	if (arg.name) {
		char *nm = malloc(arg.name_len + 1);
		if (!nm) {
			fnet_node_free(n);
			return NULL;
		}
		memcpy(nm, arg.name, arg.name_len);
		nm[arg.name_len] = 0;
		n->check.arg.name = nm;
	}
	if (compile_constants(c, a, f, &n->check) < 0) {
		fnet_node_free(n);
		return NULL;
	}
	return n;
}

/* Appends `kid`; the kids array grows by doubling (its size is a power of two). */
static int add_kid(struct fnet_node *n, struct fnet_node *kid)
{
	if ((n->nkids & (n->nkids - 1)) == 0) {
		size_t cap = n->nkids ? 2 * (size_t)n->nkids : 1;
		struct fnet_node **k = realloc(n->kids, cap * sizeof(*k));
		if (!k)
			return -1;
		n->kids = k;
	}
	n->kids[n->nkids++] = kid;
	return 0;
}

static struct fnet_node *compile_node(struct compiler *c, const struct fnet_ast *a)
{
	if (a->kind == FNET_AST_CHECK)
		return compile_check(c, a);
	struct fnet_node *n = calloc(1, sizeof(*n));
	if (!n) {
		fail(c, a->pos, "out of memory");
		return NULL;
	}
	n->kind = a->kind == FNET_AST_AND ? FNET_NODE_AND
		  : a->kind == FNET_AST_OR ? FNET_NODE_OR
					   : FNET_NODE_NOT;
	for (size_t i = 0; i < a->nkids; i++) {
		struct fnet_node *kid = compile_node(c, a->kids[i]);
		if (!kid) {
			fnet_node_free(n);
			return NULL;
		}
		/* (a and b) and c: one level, evaluated left to right as written */
		if (n->kind != FNET_NODE_NOT && kid->kind == n->kind) {
			for (uint32_t j = 0; j < kid->nkids; j++) {
				if (add_kid(n, kid->kids[j]) < 0) {
					/* the grandkids still belong to kid: free from there */
					n->nkids -= j;
					fnet_node_free(kid);
					fnet_node_free(n);
					fail(c, a->pos, "out of memory");
					return NULL;
				}
			}
			free(kid->kids);
			free(kid);
			continue;
		}
		if (add_kid(n, kid) < 0) {
			fnet_node_free(kid);
			fnet_node_free(n);
			fail(c, a->pos, "out of memory");
			return NULL;
		}
	}
	return n;
}

void fnet_node_free(struct fnet_node *n)
{
	if (!n)
		return;
	for (uint32_t i = 0; i < n->nkids; i++)
		fnet_node_free(n->kids[i]);
	free(n->kids);
	if (n->kind == FNET_NODE_CHECK) {
		free(n->check.str);
		free((char *)n->check.arg.name);
		free(n->check.ips);
		fnet_str_set_free(&n->check.strs);
		fnet_int_set_free(&n->check.nums);
	}
	free(n);
}

struct fnet_filter *fnet_filter_compile(const char *expr, char *err, int *err_col)
{
	char local_err[FNET_ERRBUF_SIZE];
	struct compiler c = {expr, err ? err : local_err, FNET_ERRBUF_SIZE, 0};
	struct fnet_filter *f = NULL;
	struct fnet_ast *ast = NULL;
	struct fnet_node *root = NULL;

	fnet_event_params_init();
	if (!expr) {
		fail(&c, 0, "no filter expression");
		goto out;
	}
	if (!(ast = fnet_parse(expr, c.err, c.errsize, &c.err_pos)))
		goto out;
	if (!(root = compile_node(&c, ast)))
		goto out;
	if (!(f = calloc(1, sizeof(*f)))) {
		fail(&c, 0, "out of memory");
		fnet_node_free(root);
		goto out;
	}
	f->root = root;
out:
	fnet_ast_free(ast);
	if (!f && err_col)
		*err_col = (int)c.err_pos + 1;
	return f;
}

void fnet_filter_free(struct fnet_filter *f)
{
	if (!f)
		return;
	fnet_node_free(f->root);
	free(f);
}
