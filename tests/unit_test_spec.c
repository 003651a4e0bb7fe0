/*
 * falconet-replay --test: the spec reader on Falco's regression subset and on
 * broken specs, the Python-regex translation (expected results are what Python's
 * re.search gives, as Falco's runner used it), the summary reader and the checks.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "test_checks.h"
#include "test_regex.h"
#include "test_spec.h"

static const struct tcase *find_case(const struct tspec *s, const char *name)
{
	for (size_t i = 0; i < s->n; i++)
		if (strcmp(s->cases[i].name, name) == 0)
			return &s->cases[i];
	fail_msg("no case %s", name);
	return NULL;
}

static void test_regression_yaml(void **state)
{
	(void)state;
	const char *shared = getenv("SHARED_TESTDATA");
	char path[4096];
	snprintf(path, sizeof(path), "%s/falco/regression.yaml", shared ? shared : "../shared/testdata");
	FILE *f = fopen(path, "r");
	if (!f)
		skip();
	fclose(f);
	struct tspec s;
	char err[512];
	assert_int_equal(tspec_load(path, &s, err, sizeof(err)), 0);
	assert_int_equal(s.n, 52);
	assert_int_equal(s.warnings.n, 0);
	for (size_t i = 0; i < s.n; i++) {
		assert_null(s.cases[i].skip_reason);
		assert_int_equal(s.cases[i].warnings.n, 0);
	}

	const struct tcase *t = find_case(&s, "disabled_tags_a");
	assert_string_equal(t->trace_file, "trace_files/open-multiple-files.scap");
	assert_int_equal(t->rules_files.n, 1);
	assert_int_equal(t->ncounts, 13);
	assert_string_equal(t->counts[1].rule, "open_2");
	assert_int_equal(t->counts[1].count, 1);
	assert_string_equal(t->disable_tags.v[0], "a");
	assert_int_equal(t->detect, TB_TRUE);
	assert_int_equal(t->detect_levels.n, 1);

	t = find_case(&s, "multiple_rules_suppress_info");
	assert_int_equal(t->all_events, TB_TRUE);
	assert_string_equal(t->priority, "WARNING");
	assert_int_equal(t->detect_levels.n, 2);
	assert_int_equal(t->ncounts, 3);
	assert_int_equal(t->counts[0].count, 8);

	t = find_case(&s, "test_warnings"); /* validate_rules_file as one string */
	assert_int_equal(t->validate_files.n, 1);
	assert_string_equal(t->validate_files.v[0], "rules/falco_rules_warnings.yaml");
	assert_int_equal(t->nvwarnings, 9);
	assert_string_equal(t->vwarnings[8].item_name, "not_with_evttypes_addl");
	assert_int_equal(t->nrules_events, 31);
	assert_int_equal(t->rules_events[7].events.n, 3);

	t = find_case(&s, "engine_version_mismatch");
	assert_int_equal(t->exit_status, 1);
	assert_null(t->verrors[0].message);
	assert_string_equal(t->verrors[0].item_name, "");
	assert_non_null(strstr(t->verrors[0].message_contains, "9999999"));

	t = find_case(&s, "file_output_strict");
	assert_int_equal(t->nstrict, 1);
	assert_string_equal(t->strict[0].actual, "/tmp/falco_outputs/file_output.txt");
	assert_string_equal(t->strict[0].expected, "output_files/single_rule_with_cat_write.txt");
	assert_int_equal(t->time_iso_8601, TB_TRUE);

	t = find_case(&s, "invalid_list_loop"); /* no trace */
	assert_null(t->trace_file);
	assert_int_equal(t->detect, TB_UNSET);

	t = find_case(&s, "time_iso_8601");
	assert_int_equal(t->stderr_contains.n, 1);
	assert_string_equal(t->stdout_contains.v[0],
			    "2016-08-04T16:17:57.882054739\\+0000: Warning An open was seen");
	tspec_free(&s);
}

/* Parses `text`; returns the error (static) or NULL. */
static const char *parse_error(const char *text)
{
	static char err[512];
	struct tspec s;
	if (tspec_parse("t.yaml", text, strlen(text), &s, err, sizeof(err)) == 0) {
		tspec_free(&s);
		return NULL;
	}
	return err;
}

static void test_broken_specs(void **state)
{
	(void)state;
	static const struct {
		const char *text, *err;
	} cases[] = {
		{"", "t.yaml: empty spec: expected a map with the key 'tests'"},
		{"- a\n- b\n", "t.yaml:1:1: expected a map with the key 'tests'"},
		{"tests:\n  a: [1]\n", "t.yaml:2:6: case 'a': expected a map of keys"},
		{"tests:\n  a:\n    detect: yes please\n", "t.yaml:3:13: detect: expected true or false"},
		{"tests:\n  a:\n    exit_status: one\n", "t.yaml:3:18: exit_status: expected an integer"},
		{"tests:\n  a:\n    exit_status: 300\n",
		 "t.yaml:3:18: exit_status: 300 is not an exit status (0 to 255)"},
		{"tests:\n  a:\n    detect_counts: [{r: many}]\n",
		 "t.yaml:3:25: detect_counts: expected an integer"},
		{"tests:\n  a:\n    detect_counts: [r]\n", "t.yaml:3:21: detect_counts: expected a list of maps"},
		{"tests:\n  a:\n    rules_file: {x: 1}\n",
		 "t.yaml:3:17: rules_file: expected a string or a list of strings"},
		{"tests:\n  a:\n    rules_file: [[x]]\n", "t.yaml:3:18: rules_file: expected a string"},
		{"tests:\n  a:\n    validate_errors: [{code: X, item_type: rule, item_name: r}]\n",
		 "t.yaml:3:23: validate_errors: the entry has neither message nor message_contains"},
		{"tests:\n  a:\n    validate_warnings: [{code: X, item_type: rule, item_name: r, msg: m}]\n",
		 "t.yaml:3:66: validate_warnings: unknown key"},
		{"tests:\n  a:\n    stderr_contains: ['ok', 'x\\1']\n",
		 "t.yaml:3:29: stderr_contains: bad regular expression 'x\\1': at byte 2 of the pattern: "
		 "back references are not supported"},
		{"tests:\n  a:\n    stdout_contains: '(a'\n", "t.yaml:3:22: stdout_contains: bad regular expression '(a'"},
		{"tests:\n  a: {}\n  a: {}\n", "t.yaml:3:3: case 'a' given twice"},
		{"tests:\n  a:\n    detect: true\n    detect: false\n", "t.yaml:4:5: case 'a': key 'detect' given twice"},
		{"tests:\n  a:\n    detect: [true\n", "t.yaml:4:1:"},
		{"tests: 3\n", "t.yaml:1:8: tests: expected a map of case name -> keys"},
		{"tests: {}\n---\nx: 1\n", "t.yaml:3:1: a spec is one YAML document"},
	};
	int bad = 0;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const char *err = parse_error(cases[i].text);
		if (!err || strncmp(err, cases[i].err, strlen(cases[i].err)) != 0) {
			print_error("spec %zu: got '%s', expected '%s...'\n", i, err ? err : "(no error)",
				    cases[i].err);
			bad = 1;
		}
	}
	assert_int_equal(bad, 0);
}

static void test_keys(void **state)
{
	(void)state;
	static const char text[] =
		"trace_files: !mux\n" /* Falco's own layout */
		"  a:\n"
		"    detect: True\n"
		"    detect_level: INFO\n"
		"    rules_file: one.yaml\n"
		"    disabled_rules: open.*\n"
		"    detect_counts:\n"
		"      - open_dev_null: 1\n"
		"        dev_null: 6\n"
		"    addl_cmdline_opts: ''\n"
		"    run_duration: 5\n"
		"    unknown_thing: 1\n"
		"  b:\n"
		"    package: docker:falco\n"
		"  c:\n"
		"    source: aws_cloudtrail\n"
		"  d:\n"
		"    source: syscall\n"
		"    addl_cmdline_opts: --foo\n"
		"  e:\n"
		"    json_include_tags_property: False\n"
		"    stdout_not_contains: []\n";
	struct tspec s;
	char err[512];
	assert_int_equal(tspec_parse("dir/sub/t.yaml", text, strlen(text), &s, err, sizeof(err)), 0);
	assert_string_equal(s.dir, "dir/sub");
	assert_int_equal(s.n, 5);
	const struct tcase *a = &s.cases[0];
	assert_null(a->skip_reason);
	assert_int_equal(a->ncounts, 2);
	assert_string_equal(a->counts[1].rule, "dev_null");
	assert_int_equal(a->counts[1].count, 6);
	assert_string_equal(a->disabled_rules.v[0], "open.*");
	assert_int_equal(a->warnings.n, 1);
	assert_string_equal(a->warnings.v[0], "12:5: unknown key 'unknown_thing' ignored");
	assert_string_equal(s.cases[1].skip_reason,
			    "package: needs installing a Falco package, which falconet does not have");
	assert_string_equal(s.cases[2].skip_reason, "source 'aws_cloudtrail': falconet-replay reads "
						    "syscall traces and k8s_audit logs only");
	assert_non_null(strstr(s.cases[3].skip_reason, "addl_cmdline_opts"));
	assert_int_equal(s.cases[4].json_include_tags, TB_FALSE);
	assert_int_equal(s.cases[4].json_output, TB_UNSET);
	assert_int_equal(s.cases[4].stdout_not_contains.n, 0);
	tspec_free(&s);
}

static void test_python_regex(void **state)
{
	(void)state;
	/* pattern, text, DOTALL, what Python's re.search says (checked with python3) */
	static const struct {
		const char *pattern, *text;
		int dotall, match;
	} cases[] = {
		{"^\\d\\d\\d\\d-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+0000", "2023-01-02T03:04:05+0000: Falco\n", 1, 1},
		{"^\\d\\d\\d\\d-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+0000", "x\n2023-01-02T03:04:05+0000: Falco\n", 1, 0},
		{"^(?!.*Warning An open of /dev/null was seen.*)", "a\nb Warning An open of /dev/null was seen x\n", 1, 0},
		{"^(?!.*Warning An open of /dev/null was seen.*)", "a\nb Warning An open was seen\n", 1, 1},
		{"^(?!.*\"tags\":[ ]*\\[.*\\],.*)", "{\"rule\":\"r\",\"tags\":[],\"time\":\"t\"}\n", 1, 0},
		{"^(?!.*\"tags\":[ ]*\\[.*\\],.*)", "{\"rule\":\"r\",\"time\":\"t\"}\n", 1, 1},
		{"^(.*\"tags\":[ ]*\\[\\],.*)", "x\n{\"rule\":\"r\",\"tags\":[],\"time\":\"t\"}\n", 1, 1},
		{"^(.*\"tags\":[ ]*\\[\\],.*)", "{\"rule\":\"r\",\"tags\":[\"a\"],\"time\":\"t\"}\n", 1, 0},
		{"Warning An open was seen .cport=<NA> command=cat /dev/null.",
		 "Warning An open was seen (cport=<NA> command=cat /dev/null)", 1, 1},
		{"Error: You can not specify both disabled .-D/-T. and enabled .-t. rules",
		 "Error: You can not specify both disabled (-D/-T) and enabled (-t) rules", 1, 1},
		{"a.b", "a\nb", 1, 1},
		{"a.b", "a\nb", 0, 0},
		{"end$", "the end\n", 1, 1},
		{"end$", "the end\nx", 1, 0},
		{"end$", "the end\n\n", 1, 0},
		{"(?i)warning: (\\d+)", "   WARNING: 8\n", 1, 1},
		{"\"tags\":{", "{\"tags\":{}}", 1, 1},
		{"[\\d-]+x", "12-3x", 1, 1},
		{"[\\]a]+", "x]a", 1, 1},
		{"\\s\\S+?\\s", " ab ", 1, 1},
		{"[^\\n]*b", "a\nb", 1, 1},
		{"a{2,3}", "caab", 1, 1},
		{"a{2,3}", "cab", 1, 0},
		{"x\\.y", "x.y", 1, 1},
		{"x\\.y", "xzy", 1, 0},
		{"(?:ab)+c", "ababc", 1, 1},
		{"\\w+@\\w+", "me@host", 1, 1},
		{"", "anything", 1, 1},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct py_regex re;
		char err[256];
		if (py_regex_compile(&re, cases[i].pattern, cases[i].dotall, err, sizeof(err)) < 0)
			fail_msg("pattern %zu '%s': %s", i, cases[i].pattern, err);
		int got = py_regex_search(&re, cases[i].text, strlen(cases[i].text));
		py_regex_free(&re);
		if (got != cases[i].match)
			fail_msg("pattern %zu '%s' on '%s': %d, Python says %d", i, cases[i].pattern,
				 cases[i].text, got, cases[i].match);
	}
	/* NUL bytes in the output do not end the text */
	struct py_regex re;
	char err[256];
	assert_int_equal(py_regex_compile(&re, "after", 1, err, sizeof(err)), 0);
	assert_int_equal(py_regex_search(&re, "before\0after", 12), 1);
	py_regex_free(&re);
	static const char *const refused[] = {"(?=x)", "a\\bc", "(?m)^x", "x++", "[a"};
	for (size_t i = 0; i < sizeof(refused) / sizeof(refused[0]); i++)
		if (py_regex_compile(&re, refused[i], 1, err, sizeof(err)) == 0) {
			py_regex_free(&re);
			fail_msg("'%s' was not refused", refused[i]);
		}
}

static const char summary[] = "16:17:57.881781397: Warning An open was seen\n"
			      "Events detected: 10\n"
			      "Rule counts by severity:\n"
			      "   ERROR: 1\n"
			      "   WARNING: 8\n"
			      "   INFO: 1\n"
			      "Triggered rules by rule name:\n"
			      "   open_from_cat: 8\n"
			      "   a: b: 1\n"
			      "   open_from_cat2: 1\n"
			      "Syscall event drop monitoring:\n"
			      "   - event drop detected: 0 occurrences\n";

static void test_summary(void **state)
{
	(void)state;
	struct tsummary s;
	assert_int_equal(tsummary_parse(summary, strlen(summary), &s), 0);
	assert_int_equal(s.found, 1);
	assert_int_equal(s.events, 10);
	assert_int_equal(s.nlevels, 3);
	assert_string_equal(s.levels[1].rule, "WARNING");
	assert_int_equal(s.levels[1].count, 8);
	assert_int_equal(s.nrules, 3);
	assert_string_equal(s.rules[1].rule, "a: b");
	assert_int_equal(s.rules[2].count, 1);
	tsummary_free(&s);
	assert_int_equal(tsummary_parse("no summary\n", 11, &s), 0);
	assert_int_equal(s.found, 0);
	tsummary_free(&s);
}

static void test_detections(void **state)
{
	(void)state;
	static const char text[] = "tests:\n  a:\n    detect: true\n    detect_level: [warning, Informational, "
				   "NOTICE]\n    detect_counts: [{open_from_cat: 8}, {'a: b': 2}, {x: 0}]\n"
				   "  b:\n    detect_counts: [{open_from_cat2: 1}]\n";
	struct tspec s;
	char err[256];
	assert_int_equal(tspec_parse("t.yaml", text, strlen(text), &s, err, sizeof(err)), 0);
	struct trun_result r;
	memset(&r, 0, sizeof(r));
	r.out.ptr = (char *)summary;
	r.out.len = strlen(summary);
	struct tstr_list f = {0};
	tcheck_detections(&s.cases[0], &r, &f);
	assert_int_equal(f.n, 2);
	assert_string_equal(f.v[0], "no events detected at priority NOTICE");
	assert_string_equal(f.v[1], "rule 'a: b' triggered 1 times, expected 2");
	tstr_list_free(&f);
	tcheck_detections(&s.cases[1], &r, &f); /* detect absent: none expected */
	assert_int_equal(f.n, 1);
	assert_string_equal(f.v[0], "detected 10 events, expected none");
	tstr_list_free(&f);
	/* the summary on stderr (JSON mode) */
	r.err = r.out;
	r.out.ptr = "{\"rule\":\"x\"}\n";
	r.out.len = strlen(r.out.ptr);
	tcheck_detections(&s.cases[0], &r, &f);
	assert_int_equal(f.n, 2);
	tstr_list_free(&f);
	tspec_free(&s);
}

static void test_validation(void **state)
{
	(void)state;
	static const char text[] =
		"tests:\n  a:\n    validate_ok: [ok.yaml]\n    validate_errors:\n"
		"      - {code: LOAD_ERR_VALIDATE, item_type: macro, item_name: some macro, message: "
		"\"Undefined macro 'foo' used in filter.\"}\n"
		"      - {code: LOAD_ERR_VALIDATE, item_type: macro, item_name: some macro, message: "
		"\"Undefined macro\"}\n"
		"    validate_warnings:\n"
		"      - {code: LOAD_UNKNOWN_FIELD, item_type: rule, item_name: r, message_contains: proc.nobody}\n"
		"      - {code: LOAD_UNUSED_MACRO, item_type: macro, item_name: some macro, message: x}\n";
	static const char json[] =
		"{\"falco_load_results\":[{\"name\":\"/a/ok.yaml\",\"successful\":true,\"errors\":[],"
		"\"warnings\":[]},{\"name\":\"/a/bad.yaml\",\"successful\":false,\"errors\":[{\"context\":"
		"{\"locations\":[{\"item_type\":\"macro\",\"item_name\":\"some macro\",\"position\":{\"name\":"
		"\"/a/bad.yaml\",\"line\":1,\"column\":3,\"offset\":2}}],\"snippet\":\"\"},\"code\":"
		"\"LOAD_ERR_VALIDATE\",\"codedesc\":\"\",\"message\":\"Undefined macro 'foo' used in filter.\"}],"
		"\"warnings\":[{\"context\":{\"locations\":[{\"item_type\":\"rule\",\"item_name\":\"r\"}]},"
		"\"code\":\"LOAD_UNKNOWN_FILTER\",\"message\":\"filter_check called with nonexistent field "
		"proc.nobody\"}]}]}";
	struct tspec s;
	char err[256];
	assert_int_equal(tspec_parse("t.yaml", text, strlen(text), &s, err, sizeof(err)), 0);
	struct tstr_list f = {0};
	tcheck_validation(&s.cases[0], json, strlen(json), &f);
	assert_int_equal(f.n, 1);
	assert_non_null(strstr(f.v[0], "no warning LOAD_UNUSED_MACRO for macro 'some macro' with message 'x'"));
	assert_non_null(strstr(f.v[0], "LOAD_UNKNOWN_FILTER rule 'r': filter_check called"));
	tstr_list_free(&f);
	tcheck_validation(&s.cases[0], "Error: no JSON", 14, &f);
	assert_int_equal(f.n, 1);
	assert_non_null(strstr(f.v[0], "is not the validation JSON"));
	tstr_list_free(&f);
	tspec_free(&s);
}

static void test_strictly_contains(void **state)
{
	(void)state;
	static const char actual[] = "x\nline 1\nnoise\nline 2 and more\n";
	struct tstr_list f = {0};
	tcheck_strictly_contains("out", actual, strlen(actual), "exp", "line 1\r\nline 2\n", 15, &f);
	assert_int_equal(f.n, 0);
	tcheck_strictly_contains("out", actual, strlen(actual), "exp", "line 2\nline 1", 13, &f);
	assert_int_equal(f.n, 1);
	assert_string_equal(f.v[0], "out does not strictly contain exp: line 2 'line 1' is not there after "
				    "the lines before it");
	tstr_list_free(&f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_regression_yaml), cmocka_unit_test(test_broken_specs),
		cmocka_unit_test(test_keys),            cmocka_unit_test(test_python_regex),
		cmocka_unit_test(test_summary),         cmocka_unit_test(test_detections),
		cmocka_unit_test(test_validation),      cmocka_unit_test(test_strictly_contains),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
