/*
 * The falconet kernel module's interface to user space (shared by kmod/ and
 * capture/engine_kmod.c). One character device per possible CPU,
 * /dev/falconetN, each holding that CPU's ring of event records.
 *
 * mmap of a device (offset 0, FNET_KMOD_HDR_BYTES + ring_bytes long) maps its
 * ring: a header page (struct fnet_kmod_ring_hdr), then ring_bytes of data.
 * The module writes records at `head`, user space reads from `tail` and advances
 * it; both are free-running byte counts (position = count % ring_bytes). Each
 * record is a struct fnet_kmod_rec prefix and then one scap event record (event
 * header, u16 parameter lengths, values), padded to 8 bytes. A prefix with
 * FNET_KMOD_REC_WRAP set marks the rest of the ring as unused: reading goes on at
 * the ring's start.
 *
 * The ioctls act on the capture as a whole (all CPUs), through any of the
 * devices, except FNET_IOCTL_COUNTERS, which reads the CPU of the device.
 * Settings are taken while the capture is stopped; starting it while another
 * process holds it open fails with EBUSY.
 */
#ifndef FNET_FALCONET_IOCTL_H
#define FNET_FALCONET_IOCTL_H

#ifdef __KERNEL__
#include <linux/ioctl.h>
#include <linux/types.h>
#else
#include <stdint.h>
#include <sys/ioctl.h>
typedef uint8_t __u8;
typedef uint16_t __u16;
typedef uint32_t __u32;
typedef int32_t __s32;
typedef uint64_t __u64;
#endif

#define FNET_KMOD_DEVICE "/dev/falconet" /* then the CPU number */
#define FNET_KMOD_HDR_BYTES 4096          /* the header's share of the mapping */
#define FNET_KMOD_SYSCALLS 512            /* entries of the prefilter set */

/* The ring header, first page of the mapping. */
struct fnet_kmod_ring_hdr {
	__u64 head;       /* written by the module (release order): bytes ever written */
	__u64 tail;       /* written by user space: bytes ever consumed */
	__u64 ring_bytes; /* data area size, a power of two */
	__u32 cpu;        /* the CPU this ring serves */
	__u32 pad;
};

#define FNET_KMOD_REC_WRAP 1

/* Prefix of every record in the ring (8 bytes, as the eBPF probe's ring prefix). */
struct fnet_kmod_rec {
	__u16 cpu;   /* the CPU that wrote the record */
	__u16 flags; /* FNET_KMOD_REC_WRAP */
	__u32 len;   /* bytes of the event record that follows (unpadded) */
};

/* Per-CPU counters since the capture started. */
struct fnet_kmod_counters {
	__u64 events;  /* records written to the ring */
	__u64 drops;   /* records lost: ring full */
	__u64 too_big; /* records over the builder's limit, dropped */
};

/* The syscall prefilter: syscall number (x86_64) -> non-zero when recorded. */
struct fnet_kmod_syscall_set {
	__u8 on[FNET_KMOD_SYSCALLS];
};

#define FNET_IOCTL_MAGIC 0xfa
#define FNET_IOCTL_START _IO(FNET_IOCTL_MAGIC, 1)  /* attach the tracepoints */
#define FNET_IOCTL_STOP _IO(FNET_IOCTL_MAGIC, 2)   /* detach them (rings keep their data) */
#define FNET_IOCTL_SET_SNAPLEN _IOW(FNET_IOCTL_MAGIC, 3, __u32) /* bytes of I/O buffers kept */
/* Record only the syscalls in the set (fork/exec/exit records are always kept). */
#define FNET_IOCTL_SET_SYSCALLS _IOW(FNET_IOCTL_MAGIC, 4, struct fnet_kmod_syscall_set)
#define FNET_IOCTL_ALL_SYSCALLS _IO(FNET_IOCTL_MAGIC, 5) /* drop the prefilter */
#define FNET_IOCTL_EXCLUDE_TGID _IOW(FNET_IOCTL_MAGIC, 6, __s32) /* never record this process; 0: none */
#define FNET_IOCTL_COUNTERS _IOR(FNET_IOCTL_MAGIC, 7, struct fnet_kmod_counters)

#endif
