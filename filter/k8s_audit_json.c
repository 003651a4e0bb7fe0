/* Reading audit events as the k8saudit plugin does (k8s_audit_json.h). */
#include "k8s_audit_json.h"

#include <string.h>

#include "audit_event.h"
#include "json_text.h"

const cJSON *ka_event(const struct fnet_eval_ctx *ctx)
{
	if (!ctx->audit || !ctx->audit->json)
		return NULL;
	/* the plugin leaves JSON without an auditID alone */
	return fnet_json_get(ctx->audit->json, "auditID") ? ctx->audit->json : NULL;
}

const cJSON *ka_get(const cJSON *v, const char *const *keys)
{
	for (; v && *keys; keys++)
		v = fnet_json_get(v, *keys);
	return v;
}

static int push(const cJSON *v, const cJSON **found, size_t *n, size_t max)
{
	if (*n < max)
		found[(*n)++] = v;
	return 0;
}

int ka_walk(const cJSON *v, long index, const char *const *keys, const cJSON **found, size_t *n,
	    size_t max)
{
	for (; *keys; keys++) {
		if (cJSON_IsArray(v)) {
			if (index < 0) {
				for (const cJSON *e = v->child; e; e = e->next) {
					size_t before = *n;
					if (ka_walk(e, index, keys, found, n, max) < 0) {
						*n = before;
						push(NULL, found, n, max);
					}
				}
				return 0;
			}
			const cJSON *e = v->child;
			for (long i = 0; e && i < index; i++)
				e = e->next;
			if (!e)
				return -1;
			v = e;
		}
		if (**keys && !(v = fnet_json_get(v, *keys)))
			return -1;
	}
	return push(v, found, n, max);
}

void ka_text_value(struct ka_text *t, const char *s, size_t len, struct fnet_field_value *out)
{
	size_t room = t->size - t->used;
	if (len > room)
		len = room;
	memmove(t->p + t->used, s, len);
	out->str = t->p + t->used;
	out->len = (uint32_t)len;
	t->used += len;
}

int ka_as_text(const cJSON *v, struct ka_text *t, struct fnet_field_value *out)
{
	if (!v)
		return 0;
	if (cJSON_IsString(v) && v->valuestring) {
		out->str = v->valuestring;
		out->len = (uint32_t)strlen(v->valuestring);
		return 1;
	}
	size_t room = t->size - t->used;
	if (room < 2) {
		out->str = "";
		out->len = 0;
		return 1;
	}
	size_t len = fnet_json_write(v, 0, t->p + t->used, room);
	out->str = t->p + t->used;
	out->len = (uint32_t)len;
	t->used += len;
	return 1;
}

long ka_index(const struct fnet_field_arg *arg)
{
	if (!arg->has)
		return -1;
	return arg->is_index ? (long)arg->index : 0;
}
