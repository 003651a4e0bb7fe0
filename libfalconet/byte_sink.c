#include "byte_sink.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <zlib.h>
#include <zstd.h>

#define OUT_BUF_SIZE (1024 * 1024)
/* Compressed output is written to the file only after a compressor flush at the
 * end of a caller's write (a whole record), once this much input is pending. Kept
 * below zstd's 128 KiB block so each flush is one block: a write cut short by a
 * kill loses that block whole, and the file still decodes to whole records. */
#define COMPRESSED_FLUSH_BYTES (64 * 1024)

struct fnet_byte_sink {
	int fd;
	int owns_fd;
	enum fnet_compression compression;
	uint64_t offset, file_bytes;
	uint64_t unflushed;  /* input bytes since the last compressor flush */
	uint8_t *out;   /* bytes for the file, not yet written */
	size_t out_len;
	z_stream gz;
	ZSTD_CCtx *zc;
};

static int write_all(struct fnet_byte_sink *s, const uint8_t *p, size_t n, char *err)
{
	while (n) {
		ssize_t w = write(s->fd, p, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0) {
			snprintf(err, FNET_ERRBUF_SIZE, "write error: %s", strerror(errno));
			return -1;
		}
		p += w;
		n -= (size_t)w;
		s->file_bytes += (uint64_t)w;
	}
	return 0;
}

static int drain(struct fnet_byte_sink *s, char *err)
{
	if (s->out_len && write_all(s, s->out, s->out_len, err) < 0)
		return -1;
	s->out_len = 0;
	return 0;
}

struct fnet_byte_sink *fnet_byte_sink_open(const char *path, enum fnet_compression c, int level,
					   char *err)
{
	struct fnet_byte_sink *s = calloc(1, sizeof(*s));
	if (!s || !(s->out = malloc(OUT_BUF_SIZE))) {
		snprintf(err, FNET_ERRBUF_SIZE, "out of memory");
		free(s);
		return NULL;
	}
	s->compression = c;
	if (c == FNET_COMPRESSION_GZIP) {
		if (deflateInit2(&s->gz, level ? level : Z_DEFAULT_COMPRESSION, Z_DEFLATED,
				 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
			snprintf(err, FNET_ERRBUF_SIZE, "gzip: cannot start compression");
			goto fail;
		}
	} else if (c == FNET_COMPRESSION_ZSTD) {
		s->zc = ZSTD_createCCtx();
		if (!s->zc) {
			snprintf(err, FNET_ERRBUF_SIZE, "out of memory");
			goto fail;
		}
		ZSTD_CCtx_setParameter(s->zc, ZSTD_c_compressionLevel, level ? level : 3);
		ZSTD_CCtx_setParameter(s->zc, ZSTD_c_checksumFlag, 1);
	}
	if (strcmp(path, "-") == 0) {
		s->fd = STDOUT_FILENO;
	} else {
		s->fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
		if (s->fd < 0) {
			snprintf(err, FNET_ERRBUF_SIZE, "cannot create: %s", strerror(errno));
			goto fail;
		}
		s->owns_fd = 1;
	}
	return s;
fail:
	if (c == FNET_COMPRESSION_GZIP)
		deflateEnd(&s->gz);
	ZSTD_freeCCtx(s->zc);
	free(s->out);
	free(s);
	return NULL;
}

/* Runs the compressor over `len` input bytes with the given end/flush mode. */
static int run_compressor(struct fnet_byte_sink *s, const uint8_t *in, size_t len, int mode, char *err)
{
	if (s->compression == FNET_COMPRESSION_GZIP) {
		s->gz.next_in = (Bytef *)in;
		s->gz.avail_in = (uInt)len;
		int rc;
		do {
			if (s->out_len == OUT_BUF_SIZE && drain(s, err) < 0)
				return -1;
			s->gz.next_out = s->out + s->out_len;
			s->gz.avail_out = (uInt)(OUT_BUF_SIZE - s->out_len);
			rc = deflate(&s->gz, mode);
			s->out_len = OUT_BUF_SIZE - s->gz.avail_out;
			if (rc == Z_STREAM_ERROR) {
				snprintf(err, FNET_ERRBUF_SIZE, "gzip compression failed");
				return -1;
			}
		} while (s->gz.avail_out == 0 || (mode == Z_FINISH && rc != Z_STREAM_END));
		return 0;
	}
	ZSTD_inBuffer ib = {in, len, 0};
	ZSTD_EndDirective end = mode == Z_FINISH ? ZSTD_e_end : mode == Z_SYNC_FLUSH ? ZSTD_e_flush
										      : ZSTD_e_continue;
	for (;;) {
		ZSTD_outBuffer ob = {s->out, OUT_BUF_SIZE, s->out_len};
		size_t left = ZSTD_compressStream2(s->zc, &ob, &ib, end);
		s->out_len = ob.pos;
		if (ZSTD_isError(left)) {
			snprintf(err, FNET_ERRBUF_SIZE, "zstd compression failed: %s",
				 ZSTD_getErrorName(left));
			return -1;
		}
		if (s->out_len == OUT_BUF_SIZE && drain(s, err) < 0)
			return -1;
		if (ib.pos == ib.size && (end == ZSTD_e_continue || left == 0))
			return 0;
	}
}

int fnet_byte_sink_write(struct fnet_byte_sink *s, const void *buf, size_t len, char *err)
{
	s->offset += len;
	if (s->compression != FNET_COMPRESSION_NONE) {
		if (run_compressor(s, buf, len, Z_NO_FLUSH, err) < 0)
			return -1;
		s->unflushed += len;
		if (s->unflushed >= COMPRESSED_FLUSH_BYTES)
			return fnet_byte_sink_flush(s, err);
		return 0;
	}
	/* drain only between writes: callers write whole blocks */
	if (s->out_len + len > OUT_BUF_SIZE && drain(s, err) < 0)
		return -1;
	if (len >= OUT_BUF_SIZE)
		return write_all(s, buf, len, err);
	memcpy(s->out + s->out_len, buf, len);
	s->out_len += len;
	return 0;
}

int fnet_byte_sink_flush(struct fnet_byte_sink *s, char *err)
{
	s->unflushed = 0;
	if (s->compression != FNET_COMPRESSION_NONE && run_compressor(s, NULL, 0, Z_SYNC_FLUSH, err) < 0)
		return -1;
	return drain(s, err);
}

uint64_t fnet_byte_sink_offset(const struct fnet_byte_sink *s)
{
	return s->offset;
}

uint64_t fnet_byte_sink_file_bytes(const struct fnet_byte_sink *s)
{
	return s->file_bytes + s->out_len;
}

int fnet_byte_sink_close(struct fnet_byte_sink *s, char *err)
{
	if (!s)
		return 0;
	int rc = 0;
	if (s->compression != FNET_COMPRESSION_NONE && run_compressor(s, NULL, 0, Z_FINISH, err) < 0)
		rc = -1;
	if (rc == 0 && drain(s, err) < 0)
		rc = -1;
	if (s->owns_fd && close(s->fd) < 0 && rc == 0) {
		snprintf(err, FNET_ERRBUF_SIZE, "close: %s", strerror(errno));
		rc = -1;
	}
	if (s->compression == FNET_COMPRESSION_GZIP)
		deflateEnd(&s->gz);
	ZSTD_freeCCtx(s->zc);
	free(s->out);
	free(s);
	return rc;
}
