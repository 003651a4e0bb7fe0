/* Event kinds derived once from the schema's names and flags. */
#include <string.h>

#include "event_schema.h"

static const char *const state_names[] = {
	"clone", "fork", "vfork", "clone3", "execve", "execveat", "procexit",
	"connect", "bind", "chdir", "fchdir", "dup", "dup2", "dup3",
};

int fnet_event_is_state_bearing(uint16_t type)
{
	static uint8_t table[FNET_EV_COUNT];
	static int ready;
	if (!ready) {
		for (int t = 0; t < FNET_EV_COUNT; t++) {
			const struct fnet_event_info *e = &fnet_event_table[t];
			table[t] = (e->flags & (FNET_EF_CREATES_FD | FNET_EF_DESTROYS_FD)) != 0;
			for (size_t i = 0; !table[t] && i < sizeof(state_names) / sizeof(state_names[0]); i++)
				table[t] = strcmp(e->name, state_names[i]) == 0;
		}
		ready = 1;
	}
	return type < FNET_EV_COUNT && table[type];
}
