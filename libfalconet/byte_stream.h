/*
 * A sequential byte source over a file or standard input that undoes the
 * compression a trace file may carry. The compression is detected from the first
 * bytes: gzip (1f 8b, what `sysdig -z` writes; concatenated members are read in
 * turn), zstd (28 b5 2f fd, concatenated frames likewise), anything else is read
 * as is. Offsets are counted in decompressed bytes, which is where the scap block
 * structure lives, so error messages can name the block that is damaged.
 */
#ifndef FNET_BYTE_STREAM_H
#define FNET_BYTE_STREAM_H

#include <stddef.h>
#include <stdint.h>

#define FNET_ERRBUF_SIZE 512

enum fnet_compression {
	FNET_COMPRESSION_NONE = 0,
	FNET_COMPRESSION_GZIP,
	FNET_COMPRESSION_ZSTD
};

struct fnet_byte_stream;

/*
 * Opens `path` for reading; "-" reads standard input. Returns the stream, or NULL
 * with a message in `err` (FNET_ERRBUF_SIZE bytes, caller-owned). The caller owns
 * the stream and frees it with fnet_byte_stream_close().
 */
struct fnet_byte_stream *fnet_byte_stream_open(const char *path, char *err);

/*
 * Reads up to `len` bytes into `buf`. Returns the number of bytes read: fewer than
 * `len` only at the end of the data. Returns -1 on a read or decompression error,
 * with a message in `err`. A compressed stream that ends inside a frame ends the
 * data there (everything decodable is delivered) and sets the flag read by
 * fnet_byte_stream_unterminated(): a capture that was killed after a flush.
 */
long fnet_byte_stream_read(struct fnet_byte_stream *s, void *buf, size_t len, char *err);

/* 1 when the compressed input ended inside a frame (see fnet_byte_stream_read). */
int fnet_byte_stream_unterminated(const struct fnet_byte_stream *s);

/* Decompressed bytes delivered so far: the offset of the next byte read. */
uint64_t fnet_byte_stream_offset(const struct fnet_byte_stream *s);

/* The compression detected at open. */
enum fnet_compression fnet_byte_stream_compression(const struct fnet_byte_stream *s);

/* Closes the file (not standard input) and frees the stream. NULL is allowed. */
void fnet_byte_stream_close(struct fnet_byte_stream *s);

#endif
