#include "test_spec.h"

#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test_regex.h"
#include "yaml_tree.h"

int tstr_list_add(struct tstr_list *l, const char *s)
{
	char *copy = strdup(s);
	char **v = copy ? realloc(l->v, (l->n + 1) * sizeof(*v)) : NULL;
	if (!v) {
		free(copy);
		return -1;
	}
	l->v = v;
	l->v[l->n++] = copy;
	return 0;
}

int tstr_list_addf(struct tstr_list *l, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *s = NULL;
	int rc = vasprintf(&s, fmt, ap);
	va_end(ap);
	if (rc < 0)
		return -1;
	rc = tstr_list_add(l, s);
	free(s);
	return rc;
}

void tstr_list_free(struct tstr_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = 0;
}

/* Where problems are reported. */
struct pctx {
	const char *path;
	char *err;
	size_t errsize;
};

__attribute__((format(printf, 3, 4))) static int bad(struct pctx *c, const struct yaml_node *n,
						     const char *fmt, ...)
{
	int k = snprintf(c->err, c->errsize, "%s:%d:%d: ", c->path, n->line, n->column);
	if (k < 0 || (size_t)k >= c->errsize)
		return -1;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(c->err + k, c->errsize - (size_t)k, fmt, ap);
	va_end(ap);
	return -1;
}

static int oom(struct pctx *c)
{
	snprintf(c->err, c->errsize, "%s: out of memory", c->path);
	return -1;
}

/* A scalar as a string ("" for null). */
static int read_string(struct pctx *c, const struct yaml_node *n, const char *key, char **out)
{
	if (n->kind != YAML_NODE_SCALAR)
		return bad(c, n, "%s: expected a string", key);
	free(*out);
	*out = strdup(yaml_is_null(n) ? "" : n->value);
	return *out ? 0 : oom(c);
}

static int read_bool(struct pctx *c, const struct yaml_node *n, const char *key, enum tbool *out)
{
	int v;
	if (yaml_get_bool(n, &v) < 0)
		return bad(c, n, "%s: expected true or false", key);
	*out = v ? TB_TRUE : TB_FALSE;
	return 0;
}

static int read_int(struct pctx *c, const struct yaml_node *n, const char *key, long long *out)
{
	char *end;
	errno = 0;
	if (n->kind == YAML_NODE_SCALAR && !n->quoted && n->len) {
		long long v = strtoll(n->value, &end, 10);
		if (!errno && !*end) {
			*out = v;
			return 0;
		}
	}
	return bad(c, n, "%s: expected an integer", key);
}

/* A string or a list of strings; null or "" is the empty list. */
static int read_list(struct pctx *c, const struct yaml_node *n, const char *key, struct tstr_list *out)
{
	tstr_list_free(out);
	if (n->kind == YAML_NODE_SCALAR) {
		if (yaml_is_null(n) || n->len == 0)
			return 0;
		return tstr_list_add(out, n->value) < 0 ? oom(c) : 0;
	}
	if (n->kind != YAML_NODE_SEQ)
		return bad(c, n, "%s: expected a string or a list of strings", key);
	for (size_t i = 0; i < n->n; i++) {
		const struct yaml_node *it = n->items[i];
		if (it->kind != YAML_NODE_SCALAR)
			return bad(c, it, "%s: expected a string", key);
		if (tstr_list_add(out, yaml_is_null(it) ? "" : it->value) < 0)
			return oom(c);
	}
	return 0;
}

/* A list of Python regexes, each checked by compiling it now. */
static int read_regexes(struct pctx *c, const struct yaml_node *n, const char *key, int dotall,
			struct tstr_list *out)
{
	if (read_list(c, n, key, out) < 0)
		return -1;
	for (size_t i = 0; i < out->n; i++) {
		struct py_regex re;
		char msg[256];
		if (py_regex_compile(&re, out->v[i], dotall, msg, sizeof(msg)) < 0) {
			const struct yaml_node *at = n->kind == YAML_NODE_SEQ ? n->items[i] : n;
			return bad(c, at, "%s: bad regular expression '%s': %s", key, out->v[i], msg);
		}
		py_regex_free(&re);
	}
	return 0;
}

/*
 * The pairs of a list of one-or-more-key maps ([{a: 1}, {b: 2, c: 3}]) or of one
 * map, handed one by one to `pair`.
 */
static int each_pair(struct pctx *c, const struct yaml_node *n, const char *key, void *arg,
		     int (*pair)(struct pctx *, const struct yaml_node *k, const struct yaml_node *v,
				 void *arg))
{
	if (yaml_is_null(n))
		return 0;
	const struct yaml_node *const *maps = (const struct yaml_node *const *)&n;
	size_t nmaps = 1;
	if (n->kind == YAML_NODE_SEQ) {
		maps = (const struct yaml_node *const *)n->items;
		nmaps = n->n;
	}
	for (size_t i = 0; i < nmaps; i++) {
		const struct yaml_node *m = maps[i];
		if (m->kind != YAML_NODE_MAP)
			return bad(c, m, "%s: expected a list of maps", key);
		for (size_t j = 0; j < m->n; j++) {
			if (m->items[2 * j]->kind != YAML_NODE_SCALAR)
				return bad(c, m->items[2 * j], "%s: expected a string key", key);
			if (pair(c, m->items[2 * j], m->items[2 * j + 1], arg) < 0)
				return -1;
		}
	}
	return 0;
}

static int grow(void **arr, size_t *n, size_t size)
{
	void *p = realloc(*arr, (*n + 1) * size);
	if (!p)
		return -1;
	memset((char *)p + *n * size, 0, size);
	*arr = p;
	(*n)++;
	return 0;
}

static int count_pair(struct pctx *c, const struct yaml_node *k, const struct yaml_node *v, void *arg)
{
	struct tcase *t = arg;
	long long n;
	if (read_int(c, v, "detect_counts", &n) < 0)
		return -1;
	if (grow((void **)&t->counts, &t->ncounts, sizeof(*t->counts)) < 0)
		return oom(c);
	struct tcount *e = &t->counts[t->ncounts - 1];
	e->count = n;
	return (e->rule = strdup(k->value)) ? 0 : oom(c);
}

static int strict_pair(struct pctx *c, const struct yaml_node *k, const struct yaml_node *v, void *arg)
{
	struct tcase *t = arg;
	if (grow((void **)&t->strict, &t->nstrict, sizeof(*t->strict)) < 0)
		return oom(c);
	struct tstrict *e = &t->strict[t->nstrict - 1];
	if (!(e->actual = strdup(k->value)))
		return oom(c);
	if (read_string(c, v, "output_strictly_contains", &e->expected) < 0)
		return -1;
	if (!*e->expected)
		return bad(c, v, "output_strictly_contains: expected the path of a file of expected lines");
	return 0;
}

static int outputs_pair(struct pctx *c, const struct yaml_node *k, const struct yaml_node *v, void *arg)
{
	struct tcase *t = arg;
	if (grow((void **)&t->outputs, &t->noutputs, sizeof(*t->outputs)) < 0)
		return oom(c);
	struct tfile_regex *e = &t->outputs[t->noutputs - 1];
	if (!(e->file = strdup(k->value)))
		return oom(c);
	if (read_string(c, v, "outputs", &e->regex) < 0)
		return -1;
	struct py_regex re;
	char msg[256];
	if (py_regex_compile(&re, e->regex, 0, msg, sizeof(msg)) < 0)
		return bad(c, v, "outputs: bad regular expression '%s': %s", e->regex, msg);
	py_regex_free(&re);
	return 0;
}

static int events_pair(struct pctx *c, const struct yaml_node *k, const struct yaml_node *v, void *arg)
{
	struct tcase *t = arg;
	if (grow((void **)&t->rules_events, &t->nrules_events, sizeof(*t->rules_events)) < 0)
		return oom(c);
	struct trule_events *e = &t->rules_events[t->nrules_events - 1];
	if (!(e->rule = strdup(k->value)))
		return oom(c);
	return read_list(c, v, "rules_events", &e->events);
}

/* validate_errors / validate_warnings: a list of {code, item_type, item_name, message...}. */
static int read_load_expects(struct pctx *c, const struct yaml_node *n, const char *key,
			     struct tload_expect **arr, size_t *count)
{
	if (yaml_is_null(n))
		return 0;
	if (n->kind != YAML_NODE_SEQ)
		return bad(c, n, "%s: expected a list of {code, item_type, item_name, message}", key);
	for (size_t i = 0; i < n->n; i++) {
		const struct yaml_node *m = n->items[i];
		if (m->kind != YAML_NODE_MAP)
			return bad(c, m, "%s: expected a map {code, item_type, item_name, message}", key);
		if (grow((void **)arr, count, sizeof(**arr)) < 0)
			return oom(c);
		struct tload_expect *e = &(*arr)[*count - 1];
		e->line = m->line;
		e->column = m->column;
		static const struct {
			const char *name;
			size_t off;
		} fields[] = {
			{"code", offsetof(struct tload_expect, code)},
			{"item_type", offsetof(struct tload_expect, item_type)},
			{"item_name", offsetof(struct tload_expect, item_name)},
			{"message", offsetof(struct tload_expect, message)},
			{"message_contains", offsetof(struct tload_expect, message_contains)},
		};
		for (size_t j = 0; j < m->n; j++) {
			const struct yaml_node *k = m->items[2 * j];
			size_t f = 0;
			while (f < sizeof(fields) / sizeof(fields[0]) &&
			       (k->kind != YAML_NODE_SCALAR || strcmp(k->value, fields[f].name)))
				f++;
			if (f == sizeof(fields) / sizeof(fields[0]))
				return bad(c, k, "%s: unknown key (expected code, item_type, item_name, "
						 "message or message_contains)", key);
			if (read_string(c, m->items[2 * j + 1], fields[f].name,
					(char **)((char *)e + fields[f].off)) < 0)
				return -1;
		}
		const char *missing = !e->code ? "code" : !e->item_type ? "item_type"
							: !e->item_name ? "item_name" : NULL;
		if (missing)
			return bad(c, m, "%s: the entry has no %s", key, missing);
		if (!e->message && !e->message_contains)
			return bad(c, m, "%s: the entry has neither message nor message_contains", key);
	}
	return 0;
}

/* Whether a key that needs a missing feature is in use (not empty, false or None). */
static int in_use(const struct yaml_node *n)
{
	int b;
	if (n->kind != YAML_NODE_SCALAR)
		return n->n > 0;
	if (yaml_get_bool(n, &b) == 0)
		return b;
	return !yaml_is_null(n) && n->len && strcmp(n->value, "None") != 0;
}

enum key_kind {
	K_STRING, K_LIST, K_BOOL, K_EXIT, K_DETECT_COUNTS, K_VERRORS, K_VWARNINGS,
	K_REGEX_DOTALL, K_REGEX_LINE, K_STRICT, K_OUTPUTS, K_RULES_EVENTS, K_CHECK_COUNTS,
	K_SOURCE, K_NEEDS, K_IGNORED,
};

struct key_desc {
	const char *name;
	enum key_kind kind;
	size_t off;        /* the field, for the generic kinds */
	const char *needs; /* K_NEEDS: what falconet does not have */
};

#define F(field) offsetof(struct tcase, field)
static const struct key_desc keys[] = {
	{"trace_file", K_STRING, F(trace_file), NULL},
	{"rules_file", K_LIST, F(rules_files), NULL},
	{"conf_file", K_STRING, F(conf_file), NULL},
	{"priority", K_STRING, F(priority), NULL},
	{"all_events", K_BOOL, F(all_events), NULL},
	{"disabled_rules", K_LIST, F(disabled_rules), NULL},
	{"disable_tags", K_LIST, F(disable_tags), NULL},
	{"run_tags", K_LIST, F(run_tags), NULL},
	{"json_output", K_BOOL, F(json_output), NULL},
	{"json_include_output_property", K_BOOL, F(json_include_output), NULL},
	{"json_include_tags_property", K_BOOL, F(json_include_tags), NULL},
	{"time_iso_8601", K_BOOL, F(time_iso_8601), NULL},
	{"detect", K_BOOL, F(detect), NULL},
	{"detect_level", K_LIST, F(detect_levels), NULL},
	{"detect_counts", K_DETECT_COUNTS, 0, NULL},
	{"check_detection_counts", K_CHECK_COUNTS, 0, NULL},
	{"exit_status", K_EXIT, 0, NULL},
	{"validate_rules_file", K_LIST, F(validate_files), NULL},
	{"validate_ok", K_LIST, F(validate_ok), NULL},
	{"validate_errors", K_VERRORS, 0, NULL},
	{"validate_warnings", K_VWARNINGS, 0, NULL},
	{"stdout_contains", K_REGEX_DOTALL, F(stdout_contains), NULL},
	{"stderr_contains", K_REGEX_DOTALL, F(stderr_contains), NULL},
	{"stdout_not_contains", K_REGEX_LINE, F(stdout_not_contains), NULL},
	{"stderr_not_contains", K_REGEX_LINE, F(stderr_not_contains), NULL},
	{"stdout_is", K_STRING, F(stdout_is), NULL},
	{"stderr_is", K_STRING, F(stderr_is), NULL},
	{"output_strictly_contains", K_STRICT, 0, NULL},
	{"outputs", K_OUTPUTS, 0, NULL},
	{"rules_warning", K_LIST, F(rules_warning), NULL},
	{"rules_events", K_RULES_EVENTS, 0, NULL},
	{"source", K_SOURCE, 0, NULL},
	{"grpc", K_NEEDS, 0, "gRPC outputs"},
	{"package", K_NEEDS, 0, "installing a Falco package"},
	{"addl_cmdline_opts", K_NEEDS, 0, "Falco's own command line options"},
	{"addl_docker_run_args", K_NEEDS, 0, "running Falco in docker"},
	{"copy_local_driver", K_NEEDS, 0, "Falco's kernel driver"},
	{"enable_source", K_NEEDS, 0, "plugin event sources"},
	{"plugins", K_NEEDS, 0, "Falco plugins"},
	{"run_duration", K_IGNORED, 0, NULL}, /* a replay ends with its trace */
	{"falcodir", K_IGNORED, 0, NULL},     /* where Falco's runner found Falco */
};
#undef F

static int read_key(struct pctx *c, const struct key_desc *d, const struct yaml_node *v, struct tcase *t)
{
	void *field = (char *)t + d->off;
	long long n;
	switch (d->kind) {
	case K_STRING:
		return read_string(c, v, d->name, field);
	case K_LIST:
		return read_list(c, v, d->name, field);
	case K_BOOL:
		return read_bool(c, v, d->name, field);
	case K_REGEX_DOTALL:
	case K_REGEX_LINE:
		return read_regexes(c, v, d->name, d->kind == K_REGEX_DOTALL, field);
	case K_EXIT:
		if (read_int(c, v, d->name, &n) < 0)
			return -1;
		if (n < 0 || n > 255)
			return bad(c, v, "exit_status: %lld is not an exit status (0 to 255)", n);
		t->exit_status = (int)n;
		return 0;
	case K_CHECK_COUNTS: {
		enum tbool b = TB_TRUE;
		if (read_bool(c, v, d->name, &b) < 0)
			return -1;
		t->check_detection_counts = b == TB_TRUE;
		return 0;
	}
	case K_DETECT_COUNTS:
		return each_pair(c, v, d->name, t, count_pair);
	case K_STRICT:
		return each_pair(c, v, d->name, t, strict_pair);
	case K_OUTPUTS:
		return each_pair(c, v, d->name, t, outputs_pair);
	case K_RULES_EVENTS:
		return each_pair(c, v, d->name, t, events_pair);
	case K_VERRORS:
		return read_load_expects(c, v, d->name, &t->verrors, &t->nverrors);
	case K_VWARNINGS:
		return read_load_expects(c, v, d->name, &t->vwarnings, &t->nvwarnings);
	case K_SOURCE:
		if (v->kind != YAML_NODE_SCALAR)
			return bad(c, v, "source: expected a string");
		if (!in_use(v) || strcmp(v->value, "syscall") == 0)
			return 0;
		if (strcmp(v->value, "k8s_audit") == 0) {
			free(t->source);
			if (!(t->source = strdup(v->value)))
				return bad(c, v, "out of memory");
			return 0;
		}
		if (!t->skip_reason &&
		    asprintf(&t->skip_reason,
			     "source '%s': falconet-replay reads syscall traces and k8s_audit logs only",
			     v->value) < 0)
			t->skip_reason = NULL;
		return 0;
	case K_NEEDS:
		if (in_use(v) && !t->skip_reason &&
		    asprintf(&t->skip_reason, "%s: needs %s, which falconet does not have", d->name,
			     d->needs) < 0)
			t->skip_reason = NULL;
		return 0;
	case K_IGNORED:
		return 0;
	}
	return 0;
}

static void case_init(struct tcase *t)
{
	memset(t, 0, sizeof(*t));
	t->all_events = t->json_output = t->json_include_output = TB_UNSET;
	t->json_include_tags = t->time_iso_8601 = t->detect = TB_UNSET;
	t->check_detection_counts = 1;
}

static int read_case(struct pctx *c, const struct yaml_node *name, const struct yaml_node *m,
		     struct tcase *t)
{
	t->line = name->line;
	t->column = name->column;
	if (!(t->name = strdup(name->value)))
		return oom(c);
	if (m->kind != YAML_NODE_MAP)
		return bad(c, m, "case '%s': expected a map of keys", name->value);
	for (size_t i = 0; i < m->n; i++) {
		const struct yaml_node *k = m->items[2 * i], *v = m->items[2 * i + 1];
		if (k->kind != YAML_NODE_SCALAR)
			return bad(c, k, "case '%s': expected a key", name->value);
		size_t d = 0;
		while (d < sizeof(keys) / sizeof(keys[0]) && strcmp(keys[d].name, k->value))
			d++;
		if (d == sizeof(keys) / sizeof(keys[0])) {
			if (tstr_list_addf(&t->warnings, "%d:%d: unknown key '%s' ignored", k->line,
					   k->column, k->value) < 0)
				return oom(c);
			continue;
		}
		if (yaml_map_get(m, k->value) != v)
			return bad(c, k, "case '%s': key '%s' given twice", name->value, k->value);
		if (read_key(c, &keys[d], v, t) < 0)
			return -1;
	}
	return 0;
}

/* The map of cases: under `tests:`, or the one map of Falco's own layout. */
static const struct yaml_node *find_cases(struct pctx *c, const struct yaml_node *root, struct tspec *s)
{
	if (!root || root->kind != YAML_NODE_MAP) {
		if (root)
			bad(c, root, "expected a map with the key 'tests'");
		else
			snprintf(c->err, c->errsize, "%s: empty spec: expected a map with the key 'tests'",
				 c->path);
		return NULL;
	}
	const struct yaml_node *tests = yaml_map_get(root, "tests");
	if (!tests && root->n == 1 && root->items[1]->kind == YAML_NODE_MAP)
		return root->items[1];
	if (!tests) {
		bad(c, root, "no 'tests:' map of cases");
		return NULL;
	}
	for (size_t i = 0; i < root->n; i++) {
		const struct yaml_node *k = root->items[2 * i];
		if (k->kind == YAML_NODE_SCALAR && strcmp(k->value, "tests") == 0)
			continue;
		if (tstr_list_addf(&s->warnings, "%d:%d: unknown top-level key '%s' ignored", k->line,
				   k->column, k->kind == YAML_NODE_SCALAR ? k->value : "?") < 0) {
			oom(c);
			return NULL;
		}
	}
	if (yaml_is_null(tests))
		return tests;
	if (tests->kind != YAML_NODE_MAP) {
		bad(c, tests, "tests: expected a map of case name -> keys");
		return NULL;
	}
	return tests;
}

int tspec_parse(const char *path, const char *text, size_t len, struct tspec *s, char *err,
		size_t errsize)
{
	memset(s, 0, sizeof(*s));
	struct pctx c = {path, err, errsize};
	struct yaml_stream ys;
	char msg[256];
	int line = 0, col = 0;
	size_t off = 0;
	if (yaml_parse(text, len, &ys, msg, sizeof(msg), &line, &col, &off) < 0) {
		snprintf(err, errsize, "%s:%d:%d: %s", path, line, col, msg);
		return -1;
	}
	s->path = strdup(path);
	const char *slash = strrchr(path, '/');
	s->dir = slash ? strndup(path, (size_t)(slash - path + (slash == path))) : strdup(".");
	int rc = -1;
	if (!s->path || !s->dir) {
		oom(&c);
		goto out;
	}
	if (ys.ndocs > 1) {
		for (size_t i = 1; i < ys.ndocs; i++)
			if (ys.docs[i]) {
				bad(&c, ys.docs[i], "a spec is one YAML document; this is a second one");
				goto out;
			}
	}
	const struct yaml_node *cases = find_cases(&c, ys.ndocs ? ys.docs[0] : NULL, s);
	if (!cases)
		goto out;
	size_t n = cases->kind == YAML_NODE_MAP ? cases->n : 0;
	if (n && !(s->cases = calloc(n, sizeof(*s->cases)))) {
		oom(&c);
		goto out;
	}
	for (size_t i = 0; i < n; i++) {
		const struct yaml_node *k = cases->items[2 * i];
		if (k->kind != YAML_NODE_SCALAR) {
			bad(&c, k, "expected a case name");
			goto out;
		}
		if (yaml_map_get(cases, k->value) != cases->items[2 * i + 1]) {
			bad(&c, k, "case '%s' given twice", k->value);
			goto out;
		}
		case_init(&s->cases[i]);
		s->n++;
		if (read_case(&c, k, cases->items[2 * i + 1], &s->cases[i]) < 0)
			goto out;
	}
	rc = 0;
out:
	yaml_stream_free(&ys);
	if (rc < 0)
		tspec_free(s);
	return rc;
}

int tspec_load(const char *path, struct tspec *out, char *err, size_t errsize)
{
	memset(out, 0, sizeof(*out));
	FILE *f = fopen(path, "rb");
	if (!f) {
		snprintf(err, errsize, "%s: cannot open: %s", path, strerror(errno));
		return -1;
	}
	char *text = NULL;
	size_t len = 0, cap = 0;
	for (;;) {
		if (len == cap) {
			cap = cap ? cap * 2 : 65536;
			char *p = realloc(text, cap);
			if (!p) {
				free(text);
				fclose(f);
				snprintf(err, errsize, "%s: out of memory", path);
				return -1;
			}
			text = p;
		}
		size_t got = fread(text + len, 1, cap - len, f);
		len += got;
		if (got == 0)
			break;
	}
	int rd_err = ferror(f);
	fclose(f);
	if (rd_err) {
		free(text);
		snprintf(err, errsize, "%s: read error", path);
		return -1;
	}
	int rc = tspec_parse(path, text, len, out, err, errsize);
	free(text);
	return rc;
}

static void free_loads(struct tload_expect *e, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(e[i].code);
		free(e[i].item_type);
		free(e[i].item_name);
		free(e[i].message);
		free(e[i].message_contains);
	}
	free(e);
}

static void case_free(struct tcase *t)
{
	free(t->name);
	free(t->trace_file);
	free(t->conf_file);
	free(t->source);
	free(t->priority);
	free(t->stdout_is);
	free(t->stderr_is);
	free(t->skip_reason);
	struct tstr_list *lists[] = {
		&t->rules_files, &t->disabled_rules, &t->disable_tags, &t->run_tags,
		&t->detect_levels, &t->validate_files, &t->validate_ok, &t->stdout_contains,
		&t->stderr_contains, &t->stdout_not_contains, &t->stderr_not_contains,
		&t->rules_warning, &t->warnings,
	};
	for (size_t i = 0; i < sizeof(lists) / sizeof(lists[0]); i++)
		tstr_list_free(lists[i]);
	for (size_t i = 0; i < t->ncounts; i++)
		free(t->counts[i].rule);
	free(t->counts);
	free_loads(t->verrors, t->nverrors);
	free_loads(t->vwarnings, t->nvwarnings);
	for (size_t i = 0; i < t->nstrict; i++) {
		free(t->strict[i].actual);
		free(t->strict[i].expected);
	}
	free(t->strict);
	for (size_t i = 0; i < t->noutputs; i++) {
		free(t->outputs[i].file);
		free(t->outputs[i].regex);
	}
	free(t->outputs);
	for (size_t i = 0; i < t->nrules_events; i++) {
		free(t->rules_events[i].rule);
		tstr_list_free(&t->rules_events[i].events);
	}
	free(t->rules_events);
}

void tspec_free(struct tspec *s)
{
	for (size_t i = 0; i < s->n; i++)
		case_free(&s->cases[i]);
	free(s->cases);
	free(s->path);
	free(s->dir);
	tstr_list_free(&s->warnings);
	memset(s, 0, sizeof(*s));
}
