/*
 * Rule file items to collected definitions: Falco's reader and collector
 * (rule_loader_reader.cpp, rule_loader_collector.cpp) for lists, macros, rules,
 * required_engine_version and required_plugin_versions, with append, override
 * (append / replace per key) and redefinition. Reading a file stops at its
 * first error, as Falco's does.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fields.h"
#include "rules_internal.h"

/* What is being read: for messages. */
struct rd {
	struct fnet_ruleset *rs;
	const struct rl_file *f;
	const char *type; /* item type: "rule", "macro", "list", "exception"... */
	const char *name; /* item name, "" until known */
};

static struct rl_ctx at(const struct rd *d, const struct yaml_node *n)
{
	struct rl_ctx c = {d->f->name, n ? n->line : 0, n ? n->column : 0, n ? n->offset : 0};
	return c;
}

#define FAIL(d, code, node, ...)                                                            \
	do {                                                                                 \
		struct rl_ctx c_ = at(d, node);                                               \
		rl_msg((d)->rs, 1, code, (d)->type, (d)->name, &c_, __VA_ARGS__);            \
		return -1;                                                                   \
	} while (0)
#define WARN(d, code, node, ...)                                                            \
	do {                                                                                 \
		struct rl_ctx c_ = at(d, node);                                               \
		rl_msg((d)->rs, 0, code, (d)->type, (d)->name, &c_, __VA_ARGS__);            \
	} while (0)
#define OOM(d, node) FAIL(d, "LOAD_ERR_VALIDATE", node, "out of memory")

int rl_strs_add(struct rl_strs *l, const char *s)
{
	if (l->n == l->cap) {
		size_t c = l->cap ? 2 * l->cap : 8;
		char **v = realloc(l->v, c * sizeof(*v));
		if (!v)
			return -1;
		l->v = v;
		l->cap = c;
	}
	if (!(l->v[l->n] = strdup(s)))
		return -1;
	l->n++;
	return 0;
}

void rl_strs_free(struct rl_strs *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	memset(l, 0, sizeof(*l));
}

/*
 * A scalar value of `key` into *out (malloc'd); `*out` untouched when absent and
 * optional. Falco's decode_val wording. Returns 1 read, 0 absent, -1 error.
 */
static int get_str(const struct rd *d, const struct yaml_node *item, const char *key, int optional,
		   int can_be_empty, char **out)
{
	const struct yaml_node *v = yaml_map_get(item, key);
	if (!v) {
		if (optional)
			return 0;
		FAIL(d, "LOAD_ERR_YAML_VALIDATE", item, "Item has no mapping for key '%s'", key);
	}
	if (yaml_is_null(v) && !(v->kind == YAML_NODE_SCALAR && v->quoted)) {
		if (!can_be_empty)
			FAIL(d, "LOAD_ERR_YAML_VALIDATE", item, "Mapping for key '%s' is empty", key);
	} else if (v->kind != YAML_NODE_SCALAR)
		FAIL(d, "LOAD_ERR_YAML_VALIDATE", v, "Value is not a scalar value");
	else if (!v->len && !can_be_empty)
		FAIL(d, "LOAD_ERR_YAML_VALIDATE", v, "Value must be non-empty");
	char *s = strdup(v->kind == YAML_NODE_SCALAR && !yaml_is_null(v) ? v->value : "");
	if (!s)
		OOM(d, v);
	free(*out);
	*out = s;
	return 1;
}

/* A boolean value of `key`. Returns 1 read, 0 absent, -1 error. */
static int get_bool(const struct rd *d, const struct yaml_node *item, const char *key,
		    int optional, int *out)
{
	char *s = NULL;
	int rc = get_str(d, item, key, optional, 0, &s);
	if (rc <= 0)
		return rc;
	free(s);
	if (yaml_get_bool(yaml_map_get(item, key), out) < 0)
		FAIL(d, "LOAD_ERR_YAML_VALIDATE", yaml_map_get(item, key),
		     "Can't decode YAML scalar value");
	return 1;
}

/* A sequence of scalars (items, tags) appended to `out`. Returns 1, 0 absent, -1. */
static int get_seq(const struct rd *d, const struct yaml_node *item, const char *key, int optional,
		   struct rl_strs *out)
{
	const struct yaml_node *v = yaml_map_get(item, key);
	if (!v) {
		if (optional)
			return 0;
		FAIL(d, "LOAD_ERR_YAML_VALIDATE", item, "Item has no mapping for key '%s'", key);
	}
	if (v->kind != YAML_NODE_SEQ)
		FAIL(d, "LOAD_ERR_YAML_VALIDATE", v, "Value is not a sequence");
	for (size_t i = 0; i < v->n; i++) {
		if (v->items[i]->kind != YAML_NODE_SCALAR)
			FAIL(d, "LOAD_ERR_YAML_VALIDATE", v->items[i], "sequence value is not scalar");
		if (rl_strs_add(out, v->items[i]->value) < 0)
			OOM(d, v);
	}
	return 1;
}

/* ---- override: ---- */

enum {
	K_CONDITION = 1 << 0,
	K_OUTPUT = 1 << 1,
	K_DESC = 1 << 2,
	K_PRIORITY = 1 << 3,
	K_TAGS = 1 << 4,
	K_EXCEPTIONS = 1 << 5,
	K_ENABLED = 1 << 6,
	K_WARN_EVTTYPES = 1 << 7,
	K_SKIP_UNKNOWN = 1 << 8,
	K_CAPTURE = 1 << 9,
	K_CAPTURE_DURATION = 1 << 10,
	K_ITEMS = 1 << 11
};

static const char *const key_names[] = {"condition",     "output",        "desc",
					"priority",      "tags",          "exceptions",
					"enabled",       "warn_evttypes", "skip-if-unknown-filter",
					"capture",       "capture_duration", "items"};
#define NKEYS (int)(sizeof(key_names) / sizeof(key_names[0]))

static unsigned key_bit(const char *k)
{
	for (int i = 0; i < NKEYS; i++)
		if (strcmp(k, key_names[i]) == 0)
			return 1u << i;
	return 0;
}

/* Reads `override:` into the append and replace key sets. Returns 0 or -1. */
static int get_overrides(const struct rd *d, const struct yaml_node *item, unsigned can_append,
			 unsigned can_replace, unsigned *app, unsigned *rep)
{
	*app = *rep = 0;
	const struct yaml_node *o = yaml_map_get(item, "override");
	if (!o)
		return 0;
	if (o->kind != YAML_NODE_MAP)
		FAIL(d, "LOAD_ERR_YAML_VALIDATE", o, "Value of override must be a mapping");
	for (size_t i = 0; i < o->n; i++) {
		const struct yaml_node *k = o->items[2 * i], *v = o->items[2 * i + 1];
		const char *key = k->kind == YAML_NODE_SCALAR ? k->value : "";
		const char *op = v->kind == YAML_NODE_SCALAR ? v->value : "";
		unsigned b = key_bit(key);
		if (strcmp(op, "append") == 0) {
			if (!(b & can_append))
				FAIL(d, "LOAD_ERR_VALIDATE", k,
				     "Key '%s' cannot be appended to, use 'replace' instead", key);
			*app |= b;
		} else if (strcmp(op, "replace") == 0) {
			if (!(b & can_replace))
				FAIL(d, "LOAD_ERR_VALIDATE", k, "Key '%s' cannot be replaced", key);
			*rep |= b;
		} else
			FAIL(d, "LOAD_ERR_VALIDATE", v,
			     "Invalid override operation for key '%s': '%s'. Allowed values are: %s%s",
			     key, op, b & can_append ? "append " : "", b & can_replace ? "replace " : "");
	}
	return 0;
}

/* Warns about keys an item of this type does not have (LOAD_UNKNOWN_KEY). */
static void warn_unknown_keys(const struct rd *d, const struct yaml_node *item,
			      const char *const *known)
{
	for (size_t i = 0; i < item->n; i++) {
		const struct yaml_node *k = item->items[2 * i];
		const char *key = k->kind == YAML_NODE_SCALAR ? k->value : "";
		int ok = 0;
		for (const char *const *p = known; *p && !ok; p++)
			ok = strcmp(*p, key) == 0;
		if (!ok)
			WARN(d, "LOAD_UNKNOWN_KEY", item, "Unknown key '%s'. The key will be ignored.",
			     key);
	}
}

/* ---- exceptions ---- */

void rl_exc_entry_free(struct rl_exc_entry *e)
{
	free(e->item);
	for (size_t i = 0; i < e->n; i++)
		rl_exc_entry_free(&e->items[i]);
	free(e->items);
	memset(e, 0, sizeof(*e));
}

void rl_exception_free(struct rl_exception *e)
{
	free(e->name);
	rl_exc_entry_free(&e->fields);
	rl_exc_entry_free(&e->comps);
	for (size_t i = 0; i < e->nvalues; i++)
		rl_exc_entry_free(&e->values[i]);
	free(e->values);
	memset(e, 0, sizeof(*e));
}

/* A string or a (nested) list of strings. Returns 0 or -1. */
static int get_entry(const struct rd *d, const struct yaml_node *v, struct rl_exc_entry *out)
{
	if (v->kind == YAML_NODE_SCALAR) {
		if (!v->len)
			FAIL(d, "LOAD_ERR_YAML_VALIDATE", v, "Value must be non-empty");
		if (!(out->item = strdup(v->value)))
			OOM(d, v);
		return 0;
	}
	if (v->kind != YAML_NODE_SEQ)
		FAIL(d, "LOAD_ERR_YAML_VALIDATE", v, "Could not decode scalar value");
	out->is_list = 1;
	if (v->n && !(out->items = calloc(v->n, sizeof(*out->items))))
		OOM(d, v);
	for (size_t i = 0; i < v->n; i++) {
		out->n++;
		if (get_entry(d, v->items[i], &out->items[i]) < 0)
			return -1;
	}
	return 0;
}

/* Reads one exception; `append`: fields may be missing (values for an existing one). */
static int get_exception(struct rd *d, const struct yaml_node *ex, int append,
			 const struct rl_exception *prev, size_t nprev, struct rl_exception *out)
{
	d->type = "exception";
	d->name = "";
	if (ex->kind != YAML_NODE_MAP)
		FAIL(d, "LOAD_ERR_YAML_VALIDATE", ex, "Rule exception must be a mapping");
	if (get_str(d, ex, "name", 0, 0, &out->name) < 0)
		return -1;
	d->name = out->name;
	out->ctx = at(d, ex);
	for (size_t i = 0; i < nprev; i++)
		if (strcmp(prev[i].name, out->name) == 0)
			WARN(d, "LOAD_EXCEPTION_NAME_NOT_UNIQUE", ex,
			     "Multiple definitions of exception '%s' in the same rule", out->name);
	const struct yaml_node *f = yaml_map_get(ex, "fields");
	if (!f && !append)
		FAIL(d, "LOAD_ERR_YAML_VALIDATE", ex, "Item has no mapping for key 'fields'");
	if (f) {
		out->has_fields = 1;
		if (get_entry(d, f, &out->fields) < 0)
			return -1;
	}
	const struct yaml_node *c = yaml_map_get(ex, "comps");
	if (c) {
		out->has_comps = 1;
		if (get_entry(d, c, &out->comps) < 0)
			return -1;
	}
	const struct yaml_node *vals = yaml_map_get(ex, "values");
	if (vals) {
		if (vals->kind != YAML_NODE_SEQ)
			FAIL(d, "LOAD_ERR_YAML_VALIDATE", vals, "Rule exception values must be a sequence");
		if (vals->n && !(out->values = calloc(vals->n, sizeof(*out->values))))
			OOM(d, vals);
		for (size_t i = 0; i < vals->n; i++) {
			out->nvalues++;
			if (get_entry(d, vals->items[i], &out->values[i]) < 0)
				return -1;
		}
	} else if (append)
		WARN(d, "LOAD_APPEND_NO_VALUES", ex, "Overriding/appending exception with no values");
	return 0;
}

/* The `exceptions` of a rule item into (*ex, *n). Returns 0 or -1. */
static int get_exceptions(struct rd *d, const struct yaml_node *item, int append,
			  struct rl_exception **ex, size_t *n)
{
	const struct yaml_node *exs = yaml_map_get(item, "exceptions");
	if (!exs || yaml_is_null(exs))
		return 0;
	if (exs->kind != YAML_NODE_SEQ)
		FAIL(d, "LOAD_ERR_YAML_VALIDATE", exs, "Rule exceptions must be a sequence");
	if (exs->n && !(*ex = calloc(exs->n, sizeof(**ex))))
		OOM(d, exs);
	const char *type = d->type, *name = d->name;
	for (size_t i = 0; i < exs->n; i++) {
		(*n)++;
		if (get_exception(d, exs->items[i], append, *ex, i, &(*ex)[i]) < 0)
			return -1;
		d->type = type;
		d->name = name;
	}
	return 0;
}

/* ---- collection ---- */

#define FIND(arr, n, nm)                                                                   \
	({                                                                                 \
		__typeof__(&(arr)[0]) found_ = NULL;                                       \
		for (size_t i_ = 0; i_ < (n) && !found_; i_++)                             \
			if (strcmp((arr)[i_].name, (nm)) == 0)                             \
				found_ = &(arr)[i_];                                       \
		found_;                                                                    \
	})

/* Room for one more element of a growing array. */
static int grow(void **arr, size_t *cap, size_t n, size_t size)
{
	if (n < *cap)
		return 0;
	size_t c = *cap ? 2 * *cap : 16;
	void *a = realloc(*arr, c * size);
	if (!a)
		return -1;
	*arr = a;
	*cap = c;
	return 0;
}

static void list_free(struct rl_list *l)
{
	free(l->name);
	rl_strs_free(&l->items);
}

static void macro_free(struct rl_macro *m)
{
	free(m->name);
	free(m->cond);
}

static void rule_free(struct rl_rule *r)
{
	free(r->name);
	free(r->cond);
	free(r->output);
	free(r->desc);
	free(r->source);
	rl_strs_free(&r->tags);
	for (size_t i = 0; i < r->nex; i++)
		rl_exception_free(&r->ex[i]);
	free(r->ex);
}

void rl_items_free(struct fnet_ruleset *rs)
{
	for (size_t i = 0; i < rs->nlists; i++)
		list_free(&rs->lists[i]);
	for (size_t i = 0; i < rs->nmacros; i++)
		macro_free(&rs->macros[i]);
	for (size_t i = 0; i < rs->nrules; i++)
		rule_free(&rs->rules[i]);
	free(rs->lists);
	free(rs->macros);
	free(rs->rules);
}

static int full_match_identifier(const char *s)
{
	if (!isalpha((unsigned char)*s))
		return 0;
	for (; *s; s++)
		if (!isalnum((unsigned char)*s) && *s != '_')
			return 0;
	return 1;
}

static int full_match_barestr(const char *s)
{
	if (!*s)
		return 0;
	for (; *s; s++)
		if (strchr("()\"'=,", *s) || isspace((unsigned char)*s))
			return 0;
	return 1;
}

static int read_list(struct rd *d, const struct yaml_node *item)
{
	static const char *const known[] = {"list", "items", "append", "override", NULL};
	struct fnet_ruleset *rs = d->rs;
	struct rl_list v = {0};
	int append = 0;
	unsigned app, rep;
	d->type = "list";
	if (get_str(d, item, "list", 0, 0, &v.name) < 0)
		return -1;
	d->name = v.name;
	v.ctx = at(d, item);
	if (!full_match_barestr(v.name))
		WARN(d, "LOAD_INVALID_LIST_NAME", item,
		     "List has an invalid name. List names should match a regular expression: "
		     "([^()\"'[:space:]=,]+)");
	if (get_seq(d, item, "items", 0, &v.items) < 0 || get_bool(d, item, "append", 1, &append) < 0 ||
	    get_overrides(d, item, K_ITEMS, K_ITEMS, &app, &rep) < 0)
		goto fail;
	if (append && (app | rep)) {
		rl_msg(rs, 1, "LOAD_ERR_VALIDATE", d->type, d->name, &v.ctx,
		       "Keys 'override' and 'append: true' cannot be used together. Add an 'append' "
		       "entry (e.g. 'condition: append') under 'override' instead.");
		goto fail;
	}
	append |= (app & K_ITEMS) != 0;
	struct rl_list *prev = FIND(rs->lists, rs->nlists, v.name);
	if (append) {
		if (!prev) {
			rl_msg(rs, 1, "LOAD_ERR_VALIDATE", d->type, d->name, &v.ctx,
			       "List has 'append' key but no list by that name already exists");
			goto fail;
		}
		for (size_t i = 0; i < v.items.n; i++)
			if (rl_strs_add(&prev->items, v.items.v[i]) < 0)
				goto oom;
		prev->visibility = rs->cur_index++;
		d->name = prev->name; /* the same name; the item's copy is freed here */
		list_free(&v);
	} else if (prev) {
		v.index = prev->index;
		v.visibility = rs->cur_index++;
		list_free(prev);
		*prev = v;
	} else {
		if (grow((void **)&rs->lists, &rs->lists_cap, rs->nlists, sizeof(v)) < 0)
			goto oom;
		v.index = v.visibility = rs->cur_index++;
		rs->lists[rs->nlists++] = v;
	}
	warn_unknown_keys(d, item, known);
	return 0;
oom:
	rl_msg(rs, 1, "LOAD_ERR_VALIDATE", d->type, d->name, &v.ctx, "out of memory");
fail:
	list_free(&v);
	return -1;
}

/* Appends " `add`" to *s (when `add` is not empty). Returns 0 or -1. */
static int append_text(char **s, const char *add)
{
	if (!add || !*add)
		return 0;
	size_t a = *s ? strlen(*s) : 0, b = strlen(add);
	char *c = realloc(*s, a + b + 2);
	if (!c)
		return -1;
	c[a] = ' ';
	memcpy(c + a + 1, add, b + 1);
	*s = c;
	return 0;
}

static int read_macro(struct rd *d, const struct yaml_node *item)
{
	static const char *const known[] = {"macro", "condition", "append", "override", NULL};
	struct fnet_ruleset *rs = d->rs;
	struct rl_macro v = {0};
	int append = 0;
	unsigned app, rep;
	d->type = "macro";
	if (get_str(d, item, "macro", 0, 0, &v.name) < 0)
		return -1;
	d->name = v.name;
	v.ctx = at(d, item);
	if (!full_match_identifier(v.name))
		WARN(d, "LOAD_INVALID_MACRO_NAME", item,
		     "Macro has an invalid name. Macro names should match a regular expression: "
		     "([a-zA-Z]+[a-zA-Z0-9_]*)");
	if (get_str(d, item, "condition", 0, 0, &v.cond) < 0)
		goto fail;
	v.cond_ctx = at(d, yaml_map_get(item, "condition"));
	if (get_bool(d, item, "append", 1, &append) < 0 ||
	    get_overrides(d, item, K_CONDITION, K_CONDITION, &app, &rep) < 0)
		goto fail;
	if (append && (app | rep)) {
		rl_msg(rs, 1, "LOAD_ERR_VALIDATE", d->type, d->name, &v.ctx,
		       "Keys 'override' and 'append: true' cannot be used together. Add an 'append' "
		       "entry (e.g. 'condition: append') under 'override' instead.");
		goto fail;
	}
	append |= (app & K_CONDITION) != 0;
	struct rl_macro *prev = FIND(rs->macros, rs->nmacros, v.name);
	if (append) {
		if (!prev) {
			rl_msg(rs, 1, "LOAD_ERR_VALIDATE", d->type, d->name, &v.ctx,
			       "Macro has 'append' key but no macro by that name already exists");
			goto fail;
		}
		if (append_text(&prev->cond, v.cond) < 0) /* the condition is never empty */
			goto oom;
		prev->visibility = rs->cur_index++;
		d->name = prev->name; /* the same name; the item's copy is freed here */
		macro_free(&v);
	} else if (prev) {
		v.index = prev->index;
		v.visibility = rs->cur_index++;
		macro_free(prev);
		*prev = v;
	} else {
		if (grow((void **)&rs->macros, &rs->macros_cap, rs->nmacros, sizeof(v)) < 0)
			goto oom;
		v.index = v.visibility = rs->cur_index++;
		rs->macros[rs->nmacros++] = v;
	}
	warn_unknown_keys(d, item, known);
	return 0;
oom:
	rl_msg(rs, 1, "LOAD_ERR_VALIDATE", d->type, d->name, &v.ctx, "out of memory");
fail:
	macro_free(&v);
	return -1;
}

/* The sources falconet has events and fields for (filter/fields.h). */
static int is_known_source(const char *s)
{
	return fnet_field_source_parse(s) >= 0;
}

/* A rule's exceptions appended to an earlier rule's (collector append). */
static int append_exceptions(struct fnet_ruleset *rs, struct rl_rule *prev, struct rl_exception *ex,
			     size_t nex)
{
	for (size_t i = 0; i < nex; i++) {
		struct rl_exception *e = &ex[i], *p = FIND(prev->ex, prev->nex, e->name);
		if (!p) {
			if (!e->has_fields) {
				rl_msg(rs, 1, "LOAD_ERR_VALIDATE", "exception", e->name, &e->ctx,
				       "Rule exception must have fields property with a list of fields");
				return -1;
			}
			if (!e->nvalues) {
				rl_msg(rs, 1, "LOAD_ERR_VALIDATE", "exception", e->name, &e->ctx,
				       "Rule exception must have values property with a list of values");
				return -1;
			}
			if (rl_exception_validate(rs, e, !prev->unknown_source) < 0)
				return -1;
			struct rl_exception *n = realloc(prev->ex, (prev->nex + 1) * sizeof(*n));
			if (!n)
				return -1;
			prev->ex = n;
			prev->ex[prev->nex++] = *e;
			memset(e, 0, sizeof(*e));
			continue;
		}
		if (e->has_fields || e->has_comps) {
			rl_msg(rs, 1, "LOAD_ERR_VALIDATE", "exception", e->name, &e->ctx,
			       "Can not append exception %s to existing exception, only values",
			       e->has_fields ? "fields" : "comps");
			return -1;
		}
		struct rl_exc_entry *v = realloc(p->values, (p->nvalues + e->nvalues) * sizeof(*v));
		if (!v && p->nvalues + e->nvalues)
			return -1;
		p->values = v;
		if (e->nvalues) /* memcpy from NULL is undefined even for 0 bytes */
			memcpy(p->values + p->nvalues, e->values, e->nvalues * sizeof(*v));
		p->nvalues += e->nvalues;
		free(e->values);
		e->values = NULL;
		e->nvalues = 0;
	}
	return 0;
}

/* An update of an earlier rule: append (`replace` 0) or replace the keys in `keys`. */
static int update_rule(struct rd *d, const struct yaml_node *item, struct rl_rule *v, unsigned keys,
		       int replace)
{
	struct fnet_ruleset *rs = d->rs;
	struct rl_rule *prev = FIND(rs->rules, rs->nrules, v->name);
	if (prev && v->source && *v->source && strcmp(prev->source, v->source) != 0)
		FAIL(d, "LOAD_ERR_VALIDATE", item, "Rule has been re-defined with a different source");
	if (!prev) {
		if (replace)
			FAIL(d, "LOAD_ERR_VALIDATE", item,
			     "An 'override.<key>: replace' to a rule was requested but no rule by that "
			     "name already exists");
		FAIL(d, "LOAD_ERR_VALIDATE", item,
		     "Rule has 'append' key but no rule by that name already exists");
	}
	if (!keys)
		FAIL(d, "LOAD_ERR_VALIDATE", item,
		     replace ? "The rule must have at least one field that can be replaced"
			     : "Appended rule must have exceptions or condition property");
	if (!replace) {
		if (((keys & K_CONDITION) && append_text(&prev->cond, v->cond) < 0) ||
		    ((keys & K_OUTPUT) && append_text(&prev->output, v->output) < 0) ||
		    ((keys & K_DESC) && append_text(&prev->desc, v->desc) < 0))
			OOM(d, item);
		for (size_t i = 0; (keys & K_TAGS) && i < v->tags.n; i++) {
			int have = 0;
			for (size_t k = 0; k < prev->tags.n && !have; k++)
				have = strcmp(prev->tags.v[k], v->tags.v[i]) == 0;
			if (!have && rl_strs_add(&prev->tags, v->tags.v[i]) < 0)
				OOM(d, item);
		}
		if ((keys & K_EXCEPTIONS) && append_exceptions(rs, prev, v->ex, v->nex) < 0)
			return -1;
	} else {
#define TAKE(bit, field)                                                                   \
	if (keys & (bit)) {                                                                \
		free(prev->field);                                                         \
		prev->field = v->field;                                                    \
		v->field = NULL;                                                           \
	}
		TAKE(K_CONDITION, cond)
		TAKE(K_OUTPUT, output)
		TAKE(K_DESC, desc)
#undef TAKE
		if (keys & K_TAGS) {
			rl_strs_free(&prev->tags);
			prev->tags = v->tags;
			memset(&v->tags, 0, sizeof(v->tags));
		}
		if (keys & K_EXCEPTIONS) {
			for (size_t i = 0; i < v->nex; i++)
				if (rl_exception_validate(rs, &v->ex[i], !prev->unknown_source) < 0)
					return -1;
			for (size_t i = 0; i < prev->nex; i++)
				rl_exception_free(&prev->ex[i]);
			free(prev->ex);
			prev->ex = v->ex;
			prev->nex = v->nex;
			v->ex = NULL;
			v->nex = 0;
		}
		if (keys & K_PRIORITY)
			prev->priority = v->priority;
		if (keys & K_ENABLED)
			prev->enabled = v->enabled;
		if (keys & K_WARN_EVTTYPES)
			prev->warn_evttypes = v->warn_evttypes;
		if (keys & K_SKIP_UNKNOWN)
			prev->skip_unknown = v->skip_unknown;
	}
	if (keys & K_CONDITION)
		prev->cond_ctx = v->cond_ctx;
	prev->visibility = rs->cur_index++;
	return 0;
}

/* Reads the keys of `keys` present in the rule item into `v`. Returns 0 or -1. */
static int get_rule_keys(struct rd *d, const struct yaml_node *item, unsigned keys, int append,
			 struct rl_rule *v)
{
	char *prio = NULL;
	if ((keys & K_CONDITION) && get_str(d, item, "condition", 0, 0, &v->cond) < 0)
		return -1;
	if (keys & K_CONDITION)
		v->cond_ctx = at(d, yaml_map_get(item, "condition"));
	if ((keys & K_OUTPUT) && get_str(d, item, "output", 0, 0, &v->output) < 0)
		return -1;
	if (keys & K_OUTPUT)
		v->output_ctx = at(d, yaml_map_get(item, "output"));
	if ((keys & K_DESC) && get_str(d, item, "desc", 0, 0, &v->desc) < 0)
		return -1;
	if (keys & K_PRIORITY) {
		if (get_str(d, item, "priority", 0, 0, &prio) < 0)
			return -1;
		int p = fnet_priority_parse(prio);
		free(prio);
		if (p < 0)
			FAIL(d, "LOAD_ERR_VALIDATE", yaml_map_get(item, "priority"), "Invalid priority");
		v->priority = (enum fnet_priority)p;
	}
	if (((keys & K_ENABLED) && get_bool(d, item, "enabled", 0, &v->enabled) < 0) ||
	    ((keys & K_WARN_EVTTYPES) && get_bool(d, item, "warn_evttypes", 0, &v->warn_evttypes) < 0) ||
	    ((keys & K_SKIP_UNKNOWN) &&
	     get_bool(d, item, "skip-if-unknown-filter", 0, &v->skip_unknown) < 0) ||
	    ((keys & K_TAGS) && get_seq(d, item, "tags", 0, &v->tags) < 0))
		return -1;
	if (keys & K_EXCEPTIONS) {
		const char *type = d->type, *name = d->name;
		if (get_exceptions(d, item, append, &v->ex, &v->nex) < 0)
			return -1;
		d->type = type;
		d->name = name;
	}
	return 0;
}

/* The keys of `set` written in the item. */
static unsigned present_keys(const struct yaml_node *item, unsigned set)
{
	unsigned r = 0;
	for (int i = 0; i < NKEYS; i++)
		if ((set & (1u << i)) && yaml_map_get(item, key_names[i]))
			r |= 1u << i;
	return r;
}

static int read_rule_body(struct rd *d, const struct yaml_node *item, struct rl_rule *v)
{
	struct fnet_ruleset *rs = d->rs;
	const unsigned can_append = K_CONDITION | K_OUTPUT | K_DESC | K_TAGS | K_EXCEPTIONS;
	const unsigned can_replace = can_append | K_PRIORITY | K_CAPTURE | K_CAPTURE_DURATION |
				     K_ENABLED | K_WARN_EVTTYPES | K_SKIP_UNKNOWN;
	int append = 0;
	unsigned app, rep;
	if (get_str(d, item, "source", 1, 1, &v->source) < 0 ||
	    get_bool(d, item, "append", 1, &append) < 0 ||
	    get_overrides(d, item, can_append, can_replace, &app, &rep) < 0)
		return -1;
	if (append && (app | rep))
		FAIL(d, "LOAD_ERR_VALIDATE", item,
		     "Keys 'override' and 'append: true' cannot be used together. Add an 'append' "
		     "entry (e.g. 'condition: append') under 'override' instead.");
	if (app | rep) {
		unsigned expected = present_keys(item, can_replace);
		for (int pass = 0; pass < 2; pass++) {
			unsigned want = pass ? rep : app;
			for (int i = 0; i < NKEYS; i++)
				if ((want & (1u << i)) && !(expected & (1u << i)))
					FAIL(d, "LOAD_ERR_VALIDATE", item,
					     "An %s override for '%s' was specified but '%s' is not defined",
					     pass ? "replace" : "append", key_names[i], key_names[i]);
		}
		unsigned extra = expected & ~(app | rep);
		for (int i = 0; i < NKEYS; i++)
			if (extra & (1u << i))
				FAIL(d, "LOAD_ERR_VALIDATE", yaml_map_get(item, key_names[i]),
				     "Unexpected key '%s': no corresponding entry under 'override' is "
				     "defined.",
				     key_names[i]);
		if (app) {
			if (get_rule_keys(d, item, app, 1, v) < 0 || update_rule(d, item, v, app, 0) < 0)
				return -1;
		}
		if (rep) {
			if (get_rule_keys(d, item, rep, 0, v) < 0 || update_rule(d, item, v, rep, 1) < 0)
				return -1;
		}
		return 0;
	}
	if (append) {
		unsigned keys = present_keys(item, K_CONDITION | K_EXCEPTIONS);
		if (get_rule_keys(d, item, keys, 1, v) < 0)
			return -1;
		return update_rule(d, item, v, keys, 0);
	}
	if (!present_keys(item, K_CONDITION | K_OUTPUT | K_DESC | K_PRIORITY)) {
		/* `enabled` alone turns an earlier rule on or off */
		if (get_bool(d, item, "enabled", 0, &v->enabled) < 0)
			return -1;
		WARN(d, "LOAD_DEPRECATED_ITEM", item,
		     "The standalone 'enabled' key usage is deprecated. The correct approach requires "
		     "also a 'replace' entry under the 'override' key (i.e. 'enabled: replace').");
		struct rl_rule *prev = FIND(rs->rules, rs->nrules, v->name);
		if (!prev)
			FAIL(d, "LOAD_ERR_VALIDATE", item,
			     "Rule has 'enabled' key but no rule by that name already exists");
		prev->enabled = v->enabled;
		return 0;
	}
	/* a full definition */
	v->enabled = v->warn_evttypes = 1;
	if (get_rule_keys(d, item, K_CONDITION | K_OUTPUT | K_DESC | K_PRIORITY, 0, v) < 0)
		return -1;
	/* Falco trims the output */
	size_t n = strlen(v->output), b = 0;
	while (n && isspace((unsigned char)v->output[n - 1]))
		v->output[--n] = 0;
	while (isspace((unsigned char)v->output[b]))
		b++;
	memmove(v->output, v->output + b, n - b + 1);
	if (!v->source || !*v->source) {
		free(v->source);
		if (!(v->source = strdup("syscall")))
			OOM(d, item);
	}
	if (get_rule_keys(d, item,
			  present_keys(item, K_ENABLED | K_WARN_EVTTYPES | K_SKIP_UNKNOWN | K_TAGS |
						     K_EXCEPTIONS),
			  0, v) < 0)
		return -1;
	struct rl_rule *prev = FIND(rs->rules, rs->nrules, v->name);
	if (prev && strcmp(prev->source, v->source) != 0)
		FAIL(d, "LOAD_ERR_VALIDATE", item, "Rule has been re-defined with a different source");
	if (!is_known_source(v->source)) {
		v->unknown_source = 1;
		WARN(d, "LOAD_UNKNOWN_SOURCE", item, "Unknown source %s, skipping", v->source);
	}
	for (size_t i = 0; i < v->nex; i++) {
		if (!v->ex[i].has_fields) {
			rl_msg(rs, 1, "LOAD_ERR_VALIDATE", "exception", v->ex[i].name, &v->ex[i].ctx,
			       "Rule exception item must have fields property with a list of fields");
			return -1;
		}
		if (rl_exception_validate(rs, &v->ex[i], !v->unknown_source) < 0)
			return -1;
	}
	if (prev) {
		v->index = prev->index;
		v->visibility = rs->cur_index++;
		rule_free(prev);
		*prev = *v;
	} else {
		if (grow((void **)&rs->rules, &rs->rules_cap, rs->nrules, sizeof(*v)) < 0)
			OOM(d, item);
		v->index = v->visibility = rs->cur_index++;
		rs->rules[rs->nrules++] = *v;
	}
	memset(v, 0, sizeof(*v));
	return 0;
}

static int read_rule(struct rd *d, const struct yaml_node *item)
{
	static const char *const known[] = {"rule",     "condition",  "output",  "desc",
					    "priority", "source",     "enabled", "capture",
					    "capture_duration",       "warn_evttypes",
					    "skip-if-unknown-filter", "tags",    "exceptions",
					    "override", "append",     NULL};
	struct rl_rule v = {0};
	d->type = "rule";
	if (get_str(d, item, "rule", 0, 0, &v.name) < 0)
		return -1;
	d->name = v.name;
	v.ctx = at(d, item);
	/* the body may hand the rule, name and all, to the collection */
	char *name = strdup(v.name ? v.name : "");
	int rc = read_rule_body(d, item, &v);
	d->type = "rule";
	d->name = name ? name : "";
	if (rc == 0)
		warn_unknown_keys(d, item, known);
	d->name = "";
	free(name);
	rule_free(&v);
	return rc;
}

/* "x.y.z" or a plain number N (Falco's old numbering, 0.N.0); 0 or -1. */
static int parse_version(const char *s, unsigned v[3])
{
	char *end;
	v[0] = v[1] = v[2] = 0;
	if (!isdigit((unsigned char)*s))
		return -1;
	unsigned long a = strtoul(s, &end, 10);
	if (!*end) {
		v[1] = (unsigned)a;
		return 0;
	}
	for (int i = 0; i < 3; i++) {
		if (i) {
			if (*end != '.' || !isdigit((unsigned char)end[1]))
				return -1;
			s = end + 1;
			a = strtoul(s, &end, 10);
		}
		v[i] = (unsigned)a;
	}
	return *end ? -1 : 0;
}

static int read_engine_version(struct rd *d, const struct yaml_node *item)
{
	char *s = NULL;
	unsigned v[3];
	d->type = "required_engine_version";
	d->name = "";
	if (get_str(d, item, "required_engine_version", 0, 0, &s) < 0)
		return -1;
	int bad = parse_version(s, v);
	if (bad) {
		free(s);
		FAIL(d, "LOAD_ERR_YAML_VALIDATE", yaml_map_get(item, "required_engine_version"),
		     "Can't decode YAML scalar value");
	}
	unsigned have = d->rs->opts.engine_version;
	if (v[0] != 0 || v[1] > have || (v[1] == have && v[2] > 0)) {
		struct rl_ctx c = at(d, item);
		rl_msg(d->rs, 1, "LOAD_ERR_VALIDATE", d->type, "", &c,
		       "Rules require engine version %s, but engine version is 0.%u.0", s, have);
		free(s);
		return -1;
	}
	free(s);
	if (v[1] > d->rs->required_engine)
		d->rs->required_engine = v[1];
	return 0;
}

/* required_plugin_versions: checked for shape; falconet runs no plugins. */
static int read_plugin_versions(struct rd *d, const struct yaml_node *item)
{
	const struct yaml_node *s = yaml_map_get(item, "required_plugin_versions");
	d->type = "required_plugin_versions";
	d->name = "";
	if (s->kind != YAML_NODE_SEQ)
		FAIL(d, "LOAD_ERR_YAML_VALIDATE", s, "Value of required_plugin_versions must be a sequence");
	for (size_t i = 0; i < s->n; i++) {
		char *name = NULL, *version = NULL;
		if (s->items[i]->kind != YAML_NODE_MAP)
			FAIL(d, "LOAD_ERR_YAML_VALIDATE", s->items[i], "Plugin version must be a mapping");
		int rc = get_str(d, s->items[i], "name", 0, 0, &name) < 0 ||
			 get_str(d, s->items[i], "version", 0, 0, &version) < 0;
		free(name);
		free(version);
		if (rc)
			return -1;
	}
	return 0;
}

static int read_item(struct rd *d, const struct yaml_node *item)
{
	d->type = "rules content item";
	d->name = "";
	if (item->kind != YAML_NODE_MAP)
		FAIL(d, "LOAD_ERR_YAML_VALIDATE", item,
		     "Unexpected element type. Each element should be a yaml associative array.");
	if (yaml_map_get(item, "required_engine_version"))
		return read_engine_version(d, item);
	if (yaml_map_get(item, "required_plugin_versions"))
		return read_plugin_versions(d, item);
	if (yaml_map_get(item, "list"))
		return read_list(d, item);
	if (yaml_map_get(item, "macro"))
		return read_macro(d, item);
	if (yaml_map_get(item, "rule"))
		return read_rule(d, item);
	WARN(d, "LOAD_UNKNOWN_ITEM", item, "Unknown top level item");
	return 0;
}

int rl_read_items(struct fnet_ruleset *rs, const struct rl_file *f, const struct yaml_stream *ys)
{
	struct rd d = {rs, f, "rules content", ""};
	for (size_t i = 0; i < ys->ndocs; i++) {
		const struct yaml_node *doc = ys->docs[i];
		if (!doc || yaml_is_null(doc))
			continue;
		d.type = "rules content";
		d.name = "";
		if (doc->kind == YAML_NODE_SCALAR)
			FAIL(&d, "LOAD_ERR_YAML_VALIDATE", doc, "Rules content is not yaml");
		if (doc->kind != YAML_NODE_SEQ)
			FAIL(&d, "LOAD_ERR_YAML_VALIDATE", doc, "Rules content is not yaml array of objects");
		for (size_t k = 0; k < doc->n; k++)
			if (!yaml_is_null(doc->items[k]) && read_item(&d, doc->items[k]) < 0)
				return -1;
	}
	return 0;
}
