/* Kubernetes audit logs as events (k8s_audit_reader.h). */
#include "k8s_audit_reader.h"

#include <ctype.h>
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Most audit events one JSON value (an EventList, an array) may hold. */
#define MAX_PENDING 1000000

struct k8s_audit_reader {
	const char *path;
	FILE *warn;
	char *buf; /* the whole input, NUL-terminated */
	size_t len, pos;
	size_t value_start;           /* where the value being given out starts */
	cJSON *root;                  /* the value being given out */
	const cJSON **pending;        /* its events, in order */
	size_t npending, next, cap;
	struct fnet_audit_event cur;
	uint64_t num;
};

static int read_all(FILE *f, char **buf, size_t *len)
{
	size_t cap = 1 << 16, n = 0;
	char *b = malloc(cap);
	if (!b)
		return -1;
	for (;;) {
		if (cap - n < 2) {
			char *nb = realloc(b, cap * 2);
			if (!nb) {
				free(b);
				return -1;
			}
			b = nb;
			cap *= 2;
		}
		size_t got = fread(b + n, 1, cap - n - 1, f);
		n += got;
		if (got == 0)
			break;
	}
	if (ferror(f)) {
		free(b);
		return -1;
	}
	b[n] = 0;
	*buf = b;
	*len = n;
	return 0;
}

struct k8s_audit_reader *k8s_audit_reader_open(const char *path, FILE *warn, char *err,
					       size_t errsize)
{
	struct k8s_audit_reader *r = calloc(1, sizeof(*r));
	if (!r) {
		snprintf(err, errsize, "%s: out of memory", path);
		return NULL;
	}
	r->path = path;
	r->warn = warn;
	int is_stdin = strcmp(path, "-") == 0;
	FILE *f = is_stdin ? stdin : fopen(path, "rb");
	if (!f) {
		snprintf(err, errsize, "%s: %s", path, strerror(errno));
		free(r);
		return NULL;
	}
	int rc = read_all(f, &r->buf, &r->len);
	int e = errno;
	if (!is_stdin)
		fclose(f);
	if (rc < 0) {
		snprintf(err, errsize, "%s: cannot read: %s", path, strerror(e));
		free(r);
		return NULL;
	}
	/* a UTF-8 byte order mark is no JSON */
	if (r->len >= 3 && memcmp(r->buf, "\xef\xbb\xbf", 3) == 0)
		r->pos = 3;
	return r;
}

/* Line and column (from 1) of byte `off` of the input. */
static void position(const struct k8s_audit_reader *r, size_t off, size_t *line, size_t *col)
{
	*line = 1;
	size_t start = 0;
	for (size_t i = 0; i < off && i < r->len; i++)
		if (r->buf[i] == '\n') {
			(*line)++;
			start = i + 1;
		}
	*col = off - start + 1;
}

static void warn_at(const struct k8s_audit_reader *r, size_t off, const char *what)
{
	size_t line, col;
	if (!r->warn)
		return;
	position(r, off, &line, &col);
	fprintf(r->warn, "falconet-replay: %s: line %zu, column %zu: %s\n", r->path, line, col, what);
}

static int add_pending(struct k8s_audit_reader *r, const cJSON *ev)
{
	if (r->npending == r->cap) {
		size_t cap = r->cap ? 2 * r->cap : 16;
		if (cap > MAX_PENDING)
			return -1;
		const cJSON **p = realloc(r->pending, cap * sizeof(*p));
		if (!p)
			return -1;
		r->pending = p;
		r->cap = cap;
	}
	r->pending[r->npending++] = ev;
	return 0;
}

/*
 * The audit events of value `v` (the plugin's ParseAuditEventsJSON): an
 * array's, an EventList's items, an Event itself. 0, or -1 when `v` (or an
 * element of it) is none of those.
 */
static int collect(struct k8s_audit_reader *r, const cJSON *v)
{
	if (cJSON_IsArray(v)) {
		for (const cJSON *e = v->child; e; e = e->next)
			if (collect(r, e) < 0)
				return -1;
		return 0;
	}
	const cJSON *kind = cJSON_IsObject(v) ? cJSON_GetObjectItemCaseSensitive(v, "kind") : NULL;
	if (!cJSON_IsString(kind))
		return -1;
	if (strcmp(kind->valuestring, "Event") == 0)
		return add_pending(r, v);
	if (strcmp(kind->valuestring, "EventList") == 0) {
		const cJSON *items = cJSON_GetObjectItemCaseSensitive(v, "items");
		if (!cJSON_IsArray(items))
			return -1;
		for (const cJSON *e = items->child; e; e = e->next)
			if (add_pending(r, e) < 0)
				return -1;
		return 0;
	}
	return -1;
}

static int is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Parses the next JSON value into r->root and its events. 1, 0 at the end, -1 bad JSON. */
static int next_value(struct k8s_audit_reader *r, char *err, size_t errsize)
{
	cJSON_Delete(r->root);
	r->root = NULL;
	r->npending = r->next = 0;
	while (r->pos < r->len && is_blank(r->buf[r->pos]))
		r->pos++;
	if (r->pos >= r->len)
		return 0;
	size_t start = r->pos;
	const char *end = NULL;
	r->root = cJSON_ParseWithLengthOpts(r->buf + start, r->len - start, &end, 0);
	if (!r->root) {
		const char *at = cJSON_GetErrorPtr();
		size_t off = at && at >= r->buf && at <= r->buf + r->len ? (size_t)(at - r->buf) : start;
		size_t line, col;
		position(r, off, &line, &col);
		size_t rest = off;
		while (rest < r->len && is_blank(r->buf[rest]))
			rest++;
		if (rest >= r->len)
			snprintf(err, errsize, "%s: line %zu, column %zu (byte %zu): invalid JSON: "
				 "the input ends inside a value", r->path, line, col, off);
		else if (isprint((unsigned char)r->buf[off]))
			snprintf(err, errsize, "%s: line %zu, column %zu (byte %zu): invalid JSON at '%c'",
				 r->path, line, col, off, r->buf[off]);
		else
			snprintf(err, errsize, "%s: line %zu, column %zu (byte %zu): invalid JSON at "
				 "byte 0x%02x", r->path, line, col, off, (unsigned char)r->buf[off]);
		return -1;
	}
	r->pos = (size_t)(end - r->buf);
	r->value_start = start;
	if (collect(r, r->root) < 0) {
		/* as the plugin: the whole value is dropped */
		warn_at(r, start, "data not recognized as a k8s audit event");
		r->npending = 0;
	}
	return 1;
}

int k8s_audit_reader_next(struct k8s_audit_reader *r, const struct fnet_audit_event **ev,
			  char *err, size_t errsize)
{
	for (;;) {
		while (r->next < r->npending) {
			const cJSON *e = r->pending[r->next++];
			const cJSON *ts = cJSON_GetObjectItemCaseSensitive(e, "stageTimestamp");
			unsigned long long ns;
			if (!ts) {
				warn_at(r, r->value_start, "can't read stageTimestamp");
				continue;
			}
			if (!cJSON_IsString(ts) || k8s_audit_parse_time(ts->valuestring, &ns) < 0) {
				warn_at(r, r->value_start, "stageTimestamp is not an RFC 3339 time");
				continue;
			}
			memset(&r->cur, 0, sizeof(r->cur));
			r->cur.json = e;
			r->cur.ev.num = ++r->num;
			r->cur.ev.ts_ns = ns;
			*ev = &r->cur;
			return 1;
		}
		int rc = next_value(r, err, errsize);
		if (rc <= 0)
			return rc;
	}
}

void k8s_audit_reader_close(struct k8s_audit_reader *r)
{
	if (!r)
		return;
	cJSON_Delete(r->root);
	free(r->pending);
	free(r->buf);
	free(r);
}

int k8s_audit_input_is_json(const char *path)
{
	struct stat st;
	if (strcmp(path, "-") == 0 || stat(path, &st) < 0 || !S_ISREG(st.st_mode))
		return 0;
	FILE *f = fopen(path, "rb");
	if (!f)
		return 0;
	int c;
	while ((c = getc(f)) != EOF && is_blank((char)c))
		;
	fclose(f);
	return c == '{' || c == '[';
}

/* Days from 1970-01-01 to the date (proleptic Gregorian calendar). */
static int64_t days_from_civil(int64_t y, unsigned m, unsigned d)
{
	y -= m <= 2;
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	unsigned yoe = (unsigned)(y - era * 400);
	unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (int64_t)doe - 719468;
}

/* `n` decimal digits at *p into *v; advances *p. 0 or -1. */
static int digits(const char **p, int n, unsigned *v)
{
	*v = 0;
	for (int i = 0; i < n; i++, (*p)++) {
		if (!isdigit((unsigned char)**p))
			return -1;
		*v = *v * 10 + (unsigned)(**p - '0');
	}
	return 0;
}

int k8s_audit_parse_time(const char *s, unsigned long long *ns)
{
	unsigned y, mo, d, h, mi, sec, frac = 0, oh = 0, om = 0;
	const char *p = s;
	if (digits(&p, 4, &y) || *p++ != '-' || digits(&p, 2, &mo) || *p++ != '-' ||
	    digits(&p, 2, &d) || (*p != 'T' && *p != 't'))
		return -1;
	p++;
	if (digits(&p, 2, &h) || *p++ != ':' || digits(&p, 2, &mi) || *p++ != ':' ||
	    digits(&p, 2, &sec))
		return -1;
	if (*p == '.') {
		int n = 0;
		p++;
		if (!isdigit((unsigned char)*p))
			return -1;
		for (; isdigit((unsigned char)*p); p++, n++)
			if (n < 9)
				frac = frac * 10 + (unsigned)(*p - '0');
		for (; n < 9; n++)
			frac *= 10;
	}
	int sign = 0;
	if (*p == 'Z' || *p == 'z') {
		p++;
	} else if (*p == '+' || *p == '-') {
		sign = *p++ == '+' ? 1 : -1;
		if (digits(&p, 2, &oh) || *p++ != ':' || digits(&p, 2, &om))
			return -1;
	} else {
		return -1;
	}
	if (*p || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || sec > 59 || oh > 23 ||
	    om > 59 || y < 1970)
		return -1;
	int64_t t = days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + sec -
		    sign * (int64_t)(oh * 3600 + om * 60);
	if (t < 0)
		return -1;
	*ns = (unsigned long long)t * 1000000000ull + frac;
	return 0;
}
