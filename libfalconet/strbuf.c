#include "strbuf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int reserve(struct fnet_strbuf *b, size_t extra)
{
	if (b->oom)
		return -1;
	if (b->len + extra + 1 <= b->cap)
		return 0;
	size_t ncap = b->cap ? b->cap : 256;
	while (ncap < b->len + extra + 1)
		ncap *= 2;
	char *n = realloc(b->ptr, ncap);
	if (!n) {
		b->oom = 1;
		return -1;
	}
	b->ptr = n;
	b->cap = ncap;
	return 0;
}

void fnet_strbuf_append(struct fnet_strbuf *b, const char *s, size_t n)
{
	if (reserve(b, n) < 0)
		return;
	memcpy(b->ptr + b->len, s, n);
	b->len += n;
	b->ptr[b->len] = 0;
}

void fnet_strbuf_puts(struct fnet_strbuf *b, const char *s)
{
	fnet_strbuf_append(b, s, strlen(s));
}

void fnet_strbuf_putc(struct fnet_strbuf *b, char c)
{
	fnet_strbuf_append(b, &c, 1);
}

void fnet_strbuf_printf(struct fnet_strbuf *b, const char *fmt, ...)
{
	char small[128];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(small, sizeof(small), fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if ((size_t)n < sizeof(small)) {
		fnet_strbuf_append(b, small, (size_t)n);
		return;
	}
	if (reserve(b, (size_t)n) < 0)
		return;
	va_start(ap, fmt);
	vsnprintf(b->ptr + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

void fnet_strbuf_free(struct fnet_strbuf *b)
{
	free(b->ptr);
	b->ptr = NULL;
	b->len = b->cap = 0;
	b->oom = 0;
}
