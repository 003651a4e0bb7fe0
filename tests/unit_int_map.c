/* int_map: insert, replace, delete with tombstones, growth, iteration. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "int_map.h"

static void test_put_get_replace(void **state)
{
	(void)state;
	struct fnet_int_map m = FNET_INT_MAP_INIT;
	int a = 1, b = 2;
	void *old;
	assert_null(fnet_int_map_get(&m, 5));
	assert_int_equal(fnet_int_map_put(&m, 5, &a, &old), 0);
	assert_null(old);
	assert_ptr_equal(fnet_int_map_get(&m, 5), &a);
	assert_int_equal(fnet_int_map_put(&m, 5, &b, &old), 0);
	assert_ptr_equal(old, &a);
	assert_ptr_equal(fnet_int_map_get(&m, 5), &b);
	assert_int_equal(m.count, 1);
	fnet_int_map_free(&m);
}

static void test_many_and_delete(void **state)
{
	(void)state;
	struct fnet_int_map m = FNET_INT_MAP_INIT;
	static int vals[5000];
	for (int i = 0; i < 5000; i++)
		assert_int_equal(fnet_int_map_put(&m, (int64_t)i * 7919 - 100000, &vals[i], NULL), 0);
	for (int i = 0; i < 5000; i += 2)
		assert_ptr_equal(fnet_int_map_del(&m, (int64_t)i * 7919 - 100000), &vals[i]);
	assert_int_equal(m.count, 2500);
	for (int i = 0; i < 5000; i++) {
		void *v = fnet_int_map_get(&m, (int64_t)i * 7919 - 100000);
		if (i % 2)
			assert_ptr_equal(v, &vals[i]);
		else
			assert_null(v);
	}
	/* deleted keys can come back; repeated churn must not fill the table */
	for (int round = 0; round < 20; round++)
		for (int i = 0; i < 5000; i += 2) {
			assert_int_equal(fnet_int_map_put(&m, -i - 1, &vals[i], NULL), 0);
			assert_ptr_equal(fnet_int_map_del(&m, -i - 1), &vals[i]);
		}
	size_t pos = 0, seen = 0;
	int64_t k;
	void *v;
	while (fnet_int_map_next(&m, &pos, &k, &v))
		seen++;
	assert_int_equal(seen, 2500);
	assert_null(fnet_int_map_del(&m, 123456789));
	fnet_int_map_free(&m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_put_get_replace),
		cmocka_unit_test(test_many_and_delete),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
