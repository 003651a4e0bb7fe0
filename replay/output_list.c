#include "output_list.h"

#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

#include "event_schema.h"
#include "fields.h"
#include "output_fields.h"

#define NAME_COLUMN 30
#define WIDTH 118

/* Fields of output_fields.c that the filter's field set does not list itself. */
static int listed_here(const struct out_field *f)
{
	const char *name = out_field_name(f);
	return fnet_field_find(name, strlen(name)) == NULL;
}

/* Writes `text` from column NAME_COLUMN, wrapped before WIDTH, continuation lines indented. */
static void put_wrapped(FILE *out, const char *text)
{
	int col = NAME_COLUMN;
	while (*text) {
		size_t w = strcspn(text, " ");
		if (col > NAME_COLUMN && col + (int)w > WIDTH) {
			fprintf(out, "\n%*s", NAME_COLUMN, "");
			col = NAME_COLUMN;
		}
		fprintf(out, "%.*s ", (int)w, text);
		col += (int)w + 1;
		text += w;
		text += strspn(text, " ");
	}
	fputc('\n', out);
}

static void list_text(FILE *out)
{
	fnet_fields_list(out, 0);
	fprintf(out, "\n-------------------------------\n%-*s%s\n%-*s", NAME_COLUMN, "Field Class:",
		"evt (output formats)", NAME_COLUMN, "Description:");
	put_wrapped(out, "Fields falconet-replay computes for -p formats and -j output; filters do "
			 "not have them.");
	fputc('\n', out);
	for (size_t i = 0; i < out_field_count(); i++) {
		const struct out_field *f = out_field_at(i);
		if (!listed_here(f))
			continue;
		fprintf(out, "%-*s", NAME_COLUMN, out_field_name(f));
		put_wrapped(out, out_field_description(f));
	}
}

/* Appends the fields of output_fields.c the array lacks to the filter's JSON array `arr`. */
static void add_json(cJSON *arr)
{
	for (size_t i = 0; i < out_field_count(); i++) {
		const struct out_field *f = out_field_at(i);
		if (!listed_here(f))
			continue;
		cJSON *o = cJSON_CreateObject();
		if (!o)
			return;
		cJSON_AddStringToObject(o, "name", out_field_name(f));
		cJSON_AddStringToObject(o, "type", fnet_field_type_name(out_field_type(f)));
		cJSON_AddStringToObject(o, "description", out_field_description(f));
		cJSON_AddStringToObject(o, "class", "evt");
		cJSON_AddStringToObject(o, "source", "syscall");
		const char *a = fnet_field_arg_text(out_field_arg_mode(f));
		if (a)
			cJSON_AddStringToObject(o, "arg", a);
		else
			cJSON_AddNullToObject(o, "arg");
		cJSON_AddItemToArray(arr, o);
	}
}

static void list_json(FILE *out)
{
	cJSON *arr = cJSON_CreateArray();
	char *text = NULL;
	if (arr) {
		fnet_fields_json_add(arr);
		add_json(arr);
		text = cJSON_Print(arr);
	}
	if (text) {
		fputs(text, out);
		fputc('\n', out);
	}
	cJSON_free(text);
	cJSON_Delete(arr);
}

void output_list_fields(FILE *out, int json)
{
	if (json)
		list_json(out);
	else
		list_text(out);
}

/* Parameter type names as sysdig -L writes them (libsinsp param_type_to_string). */
static const char *const param_type_names[FNET_PT_COUNT] = {
	"NONE",     "INT8",     "INT16",     "INT32",     "INT64",      "UINT8",     "UINT16",
	"UINT32",   "UINT64",   "CHARBUF",   "BYTEBUF",   "ERRNO",      "SOCKADDR",  "SOCKTUPLE",
	"FD",       "PID",      "FDLIST",    "FSPATH",    "SYSCALLID",  "SIGTYPE",   "RELTIME",
	"ABSTIME",  "PORT",     "L4PROTO",   "SOCKFAMILY", "BOOL",      "IPV4ADDR",  "DYNAMIC",
	"FLAGS8",   "FLAGS16",  "FLAGS32",   "UID",       "GID",        "DOUBLE",    "SIGSET",
	"CHARBUFARRAY", "CHARBUF_PAIR_ARRAY", "IPV4NET", "IPV6ADDR", "IPV6NET", "IPADDR", "IPNET",
	"MODE",     "FSRELPATH", "ENUMFLAGS8", "ENUMFLAGS16", "ENUMFLAGS32", "FD32", "PID32"};

void output_list_events(FILE *out)
{
	for (uint16_t t = 0; t < FNET_EV_COUNT; t++) {
		const struct fnet_event_info *ei = fnet_event_info(t);
		if ((ei->flags & (FNET_EF_UNUSED | FNET_EF_OLD_VERSION)) ||
		    (ei->category & FNET_EC_INTERNAL))
			continue;
		fprintf(out, "%c %s(", fnet_event_is_enter(t) ? '>' : '<', ei->name);
		for (uint32_t k = 0; k < ei->nparams; k++) {
			uint8_t ty = ei->params[k].type;
			fprintf(out, "%s%s %s", k ? ", " : "",
				ty < FNET_PT_COUNT ? param_type_names[ty] : "UNKNOWN", ei->params[k].name);
		}
		fputs(")\n", out);
	}
}
