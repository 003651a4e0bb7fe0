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
