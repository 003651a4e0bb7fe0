/*
 * The rule set: files read and parsed, their items collected, everything
 * compiled again after each file (so that each file gets its own result, as
 * Falco's validation reports), and the accessors.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "file_read.h"
#include "rules_internal.h"

/* The engine version a rule file may require (required_engine_version 0.N.0). */
#define FNET_RULES_ENGINE_VERSION 57

struct fnet_ruleset *fnet_ruleset_new(const struct fnet_ruleset_opts *opts)
{
	struct fnet_ruleset *rs = calloc(1, sizeof(*rs));
	if (!rs)
		return NULL;
	if (opts)
		rs->opts = *opts;
	if (!rs->opts.engine_version)
		rs->opts.engine_version = FNET_RULES_ENGINE_VERSION;
	return rs;
}

/* Keeps the file's name and text for messages. NULL on allocation failure. */
static struct rl_file *add_file(struct fnet_ruleset *rs, const char *name, const char *text,
				size_t len)
{
	struct rl_file *f = realloc(rs->files, (rs->nfiles + 1) * sizeof(*f));
	if (!f)
		return NULL;
	rs->files = f;
	f = &rs->files[rs->nfiles];
	memset(f, 0, sizeof(*f));
	f->name = strdup(name);
	f->text = malloc(len + 1);
	if (!f->name || !f->text) {
		free(f->name);
		free(f->text);
		return NULL;
	}
	memcpy(f->text, text, len);
	f->text[len] = 0;
	f->len = len;
	rs->nfiles++;
	return f;
}

int fnet_ruleset_load_text(struct fnet_ruleset *rs, const char *name, const char *text, size_t len)
{
	char err[512];
	int line, col;
	size_t off;
	struct yaml_stream ys;
	struct rl_file *f = add_file(rs, name, text, len);
	if (!f || rl_result_begin(rs, f) < 0)
		return -1;
	if (yaml_parse(text, len, &ys, err, sizeof(err), &line, &col, &off) < 0) {
		struct rl_ctx c = {f->name, line, col, off};
		rl_msg(rs, 1, "LOAD_ERR_YAML_PARSE", "rules content", "", &c,
		       "yaml-cpp: error at line %d, column %d: %s", line, col, err);
		return -1;
	}
	int rc = rl_read_items(rs, f, &ys);
	yaml_stream_free(&ys);
	if (rc == 0 && rl_compile(rs) == 0) {
		rl_index_rules(rs);
		return 0;
	}
	return -1;
}

static int load_file(struct fnet_ruleset *rs, const char *path)
{
	size_t len = 0;
	char *buf = fnet_read_file(path, &len);
	if (!buf) {
		int e = errno;
		struct rl_file *f = add_file(rs, path, "", 0);
		if (!f || rl_result_begin(rs, f) < 0)
			return -1;
		struct rl_ctx c = {f->name, 0, 0, 0};
		rl_msg(rs, 1, "LOAD_ERR_FILE_READ", "rules content", "", &c,
		       "Could not open file %s for reading: %s", path, strerror(e));
		return -1;
	}
	int rc = fnet_ruleset_load_text(rs, path, buf, len);
	free(buf);
	return rc;
}

static int has_yaml_suffix(const char *n)
{
	size_t l = strlen(n);
	return (l > 5 && strcmp(n + l - 5, ".yaml") == 0) || (l > 4 && strcmp(n + l - 4, ".yml") == 0);
}

static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int fnet_ruleset_load(struct fnet_ruleset *rs, const char *path)
{
	struct stat st;
	if (stat(path, &st) < 0 || !S_ISDIR(st.st_mode))
		return load_file(rs, path);
	DIR *dir = opendir(path);
	if (!dir)
		return load_file(rs, path);
	char **names = NULL;
	size_t n = 0;
	int rc = 0;
	struct dirent *de;
	while ((de = readdir(dir))) {
		if (!has_yaml_suffix(de->d_name))
			continue;
		char **v = realloc(names, (n + 1) * sizeof(*v));
		if (!v)
			break;
		names = v;
		size_t l = strlen(path) + strlen(de->d_name) + 2;
		if (!(names[n] = malloc(l)))
			break;
		snprintf(names[n++], l, "%s/%s", path, de->d_name);
	}
	closedir(dir);
	qsort(names, n, sizeof(*names), cmp_names);
	for (size_t i = 0; i < n; i++) {
		if (fnet_ruleset_load(rs, names[i]) < 0)
			rc = -1;
		free(names[i]);
	}
	free(names);
	return rc;
}

const struct fnet_load_result *fnet_ruleset_results(const struct fnet_ruleset *rs, size_t *n)
{
	*n = rs->nresults;
	return rs->results;
}

size_t fnet_ruleset_count(const struct fnet_ruleset *rs)
{
	return rs->ncompiled;
}

const struct fnet_rule *fnet_ruleset_rule(const struct fnet_ruleset *rs, size_t i)
{
	return i < rs->ncompiled ? &rs->compiled[i] : NULL;
}

void fnet_ruleset_free(struct fnet_ruleset *rs)
{
	if (!rs)
		return;
	rl_items_free(rs);
	rl_results_free(rs);
	rl_compiled_free(rs->compiled, rs->ncompiled);
	rl_index_reset(rs);
	free(rs->on);
	for (size_t i = 0; i < rs->nfiles; i++) {
		free(rs->files[i].name);
		free(rs->files[i].text);
	}
	free(rs->files);
	free(rs);
}
