/* Command line of falconet-capture (tcpdump's options where they apply). */
#ifndef FNET_CAPTURE_OPTIONS_H
#define FNET_CAPTURE_OPTIONS_H

#include <stdint.h>

#include "byte_stream.h" /* enum fnet_compression */

#include "falconet_probe.h"

/* -s default (sysdig's) and the value -s 0 stands for: the largest I/O buffer the
 * probe records. Larger values are cut to it, as tcpdump does. */
#define CAPTURE_SNAPLEN_DEFAULT 80
#define CAPTURE_SNAPLEN_MAX FNET_MAX_SNAPLEN

struct capture_options {
	const char *output;        /* -w FILE; "-" is standard output (the default when
				      standard output is not a terminal) */
	uint64_t max_events;       /* -c: stop after this many events; 0 = no limit */
	uint32_t snaplen;          /* -s, resolved: 1..CAPTURE_SNAPLEN_MAX */
	uint64_t rotate_bytes;     /* -C, in bytes; 0 = no size rotation */
	uint32_t rotate_seconds;   /* -G; 0 = no time rotation */
	uint32_t max_files;        /* -W; 0 = no limit */
	const char *user;          /* -Z: user to become after the driver is open, or NULL */
	int quiet;                 /* -q: no statistics on exit */
	int verbose;               /* -v: snapshot statistics and file names on stderr */
	enum fnet_compression compression; /* -z / --gzip / the -w name's suffix */
	uint64_t duration_ms;      /* --duration; 0 = until stopped */
	const char *driver;        /* --driver: "bpf" or "kmod"; NULL: bpf, else kmod */
	int snapshot_only;         /* --snapshot-only: write the /proc snapshot, no driver */
	char *filter;              /* trailing arguments joined by spaces, or NULL (owned) */
};

/*
 * Parses argv into `o`. Returns 0 to run, 1 when the program should exit 0 (help
 * or version printed), or -1 after printing a usage error to stderr (exit 2).
 * Standard output is checked with isatty(3) when no -w is given.
 */
int capture_parse_options(int argc, char **argv, struct capture_options *o);

/* Frees what capture_parse_options allocated. */
void capture_free_options(struct capture_options *o);

#endif
