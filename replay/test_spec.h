/*
 * Regression specs for `falconet-replay --test`: YAML files listing cases, each a
 * run of falconet-replay over a trace with rule files and what must come of it.
 *
 * The format is that of Falco's former regression suite (test/falco_tests.yaml,
 * run by test/falco_test.py), documented in ../shared/testdata/README.md: a map
 * `tests:` of case name -> keys. Falco's own file, whose root is one map
 * (`trace_files: !mux`) of cases, is read too. Relative paths are kept as written
 * and resolved at run time (test_case_run.h) against the spec's directory.
 */
#ifndef FNET_REPLAY_TEST_SPEC_H
#define FNET_REPLAY_TEST_SPEC_H

#include <stddef.h>

/* A list of owned strings. */
struct tstr_list {
	char **v;
	size_t n;
};

/* Appends a copy of `s`. Returns 0, or -1 when out of memory. */
int tstr_list_add(struct tstr_list *l, const char *s);
/* Appends a printf-formatted string. Returns 0, or -1 when out of memory. */
int tstr_list_addf(struct tstr_list *l, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void tstr_list_free(struct tstr_list *l);

/* detect_counts: exactly `count` alerts of `rule`. */
struct tcount {
	char *rule;
	long long count;
};

/* An expected entry of validate_errors / validate_warnings. */
struct tload_expect {
	char *code;             /* e.g. LOAD_ERR_COMPILE_CONDITION */
	char *item_type;        /* rule, macro, list, rules content ... */
	char *item_name;        /* "" when empty */
	char *message;          /* `message`, or NULL: the whole message or a part of it */
	char *message_contains; /* `message_contains`, or NULL: a part of the message */
	int line, column;       /* of the entry in the spec */
};

/* output_strictly_contains: the lines of file `expected` appear in order in `actual`. */
struct tstrict {
	char *actual;   /* "stdout" or a file the run writes (as written in the spec) */
	char *expected; /* the file of expected lines (as written in the spec) */
};

/* outputs: some line of `file` matches the Python regex `regex`. */
struct tfile_regex {
	char *file;
	char *regex;
};

/* rules_events: the event types Falco reported for a rule. */
struct trule_events {
	char *rule;
	struct tstr_list events;
};

/* A boolean key: absent, false or true. */
enum tbool { TB_UNSET = -1, TB_FALSE = 0, TB_TRUE = 1 };

struct tcase {
	char *name;
	int line, column; /* of the case's name in the spec */

	char *trace_file;              /* NULL when absent */
	struct tstr_list rules_files;  /* files or directories, in order */
	char *conf_file;               /* NULL when absent */
	char *source;                  /* "k8s_audit", or NULL for syscall */
	char *priority;                /* minimum priority, NULL when absent */
	enum tbool all_events;
	struct tstr_list disabled_rules, disable_tags, run_tags;
	enum tbool json_output, json_include_output, json_include_tags, time_iso_8601;

	enum tbool detect;             /* absent reads as false, as Falco's runner */
	struct tstr_list detect_levels;
	struct tcount *counts;         /* detect_counts, one per rule, in order */
	size_t ncounts;
	int check_detection_counts;    /* 1 unless the spec says false */
	int exit_status;               /* expected, 0 by default */

	struct tstr_list validate_files;
	struct tstr_list validate_ok;  /* file basenames */
	struct tload_expect *verrors, *vwarnings;
	size_t nverrors, nvwarnings;

	struct tstr_list stdout_contains, stderr_contains, stdout_not_contains, stderr_not_contains;
	char *stdout_is, *stderr_is;   /* NULL when absent */
	struct tstrict *strict;
	size_t nstrict;
	struct tfile_regex *outputs;
	size_t noutputs;
	struct tstr_list rules_warning; /* accepted; Falco's runner did not check it */
	struct trule_events *rules_events;
	size_t nrules_events;

	char *skip_reason;             /* non-NULL: the case needs what falconet lacks */
	struct tstr_list warnings;     /* "LINE:COL: ..." for unknown keys */
};

struct tspec {
	char *path; /* as given */
	char *dir;  /* its directory, for relative paths */
	struct tcase *cases;
	size_t n;
	struct tstr_list warnings; /* "LINE:COL: ..." for unknown top-level keys */
};

/*
 * Reads the spec file at `path`. Returns 0 with `*out` filled (free with
 * tspec_free), or -1 with `*out` empty and "PATH:LINE:COLUMN: problem" (or
 * "PATH: problem" when there is no position) in `err` (errsize bytes).
 */
int tspec_load(const char *path, struct tspec *out, char *err, size_t errsize);

/* The same for spec text `len` bytes long that was read from `path`. */
int tspec_parse(const char *path, const char *text, size_t len, struct tspec *out, char *err,
		size_t errsize);

void tspec_free(struct tspec *s);

#endif
