/* Symbolic names of Linux errno values. */
#ifndef FNET_ERRNO_NAMES_H
#define FNET_ERRNO_NAMES_H

#include <stdint.h>

/* Name of errno `err` (sign ignored), e.g. 2 -> "ENOENT"; NULL when unknown. Static string. */
const char *fnet_errno_name(int64_t err);

#endif
