/*
 * A small fixed world for filter tests: one thread (tid 42 of process 40, comm
 * "Bash", exe "/bin/bash", arguments "-c" "echo aGVsbG8=", cwd /home/u/, uid
 * 1000 = user "alice", fd 3 = /etc/passwd) and three events:
 *   fake.ev[0]  read enter on fd 3 (evt.num 7, evt.type read, evt.dir >)
 *   fake.ev[1]  open exit that failed with ENOENT on /tmp/aGVsbG8= (evt.num 8)
 *   fake.ev[2]  read enter again, matched with no thread (evt.num 9)
 * fake_ctx(&fake, i) gives the evaluation context of event i.
 */
#ifndef FNET_TESTS_FILTER_FAKE_EVENT_H
#define FNET_TESTS_FILTER_FAKE_EVENT_H

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "event_codes.h"
#include "event_params.h"
#include "filter.h"
#include "state.h"
#include "state_internal.h"

struct fake_world {
	struct fnet_state st;
	struct fnet_thread *t;
	struct fnet_event ev[3];
	uint8_t fd3[8], minus2[8], size[4], flags[4], mode[4], dev[4], ino[8];
	char path[16];  /* "/tmp/aGVsbG8=" */
};

static inline void fake_put_le(uint8_t *p, uint64_t v, int n)
{
	for (int i = 0; i < n; i++)
		p[i] = (uint8_t)(v >> (8 * i));
}

static inline void fake_param(struct fnet_event *e, const void *p, uint32_t len)
{
	e->param[e->nparams] = p;
	e->param_len[e->nparams] = len;
	e->nparams++;
}

/* Builds the world; returns 0, or -1 when out of memory. */
static inline int fake_world_init(struct fake_world *w)
{
	static const char args[] = "-c\0echo aGVsbG8=";
	memset(w, 0, sizeof(*w));
	fnet_event_params_init();
	fnet_state_init(&w->st);
	struct fnet_thread *t = fnet_state_add_thread(&w->st, 42);
	if (!t)
		return -1;
	w->t = t;
	t->pid = 40;
	t->ptid = 1;
	t->uid = 1000;
	t->gid = 1000;
	struct fnet_fd *fd = calloc(1, sizeof(*fd));
	struct fnet_user *u = calloc(1, sizeof(*u));
	if (!fd || !u || fnet_string_set(&t->comm, "Bash", 4) < 0 ||
	    fnet_string_set(&t->exe, "/bin/bash", 9) < 0 ||
	    fnet_string_set(&t->exepath, "/usr/bin/bash", 13) < 0 ||
	    fnet_string_set(&t->args, args, sizeof(args) - 1) < 0 ||
	    fnet_string_set(&t->cwd, "/home/u/", 8) < 0) {
		free(fd);
		free(u);
		return -1;
	}
	fd->fd = 3;
	if (fnet_string_set(&fd->name, "/etc/passwd", 11) < 0 || fnet_thread_put_fd(t, fd) < 0) {
		fnet_string_free(&fd->name);
		free(fd);
		free(u);
		return -1;
	}
	u->uid = 1000;
	u->gid = 1000;
	if (fnet_string_set(&u->name, "alice", 5) < 0 ||
	    fnet_int_map_put(&w->st.users, 1000, u, NULL) < 0) {
		fnet_string_free(&u->name);
		free(u);
		return -1;
	}

	fake_put_le(w->fd3, 3, 8);
	fake_put_le(w->size, 100, 4);
	fake_put_le(w->minus2, (uint64_t)-2, 8);
	fake_put_le(w->flags, 1, 4);
	fake_put_le(w->mode, 0644, 4);
	memcpy(w->path, "/tmp/aGVsbG8=", 14);

	for (int i = 0; i < 3; i++) {
		struct fnet_event *e = &w->ev[i];
		e->num = 7 + (uint64_t)i;
		e->ts_ns = 1700000000000000000ull + (uint64_t)i;
		e->tid = 42;
		e->type = i == 1 ? FNET_EV_SYSCALL_OPEN_X : FNET_EV_SYSCALL_READ_E;
		e->info = fnet_event_info(e->type);
		if (i == 1) {
			fake_param(e, w->minus2, 8);
			fake_param(e, w->path, 14);
			fake_param(e, w->flags, 4);
			fake_param(e, w->mode, 4);
			fake_param(e, w->dev, 4);
			fake_param(e, w->ino, 8);
		} else {
			fake_param(e, w->fd3, 8);
			fake_param(e, w->size, 4);
		}
	}
	return 0;
}

static inline struct fnet_eval_ctx fake_ctx(struct fake_world *w, int i)
{
	struct fnet_eval_ctx c = {&w->ev[i], i == 2 ? NULL : w->t, &w->st};
	return c;
}

static inline void fake_world_free(struct fake_world *w)
{
	fnet_state_free(&w->st);
}

#endif
