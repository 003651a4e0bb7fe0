/* The checks of one finished case (see test_checks.h). */
#include "test_checks.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test_regex.h"

static const char *text_of(const struct trun_output *o)
{
	return o->ptr ? o->ptr : "";
}

static void check_regexes(const struct tstr_list *patterns, const struct trun_output *o,
			  const char *stream, int must_match, struct tstr_list *failures)
{
	for (size_t i = 0; i < patterns->n; i++) {
		struct py_regex re;
		char msg[256];
		/* Falco's runner: re.DOTALL for the *_contains patterns, not for *_not_contains */
		if (py_regex_compile(&re, patterns->v[i], must_match, msg, sizeof(msg)) < 0) {
			tstr_list_addf(failures, "bad regular expression '%s': %s", patterns->v[i], msg);
			continue;
		}
		int hit = py_regex_search(&re, text_of(o), o->len);
		py_regex_free(&re);
		if (hit != must_match)
			tstr_list_addf(failures, "%s %s content matching '%s'", stream,
				       must_match ? "has no" : "has", patterns->v[i]);
	}
}

/* Reads a whole file; NULL after a failure message. */
static char *slurp(const char *path, size_t *len, const char *what, struct tstr_list *failures)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		tstr_list_addf(failures, "%s '%s': cannot open: %s", what, path, strerror(errno));
		return NULL;
	}
	char *buf = NULL;
	size_t cap = 0;
	*len = 0;
	for (;;) {
		if (*len + 1 >= cap) {
			cap = cap ? cap * 2 : 65536;
			char *p = realloc(buf, cap);
			if (!p) {
				free(buf);
				fclose(f);
				tstr_list_add(failures, "out of memory");
				return NULL;
			}
			buf = p;
		}
		size_t got = fread(buf + *len, 1, cap - *len - 1, f);
		if (!got)
			break;
		*len += got;
	}
	buf[*len] = 0;
	fclose(f);
	return buf;
}

void tcheck_strictly_contains(const char *actual_name, const char *actual, size_t actual_len,
			      const char *expected_name, const char *expected, size_t expected_len,
			      struct tstr_list *failures)
{
	size_t cursor = 0, lineno = 0;
	for (size_t pos = 0; pos < expected_len;) {
		const char *line = expected + pos;
		const char *nl = memchr(line, '\n', expected_len - pos);
		size_t llen = nl ? (size_t)(nl - line) : expected_len - pos;
		pos += llen + 1;
		lineno++;
		if (llen && line[llen - 1] == '\r')
			llen--;
		const char *hit = llen ? memmem(actual + cursor, actual_len - cursor, line, llen)
				       : actual + cursor;
		if (!hit) {
			tstr_list_addf(failures, "%s does not strictly contain %s: line %zu '%.*s' is not "
						 "there after the lines before it",
				       actual_name, expected_name, lineno, (int)llen, line);
			return;
		}
		cursor = (size_t)(hit - actual) + llen;
	}
}

static void check_strict(const struct tspec *s, const struct tcase *t, const struct trun_config *cfg,
			 const struct trun_result *r, struct tstr_list *failures)
{
	for (size_t i = 0; i < t->nstrict; i++) {
		char *exp_path = trun_find(s, cfg, t->strict[i].expected, failures);
		int is_stdout = strcmp(t->strict[i].actual, "stdout") == 0;
		char *act_path = is_stdout ? NULL : trun_output_path(s, t->strict[i].actual);
		size_t elen = 0, alen = 0;
		char *exp = exp_path ? slurp(exp_path, &elen, "expected output", failures) : NULL;
		char *act = act_path ? slurp(act_path, &alen, "output file", failures) : NULL;
		if (exp && (is_stdout || act))
			tcheck_strictly_contains(is_stdout ? "stdout" : act_path,
						 is_stdout ? text_of(&r->out) : act,
						 is_stdout ? r->out.len : alen, exp_path, exp, elen, failures);
		free(exp);
		free(act);
		free(exp_path);
		free(act_path);
	}
}

/* outputs: some line of the file matches (re.search on each line). */
static void check_outputs(const struct tspec *s, const struct tcase *t, struct tstr_list *failures)
{
	for (size_t i = 0; i < t->noutputs; i++) {
		char *path = trun_output_path(s, t->outputs[i].file);
		size_t len = 0;
		char *text = path ? slurp(path, &len, "output file", failures) : NULL;
		struct py_regex re;
		char msg[256];
		if (text && py_regex_compile(&re, t->outputs[i].regex, 0, msg, sizeof(msg)) == 0) {
			int found = 0;
			for (size_t pos = 0; pos < len && !found;) {
				const char *nl = memchr(text + pos, '\n', len - pos);
				size_t llen = nl ? (size_t)(nl - (text + pos)) + 1 : len - pos;
				found = py_regex_search(&re, text + pos, llen);
				pos += llen;
			}
			py_regex_free(&re);
			if (!found)
				tstr_list_addf(failures, "no line of '%s' matches '%s'", path,
					       t->outputs[i].regex);
		}
		free(text);
		free(path);
	}
}

/* json_output: every stdout line that starts with '{' is a JSON alert with its properties. */
static void check_json_alerts(const struct tcase *t, const struct trun_result *r,
			      struct tstr_list *failures)
{
	const char *text = text_of(&r->out);
	for (size_t pos = 0; pos < r->out.len;) {
		const char *line = text + pos;
		const char *nl = memchr(line, '\n', r->out.len - pos);
		size_t llen = nl ? (size_t)(nl - line) : r->out.len - pos;
		pos += llen + 1;
		if (!llen || line[0] != '{')
			continue;
		cJSON *o = cJSON_ParseWithLength(line, llen);
		const char *want[5] = {"time", "rule", "priority", NULL, NULL};
		size_t nwant = 3;
		if (t->json_include_output != TB_FALSE)
			want[nwant++] = "output";
		if (t->json_include_tags != TB_FALSE)
			want[nwant++] = "tags";
		if (!cJSON_IsObject(o)) {
			tstr_list_addf(failures, "stdout line '%.*s' is not a JSON object", (int)llen, line);
		} else {
			for (size_t i = 0; i < nwant; i++)
				if (!cJSON_GetObjectItemCaseSensitive(o, want[i])) {
					tstr_list_addf(failures, "JSON alert '%.*s' has no property \"%s\"",
						       (int)llen, line, want[i]);
					break;
				}
		}
		cJSON_Delete(o);
		if (failures->n > 20)
			return;
	}
}

/* rules_events: "Event types for rule NAME: a,b" lines, when the run prints them. */
static void check_rules_events(const struct tcase *t, const struct trun_result *r,
			       struct tstr_list *failures, struct tstr_list *notes)
{
	static const char head[] = "Event types for rule ";
	const char *text = text_of(&r->err);
	int seen = 0;
	for (const char *p = strstr(text, head); p; p = strstr(p + 1, head)) {
		const char *name = p + sizeof(head) - 1;
		const char *colon = strchr(name, ':');
		if (!colon || colon == name || colon[1] != ' ')
			continue;
		const char *ev = colon + 2;
		size_t evlen = strcspn(ev, " \t\r\n");
		seen = 1;
		const struct trule_events *want = NULL;
		for (size_t i = 0; i < t->nrules_events; i++)
			if (strlen(t->rules_events[i].rule) == (size_t)(colon - name) &&
			    strncmp(t->rules_events[i].rule, name, (size_t)(colon - name)) == 0)
				want = &t->rules_events[i];
		/* as sets: the same number of distinct names, each of ours among theirs */
		int same = want != NULL;
		size_t nfound = 0;
		for (const char *e = ev; same && e < ev + evlen; nfound++) {
			size_t n = strcspn(e, ",");
			if (n > (size_t)(ev + evlen - e))
				n = (size_t)(ev + evlen - e);
			int in = 0;
			for (size_t j = 0; j < want->events.n; j++)
				in |= strlen(want->events.v[j]) == n && strncmp(want->events.v[j], e, n) == 0;
			same = in;
			e += n + 1;
		}
		if (same && nfound != want->events.n)
			same = 0;
		if (!same)
			tstr_list_addf(failures, "rule '%.*s': event types %.*s differ from those expected",
				       (int)(colon - name), name, (int)evlen, ev);
	}
	if (!seen)
		tstr_list_add(notes, "rules_events not checked: the run printed no 'Event types for rule' "
				     "lines (neither does Falco since 0.32)");
}

void tcheck_case(const struct tspec *s, const struct tcase *t, const struct trun_config *cfg,
		 const struct trun_result *r, struct tstr_list *failures, struct tstr_list *notes)
{
	if (r->timed_out) {
		tstr_list_addf(failures, "still running after %u s: killed", cfg->timeout_s);
		return;
	}
	if (r->signal)
		tstr_list_addf(failures, "killed by signal %d (%s)", r->signal, strsignal(r->signal));
	else if (r->exit_status != t->exit_status)
		tstr_list_addf(failures, "exit status %d, expected %d", r->exit_status, t->exit_status);
	if (r->out.truncated || r->err.truncated)
		tstr_list_addf(notes, "output beyond %zu MiB was not kept", TRUN_OUTPUT_MAX >> 20);

	const char *first = text_of(&r->out);
	tcheck_validation(t, first, strcspn(first, "\n"), failures);

	check_regexes(&t->stdout_contains, &r->out, "stdout", 1, failures);
	check_regexes(&t->stderr_contains, &r->err, "stderr", 1, failures);
	check_regexes(&t->stdout_not_contains, &r->out, "stdout", 0, failures);
	check_regexes(&t->stderr_not_contains, &r->err, "stderr", 0, failures);
	if (t->stdout_is && (strlen(t->stdout_is) != r->out.len || strcmp(t->stdout_is, text_of(&r->out))))
		tstr_list_add(failures, "stdout is not exactly stdout_is");
	if (t->stderr_is && (strlen(t->stderr_is) != r->err.len || strcmp(t->stderr_is, text_of(&r->err))))
		tstr_list_add(failures, "stderr is not exactly stderr_is");
	if (t->rules_warning.n)
		tstr_list_add(notes, "rules_warning accepted, not checked (Falco's runner did not check it)");

	/* as Falco's runner: the rest only for runs that ended well */
	if (r->signal || r->exit_status != 0)
		return;
	tcheck_detections(t, r, failures);
	if (t->json_output == TB_TRUE && !t->validate_files.n)
		check_json_alerts(t, r, failures);
	check_outputs(s, t, failures);
	check_strict(s, t, cfg, r, failures);
	if (t->nrules_events)
		check_rules_events(t, r, failures, notes);
}
