#!/bin/busybox sh
# /init of the QEMU guest of tests/kmod_qemu.sh (busybox sh). Loads the kernel
# module, captures the acceptance workload with it (with a process in a
# docker-named cgroup and a fork whose resident size /proc reports just before
# and after), checks that it cannot be
# unloaded while a device is open and unloads it, captures the workload again
# with the eBPF probe, then sends everything back on the second serial port:
# sections "BEGIN name" .. "END name", each base64-encoded, and powers off.
/bin/busybox --install -s /bin
export PATH=/bin:/usr/bin
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs dev /dev
mount -t tmpfs tmp /tmp
ifconfig lo 127.0.0.1 up
ip -6 addr add ::1/128 dev lo 2>/dev/null
echo falconet-vm > /etc/hostname
R=/tmp/results
PORT=7777
# the cgroup: in the unified hierarchy, with the cpu, io and memory controllers
# enabled down to it (cpuset stays at the root, as on the test hosts)
CG_HEX=$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')
CG=/sys/fs/cgroup/fnet-test/docker-$CG_HEX.scope
mount -t cgroup2 cgroup2 /sys/fs/cgroup
mkdir -p /sys/fs/cgroup/fnet-test
for c in cpu io memory; do
	for d in /sys/fs/cgroup /sys/fs/cgroup/fnet-test; do echo "+$c" > $d/cgroup.subtree_control; done
done 2>/dev/null
mkdir -p "$CG"
echo "cg_hex=$CG_HEX" >> $R

workload() {
	/bin/cat /etc/hostname > /dev/null # by path: busybox sh runs applets through /proc/self/exe
	sh -c "echo falconet > /tmp/redirect.txt"
	nc -l -p $PORT -e true &
	srv=$!
	# the server may take a moment to listen under emulation: retry refused connects
	for _ in 1 2 3 4 5 6 7 8 9 10; do
		nc 127.0.0.1 $PORT < /dev/null && break
		sleep 0.3
	done
	kill $srv 2>/dev/null
	wait $srv 2>/dev/null
}

# cgroup_workload DRIVER: a shell joins the cgroup, notes its /proc cgroup lines
# and runs fnetcg (a copy of busybox: it exits at once, naming no applet)
cgroup_workload() {
	cp /bin/busybox /tmp/fnetcg
	sh -c "echo \$\$ > $CG/cgroup.procs && cat /proc/self/cgroup > /tmp/$1.cgroup.txt && exec /tmp/fnetcg"
}

# rss_workload DRIVER: a shell notes its pid and its resident size (/proc VmRSS,
# KiB) just before and just after it forks
rss_workload() {
	# builtins only: the one fork is the subshell
	sh -c 'vmrss() { while read -r k v _; do [ "$k" = VmRSS: ] && rss=$v; done < /proc/$$/status; }
		vmrss; before=$rss; (exit 0) & wait; vmrss; echo "$$ $before $rss"' > /tmp/$1.rss.txt
}

# capture DRIVER: the workload recorded by falconet-capture --driver DRIVER
capture() {
	out=/tmp/$1.scap
	falconet-capture --driver "$1" -w "$out" 2> /tmp/$1.err &
	pid=$!
	i=0
	while [ ! -s "$out" ] && [ $i -lt 100 ] && kill -0 $pid 2>/dev/null; do
		sleep 0.1
		i=$((i + 1))
	done
	sleep 0.5
	workload
	cgroup_workload $1
	rss_workload $1
	sleep 0.5
	kill -INT $pid
	wait $pid
	echo "capture_$1=$?" >> $R
}

uname -r | sed 's/^/kernel=/' >> $R
if insmod /falconet.ko; then echo "insmod=0" >> $R; else echo "insmod=1" >> $R; fi
echo "devices=$(ls /dev/falconet* 2>/dev/null | wc -l)" >> $R
echo "cpus=$(grep -c ^processor /proc/cpuinfo)" >> $R
capture kmod
# an open device holds the module
exec 3< /dev/falconet0
if rmmod falconet 2>/dev/null; then echo "rmmod_busy=0" >> $R; else echo "rmmod_busy=1" >> $R; fi
exec 3<&-
if rmmod falconet; then echo "rmmod=0" >> $R; else echo "rmmod=1" >> $R; fi
capture bpf
dmesg > /tmp/dmesg.txt

for f in results kmod.scap kmod.err bpf.scap bpf.err dmesg.txt kmod.cgroup.txt kmod.rss.txt \
	bpf.cgroup.txt bpf.rss.txt; do
	echo "BEGIN $f"
	[ -f /tmp/$f ] && base64 /tmp/$f
	echo "END $f"
done > /dev/ttyS1
sync
poweroff -f
