/*
 * Field transformers: functions applied to a field's value before it is
 * compared, written around the field on the left of a check (or on the right,
 * comparing two fields): `tolower(proc.name) = bash`,
 * `len(basename(fd.name)) > 20`, `proc.name = toupper(val(proc.exe))`.
 *
 *   tolower(s)  toupper(s)  ASCII case mapping of a string
 *   b64(s)      the base64 decoding of a string (padding optional); a string
 *               that is not base64 gives no value, so the check is false
 *   basename(s) what follows the last '/' (the whole string without one)
 *   len(s)      the length of a string up to its first NUL, as a uint64
 *
 * A chain is compiled once into a few bytes (the transformers, innermost
 * first) and applied in place in the caller's scratch buffer: nothing is
 * allocated per event.
 */
#ifndef FNET_FILTER_TRANSFORM_H
#define FNET_FILTER_TRANSFORM_H

#include <stddef.h>
#include <stdint.h>

#include "fields.h"

enum fnet_xform {
	FNET_XF_TOLOWER,
	FNET_XF_TOUPPER,
	FNET_XF_B64,
	FNET_XF_BASENAME,
	FNET_XF_LEN
};

/* Most transformers one operand may nest. */
#define FNET_XF_MAX 16

/* The transformer called `name` (`len` bytes): 0 and `*x`, or -1. */
int fnet_xform_from_name(const char *name, size_t len, enum fnet_xform *x);

/* Its name ("tolower", ...). */
const char *fnet_xform_name(enum fnet_xform x);

/*
 * The type of `x` applied to a value of type `in`: 0 with `*out`, or -1 when
 * `x` does not take values of that type (every transformer takes strings only).
 */
int fnet_xform_type(enum fnet_xform x, enum fnet_field_type in, enum fnet_field_type *out);

/*
 * Applies the `n` transformers `chain` (innermost first) to the string value
 * `*v`, rewriting it in place. `buf` (`size` bytes) is where transformed bytes
 * go: a value already inside `buf` is changed there, any other is copied in
 * first (cut to `size` bytes). Returns 1, or 0 when the value has none after a
 * transformer (b64 of a string that is not base64). Allocates nothing.
 */
int fnet_xform_apply(const uint8_t *chain, unsigned n, struct fnet_field_value *v, char *buf,
		     size_t size);

/*
 * Decodes base64 text `in` (`n` bytes; '=' padding optional) into `out`, which
 * may be `in` itself. Returns the decoded length, or -1 when `in` is not
 * base64 (bad character, impossible length, non-zero trailing bits).
 */
long fnet_b64_decode(const char *in, size_t n, char *out);

#endif
