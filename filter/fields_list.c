/*
 * The list of fields (falconet-replay --list-fields): as `sysdig -l` prints it,
 * or as JSON; the system call fields, then those of k8s_audit events.
 */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <string.h>

#include "fields_common.h"

/* What each class is about, for the class headers. */
static const struct {
	const char *name, *description;
} class_descriptions[] = {
	{"evt", "Event fields: the event's number, time, type and direction, its arguments and "
		"result. The arguments of each system call are fields too: evt.arg.NAME, "
		"evt.arg[N]."},
	{"proc", "The process executing the event, its parent and ancestors."},
	{"thread", "The thread executing the event."},
	{"user", "The user executing the event."},
	{"group", "The group of the user executing the event."},
	{"fd", "Every event that has a file descriptor in its arguments has these fields set "
	       "with information about the file or socket."},
	{"container", "Container information, derived from the cgroups of the thread. Outside "
		      "containers, id, name and type are 'host'."},
	{"k8s", "Kubernetes information of the container's pod; needs container metadata, "
		"which traces do not carry."},
	{"fs.path", "Every successful call that has a file system path in its arguments has these "
		    "fields set, including calls on paths rather than fds (mkdir, unlink, rename, "
		    "...)."},
};

static const char *class_description(const char *name, enum fnet_field_source src)
{
	if (src == FNET_SOURCE_K8S_AUDIT)
		return strcmp(name, "ka") == 0
			       ? "Kubernetes audit events (--source k8s_audit), as the k8saudit plugin "
				 "extracts them."
			       : strcmp(name, "evt") == 0
				 ? "Fields of every Kubernetes audit event; the generic evt.num and "
				   "evt.time fields apply too."
				 : "The audit event as JSON (the json plugin's fields).";
	for (size_t i = 0; i < sizeof(class_descriptions) / sizeof(class_descriptions[0]); i++)
		if (strcmp(class_descriptions[i].name, name) == 0)
			return class_descriptions[i].description;
	return "";
}

/* The type a field shows: its compare type, "bool" for the true/false fields. */
static const char *shown_type(const struct fnet_field_def *f)
{
	if (f->check == fnet_check_bool)
		return "bool";
	return fnet_field_type_name(f->type);
}

const char *fnet_field_arg_text(enum fnet_field_arg_mode m)
{
	switch (m) {
	case FNET_ARG_NONE:
		return NULL;
	case FNET_ARG_INDEX:
		return "index (optional)";
	case FNET_ARG_INDEX_NEEDED:
		return "index";
	case FNET_ARG_NAME_NEEDED:
		return "name";
	case FNET_ARG_ANY:
		return "index or name";
	}
	return NULL;
}

/* Prints `text` wrapped at `width` columns, continuation lines indented by `indent`. */
static void print_wrapped(FILE *out, const char *text, int first_col, int indent, int width)
{
	int col = first_col;
	const char *p = text;
	while (*p) {
		const char *sp = strchr(p, ' ');
		int wlen = sp ? (int)(sp - p) : (int)strlen(p);
		if (col > indent && col + wlen > width) {
			fprintf(out, "\n%*s", indent, "");
			col = indent;
		}
		fprintf(out, "%.*s ", wlen, p);
		col += wlen + 1;
		p += wlen;
		while (*p == ' ')
			p++;
	}
	fputc('\n', out);
}

#define NAME_COLUMN 30
#define WIDTH 118

/* The classes of the other sources' fields, listed after the system call ones. */
static const struct fnet_field_class *const other_classes[] = {
	&fnet_fields_audit_evt, &fnet_fields_k8s_audit, &fnet_fields_k8s_audit_lists,
	&fnet_fields_json};
#define NOTHER (sizeof(other_classes) / sizeof(other_classes[0]))

/* Calls `fn` for every field: the system call fields, then those of k8s_audit. */
static void each_field(void (*fn)(void *ctx, const struct fnet_field_def *f, const char *cls,
				  enum fnet_field_source src),
		       void *ctx)
{
	for (size_t i = 0; i < fnet_field_count(); i++)
		fn(ctx, fnet_field_at(i), fnet_field_class_at(i)->name, FNET_SOURCE_SYSCALL);
	for (size_t c = 0; c < NOTHER; c++)
		for (size_t i = 0; i < other_classes[c]->count; i++)
			fn(ctx, &other_classes[c]->fields[i], other_classes[c]->name,
			   FNET_SOURCE_K8S_AUDIT);
}

struct text_list {
	FILE *out;
	const char *cls; /* the class of the last header printed */
	enum fnet_field_source src;
};

static void field_text(void *ctx, const struct fnet_field_def *f, const char *cls,
		       enum fnet_field_source src)
{
	struct text_list *t = ctx;
	FILE *out = t->out;
	if (!t->cls || strcmp(cls, t->cls) != 0 || src != t->src) {
		if (t->cls)
			fputc('\n', out);
		fprintf(out, "-------------------------------\n");
		if (src == FNET_SOURCE_SYSCALL)
			fprintf(out, "%-*s%s\n", NAME_COLUMN, "Field Class:", cls);
		else
			fprintf(out, "%-*s%s (source %s)\n", NAME_COLUMN, "Field Class:", cls,
				fnet_field_source_name(src));
		fprintf(out, "%-*s", NAME_COLUMN, "Description:");
		print_wrapped(out, class_description(cls, src), NAME_COLUMN, NAME_COLUMN, WIDTH);
		fputc('\n', out);
		t->cls = cls;
		t->src = src;
	}
	int n = (int)strlen(f->name);
	if (n >= NAME_COLUMN)
		fprintf(out, "%s\n%*s", f->name, NAME_COLUMN, "");
	else
		fprintf(out, "%-*s", NAME_COLUMN, f->name);
	print_wrapped(out, f->description, NAME_COLUMN, NAME_COLUMN, WIDTH);
}

static void list_text(FILE *out)
{
	struct text_list t = {out, NULL, FNET_SOURCE_SYSCALL};
	each_field(field_text, &t);
}

static void field_json(void *ctx, const struct fnet_field_def *f, const char *cls,
		       enum fnet_field_source src)
{
	cJSON *arr = ctx, *o = cJSON_CreateObject();
	if (!o)
		return;
	cJSON_AddStringToObject(o, "name", f->name);
	cJSON_AddStringToObject(o, "type", shown_type(f));
	cJSON_AddStringToObject(o, "description", f->description);
	cJSON_AddStringToObject(o, "class", cls);
	cJSON_AddStringToObject(o, "source", fnet_field_source_name(src));
	const char *a = fnet_field_arg_text(f->arg_mode);
	if (a)
		cJSON_AddStringToObject(o, "arg", a);
	else
		cJSON_AddNullToObject(o, "arg");
	cJSON_AddItemToArray(arr, o);
}

void fnet_fields_json_add(struct cJSON *arr)
{
	each_field(field_json, arr);
}

static void list_json(FILE *out)
{
	cJSON *arr = cJSON_CreateArray();
	if (arr)
		fnet_fields_json_add(arr);
	char *s = arr ? cJSON_Print(arr) : NULL;
	if (s) {
		fputs(s, out);
		fputc('\n', out);
	}
	cJSON_free(s);
	cJSON_Delete(arr);
}

void fnet_fields_list(FILE *out, int json)
{
	if (json)
		list_json(out);
	else
		list_text(out);
}
