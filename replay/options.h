/* Command line of falconet-replay. */
#ifndef FNET_REPLAY_OPTIONS_H
#define FNET_REPLAY_OPTIONS_H

#include <stddef.h>
#include <stdint.h>

#include "output_fields.h"

/* A growable list of borrowed strings. */
struct str_list {
	const char **v;
	size_t n;
};

struct replay_options {
	const char *input;     /* -r: trace file, "-" for standard input */
	uint64_t max_printed;  /* -c: stop after this many printed events; 0 = no limit */
	uint64_t max_events;   /* -n: stop after this many events that passed the filter
				  (sysdig's count, printed or not); 0 = no limit */
	int verbose;           /* -v: do not truncate byte buffers */
	int all_params;        /* --all-params: parameters beyond sysdig 0.29.3's table too */
	int keep_cloexec;      /* --keep-cloexec: close-on-exec fds survive execve (sysdig 0.29.3) */
	const char *format;    /* -p: output format, or NULL for the default line */
	int json;              /* -j */
	enum time_style time;  /* -t, TIME_HUMAN by default */
	enum buf_style buffers;/* -A, -x, -X; BUF_DOTS by default */
	int list_fields;       /* --list-fields: list and exit (JSON with --json) */
	int list_events;       /* -L: list the event types and exit */
	int debug;             /* -D: say more on stderr */
	char *filter;          /* trailing arguments joined by spaces, or NULL (owned) */

	/* Falco rules (--rules); each list holds pointers into argv, in order given. */
	struct str_list rules;         /* --rules FILE|DIR */
	struct str_list validate;      /* --validate FILE, -V FILE */
	struct str_list disable_rules; /* --disable-rules PATTERN (Falco's -D) */
	struct str_list disable_tags;  /* --disable-tags TAG (Falco's -T) */
	struct str_list run_tags;      /* --run-tags TAG (Falco's -t) */
	struct str_list config_set;    /* -o KEY=VALUE, applied after --config */
	const char *config;            /* --config FILE: a falco.yaml */
	const char *min_priority;      /* --min-priority PRIO (same as -o priority=PRIO) */
	int all_events;                /* --all-events (Falco's -A) */
	int list_rules;                /* --list-rules */
	const char *describe_rule;     /* --describe-rule NAME */
	const char *source;            /* --source syscall|k8s_audit, or NULL: from the input */
};

/*
 * Parses argv. Returns 0 to run, 1 when the program should exit 0 (help, version
 * printed), or -1 after printing a usage error to stderr (exit status 2).
 */
int replay_parse_options(int argc, char **argv, struct replay_options *o);

void replay_free_options(struct replay_options *o);

/* 1 when the options ask for the rule engine (rules, validation, rule listing). */
int replay_uses_rules(const struct replay_options *o);

#endif
