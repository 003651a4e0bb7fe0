#include "rule_stats.h"

#include <ctype.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

int rule_stats_init(struct rule_stats *s, size_t nrules)
{
	memset(s, 0, sizeof(*s));
	s->by_rule = calloc(nrules ? nrules : 1, sizeof(*s->by_rule));
	s->nrules = nrules;
	return s->by_rule ? 0 : -1;
}

void rule_stats_count(struct rule_stats *s, const struct fnet_rule *r)
{
	s->total++;
	if ((unsigned)r->priority <= FNET_PRIO_DEBUG)
		s->by_priority[r->priority]++;
	if (r->index < s->nrules)
		s->by_rule[r->index]++;
}

/* Falco's short priority names: "Informational" is "INFO" here. */
static void print_severity(FILE *f, enum fnet_priority p)
{
	const char *name = p == FNET_PRIO_INFORMATIONAL ? "Info" : fnet_priority_name(p);
	fputs("   ", f);
	for (const char *c = name; *c; c++)
		fputc(toupper((unsigned char)*c), f);
}

void rule_stats_print(const struct rule_stats *s, const struct fnet_ruleset *rs, FILE *f)
{
	fprintf(f, "Events detected: %" PRIu64 "\n", s->total);
	fputs("Rule counts by severity:\n", f);
	for (int p = FNET_PRIO_EMERGENCY; p <= FNET_PRIO_DEBUG; p++) {
		if (!s->by_priority[p])
			continue;
		print_severity(f, (enum fnet_priority)p);
		fprintf(f, ": %" PRIu64 "\n", s->by_priority[p]);
	}
	fputs("Triggered rules by rule name:\n", f);
	size_t n = fnet_ruleset_count(rs);
	for (size_t i = 0; i < n && i < s->nrules; i++)
		if (s->by_rule[i])
			fprintf(f, "   %s: %" PRIu64 "\n", fnet_ruleset_rule(rs, i)->name, s->by_rule[i]);
}

void rule_stats_free(struct rule_stats *s)
{
	free(s->by_rule);
	s->by_rule = NULL;
}
