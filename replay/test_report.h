/*
 * The report of `falconet-replay --test`: TAP version 13 (testanything.org: a
 * plan "1..N", "ok N - name" / "not ok N - name" with an indented YAML block
 * "---" ... "..." of what failed, "# SKIP reason") or JUnit XML (the
 * testsuites/testsuite/testcase/failure/skipped layout of Ant's JUnit reports,
 * as CI systems read them).
 */
#ifndef FNET_REPLAY_TEST_REPORT_H
#define FNET_REPLAY_TEST_REPORT_H

#include <stdio.h>

#include "test_case_run.h"
#include "test_spec.h"

enum treport_format { TREPORT_TAP, TREPORT_JUNIT };
enum tverdict { TV_PASS, TV_FAIL, TV_SKIP };

struct treport;

/* Starts a report of `total` cases on `out` (not closed by the report). NULL: out of memory. */
struct treport *treport_begin(FILE *out, enum treport_format fmt, size_t total);

/* Cases that follow belong to spec `s` (its warnings are reported here). */
void treport_spec(struct treport *rp, const struct tspec *s);

/*
 * One case: its verdict, the failures (TV_FAIL) or the skip reason (TV_SKIP,
 * `skip`), notes, and the run (`r`, NULL when it did not run).
 */
void treport_case(struct treport *rp, const struct tcase *t, enum tverdict v, const char *skip,
		  const struct tstr_list *failures, const struct tstr_list *notes,
		  const struct trun_result *r);

/* Ends the report (and frees `rp`). Returns 0, or -1 when writing failed. */
int treport_end(struct treport *rp);

#endif
