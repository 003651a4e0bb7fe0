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
#include "trace_reader.h"

#define EXIT_BAD_INPUT 2

struct note_ctx {
	const char *file;
};

static void print_note(void *ctx, uint64_t offset, const char *note)
{
	struct note_ctx *n = ctx;
	fprintf(stderr, "falconet-replay: %s: offset %llu: %s\n", n->file,
		(unsigned long long)offset, note);
}

/* Shows the text with a caret under the column of the error. */
static void print_error_at(const char *what, const char *text, const char *msg, int col)
{
	fprintf(stderr, "falconet-replay: %s error at column %d: %s\n  %s\n  %*s^\n", what, col, msg,
		text, col > 1 ? col - 1 : 0, "");
}

/* Container events that open a file are metadata to sysdig: read, never shown. */
static int is_container_event(uint16_t type)
{
	return type == FNET_EV_CONTAINER_E || type == FNET_EV_CONTAINER_JSON_E ||
	       type == FNET_EV_CONTAINER_JSON_2_E;
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
	struct out_options oo = {o->time, o->buffers, max, p->line.tz_offset_s, o->json, o->all_params};
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
	struct fnet_eval_ctx ctx = {ev, t, st};
	return fnet_filter_match(filter, &ctx);
}

int main(int argc, char **argv)
{
	struct replay_options o;
	int rc = replay_parse_options(argc, argv, &o);
	if (rc)
		return rc > 0 ? 0 : EXIT_BAD_INPUT;
	if (o.list_fields) {
		output_list_fields(stdout, o.json);
		replay_free_options(&o);
		return fflush(stdout) == 0 ? 0 : EXIT_BAD_INPUT;
	}

	char err[FNET_ERRBUF_SIZE];
	struct fnet_filter *filter = NULL;
	if (o.filter) {
		int col = 0;
		filter = fnet_filter_compile(o.filter, err, &col);
		if (!filter) {
			print_error_at("filter", o.filter, err, col);
			replay_free_options(&o);
			return EXIT_BAD_INPUT;
		}
	}
	fnet_event_params_init();
	static char outbuf[1 << 16];
	setvbuf(stdout, outbuf, _IOFBF, sizeof(outbuf));
	struct printer pr;
	if (printer_init(&pr, &o, stdout) < 0) {
		printer_free(&pr);
		fnet_filter_free(filter);
		replay_free_options(&o);
		return EXIT_BAD_INPUT;
	}

	struct fnet_state st;
	fnet_state_init(&st);
	st.keep_cloexec = o.keep_cloexec;
	struct note_ctx note = {strcmp(o.input, "-") ? o.input : "<stdin>"};
	struct fnet_trace_sink sink = fnet_state_sink(&st);
	sink.on_note = print_note;
	sink.note_ctx = &note;
	struct fnet_trace_reader *r = fnet_trace_open(o.input, &sink, err);
	int status = 0;
	if (!r) {
		fprintf(stderr, "falconet-replay: %s: %s\n", note.file, err);
		status = EXIT_BAD_INPUT;
		goto out;
	}

	struct fnet_event ev;
	uint64_t printed = 0, passed = 0;
	int leading = 1, have_first = 0;
	struct out_event oe = {&ev, NULL, &st, 0, pr.track_latency ? &pr.latency : NULL};
	for (;;) {
		int n = fnet_trace_next(r, &ev, err);
		if (n == 0)
			break;
		if (n < 0) {
			fflush(stdout);
			fprintf(stderr, "falconet-replay: %s: %s\n", note.file, err);
			status = EXIT_BAD_INPUT;
			break;
		}
		struct fnet_thread *t = fnet_state_apply(&st, &ev);
		if (pr.track_latency)
			out_latency_update(&pr.latency, &ev, t);
		/* -t r and evt.reltime count from the first event that is not container metadata */
		if (!have_first && ev.type != FNET_EV_CONTAINER_JSON_E &&
		    ev.type != FNET_EV_CONTAINER_JSON_2_E) {
			oe.first_ts_ns = ev.ts_ns;
			have_first = 1;
		}
		if (leading && is_container_event(ev.type))
			continue;
		leading = 0;
		if (fnet_event_is_internal(&ev)) {
			if (o.max_events && internal_passes(filter, &ev, &st) && ++passed >= o.max_events)
				break;
			continue;
		}
		if (filter) {
			struct fnet_eval_ctx ctx = {&ev, t, &st};
			int matched = fnet_filter_match(filter, &ctx);
			fnet_filter_note_result(&ctx, matched);
			if (!matched)
				continue;
		}
		oe.thread = t;
		int p = printer_print(&pr, &oe);
		if (p < 0) {
			fprintf(stderr, "falconet-replay: writing output: %s\n", strerror(errno));
			status = EXIT_BAD_INPUT;
			break;
		}
		if (o.max_printed && (printed += (uint64_t)p) >= o.max_printed)
			break;
		if (o.max_events && ++passed >= o.max_events)
			break;
	}
	if (fflush(stdout) != 0 && status == 0) {
		fprintf(stderr, "falconet-replay: writing output: %s\n", strerror(errno));
		status = EXIT_BAD_INPUT;
	}
out:
	printer_free(&pr);
	fnet_trace_close(r);
	fnet_state_free(&st);
	fnet_filter_free(filter);
	replay_free_options(&o);
	return status;
}
