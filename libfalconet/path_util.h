/* File system path arithmetic for paths seen in events (no file system access). */
#ifndef FNET_PATH_UTIL_H
#define FNET_PATH_UTIL_H

#include <stddef.h>
#include <stdint.h>

#define FNET_PATH_MAX 4096

/*
 * Writes to `out` (`size` bytes, NUL-terminated, truncated to fit) the path `rel`
 * (`rel_len` bytes) made absolute against directory `base` when it is relative,
 * then normalised: repeated '/' folded, "." dropped, ".." removes the previous
 * component (never above "/"). A relative `rel` against an empty `base` stays
 * relative but normalised. An empty `rel` yields `base` unchanged.
 */
void fnet_path_resolve(char *out, size_t size, const char *base, const char *rel, size_t rel_len);

#endif
