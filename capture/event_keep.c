#include "event_keep.h"

#include <string.h>

void event_keep_init(struct event_keep *k)
{
	memset(k, 0, sizeof(*k));
	for (unsigned t = 0; t < FNET_EV_COUNT; t++) {
		const struct fnet_event_info *e = &fnet_event_table[t];
		if (!e->name || strcmp(e->name, "NA") == 0)
			continue;
		k->keep[t] = fnet_event_is_state_bearing((uint16_t)t) ||
			     ((e->category & (FNET_EC_INTERNAL | FNET_EC_METAEVENT)) &&
			      strcmp(e->name, "procinfo") != 0);
	}
}
