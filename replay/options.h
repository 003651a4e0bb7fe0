/* Command line of falconet-replay. */
#ifndef FNET_REPLAY_OPTIONS_H
#define FNET_REPLAY_OPTIONS_H

#include <stdint.h>

struct replay_options {
	const char *input;     /* -r: trace file, "-" for standard input */
	uint64_t max_events;   /* -c: stop after this many printed events; 0 = no limit */
	int verbose;           /* -v: do not truncate byte buffers */
	char *filter;          /* trailing arguments joined by spaces, or NULL (owned) */
};

/*
 * Parses argv. Returns 0 to run, 1 when the program should exit 0 (help, version
 * printed), or -1 after printing a usage error to stderr (exit status 2).
 */
int replay_parse_options(int argc, char **argv, struct replay_options *o);

void replay_free_options(struct replay_options *o);

#endif
