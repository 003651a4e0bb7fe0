/*
 * Kernel-to-scap conversions of flag words shared by both drivers (values:
 * falcosecurity/libs driver/ppm_events_public.h PPM_AF_*, PPM_O_*, PPM_CL_*;
 * kernel values: x86_64 uapi headers).
 */
#ifndef FNET_SCAP_FLAGS_H
#define FNET_SCAP_FLAGS_H

#define PPM_AF_UNIX 1
#define PPM_AF_INET 2
#define PPM_AF_INET6 10
#define KERNEL_AF_UNIX 1
#define KERNEL_AF_INET 2
#define KERNEL_AF_INET6 10

/* open(2) flags (x86_64 values) to PPM_O_* bits. */
static __always_inline u32 open_flags_to_scap(u64 f)
{
	u32 r;
	switch (f & 3) {
	case 1: r = 2; break;          /* O_WRONLY */
	case 2: r = 3; break;          /* O_RDWR */
	default: r = 1; break;         /* O_RDONLY */
	}
	if (f & 0100) r |= 4;          /* O_CREAT */
	if (f & 0200) r |= 32;         /* O_EXCL */
	if (f & 01000) r |= 256;       /* O_TRUNC */
	if (f & 02000) r |= 8;         /* O_APPEND */
	if (f & 04000) r |= 64;        /* O_NONBLOCK */
	if (f & 010000) r |= 16;       /* O_DSYNC */
	if (f & 04000000) r |= 128;    /* __O_SYNC */
	if (f & 040000) r |= 512;      /* O_DIRECT */
	if (f & 0100000) r |= 2048;    /* O_LARGEFILE */
	if (f & 0200000) r |= 1024;    /* O_DIRECTORY */
	if (f & 02000000) r |= 4096;   /* O_CLOEXEC */
	if ((f & 020200000) == 020200000) r |= 8192; /* O_TMPFILE */
	return r;
}

/* clone(2) flags to PPM_CL_* bits. */
static __always_inline u32 clone_flags_to_scap(u64 f)
{
	u32 r = 0;
	if (f & 0x00000400) r |= 1 << 0;   /* CLONE_FILES */
	if (f & 0x00000200) r |= 1 << 1;   /* CLONE_FS */
	if (f & 0x80000000) r |= 1 << 2;   /* CLONE_IO */
	if (f & 0x08000000) r |= 1 << 3;   /* CLONE_NEWIPC */
	if (f & 0x40000000) r |= 1 << 4;   /* CLONE_NEWNET */
	if (f & 0x00020000) r |= 1 << 5;   /* CLONE_NEWNS */
	if (f & 0x20000000) r |= 1 << 6;   /* CLONE_NEWPID */
	if (f & 0x04000000) r |= 1 << 7;   /* CLONE_NEWUTS */
	if (f & 0x00008000) r |= 1 << 8;   /* CLONE_PARENT */
	if (f & 0x00100000) r |= 1 << 9;   /* CLONE_PARENT_SETTID */
	if (f & 0x00002000) r |= 1 << 10;  /* CLONE_PTRACE */
	if (f & 0x00000800) r |= 1 << 11;  /* CLONE_SIGHAND */
	if (f & 0x00040000) r |= 1 << 12;  /* CLONE_SYSVSEM */
	if (f & 0x00010000) r |= 1 << 13;  /* CLONE_THREAD */
	if (f & 0x00800000) r |= 1 << 14;  /* CLONE_UNTRACED */
	if (f & 0x00000100) r |= 1 << 15;  /* CLONE_VM */
	if (f & 0x10000000) r |= 1 << 20;  /* CLONE_NEWUSER */
	if (f & 0x00200000) r |= 1 << 23;  /* CLONE_CHILD_CLEARTID */
	if (f & 0x01000000) r |= 1 << 24;  /* CLONE_CHILD_SETTID */
	if (f & 0x00080000) r |= 1 << 25;  /* CLONE_SETTLS */
	if (f & 0x00004000) r |= 1 << 27;  /* CLONE_VFORK */
	if (f & 0x02000000) r |= 1 << 28;  /* CLONE_NEWCGROUP */
	return r;
}

#endif
