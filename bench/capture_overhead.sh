#!/bin/bash
# Capture overhead on a syscall storm (one-byte reads of /dev/zero): ns per
# syscall without a capture, with falconet-capture recording every event, and
# with a capture whose filter lets the kernel prefilter drop read(2). Prints the
# ratios to the baseline and the kernel's lost-event counts. Needs root.
# Usage: bench/capture_overhead.sh [SYSCALLS] [OUTDIR]
set -eu
n=${1:-2000000}
out=${2:-$(mktemp -d)}
mkdir -p "$out"
top=$(cd "$(dirname "$0")/.." && pwd)
capture=${FALCONET_CAPTURE:-$top/capture/falconet-capture}
storm=$out/syscall_storm
cc -O2 -o "$storm" "$top/bench/syscall_storm.c"

# run_storm: the median of three runs, in ns per syscall
run_storm() {
	for _ in 1 2 3; do "$storm" "$n" | awk '{print $2}'; done | sort -n | sed -n 2p
}
# with_capture NAME ARGS...: a storm while falconet-capture runs with ARGS
with_capture() {
	local name=$1; shift
	"$capture" -w "$out/$name.scap" "$@" 2> "$out/$name.err" &
	local pid=$!
	for _ in $(seq 100); do [ -s "$out/$name.scap" ] && break; sleep 0.1; done
	local ns; ns=$(run_storm)
	kill -INT $pid; wait $pid || true
	local lost; lost=$(sed -n 's/^\([0-9]*\) events dropped.*/\1/p' "$out/$name.err")
	echo "$ns ${lost:-?}"
}

base=$(run_storm)
read -r all all_lost <<< "$(with_capture all)"
read -r pre pre_lost <<< "$(with_capture prefiltered 'evt.type=openat')"
printf 'baseline                  %8.1f ns/syscall\n' "$base"
printf 'capture, all events       %8.1f ns/syscall  x%.2f  lost %s\n' "$all" "$(echo "$all / $base" | bc -l)" "$all_lost"
printf 'capture, read prefiltered %8.1f ns/syscall  x%.2f  lost %s\n' "$pre" "$(echo "$pre / $base" | bc -l)" "$pre_lost"
