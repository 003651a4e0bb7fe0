/* Whole small files (rules, configurations, specs) read into memory. */
#ifndef FNET_FILE_READ_H
#define FNET_FILE_READ_H

#include <stddef.h>

/*
 * Reads the file at `path` whole. Returns a malloc'd buffer of `*len` bytes
 * followed by a NUL (the caller frees it), or NULL with errno set (the file
 * cannot be opened or read, or memory runs out).
 */
char *fnet_read_file(const char *path, size_t *len);

#endif
