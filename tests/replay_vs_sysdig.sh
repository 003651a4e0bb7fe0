#!/bin/bash
# Differential test: falconet-replay -r FILE prints what sysdig -r FILE prints,
# line for line, for every trace (sysdig 0.29.3 is the reference).
. "$(dirname "$0")/lib.sh"
need_sysdig
need_traces
tmp=$(scratch); trap 'rm -rf "$tmp"' EXIT
for t in $(all_traces); do
	name=$(basename "$t")
	sysdig -r "$t" > "$tmp/sysdig.out" 2>/dev/null || { fail "$name: sysdig failed"; continue; }
	if ! "$FALCONET_REPLAY" -r "$t" > "$tmp/fnet.out"; then
		fail "$name: falconet-replay exited $?"; continue
	fi
	if diff -u "$tmp/sysdig.out" "$tmp/fnet.out" > "$tmp/diff"; then
		pass "$name: $(wc -l < "$tmp/fnet.out") lines identical"
	else
		fail "$name differs from sysdig:"; head -20 "$tmp/diff" >&2
	fi
	# -c stops after N printed lines: the first N of the full listing
	"$FALCONET_REPLAY" -r "$t" -c 5 > "$tmp/head.out"
	head -5 "$tmp/sysdig.out" | cmp -s - "$tmp/head.out" && pass "$name: -c 5" || fail "$name: -c 5"
done
finish
