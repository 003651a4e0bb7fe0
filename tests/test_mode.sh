#!/bin/bash
# falconet-replay --test against a stand-in runtime (tests/fake_replay.sh) with
# canned output: verdicts, the command line each spec key maps to, the TAP and
# JUnit reports, exit statuses, missing files, --test-data, timeouts, bad specs.
# The canned summaries have the layout of Falco's stats_manager::format.
. "$(dirname "$0")/lib.sh"
command -v python3 >/dev/null || { echo "SKIP: python3 not installed"; exit $SKIP; }
tmp=$(scratch); trap 'rm -rf "$tmp"' EXIT
FAKE=$top_srcdir/tests/fake_replay.sh
export FAKE_LOG=$tmp/log
cd "$tmp" || exit 1
mkdir -p d data/expected

# canned runs
cat > d/eight.out <<'EOF'
16:17:57.881781397: Warning An open was seen (command=cat /dev/null)
Events detected: 8
Rule counts by severity:
   WARNING: 8
Triggered rules by rule name:
   open_from_cat: 8
EOF
cat > d/mixed.out <<'EOF'
Events detected: 10
Rule counts by severity:
   ERROR: 1
   WARNING: 8
   INFO: 1
Triggered rules by rule name:
   open_from_cat: 8
   exec from cat: 1
   Rule: with colon: 1
EOF
printf 'Events detected: 0\nRule counts by severity:\nTriggered rules by rule name:\n' > d/none.out
printf '{"output":"x","priority":"Warning","rule":"r","tags":[],"time":"t"}\n' > d/json.out
cp d/json.out d/json_notags.out
printf 'Events detected: 1\nRule counts by severity:\n   WARNING: 1\nTriggered rules by rule name:\n   r: 1\n' > d/json.out.err
printf '{"output":"x","priority":"Warning","rule":"r","time":"t"}\n' > d/json_notags.out
cp d/json.out.err d/json_notags.out.err
: > d/usage.out; echo 'Error: You can not specify both disabled (-D/-T) and enabled (-t) rules' > d/usage.out.err
echo 1 > d/usage.out.rc
: > d/slow.sleep
printf 'line b\nline c\n' > data/expected/lines.txt
printf '{"falco_load_results":[{"name":"/x/rules/ok.yaml","successful":true,"errors":[],"warnings":[]},{"name":"/x/bad.yaml","successful":false,"errors":[{"context":{"locations":[{"item_type":"rule","item_name":"some rule","position":{"name":"/x/bad.yaml","line":3,"column":5,"offset":40}}],"snippet":""},"code":"LOAD_ERR_COMPILE_CONDITION","codedesc":"Error compiling condition","message":"unexpected token after '"'"'open'"'"', expecting '"'"'or'"'"', '"'"'and'"'"'"}],"warnings":[{"context":{"locations":[{"item_type":"rule","item_name":"skipper","position":{"name":"/x/bad.yaml","line":9,"column":5,"offset":90}}]},"code":"LOAD_UNKNOWN_FILTER","codedesc":"","message":"filter_check called with nonexistent field proc.nobody"}]}]}\n' > d/bad.yaml.json
echo 1 > d/bad.yaml.rc
touch d/ok.yaml d/rules.yaml d/bad.yaml

# run_spec NAME [OPTIONS...]: runs spec NAME.yaml, report in NAME.tap, exit status in $st
run_spec() {
	local name=$1; shift
	"$FALCONET_REPLAY" --test "$name.yaml" --test-exec "$FAKE" "$@" > "$name.tap" 2> "$name.err"
	st=$?
}
# expect_line NAME REGEX: the report of NAME has a line matching REGEX
expect_line() {
	if grep -Eq -- "$2" "$1.tap"; then pass "$1: /$2/"
	else fail "$1: no line /$2/ in:"; cat "$1.tap" >&2; fi
}
expect_status() {
	[ "$st" -eq "$2" ] && pass "$1: exit status $2" || fail "$1: exit status $st, expected $2: $(cat "$1.err")"
}

cat > pass.yaml <<'EOF'
tests:
  counts_and_levels:
    trace_file: d/mixed.out
    rules_file: [d/rules.yaml]
    detect: true
    detect_level: [WARNING, Informational, error]
    detect_counts:
      - open_from_cat: 8
        exec from cat: 1
      - "Rule: with colon": 1
      - access_from_cat: 0
    stdout_contains: '^Events detected: \d+'
    stdout_not_contains: 'Events.detected: 11'
  no_detect:
    trace_file: d/none.out
    rules_file: d/rules.yaml
  negative_lookahead:
    trace_file: d/eight.out
    rules_file: d/rules.yaml
    detect: True
    detect_level: WARNING
    stdout_contains: "^(?!.*Warning An open of /dev/null was seen.*)"
  json_alerts:
    trace_file: d/json.out
    rules_file: d/rules.yaml
    json_output: true
    detect: true
    detect_level: WARNING
    stdout_contains: '^(.*"tags":[ ]*\[\],.*)'
  json_without_tags:
    trace_file: d/json_notags.out
    rules_file: d/rules.yaml
    json_output: true
    json_include_tags_property: false
    detect: true
    stdout_contains: "^(?!.*\"tags\":[ ]*\\[.*\\],.*)"
  usage_error:
    trace_file: d/usage.out
    rules_file: d/rules.yaml
    exit_status: 1
    stderr_contains: 'Error: You can not specify both disabled .-D/-T. and enabled .-t. rules'
  validation:
    exit_status: 1
    validate_rules_file: [d/ok.yaml, d/bad.yaml]
    validate_ok: [ok.yaml]
    validate_errors:
      - code: LOAD_ERR_COMPILE_CONDITION
        item_type: rule
        item_name: some rule
        message: "unexpected token after 'open', expecting 'or', 'and'"
      - code: LOAD_ERR_COMPILE_CONDITION
        item_type: rule
        item_name: some rule
        message: "unexpected token after 'open'"
    validate_warnings:
      - code: LOAD_UNKNOWN_FIELD
        item_type: rule
        item_name: skipper
        message_contains: nonexistent field
  strict_from_data_dir:
    trace_file: d/lines.txt
    rules_file: d/rules.yaml
    detect: true
    check_detection_counts: false
    output_strictly_contains:
      - stdout: expected/lines.txt
  grpc_case:
    trace_file: d/eight.out
    grpc: {address: unix:///tmp/x.sock}
  cloudtrail_case:
    source: aws_cloudtrail
    trace_file: d/eight.out
  odd_key:
    trace_file: d/none.out
    rules_file: d/rules.yaml
    run_duration: 5
    frobnicate: 1
EOF
printf 'line a\nline b\nline c\n' > d/lines.txt
: > "$FAKE_LOG"
run_spec pass --test-data "$tmp/data"
expect_status pass 0
expect_line pass '^1\.\.11$'
for c in counts_and_levels no_detect negative_lookahead json_alerts json_without_tags usage_error \
	validation strict_from_data_dir odd_key; do
	expect_line pass "^ok [0-9]+ - $c\$"
done
expect_line pass '^ok [0-9]+ - grpc_case # SKIP grpc: needs gRPC'
expect_line pass "^ok [0-9]+ - cloudtrail_case # SKIP source 'aws_cloudtrail'"
expect_line pass "^# warning: pass.yaml:[0-9]+:5: unknown key 'frobnicate' ignored"
grep -q "run_duration" pass.tap && fail "run_duration is warned about, it is to be ignored"

# the command lines: the contract with the rules runtime
cat > map.yaml <<'EOF'
tests:
  everything:
    trace_file: d/none.out
    rules_file: [d/rules.yaml, d]
    source: k8s_audit
    conf_file: d/ok.yaml
    priority: WARNING
    all_events: true
    disabled_rules: [open.*, b]
    disable_tags: [t1]
    run_tags: [t2, t3]
    json_output: true
    json_include_output_property: false
    json_include_tags_property: false
    time_iso_8601: true
  validate_one:
    trace_file: d/none.out
    validate_rules_file: d/bad.yaml
    exit_status: 1
EOF
: > "$FAKE_LOG"
run_spec map
expect_status map 0
want="-r
$tmp/d/none.out
--rules
$tmp/d/rules.yaml
--rules
$tmp/d
--source
k8s_audit
--config
$tmp/d/ok.yaml
--min-priority
WARNING
--all-events
--disable-rules
open.*
--disable-rules
b
--disable-tags
t1
--run-tags
t2
--run-tags
t3
-o
json_output=true
-o
json_include_output_property=false
-o
json_include_tags_property=false
-o
time_format_iso_8601=true
env test-falco-hostname UTC

--validate
$tmp/d/bad.yaml
-j
env test-falco-hostname UTC"
# the runner passes the spec's directory as given: ./d/... here
got=$(sed "s|^\./|$tmp/|" "$FAKE_LOG")
[ "$got" = "$want" ] && pass "command lines as contracted" ||
	fail "command lines differ: $(diff <(echo "$want") <(echo "$got"))"

# failures, each with its message
cat > fails.yaml <<'EOF'
tests:
  wrong_count:
    trace_file: d/mixed.out
    rules_file: d/rules.yaml
    detect: true
    detect_level: [WARNING, DEBUG]
    detect_counts: [{open_from_cat: 7}]
  detected_but_should_not:
    trace_file: d/eight.out
    rules_file: d/rules.yaml
  no_summary:
    trace_file: d/usage.out.err
    rules_file: d/rules.yaml
  wrong_status:
    trace_file: d/usage.out
    rules_file: d/rules.yaml
  missing_trace:
    trace_file: d/nonexistent.scap
    rules_file: d/rules.yaml
  missing_expected:
    trace_file: d/mixed.out
    output_strictly_contains: [{stdout: expected/lines.txt}]
  strict_out_of_order:
    trace_file: d/mixed.out
    check_detection_counts: false
    output_strictly_contains: [{stdout: d/reversed.txt}]
  lookahead_hit:
    trace_file: d/eight.out
    detect: true
    stdout_contains: "^(?!.*Warning An open was seen.*)"
  not_contains_hit:
    trace_file: d/eight.out
    detect: true
    stdout_not_contains: [open_from_cat]
  validation_mismatch:
    validate_rules_file: [d/bad.yaml]
    exit_status: 1
    validate_ok: [bad.yaml]
    validate_errors:
      - {code: LOAD_ERR_VALIDATE, item_type: rule, item_name: some rule, message: x}
  json_missing_tags:
    trace_file: d/json_notags.out
    json_output: true
    detect: true
  timeout:
    trace_file: d/slow.sleep
EOF
printf 'Triggered rules by rule name:\nEvents detected: 10\n' > d/reversed.txt
run_spec fails --test-timeout 1
expect_status fails 1
expect_line fails '^1\.\.12$'
expect_line fails "rule 'open_from_cat' triggered 8 times, expected 7"
expect_line fails 'no events detected at priority DEBUG'
expect_line fails 'detected 8 events, expected none'
expect_line fails "no summary line 'Events detected: N'"
expect_line fails 'exit status 1, expected 0'
expect_line fails "missing file '\./d/nonexistent.scap'"
expect_line fails "missing file '\./expected/lines.txt'"
expect_line fails "stdout does not strictly contain \./d/reversed.txt: line 2 'Events detected: 10'"
expect_line fails "stdout has no content matching '\^\(\?!\.\*Warning An open was seen\.\*\)'"
expect_line fails "stdout has content matching 'open_from_cat'"
expect_line fails "no successful result for file 'bad.yaml'"
expect_line fails "validation JSON has no error LOAD_ERR_VALIDATE for rule 'some rule' with message 'x'"
expect_line fails 'has no property \\"tags\\"'
expect_line fails 'still running after 1 s: killed'
n=$(grep -c '^not ok' fails.tap)
[ "$n" -eq 12 ] && pass "12 of 12 fail" || fail "$n of 12 cases failed"
python3 - fails.tap <<'EOF' && pass "TAP diagnostics are YAML" || fail "TAP diagnostics are not YAML"
import re, sys, yaml
text = open(sys.argv[1]).read()
blocks = re.findall(r'\n  ---\n(.*?)\n  \.\.\.\n', text, re.S)
assert len(blocks) == 12, len(blocks)
for b in blocks:
    d = yaml.safe_load('\n'.join(l[2:] for l in b.split('\n')))
    assert d['failures'] and d['spec'].startswith('fails.yaml:')
EOF

# JUnit
"$FALCONET_REPLAY" --test pass.yaml --test fails.yaml --test-format junit --test-exec "$FAKE" \
	--test-data "$tmp/data" --test-timeout 1 > report.xml 2> junit.err
st=$?
[ $st -eq 1 ] && pass "junit: exit status 1" || fail "junit: exit status $st: $(cat junit.err)"
python3 - report.xml <<'EOF' && pass "JUnit XML: 2 suites, 23 cases, 12 failures, 2 skipped" || fail "JUnit XML wrong"
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
assert root.tag == 'testsuites'
assert (root.get('tests'), root.get('failures'), root.get('skipped')) == ('23', '12', '2'), root.attrib
suites = root.findall('testsuite')
assert [s.get('name') for s in suites] == ['pass.yaml', 'fails.yaml']
assert len(root.findall('.//testcase')) == 23
assert len(root.findall('.//failure')) == 12 and len(root.findall('.//skipped')) == 2
f = [c for c in root.iter('testcase') if c.get('name') == 'wrong_count'][0].find('failure')
assert f.get('message') == 'no events detected at priority DEBUG', f.get('message')
assert "rule 'open_from_cat' triggered 8 times, expected 7" in f.text
assert 'command: falconet-replay -r ./d/mixed.out' in f.text
EOF

# bad specs: exit status 2 and FILE:LINE:COLUMN, nothing run
printf 'tests:\n  a:\n    detect: maybe\n' > bad1.yaml
printf 'tests:\n  a:\n    trace_file: x\n  b: [1, 2\n' > bad2.yaml
printf 'tests:\n  a:\n    stdout_contains: "(?<=x)y"\n' > bad3.yaml
printf 'tests:\n  a:\n    validate_errors:\n      - code: X\n        item_type: rule\n' > bad4.yaml
printf 'cases: []\nother: 1\n' > bad5.yaml
for b in "bad1:bad1.yaml:3:13: detect: expected true or false" \
	"bad2:bad2.yaml:5:1:" \
	"bad3:bad3.yaml:3:22: stdout_contains: bad regular expression" \
	"bad4:bad4.yaml:4:9: validate_errors: the entry has no item_name" \
	"bad5:bad5.yaml:1:1: no 'tests:' map of cases"; do
	name=${b%%:*}
	: > "$FAKE_LOG"
	run_spec "$name" --test pass.yaml
	if [ $st -eq 2 ] && grep -qF "bad spec: ${b#*:}" "$name.err" && [ ! -s "$FAKE_LOG" ] && [ ! -s "$name.tap" ]; then
		pass "$name: $(cat "$name.err")"
	else
		fail "$name: exit status $st, stderr '$(cat "$name.err")', ran $(wc -l < "$FAKE_LOG") lines"
	fi
done
run_spec nonexistent
expect_status nonexistent 2
"$FALCONET_REPLAY" --test-format junit > usage.out 2>&1
[ $? -eq 2 ] && grep -q 'no spec' usage.out && pass "no spec: usage error" || fail "no spec: $(cat usage.out)"
"$FALCONET_REPLAY" --test pass.yaml -r x > usage.out 2>&1
[ $? -eq 2 ] && grep -q 'not an option of --test mode' usage.out && pass "foreign option refused" ||
	fail "foreign option: $(cat usage.out)"
"$FALCONET_REPLAY" --test --help > usage.out 2>&1
[ $? -eq 0 ] && grep -q '^Usage: falconet-replay --test SPEC' usage.out && pass "--test --help" ||
	fail "--test --help: $(cat usage.out)"
finish
