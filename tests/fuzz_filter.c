/*
 * libFuzzer target: compiles the input as a filter expression (with list
 * names), and when it compiles matches it against the three events of
 * filter_fake_event.h and asks which event types it may match. Checks the
 * error report of expressions that do not compile: a message and a column
 * within the expression. Build: clang -fsanitize=fuzzer,address (see
 * fuzz_filter.sh, which builds and runs it for a short time).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "filter.h"
#include "filter_fake_event.h"

static struct fake_world world;
static int world_ready;

static const char *const shells[] = {"bash", "Bash", "sh", "/bin/sh"};
static const char *const paths[] = {"/etc", "/tmp/", "", "passwd"};
static const char *const nums[] = {"40", "-1", "x"};

static int lookup(void *ctx, const char *name, size_t len, const char *const **items, size_t *n)
{
	(void)ctx;
	if (len == 6 && !memcmp(name, "shells", 6)) {
		*items = shells;
		*n = 4;
		return 1;
	}
	if (len == 5 && !memcmp(name, "paths", 5)) {
		*items = paths;
		*n = 4;
		return 1;
	}
	if (len == 4 && !memcmp(name, "nums", 4)) {
		*items = nums;
		*n = 3;
		return 1;
	}
	if (len == 5 && !memcmp(name, "empty", 5)) {
		*items = NULL;
		*n = 0;
		return 1;
	}
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const types[] = {"open", "read", "close", "execve", "switch", ""};
	if (!world_ready) {
		if (fake_world_init(&world) < 0)
			abort();
		world_ready = 1;
	}
	if (size > 4096)
		return 0;
	char *expr = malloc(size + 1);
	if (!expr)
		return 0;
	memcpy(expr, data, size);
	expr[size] = 0;

	struct fnet_filter_opts opts = {lookup, NULL};
	char err[FNET_ERRBUF_SIZE];
	int col = 0;
	err[0] = 0;
	struct fnet_filter *f = fnet_filter_compile_opts(expr, &opts, err, &col);
	if (f) {
		for (int i = 0; i < 3; i++) {
			struct fnet_eval_ctx ctx = fake_ctx(&world, i);
			fnet_filter_match(f, &ctx);
		}
		for (size_t i = 0; i < sizeof(types) / sizeof(types[0]); i++)
			fnet_filter_may_match_type(f, types[i]);
		fnet_filter_free(f);
	} else if (!err[0] || col < 1 || (size_t)col > strlen(expr) + 1) {
		fprintf(stderr, "bad error report: column %d of %zu: '%s'\n", col, strlen(expr), err);
		abort();
	}
	free(expr);
	return 0;
}
