/* Host-wide records of a snapshot: machine information, users and groups. */
#ifndef FNET_CAPTURE_SYS_INFO_H
#define FNET_CAPTURE_SYS_INFO_H

#include <stddef.h>

#include "arena.h"
#include "trace_reader.h"

/*
 * Fills `m`: host name, online CPUs, physical memory in bytes, kernel.pid_max,
 * boot time in ns since the epoch (CLOCK_REALTIME minus CLOCK_BOOTTIME, the base
 * the drivers add to their boot-relative timestamps). Never fails: what cannot
 * be read is left 0.
 */
void sys_machine_read(struct fnet_machine_record *m);

/* Users and groups of the name service, strings in an arena. */
struct sys_accounts {
	struct fnet_user_record *users;
	size_t nusers;
	struct fnet_group_record *groups;
	size_t ngroups;
};

/*
 * Enumerates getpwent(3) and getgrent(3) into `acc` (arrays owned by `acc`,
 * strings copied into `arena`). Returns 0, or -1 when out of memory.
 */
int sys_accounts_read(struct sys_accounts *acc, struct arena *arena);

/* Frees the arrays (the strings belong to the arena). */
void sys_accounts_free(struct sys_accounts *acc);

#endif
