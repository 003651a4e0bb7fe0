/*
 * Output formats (-p FORMAT), as sysdig 0.29.3 reads them:
 *
 *   %FIELD       a field: the longest known field name the text starts with, with its
 *                argument when it takes one: %proc.aname[2], %evt.arg.fd, %evt.arg[0]
 *   %{FIELD}     the same, delimited (a falconet addition: sysdig 0.29.3 refuses it),
 *                for a field followed by letters or digits: %{proc.name}s
 *   %NFIELD      the value cut or padded with spaces to N bytes: %20proc.name
 *   \n \t \e \\  newline, tab, escape, backslash; any other backslash is kept as is
 *   *            as the first character: print every event, a field without a value
 *                as <NA>; without it, an event is printed only when all its fields
 *                have a value
 *   other text   printed as it is
 *
 * Differences from sysdig, where falconet refuses what sysdig reads in a surprising
 * way: a field name directly followed by a letter, digit, '_' or '.'+letter is
 * refused (sysdig reads %evt.numabc as evt.num then "abc", and would read
 * %proc.exepath as proc.exepath, a field falconet may lack: %{...} says which is
 * meant); an unclosed '[' is refused (sysdig prints garbage); a trailing lone
 * backslash is printed (sysdig exits with status 1 and no message).
 *
 * With -j each printed event is one JSON object of its fields, keyed by the field
 * as written (proc.name, evt.arg.fd), keys sorted; literal text is left out, and a
 * format without fields prints null, as sysdig does. Numbers are JSON numbers,
 * time strings (evt.time, evt.outputtime ...) the event's time stamp in ns.
 *
 * The format is compiled once into tokens (literal text, or a field with its bound
 * extractor and argument); printing an event allocates nothing beyond growing
 * reused buffers and looks nothing up by name.
 */
#ifndef FNET_REPLAY_FORMAT_H
#define FNET_REPLAY_FORMAT_H

#include <stddef.h>

#include "output_fields.h"

/* sysdig's default line: -t and the buffer options change its time and its buffers. */
#define OUT_FORMAT_DEFAULT "*%evt.num %evt.outputtime %evt.cpu %proc.name (%thread.tid) %evt.dir %evt.type %evt.info"

struct out_format;

/*
 * Compiles `fmt` for printing with options `o` (copied). Returns the format, or
 * NULL with a message in `err` (`errsize` bytes) and the 1-based column of the
 * problem in `fmt` in *col: an empty format, an unknown field, '%' at the end or
 * not followed by a field, an unterminated %{ or [, a field argument that is
 * missing or not taken, text that would extend a field name.
 */
struct out_format *out_format_compile(const char *fmt, const struct out_options *o, char *err,
				      size_t errsize, int *col);

/*
 * Appends event `e` to `out` as a line (text or JSON) ending in '\n' and returns
 * 1; returns 0 and appends nothing when the event is not printed (a field without
 * a value in a format without '*'). Every field is evaluated either way, so that
 * the fields that remember the previous event (evt.deltatime, -t D) see each event
 * given here, as in sysdig.
 */
int out_format_print(struct out_format *f, struct fnet_strbuf *out, const struct out_event *e);

/* 1 when the format shows a latency (evt.latency, -t d), which needs an out_latency. */
int out_format_needs_latency(const struct out_format *f);

void out_format_free(struct out_format *f);

#endif
