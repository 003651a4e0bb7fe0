/* falconet-replay: read a trace, rebuild state, filter, print. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "event_format.h"
#include "event_params.h"
#include "filter.h"
#include "line_printer.h"
#include "options.h"
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

/* Shows the expression with a caret under the column of the error. */
static void print_filter_error(const char *expr, const char *msg, int col)
{
	fprintf(stderr, "falconet-replay: filter error at column %d: %s\n  %s\n  %*s^\n", col, msg,
		expr, col > 1 ? col - 1 : 0, "");
}

/* Container events that open a file are metadata to sysdig: read, never shown. */
static int is_container_event(uint16_t type)
{
	return type == FNET_EV_CONTAINER_E || type == FNET_EV_CONTAINER_JSON_E ||
	       type == FNET_EV_CONTAINER_JSON_2_E;
}

int main(int argc, char **argv)
{
	struct replay_options o;
	int rc = replay_parse_options(argc, argv, &o);
	if (rc)
		return rc > 0 ? 0 : EXIT_BAD_INPUT;

	char err[FNET_ERRBUF_SIZE];
	struct fnet_filter *filter = NULL;
	if (o.filter) {
		int col = 0;
		filter = fnet_filter_compile(o.filter, err, &col);
		if (!filter) {
			print_filter_error(o.filter, err, col);
			replay_free_options(&o);
			return EXIT_BAD_INPUT;
		}
	}
	fnet_event_params_init();

	struct fnet_state st;
	fnet_state_init(&st);
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

	static char outbuf[1 << 16];
	setvbuf(stdout, outbuf, _IOFBF, sizeof(outbuf));
	struct line_printer lp;
	line_printer_init(&lp, stdout, o.verbose ? 0 : FNET_DEFAULT_BYTEBUF_MAX);
	struct fnet_event ev;
	uint64_t printed = 0;
	int leading = 1;
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
		if (leading && is_container_event(ev.type))
			continue;
		leading = 0;
		if (fnet_event_is_internal(&ev))
			continue;
		if (filter) {
			struct fnet_eval_ctx ctx = {&ev, t, &st};
			if (!fnet_filter_match(filter, &ctx))
				continue;
		}
		if (line_printer_print(&lp, &ev, t, &st) < 0) {
			fprintf(stderr, "falconet-replay: writing output: %s\n", strerror(errno));
			status = EXIT_BAD_INPUT;
			break;
		}
		if (o.max_events && ++printed >= o.max_events)
			break;
	}
	if (fflush(stdout) != 0 && status == 0) {
		fprintf(stderr, "falconet-replay: writing output: %s\n", strerror(errno));
		status = EXIT_BAD_INPUT;
	}
	line_printer_free(&lp);
out:
	fnet_trace_close(r);
	fnet_state_free(&st);
	fnet_filter_free(filter);
	replay_free_options(&o);
	return status;
}
