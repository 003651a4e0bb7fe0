/*
 * Kubernetes audit logs as events for the k8s_audit rules: a file (or standard
 * input) of JSON values, each an audit.k8s.io `Event`, an `EventList` (its
 * `items`), or an array of those, one after another (JSON lines, a single
 * pretty-printed object, ...), as the k8saudit plugin of falcosecurity/plugins
 * reads a file (source.go, ParseAuditEventsJSON). Events come in input order,
 * numbered from 1, timed by their stageTimestamp (RFC 3339).
 *
 * As the plugin: a JSON value that is no audit event ("data not recognized as
 * a k8s audit event"), or an event without a readable stageTimestamp, is
 * skipped with a warning. Unlike it (it logs and skips the line), JSON that
 * does not parse is an error naming the file, line, column and byte offset.
 */
#ifndef FNET_REPLAY_K8S_AUDIT_READER_H
#define FNET_REPLAY_K8S_AUDIT_READER_H

#include <stddef.h>
#include <stdio.h>

#include "audit_event.h"

struct k8s_audit_reader;

/*
 * Reads all of `path` ("-": standard input). Warnings go to `warn` (may be
 * NULL: none). Returns the reader, or NULL with "PATH: why" in `err`
 * (`errsize` bytes).
 */
struct k8s_audit_reader *k8s_audit_reader_open(const char *path, FILE *warn, char *err,
					       size_t errsize);

/*
 * The next event: 1 with *ev set (valid until the next call), 0 at the end,
 * -1 with "PATH: line L, column C (byte B): why" in `err` for JSON that does
 * not parse (the events before it were given).
 */
int k8s_audit_reader_next(struct k8s_audit_reader *r, const struct fnet_audit_event **ev,
			  char *err, size_t errsize);

/* Frees the reader. NULL is allowed. */
void k8s_audit_reader_close(struct k8s_audit_reader *r);

/*
 * 1 when `path` is a regular file whose first byte after blanks is '{' or '['
 * (JSON; a scap trace never starts so), else 0. Standard input ("-") is not
 * looked at: 0.
 */
int k8s_audit_input_is_json(const char *path);

/*
 * Parses an RFC 3339 time, "2018-10-25T13:58:49.736141Z" or with an offset
 * "+02:00" (Go's time.RFC3339Nano layout, which the plugin uses), into ns
 * since the epoch. Returns 0, or -1 when `s` is not such a time.
 */
int k8s_audit_parse_time(const char *s, unsigned long long *ns);

#endif
