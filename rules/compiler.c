/*
 * Collected items to compiled rules, in Falco's order (rule_loader_compiler.cpp):
 * lists (flattened: an item naming an earlier list becomes its items), macros
 * (list names substituted in the text, then parsed; references checked against
 * the macros visible to each), rules (exceptions added, output checked, list
 * names substituted, macros spliced, filter compiled, event types indexed),
 * then the unused macro and list warnings. The first error stops the compile.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "event_schema.h"
#include "filter.h"
#include "rules_internal.h"
#include "strbuf.h"

/* A list with its items flattened. */
struct clist {
	const char *name;
	size_t name_len;
	struct rl_strs items;
	struct rl_list *src;
};

struct comp {
	struct fnet_ruleset *rs;
	struct clist *lists;
	size_t nlists;
	struct rl_macro **by_name; /* macros sorted by name, for look-ups */
};

static int is_delim(char c)
{
	return strchr(" \t\n\r(),=", c) != NULL && c;
}

static int is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Falco's quote_item: a value with a blank, not already quoted, goes in double quotes. */
static void put_item(struct fnet_strbuf *b, const char *v)
{
	int q = strchr(v, ' ') && v[0] != '"' && v[0] != '\'';
	if (q)
		fnet_strbuf_putc(b, '"');
	fnet_strbuf_puts(b, v);
	if (q)
		fnet_strbuf_putc(b, '"');
}

/*
 * Replaces every stand-alone occurrence of list `l`'s name in *cnd (between
 * blanks, parentheses, commas, '=' or the ends) with its items joined by ", ",
 * as Falco's textual list expansion does. Returns 1 when replaced, 0 not, -1 OOM.
 */
static int substitute_list(char **cnd, const struct clist *l)
{
	int used = 0;
	char *c = *cnd;
	const char *p = strstr(c, l->name);
	while (p) {
		size_t n = strlen(c), start = (size_t)(p - c), end = start + l->name_len;
		if ((start == 0 || is_delim(c[start - 1])) && (end >= n || is_delim(c[end]))) {
			while (start > 0 && is_blank(c[start - 1]))
				start--;
			while (end < n && is_blank(c[end]))
				end++;
			struct fnet_strbuf sub = FNET_STRBUF_INIT, out = FNET_STRBUF_INIT;
			for (size_t i = 0; i < l->items.n; i++) {
				if (i)
					fnet_strbuf_puts(&sub, ", ");
				put_item(&sub, l->items.v[i]);
			}
			if (!l->items.n) {
				if (start > 0 && c[start - 1] == ',')
					start--;
				else if (end < n && c[end] == ',')
					end++;
			}
			if (start > 0) {
				fnet_strbuf_append(&out, c, start);
				fnet_strbuf_putc(&out, ' ');
			}
			if (sub.len)
				fnet_strbuf_append(&out, sub.ptr, sub.len);
			fnet_strbuf_putc(&out, ' ');
			fnet_strbuf_puts(&out, c + end);
			size_t next = start + sub.len + 1;
			int oom = sub.oom || out.oom;
			fnet_strbuf_free(&sub);
			if (oom) {
				fnet_strbuf_free(&out);
				return -1;
			}
			free(c);
			c = out.ptr;
			used = 1;
			p = next + 1 <= strlen(c) ? strstr(c + next + 1, l->name) : NULL;
		} else
			p = strstr(p + 1, l->name);
	}
	*cnd = c;
	return used;
}

/* `cond` with every list name substituted (malloc'd), or NULL (out of memory). */
static char *substitute_lists(struct comp *k, const char *cond)
{
	char *c = strdup(cond);
	for (size_t i = 0; c && i < k->nlists; i++) {
		if (!strstr(c, k->lists[i].name))
			continue;
		int rc = substitute_list(&c, &k->lists[i]);
		if (rc < 0) {
			free(c);
			return NULL;
		}
		if (rc)
			k->lists[i].src->used = 1;
	}
	return c;
}

static int compile_lists(struct comp *k)
{
	struct fnet_ruleset *rs = k->rs;
	if (rs->nlists && !(k->lists = calloc(rs->nlists, sizeof(*k->lists))))
		return -1;
	for (size_t i = 0; i < rs->nlists; i++) {
		struct rl_list *l = &rs->lists[i];
		struct clist *c = &k->lists[k->nlists++];
		c->name = l->name;
		c->name_len = strlen(l->name);
		c->src = l;
		for (size_t j = 0; j < l->items.n; j++) {
			struct rl_list *ref = NULL;
			for (size_t r = 0; r < rs->nlists && !ref; r++)
				if (strcmp(rs->lists[r].name, l->items.v[j]) == 0)
					ref = &rs->lists[r];
			if (ref && ref->index < l->visibility) {
				ref->used = 1;
				for (size_t m = 0; m < ref->items.n; m++)
					if (rl_strs_add(&c->items, ref->items.v[m]) < 0)
						return -1;
			} else if (rl_strs_add(&c->items, l->items.v[j]) < 0)
				return -1;
		}
	}
	return 0;
}

static int cmp_macro(const void *a, const void *b)
{
	return strcmp((*(struct rl_macro *const *)a)->name, (*(struct rl_macro *const *)b)->name);
}

static struct rl_macro *find_macro(const struct comp *k, const char *name, size_t len)
{
	size_t lo = 0, hi = k->rs->nmacros;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		const char *m = k->by_name[mid]->name;
		int c = strncmp(m, name, len);
		if (c == 0 && m[len])
			c = 1;
		if (c == 0)
			return k->by_name[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/* The macro reference check of one macro: the visible set, loops. */
struct check_ctx {
	struct comp *k;
	uint32_t visibility;
	struct rl_macro *top;
	int failed;
};

static void check_refs(struct check_ctx *x, struct rl_macro *m);

static void check_ref(void *ctx, const char *name, size_t len, size_t pos)
{
	(void)pos;
	struct check_ctx *x = ctx;
	if (x->failed)
		return;
	struct rl_macro *m = find_macro(x->k, name, len);
	if (!m || m->index >= x->visibility) {
		rl_msg(x->k->rs, 1, "LOAD_ERR_VALIDATE", "macro", x->top->name, &x->top->ctx,
		       "Undefined macro '%.*s' used in filter.", (int)len, name);
		x->failed = 1;
		return;
	}
	if (m->resolving) {
		rl_msg(x->k->rs, 1, "LOAD_ERR_VALIDATE", "macro", x->top->name, &x->top->ctx,
		       "reference loop in macro '%s'", m->name);
		x->failed = 1;
		return;
	}
	m->used = 1;
	check_refs(x, m);
}

static void check_refs(struct check_ctx *x, struct rl_macro *m)
{
	m->resolving = 1;
	fnet_filter_macro_refs(m->parsed, check_ref, x);
	m->resolving = 0;
}

static int compile_macros(struct comp *k)
{
	struct fnet_ruleset *rs = k->rs;
	char err[FNET_ERRBUF_SIZE];
	int col;
	for (size_t i = 0; i < rs->nmacros; i++) {
		struct rl_macro *m = &rs->macros[i];
		m->used = 0;
		char *cond = substitute_lists(k, m->cond);
		if (!cond)
			return -1;
		m->parsed = fnet_filter_macro_parse(cond, 1, err, &col);
		free(cond);
		if (!m->parsed) {
			rl_msg(rs, 1, "LOAD_ERR_COMPILE_CONDITION", "macro", m->name, &m->cond_ctx, "%s",
			       err);
			return -1;
		}
	}
	if (rs->nmacros && !(k->by_name = malloc(rs->nmacros * sizeof(*k->by_name))))
		return -1;
	for (size_t i = 0; i < rs->nmacros; i++)
		k->by_name[i] = &rs->macros[i];
	qsort(k->by_name, rs->nmacros, sizeof(*k->by_name), cmp_macro);
	for (size_t i = 0; i < rs->nmacros; i++) {
		struct rl_macro *m = &rs->macros[i];
		struct check_ctx x = {k, m->visibility, m, 0};
		check_refs(&x, m);
		if (x.failed)
			return -1;
	}
	return 0;
}

static const struct fnet_filter_macro *lookup_macro(void *ctx, const char *name, size_t len)
{
	struct rl_macro *m = find_macro(ctx, name, len);
	if (!m)
		return NULL;
	m->used = 1;
	return m->parsed;
}

/* Event types a filter may match: the count, and whether generic events may. */
static size_t count_types(const struct fnet_filter *f)
{
	size_t n = 0;
	for (uint16_t t = 0; t < FNET_EV_COUNT; t++) {
		const char *name = fnet_event_table[t].name;
		if (strcmp(name, "NA") != 0 && fnet_filter_may_match_type(f, name))
			n++;
	}
	return n;
}

static char *dup_or_empty(const char *s)
{
	return strdup(s ? s : "");
}

/* The rule's compiled form, filter aside. Returns 0 or -1 (out of memory). */
/*
 * Falco's output substitution: "%container.info" stands for
 * "%container.name (id=%container.id)" (rule_loader_compiler.cpp's default
 * when no -pc/-pk option replaces it). Returns a malloc'd string, or NULL.
 */
static char *expand_container_info(const char *output)
{
	static const char token[] = "%container.info", with[] = "%container.name (id=%container.id)";
	struct fnet_strbuf b = {0};
	const char *p = output ? output : "", *hit;
	while ((hit = strstr(p, token))) {
		fnet_strbuf_append(&b, p, (size_t)(hit - p));
		fnet_strbuf_append(&b, with, sizeof(with) - 1);
		p = hit + sizeof(token) - 1;
	}
	fnet_strbuf_append(&b, p, strlen(p));
	if (b.oom) {
		fnet_strbuf_free(&b);
		return NULL;
	}
	return b.ptr ? b.ptr : strdup(""); /* the buffer is NUL-terminated once it holds text */
}

static int fill_rule(struct fnet_rule *o, const struct rl_rule *r)
{
	o->name = dup_or_empty(r->name);
	o->desc = dup_or_empty(r->desc);
	o->condition = dup_or_empty(r->cond);
	o->output = expand_container_info(r->output);
	o->source = dup_or_empty(r->source);
	o->priority = r->priority;
	o->enabled = r->enabled;
	o->warn_evttypes = r->warn_evttypes;
	char **tags = r->tags.n ? calloc(r->tags.n, sizeof(*tags)) : NULL;
	o->tags = (const char *const *)tags;
	for (size_t i = 0; i < r->tags.n && tags; i++) {
		if (!(tags[i] = strdup(r->tags.v[i])))
			return -1;
		o->ntags++;
	}
	if (!o->name || !o->desc || !o->condition || !o->output || !o->source ||
	    (r->tags.n && !tags))
		return -1;
	return 0;
}

void rl_compiled_free(struct fnet_rule *rules, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		struct fnet_rule *r = &rules[i];
		free((char *)r->name);
		free((char *)r->desc);
		free((char *)r->condition);
		free((char *)r->output);
		free((char *)r->source);
		for (size_t k = 0; k < r->ntags; k++)
			free((char *)r->tags[k]);
		free((void *)r->tags);
		fnet_filter_free(r->filter);
	}
	free(rules);
}

/*
 * Fields of Falco's field set that falconet's filter does not have yet (no
 * extractor from a trace). Rules using one load, skipped, with a
 * LOAD_UNKNOWN_FILTER warning, as if they had skip-if-unknown-filter; any
 * other unknown field stays an error, as in Falco.
 */
static int is_unsupported_falco_field(const char *name)
{
	static const char *const fields[] = {
		"container.mount.dest", "container.mounts", "container.start_ts", "evt.hostname",
		"fd.cip.name", "fd.connected", "fd.lip.name", "fd.nameraw", "fd.rip.name",
		"fd.sip.name", "fd.types", "k8s.ns.name", "k8s.pod.name", "proc.exe_ino.ctime",
		"proc.exe_ino.ctime_duration_proc_start", "proc.exe_ino.mtime",
		"proc.is_exe_from_memfd", "proc.ppid.duration", "proc.vpgid.exe", "proc.vpgid.name",
		"thread.cap_effective", "thread.cap_permitted"};
	for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++)
		if (strcmp(name, fields[i]) == 0)
			return 1;
	return 0;
}

/* Falco's errors that skip-if-unknown-filter turns into a warning. */
static int is_unknown_filter(enum fnet_filter_err_kind kind)
{
	return kind == FNET_FILTER_ERR_UNKNOWN_FIELD || kind == FNET_FILTER_ERR_UNKNOWN_EVTTYPE;
}

/* Compiles rule `r` into `o`. Returns 0, or -1 after an error message. */
static int compile_rule(struct comp *k, const struct rl_rule *r, struct fnet_rule *o)
{
	struct fnet_ruleset *rs = k->rs;
	char err[FNET_ERRBUF_SIZE];
	if (fill_rule(o, r) < 0)
		goto oom;
	if (r->unknown_source)
		return 0;
	if (rs->opts.check_output && rs->opts.check_output(rs->opts.ctx, o->output, err, sizeof(err))) {
		if (r->skip_unknown && strstr(err, "invalid formatting token")) {
			rl_msg(rs, 0, "LOAD_UNKNOWN_FILTER", "rule", r->name, &r->output_ctx, "%s", err);
			o->skipped = 1;
			return 0;
		}
		rl_msg(rs, 1, "LOAD_ERR_COMPILE_OUTPUT", "rule", r->name, &r->output_ctx, "%s", err);
		return -1;
	}
	char *with_ex = rl_exceptions_condition(rs, r);
	if (!with_ex)
		return -1;
	char *cond = substitute_lists(k, with_ex);
	free(with_ex);
	if (!cond)
		goto oom;
	struct fnet_filter_error fe = {0};
	struct fnet_filter_opts fo = {.ctx = k, .lookup_macro = lookup_macro, .falco_wording = 1,
				      .error = &fe};
	int col;
	o->filter = fnet_filter_compile_opts(cond, &fo, err, &col);
	free(cond);
	if (!o->filter) {
		const char *code = "LOAD_ERR_COMPILE_CONDITION";
		char msg[FNET_ERRBUF_SIZE + 64];
		snprintf(msg, sizeof(msg), "%s", err);
		switch (fe.kind) {
		case FNET_FILTER_ERR_UNDEFINED_MACRO:
			code = "LOAD_ERR_VALIDATE";
			snprintf(msg, sizeof(msg), "Undefined macro '%s' used in filter.", fe.name);
			break;
		case FNET_FILTER_ERR_MACRO_LOOP:
			code = "LOAD_ERR_VALIDATE";
			snprintf(msg, sizeof(msg), "reference loop in macro '%s'", fe.name);
			break;
		case FNET_FILTER_ERR_UNKNOWN_FIELD:
			snprintf(msg, sizeof(msg), "filter_check called with nonexistent field %s",
				 fe.name);
			break;
		case FNET_FILTER_ERR_UNKNOWN_EVTTYPE:
			snprintf(msg, sizeof(msg), "unknown event type %s", fe.name);
			break;
		default:
			break;
		}
		if ((r->skip_unknown && is_unknown_filter(fe.kind)) ||
		    (fe.kind == FNET_FILTER_ERR_UNKNOWN_FIELD && is_unsupported_falco_field(fe.name))) {
			rl_msg(rs, 0, "LOAD_UNKNOWN_FILTER", "rule", r->name, &r->cond_ctx, "%s", msg);
			o->skipped = 1;
			return 0;
		}
		rl_msg(rs, 1, code, "rule", r->name,
		       strcmp(code, "LOAD_ERR_VALIDATE") == 0 ? &r->ctx : &r->cond_ctx, "%s", msg);
		return -1;
	}
	/* Falco warns above 100 event codes (enter and exit counted apart), as we count */
	if (r->warn_evttypes && count_types(o->filter) > 100)
		rl_msg(rs, 0, "LOAD_NO_EVTTYPE", "rule", r->name, &r->ctx,
		       "Rule matches too many evt.type values. This has a significant performance "
		       "penalty.");
	return 0;
oom:
	rl_msg(rs, 1, "LOAD_ERR_VALIDATE", "rule", r->name, &r->ctx, "out of memory");
	return -1;
}

int rl_compile(struct fnet_ruleset *rs)
{
	struct comp k = {rs, NULL, 0, NULL};
	struct fnet_rule *out = rs->nrules ? calloc(rs->nrules, sizeof(*out)) : NULL;
	size_t nout = 0;
	int rc = -1;
	for (size_t i = 0; i < rs->nlists; i++)
		rs->lists[i].used = 0;
	if (rs->nrules && !out)
		goto oom;
	if (compile_lists(&k) < 0)
		goto oom;
	if (compile_macros(&k) < 0)
		goto out;
	for (size_t i = 0; i < rs->nrules; i++) {
		out[nout].index = nout;
		if (compile_rule(&k, &rs->rules[i], &out[nout++]) < 0)
			goto out;
	}
	for (size_t i = 0; i < rs->nmacros; i++)
		if (!rs->macros[i].used)
			rl_msg(rs, 0, "LOAD_UNUSED_MACRO", "macro", rs->macros[i].name,
			       &rs->macros[i].ctx, "Macro not referred to by any other rule/macro");
	for (size_t i = 0; i < rs->nlists; i++)
		if (!rs->lists[i].used)
			rl_msg(rs, 0, "LOAD_UNUSED_LIST", "list", rs->lists[i].name, &rs->lists[i].ctx,
			       "List not referred to by any other rule/macro");
	rl_compiled_free(rs->compiled, rs->ncompiled);
	rs->compiled = out;
	rs->ncompiled = nout;
	out = NULL;
	nout = 0;
	rc = 0;
	goto out;
oom:
	rl_msg(rs, 1, "LOAD_ERR_VALIDATE", "rules content", "", NULL, "out of memory");
out:
	rl_compiled_free(out, nout);
	for (size_t i = 0; i < k.nlists; i++)
		rl_strs_free(&k.lists[i].items);
	free(k.lists);
	free(k.by_name);
	for (size_t i = 0; i < rs->nmacros; i++) {
		fnet_filter_macro_free(rs->macros[i].parsed);
		rs->macros[i].parsed = NULL;
	}
	return rc;
}
