#include "falco_config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "file_read.h"
#include "ruleset.h"
#include "yaml_tree.h"

enum key_kind { KEY_BOOL, KEY_PRIORITY, KEY_STRING, KEY_MATCHING };

struct key {
	const char *name;
	enum key_kind kind;
	size_t offset;
};

#define KEY(name, kind, field) {name, kind, offsetof(struct falco_config, field)}
static const struct key keys[] = {
	KEY("priority", KEY_PRIORITY, min_priority),
	KEY("json_output", KEY_BOOL, json_output),
	KEY("json_include_output_property", KEY_BOOL, json_include_output),
	KEY("json_include_tags_property", KEY_BOOL, json_include_tags),
	KEY("time_format_iso_8601", KEY_BOOL, time_iso8601),
	KEY("rule_matching", KEY_MATCHING, match_all),
	KEY("log_stderr", KEY_BOOL, log_stderr),
	KEY("stdout_output.enabled", KEY_BOOL, stdout_enabled),
	KEY("file_output.enabled", KEY_BOOL, file_enabled),
	KEY("file_output.filename", KEY_STRING, file_name),
	KEY("program_output.enabled", KEY_BOOL, program_enabled),
	KEY("program_output.program", KEY_STRING, program),
};

void falco_config_init(struct falco_config *c)
{
	memset(c, 0, sizeof(*c));
	c->min_priority = FNET_PRIO_DEBUG;
	c->json_include_output = 1;
	c->json_include_tags = 1;
	c->log_stderr = 1;
	c->stdout_enabled = 1;
}

static const struct key *find_key(const char *name, size_t len)
{
	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
		if (strlen(keys[i].name) == len && strncmp(keys[i].name, name, len) == 0)
			return &keys[i];
	return NULL;
}

/* Booleans as YAML 1.1 and yaml-cpp read them, which is how Falco reads -o too. */
static int parse_bool(const char *v, int *out)
{
	struct yaml_node n = {.kind = YAML_NODE_SCALAR, .value = (char *)v, .len = strlen(v)};
	return yaml_get_bool(&n, out);
}

static int apply(struct falco_config *c, const struct key *k, const char *value, char *err,
		 size_t errsize)
{
	void *field = (char *)c + k->offset;
	int b;
	switch (k->kind) {
	case KEY_BOOL:
		if (parse_bool(value, &b) < 0) {
			snprintf(err, errsize, "%s: '%s' is not a boolean", k->name, value);
			return -1;
		}
		*(int *)field = b;
		return 0;
	case KEY_PRIORITY:
		if ((b = fnet_priority_parse(value)) < 0) {
			snprintf(err, errsize, "%s: unknown priority '%s'", k->name, value);
			return -1;
		}
		*(int *)field = b;
		return 0;
	case KEY_MATCHING:
		if (strcasecmp(value, "first") && strcasecmp(value, "all")) {
			snprintf(err, errsize, "%s: '%s' is neither first nor all", k->name, value);
			return -1;
		}
		*(int *)field = strcasecmp(value, "all") == 0;
		return 0;
	case KEY_STRING: {
		char *copy = strdup(value);
		if (!copy) {
			snprintf(err, errsize, "out of memory");
			return -1;
		}
		free(*(char **)field);
		*(char **)field = copy;
		return 0;
	}
	}
	return 0;
}

int falco_config_set(struct falco_config *c, const char *assignment, char *err, size_t errsize)
{
	const char *eq = strchr(assignment, '=');
	if (!eq) {
		snprintf(err, errsize, "'%s' is not KEY=VALUE", assignment);
		return -1;
	}
	const struct key *k = find_key(assignment, (size_t)(eq - assignment));
	if (!k) /* Falco accepts any key; the ones falconet has no use for do nothing */
		return 0;
	return apply(c, k, eq + 1, err, errsize);
}

static int add_rules_file(struct falco_config *c, const char *path)
{
	char **v = realloc(c->rules_files, (c->nrules_files + 1) * sizeof(*v));
	if (!v)
		return -1;
	c->rules_files = v;
	if (!(v[c->nrules_files] = strdup(path)))
		return -1;
	c->nrules_files++;
	return 0;
}

/*
 * syscall_event_drops: a trace replay drops nothing, so falconet has no use for
 * these keys, but it refuses the settings Falco refuses, with Falco's words.
 */
static int check_event_drops(const struct yaml_node *m, const char *path, char *err,
			     size_t errsize)
{
	const struct yaml_node *acts = yaml_map_get(m, "actions");
	int ignore = 0;
	for (size_t i = 0; acts && acts->kind == YAML_NODE_SEQ && i < acts->n; i++) {
		const char *a = acts->items[i]->kind == YAML_NODE_SCALAR ? acts->items[i]->value : "";
		if (strcmp(a, "ignore") == 0) {
			ignore = 1;
		} else if (strcmp(a, "log") == 0 || strcmp(a, "alert") == 0) {
			if (ignore) {
				snprintf(err, errsize,
					 "Error reading config file (%s): syscall event drop action \"%s\" "
					 "does not make sense with the \"ignore\" action",
					 path, a);
				return -1;
			}
		} else if (strcmp(a, "exit") != 0) {
			snprintf(err, errsize,
				 "Error reading config file (%s): available actions for syscall event "
				 "drops are \"ignore\", \"log\", \"alert\", and \"exit\"",
				 path);
			return -1;
		}
	}
	const struct yaml_node *t = yaml_map_get(m, "threshold");
	if (t && t->kind == YAML_NODE_SCALAR) {
		char *end;
		double v = strtod(t->value, &end);
		if (end == t->value || *end || v < 0 || v > 1) {
			snprintf(err, errsize,
				 "Error reading config file (%s): syscall event drops threshold must be "
				 "a double in the range [0, 1]",
				 path);
			return -1;
		}
	}
	return 0;
}

/* Applies the known keys under map `m`, whose dotted path is `prefix`. */
static int load_map(struct falco_config *c, const struct yaml_node *m, const char *prefix,
		    const char *path, char *err, size_t errsize)
{
	for (size_t i = 0; i < m->n; i++) {
		const struct yaml_node *k = m->items[2 * i], *v = m->items[2 * i + 1];
		if (k->kind != YAML_NODE_SCALAR)
			continue;
		char name[256];
		snprintf(name, sizeof(name), "%s%s%s", prefix, *prefix ? "." : "", k->value);
		if (!*prefix && strcmp(name, "rules_file") == 0) {
			for (size_t j = 0; v->kind == YAML_NODE_SEQ && j < v->n; j++)
				if (v->items[j]->kind == YAML_NODE_SCALAR &&
				    add_rules_file(c, v->items[j]->value) < 0)
					goto oom;
			if (v->kind == YAML_NODE_SCALAR && add_rules_file(c, v->value) < 0)
				goto oom;
			continue;
		}
		if (!*prefix && strcmp(name, "syscall_event_drops") == 0 && v->kind == YAML_NODE_MAP) {
			if (check_event_drops(v, path, err, errsize) < 0)
				return -1;
			continue;
		}
		if (v->kind == YAML_NODE_MAP) {
			if (load_map(c, v, name, path, err, errsize) < 0)
				return -1;
			continue;
		}
		const struct key *key = find_key(name, strlen(name));
		if (!key || v->kind != YAML_NODE_SCALAR)
			continue;
		char why[256];
		if (apply(c, key, v->value, why, sizeof(why)) < 0) {
			snprintf(err, errsize, "%s:%d:%d: %s", path, v->line, v->column, why);
			return -1;
		}
	}
	return 0;
oom:
	snprintf(err, errsize, "%s: out of memory", path);
	return -1;
}

int falco_config_load(struct falco_config *c, const char *path, char *err, size_t errsize)
{
	size_t len;
	char *text = fnet_read_file(path, &len);
	if (!text) {
		snprintf(err, errsize, "%s: %s", path, strerror(errno));
		return -1;
	}
	struct yaml_stream s;
	char why[256];
	int line, col;
	size_t off;
	int rc = 0;
	if (yaml_parse(text, len, &s, why, sizeof(why), &line, &col, &off) < 0) {
		snprintf(err, errsize, "%s:%d:%d: %s", path, line, col, why);
		rc = -1;
	} else {
		for (size_t i = 0; i < s.ndocs && rc == 0; i++) {
			const struct yaml_node *root = s.docs[i];
			if (!root)
				continue;
			if (root->kind != YAML_NODE_MAP) {
				snprintf(err, errsize, "%s:%d:%d: a configuration is a map of keys",
					 path, root->line, root->column);
				rc = -1;
			} else {
				rc = load_map(c, root, "", path, err, errsize);
			}
		}
		yaml_stream_free(&s);
	}
	free(text);
	return rc;
}

void falco_config_free(struct falco_config *c)
{
	free(c->file_name);
	free(c->program);
	for (size_t i = 0; i < c->nrules_files; i++)
		free(c->rules_files[i]);
	free(c->rules_files);
	memset(c, 0, sizeof(*c));
}
