#include "buffer_dump.h"

#include <stdio.h>

#define ROW_BYTES 16

static int printable(uint8_t c)
{
	return c >= 0x20 && c < 0x7f;
}

static void dump_ascii(struct fnet_strbuf *out, const uint8_t *p, uint32_t len)
{
	fnet_strbuf_putc(out, '\n');
	for (uint32_t k = 0; k < len; k++) {
		if (printable(p[k]))
			fnet_strbuf_putc(out, (char)p[k]);
		else if (p[k] == '\r')
			fnet_strbuf_putc(out, '\n');
		else if (p[k] == '\n' && k > 0 && p[k - 1] != '\r')
			fnet_strbuf_putc(out, '\n');
	}
}

static void dump_hex(struct fnet_strbuf *out, const uint8_t *p, uint32_t len, int with_ascii)
{
	static const char digits[] = "0123456789abcdef";
	for (uint32_t row = 0; row < len; row += ROW_BYTES) {
		char line[128];
		int n = snprintf(line, sizeof(line), "\n\t0x%.4x:", (unsigned)row);
		uint32_t end = row + ROW_BYTES < len ? row + ROW_BYTES : len;
		int groups = 0;
		for (uint32_t k = row; k < end; k += 2, groups++) {
			line[n++] = ' ';
			line[n++] = digits[p[k] >> 4];
			line[n++] = digits[p[k] & 15];
			if (k + 1 < end) {
				line[n++] = digits[p[k + 1] >> 4];
				line[n++] = digits[p[k + 1] & 15];
			}
		}
		if (with_ascii) {
			for (; groups < ROW_BYTES / 2; groups++)
				for (int s = 0; s < 5; s++)
					line[n++] = ' ';
			line[n++] = ' ';
			line[n++] = ' ';
			for (uint32_t k = row; k < end; k++)
				line[n++] = printable(p[k]) ? (char)p[k] : '.';
		}
		fnet_strbuf_append(out, line, (size_t)n);
	}
	fnet_strbuf_putc(out, '\n');
}

void buffer_dump(struct fnet_strbuf *out, const uint8_t *p, uint32_t len, enum buf_style style)
{
	if (len == 0)
		return;
	switch (style) {
	case BUF_DOTS:
		for (uint32_t k = 0; k < len; k++)
			fnet_strbuf_putc(out, printable(p[k]) ? (char)p[k] : '.');
		break;
	case BUF_ASCII:
		dump_ascii(out, p, len);
		break;
	case BUF_HEX:
		dump_hex(out, p, len, 0);
		break;
	case BUF_HEX_ASCII:
		dump_hex(out, p, len, 1);
		break;
	}
}

/* Parameters that are raw bytes, which the buffer styles apply to. */
static int is_bytebuf(const struct fnet_event *ev, uint32_t i)
{
	return ev->info && i < ev->nparams && i < ev->info->nparams &&
	       ev->info->params[i].type == FNET_PT_BYTEBUF;
}

void buffer_format_param(struct fnet_strbuf *val, struct fnet_strbuf *resolved,
			 const struct fnet_event *ev, uint32_t i, const struct fnet_format_ctx *ctx,
			 enum buf_style style)
{
	if (style == BUF_DOTS || !is_bytebuf(ev, i)) {
		fnet_format_param(val, resolved, ev, i, ctx);
		return;
	}
	fnet_strbuf_reset(val);
	fnet_strbuf_reset(resolved);
	buffer_dump(val, ev->param[i], ev->param_len[i], style);
}

void buffer_format_info(struct fnet_strbuf *out, const struct fnet_event *ev,
			const struct fnet_format_ctx *ctx, enum buf_style style)
{
	if (style == BUF_DOTS) {
		fnet_format_info(out, ev, ctx);
		return;
	}
	if (!ev->info || ev->type == FNET_EV_GENERIC_E || ev->type == FNET_EV_GENERIC_X)
		return;
	/* reused between calls: only growing them allocates */
	static _Thread_local struct fnet_strbuf v = FNET_STRBUF_INIT, r = FNET_STRBUF_INIT;
	uint32_t n = fnet_format_nparams(ev, ctx);
	for (uint32_t i = 0; i < n; i++) {
		buffer_format_param(&v, &r, ev, i, ctx, style);
		fnet_strbuf_puts(out, fnet_sysdig_param_name(ev, i));
		fnet_strbuf_putc(out, '=');
		fnet_strbuf_append(out, v.ptr ? v.ptr : "", v.len);
		if (r.len) {
			fnet_strbuf_putc(out, '(');
			fnet_strbuf_append(out, r.ptr, r.len);
			fnet_strbuf_putc(out, ')');
		}
		fnet_strbuf_putc(out, ' ');
	}
}
