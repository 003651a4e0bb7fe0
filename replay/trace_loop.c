#include "trace_loop.h"

#include <stdio.h>
#include <string.h>

#include "event_codes.h"
#include "trace_reader.h"

#define EXIT_BAD_INPUT 2

static void print_note(void *ctx, uint64_t offset, const char *note)
{
	fprintf(stderr, "falconet-replay: %s: offset %llu: %s\n", (const char *)ctx,
		(unsigned long long)offset, note);
}

/* Container events that open a file are metadata to sysdig: read, never shown. */
static int is_container_event(uint16_t type)
{
	return type == FNET_EV_CONTAINER_E || type == FNET_EV_CONTAINER_JSON_E ||
	       type == FNET_EV_CONTAINER_JSON_2_E;
}

int trace_loop_run(const char *input, struct fnet_state *st, const struct trace_visit *v)
{
	const char *name = strcmp(input, "-") ? input : "<stdin>";
	char err[FNET_ERRBUF_SIZE];
	struct fnet_trace_sink sink = fnet_state_sink(st);
	sink.on_note = print_note;
	sink.note_ctx = (void *)name;
	struct fnet_trace_reader *r = fnet_trace_open(input, &sink, err);
	if (!r) {
		fprintf(stderr, "falconet-replay: %s: %s\n", name, err);
		return EXIT_BAD_INPUT;
	}
	struct fnet_event ev;
	int status = 0, leading = 1, have_first = 0;
	struct out_event oe = {&ev, NULL, st, 0, v->latency};
	for (;;) {
		int n = fnet_trace_next(r, &ev, err);
		if (n == 0)
			break;
		if (n < 0) {
			fflush(stdout);
			fprintf(stderr, "falconet-replay: %s: %s\n", name, err);
			status = EXIT_BAD_INPUT;
			break;
		}
		struct fnet_thread *t = fnet_state_apply(st, &ev);
		if (v->latency)
			out_latency_update(v->latency, &ev, t);
		if (!have_first && ev.type != FNET_EV_CONTAINER_JSON_E &&
		    ev.type != FNET_EV_CONTAINER_JSON_2_E) {
			oe.first_ts_ns = ev.ts_ns;
			have_first = 1;
		}
		if (leading && is_container_event(ev.type))
			continue;
		leading = 0;
		oe.thread = t;
		int rc = v->on_event(v->ctx, &oe, fnet_event_is_internal(&ev));
		if (rc > 0)
			break;
		if (rc < 0) {
			status = EXIT_BAD_INPUT;
			break;
		}
	}
	fnet_trace_close(r);
	return status;
}
