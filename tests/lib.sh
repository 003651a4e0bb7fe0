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
# event types the drivers record as types sysdig 0.29.3 does not know (>= 336)
NEWER_THAN_SYSDIG="chown, lchown, fchown, fchownat, prctl, capset, memfd_create, init_module, finit_module, io_uring_setup"
# assert_readers_agree TRACE: sysdig lists the events falconet-replay lists (but
# the types it does not know) and tshark reads the file, where they are installed.
assert_readers_agree() {
	local trace=$1 ours theirs st
	if command -v sysdig >/dev/null; then
		# sysdig 0.29.3 drops event types from 336 on (newer than its table); the probe
		# writes such types only for syscalls that have no older event (syscall_events.h)
		ours=$("$FALCONET_REPLAY" -r "$trace" "not evt.type in ($NEWER_THAN_SYSDIG)" | wc -l)
		theirs=$(sysdig -r "$trace" 2>/dev/null | wc -l)
		[ "$ours" -eq "$theirs" ] && pass "sysdig prints the same $ours events" ||
			fail "sysdig prints $theirs events, falconet-replay $ours"
	fi
	if command -v tshark >/dev/null; then
		tshark -r "$trace" > /dev/null 2> "$tmp/tshark.err"
		st=$?
		grep -v 'Running as user' "$tmp/tshark.err" | grep -q . && st=1
		[ $st -eq 0 ] && pass "tshark reads the capture" || fail "tshark: $(head -2 "$tmp/tshark.err")"
	fi
}
