#!/bin/bash
# The same trace gives the same listing plain, gzip- and zstd-compressed, from a
# file or from standard input.
. "$(dirname "$0")/lib.sh"
tmp=$(scratch); trap 'rm -rf "$tmp"' EXIT
src=$top_srcdir/testdata/cat_write.scap     # gzip, as sysdig -z writes
command -v zstd >/dev/null || { echo "SKIP: zstd not installed"; exit $SKIP; }
"$FALCONET_REPLAY" -r "$src" > "$tmp/gzip.out" || fail "gzip trace"
[ -s "$tmp/gzip.out" ] || fail "gzip trace printed nothing"
gzip -dc "$src" > "$tmp/plain.scap"
zstd -q -19 "$tmp/plain.scap" -o "$tmp/trace.zst"
"$FALCONET_REPLAY" -r "$tmp/plain.scap" > "$tmp/plain.out" || fail "plain trace"
"$FALCONET_REPLAY" -r "$tmp/trace.zst" > "$tmp/zstd.out" || fail "zstd trace"
"$FALCONET_REPLAY" -r - < "$tmp/trace.zst" > "$tmp/stdin.out" || fail "zstd on stdin"
cat "$src" | "$FALCONET_REPLAY" -r - > "$tmp/pipe.out" || fail "gzip through a pipe"
for f in plain zstd stdin pipe; do
	cmp -s "$tmp/gzip.out" "$tmp/$f.out" && pass "$f equals gzip" || fail "$f differs from gzip"
done
# a gzip file of two members (concatenated) is one stream
head -c 4096 "$tmp/plain.scap" | gzip -c > "$tmp/two.gz"
tail -c +4097 "$tmp/plain.scap" | gzip -c >> "$tmp/two.gz"
"$FALCONET_REPLAY" -r "$tmp/two.gz" > "$tmp/two.out" || fail "two gzip members"
cmp -s "$tmp/gzip.out" "$tmp/two.out" && pass "two gzip members" || fail "two gzip members differ"
# likewise two zstd frames, as a writer that ends a frame at each flush produces
head -c 4096 "$tmp/plain.scap" | zstd -q -c > "$tmp/two.zst"
tail -c +4097 "$tmp/plain.scap" | zstd -q -c >> "$tmp/two.zst"
"$FALCONET_REPLAY" -r "$tmp/two.zst" > "$tmp/twoz.out" || fail "two zstd frames"
cmp -s "$tmp/gzip.out" "$tmp/twoz.out" && pass "two zstd frames" || fail "two zstd frames differ"
finish
