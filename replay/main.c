/* falconet-replay: read a trace, rebuild state, filter, print. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "event_format.h"
#include "event_params.h"
#include "filter.h"
#include "format.h"
#include "line_printer.h"
#include "options.h"
#include "output_list.h"
#include "state.h"
#include "trace_loop.h"
#include "rules_mode.h"
#include "test_mode.h"

#define EXIT_BAD_INPUT 2

/* Shows the text with a caret under the column of the error. */
static void print_error_at(const char *what, const char *text, const char *msg, int col)
{
	fprintf(stderr, "falconet-replay: %s error at column %d: %s\n  %s\n  %*s^\n", what, col, msg,
		text, col > 1 ? col - 1 : 0, "");
}

/*
 * How events are printed: sysdig's default line by the line printer, the fast
 * path, unless a format, JSON, a time style or a buffer style asks for the
 * general formatter.
 */
struct printer {
	struct line_printer line;
	struct out_format *format; /* NULL: the line printer */
	int track_latency;         /* the format shows latencies: keep `latency` current */
	struct out_latency latency;
	struct fnet_strbuf buf;
	FILE *out;
};

static int printer_init(struct printer *p, const struct replay_options *o, FILE *out)
{
	memset(p, 0, sizeof(*p));
	p->out = out;
	uint32_t max = o->verbose ? 0 : FNET_DEFAULT_BYTEBUF_MAX;
	line_printer_init(&p->line, out, max, o->all_params);
	if (!o->format && !o->json && o->time == TIME_HUMAN && o->buffers == BUF_DOTS)
		return 0;
	struct out_options oo = {.time = o->time, .buffers = o->buffers, .bytebuf_max = max,
				 .tz_offset_s = p->line.tz_offset_s, .json = o->json,
				 .all_params = o->all_params};
	const char *fmt = o->format ? o->format : OUT_FORMAT_DEFAULT;
	char err[256];
	int col = 0;
	p->format = out_format_compile(fmt, &oo, err, sizeof(err), &col);
	if (!p->format) {
		print_error_at("format", fmt, err, col);
		return -1;
	}
	p->track_latency = out_format_needs_latency(p->format);
	return 0;
}

/* Prints one event: 1 printed, 0 not (a format field without a value), -1 output error. */
static int printer_print(struct printer *p, const struct out_event *e)
{
	if (!p->format)
		return line_printer_print(&p->line, e->ev, e->thread, e->state) < 0 ? -1 : 1;
	fnet_strbuf_reset(&p->buf);
	int printed = out_format_print(p->format, &p->buf, e);
	if (p->buf.oom) {
		errno = ENOMEM;
		return -1;
	}
	if (printed && fwrite(p->buf.ptr, 1, p->buf.len, p->out) != p->buf.len)
		return -1;
	return printed;
}

static void printer_free(struct printer *p)
{
	line_printer_free(&p->line);
	out_format_free(p->format);
	fnet_strbuf_free(&p->buf);
	out_latency_free(&p->latency);
}

/*
 * Whether an internal event (procinfo ...) passes the filter, for -n's count:
 * sysdig filters them with their thread for procinfo, without one otherwise.
 */
static int internal_passes(const struct fnet_filter *filter, const struct fnet_event *ev,
			   const struct fnet_state *st)
{
	if (!filter)
		return 1;
	struct fnet_thread *t = ev->type == FNET_EV_PROCINFO_E ? fnet_state_thread(st, ev->tid) : NULL;
	struct fnet_eval_ctx ctx = {.ev = ev, .thread = t, .state = st};
	return fnet_filter_match(filter, &ctx);
}

/* The event printing mode: its filter, printer and counts. */
struct print_run {
	const struct replay_options *o;
	const struct fnet_filter *filter;
	struct printer *pr;
	uint64_t printed, passed;
};

static int print_event(void *ctx, const struct out_event *e, int internal)
{
	struct print_run *run = ctx;
	const struct replay_options *o = run->o;
	if (internal) {
		if (o->max_events && internal_passes(run->filter, e->ev, e->state) &&
		    ++run->passed >= o->max_events)
			return 1;
		return 0;
	}
	if (run->filter) {
		struct fnet_eval_ctx fc = {.ev = e->ev, .thread = e->thread, .state = e->state};
		int matched = fnet_filter_match(run->filter, &fc);
		fnet_filter_note_result(&fc, matched); /* sysdig's early filtering (filter.h) */
		if (!matched)
			return 0;
	}
	int p = printer_print(run->pr, e);
	if (p < 0) {
		fprintf(stderr, "falconet-replay: writing output: %s\n", strerror(errno));
		return -1;
	}
	if (o->max_printed && (run->printed += (uint64_t)p) >= o->max_printed)
		return 1;
	if (o->max_events && ++run->passed >= o->max_events)
		return 1;
	return 0;
}

static int print_events(const struct replay_options *o)
{
	char err[FNET_ERRBUF_SIZE];
	struct fnet_filter *filter = NULL;
	if (o->filter) {
		int col = 0;
		filter = fnet_filter_compile(o->filter, err, &col);
		if (!filter) {
			print_error_at("filter", o->filter, err, col);
			return EXIT_BAD_INPUT;
		}
	}
	struct printer pr;
	if (printer_init(&pr, o, stdout) < 0) {
		printer_free(&pr);
		fnet_filter_free(filter);
		return EXIT_BAD_INPUT;
	}
	struct fnet_state st;
	fnet_state_init(&st);
	st.keep_cloexec = o->keep_cloexec;
	struct print_run run = {o, filter, &pr, 0, 0};
	struct trace_visit v = {print_event, &run, pr.track_latency ? &pr.latency : NULL};
	int status = trace_loop_run(o->input, &st, &v);
	if (fflush(stdout) != 0 && status == 0) {
		fprintf(stderr, "falconet-replay: writing output: %s\n", strerror(errno));
		status = EXIT_BAD_INPUT;
	}
	printer_free(&pr);
	fnet_state_free(&st);
	fnet_filter_free(filter);
	return status;
}

int main(int argc, char **argv)
{
	if (test_mode_wanted(argc, argv))
		return test_mode_main(argc, argv);
	struct replay_options o;
	int rc = replay_parse_options(argc, argv, &o);
	if (rc) {
		replay_free_options(&o);
		return rc > 0 ? 0 : EXIT_BAD_INPUT;
	}
	static char outbuf[1 << 16];
	setvbuf(stdout, outbuf, _IOFBF, sizeof(outbuf));
	int status;
	if (o.list_fields || o.list_events) {
		if (o.list_fields)
			output_list_fields(stdout, o.json);
		else
			output_list_events(stdout);
		status = fflush(stdout) == 0 ? 0 : EXIT_BAD_INPUT;
	} else {
		fnet_event_params_init();
		status = replay_uses_rules(&o) ? rules_mode_run(&o) : print_events(&o);
	}
	replay_free_options(&o);
	return status;
}
