/*
 * Reading an audit event's JSON the way the k8saudit plugin of
 * falcosecurity/plugins does (pkg/k8saudit/extract.go), for the ka.* field
 * class (fields_k8s_audit.c): the event of an eval context, values found by
 * key paths that fan out over arrays, values turned into strings.
 * Internal to the filter library.
 */
#ifndef FNET_FILTER_K8S_AUDIT_JSON_H
#define FNET_FILTER_K8S_AUDIT_JSON_H

#include <cjson/cJSON.h>
#include <stddef.h>

#include "fields.h"

/*
 * The audit event of `ctx` when it is one the plugin extracts from (it has an
 * "auditID"), else NULL: every ka.* field then has no value.
 */
const cJSON *ka_event(const struct fnet_eval_ctx *ctx);

/* The value at the key path `keys` (NULL-terminated) under `v`, or NULL. */
const cJSON *ka_get(const cJSON *v, const char *const *keys);

/*
 * The plugin's getValuesRecursive: follows `keys` (NULL-terminated; "" stays
 * on the value) from `v`; an array met before a key fans out over its
 * elements (all of them when `index` is -1, else only element `index`), an
 * element where the path ends early giving a NULL entry. Appends the values
 * found to found[*n..max-1]. Returns 0, or -1 when the path is not there
 * (the plugin's "not available").
 */
int ka_walk(const cJSON *v, long index, const char *const *keys, const cJSON **found, size_t *n,
	    size_t max);

/* Room for the strings a list extractor builds: the first half of its scratch. */
struct ka_text {
	char *p;
	size_t used, size;
};

/* The plugin's jsonValueAsString into `out` (the text in `t` when built). 0: v is NULL. */
int ka_as_text(const cJSON *v, struct ka_text *t, struct fnet_field_value *out);

/* Copies `len` bytes of `s` into `t` as a value. */
void ka_text_value(struct ka_text *t, const char *s, size_t len, struct fnet_field_value *out);

/*
 * The index filter of a field argument as the plugin reads it: -1 without an
 * argument, the index when one is written, 0 for a key argument (libsinsp
 * leaves the index of a key argument at 0).
 */
long ka_index(const struct fnet_field_arg *arg);

#endif
