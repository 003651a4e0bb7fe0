/*
 * A decoded view of one scap event record.
 *
 * On-disk / in-ring layout (falcosecurity/libs struct ppm_evt_hdr, packed, little
 * endian): u64 ts_ns, u64 tid, u32 len (whole record, header included), u16 type,
 * u32 nparams; then nparams lengths (u16 each, u32 for event types flagged
 * FNET_EF_LARGE_PAYLOAD); then the parameter values back to back. Version-1 records
 * (old trace files) lack the nparams field; their parameter count is inferred from
 * the lengths.
 */
#ifndef FNET_EVENT_H
#define FNET_EVENT_H

#include <stddef.h>
#include <stdint.h>

#include "event_schema.h"

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__
#error "scap files are little-endian; the writers copy host integers as they are"
#endif

#define FNET_MAX_PARAMS 32
#define FNET_EVENT_HEADER_SIZE 26    /* with nparams */
#define FNET_EVENT_HEADER_V1_SIZE 22 /* without nparams */

struct fnet_event {
	uint64_t num;      /* 1-based position in the stream (evt.num) */
	uint64_t ts_ns;    /* ns since the epoch */
	int64_t tid;
	uint16_t type;     /* event type number (enum fnet_event_code) */
	uint16_t cpu;
	uint32_t flags;    /* per-event flags of event-with-flags blocks, else 0 */
	uint32_t nparams;
	const struct fnet_event_info *info; /* NULL for types beyond the schema */
	const uint8_t *param[FNET_MAX_PARAMS];
	uint32_t param_len[FNET_MAX_PARAMS];
};

/*
 * Decodes the record at `rec` (`avail` bytes available there) into `ev`; parameter
 * pointers point into `rec`, which must outlive the use of `ev`. `has_nparams` is 0
 * for version-1 records. `ev->num`, `cpu` and `flags` are left to the caller.
 * Returns 0, or -1 with the reason in `err` (FNET_ERRBUF_SIZE bytes): record
 * shorter than its header, length beyond `avail`, parameter lengths running past
 * the record, more than FNET_MAX_PARAMS parameters.
 */
int fnet_event_decode(struct fnet_event *ev, const uint8_t *rec, size_t avail, int has_nparams,
		      char *err);

/*
 * Appends to `out` the event record of `ev` in the current layout (header with
 * nparams, lengths u16 or, for FNET_EF_LARGE_PAYLOAD types, u32). Returns the
 * record length, or 0 when a parameter is too long for a u16 length or the
 * buffer could not grow. `out` is a struct fnet_strbuf (strbuf.h).
 */
struct fnet_strbuf;
uint32_t fnet_event_encode(const struct fnet_event *ev, struct fnet_strbuf *out);

/* Reads little-endian integers from unaligned memory. */
static inline uint16_t fnet_get_u16(const uint8_t *p)
{
	return (uint16_t)(p[0] | p[1] << 8);
}
static inline uint32_t fnet_get_u32(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}
static inline uint64_t fnet_get_u64(const uint8_t *p)
{
	return (uint64_t)fnet_get_u32(p) | (uint64_t)fnet_get_u32(p + 4) << 32;
}

/*
 * Integer value of parameter `i` read as an unsigned number of its stored width
 * (1, 2, 4 or 8 bytes); 0 when the parameter is absent or of another width.
 */
uint64_t fnet_event_param_u64(const struct fnet_event *ev, uint32_t i);

/* As fnet_event_param_u64, sign-extended from the stored width. */
int64_t fnet_event_param_s64(const struct fnet_event *ev, uint32_t i);

/*
 * Index of the parameter called `name` in the event's schema that is present in
 * this record, or -1. For set-up code (compiling filters), not per-event use.
 */
int fnet_event_param_index(const struct fnet_event_info *info, uint32_t nparams, const char *name);

#endif
