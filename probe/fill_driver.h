/*
 * What the shared fillers (fill_*.h, fill_dispatch.h) ask of the driver that
 * includes them: the eBPF probe defines these in task.bpf.h, memory.bpf.h,
 * cgroup.bpf.h and process.bpf.h, the kernel module in kmod/record.h (with
 * kmod/task.c and kmod/cgroups.c). All of them but ev_task_cgroups are about the
 * current task; none may sleep or fault (they run in tracepoints).
 */
#ifndef FNET_FILL_DRIVER_H
#define FNET_FILL_DRIVER_H

/* Appends the socket tuple (socktuple.h) of fd `fd`; an empty parameter when the
 * fd is no socket of a known family, or `fd` < 0. */
static __always_inline void ev_fd_socktuple(struct builder *b, s64 fd);

/* Device (user-space dev_t encoding: minor & 0xff | major << 8 | (minor & ~0xff)
 * << 12) and inode number of fd `fd`; 0 and 0 when unknown or `fd` < 0. */
static __always_inline void fnet_fd_dev_ino(s64 fd, u32 *dev, u64 *ino);

/* Accept queue length and limit of the socket `fd`; 0 and 0 when unknown. */
static __always_inline void fnet_fd_listen_queue(s64 fd, u32 *qlen, u32 *qmax);

/* Kernel addresses of unix socket `fd` and of its peer (the values unix socket
 * tuples carry); 0 and 0 when `fd` is no unix socket. */
static __always_inline void fnet_fd_unix_pair(s64 fd, u64 *sk_addr, u64 *peer);

/* The current task's inheritable, permitted and effective capability sets. */
static __always_inline void fnet_current_caps(u64 *inh, u64 *prm, u64 *eff);

/* Appends vm_size, vm_rss, vm_swap (KiB) of the current task (ev_vm_pages). */
static __always_inline void ev_vm_sizes(struct builder *b);

struct task_struct;

/* Appends the cgroups parameter (fill_cgroups.h) of task `t`: the current task,
 * or a child not yet running; an empty parameter when nothing can be read. */
static __always_inline void ev_task_cgroups(struct builder *b, struct task_struct *t);

/* Exit records of the process syscalls for the current task (process.bpf.h has
 * the layouts): execve/execveat with result `ret`; the clone family with result
 * `ret` and the kernel's clone flags `flags`. */
static __always_inline void fill_execve_x(struct builder *b, long ret);
static __always_inline void fill_clone_x(struct builder *b, long ret, u64 flags);

#endif
