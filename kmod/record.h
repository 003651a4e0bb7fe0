/*
 * The kernel module's side of record building: the primitives builder.h asks of
 * a driver, mapped to the kernel's fault-tolerant copies (they never sleep and
 * return an error on a fault instead of oopsing), then the fillers shared with
 * the eBPF probe (probe/fill_*.h), then the module's answers to fill_driver.h
 * (task.c, cgroups.c). Included by record.c and task.c.
 */
#ifndef FNET_KMOD_RECORD_H
#define FNET_KMOD_RECORD_H

#include <linux/compiler.h>
#include <linux/in.h>
#include <linux/in6.h>
#include <linux/kernel.h>
#include <linux/types.h>
#include <linux/uaccess.h>
#include <asm/byteorder.h>

#include "kmod.h"

struct sock;
struct task_struct;

static __always_inline long fnet_read_user(void *dst, u32 n, const void *src)
{
	return copy_from_user_nofault(dst, (const void __user __force *)src, n);
}

/* strcopy.c: bounded, fault-tolerant string copies (length with the NUL, or < 0). */
long fnet_kmod_strncpy_user(void *dst, const void *src, long n);
long fnet_kmod_strncpy_kernel(void *dst, const void *src, long n);

static __always_inline long fnet_read_user_str(void *dst, u32 n, const void *src)
{
	return fnet_kmod_strncpy_user(dst, src, n);
}

static __always_inline long fnet_read_kernel_str(void *dst, u32 n, const void *src)
{
	return fnet_kmod_strncpy_kernel(dst, src, n);
}

static __always_inline u32 fnet_snaplen(void)
{
	return READ_ONCE(fnet_settings.snaplen);
}

#define fnet_ntohs(v) ntohs(v)

#include "builder.h"
#include "scap_flags.h"
#include "socktuple.h"
#include "fill_driver.h"
#include "fill_file.h"
#include "fill_fs.h"
#include "fill_net.h"
#include "fill_memory.h"
#include "fill_security.h"
#include "fill_cgroups.h"
#include "fill_process.h"

/* task.c: what fill_driver.h asks, for the current task (see there). */
void fnet_kmod_fd_socktuple(struct builder *b, s64 fd);
void fnet_kmod_fd_dev_ino(s64 fd, u32 *dev, u64 *ino);
void fnet_kmod_fd_listen_queue(s64 fd, u32 *qlen, u32 *qmax);
void fnet_kmod_fd_unix_pair(s64 fd, u64 *sk_addr, u64 *peer);
void fnet_kmod_current_caps(u64 *inh, u64 *prm, u64 *eff);
void fnet_kmod_vm_sizes(struct builder *b);
/* cgroups.c: appends the cgroups parameter of task `t` (the current task, or a
 * child not yet running); preemption off. */
void fnet_kmod_cgroups(struct builder *b, struct task_struct *t);
/* Reads task `t` into `f`; its argument and environment areas only when `t` is
 * the current task (another task's memory is not read). */
void fnet_kmod_task_facts(struct task_struct *t, struct fnet_task_facts *f);

static __always_inline void ev_fd_socktuple(struct builder *b, s64 fd)
{
	fnet_kmod_fd_socktuple(b, fd);
}

static __always_inline void fnet_fd_dev_ino(s64 fd, u32 *dev, u64 *ino)
{
	fnet_kmod_fd_dev_ino(fd, dev, ino);
}

static __always_inline void fnet_fd_listen_queue(s64 fd, u32 *qlen, u32 *qmax)
{
	fnet_kmod_fd_listen_queue(fd, qlen, qmax);
}

static __always_inline void fnet_fd_unix_pair(s64 fd, u64 *sk_addr, u64 *peer)
{
	fnet_kmod_fd_unix_pair(fd, sk_addr, peer);
}

static __always_inline void fnet_current_caps(u64 *inh, u64 *prm, u64 *eff)
{
	fnet_kmod_current_caps(inh, prm, eff);
}

static __always_inline void ev_vm_sizes(struct builder *b)
{
	fnet_kmod_vm_sizes(b);
}

static __always_inline void ev_task_cgroups(struct builder *b, struct task_struct *t)
{
	fnet_kmod_cgroups(b, t);
}

static __always_inline void fill_execve_x(struct builder *b, long ret)
{
	struct fnet_task_facts f;

	fnet_kmod_task_facts(current, &f);
	fill_execve_x_facts(b, &f, ret);
}

static __always_inline void fill_clone_x(struct builder *b, long ret, u64 flags)
{
	struct fnet_task_facts f;

	fnet_kmod_task_facts(current, &f);
	fill_clone_x_facts(b, &f, ret, flags);
}

#endif
