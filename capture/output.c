#include "output.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

struct output {
	struct output_config cfg;
	struct fnet_trace_writer *w;
	char path[PATH_MAX];
	int digits;            /* -W's zero padding of the count */
	unsigned count;        /* -C position of the current file */
	unsigned index;        /* files opened so far, minus one */
	uint64_t time_files;   /* -G: files begun by time rotation, plus the first */
	int64_t opened_s;      /* wall time the current file's -G period began */
	uint64_t events;       /* events in the current file */
	int dirty;             /* written since the last flush */
	uint64_t last_flush_ms;
	struct output_totals done; /* closed files */
};

/* "PATH: why" into `err`, the path shortened from the left if it must be. */
static void path_error(char *err, const char *path, const char *why)
{
	if (strcmp(path, "-") == 0)
		path = "<stdout>";
	size_t n = strlen(path);
	const char *cut = n > 200 ? "..." : "";
	snprintf(err, FNET_ERRBUF_SIZE, "%s%.200s: %.290s", cut, n > 200 ? path + n - 200 : path, why);
}

int output_file_name(char *buf, size_t cap, const char *tmpl, int use_time, int64_t when,
		     unsigned count, int digits)
{
	char base[PATH_MAX];
	if (use_time) {
		time_t t = (time_t)when;
		struct tm tm;
		if (!localtime_r(&t, &tm))
			return -1;
		size_t n = strftime(base, sizeof(base), tmpl, &tm);
		if (n == 0 && *tmpl)
			return -1;
	} else if (snprintf(base, sizeof(base), "%s", tmpl) >= (int)sizeof(base)) {
		return -1;
	}
	int n = count == 0 && digits == 0 ? snprintf(buf, cap, "%s", base)
					  : snprintf(buf, cap, "%s%0*u", base, digits, count);
	return n < 0 || (size_t)n >= cap ? -1 : 0;
}

/* Digits needed for the numbers 0..max_files-1 (tcpdump: none for -W 1). */
static int count_digits(uint32_t max_files)
{
	int d = 0;
	for (uint32_t x = max_files ? max_files - 1 : 0; x > 0; x /= 10)
		d++;
	return d;
}

static int64_t wall_now(void)
{
	return (int64_t)time(NULL);
}

/* Opens file number `o->count` of the period beginning at `o->opened_s`. */
static int open_file(struct output *o, char *err)
{
	const struct output_config *c = &o->cfg;
	int use_time = c->rotate_seconds != 0 && strcmp(c->path, "-") != 0;
	if (output_file_name(o->path, sizeof(o->path), c->path, use_time, o->opened_s, o->count,
			     c->rotate_bytes ? o->digits : 0) < 0) {
		path_error(err, c->path, "the output file name is too long");
		return -1;
	}
	char why[FNET_ERRBUF_SIZE];
	o->w = fnet_trace_writer_open(o->path, c->compression, 0, why);
	if (!o->w) {
		path_error(err, o->path, why);
		return -1;
	}
	if (c->on_open)
		c->on_open(c->header_ctx, o->path);
	if (c->write_header && c->write_header(c->header_ctx, o->w, o->index, why) < 0) {
		path_error(err, o->path, why);
		return -1;
	}
	o->events = 0;
	o->dirty = 1;
	/* The header is readable at once, whatever comes next. */
	if (fnet_trace_writer_flush(o->w, why) < 0) {
		path_error(err, o->path, why);
		return -1;
	}
	o->dirty = 0;
	return 0;
}

/*
 * Ends the current file and adds it to the totals: bytes on disk from stat(2)
 * after the close, which ends the compressed stream (the writer's own count for
 * standard output).
 */
static int close_file(struct output *o, char *err)
{
	if (!o->w)
		return 0;
	o->done.files++;
	o->done.uncompressed += fnet_trace_writer_bytes(o->w);
	uint64_t bytes = fnet_trace_writer_file_bytes(o->w);
	char why[FNET_ERRBUF_SIZE];
	int rc = fnet_trace_writer_close(o->w, why);
	o->w = NULL;
	struct stat st;
	if (strcmp(o->path, "-") != 0 && stat(o->path, &st) == 0)
		bytes = (uint64_t)st.st_size;
	o->done.bytes += bytes;
	if (rc < 0)
		path_error(err, o->path, why);
	return rc;
}

struct output *output_open(const struct output_config *cfg, char *err)
{
	struct output *o = calloc(1, sizeof(*o));
	if (!o) {
		snprintf(err, FNET_ERRBUF_SIZE, "out of memory");
		return NULL;
	}
	o->cfg = *cfg;
	o->digits = count_digits(cfg->max_files);
	o->opened_s = wall_now();
	o->time_files = 1;
	if (open_file(o, err) < 0) {
		char ignored[FNET_ERRBUF_SIZE];
		if (o->w)
			fnet_trace_writer_close(o->w, ignored);
		free(o);
		return NULL;
	}
	return o;
}

/* Closes the current file and opens the next. Returns 0, 1 (file limit) or -1. */
static int rotate(struct output *o, int by_time, int64_t now_s, char *err)
{
	const struct output_config *c = &o->cfg;
	if (by_time) {
		if (!c->rotate_bytes && c->max_files && o->time_files >= c->max_files)
			return 1;
		o->time_files++;
		o->opened_s = now_s;
		o->count = 0;
	} else {
		o->count++;
		if (c->max_files && o->count >= c->max_files)
			o->count = 0;
	}
	if (close_file(o, err) < 0)
		return -1;
	o->index++;
	return open_file(o, err);
}

int output_write_event(struct output *o, uint16_t cpu, const uint8_t *rec, uint32_t len,
		       int64_t now_s, char *err)
{
	const struct output_config *c = &o->cfg;
	if (o->events > 0) {
		int rc = 0;
		if (c->rotate_seconds && now_s - o->opened_s >= (int64_t)c->rotate_seconds)
			rc = rotate(o, 1, now_s, err);
		else if (c->rotate_bytes && fnet_trace_writer_file_bytes(o->w) > c->rotate_bytes)
			rc = rotate(o, 0, now_s, err);
		if (rc)
			return rc;
	}
	char why[FNET_ERRBUF_SIZE];
	if (fnet_trace_write_event(o->w, cpu, 0, rec, len, why) < 0) {
		path_error(err, o->path, why);
		return -1;
	}
	o->events++;
	o->dirty = 1;
	return 0;
}

int output_tick(struct output *o, uint64_t now_ms, uint64_t interval_ms, char *err)
{
	if (!o->dirty || now_ms - o->last_flush_ms < interval_ms)
		return 0;
	char why[FNET_ERRBUF_SIZE];
	if (fnet_trace_writer_flush(o->w, why) < 0) {
		path_error(err, o->path, why);
		return -1;
	}
	o->dirty = 0;
	o->last_flush_ms = now_ms;
	return 0;
}

void output_totals(const struct output *o, struct output_totals *t)
{
	*t = o->done;
	if (o->w) {
		t->files++;
		t->bytes += fnet_trace_writer_file_bytes(o->w);
		t->uncompressed += fnet_trace_writer_bytes(o->w);
	}
}

const char *output_current_path(const struct output *o)
{
	return o->path;
}

int output_close(struct output *o, struct output_totals *t, char *err)
{
	if (!o)
		return 0;
	int rc = 0;
	rc = close_file(o, err);
	if (t)
		*t = o->done;
	free(o);
	return rc;
}
