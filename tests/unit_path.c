/* Path resolution as sysdig does it for relative paths and fd names. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "path_util.h"

static void check(const char *base, const char *rel, const char *want)
{
	char out[FNET_PATH_MAX];
	fnet_path_resolve(out, sizeof(out), base, rel, strlen(rel));
	assert_string_equal(out, want);
}

static void test_resolve(void **state)
{
	(void)state;
	check("/home/u/", "rel/x", "/home/u/rel/x");
	check("/home/u", "rel/x", "/home/u/rel/x");
	check("/etc/", "/etc/../etc/passwd", "/etc/passwd");
	check("/a/b/", "../../../c", "/c");
	check("/a/b/", "./c/./d//e/", "/a/b/c/d/e");
	check("/", "..", "/");
	check("", "../up/./y//z/", "up/y/z");
	check("/tmp/", "", "/tmp/");
}

static void test_truncates(void **state)
{
	(void)state;
	char out[8];
	fnet_path_resolve(out, sizeof(out), "/", "abcdefghijkl", 12);
	assert_string_equal(out, "/abcdef");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_resolve),
		cmocka_unit_test(test_truncates),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
