/* The registry of field classes: look-up by name, suggestions, rendering. */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "fields.h"

static const struct fnet_field_class *const classes[] = {
	&fnet_fields_evt,
	&fnet_fields_proc,
	&fnet_fields_fd,
	&fnet_fields_user,
};

#define NCLASSES (sizeof(classes) / sizeof(classes[0]))

size_t fnet_field_count(void)
{
	size_t n = 0;
	for (size_t c = 0; c < NCLASSES; c++)
		n += classes[c]->count;
	return n;
}

const struct fnet_field_def *fnet_field_at(size_t i)
{
	for (size_t c = 0; c < NCLASSES; c++) {
		if (i < classes[c]->count)
			return &classes[c]->fields[i];
		i -= classes[c]->count;
	}
	return NULL;
}

const struct fnet_field_def *fnet_field_find(const char *name, size_t len)
{
	for (size_t c = 0; c < NCLASSES; c++)
		for (size_t i = 0; i < classes[c]->count; i++) {
			const char *n = classes[c]->fields[i].name;
			if (strlen(n) == len && memcmp(n, name, len) == 0)
				return &classes[c]->fields[i];
		}
	return NULL;
}

/* Levenshtein distance of a (la bytes) and b, capped: stops counting above `cap`. */
static size_t edit_distance(const char *a, size_t la, const char *b, size_t cap)
{
	size_t lb = strlen(b);
	size_t row[64];
	if (la >= 64 || lb >= 64)
		return cap + 1;
	for (size_t j = 0; j <= lb; j++)
		row[j] = j;
	for (size_t i = 1; i <= la; i++) {
		size_t diag = row[0], best = row[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t up = row[j];
			size_t v = diag + (a[i - 1] != b[j - 1]);
			if (row[j - 1] + 1 < v)
				v = row[j - 1] + 1;
			if (up + 1 < v)
				v = up + 1;
			row[j] = v;
			diag = up;
			if (v < best)
				best = v;
		}
		if (best > cap)
			return cap + 1;
	}
	return row[lb];
}

const char *fnet_field_suggest(const char *name, size_t len)
{
	/* "proc.cmd" -> "proc.cmdline": a cut-short name first */
	if (len >= 4)
		for (size_t i = 0; i < fnet_field_count(); i++) {
			const char *n = fnet_field_at(i)->name;
			if (strlen(n) > len && memcmp(n, name, len) == 0)
				return n;
		}
	const char *best = NULL;
	size_t best_d = 3; /* then a typo: within distance 2 */
	for (size_t i = 0; i < fnet_field_count(); i++) {
		const char *n = fnet_field_at(i)->name;
		size_t d = edit_distance(name, len, n, best_d);
		if (d < best_d) {
			best_d = d;
			best = n;
		}
	}
	return best;
}

const char *fnet_field_type_name(enum fnet_field_type t)
{
	switch (t) {
	case FNET_FIELD_STRING:
		return "string";
	case FNET_FIELD_INT64:
		return "int64";
	case FNET_FIELD_UINT64:
		return "uint64";
	}
	return "?";
}

int fnet_field_render(const struct fnet_field_def *f, const struct fnet_field_arg *arg,
		      const struct fnet_eval_ctx *ctx, char *buf, size_t size)
{
	static const struct fnet_field_arg no_arg;
	char scratch[FNET_FIELD_SCRATCH_SIZE];
	struct fnet_field_value v;
	if (size == 0)
		return 0;
	if (!f->extract(ctx, arg ? arg : &no_arg, &v, scratch)) {
		snprintf(buf, size, "<NA>");
		return 0;
	}
	switch (f->type) {
	case FNET_FIELD_STRING: {
		size_t n = v.len < size - 1 ? v.len : size - 1;
		memmove(buf, v.str, n);
		buf[n] = 0;
		break;
	}
	case FNET_FIELD_INT64:
		snprintf(buf, size, "%" PRId64, v.i64);
		break;
	case FNET_FIELD_UINT64:
		snprintf(buf, size, "%" PRIu64, v.u64);
		break;
	}
	return 1;
}
