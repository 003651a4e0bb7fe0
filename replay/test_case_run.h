/*
 * Running one regression case: the command line of falconet-replay that the case
 * stands for, and the run itself as a child process whose output is captured.
 *
 * The mapping of spec keys to options is the contract with the rules runtime:
 *   trace_file -r, rules_file --rules (each), conf_file --config,
 *   validate_rules_file --validate (each) and -j (then no -r: a validation does
 *   not replay), priority --min-priority, all_events --all-events,
 *   disabled_rules --disable-rules, disable_tags --disable-tags,
 *   run_tags --run-tags (each), json_output -o json_output=BOOL,
 *   json_include_output_property / json_include_tags_property -o KEY=BOOL,
 *   time_iso_8601 -o time_format_iso_8601=true.
 * The environment has FALCO_HOSTNAME=test-falco-hostname, as Falco's runner
 * set it, and TZ=UTC.
 */
#ifndef FNET_REPLAY_TEST_CASE_RUN_H
#define FNET_REPLAY_TEST_CASE_RUN_H

#include <stddef.h>

#include "test_spec.h"

struct trun_config {
	const char *exec_path;        /* the program each case runs: /proc/self/exe, or --test-exec */
	const char *const *data_dirs; /* --test-data: searched for relative paths after the spec's dir */
	size_t ndata_dirs;
	unsigned timeout_s;           /* per case; a case still running then is killed */
};

/* Captured bytes of one stream; beyond TRUN_OUTPUT_MAX bytes they are dropped. */
#define TRUN_OUTPUT_MAX ((size_t)64 << 20)
struct trun_output {
	char *ptr; /* NUL-terminated (also when len is 0 and ptr was never grown: then NULL) */
	size_t len;
	int truncated;
};

struct trun_result {
	struct tstr_list argv; /* the command line run, argv[0] first */
	struct trun_output out, err;
	int exit_status;       /* when the child exited, else -1 */
	int signal;            /* the signal that ended it, or 0 */
	int timed_out;         /* killed after timeout_s seconds */
	double seconds;        /* wall time of the run */
};

/*
 * The file a spec path names: absolute as it is; relative against the spec's
 * directory, then each data directory, the first that exists. Returns a malloc'd
 * path, or NULL after appending "missing file ..." (naming every place looked at)
 * to `problems` (or "out of memory").
 */
char *trun_find(const struct tspec *s, const struct trun_config *cfg, const char *path,
		struct tstr_list *problems);

/* A path the run writes (output_strictly_contains' actual file): relative ones
 * against the spec's directory. Returns a malloc'd path or NULL (out of memory). */
char *trun_output_path(const struct tspec *s, const char *path);

/*
 * Fills r->argv with the command line of case `t` (r zeroed by the caller).
 * Files that cannot be found (also output_strictly_contains' expected ones) are
 * appended to `problems`; the case then fails without running. Returns 0, or -1 out of memory.
 */
int trun_build_argv(const struct tspec *s, const struct tcase *t, const struct trun_config *cfg,
		    struct trun_result *r, struct tstr_list *problems);

/*
 * Removes the files the case's output_strictly_contains expects the run to write
 * (left from an earlier run) and creates their directories. Problems are appended
 * to `problems`.
 */
void trun_prepare_outputs(const struct tspec *s, const struct tcase *t, struct tstr_list *problems);

/*
 * Runs r->argv with cfg->exec_path (argv[0] stays as given): stdin /dev/null,
 * stdout and stderr captured, in a process group of its own that is killed
 * (SIGKILL) after cfg->timeout_s seconds. Returns 0 with the result in `r`, or -1
 * with why it could not be started in `err` (errsize bytes).
 */
int trun_exec(const struct trun_config *cfg, struct trun_result *r, char *err, size_t errsize);

void trun_result_free(struct trun_result *r);

#endif
