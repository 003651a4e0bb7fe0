#!/bin/bash
# Acceptance of the rules engine: every case of Falco's regression subset
# (../shared/testdata/falco/regression.yaml) passes through falconet-replay --test.
# The reference outputs its *_strict cases compare with (Falco's
# test/output_files/single_rule_with_cat_write.{txt,json}, not in the shared data)
# are made here by an independent oracle, sysdig 0.29.3, and passed with --test-data.
. "$(dirname "$0")/lib.sh"
SPEC=$SHARED_TESTDATA/falco/regression.yaml
[ -f "$SPEC" ] || { echo "SKIP: no $SPEC"; exit $SKIP; }
need_sysdig
if ! "$FALCONET_REPLAY" --help 2>&1 | grep -q -- '--rules'; then
	echo "SKIP: this falconet-replay has no rules runtime yet (no --rules in --help)"
	exit $SKIP
fi
tmp=$(scratch); trap 'rm -rf "$tmp"' EXIT
out=$tmp/output_files
mkdir -p "$out"
trace=$TRACE_DIR/cat_write.scap

# The alerts of single_rule.yaml's open_from_cat (condition evt.type=open and
# proc.name in (cat), output "An open was seen (command=%proc.cmdline)", priority
# WARNING) as Falco prints them with time_format_iso_8601: one line an event,
# the file without a final newline, as Falco's reference file.
sysdig -r "$trace" -p '%evt.time.iso8601: Warning An open was seen (command=%proc.cmdline)' \
	'evt.type=open and proc.name=cat' > "$tmp/lines" || { fail "sysdig failed"; finish; }
[ -s "$tmp/lines" ] || { fail "sysdig found no open by cat"; finish; }
grep -qv '+0000: Warning' "$tmp/lines" && { fail "sysdig's times are not +0000: $(head -1 "$tmp/lines")"; finish; }
printf '%s' "$(cat "$tmp/lines")" > "$out/single_rule_with_cat_write.txt"

# The same as Falco's JSON alerts (single_rule_with_tags.yaml adds the tags): keys
# sorted, time in UTC with Z, then Falco's ', "output_fields": {...}}'. The values
# come from sysdig: the line above, the time in ns and the command line.
sysdig -r "$trace" -p '%evt.time.iso8601|%evt.rawtime|%proc.cmdline' \
	'evt.type=open and proc.name=cat' > "$tmp/fields" || { fail "sysdig failed"; finish; }
while IFS='|' read -r iso ns cmdline; do
	line="$iso: Warning An open was seen (command=$cmdline)"
	printf '{"hostname":"test-falco-hostname","output":"%s","priority":"Warning","rule":"open_from_cat",' "$line"
	printf '"source":"syscall","tags":["filesystem","process","testing"],"time":"%sZ", ' "${iso%+0000}"
	printf '"output_fields": {"evt.time.iso8601":%s,"proc.cmdline":"%s"}}\n' "$ns" "$cmdline"
done < "$tmp/fields" > "$out/single_rule_with_cat_write.json"

expect_spec_passes "$SPEC" regression.yaml --test-data "$tmp"
finish
