#!/bin/sh
# stage.sh SRCDIR DEST VERSION: gathers the kernel module's sources in DEST, one
# flat directory that Kbuild (make -C KDIR M=DEST) and DKMS build from: kmod/'s
# files, the record fillers it shares with the eBPF probe, and dkms.conf with
# VERSION filled in. Used by `make` (configure --with-kmod), `make install` and
# the QEMU test.
set -eu
src=$1 dest=$2 version=$3
mkdir -p "$dest"
for f in "$src"/kmod/*.c "$src"/kmod/*.h "$src"/kmod/Kbuild "$src"/kmod/Makefile; do
	case $f in *.mod.c) ;; *) cp "$f" "$dest"/ ;; esac # not an in-tree build's output
done
for h in builder.h scap_flags.h socktuple.h fill_driver.h fill_dispatch.h fill_file.h fill_fs.h \
	fill_net.h fill_memory.h fill_security.h fill_cgroups.h fill_process.h falconet_probe.h syscall_codes.h \
	syscall_events.h; do
	cp "$src/probe/$h" "$dest/"
done
cp "$src"/libfalconet/event_codes.h "$src"/libfalconet/event_nparams.h "$dest"/
sed "s/@VERSION@/$version/" "$src"/kmod/dkms.conf > "$dest"/dkms.conf
chmod -R u+w "$dest"
