/*
 * falconet-replay with Falco rules: --validate, --list-rules, --describe-rule,
 * and --rules, which runs a trace through the rules and prints alerts (see
 * alert_output.h) and Falco's summary (rule_stats.h).
 *
 * As Falco (0.35, whose regression suite falconet runs): in a live stream (standard
 * input fed by a pipe or socket) and without --all-events, the high-volume event
 * types that Falco's "simple consumer" mode drops are not run through the rules
 * (the types flagged EF_DROP_SIMPLE_CONS in libs e5c53d64's event table: read,
 * write, close, fstat, mmap, futex, ...); trace files run whole, as Falco's -A
 * "affects live captures only"; an event raises the
 * alert of the first rule, in rule-set order, that it matches (rule_matching:
 * first, Falco's default; -o rule_matching=all raises one per matching rule).
 */
#ifndef FNET_REPLAY_RULES_MODE_H
#define FNET_REPLAY_RULES_MODE_H

#include "options.h"

/*
 * Runs the rules mode of options `o`. Returns the exit status: 0; 1 when rules
 * are invalid, the configuration is bad or rule options conflict (Falco's
 * status); 2 for bad input (an unreadable or damaged trace, a bad filter).
 */
int rules_mode_run(const struct replay_options *o);

#endif
