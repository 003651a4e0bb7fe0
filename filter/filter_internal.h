/*
 * The compiled form of a filter, shared by the compiler (compile.c) and the
 * evaluator (eval.c, event_types.c): a tree of and/or/not nodes over checks,
 * each check bound to its field's extractor, its transformers and its
 * constant, already parsed.
 */
#ifndef FNET_FILTER_INTERNAL_H
#define FNET_FILTER_INTERNAL_H

#include <regex.h>
#include <stdint.h>

#include "compare_ip.h"
#include "fields.h"
#include "fields_special.h"
#include "filter.h"
#include "lexer.h"
#include "transform.h"
#include "value_set.h"

enum fnet_node_kind {
	FNET_NODE_AND, /* all kids */
	FNET_NODE_OR,  /* any kid */
	FNET_NODE_NOT, /* not kids[0] */
	FNET_NODE_CHECK
};

/* One side of a check: a field with its argument and transformers. */
struct fnet_operand {
	const struct fnet_field_def *field;
	fnet_field_extract_fn extract;
	struct fnet_field_arg arg;   /* the field's argument, if written (name owned) */
	enum fnet_field_match match; /* how its values decide a check (fields_special.h) */
	fnet_field_extract_list_fn extract_list; /* FNET_MATCH_LIST: the values */
	enum fnet_field_type type;   /* of the value after the transformers */
	unsigned nxf;
	uint8_t xf[FNET_XF_MAX];     /* enum fnet_xform, applied first to last */
};

struct fnet_check {
	struct fnet_operand lhs;
	struct fnet_operand *rhs;    /* val(): the field compared with, else NULL */
	int is_evt_type;     /* the left field is evt.type and the right a constant */
	enum fnet_field_type type;   /* lhs.type */
	enum fnet_cmp_op op;
	char *str;           /* STRING constant (owned, NUL-terminated), for single-value ops;
				bytes for bcontains/bstartswith */
	uint32_t len;
	uint64_t num;        /* numeric constant: an int64's bits for INT64 fields */
	struct fnet_str_set strs;   /* in/intersects, STRING fields */
	struct fnet_int_set nums;   /* in/intersects, numeric fields */
	struct fnet_path_set paths; /* pmatch */
	regex_t *re;                /* regex (owned) */
	struct fnet_ip_const ip;    /* IPADDR/IPNET constant, for single-value ops */
	struct fnet_ip_const *ips;  /* in/intersects, IPADDR/IPNET fields (owned) */
	size_t nips;
};

struct fnet_node {
	enum fnet_node_kind kind;
	uint32_t nkids;
	struct fnet_node **kids;
	struct fnet_check check; /* FNET_NODE_CHECK */
};

struct fnet_filter {
	struct fnet_node *root;
	int has_rhs_field;   /* some check compares two fields: evaluation needs 2 scratch areas */
};

/*
 * Evaluates node `n` for the event in `ctx`; `scratch` holds
 * FNET_FIELD_SCRATCH_SIZE bytes, twice that when the filter's has_rhs_field is
 * set (the second half is for the right-hand field). Returns 1 or 0.
 */
int fnet_node_eval(const struct fnet_node *n, const struct fnet_eval_ctx *ctx, char *scratch);

/*
 * 1 when `v`, a value of the check's left side after its transformers (of type
 * c->type), satisfies check `c`, whose right side is a constant. `buf` (`size`
 * bytes, 2 or more) is room to end a string value with a NUL (glob); `v` may
 * be rewritten to point there.
 */
int fnet_check_value(const struct fnet_check *c, struct fnet_field_value *v, char *buf,
		     size_t size);

/* Frees a compiled node and its kids. NULL is allowed. */
void fnet_node_free(struct fnet_node *n);

/*
 * fnet_field_parse_ref that also reports where in `s` the error is (`*err_off`,
 * a byte offset, on failure) and takes quoted arguments (evt.arg["a b"]).
 */
size_t fnet_field_parse_ref_at(const char *s, size_t len, const struct fnet_field_def **f,
			       struct fnet_field_arg *arg, char *err, size_t errsize,
			       size_t *err_off);

/* fnet_field_parse_ref_at within the field set of source `src`. */
size_t fnet_field_parse_ref_src(enum fnet_field_source src, const char *s, size_t len,
				const struct fnet_field_def **f, struct fnet_field_arg *arg,
				char *err, size_t errsize, size_t *err_off);

#endif
