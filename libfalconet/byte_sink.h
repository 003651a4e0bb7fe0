/*
 * A sequential byte destination over a file or standard output that applies the
 * compression a trace file is written with: none, gzip (members readable by old
 * sysdig versions) or zstd. fnet_byte_sink_flush() makes everything written so
 * far decodable from the file (a zstd block flush, a gzip sync flush), so a
 * writer killed after it leaves a readable prefix.
 */
#ifndef FNET_BYTE_SINK_H
#define FNET_BYTE_SINK_H

#include <stddef.h>
#include <stdint.h>

#include "byte_stream.h" /* enum fnet_compression, FNET_ERRBUF_SIZE */

struct fnet_byte_sink;

/*
 * Creates `path` (mode 0600: traces hold arguments and environments; "-" is
 * standard output), truncating an existing file. `level` is the compressor's
 * level, 0 for its default. Returns the sink, or NULL with a message in `err`.
 */
struct fnet_byte_sink *fnet_byte_sink_open(const char *path, enum fnet_compression c, int level,
					   char *err);

/*
 * Writes `len` bytes. Data reaches the file only at the boundaries of these
 * calls, compressed data only after a compressor flush there, so a caller writing
 * whole records leaves a file that decodes to whole records wherever it is cut
 * short by a kill. Returns 0, or -1 with a message in `err`.
 */
int fnet_byte_sink_write(struct fnet_byte_sink *s, const void *buf, size_t len, char *err);

/* Pushes buffered and compressed data to the file (see above). Returns 0 or -1. */
int fnet_byte_sink_flush(struct fnet_byte_sink *s, char *err);

/* Uncompressed bytes written so far. */
uint64_t fnet_byte_sink_offset(const struct fnet_byte_sink *s);

/* Bytes written to the file so far (after compression). */
uint64_t fnet_byte_sink_file_bytes(const struct fnet_byte_sink *s);

/*
 * Ends the compressed stream, closes the file (not standard output) and frees the
 * sink. Returns 0, or -1 with a message in `err` (the sink is freed either way).
 */
int fnet_byte_sink_close(struct fnet_byte_sink *s, char *err);

#endif
