/*
 * The read loop shared by falconet-replay's modes: open a trace (file or "-"),
 * read its events, keep process and fd state, and hand each event to a visitor.
 * Container metadata events at the start of a trace are read but not visited
 * (sysdig does not show them); the first event that is not container metadata
 * sets the trace's start time (evt.reltime, -t r).
 */
#ifndef FNET_REPLAY_TRACE_LOOP_H
#define FNET_REPLAY_TRACE_LOOP_H

#include "output_fields.h"
#include "state.h"

struct trace_visit {
	/*
	 * Called for each event after the state has taken it. `internal`: an event
	 * sysdig never prints (procinfo ...). Returns 0 to go on, 1 to stop, -1 on a
	 * failure it has reported (the loop then returns 2).
	 */
	int (*on_event)(void *ctx, const struct out_event *e, int internal);
	void *ctx;
	/* Kept up to date for every event when not NULL (formats that show latencies). */
	struct out_latency *latency;
};

/*
 * Reads `input` ("-": standard input) into `st` (initialised by the caller) and
 * visits its events. Returns 0 at the end of the trace or when the visitor
 * stops; 2 after printing "falconet-replay: FILE: ..." for a trace that cannot
 * be opened or is damaged (the events before the damage were visited).
 */
int trace_loop_run(const char *input, struct fnet_state *st, const struct trace_visit *v);

#endif
