/* validate_ok / validate_errors / validate_warnings (see test_checks.h). */
#include <cjson/cJSON.h>
#include <string.h>

#include "strbuf.h"
#include "test_checks.h"

static const char *str_of(const cJSON *o, const char *key)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
	return cJSON_IsString(v) ? v->valuestring : NULL;
}

/* Old specs name LOAD_UNKNOWN_FIELD what Falco now calls LOAD_UNKNOWN_FILTER. */
static int code_matches(const char *want, const char *got)
{
	if (!got)
		return 0;
	return strcmp(want, got) == 0 ||
	       (strcmp(want, "LOAD_UNKNOWN_FIELD") == 0 && strcmp(got, "LOAD_UNKNOWN_FILTER") == 0);
}

/* As Falco's runner: the code, the message (whole or in part) and one location match. */
static int entry_matches(const struct tload_expect *e, const cJSON *item)
{
	if (!code_matches(e->code, str_of(item, "code")))
		return 0;
	const char *msg = str_of(item, "message");
	if (!msg)
		return 0;
	int msg_ok = (e->message && strstr(msg, e->message)) ||
		     (e->message_contains && strstr(msg, e->message_contains));
	if (!msg_ok)
		return 0;
	const cJSON *ctx = cJSON_GetObjectItemCaseSensitive(item, "context");
	const cJSON *locs = cJSON_GetObjectItemCaseSensitive(ctx, "locations");
	const cJSON *loc;
	cJSON_ArrayForEach(loc, locs)
	{
		const char *type = str_of(loc, "item_type"), *name = str_of(loc, "item_name");
		if (type && name && strcmp(type, e->item_type) == 0 && strcmp(name, e->item_name) == 0)
			return 1;
	}
	return 0;
}

/* Says what the results hold under `kind`, for a failure message. */
static void describe_found(struct fnet_strbuf *b, const cJSON *results, const char *kind)
{
	const cJSON *res, *item;
	int n = 0;
	cJSON_ArrayForEach(res, results)
	{
		cJSON_ArrayForEach(item, cJSON_GetObjectItemCaseSensitive(res, kind))
		{
			if (n++ == 8) {
				fnet_strbuf_puts(b, "; ...");
				return;
			}
			const cJSON *locs = cJSON_GetObjectItemCaseSensitive(
				cJSON_GetObjectItemCaseSensitive(item, "context"), "locations");
			const cJSON *loc = cJSON_GetArrayItem(locs, 0);
			const char *type = str_of(loc, "item_type"), *name = str_of(loc, "item_name");
			const char *code = str_of(item, "code"), *msg = str_of(item, "message");
			fnet_strbuf_printf(b, "%s%s %s '%s': %s", n > 1 ? "; " : "", code ? code : "?",
					   type ? type : "?", name ? name : "?", msg ? msg : "?");
		}
	}
	if (!n)
		fnet_strbuf_puts(b, "none");
}

static void check_entries(const struct tload_expect *want, size_t n, const cJSON *results,
			  const char *kind, const char *what, struct tstr_list *failures)
{
	for (size_t i = 0; i < n; i++) {
		const struct tload_expect *e = &want[i];
		int found = 0;
		const cJSON *res, *item;
		cJSON_ArrayForEach(res, results)
		{
			cJSON_ArrayForEach(item, cJSON_GetObjectItemCaseSensitive(res, kind))
			{
				found |= entry_matches(e, item);
			}
		}
		if (found)
			continue;
		struct fnet_strbuf b = FNET_STRBUF_INIT;
		describe_found(&b, results, kind);
		tstr_list_addf(failures,
			       "the validation JSON has no %s %s for %s '%s' with message %s'%s' "
			       "(spec line %d; %ss found: %s)",
			       what, e->code, e->item_type, e->item_name,
			       e->message ? "" : "containing ", e->message ? e->message : e->message_contains,
			       e->line, what, b.ptr ? b.ptr : "");
		fnet_strbuf_free(&b);
	}
}

void tcheck_validation(const struct tcase *t, const char *json, size_t len, struct tstr_list *failures)
{
	if (!t->validate_ok.n && !t->nverrors && !t->nvwarnings)
		return;
	cJSON *root = cJSON_ParseWithLength(json, len);
	const cJSON *results = cJSON_GetObjectItemCaseSensitive(root, "falco_load_results");
	if (!cJSON_IsArray(results)) {
		tstr_list_addf(failures, "the first line of stdout is not the validation JSON "
					 "{\"falco_load_results\":[...]}: '%.*s'",
			       (int)(len > 200 ? 200 : len), json);
		cJSON_Delete(root);
		return;
	}
	for (size_t i = 0; i < t->validate_ok.n; i++) {
		int found = 0;
		const cJSON *res;
		cJSON_ArrayForEach(res, results)
		{
			const char *name = str_of(res, "name");
			const char *base = name ? strrchr(name, '/') : NULL;
			base = base ? base + 1 : name;
			if (base && cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(res, "successful")) &&
			    strcmp(base, t->validate_ok.v[i]) == 0)
				found = 1;
		}
		if (!found)
			tstr_list_addf(failures, "the validation JSON has no successful result for file '%s'",
				       t->validate_ok.v[i]);
	}
	check_entries(t->verrors, t->nverrors, results, "errors", "error", failures);
	check_entries(t->vwarnings, t->nvwarnings, results, "warnings", "warning", failures);
	cJSON_Delete(root);
}
