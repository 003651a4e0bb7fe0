/*
 * Internals of the falconet kernel module shared between its files: the capture
 * settings, the per-CPU rings, the tracepoint hooks.
 */
#ifndef FNET_KMOD_H
#define FNET_KMOD_H

#include <linux/mutex.h>
#include <linux/types.h>

#include "falconet_ioctl.h"

/* Capture settings. Written only while the tracepoints are detached (under
 * fnet_lock), read by the tracepoint handlers. */
struct fnet_settings {
	u32 snaplen;                       /* bytes of I/O buffers kept */
	pid_t exclude_tgid;                /* process never recorded; 0: none */
	bool use_syscall_set;              /* record only the syscalls in syscall_set */
	u8 syscall_set[FNET_KMOD_SYSCALLS];
	u64 boot_time_ns;                  /* epoch ns at boot: timestamps add the boot clock */
};

extern struct fnet_settings fnet_settings;
extern struct mutex fnet_lock; /* serialises open, release, ioctls, start and stop */

/* ring.c: one ring per possible CPU, allocated on the first open of its device
 * and freed when the last device closes (fnet_rings_free). */
int fnet_ring_alloc(unsigned int cpu);                 /* 0 or -ENOMEM; idempotent */
void fnet_rings_free(void);                            /* tracepoints must be detached */
int fnet_ring_mmap(unsigned int cpu, struct vm_area_struct *vma);
bool fnet_ring_readable(unsigned int cpu);             /* unread records waiting */
struct wait_queue_head *fnet_ring_waitq(unsigned int cpu);
void fnet_ring_counters(unsigned int cpu, struct fnet_kmod_counters *c);
void fnet_rings_reset_counters(void);
/* Copies the record at `rec` (`len` bytes: the struct fnet_kmod_rec prefix then the
 * event) to the current CPU's ring, or counts it lost. Preemption must be off. */
void fnet_ring_write(const u8 *rec, u32 len);
void fnet_ring_count_too_big(void);
int fnet_rings_init(void);
void fnet_rings_exit(void);

/* tracepoints.c */
int fnet_tracepoints_find(void);   /* 0, or -ENOENT naming the missing one in the log */
int fnet_tracepoints_attach(void); /* 0 or a negative errno; nothing attached on failure */
void fnet_tracepoints_detach(void); /* returns once no handler runs any more */
bool fnet_tracepoints_attached(void);

/* record.c: scratch areas and the records of each tracepoint. */
int fnet_record_init(void);
void fnet_record_exit(void);
void fnet_record_sys_enter_k(u32 nr, const unsigned long *args);
void fnet_record_sys_exit_k(u32 nr, const unsigned long *args, long ret);
void fnet_record_exec_k(struct task_struct *p, u32 nr);
void fnet_record_fork_child_k(struct task_struct *child);
void fnet_record_procexit_k(struct task_struct *p);

/* ioctl.c */
long fnet_ioctl(unsigned int cpu, unsigned int cmd, unsigned long arg);

#endif
