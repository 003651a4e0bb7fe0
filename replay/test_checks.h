/*
 * The expectations of a regression case, checked against a finished run, with
 * the meaning Falco's runner (test/falco_test.py) gave them:
 *
 * - exit_status: always. validate_ok / validate_errors / validate_warnings:
 *   always, on the validation JSON that is the first line of stdout.
 * - stdout_contains / stderr_contains (re.search with DOTALL), the *_not_contains
 *   (without DOTALL), stdout_is / stderr_is: always.
 * - When the run exited 0: detect / detect_level (unless a validation, or
 *   check_detection_counts is false; detect absent reads as false), detect_counts,
 *   the JSON alerts (json_output), outputs, output_strictly_contains, rules_events.
 *
 * Falco's summary, printed after the alerts (stdout in text mode, stderr in JSON
 * mode; the format of Falco's stats_manager::format):
 *   Events detected: 8
 *   Rule counts by severity:
 *      WARNING: 8
 *   Triggered rules by rule name:
 *      open_from_cat: 8
 * detect is "Events detected" > 0; detect_level each listed priority has a line
 * with a count > 0; detect_counts the exact count of each rule, absent = 0.
 */
#ifndef FNET_REPLAY_TEST_CHECKS_H
#define FNET_REPLAY_TEST_CHECKS_H

#include <stddef.h>

#include "test_case_run.h"
#include "test_spec.h"

struct tsummary {
	int found;           /* an "Events detected: N" line was seen */
	long long events;
	struct tcount *levels; /* "Rule counts by severity:" lines, names as printed */
	size_t nlevels;
	struct tcount *rules;  /* "Triggered rules by rule name:" lines */
	size_t nrules;
};

/*
 * Reads Falco's summary from the first "Events detected: N" line at the start of
 * a line of `text` (len bytes) onwards. Returns 0 (also when there is none: then
 * s->found is 0), -1 out of memory. Free with tsummary_free.
 */
int tsummary_parse(const char *text, size_t len, struct tsummary *s);
void tsummary_free(struct tsummary *s);

/*
 * Each check appends one message to `failures` for every expectation the run
 * does not meet; `notes` gets what could not be checked. None changes the case.
 */

/* validate_ok, validate_errors, validate_warnings against the JSON line `json`
 * (Falco's {"falco_load_results":[...]} of -V with -j). */
void tcheck_validation(const struct tcase *t, const char *json, size_t len, struct tstr_list *failures);

/* detect, detect_level, detect_counts against the summary in stdout, else stderr. */
void tcheck_detections(const struct tcase *t, const struct trun_result *r, struct tstr_list *failures);

/* The lines of `expected` appear in `actual` in order (each after the previous one). */
void tcheck_strictly_contains(const char *actual_name, const char *actual, size_t actual_len,
			      const char *expected_name, const char *expected, size_t expected_len,
			      struct tstr_list *failures);

/* Everything above for case `t` of spec `s` and its run `r`. */
void tcheck_case(const struct tspec *s, const struct tcase *t, const struct trun_config *cfg,
		 const struct trun_result *r, struct tstr_list *failures, struct tstr_list *notes);

#endif
