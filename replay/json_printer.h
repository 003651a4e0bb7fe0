/*
 * JSON text as sysdig -j writes it (jsoncpp 1.9's FastWriter, which sysdig 0.29.3
 * uses): one object per event on one line, no spaces, keys sorted bytewise.
 *
 * Strings: " and \ are escaped, \b \f \n \r \t use their short escapes, other
 * control characters \u00XX; bytes from 0x80 are read as UTF-8 and written as
 * \uXXXX escapes (a surrogate pair beyond the BMP), malformed sequences as \ufffd.
 * The UTF-8 reading is jsoncpp's, which does not check continuation bytes: a lead
 * byte takes the bytes its form needs, whatever they are. So the output is ASCII.
 */
#ifndef FNET_REPLAY_JSON_PRINTER_H
#define FNET_REPLAY_JSON_PRINTER_H

#include <stddef.h>
#include <stdint.h>

#include "strbuf.h"

/* Appends `s` (`len` bytes) as a quoted JSON string. */
void json_put_string(struct fnet_strbuf *b, const char *s, size_t len);

void json_put_i64(struct fnet_strbuf *b, int64_t v);
void json_put_u64(struct fnet_strbuf *b, uint64_t v);

#endif
