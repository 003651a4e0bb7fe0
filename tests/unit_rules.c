/*
 * Rules loader: the loading expectations of Falco's regression suite (codes,
 * item types and names, messages, from test/falco_tests.yaml and
 * falco_tests_exceptions.yaml), the big rule sets loading without error, and
 * append/override/order semantics. Needs ../shared/testdata (else skips).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <cmocka.h>

#include "ruleset.h"

#define DATA "../shared/testdata/falco/rules/"

/* One validation case: files loaded in order, and the message expected in any result. */
struct vcase {
	const char *files[3];
	int is_error;
	const char *code, *item_type, *item_name, *message; /* message: a substring */
};

static const struct vcase vcases[] = {
	{{"invalid_not_yaml.yaml"}, 1, "LOAD_ERR_YAML_VALIDATE", "rules content", "",
	 "Rules content is not yaml"},
	{{"invalid_not_array.yaml"}, 1, "LOAD_ERR_YAML_VALIDATE", "rules content", "",
	 "Rules content is not yaml array of objects"},
	{{"invalid_array_item_not_object.yaml"}, 1, "LOAD_ERR_YAML_VALIDATE", "rules content item", "",
	 "Unexpected element type. Each element should be a yaml associative array."},
	{{"invalid_engine_version_not_number.yaml"}, 1, "LOAD_ERR_YAML_VALIDATE",
	 "required_engine_version", "", "Can't decode YAML scalar value"},
	{{"invalid_yaml_parse_error.yaml"}, 1, "LOAD_ERR_YAML_PARSE", "rules content", "",
	 "yaml-cpp: error at line 1, column 11: illegal map value"},
	{{"invalid_list_without_items.yaml"}, 1, "LOAD_ERR_YAML_VALIDATE", "list", "bad_list",
	 "Item has no mapping for key 'items'"},
	{{"invalid_macro_without_condition.yaml"}, 1, "LOAD_ERR_YAML_VALIDATE", "macro", "bad_macro",
	 "Item has no mapping for key 'condition'"},
	{{"invalid_macro_loop.yaml"}, 1, "LOAD_ERR_VALIDATE", "macro", "macro_a",
	 "reference loop in macro"},
	{{"invalid_rule_without_output.yaml"}, 1, "LOAD_ERR_YAML_VALIDATE", "rule", "no output rule",
	 "Item has no mapping for key 'output'"},
	{{"invalid_append_rule_without_condition.yaml"}, 1, "LOAD_ERR_VALIDATE", "rule",
	 "no condition rule", "Appended rule must have exceptions or condition property"},
	{{"invalid_append_macro_dangling.yaml"}, 1, "LOAD_ERR_VALIDATE", "macro", "dangling append",
	 "Macro has 'append' key but no macro by that name already exists"},
	{{"list_append_failure.yaml"}, 1, "LOAD_ERR_VALIDATE", "list", "my_list",
	 "List has 'append' key but no list by that name already exists"},
	{{"invalid_list_loop.yaml"}, 1, "LOAD_ERR_COMPILE_CONDITION", "rule", "sample rule",
	 "unknown event type list_a"},
	{{"rule_append_failure.yaml"}, 1, "LOAD_ERR_VALIDATE", "rule", "my_rule",
	 "Rule has 'append' key but no rule by that name already exists"},
	{{"invalid_base_macro.yaml", "invalid_overwrite_macro.yaml"}, 1, "LOAD_ERR_VALIDATE", "macro",
	 "some macro", "Undefined macro 'foo' used in filter."},
	{{"invalid_base_macro.yaml", "invalid_overwrite_macro.yaml"}, 0, "LOAD_UNUSED_MACRO", "macro",
	 "some macro", "Macro not referred to by any other rule/macro"},
	{{"invalid_base_macro.yaml", "invalid_append_macro.yaml"}, 1, "LOAD_ERR_COMPILE_CONDITION",
	 "macro", "some macro", "unexpected token after 'execve', expecting 'or', 'and'"},
	{{"invalid_overwrite_macro_multiple_docs.yaml"}, 1, "LOAD_ERR_VALIDATE", "macro", "some macro",
	 "Undefined macro 'foo' used in filter."},
	{{"invalid_append_macro_multiple_docs.yaml"}, 1, "LOAD_ERR_COMPILE_CONDITION", "macro",
	 "some macro", "unexpected token after 'execve', expecting 'or', 'and'"},
	{{"invalid_base_rule.yaml", "invalid_overwrite_rule.yaml"}, 1, "LOAD_ERR_VALIDATE", "rule",
	 "some rule", "Undefined macro 'bar' used in filter."},
	{{"invalid_base_rule.yaml", "invalid_append_rule.yaml"}, 1, "LOAD_ERR_COMPILE_CONDITION",
	 "rule", "some rule", "unexpected token after 'open', expecting 'or', 'and'"},
	{{"invalid_overwrite_rule_multiple_docs.yaml"}, 1, "LOAD_ERR_VALIDATE", "rule", "some rule",
	 "Undefined macro 'bar' used in filter."},
	{{"invalid_append_rule_multiple_docs.yaml"}, 1, "LOAD_ERR_COMPILE_CONDITION", "rule",
	 "some rule", "unexpected token after 'open', expecting 'or', 'and'"},
	{{"invalid_missing_rule_name.yaml"}, 1, "LOAD_ERR_YAML_VALIDATE", "rule", "",
	 "Mapping for key 'rule' is empty"},
	{{"invalid_missing_list_name.yaml"}, 1, "LOAD_ERR_YAML_VALIDATE", "list", "",
	 "Mapping for key 'list' is empty"},
	{{"invalid_missing_macro_name.yaml"}, 1, "LOAD_ERR_YAML_VALIDATE", "macro", "",
	 "Mapping for key 'macro' is empty"},
	{{"invalid_rule_output.yaml"}, 1, "LOAD_ERR_COMPILE_OUTPUT", "rule", "rule_with_invalid_output",
	 "invalid formatting token not_a_real_field"},
	/* the suite's old code name LOAD_UNKNOWN_FIELD is today's LOAD_UNKNOWN_FILTER */
	{{"skip_unknown_evt.yaml"}, 0, "LOAD_UNKNOWN_FILTER", "rule",
	 "Contains Unknown Event And Skipping", "filter_check called with nonexistent field proc.nobody"},
	{{"skip_unknown_error.yaml"}, 1, "LOAD_ERR_COMPILE_CONDITION", "rule",
	 "Contains Unknown Event And Not Skipping",
	 "filter_check called with nonexistent field proc.nobody"},
	{{"skip_unknown_unspec.yaml"}, 1, "LOAD_ERR_COMPILE_CONDITION", "rule",
	 "Contains Unknown Event And Unspecified", "filter_check called with nonexistent field proc.nobody"},
	{{"engine_version_mismatch.yaml"}, 1, "LOAD_ERR_VALIDATE", "required_engine_version", "",
	 "Rules require engine version 9999999, but engine version is"},
	/* falco_tests_exceptions.yaml */
	{{"exceptions/item_no_fields.yaml"}, 1, "LOAD_ERR_YAML_VALIDATE", "exception", "ex1",
	 "Item has no mapping for key 'fields'"},
	{{"exceptions/item_no_name.yaml"}, 1, "LOAD_ERR_YAML_VALIDATE", "exception", "",
	 "Item has no mapping for key 'name'"},
	{{"exceptions/append_item_no_name.yaml"}, 1, "LOAD_ERR_YAML_VALIDATE", "exception", "",
	 "Item has no mapping for key 'name'"},
	{{"exceptions/item_unknown_fields.yaml"}, 1, "LOAD_ERR_VALIDATE", "exception", "ex1",
	 "'not.exist' is not a supported filter field"},
	{{"exceptions/item_comps_fields_len_mismatch.yaml"}, 1, "LOAD_ERR_VALIDATE", "exception", "ex1",
	 "Fields and comps lists must have equal length"},
	{{"exceptions/item_unknown_comp.yaml"}, 1, "LOAD_ERR_VALIDATE", "exception", "ex1",
	 "'no-comp' is not a supported comparison operator"},
	{{"exceptions/item_fields_values_len_mismatch.yaml"}, 1, "LOAD_ERR_VALIDATE", "exception",
	 "ex1", "Fields and values lists must have equal length"},
	{{"exceptions/append_item_fields_values_len_mismatch.yaml"}, 1, "LOAD_ERR_VALIDATE",
	 "exception", "ex1", "Fields and values lists must have equal length"},
	{{"exceptions/append_item_not_in_rule.yaml"}, 1, "LOAD_ERR_VALIDATE", "exception", "ex2",
	 "Rule exception must have fields property with a list of fields"},
	{{"exceptions/rule_exception_new_no_field_append.yaml"}, 1, "LOAD_ERR_VALIDATE", "exception",
	 "proc_cmdline", "Rule exception must have fields property with a list of fields"},
};

/* Stands in for the output formatter: %tokens must be known fields (a few, for this test). */
static int check_output(void *ctx, const char *output, char *err, size_t errsize)
{
	(void)ctx;
	const char *p = strstr(output, "%not_a_real_field");
	if (p) {
		snprintf(err, errsize, "invalid formatting token not_a_real_field");
		return 1;
	}
	return 0;
}

static int have_data(void)
{
	struct stat st;
	return stat(DATA, &st) == 0;
}

static void test_validation_cases(void **state)
{
	(void)state;
	for (size_t c = 0; c < sizeof(vcases) / sizeof(vcases[0]); c++) {
		const struct vcase *v = &vcases[c];
		struct fnet_ruleset_opts o = {.check_output = check_output};
		struct fnet_ruleset *rs = fnet_ruleset_new(&o);
		assert_non_null(rs);
		char path[512];
		for (int i = 0; i < 3 && v->files[i]; i++) {
			snprintf(path, sizeof(path), DATA "%s", v->files[i]);
			fnet_ruleset_load(rs, path);
		}
		size_t n, found = 0;
		const struct fnet_load_result *r = fnet_ruleset_results(rs, &n);
		for (size_t i = 0; i < n; i++)
			for (size_t k = 0; k < r[i].nmsgs; k++) {
				const struct fnet_load_msg *m = &r[i].msgs[k];
				if (m->is_error == v->is_error && !strcmp(m->code, v->code) &&
				    !strcmp(m->item_type, v->item_type) && !strcmp(m->item_name, v->item_name) &&
				    strstr(m->message, v->message))
					found = 1;
			}
		if (!found)
			fail_msg("case %zu (%s): no %s %s '%s': %s", c, v->files[0], v->code, v->item_type,
				 v->item_name, v->message);
		/* validate_ok: the first of two files keeps its own success */
		if (v->files[1] && v->is_error) {
			assert_true(r[0].successful);
			assert_false(r[n - 1].successful);
		}
		fnet_ruleset_free(rs);
	}
}

/* Rules loaded skipped (LOAD_UNKNOWN_FILTER): Falco skips none of its own rule sets. */
static size_t count_skipped(const struct fnet_ruleset *rs)
{
	size_t k = 0;
	for (size_t i = 0; i < fnet_ruleset_count(rs); i++)
		k += fnet_ruleset_rule(rs, i)->skipped != 0;
	return k;
}

/* Loads files; returns the rule set, asserting every result is successful. */
static struct fnet_ruleset *load_ok(const char *const *paths, size_t npaths)
{
	struct fnet_ruleset *rs = fnet_ruleset_new(NULL);
	assert_non_null(rs);
	for (size_t i = 0; i < npaths; i++)
		assert_int_equal(fnet_ruleset_load(rs, paths[i]), 0);
	size_t n;
	const struct fnet_load_result *r = fnet_ruleset_results(rs, &n);
	for (size_t i = 0; i < n; i++)
		assert_true(r[i].successful);
	return rs;
}

static void test_big_rule_files(void **state)
{
	(void)state;
	const char *up[] = {"../shared/testdata/rules-upstream/falco_rules.yaml",
			    "../shared/testdata/rules-upstream/falco-incubating_rules.yaml",
			    "../shared/testdata/rules-upstream/falco-sandbox_rules.yaml"};
	struct timespec a, b;
	clock_gettime(CLOCK_MONOTONIC, &a);
	struct fnet_ruleset *rs = load_ok(up, 3);
	clock_gettime(CLOCK_MONOTONIC, &b);
	/* `- rule:` items of the three files: 25 + 31 + 37 */
	assert_int_equal(fnet_ruleset_count(rs), 93);
	assert_int_equal(count_skipped(rs), 0);
	fprintf(stderr, "rules-upstream load+compile: %.1f ms\n",
		(double)(b.tv_sec - a.tv_sec) * 1e3 + (double)(b.tv_nsec - a.tv_nsec) / 1e6);
	fnet_ruleset_free(rs);
	const char *old[] = {DATA "falco_rules.yaml"};
	rs = load_ok(old, 1);
	assert_int_equal(fnet_ruleset_count(rs), 71);
	assert_int_equal(count_skipped(rs), 0);
	fnet_ruleset_free(rs);
	const char *k8s[] = {DATA "k8s_audit_rules.yaml"};
	rs = load_ok(k8s, 1);
	assert_int_equal(fnet_ruleset_count(rs), 43);
	/* a source we cannot evaluate: never a candidate */
	size_t n;
	fnet_ruleset_candidates(rs, 0, &n);
	assert_int_equal(n, 0);
	fnet_ruleset_free(rs);
}

/* The condition of the named rule after loading `files`, with the filter compiled. */
static const struct fnet_rule *rule_named(struct fnet_ruleset *rs, const char *name)
{
	for (size_t i = 0; i < fnet_ruleset_count(rs); i++)
		if (!strcmp(fnet_ruleset_rule(rs, i)->name, name))
			return fnet_ruleset_rule(rs, i);
	return NULL;
}

static void test_append_override_order(void **state)
{
	(void)state;
	/* rule_order: the later definition replaces the earlier, in place */
	const char *ro[] = {DATA "rule_order.yaml"};
	struct fnet_ruleset *rs = load_ok(ro, 1);
	assert_int_equal(fnet_ruleset_count(rs), 1);
	assert_string_equal(rule_named(rs, "open_from_cat")->condition, "evt.type=open and is_cat");
	fnet_ruleset_free(rs);
	/* rule_append: the condition grows by " " + the appended text */
	const char *ra[] = {DATA "rule_append.yaml"};
	rs = load_ok(ra, 1);
	const struct fnet_rule *r = fnet_ruleset_rule(rs, 0);
	assert_non_null(strstr(r->condition, " "));
	assert_true(fnet_filter_may_match_type(r->filter, "open"));
	fnet_ruleset_free(rs);
	/* multiple_rules_overriding: override_rule.yaml replaces single_rule's rule */
	const char *mo[] = {DATA "single_rule.yaml", DATA "override_rule.yaml"};
	rs = load_ok(mo, 2);
	assert_non_null(rs);
	fnet_ruleset_free(rs);
	/* falco_rules_warnings: LOAD_NO_EVTTYPE exactly for the rules Falco names */
	const char *w[] = {DATA "falco_rules_warnings.yaml"};
	rs = load_ok(w, 1);
	size_t n, nwarn = 0;
	const struct fnet_load_result *res = fnet_ruleset_results(rs, &n);
	static const char *const expect[] = {"no_evttype", "evttype_not_equals", "leading_not",
		"not_equals_at_end", "not_at_end", "not_equals_and_not",
		"leading_in_not_equals_at_evttype", "not_with_evttypes", "not_with_evttypes_addl"};
	for (size_t k = 0; k < res[0].nmsgs; k++) {
		if (strcmp(res[0].msgs[k].code, "LOAD_NO_EVTTYPE"))
			continue;
		int known = 0;
		for (size_t e = 0; e < sizeof(expect) / sizeof(expect[0]); e++)
			known |= !strcmp(expect[e], res[0].msgs[k].item_name);
		assert_true(known);
		nwarn++;
	}
	assert_int_equal(nwarn, sizeof(expect) / sizeof(expect[0]));
	fnet_ruleset_free(rs);
}

/* Inputs the rules fuzz target (tests/fuzz_rules.c) found failing, fixed since. */
static void test_fuzz_regressions(void **state)
{
	(void)state;
	/* appending an exception with no values copied from a NULL array (UBSan) */
	static const char append_no_values[] = "- rule: r\n  desc: d\n  condition: evt.type=open\n"
					       "  output: o\n  priority: INFO\n  exceptions:\n"
					       "    - name: e1\n      fields: [proc.name]\n"
					       "      values: [[cat]]\n"
					       "- rule: r\n  exceptions:\n    - name: e1\n  append: true\n";
	struct fnet_ruleset *rs = fnet_ruleset_new(NULL);
	assert_non_null(rs);
	fnet_ruleset_load_text(rs, "t.yaml", append_no_values, sizeof(append_no_values) - 1);
	assert_int_equal(fnet_ruleset_count(rs), 1);
	fnet_ruleset_free(rs);
	/* an unknown key of an appended list named the list from its freed copy (ASan) */
	static const char list_append_unknown_key[] = "- list: my_list\n  items: [a]\n"
						      "- list: my_list\n  append: true\n"
						      "  items: [b]\n  priority: WARNING\n";
	rs = fnet_ruleset_new(NULL);
	assert_non_null(rs);
	fnet_ruleset_load_text(rs, "t.yaml", list_append_unknown_key,
			       sizeof(list_append_unknown_key) - 1);
	size_t n;
	const struct fnet_load_result *res = fnet_ruleset_results(rs, &n);
	assert_int_equal(n, 1);
	int named = 0;
	for (size_t k = 0; k < res[0].nmsgs; k++)
		named |= !strcmp(res[0].msgs[k].code, "LOAD_UNKNOWN_KEY") &&
			 !strcmp(res[0].msgs[k].item_name, "my_list");
	assert_true(named);
	fnet_ruleset_free(rs);
}

int main(void)
{
	if (!have_data()) {
		fprintf(stderr, "unit_rules: ../shared/testdata absent, skipping\n");
		return 77;
	}
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_validation_cases),
		cmocka_unit_test(test_big_rule_files),
		cmocka_unit_test(test_append_override_order),
		cmocka_unit_test(test_fuzz_regressions),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
