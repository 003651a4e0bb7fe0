/*
 * The set of files a capture writes, with tcpdump's rotation rules:
 *
 *  -C (rotate_bytes): before an event is written, a file already larger than the
 *     limit is closed and the next one opened: FILE, FILE1, FILE2... With -W N the
 *     numbers go round 0..N-1 (FILE0, FILE1... padded to the digits of N-1) and old
 *     files are overwritten: a ring of N files.
 *  -G (rotate_seconds): before an event is written, a file opened at least that
 *     many seconds ago is closed and the next one opened; the -w name is a
 *     strftime(3) template expanded with the local time of opening. With -W N
 *     (and no -C), the capture ends instead of opening file N+1. With -C as well,
 *     the count restarts at each time rotation and -W only sets the digits.
 *
 * Every file starts with the section header and the blocks of the header callback
 * (machine, users, processes, fds), so each one can be read alone. Rotation only
 * happens once the current file holds at least one event, so a header larger
 * than -C still leaves one event per file. Sizes are bytes on disk (after
 * compression; compressed output is measured when the compressor hands data on,
 * so a file may pass the limit by the compressor's buffer).
 */
#ifndef FNET_CAPTURE_OUTPUT_H
#define FNET_CAPTURE_OUTPUT_H

#include <stdint.h>

#include "byte_stream.h"
#include "trace_writer.h"

struct output_config {
	const char *path;          /* -w: file name or template; "-" = standard output */
	enum fnet_compression compression;
	uint64_t rotate_bytes;     /* -C in bytes, 0 = off */
	uint32_t rotate_seconds;   /* -G, 0 = off */
	uint32_t max_files;        /* -W, 0 = no limit */
	/*
	 * Writes the blocks that follow the section header at the start of every file.
	 * `index` is 0 for the first file, then 1, 2... Returns 0, or -1 with `err`.
	 */
	int (*write_header)(void *ctx, struct fnet_trace_writer *w, unsigned index, char *err);
	void *header_ctx;
	/* Called with each file name as it is opened (verbose output), or NULL. */
	void (*on_open)(void *ctx, const char *path);
};

struct output_totals {
	uint64_t files;            /* files opened */
	uint64_t bytes;            /* bytes written to disk over all files */
	uint64_t uncompressed;     /* the same before compression */
};

struct output;

/*
 * Opens the first file and writes its header. The config is copied, but
 * `path` and the callbacks' contexts must outlive the output. Returns the output,
 * or NULL with a message naming the file in `err` (FNET_ERRBUF_SIZE bytes).
 */
struct output *output_open(const struct output_config *cfg, char *err);

/*
 * Writes event record `rec` (`len` bytes, event.h layout) read on `cpu`, rotating
 * first when due. `now_s` is the wall-clock time in seconds (time rotation).
 * Returns 0; 1 when -G -W's file limit is reached (nothing written: the capture
 * should end); -1 with `err` on a write or open error.
 */
int output_write_event(struct output *o, uint16_t cpu, const uint8_t *rec, uint32_t len,
		       int64_t now_s, char *err);

/*
 * Flushes the current file when something was written since the last flush and
 * at least `interval_ms` passed since then (`now_ms` on a monotonic clock), so a
 * capture killed at any point leaves a readable prefix. Returns 0 or -1 with `err`.
 */
int output_tick(struct output *o, uint64_t now_ms, uint64_t interval_ms, char *err);

/* Totals so far, the current file included. */
void output_totals(const struct output *o, struct output_totals *t);

/* Name of the file being written. */
const char *output_current_path(const struct output *o);

/*
 * Ends the current file (the compressor's end included) and frees the output.
 * Fills `t` (may be NULL) with the totals. Returns 0, or -1 with `err`.
 */
int output_close(struct output *o, struct output_totals *t, char *err);

/*
 * The name of a file of the set, as tcpdump forms it: `tmpl` expanded with
 * strftime(3) at `when` when `use_time`, then `count` appended, padded with zeros
 * to `digits`, unless both are 0. Returns 0, or -1 when the name does not fit in
 * `cap` bytes. Exposed for tests.
 */
int output_file_name(char *buf, size_t cap, const char *tmpl, int use_time, int64_t when,
		     unsigned count, int digits);

#endif
