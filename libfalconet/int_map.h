/*
 * An open-addressing hash map from int64 keys to pointers, used for the thread,
 * fd, user and group tables. Look-ups allocate nothing. Values are owned by the
 * caller; the map only stores the pointers.
 */
#ifndef FNET_INT_MAP_H
#define FNET_INT_MAP_H

#include <stddef.h>
#include <stdint.h>

struct fnet_int_map {
	int64_t *keys;
	void **vals;     /* NULL = empty slot */
	size_t cap;      /* power of two, or 0 */
	size_t count;
	size_t tombs;    /* deleted slots, kept so probe chains stay intact */
};

/* An empty map; needs no allocation until the first insert. */
#define FNET_INT_MAP_INIT {NULL, NULL, 0, 0, 0}

/* Returns the value stored for `key`, or NULL. */
void *fnet_int_map_get(const struct fnet_int_map *m, int64_t key);

/*
 * Stores `val` (non-NULL) for `key`, replacing any previous value, which is
 * returned through `old` when `old` is not NULL. Returns 0, or -1 when out of memory.
 */
int fnet_int_map_put(struct fnet_int_map *m, int64_t key, void *val, void **old);

/* Removes `key`; returns the value it had, or NULL. */
void *fnet_int_map_del(struct fnet_int_map *m, int64_t key);

/*
 * Iteration: start with *pos = 0; returns 1 with the next key and value, 0 at the end.
 * The map must not be changed during an iteration.
 */
int fnet_int_map_next(const struct fnet_int_map *m, size_t *pos, int64_t *key, void **val);

/* Frees the map's storage (not the values). */
void fnet_int_map_free(struct fnet_int_map *m);

#endif
