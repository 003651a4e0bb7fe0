/*
 * Which rules an event is evaluated against: per event type, the enabled rules
 * of source syscall whose condition may match that type
 * (fnet_filter_may_match_type), in rule order; for k8s_audit events, every
 * enabled k8s_audit rule (audit events have no type to index by); and the run-time switches that
 * turn rules on and off (Falco's -D, -T, -t, priority).
 */
#include <regex.h>
#include <stdlib.h>
#include <string.h>

#include "event.h"
#include "event_schema.h"
#include "event_format.h" /* fnet_sysdig_syscall_name */
#include "rules_internal.h"

void rl_index_reset(struct fnet_ruleset *rs)
{
	free(rs->cand);
	free(rs->cand_start);
	free(rs->audit_cand);
	rs->cand = NULL;
	rs->cand_start = NULL;
	rs->audit_cand = NULL;
	rs->naudit_cand = 0;
	rs->indexed = 0;
}

/*
 * Index slots: one per event type, then one per syscall code of the generic
 * events, whose evt.type is their syscall's name. The type slots of the generic
 * events hold every rule that may match any syscall name.
 */
#define GENERIC_SLOT(code) (FNET_EV_COUNT + (size_t)(code))
#define SLOT_COUNT GENERIC_SLOT(RL_GENERIC_CODES)

/* 1 when rule `r` may match a generic event of syscall `code` ("<unknown>" when
 * the code has no name); both name tables, since evt.type shows sysdig's names. */
static int may_match_code(const struct fnet_rule *r, uint16_t code)
{
	return fnet_filter_may_match_type(r->filter, fnet_syscall_name(code)) ||
	       fnet_filter_may_match_type(r->filter, fnet_sysdig_syscall_name(code));
}

/* 1 when rule `r` may match the events of index slot `slot`. */
static int may_match(const struct fnet_rule *r, size_t slot)
{
	if (slot >= FNET_EV_COUNT)
		return may_match_code(r, (uint16_t)(slot - FNET_EV_COUNT));
	if (slot == FNET_EV_GENERIC_E || slot == FNET_EV_GENERIC_X) {
		for (uint16_t code = 0; code < RL_GENERIC_CODES; code++)
			if (may_match_code(r, code))
				return 1;
		return 0;
	}
	return fnet_filter_may_match_type(r->filter, fnet_event_table[slot].name);
}

/* Builds the candidate lists from the rules that are on. */
static void build(struct fnet_ruleset *rs)
{
	rl_index_reset(rs);
	size_t total = 0;
	rs->cand_start = calloc(SLOT_COUNT + 1, sizeof(*rs->cand_start));
	if (!rs->cand_start)
		return;
	/* two passes: count, then fill */
	for (int pass = 0; pass < 2; pass++) {
		total = 0;
		for (size_t t = 0; t < SLOT_COUNT; t++) {
			rs->cand_start[t] = total;
			for (size_t i = 0; i < rs->ncompiled; i++) {
				const struct fnet_rule *r = &rs->compiled[i];
				if (!rs->on[i] || r->skipped || !r->filter || strcmp(r->source, "syscall") != 0 ||
				    !may_match(r, t))
					continue;
				if (pass)
					rs->cand[total] = r;
				total++;
			}
		}
		rs->cand_start[SLOT_COUNT] = total;
		if (!pass && !(rs->cand = malloc((total ? total : 1) * sizeof(*rs->cand)))) {
			rl_index_reset(rs);
			return;
		}
	}
	/* events of other sources: every rule of theirs that is on (no event types) */
	if (!(rs->audit_cand = malloc((rs->ncompiled ? rs->ncompiled : 1) * sizeof(*rs->audit_cand)))) {
		rl_index_reset(rs);
		return;
	}
	for (size_t i = 0; i < rs->ncompiled; i++) {
		const struct fnet_rule *r = &rs->compiled[i];
		if (rs->on[i] && !r->skipped && r->filter && strcmp(r->source, "k8s_audit") == 0)
			rs->audit_cand[rs->naudit_cand++] = r;
	}
	rs->indexed = 1;
}

void fnet_ruleset_reindex(struct fnet_ruleset *rs)
{
	build(rs);
}

const struct fnet_rule *const *fnet_ruleset_candidates(const struct fnet_ruleset *rs,
							uint16_t type, size_t *n)
{
	*n = 0;
	if (!rs->indexed || type >= FNET_EV_COUNT)
		return NULL;
	*n = rs->cand_start[type + 1] - rs->cand_start[type];
	return rs->cand + rs->cand_start[type];
}

const struct fnet_rule *const *fnet_ruleset_event_candidates(const struct fnet_ruleset *rs,
							      const struct fnet_event *ev, size_t *n)
{
	if ((ev->type == FNET_EV_GENERIC_E || ev->type == FNET_EV_GENERIC_X) && ev->nparams > 0 &&
	    rs->indexed) {
		uint64_t code = fnet_event_param_u64(ev, 0);
		if (code < RL_GENERIC_CODES) {
			size_t slot = GENERIC_SLOT(code);
			*n = rs->cand_start[slot + 1] - rs->cand_start[slot];
			return rs->cand + rs->cand_start[slot];
		}
	}
	return fnet_ruleset_candidates(rs, ev->type, n);
}

const struct fnet_rule *const *fnet_ruleset_source_candidates(const struct fnet_ruleset *rs,
							       const char *source, size_t *n)
{
	*n = 0;
	if (!rs->indexed || strcmp(source, "k8s_audit") != 0)
		return NULL;
	*n = rs->naudit_cand;
	return rs->audit_cand;
}

void fnet_ruleset_enable_name(struct fnet_ruleset *rs, const char *substring, int enable)
{
	regex_t re;
	int have_re = regcomp(&re, substring, REG_EXTENDED | REG_NOSUB) == 0;
	for (size_t i = 0; i < rs->ncompiled; i++) {
		const char *name = rs->compiled[i].name;
		if (have_re ? regexec(&re, name, 0, NULL, 0) == 0 : strstr(name, substring) != NULL)
			rs->on[i] = (unsigned char)(enable != 0);
	}
	if (have_re)
		regfree(&re);
	build(rs);
}

void fnet_ruleset_enable_tag(struct fnet_ruleset *rs, const char *tag, int enable)
{
	for (size_t i = 0; i < rs->ncompiled; i++)
		for (size_t k = 0; k < rs->compiled[i].ntags; k++)
			if (strcmp(rs->compiled[i].tags[k], tag) == 0)
				rs->on[i] = (unsigned char)(enable != 0);
	build(rs);
}

void fnet_ruleset_enable_all(struct fnet_ruleset *rs, int enable)
{
	for (size_t i = 0; i < rs->ncompiled; i++)
		rs->on[i] = (unsigned char)(enable != 0);
	build(rs);
}

void fnet_ruleset_set_min_priority(struct fnet_ruleset *rs, enum fnet_priority min)
{
	for (size_t i = 0; i < rs->ncompiled; i++)
		if (rs->compiled[i].priority > min)
			rs->on[i] = 0;
	build(rs);
}

int fnet_ruleset_is_on(const struct fnet_ruleset *rs, size_t i)
{
	return i < rs->ncompiled && rs->on[i];
}

/* After a compile: every rule as its `enabled` says, and a new index. */
void rl_index_rules(struct fnet_ruleset *rs)
{
	free(rs->on);
	rs->on = calloc(rs->ncompiled ? rs->ncompiled : 1, 1);
	for (size_t i = 0; rs->on && i < rs->ncompiled; i++)
		rs->on[i] = (unsigned char)rs->compiled[i].enabled;
	if (rs->on)
		build(rs);
}
