/* Helpers shared by the state's table code (state.c) and event code (state_update.c). */
#ifndef FNET_STATE_INTERNAL_H
#define FNET_STATE_INTERNAL_H

#include "event_params.h"
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
/*
 * Names a socket fd from its addresses as sysdig does: "sip:sport->dip:dport" (TCP,
 * UDP), "sip->dip" (ICMP, raw), "<unknown>" (other protocols), or "ip:port" for a server.
 */
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

/* Parameter `role` of `ev` if sysdig 0.29.3 reads it (within fnet_sysdig_nparams): 1, else 0. */
int fnet_st_param(const struct fnet_event *ev, enum fnet_param_role role, const uint8_t **p,
		  uint32_t *len);
/* Integer parameter `role` of `ev`, else of its enter event `enter` (may be NULL), within
 * sysdig 0.29.3's parameters: 1 when found. */
int fnet_st_get_int(const struct fnet_event *ev, const struct fnet_event *enter,
		    enum fnet_param_role role, int64_t *out);
/* Length of a string parameter of `len` bytes without its terminating NUL. */
uint32_t fnet_st_str_len(const uint8_t *p, uint32_t len);
/* A new zeroed fd numbered `num` of type `type` (FNET_FDR_*), or NULL. */
struct fnet_fd *fnet_fd_new(int64_t num, uint8_t type);
/* fnet_thread_put_fd(), freeing `f` when it cannot be stored; `f` may be NULL. */
void fnet_st_put_fd(struct fnet_thread *t, struct fnet_fd *f);

/* The enter event of exit `ev` when it was thread t's last enter event, else NULL. */
const struct fnet_event *fnet_st_matching_enter(const struct fnet_thread *t,
					       const struct fnet_event *ev);
/* A copy of fd `src` (name included) numbered `num`, or NULL when out of memory. */
struct fnet_fd *fnet_fd_clone(const struct fnet_fd *src, int64_t num);

/* A new thread `tid` as sysdig makes one it meets in another's event: "<NA>", no uid. */
struct fnet_thread *fnet_state_placeholder(struct fnet_state *st, int64_t tid);
/* Process events (state_process.c): clone-family and execve-family exits. */
void fnet_state_clone_exit(struct fnet_state *st, struct fnet_thread *t, const struct fnet_event *ev);
void fnet_state_execve_exit(struct fnet_state *st, struct fnet_thread *t, const struct fnet_event *ev);

/* Socket events (state_socket.c); `enter` is the exit's enter event or NULL. */
void fnet_state_socket_exit(struct fnet_thread *t, const struct fnet_event *ev,
			    const struct fnet_event *enter);
void fnet_state_bind_exit(struct fnet_thread *t, const struct fnet_event *ev,
			  const struct fnet_event *enter);
void fnet_state_connect_enter(struct fnet_thread *t, const struct fnet_event *ev);
void fnet_state_connect_exit(struct fnet_thread *t, const struct fnet_event *ev,
			     const struct fnet_event *enter);
void fnet_state_accept_exit(struct fnet_thread *t, const struct fnet_event *ev);
/* sendto/sendmsg (incoming 0, tuple of the enter event), recvfrom/recvmsg (incoming 1). */
void fnet_state_sock_io_exit(struct fnet_thread *t, const struct fnet_event *ev,
			     const struct fnet_event *enter, int incoming);

#endif
