/* Constant sets for `in` lists: sorted arrays, and a hash table for strings. */
#include "value_set.h"

#include <stdlib.h>
#include <string.h>

static int cmp_str(const char *a, uint32_t la, const char *b, uint32_t lb)
{
	if (la != lb)
		return la < lb ? -1 : 1;
	return memcmp(a, b, la);
}

struct str_item {
	const char *p;
	uint32_t len;
};

static int cmp_item(const void *x, const void *y)
{
	const struct str_item *a = x, *b = y;
	return cmp_str(a->p, a->len, b->p, b->len);
}

static int sorted_has(const struct fnet_str_set *s, const char *p, uint32_t len);

/* Sets this small are searched by binary search (bench/str_set_bench.c). */
#define SMALL_SET 8

/*
 * FNV-1a's step over 8-byte words, the length mixed in first; a tail shorter than
 * a word is hashed as the key's last 8 bytes (overlapping), or byte by byte in a
 * key shorter than 8. Then a final mix, so that the low bits (the slot) depend on all.
 */
static uint64_t hash_bytes(const char *p, uint32_t len)
{
	uint64_t h = (0xcbf29ce484222325u ^ len) * 0x100000001b3u, w;
	uint32_t i = 0;
	for (; i + 8 <= len; i += 8) {
		memcpy(&w, p + i, 8);
		h = (h ^ w) * 0x100000001b3u;
	}
	if (i < len) {
		if (len >= 8) {
			memcpy(&w, p + len - 8, 8);
		} else {
			w = 0;
			for (; i < len; i++)
				w = w << 8 | (uint8_t)p[i];
		}
		h = (h ^ w) * 0x100000001b3u;
	}
	h ^= h >> 29;
	h *= 0xbf58476d1ce4e5b9u;
	return h ^ (h >> 32);
}

/* The hash table over the sorted elements: at least twice as many slots as elements. */
static int build_slots(struct fnet_str_set *s)
{
	size_t size = 4;
	while (size < 2 * s->n)
		size *= 2;
	if (!(s->slots = calloc(size, sizeof(*s->slots)))) {
		fnet_str_set_free(s);
		return -1;
	}
	s->mask = size - 1;
	for (size_t k = 0; k < s->n; k++) {
		size_t i = hash_bytes(s->ptr[k], s->len[k]) & s->mask;
		while (s->slots[i])
			i = (i + 1) & s->mask;
		s->slots[i] = (uint32_t)(k + 1);
	}
	return 0;
}

int fnet_str_set_build(struct fnet_str_set *s, const char *const *strs, const size_t *lens,
		       size_t n)
{
	memset(s, 0, sizeof(*s));
	size_t total = 0;
	for (size_t i = 0; i < n; i++)
		total += lens[i];
	struct str_item *items = malloc((n ? n : 1) * sizeof(*items));
	s->pool = malloc(total ? total : 1);
	s->ptr = malloc((n ? n : 1) * sizeof(*s->ptr));
	s->len = malloc((n ? n : 1) * sizeof(*s->len));
	if (!items || !s->pool || !s->ptr || !s->len) {
		free(items);
		fnet_str_set_free(s);
		return -1;
	}
	size_t off = 0;
	for (size_t i = 0; i < n; i++) {
		if (lens[i])
			memcpy(s->pool + off, strs[i], lens[i]);
		items[i].p = s->pool + off;
		items[i].len = (uint32_t)lens[i];
		off += lens[i];
	}
	qsort(items, n, sizeof(*items), cmp_item);
	s->min_len = UINT32_MAX;
	for (size_t i = 0; i < n; i++) {
		if (s->n && cmp_item(&items[i], &items[i - 1]) == 0)
			continue;
		s->ptr[s->n] = items[i].p;
		s->len[s->n] = items[i].len;
		if (items[i].len < s->min_len)
			s->min_len = items[i].len;
		if (items[i].len > s->max_len)
			s->max_len = items[i].len;
		s->n++;
	}
	free(items);
	return build_slots(s);
}

/*
 * Linear probing from the key's slot to the key or an empty slot. Kept out of
 * line: inlined, its register saves would slow the small sets' path.
 */
#if defined(__GNUC__)
__attribute__((noinline))
#endif
static int hashed_has(const struct fnet_str_set *s, const char *p, uint32_t len)
{
	for (size_t i = hash_bytes(p, len) & s->mask;; i = (i + 1) & s->mask) {
		uint32_t k = s->slots[i];
		if (!k)
			return 0;
		if (s->len[k - 1] == len && memcmp(s->ptr[k - 1], p, len) == 0)
			return 1;
	}
}

int fnet_str_set_has(const struct fnet_str_set *s, const char *p, uint32_t len)
{
	if (len < s->min_len || len > s->max_len)
		return 0;
	/* up to 8 elements, three length-first comparisons beat hashing the key */
	return s->n <= SMALL_SET ? sorted_has(s, p, len) : hashed_has(s, p, len);
}

int fnet_str_set_has_sorted(const struct fnet_str_set *s, const char *p, uint32_t len)
{
	if (len < s->min_len || len > s->max_len)
		return 0;
	return sorted_has(s, p, len);
}

/* Binary search over the sorted elements, by length then bytes. */
static int sorted_has(const struct fnet_str_set *s, const char *p, uint32_t len)
{
	size_t lo = 0, hi = s->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = cmp_str(p, len, s->ptr[mid], s->len[mid]);
		if (c == 0)
			return 1;
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return 0;
}

void fnet_str_set_free(struct fnet_str_set *s)
{
	free(s->slots);
	free(s->ptr);
	free(s->len);
	free(s->pool);
	memset(s, 0, sizeof(*s));
}

static int cmp_u64(const void *x, const void *y)
{
	uint64_t a = *(const uint64_t *)x, b = *(const uint64_t *)y;
	return a < b ? -1 : a > b;
}

int fnet_int_set_build(struct fnet_int_set *s, const uint64_t *vals, size_t n)
{
	memset(s, 0, sizeof(*s));
	if (!(s->vals = malloc((n ? n : 1) * sizeof(*s->vals))))
		return -1;
	if (n)
		memcpy(s->vals, vals, n * sizeof(*vals));
	qsort(s->vals, n, sizeof(*s->vals), cmp_u64);
	for (size_t i = 0; i < n; i++)
		if (!s->n || s->vals[s->n - 1] != s->vals[i])
			s->vals[s->n++] = s->vals[i];
	return 0;
}

int fnet_int_set_has(const struct fnet_int_set *s, uint64_t v)
{
	size_t lo = 0, hi = s->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (s->vals[mid] == v)
			return 1;
		if (s->vals[mid] < v)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

void fnet_int_set_free(struct fnet_int_set *s)
{
	free(s->vals);
	memset(s, 0, sizeof(*s));
}

/* Writes the components of p[0, len) joined by '/' to `out`; returns its length. */
static size_t normalize_path(const char *p, size_t len, char *out)
{
	size_t n = 0;
	for (size_t i = 0; i < len;) {
		while (i < len && p[i] == '/')
			i++;
		if (i >= len)
			break;
		if (n)
			out[n++] = '/';
		while (i < len && p[i] != '/')
			out[n++] = p[i++];
	}
	return n;
}

int fnet_path_set_build(struct fnet_path_set *s, const char *const *paths, const size_t *lens,
			size_t n)
{
	memset(s, 0, sizeof(*s));
	size_t total = 0;
	for (size_t i = 0; i < n; i++)
		total += lens[i];
	char *pool = malloc(total ? total : 1);
	const char **strs = malloc((n ? n : 1) * sizeof(*strs));
	size_t *nlens = malloc((n ? n : 1) * sizeof(*nlens));
	size_t m = 0, off = 0;
	int rc = -1;
	if (!pool || !strs || !nlens)
		goto out;
	for (size_t i = 0; i < n; i++) {
		size_t k = normalize_path(paths[i], lens[i], pool + off);
		if (k == 0) {
			s->all = 1;
			continue;
		}
		strs[m] = pool + off;
		nlens[m++] = k;
		off += k;
	}
	rc = fnet_str_set_build(&s->set, strs, nlens, m);
out:
	free(pool);
	free(strs);
	free(nlens);
	return rc;
}

/*
 * Compares the components of p[0, len), joined by '/' (`nlen` bytes once
 * joined), with the set's element `i`, in the set's order (length, then bytes).
 */
static int cmp_joined(const struct fnet_str_set *s, size_t i, const char *p, size_t len,
		      uint32_t nlen)
{
	if (nlen != s->len[i])
		return nlen < s->len[i] ? -1 : 1;
	const unsigned char *e = (const unsigned char *)s->ptr[i];
	size_t k = 0, j = 0;
	while (j < len && p[j] == '/')
		j++;
	while (j < len) {
		unsigned char c = (unsigned char)p[j];
		if (c == '/') {
			while (j + 1 < len && p[j + 1] == '/')
				j++;
		}
		if (c != e[k])
			return c < e[k] ? -1 : 1;
		k++;
		j++;
	}
	return 0;
}

int fnet_path_set_match(const struct fnet_path_set *s, const char *p, uint32_t len)
{
	if (s->all)
		return 1;
	if (s->set.n == 0)
		return 0;
	uint32_t nlen = 0;
	size_t i = 0;
	while (i < len) {
		while (i < len && p[i] == '/')
			i++;
		if (i >= len)
			break;
		size_t b = i;
		while (i < len && p[i] != '/')
			i++;
		nlen += (uint32_t)(i - b) + (nlen ? 1 : 0);
		if (nlen > s->set.max_len)
			return 0;
		if (nlen < s->set.min_len)
			continue;
		/* is p[0, i), joined, in the set? */
		size_t lo = 0, hi = s->set.n;
		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;
			int c = cmp_joined(&s->set, mid, p, i, nlen);
			if (c == 0)
				return 1;
			if (c < 0)
				hi = mid;
			else
				lo = mid + 1;
		}
	}
	return 0;
}

void fnet_path_set_free(struct fnet_path_set *s)
{
	fnet_str_set_free(&s->set);
	s->all = 0;
}
