#!/bin/bash
# The rule engine's speed and memory on a large trace: falconet-replay with every
# rules file of rules-upstream/ loaded (Falco's stable, incubating and sandbox
# sets), beside `sysdig -r` of the same trace with no filter, in one run.
# Prints events per second of each (from hyperfine's mean) and peak resident
# memory (GNU time), and the ratios.
# Usage: bench/rules_vs_sysdig.sh TRACE [RUNS]
set -eu
trace=${1:?usage: rules_vs_sysdig.sh TRACE [RUNS]}
runs=${2:-3}
top=$(cd "$(dirname "$0")/.." && pwd)
replay=${FALCONET_REPLAY:-$top/replay/falconet-replay}
rules_dir=${RULES_DIR:-$top/../shared/testdata/rules-upstream}
for tool in hyperfine sysdig /usr/bin/time; do
	command -v "$tool" >/dev/null || { echo "$tool not installed"; exit 1; }
done
export TZ=UTC
# the stable set first: the others use its lists and macros
rules=()
for f in "$rules_dir"/falco_rules.yaml "$rules_dir"/falco-incubating_rules.yaml \
	"$rules_dir"/falco-sandbox_rules.yaml; do
	[ -f "$f" ] && rules+=(--rules "$f")
done
events=$("$replay" -r "$trace" -p '%evt.num' | wc -l)
echo "trace: $trace ($events events); rules: $((${#rules[@]} / 2)) files from $rules_dir"
"$replay" -r "$trace" "${rules[@]}" -o log_stderr=false > /dev/null ||
	{ echo "falconet-replay fails with these rules"; exit 1; }
rules_cmd="$replay -r $trace ${rules[*]} -o log_stderr=false"
json=$(mktemp)
trap 'rm -f "$json"' EXIT
hyperfine -N -w 1 -r "$runs" --export-json "$json" "$rules_cmd" "sysdig -r $trace" 2>&1 |
	grep -E 'Time \(mean|times faster|±'
peak() { /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1; }
mem_rules=$(peak $rules_cmd)
mem_sysdig=$(peak sysdig -r "$trace")
python3 - "$json" "$events" "$mem_rules" "$mem_sysdig" <<'PY'
import json, sys
res = json.load(open(sys.argv[1]))["results"]
events, mr, ms = int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
rules, sysdig = res[0]["mean"], res[1]["mean"]
print(f"falconet-replay + rules: {events / rules:,.0f} events/s, peak RSS {mr / 1024:.1f} MiB")
print(f"sysdig -r (no filter):   {events / sysdig:,.0f} events/s, peak RSS {ms / 1024:.1f} MiB")
print(f"ratio: {sysdig / rules:.2f}x the speed of sysdig; {mr / ms:.2f}x its memory")
PY
