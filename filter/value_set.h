/*
 * Constant sets for the list operators (in, intersects, pmatch): built once
 * when a filter is compiled, then searched with no allocation per look-up:
 * strings by hash (expected O(1)), integers and path prefixes by binary search.
 */
#ifndef FNET_FILTER_VALUE_SET_H
#define FNET_FILTER_VALUE_SET_H

#include <stddef.h>
#include <stdint.h>

/*
 * A set of byte strings, sorted by length then bytes, without duplicates, with
 * an open-addressing hash table over them (linear probing, at most half full).
 */
struct fnet_str_set {
	size_t n;
	const char **ptr;  /* into `pool` */
	uint32_t *len;
	char *pool;
	uint32_t min_len, max_len;
	uint32_t *slots;   /* element index + 1, 0 for an empty slot */
	size_t mask;       /* number of slots - 1 (a power of two) */
};

/* A set of 64-bit integers (compared as bit patterns), sorted, without duplicates. */
struct fnet_int_set {
	size_t n;
	uint64_t *vals;
};

/*
 * Builds `s` from `n` strings `strs[i]` of `lens[i]` bytes (copied). Returns 0,
 * or -1 when out of memory (`s` is then empty). Free with fnet_str_set_free.
 */
int fnet_str_set_build(struct fnet_str_set *s, const char *const *strs, const size_t *lens,
		       size_t n);

/*
 * 1 when the `len` bytes at `p` are in the set, else 0. Hash look-up, or binary
 * search for sets of up to 8 elements (as fast there; bench/str_set_bench.c).
 */
int fnet_str_set_has(const struct fnet_str_set *s, const char *p, uint32_t len);

/* The same answer by binary search over the sorted elements (a cross-check for tests). */
int fnet_str_set_has_sorted(const struct fnet_str_set *s, const char *p, uint32_t len);

void fnet_str_set_free(struct fnet_str_set *s);

/* Builds `s` from `n` values (copied). Returns 0, or -1 when out of memory. */
int fnet_int_set_build(struct fnet_int_set *s, const uint64_t *vals, size_t n);

/* 1 when `v` is in the set, else 0. */
int fnet_int_set_has(const struct fnet_int_set *s, uint64_t v);

void fnet_int_set_free(struct fnet_int_set *s);

/*
 * A set of path prefixes for pmatch, compared by components: a path matches
 * when the components of one of the prefixes start its components, so /dev
 * matches /dev and /dev/null but not /devices, and "/" matches every path.
 * Empty components do not count (//a/b/ is a/b), as in sysdig.
 */
struct fnet_path_set {
	struct fnet_str_set set; /* the prefixes' components joined by '/' */
	int all;                 /* "/" (or "") is a prefix: every path matches */
};

/* Builds `s` from `n` paths (copied). Returns 0, or -1 when out of memory. */
int fnet_path_set_build(struct fnet_path_set *s, const char *const *paths, const size_t *lens,
			size_t n);

/* 1 when the path at `p` (`len` bytes) is one of the prefixes or under one. */
int fnet_path_set_match(const struct fnet_path_set *s, const char *p, uint32_t len);

void fnet_path_set_free(struct fnet_path_set *s);

#endif
