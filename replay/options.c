#include "options.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fields.h"

static void usage(FILE *f)
{
	fputs("Usage: falconet-replay -r FILE [-c COUNT] [-n COUNT] [-p FORMAT] [-j] [-t h|a|r|d|D]\n"
	      "                       [-A | -x | -X] [-v] [--all-params] [--keep-cloexec] [FILTER]\n"
	      "       falconet-replay -r FILE --rules RULES [--rules RULES...] [RULE OPTIONS] [FILTER]\n"
	      "       falconet-replay --validate RULES [--validate RULES...] [-j]\n"
	      "       falconet-replay --list-fields [--json] | -L\n"
	      "       falconet-replay --test SPEC.yaml [--test-format tap|junit] [--test-data DIR]\n"
	      "Print the system call events of a scap trace file (sysdig's format, plain,\n"
	      "gzip or zstd compressed) that match a sysdig/Falco filter expression.\n"
	      "\n"
	      "  -r FILE    read events from FILE ('-' for standard input)\n"
	      "  -c COUNT   exit after printing COUNT events\n"
	      "  -n COUNT   exit after COUNT events that pass the filter, printed or not\n"
	      "             (sysdig's -n: internal events such as procinfo count too)\n"
	      "  -p FORMAT  print each event as FORMAT: %field or %{field} for a field's value,\n"
	      "             %Nfield cut or padded to N bytes, \\n \\t escapes; with a leading\n"
	      "             '*' every event (missing values as <NA>), without it only the\n"
	      "             events that have all the fields. E.g. -p '%evt.num %proc.name %fd.name'\n"
	      "  -j         print each event as a JSON object (its fields, keys sorted)\n"
	      "  -t STYLE   time of the default line: h HH:MM:SS.ns local (default), a seconds\n"
	      "             since the epoch, r since the first event, d since the thread's enter\n"
	      "             event (exit events), D since the previous event\n"
	      "  -A         byte buffers as their printable text, line breaks kept\n"
	      "  -x         byte buffers in hex, 16 bytes a row, under the line\n"
	      "  -X         byte buffers in hex and ASCII\n"
	      "  -v         print byte buffers whole (by default cut at 80 characters)\n"
	      "  --all-params  show the parameters a newer driver adds beyond sysdig 0.29.3's\n"
	      "             (by default evt.info, evt.args, evt.arg stop where sysdig's do)\n"
	      "  --keep-cloexec  keep close-on-exec fds after execve, as sysdig 0.29.3 does\n"
	      "             (wrongly: the kernel closes them)\n"
	      "  --list-fields [--json]  list the fields of filters and formats\n"
	      "  -L         list the event types\n"
	      "  -D         with rules, also print the load warnings on stderr\n"
	      "\n"
	      "Falco rules (alerts instead of events; -j prints alerts as JSON):\n"
	      "  --rules FILE|DIR        load a Falco rules file, or every .yaml file of DIR\n"
	      "  --validate FILE, -V FILE  check rules files and print the result, then exit\n"
	      "  --min-priority PRIO     only rules of priority PRIO or more severe\n"
	      "  --disable-rules PATTERN disable the rules whose name matches PATTERN (regex)\n"
	      "  --disable-tags TAG      disable the rules tagged TAG\n"
	      "  --run-tags TAG          run only the rules tagged TAG (repeatable)\n"
	      "  --all-events            also run the high-volume events Falco skips by default\n"
	      "  --list-rules            list the loaded rules;  --describe-rule NAME  show one\n"
	      "  --config FILE           read Falco configuration keys from FILE (falco.yaml)\n"
	      "  -o KEY=VALUE            set a Falco configuration key (-o priority=warning)\n"
	      "  --source SRC            the input's event source: syscall (a trace) or k8s_audit\n"
	      "                          (Kubernetes audit events, JSON); by default k8s_audit when\n"
	      "                          the file starts with '{' or '['\n"
	      "  --test SPEC.yaml  run a regression spec's cases, report TAP or JUnit (--test --help)\n"
	      "  -h, --help this help;  --version  the version\n"
	      "\n"
	      "Example: falconet-replay -r trace.scap 'proc.name=cat and evt.type in (open,openat)'\n",
	      f);
}

/* A positive decimal count, or 0 after printing what is wrong. */
static uint64_t parse_count(char opt, const char *s)
{
	char *end;
	errno = 0;
	unsigned long long n = strtoull(s, &end, 10);
	if (errno || *end || end == s || s[0] == '-' || n == 0) {
		fprintf(stderr, "falconet-replay: -%c: '%s' is not a positive count\n", opt, s);
		return 0;
	}
	return n;
}

static int set_buffers(struct replay_options *o, enum buf_style style)
{
	if (o->buffers != BUF_DOTS && o->buffers != style) {
		fputs("falconet-replay: -A, -x and -X exclude each other\n", stderr);
		return -1;
	}
	o->buffers = style;
	return 0;
}

/* Says what is wrong with the option `arg` getopt refused. */
static void report_bad_option(const char *arg, const struct option *longs)
{
	if (strncmp(arg, "--", 2) == 0) {
		size_t n = strcspn(arg + 2, "=");
		for (const struct option *l = longs; l->name; l++)
			if (strlen(l->name) == n && strncmp(l->name, arg + 2, n) == 0) {
				fprintf(stderr, "falconet-replay: option --%s %s\n", l->name,
					l->has_arg ? "needs an argument" : "takes no argument");
				return;
			}
		fprintf(stderr, "falconet-replay: option %s is not known\n", arg);
		return;
	}
	if (optopt)
		fprintf(stderr, "falconet-replay: option -%c %s\n", optopt,
			strchr("rcnptVo", optopt) ? "needs an argument" : "is not known");
	else
		fprintf(stderr, "falconet-replay: option %s is not known\n", arg);
}

static int list_add(struct str_list *l, const char *s)
{
	const char **v = realloc(l->v, (l->n + 1) * sizeof(*v));
	if (!v) {
		fputs("falconet-replay: out of memory\n", stderr);
		return -1;
	}
	v[l->n++] = s;
	l->v = v;
	return 0;
}

int replay_uses_rules(const struct replay_options *o)
{
	return o->rules.n || o->validate.n || o->list_rules || o->describe_rule;
}

/* Rule options without --rules or --validate would silently do nothing. */
static int check_rule_options(const struct replay_options *o)
{
	if (replay_uses_rules(o))
		return 0;
	if (o->disable_rules.n || o->disable_tags.n || o->run_tags.n || o->config_set.n ||
	    o->config || o->min_priority || o->all_events || o->source) {
		fputs("falconet-replay: rule options need --rules FILE (or --validate FILE)\n", stderr);
		return -1;
	}
	return 0;
}

int replay_parse_options(int argc, char **argv, struct replay_options *o)
{
	enum {
		OPT_VERSION = 1,
		OPT_LIST_FIELDS,
		OPT_RULES,
		OPT_MIN_PRIORITY,
		OPT_DISABLE_RULES,
		OPT_DISABLE_TAGS,
		OPT_RUN_TAGS,
		OPT_ALL_EVENTS,
		OPT_LIST_RULES,
		OPT_DESCRIBE_RULE,
		OPT_CONFIG,
		OPT_SOURCE,
		OPT_ALL_PARAMS,
		OPT_KEEP_CLOEXEC
	};
	static const struct option longs[] = {
		{"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, OPT_VERSION},
		{"list-fields", no_argument, NULL, OPT_LIST_FIELDS},
		{"all-params", no_argument, NULL, OPT_ALL_PARAMS},
		{"keep-cloexec", no_argument, NULL, OPT_KEEP_CLOEXEC},
		{"json", no_argument, NULL, 'j'},
		{"print", required_argument, NULL, 'p'},
		{"numevents", required_argument, NULL, 'n'},
		{"timetype", required_argument, NULL, 't'},
		{"print-ascii", no_argument, NULL, 'A'},
		{"print-hex", no_argument, NULL, 'x'},
		{"print-hex-ascii", no_argument, NULL, 'X'},
		{"verbose", no_argument, NULL, 'v'},
		{"read", required_argument, NULL, 'r'},
		{"rules", required_argument, NULL, OPT_RULES},
		{"validate", required_argument, NULL, 'V'},
		{"min-priority", required_argument, NULL, OPT_MIN_PRIORITY},
		{"disable-rules", required_argument, NULL, OPT_DISABLE_RULES},
		{"disable-tags", required_argument, NULL, OPT_DISABLE_TAGS},
		{"run-tags", required_argument, NULL, OPT_RUN_TAGS},
		{"all-events", no_argument, NULL, OPT_ALL_EVENTS},
		{"list-rules", no_argument, NULL, OPT_LIST_RULES},
		{"describe-rule", required_argument, NULL, OPT_DESCRIBE_RULE},
		{"config", required_argument, NULL, OPT_CONFIG},
		{"source", required_argument, NULL, OPT_SOURCE},
		{"list-events", no_argument, NULL, 'L'},
		{"debug", no_argument, NULL, 'D'},
		{NULL, 0, NULL, 0},
	};
	memset(o, 0, sizeof(*o));
	o->time = TIME_HUMAN;
	o->buffers = BUF_DOTS;
	int c;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "r:c:n:p:t:jAxXvhV:o:LD", longs, NULL)) != -1) {
		switch (c) {
		case 'r':
			o->input = optarg;
			break;
		case 'c':
			if (!(o->max_printed = parse_count('c', optarg)))
				return -1;
			break;
		case 'n':
			if (!(o->max_events = parse_count('n', optarg)))
				return -1;
			break;
		case 'p':
			o->format = optarg;
			break;
		case 'j':
			o->json = 1;
			break;
		case 't':
			if (strlen(optarg) != 1 || !strchr("hardD", optarg[0])) {
				fprintf(stderr,
					"falconet-replay: -t: '%s' is not a time style: h (time of day), a "
					"(absolute), r (relative), d (latency) or D (delta)\n",
					optarg);
				return -1;
			}
			o->time = (enum time_style)optarg[0];
			break;
		case 'A':
			if (set_buffers(o, BUF_ASCII) < 0)
				return -1;
			break;
		case 'x':
			if (set_buffers(o, BUF_HEX) < 0)
				return -1;
			break;
		case 'X':
			if (set_buffers(o, BUF_HEX_ASCII) < 0)
				return -1;
			break;
		case 'v':
			o->verbose = 1;
			break;
		case 'h':
			usage(stdout);
			return 1;
		case OPT_VERSION:
			puts("falconet-replay " PACKAGE_VERSION);
			return 1;
		case OPT_LIST_FIELDS:
			o->list_fields = 1;
			break;
		case 'L':
			o->list_events = 1;
			break;
		case 'D':
			o->debug = 1;
			break;
		case OPT_RULES:
			if (list_add(&o->rules, optarg) < 0)
				return -1;
			break;
		case 'V':
			if (list_add(&o->validate, optarg) < 0)
				return -1;
			break;
		case OPT_DISABLE_RULES:
			if (list_add(&o->disable_rules, optarg) < 0)
				return -1;
			break;
		case OPT_DISABLE_TAGS:
			if (list_add(&o->disable_tags, optarg) < 0)
				return -1;
			break;
		case OPT_RUN_TAGS:
			if (list_add(&o->run_tags, optarg) < 0)
				return -1;
			break;
		case 'o':
			if (!strchr(optarg, '=')) {
				fprintf(stderr, "falconet-replay: -o: '%s' is not KEY=VALUE\n", optarg);
				return -1;
			}
			if (list_add(&o->config_set, optarg) < 0)
				return -1;
			break;
		case OPT_CONFIG:
			o->config = optarg;
			break;
		case OPT_MIN_PRIORITY:
			o->min_priority = optarg;
			break;
		case OPT_ALL_EVENTS:
			o->all_events = 1;
			break;
		case OPT_LIST_RULES:
			o->list_rules = 1;
			break;
		case OPT_DESCRIBE_RULE:
			o->describe_rule = optarg;
			break;
		case OPT_SOURCE:
			if (fnet_field_source_parse(optarg) < 0) {
				fprintf(stderr,
					"falconet-replay: --source: unknown event source '%s' "
					"(syscall or k8s_audit)\n",
					optarg);
				return -1;
			}
			o->source = optarg;
			break;
		case OPT_ALL_PARAMS:
			o->all_params = 1;
			break;
		case OPT_KEEP_CLOEXEC:
			o->keep_cloexec = 1;
			break;
		default:
			report_bad_option(argv[optind - 1], longs);
			usage(stderr);
			return -1;
		}
	}
	if (check_rule_options(o) < 0)
		return -1;
	if (o->list_fields || o->list_events || o->validate.n || o->list_rules || o->describe_rule)
		return 0;
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
	struct str_list *lists[] = {&o->rules,     &o->validate, &o->disable_rules,
				    &o->disable_tags, &o->run_tags, &o->config_set};
	for (size_t i = 0; i < sizeof(lists) / sizeof(lists[0]); i++) {
		free(lists[i]->v);
		lists[i]->v = NULL;
		lists[i]->n = 0;
	}
}
