/*
 * Field sets per event source (fields.h): the system call classes for
 * "syscall"; for "k8s_audit" the k8saudit and json plugins' classes, the
 * generic evt.* fields libsinsp gives every source (its gen_event class), and
 * evt.source / evt.pluginname.
 */
#include <string.h>

#include "audit_event.h"
#include "fields_common.h"

static int x_source(const struct fnet_eval_ctx *ctx, const struct fnet_field_arg *arg,
		    struct fnet_field_value *out, char *scratch)
{
	(void)arg;
	(void)scratch;
	return ctx->audit && fnet_value_cstr(out, "k8s_audit");
}

static int x_pluginname(const struct fnet_eval_ctx *ctx, const struct fnet_field_arg *arg,
			struct fnet_field_value *out, char *scratch)
{
	(void)arg;
	(void)scratch;
	return ctx->audit && fnet_value_cstr(out, "k8saudit");
}

static const struct fnet_field_def audit_evt[] = {
	{"evt.source", FNET_FIELD_STRING, "the event's source: k8s_audit", x_source, NULL,
	 FNET_ARG_NONE},
	{"evt.pluginname", FNET_FIELD_STRING, "the plugin that produces the events: k8saudit",
	 x_pluginname, NULL, FNET_ARG_NONE},
};

const struct fnet_field_class fnet_fields_audit_evt = {"evt", audit_evt,
						       sizeof(audit_evt) / sizeof(audit_evt[0])};

static const struct fnet_field_class *const audit_classes[] = {
	&fnet_fields_audit_evt, &fnet_fields_k8s_audit, &fnet_fields_k8s_audit_lists,
	&fnet_fields_json};

#define NAUDIT (sizeof(audit_classes) / sizeof(audit_classes[0]))

/* The system call evt.* fields that only read the event's number and time. */
static const char *const generic_evt[] = {
	"evt.num",     "evt.time",      "evt.time.s",     "evt.time.iso8601", "evt.datetime",
	"evt.datetime.s", "evt.rawtime", "evt.rawtime.s", "evt.rawtime.ns"};

#define NGENERIC (sizeof(generic_evt) / sizeof(generic_evt[0]))

int fnet_field_source_parse(const char *name)
{
	if (!name || strcmp(name, "syscall") == 0)
		return FNET_SOURCE_SYSCALL;
	if (strcmp(name, "k8s_audit") == 0)
		return FNET_SOURCE_K8S_AUDIT;
	return -1;
}

const char *fnet_field_source_name(enum fnet_field_source src)
{
	return src == FNET_SOURCE_K8S_AUDIT ? "k8s_audit" : "syscall";
}

const struct fnet_field_def *fnet_field_find_in(enum fnet_field_source src, const char *name,
						size_t len)
{
	if (src == FNET_SOURCE_SYSCALL)
		return fnet_field_find(name, len);
	for (size_t c = 0; c < NAUDIT; c++)
		for (size_t i = 0; i < audit_classes[c]->count; i++) {
			const char *n = audit_classes[c]->fields[i].name;
			if (strlen(n) == len && memcmp(n, name, len) == 0)
				return &audit_classes[c]->fields[i];
		}
	for (size_t i = 0; i < NGENERIC; i++)
		if (strlen(generic_evt[i]) == len && memcmp(generic_evt[i], name, len) == 0)
			return fnet_field_find(name, len);
	return NULL;
}

/* Name of field `i` of the k8s_audit set, for suggestions; NULL past the end. */
static const char *audit_name_at(size_t i)
{
	for (size_t c = 0; c < NAUDIT; c++) {
		if (i < audit_classes[c]->count)
			return audit_classes[c]->fields[i].name;
		i -= audit_classes[c]->count;
	}
	return i < NGENERIC ? generic_evt[i] : NULL;
}

const char *fnet_field_suggest_in(enum fnet_field_source src, const char *name, size_t len)
{
	if (src == FNET_SOURCE_SYSCALL)
		return fnet_field_suggest(name, len);
	return fnet_field_suggest_among(name, len, audit_name_at);
}
