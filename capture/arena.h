/*
 * A chunked byte arena for the strings of a /proc snapshot. Pointers it hands out
 * stay valid until arena_free(): chunks are never moved, only added. Memory is
 * released all at once.
 */
#ifndef FNET_CAPTURE_ARENA_H
#define FNET_CAPTURE_ARENA_H

#include <stddef.h>

struct arena_chunk;

struct arena {
	struct arena_chunk *head; /* chunk being filled; older chunks follow */
	size_t used_total;        /* bytes committed over all chunks */
};

#define ARENA_INIT {NULL, 0}

/*
 * Returns room for up to `max` bytes that stays reserved until the next call on
 * the arena; the caller fills some of it and calls arena_commit() with the count
 * used (0 is allowed). Returns NULL when out of memory.
 */
char *arena_reserve(struct arena *a, size_t max);

/* Keeps `used` bytes (at most what was reserved) of the last reservation. */
void arena_commit(struct arena *a, size_t used);

/* Copies `n` bytes of `p` into the arena. Returns the copy, or NULL when out of memory. */
const char *arena_copy(struct arena *a, const void *p, size_t n);

/* Frees every chunk and leaves the arena empty (reusable). */
void arena_free(struct arena *a);

#endif
