/*
 * falconet-capture: open the capture driver, snapshot the system, write events
 * (filtered, if a filter is given) to a rotating set of scap trace files.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "engine.h"
#include "falconet_ioctl.h" /* FNET_KMOD_DEVICE */
#include "event.h"
#include "event_keep.h"
#include "event_params.h"
#include "filter.h"
#include "options.h"
#include "output.h"
#include "prefilter.h"
#include "privdrop.h"
#include "proc_snapshot.h"
#include "state.h"

#define PROG "falconet-capture"
#define EXIT_RUNTIME 1
#define EXIT_USAGE 2
#define POLL_MS 250        /* engine wait per loop turn */
#define FLUSH_EVERY_MS 1000 /* a killed capture loses at most this much */

static volatile sig_atomic_t stop_signal;

static void on_signal(int sig)
{
	stop_signal = sig;
}

/* SIGINT and SIGTERM end the capture at the next loop turn; no SA_RESTART, so a
 * wait in the engine returns at once. SIGPIPE becomes a write error. */
static void install_signals(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sa.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &sa, NULL);
}

static uint64_t mono_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000u + (uint64_t)ts.tv_nsec / 1000000u;
}

/* What the file headers are made of: the snapshot taken at start, then fresh ones. */
struct header_src {
	struct proc_snapshot snap;
	const char *procfs;
	int verbose;
};

static void print_snapshot_stats(const struct proc_snapshot *s)
{
	const struct proc_snapshot_stats *st = &s->stats;
	fprintf(stderr,
		PROG ": snapshot: %zu processes, %zu threads, %zu fds, %zu users, %zu groups in "
		     "%.1f ms (%zu exited meanwhile, %zu fd tables not readable, %zu processes "
		     "completed from the previous snapshot)\n",
		st->processes, st->threads, st->fds, s->accounts.nusers, s->accounts.ngroups,
		(double)st->scan_ns / 1e6, st->vanished, st->fds_unreadable, st->carried);
}

static int write_header(void *ctx, struct fnet_trace_writer *w, unsigned index, char *err)
{
	struct header_src *h = ctx;
	if (index > 0) {
		/* A later file describes the system as it is when the file begins; what we
		 * may no longer read (after -Z) comes from the snapshot before. */
		struct proc_snapshot next;
		if (proc_snapshot_take(&next, h->procfs, &h->snap, err) < 0)
			return -1;
		proc_snapshot_free(&h->snap);
		h->snap = next;
		if (h->verbose)
			print_snapshot_stats(&h->snap);
	}
	return proc_snapshot_write(&h->snap, w, err);
}

static void print_open(void *ctx, const char *path)
{
	struct header_src *h = ctx;
	if (h->verbose)
		fprintf(stderr, PROG ": writing %s\n", strcmp(path, "-") ? path : "to standard output");
}

/*
 * Opens driver `name` ("bpf" or "kmod"; NULL: the eBPF probe, or the kernel module
 * when the probe cannot load and the module's device exists) and sets `*ops` to
 * it. Returns the engine, or NULL after printing why.
 */
static struct fnet_engine *open_driver(const char *name, const struct fnet_engine_config *cfg,
				       const struct fnet_engine_ops **ops)
{
	char err[FNET_ERRBUF_SIZE];
	*ops = name && strcmp(name, "kmod") == 0 ? &fnet_engine_kmod : &fnet_engine_bpf;
	struct fnet_engine *e = (*ops)->open(cfg, err);
	if (!e && !name && access(FNET_KMOD_DEVICE "0", F_OK) == 0) {
		fprintf(stderr, PROG ": cannot open the %s driver: %s; using the kernel module\n", (*ops)->name,
			err);
		*ops = &fnet_engine_kmod;
		e = (*ops)->open(cfg, err);
	}
	if (!e)
		fprintf(stderr, PROG ": cannot open the %s driver: %s\n", (*ops)->name, err);
	return e;
}

/* State of the capture loop, shared with the engine callback. */
struct capture {
	const struct capture_options *opt;
	struct output *out;
	const struct fnet_filter *filter; /* NULL: every event is written */
	struct fnet_state state;          /* kept only with a filter */
	struct event_keep keep;
	struct fnet_event ev;             /* decoded in place: no allocation per event */
	uint64_t received, written, matched;
	int done;                         /* -c reached, file limit, or error */
	int failed;
	char err[FNET_ERRBUF_SIZE];
};

/*
 * Decides whether a filtered capture writes the record: returns 1 to write it,
 * and sets `*matched` when the filter matched (only matches count toward -c).
 */
static int judge(struct capture *c, const uint8_t *rec, uint32_t len, uint16_t cpu, int *matched)
{
	char why[FNET_ERRBUF_SIZE];
	*matched = 0;
	if (fnet_event_decode(&c->ev, rec, len, 1, why) < 0)
		return 1; /* not ours to judge: kept as the driver gave it */
	c->ev.num = c->received;
	c->ev.cpu = cpu;
	struct fnet_thread *t = fnet_state_apply(&c->state, &c->ev);
	if (t) {
		struct fnet_eval_ctx ctx = {.ev = &c->ev, .thread = t, .state = &c->state};
		*matched = fnet_filter_match(c->filter, &ctx);
	}
	return *matched || event_keep_type(&c->keep, c->ev.type);
}

static int on_record(void *ctx, uint16_t cpu, const uint8_t *rec, uint32_t len)
{
	struct capture *c = ctx;
	c->received++;
	int matched = 1;
	if (c->filter && !judge(c, rec, len, cpu, &matched))
		return 0;
	int rc = output_write_event(c->out, cpu, rec, len, (int64_t)time(NULL), c->err);
	if (rc != 0) {
		c->done = 1;
		c->failed = rc < 0;
		if (rc > 0 && !c->opt->quiet)
			fprintf(stderr, PROG ": maximum file limit reached: %u\n", c->opt->max_files);
		return 1;
	}
	c->written++;
	if (!matched)
		return 0;
	c->matched++;
	if (c->opt->max_events && c->matched >= c->opt->max_events) {
		c->done = 1;
		return 1;
	}
	return 0;
}

static void print_totals(const struct capture *c, const struct output_totals *t,
			 const struct fnet_engine_stats *es)
{
	fprintf(stderr, "%llu events captured\n", (unsigned long long)c->matched);
	if (c->filter)
		fprintf(stderr, "%llu events written (with the events that keep process and fd state)\n",
			(unsigned long long)c->written);
	fprintf(stderr, "%llu events received from the driver\n", (unsigned long long)c->received);
	if (es)
		fprintf(stderr, "%llu events dropped by the kernel\n", (unsigned long long)es->drops);
	fprintf(stderr, "%llu bytes written to %llu file%s", (unsigned long long)t->bytes,
		(unsigned long long)t->files, t->files == 1 ? "" : "s");
	if (c->opt->compression != FNET_COMPRESSION_NONE && t->bytes)
		fprintf(stderr, " (%llu uncompressed, compression ratio %.2f)",
			(unsigned long long)t->uncompressed, (double)t->uncompressed / (double)t->bytes);
	fputc('\n', stderr);
}

static void print_filter_error(const char *expr, const char *msg, int col)
{
	fprintf(stderr, PROG ": filter error at column %d: %s\n  %s\n  %*s^\n", col, msg, expr,
		col > 1 ? col - 1 : 0, "");
}

/* Waits for events until -c, --duration, a signal, the file limit or an error. */
static void capture_loop(struct capture *c, const struct fnet_engine_ops *ops, struct fnet_engine *e)
{
	uint64_t start = mono_ms();
	while (!c->done && !stop_signal) {
		uint64_t now = mono_ms();
		int timeout = POLL_MS;
		if (c->opt->duration_ms) {
			if (now - start >= c->opt->duration_ms)
				break;
			uint64_t left = c->opt->duration_ms - (now - start);
			if (left < (uint64_t)timeout)
				timeout = (int)left;
		}
		char why[FNET_ERRBUF_SIZE];
		if (ops->poll(e, timeout, on_record, c, why) < 0) {
			snprintf(c->err, sizeof(c->err), "reading events from the %s driver: %.400s",
				 ops->name, why);
			c->failed = 1;
			break;
		}
		if (!c->failed && output_tick(c->out, mono_ms(), FLUSH_EVERY_MS, c->err) < 0)
			c->failed = 1;
		if (c->failed)
			break;
	}
}

int main(int argc, char **argv)
{
	struct capture_options opt;
	int rc = capture_parse_options(argc, argv, &opt);
	if (rc)
		return rc > 0 ? 0 : EXIT_USAGE;

	static struct capture c; /* large (event table): not on the stack */
	c.opt = &opt;
	char err[FNET_ERRBUF_SIZE];
	struct fnet_filter *filter = NULL;
	if (opt.filter) {
		int col = 0;
		if (!(filter = fnet_filter_compile(opt.filter, err, &col))) {
			print_filter_error(opt.filter, err, col);
			capture_free_options(&opt);
			return EXIT_USAGE;
		}
	}
	struct priv_user user;
	if (opt.user && priv_lookup(opt.user, &user, err) < 0) {
		fprintf(stderr, PROG ": %s\n", err);
		fnet_filter_free(filter);
		capture_free_options(&opt);
		return EXIT_USAGE;
	}
	fnet_event_params_init();
	event_keep_init(&c.keep);
	fnet_state_init(&c.state);
	c.filter = filter;
	install_signals();

	int status = 0;
	const struct fnet_engine_ops *ops = &fnet_engine_bpf;
	struct fnet_engine *engine = NULL;
	static struct header_src hdr;
	hdr.procfs = "/proc";
	hdr.verbose = opt.verbose;
	if (!opt.snapshot_only) {
		/* With a filter, the probe records only the syscalls it may keep. */
		static uint8_t syscall_set[FNET_ENGINE_MAX_SYSCALLS];
		struct fnet_engine_config cfg = {
			.snaplen = opt.snaplen,
			.exclude_tgid = (int32_t)getpid(),
			.syscall_set = filter && capture_prefilter(filter, syscall_set) > 0 ? syscall_set
											     : NULL,
			.ring_bytes = 0,
		};
		if (!(engine = open_driver(opt.driver, &cfg, &ops))) {
			status = EXIT_RUNTIME;
			goto out;
		}
	}
	/* The snapshot follows the driver's start, so processes born in between
	 * show in one or the other; it is read with the privileges we started with. */
	if (proc_snapshot_take(&hdr.snap, hdr.procfs, NULL, err) < 0) {
		fprintf(stderr, PROG ": %s\n", err);
		status = EXIT_RUNTIME;
		goto out;
	}
	if (opt.verbose)
		print_snapshot_stats(&hdr.snap);
	if (filter) {
		struct fnet_trace_sink sink = fnet_state_sink(&c.state);
		if (proc_snapshot_feed(&hdr.snap, &sink) < 0) {
			fprintf(stderr, PROG ": out of memory loading the snapshot\n");
			status = EXIT_RUNTIME;
			goto out;
		}
	}
	if (opt.user && priv_drop(&user, err) < 0) {
		fprintf(stderr, PROG ": %s\n", err);
		status = EXIT_RUNTIME;
		goto out;
	}
	struct output_config oc = {
		.path = opt.output,
		.compression = opt.compression,
		.rotate_bytes = opt.rotate_bytes,
		.rotate_seconds = opt.rotate_seconds,
		.max_files = opt.max_files,
		.write_header = write_header,
		.header_ctx = &hdr,
		.on_open = print_open,
	};
	if (!(c.out = output_open(&oc, err))) {
		fprintf(stderr, PROG ": %s\n", err);
		if (opt.user)
			fprintf(stderr, PROG ": files are created as user %s (-Z): the output directory "
					     "must be writable by that user\n", user.name);
		status = EXIT_RUNTIME;
		goto out;
	}
	if (!opt.snapshot_only) {
		capture_loop(&c, ops, engine);
		/* events recorded before the stop may still wait in the ring: write them */
		char why[FNET_ERRBUF_SIZE];
		if (!c.failed && !c.done && ops->poll(engine, 0, on_record, &c, why) < 0) {
			snprintf(c.err, sizeof(c.err), "reading events from the %s driver: %.400s",
				 ops->name, why);
			c.failed = 1;
		}
	}
	if (c.failed) {
		fprintf(stderr, PROG ": %s\n", c.err);
		status = EXIT_RUNTIME;
	}
	struct fnet_engine_stats es;
	int have_stats = engine && ops->stats(engine, &es, err) == 0;
	struct output_totals totals;
	if (output_close(c.out, &totals, err) < 0) {
		fprintf(stderr, PROG ": %s\n", err);
		status = EXIT_RUNTIME;
	}
	c.out = NULL;
	if (!opt.quiet && opt.snapshot_only) {
		if (!opt.verbose)
			print_snapshot_stats(&hdr.snap);
		fprintf(stderr, "%llu bytes written\n", (unsigned long long)totals.bytes);
	} else if (!opt.quiet) {
		if (stop_signal)
			fputc('\n', stderr); /* after the terminal's ^C */
		print_totals(&c, &totals, have_stats ? &es : NULL);
	}
out:
	output_close(c.out, NULL, err);
	if (engine)
		ops->close(engine);
	proc_snapshot_free(&hdr.snap);
	fnet_state_free(&c.state);
	fnet_filter_free(filter);
	capture_free_options(&opt);
	return status;
}
