/*
 * Byte buffers (read and write data, and other raw-byte parameters) in the styles
 * of sysdig's -A, -x and -X options, and event parameters and evt.info rendered
 * with them.
 *
 * The text goes inside the parameter's value, so a dump spreads over the lines
 * under the event's line:
 *
 *   -x   data=                 -X   data=
 *        \t0x0000: 6865 6c6c 6f     \t0x0000: 6865 6c6c 6f  (padding)  hello
 *        (a newline)                (a newline)
 *
 * one row per 16 bytes: a tab, the offset, eight groups of two bytes in hex (a lone
 * last byte as two digits), and for -X the 16 characters with the unprintable ones
 * as '.', after the groups padded to eight. -A prints a newline then the printable
 * characters only, turning \r into a newline and dropping a \n that follows a \r
 * (so CRLF text reads as lines). The plain style keeps every byte, unprintable ones
 * as '.', and is the only one cut short (see fnet_format_ctx.bytebuf_max).
 * These follow sysdig 0.29.3 (libs e5c53d64, sinsp_evt buffer rendering) byte for
 * byte, including its misaligned -X padding after an odd last byte.
 */
#ifndef FNET_REPLAY_BUFFER_DUMP_H
#define FNET_REPLAY_BUFFER_DUMP_H

#include <stdint.h>

#include "event_format.h"

enum buf_style {
	BUF_DOTS,      /* default: printable characters, '.' for the others */
	BUF_ASCII,     /* -A */
	BUF_HEX,       /* -x */
	BUF_HEX_ASCII  /* -X */
};

/* Appends the `len` bytes at `p` to `out` in `style`. Nothing for an empty buffer. */
void buffer_dump(struct fnet_strbuf *out, const uint8_t *p, uint32_t len, enum buf_style style);

/*
 * fnet_format_param() with byte buffers in `style` (BUF_DOTS: exactly
 * fnet_format_param, cut at ctx->bytebuf_max).
 */
void buffer_format_param(struct fnet_strbuf *val, struct fnet_strbuf *resolved,
			 const struct fnet_event *ev, uint32_t i, const struct fnet_format_ctx *ctx,
			 enum buf_style style);

/* fnet_format_info() with byte buffers in `style`. */
void buffer_format_info(struct fnet_strbuf *out, const struct fnet_event *ev,
			const struct fnet_format_ctx *ctx, enum buf_style style);

#endif
