/*
 * sysdig's default event line:
 *   evt.num evt.time evt.cpu proc.name (thread.tid) evt.dir evt.type evt.info
 * with the time as HH:MM:SS.nnnnnnnnn in local time.
 */
#ifndef FNET_LINE_PRINTER_H
#define FNET_LINE_PRINTER_H

#include <stdio.h>

#include "event_format.h"

struct line_printer {
	FILE *out;
	long tz_offset_s;          /* local time minus UTC, taken once at start as sysdig does */
	uint32_t bytebuf_max;      /* see struct fnet_format_ctx */
	int all_params;            /* see struct fnet_format_ctx */
	struct fnet_strbuf line;
};

/*
 * Prepares printing to `out`. `bytebuf_max` 0 prints buffers whole; `all_params` 1
 * shows parameters beyond sysdig 0.29.3's (struct fnet_format_ctx).
 */
void line_printer_init(struct line_printer *p, FILE *out, uint32_t bytebuf_max, int all_params);

/* Prints one event. Returns 0, or -1 when the output failed (errno set). */
int line_printer_print(struct line_printer *p, const struct fnet_event *ev,
		       const struct fnet_thread *t, const struct fnet_state *st);

void line_printer_free(struct line_printer *p);

#endif
