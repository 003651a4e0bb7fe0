/* Field references: a field name with an optional argument. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fields.h"

/* Characters of field names: letters, digits, '.', '_'. */
static size_t name_span(const char *s, size_t len)
{
	size_t i = 0;
	while (i < len && (isalnum((unsigned char)s[i]) || s[i] == '.' || s[i] == '_'))
		i++;
	return i;
}

/* Fills `arg` from the argument text `a` (`n` bytes): a number or a name. */
static void set_arg(struct fnet_field_arg *arg, const char *a, size_t n)
{
	memset(arg, 0, sizeof(*arg));
	arg->has = 1;
	char *end;
	char num[32];
	if (n > 0 && n < sizeof(num)) {
		memcpy(num, a, n);
		num[n] = 0;
		long long v = strtoll(num, &end, 10);
		if (*end == 0 && (isdigit((unsigned char)num[0]) || num[0] == '-')) {
			arg->is_index = 1;
			arg->index = v;
			return;
		}
	}
	arg->name = a;
	arg->name_len = (uint32_t)n;
}

static int arg_fits(const struct fnet_field_def *f, const struct fnet_field_arg *arg)
{
	switch (f->arg_mode) {
	case FNET_ARG_NONE:
		return !arg->has;
	case FNET_ARG_INDEX:
		return !arg->has || arg->is_index;
	case FNET_ARG_INDEX_NEEDED:
		return arg->has && arg->is_index;
	case FNET_ARG_NAME_NEEDED:
		return arg->has && !arg->is_index;
	case FNET_ARG_ANY:
		return 1;
	}
	return 0;
}

size_t fnet_field_parse_ref(const char *s, size_t len, const struct fnet_field_def **f,
			    struct fnet_field_arg *arg, char *err, size_t errsize)
{
	memset(arg, 0, sizeof(*arg));
	size_t n = name_span(s, len);
	const struct fnet_field_def *d = fnet_field_find(s, n);
	size_t used = n;
	if (!d) {
		/* dotted name argument: the longest known prefix taking a name, e.g. evt.arg.fd */
		for (size_t k = n; k > 0 && !d; k--) {
			if (s[k - 1] != '.')
				continue;
			const struct fnet_field_def *p = fnet_field_find(s, k - 1);
			if (p && (p->arg_mode == FNET_ARG_NAME_NEEDED || p->arg_mode == FNET_ARG_ANY)) {
				d = p;
				set_arg(arg, s + k, n - k);
				arg->is_index = 0; /* the dotted form always names */
				arg->name = s + k;
				arg->name_len = (uint32_t)(n - k);
			}
		}
	}
	if (!d) {
		const char *hint = fnet_field_suggest(s, n);
		if (hint)
			snprintf(err, errsize, "unknown field '%.*s' (did you mean '%s'?)", (int)(n > 60 ? 60 : n), s,
				 hint);
		else
			snprintf(err, errsize, "unknown field '%.*s'", (int)(n > 60 ? 60 : n), s);
		return 0;
	}
	if (!arg->has && used < len && s[used] == '[') {
		const char *close = memchr(s + used, ']', len - used);
		if (!close) {
			snprintf(err, errsize, "'[' after %s is not closed", d->name);
			return 0;
		}
		set_arg(arg, s + used + 1, (size_t)(close - s - used - 1));
		used = (size_t)(close - s) + 1;
	}
	if (!arg_fits(d, arg)) {
		snprintf(err, errsize, arg->has ? "%s takes no such argument" : "%s needs an argument",
			 d->name);
		return 0;
	}
	*f = d;
	return used;
}
