/*
 * x86_64 syscall number -> the enter event type the probe records it with (the
 * exit type is the next number); 0 for syscalls recorded as the generic event.
 * Shared by the probe (which fills these events) and user space (which turns
 * evt.type names into the syscalls a capture records). Where the schema has several
 * versions of an event, this is the newest one below 336, the last type sysdig
 * 0.29.3 knows (it drops higher types): dup, dup2 and dup3 as dup (124), accept4
 * as 248, pipe2 as pipe (60). Type numbers: falcosecurity/libs ppm_events_public.h.
 */
#ifndef FNET_SYSCALL_EVENTS_H
#define FNET_SYSCALL_EVENTS_H

#include "syscall_codes.h"

static const unsigned short fnet_syscall_event[FNET_SYSCALL_TABLE_SIZE] = {
	[0] = 6, /* read */
	[1] = 8, /* write */
	[2] = 2, /* open */
	[3] = 4, /* close */
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
	[48] = 36, /* shutdown */
	[49] = 20, /* bind */
	[50] = 24, /* listen */
	[56] = 222, /* clone */
	[57] = 224, /* fork */
	[58] = 226, /* vfork */
	[59] = 292, /* execve */
	[62] = 128, /* kill */
	[80] = 94, /* chdir */
	[81] = 96, /* fchdir */
	[83] = 276, /* mkdir */
	[84] = 278, /* rmdir */
	[85] = 58, /* creat */
	[87] = 300, /* unlink */
	[200] = 130, /* tkill */
	[234] = 132, /* tgkill */
	[257] = 306, /* openat */
	[258] = 304, /* mkdirat */
	[263] = 302, /* unlinkat */
	[288] = 248, /* accept4 */
	[292] = 124, /* dup3 */
	[293] = 60, /* pipe2 */
	[322] = 330, /* execveat */
	[435] = 334, /* clone3 */
	[437] = 326, /* openat2 */
};

#endif
