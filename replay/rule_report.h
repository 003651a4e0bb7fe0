/*
 * Reports about loaded rules: load messages on stderr, Falco's validation
 * result (--validate), and the rule listing (--list-rules, --describe-rule).
 */
#ifndef FNET_REPLAY_RULE_REPORT_H
#define FNET_REPLAY_RULE_REPORT_H

#include <stddef.h>
#include <stdio.h>

#include "ruleset.h"

/*
 * Prints the load messages of `rs`, one a line with the snippet under it:
 * "FILE:LINE:COLUMN: error CODE: ITEM_TYPE 'ITEM_NAME': MESSAGE": the errors when
 * `errors` is nonzero, the warnings when `warnings` is.
 */
void rule_report_messages(const struct fnet_ruleset *rs, FILE *out, int errors, int warnings);

/*
 * Loads `files` one after the other into `rs` (each sees the items of the ones
 * before, as in Falco) and prints the result: with `json`, Falco's validation
 * object on one line, {"falco_load_results":[{"errors":[..],"name":FILE,
 * "successful":BOOL,"warnings":[..]}...]}, each message {"code","codedesc",
 * "context":{"locations":[{"item_name","item_type","position":{"column","line",
 * "name","offset"}}],"snippet"},"message"} (rule_loader.cpp's as_json); else
 * Falco's text summary, "FILE: Ok", "FILE: Ok, with warnings" or "FILE: Invalid"
 * and its errors. Returns 0 when every file is valid, 1 otherwise.
 */
int rule_report_validate(struct fnet_ruleset *rs, const char *const *files, size_t nfiles,
			 int json, FILE *out);

/*
 * --list-rules (`name` NULL): every rule's name and description, in two columns
 * under a "Rule / Description" header, as Falco's -L; --describe-rule NAME: that
 * rule in full (description, condition, output, priority, source, tags, whether
 * it is on). Returns 0, or -1 when no rule is called `name` (reported on stderr).
 */
int rule_report_describe(const struct fnet_ruleset *rs, const char *name, FILE *out);

#endif
