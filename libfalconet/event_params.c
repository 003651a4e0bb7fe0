#include "event_params.h"

#include <string.h>

/* Schema names of each role; FNET_PN_* order. */
static const char *const role_names[FNET_PN_COUNT] = {
	"res", "fd", "name", "flags", "mode", "dirfd", "tuple", "addr", "exe", "args", "tid",
	"pid", "ptid", "cwd", "fdlimit", "comm", "env", "cgroups", "uid", "gid", "vtid", "vpid",
	"vpgid", "loginuid", "trusted_exepath", "fd1", "fd2", "oldfd", "newfd", "path", "domain",
	"type", "proto", "pgid", "tty", "filename", "cmd",
};

static int8_t slots[FNET_EV_COUNT][FNET_PN_COUNT];
static int ready;

void fnet_event_params_init(void)
{
	if (ready)
		return;
	for (int t = 0; t < FNET_EV_COUNT; t++) {
		const struct fnet_event_info *ei = &fnet_event_table[t];
		for (int r = 0; r < FNET_PN_COUNT; r++) {
			slots[t][r] = -1;
			for (uint32_t i = 0; i < ei->nparams; i++) {
				if (strcmp(ei->params[i].name, role_names[r]) == 0) {
					slots[t][r] = (int8_t)i;
					break;
				}
			}
		}
	}
	ready = 1;
}

int fnet_param_slot(uint16_t type, enum fnet_param_role role)
{
	if (!ready)
		fnet_event_params_init();
	return type < FNET_EV_COUNT ? slots[type][role] : -1;
}
