#include "byte_stream.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <zlib.h>
#include <zstd.h>

#define RAW_BUF_SIZE (256 * 1024)

struct fnet_byte_stream {
	int fd;
	int owns_fd;
	int raw_eof;
	enum fnet_compression compression;
	uint64_t offset;
	/* compressed (or plain) bytes read from fd, not yet consumed */
	uint8_t *raw;
	size_t raw_pos, raw_len;
	z_stream gz;
	int gz_active;   /* inflateInit2 was called */
	int in_frame;    /* a gzip member or zstd frame is open */
	int unterminated;/* the input ended inside a gzip member or zstd frame */
	ZSTD_DStream *zs;
};

static int fill_raw(struct fnet_byte_stream *s, char *err)
{
	if (s->raw_pos < s->raw_len || s->raw_eof)
		return 0;
	for (;;) {
		ssize_t n = read(s->fd, s->raw, RAW_BUF_SIZE);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			snprintf(err, FNET_ERRBUF_SIZE, "read error: %s", strerror(errno));
			return -1;
		}
		s->raw_pos = 0;
		s->raw_len = (size_t)n;
		if (n == 0)
			s->raw_eof = 1;
		return 0;
	}
}

struct fnet_byte_stream *fnet_byte_stream_open(const char *path, char *err)
{
	struct fnet_byte_stream *s = calloc(1, sizeof(*s));
	if (!s || !(s->raw = malloc(RAW_BUF_SIZE))) {
		snprintf(err, FNET_ERRBUF_SIZE, "out of memory");
		free(s);
		return NULL;
	}
	if (strcmp(path, "-") == 0) {
		s->fd = STDIN_FILENO;
	} else {
		s->fd = open(path, O_RDONLY | O_CLOEXEC);
		if (s->fd < 0) {
			snprintf(err, FNET_ERRBUF_SIZE, "cannot open: %s", strerror(errno));
			free(s->raw);
			free(s);
			return NULL;
		}
		s->owns_fd = 1;
	}
	/* Gather enough bytes to recognise a magic number (a pipe may deliver less). */
	while (s->raw_len < 4 && !s->raw_eof) {
		ssize_t n = read(s->fd, s->raw + s->raw_len, RAW_BUF_SIZE - s->raw_len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			snprintf(err, FNET_ERRBUF_SIZE, "read error: %s", strerror(errno));
			fnet_byte_stream_close(s);
			return NULL;
		}
		if (n == 0)
			s->raw_eof = 1;
		s->raw_len += (size_t)n;
	}
	if (s->raw_len >= 2 && s->raw[0] == 0x1f && s->raw[1] == 0x8b) {
		s->compression = FNET_COMPRESSION_GZIP;
	} else if (s->raw_len >= 4 && s->raw[0] == 0x28 && s->raw[1] == 0xb5 && s->raw[2] == 0x2f &&
		   s->raw[3] == 0xfd) {
		s->compression = FNET_COMPRESSION_ZSTD;
		s->zs = ZSTD_createDStream();
		if (!s->zs) {
			snprintf(err, FNET_ERRBUF_SIZE, "out of memory");
			fnet_byte_stream_close(s);
			return NULL;
		}
	}
	return s;
}

static long read_plain(struct fnet_byte_stream *s, uint8_t *out, size_t len, char *err)
{
	size_t done = 0;
	while (done < len) {
		if (fill_raw(s, err) < 0)
			return -1;
		if (s->raw_pos == s->raw_len)
			break;
		size_t n = s->raw_len - s->raw_pos;
		if (n > len - done)
			n = len - done;
		memcpy(out + done, s->raw + s->raw_pos, n);
		s->raw_pos += n;
		done += n;
	}
	return (long)done;
}

static long read_gzip(struct fnet_byte_stream *s, uint8_t *out, size_t len, char *err)
{
	size_t done = 0;
	while (done < len) {
		if (fill_raw(s, err) < 0)
			return -1;
		if (s->raw_pos == s->raw_len) {
			s->unterminated = s->in_frame;
			break;
		}
		if (!s->in_frame) {
			int rc = s->gz_active ? inflateReset(&s->gz) : inflateInit2(&s->gz, 16 + MAX_WBITS);
			if (rc != Z_OK) {
				snprintf(err, FNET_ERRBUF_SIZE, "gzip: cannot start decompression");
				return -1;
			}
			s->gz_active = 1;
			s->in_frame = 1;
		}
		s->gz.next_in = s->raw + s->raw_pos;
		s->gz.avail_in = (uInt)(s->raw_len - s->raw_pos);
		s->gz.next_out = out + done;
		s->gz.avail_out = (uInt)(len - done);
		int rc = inflate(&s->gz, Z_NO_FLUSH);
		s->raw_pos = s->raw_len - s->gz.avail_in;
		done = len - s->gz.avail_out;
		if (rc == Z_STREAM_END) {
			s->in_frame = 0;
		} else if (rc != Z_OK && rc != Z_BUF_ERROR) {
			snprintf(err, FNET_ERRBUF_SIZE, "gzip data corrupt: %s",
				 s->gz.msg ? s->gz.msg : "inflate failed");
			return -1;
		}
	}
	return (long)done;
}

static long read_zstd(struct fnet_byte_stream *s, uint8_t *out, size_t len, char *err)
{
	ZSTD_outBuffer ob = {out, len, 0};
	while (ob.pos < len) {
		if (fill_raw(s, err) < 0)
			return -1;
		if (s->raw_pos == s->raw_len) {
			s->unterminated = s->in_frame;
			break;
		}
		ZSTD_inBuffer ib = {s->raw, s->raw_len, s->raw_pos};
		size_t rc = ZSTD_decompressStream(s->zs, &ob, &ib);
		s->raw_pos = ib.pos;
		if (ZSTD_isError(rc)) {
			snprintf(err, FNET_ERRBUF_SIZE, "zstd data corrupt: %s", ZSTD_getErrorName(rc));
			return -1;
		}
		s->in_frame = rc != 0;
	}
	return (long)ob.pos;
}

long fnet_byte_stream_read(struct fnet_byte_stream *s, void *buf, size_t len, char *err)
{
	long n;
	switch (s->compression) {
	case FNET_COMPRESSION_GZIP:
		n = read_gzip(s, buf, len, err);
		break;
	case FNET_COMPRESSION_ZSTD:
		n = read_zstd(s, buf, len, err);
		break;
	default:
		n = read_plain(s, buf, len, err);
		break;
	}
	if (n > 0)
		s->offset += (uint64_t)n;
	return n;
}

uint64_t fnet_byte_stream_offset(const struct fnet_byte_stream *s)
{
	return s->offset;
}

int fnet_byte_stream_unterminated(const struct fnet_byte_stream *s)
{
	return s->unterminated;
}

enum fnet_compression fnet_byte_stream_compression(const struct fnet_byte_stream *s)
{
	return s->compression;
}

void fnet_byte_stream_close(struct fnet_byte_stream *s)
{
	if (!s)
		return;
	if (s->gz_active)
		inflateEnd(&s->gz);
	if (s->zs)
		ZSTD_freeDStream(s->zs);
	if (s->owns_fd)
		close(s->fd);
	free(s->raw);
	free(s);
}
