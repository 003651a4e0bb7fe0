#!/bin/bash
# Damaged input gets "falconet-replay: FILE: offset N: reason" and exit status 2;
# events before the damage are still printed; nothing crashes.
. "$(dirname "$0")/lib.sh"
command -v python3 >/dev/null || { echo "SKIP: python3 not installed"; exit $SKIP; }
tmp=$(scratch); trap 'rm -rf "$tmp"' EXIT
gzip -dc "$top_srcdir/testdata/cat_write.scap" > "$tmp/good.scap"
blocks() { python3 "$top_srcdir/tests/scap_blocks.py" "$1"; }
# put_u32 FILE OFFSET VALUE: overwrite a little-endian u32
put_u32() {
	printf "$(printf '\\x%02x\\x%02x\\x%02x\\x%02x' $(($3 & 255)) $(($3 >> 8 & 255)) \
		$(($3 >> 16 & 255)) $(($3 >> 24 & 255)))" |
		dd of="$1" bs=1 seek="$2" conv=notrunc status=none
}
# expect NAME FILE REGEX MIN_LINES [FILTER]: exit 2, stderr matches, >= MIN_LINES printed
expect() {
	local name=$1 file=$2 re=$3 min=$4
	shift 4
	"$FALCONET_REPLAY" -r "$file" "$@" > "$tmp/out" 2> "$tmp/err"
	local st=$?
	local lines; lines=$(wc -l < "$tmp/out")
	if [ $st -ne 2 ]; then fail "$name: exit status $st, expected 2"; return; fi
	if ! grep -Eq "$re" "$tmp/err"; then fail "$name: stderr '$(cat "$tmp/err")' !~ /$re/"; return; fi
	if [ "$(wc -l < "$tmp/err")" -gt 3 ]; then fail "$name: error is not short"; return; fi
	if [ "$lines" -lt "$min" ]; then fail "$name: $lines lines before the damage, expected >= $min"; return; fi
	pass "$name: $(head -1 "$tmp/err")"
}

: > "$tmp/empty.scap"
expect "empty file" "$tmp/empty.scap" "^falconet-replay: $tmp/empty.scap: offset 0: empty file$" 0

printf 'hello, this is not a trace at all\n' > "$tmp/text.scap"
expect "wrong magic" "$tmp/text.scap" "offset 0: not a scap trace: first block type 0x6c6c6568" 0

cp "$tmp/good.scap" "$tmp/bom.scap"; put_u32 "$tmp/bom.scap" 8 0x11223344
expect "bad byte-order magic" "$tmp/bom.scap" "offset 0: bad byte-order magic 0x11223344" 0

expect "missing file" "$tmp/nonexistent.scap" "nonexistent.scap: cannot open: No such file" 0

# the 160th event block (the first 130 are procinfo events, which print nothing) and the block list of the good file
blocks "$tmp/good.scap" > "$tmp/blocks"
ev=$(awk '$2 == "0x204"' "$tmp/blocks" | sed -n 160p)
ev_off=${ev%% *}
ev_len=${ev##* }
total=$(stat -c %s "$tmp/good.scap")

head -c $((ev_off + ev_len / 2)) "$tmp/good.scap" > "$tmp/trunc.scap"
expect "truncated block" "$tmp/trunc.scap" "offset $ev_off: truncated block" 1

head -c $((ev_off + 5)) "$tmp/good.scap" > "$tmp/trunchdr.scap"
expect "truncated block header" "$tmp/trunchdr.scap" "offset $ev_off: truncated block header" 1

cp "$tmp/good.scap" "$tmp/huge.scap"; put_u32 "$tmp/huge.scap" $((ev_off + 4)) 0xFFFFFFF0
expect "block length overflow" "$tmp/huge.scap" "offset $ev_off: block length 4294967280 exceeds" 1

cp "$tmp/good.scap" "$tmp/long.scap"; put_u32 "$tmp/long.scap" $((ev_off + 4)) $((ev_len + 64))
expect "block length beyond its trailer" "$tmp/long.scap" "offset $ev_off: block trailer length" 1

last=$(tail -1 "$tmp/blocks"); last_off=${last%% *}; last_len=${last##* }
cp "$tmp/good.scap" "$tmp/pastend.scap"; put_u32 "$tmp/pastend.scap" $((last_off + 4)) $((last_len + 4096))
expect "block length beyond the file" "$tmp/pastend.scap" "offset $last_off: truncated block" 1

cp "$tmp/good.scap" "$tmp/below.scap"; put_u32 "$tmp/below.scap" $((ev_off + 4)) 8
expect "block length below minimum" "$tmp/below.scap" "offset $ev_off: block length 8 is below" 1

# event length field (block body: u16 cpu, then ts, tid, len at +16)
cp "$tmp/good.scap" "$tmp/evlen.scap"; put_u32 "$tmp/evlen.scap" $((ev_off + 8 + 2 + 16)) 60000
expect "event length past its block" "$tmp/evlen.scap" "offset $ev_off: event length 60000 outside" 1

# first parameter length (after the 22-byte v1 header) runs past the event
cp "$tmp/good.scap" "$tmp/plen.scap"
printf '\xff\xff' | dd of="$tmp/plen.scap" bs=1 seek=$((ev_off + 8 + 2 + 22)) conv=notrunc status=none
expect "parameter length past its block" "$tmp/plen.scap" "offset $ev_off: event type [0-9]+: parameter lengths" 1

# a v2 trace (empty.scap has version-2 event blocks): nparams beyond the limit
if [ -f "$TRACE_DIR/empty.scap" ]; then
	gzip -dc "$TRACE_DIR/empty.scap" > "$tmp/v2.scap" 2>/dev/null || cp "$TRACE_DIR/empty.scap" "$tmp/v2.scap"
	e2=$(blocks "$tmp/v2.scap" | awk '$2 == "0x216"' | sed -n 3p); e2_off=${e2%% *}
	put_u32 "$tmp/v2.scap" $((e2_off + 8 + 2 + 22)) 1000
	expect "v2 nparams too large" "$tmp/v2.scap" "offset $e2_off: event type 234 has 1000 parameters" 0
fi

# compressed input cut short inside a block, as an interrupted capture leaves it:
# the whole blocks are read, the cut one is a note, and the exit status is 0
head -c 3000 "$top_srcdir/testdata/cat_write.scap" > "$tmp/trunc.gz"
"$FALCONET_REPLAY" -r "$tmp/trunc.gz" > "$tmp/out" 2> "$tmp/err"
st=$?
if [ $st -eq 0 ] &&
	grep -Eq "^falconet-replay: $tmp/trunc.gz: offset [0-9]+: the compressed data ends inside this block" "$tmp/err"; then
	pass "truncated gzip: $(head -1 "$tmp/err")"
else
	fail "truncated gzip: exit $st, $(wc -l < "$tmp/out") lines, stderr: $(head -2 "$tmp/err")"
fi
if command -v zstd >/dev/null; then
	zstd -q -c "$tmp/good.scap" | head -c 8000 > "$tmp/trunc.zst"
	expect "truncated zstd" "$tmp/trunc.zst" "offset 0: compressed data truncated before the first block" 0
fi
if command -v zstd >/dev/null; then
	zstd -q -c "$top_srcdir/testdata/cat_write.scap" > "$tmp/double.zst"
	expect "gzip inside zstd" "$tmp/double.zst" "offset 0: not a scap trace: .*the data is gzip: a second compression layer" 0
fi
printf '\x1f\x8b\x08\x00garbage-after-a-gzip-magic' > "$tmp/corrupt.gz"
expect "corrupt gzip" "$tmp/corrupt.gz" "offset 0: gzip data corrupt" 0

expect "bad filter" "$top_srcdir/testdata/cat_write.scap" "filter error at column" 0 "proc.name="
finish
