/*
 * The `cgroups` parameter of the clone and execve families, as both drivers
 * write it: NUL-terminated "subsystem=path" strings for the cpuset, cpu,
 * cpuacct, io and memory controllers the kernel has, in that order, each path
 * from its hierarchy's root ("/" for the root itself). These five, their order
 * and the absolute paths are what falcosecurity/libs driver/modern_bpf writes
 * (auxmap__store_cgroups_param). On a cgroup v2 host a controller names the
 * nearest cgroup of the unified hierarchy that has it enabled.
 *
 * A path is rebuilt from the cgroup's kernfs node by walking its parents (a
 * cgroup is never moved to another parent, so the links are stable while the
 * task's css_set holds the cgroup); each driver walks in its own way
 * (probe/cgroup.bpf.h, kmod/cgroups.c) within these bounds.
 */
#ifndef FNET_FILL_CGROUPS_H
#define FNET_FILL_CGROUPS_H

/* Deepest path kept: the components nearest the cgroup (the reference keeps 6). */
#define FNET_CGROUP_DEPTH 16
/* Longest component read (cgroup names are at most NAME_MAX bytes). */
#define FNET_CGROUP_NAME_MAX 256
/* Longest controller name read. */
#define FNET_CGROUP_SUBSYS_MAX 64
/* Room for the whole parameter; a subsystem that would not fit is left out, so
 * an execve record (exe, args, env of up to 4 KiB each) stays in its scratch half. */
#define FNET_CGROUPS_MAX 2048

#endif
