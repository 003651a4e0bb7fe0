/* Evaluation of compiled filters against events. */
#include <fnmatch.h>
#include <string.h>

#include "filter_internal.h"

static int cmp_bytes(const char *a, uint32_t la, const char *b, uint32_t lb)
{
	int c = memcmp(a, b, la < lb ? la : lb);
	if (c)
		return c;
	return la < lb ? -1 : la > lb;
}

static int lower(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

/* Whether `k` (`kl` bytes) occurs in `v` (`vl` bytes), ASCII case ignored. */
static int icontains(const char *v, uint32_t vl, const char *k, uint32_t kl)
{
	if (kl == 0)
		return 1;
	int first = lower((unsigned char)k[0]);
	for (uint32_t i = 0; i + kl <= vl; i++) {
		if (lower((unsigned char)v[i]) != first)
			continue;
		uint32_t j = 1;
		while (j < kl && lower((unsigned char)v[i + j]) == lower((unsigned char)k[j]))
			j++;
		if (j == kl)
			return 1;
	}
	return 0;
}

/*
 * The string value `v` ended by a NUL: in place when it lies in `buf` with a
 * byte to spare after it, else copied to the start of `buf` (cut to fit).
 */
static const char *as_cstr(struct fnet_field_value *v, char *buf, size_t size)
{
	uintptr_t p = (uintptr_t)v->str, b = (uintptr_t)buf;
	if (p >= b && p - b < size && v->len < size - (p - b)) {
		buf[p - b + v->len] = 0;
		return v->str;
	}
	size_t n = v->len < size - 1 ? v->len : size - 1;
	memmove(buf, v->str, n);
	buf[n] = 0;
	v->str = buf;
	v->len = (uint32_t)n;
	return buf;
}

/* The string operators that compare a value with one string `k`. */
static int string_op(enum fnet_cmp_op op, const char *v, uint32_t len, const char *k, uint32_t kl)
{
	switch (op) {
	case FNET_OP_EQ:
	case FNET_OP_IN:
	case FNET_OP_INTERSECTS:
		return len == kl && memcmp(v, k, len) == 0;
	case FNET_OP_NE:
		return !(len == kl && memcmp(v, k, len) == 0);
	case FNET_OP_LT:
		return cmp_bytes(v, len, k, kl) < 0;
	case FNET_OP_LE:
		return cmp_bytes(v, len, k, kl) <= 0;
	case FNET_OP_GT:
		return cmp_bytes(v, len, k, kl) > 0;
	case FNET_OP_GE:
		return cmp_bytes(v, len, k, kl) >= 0;
	case FNET_OP_CONTAINS:
	case FNET_OP_BCONTAINS:
		return kl == 0 || memmem(v, len, k, kl) != NULL;
	case FNET_OP_ICONTAINS:
		return icontains(v, len, k, kl);
	case FNET_OP_STARTSWITH:
	case FNET_OP_BSTARTSWITH:
		return len >= kl && memcmp(v, k, kl) == 0;
	case FNET_OP_ENDSWITH:
		return len >= kl && memcmp(v + len - kl, k, kl) == 0;
	case FNET_OP_EXISTS:
		return 1;
	default:
		return 0; /* glob, regex, pmatch: by the callers */
	}
}

/* Whether the regular expression matches the whole of v[0, len). */
static int regex_full(const regex_t *re, const char *v, uint32_t len)
{
	regmatch_t m[1];
	m[0].rm_so = 0;
	m[0].rm_eo = (regoff_t)len;
	/* POSIX finds the leftmost-longest match: it spans the value exactly when one does */
	return regexec(re, v, 1, m, REG_STARTEND) == 0 && m[0].rm_so == 0 &&
	       m[0].rm_eo == (regoff_t)len;
}

static int check_string(const struct fnet_check *c, struct fnet_field_value *v, char *buf,
			size_t size)
{
	switch (c->op) {
	case FNET_OP_IN:
	case FNET_OP_INTERSECTS:
		return fnet_str_set_has(&c->strs, v->str, v->len);
	case FNET_OP_PMATCH:
		return fnet_path_set_match(&c->paths, v->str, v->len);
	case FNET_OP_GLOB:
		return fnmatch(c->str, as_cstr(v, buf, size), 0) == 0;
	case FNET_OP_IGLOB:
		return fnmatch(c->str, as_cstr(v, buf, size), FNM_CASEFOLD) == 0;
	case FNET_OP_REGEX:
		return regex_full(c->re, v->str, v->len);
	default:
		return string_op(c->op, v->str, v->len, c->str, c->len);
	}
}

/* Orders two integers that are signed or not: -1, 0 or 1. */
static int cmp_num(int64_t a_s, uint64_t a_u, int a_signed, int64_t b_s, uint64_t b_u,
		   int b_signed)
{
	if (a_signed && b_signed)
		return a_s < b_s ? -1 : a_s > b_s;
	if (!a_signed && !b_signed)
		return a_u < b_u ? -1 : a_u > b_u;
	if (a_signed) {
		if (a_s < 0)
			return -1;
		a_u = (uint64_t)a_s;
	} else {
		if (b_s < 0)
			return 1;
		b_u = (uint64_t)b_s;
	}
	return a_u < b_u ? -1 : a_u > b_u;
}

static int num_op(enum fnet_cmp_op op, int order)
{
	switch (op) {
	case FNET_OP_EQ:
	case FNET_OP_IN:
	case FNET_OP_INTERSECTS:
		return order == 0;
	case FNET_OP_NE:
		return order != 0;
	case FNET_OP_LT:
		return order < 0;
	case FNET_OP_LE:
		return order <= 0;
	case FNET_OP_GT:
		return order > 0;
	case FNET_OP_GE:
		return order >= 0;
	case FNET_OP_EXISTS:
		return 1;
	default:
		return 0; /* refused at compile time */
	}
}

int fnet_check_value(const struct fnet_check *c, struct fnet_field_value *v, char *buf,
		     size_t size)
{
	switch (c->type) {
	case FNET_FIELD_STRING:
		return check_string(c, v, buf, size);
	case FNET_FIELD_INT64:
		if (c->op == FNET_OP_IN || c->op == FNET_OP_INTERSECTS)
			return fnet_int_set_has(&c->nums, (uint64_t)v->i64);
		return num_op(c->op, cmp_num(v->i64, 0, 1, (int64_t)c->num, 0, 1));
	case FNET_FIELD_UINT64:
		if (c->op == FNET_OP_IN || c->op == FNET_OP_INTERSECTS)
			return fnet_int_set_has(&c->nums, v->u64);
		return num_op(c->op, cmp_num(0, v->u64, 0, 0, c->num, 0));
	case FNET_FIELD_IPADDR:
	case FNET_FIELD_IPNET:
		if (c->op == FNET_OP_IN || c->op == FNET_OP_INTERSECTS) {
			for (size_t i = 0; i < c->nips; i++)
				if (fnet_ip_check(FNET_OP_EQ, v, &c->ips[i]))
					return 1;
			return 0;
		}
		return fnet_ip_check(c->op, v, &c->ip);
	default:
		return c->op == FNET_OP_EXISTS;
	}
}

/* The value of operand `o` for the event: extracted, then transformed. 0: none. */
static int operand_value(const struct fnet_operand *o, const struct fnet_eval_ctx *ctx,
			 char *scratch, struct fnet_field_value *v)
{
	if (!o->extract(ctx, &o->arg, v, scratch))
		return 0;
	return o->nxf == 0 || fnet_xform_apply(o->xf, o->nxf, v, scratch, FNET_FIELD_SCRATCH_SIZE);
}

/* A check whose right side is a field, of the same kind (compile.c made sure). */
static int compare_fields(const struct fnet_check *c, struct fnet_field_value *v, char *s1,
			  struct fnet_field_value *w, char *s2)
{
	const size_t size = FNET_FIELD_SCRATCH_SIZE;
	enum fnet_field_type rt = c->rhs->type;
	if (c->type == FNET_FIELD_IPADDR) {
		int same = v->len == w->len && memcmp(v->str, w->str, v->len) == 0;
		return c->op == FNET_OP_NE ? !same : same;
	}
	if (c->type != FNET_FIELD_STRING)
		return num_op(c->op, cmp_num(v->i64, v->u64, c->type == FNET_FIELD_INT64, w->i64,
					     w->u64, rt == FNET_FIELD_INT64));
	switch (c->op) {
	case FNET_OP_GLOB:
	case FNET_OP_IGLOB: {
		const char *pattern = as_cstr(w, s2, size);
		return fnmatch(pattern, as_cstr(v, s1, size),
			       c->op == FNET_OP_IGLOB ? FNM_CASEFOLD : 0) == 0;
	}
	default:
		return string_op(c->op, v->str, v->len, w->str, w->len);
	}
}

/* Check `c` on the left value `v`, given the right field's value `w` if it has one. */
static int compare(const struct fnet_check *c, struct fnet_field_value *v, char *s1,
		   struct fnet_field_value *w, char *s2)
{
	if (c->lhs.match == FNET_MATCH_WITHIN)
		return num_op(FNET_OP_LE, cmp_num(v->i64, v->u64, c->type == FNET_FIELD_INT64,
						   (int64_t)c->num, c->num, c->type == FNET_FIELD_INT64));
	if (!c->rhs)
		return fnet_check_value(c, v, s1, FNET_FIELD_SCRATCH_SIZE);
	return compare_fields(c, v, s1, w, s2);
}

static int eval_list_items(const struct fnet_check *c, const struct fnet_eval_ctx *ctx,
			   char *scratch);

/* A check on a list field (fields_special.h: FNET_MATCH_LIST). */
static int eval_list(const struct fnet_check *c, const struct fnet_eval_ctx *ctx, char *scratch)
{
	if (!c->lhs.extract_list)
		return eval_list_items(c, ctx, scratch);
	struct fnet_field_value vals[FNET_FIELD_LIST_MAX];
	size_t n = c->lhs.extract_list(ctx, &c->lhs.arg, vals, FNET_FIELD_LIST_MAX, scratch);
	char *buf = scratch + FNET_FIELD_SCRATCH_SIZE / 2; /* the values use the first half */
	const size_t size = FNET_FIELD_SCRATCH_SIZE / 2;
	if (n == 0)
		return 0;
	switch (c->op) {
	case FNET_OP_EXISTS:
		return 1;
	case FNET_OP_IN:
	case FNET_OP_PMATCH:
		for (size_t i = 0; i < n; i++)
			if (!fnet_check_value(c, &vals[i], buf, size))
				return 0;
		return 1;
	case FNET_OP_INTERSECTS:
		for (size_t i = 0; i < n; i++)
			if (fnet_check_value(c, &vals[i], buf, size))
				return 1;
		return 0;
	default:
		return n == 1 && fnet_check_value(c, &vals[0], buf, size);
	}
}

/*
 * A list field of items read one by one (FNET_MATCH_LIST without a list
 * extractor: fd.types): no list, false; exists, true; in, every item is in
 * the set; intersects, one is.
 */
static int eval_list_items(const struct fnet_check *c, const struct fnet_eval_ctx *ctx,
			   char *scratch)
{
	const struct fnet_operand *o = &c->lhs;
	struct fnet_field_value v;
	if (!fnet_field_extract_nth(o->field, &o->arg, ctx, 0, &v, scratch))
		return 0;
	if (c->op == FNET_OP_EXISTS)
		return 1;
	int every = c->op == FNET_OP_IN;
	for (uint32_t k = 1; fnet_field_extract_nth(o->field, &o->arg, ctx, k, &v, scratch); k++) {
		if (o->nxf && !fnet_xform_apply(o->xf, o->nxf, &v, scratch, FNET_FIELD_SCRATCH_SIZE))
			continue;
		if (compare(c, &v, scratch, NULL, NULL) != every)
			return !every;
	}
	return every;
}

/*
 * A check is false when a field it reads has no value, whatever the operator.
 * A field with several values (fields_special.h) satisfies it when one value
 * does; for the two sides of fd.ip-like fields, != needs every value to.
 */
static int eval_check(const struct fnet_check *c, const struct fnet_eval_ctx *ctx, char *scratch)
{
	const struct fnet_operand *o = &c->lhs;
	struct fnet_field_value v, w = {0};
	char *s2 = scratch + FNET_FIELD_SCRATCH_SIZE;
	if (o->match == FNET_MATCH_LIST)
		return eval_list(c, ctx, scratch);
	if (o->match == FNET_MATCH_DOMAIN)
		return fnet_field_domain_check(ctx, c->op);
	if (c->rhs && !operand_value(c->rhs, ctx, s2, &w))
		return 0;
	if (o->match != FNET_MATCH_ANY && o->match != FNET_MATCH_EITHER) {
		if (!operand_value(o, ctx, scratch, &v))
			return 0;
		return compare(c, &v, scratch, &w, s2);
	}
	int all = o->match == FNET_MATCH_EITHER && c->op == FNET_OP_NE, seen = 0;
	for (uint32_t k = 0; fnet_field_extract_nth(o->field, &o->arg, ctx, k, &v, scratch); k++) {
		if (o->nxf && !fnet_xform_apply(o->xf, o->nxf, &v, scratch, FNET_FIELD_SCRATCH_SIZE))
			continue;
		int r = compare(c, &v, scratch, &w, s2);
		seen = 1;
		if (r != all)
			return r;
	}
	return all && seen;
}

int fnet_node_eval(const struct fnet_node *n, const struct fnet_eval_ctx *ctx, char *scratch)
{
	switch (n->kind) {
	case FNET_NODE_AND:
		for (uint32_t i = 0; i < n->nkids; i++)
			if (!fnet_node_eval(n->kids[i], ctx, scratch))
				return 0;
		return 1;
	case FNET_NODE_OR:
		for (uint32_t i = 0; i < n->nkids; i++)
			if (fnet_node_eval(n->kids[i], ctx, scratch))
				return 1;
		return 0;
	case FNET_NODE_NOT:
		return !fnet_node_eval(n->kids[0], ctx, scratch);
	case FNET_NODE_CHECK:
		return eval_check(&n->check, ctx, scratch);
	}
	return 0;
}

/* Two entry points so that the common case keeps to one scratch area of stack. */
static __attribute__((noinline)) int match_one_area(const struct fnet_filter *f,
						    const struct fnet_eval_ctx *ctx)
{
	char scratch[FNET_FIELD_SCRATCH_SIZE];
	return fnet_node_eval(f->root, ctx, scratch);
}

static __attribute__((noinline)) int match_two_areas(const struct fnet_filter *f,
						     const struct fnet_eval_ctx *ctx)
{
	char scratch[2 * FNET_FIELD_SCRATCH_SIZE];
	return fnet_node_eval(f->root, ctx, scratch);
}

int fnet_filter_match(const struct fnet_filter *f, const struct fnet_eval_ctx *ctx)
{
	if (!f)
		return 1;
	return f->has_rhs_field ? match_two_areas(f, ctx) : match_one_area(f, ctx);
}
