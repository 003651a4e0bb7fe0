#!/bin/bash
# A short libFuzzer run over filter compilation and matching (tests/fuzz_filter.c),
# in make check's extended mode only (FALCONET_EXTENDED=1). FUZZ_SECONDS sets the
# time (default 20). Needs clang with libFuzzer. A crash prints the input: add it
# to test_fuzz_regressions in tests/unit_filter.c once fixed.
. "$(dirname "$0")/lib.sh"
[ "${FALCONET_EXTENDED:-0}" = 1 ] || { echo "SKIP: fuzzing runs with FALCONET_EXTENDED=1"; exit $SKIP; }
CLANG=${CLANG:-clang}
command -v "$CLANG" >/dev/null 2>&1 || { echo "SKIP: $CLANG not found"; exit $SKIP; }

tmp=$(scratch); trap 'rm -rf "$tmp"' EXIT
printf 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n) { return d && n > 1 ? 0 : 0; }\n' > "$tmp/probe.c"
"$CLANG" -fsanitize=fuzzer,address -o "$tmp/probe" "$tmp/probe.c" >/dev/null 2>&1 ||
	{ echo "SKIP: $CLANG cannot build libFuzzer targets"; exit $SKIP; }
src=$top_srcdir
# The libraries' sources, instrumented, in an archive: the target takes only what it uses.
cflags="-g -O1 -std=c11 -D_GNU_SOURCE -fsanitize=fuzzer-no-link,address,undefined
	-fno-sanitize-recover=undefined -I$src/libfalconet -I$src/filter -I$src/tests"
mkdir -p "$tmp/obj"
for c in "$src"/filter/*.c "$src"/libfalconet/*.c; do
	o="$tmp/obj/$(basename "$(dirname "$c")")_$(basename "$c" .c).o"
	# shellcheck disable=SC2086
	"$CLANG" $cflags -c "$c" -o "$o" 2>>"$tmp/build.log" || { cat "$tmp/build.log" >&2; fail "$c does not build"; finish; }
done
ar rcs "$tmp/libfuzz.a" "$tmp"/obj/*.o
# shellcheck disable=SC2086
if ! "$CLANG" $cflags -fsanitize=fuzzer -o "$tmp/fuzz_filter" "$src/tests/fuzz_filter.c" \
	"$tmp/libfuzz.a" -lzstd -lz -lcjson 2>>"$tmp/build.log"; then
	cat "$tmp/build.log" >&2
	fail "fuzz_filter does not build"
	finish
fi

# Seeds: the expressions of the corpus files; a dictionary of the language's words.
mkdir -p "$tmp/corpus"
i=0
cat "$src"/tests/filter_corpus*.txt | sed -n 's/^#[=~] //; s/ === .*//; /^#/d; /^$/d; p' |
	while IFS= read -r line; do
		i=$((i + 1)); printf '%s' "$line" > "$tmp/corpus/seed$i"
	done
{
	for w in and or not in intersects pmatch exists contains icontains bcontains startswith \
		bstartswith endswith glob iglob regex 'val(' 'tolower(' 'toupper(' 'b64(' \
		'basename(' 'len(' shells paths nums empty evt.type proc.name fd.name fd.num \
		proc.pid evt.arg.fd 'proc.aname[1]' '=' '!=' '<=' '>=' '(' ')' ',' '"' "'" '\\x' '['; do
		printf '"%s"\n' "$(printf '%s' "$w" | sed 's/\\/\\\\/g; s/"/\\"/g')"
	done
} > "$tmp/dict"

"$tmp/fuzz_filter" -max_total_time="${FUZZ_SECONDS:-20}" -max_len=512 -timeout=10 -dict="$tmp/dict" \
	-artifact_prefix="$tmp/" -print_final_stats=1 "$tmp/corpus" > "$tmp/fuzz.log" 2>&1
rc=$?
if [ $rc -ne 0 ]; then
	tail -40 "$tmp/fuzz.log" >&2
	for a in "$tmp"/crash-* "$tmp"/leak-* "$tmp"/timeout-* "$tmp"/oom-*; do
		[ -f "$a" ] && { echo "input: $(od -c "$a" | head -5)" >&2; cp "$a" "${TMPDIR:-/tmp}/" 2>/dev/null; }
	done
	fail "fuzz_filter found a failure (exit $rc)"
else
	pass "fuzz_filter: $(grep -o 'stat::number_of_executed_units: *[0-9]*' "$tmp/fuzz.log" | grep -o '[0-9]*$') runs without a failure"
fi
finish
