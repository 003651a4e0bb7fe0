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

start_capture "$tmp/live.scap"
sleep 0.5
workload
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
grep -q "events" "$tmp/capture.err" && pass "exit statistics printed" || fail "no statistics on stderr"

assert_readers_agree "$trace"

# A capture killed with SIGKILL: the file replays to its last flushed block,
# whatever its compression.
for name in killed.scap.zst killed.scap.gz killed.scap; do
	start_capture "$tmp/$name"
	for _ in 1 2; do workload; sleep 0.4; done
	sleep 1.2
	kill -9 $cap_pid; wait $cap_pid 2>/dev/null; cap_pid=
	"$FALCONET_REPLAY" -r "$tmp/$name" > "$tmp/killed.out" 2> "$tmp/killed.err"
	st=$?
	lines=$(wc -l < "$tmp/killed.out")
	[ $st -eq 0 ] && [ "$lines" -gt 0 ] && pass "SIGKILLed capture $name replays ($lines events)" ||
		fail "SIGKILLed capture $name: exit $st, $lines events: $(head -2 "$tmp/killed.err")"
	rm -f "$tmp/$name"
done
finish
