/* Falco's summary of detections, and detect / detect_level / detect_counts (see test_checks.h). */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "test_checks.h"

static int add_count(struct tcount **arr, size_t *n, const char *name, size_t len, long long v)
{
	struct tcount *p = realloc(*arr, (*n + 1) * sizeof(*p));
	if (!p)
		return -1;
	*arr = p;
	if (!(p[*n].rule = strndup(name, len)))
		return -1;
	p[(*n)++].count = v;
	return 0;
}

/* An indented "   NAME: N" line: the name (after the indent, before the last ": ") and N. */
static int count_line(const char *line, size_t len, const char **name, size_t *nlen, long long *v)
{
	size_t i = 0;
	while (i < len && line[i] == ' ')
		i++;
	if (i == 0 || i == len)
		return 0;
	size_t colon = len;
	while (colon > i + 1 && !(line[colon - 2] == ':' && line[colon - 1] == ' '))
		colon--;
	if (colon <= i + 1)
		return 0;
	char *end;
	long long n = strtoll(line + colon, &end, 10);
	if (end == line + colon || (size_t)(end - line) != len)
		return 0;
	*name = line + i;
	*nlen = colon - 2 - i;
	*v = n;
	return 1;
}

int tsummary_parse(const char *text, size_t len, struct tsummary *s)
{
	static const char head[] = "Events detected: ";
	memset(s, 0, sizeof(*s));
	enum { NONE, LEVELS, RULES } section = NONE;
	for (size_t pos = 0; pos < len;) {
		const char *line = text + pos;
		const char *nl = memchr(line, '\n', len - pos);
		size_t llen = nl ? (size_t)(nl - line) : len - pos;
		pos += llen + 1;
		if (llen && line[llen - 1] == '\r')
			llen--;
		if (!s->found) {
			if (llen > sizeof(head) - 1 && memcmp(line, head, sizeof(head) - 1) == 0) {
				s->found = 1;
				s->events = strtoll(line + sizeof(head) - 1, NULL, 10);
			}
			continue;
		}
		const char *name;
		size_t nlen;
		long long v;
		if (llen == 24 && memcmp(line, "Rule counts by severity:", 24) == 0) {
			section = LEVELS;
		} else if (llen == 29 && memcmp(line, "Triggered rules by rule name:", 29) == 0) {
			section = RULES;
		} else if (section != NONE && count_line(line, llen, &name, &nlen, &v)) {
			if (section == LEVELS ? add_count(&s->levels, &s->nlevels, name, nlen, v)
					      : add_count(&s->rules, &s->nrules, name, nlen, v))
				return -1;
		} else {
			break; /* the end of the summary */
		}
	}
	return 0;
}

void tsummary_free(struct tsummary *s)
{
	for (size_t i = 0; i < s->nlevels; i++)
		free(s->levels[i].rule);
	for (size_t i = 0; i < s->nrules; i++)
		free(s->rules[i].rule);
	free(s->levels);
	free(s->rules);
	memset(s, 0, sizeof(*s));
}

/* Priorities compare without case, "Informational" being "Info" (Falco's short form). */
static int same_priority(const char *a, const char *b)
{
	if (strncasecmp(a, "informational", 13) == 0 && !a[13])
		a = "info";
	if (strncasecmp(b, "informational", 13) == 0 && !b[13])
		b = "info";
	return strcasecmp(a, b) == 0;
}

void tcheck_detections(const struct tcase *t, const struct trun_result *r, struct tstr_list *failures)
{
	int check_detect = !t->validate_files.n && t->check_detection_counts;
	if (!check_detect && !t->ncounts)
		return;
	struct tsummary s;
	if (tsummary_parse(r->out.ptr, r->out.len, &s) < 0 ||
	    (!s.found && tsummary_parse(r->err.ptr, r->err.len, &s) < 0)) {
		tstr_list_add(failures, "out of memory");
		tsummary_free(&s);
		return;
	}
	if (!s.found) {
		tstr_list_add(failures, "no summary line 'Events detected: N' in stdout or stderr");
		tsummary_free(&s);
		return;
	}
	if (check_detect && t->detect != TB_TRUE && s.events > 0)
		tstr_list_addf(failures, "detected %lld events, expected none", s.events);
	if (check_detect && t->detect == TB_TRUE) {
		if (s.events == 0)
			tstr_list_add(failures, "detected 0 events, expected some");
		for (size_t i = 0; i < t->detect_levels.n; i++) {
			long long n = 0;
			for (size_t j = 0; j < s.nlevels; j++)
				if (same_priority(s.levels[j].rule, t->detect_levels.v[i]))
					n += s.levels[j].count;
			if (n <= 0)
				tstr_list_addf(failures, "no events detected at priority %s", t->detect_levels.v[i]);
		}
	}
	for (size_t i = 0; i < t->ncounts; i++) {
		long long n = 0;
		for (size_t j = 0; j < s.nrules; j++)
			if (strcmp(s.rules[j].rule, t->counts[i].rule) == 0)
				n = s.rules[j].count;
		if (n != t->counts[i].count)
			tstr_list_addf(failures, "rule '%s' triggered %lld times, expected %lld",
				       t->counts[i].rule, n, t->counts[i].count);
	}
	tsummary_free(&s);
}
