#include "options.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void usage(FILE *f)
{
	fputs("Usage: falconet-replay -r FILE [-c COUNT] [-v] [FILTER]\n"
	      "Print the system call events of a scap trace file (sysdig's format, plain,\n"
	      "gzip or zstd compressed) that match a sysdig/Falco filter expression.\n"
	      "\n"
	      "  -r FILE    read events from FILE ('-' for standard input)\n"
	      "  -c COUNT   exit after printing COUNT events\n"
	      "  -v         print byte buffers whole (by default cut at 80 characters)\n"
	      "  -h, --help this help;  --version  the version\n"
	      "\n"
	      "Example: falconet-replay -r trace.scap 'proc.name=cat and evt.type in (open,openat)'\n",
	      f);
}

int replay_parse_options(int argc, char **argv, struct replay_options *o)
{
	static const struct option longs[] = {
		{"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, 1},
		{NULL, 0, NULL, 0},
	};
	memset(o, 0, sizeof(*o));
	int c;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "r:c:vh", longs, NULL)) != -1) {
		switch (c) {
		case 'r':
			o->input = optarg;
			break;
		case 'c': {
			char *end;
			errno = 0;
			unsigned long long n = strtoull(optarg, &end, 10);
			if (errno || *end || end == optarg || optarg[0] == '-' || n == 0) {
				fprintf(stderr, "falconet-replay: -c: '%s' is not a positive count\n", optarg);
				return -1;
			}
			o->max_events = n;
			break;
		}
		case 'v':
			o->verbose = 1;
			break;
		case 'h':
			usage(stdout);
			return 1;
		case 1:
			puts("falconet-replay " PACKAGE_VERSION);
			return 1;
		default:
			if (optopt)
				fprintf(stderr, "falconet-replay: option -%c %s\n", optopt,
					strchr("rc", optopt) ? "needs an argument" : "is not known");
			else
				fprintf(stderr, "falconet-replay: option %s is not known\n", argv[optind - 1]);
			usage(stderr);
			return -1;
		}
	}
	if (!o->input) {
		fputs("falconet-replay: no input: give a trace with -r FILE ('-' for stdin)\n", stderr);
		usage(stderr);
		return -1;
	}
	size_t len = 0;
	for (int i = optind; i < argc; i++)
		len += strlen(argv[i]) + 1;
	if (len) {
		o->filter = malloc(len);
		if (!o->filter) {
			fputs("falconet-replay: out of memory\n", stderr);
			return -1;
		}
		o->filter[0] = 0;
		for (int i = optind; i < argc; i++) {
			if (i > optind)
				strcat(o->filter, " ");
			strcat(o->filter, argv[i]);
		}
	}
	return 0;
}

void replay_free_options(struct replay_options *o)
{
	free(o->filter);
	o->filter = NULL;
}
