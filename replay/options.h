/* Command line of falconet-replay. */
#ifndef FNET_REPLAY_OPTIONS_H
#define FNET_REPLAY_OPTIONS_H

#include <stdint.h>

#include "output_fields.h"

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
	char *filter;          /* trailing arguments joined by spaces, or NULL (owned) */
};

/*
 * Parses argv. Returns 0 to run, 1 when the program should exit 0 (help, version
 * printed), or -1 after printing a usage error to stderr (exit status 2).
 */
int replay_parse_options(int argc, char **argv, struct replay_options *o);

void replay_free_options(struct replay_options *o);

#endif
