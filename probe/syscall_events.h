/*
 * x86_64 syscall number -> the enter event type the probe records it with (the
 * exit type is the next number); 0 for syscalls recorded as the generic event.
 * Shared by the probe (which fills these events) and user space (which turns
 * evt.type names into the syscalls a capture records). Where the schema has several
 * versions of an event, this is the newest one below 336, the last type sysdig
 * 0.29.3 knows (it drops higher types): dup, dup2 and dup3 as dup (124), accept4
 * as 248, pipe2 as pipe (60), umount2 as umount (258), bpf as 296. Syscalls whose
 * only events are newer (chown, lchown, fchown, fchownat, prctl, capset,
 * memfd_create, init_module, finit_module, io_uring_setup) use those: falconet
 * reads them, sysdig 0.29.3 skips them. Type numbers: falcosecurity/libs
 * ppm_events_public.h.
 */
#ifndef FNET_SYSCALL_EVENTS_H
#define FNET_SYSCALL_EVENTS_H

#include "syscall_codes.h"

static const unsigned short fnet_syscall_event[FNET_SYSCALL_TABLE_SIZE] = {
	[0] = 6, /* read */
	[1] = 8, /* write */
	[2] = 2, /* open */
	[3] = 4, /* close */
	[9] = 160, /* mmap */
	[10] = 328, /* mprotect */
	[17] = 112, /* pread64 */
	[18] = 114, /* pwrite64 */
	[19] = 116, /* readv */
	[20] = 118, /* writev */
	[22] = 60, /* pipe */
	[32] = 124, /* dup */
	[33] = 124, /* dup2 */
	[41] = 18, /* socket */
	[42] = 22, /* connect */
	[43] = 246, /* accept */
	[44] = 30, /* sendto */
	[45] = 34, /* recvfrom */
	[46] = 48, /* sendmsg */
	[47] = 52, /* recvmsg */
	[48] = 36, /* shutdown */
	[49] = 20, /* bind */
	[50] = 24, /* listen */
	[53] = 42, /* socketpair */
	[56] = 222, /* clone */
	[57] = 224, /* fork */
	[58] = 226, /* vfork */
	[59] = 292, /* execve */
	[62] = 128, /* kill */
	[80] = 94, /* chdir */
	[81] = 96, /* fchdir */
	[82] = 174, /* rename */
	[83] = 276, /* mkdir */
	[84] = 278, /* rmdir */
	[85] = 58, /* creat */
	[86] = 308, /* link */
	[87] = 300, /* unlink */
	[88] = 178, /* symlink */
	[90] = 314, /* chmod */
	[91] = 316, /* fchmod */
	[92] = 378, /* chown */
	[93] = 382, /* fchown */
	[94] = 380, /* lchown */
	[101] = 168, /* ptrace */
	[105] = 198, /* setuid */
	[106] = 200, /* setgid */
	[117] = 192, /* setresuid */
	[119] = 194, /* setresgid */
	[126] = 352, /* capset */
	[157] = 400, /* prctl */
	[165] = 256, /* mount */
	[166] = 258, /* umount2 */
	[175] = 410, /* init_module */
	[200] = 130, /* tkill */
	[234] = 132, /* tgkill */
	[257] = 306, /* openat */
	[258] = 304, /* mkdirat */
	[260] = 384, /* fchownat */
	[263] = 302, /* unlinkat */
	[264] = 176, /* renameat */
	[265] = 310, /* linkat */
	[266] = 180, /* symlinkat */
	[268] = 312, /* fchmodat */
	[272] = 284, /* unshare */
	[288] = 248, /* accept4 */
	[292] = 124, /* dup3 */
	[293] = 60, /* pipe2 */
	[308] = 240, /* setns */
	[313] = 412, /* finit_module */
	[316] = 318, /* renameat2 */
	[319] = 404, /* memfd_create */
	[321] = 296, /* bpf */
	[322] = 330, /* execveat */
	[323] = 320, /* userfaultfd */
	[425] = 338, /* io_uring_setup */
	[435] = 334, /* clone3 */
	[437] = 326, /* openat2 */
};

#endif
