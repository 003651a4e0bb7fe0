#!/bin/bash
# Live capture with the eBPF probe (root only; skipped where eBPF cannot load):
# record a workload, then find its events with falconet-replay, and check that
# sysdig and tshark read the file. Also: a SIGKILLed capture still replays.
. "$(dirname "$0")/lib.sh"
: "${FALCONET_CAPTURE:=$top_builddir/capture/falconet-capture}"
[ "$(id -u)" -eq 0 ] || { echo "SKIP: live capture needs root"; exit $SKIP; }
tmp=$(scratch)
cap_pid=
trap '[ -n "$cap_pid" ] && kill -9 $cap_pid 2>/dev/null; rm -rf "$tmp"' EXIT


workload() {
	cat /etc/hostname > /dev/null
	sh -c "echo falconet > $tmp/redirect.txt"
	python3 - "$tmp/port" <<'PY'
import socket, sys
srv = socket.socket()
srv.bind(("127.0.0.1", 0))
srv.listen()
port = srv.getsockname()[1]
open(sys.argv[1], "w").write(str(port))
cli = socket.create_connection(("127.0.0.1", port))
conn, _ = srv.accept()
try:  # the same over IPv6 loopback, where the host has it
    srv6 = socket.socket(socket.AF_INET6)
    srv6.bind(("::1", 0))
    srv6.listen()
    cli6 = socket.create_connection(("::1", srv6.getsockname()[1]))
    conn6, _ = srv6.accept()
    open(sys.argv[1] + "6", "w").write(str(srv6.getsockname()[1]))
except OSError:
    pass
PY
}

# A cgroup named as docker names its containers' (docker-<64 hex>.scope), for
# the cgroups parameter and the container fields derived from it. On a v1 host
# it is made in the cpu (else memory) hierarchy, on a v2 host in the unified one.
cg_dir=
cg_hex=$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')
for root in /sys/fs/cgroup/cpu /sys/fs/cgroup/memory /sys/fs/cgroup; do
	if [ -e "$root/cgroup.procs" ] && mkdir -p "$root/fnet-test-$$/docker-$cg_hex.scope" 2>/dev/null; then
		cg_root=$root; cg_dir=$root/fnet-test-$$/docker-$cg_hex.scope; break
	fi
done
trap '[ -n "$cap_pid" ] && kill -9 $cap_pid 2>/dev/null; [ -n "$cg_dir" ] && rmdir "$cg_dir" "${cg_dir%/*}"; rm -rf "$tmp"' EXIT
# cgroup_workload: a shell joins the cgroup, notes its /proc cgroup lines, runs echo
cgroup_workload() {
	[ -n "$cg_dir" ] || return 0
	cp /bin/true "$tmp/fnetcg"
	sh -c "echo \$\$ > $cg_dir/cgroup.procs && cat /proc/self/cgroup > $tmp/cgroup.txt && exec $tmp/fnetcg"
}

# rss_workload: a process notes its pid and resident size (/proc VmRSS, KiB), then forks
rss_workload() {
	python3 - "$tmp/rss.txt" <<'PY'
import os, re, sys
rss = re.search(r"VmRSS:\s+(\d+)", open("/proc/self/status").read()).group(1)
pid = os.fork()
if pid == 0:
    os._exit(0)
os.waitpid(pid, 0)
open(sys.argv[1], "w").write("%d %s\n" % (os.getpid(), rss))
PY
}

start_capture "$tmp/live.scap"
sleep 0.5
workload
cgroup_workload
rss_workload
sleep 0.5
stop_capture
port=$(cat "$tmp/port")
trace=$tmp/live.scap

assert_workload_trace "$trace" "$tmp/redirect.txt" "$port"
if [ -s "$tmp/port6" ]; then
	port6=$(cat "$tmp/port6")
	n=$(count_events "$trace" "evt.type=connect and evt.dir=< and fd.name contains ::1:$port6 and fd.name startswith ::1:")
	[ "$n" -ge 1 ] && pass "the IPv6 connect to [::1]:$port6" || fail "no IPv6 connect to [::1]:$port6"
fi
if [ -s "$tmp/cgroup.txt" ]; then
	# the process's own path in the hierarchy (v1: the cpu or memory line; v2: "0::")
	case $cg_root in
	*/cpu) cg_path=$(sed -n 's/^[0-9]*:\([^:]*,\)*cpu\(,[^:]*\)*://p' "$tmp/cgroup.txt") cg_sub=cpu ;;
	*/memory) cg_path=$(sed -n 's/^[0-9]*:memory://p' "$tmp/cgroup.txt") cg_sub=memory ;;
	*) cg_path=$(sed -n 's/^0:://p' "$tmp/cgroup.txt") cg_sub=cpu ;;
	esac
	assert_cgroups_trace "$trace" fnetcg "$cg_sub" "$cg_path" "$cg_hex"
else
	echo "note: no cgroup hierarchy to make a test cgroup in; cgroups checks skipped"
fi
read -r rss_pid rss_proc < "$tmp/rss.txt"
assert_fork_rss "$trace" "$rss_pid" "$rss_proc"
grep -q "events" "$tmp/capture.err" && pass "exit statistics printed" || fail "no statistics on stderr"

assert_readers_agree "$trace"

# whole_events: the event blocks that are whole in the scap data on stdin
whole_events() {
	python3 -c '
import struct, sys
d = sys.stdin.buffer.read()
off = n = 0
while off + 8 <= len(d):
    t, l = struct.unpack_from("<II", d, off)
    if l < 12 or off + l > len(d):
        break
    n += t in (0x204, 0x8010ABCD, 0x216, 0x221, 0x208, 0x217, 0x222)
    off += l
print(n)'
}

# A capture killed with SIGKILL: the file replays to its last flushed block,
# whatever its compression (-z, --gzip, none), with exit status 0. A compressed
# file cut inside a block (as a kill in the middle of a write leaves it; cut here
# at fixed points of the killed file) replays every whole block, with a note.
for mode in -z --gzip none; do
	name=killed$mode
	start_capture "$tmp/$name" $([ $mode = none ] || echo $mode)
	for _ in 1 2; do workload; sleep 0.4; done
	sleep 1.2
	kill -9 $cap_pid; wait $cap_pid 2>/dev/null; cap_pid=
	"$FALCONET_REPLAY" -r "$tmp/$name" > "$tmp/killed.out" 2> "$tmp/killed.err"
	st=$?
	lines=$(wc -l < "$tmp/killed.out")
	[ $st -eq 0 ] && [ "$lines" -gt 0 ] && pass "SIGKILLed capture ($mode) replays ($lines events)" ||
		fail "SIGKILLed capture ($mode): exit $st, $lines events: $(head -2 "$tmp/killed.err")"
	case $mode in -z) unpack="zstd -dcq" ;; --gzip) unpack="gzip -dc" ;; *) unpack= ;; esac
	if [ -n "$unpack" ] && command -v ${unpack%% *} >/dev/null; then
		size=$(stat -c %s "$tmp/$name")
		for cut in $((size * 2 / 3)) $((size - 100)); do
			head -c $cut "$tmp/$name" > "$tmp/cut"
			"$FALCONET_REPLAY" -r "$tmp/cut" > "$tmp/cut.out" 2> "$tmp/cut.err"
			st=$?
			lines=$(wc -l < "$tmp/cut.out")
			whole=$($unpack < "$tmp/cut" 2>/dev/null | whole_events)
			if [ $st -eq 0 ] && [ "$lines" -eq "$whole" ] &&
				grep -q "offset [0-9]*: the compressed data ends" "$tmp/cut.err"; then
				pass "($mode) cut at byte $cut of $size: the $whole whole events, $(grep -o 'ends [a-z ]*' "$tmp/cut.err")"
			else
				fail "($mode) cut at byte $cut of $size: exit $st, $lines of $whole whole events: $(head -2 "$tmp/cut.err")"
			fi
		done
	fi
	rm -f "$tmp/$name" "$tmp/cut"
done
finish
