#!/bin/bash
# The eBPF probe's syscalls with full parameters (root only; skipped where eBPF
# cannot load): a python3 workload makes each call with distinctive arguments
# (raw syscalls through ctypes, so libc picks no other variant), and each event
# must show them in falconet-replay's listing. sysdig must list the same events,
# except the types it does not know (336 and up: chown, prctl, capset, ...).
. "$(dirname "$0")/lib.sh"
: "${FALCONET_CAPTURE:=$top_builddir/capture/falconet-capture}"
[ "$(id -u)" -eq 0 ] || { echo "SKIP: live capture needs root"; exit $SKIP; }
command -v python3 >/dev/null || { echo "SKIP: no python3 for the workload"; exit $SKIP; }
tmp=$(scratch)
cap_pid=
trap '[ -n "$cap_pid" ] && kill -9 $cap_pid 2>/dev/null; umount -l "$tmp/w/mnt" 2>/dev/null; rm -rf "$tmp"' EXIT


# The workload. Calls that fail (no mount rights, no module support...) still
# produce their events with the arguments. It writes values the checks need to
# $W/facts as shell assignments.
workload() {
	python3 - "$1" <<'PY'
import array, ctypes, os, signal, socket, sys

W = sys.argv[1]
libc = ctypes.CDLL(None, use_errno=True)
libc.syscall.restype = ctypes.c_long
S = libc.syscall
L = ctypes.c_long
def s(text): return ctypes.c_char_p(text.encode())
AT_FDCWD = -100
facts = {}

# rename family, links
open(W + "/a", "w").write("x")
S(82, s(W + "/a"), s(W + "/b"))                              # rename
dfd = os.open(W, os.O_RDONLY | os.O_DIRECTORY)
S(264, L(dfd), s("b"), L(AT_FDCWD), s(W + "/c"))             # renameat
S(316, L(dfd), s("c"), L(dfd), s("d"), L(1))                 # renameat2 RENAME_NOREPLACE
S(86, s(W + "/d"), s(W + "/hard1"))                          # link
S(265, L(dfd), s("d"), L(dfd), s("hard2"), L(0x400))         # linkat AT_SYMLINK_FOLLOW
S(88, s("fnet-target-one"), s(W + "/sym1"))                  # symlink
S(266, s("fnet-target-two"), L(dfd), s("sym2"))              # symlinkat
# modes and owners
fd = os.open(W + "/d", os.O_RDONLY)
S(90, s(W + "/d"), L(0o4751))                                # chmod
S(91, L(fd), L(0o640))                                       # fchmod
S(268, L(dfd), s("d"), L(0o1777))                            # fchmodat
S(92, s(W + "/d"), L(1234), L(5678))                         # chown
S(94, s(W + "/sym1"), L(2345), L(6789))                      # lchown
S(93, L(fd), L(3456), L(7890))                               # fchown
S(260, L(dfd), s("d"), L(4567), L(8901), L(0x1000))          # fchownat AT_EMPTY_PATH
# mount, umount2
os.mkdir(W + "/mnt")
S(165, s("fnetdev"), s(W + "/mnt"), s("tmpfs"), L(0x2 | 0x4), s("size=1m"))  # MS_NOSUID|MS_NODEV
S(166, s(W + "/mnt"), L(2))                                  # umount2 MNT_DETACH
# memory
addr = S(9, L(0), L(454656), L(3), L(0x22), L(-1), L(0))     # mmap RW, MAP_PRIVATE|MAP_ANONYMOUS
S(10, ctypes.c_ulong(addr), L(8192), L(1))                   # mprotect PROT_READ
facts["mmap_addr"] = format(addr & (2**64 - 1), "X")
# sockets: a message with an SCM_RIGHTS control part
a, b = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
a.sendmsg([b"fnet-msg-payload"], [(socket.SOL_SOCKET, socket.SCM_RIGHTS, array.array("i", [fd]))])
b.recvmsg(100, 64)
# credentials, namespaces, capabilities, prctl: in a child
r, w = os.pipe()
pid = os.fork()
if pid == 0:
    S(308, L(os.open("/proc/self/ns/uts", os.O_RDONLY)), L(0x04000000))  # setns CLONE_NEWUTS
    S(272, L(0x04000000))                                    # unshare CLONE_NEWUTS
    hdr = (ctypes.c_uint32 * 2)(0x20080522, 0)               # _LINUX_CAPABILITY_VERSION_3
    data = (ctypes.c_uint32 * 6)()
    S(125, hdr, data)                                        # capget
    data[0] &= ~(1 << 13)                                    # drop CAP_NET_RAW from effective
    S(126, hdr, data)                                        # capset
    os.write(w, format(data[0] | data[3] << 32, "X").encode())
    S(157, L(15), s("fnet-prctl-wl"))                        # prctl PR_SET_NAME
    S(106, L(4242))                                          # setgid
    S(119, L(4201), L(4202), L(4203))                        # setresgid
    S(117, L(4301), L(4302), L(4303))                        # setresuid
    S(105, L(4303))                                          # setuid (the saved uid)
    os._exit(0)
os.close(w)
facts["cap_eff"] = os.read(r, 64).decode()
os.waitpid(pid, 0)
# ptrace: the child stops itself; PEEKDATA reads a known word of its memory
word = ctypes.c_uint64(0x1122334455667788)
pid = os.fork()
if pid == 0:
    S(101, L(0), L(0), L(0), L(0))                           # PTRACE_TRACEME
    os.kill(os.getpid(), signal.SIGSTOP)
    os._exit(0)
os.waitpid(pid, os.WUNTRACED)
out = ctypes.c_uint64(0)
S(101, L(2), L(pid), ctypes.byref(word), ctypes.byref(out))  # PTRACE_PEEKDATA
if S(101, L(7), L(pid), L(0), L(0)) != 0:                    # PTRACE_CONT
    os.kill(pid, signal.SIGKILL)                             # not traced after all: still stopped
os.waitpid(pid, 0)
facts["traced"] = pid
# bpf: an array map (4-byte keys and values, one entry)
attr = (ctypes.c_uint32 * 30)(2, 4, 4, 1)
facts["bpf_fd"] = S(321, L(0), attr, L(120))                 # BPF_MAP_CREATE
# memfd, modules (these images are not modules: the calls fail), userfaultfd, io_uring
S(319, s("fnet-memfd"), L(3))                                # memfd_create MFD_CLOEXEC|MFD_ALLOW_SEALING
img = b"NOT-A-MODULE" * 4
S(175, ctypes.c_char_p(img), L(len(img)), s("fnetarg=1"))    # init_module
S(313, L(fd), s("fnetarg=2"), L(2))                          # finit_module MODULE_INIT_IGNORE_VERMAGIC
S(323, L(os.O_CLOEXEC | os.O_NONBLOCK))                      # userfaultfd
params = (ctypes.c_uint32 * 30)()
facts["uring_fd"] = S(425, L(4), params)                     # io_uring_setup, 4 entries
# openat of path strings in pages of a fresh file mapping: the probe cannot fault
# a page in, so an enter event may miss the path; the exit (after the kernel
# read it) must always carry it
import mmap
target = (W + "/fresh").encode()
npaths = 256
with open(W + "/paths", "wb") as f:
    for i in range(npaths):
        f.write(target + b"\0" * (4096 - len(target)))
m = mmap.mmap(os.open(W + "/paths", os.O_RDONLY), npaths * 4096, mmap.MAP_PRIVATE,
              mmap.PROT_READ | mmap.PROT_WRITE)
base = ctypes.addressof(ctypes.c_char.from_buffer(m))         # no page is touched
for i in range(npaths):
    ofd = S(257, L(AT_FDCWD), ctypes.c_void_p(base + i * 4096), L(0))  # openat
    if ofd >= 0:
        os.close(ofd)
facts["fresh_pid"] = os.getpid()
facts["fresh_n"] = npaths
with open(W + "/facts", "w") as f:
    for k, v in facts.items():
        f.write("%s=%s\n" % (k, v))
PY
}

mkdir "$tmp/w"
W=$tmp/w
: > "$W/fresh"  # the file the openat storm opens (made here: python would open it)
start_capture "$tmp/probe.scap"
sleep 0.5
workload "$W" || fail "the workload failed"
sleep 0.5
stop_capture
[ -s "$W/facts" ] || { fail "the workload wrote no facts"; finish; }
mmap_addr=none cap_eff=none traced=none bpf_fd=-1 uring_fd=-1 fresh_pid=0 fresh_n=0
# shellcheck source=/dev/null
. "$W/facts"
trace=$tmp/probe.scap

# sysdig 0.29.3 skips these types (336 and up); the other events it must list.
newer=$(types_newer_than_sysdig)
"$FALCONET_REPLAY" --all-params -r "$trace" "evt.type in (socketpair, sendmsg, recvmsg, rename, renameat, renameat2,
	link, linkat, symlink, symlinkat, chmod, fchmod, fchmodat, setuid, setgid, setresuid, setresgid,
	setns, unshare, mount, umount, ptrace, bpf, mmap, mprotect, userfaultfd, $newer)" > "$tmp/events.txt"

# check DIR TYPE TEXT...: some DIR ('>' or '<') TYPE event line holds every TEXT
check() {
	local dir=$1 type=$2; shift 2
	local lines
	lines=$(grep -F -- " $dir $type " "$tmp/events.txt")
	for t in "$@"; do
		lines=$(printf '%s\n' "$lines" | grep -F -- "$t")
	done
	[ -n "$lines" ] && pass "$dir $type $*" || fail "no '$dir $type' event with: $*"
}

check '<' rename "oldpath=$W/a newpath=$W/b"
check '<' renameat "oldpath=b($W/b)" "newdirfd=-100(AT_FDCWD) newpath=$W/c"
check '<' renameat2 "oldpath=c($W/c)" "newpath=d($W/d) flags=1(RENAME_NOREPLACE)"
check '<' link "res=0 oldpath=$W/d newpath=$W/hard1"
check '<' linkat "oldpath=d($W/d)" "newpath=hard2($W/hard2) flags=1024(AT_SYMLINK_FOLLOW)"
check '<' symlink "target=fnet-target-one linkpath=$W/sym1"
check '<' symlinkat "target=fnet-target-two" "linkpath=sym2($W/sym2)"
check '<' chmod "filename=$W/d mode=04751(S_IXOTH|S_IXGRP|S_IRGRP|S_IXUSR|S_IWUSR|S_IRUSR|S_ISUID)"
check '<' fchmod "(<f>$W/d)" "mode=0640(S_IRGRP|S_IWUSR|S_IRUSR)"
check '<' fchmodat "filename=d($W/d) mode=01777(" "S_ISVTX)"
check '<' chown "path=$W/d uid=1234 gid=5678"
check '<' lchown "path=$W/sym1 uid=2345 gid=6789"
check '<' fchown "(<f>$W/d) uid=3456 gid=7890"
check '<' fchownat "pathname=d($W/d) uid=4567 gid=8901 flags=4096(AT_EMPTY_PATH)"
check '>' mount "flags=6(NOSUID|NODEV)"
check '<' mount "dev=fnetdev dir=$W/mnt type=tmpfs flags=6(NOSUID|NODEV)"
check '>' umount "flags=2(DETACH)"           # umount2 is recorded as umount (258)
check '<' umount "name=$W/mnt"
check '>' mmap "length=454656 prot=3(PROT_READ|PROT_WRITE) flags=10(MAP_PRIVATE|MAP_ANONYMOUS) fd=-1"
check '<' mmap "res=$mmap_addr vm_size=" "length=454656 prot=3(PROT_READ|PROT_WRITE) flags=10(MAP_PRIVATE|MAP_ANONYMOUS)"
grep -F " < mmap res=$mmap_addr " "$tmp/events.txt" | grep -q "vm_size=[1-9][0-9]* vm_rss=[1-9][0-9]* vm_swap=" &&
	pass "mmap: vm_size and vm_rss" || fail "mmap: no vm_size or vm_rss"
check '>' mprotect "addr=$mmap_addr length=8192 prot=1(PROT_READ)"
check '<' mprotect "res=0 addr=$mmap_addr length=8192 prot=1(PROT_READ)"
check '>' socketpair "domain=1(AF_LOCAL)"
check '<' socketpair "res=0 fd1=" "domain=1(AF_LOCAL)"
grep -F " < socketpair " "$tmp/events.txt" | grep -q "source=[0-9A-F]*[1-9A-F][0-9A-F]* peer=[0-9A-F]*[1-9A-F]" &&
	pass "socketpair source and peer addresses" || fail "socketpair without source and peer addresses"
check '>' sendmsg "size=16 tuple="
check '<' sendmsg "res=16 data=fnet-msg-payload" "size=16 tuple="
check '<' recvmsg "res=16 size=16 data=fnet-msg-payload tuple=" "msgcontrol=."
check '>' setns "(<f>/proc/self/ns/uts) nstype=128(CLONE_NEWUTS)"
check '<' setns "(<f>/proc/self/ns/uts) nstype=128(CLONE_NEWUTS)"
check '<' unshare "flags=128(CLONE_NEWUTS)"
check '<' capset "res=0" "cap_effective=$cap_eff "
check '<' prctl "option=15(PR_SET_NAME) arg2_str=fnet-prctl-wl"
check '<' setgid "res=0 gid=4242"
check '<' setresgid "res=0 rgid=4201" "egid=4202" "sgid=4203"
check '<' setresuid "res=0 ruid=4301" "euid=4302" "suid=4303"
check '<' setuid "res=0 uid=4303("
check '>' ptrace "request=1(PTRACE_TRACEME)"
check '>' ptrace "request=3(PTRACE_PEEKDATA) pid=$traced"
check '<' ptrace "res=0 addr=" "request=3(PTRACE_PEEKDATA) pid=$traced"
check '<' ptrace "request=8(PTRACE_CONT) pid=$traced"
check '>' bpf "cmd=0"
check '<' bpf "res_or_fd="
check '<' memfd_create "name=fnet-memfd flags=3(MFD_CLOEXEC|MFD_ALLOW_SEALING)"
# the state names the new fds: the memfd by its name, socketpair's as unix sockets
grep -F " < memfd_create " "$tmp/events.txt" | grep -q "fd=[0-9]*(<?>fnet-memfd)" &&
	pass "memfd_create's fd is in the fd table" || fail "memfd_create's fd is not named"
grep -F " < socketpair " "$tmp/events.txt" | grep -q "fd1=[0-9]*(<u>) fd2=[0-9]*(<u>)" &&
	pass "socketpair's fds are unix sockets" || fail "socketpair's fds are not in the fd table"
check '<' init_module "img=NOT-A-MODULENOT-A-MODULE" "length=48 uargs=fnetarg=1"
check '<' finit_module "(<f>$W/d) uargs=fnetarg=2 flags=2(MODULE_INIT_IGNORE_VERMAGIC)"
check '<' userfaultfd "flags=4160(O_NONBLOCK|O_CLOEXEC)"
check '<' io_uring_setup "entries=4"
[ "$uring_fd" -ge 0 ] && check '<' io_uring_setup "res=$uring_fd entries=4 sq_entries=4"

# openat on fresh pages: every exit names the file; enter events may not
sel="evt.type=openat and proc.pid=$fresh_pid and evt.dir"
n_exit=$("$FALCONET_REPLAY" -r "$trace" "$sel=< and evt.arg.name=$W/fresh" | wc -l)
[ "$n_exit" -eq "$fresh_n" ] && pass "all $fresh_n openat exits on fresh pages carry the path" ||
	fail "$n_exit of $fresh_n openat exits on fresh pages carry the path"
n_enter=$("$FALCONET_REPLAY" -r "$trace" "$sel=> and evt.arg.name=$W/fresh" | wc -l)
echo "note: $((fresh_n - n_enter)) of $fresh_n openat enter events on fresh pages have no path (the page was not mapped yet)"

if command -v sysdig >/dev/null; then
	same_events_as_sysdig "$trace"
	# the PT_DYN parameters, which sysdig decodes
	sysdig -r "$trace" "evt.type=ptrace and evt.dir=<" 2>/dev/null |
		grep -q "res=0 addr=[0-9A-F]* data=1122334455667788" &&
		pass "sysdig: ptrace PEEKDATA data=1122334455667788" || fail "sysdig: no ptrace PEEKDATA word"
	if [ "$bpf_fd" -ge 0 ]; then
		sysdig -r "$trace" "evt.type=bpf and evt.dir=<" 2>/dev/null | grep -q "res_or_fd=$bpf_fd\b" &&
			pass "sysdig: bpf res_or_fd=$bpf_fd" || fail "sysdig: no bpf exit with res_or_fd=$bpf_fd"
	fi
	sysdig -r "$trace" "evt.type=mount and evt.dir=<" 2>/dev/null | grep -qF "dir=$W/mnt type=tmpfs" &&
		pass "sysdig: mount" || fail "sysdig: no mount of $W/mnt"
fi
finish
