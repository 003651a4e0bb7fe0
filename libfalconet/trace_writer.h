/*
 * Writer of scap trace files, the counterpart of trace_reader.h: the newest block
 * versions of falcosecurity/libs userspace/libscap/scap_savefile.c, which sysdig
 * 0.29.3 (libs e5c53d64) already reads: SHB 1.2, MI, IL_V2, UL_V2, PL_V9, FDL_V2,
 * EV_V2 / EV_V2_LARGE, EVF_V2 / EVF_V2_LARGE. Every write emits whole blocks, so a
 * file cut after any fnet_trace_writer_flush() holds only whole blocks.
 */
#ifndef FNET_TRACE_WRITER_H
#define FNET_TRACE_WRITER_H

#include <stddef.h>
#include <stdint.h>

#include "byte_sink.h"
#include "trace_reader.h"

struct fnet_trace_writer;

/*
 * Creates `path` ("-" for standard output, mode 0600) with compression `c`
 * (`level` 0 for the default) and writes the section header block.
 * Returns the writer, or NULL with a message in `err` (FNET_ERRBUF_SIZE bytes).
 */
struct fnet_trace_writer *fnet_trace_writer_open(const char *path, enum fnet_compression c,
						 int level, char *err);

/* Metadata blocks. Each returns 0, or -1 with a message in `err`. */
int fnet_trace_write_machine(struct fnet_trace_writer *w, const struct fnet_machine_record *m,
			     char *err);
/* A process list block of `n` entries (PL_V9). */
int fnet_trace_write_threads(struct fnet_trace_writer *w, const struct fnet_thread_record *t,
			     size_t n, char *err);
/* The fds of one process (FDL_V2). */
int fnet_trace_write_fds(struct fnet_trace_writer *w, int64_t tid, const struct fnet_fd_record *f,
			 size_t n, char *err);
/* Users and groups (UL_V2). */
int fnet_trace_write_users(struct fnet_trace_writer *w, const struct fnet_user_record *u,
			   size_t nu, const struct fnet_group_record *g, size_t ng, char *err);

/*
 * One event block holding the event record `rec` (`len` bytes, the layout of
 * event.h with nparams) from `cpu`; `flags` non-zero writes an event-with-flags
 * block. Event types flagged FNET_EF_LARGE_PAYLOAD go in the large block variants.
 */
int fnet_trace_write_event(struct fnet_trace_writer *w, uint16_t cpu, uint32_t flags,
			   const uint8_t *rec, uint32_t len, char *err);

/* Makes what was written so far readable from the file (see byte_sink.h). */
int fnet_trace_writer_flush(struct fnet_trace_writer *w, char *err);

/* Uncompressed and on-disk bytes written so far. */
uint64_t fnet_trace_writer_bytes(const struct fnet_trace_writer *w);
uint64_t fnet_trace_writer_file_bytes(const struct fnet_trace_writer *w);

/* Ends the file and frees the writer (also on error). Returns 0 or -1 with `err`. */
int fnet_trace_writer_close(struct fnet_trace_writer *w, char *err);

#endif
