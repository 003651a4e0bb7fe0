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
