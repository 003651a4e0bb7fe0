/* JSON values written back as text (json_text.h). */
#include "json_text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A bounded writer: writes what fits, counts nothing beyond. */
struct out {
	char *buf;
	size_t size, len;
};

static void put(struct out *o, const char *s, size_t n)
{
	size_t room = o->size - 1 - o->len;
	if (n > room)
		n = room;
	memcpy(o->buf + o->len, s, n);
	o->len += n;
}

static void putc_(struct out *o, char c)
{
	put(o, &c, 1);
}

static void put_string(struct out *o, const char *s)
{
	putc_(o, '"');
	for (const unsigned char *p = (const unsigned char *)s; *p && o->len < o->size - 1; p++) {
		char esc[8];
		switch (*p) {
		case '"':
			put(o, "\\\"", 2);
			break;
		case '\\':
			put(o, "\\\\", 2);
			break;
		case '\n':
			put(o, "\\n", 2);
			break;
		case '\r':
			put(o, "\\r", 2);
			break;
		case '\t':
			put(o, "\\t", 2);
			break;
		case '\b':
			put(o, "\\b", 2);
			break;
		case '\f':
			put(o, "\\f", 2);
			break;
		default:
			if (*p < 0x20) {
				snprintf(esc, sizeof(esc), "\\u%04x", *p);
				put(o, esc, 6);
			} else {
				putc_(o, (char)*p);
			}
		}
	}
	putc_(o, '"');
}

static void put_number(struct out *o, double d)
{
	char num[64];
	if (d != d || d - d != 0) { /* NaN, infinities: not JSON */
		put(o, "null", 4);
		return;
	}
	if (d > -9.2e18 && d < 9.2e18 && (double)(long long)d == d) {
		snprintf(num, sizeof(num), "%lld", (long long)d);
	} else {
		/* the fewest significant digits that read back as the same double */
		for (int prec = 15; prec <= 17; prec++) {
			snprintf(num, sizeof(num), "%.*g", prec, d);
			if (strtod(num, NULL) == d)
				break;
		}
	}
	put(o, num, strlen(num));
}

static void newline(struct out *o, int indent, int depth)
{
	if (!indent)
		return;
	putc_(o, '\n');
	for (int i = 0; i < depth; i++)
		put(o, "  ", 2);
}

static void write_value(struct out *o, const cJSON *v, int indent, int depth)
{
	if (cJSON_IsString(v)) {
		put_string(o, v->valuestring ? v->valuestring : "");
	} else if (cJSON_IsNumber(v)) {
		put_number(o, v->valuedouble);
	} else if (cJSON_IsBool(v)) {
		if (cJSON_IsTrue(v))
			put(o, "true", 4);
		else
			put(o, "false", 5);
	} else if (cJSON_IsArray(v) || cJSON_IsObject(v)) {
		int obj = cJSON_IsObject(v);
		putc_(o, obj ? '{' : '[');
		for (const cJSON *c = v->child; c && o->len < o->size - 1; c = c->next) {
			if (c != v->child)
				putc_(o, ',');
			newline(o, indent, depth + 1);
			if (obj) {
				put_string(o, c->string ? c->string : "");
				if (indent)
					put(o, ": ", 2);
				else
					putc_(o, ':');
			}
			write_value(o, c, indent, depth + 1);
		}
		if (v->child)
			newline(o, indent, depth);
		putc_(o, obj ? '}' : ']');
	} else if (cJSON_IsRaw(v) && v->valuestring) {
		put(o, v->valuestring, strlen(v->valuestring));
	} else {
		put(o, "null", 4);
	}
}

size_t fnet_json_write(const cJSON *v, int indent, char *buf, size_t size)
{
	struct out o = {buf, size, 0};
	if (size == 0)
		return 0;
	write_value(&o, v, indent, 0);
	buf[o.len] = 0;
	return o.len;
}

const char *fnet_json_as_text(const cJSON *v, char *buf, size_t size, size_t *len)
{
	if (cJSON_IsString(v) && v->valuestring) {
		*len = strlen(v->valuestring);
		return v->valuestring;
	}
	*len = fnet_json_write(v, 0, buf, size);
	return buf;
}

const cJSON *fnet_json_get(const cJSON *v, const char *key)
{
	if (cJSON_IsObject(v)) {
		for (const cJSON *c = v->child; c; c = c->next)
			if (c->string && strcmp(c->string, key) == 0)
				return c;
		return NULL;
	}
	if (!cJSON_IsArray(v) || !*key)
		return NULL;
	char *end;
	unsigned long i = strtoul(key, &end, 10);
	if (*end || key[0] < '0' || key[0] > '9')
		return NULL;
	const cJSON *c = v->child;
	for (; c && i > 0; i--)
		c = c->next;
	return c;
}
