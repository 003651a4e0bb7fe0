#!/bin/bash
# Differential test of the filter language: every expression of tests/filter_corpus*.txt
# selects exactly the events (evt.num) that sysdig selects, on every trace.
. "$(dirname "$0")/lib.sh"
need_sysdig
need_traces

tmp=$(scratch); trap 'rm -rf "$tmp"' EXIT
n=0
while IFS= read -r expr; do
	case "$expr" in ''|'#'*) continue ;; esac
	n=$((n + 1))
	for t in $(all_traces); do
		sysdig -r "$t" -p '%evt.num' "$expr" > "$tmp/want" 2>"$tmp/serr" ||
			{ fail "sysdig rejects '$expr': $(head -1 "$tmp/serr")"; continue; }
		"$FALCONET_REPLAY" -r "$t" "$expr" 2>"$tmp/ferr" | cut -d' ' -f1 > "$tmp/got"
		[ "${PIPESTATUS[0]}" -eq 0 ] || { fail "falconet rejects '$expr': $(head -1 "$tmp/ferr")"; continue; }
		cmp -s "$tmp/want" "$tmp/got" ||
			fail "'$expr' on $(basename "$t"): sysdig $(wc -l < "$tmp/want") events, falconet $(wc -l < "$tmp/got")"
	done
done < <(cat "$top_srcdir"/tests/filter_corpus*.txt)
[ $n -ge 30 ] || fail "corpus has $n expressions, expected at least 30"
[ $FAILED -eq 0 ] && pass "$n expressions select the same events as sysdig on every trace"
finish
