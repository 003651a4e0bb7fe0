/*
 * Which event types a filter can match: evaluation in three-valued logic with
 * the evt.type checks decided for one type name and every other check unknown.
 * A check is decided when its left side is evt.type (through any transformers)
 * and its right side a constant; checks comparing two fields are unknown.
 */
#include <string.h>

#include "filter_internal.h"

enum tri { NO = 0, YES = 1, MAYBE = 2 };

static enum tri eval_type_check(const struct fnet_check *c, const char *name, uint32_t len)
{
	char buf[256];
	if (!c->is_evt_type || len >= sizeof(buf))
		return MAYBE;
	memcpy(buf, name, len);
	buf[len] = 0;
	struct fnet_field_value v = {.str = buf, .len = len};
	if (c->lhs.nxf && !fnet_xform_apply(c->lhs.xf, c->lhs.nxf, &v, buf, sizeof(buf)))
		return NO; /* no value: the check is false */
	return fnet_check_value(c, &v, buf, sizeof(buf)) ? YES : NO;
}

static enum tri eval_type(const struct fnet_node *n, const char *name, uint32_t len)
{
	enum tri r;
	switch (n->kind) {
	case FNET_NODE_AND:
		r = YES;
		for (uint32_t i = 0; i < n->nkids; i++) {
			enum tri k = eval_type(n->kids[i], name, len);
			if (k == NO)
				return NO;
			if (k == MAYBE)
				r = MAYBE;
		}
		return r;
	case FNET_NODE_OR:
		r = NO;
		for (uint32_t i = 0; i < n->nkids; i++) {
			enum tri k = eval_type(n->kids[i], name, len);
			if (k == YES)
				return YES;
			if (k == MAYBE)
				r = MAYBE;
		}
		return r;
	case FNET_NODE_NOT:
		r = eval_type(n->kids[0], name, len);
		return r == MAYBE ? MAYBE : r == YES ? NO : YES;
	case FNET_NODE_CHECK:
		return eval_type_check(&n->check, name, len);
	}
	return MAYBE;
}

int fnet_filter_may_match_type(const struct fnet_filter *f, const char *type_name)
{
	if (!f)
		return 1;
	return eval_type(f->root, type_name, (uint32_t)strlen(type_name)) != NO;
}
