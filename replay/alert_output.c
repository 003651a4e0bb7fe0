#include "alert_output.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "format.h"
#include "json_printer.h"
#include "strbuf.h"
#include "time_format.h"

/* A rule's output, compiled on its first alert: the line and the fields as JSON. */
struct rule_format {
	struct out_format *text, *fields;
};

struct alert_output {
	const struct falco_config *cfg;
	char hostname[256];
	struct rule_format *rules;
	size_t nrules;
	struct fnet_strbuf text, fields, line;
	FILE *file;
};

/* Falco's prefix and the rule's output (a leading '*' of the output dropped). */
static char *full_format(const struct falco_config *cfg, const struct fnet_rule *r)
{
	const char *out = r->output ? r->output : "";
	if (out[0] == '*')
		out++;
	const char *time = cfg && cfg->time_iso8601 ? "*%evt.time.iso8601: " : "*%evt.time: ";
	const char *prio = fnet_priority_name(r->priority);
	size_t len = strlen(time) + strlen(prio) + 1 + strlen(out) + 1;
	char *s = malloc(len);
	if (s)
		snprintf(s, len, "%s%s %s", time, prio, out);
	return s;
}

static struct out_format *compile(const char *fmt, int json, char *err, size_t errsize, int *col)
{
	struct out_options oo = {TIME_HUMAN, BUF_DOTS, FNET_DEFAULT_BYTEBUF_MAX, time_local_offset(),
				 json};
	return out_format_compile(fmt, &oo, err, errsize, col);
}

int alert_output_check(void *ctx, const char *output, char *err, size_t errsize)
{
	(void)ctx;
	char why[256];
	int col = 0;
	struct out_format *f = compile(output, 0, why, sizeof(why), &col);
	if (f) {
		out_format_free(f);
		return 0;
	}
	/* Falco names the token: the text after the '%' (and '{') at the error */
	size_t at = col > 0 ? (size_t)col - 1 : 0;
	size_t len = strlen(output);
	if (at < len && output[at] == '%')
		at++;
	if (at < len && output[at] == '{')
		at++;
	size_t n = 0;
	while (at + n < len && output[at + n] != ' ' && output[at + n] != '}' &&
	       output[at + n] != ')' && output[at + n] != ',' && output[at + n] != '"')
		n++;
	if (n)
		snprintf(err, errsize, "invalid formatting token %.*s", (int)n, output + at);
	else
		snprintf(err, errsize, "%s", why);
	return -1;
}

struct alert_output *alert_output_new(const struct falco_config *cfg, size_t nrules, char *err,
				      size_t errsize)
{
	struct alert_output *a = calloc(1, sizeof(*a));
	if (!a || !(a->rules = calloc(nrules ? nrules : 1, sizeof(*a->rules)))) {
		free(a);
		snprintf(err, errsize, "out of memory");
		return NULL;
	}
	a->cfg = cfg;
	a->nrules = nrules;
	const char *h = getenv("FALCO_HOSTNAME");
	if (h)
		snprintf(a->hostname, sizeof(a->hostname), "%s", h);
	else if (gethostname(a->hostname, sizeof(a->hostname) - 1) < 0)
		a->hostname[0] = '\0';
	if (cfg->file_enabled && cfg->file_name) {
		a->file = fopen(cfg->file_name, "a");
		if (!a->file) {
			snprintf(err, errsize, "file_output: %s: %s", cfg->file_name, strerror(errno));
			alert_output_free(a);
			return NULL;
		}
	}
	return a;
}

static int prepare(struct alert_output *a, const struct fnet_rule *r, struct rule_format **out)
{
	if (r->index >= a->nrules)
		return -1;
	struct rule_format *rf = &a->rules[r->index];
	if (!rf->text) {
		char *fmt = full_format(a->cfg, r);
		char err[256];
		int col;
		if (fmt) {
			rf->text = compile(fmt, 0, err, sizeof(err), &col);
			rf->fields = compile(fmt, 1, err, sizeof(err), &col);
		}
		free(fmt);
		if (!rf->text || !rf->fields) /* checked at load: only memory fails here */
			return -1;
	}
	*out = rf;
	return 0;
}

static void put_key(struct fnet_strbuf *b, const char *key, int first)
{
	if (!first)
		fnet_strbuf_putc(b, ',');
	json_put_string(b, key, strlen(key));
	fnet_strbuf_putc(b, ':');
}

/* Falco's JSON alert around the text line (without its newline) and the fields. */
static void build_json(struct alert_output *a, const struct fnet_rule *r, uint64_t ts_ns)
{
	struct fnet_strbuf *b = &a->line;
	const struct falco_config *c = a->cfg;
	fnet_strbuf_putc(b, '{');
	put_key(b, "hostname", 1);
	json_put_string(b, a->hostname, strlen(a->hostname));
	if (c->json_include_output) {
		put_key(b, "output", 0);
		json_put_string(b, a->text.ptr, a->text.len);
	}
	put_key(b, "priority", 0);
	const char *prio = fnet_priority_name(r->priority);
	json_put_string(b, prio, strlen(prio));
	put_key(b, "rule", 0);
	json_put_string(b, r->name, strlen(r->name));
	put_key(b, "source", 0);
	json_put_string(b, r->source, strlen(r->source));
	if (c->json_include_tags) {
		put_key(b, "tags", 0);
		fnet_strbuf_putc(b, '[');
		for (size_t i = 0; i < r->ntags; i++) {
			if (i)
				fnet_strbuf_putc(b, ',');
			json_put_string(b, r->tags[i], strlen(r->tags[i]));
		}
		fnet_strbuf_putc(b, ']');
	}
	put_key(b, "time", 0);
	char t[TIME_TEXT_MAX];
	size_t n = time_format_iso8601(t, ts_ns);
	if (n >= 5 && strcmp(t + n - 5, "+0000") == 0) /* Falco writes UTC as Z here */
		n -= 5;
	t[n++] = 'Z';
	json_put_string(b, t, n);
	fnet_strbuf_append(b, ", \"output_fields\": ", 19);
	fnet_strbuf_append(b, a->fields.ptr, a->fields.len);
	fnet_strbuf_append(b, "}\n", 2);
}

static int write_all(FILE *f, const struct fnet_strbuf *b)
{
	return fwrite(b->ptr, 1, b->len, f) == b->len ? 0 : -1;
}

static int run_program(const char *cmd, const struct fnet_strbuf *b)
{
	fflush(stdout);
	FILE *p = popen(cmd, "w");
	if (!p)
		return -1;
	int rc = write_all(p, b);
	return pclose(p) == -1 || rc < 0 ? -1 : 0;
}

int alert_output_emit(struct alert_output *a, const struct fnet_rule *r, const struct out_event *e)
{
	struct rule_format *rf;
	if (prepare(a, r, &rf) < 0) {
		errno = ENOMEM;
		return -1;
	}
	fnet_strbuf_reset(&a->text);
	fnet_strbuf_reset(&a->line);
	out_format_print(rf->text, &a->text, e);
	if (a->text.len && a->text.ptr[a->text.len - 1] == '\n')
		a->text.len--;
	if (a->cfg->json_output) {
		fnet_strbuf_reset(&a->fields);
		out_format_print(rf->fields, &a->fields, e);
		if (a->fields.len && a->fields.ptr[a->fields.len - 1] == '\n')
			a->fields.len--;
		build_json(a, r, e->ev->ts_ns);
	} else {
		fnet_strbuf_append(&a->line, a->text.ptr, a->text.len);
		fnet_strbuf_putc(&a->line, '\n');
	}
	if (a->text.oom || a->line.oom || a->fields.oom) {
		errno = ENOMEM;
		return -1;
	}
	int rc = 0;
	if (a->cfg->stdout_enabled && write_all(stdout, &a->line) < 0)
		rc = -1;
	if (a->file && write_all(a->file, &a->line) < 0)
		rc = -1;
	if (a->cfg->program_enabled && a->cfg->program && run_program(a->cfg->program, &a->line) < 0)
		rc = -1;
	return rc;
}

int alert_output_free(struct alert_output *a)
{
	if (!a)
		return 0;
	int rc = 0;
	if (a->file && fclose(a->file) != 0)
		rc = -1;
	for (size_t i = 0; i < a->nrules; i++) {
		out_format_free(a->rules[i].text);
		out_format_free(a->rules[i].fields);
	}
	free(a->rules);
	fnet_strbuf_free(&a->text);
	fnet_strbuf_free(&a->fields);
	fnet_strbuf_free(&a->line);
	free(a);
	return rc;
}
