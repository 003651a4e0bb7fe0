#!/bin/bash
# What sysdig 0.29.3 lacks (bcontains, regex, transformers, ...), checked through an
# equivalent expression it has: every "#= EXPR === SYSDIG_EXPR" line of
# tests/filter_corpus*.txt selects with falconet the events sysdig selects with
# SYSDIG_EXPR, on every trace.
. "$(dirname "$0")/lib.sh"
need_sysdig
need_traces

tmp=$(scratch); trap 'rm -rf "$tmp"' EXIT
n=0
while IFS= read -r line; do
	case "$line" in '#= '*' === '*) ;; *) continue ;; esac
	line=${line#\#= }
	ours=${line%% === *}
	theirs=${line#* === }
	n=$((n + 1))
	for t in $(all_traces); do
		sysdig -r "$t" -p '%evt.num' "$theirs" > "$tmp/want" 2>"$tmp/serr" ||
			{ fail "sysdig rejects '$theirs': $(head -1 "$tmp/serr")"; continue; }
		"$FALCONET_REPLAY" -r "$t" "$ours" 2>"$tmp/ferr" | cut -d' ' -f1 > "$tmp/got"
		[ "${PIPESTATUS[0]}" -eq 0 ] || { fail "falconet rejects '$ours': $(head -1 "$tmp/ferr")"; continue; }
		cmp -s "$tmp/want" "$tmp/got" ||
			fail "'$ours' on $(basename "$t"): $(wc -l < "$tmp/got") events, sysdig's '$theirs' $(wc -l < "$tmp/want")"
	done
done < <(cat "$top_srcdir"/tests/filter_corpus*.txt)
[ $n -ge 1 ] || fail "no '#= EXPR === SYSDIG_EXPR' lines found"
[ $FAILED -eq 0 ] && pass "$n expressions select what their sysdig equivalents select on every trace"
finish
