#include "arena.h"

#include <stdlib.h>
#include <string.h>

#define CHUNK_SIZE (1024 * 1024)

struct arena_chunk {
	struct arena_chunk *next;
	size_t size, used;
	char data[];
};

char *arena_reserve(struct arena *a, size_t max)
{
	struct arena_chunk *c = a->head;
	if (!c || c->size - c->used < max) {
		size_t size = max > CHUNK_SIZE ? max : CHUNK_SIZE;
		struct arena_chunk *n = malloc(sizeof(*n) + size);
		if (!n)
			return NULL;
		n->size = size;
		n->used = 0;
		n->next = c; /* the old head is retired with its unused tail */
		a->head = n;
		c = n;
	}
	return c->data + c->used;
}

void arena_commit(struct arena *a, size_t used)
{
	a->head->used += used;
	a->used_total += used;
}

const char *arena_copy(struct arena *a, const void *p, size_t n)
{
	char *d = arena_reserve(a, n ? n : 1);
	if (!d)
		return NULL;
	if (n)
		memcpy(d, p, n);
	arena_commit(a, n);
	return d;
}

void arena_free(struct arena *a)
{
	struct arena_chunk *c = a->head;
	while (c) {
		struct arena_chunk *n = c->next;
		free(c);
		c = n;
	}
	a->head = NULL;
	a->used_total = 0;
}
