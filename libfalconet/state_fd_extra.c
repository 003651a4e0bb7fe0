/*
 * fd data that only Falco's newer fields read, as libsinsp's parser keeps it
 * (falcosecurity/libs userspace/libsinsp/parsers.cpp; our own code):
 *
 *   connected  a socket is connected after a connect that succeeded (or is
 *              in progress) or an accept, whatever its family; an IPv4/IPv6
 *              client socket also after a read or write that succeeded on it
 *              (libsinsp without connection status tracking, as Falco runs it);
 *   name_raw   a file opened during the trace: its path as the call passed
 *              it (the enter event's, else the exit event's), unresolved.
 */
#include <string.h>

#include "event_codes.h"
#include "event_params.h"
#include "state_internal.h"

#define EINPROGRESS_VALUE 115

/* Integer parameter `role` of the exit event, else of its enter event. */
static int param_int(const struct fnet_event *ev, const struct fnet_event *enter,
		     enum fnet_param_role role, int64_t *v)
{
	const struct fnet_event *e[] = {ev, enter};
	for (size_t k = 0; k < 2; k++) {
		if (!e[k])
			continue;
		int i = fnet_param_slot(e[k]->type, role);
		if (i >= 0 && (uint32_t)i < e[k]->nparams) {
			*v = fnet_event_param_s64(e[k], (uint32_t)i);
			return 1;
		}
	}
	return 0;
}

/* Marks fd `fd` connected: any fd for connect and accept, as libsinsp does (unix
 * sockets too); only IPv4/IPv6 client sockets for reads and writes (`ip_only`). */
static void mark_connected(struct fnet_thread *t, int64_t fd, int ip_only)
{
	struct fnet_fd *f = fnet_thread_fd(t, fd);
	if (f && (!ip_only || f->type == FNET_FDR_IPV4_SOCK || f->type == FNET_FDR_IPV6_SOCK))
		f->connected = 1;
}

/* A string parameter as the call passed it: `len` bytes up to its NUL; NULL if absent or <NA>. */
static const char *path_param(const struct fnet_event *e, const char *name, uint32_t *len)
{
	if (!e || !e->info)
		return NULL;
	int i = fnet_event_param_index(e->info, e->nparams, name);
	if (i < 0 || e->param_len[i] == 0)
		return NULL;
	const char *p = (const char *)e->param[i];
	const char *z = memchr(p, 0, e->param_len[i]);
	*len = z ? (uint32_t)(z - p) : e->param_len[i];
	if (*len == 4 && memcmp(p, "<NA>", 4) == 0)
		return NULL;
	return p;
}

static void set_name_raw(struct fnet_thread *t, const struct fnet_event *ev,
			 const struct fnet_event *enter, int64_t fd)
{
	struct fnet_fd *f = fnet_thread_fd(t, fd);
	const char *name = ev->type == FNET_EV_SYSCALL_OPEN_BY_HANDLE_AT_X ? "path" : "name";
	uint32_t len = 0;
	const char *p = path_param(enter, name, &len);
	if (!p)
		p = path_param(ev, name, &len);
	if (f && p)
		fnet_string_set(&f->name_raw, p, len);
}

void fnet_fd_extra_on_exit(struct fnet_thread *t, const struct fnet_event *ev,
			   const struct fnet_event *enter)
{
	int64_t res = -1, fd;
	if (!t || !ev->info || fnet_event_is_enter(ev->type))
		return;
	param_int(ev, NULL, FNET_PN_RES, &res); /* accept exits have none: their fd is the result */
	switch (ev->type) {
	case FNET_EV_SYSCALL_OPEN_X:
	case FNET_EV_SYSCALL_OPENAT_X:
	case FNET_EV_SYSCALL_OPENAT_2_X:
	case FNET_EV_SYSCALL_OPENAT2_X:
	case FNET_EV_SYSCALL_CREAT_X:
	case FNET_EV_SYSCALL_OPEN_BY_HANDLE_AT_X:
		if (res >= 0)
			set_name_raw(t, ev, enter, res);
		return;
	case FNET_EV_SOCKET_CONNECT_X:
		if ((res >= 0 || res == -EINPROGRESS_VALUE) && param_int(ev, enter, FNET_PN_FD, &fd))
			mark_connected(t, fd, 0);
		return;
	case FNET_EV_SOCKET_ACCEPT_X:
	case FNET_EV_SOCKET_ACCEPT_5_X:
	case FNET_EV_SOCKET_ACCEPT4_X:
	case FNET_EV_SOCKET_ACCEPT4_5_X:
	case FNET_EV_SOCKET_ACCEPT4_6_X:
		if (param_int(ev, NULL, FNET_PN_FD, &fd) && fd >= 0)
			mark_connected(t, fd, 0);
		return;
	default:
		if (res >= 0 && (ev->info->flags & (FNET_EF_READS_FROM_FD | FNET_EF_WRITES_TO_FD)) &&
		    param_int(ev, enter, FNET_PN_FD, &fd))
			mark_connected(t, fd, 1);
		return;
	}
}
