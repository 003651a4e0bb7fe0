/*
 * Load messages: Falco's codes with their one-line descriptions
 * (falco_load_result.cpp), and each message's item, position and snippet.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rules_internal.h"

static const struct {
	const char *code, *desc;
} codes[] = {
	{"LOAD_ERR_FILE_READ", "File read error"},
	{"LOAD_ERR_YAML_PARSE", "YAML parse error"},
	{"LOAD_ERR_YAML_VALIDATE", "Error validating internal structure of YAML file"},
	{"LOAD_ERR_COMPILE_CONDITION", "Error compiling condition"},
	{"LOAD_ERR_COMPILE_OUTPUT", "Error compiling output"},
	{"LOAD_ERR_VALIDATE", "Error validating rule/macro/list/exception objects"},
	{"LOAD_ERR_EXTENSION", "Error in extension item"},
	{"LOAD_UNKNOWN_SOURCE", "Unknown event source"},
	{"LOAD_UNSAFE_NA_CHECK", "Unsafe <NA> comparison in condition"},
	{"LOAD_NO_EVTTYPE", "Condition has no event-type restriction"},
	{"LOAD_UNKNOWN_FILTER", "Unknown field or event-type in condition or output"},
	{"LOAD_UNUSED_MACRO", "Unused macro"},
	{"LOAD_UNUSED_LIST", "Unused list"},
	{"LOAD_UNKNOWN_ITEM", "Unknown rules file item"},
	{"LOAD_DEPRECATED_ITEM", "Used deprecated item"},
	{"LOAD_WARNING_EXTENSION", "Warning in extension item"},
	{"LOAD_APPEND_NO_VALUES", "Overriding/appending with no values"},
	{"LOAD_EXCEPTION_NAME_NOT_UNIQUE", "Multiple exceptions defined with the same name"},
	{"LOAD_INVALID_MACRO_NAME", "Invalid macro name"},
	{"LOAD_INVALID_LIST_NAME", "Invalid list name"},
	{"LOAD_COMPILE_CONDITION", "Warning in rule condition"},
	{"LOAD_UNKNOWN_KEY", "Unknown key in item definition"},
};

const char *fnet_load_code_desc(const char *code)
{
	for (size_t i = 0; code && i < sizeof(codes) / sizeof(codes[0]); i++)
		if (strcmp(codes[i].code, code) == 0)
			return codes[i].desc;
	return "Unknown code";
}

/* The line at `offset` of file `name` and a caret under the column, or "". */
static char *snippet(const struct fnet_ruleset *rs, const struct rl_ctx *ctx)
{
	const struct rl_file *f = NULL;
	for (size_t i = 0; ctx && i < rs->nfiles; i++)
		if (rs->files[i].name == ctx->file)
			f = &rs->files[i];
	if (!f || !f->text || ctx->line <= 0 || ctx->offset > f->len)
		return strdup("");
	size_t b = ctx->offset, e = ctx->offset;
	while (b > 0 && f->text[b - 1] != '\n')
		b--;
	while (e < f->len && f->text[e] != '\n')
		e++;
	size_t col = ctx->offset - b;
	char *s = malloc((e - b) + col + 4);
	if (!s)
		return NULL;
	memcpy(s, f->text + b, e - b);
	size_t n = e - b;
	s[n++] = '\n';
	for (size_t i = 0; i < col; i++)
		s[n++] = f->text[b + i] == '\t' ? '\t' : ' ';
	s[n++] = '^';
	s[n] = 0;
	return s;
}

void rl_msg(struct fnet_ruleset *rs, int is_error, const char *code, const char *item_type,
	    const char *item_name, const struct rl_ctx *ctx, const char *fmt, ...)
{
	if (!rs->nresults)
		return;
	struct fnet_load_result *r = &rs->results[rs->nresults - 1];
	size_t *cap = &rs->results_cap[rs->nresults - 1];
	if (r->nmsgs == *cap) {
		size_t c = *cap ? 2 * *cap : 8;
		struct fnet_load_msg *m = realloc((void *)r->msgs, c * sizeof(*m));
		if (!m)
			return;
		r->msgs = m;
		*cap = c;
	}
	char text[2048];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(text, sizeof(text), fmt, ap);
	va_end(ap);
	struct fnet_load_msg *m = (struct fnet_load_msg *)&r->msgs[r->nmsgs];
	memset(m, 0, sizeof(*m));
	m->is_error = is_error;
	m->code = code;
	m->item_type = item_type;
	m->item_name = strdup(item_name ? item_name : "");
	m->file = strdup(ctx && ctx->file ? ctx->file : r->file);
	m->line = ctx ? ctx->line : 0;
	m->column = ctx ? ctx->column : 0;
	m->offset = ctx ? ctx->offset : 0;
	m->message = strdup(text);
	m->snippet = snippet(rs, ctx);
	if (!m->item_name || !m->file || !m->message || !m->snippet) {
		free(m->item_name);
		free(m->file);
		free(m->message);
		free(m->snippet);
		return;
	}
	r->nmsgs++;
	if (is_error)
		r->successful = 0;
}

int rl_result_begin(struct fnet_ruleset *rs, const struct rl_file *f)
{
	size_t n = rs->nresults + 1;
	struct fnet_load_result *r = realloc(rs->results, n * sizeof(*r));
	if (!r)
		return -1;
	rs->results = r;
	size_t *c = realloc(rs->results_cap, n * sizeof(*c));
	if (!c)
		return -1;
	rs->results_cap = c;
	memset(&r[n - 1], 0, sizeof(*r));
	if (!(r[n - 1].file = strdup(f->name)))
		return -1;
	r[n - 1].successful = 1;
	c[n - 1] = 0;
	rs->nresults = n;
	return 0;
}

void rl_results_free(struct fnet_ruleset *rs)
{
	for (size_t i = 0; i < rs->nresults; i++) {
		struct fnet_load_result *r = &rs->results[i];
		for (size_t k = 0; k < r->nmsgs; k++) {
			struct fnet_load_msg *m = (struct fnet_load_msg *)&r->msgs[k];
			free(m->item_name);
			free(m->file);
			free(m->message);
			free(m->snippet);
		}
		free((void *)r->msgs);
		free(r->file);
	}
	free(rs->results);
	free(rs->results_cap);
	rs->results = NULL;
	rs->results_cap = NULL;
	rs->nresults = 0;
}
