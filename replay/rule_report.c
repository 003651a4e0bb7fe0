#include "rule_report.h"

#include <cjson/cJSON.h>
#include <string.h>

static void print_msg(const struct fnet_load_msg *m, FILE *out)
{
	fprintf(out, "%s:%d:%d: %s %s: %s '%s': %s\n", m->file, m->line, m->column,
		m->is_error ? "error" : "warning", m->code, m->item_type, m->item_name, m->message);
	if (m->snippet && *m->snippet)
		fprintf(out, "%s%s", m->snippet, m->snippet[strlen(m->snippet) - 1] == '\n' ? "" : "\n");
}

void rule_report_messages(const struct fnet_ruleset *rs, FILE *out, int errors, int warnings)
{
	size_t n;
	const struct fnet_load_result *res = fnet_ruleset_results(rs, &n);
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < res[i].nmsgs; j++)
			if (res[i].msgs[j].is_error ? errors : warnings)
				print_msg(&res[i].msgs[j], out);
}

static cJSON *msg_json(const struct fnet_load_msg *m)
{
	cJSON *o = cJSON_CreateObject(), *ctx = cJSON_CreateObject();
	cJSON *locs = cJSON_CreateArray(), *loc = cJSON_CreateObject(), *pos = cJSON_CreateObject();
	cJSON_AddStringToObject(o, "code", m->code);
	cJSON_AddStringToObject(o, "codedesc", fnet_load_code_desc(m->code));
	cJSON_AddStringToObject(loc, "item_name", m->item_name);
	cJSON_AddStringToObject(loc, "item_type", m->item_type);
	cJSON_AddNumberToObject(pos, "column", m->column);
	cJSON_AddNumberToObject(pos, "line", m->line);
	cJSON_AddStringToObject(pos, "name", m->file);
	cJSON_AddNumberToObject(pos, "offset", (double)m->offset);
	cJSON_AddItemToObject(loc, "position", pos);
	cJSON_AddItemToArray(locs, loc);
	cJSON_AddItemToObject(ctx, "locations", locs);
	cJSON_AddStringToObject(ctx, "snippet", m->snippet ? m->snippet : "");
	cJSON_AddItemToObject(o, "context", ctx);
	cJSON_AddStringToObject(o, "message", m->message);
	return o;
}

static cJSON *result_json(const struct fnet_load_result *r)
{
	cJSON *o = cJSON_CreateObject(), *errs = cJSON_CreateArray(), *warns = cJSON_CreateArray();
	for (size_t j = 0; j < r->nmsgs; j++)
		cJSON_AddItemToArray(r->msgs[j].is_error ? errs : warns, msg_json(&r->msgs[j]));
	cJSON_AddItemToObject(o, "errors", errs);
	cJSON_AddStringToObject(o, "name", r->file);
	cJSON_AddBoolToObject(o, "successful", r->successful);
	cJSON_AddItemToObject(o, "warnings", warns);
	return o;
}

static void result_text(const struct fnet_load_result *r, FILE *out)
{
	size_t nerr = 0, nwarn = 0;
	for (size_t j = 0; j < r->nmsgs; j++)
		r->msgs[j].is_error ? nerr++ : nwarn++;
	if (!nerr) {
		fprintf(out, "%s: Ok%s\n", r->file, nwarn ? ", with warnings" : "");
		return;
	}
	fprintf(out, "%s: Invalid\n", r->file);
	for (size_t j = 0; j < r->nmsgs; j++)
		if (r->msgs[j].is_error)
			print_msg(&r->msgs[j], out);
}

int rule_report_validate(struct fnet_ruleset *rs, const char *const *files, size_t nfiles,
			 int json, FILE *out)
{
	for (size_t i = 0; i < nfiles; i++)
		fnet_ruleset_load(rs, files[i]);
	size_t n;
	const struct fnet_load_result *res = fnet_ruleset_results(rs, &n);
	int failed = 0;
	cJSON *all = json ? cJSON_CreateArray() : NULL;
	for (size_t i = 0; i < n; i++) {
		failed |= !res[i].successful;
		if (json)
			cJSON_AddItemToArray(all, result_json(&res[i]));
		else
			result_text(&res[i], out);
	}
	if (json) {
		cJSON *root = cJSON_CreateObject();
		cJSON_AddItemToObject(root, "falco_load_results", all);
		char *text = cJSON_PrintUnformatted(root);
		if (text)
			fprintf(out, "%s\n", text);
		cJSON_free(text);
		cJSON_Delete(root);
	} else {
		/* warnings go to stderr, as Falco logs them */
		rule_report_messages(rs, stderr, 0, 1);
	}
	return failed;
}

/* One rule in full, as --describe-rule shows it. */
static void describe_one(const struct fnet_rule *r, int on, FILE *out)
{
	fprintf(out, "Rule: %s\nDescription: %s\nCondition: %s\nOutput: %s\nPriority: %s\n"
		     "Source: %s\nTags: [",
		r->name, r->desc ? r->desc : "", r->condition, r->output,
		fnet_priority_name(r->priority), r->source);
	for (size_t k = 0; k < r->ntags; k++)
		fprintf(out, "%s%s", k ? ", " : "", r->tags[k]);
	fprintf(out, "]\nEnabled: %s%s\n", on ? "true" : "false",
		r->skipped ? " (skipped: a field or event type it uses is unknown)" : "");
}

int rule_report_describe(const struct fnet_ruleset *rs, const char *name, FILE *out)
{
	size_t n = fnet_ruleset_count(rs), shown = 0;
	if (name) {
		for (size_t i = 0; i < n; i++) {
			const struct fnet_rule *r = fnet_ruleset_rule(rs, i);
			if (strcmp(r->name, name) != 0)
				continue;
			if (shown++)
				fputc('\n', out);
			describe_one(r, fnet_ruleset_is_on(rs, i), out);
		}
		if (!shown) {
			fprintf(stderr, "falconet-replay: --describe-rule: no rule called '%s'\n", name);
			return -1;
		}
		return 0;
	}
	fprintf(out, "%-50s %s\n%-50s %s\n", "Rule", "Description", "----", "-----------");
	for (size_t i = 0; i < n; i++) {
		const struct fnet_rule *r = fnet_ruleset_rule(rs, i);
		fprintf(out, "%-50s %s\n", r->name, r->desc ? r->desc : "");
	}
	return 0;
}
