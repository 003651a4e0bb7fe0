/*
 * String `in` look-ups: the hash look-up of filter/value_set.c (fnet_str_set_has)
 * against the binary search it replaced (fnet_str_set_has_sorted), on sets of
 * 4 to 4096 path-like strings, half the keys members and half not (prefixes of
 * members and near misses). Prints "n=N hash_ns=H sorted_ns=S" per set size.
 * Build: cc -O2 -D_GNU_SOURCE -I filter bench/str_set_bench.c filter/value_set.c -o str_set_bench
 * Usage: str_set_bench [LOOKUPS [N]]   (default 4,000,000 per size and method; N: one
 *        set size only, e.g. under valgrind --tool=callgrind to count instructions)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "value_set.h"

#define MAX_N 4096
#define KEYS 1024

static double now_ns(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec * 1e9 + (double)t.tv_nsec;
}

static char names[MAX_N][64];
static char keys[KEYS][64];

/* ns per look-up of `has` over the keys; `sink` keeps the calls from being dropped. */
static double run(int (*has)(const struct fnet_str_set *, const char *, uint32_t),
		  const struct fnet_str_set *s, const uint32_t *klen, long lookups, long *sink)
{
	double t0 = now_ns();
	long hits = 0;
	for (long i = 0; i < lookups; i++) {
		size_t k = (size_t)i & (KEYS - 1);
		hits += has(s, keys[k], klen[k]);
	}
	*sink += hits;
	return (now_ns() - t0) / (double)lookups;
}

int main(int argc, char **argv)
{
	long lookups = argc > 1 ? atol(argv[1]) : 4000000;
	long only = argc > 2 ? atol(argv[2]) : 0;
	if (lookups <= 0 || only < 0 || only > MAX_N) {
		fprintf(stderr, "usage: str_set_bench [LOOKUPS [N]]  (N up to %d)\n", MAX_N);
		return 2;
	}
	const char *strs[MAX_N];
	size_t lens[MAX_N];
	for (size_t i = 0; i < MAX_N; i++) {
		snprintf(names[i], sizeof(names[i]), "/usr/lib/x86_64-linux-gnu/lib%zu.so.%zu", i * 7919 % 10007,
			 i % 9);
		strs[i] = names[i];
		lens[i] = strlen(names[i]);
	}
	static const size_t sizes[] = {4, 16, 64, 256, 1024, 4096};
	long sink = 0;
	for (size_t z = 0; z < sizeof(sizes) / sizeof(sizes[0]); z++) {
		size_t n = sizes[z];
		if (only && n != (size_t)only)
			continue;
		struct fnet_str_set s;
		if (fnet_str_set_build(&s, strs, lens, n) < 0) {
			fprintf(stderr, "str_set_bench: out of memory\n");
			return 1;
		}
		uint32_t klen[KEYS];
		for (size_t k = 0; k < KEYS; k++) {
			const char *m = names[(k * 31) % n];
			if (k % 2 == 0) /* a member */
				snprintf(keys[k], sizeof(keys[k]), "%s", m);
			else if (k % 4 == 1) /* a prefix of one */
				snprintf(keys[k], sizeof(keys[k]), "%.*s", (int)strlen(m) - 2, m);
			else /* same length, last byte changed */
				snprintf(keys[k], sizeof(keys[k]), "%.*sX", (int)strlen(m) - 1, m);
			klen[k] = (uint32_t)strlen(keys[k]);
		}
		/* interleaved rounds, best of 3, so machine load hits both alike */
		double h = 1e30, b = 1e30;
		for (int r = 0; r < 3; r++) {
			double x = run(fnet_str_set_has, &s, klen, lookups, &sink);
			double y = run(fnet_str_set_has_sorted, &s, klen, lookups, &sink);
			h = x < h ? x : h;
			b = y < b ? y : b;
		}
		printf("n=%zu hash_ns=%.1f sorted_ns=%.1f\n", n, h, b);
		fnet_str_set_free(&s);
	}
	return sink == -1;
}
