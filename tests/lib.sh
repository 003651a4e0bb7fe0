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
