/* The kernel-side prefilter of a capture: which syscalls the probe records. */
#ifndef FNET_CAPTURE_PREFILTER_H
#define FNET_CAPTURE_PREFILTER_H

#include <stdint.h>

#include "engine.h"
#include "filter.h"

/*
 * Fills `set` (FNET_ENGINE_MAX_SYSCALLS entries, by x86_64 syscall number) with 1
 * for the syscalls whose events may match `filter` (judged from its evt.type
 * checks, fnet_filter_may_match_type) or that replay needs for process and fd
 * state, 0 for the rest. Returns the number of syscalls left out; 0 means the
 * prefilter would leave nothing out and need not be used.
 */
int capture_prefilter(const struct fnet_filter *filter, uint8_t *set);

#endif
