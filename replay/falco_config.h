/*
 * The Falco configuration keys falconet-replay honours when it runs rules, read
 * from a falco.yaml (--config) and from -o KEY=VALUE (applied after the file, as
 * Falco does). Key names and defaults are Falco's (falco.yaml):
 *
 *   priority                      minimum rule priority (default debug: all)
 *   json_output                   alerts as JSON objects (default false)
 *   json_include_output_property  JSON alerts carry "output" (default true)
 *   json_include_tags_property    JSON alerts carry "tags" (default true)
 *   time_format_iso_8601          alert and log times in ISO 8601 (default false)
 *   rule_matching                 first (default): an event raises the alert of the
 *                                 first rule it matches; all: of every rule
 *   log_stderr                    log lines on stderr (default true)
 *   stdout_output.enabled         alerts on stdout (default true)
 *   file_output.enabled, file_output.filename   alerts appended to a file
 *   program_output.enabled, program_output.program  alerts piped to a shell command
 *   rules_file                    rules to load when no --rules is given
 *
 *   syscall_event_drops           checked as Falco checks it (actions, threshold),
 *                                 then ignored: a replay drops no events
 *
 * Other keys of falco.yaml are accepted and ignored.
 */
#ifndef FNET_REPLAY_FALCO_CONFIG_H
#define FNET_REPLAY_FALCO_CONFIG_H

#include <stddef.h>

struct falco_config {
	int min_priority; /* enum fnet_priority */
	int json_output;
	int json_include_output;
	int json_include_tags;
	int time_iso8601;
	int match_all;
	int log_stderr;
	int stdout_enabled;
	int file_enabled;
	char *file_name;    /* owned */
	int program_enabled;
	char *program;      /* owned */
	char **rules_files; /* owned, from the file's rules_file */
	size_t nrules_files;
};

/* Falco's defaults. */
void falco_config_init(struct falco_config *c);

/*
 * Reads the keys of a falco.yaml. Returns 0, or -1 with "FILE:LINE:COLUMN: what"
 * in `err` (errsize bytes): unreadable file, YAML error, a known key with a value
 * of the wrong kind (not a boolean, an unknown priority...), or Falco's message
 * for the syscall_event_drops settings it refuses.
 */
int falco_config_load(struct falco_config *c, const char *path, char *err, size_t errsize);

/* Applies one "KEY=VALUE" (-o). Returns 0, or -1 with the problem in `err`. */
int falco_config_set(struct falco_config *c, const char *assignment, char *err, size_t errsize);

void falco_config_free(struct falco_config *c);

#endif
