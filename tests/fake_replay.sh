#!/bin/bash
# A stand-in for falconet-replay's rules runtime, for testing the --test runner
# (tests/test_mode.sh passes it with --test-exec). It prints canned output: the
# "trace" given with -r is a text file whose content goes to stdout, TRACE.err
# (if present) to stderr, and TRACE.rc holds the exit status; a trace named
# *.sleep sleeps instead. With --validate FILE it prints FILE.json (the
# validation JSON line) and exits with FILE.rc. Every call appends its arguments, one
# a line, then "env FALCO_HOSTNAME TZ", to $FAKE_LOG.
trace= validate=
for ((i = 1; i <= $#; i++)); do
	case ${!i} in
	-r) i=$((i + 1)); trace=${!i} ;;
	--validate) i=$((i + 1)); validate=${!i} ;;
	esac
done
if [ -n "${FAKE_LOG:-}" ]; then
	{ printf '%s\n' "$@"; echo "env ${FALCO_HOSTNAME:-} ${TZ:-}"; echo; } >> "$FAKE_LOG"
fi
if [ -n "$validate" ]; then
	cat "$validate.json"
	exit "$(cat "$validate.rc" 2>/dev/null || echo 0)"
fi
case $trace in
*.sleep) exec sleep 30 ;;
esac
cat "$trace"
[ -f "$trace.err" ] && cat "$trace.err" >&2
exit "$(cat "$trace.rc" 2>/dev/null || echo 0)"
