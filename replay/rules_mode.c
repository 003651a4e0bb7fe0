#include "rules_mode.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "alert_output.h"
#include "event_schema.h"
#include "falco_config.h"
#include "falco_log.h"
#include "filter.h"
#include "k8s_audit_reader.h"
#include "rule_report.h"
#include "rule_stats.h"
#include "ruleset.h"
#include "trace_loop.h"

#define EXIT_INVALID_RULES 1
#define EXIT_BAD_INPUT 2

/* Event types Falco skips without -A (EF_DROP_SIMPLE_CONS in libs e5c53d64). */
static const char *const simple_consumer_drops[] = {
	"access",     "brk",        "close",       "epoll_wait", "eventfd",     "fcntl",
	"fstat",      "fstat64",    "futex",       "getcwd",     "getdents",    "getdents64",
	"getegid",    "geteuid",    "getgid",      "getpeername", "getresgid",  "getresuid",
	"getrlimit",  "getsockname", "getsockopt", "getuid",     "llseek",      "lseek",
	"lstat",      "lstat64",    "mmap",        "mmap2",      "mprotect",    "munmap",
	"nanosleep",  "page_fault", "poll",        "ppoll",      "pread",       "preadv",
	"procinfo",   "pwrite",     "pwritev",     "read",       "readv",       "recv",
	"recvmmsg",   "select",     "semctl",      "semget",     "semop",       "send",
	"sendfile",   "sendmmsg",   "setrlimit",   "shutdown",   "signaldeliver", "splice",
	"stat",       "stat64",     "switch",      "timerfd_create", "write",   "writev"};

static void mark_dropped(uint8_t *dropped)
{
	for (uint16_t t = 0; t < FNET_EV_COUNT; t++) {
		const char *name = fnet_event_info(t)->name;
		for (size_t i = 0; i < sizeof(simple_consumer_drops) / sizeof(*simple_consumer_drops); i++)
			if (strcmp(name, simple_consumer_drops[i]) == 0)
				dropped[t] = 1;
	}
}

/*
 * A live stream: standard input fed by a pipe or a socket (falconet-capture -w -
 * | falconet-replay -r - ...). Falco skips the high-volume types in live
 * captures only; a trace file runs whole, as in Falco.
 */
static int is_live_stream(const char *input)
{
	struct stat st;
	if (strcmp(input, "-") != 0 || fstat(STDIN_FILENO, &st) < 0)
		return 0;
	return S_ISFIFO(st.st_mode) || S_ISSOCK(st.st_mode);
}

struct rules_run {
	const struct replay_options *o;
	const struct falco_config *cfg;
	const struct fnet_ruleset *rs;
	const struct fnet_filter *filter; /* the trailing expression, or NULL */
	struct alert_output *out;
	struct rule_stats stats;
	uint8_t dropped[FNET_EV_COUNT]; /* all 0 unless a live stream without --all-events */
	uint64_t events;
};

/*
 * Runs event `e` (its filter context `fc`) through the candidate rules: alerts,
 * counts. 0 to go on, 1 to stop (-c, -n), -1 after a reported write error.
 */
static int match_rules(struct rules_run *run, const struct fnet_rule *const *cands, size_t n,
		       const struct fnet_eval_ctx *fc, const struct out_event *e)
{
	for (size_t i = 0; i < n; i++) {
		if (!fnet_filter_match(cands[i]->filter, fc))
			continue;
		rule_stats_count(&run->stats, cands[i]);
		if (alert_output_emit(run->out, cands[i], e) < 0) {
			fprintf(stderr, "falconet-replay: writing alerts: %s\n", strerror(errno));
			return -1;
		}
		if (run->o->max_printed && run->stats.total >= run->o->max_printed)
			return 1;
		if (!run->cfg->match_all)
			break;
	}
	if (run->o->max_events && run->events >= run->o->max_events)
		return 1;
	return 0;
}

static int on_event(void *ctx, const struct out_event *e, int internal)
{
	struct rules_run *run = ctx;
	if (internal)
		return 0;
	uint16_t type = e->ev->type;
	if (type < FNET_EV_COUNT && run->dropped[type])
		return 0;
	struct fnet_eval_ctx fc = {.ev = e->ev, .thread = e->thread, .state = e->state};
	if (run->filter && !fnet_filter_match(run->filter, &fc))
		return 0;
	run->events++;
	size_t n;
	const struct fnet_rule *const *cands = fnet_ruleset_event_candidates(run->rs, e->ev, &n);
	return match_rules(run, cands, n, &fc, e);
}

/* The audit events of `input` through the k8s_audit rules: 0, or 2 for bad input. */
static int run_audit_log(struct rules_run *run, const char *input)
{
	char err[512];
	struct k8s_audit_reader *r = k8s_audit_reader_open(input, stderr, err, sizeof(err));
	if (!r) {
		fprintf(stderr, "falconet-replay: %s\n", err);
		return EXIT_BAD_INPUT;
	}
	size_t n;
	const struct fnet_rule *const *cands = fnet_ruleset_source_candidates(run->rs, "k8s_audit", &n);
	const struct fnet_audit_event *ae;
	int rc;
	while ((rc = k8s_audit_reader_next(r, &ae, err, sizeof(err))) == 1) {
		struct fnet_eval_ctx fc = {.ev = &ae->ev, .audit = ae};
		struct out_event oe = {.ev = &ae->ev, .first_ts_ns = ae->ev.ts_ns, .audit = ae};
		if (run->filter && !fnet_filter_match(run->filter, &fc))
			continue;
		run->events++;
		int m = match_rules(run, cands, n, &fc, &oe);
		if (m) {
			rc = m < 0 ? -1 : 0;
			err[0] = 0;
			break;
		}
	}
	if (rc < 0 && err[0])
		fprintf(stderr, "falconet-replay: %s\n", err);
	k8s_audit_reader_close(r);
	return rc < 0 ? EXIT_BAD_INPUT : 0;
}

/* The event source of the input: --source, else k8s_audit for a JSON file. */
static const char *input_source(const struct replay_options *o)
{
	if (o->source)
		return o->source;
	return k8s_audit_input_is_json(o->input) ? "k8s_audit" : "syscall";
}

/* The configuration: --config, then -o, then --min-priority. 0 or -1 (reported). */
static int read_config(const struct replay_options *o, struct falco_config *cfg)
{
	char err[512];
	falco_config_init(cfg);
	if (o->config && falco_config_load(cfg, o->config, err, sizeof(err)) < 0)
		goto bad;
	for (size_t i = 0; i < o->config_set.n; i++)
		if (falco_config_set(cfg, o->config_set.v[i], err, sizeof(err)) < 0)
			goto bad;
	if (o->min_priority) {
		int p = fnet_priority_parse(o->min_priority);
		if (p < 0) {
			snprintf(err, sizeof(err), "--min-priority: unknown priority '%s'",
				 o->min_priority);
			goto bad;
		}
		cfg->min_priority = p;
	}
	if (o->json)
		cfg->json_output = 1;
	return 0;
bad:
	fprintf(stderr, "falconet-replay: %s\n", err);
	return -1;
}

/* Loads the rules of --rules (or the configuration's rules_file). 0, or -1 (reported). */
static int load_rules(const struct replay_options *o, const struct falco_config *cfg,
		      struct fnet_ruleset *rs)
{
	size_t n = o->rules.n ? o->rules.n : cfg->nrules_files;
	int rc = 0;
	for (size_t i = 0; i < n; i++) {
		const char *path = o->rules.n ? o->rules.v[i] : cfg->rules_files[i];
		falco_log(cfg, "Loading rules from file %s", path);
		if (fnet_ruleset_load(rs, path) < 0) { /* Falco stops at the first bad file */
			rc = -1;
			break;
		}
	}
	rule_report_messages(rs, stderr, 1, o->debug);
	if (rc < 0)
		fputs("falconet-replay: invalid rules; see the errors above "
		      "(--validate FILE for a full report)\n",
		      stderr);
	return rc;
}

/* Falco's -D, -T, -t and priority, in Falco's order. */
static void select_rules(const struct replay_options *o, const struct falco_config *cfg,
			 struct fnet_ruleset *rs)
{
	for (size_t i = 0; i < o->disable_rules.n; i++)
		fnet_ruleset_enable_name(rs, o->disable_rules.v[i], 0);
	for (size_t i = 0; i < o->disable_tags.n; i++)
		fnet_ruleset_enable_tag(rs, o->disable_tags.v[i], 0);
	if (o->run_tags.n) {
		fnet_ruleset_enable_all(rs, 0);
		for (size_t i = 0; i < o->run_tags.n; i++)
			fnet_ruleset_enable_tag(rs, o->run_tags.v[i], 1);
	}
	fnet_ruleset_set_min_priority(rs, (enum fnet_priority)cfg->min_priority);
}

static int run_trace(const struct replay_options *o, const struct falco_config *cfg,
		     const struct fnet_ruleset *rs)
{
	struct rules_run run;
	memset(&run, 0, sizeof(run));
	run.o = o;
	run.cfg = cfg;
	run.rs = rs;
	if (!o->all_events && is_live_stream(o->input))
		mark_dropped(run.dropped);
	char err[FNET_ERRBUF_SIZE];
	struct fnet_filter *filter = NULL;
	const char *source = input_source(o);
	int audit = strcmp(source, "k8s_audit") == 0;
	if (o->filter) {
		int col = 0;
		struct fnet_filter_opts fo = {.source = source};
		if (!(filter = fnet_filter_compile_opts(o->filter, &fo, err, &col))) {
			fprintf(stderr, "falconet-replay: filter error at column %d: %s\n", col, err);
			return EXIT_BAD_INPUT;
		}
	}
	run.filter = filter;
	int status = EXIT_BAD_INPUT;
	if (rule_stats_init(&run.stats, fnet_ruleset_count(rs)) < 0) {
		fputs("falconet-replay: out of memory\n", stderr);
		goto out;
	}
	if (!(run.out = alert_output_new(cfg, fnet_ruleset_count(rs), err, sizeof(err)))) {
		fprintf(stderr, "falconet-replay: %s\n", err);
		goto out;
	}
	if (audit) {
		falco_log(cfg, "Reading Kubernetes audit events from file: %s", o->input);
		status = run_audit_log(&run, o->input);
	} else {
		falco_log(cfg, "Reading system call events from file: %s", o->input);
		struct fnet_state st;
		fnet_state_init(&st);
		struct trace_visit v = {on_event, &run, NULL};
		status = trace_loop_run(o->input, &st, &v);
		fnet_state_free(&st);
	}
	/* Falco's summary goes to stdout; with JSON alerts to stderr, so stdout stays JSON */
	rule_stats_print(&run.stats, rs, cfg->json_output ? stderr : stdout);
	if (alert_output_free(run.out) < 0 || fflush(stdout) != 0) {
		fprintf(stderr, "falconet-replay: writing alerts: %s\n", strerror(errno));
		status = EXIT_BAD_INPUT;
	}
out:
	rule_stats_free(&run.stats);
	fnet_filter_free(filter);
	return status;
}

int rules_mode_run(const struct replay_options *o)
{
	struct falco_config cfg;
	if (read_config(o, &cfg) < 0) { /* Falco's status for a bad configuration */
		falco_config_free(&cfg);
		return EXIT_INVALID_RULES;
	}
	if ((o->disable_rules.n || o->disable_tags.n) && o->run_tags.n) {
		/* Falco's words, with its flags: specs written for Falco look for them */
		fputs("Error: You can not specify both disabled (-D/-T) and enabled (-t) rules "
		      "(Falco's flags; in falconet-replay: --disable-rules/--disable-tags and --run-tags)\n",
		      stderr);
		falco_config_free(&cfg);
		return EXIT_INVALID_RULES;
	}
	struct fnet_ruleset_opts ropts = {.check_output = alert_output_check,
					  .check_output_source = alert_output_check_source};
	struct fnet_ruleset *rs = fnet_ruleset_new(&ropts);
	int status = 0;
	if (!rs) {
		fputs("falconet-replay: out of memory\n", stderr);
		status = EXIT_BAD_INPUT;
	} else if (o->validate.n) {
		status = rule_report_validate(rs, o->validate.v, o->validate.n, cfg.json_output,
					      stdout)
				 ? EXIT_INVALID_RULES
				 : 0;
	} else if (load_rules(o, &cfg, rs) < 0) {
		status = EXIT_INVALID_RULES;
	} else {
		select_rules(o, &cfg, rs);
		if (o->list_rules || o->describe_rule)
			status = rule_report_describe(rs, o->describe_rule, stdout) < 0 ? EXIT_INVALID_RULES : 0;
		else
			status = run_trace(o, &cfg, rs);
	}
	if (fflush(stdout) != 0 && status == 0)
		status = EXIT_BAD_INPUT;
	fnet_ruleset_free(rs);
	falco_config_free(&cfg);
	return status;
}
