# Shared helpers for the shell tests. Sourced; expects TESTS_ENVIRONMENT variables
# (top_srcdir, FALCONET_REPLAY, SHARED_TESTDATA) from `make check`.
set -u
: "${top_srcdir:=$(cd "$(dirname "$0")/.." && pwd)}"
: "${top_builddir:=$top_srcdir}"
: "${FALCONET_REPLAY:=$top_builddir/replay/falconet-replay}"
: "${SHARED_TESTDATA:=$top_srcdir/../shared/testdata}"
TRACE_DIR=$SHARED_TESTDATA/falco/trace_files
SKIP=77
# sysdig prints local time; compare in one fixed zone.
export TZ=UTC

FAILED=0
fail() { echo "FAIL: $*" >&2; FAILED=1; }
pass() { echo "ok: $*"; }

need_sysdig() {
	command -v sysdig >/dev/null 2>&1 || { echo "SKIP: sysdig not installed"; exit $SKIP; }
}
need_traces() {
	ls "$TRACE_DIR"/*.scap >/dev/null 2>&1 || { echo "SKIP: no traces in $TRACE_DIR"; exit $SKIP; }
}
# Traces to compare: the shared ones and the bundled one.
all_traces() {
	ls "$TRACE_DIR"/*.scap 2>/dev/null
	echo "$top_srcdir/testdata/cat_write.scap"
}
scratch() { mktemp -d "${TMPDIR:-/tmp}/falconet-test.XXXXXX"; }
finish() { exit $FAILED; }

# Live capture helpers for the tests that run falconet-capture (they set $tmp
# and FALCONET_CAPTURE, and clear cap_pid in their EXIT trap).
# start_capture FILE [ARGS...]: runs falconet-capture in the background until its
# file holds the header and snapshot; skips (77) when the eBPF probe cannot load.
start_capture() {
	local out=$1; shift
	"$FALCONET_CAPTURE" -w "$out" "$@" 2> "$tmp/capture.err" &
	cap_pid=$!
	for _ in $(seq 100); do
		[ -s "$out" ] && return 0
		kill -0 $cap_pid 2>/dev/null || break
		sleep 0.1
	done
	wait $cap_pid
	local st=$?
	cap_pid=
	if grep -qi "eBPF probe" "$tmp/capture.err"; then
		echo "SKIP: eBPF probe cannot load here: $(head -1 "$tmp/capture.err")"; exit $SKIP
	fi
	fail "falconet-capture did not start (exit $st): $(head -3 "$tmp/capture.err")"
	finish
}
# stop_capture: SIGINT, which must end the capture cleanly
stop_capture() {
	kill -INT $cap_pid
	wait $cap_pid
	local st=$?
	cap_pid=
	[ $st -eq 0 ] || fail "falconet-capture exited $st on SIGINT: $(tail -3 "$tmp/capture.err")"
}

# count_events FILE FILTER: events falconet-replay prints for FILTER
count_events() { "$FALCONET_REPLAY" -r "$1" "$2" | wc -l; }
# assert_workload_trace TRACE REDIRECT PORT: TRACE holds the acceptance workload's
# events: cat's open of /etc/hostname, a shell redirect's write to the file
# REDIRECT, a TCP connect to 127.0.0.1:PORT (the live capture tests run it on each
# driver and kernel).
assert_workload_trace() {
	local trace=$1 redirect=$2 port=$3 n
	n=$(count_events "$trace" "proc.name=cat and evt.type in (open, openat) and fd.name=/etc/hostname")
	[ "$n" -ge 1 ] && pass "cat's open of /etc/hostname ($n events)" || fail "no open of /etc/hostname by cat"
	n=$(count_events "$trace" "evt.type=write and fd.name=$redirect and evt.dir=<")
	[ "$n" -ge 1 ] && pass "the redirect's write to $redirect" || fail "no write to $redirect"
	n=$(count_events "$trace" "evt.type=connect and evt.dir=< and fd.name contains 127.0.0.1:$port")
	[ "$n" -ge 1 ] && pass "the connect to 127.0.0.1:$port" || fail "no connect to 127.0.0.1:$port"
}
# types_newer_than_sysdig: the event types the probe records with numbers from
# 336 on (read from probe/syscall_events.h), which sysdig 0.29.3 skips, as
# "name, name, ..." for an `evt.type in (...)` filter.
types_newer_than_sysdig() {
	sed -n 's|^[[:space:]]*\[[0-9]*\] = \([0-9]*\), /\* \([a-z0-9_]*\) \*/$|\1 \2|p' \
		"$top_srcdir/probe/syscall_events.h" | awk '$1 >= 336 { print $2 }' | sort -u |
		paste -sd, - | sed 's/,/, /g'
}

# same_events_as_sysdig TRACE: sysdig must print, type by type and direction by
# direction, as many events as falconet-replay, except for exactly the types
# sysdig skips (types_newer_than_sysdig), of which it must print none.
same_events_as_sysdig() {
	local newer; newer=$(types_newer_than_sysdig)
	[ -n "$newer" ] || { fail "no event types from 336 on found in probe/syscall_events.h"; return; }
	"$FALCONET_REPLAY" -r "$1" -p '%evt.type %evt.dir' | sort | uniq -c > "$tmp/types.ours"
	sysdig -r "$1" -p '%evt.type %evt.dir' 2>/dev/null | sort | uniq -c > "$tmp/types.theirs"
	# split ours into the types sysdig knows and those it skips
	awk -v newer="$newer" 'BEGIN { n = split(newer, t, ", "); for (i = 1; i <= n; i++) skip[t[i]] = 1 }
		!($2 in skip)' "$tmp/types.ours" > "$tmp/types.kept"
	local skipped; skipped=$(awk -v newer="$newer" 'BEGIN { n = split(newer, t, ", ");
		for (i = 1; i <= n; i++) skip[t[i]] = 1 } $2 in skip { s += $1 } END { print s + 0 }' "$tmp/types.ours")
	local total; total=$(awk '{ n += $1 } END { print n + 0 }' "$tmp/types.kept")
	if cmp -s "$tmp/types.kept" "$tmp/types.theirs"; then
		pass "sysdig prints the same $total events, type by type, skipping exactly the $skipped of the types it does not know ($newer)"
	else
		fail "sysdig's events differ from falconet-replay's, types it does not know ($newer) excluded: $(diff "$tmp/types.kept" "$tmp/types.theirs" | head -5 | tr '\n' ' ')"
	fi
}

# assert_readers_agree TRACE: sysdig lists the events falconet-replay lists, type
# by type (same_events_as_sysdig), and tshark reads the file, where they are installed.
assert_readers_agree() {
	local trace=$1 st
	command -v sysdig >/dev/null && same_events_as_sysdig "$trace"
	if command -v tshark >/dev/null; then
		tshark -r "$trace" > /dev/null 2> "$tmp/tshark.err"
		st=$?
		grep -v 'Running as user' "$tmp/tshark.err" | grep -q . && st=1
		[ $st -eq 0 ] && pass "tshark reads the capture" || fail "tshark: $(head -2 "$tmp/tshark.err")"
	fi
}

# assert_cgroups_trace TRACE PROC SUBSYS PATH HEX: the execve exit of PROC, run in
# the cgroup PATH (SUBSYS's hierarchy) named as docker names its containers'
# (docker-HEX.scope), carries the cgroups parameter as falcosecurity/libs'
# driver/modern_bpf writes it (cpuset, cpu, cpuacct, io, memory, each with its
# path; SUBSYS=PATH among them); container.id is HEX's first 12 digits; sysdig
# reads both the same; and the fresh process has resident pages (vm_rss > 0).
assert_cgroups_trace() {
	local trace=$1 sub=$3 path=$4 hex=$5 sel cgs cid theirs rss
	sel="proc.name=$2 and evt.type=execve and evt.dir=<"
	cgs=$("$FALCONET_REPLAY" -r "$trace" -v -p '%evt.arg.cgroups' "$sel")
	case "$cgs" in
	*"$sub=$path."*) pass "execve's cgroups name $sub=$path" ;;
	*) fail "execve's cgroups '$cgs' lack $sub=$path" ;;
	esac
	cid=$("$FALCONET_REPLAY" -r "$trace" -p '%container.id' "$sel")
	[ "$cid" = "${hex:0:12}" ] && pass "container.id of the docker-named cgroup: $cid" ||
		fail "container.id '$cid', expected ${hex:0:12}"
	echo "$cgs" | grep -Eq '^cpuset=/[^.]*\.cpu=/.*\.cpuacct=/.*\.io=/.*\.memory=/.*\.$' &&
		pass "cgroups list cpuset, cpu, cpuacct, io, memory" || fail "cgroups: $cgs"
	if command -v sysdig >/dev/null; then
		theirs=$(sysdig -r "$trace" -v -p '%container.id %evt.arg.cgroups' "$sel" 2>/dev/null | head -1)
		[ "$theirs" = "$cid $cgs" ] && pass "sysdig reads the same cgroups and container.id" ||
			fail "sysdig: '$theirs', falconet-replay: '$cid $cgs'"
	fi
	rss=$("$FALCONET_REPLAY" -r "$trace" -p '%evt.arg.vm_rss' "$sel")
	[ "${rss:-0}" -gt 0 ] && pass "execve exit of a fresh process: vm_rss=$rss KiB" ||
		fail "execve exit of a fresh process: vm_rss='$rss'"
}

# assert_fork_rss TRACE PID KIB [KIB_AFTER]: the clone exit of process PID in the
# parent shows the resident size /proc/PID/status gave (VmRSS KIB) just before the
# fork (or, with KIB_AFTER, one between the two readings), give or take 64 KiB:
# the drivers fold the kernel's per-CPU counter deltas as /proc does
# (percpu_counter rss_stat, 6.2+); unfolded, the count lags by up to 32 pages a
# CPU and counter.
assert_fork_rss() {
	local rss lo=$3 hi=${4:-$3}
	[ "$hi" -lt "$lo" ] && { lo=$hi; hi=$3; }
	rss=$("$FALCONET_REPLAY" -r "$1" -p '%evt.arg.vm_rss' "evt.type=clone and evt.dir=< and proc.pid=$2 and evt.res>0" | tail -1)
	if [ -n "$rss" ] && [ $((rss - hi)) -le 64 ] && [ $((lo - rss)) -le 64 ]; then
		pass "fork's vm_rss $rss KiB, /proc VmRSS $3${4:+ then $4} KiB"
	else
		fail "fork's vm_rss '$rss' KiB, /proc VmRSS $3${4:+ then $4} KiB"
	fi
}

# expect_spec_passes SPEC NAME [--test ARGS...]: runs a regression spec through
# falconet-replay --test and fails unless every case passes (none skipped).
expect_spec_passes() {
	local spec=$1 name=$2 report st total passed skipped; shift 2
	report=$(mktemp "${TMPDIR:-/tmp}/falconet-tap.XXXXXX")
	"$FALCONET_REPLAY" --test "$spec" "$@" > "$report" 2> "$report.err"
	st=$?
	cat "$report"
	[ -s "$report.err" ] && echo "stderr: $(head -5 "$report.err")"
	total=$(sed -n 's/^1\.\.//p' "$report")
	passed=$(grep -c '^ok ' "$report")
	skipped=$(grep -c '^ok .* # SKIP' "$report")
	rm -f "$report" "$report.err"
	[ "$st" -eq 0 ] || fail "--test exited $st"
	[ "${total:-0}" -gt 0 ] && [ "$passed" -eq "$total" ] && [ "$skipped" -eq 0 ] ||
		fail "$passed of ${total:-?} cases of $name passed ($skipped skipped); every case must pass"
	[ $FAILED -eq 0 ] && pass "all $total cases of $name pass"
}

# Fuzzing (extended mode). need_fuzzing: skips unless FALCONET_EXTENDED=1 and
# clang builds libFuzzer targets; sets CLANG and $tmp (removed at exit).
need_fuzzing() {
	[ "${FALCONET_EXTENDED:-0}" = 1 ] || { echo "SKIP: fuzzing runs with FALCONET_EXTENDED=1"; exit $SKIP; }
	CLANG=${CLANG:-clang}
	command -v "$CLANG" >/dev/null 2>&1 || { echo "SKIP: $CLANG not found"; exit $SKIP; }
	tmp=$(scratch); trap 'rm -rf "$tmp"' EXIT
	printf 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n) { return d && n > 1 ? 0 : 0; }\n' > "$tmp/probe.c"
	"$CLANG" -fsanitize=fuzzer,address -o "$tmp/probe" "$tmp/probe.c" >/dev/null 2>&1 ||
		{ echo "SKIP: $CLANG cannot build libFuzzer targets"; exit $SKIP; }
}

# build_fuzz_target NAME DIR... -- LIBS...: builds tests/NAME.c as $tmp/NAME against
# the sources of the given folders, instrumented (an archive: the target takes
# only what it uses). Returns 1 after reporting a build failure.
build_fuzz_target() {
	local name=$1 dirs=() libs=() c o; shift
	while [ $# -gt 0 ] && [ "$1" != -- ]; do dirs+=("$1"); shift; done
	[ $# -gt 0 ] && shift
	libs=("$@")
	local src=$top_srcdir inc=() d
	for d in "${dirs[@]}"; do inc+=("-I$src/$d"); done
	local cflags=(-g -O1 -std=c11 -D_GNU_SOURCE -fsanitize=fuzzer-no-link,address,undefined
		-fno-sanitize-recover=undefined "${inc[@]}" "-I$src/tests")
	mkdir -p "$tmp/obj-$name"
	for d in "${dirs[@]}"; do
		for c in "$src/$d"/*.c; do
			o="$tmp/obj-$name/${d}_$(basename "$c" .c).o"
			"$CLANG" "${cflags[@]}" -c "$c" -o "$o" 2>>"$tmp/build.log" ||
				{ cat "$tmp/build.log" >&2; fail "$c does not build"; return 1; }
		done
	done
	ar rcs "$tmp/lib$name.a" "$tmp/obj-$name"/*.o
	"$CLANG" "${cflags[@]}" -fsanitize=fuzzer -o "$tmp/$name" "$src/tests/$name.c" \
		"$tmp/lib$name.a" "${libs[@]}" 2>>"$tmp/build.log" ||
		{ cat "$tmp/build.log" >&2; fail "$name does not build"; return 1; }
}

# run_fuzz_target NAME CORPUS [libFuzzer options...]: runs $tmp/NAME for
# FUZZ_SECONDS (default 20); a failure prints the input and fails the test.
run_fuzz_target() {
	local name=$1 corpus=$2 rc a; shift 2
	"$tmp/$name" -max_total_time="${FUZZ_SECONDS:-20}" -timeout=10 -artifact_prefix="$tmp/" \
		-print_final_stats=1 "$@" "$corpus" > "$tmp/$name.log" 2>&1
	rc=$?
	if [ $rc -ne 0 ]; then
		tail -40 "$tmp/$name.log" >&2
		for a in "$tmp"/crash-* "$tmp"/leak-* "$tmp"/timeout-* "$tmp"/oom-*; do
			[ -f "$a" ] && { echo "input: $(od -c "$a" | head -5)" >&2; cp "$a" "${TMPDIR:-/tmp}/" 2>/dev/null; }
		done
		fail "$name found a failure (exit $rc)"
	else
		pass "$name: $(grep -o 'stat::number_of_executed_units: *[0-9]*' "$tmp/$name.log" | grep -o '[0-9]*$') runs without a failure"
	fi
}

# Differential helpers shared by the sysdig comparisons (they use $tmp).
# corpus_entries FILE...: the lines of corpus files, without '#' comments and blank lines
corpus_entries() { cat "$@" | grep -v -e '^#' -e '^[[:space:]]*$'; }
# same_selection TRACE EXPR [GUARD]: sysdig and falconet-replay (with the options in
# $COMPARE_OPTS) select the same events (evt.num) with EXPR, or with "GUARD and (EXPR)"
# when GUARD is given (a guard first keeps EXPR from being evaluated on the events it
# leaves out); else reports the difference with fail and returns 1. Its files are
# $tmp/sel$SEL_ID.*, so that runs side by side set SEL_ID.
COMPARE_OPTS=
same_selection() {
	local t=$1 expr=$2 e=$2 o=$tmp/sel${SEL_ID:-}
	[ -n "${3:-}" ] && e="$3 and ($2)"
	sysdig -r "$t" -p '%evt.num' "$e" > "$o.want" 2> "$o.err" ||
		{ fail "sysdig rejects '$e': $(head -1 "$o.err")"; return 1; }
	"$FALCONET_REPLAY" $COMPARE_OPTS -r "$t" "$e" 2> "$o.err" | cut -d' ' -f1 > "$o.got"
	[ "${PIPESTATUS[0]}" -eq 0 ] || { fail "falconet rejects '$e': $(head -1 "$o.err")"; return 1; }
	cmp -s "$o.want" "$o.got" && return 0
	fail "'$expr' on $(basename "$t"): sysdig $(wc -l < "$o.want") events, falconet $(wc -l < "$o.got"): $(diff "$o.want" "$o.got" | grep '^[<>]' | head -5 | tr '\n' ' ')"
	return 1
}
# format_forms LINE: sets fmt (falconet's) and sfmt (sysdig's) from a format corpus line:
# "FORMAT<TAB>SYSDIG-FORMAT", or FORMAT whose %{field} sysdig writes %field
format_forms() {
	case "$1" in
	*$'\t'*) fmt=${1%%$'\t'*}; sfmt=${1#*$'\t'} ;;
	*) fmt=$1; sfmt=$(printf '%s' "$1" | sed 's/%\([0-9]*\){\([^}]*\)}/%\1\2/g') ;;
	esac
}
