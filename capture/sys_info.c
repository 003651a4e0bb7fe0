#include "sys_info.h"

#include <fcntl.h>
#include <grp.h>
#include <pwd.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "proc_file.h"

void sys_machine_read(struct fnet_machine_record *m)
{
	memset(m, 0, sizeof(*m));
	if (gethostname(m->hostname, sizeof(m->hostname) - 1) < 0)
		m->hostname[0] = 0;
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);
	m->num_cpus = cpus > 0 ? (uint32_t)cpus : 0;
	long pages = sysconf(_SC_PHYS_PAGES), psize = sysconf(_SC_PAGESIZE);
	if (pages > 0 && psize > 0)
		m->memory_bytes = (uint64_t)pages * (uint64_t)psize;
	char buf[32];
	const char *p = buf;
	uint64_t v;
	if (proc_read_str_at(AT_FDCWD, "/proc/sys/kernel/pid_max", buf, sizeof(buf)) > 0 &&
	    proc_scan_u64(&p, &v))
		m->max_pid = v;
	struct timespec rt, bt;
	if (clock_gettime(CLOCK_REALTIME, &rt) == 0 && clock_gettime(CLOCK_BOOTTIME, &bt) == 0) {
		uint64_t r = (uint64_t)rt.tv_sec * 1000000000u + (uint64_t)rt.tv_nsec;
		uint64_t b = (uint64_t)bt.tv_sec * 1000000000u + (uint64_t)bt.tv_nsec;
		m->boot_ts_ns = r > b ? r - b : 0;
	}
}

static int str_of(struct arena *a, const char *s, struct fnet_str *out)
{
	size_t n = s ? strlen(s) : 0;
	if (!(out->ptr = arena_copy(a, s ? s : "", n)))
		return -1;
	out->len = (uint32_t)n;
	return 0;
}

/* Grows `*v` (elements of `size` bytes) to hold one more than `n`. */
static int grow(void **v, size_t *cap, size_t n, size_t size)
{
	if (n < *cap)
		return 0;
	size_t c = *cap ? *cap * 2 : 64;
	void *p = realloc(*v, c * size);
	if (!p)
		return -1;
	*v = p;
	*cap = c;
	return 0;
}

int sys_accounts_read(struct sys_accounts *acc, struct arena *arena)
{
	memset(acc, 0, sizeof(*acc));
	size_t ucap = 0, gcap = 0;
	int rc = 0;
	setpwent();
	for (struct passwd *pw; rc == 0 && (pw = getpwent());) {
		if (grow((void **)&acc->users, &ucap, acc->nusers, sizeof(*acc->users)) < 0) {
			rc = -1;
			break;
		}
		struct fnet_user_record *u = &acc->users[acc->nusers];
		u->uid = pw->pw_uid;
		u->gid = pw->pw_gid;
		if (str_of(arena, pw->pw_name, &u->name) < 0 || str_of(arena, pw->pw_dir, &u->homedir) < 0 ||
		    str_of(arena, pw->pw_shell, &u->shell) < 0)
			rc = -1;
		else
			acc->nusers++;
	}
	endpwent();
	setgrent();
	for (struct group *gr; rc == 0 && (gr = getgrent());) {
		if (grow((void **)&acc->groups, &gcap, acc->ngroups, sizeof(*acc->groups)) < 0) {
			rc = -1;
			break;
		}
		struct fnet_group_record *g = &acc->groups[acc->ngroups];
		g->gid = gr->gr_gid;
		if (str_of(arena, gr->gr_name, &g->name) < 0)
			rc = -1;
		else
			acc->ngroups++;
	}
	endgrent();
	if (rc < 0)
		sys_accounts_free(acc);
	return rc;
}

void sys_accounts_free(struct sys_accounts *acc)
{
	free(acc->users);
	free(acc->groups);
	memset(acc, 0, sizeof(*acc));
}
