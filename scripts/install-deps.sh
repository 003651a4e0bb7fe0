#!/bin/sh
# Installs what falconet needs to build and test on Debian 12, with apt-get (as root,
# or through sudo). Build: compiler, autotools, and the libraries configure checks.
# Tests: cmocka, zstd, python3, and the reference readers sysdig and tshark.
# --extended adds what the extended tests use: a Debian kernel with its headers,
# QEMU and a static busybox (tests/kmod_qemu.sh boots that kernel with the module).
set -eu
SUDO=
[ "$(id -u)" -eq 0 ] || SUDO=sudo
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends \
	gcc make autoconf automake pkg-config ca-certificates clang bpftool \
	libyaml-dev libcjson-dev libzstd-dev zlib1g-dev libbpf-dev libelf-dev \
	libcmocka-dev libclang-rt-dev zstd gzip python3 \
	sysdig tshark
if [ "${1:-}" = --extended ]; then
	$SUDO apt-get install -y -q --no-install-recommends \
		linux-image-amd64 linux-headers-amd64 qemu-system-x86 busybox-static cpio
fi
