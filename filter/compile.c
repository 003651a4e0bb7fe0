/*
 * Compilation of filter expressions: parse, then bind every check to its
 * field's extractor and transformers and turn its constants into the field's
 * type (numbers, byte strings, sets, path sets, compiled regular expressions),
 * so matching needs no name look-up, no parsing and no allocation.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "event_params.h"
#include "filter_internal.h"
#include "parser.h"
#include "hex.h"

/* Deepest nesting of macros in macros (Falco's rule sets nest a few levels). */
#define MAX_MACRO_DEPTH 64

struct fnet_filter_macro {
	char *text;           /* the condition (the tree points into it) */
	struct fnet_ast *ast;
};

struct compiler {
	const char *expr;
	const struct fnet_filter_opts *opts;
	char *err;
	size_t errsize;
	size_t err_pos;
	int has_rhs_field;
	struct fnet_filter_error kind; /* what the error is about */
	/* macros being expanded, outermost first; errors inside one are placed at the
	 * outermost reference, the only position in `expr` */
	const struct fnet_filter_macro *macros[MAX_MACRO_DEPTH];
	unsigned nmacros;
	size_t macro_ref_pos;
	enum fnet_field_source src; /* whose field set */
};

static void vfail(struct compiler *c, size_t pos, const char *fmt, va_list ap)
{
	vsnprintf(c->err, c->errsize, fmt, ap);
	c->err_pos = c->nmacros ? c->macro_ref_pos : pos;
	if (c->kind.kind == FNET_FILTER_ERR_NONE)
		c->kind.kind = FNET_FILTER_ERR_OTHER;
}

static void fail(struct compiler *c, size_t pos, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void fail(struct compiler *c, size_t pos, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vfail(c, pos, fmt, ap);
	va_end(ap);
}

/* fail() for errors of a kind callers tell apart, about `name` (`len` bytes). */
static void fail_kind(struct compiler *c, enum fnet_filter_err_kind kind, const char *name,
		      size_t len, size_t pos, const char *fmt, ...) __attribute__((format(printf, 6, 7)));

static void fail_kind(struct compiler *c, enum fnet_filter_err_kind kind, const char *name,
		      size_t len, size_t pos, const char *fmt, ...)
{
	c->kind.kind = kind;
	if (len >= sizeof(c->kind.name))
		len = sizeof(c->kind.name) - 1;
	memcpy(c->kind.name, name, len);
	c->kind.name[len] = 0;
	va_list ap;
	va_start(ap, fmt);
	vfail(c, pos, fmt, ap);
	va_end(ap);
}

static int is_numeric(enum fnet_field_type t)
{
	return t == FNET_FIELD_INT64 || t == FNET_FIELD_UINT64;
}

/* One constant of a check once list names are expanded. */
struct item {
	const char *text;
	size_t len;
	size_t pos; /* where it was written (the list name for expanded elements) */
};

struct items {
	struct item *v;
	size_t n, cap;
	char **owned; /* decoded list elements, freed with the items */
	size_t nowned;
};

static void free_items(struct items *it)
{
	for (size_t i = 0; i < it->nowned; i++)
		free(it->owned[i]);
	free(it->owned);
	free(it->v);
}

static int add_item(struct compiler *c, struct items *it, const char *text, size_t len, size_t pos)
{
	if (it->n == it->cap) {
		size_t cap = it->cap ? 2 * it->cap : 8;
		struct item *v = realloc(it->v, cap * sizeof(*v));
		if (!v) {
			fail(c, pos, "out of memory");
			return -1;
		}
		it->v = v;
		it->cap = cap;
	}
	it->v[it->n].text = text;
	it->v[it->n].len = len;
	it->v[it->n].pos = pos;
	it->n++;
	return 0;
}

/*
 * Parses a decimal integer as sysdig does (leading blanks and a sign allowed,
 * nothing after the digits; out-of-range values saturate). Returns 0 or -1.
 */
static int parse_number(const char *text, size_t len, int is_unsigned, uint64_t *out)
{
	char buf[64];
	char *end;
	if (len == 0 || len >= sizeof(buf) || memchr(text, 0, len))
		return -1;
	memcpy(buf, text, len);
	buf[len] = 0;
	errno = 0;
	if (is_unsigned)
		*out = strtoull(buf, &end, 10);
	else
		*out = (uint64_t)strtoll(buf, &end, 10);
	if (end == buf || *end)
		return -1;
	return 0;
}

/* A string constant: sysdig compares up to the first NUL byte. */
static size_t text_len(const char *text, size_t len)
{
	const char *z = memchr(text, 0, len);
	return z ? (size_t)(z - text) : len;
}

/* Decodes the hex text of bcontains/bstartswith into `out`; its length, or -1. */
static long unhex(const char *text, size_t len, char *out)
{
	if (len % 2)
		return -1;
	for (size_t i = 0; i < len; i += 2) {
		int h = fnet_hex_digit(text[i]), l = fnet_hex_digit(text[i + 1]);
		if (h < 0 || l < 0)
			return -1;
		out[i / 2] = (char)(h * 16 + l);
	}
	return (long)(len / 2);
}

static int is_ip(enum fnet_field_type t)
{
	return t == FNET_FIELD_IPADDR || t == FNET_FIELD_IPNET;
}

/* Whether operator `op` applies to operand `o` (its type, how its values match). */
static int op_fits(enum fnet_cmp_op op, const struct fnet_operand *o)
{
	enum fnet_field_type t = o->type;
	if (o->match == FNET_MATCH_WITHIN)
		return op == FNET_OP_EQ;
	if (o->match == FNET_MATCH_LIST && !o->extract_list) /* fd.types; plugin lists take all */
		return op == FNET_OP_IN || op == FNET_OP_INTERSECTS || op == FNET_OP_EXISTS;
	if (o->match == FNET_MATCH_DOMAIN)
		return op == FNET_OP_EQ || op == FNET_OP_NE || op == FNET_OP_IN || op == FNET_OP_EXISTS;
	if (op == FNET_OP_EXISTS || t == FNET_FIELD_STRING)
		return 1;
	if (!is_numeric(t) && !is_ip(t))
		return 0;
	/* sysdig takes only =, != and in on networks and on the two sides of fd.ip */
	if ((t == FNET_FIELD_IPNET || (is_ip(t) && o->match == FNET_MATCH_EITHER)) &&
	    op != FNET_OP_EQ && op != FNET_OP_NE && op != FNET_OP_IN && op != FNET_OP_INTERSECTS)
		return 0;
	switch (op) {
	case FNET_OP_EQ:
	case FNET_OP_NE:
	case FNET_OP_LT:
	case FNET_OP_LE:
	case FNET_OP_GT:
	case FNET_OP_GE:
	case FNET_OP_IN:
	case FNET_OP_INTERSECTS:
		return 1;
	default:
		return 0;
	}
}

/* Describes an operand for messages: "proc.name", "len(fd.name)". */
static const char *operand_text(const struct fnet_ast_operand *o, char *buf, size_t size)
{
	size_t n = 0;
	buf[0] = 0;
	for (unsigned i = o->nxf; i-- > 0 && n < size;)
		n += (size_t)snprintf(buf + n, size - n, "%s(", fnet_xform_name((enum fnet_xform)o->xf[i]));
	if (n < size)
		n += (size_t)snprintf(buf + n, size - n, "%.*s", (int)(o->field_len > 60 ? 60 : o->field_len),
				      o->field);
	for (unsigned i = 0; i < o->nxf && n < size; i++)
		n += (size_t)snprintf(buf + n, size - n, ")");
	return buf;
}

static int compile_operand(struct compiler *c, const struct fnet_ast_operand *a,
			   struct fnet_operand *o)
{
	char msg[FNET_ERRBUF_SIZE];
	const struct fnet_field_def *f;
	struct fnet_field_arg arg;
	size_t off;
	size_t used = fnet_field_parse_ref_src(c->src, a->field, a->field_len, &f, &arg, msg,
					       sizeof(msg), &off);
	if (!used) {
		if (strncmp(msg, "unknown field", 13) == 0) {
			size_t n = 0; /* the name, without its argument */
			while (n < a->field_len && a->field[n] != '[')
				n++;
			fail_kind(c, FNET_FILTER_ERR_UNKNOWN_FIELD, a->field, n, a->field_pos + off, "%s",
				  msg);
		} else
			fail(c, a->field_pos + off, "%s", msg);
		return -1;
	}
	if (used != a->field_len) {
		fail(c, a->field_pos + used, "unexpected '%.*s' after the field %.*s",
		     (int)(a->field_len - used > 40 ? 40 : a->field_len - used), a->field + used,
		     (int)used, a->field);
		return -1;
	}
	o->field = f;
	o->extract = f->extract;
	o->arg = arg;
	o->arg.name = NULL;
	if (arg.has && !arg.is_index) {
		char *name = malloc((size_t)arg.name_len + 1);
		if (!name) {
			fail(c, a->field_pos, "out of memory");
			return -1;
		}
		memcpy(name, arg.name, arg.name_len);
		name[arg.name_len] = 0;
		o->arg.name = name;
	}
	const char *why = fnet_field_check_arg(f, &o->arg);
	if (why) {
		fail(c, a->field_pos, "%s '%.*s'", why, (int)(a->field_len > 60 ? 60 : a->field_len),
		     a->field);
		return -1;
	}
	o->match = fnet_field_match_kind(f, &o->arg);
	o->extract_list = fnet_field_list_fn(f);
	enum fnet_field_type t = fnet_field_type_for(f, &o->arg);
	if (a->nxf && (o->match == FNET_MATCH_WITHIN || o->extract_list)) {
		fail(c, a->xf_pos[0], "%s() cannot transform %s", fnet_xform_name((enum fnet_xform)a->xf[0]),
		     f->name);
		return -1;
	}
	for (unsigned i = 0; i < a->nxf; i++) {
		enum fnet_xform x = (enum fnet_xform)a->xf[i];
		if (fnet_xform_type(x, t, &t) < 0) {
			if (i == 0)
				fail(c, a->xf_pos[i], "%s() takes a string, but %s is %s",
				     fnet_xform_name(x), f->name,
				     is_numeric(t) ? "numeric" : fnet_field_type_name(t));
			else
				fail(c, a->xf_pos[i], "%s() takes a string, but %s() gives a number",
				     fnet_xform_name(x), fnet_xform_name((enum fnet_xform)a->xf[i - 1]));
			return -1;
		}
		o->xf[i] = a->xf[i];
	}
	o->nxf = a->nxf;
	o->type = t;
	return 0;
}

static void operand_free(struct fnet_operand *o)
{
	free((char *)o->arg.name);
	o->arg.name = NULL;
}

/*
 * Adds list element `e` as Falco's textual expansion reads it: an element
 * written as one quoted string ('"10.0.0.0/8"' in a rules file) is that
 * string, escapes resolved; any other element is itself, blanks included.
 */
static int add_list_element(struct compiler *c, struct items *it, const char *e, size_t pos)
{
	size_t n = strlen(e);
	if (n >= 2 && (e[0] == '"' || e[0] == '\'') && e[n - 1] == e[0]) {
		struct fnet_lexer lx;
		char why[FNET_ERRBUF_SIZE], *text;
		size_t len, vpos, wpos;
		int quoted;
		fnet_lexer_init(&lx, e);
		int rc = fnet_lex_value(&lx, 0, &text, &len, &vpos, &quoted, why, sizeof(why), &wpos);
		if (rc == 1 && lx.pos == n) {
			char **o = realloc(it->owned, (it->nowned + 1) * sizeof(*o));
			if (!o) {
				free(text);
				fail(c, pos, "out of memory");
				return -1;
			}
			it->owned = o;
			it->owned[it->nowned++] = text;
			return add_item(c, it, text, len, pos);
		}
		if (rc == 1)
			free(text);
	}
	return add_item(c, it, e, n, pos);
}

/* The constants of a check, list names expanded. */
static int gather_items(struct compiler *c, const struct fnet_ast *a, struct items *it)
{
	const struct fnet_filter_opts *o = c->opts;
	for (size_t i = 0; i < a->nvalues; i++) {
		const struct fnet_ast_value *v = &a->values[i];
		const char *const *elems;
		size_t n;
		if (fnet_op_takes_list(a->op) && !v->quoted && o && o->lookup_list &&
		    o->lookup_list(o->ctx, v->text, v->len, &elems, &n) == 1) {
			for (size_t k = 0; k < n; k++)
				if (add_list_element(c, it, elems[k], v->pos) < 0)
					return -1;
			continue;
		}
		if (a->list_name) {
			int w = v->len > 40 ? 40 : (int)v->len;
			if (o && o->lookup_list)
				fail_kind(c, FNET_FILTER_ERR_UNKNOWN_LIST, v->text, v->len, v->pos,
					  "unknown list '%.*s' after '%s' (expected '(' or a list name)", w,
					  v->text, fnet_op_name(a->op));
			else
				fail(c, v->pos, "expected '(' after '%s' (no list names are defined)",
				     fnet_op_name(a->op));
			return -1;
		}
		if (add_item(c, it, v->text, v->len, v->pos) < 0)
			return -1;
	}
	return 0;
}

/* Checks the constants against the field; the operator already fits its type. */
static int check_items(struct compiler *c, const struct fnet_ast *a, const struct fnet_operand *o,
		       const struct items *it)
{
	const struct fnet_field_def *f = o->field;
	for (size_t i = 0; i < it->n; i++) {
		const struct item *v = &it->v[i];
		int w = v->len > 40 ? 40 : (int)v->len;
		uint64_t num;
		if (is_ip(o->type)) {
			struct fnet_ip_const ip;
			const char *why = fnet_ip_parse(o->type, v->text, v->len, &ip);
			if (why) {
				fail(c, v->pos, "%s: %s '%.*s'", f->name, why, w, v->text);
				return -1;
			}
		} else if (is_numeric(o->type)) {
			if (parse_number(v->text, v->len, o->type == FNET_FIELD_UINT64, &num) < 0) {
				if (o->nxf)
					fail(c, v->pos, "%s() gives a number: '%.*s' is not a number",
					     fnet_xform_name((enum fnet_xform)o->xf[o->nxf - 1]), w, v->text);
				else
					fail(c, v->pos, "%s is numeric: '%.*s' is not a number", f->name, w,
					     v->text);
				return -1;
			}
		} else if (a->op == FNET_OP_BCONTAINS || a->op == FNET_OP_BSTARTSWITH) {
			for (size_t k = 0; k < v->len; k++)
				if (fnet_hex_digit(v->text[k]) < 0) {
					fail(c, v->pos + (a->values[0].quoted ? 1 : 0) + k,
					     "'%s' takes bytes in hex, e.g. 2f746d70: '%c' is not a hex digit",
					     fnet_op_name(a->op), v->text[k]);
					return -1;
				}
			if (v->len % 2) {
				fail(c, v->pos, "'%s' takes bytes in hex: '%.*s' has an odd number of digits",
				     fnet_op_name(a->op), w, v->text);
				return -1;
			}
		} else if (f->check && o->nxf == 0 &&
			   (a->op == FNET_OP_EQ || a->op == FNET_OP_NE || a->op == FNET_OP_IN ||
			    a->op == FNET_OP_INTERSECTS)) {
			const char *why = f->check(v->text, text_len(v->text, v->len));
			if (why) {
				if (strcmp(f->name, "evt.type") == 0)
					fail_kind(c, FNET_FILTER_ERR_UNKNOWN_EVTTYPE, v->text, v->len,
						  v->pos, "%s '%.*s'", why, w, v->text);
				else
					fail(c, v->pos, "%s '%.*s'", why, w, v->text);
				return -1;
			}
		}
	}
	return 0;
}

static char *copy_text(struct compiler *c, const char *text, size_t n, size_t pos)
{
	char *s = malloc(n + 1);
	if (!s) {
		fail(c, pos, "out of memory");
		return NULL;
	}
	memcpy(s, text, n);
	s[n] = 0;
	return s;
}

/*
 * Regular expressions are compiled by the C library (regcomp), whose memory
 * grows with the pattern's repetitions: glibc copies a repeated group once per
 * count, so `a{1000}{1000}` or `a++++...` would take gigabytes. Falco's engine
 * (RE2, POSIX syntax) refuses a repetition of a repetition, counts above 1000
 * and back-references; so do we, and bound the size the repetitions unfold to.
 */
#define REGEX_MAX_REPEAT 1000
#define REGEX_MAX_SIZE 20000

/* The end of the bracket expression starting at p[i] == '[', or len if none. */
static size_t bracket_end(const char *p, size_t len, size_t i)
{
	size_t j = i + 1;
	if (j < len && p[j] == '^')
		j++;
	if (j < len && p[j] == ']')
		j++;
	for (; j < len; j++) {
		if (p[j] == '[' && j + 1 < len && (p[j + 1] == ':' || p[j + 1] == '.' || p[j + 1] == '=')) {
			char t = p[j + 1];
			size_t k = j + 2;
			while (k + 1 < len && !(p[k] == t && p[k + 1] == ']'))
				k++;
			if (k + 1 >= len)
				return len;
			j = k + 1;
		} else if (p[j] == ']') {
			return j;
		}
	}
	return len;
}

/* NULL when `p` may be given to regcomp, else why not (the offset in *at). */
static const char *regex_problem(const char *p, size_t len, size_t *at)
{
	enum { MAXDEPTH = 64 };
	uint64_t sum[MAXDEPTH + 1];
	uint64_t last = 0; /* size of the last atom, 0 when there is none to repeat */
	int depth = 0, after_repeat = 0;
	sum[0] = 0;
	for (size_t i = 0; i < len; i++) {
		char c = p[i];
		*at = i;
		if (c == '*' || c == '+' || c == '?' || (c == '{' && i + 1 < len && p[i + 1] >= '0' && p[i + 1] <= '9')) {
			uint64_t times = c == '+' ? 2 : 1;
			if (after_repeat)
				return "a repetition cannot be repeated (bad repetition operator)";
			if (c == '{') {
				uint64_t lo = 0, hi = 0;
				size_t j = i + 1;
				while (j < len && p[j] >= '0' && p[j] <= '9' && lo <= REGEX_MAX_REPEAT)
					lo = lo * 10 + (uint64_t)(p[j++] - '0');
				hi = lo;
				if (j < len && p[j] == ',') {
					j++;
					if (j < len && p[j] >= '0' && p[j] <= '9') {
						hi = 0;
						while (j < len && p[j] >= '0' && p[j] <= '9' && hi <= REGEX_MAX_REPEAT)
							hi = hi * 10 + (uint64_t)(p[j++] - '0');
					} else {
						hi = lo + 1;
					}
				}
				if (lo > REGEX_MAX_REPEAT || hi > REGEX_MAX_REPEAT + 1)
					return "repetition count above 1000";
				times = hi > lo ? hi : lo;
				if (times == 0)
					times = 1;
				while (j < len && p[j] != '}')
					j++;
				i = j;
			}
			sum[depth] += last * (times - 1);
			last *= times;
			after_repeat = 1;
		} else {
			after_repeat = 0;
			if (c == '(') {
				if (depth == MAXDEPTH)
					return "parentheses nested too deeply";
				sum[++depth] = 0;
				last = 0;
				continue;
			}
			if (c == ')' && depth > 0) {
				last = sum[depth--] + 1;
				sum[depth] += last;
				continue;
			}
			if (c == '|') {
				last = 0;
				continue;
			}
			if (c == '\\' && i + 1 < len) {
				if (p[i + 1] >= '1' && p[i + 1] <= '9')
					return "back-references are not supported";
				i++;
			} else if (c == '[') {
				i = bracket_end(p, len, i);
			}
			last = 1;
			sum[depth] += 1;
		}
		if (sum[depth] > REGEX_MAX_SIZE || last > REGEX_MAX_SIZE)
			return "too large once its repetitions are unfolded";
	}
	return NULL;
}

/* Builds the constant side of check `k` from its items. */
static int build_constants(struct compiler *c, const struct fnet_ast *a, struct fnet_check *k,
			   const struct items *it)
{
	int numeric = is_numeric(k->type);
	int is_unsigned = k->type == FNET_FIELD_UINT64;
	int rc = 0;
	if (a->op == FNET_OP_EXISTS)
		return 0;
	if (is_ip(k->type)) {
		if (!fnet_op_takes_list(a->op))
			return fnet_ip_parse(k->type, it->v[0].text, it->v[0].len, &k->ip) ? -1 : 0;
		if (!(k->ips = malloc((it->n ? it->n : 1) * sizeof(*k->ips)))) {
			fail(c, a->pos, "out of memory");
			return -1;
		}
		for (size_t i = 0; i < it->n; i++)
			if (fnet_ip_parse(k->type, it->v[i].text, it->v[i].len, &k->ips[k->nips++]))
				return -1; /* checked by check_items */
		return 0;
	}
	if (fnet_op_takes_list(a->op)) {
		size_t n = it->n;
		if (numeric) {
			uint64_t *vals = malloc((n ? n : 1) * sizeof(*vals));
			if (!vals) {
				fail(c, a->pos, "out of memory");
				return -1;
			}
			for (size_t i = 0; i < n; i++)
				parse_number(it->v[i].text, it->v[i].len, is_unsigned, &vals[i]);
			rc = fnet_int_set_build(&k->nums, vals, n);
			free(vals);
		} else {
			const char **strs = malloc((n ? n : 1) * sizeof(*strs));
			size_t *lens = malloc((n ? n : 1) * sizeof(*lens));
			if (!strs || !lens) {
				free(strs);
				free(lens);
				fail(c, a->pos, "out of memory");
				return -1;
			}
			for (size_t i = 0; i < n; i++) {
				strs[i] = it->v[i].text;
				lens[i] = text_len(it->v[i].text, it->v[i].len);
			}
			if (a->op == FNET_OP_PMATCH)
				rc = fnet_path_set_build(&k->paths, strs, lens, n);
			else
				rc = fnet_str_set_build(&k->strs, strs, lens, n);
			free(strs);
			free(lens);
		}
		if (rc < 0)
			fail(c, a->pos, "out of memory");
		return rc;
	}
	/* a single constant */
	const struct item *v = &it->v[0];
	if (numeric) {
		parse_number(v->text, v->len, is_unsigned, &k->num);
		return 0;
	}
	if (a->op == FNET_OP_BCONTAINS || a->op == FNET_OP_BSTARTSWITH) {
		if (!(k->str = malloc(v->len / 2 + 1))) {
			fail(c, a->pos, "out of memory");
			return -1;
		}
		k->len = (uint32_t)unhex(v->text, v->len, k->str);
		k->str[k->len] = 0;
		return 0;
	}
	size_t n = text_len(v->text, v->len);
	if (!(k->str = copy_text(c, v->text, n, v->pos)))
		return -1;
	k->len = (uint32_t)n;
	if (a->op == FNET_OP_REGEX) {
		size_t at;
		const char *why = regex_problem(k->str, n, &at);
		if (why) {
			fail(c, v->pos, "invalid regular expression '%.*s': %s (at offset %zu)",
			     n > 40 ? 40 : (int)n, k->str, why, at);
			return -1;
		}
		if (!(k->re = malloc(sizeof(*k->re)))) {
			fail(c, a->pos, "out of memory");
			return -1;
		}
		int e = regcomp(k->re, k->str, REG_EXTENDED);
		if (e) {
			char why[128];
			regerror(e, k->re, why, sizeof(why));
			free(k->re);
			k->re = NULL;
			fail(c, v->pos, "invalid regular expression '%.*s': %s", n > 40 ? 40 : (int)n,
			     k->str, why);
			return -1;
		}
	}
	return 0;
}

/* The right side is a field: val(f) or a transformer around one. */
static int compile_rhs_field(struct compiler *c, const struct fnet_ast *a, struct fnet_check *k)
{
	char l[128], r[128];
	if (a->op == FNET_OP_PMATCH || a->op == FNET_OP_REGEX) {
		fail(c, a->op_pos, "'%s' takes constants, not a field", fnet_op_name(a->op));
		return -1;
	}
	if (!(k->rhs = calloc(1, sizeof(*k->rhs)))) {
		fail(c, a->rhs_pos, "out of memory");
		return -1;
	}
	if (compile_operand(c, &a->rhs, k->rhs) < 0)
		return -1;
	if (k->lhs.match == FNET_MATCH_LIST || k->rhs->match == FNET_MATCH_LIST) {
		fail(c, a->rhs_pos, "list fields (%s) cannot be compared with another field",
		     (k->lhs.match == FNET_MATCH_LIST ? k->lhs.field : k->rhs->field)->name);
		return -1;
	}
	enum fnet_field_type lt = k->lhs.type, rt = k->rhs->type;
	int ok = (lt == FNET_FIELD_STRING && rt == FNET_FIELD_STRING) ||
		 (is_numeric(lt) && is_numeric(rt)) ||
		 (lt == FNET_FIELD_IPADDR && rt == FNET_FIELD_IPADDR);
	if (ok && lt == FNET_FIELD_IPADDR && a->op != FNET_OP_EQ && a->op != FNET_OP_NE &&
	    a->op != FNET_OP_IN && a->op != FNET_OP_INTERSECTS) {
		fail(c, a->op_pos, "'%s' cannot compare two IP address fields", fnet_op_name(a->op));
		return -1;
	}
	if (!ok) {
		fail(c, a->rhs_pos, "cannot compare %s (%s) with %s (%s)",
		     operand_text(&a->lhs, l, sizeof(l)), fnet_field_type_name(lt),
		     operand_text(&a->rhs, r, sizeof(r)), fnet_field_type_name(rt));
		return -1;
	}
	c->has_rhs_field = 1;
	return 0;
}

static struct fnet_node *compile_check(struct compiler *c, const struct fnet_ast *a)
{
	char l[128];
	struct items it = {0};
	struct fnet_node *n = calloc(1, sizeof(*n));
	if (!n) {
		fail(c, a->pos, "out of memory");
		return NULL;
	}
	n->kind = FNET_NODE_CHECK;
	struct fnet_check *k = &n->check;
	k->op = a->op;
	if (compile_operand(c, &a->lhs, &k->lhs) < 0)
		goto fail;
	k->type = k->lhs.type;
	if (!op_fits(a->op, &k->lhs)) {
		if (k->lhs.match == FNET_MATCH_WITHIN)
			fail(c, a->op_pos, "%s takes '=' only", k->lhs.field->name);
		else if (is_numeric(k->type))
			fail(c, a->op_pos, "'%s' compares text, but %s is numeric", fnet_op_name(a->op),
			     operand_text(&a->lhs, l, sizeof(l)));
		else
			fail(c, a->op_pos, "'%s' is not available for %s (of type %s)",
			     fnet_op_name(a->op), operand_text(&a->lhs, l, sizeof(l)),
			     fnet_field_type_name(k->type));
		goto fail;
	}
	if (a->has_rhs_field) {
		if (k->lhs.match == FNET_MATCH_WITHIN || k->lhs.match == FNET_MATCH_LIST ||
		    k->lhs.match == FNET_MATCH_DOMAIN) {
			fail(c, a->rhs_pos, "%s compares with a constant only", k->lhs.field->name);
			goto fail;
		}
		if (compile_rhs_field(c, a, k) < 0)
			goto fail;
	} else {
		k->is_evt_type = strcmp(k->lhs.field->name, "evt.type") == 0;
		if (gather_items(c, a, &it) < 0 || check_items(c, a, &k->lhs, &it) < 0 ||
		    build_constants(c, a, k, &it) < 0)
			goto fail;
	}
	free_items(&it);
	return n;
fail:
	free_items(&it);
	fnet_node_free(n);
	return NULL;
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

static struct fnet_node *compile_node(struct compiler *c, const struct fnet_ast *a);

/* A macro reference: the macro's tree compiled in its place. */
static struct fnet_node *compile_macro(struct compiler *c, const struct fnet_ast *a)
{
	const struct fnet_filter_opts *o = c->opts;
	const char *name = a->lhs.field;
	size_t len = a->lhs.field_len;
	int w = len > 60 ? 60 : (int)len;
	const struct fnet_filter_macro *m = o->lookup_macro(o->ctx, name, len);
	if (!m) {
		fail_kind(c, FNET_FILTER_ERR_UNDEFINED_MACRO, name, len, a->pos,
			  "undefined macro '%.*s'", w, name);
		return NULL;
	}
	for (unsigned i = 0; i < c->nmacros; i++)
		if (c->macros[i] == m) {
			fail_kind(c, FNET_FILTER_ERR_MACRO_LOOP, name, len, a->pos,
				  "reference loop in macro '%.*s'", w, name);
			return NULL;
		}
	if (c->nmacros == MAX_MACRO_DEPTH) {
		fail(c, a->pos, "macros nested too deeply (more than %d levels)", MAX_MACRO_DEPTH);
		return NULL;
	}
	if (!c->nmacros)
		c->macro_ref_pos = a->pos;
	c->macros[c->nmacros++] = m;
	struct fnet_node *n = compile_node(c, m->ast);
	c->nmacros--;
	return n;
}

static struct fnet_node *compile_node(struct compiler *c, const struct fnet_ast *a)
{
	if (a->kind == FNET_AST_CHECK)
		return compile_check(c, a);
	if (a->kind == FNET_AST_MACRO)
		return compile_macro(c, a);
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
		struct fnet_check *k = &n->check;
		operand_free(&k->lhs);
		if (k->rhs) {
			operand_free(k->rhs);
			free(k->rhs);
		}
		free(k->str);
		fnet_str_set_free(&k->strs);
		fnet_int_set_free(&k->nums);
		fnet_path_set_free(&k->paths);
		if (k->re) {
			regfree(k->re);
			free(k->re);
		}
		free(k->ips);
	}
	free(n);
}

struct fnet_filter *fnet_filter_compile_opts(const char *expr, const struct fnet_filter_opts *opts,
					     char *err, int *err_col)
{
	char local_err[FNET_ERRBUF_SIZE];
	struct compiler c = {.expr = expr, .opts = opts, .err = err ? err : local_err,
			     .errsize = FNET_ERRBUF_SIZE};
	struct fnet_filter *f = NULL;
	struct fnet_ast *ast = NULL;
	struct fnet_node *root = NULL;

	fnet_event_params_init();
	int src = fnet_field_source_parse(opts ? opts->source : NULL);
	if (src < 0) {
		fail(&c, 0, "unknown event source '%s'", opts->source);
		goto out;
	}
	c.src = (enum fnet_field_source)src;
	if (!expr) {
		fail(&c, 0, "no filter expression");
		goto out;
	}
	unsigned flags = (opts && opts->lookup_macro ? FNET_PARSE_MACROS : 0) |
			 (opts && opts->falco_wording ? FNET_PARSE_FALCO_WORDING : 0);
	if (!(ast = fnet_parse_flags(expr, flags, c.err, c.errsize, &c.err_pos))) {
		c.kind.kind = FNET_FILTER_ERR_SYNTAX;
		goto out;
	}
	if (!(root = compile_node(&c, ast)))
		goto out;
	if (!(f = calloc(1, sizeof(*f)))) {
		fail(&c, 0, "out of memory");
		fnet_node_free(root);
		goto out;
	}
	f->root = root;
	f->has_rhs_field = c.has_rhs_field;
out:
	fnet_ast_free(ast);
	if (!f && err_col)
		*err_col = (int)c.err_pos + 1;
	if (opts && opts->error)
		*opts->error = f ? (struct fnet_filter_error){0} : c.kind;
	return f;
}

struct fnet_filter_macro *fnet_filter_macro_parse(const char *cond, int falco_wording, char *err,
						  int *err_col)
{
	char local_err[FNET_ERRBUF_SIZE];
	size_t pos = 0;
	if (!err)
		err = local_err;
	struct fnet_filter_macro *m = calloc(1, sizeof(*m));
	if (!m || !(m->text = strdup(cond))) {
		free(m);
		snprintf(err, FNET_ERRBUF_SIZE, "out of memory");
		if (err_col)
			*err_col = 1;
		return NULL;
	}
	m->ast = fnet_parse_flags(m->text, FNET_PARSE_MACROS |
					   (falco_wording ? FNET_PARSE_FALCO_WORDING : 0),
				  err, FNET_ERRBUF_SIZE, &pos);
	if (!m->ast) {
		free(m->text);
		free(m);
		if (err_col)
			*err_col = (int)pos + 1;
		return NULL;
	}
	return m;
}

static void macro_refs(const struct fnet_ast *a,
		       void (*fn)(void *ctx, const char *name, size_t len, size_t pos), void *ctx)
{
	if (a->kind == FNET_AST_MACRO)
		fn(ctx, a->lhs.field, a->lhs.field_len, a->pos);
	for (size_t i = 0; i < a->nkids; i++)
		macro_refs(a->kids[i], fn, ctx);
}

void fnet_filter_macro_refs(const struct fnet_filter_macro *m,
			    void (*fn)(void *ctx, const char *name, size_t len, size_t pos),
			    void *ctx)
{
	macro_refs(m->ast, fn, ctx);
}

void fnet_filter_macro_free(struct fnet_filter_macro *m)
{
	if (!m)
		return;
	fnet_ast_free(m->ast);
	free(m->text);
	free(m);
}

struct fnet_filter *fnet_filter_compile(const char *expr, char *err, int *err_col)
{
	return fnet_filter_compile_opts(expr, NULL, err, err_col);
}

void fnet_filter_free(struct fnet_filter *f)
{
	if (!f)
		return;
	fnet_node_free(f->root);
	free(f);
}
