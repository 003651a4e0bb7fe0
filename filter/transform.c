/* Field transformers: tolower, toupper, b64, basename, len. */
#include "transform.h"

#include <string.h>

static const char *const xform_names[] = {
	[FNET_XF_TOLOWER] = "tolower",
	[FNET_XF_TOUPPER] = "toupper",
	[FNET_XF_B64] = "b64",
	[FNET_XF_BASENAME] = "basename",
	[FNET_XF_LEN] = "len",
};

#define NXFORMS (sizeof(xform_names) / sizeof(xform_names[0]))

int fnet_xform_from_name(const char *name, size_t len, enum fnet_xform *x)
{
	for (size_t i = 0; i < NXFORMS; i++)
		if (strlen(xform_names[i]) == len && memcmp(xform_names[i], name, len) == 0) {
			*x = (enum fnet_xform)i;
			return 0;
		}
	return -1;
}

const char *fnet_xform_name(enum fnet_xform x)
{
	return (size_t)x < NXFORMS ? xform_names[x] : "?";
}

int fnet_xform_type(enum fnet_xform x, enum fnet_field_type in, enum fnet_field_type *out)
{
	if (in != FNET_FIELD_STRING || (size_t)x >= NXFORMS)
		return -1;
	*out = x == FNET_XF_LEN ? FNET_FIELD_UINT64 : FNET_FIELD_STRING;
	return 0;
}

/* 0..63 for a base64 digit, else -1. */
static int b64_digit(unsigned char c)
{
	if (c >= 'A' && c <= 'Z')
		return c - 'A';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 26;
	if (c >= '0' && c <= '9')
		return c - '0' + 52;
	if (c == '+')
		return 62;
	if (c == '/')
		return 63;
	return -1;
}

long fnet_b64_decode(const char *in, size_t n, char *out)
{
	if (n && in[n - 1] == '=')
		n--;
	if (n && in[n - 1] == '=')
		n--;
	if (n % 4 == 1)
		return -1;
	size_t o = 0;
	uint32_t acc = 0;
	for (size_t i = 0; i < n; i++) {
		int d = b64_digit((unsigned char)in[i]);
		if (d < 0)
			return -1;
		acc = acc << 6 | (uint32_t)d;
		if (i % 4 == 3) {
			out[o++] = (char)(acc >> 16);
			out[o++] = (char)(acc >> 8);
			out[o++] = (char)acc;
			acc = 0;
		}
	}
	switch (n % 4) {
	case 2: /* 12 bits: one byte, the low 4 bits must be 0 */
		if (acc & 0xf)
			return -1;
		out[o++] = (char)(acc >> 4);
		break;
	case 3: /* 18 bits: two bytes, the low 2 bits must be 0 */
		if (acc & 0x3)
			return -1;
		out[o++] = (char)(acc >> 10);
		out[o++] = (char)(acc >> 2);
		break;
	default:
		break;
	}
	return (long)o;
}

/* The value as bytes we may rewrite: a pointer into `buf`, copying it there if needed. */
static char *writable(struct fnet_field_value *v, char *buf, size_t size)
{
	uintptr_t p = (uintptr_t)v->str, b = (uintptr_t)buf;
	if (p >= b && p - b <= size && v->len <= size - (p - b))
		return buf + (p - b);
	if (v->len > size)
		v->len = (uint32_t)size;
	memmove(buf, v->str, v->len);
	v->str = buf;
	return buf;
}

int fnet_xform_apply(const uint8_t *chain, unsigned n, struct fnet_field_value *v, char *buf,
		     size_t size)
{
	for (unsigned i = 0; i < n; i++) {
		char *w;
		const char *z;
		switch ((enum fnet_xform)chain[i]) {
		case FNET_XF_TOLOWER:
			w = writable(v, buf, size);
			for (uint32_t k = 0; k < v->len; k++)
				if (w[k] >= 'A' && w[k] <= 'Z')
					w[k] = (char)(w[k] - 'A' + 'a');
			break;
		case FNET_XF_TOUPPER:
			w = writable(v, buf, size);
			for (uint32_t k = 0; k < v->len; k++)
				if (w[k] >= 'a' && w[k] <= 'z')
					w[k] = (char)(w[k] - 'a' + 'A');
			break;
		case FNET_XF_B64: {
			uint32_t len = v->len;
			while (len && v->str[len - 1] == 0)
				len--;
			v->len = len;
			w = writable(v, buf, size);
			long d = fnet_b64_decode(w, v->len, w);
			if (d < 0)
				return 0;
			/* the result is a string: it ends at its first NUL, as sysdig compares */
			z = memchr(w, 0, (size_t)d);
			v->len = z ? (uint32_t)(z - w) : (uint32_t)d;
			break;
		}
		case FNET_XF_BASENAME:
			for (uint32_t k = v->len; k > 0; k--)
				if (v->str[k - 1] == '/') {
					v->str += k;
					v->len -= k;
					break;
				}
			break;
		case FNET_XF_LEN:
			z = memchr(v->str, 0, v->len);
			v->u64 = z ? (uint64_t)(z - v->str) : v->len;
			v->i64 = (int64_t)v->u64;
			break;
		default:
			return 0;
		}
	}
	return 1;
}
