/*
 * Bounds-checked sequential reads from a block held in memory. A read past the end
 * sets `failed` and returns zero / NULL, so a parser can read a whole record and
 * check once at the end.
 */
#ifndef FNET_BLOCK_CURSOR_H
#define FNET_BLOCK_CURSOR_H

#include <stddef.h>
#include <stdint.h>

#include "event.h"

struct fnet_cursor {
	const uint8_t *base;
	size_t pos, end;
	int failed;
};

static inline void fnet_cursor_init(struct fnet_cursor *c, const uint8_t *base, size_t len)
{
	c->base = base;
	c->pos = 0;
	c->end = len;
	c->failed = 0;
}

static inline size_t fnet_cursor_left(const struct fnet_cursor *c)
{
	return c->failed || c->pos > c->end ? 0 : c->end - c->pos;
}

/* Returns a pointer to the next `n` bytes and advances, or NULL (and fails). */
static inline const uint8_t *fnet_cursor_bytes(struct fnet_cursor *c, size_t n)
{
	if (c->failed || n > fnet_cursor_left(c)) {
		c->failed = 1;
		return NULL;
	}
	const uint8_t *p = c->base + c->pos;
	c->pos += n;
	return p;
}

static inline uint8_t fnet_cursor_u8(struct fnet_cursor *c)
{
	const uint8_t *p = fnet_cursor_bytes(c, 1);
	return p ? p[0] : 0;
}
static inline uint16_t fnet_cursor_u16(struct fnet_cursor *c)
{
	const uint8_t *p = fnet_cursor_bytes(c, 2);
	return p ? fnet_get_u16(p) : 0;
}
static inline uint32_t fnet_cursor_u32(struct fnet_cursor *c)
{
	const uint8_t *p = fnet_cursor_bytes(c, 4);
	return p ? fnet_get_u32(p) : 0;
}
static inline uint64_t fnet_cursor_u64(struct fnet_cursor *c)
{
	const uint8_t *p = fnet_cursor_bytes(c, 8);
	return p ? fnet_get_u64(p) : 0;
}

/* A u16 length followed by that many bytes (a string, not NUL-terminated). */
static inline void fnet_cursor_str16(struct fnet_cursor *c, const char **ptr, uint32_t *len)
{
	uint16_t n = fnet_cursor_u16(c);
	const uint8_t *p = fnet_cursor_bytes(c, n);
	*ptr = p ? (const char *)p : "";
	*len = p ? n : 0;
}

#endif
