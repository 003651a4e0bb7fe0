#!/bin/bash
# Differential test of the filter language: every expression of tests/filter_corpus*.txt
# selects exactly the events (evt.num) that sysdig selects, on every trace.
. "$(dirname "$0")/lib.sh"
need_sysdig
need_traces

tmp=$(scratch); trap 'rm -rf "$tmp"' EXIT
n=0
while IFS= read -r expr; do
	n=$((n + 1))
	for t in $(all_traces); do
		same_selection "$t" "$expr"
	done
done < <(corpus_entries "$top_srcdir"/tests/filter_corpus*.txt)
[ $n -ge 30 ] || fail "corpus has $n expressions, expected at least 30"
[ $FAILED -eq 0 ] && pass "$n expressions select the same events as sysdig on every trace"
finish
