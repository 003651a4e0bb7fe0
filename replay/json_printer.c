#include "json_printer.h"

#include <inttypes.h>
#include <stdio.h>

#define REPLACEMENT 0xfffdu

/*
 * Reads one code point at s[*k] (s has `len` bytes) as jsoncpp does: the lead
 * byte says how many bytes the sequence takes; too few left, an overlong form or a
 * surrogate give REPLACEMENT. Advances *k past what was read.
 */
static uint32_t read_code_point(const uint8_t *s, size_t len, size_t *k)
{
	size_t i = *k;
	uint32_t b = s[i];
	size_t need;
	uint32_t cp, min;
	if (b < 0x80) {
		*k = i + 1;
		return b;
	}
	if (b < 0xe0) {
		need = 2;
		cp = b & 0x1f;
		min = 0x80;
	} else if (b < 0xf0) {
		need = 3;
		cp = b & 0x0f;
		min = 0x800;
	} else if (b < 0xf8) {
		need = 4;
		cp = b & 0x07;
		min = 0x10000;
	} else {
		*k = i + 1;
		return REPLACEMENT;
	}
	if (len - i < need) {
		*k = i + 1;
		return REPLACEMENT;
	}
	for (size_t j = 1; j < need; j++)
		cp = cp << 6 | (s[i + j] & 0x3f);
	*k = i + need;
	if (cp < min || (need == 3 && cp >= 0xd800 && cp <= 0xdfff))
		return REPLACEMENT;
	return cp;
}

static void put_u_escape(struct fnet_strbuf *b, uint32_t unit)
{
	static const char hex[] = "0123456789abcdef";
	char e[6] = {'\\', 'u', hex[unit >> 12 & 15], hex[unit >> 8 & 15], hex[unit >> 4 & 15],
		     hex[unit & 15]};
	fnet_strbuf_append(b, e, sizeof(e));
}

void json_put_string(struct fnet_strbuf *b, const char *str, size_t len)
{
	const uint8_t *s = (const uint8_t *)str;
	fnet_strbuf_putc(b, '"');
	size_t k = 0;
	while (k < len) {
		/* runs of characters that need no escape are copied at once */
		size_t run = k;
		while (run < len && s[run] >= 0x20 && s[run] < 0x80 && s[run] != '"' && s[run] != '\\')
			run++;
		if (run > k) {
			fnet_strbuf_append(b, str + k, run - k);
			k = run;
			continue;
		}
		const char *esc = NULL;
		switch (s[k]) {
		case '"': esc = "\\\""; break;
		case '\\': esc = "\\\\"; break;
		case '\b': esc = "\\b"; break;
		case '\f': esc = "\\f"; break;
		case '\n': esc = "\\n"; break;
		case '\r': esc = "\\r"; break;
		case '\t': esc = "\\t"; break;
		default: break;
		}
		if (esc) {
			fnet_strbuf_append(b, esc, 2);
			k++;
			continue;
		}
		uint32_t cp = read_code_point(s, len, &k);
		if (cp >= 0x20 && cp <= 0x7f) {
			fnet_strbuf_putc(b, (char)cp);
		} else if (cp < 0x10000) {
			put_u_escape(b, cp);
		} else {
			cp -= 0x10000;
			put_u_escape(b, 0xd800 + ((cp >> 10) & 0xffff));
			put_u_escape(b, 0xdc00 + (cp & 0x3ff));
		}
	}
	fnet_strbuf_putc(b, '"');
}

void json_put_i64(struct fnet_strbuf *b, int64_t v)
{
	char t[24];
	int n = snprintf(t, sizeof(t), "%" PRId64, v);
	fnet_strbuf_append(b, t, (size_t)n);
}

void json_put_u64(struct fnet_strbuf *b, uint64_t v)
{
	char t[24];
	int n = snprintf(t, sizeof(t), "%" PRIu64, v);
	fnet_strbuf_append(b, t, (size_t)n);
}
