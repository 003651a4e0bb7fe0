#include "proc_snapshot.h"

#include <dirent.h>
#include <stddef.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "int_map.h"
#include "proc_fds.h"
#include "proc_sockets.h"
#include "proc_task.h"

/* A block is closed once its estimated size passes this. */
#define BLOCK_TARGET (1024 * 1024)

struct scan {
	struct proc_snapshot *s;
	struct proc_task_cache cache;
	struct proc_sockets socks;
	const struct proc_snapshot *prev;
	struct fnet_int_map prev_by_pid; /* pid -> index in prev->procs, plus one */
};

static int grow(void **v, size_t *cap, size_t n, size_t size)
{
	if (n < *cap)
		return 0;
	size_t c = *cap ? *cap * 2 : 256;
	void *p = realloc(*v, c * size);
	if (!p)
		return -1;
	*v = p;
	*cap = c;
	return 0;
}

static int add_fd(void *ctx, const struct fnet_fd_record *f)
{
	struct proc_snapshot *s = ctx;
	if (grow((void **)&s->fds, &s->fds_cap, s->nfds, sizeof(*s->fds)) < 0)
		return -1;
	s->fds[s->nfds++] = *f;
	return 0;
}

static int is_number(const char *n)
{
	if (!*n)
		return 0;
	for (; *n; n++)
		if (*n < '0' || *n > '9')
			return 0;
	return 1;
}

/* Adds the threads of process `p` other than the main one. Returns -1 only on ENOMEM. */
static int scan_threads(struct scan *sc, int pid_dirfd, const struct proc_process *p)
{
	struct proc_snapshot *s = sc->s;
	int task_fd = openat(pid_dirfd, "task", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (task_fd < 0)
		return 0;
	DIR *d = fdopendir(task_fd);
	if (!d) {
		close(task_fd);
		return 0;
	}
	int rc = 0;
	for (struct dirent *de; (de = readdir(d));) {
		if (!is_number(de->d_name))
			continue;
		int64_t tid = strtoll(de->d_name, NULL, 10);
		if (tid == p->pid)
			continue;
		int tfd = openat(task_fd, de->d_name, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
		if (tfd < 0) {
			s->stats.vanished++;
			continue;
		}
		if (grow((void **)&s->threads, &s->threads_cap, s->nthreads, sizeof(*s->threads)) < 0) {
			close(tfd);
			rc = -1;
			break;
		}
		if (proc_thread_read(tfd, tid, p, &sc->cache, &s->threads[s->nthreads], NULL) == 0)
			s->nthreads++;
		else if (errno == ENOMEM)
			rc = -1;
		else
			s->stats.vanished++;
		close(tfd);
		if (rc < 0)
			break;
	}
	closedir(d);
	return rc;
}

/* The previous snapshot's entry for the same process (pid and start time), or NULL. */
static const struct proc_snapshot_proc *prev_proc(const struct scan *sc, int64_t pid, uint64_t start)
{
	if (!sc->prev)
		return NULL;
	uintptr_t i = (uintptr_t)fnet_int_map_get(&sc->prev_by_pid, pid);
	const struct proc_snapshot_proc *o = i ? &sc->prev->procs[i - 1] : NULL;
	return o && o->start_ticks == start ? o : NULL;
}

/* Replaces `*dst` with an arena copy of `src`. */
static int carry_str(struct arena *a, const struct fnet_str *src, struct fnet_str *dst)
{
	if (!(dst->ptr = arena_copy(a, src->ptr ? src->ptr : "", src->len)))
		return -1;
	dst->len = src->len;
	return 0;
}

/*
 * Fills the fields of `p` we were denied from `o`'s main thread, where `o` could
 * read them. Returns the bits carried, or -1 when out of memory.
 */
static int carry_strings(struct scan *sc, const struct proc_snapshot_proc *o, struct proc_process *p)
{
	const struct fnet_thread_record *t = &sc->prev->threads[o->main_thread];
	static const struct {
		unsigned bit;
		size_t field;
	} fields[] = {
		{PROC_DENIED_ENV, offsetof(struct fnet_thread_record, env)},
		{PROC_DENIED_EXEPATH, offsetof(struct fnet_thread_record, exepath)},
		{PROC_DENIED_CWD, offsetof(struct fnet_thread_record, cwd)},
		{PROC_DENIED_ROOT, offsetof(struct fnet_thread_record, root)},
	};
	struct fnet_str *dst[] = {&p->env, &p->exepath, &p->cwd, &p->root};
	unsigned carried = 0;
	for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++) {
		if (!(p->denied & fields[i].bit) || (o->denied & fields[i].bit))
			continue;
		const struct fnet_str *src = (const void *)((const char *)t + fields[i].field);
		if (carry_str(&sc->s->arena, src, dst[i]) < 0)
			return -1;
		carried |= fields[i].bit;
	}
	return (int)carried;
}

/* Appends `o`'s fds (names copied). Returns 0, or -1 when out of memory. */
static int carry_fds(struct scan *sc, const struct proc_snapshot_proc *o)
{
	const struct proc_fd_span *sp = &sc->prev->spans[o->span];
	for (size_t i = 0; i < sp->count; i++) {
		struct fnet_fd_record r = sc->prev->fds[sp->first + i];
		if (r.name.len && carry_str(&sc->s->arena, &sc->prev->fds[sp->first + i].name, &r.name) < 0)
			return -1;
		if (add_fd(sc->s, &r) < 0)
			return -1;
	}
	return 0;
}

/* Copies the process-wide strings of `p` into thread entry `t` (after a carry). */
static void set_process_strings(struct fnet_thread_record *t, const struct proc_process *p)
{
	t->env = p->env;
	t->exepath = p->exepath;
	t->cwd = p->cwd;
	t->root = p->root;
}

/* Adds process `pid`: main thread, other threads, fds. Returns -1 only on ENOMEM. */
static int scan_process(struct scan *sc, int proc_fd, const char *name)
{
	struct proc_snapshot *s = sc->s;
	int64_t pid = strtoll(name, NULL, 10);
	int dirfd = openat(proc_fd, name, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dirfd < 0) {
		s->stats.vanished++;
		return 0;
	}
	size_t nthreads0 = s->nthreads, nfds0 = s->nfds;
	struct proc_process p;
	struct proc_snapshot_proc entry = {pid, 0, s->nthreads, SIZE_MAX, 0};
	const struct proc_snapshot_proc *old = NULL;
	int carried = 0;
	errno = 0;
	if (proc_process_read(dirfd, pid, &sc->cache, &p) < 0)
		goto gone;
	if (grow((void **)&s->threads, &s->threads_cap, s->nthreads, sizeof(*s->threads)) < 0 ||
	    grow((void **)&s->procs, &s->procs_cap, s->nprocs, sizeof(*s->procs)) < 0) {
		errno = ENOMEM;
		goto gone;
	}
	if (proc_thread_read(dirfd, pid, &p, &sc->cache, &s->threads[s->nthreads], &entry.start_ticks) < 0)
		goto gone;
	s->nthreads++;
	if (p.denied && (old = prev_proc(sc, pid, entry.start_ticks))) {
		if ((carried = carry_strings(sc, old, &p)) < 0) {
			errno = ENOMEM;
			goto gone;
		}
		set_process_strings(&s->threads[entry.main_thread], &p);
	}
	entry.denied = p.denied & ~(unsigned)carried;
	if (scan_threads(sc, dirfd, &p) < 0) {
		errno = ENOMEM;
		goto gone;
	}
	if (proc_fds_scan(dirfd, p.netns, &sc->socks, &s->arena, add_fd, s) < 0) {
		if (errno == ENOMEM)
			goto gone;
		s->nfds = nfds0; /* what was read before the failure is dropped */
		if (errno == EACCES || errno == EPERM) {
			if (!old)
				old = prev_proc(sc, pid, entry.start_ticks);
			if (old && !(old->denied & PROC_DENIED_FDS) && old->span != SIZE_MAX) {
				if (carry_fds(sc, old) < 0) {
					errno = ENOMEM;
					goto gone;
				}
				carried = 1;
			} else if (!old || (old->denied & PROC_DENIED_FDS)) {
				entry.denied |= PROC_DENIED_FDS;
				s->stats.fds_unreadable++;
			}
		}
	}
	if (s->nfds > nfds0) {
		if (grow((void **)&s->spans, &s->spans_cap, s->nspans, sizeof(*s->spans)) < 0) {
			errno = ENOMEM;
			goto gone;
		}
		entry.span = s->nspans;
		s->spans[s->nspans++] = (struct proc_fd_span){pid, nfds0, s->nfds - nfds0};
	}
	s->procs[s->nprocs++] = entry;
	s->stats.processes++;
	s->stats.carried += carried != 0;
	close(dirfd);
	return 0;
gone:;
	/* Exited during the scan (or out of memory): drop what was read of it. */
	int rc = errno == ENOMEM ? -1 : 0;
	s->nthreads = nthreads0;
	s->nfds = nfds0;
	if (rc == 0)
		s->stats.vanished++;
	close(dirfd);
	return rc;
}

static uint64_t now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

int proc_snapshot_take(struct proc_snapshot *s, const char *procfs,
		       const struct proc_snapshot *prev, char *err)
{
	memset(s, 0, sizeof(*s));
	uint64_t t0 = now_ns();
	struct scan sc = {.s = s, .prev = prev};
	proc_task_cache_init(&sc.cache, &s->arena);
	proc_sockets_init(&sc.socks, &s->arena);
	sys_machine_read(&s->machine);
	int rc = 0;
	for (size_t i = 0; prev && i < prev->nprocs; i++)
		if (fnet_int_map_put(&sc.prev_by_pid, prev->procs[i].pid, (void *)(uintptr_t)(i + 1),
				     NULL) < 0) {
			snprintf(err, FNET_ERRBUF_SIZE, "indexing the previous snapshot: out of memory");
			rc = -1;
			goto out;
		}
	if (sys_accounts_read(&s->accounts, &s->arena) < 0) {
		snprintf(err, FNET_ERRBUF_SIZE, "reading users and groups: out of memory");
		rc = -1;
		goto out;
	}
	int proc_fd = open(procfs, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	DIR *d = proc_fd < 0 ? NULL : fdopendir(proc_fd);
	if (!d) {
		snprintf(err, FNET_ERRBUF_SIZE, "%s: cannot list processes: %s", procfs, strerror(errno));
		if (proc_fd >= 0)
			close(proc_fd);
		rc = -1;
		goto out;
	}
	for (struct dirent *de; rc == 0 && (de = readdir(d));)
		if (is_number(de->d_name) && scan_process(&sc, proc_fd, de->d_name) < 0) {
			snprintf(err, FNET_ERRBUF_SIZE, "%s/%s: out of memory", procfs, de->d_name);
			rc = -1;
		}
	closedir(d);
out:
	fnet_int_map_free(&sc.prev_by_pid);
	proc_sockets_free(&sc.socks);
	proc_task_cache_free(&sc.cache);
	if (rc < 0) {
		proc_snapshot_free(s);
		return -1;
	}
	s->stats.threads = s->nthreads;
	s->stats.fds = s->nfds;
	s->stats.scan_ns = now_ns() - t0;
	return 0;
}

void proc_snapshot_free(struct proc_snapshot *s)
{
	sys_accounts_free(&s->accounts);
	free(s->threads);
	free(s->fds);
	free(s->spans);
	free(s->procs);
	arena_free(&s->arena);
	memset(s, 0, sizeof(*s));
}

/* Upper bound of a PL_V9 entry's size: fixed fields and the strings. */
static size_t thread_entry_size(const struct fnet_thread_record *t)
{
	return 256 + t->comm.len + t->exe.len + t->exepath.len + t->args.len + t->cwd.len +
	       t->env.len + t->cgroups.len + t->root.len;
}

static size_t fd_entry_size(const struct fnet_fd_record *f)
{
	return 64 + f->name.len;
}

int proc_snapshot_write(const struct proc_snapshot *s, struct fnet_trace_writer *w, char *err)
{
	if (fnet_trace_write_machine(w, &s->machine, err) < 0 ||
	    fnet_trace_write_users(w, s->accounts.users, s->accounts.nusers, s->accounts.groups,
				   s->accounts.ngroups, err) < 0)
		return -1;
	/* Every process list before any fd list, so readers know each fd's process. */
	size_t first = 0, size = 0;
	for (size_t i = 0; i < s->nthreads; i++) {
		size_t e = thread_entry_size(&s->threads[i]);
		if (i > first && size + e > BLOCK_TARGET) {
			if (fnet_trace_write_threads(w, s->threads + first, i - first, err) < 0)
				return -1;
			first = i;
			size = 0;
		}
		size += e;
	}
	if (s->nthreads > first && fnet_trace_write_threads(w, s->threads + first, s->nthreads - first, err) < 0)
		return -1;
	for (size_t i = 0; i < s->nspans; i++) {
		const struct proc_fd_span *sp = &s->spans[i];
		const struct fnet_fd_record *f = s->fds + sp->first;
		size_t from = 0;
		size = 0;
		for (size_t j = 0; j < sp->count; j++) {
			size_t e = fd_entry_size(&f[j]);
			if (j > from && size + e > BLOCK_TARGET) {
				if (fnet_trace_write_fds(w, sp->pid, f + from, j - from, err) < 0)
					return -1;
				from = j;
				size = 0;
			}
			size += e;
		}
		if (fnet_trace_write_fds(w, sp->pid, f + from, sp->count - from, err) < 0)
			return -1;
	}
	return 0;
}

int proc_snapshot_feed(const struct proc_snapshot *s, const struct fnet_trace_sink *k)
{
	if (k->on_machine && k->on_machine(k->ctx, &s->machine))
		return -1;
	for (size_t i = 0; k->on_user && i < s->accounts.nusers; i++)
		if (k->on_user(k->ctx, &s->accounts.users[i]))
			return -1;
	for (size_t i = 0; k->on_group && i < s->accounts.ngroups; i++)
		if (k->on_group(k->ctx, &s->accounts.groups[i]))
			return -1;
	for (size_t i = 0; k->on_thread && i < s->nthreads; i++)
		if (k->on_thread(k->ctx, &s->threads[i]))
			return -1;
	for (size_t i = 0; k->on_fd && i < s->nspans; i++)
		for (size_t j = 0; j < s->spans[i].count; j++)
			if (k->on_fd(k->ctx, s->spans[i].pid, &s->fds[s->spans[i].first + j]))
				return -1;
	return 0;
}
