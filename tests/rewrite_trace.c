/*
 * Test tool: reads a trace with the reader and writes it again with the writer
 * (every block in its newest version, events re-encoded with nparams), so tests
 * can check that sysdig and falconet read our files as they read the original.
 * Usage: rewrite_trace IN OUT [none|gzip|zstd [DROP_FROM]]
 * With DROP_FROM, events of types DROP_FROM and up are left out (sysdig 0.29.3 knows
 * types below 336 only, and does not number the others), and their count printed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "event_params.h"
#include "strbuf.h"
#include "trace_reader.h"
#include "trace_writer.h"

struct ctx {
	struct fnet_trace_writer *w;
	char err[FNET_ERRBUF_SIZE];
	/* users and groups go in one block (a later user list replaces an earlier one) */
	struct fnet_user_record *users;
	struct fnet_group_record *groups;
	size_t nusers, ngroups;
	int users_written;
};

static struct fnet_str dup_str(struct fnet_str s)
{
	char *p = malloc(s.len + 1);
	if (!p)
		abort();
	memcpy(p, s.ptr, s.len);
	return (struct fnet_str){p, s.len};
}

static int on_machine(void *c, const struct fnet_machine_record *m)
{
	struct ctx *x = c;
	return fnet_trace_write_machine(x->w, m, x->err);
}
static int on_thread(void *c, const struct fnet_thread_record *t)
{
	struct ctx *x = c;
	return fnet_trace_write_threads(x->w, t, 1, x->err);
}
static int on_fd(void *c, int64_t tid, const struct fnet_fd_record *f)
{
	struct ctx *x = c;
	return fnet_trace_write_fds(x->w, tid, f, 1, x->err);
}
static int on_user(void *c, const struct fnet_user_record *u)
{
	struct ctx *x = c;
	x->users = realloc(x->users, (x->nusers + 1) * sizeof(*u));
	struct fnet_user_record *n = &x->users[x->nusers++];
	*n = *u;
	n->name = dup_str(u->name);
	n->homedir = dup_str(u->homedir);
	n->shell = dup_str(u->shell);
	return 0;
}
static int on_group(void *c, const struct fnet_group_record *g)
{
	struct ctx *x = c;
	x->groups = realloc(x->groups, (x->ngroups + 1) * sizeof(*g));
	struct fnet_group_record *n = &x->groups[x->ngroups++];
	*n = *g;
	n->name = dup_str(g->name);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: rewrite_trace IN OUT [none|gzip|zstd [DROP_FROM]]\n");
		return 2;
	}
	enum fnet_compression c = FNET_COMPRESSION_NONE;
	if (argc > 3 && !strcmp(argv[3], "gzip"))
		c = FNET_COMPRESSION_GZIP;
	else if (argc > 3 && !strcmp(argv[3], "zstd"))
		c = FNET_COMPRESSION_ZSTD;
	long drop_from = argc > 4 ? strtol(argv[4], NULL, 10) : -1;
	unsigned long dropped = 0;
	struct ctx x = {0};
	char err[FNET_ERRBUF_SIZE];
	if (!(x.w = fnet_trace_writer_open(argv[2], c, 0, err))) {
		fprintf(stderr, "rewrite_trace: %s: %s\n", argv[2], err);
		return 2;
	}
	struct fnet_trace_sink sink = {&x, on_machine, on_thread, on_fd, on_user, on_group, NULL, NULL};
	struct fnet_trace_reader *r = fnet_trace_open(argv[1], &sink, err);
	if (!r) {
		fprintf(stderr, "rewrite_trace: %s: %s\n", argv[1], err);
		return 2;
	}
	struct fnet_event ev;
	struct fnet_strbuf rec = FNET_STRBUF_INIT;
	int n, status = 0;
	while ((n = fnet_trace_next(r, &ev, err)) > 0) {
		if (!x.users_written) {
			if (fnet_trace_write_users(x.w, x.users, x.nusers, x.groups, x.ngroups, x.err) < 0)
				break;
			x.users_written = 1;
		}
		if (drop_from >= 0 && ev.type >= drop_from) {
			dropped++;
			continue;
		}
		fnet_strbuf_reset(&rec);
		uint32_t len = fnet_event_encode(&ev, &rec);
		if (!len || fnet_trace_write_event(x.w, ev.cpu, ev.flags, (const uint8_t *)rec.ptr, len,
						   x.err) < 0) {
			fprintf(stderr, "rewrite_trace: event %llu: %s\n", (unsigned long long)ev.num,
				len ? x.err : "cannot encode");
			status = 2;
			break;
		}
	}
	if (n < 0) {
		fprintf(stderr, "rewrite_trace: %s: %s\n", argv[1], err);
		status = 2;
	}
	if (drop_from >= 0)
		printf("%lu\n", dropped);
	if (fnet_trace_writer_close(x.w, err) < 0) {
		fprintf(stderr, "rewrite_trace: %s: %s\n", argv[2], err);
		status = 2;
	}
	fnet_trace_close(r);
	fnet_strbuf_free(&rec);
	for (size_t i = 0; i < x.nusers; i++) {
		free((char *)x.users[i].name.ptr);
		free((char *)x.users[i].homedir.ptr);
		free((char *)x.users[i].shell.ptr);
	}
	for (size_t i = 0; i < x.ngroups; i++)
		free((char *)x.groups[i].name.ptr);
	free(x.users);
	free(x.groups);
	return status;
}
