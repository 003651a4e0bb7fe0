/*
 * The compiled form of a filter, shared by the compiler (compile.c) and the
 * evaluator (eval.c): a tree of and/or/not nodes over checks, each check bound
 * to its field's extractor and to its constant, already parsed.
 */
#ifndef FNET_FILTER_INTERNAL_H
#define FNET_FILTER_INTERNAL_H

#include <stdint.h>

#include "compare_ip.h"
#include "fields.h"
#include "fields_special.h"
#include "filter.h"
#include "lexer.h"
#include "value_set.h"

enum fnet_node_kind {
	FNET_NODE_AND, /* all kids */
	FNET_NODE_OR,  /* any kid */
	FNET_NODE_NOT, /* not kids[0] */
	FNET_NODE_CHECK
};

struct fnet_check {
	fnet_field_extract_fn extract;
	struct fnet_field_arg arg;   /* the field's argument, if written (name owned) */
	int is_evt_type;     /* the field is evt.type: decidable from the event type alone */
	enum fnet_field_type type;
	enum fnet_cmp_op op;
	char *str;           /* STRING constant (owned), for ops other than in/exists */
	uint32_t len;
	uint64_t num;        /* numeric constant: an int64's bits for INT64 fields */
	struct fnet_str_set strs; /* in, STRING fields */
	struct fnet_int_set nums; /* in, numeric fields */
	const struct fnet_field_def *def;
	enum fnet_field_match match;
	struct fnet_ip_const *ips; /* IP fields: the constants */
	uint32_t nips;
};

struct fnet_node {
	enum fnet_node_kind kind;
	uint32_t nkids;
	struct fnet_node **kids;
	struct fnet_check check; /* FNET_NODE_CHECK */
};

struct fnet_filter {
	struct fnet_node *root;
};

/*
 * Evaluates node `n` for the event in `ctx`; `scratch` holds
 * FNET_FIELD_SCRATCH_SIZE bytes for extractors. Returns 1 or 0.
 */
int fnet_node_eval(const struct fnet_node *n, const struct fnet_eval_ctx *ctx, char *scratch);

/* 1 when the string value `v` (`len` bytes) satisfies check `c`. */
int fnet_check_string(const struct fnet_check *c, const char *v, uint32_t len);

/* Frees a compiled node and its kids. NULL is allowed. */
void fnet_node_free(struct fnet_node *n);

#endif
