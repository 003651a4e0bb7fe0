/* Helpers shared by the state's table code (state.c) and event code (state_update.c). */
#ifndef FNET_STATE_INTERNAL_H
#define FNET_STATE_INTERNAL_H

#include "state.h"

struct fnet_thread *fnet_state_add_thread(struct fnet_state *st, int64_t tid);
void fnet_thread_free(struct fnet_thread *t);
struct fnet_fd_table *fnet_fd_table_new(void);
void fnet_fd_table_release(struct fnet_fd_table *t);
void fnet_fd_free(struct fnet_fd *f);
/* Stores `f` (taking ownership) in t's fd table, replacing an fd of the same number. */
int fnet_thread_put_fd(struct fnet_thread *t, struct fnet_fd *f);
/* Sets t->cwd to `p` with a trailing '/'. */
int fnet_thread_set_cwd(struct fnet_thread *t, const char *p, uint32_t len);
/* Names a socket fd from its addresses: "sip:sport->dip:dport", or "ip:port" for a server. */
int fnet_fd_set_socket_name(struct fnet_fd *f, int server);

/*
 * state_exec_info.c: fills t->xinfo. From an exit event (called for every
 * exit, after the state update); for a new thread from its clone exit
 * (`parent` may be NULL); from a process list entry.
 */
void fnet_exec_info_on_exit(struct fnet_state *st, struct fnet_thread *t,
			    const struct fnet_event *ev);
void fnet_exec_info_on_clone(const struct fnet_state *st, struct fnet_thread *child,
			     const struct fnet_thread *parent, const struct fnet_event *ev);
void fnet_exec_info_from_record(struct fnet_thread *t, const struct fnet_thread_record *r);

/*
 * state_fd_extra.c: fd.connected and fd.nameraw of the fds an exit event
 * touched (called for every exit, after the state update; `enter` is its
 * enter event or NULL).
 */
void fnet_fd_extra_on_exit(struct fnet_thread *t, const struct fnet_event *ev,
			   const struct fnet_event *enter);

#endif
