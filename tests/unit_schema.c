/*
 * Consistency of the event schema: the probe's parameter-count table agrees with
 * the schema, each enter/exit pair shares a name, relative paths name an fd
 * parameter as their directory, flag parameters have names, and the event types
 * the test traces hold are known.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "event_nparams.h"
#include "event_schema.h"

static void test_nparams_table(void **state)
{
	(void)state;
	for (int t = 0; t < FNET_EV_COUNT; t++)
		assert_int_equal(fnet_event_nparams[t], fnet_event_table[t].nparams);
	assert_true(FNET_EV_COUNT <= FNET_EVENT_NPARAMS_SIZE);
}

static void test_pairs_and_params(void **state)
{
	(void)state;
	for (int t = 0; t + 1 < FNET_EV_COUNT; t += 2) {
		const struct fnet_event_info *e = &fnet_event_table[t], *x = &fnet_event_table[t + 1];
		/* unused exit slots of enter-only events are named "NA" */
		if (strcmp(x->name, "NA") != 0 && strcmp(e->name, "NA") != 0)
			assert_string_equal(e->name, x->name);
		for (int k = 0; k < 2; k++) {
			const struct fnet_event_info *ei = &fnet_event_table[t + k];
			assert_true(ei->nparams <= 32);
			for (uint32_t i = 0; i < ei->nparams; i++) {
				const struct fnet_param_info *p = &ei->params[i];
				assert_true(p->type > FNET_PT_NONE && p->type < FNET_PT_COUNT);
				if (p->type == FNET_PT_FSRELPATH) {
					assert_true(p->dirfd < ei->nparams);
					assert_int_equal(ei->params[p->dirfd].type, FNET_PT_FD);
				}
				if (p->type == FNET_PT_FLAGS32 || p->type == FNET_PT_ENUMFLAGS32)
					assert_non_null(p->flags);
			}
		}
	}
}

static void test_known_numbers(void **state)
{
	(void)state;
	/* spot checks against falcosecurity/libs ppm_events_public.h */
	assert_string_equal(fnet_event_table[FNET_EV_SYSCALL_OPEN_E].name, "open");
	assert_int_equal(FNET_EV_SYSCALL_OPEN_E, 2);
	assert_int_equal(FNET_EV_PROCINFO_E, 234);
	assert_int_equal(FNET_EV_SYSCALL_EXECVE_19_X, 293);
	assert_int_equal(fnet_event_table[FNET_EV_SYSCALL_EXECVE_19_X].nparams, 31);
	assert_string_equal(fnet_syscall_name(75), "mprotect");
	assert_string_equal(fnet_syscall_name(0), "<unknown>");
	assert_string_equal(fnet_syscall_name(65535), "<unknown>");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_nparams_table),
		cmocka_unit_test(test_pairs_and_params),
		cmocka_unit_test(test_known_numbers),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
