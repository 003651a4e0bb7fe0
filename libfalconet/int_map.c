#include "int_map.h"

#include <stdlib.h>

/* Marks a deleted slot: a value pointer no caller can hold. */
static char tombstone;
#define TOMB ((void *)&tombstone)

static size_t slot_of(int64_t key, size_t cap)
{
	uint64_t h = (uint64_t)key * 0x9E3779B97F4A7C15ull;
	return (size_t)(h >> 17) & (cap - 1);
}

void *fnet_int_map_get(const struct fnet_int_map *m, int64_t key)
{
	if (!m->cap)
		return NULL;
	for (size_t i = slot_of(key, m->cap);; i = (i + 1) & (m->cap - 1)) {
		void *v = m->vals[i];
		if (!v)
			return NULL;
		if (v != TOMB && m->keys[i] == key)
			return v;
	}
}

static int grow(struct fnet_int_map *m)
{
	size_t ncap = m->cap ? m->cap * 2 : 16;
	if (m->count * 4 < m->cap)
		ncap = m->cap; /* mostly tombstones: rebuild at the same size */
	int64_t *nk = malloc(ncap * sizeof(*nk));
	void **nv = calloc(ncap, sizeof(*nv));
	if (!nk || !nv) {
		free(nk);
		free(nv);
		return -1;
	}
	for (size_t i = 0; i < m->cap; i++) {
		void *v = m->vals[i];
		if (!v || v == TOMB)
			continue;
		size_t j = slot_of(m->keys[i], ncap);
		while (nv[j])
			j = (j + 1) & (ncap - 1);
		nk[j] = m->keys[i];
		nv[j] = v;
	}
	free(m->keys);
	free(m->vals);
	m->keys = nk;
	m->vals = nv;
	m->cap = ncap;
	m->tombs = 0;
	return 0;
}

int fnet_int_map_put(struct fnet_int_map *m, int64_t key, void *val, void **old)
{
	if (old)
		*old = NULL;
	if ((m->count + m->tombs + 1) * 4 > m->cap * 3 && grow(m) < 0)
		return -1;
	size_t tomb_slot = (size_t)-1;
	for (size_t i = slot_of(key, m->cap);; i = (i + 1) & (m->cap - 1)) {
		void *v = m->vals[i];
		if (!v) {
			if (tomb_slot != (size_t)-1) {
				i = tomb_slot;
				m->tombs--;
			}
			m->keys[i] = key;
			m->vals[i] = val;
			m->count++;
			return 0;
		}
		if (v == TOMB) {
			if (tomb_slot == (size_t)-1)
				tomb_slot = i;
		} else if (m->keys[i] == key) {
			if (old)
				*old = v;
			m->vals[i] = val;
			return 0;
		}
	}
}

void *fnet_int_map_del(struct fnet_int_map *m, int64_t key)
{
	if (!m->cap)
		return NULL;
	for (size_t i = slot_of(key, m->cap);; i = (i + 1) & (m->cap - 1)) {
		void *v = m->vals[i];
		if (!v)
			return NULL;
		if (v != TOMB && m->keys[i] == key) {
			m->vals[i] = TOMB;
			m->count--;
			m->tombs++;
			return v;
		}
	}
}

int fnet_int_map_next(const struct fnet_int_map *m, size_t *pos, int64_t *key, void **val)
{
	for (; *pos < m->cap; (*pos)++) {
		void *v = m->vals[*pos];
		if (v && v != TOMB) {
			*key = m->keys[*pos];
			*val = v;
			(*pos)++;
			return 1;
		}
	}
	return 0;
}

void fnet_int_map_free(struct fnet_int_map *m)
{
	free(m->keys);
	free(m->vals);
	m->keys = NULL;
	m->vals = NULL;
	m->cap = m->count = m->tombs = 0;
}
