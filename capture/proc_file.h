/*
 * Small helpers to read /proc files relative to a directory file descriptor
 * (/proc/PID or /proc/PID/task/TID), so a process is looked up once and each of its
 * files costs one openat. Nothing here allocates. Every function sets errno on
 * failure (ENOENT or ESRCH when the process has gone away).
 */
#ifndef FNET_CAPTURE_PROC_FILE_H
#define FNET_CAPTURE_PROC_FILE_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

/*
 * Reads up to `cap` bytes of file `name` under `dirfd` into `buf` (not
 * NUL-terminated). Returns the number of bytes read, or -1 with errno.
 */
ssize_t proc_read_at(int dirfd, const char *name, char *buf, size_t cap);

/*
 * As proc_read_at, keeping one byte for a terminating NUL, which is added.
 * `cap` must be at least 1.
 */
ssize_t proc_read_str_at(int dirfd, const char *name, char *buf, size_t cap);

/*
 * Reads the target of symbolic link `name` under `dirfd` into `buf` (`cap` bytes,
 * NUL added; a longer target is cut). Returns its length, or -1 with errno.
 */
ssize_t proc_readlink_at(int dirfd, const char *name, char *buf, size_t cap);

/*
 * Finds the line starting with `key` (e.g. "VmRSS:") in the NUL-terminated text of
 * a /proc status-like file and returns a pointer just after the key, or NULL.
 */
const char *proc_find_key(const char *text, const char *key);

/*
 * Parses a decimal unsigned number at `*p` after optional blanks and advances `*p`
 * past it. Returns 1 when a number was read, 0 otherwise (`*p` unchanged).
 */
int proc_scan_u64(const char **p, uint64_t *out);

/* As proc_scan_u64, for the last of the blank-separated numbers on the line (NSpid:). */
int proc_scan_last_u64(const char *p, uint64_t *out);

#endif
