/*
 * Alert counts of a run and Falco's summary of them (stats_manager.cpp of
 * falcosecurity/falco):
 *
 *   Events detected: 8
 *   Rule counts by severity:
 *      WARNING: 8
 *   Triggered rules by rule name:
 *      open_from_cat: 8
 *
 * Severities are upper-case short priority names, most severe first; only the
 * non-zero counts are listed, rules in rule-set order.
 */
#ifndef FNET_REPLAY_RULE_STATS_H
#define FNET_REPLAY_RULE_STATS_H

#include <stdint.h>
#include <stdio.h>

#include "ruleset.h"

struct rule_stats {
	uint64_t total;
	uint64_t by_priority[FNET_PRIO_DEBUG + 1];
	uint64_t *by_rule; /* indexed by fnet_rule.index */
	size_t nrules;
};

/* Returns 0, or -1 when out of memory. */
int rule_stats_init(struct rule_stats *s, size_t nrules);

/* Counts one alert of rule `r`. */
void rule_stats_count(struct rule_stats *s, const struct fnet_rule *r);

/* Prints the summary of the rules of `rs` to `f`. */
void rule_stats_print(const struct rule_stats *s, const struct fnet_ruleset *rs, FILE *f);

void rule_stats_free(struct rule_stats *s);

#endif
