#!/bin/bash
# The kernel module on a real kernel (extended mode, FALCONET_EXTENDED=1): builds
# it against Debian's linux-headers, boots that kernel under qemu-system-x86_64
# with an initramfs of busybox, the module and falconet-capture with its
# libraries (tests/vm_init.sh runs there), and checks what comes back: the
# module builds with no warnings, loads, records the acceptance workload (the
# same assertions as the eBPF capture test, with the cgroups and vm_rss of
# clone and execve exits), refuses to unload while a device is
# open, unloads, leaves no warning in the kernel log; and the eBPF probe records
# the same workload on that kernel too. Skips (77) without the packages
# (scripts/install-deps.sh --extended installs them).
. "$(dirname "$0")/lib.sh"
: "${FALCONET_CAPTURE:=$top_builddir/capture/falconet-capture}"
[ "${FALCONET_EXTENDED:-0}" = 1 ] || { echo "SKIP: extended test (FALCONET_EXTENDED=1)"; exit $SKIP; }
command -v qemu-system-x86_64 >/dev/null || { echo "SKIP: no qemu-system-x86_64 (qemu-system-x86)"; exit $SKIP; }
busybox=$(command -v busybox || true)
if [ -z "$busybox" ] || ldd "$busybox" >/dev/null 2>&1; then
	echo "SKIP: no static busybox (busybox-static)"; exit $SKIP
fi
# the newest installed kernel image with its headers (linux-image-amd64, linux-headers-amd64)
kernel= kdir=
for k in $(ls /boot/vmlinuz-* 2>/dev/null | sort -V); do
	v=${k#/boot/vmlinuz-}
	[ -f "/lib/modules/$v/build/Makefile" ] && { kernel=$k; kdir=/lib/modules/$v/build; }
done
kernel=${FALCONET_VM_KERNEL:-$kernel}
kdir=${FALCONET_VM_KDIR:-$kdir}
[ -n "$kernel" ] && [ -r "$kernel" ] || { echo "SKIP: no kernel image with headers in /boot"; exit $SKIP; }
tmp=$(scratch)
trap '[ -n "${FALCONET_KEEP_TMP:-}" ] || rm -rf "$tmp"' EXIT

# 1. the module, built against the headers of that kernel
sh "$top_srcdir/kmod/stage.sh" "$top_srcdir" "$tmp/kmod" test
# (its own make: not a job server's client under make check)
if ! env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make -C "$kdir" M="$tmp/kmod" modules > "$tmp/build.log" 2>&1; then
	fail "module build failed: $(grep -m3 -i error "$tmp/build.log")"
	finish
fi
warnings=$(grep -ci 'warning' "$tmp/build.log")
[ "$warnings" -eq 0 ] && pass "module builds against $kdir with no warnings" ||
	fail "module build warnings: $(grep -m3 -i warning "$tmp/build.log")"

# 2. the initramfs: busybox, the module, falconet-capture and the libraries it loads
root=$tmp/root
mkdir -p "$root"/bin "$root"/etc "$root"/proc "$root"/sys "$root"/dev "$root"/tmp
cp "$busybox" "$root/bin/busybox"
cp "$top_srcdir/tests/vm_init.sh" "$root/init"
chmod +x "$root/init"
cp "$tmp/kmod/falconet.ko" "$root/"
cp "$FALCONET_CAPTURE" "$root/bin/falconet-capture"
for lib in $(ldd "$FALCONET_CAPTURE" | grep -o '/[^ ]*'); do
	mkdir -p "$root$(dirname "$lib")"
	cp -L "$lib" "$root$lib"
done
(cd "$root" && find . | cpio -o -H newc --quiet 2>/dev/null || find . | "$busybox" cpio -o -H newc) |
	gzip -1 > "$tmp/initramfs.gz"

# 3. boot it, in software emulation (FALCONET_VM_ACCEL=kvm uses KVM where it works)
accel=(-accel tcg -cpu max)
[ "${FALCONET_VM_ACCEL:-tcg}" = kvm ] && accel=(-accel kvm -cpu host)
timeout 600 qemu-system-x86_64 "${accel[@]}" -m 1024 -smp 2 -kernel "$kernel" \
	-initrd "$tmp/initramfs.gz" -append "console=ttyS0 panic=-1 quiet" \
	-display none -monitor none -no-reboot \
	-serial file:"$tmp/console.log" -serial file:"$tmp/data.log"
st=$?
[ $st -eq 0 ] || { fail "qemu exited $st: $(tail -5 "$tmp/console.log")"; finish; }

# section NAME: a file the guest sent back
section() {
	tr -d '\r' < "$tmp/data.log" | sed -n "/^BEGIN $1\$/,/^END $1\$/p" | sed '1d;$d' | base64 -d
}
section results > "$tmp/results"
[ -s "$tmp/results" ] || { fail "the guest sent nothing back: $(tail -5 "$tmp/console.log")"; finish; }
for f in kmod.scap kmod.err bpf.scap bpf.err dmesg.txt kmod.cgroup.txt kmod.rss.txt bpf.cgroup.txt bpf.rss.txt; do
	section "$f" > "$tmp/$f"
done
result() { sed -n "s/^$1=//p" "$tmp/results"; }
echo "guest kernel $(result kernel), $(result cpus) CPUs"
# assert_vm_process_data DRIVER: the cgroups and resident sizes of the guest's
# workload (cgroup v2 there: the process's path is its "0::" line)
assert_vm_process_data() {
	local rss_pid before after
	assert_cgroups_trace "$tmp/$1.scap" fnetcg cpu "$(sed -n 's/^0:://p' "$tmp/$1.cgroup.txt")" "$(result cg_hex)"
	read -r rss_pid before after < "$tmp/$1.rss.txt"
	assert_fork_rss "$tmp/$1.scap" "$rss_pid" "$before" "$after"
}

[ "$(result insmod)" = 0 ] && pass "insmod falconet.ko" || fail "insmod failed: $(grep -m3 falconet "$tmp/dmesg.txt")"
[ "$(result devices)" = "$(result cpus)" ] && pass "one device per CPU ($(result devices))" ||
	fail "$(result devices) devices for $(result cpus) CPUs"
[ "$(result capture_kmod)" = 0 ] && pass "capture with --driver kmod" ||
	fail "capture with --driver kmod exited $(result capture_kmod): $(head -3 "$tmp/kmod.err")"
assert_workload_trace "$tmp/kmod.scap" /tmp/redirect.txt 7777
assert_readers_agree "$tmp/kmod.scap"
assert_vm_process_data kmod
[ "$(result rmmod_busy)" = 1 ] && pass "rmmod refused while a device is open" ||
	fail "rmmod succeeded while a device was open"
[ "$(result rmmod)" = 0 ] && pass "rmmod once idle" || fail "rmmod failed once idle"
bad=$(grep -E 'WARNING:|BUG:|Oops|Call Trace|general protection|refcount_t' "$tmp/dmesg.txt")
[ -z "$bad" ] && pass "no warnings in the kernel log" || fail "kernel log: $(echo "$bad" | head -5)"

[ "$(result capture_bpf)" = 0 ] && pass "capture with --driver bpf on $(result kernel)" ||
	fail "capture with --driver bpf exited $(result capture_bpf): $(head -3 "$tmp/bpf.err")"
assert_workload_trace "$tmp/bpf.scap" /tmp/redirect.txt 7777
assert_readers_agree "$tmp/bpf.scap"
assert_vm_process_data bpf
finish
