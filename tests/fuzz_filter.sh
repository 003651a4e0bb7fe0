#!/bin/bash
# A short libFuzzer run over filter compilation and matching (tests/fuzz_filter.c),
# in make check's extended mode only (FALCONET_EXTENDED=1). FUZZ_SECONDS sets the
# time (default 20). Needs clang with libFuzzer. A crash prints the input: add it
# to test_fuzz_regressions in tests/unit_filter.c once fixed.
. "$(dirname "$0")/lib.sh"
need_fuzzing
build_fuzz_target fuzz_filter filter libfalconet -- -lzstd -lz -lcjson || finish

# Seeds: the expressions of the corpus files; a dictionary of the language's words.
mkdir -p "$tmp/corpus"
i=0
cat "$top_srcdir"/tests/filter_corpus*.txt | sed -n 's/^#[=~] //; s/ === .*//; /^#/d; /^$/d; p' |
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

run_fuzz_target fuzz_filter "$tmp/corpus" -max_len=512 -dict="$tmp/dict"
finish
