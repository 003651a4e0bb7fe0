#include "proc_task.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "proc_file.h"

/* scap clone flags (driver/ppm_events_public.h PPM_CL_*). */
#define PPM_CL_CLONE_FILES (1u << 0)
#define PPM_CL_CLONE_THREAD (1u << 13)

void proc_task_cache_init(struct proc_task_cache *c, struct arena *arena)
{
	memset(c, 0, sizeof(*c));
	c->arena = arena;
}

void proc_task_cache_free(struct proc_task_cache *c)
{
	fnet_int_map_free(&c->pidns_ts);
}

/*
 * Reads file `name` straight into the arena (at most `max` bytes); a file we cannot
 * read (kernel threads have no environment: ESRCH) is empty. Returns -1 only when
 * out of memory: whether the process is gone is decided by its status file.
 */
static int read_into_arena(struct arena *a, int dirfd, const char *name, size_t max,
			   struct fnet_str *out, unsigned *denied, unsigned denied_bit)
{
	char *buf = arena_reserve(a, max);
	if (!buf)
		return -1;
	ssize_t n = proc_read_at(dirfd, name, buf, max);
	if (n < 0) {
		if (errno == EACCES || errno == EPERM)
			*denied |= denied_bit;
		arena_commit(a, 0);
		out->ptr = "";
		out->len = 0;
		return 0;
	}
	arena_commit(a, (size_t)n);
	out->ptr = buf;
	out->len = (uint32_t)n;
	return 0;
}

/* Cuts a NUL-separated list that was truncated at `max` back to its last whole entry. */
static void trim_list(struct fnet_str *s, size_t max)
{
	if (s->len < max)
		return;
	while (s->len && s->ptr[s->len - 1] != 0)
		s->len--;
}

static int copy_str(struct arena *a, const char *p, size_t n, struct fnet_str *out)
{
	if (!(out->ptr = arena_copy(a, p, n)))
		return -1;
	out->len = (uint32_t)n;
	return 0;
}

/* Reads a link into the arena; a link we may not read sets `denied_bit` in `*denied`. */
static int readlink_into(struct arena *a, int dirfd, const char *name, struct fnet_str *out,
			 unsigned *denied, unsigned denied_bit)
{
	char buf[4096];
	ssize_t n = proc_readlink_at(dirfd, name, buf, sizeof(buf));
	if (n < 0 && (errno == EACCES || errno == EPERM))
		*denied |= denied_bit;
	return copy_str(a, buf, n < 0 ? 0 : (size_t)n, out);
}

/* Inode in a "net:[4026531840]" namespace link, or 0. */
static uint64_t ns_inode(int dirfd, const char *name)
{
	char buf[64];
	if (proc_readlink_at(dirfd, name, buf, sizeof(buf)) < 0)
		return 0;
	const char *p = strchr(buf, '[');
	return p ? strtoull(p + 1, NULL, 10) : 0;
}

/* The controllers of the cgroup2 hierarchy, for "0::PATH" lines. */
static const char *v2_controllers(struct proc_task_cache *c)
{
	if (!c->v2_loaded) {
		static const char *const roots[] = {"/sys/fs/cgroup/cgroup.controllers",
						    "/sys/fs/cgroup/unified/cgroup.controllers"};
		c->v2_loaded = 1;
		for (size_t i = 0; i < sizeof(roots) / sizeof(roots[0]); i++)
			if (proc_read_str_at(AT_FDCWD, roots[i], c->v2_controllers,
					     sizeof(c->v2_controllers)) > 0)
				break;
	}
	return c->v2_controllers;
}

/* Appends "subsys=path\0" if it fits in `max`. */
static void put_cgroup(char *out, size_t *len, size_t max, const char *sub, size_t sublen,
		       const char *path, size_t plen)
{
	if (*len + sublen + 1 + plen + 1 > max)
		return;
	memcpy(out + *len, sub, sublen);
	out[*len + sublen] = '=';
	memcpy(out + *len + sublen + 1, path, plen);
	*len += sublen + 1 + plen;
	out[(*len)++] = 0;
}

/* /proc/PID/cgroup ("ID:controllers:path" lines) as NUL-separated "subsys=path". */
static int read_cgroups(int dirfd, struct proc_task_cache *c, struct fnet_str *out)
{
	char text[PROC_MAX_CGROUPS];
	if (proc_read_str_at(dirfd, "cgroup", text, sizeof(text)) < 0) {
		out->ptr = "";
		out->len = 0;
		return 0;
	}
	char *res = arena_reserve(c->arena, PROC_MAX_CGROUPS);
	if (!res)
		return -1;
	size_t len = 0;
	for (char *line = text; *line;) {
		char *end = strchr(line, '\n');
		if (!end)
			end = line + strlen(line);
		char *c1 = memchr(line, ':', (size_t)(end - line));
		char *c2 = c1 ? memchr(c1 + 1, ':', (size_t)(end - c1 - 1)) : NULL;
		if (c2) {
			const char *path = c2 + 1;
			size_t plen = (size_t)(end - path);
			if (c2 == c1 + 1) {
				/* cgroup v2: the path holds every controller of the hierarchy */
				for (const char *s = v2_controllers(c); *s;) {
					size_t n = strcspn(s, " \n");
					if (n)
						put_cgroup(res, &len, PROC_MAX_CGROUPS, s, n, path, plen);
					s += n;
					s += strspn(s, " \n");
				}
			} else {
				for (const char *s = c1 + 1; s < c2;) {
					const char *e = memchr(s, ',', (size_t)(c2 - s));
					if (!e)
						e = c2;
					/* named hierarchies (name=systemd) are not controllers */
					if (strncmp(s, "name=", 5) != 0)
						put_cgroup(res, &len, PROC_MAX_CGROUPS, s, (size_t)(e - s),
							   path, plen);
					s = e + 1;
				}
			}
		}
		line = *end ? end + 1 : end;
	}
	arena_commit(c->arena, len);
	out->ptr = res;
	out->len = (uint32_t)len;
	return 0;
}

/* RLIMIT_NOFILE of the process: prlimit, else the "Max open files" line of limits. */
static uint64_t fd_limit(int dirfd, int64_t pid)
{
	struct rlimit rl;
	if (prlimit((pid_t)pid, RLIMIT_NOFILE, NULL, &rl) == 0)
		return rl.rlim_cur;
	char text[2048];
	if (proc_read_str_at(dirfd, "limits", text, sizeof(text)) > 0) {
		const char *p = strstr(text, "Max open files");
		uint64_t v;
		if (p && (p += 14, proc_scan_u64(&p, &v)))
			return v;
	}
	return UINT64_MAX;
}

/* Start time of the pid namespace's init, as libscap takes it: ctime of its /proc/1/cmdline. */
static uint64_t pidns_start(int dirfd, struct proc_task_cache *c)
{
	uint64_t ns = ns_inode(dirfd, "ns/pid");
	if (!ns)
		return 0;
	uintptr_t v = (uintptr_t)fnet_int_map_get(&c->pidns_ts, (int64_t)ns);
	if (v)
		return (uint64_t)(v - 1);
	struct stat st;
	uint64_t ts = 0;
	if (fstatat(dirfd, "root/proc/1/cmdline", &st, 0) == 0)
		ts = (uint64_t)st.st_ctim.tv_sec * 1000000000u + (uint64_t)st.st_ctim.tv_nsec;
	fnet_int_map_put(&c->pidns_ts, (int64_t)ns, (void *)(uintptr_t)(ts + 1), NULL);
	return ts;
}

int proc_process_read(int dirfd, int64_t pid, struct proc_task_cache *c, struct proc_process *p)
{
	struct arena *a = c->arena;
	memset(p, 0, sizeof(*p));
	p->pid = pid;
	struct fnet_str cmdline;
	unsigned ignored = 0;
	if (read_into_arena(a, dirfd, "cmdline", PROC_MAX_ARGS, &cmdline, &ignored, 0) < 0)
		return -1;
	trim_list(&cmdline, PROC_MAX_ARGS);
	/* argv[0], then the NUL-separated rest (without its final NUL) */
	size_t n0 = strnlen(cmdline.ptr, cmdline.len);
	p->exe.ptr = cmdline.ptr;
	p->exe.len = (uint32_t)n0;
	if (n0 + 1 < cmdline.len) {
		p->args.ptr = cmdline.ptr + n0 + 1;
		p->args.len = cmdline.len - (uint32_t)n0 - 1;
		if (p->args.ptr[p->args.len - 1] == 0)
			p->args.len--;
	} else {
		p->args.ptr = "";
	}
	if (read_into_arena(a, dirfd, "environ", PROC_MAX_ENV, &p->env, &p->denied,
			    PROC_DENIED_ENV) < 0)
		return -1;
	trim_list(&p->env, PROC_MAX_ENV);
	if (readlink_into(a, dirfd, "exe", &p->exepath, &p->denied, PROC_DENIED_EXEPATH) < 0 ||
	    readlink_into(a, dirfd, "cwd", &p->cwd, &p->denied, PROC_DENIED_CWD) < 0 ||
	    readlink_into(a, dirfd, "root", &p->root, &p->denied, PROC_DENIED_ROOT) < 0 ||
	    read_cgroups(dirfd, c, &p->cgroups) < 0)
		return -1;
	char buf[32];
	uint64_t v;
	const char *q = buf;
	p->loginuid = UINT32_MAX;
	if (proc_read_str_at(dirfd, "loginuid", buf, sizeof(buf)) > 0 && proc_scan_u64(&q, &v))
		p->loginuid = (uint32_t)v;
	p->fdlimit = fd_limit(dirfd, pid);
	p->netns = ns_inode(dirfd, "ns/net");
	p->pidns_init_start_ts_ns = pidns_start(dirfd, c);
	return 0;
}

/*
 * Fields of stat after the ")" that closes the command name: 3 state, 4 ppid,
 * 5 pgrp, 6 session, 7 tty_nr, 8 tpgid, 9 flags, 10 minflt, 11 cminflt, 12 majflt,
 * ... 22 starttime.
 */
static int parse_stat(const char *text, struct fnet_thread_record *t, uint64_t *start)
{
	const char *p = strrchr(text, ')');
	if (!p)
		return -1;
	p += 2;
	uint64_t f[23] = {0};
	for (int i = 3; i <= 22; i++) {
		while (*p == ' ')
			p++;
		if (i == 3) { /* the state letter */
			if (!*p)
				return -1;
			p++;
			continue;
		}
		int neg = *p == '-';
		if (neg)
			p++;
		if (!proc_scan_u64(&p, &f[i]))
			return -1;
		if (neg)
			f[i] = (uint64_t)-(int64_t)f[i];
	}
	t->pgid = (int64_t)f[5];
	t->sid = (int64_t)f[6];
	t->tty = (uint32_t)f[7];
	t->pfminor = f[10];
	t->pfmajor = f[12];
	*start = f[22];
	return 0;
}

/* The second number of a "Uid:" / "Gid:" line: the effective id. */
static uint32_t effective_id(const char *text, const char *key)
{
	const char *p = proc_find_key(text, key);
	uint64_t real, eff;
	if (p && proc_scan_u64(&p, &real) && proc_scan_u64(&p, &eff))
		return (uint32_t)eff;
	return UINT32_MAX;
}

static uint64_t status_u64(const char *text, const char *key, uint64_t dflt)
{
	const char *p = proc_find_key(text, key);
	uint64_t v;
	return p && proc_scan_u64(&p, &v) ? v : dflt;
}

/* The innermost namespace id: the last number of an "NSpid:"-style line. */
static int64_t status_last(const char *text, const char *key, int64_t dflt)
{
	const char *p = proc_find_key(text, key);
	uint64_t v;
	if (!p)
		return dflt;
	const char *end = strchr(p, '\n');
	char line[256];
	size_t n = end ? (size_t)(end - p) : strlen(p);
	if (n >= sizeof(line))
		n = sizeof(line) - 1;
	memcpy(line, p, n);
	line[n] = 0;
	return proc_scan_last_u64(line, &v) ? (int64_t)v : dflt;
}

int proc_thread_read(int dirfd, int64_t tid, const struct proc_process *p,
		     struct proc_task_cache *c, struct fnet_thread_record *t,
		     uint64_t *start_ticks)
{
	uint64_t start;
	/* status grows with the Groups: line, which comes before NSpid: */
	char status[16384], stat[2048], comm[64];
	if (proc_read_str_at(dirfd, "status", status, sizeof(status)) <= 0 ||
	    proc_read_str_at(dirfd, "stat", stat, sizeof(stat)) <= 0) {
		if (errno == 0 || errno == EACCES)
			errno = ENOENT;
		return -1;
	}
	memset(t, 0, sizeof(*t));
	t->tid = tid;
	t->pid = p->pid;
	if (parse_stat(stat, t, &start) < 0) {
		errno = ENOENT;
		return -1;
	}
	if (start_ticks)
		*start_ticks = start;
	ssize_t n = proc_read_str_at(dirfd, "comm", comm, sizeof(comm));
	if (n > 0 && comm[n - 1] == '\n')
		comm[--n] = 0;
	if (copy_str(c->arena, comm, n > 0 ? (size_t)n : 0, &t->comm) < 0)
		return -1;
	t->ptid = (int64_t)status_u64(status, "PPid:", 0);
	t->uid = effective_id(status, "Uid:");
	t->gid = effective_id(status, "Gid:");
	t->vtid = status_last(status, "NSpid:", tid);
	t->vpid = status_last(status, "NStgid:", p->pid);
	t->vpgid = status_last(status, "NSpgid:", t->pgid);
	t->vmsize_kb = (uint32_t)status_u64(status, "VmSize:", 0);
	t->vmrss_kb = (uint32_t)status_u64(status, "VmRSS:", 0);
	t->vmswap_kb = (uint32_t)status_u64(status, "VmSwap:", 0);
	t->exe = p->exe;
	t->exepath = p->exepath;
	t->args = p->args;
	t->env = p->env;
	t->cwd = p->cwd;
	t->root = p->root;
	t->cgroups = p->cgroups;
	t->loginuid = p->loginuid;
	t->fdlimit = p->fdlimit;
	t->pidns_init_start_ts_ns = p->pidns_init_start_ts_ns;
	t->flags = tid == p->pid ? 0 : PPM_CL_CLONE_THREAD | PPM_CL_CLONE_FILES;
	return 0;
}
