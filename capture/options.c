#include "options.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define PROG "falconet-capture"

static void usage(FILE *f)
{
	fputs("Usage: " PROG " [-w FILE] [-c COUNT] [-s SNAPLEN] [-C SIZE] [-G SECONDS] [-W FILES]\n"
	      "                        [-Z USER] [-q] [-v] [-z | --gzip] [--duration SECONDS]\n"
	      "                        [--driver bpf|kmod] [FILTER...]\n"
	      "Record the system call events of this host to a scap trace file (sysdig's format),\n"
	      "headed by a snapshot of the processes, open files and users of the system.\n"
	      "\n"
	      "  -w FILE      write to FILE ('-' for standard output, the default when it is\n"
	      "               not a terminal); FILE.zst is zstd-compressed, FILE.gz gzip\n"
	      "  -c COUNT     stop after COUNT events (matching FILTER, if given)\n"
	      "  -s SNAPLEN   bytes of I/O buffers kept per event (default 80; 0 = 16000, the most)\n"
	      "  -C SIZE      start a new file when the current one exceeds SIZE millions of\n"
	      "               bytes (suffix k, m, g: KiB, MiB, GiB); files FILE, FILE1, FILE2...\n"
	      "  -G SECONDS   start a new file every SECONDS; FILE is a strftime(3) template\n"
	      "  -W FILES     with -C: keep a ring of FILES files; with -G: stop after FILES files\n"
	      "  -Z USER      run as USER once the driver is open (files are created as USER)\n"
	      "  -q           print no statistics on exit\n"
	      "  -v           print the snapshot's statistics and each file opened\n"
	      "  -z           compress with zstd      --gzip  compress with gzip\n"
	      "  --duration SECONDS   stop after SECONDS (decimals allowed)\n"
	      "  --driver bpf|kmod    capture driver: the eBPF probe or the kernel module\n"
	      "                       (default: the probe, else the module when it is loaded)\n"
	      "  --snapshot-only      write the system snapshot alone and exit (no driver)\n"
	      "  -h, --help   this help;  --version  the version\n"
	      "\n"
	      "Example: " PROG " -w trace.scap.zst -C 100 -W 5 'proc.name=nginx'\n",
	      f);
}

/* A whole decimal number in [min, max]. */
static int parse_uint(const char *opt, const char *s, uint64_t min, uint64_t max, uint64_t *out)
{
	char *end;
	errno = 0;
	unsigned long long n = strtoull(s, &end, 10);
	if (errno || end == s || *end || s[0] == '-' || s[0] == '+' || n < min || n > max) {
		fprintf(stderr, PROG ": %s: '%s' is not a whole number from %llu to %llu\n", opt, s,
			(unsigned long long)min, (unsigned long long)max);
		return -1;
	}
	*out = n;
	return 0;
}

/* -C: millions of bytes by default, or k/K (1024), m/M (1024^2), g/G (1024^3), as tcpdump. */
static int parse_size(const char *s, uint64_t *out)
{
	char *end;
	errno = 0;
	unsigned long long n = strtoull(s, &end, 10);
	uint64_t unit = 1000000;
	if (!errno && end != s && end[0] && !end[1]) {
		switch (end[0]) {
		case 'k': case 'K': unit = 1024; end++; break;
		case 'm': case 'M': unit = 1024 * 1024; end++; break;
		case 'g': case 'G': unit = 1024 * 1024 * 1024; end++; break;
		}
	}
	if (errno || end == s || *end || s[0] == '-' || s[0] == '+' || n == 0 || n > UINT64_MAX / unit) {
		fprintf(stderr, PROG ": -C: '%s' is not a file size (a positive number of millions "
				"of bytes, or with a suffix k, m or g)\n", s);
		return -1;
	}
	*out = n * unit;
	return 0;
}

/* --duration: positive seconds, decimals allowed. */
static int parse_seconds(const char *s, uint64_t *ms)
{
	char *end;
	errno = 0;
	double d = strtod(s, &end);
	if (errno || end == s || *end || !(d > 0) || d > 1e9) {
		fprintf(stderr, PROG ": --duration: '%s' is not a positive number of seconds\n", s);
		return -1;
	}
	*ms = (uint64_t)(d * 1000 + 0.5);
	if (*ms == 0)
		*ms = 1;
	return 0;
}

static int ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);
	return n >= m && strcmp(s + n - m, suffix) == 0;
}

enum { OPT_VERSION = 256, OPT_GZIP, OPT_DURATION, OPT_DRIVER, OPT_SNAPSHOT_ONLY };

static int join_filter(int argc, char **argv, struct capture_options *o)
{
	size_t len = 0;
	for (int i = optind; i < argc; i++)
		len += strlen(argv[i]) + 1;
	if (!len)
		return 0;
	if (!(o->filter = malloc(len))) {
		fputs(PROG ": out of memory\n", stderr);
		return -1;
	}
	char *p = o->filter;
	for (int i = optind; i < argc; i++) {
		size_t n = strlen(argv[i]);
		if (i > optind)
			*p++ = ' ';
		memcpy(p, argv[i], n);
		p += n;
	}
	*p = 0;
	return 0;
}

/* Cross-option rules, checked once every option is known. */
static int check(struct capture_options *o, int zstd, int gzip)
{
	if (zstd && gzip) {
		fputs(PROG ": -z and --gzip exclude each other\n", stderr);
		return -1;
	}
	if (!o->output) {
		if (isatty(STDOUT_FILENO)) {
			fputs(PROG ": not writing a binary trace to a terminal: give -w FILE, or "
			      "redirect standard output\n", stderr);
			return -1;
		}
		o->output = "-";
	}
	int to_stdout = strcmp(o->output, "-") == 0;
	if (to_stdout && (o->rotate_bytes || o->rotate_seconds)) {
		fputs(PROG ": -C and -G need a file name: give -w FILE\n", stderr);
		return -1;
	}
	if (o->max_files && !o->rotate_bytes && !o->rotate_seconds) {
		fputs(PROG ": -W needs -C or -G\n", stderr);
		return -1;
	}
	if (o->snapshot_only && o->filter) {
		fputs(PROG ": --snapshot-only takes no filter\n", stderr);
		return -1;
	}
	if (zstd || (!gzip && !to_stdout && ends_with(o->output, ".zst")))
		o->compression = FNET_COMPRESSION_ZSTD;
	else if (gzip || (!to_stdout && ends_with(o->output, ".gz")))
		o->compression = FNET_COMPRESSION_GZIP;
	else
		o->compression = FNET_COMPRESSION_NONE;
	return 0;
}

int capture_parse_options(int argc, char **argv, struct capture_options *o)
{
	static const struct option longs[] = {
		{"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, OPT_VERSION},
		{"gzip", no_argument, NULL, OPT_GZIP},
		{"duration", required_argument, NULL, OPT_DURATION},
		{"driver", required_argument, NULL, OPT_DRIVER},
		{"snapshot-only", no_argument, NULL, OPT_SNAPSHOT_ONLY},
		{NULL, 0, NULL, 0},
	};
	memset(o, 0, sizeof(*o));
	o->snaplen = CAPTURE_SNAPLEN_DEFAULT;
	o->driver = NULL; /* the probe, else the module */
	int zstd = 0, gzip = 0, c;
	uint64_t v;
	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, "w:c:s:C:G:W:Z:qvzh", longs, NULL)) != -1) {
		switch (c) {
		case 'w':
			if (!*optarg) {
				fputs(PROG ": -w: empty file name\n", stderr);
				return -1;
			}
			o->output = optarg;
			break;
		case 'c':
			if (parse_uint("-c", optarg, 1, UINT64_MAX, &o->max_events) < 0)
				return -1;
			break;
		case 's':
			if (parse_uint("-s", optarg, 0, UINT64_MAX, &v) < 0)
				return -1;
			o->snaplen = v == 0 || v > CAPTURE_SNAPLEN_MAX ? CAPTURE_SNAPLEN_MAX : (uint32_t)v;
			break;
		case 'C':
			if (parse_size(optarg, &o->rotate_bytes) < 0)
				return -1;
			break;
		case 'G':
			if (parse_uint("-G", optarg, 1, UINT32_MAX, &v) < 0)
				return -1;
			o->rotate_seconds = (uint32_t)v;
			break;
		case 'W':
			if (parse_uint("-W", optarg, 1, 1000000, &v) < 0)
				return -1;
			o->max_files = (uint32_t)v;
			break;
		case 'Z':
			o->user = optarg;
			break;
		case 'q':
			o->quiet = 1;
			break;
		case 'v':
			o->verbose = 1;
			break;
		case 'z':
			zstd = 1;
			break;
		case OPT_GZIP:
			gzip = 1;
			break;
		case OPT_DURATION:
			if (parse_seconds(optarg, &o->duration_ms) < 0)
				return -1;
			break;
		case OPT_DRIVER:
			if (strcmp(optarg, "bpf") != 0 && strcmp(optarg, "kmod") != 0) {
				fprintf(stderr, PROG ": --driver: '%s' is not a known driver (known: bpf, kmod)\n",
					optarg);
				return -1;
			}
			o->driver = optarg;
			break;
		case OPT_SNAPSHOT_ONLY:
			o->snapshot_only = 1;
			break;
		case 'h':
			usage(stdout);
			return 1;
		case OPT_VERSION:
			puts(PROG " " PACKAGE_VERSION);
			return 1;
		default:
			if (optopt && optopt < 256)
				fprintf(stderr, PROG ": option -%c %s\n", optopt,
					strchr("wcsCGWZ", optopt) ? "needs an argument" : "is not known");
			else if (optopt)
				fprintf(stderr, PROG ": option %s needs an argument\n", argv[optind - 1]);
			else
				fprintf(stderr, PROG ": option %s is not known\n", argv[optind - 1]);
			usage(stderr);
			return -1;
		}
	}
	if (join_filter(argc, argv, o) < 0 || check(o, zstd, gzip) < 0) {
		capture_free_options(o);
		return -1;
	}
	return 0;
}

void capture_free_options(struct capture_options *o)
{
	free(o->filter);
	o->filter = NULL;
}
