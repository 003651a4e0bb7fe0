/*
 * Filter fields: the values a filter check (or an output format) reads from one
 * event, such as evt.type, proc.name or fd.name.
 *
 * Each field class (evt, proc/thread, fd, user) lives in its own file as a
 * table of {name, type, description, extractor, constant check}. Compiling a
 * filter looks a field up by name once; matching then calls the bound
 * extractor, which reads the event, its thread and the state without
 * allocating.
 *
 * Semantics follow sysdig 0.29.3 (falcosecurity/libs e5c53d64 libsinsp
 * filterchecks): an extractor either produces a value or reports that the
 * field has none for this event (sysdig's <NA>); a check on a field without a
 * value is false whatever its operator.
 */
#ifndef FNET_FILTER_FIELDS_H
#define FNET_FILTER_FIELDS_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "filter.h"

/*
 * How a field's values compare: as bytes, as signed or as unsigned integers, or
 * as IP addresses (compare_ip.h): IPADDR fields (fd.cip) compare with an
 * address constant ("127.0.0.1", "::1"), IPNET fields (fd.net) with a network
 * ("127.0.0.0/8", "fe80::/10"); both extract the raw address.
 */
enum fnet_field_type {
	FNET_FIELD_STRING,
	FNET_FIELD_INT64,
	FNET_FIELD_UINT64,
	FNET_FIELD_IPADDR,
	FNET_FIELD_IPNET
};

/*
 * One extracted value. STRING: `str`/`len` (not necessarily NUL-terminated;
 * valid until the next extraction or state change). INT64: `i64`. UINT64: `u64`.
 * IPADDR, IPNET: `str` points to the address in network byte order, `len` is 4
 * (IPv4) or 16 (IPv6).
 */
struct fnet_field_value {
	const char *str;
	uint32_t len;
	int64_t i64;
	uint64_t u64;
};

/*
 * Room an extractor may use to build a value (a resolved path, a command
 * line, a rendered number); the caller provides it, usually on its stack.
 * Longer values are cut to fit.
 */
#define FNET_FIELD_SCRATCH_SIZE 32768

/*
 * The argument of a field written with one: proc.aname[2] (index 2),
 * evt.arg.name or evt.arg[name] (name "name"), evt.arg[0] (index 0). Parsed once
 * when the filter or format is compiled; `name` is owned by the compiled form.
 */
struct fnet_field_arg {
	int has;           /* 0: the field was written without an argument */
	int is_index;      /* the argument is a number */
	int64_t index;
	const char *name;  /* NUL-terminated when !is_index */
	uint32_t name_len;
};

/* Which arguments a field accepts. */
enum fnet_field_arg_mode {
	FNET_ARG_NONE = 0,     /* proc.name */
	FNET_ARG_INDEX,        /* proc.aname[N]: optional index */
	FNET_ARG_INDEX_NEEDED, /* evt.arg[N] style, index required */
	FNET_ARG_NAME_NEEDED,  /* evt.arg.NAME / evt.arg[NAME]: name required */
	FNET_ARG_ANY           /* index or name, optional */
};

/*
 * An extractor: fills `out` and returns 1, or returns 0 when the field has no
 * value for the event. `arg` is the field's argument (arg->has is 0 when none
 * was written; never NULL). `scratch` holds FNET_FIELD_SCRATCH_SIZE bytes.
 * Never allocates; ctx->thread and ctx->state may be NULL.
 */
typedef int (*fnet_field_extract_fn)(const struct fnet_eval_ctx *ctx,
				     const struct fnet_field_arg *arg,
				     struct fnet_field_value *out, char *scratch);

/*
 * A check of the constants a field is compared with by =, != and in, run when
 * a filter is compiled: returns NULL when `v` (`len` bytes) can be a value of
 * the field, else what is wrong with it ("unknown event type").
 */
typedef const char *(*fnet_field_check_fn)(const char *v, size_t len);

/*
 * The extractor of a list field (a field with several values per event, as
 * Falco's plugins declare them: ka.user.groups): fills vals[0..max-1] and
 * returns how many values the field has (0: none, which counts as no value,
 * as libsinsp counts an empty list). String values may point into `scratch`
 * (FNET_FIELD_SCRATCH_SIZE bytes) or into the event. Never allocates.
 */
typedef size_t (*fnet_field_extract_list_fn)(const struct fnet_eval_ctx *ctx,
					     const struct fnet_field_arg *arg,
					     struct fnet_field_value *vals, size_t max, char *scratch);

/* Most values a list field yields per event; later ones are left out. */
#define FNET_FIELD_LIST_MAX 256

struct fnet_field_def {
	const char *name;
	enum fnet_field_type type;
	const char *description;
	fnet_field_extract_fn extract; /* list fields: the values as libsinsp prints them, "(a,b)" */
	fnet_field_check_fn check; /* NULL: any constant */
	enum fnet_field_arg_mode arg_mode; /* 0 (FNET_ARG_NONE) unless set */
};

/*
 * The list extractor of `f` when it is a list field (several values per
 * event), else NULL. Compile time: a look-up by address.
 */
fnet_field_extract_list_fn fnet_field_list_fn(const struct fnet_field_def *f);

/* A field class: one table per file (fields_evt.c, fields_proc.c, ...). */
struct fnet_field_class {
	const char *name;
	const struct fnet_field_def *fields;
	size_t count;
};

extern const struct fnet_field_class fnet_fields_evt;
extern const struct fnet_field_class fnet_fields_proc;
extern const struct fnet_field_class fnet_fields_fd;
extern const struct fnet_field_class fnet_fields_user;
extern const struct fnet_field_class fnet_fields_thread;
extern const struct fnet_field_class fnet_fields_group;
extern const struct fnet_field_class fnet_fields_container;
extern const struct fnet_field_class fnet_fields_fs;
/* Fields libsinsp added after sysdig 0.29.3, listed with their class. */
extern const struct fnet_field_class fnet_fields_proc_newer;
extern const struct fnet_field_class fnet_fields_thread_caps;
extern const struct fnet_field_class fnet_fields_fd_newer;
extern const struct fnet_field_class fnet_fields_k8s;

/*
 * Event sources and their field sets (fields_source.c). Falco compiles a
 * rule against the fields of the rule's source: syscall rules against the
 * classes above, k8s_audit rules against the k8saudit and json plugins'
 * fields (ka.*, json.*, jevt.*) and the generic event fields every source
 * has (evt.num, evt.time, evt.time.s, evt.time.iso8601, evt.datetime,
 * evt.datetime.s, evt.rawtime, evt.rawtime.s, evt.rawtime.ns, evt.source,
 * evt.pluginname).
 */
enum fnet_field_source {
	FNET_SOURCE_SYSCALL = 0,
	FNET_SOURCE_K8S_AUDIT
};

extern const struct fnet_field_class fnet_fields_k8s_audit; /* ka.* (fields_k8s_audit.c) */
extern const struct fnet_field_class fnet_fields_k8s_audit_lists; /* its list fields */
extern const struct fnet_field_class fnet_fields_json;      /* json.*, jevt.* (fields_json.c) */
extern const struct fnet_field_class fnet_fields_audit_evt; /* evt.source, evt.pluginname */

/* The source called `name` ("syscall", "k8s_audit"; NULL is syscall), or -1. */
int fnet_field_source_parse(const char *name);

/* Falco's name of a source: "syscall", "k8s_audit". Static string. */
const char *fnet_field_source_name(enum fnet_field_source src);

/*
 * fnet_field_find within the field set of source `src` (FNET_SOURCE_SYSCALL:
 * exactly fnet_field_find). A linear scan, for compile time.
 */
const struct fnet_field_def *fnet_field_find_in(enum fnet_field_source src, const char *name,
						size_t len);

/* fnet_field_suggest within the field set of source `src`. */
const char *fnet_field_suggest_in(enum fnet_field_source src, const char *name, size_t len);

/*
 * Writes the list of every field to `out`, the system call fields then those of
 * k8s_audit events: with `json` 0 as `sysdig -l` does (a header per class, then
 * "name   description" lines), else as a JSON array of {"name", "type",
 * "description", "class", "source", "arg"} objects (fields_list.c).
 */
void fnet_fields_list(FILE *out, int json);

/* Appends fnet_fields_list's JSON objects, one a field, to the cJSON array `arr`
 * (the caller's; for programs that list more fields of their own after these). */
struct cJSON;
void fnet_fields_json_add(struct cJSON *arr);

/*
 * How --list-fields names the argument a field takes ("index", "name",
 * "index or name", "index (optional)"), or NULL for none. Static string.
 */
const char *fnet_field_arg_text(enum fnet_field_arg_mode m);

/*
 * The field called exactly `name` (`len` bytes, need not be NUL-terminated),
 * or NULL. A linear scan: for compile time, not per event.
 */
const struct fnet_field_def *fnet_field_find(const char *name, size_t len);

/*
 * Parses a field reference as written in a filter or an output format: a name,
 * optionally with an argument, `proc.aname[2]`, `evt.arg[0]`, `evt.arg[fd]`, or
 * for fields taking a name argument the dotted form `evt.arg.fd`. On success sets
 * *f, fills *arg (arg->name points into `s`, not NUL-terminated: copy it to keep
 * it) and returns the number of bytes of `s` used; returns 0 with a message in
 * `err` (`errsize` bytes) for an unknown field or an argument the field does not
 * take. `len` is the most bytes to read from `s`.
 */
size_t fnet_field_parse_ref(const char *s, size_t len, const struct fnet_field_def **f,
			    struct fnet_field_arg *arg, char *err, size_t errsize);

/*
 * The known field closest to the unknown `name`, for "did you mean" hints: a
 * field that `name` (4 bytes or more) starts, else one within edit distance 2.
 * NULL when none is close. The returned string is static.
 */
const char *fnet_field_suggest(const char *name, size_t len);

/* Number of fields over all classes; fields are numbered 0..count-1. */
size_t fnet_field_count(void);

/* Field number `i` (0 <= i < fnet_field_count()), or NULL. */
const struct fnet_field_def *fnet_field_at(size_t i);

/* "string", "int64", "uint64", "ipaddr" or "ipnet". */
const char *fnet_field_type_name(enum fnet_field_type t);

/*
 * Renders field `f` (with argument `arg`, NULL for none) of the event in `ctx` as sysdig prints it (numbers in
 * decimal) into `buf` (`size` bytes, NUL-terminated, truncated to fit).
 * Returns 1, or 0 when the field has no value (sysdig prints "<NA>"; `buf` is
 * then set to "<NA>" when it has room). Allocates nothing.
 */
int fnet_field_render(const struct fnet_field_def *f, const struct fnet_field_arg *arg,
		      const struct fnet_eval_ctx *ctx, char *buf, size_t size);

/*
 * Shared by the field classes (fields_compat.c): sysdig 0.29.3 knowledge that
 * differs from the newer schema in libfalconet.
 */

/*
 * The fd flag bits (FNET_EF_CREATES_FD, DESTROYS_FD, USES_FD) of event type
 * `type` as sysdig 0.29.3 has them: its table lacks USES_FD on mmap, mmap2,
 * sendmmsg/recvmmsg exit, symlinkat/unlinkat/mkdirat/fchmodat/fchmod exit, and
 * has it on fstat64 exit. Types beyond the table: 0.
 */
uint32_t fnet_sysdig_fd_flags(uint16_t type);

/*
 * Name of errno `code` (sign ignored) as sysdig 0.29.3 renders it: the kernel's
 * internal codes 512..530 (ERESTARTSYS ...) have names, 126..133 have none.
 * NULL when unnamed. Static string.
 */
const char *fnet_sysdig_errno_name(int64_t code);

/* fnet_sysdig_syscall_name(): see event_format.h. */

#endif
