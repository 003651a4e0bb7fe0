#!/bin/bash
# A short libFuzzer run over the rules loader (tests/fuzz_rules.c), seeded with
# the rule files of ../shared/testdata (Falco's and the invalid ones of its
# regression suite) and the bundled rules, in make check's extended mode only
# (FALCONET_EXTENDED=1). FUZZ_SECONDS sets the time (default 20).
. "$(dirname "$0")/lib.sh"
need_fuzzing
build_fuzz_target fuzz_rules rules filter libfalconet -- -lyaml -lzstd -lz -lcjson || finish
mkdir -p "$tmp/corpus"
i=0
for f in "$top_srcdir"/rules/*.yaml "$SHARED_TESTDATA"/falco/rules/*.yaml \
	"$SHARED_TESTDATA"/falco/rules/exceptions/*.yaml; do
	[ -f "$f" ] || continue
	# the small files whole; of the big ones, their first 8 KiB
	i=$((i + 1)); head -c 8192 "$f" > "$tmp/corpus/seed$i"
done
run_fuzz_target fuzz_rules "$tmp/corpus" -max_len=8192
finish
