/* Field references: a field name with an optional argument. */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fields.h"
#include "filter_internal.h"

/* Characters of field names: letters, digits, '.', '_'. */
static size_t name_span(const char *s, size_t len)
{
	size_t i = 0;
	while (i < len && (isalnum((unsigned char)s[i]) || s[i] == '.' || s[i] == '_'))
		i++;
	return i;
}

/*
 * Fills `arg` from the argument text `a` (`n` bytes): a decimal number (an
 * index) or else a name. Returns 0, or -1 for a number out of range.
 */
static int set_arg(struct fnet_field_arg *arg, const char *a, size_t n)
{
	memset(arg, 0, sizeof(*arg));
	arg->has = 1;
	arg->name = a;
	arg->name_len = (uint32_t)n;
	size_t i = n && (a[0] == '-' || a[0] == '+') ? 1 : 0;
	if (i == n)
		return 0;
	for (size_t k = i; k < n; k++)
		if (!isdigit((unsigned char)a[k]))
			return 0;
	char num[32];
	if (n >= sizeof(num))
		return -1;
	memcpy(num, a, n);
	num[n] = 0;
	errno = 0;
	long long v = strtoll(num, NULL, 10);
	if (errno == ERANGE)
		return -1;
	arg->is_index = 1;
	arg->index = v;
	arg->name = NULL;
	arg->name_len = 0;
	return 0;
}

/* Checks `arg` against what field `f` takes; NULL, or what is wrong. */
static const char *arg_problem(const struct fnet_field_def *f, const struct fnet_field_arg *arg,
			       char *buf, size_t size)
{
	const char *n = f->name;
	switch (f->arg_mode) {
	case FNET_ARG_NONE:
		if (arg->has)
			snprintf(buf, size, "%s takes no argument", n);
		else
			return NULL;
		break;
	case FNET_ARG_INDEX:
	case FNET_ARG_INDEX_NEEDED:
		if (!arg->has && f->arg_mode == FNET_ARG_INDEX)
			return NULL;
		if (!arg->has)
			snprintf(buf, size, "%s needs an index, e.g. %s[0]", n, n);
		else if (!arg->is_index)
			snprintf(buf, size, "%s takes a number as its argument, e.g. %s[1]", n, n);
		else if (arg->index < 0)
			snprintf(buf, size, "%s takes an index of 0 or more", n);
		else
			return NULL;
		break;
	case FNET_ARG_NAME_NEEDED:
		if (!arg->has)
			snprintf(buf, size, "%s needs a name, e.g. %s.NAME or %s[NAME]", n, n, n);
		else if (arg->is_index)
			snprintf(buf, size, "%s takes a name as its argument, not a number", n);
		else
			return NULL;
		break;
	case FNET_ARG_ANY:
		return NULL;
	default:
		return NULL;
	}
	return buf;
}

size_t fnet_field_parse_ref_at(const char *s, size_t len, const struct fnet_field_def **f,
			       struct fnet_field_arg *arg, char *err, size_t errsize,
			       size_t *err_off)
{
	return fnet_field_parse_ref_src(FNET_SOURCE_SYSCALL, s, len, f, arg, err, errsize, err_off);
}

size_t fnet_field_parse_ref_src(enum fnet_field_source src, const char *s, size_t len,
				const struct fnet_field_def **f, struct fnet_field_arg *arg,
				char *err, size_t errsize, size_t *err_off)
{
	char why[160];
	memset(arg, 0, sizeof(*arg));
	*err_off = 0;
	size_t n = name_span(s, len);
	if (n == 0) {
		snprintf(err, errsize, "expected a field name");
		return 0;
	}
	const struct fnet_field_def *d = fnet_field_find_in(src, s, n);
	size_t used = n, arg_off = 0;
	if (!d) {
		/* dotted name argument: the longest known prefix taking a name, e.g. evt.arg.fd */
		for (size_t k = n; k > 0 && !d; k--) {
			if (s[k - 1] != '.')
				continue;
			const struct fnet_field_def *p = fnet_field_find_in(src, s, k - 1);
			if (p && (p->arg_mode == FNET_ARG_NAME_NEEDED || p->arg_mode == FNET_ARG_ANY)) {
				d = p;
				if (k == n) {
					*err_off = k;
					snprintf(err, errsize, "expected a name after '%s.'", p->name);
					return 0;
				}
				/* the dotted form always names */
				arg_off = k;
				arg->has = 1;
				arg->name = s + k;
				arg->name_len = (uint32_t)(n - k);
			}
		}
	}
	if (!d) {
		int w = n > 60 ? 60 : (int)n;
		const char *hint = fnet_field_suggest_in(src, s, n);
		if (hint)
			snprintf(err, errsize, "unknown field '%.*s' (did you mean '%s'?)", w, s, hint);
		else
			snprintf(err, errsize, "unknown field '%.*s'", w, s);
		return 0;
	}
	if (used < len && s[used] == '[') {
		if (arg->has) {
			*err_off = used;
			snprintf(err, errsize, "%s.%.*s already has its argument", d->name,
				 (int)arg->name_len, arg->name);
			return 0;
		}
		const char *close = memchr(s + used, ']', len - used);
		if (!close) {
			*err_off = used;
			snprintf(err, errsize, "'[' after %s is not closed: expected ']'", d->name);
			return 0;
		}
		const char *a = s + used + 1;
		size_t alen = (size_t)(close - a);
		arg_off = used;
		if (alen >= 2 && (a[0] == '"' || a[0] == '\'') && a[alen - 1] == a[0]) {
			/* a quoted argument: a name, taken as written */
			arg->has = 1;
			arg->name = a + 1;
			arg->name_len = (uint32_t)(alen - 2);
		} else if (alen == 0) {
			*err_off = used;
			snprintf(err, errsize, "empty argument: expected a number or a name in %s[]",
				 d->name);
			return 0;
		} else if (set_arg(arg, a, alen) < 0) {
			*err_off = used + 1;
			snprintf(err, errsize, "argument of %s out of range", d->name);
			return 0;
		}
		used = (size_t)(close - s) + 1;
	}
	if (arg_problem(d, arg, why, sizeof(why))) {
		*err_off = arg_off;
		snprintf(err, errsize, "%s", why);
		return 0;
	}
	*f = d;
	return used;
}

size_t fnet_field_parse_ref(const char *s, size_t len, const struct fnet_field_def **f,
			    struct fnet_field_arg *arg, char *err, size_t errsize)
{
	size_t off;
	return fnet_field_parse_ref_at(s, len, f, arg, err, errsize, &off);
}
