/*
 * A growable byte string for building output lines. Appends never fail: on
 * allocation failure the buffer stops growing and `oom` is set, so a caller checks
 * once per line instead of after every append.
 */
#ifndef FNET_STRBUF_H
#define FNET_STRBUF_H

#include <stddef.h>
#include <stdint.h>

struct fnet_strbuf {
	char *ptr;  /* NUL-terminated when cap > 0 */
	size_t len, cap;
	int oom;
};

#define FNET_STRBUF_INIT {NULL, 0, 0, 0}

/* Empties the buffer, keeping its storage. */
static inline void fnet_strbuf_reset(struct fnet_strbuf *b)
{
	b->len = 0;
	if (b->cap)
		b->ptr[0] = 0;
}

void fnet_strbuf_append(struct fnet_strbuf *b, const char *s, size_t n);
void fnet_strbuf_puts(struct fnet_strbuf *b, const char *s);
void fnet_strbuf_putc(struct fnet_strbuf *b, char c);
/* printf-style append. */
void fnet_strbuf_printf(struct fnet_strbuf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void fnet_strbuf_free(struct fnet_strbuf *b);

#endif
