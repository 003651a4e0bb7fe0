#include "test_mode.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test_case_run.h"
#include "test_checks.h"
#include "test_report.h"
#include "test_spec.h"

#define DEFAULT_TIMEOUT_S 120

int test_mode_wanted(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0)
			return 0;
		if (strncmp(argv[i], "--test", 6) == 0 && (!argv[i][6] || strchr("=-", argv[i][6])))
			return 1;
	}
	return 0;
}

static void usage(FILE *f)
{
	fputs("Usage: falconet-replay --test SPEC.yaml [--test SPEC.yaml ...] [--test-format tap|junit]\n"
	      "                       [--test-data DIR ...] [--test-timeout SECONDS]\n"
	      "Run every case of regression specs (Falco's regression-test format) and print a\n"
	      "TAP (default) or JUnit XML report. Exit status 0 when every case passed or was\n"
	      "skipped, 1 when one failed, 2 for a bad spec.\n"
	      "\n"
	      "  --test SPEC            a spec file; repeatable\n"
	      "  --test-format FORMAT   tap (default) or junit\n"
	      "  --test-data DIR        look for the spec's relative paths here too; repeatable\n"
	      "  --test-timeout SECONDS a case still running after this long fails (default 120)\n"
	      "  --test-exec PATH       for testing the runner: run PATH instead of falconet-replay\n",
	      f);
}

struct test_options {
	const char **specs, **data_dirs;
	size_t nspecs, ndata_dirs;
	enum treport_format format;
	unsigned timeout_s;
	const char *exec_path;
};

static int push(const char ***arr, size_t *n, const char *v)
{
	const char **p = realloc(*arr, (*n + 1) * sizeof(*p));
	if (!p)
		return -1;
	p[(*n)++] = v;
	*arr = p;
	return 0;
}

/* Returns 0 to run, 1 after --help, -1 after a usage error on stderr. */
static int parse(int argc, char **argv, struct test_options *o)
{
	enum { O_TEST = 1, O_FORMAT, O_DATA, O_TIMEOUT, O_EXEC };
	static const struct option longs[] = {
		{"test", required_argument, NULL, O_TEST},
		{"test-format", required_argument, NULL, O_FORMAT},
		{"test-data", required_argument, NULL, O_DATA},
		{"test-timeout", required_argument, NULL, O_TIMEOUT},
		{"test-exec", required_argument, NULL, O_EXEC},
		{NULL, 0, NULL, 0},
	};
	/* before getopt, which would take "--test --help" for a spec named --help */
	for (int i = 1; i < argc; i++)
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			usage(stdout);
			return 1;
		}
	o->format = TREPORT_TAP;
	o->timeout_s = DEFAULT_TIMEOUT_S;
	o->exec_path = "/proc/self/exe";
	opterr = 0;
	optind = 1;
	int c;
	char *end;
	while ((c = getopt_long(argc, argv, ":", longs, NULL)) != -1) {
		switch (c) {
		case O_TEST:
		case O_DATA:
			if ((c == O_TEST ? push(&o->specs, &o->nspecs, optarg)
					 : push(&o->data_dirs, &o->ndata_dirs, optarg)) < 0) {
				fputs("falconet-replay: out of memory\n", stderr);
				return -1;
			}
			break;
		case O_FORMAT:
			if (strcmp(optarg, "tap") == 0)
				o->format = TREPORT_TAP;
			else if (strcmp(optarg, "junit") == 0)
				o->format = TREPORT_JUNIT;
			else {
				fprintf(stderr, "falconet-replay: --test-format: '%s' is not tap or junit\n",
					optarg);
				return -1;
			}
			break;
		case O_TIMEOUT: {
			errno = 0;
			unsigned long v = strtoul(optarg, &end, 10);
			if (errno || *end || end == optarg || optarg[0] == '-' || v == 0 || v > 86400) {
				fprintf(stderr, "falconet-replay: --test-timeout: '%s' is not a number of "
						"seconds from 1 to 86400\n", optarg);
				return -1;
			}
			o->timeout_s = (unsigned)v;
			break;
		}
		case O_EXEC:
			o->exec_path = optarg;
			break;
		case ':':
			fprintf(stderr, "falconet-replay: option %s needs an argument\n", argv[optind - 1]);
			return -1;
		default:
			fprintf(stderr, "falconet-replay: %s: not an option of --test mode\n",
				argv[optind - 1]);
			usage(stderr);
			return -1;
		}
	}
	if (optind < argc) {
		fprintf(stderr, "falconet-replay: '%s': --test mode takes no other arguments\n", argv[optind]);
		return -1;
	}
	if (!o->nspecs) {
		fputs("falconet-replay: no spec: give one with --test SPEC.yaml\n", stderr);
		return -1;
	}
	return 0;
}

/* Runs and reports one case. Returns its verdict. */
static enum tverdict run_case(struct treport *rp, const struct tspec *s, const struct tcase *t,
			      const struct trun_config *cfg)
{
	if (t->skip_reason) {
		treport_case(rp, t, TV_SKIP, t->skip_reason, NULL, NULL, NULL);
		return TV_SKIP;
	}
	struct tstr_list failures = {0}, notes = {0}, missing = {0};
	struct trun_result r;
	memset(&r, 0, sizeof(r));
	r.exit_status = -1;
	/*
	 * A missing input (trace, rules, configuration) does not stop the run: the
	 * program's own answer is what the case checks (Falco refuses a bad
	 * configuration before it looks for the trace); it is named if the case fails.
	 */
	if (trun_build_argv(s, t, cfg, &r, &missing) < 0)
		tstr_list_add(&failures, "out of memory");
	/* the expected outputs are read after the run; a missing one fails the case now */
	for (size_t i = 0; i < t->nstrict; i++)
		free(trun_find(s, cfg, t->strict[i].expected, &failures));
	if (!failures.n)
		trun_prepare_outputs(s, t, &failures);
	char err[256];
	if (!failures.n && trun_exec(cfg, &r, err, sizeof(err)) < 0)
		tstr_list_addf(&failures, "cannot run %s: %s", cfg->exec_path, err);
	else if (!failures.n)
		tcheck_case(s, t, cfg, &r, &failures, &notes);
	for (size_t i = 0; i < missing.n; i++)
		tstr_list_add(failures.n ? &failures : &notes, missing.v[i]);
	tstr_list_free(&missing);
	enum tverdict v = failures.n ? TV_FAIL : TV_PASS;
	treport_case(rp, t, v, NULL, &failures, &notes, &r);
	trun_result_free(&r);
	tstr_list_free(&failures);
	tstr_list_free(&notes);
	return v;
}

int test_mode_main(int argc, char **argv)
{
	struct test_options o;
	memset(&o, 0, sizeof(o));
	int rc = parse(argc, argv, &o);
	struct tspec *specs = NULL;
	size_t nloaded = 0, total = 0;
	int status = 2;
	if (rc) {
		status = rc > 0 ? 0 : 2;
		goto out;
	}
	/* every spec is read before anything runs: a bad one stops the run */
	if (!(specs = calloc(o.nspecs, sizeof(*specs)))) {
		fputs("falconet-replay: out of memory\n", stderr);
		goto out;
	}
	for (; nloaded < o.nspecs; nloaded++) {
		char err[1024];
		if (tspec_load(o.specs[nloaded], &specs[nloaded], err, sizeof(err)) < 0) {
			fprintf(stderr, "falconet-replay: bad spec: %s\n", err);
			goto out;
		}
		total += specs[nloaded].n;
	}
	struct trun_config cfg = {o.exec_path, o.data_dirs, o.ndata_dirs, o.timeout_s};
	struct treport *rp = treport_begin(stdout, o.format, total);
	if (!rp) {
		fputs("falconet-replay: out of memory\n", stderr);
		goto out;
	}
	int failed = 0;
	for (size_t i = 0; i < nloaded; i++) {
		treport_spec(rp, &specs[i]);
		for (size_t j = 0; j < specs[i].n; j++)
			failed |= run_case(rp, &specs[i], &specs[i].cases[j], &cfg) == TV_FAIL;
	}
	if (treport_end(rp) < 0) {
		fprintf(stderr, "falconet-replay: writing the report: %s\n", strerror(errno));
		goto out;
	}
	status = failed ? 1 : 0;
out:
	for (size_t i = 0; i < nloaded; i++)
		tspec_free(&specs[i]);
	free(specs);
	free(o.specs);
	free(o.data_dirs);
	return status;
}
