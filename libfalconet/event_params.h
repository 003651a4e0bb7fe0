/*
 * Well-known parameters by role, resolved once per event type from the schema so
 * that per-event code reads them by index, never by name. A role is the
 * parameter's name in falcosecurity/libs driver/event_table.c.
 */
#ifndef FNET_EVENT_PARAMS_H
#define FNET_EVENT_PARAMS_H

#include "event.h"

enum fnet_param_role {
	FNET_PN_RES, FNET_PN_FD, FNET_PN_NAME, FNET_PN_FLAGS, FNET_PN_MODE, FNET_PN_DIRFD,
	FNET_PN_TUPLE, FNET_PN_ADDR, FNET_PN_EXE, FNET_PN_ARGS, FNET_PN_TID, FNET_PN_PID,
	FNET_PN_PTID, FNET_PN_CWD, FNET_PN_FDLIMIT, FNET_PN_COMM, FNET_PN_ENV, FNET_PN_CGROUPS,
	FNET_PN_UID, FNET_PN_GID, FNET_PN_VTID, FNET_PN_VPID, FNET_PN_VPGID, FNET_PN_LOGINUID,
	FNET_PN_TRUSTED_EXEPATH, FNET_PN_FD1, FNET_PN_FD2, FNET_PN_OLDFD, FNET_PN_NEWFD,
	FNET_PN_PATH, FNET_PN_DOMAIN, FNET_PN_TYPE, FNET_PN_PROTO, FNET_PN_PGID, FNET_PN_TTY,
	FNET_PN_FILENAME, FNET_PN_CMD,
	FNET_PN_COUNT
};

/*
 * Index of the parameter with role `role` in event type `type`'s schema, or -1
 * (also for types beyond the schema). The first call builds the whole index
 * (not thread-safe before that; call fnet_event_params_init() at start-up).
 */
int fnet_param_slot(uint16_t type, enum fnet_param_role role);

/* Builds the role index. Idempotent. */
void fnet_event_params_init(void);

/* Parameter `role` of `ev` when present in the record: sets *p / *len and returns 1, else 0. */
static inline int fnet_event_param(const struct fnet_event *ev, enum fnet_param_role role,
				   const uint8_t **p, uint32_t *len)
{
	int i = fnet_param_slot(ev->type, role);
	if (i < 0 || (uint32_t)i >= ev->nparams)
		return 0;
	*p = ev->param[i];
	*len = ev->param_len[i];
	return 1;
}

#endif
