#!/bin/bash
# The rules path against sysdig: each expression of tests/filter_corpus.txt as the
# condition of a one-rule file raises, on every trace, one alert for exactly the
# events sysdig selects with that expression, printed as Falco prints it
# ("TIME: Warning OUTPUT", the output's fields rendered as sysdig -p renders them);
# in a live stream (a pipe) without --all-events, the event types Falco skips in
# live captures raise none (not generic events, which are of another type
# whatever their syscall); the summary counts
# the alerts; JSON alerts carry the same output and Falco's keys.
. "$(dirname "$0")/lib.sh"
need_sysdig
need_traces

tmp=$(scratch); trap 'rm -rf "$tmp"' EXIT
out='seen %proc.name %fd.name (%evt.type %evt.res)'
# Falco's simple-consumer drops (libs e5c53d64 EF_DROP_SIMPLE_CONS)
dropped='access,brk,close,epoll_wait,eventfd,fcntl,fstat,fstat64,futex,getcwd,getdents,getdents64,getegid,geteuid,getgid,getpeername,getresgid,getresuid,getrlimit,getsockname,getsockopt,getuid,llseek,lseek,lstat,lstat64,mmap,mmap2,mprotect,munmap,nanosleep,page_fault,poll,ppoll,pread,preadv,procinfo,pwrite,pwritev,read,readv,recv,recvmmsg,select,semctl,semget,semop,send,sendfile,sendmmsg,setrlimit,shutdown,signaldeliver,splice,stat,stat64,switch,timerfd_create,write,writev'

# alerts FILE: the alert lines of a text run (the summary after them left out)
alerts() { sed '/^Events detected: /,$d' "$1"; }

n=0
while IFS= read -r expr; do
	case "$expr" in ''|'#'*) continue ;; esac
	n=$((n + 1))
	python3 -c 'import json,sys; print("- rule: r\n  desc: d\n  condition: %s\n  output: %s\n  priority: WARNING\n  warn_evttypes: false" % (json.dumps(sys.argv[1]), json.dumps(sys.argv[2])))' \
		"$expr" "$out" > "$tmp/r.yaml"
	for t in $(all_traces); do
		modes="file stream stream-all"
		# the stream modes on the traces with events of the skipped types only
		case $t in *empty.scap|*testdata/cat_write.scap) modes=file ;; esac
		for mode in $modes; do
			input=$t flags=
			[ $mode = file ] || input=-
			[ $mode = stream-all ] && flags=--all-events
			if [ $mode = stream ]; then
				# generic events (evt.arg.ID) are of a type Falco never skips
				sexpr="($expr) and not (evt.type in ($dropped) and not evt.arg.ID exists)"
			else
				sexpr=$expr
			fi
			sysdig -r "$t" -p "*%evt.time: Warning $out" "$sexpr" > "$tmp/want" 2>/dev/null ||
				{ fail "sysdig rejects '$sexpr'"; continue; }
			cat "$t" | "$FALCONET_REPLAY" -r "$input" --rules "$tmp/r.yaml" $flags \
				-o log_stderr=false > "$tmp/got.all" 2> "$tmp/err" ||
				{ fail "falconet fails on '$expr' ($mode): $(head -2 "$tmp/err")"; continue; }
			alerts "$tmp/got.all" > "$tmp/got"
			if ! cmp -s "$tmp/want" "$tmp/got"; then
				fail "'$expr' on $(basename "$t") ($mode): sysdig $(wc -l < "$tmp/want") lines, falconet $(wc -l < "$tmp/got"): $(diff "$tmp/want" "$tmp/got" | sed -n 2,3p)"
				continue
			fi
			count=$(sed -n 's/^Events detected: //p' "$tmp/got.all")
			[ "$count" = "$(wc -l < "$tmp/want")" ] ||
				fail "'$expr' on $(basename "$t"): summary says $count alerts, $(wc -l < "$tmp/want") printed"
		done
	done
done < "$top_srcdir/tests/filter_corpus.txt"
[ $n -ge 30 ] || fail "corpus has $n expressions, expected at least 30"

# JSON alerts: Falco's keys, the same output text, the time in ISO 8601 with Z
t=$SHARED_TESTDATA/falco/trace_files/cat_write.scap
printf -- '- rule: open_from_cat\n  desc: d\n  condition: evt.type=open and proc.name=cat\n  output: "An open was seen (command=%%proc.cmdline)"\n  priority: WARNING\n  tags: [filesystem, process]\n' > "$tmp/r.yaml"
FALCO_HOSTNAME=test-host "$FALCONET_REPLAY" -r "$t" --rules "$tmp/r.yaml" -j -o time_format_iso_8601=true \
	-o log_stderr=false > "$tmp/json" 2> "$tmp/summary"
sysdig -r "$t" -p '%evt.time.iso8601|%evt.rawtime|%proc.cmdline' 'evt.type=open and proc.name=cat' > "$tmp/want"
python3 - "$tmp/json" "$tmp/want" <<'PY' || fail "JSON alerts differ from Falco's form (see above)"
import json, sys
got = [json.loads(l) for l in open(sys.argv[1])]
want = [l.rstrip("\n").split("|", 2) for l in open(sys.argv[2])]
assert len(got) == len(want) and want, (len(got), len(want))
for g, (iso, raw, cmd) in zip(got, want):
    assert sorted(g) == ["hostname", "output", "output_fields", "priority", "rule", "source", "tags", "time"], sorted(g)
    assert g["hostname"] == "test-host" and g["rule"] == "open_from_cat" and g["priority"] == "Warning"
    assert g["source"] == "syscall" and g["tags"] == ["filesystem", "process"], g
    assert g["output"] == f"{iso}: Warning An open was seen (command={cmd})", g["output"]
    assert g["time"] == iso.replace("+0000", "Z"), (g["time"], iso)
    assert g["output_fields"] == {"evt.time.iso8601": int(raw), "proc.cmdline": cmd}, g["output_fields"]
PY
grep -q "^Events detected: $(wc -l < "$tmp/want")\$" "$tmp/summary" || fail "JSON run: summary not on stderr: $(head -3 "$tmp/summary")"
[ $FAILED -eq 0 ] && pass "$n rule conditions alert on the events sysdig selects, text and JSON"
finish
