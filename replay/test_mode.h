/*
 * `falconet-replay --test SPEC.yaml`: the regression mode. Every case of each
 * spec (test_spec.h) runs falconet-replay itself as a child process
 * (test_case_run.h), its expectations are checked (test_checks.h) and a TAP or
 * JUnit report is printed (test_report.h).
 *
 * Options of the mode (no other option mixes with them):
 *   --test SPEC          a spec to run; repeatable
 *   --test-format tap|junit
 *   --test-data DIR      also look for a spec's relative paths here; repeatable
 *   --test-timeout SECS  per case (default 120)
 *   --test-exec PATH     run PATH instead of this program (for testing the runner)
 */
#ifndef FNET_REPLAY_TEST_MODE_H
#define FNET_REPLAY_TEST_MODE_H

/* 1 when the command line asks for the regression mode (an option starting --test). */
int test_mode_wanted(int argc, char **argv);

/*
 * Runs the mode. Returns the exit status: 0 every case passed or was skipped,
 * 1 some case failed, 2 a bad command line or spec (the problem on stderr, with
 * FILE:LINE:COLUMN for a spec) or the report could not be written.
 */
int test_mode_main(int argc, char **argv);

#endif
