/*
 * Alerts as Falco prints them (falco_outputs.cpp of falcosecurity/falco 0.35,
 * the behaviour its regression suite checks):
 *
 *   text  "TIME: Priority OUTPUT", TIME the event's %evt.time (HH:MM:SS.ns local)
 *         or, with time_format_iso_8601, %evt.time.iso8601; Priority Falco's long
 *         name ("Warning", "Informational"); OUTPUT the rule's output with its
 *         %field tokens replaced, <NA> for a field without a value.
 *   JSON  one object a line: {"hostname":..,"output":..,"priority":..,"rule":..,
 *         "source":..,"tags":[..],"time":"YYYY-MM-DDTHH:MM:SS.nnnnnnnnnZ",
 *         "output_fields": {FIELD:VALUE,...}}, keys sorted, output_fields last;
 *         "output" and "tags" as json_include_*_property say. Time fields are the
 *         event's time stamp in ns, a missing value null.
 *
 * The hostname is $FALCO_HOSTNAME when set, as in Falco, else gethostname().
 * Alerts go to every enabled sink: stdout, file_output's file (appended),
 * program_output's command (run by the shell once per alert).
 */
#ifndef FNET_REPLAY_ALERT_OUTPUT_H
#define FNET_REPLAY_ALERT_OUTPUT_H

#include <stddef.h>

#include "falco_config.h"
#include "output_fields.h"
#include "ruleset.h"

struct alert_output;

/*
 * Prepares the sinks of `cfg` (borrowed, must outlive the output) for a rule set
 * of `nrules` rules. Returns NULL with the problem in `err` (an output file that
 * cannot be opened, no memory).
 */
struct alert_output *alert_output_new(const struct falco_config *cfg, size_t nrules, char *err,
				      size_t errsize);

/*
 * Checks that a rule's output format compiles: 0, or -1 with Falco's message in
 * `err` ("invalid formatting token not_a_real_field"). Fits the check_output
 * callback of struct fnet_ruleset_opts (`ctx` unused).
 */
int alert_output_check(void *ctx, const char *output, char *err, size_t errsize);

/*
 * Prints the alert of rule `r` for event `e` to every sink. Returns 0, or -1
 * when a sink cannot be written (errno set).
 */
int alert_output_emit(struct alert_output *a, const struct fnet_rule *r, const struct out_event *e);

/* Flushes and closes the sinks; returns -1 when a final write failed. NULL allowed. */
int alert_output_free(struct alert_output *a);

#endif
