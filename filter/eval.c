/* Evaluation of compiled filters against events. */
#include <string.h>

#include "filter_internal.h"

static int cmp_bytes(const char *a, uint32_t la, const char *b, uint32_t lb)
{
	int c = memcmp(a, b, la < lb ? la : lb);
	if (c)
		return c;
	return la < lb ? -1 : la > lb;
}

int fnet_check_string(const struct fnet_check *c, const char *v, uint32_t len)
{
	switch (c->op) {
	case FNET_OP_EQ:
		return len == c->len && memcmp(v, c->str, len) == 0;
	case FNET_OP_NE:
		return !(len == c->len && memcmp(v, c->str, len) == 0);
	case FNET_OP_LT:
		return cmp_bytes(v, len, c->str, c->len) < 0;
	case FNET_OP_LE:
		return cmp_bytes(v, len, c->str, c->len) <= 0;
	case FNET_OP_GT:
		return cmp_bytes(v, len, c->str, c->len) > 0;
	case FNET_OP_GE:
		return cmp_bytes(v, len, c->str, c->len) >= 0;
	case FNET_OP_CONTAINS:
		return c->len == 0 || memmem(v, len, c->str, c->len) != NULL;
	case FNET_OP_STARTSWITH:
		return len >= c->len && memcmp(v, c->str, c->len) == 0;
	case FNET_OP_IN:
		return fnet_str_set_has(&c->strs, v, len);
	case FNET_OP_EXISTS:
		return 1;
	}
	return 0;
}

static int check_int64(const struct fnet_check *c, int64_t v)
{
	int64_t k = (int64_t)c->num;
	switch (c->op) {
	case FNET_OP_EQ:
		return v == k;
	case FNET_OP_NE:
		return v != k;
	case FNET_OP_LT:
		return v < k;
	case FNET_OP_LE:
		return v <= k;
	case FNET_OP_GT:
		return v > k;
	case FNET_OP_GE:
		return v >= k;
	case FNET_OP_IN:
		return fnet_int_set_has(&c->nums, (uint64_t)v);
	case FNET_OP_EXISTS:
		return 1;
	default:
		return 0; /* refused at compile time */
	}
}

static int check_uint64(const struct fnet_check *c, uint64_t v)
{
	uint64_t k = c->num;
	switch (c->op) {
	case FNET_OP_EQ:
		return v == k;
	case FNET_OP_NE:
		return v != k;
	case FNET_OP_LT:
		return v < k;
	case FNET_OP_LE:
		return v <= k;
	case FNET_OP_GT:
		return v > k;
	case FNET_OP_GE:
		return v >= k;
	case FNET_OP_IN:
		return fnet_int_set_has(&c->nums, v);
	case FNET_OP_EXISTS:
		return 1;
	default:
		return 0;
	}
}

static int check_ip(const struct fnet_check *c, const struct fnet_field_value *v)
{
	if (c->op == FNET_OP_IN) {
		for (uint32_t i = 0; i < c->nips; i++)
			if (fnet_ip_check(FNET_OP_EQ, v, &c->ips[i]))
				return 1;
		return 0;
	}
	if (c->op == FNET_OP_EXISTS)
		return 1;
	return c->nips && fnet_ip_check(c->op, v, &c->ips[0]);
}

static int check_value(const struct fnet_check *c, const struct fnet_field_value *v)
{
	switch (c->type) {
	case FNET_FIELD_STRING:
		return fnet_check_string(c, v->str, v->len);
	case FNET_FIELD_INT64:
		return check_int64(c, v->i64);
	case FNET_FIELD_UINT64:
		return check_uint64(c, v->u64);
	case FNET_FIELD_IPADDR:
	case FNET_FIELD_IPNET:
		return check_ip(c, v);
	}
	return 0;
}

/* A check is false when its field has no value, whatever the operator. */
static int eval_check(const struct fnet_check *c, const struct fnet_eval_ctx *ctx, char *scratch)
{
	struct fnet_field_value v;
	if (c->match == FNET_MATCH_ANY || c->match == FNET_MATCH_EITHER) {
		int all = c->match == FNET_MATCH_EITHER && c->op == FNET_OP_NE, seen = 0;
		for (uint32_t k = 0; fnet_field_extract_nth(c->def, &c->arg, ctx, k, &v, scratch); k++) {
			int r = check_value(c, &v);
			seen = 1;
			if (all && !r)
				return 0;
			if (!all && r)
				return 1;
		}
		return all && seen;
	}
	if (!c->extract(ctx, &c->arg, &v, scratch))
		return 0;
	if (c->match == FNET_MATCH_WITHIN)
		return v.u64 <= c->num;
	switch (c->type) {
	case FNET_FIELD_IPADDR:
	case FNET_FIELD_IPNET:
		return check_ip(c, &v);
	case FNET_FIELD_STRING:
		return fnet_check_string(c, v.str, v.len);
	case FNET_FIELD_INT64:
		return check_int64(c, v.i64);
	case FNET_FIELD_UINT64:
		return check_uint64(c, v.u64);
	}
	return 0;
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

int fnet_filter_match(const struct fnet_filter *f, const struct fnet_eval_ctx *ctx)
{
	char scratch[FNET_FIELD_SCRATCH_SIZE];
	if (!f)
		return 1;
	return fnet_node_eval(f->root, ctx, scratch);
}
