#!/bin/bash
# Files written by falconet's trace writer read in sysdig and tshark as the
# originals do: each trace is rewritten (newest block versions, plain, gzip and
# zstd) and must list exactly as the original does.
. "$(dirname "$0")/lib.sh"
need_sysdig
rewrite=$top_builddir/tests/rewrite_trace
tmp=$(scratch); trap 'rm -rf "$tmp"' EXIT
for t in $(all_traces); do
	name=$(basename "$t")
	sysdig -r "$t" > "$tmp/want" 2>/dev/null
	for c in none gzip zstd; do
		"$rewrite" "$t" "$tmp/$c.scap" $c || { fail "$name: rewrite ($c) failed"; continue; }
		"$FALCONET_REPLAY" -r "$tmp/$c.scap" > "$tmp/fnet.$c" || fail "$name ($c): falconet-replay failed"
		cmp -s "$tmp/want" "$tmp/fnet.$c" && pass "$name ($c): falconet-replay reads the rewrite" ||
			fail "$name ($c): falconet-replay listing differs"
	done
	for c in none gzip; do
		sysdig -r "$tmp/$c.scap" > "$tmp/sysdig.$c" 2>&1
		cmp -s "$tmp/want" "$tmp/sysdig.$c" && pass "$name ($c): sysdig reads the rewrite" ||
			{ fail "$name ($c): sysdig listing differs"; diff "$tmp/want" "$tmp/sysdig.$c" | head -5 >&2; }
	done
	[ "$(stat -c %a "$tmp/none.scap")" = 600 ] || fail "$name: trace file mode is not 0600"
	if command -v tshark >/dev/null; then
		events=$(python3 "$top_srcdir/tests/scap_blocks.py" "$tmp/none.scap" | grep -c ' 0x216 ')
		frames=$(tshark -r "$tmp/none.scap" 2>"$tmp/tshark.err" | wc -l)
		[ -s "$tmp/tshark.err" ] && grep -v 'Running as user' "$tmp/tshark.err" | grep -q . &&
			fail "$name: tshark: $(head -1 "$tmp/tshark.err")"
		[ "$frames" -eq "$events" ] && pass "$name: tshark reads $frames events" ||
			fail "$name: tshark shows $frames frames for $events events"
	fi
done
finish
