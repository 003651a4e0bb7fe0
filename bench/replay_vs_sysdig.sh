#!/bin/bash
# Replay speed against sysdig on the same trace, in one hyperfine run:
# the full listing, a selective filter and a broad one. Prints hyperfine's
# summary, whose "times faster" lines are the ratios to report.
# Usage: bench/replay_vs_sysdig.sh TRACE [RUNS]
set -eu
trace=${1:?usage: replay_vs_sysdig.sh TRACE [RUNS]}
runs=${2:-5}
top=$(cd "$(dirname "$0")/.." && pwd)
replay=${FALCONET_REPLAY:-$top/replay/falconet-replay}
command -v hyperfine >/dev/null || { echo "hyperfine not installed (apt-get install hyperfine)"; exit 1; }
command -v sysdig >/dev/null || { echo "sysdig not installed"; exit 1; }
export TZ=UTC
echo "trace: $trace ($("$replay" -r "$trace" | wc -l) printed events)"
for f in "" "proc.name=cat and evt.type in (open, openat)" "evt.dir=< and not fd.name startswith /proc"; do
	echo "== filter: ${f:-(none)}"
	hyperfine -N -w 1 -r "$runs" \
		"$replay -r $trace${f:+ '$f'}" \
		"sysdig -r $trace${f:+ '$f'}" 2>&1 | grep -E 'Time \(mean|times faster'
done
