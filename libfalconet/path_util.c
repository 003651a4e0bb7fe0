#include "path_util.h"

#include <string.h>

void fnet_path_resolve(char *out, size_t size, const char *base, const char *rel, size_t rel_len)
{
	char joined[2 * FNET_PATH_MAX];
	size_t n = 0;
	if (size == 0)
		return;
	if (rel_len == 0) {
		size_t bl = strlen(base);
		if (bl >= size)
			bl = size - 1;
		memcpy(out, base, bl);
		out[bl] = 0;
		return;
	}
	if (rel[0] != '/') {
		size_t bl = strnlen(base, FNET_PATH_MAX - 1);
		memcpy(joined, base, bl);
		n = bl;
		if (n && joined[n - 1] != '/')
			joined[n++] = '/';
	}
	if (rel_len > sizeof(joined) - n - 1)
		rel_len = sizeof(joined) - n - 1;
	memcpy(joined + n, rel, rel_len);
	n += rel_len;
	joined[n] = 0;

	/* Normalise component by component into out. */
	int absolute = joined[0] == '/';
	size_t o = 0;
	if (absolute && o < size - 1)
		out[o++] = '/';
	const char *p = joined;
	while (*p) {
		while (*p == '/')
			p++;
		if (!*p)
			break;
		const char *e = strchr(p, '/');
		size_t cl = e ? (size_t)(e - p) : strlen(p);
		if (cl == 1 && p[0] == '.') {
			/* skip */
		} else if (cl == 2 && p[0] == '.' && p[1] == '.') {
			size_t floor = absolute ? 1 : 0;
			if (o > floor) {
				o--; /* the '/' after the previous component, or its last char */
				while (o > floor && out[o - 1] != '/')
					o--;
			}
		} else {
			if (o > (absolute ? 1u : 0u) && o < size - 1 && out[o - 1] != '/')
				out[o++] = '/';
			for (size_t i = 0; i < cl && o < size - 1; i++)
				out[o++] = p[i];
		}
		p += cl;
	}
	/* keep a trailing '/' of a directory-looking input only for the root */
	if (o > 1 && out[o - 1] == '/')
		o--;
	out[o] = 0;
}
