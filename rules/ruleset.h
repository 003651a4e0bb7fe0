/*
 * Falco rule files: loading, validation and compilation into a rule set that
 * falconet-replay runs events through.
 *
 * Format: Falco's rules file (falco.org/docs/rules; the loader of
 * falcosecurity/falco userspace/engine/rule_loader*.cpp is the reference for
 * the semantics): a YAML sequence of maps, each a `rule`, `macro`, `list`,
 * `required_engine_version` or `required_plugin_versions` item. Items are read in
 * file order and files in the order given; `append: true` and `override:` extend
 * or replace an earlier item of the same name; a later definition without append
 * replaces an earlier one. Macros are expanded where their names appear in a
 * condition, lists where their names appear in a list or after a list operator.
 * Rule `exceptions` become `and not (...)` clauses of the condition.
 *
 * Messages use Falco's load result codes and wording (falco_load_result.h), so a
 * regression spec written for Falco checks falconet with the same strings.
 */
#ifndef FNET_RULES_RULESET_H
#define FNET_RULES_RULESET_H

#include <stddef.h>
#include <stdint.h>

#include "filter.h"

/* Falco's priorities, most severe first; the numbering is Falco's (falco_common.h). */
enum fnet_priority {
	FNET_PRIO_EMERGENCY = 0,
	FNET_PRIO_ALERT,
	FNET_PRIO_CRITICAL,
	FNET_PRIO_ERROR,
	FNET_PRIO_WARNING,
	FNET_PRIO_NOTICE,
	FNET_PRIO_INFORMATIONAL,
	FNET_PRIO_DEBUG
};

/*
 * Parses a priority name, case ignored: emergency alert critical error warning
 * notice informational (also info) debug. Returns the priority, or -1.
 */
int fnet_priority_parse(const char *name);

/* Falco's display name of a priority: "Emergency" ... "Informational" ... "Debug". */
const char *fnet_priority_name(enum fnet_priority p);

/* What a load message is about: Falco's item types ("rule", "macro", "list",
 * "required_engine_version", "rules content", "rules content item", "exception"...). */
struct fnet_load_msg {
	int is_error;          /* 1: an error (the file fails), 0: a warning */
	const char *code;      /* "LOAD_ERR_YAML_PARSE", "LOAD_NO_EVTTYPE"... (static) */
	const char *item_type; /* static */
	char *item_name;       /* "" when the item has none */
	char *file;            /* the file as given to fnet_ruleset_load */
	int line, column;      /* 1-based position of the item (or of the problem), 0 unknown */
	uint64_t offset;       /* byte offset of that position in the file */
	char *message;         /* Falco's wording, e.g. "Undefined macro 'foo' used in filter." */
	char *snippet;         /* the lines of the file around the position, or "" */
};

/* Falco's one-line description of a code ("YAML parse error", "Unused macro"...). */
const char *fnet_load_code_desc(const char *code);

/* One file's result, as Falco's validation reports it per file. */
struct fnet_load_result {
	char *file;                   /* as given */
	int successful;               /* no errors */
	const struct fnet_load_msg *msgs; /* errors and warnings, in the order found */
	size_t nmsgs;
};

/* A compiled rule. Everything is owned by the rule set. */
struct fnet_rule {
	const char *name;
	const char *desc;
	const char *condition;     /* as written, after append/override (before expansion) */
	const char *output;        /* the output format, %field tokens unexpanded */
	const char *source;        /* "syscall" unless the rule says otherwise */
	enum fnet_priority priority;
	const char *const *tags;
	size_t ntags;
	int enabled;               /* `enabled:` (default 1), before run/disable options */
	int skipped;               /* skip-if-unknown-filter applied: never matches */
	int warn_evttypes;         /* `warn_evttypes` (default 1) */
	struct fnet_filter *filter;/* condition with macros, lists and exceptions; NULL if skipped */
	size_t index;              /* position in the rule set: rules fire in this order */
};

struct fnet_ruleset;

/* Options that reach into the program running the rules. All may be NULL/0. */
struct fnet_ruleset_opts {
	/*
	 * Checks a rule's output format (LOAD_ERR_COMPILE_OUTPUT when it returns
	 * nonzero; `err` (errsize bytes) then holds Falco's message, e.g. "invalid
	 * formatting token not_a_real_field"). NULL: outputs are not checked.
	 */
	int (*check_output)(void *ctx, const char *output, char *err, size_t errsize);
	void *ctx;
	/* The engine version compared with required_engine_version (Falco's number). */
	unsigned engine_version;
	/*
	 * As check_output, for a rule of event source `source` ("syscall",
	 * "k8s_audit"), whose output's fields are that source's. When set it is
	 * used for every rule instead of check_output; when not, only syscall
	 * rules' outputs are checked.
	 */
	int (*check_output_source)(void *ctx, const char *output, const char *source, char *err,
				   size_t errsize);
};

/* A new, empty rule set (NULL on allocation failure). `opts` is copied. */
struct fnet_ruleset *fnet_ruleset_new(const struct fnet_ruleset_opts *opts);

/*
 * Loads one rules file, or every *.yaml / *.yml file of a directory in name
 * order, into the rule set: items are merged with those loaded before, then all
 * conditions are compiled again so that errors name the item at fault. Appends
 * one fnet_load_result per file read. Returns 0 when the files loaded without
 * error, -1 otherwise (the messages say why; a file that cannot be read is
 * LOAD_ERR_FILE_READ).
 */
int fnet_ruleset_load(struct fnet_ruleset *rs, const char *path);

/*
 * Loads rules from memory (`len` bytes of YAML), reported as `name`. Same
 * result as fnet_ruleset_load.
 */
int fnet_ruleset_load_text(struct fnet_ruleset *rs, const char *name, const char *text, size_t len);

/* The per-file results, in load order; valid until the rule set is freed or loads again. */
const struct fnet_load_result *fnet_ruleset_results(const struct fnet_ruleset *rs, size_t *n);

/* The rules, in definition order (index 0 first). */
size_t fnet_ruleset_count(const struct fnet_ruleset *rs);
const struct fnet_rule *fnet_ruleset_rule(const struct fnet_ruleset *rs, size_t i);

/*
 * The rules an event of type `type` (an event type number of the schema) is
 * evaluated against: enabled, not skipped, of source "syscall", whose condition
 * may match that type (fnet_filter_may_match_type). Sets `*n`; the array is in
 * rule order and owned by the rule set. Enabling or disabling rules after the
 * first call needs fnet_ruleset_reindex.
 */
const struct fnet_rule *const *fnet_ruleset_candidates(const struct fnet_ruleset *rs,
							uint16_t type, size_t *n);

/*
 * The rules event `ev` is evaluated against: fnet_ruleset_candidates of its
 * type, except for generic events (evt.type is their syscall's name), whose
 * candidates are the rules that may match their syscall (parameter 0, ID).
 * Same ownership as fnet_ruleset_candidates.
 */
const struct fnet_rule *const *fnet_ruleset_event_candidates(const struct fnet_ruleset *rs,
							      const struct fnet_event *ev, size_t *n);

/*
 * The rules an event of source `source` other than "syscall" ("k8s_audit") is
 * evaluated against: enabled, not skipped, of that source, in rule order.
 * Sets `*n` (0 for a source no rule has); the array is owned by the rule set
 * and valid until rules are enabled, disabled or loaded.
 */
const struct fnet_rule *const *fnet_ruleset_source_candidates(const struct fnet_ruleset *rs,
							       const char *source, size_t *n);

/*
 * Turns rules on or off, as Falco's -D, -T and -t do, then rebuilds the index.
 * `enable` 0 or 1. fnet_ruleset_enable_name: rules whose name contains
 * `substring` (Falco's -D is a substring / regex match; `substring` is matched
 * as a POSIX extended regex, falling back to a substring test when it is not a
 * valid regex). fnet_ruleset_enable_tag: rules carrying `tag`.
 * fnet_ruleset_enable_all: every rule. Rules below `min` priority (less severe)
 * are off after fnet_ruleset_set_min_priority.
 */
void fnet_ruleset_enable_name(struct fnet_ruleset *rs, const char *substring, int enable);
void fnet_ruleset_enable_tag(struct fnet_ruleset *rs, const char *tag, int enable);
void fnet_ruleset_enable_all(struct fnet_ruleset *rs, int enable);
void fnet_ruleset_set_min_priority(struct fnet_ruleset *rs, enum fnet_priority min);
/* Rebuilds the candidate index (the calls above do it themselves). */
void fnet_ruleset_reindex(struct fnet_ruleset *rs);
/* 1 when rule i is on after the calls above. */
int fnet_ruleset_is_on(const struct fnet_ruleset *rs, size_t i);

/* Frees the rule set, its rules, filters and messages. NULL is allowed. */
void fnet_ruleset_free(struct fnet_ruleset *rs);

#endif
