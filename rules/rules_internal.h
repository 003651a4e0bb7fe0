/*
 * What the parts of the rules loader share: the items collected from rule files
 * (lists, macros, rules with their exceptions, in Falco's collector form), the
 * compiled rule set, and the load messages.
 *
 * Items keep Falco's indexing (rule_loader_collector.cpp): an item redefined
 * keeps the index of its first definition (its place in the order) and takes a
 * new `visibility`, the count of items read so far; a list or macro refers only
 * to lists and macros whose index is below its visibility.
 */
#ifndef FNET_RULES_INTERNAL_H
#define FNET_RULES_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "ruleset.h"
#include "yaml_tree.h"

/* Where an item (or a part of it) is: a file as given and a position in it. */
struct rl_ctx {
	const char *file; /* owned by the rule set (struct rl_file) */
	int line, column;
	uint64_t offset;
};

/* A string list that grows. */
struct rl_strs {
	char **v;
	size_t n, cap;
};

struct rl_list {
	char *name;
	struct rl_strs items;
	uint32_t index, visibility;
	int used;
	struct rl_ctx ctx;
};

struct rl_macro {
	char *name;
	char *cond;
	uint32_t index, visibility;
	int used;
	struct rl_ctx ctx, cond_ctx;
	struct fnet_filter_macro *parsed; /* during a compile */
	int resolving, resolved;          /* during a compile: reference check state */
};

/* One entry of an exception's fields, comps or values: a string or a list. */
struct rl_exc_entry {
	int is_list;
	char *item;                 /* !is_list */
	struct rl_exc_entry *items; /* is_list */
	size_t n;
};

struct rl_exception {
	char *name;
	int has_fields, has_comps;
	struct rl_exc_entry fields, comps;
	struct rl_exc_entry *values; /* each a list (one per field) or, for a single field, a string */
	size_t nvalues;
	struct rl_ctx ctx;
};

struct rl_rule {
	char *name, *cond, *output, *desc, *source;
	enum fnet_priority priority;
	struct rl_strs tags;
	int enabled, warn_evttypes, skip_unknown, unknown_source;
	struct rl_exception *ex;
	size_t nex;
	uint32_t index, visibility;
	struct rl_ctx ctx, cond_ctx, output_ctx;
};

struct rl_file {
	char *name;
	char *text; /* for message snippets */
	size_t len;
};

/* Syscall codes of generic events indexed one by one (index.c). */
#define RL_GENERIC_CODES 1024

struct fnet_ruleset {
	struct fnet_ruleset_opts opts;
	/* collected items, in index order */
	struct rl_list *lists;
	size_t nlists, lists_cap;
	struct rl_macro *macros;
	size_t nmacros, macros_cap;
	struct rl_rule *rules;
	size_t nrules, rules_cap;
	uint32_t cur_index;
	unsigned required_engine; /* the highest required_engine_version seen (minor) */
	/* files read, and their results */
	struct rl_file *files;
	size_t nfiles;
	struct fnet_load_result *results;
	size_t *results_cap; /* capacity of each result's msgs */
	size_t nresults;
	/* the last successful compile */
	struct fnet_rule *compiled;
	size_t ncompiled;
	/* enable state and the per-type index (index.c) */
	unsigned char *on;
	const struct fnet_rule **cand; /* all candidate lists, back to back */
	size_t *cand_start;            /* per index slot (index.c): first entry in cand, + 1 entry */
	int indexed;
	const struct fnet_rule **audit_cand; /* the k8s_audit rules that are on */
	size_t naudit_cand;
};

/* ---- load_result.c ---- */

/*
 * Adds a message to the last result. `is_error` 1 marks the result failed.
 * `item_name` may be NULL (""). The message is formatted.
 */
void rl_msg(struct fnet_ruleset *rs, int is_error, const char *code, const char *item_type,
	    const char *item_name, const struct rl_ctx *ctx, const char *fmt, ...)
	__attribute__((format(printf, 7, 8)));

/* Starts the result of file `f`. Returns 0, or -1 (out of memory). */
int rl_result_begin(struct fnet_ruleset *rs, const struct rl_file *f);

/* Frees every result and message. */
void rl_results_free(struct fnet_ruleset *rs);

/* ---- loader.c ---- */

/* Reads the items of one parsed file into the collection. Returns 0, or -1 after an error. */
int rl_read_items(struct fnet_ruleset *rs, const struct rl_file *f, const struct yaml_stream *ys);

/* Frees the collected items. */
void rl_items_free(struct fnet_ruleset *rs);
void rl_exception_free(struct rl_exception *e);
void rl_exc_entry_free(struct rl_exc_entry *e);

/* Adds a copy of `s` to `l`. Returns 0 or -1. */
int rl_strs_add(struct rl_strs *l, const char *s);
void rl_strs_free(struct rl_strs *l);

/* ---- exceptions.c ---- */

/*
 * Checks an exception as Falco's collector does (fields and comps of equal
 * length, known operators and fields). Returns 0, or -1 after an error message.
 */
int rl_exception_validate(struct fnet_ruleset *rs, struct rl_exception *e, int check_fields);

/*
 * The condition of a rule with its exceptions: "(cond) and not (...)" as
 * Falco's compiler builds it. Returns a malloc'd string, or NULL after an
 * error message (or out of memory).
 */
char *rl_exceptions_condition(struct fnet_ruleset *rs, const struct rl_rule *r);

/* ---- compiler.c ---- */

/* Compiles every collected item into rs->compiled. Returns 0, or -1 after an error. */
int rl_compile(struct fnet_ruleset *rs);

/* Frees compiled rules (`n` of them). */
void rl_compiled_free(struct fnet_rule *rules, size_t n);

/* ---- index.c ---- */

/* Drops the index (rules changed). */
void rl_index_reset(struct fnet_ruleset *rs);

/* After a compile: every rule on or off as its `enabled` says, and a new index. */
void rl_index_rules(struct fnet_ruleset *rs);

#endif
