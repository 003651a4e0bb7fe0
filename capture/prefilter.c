#include "prefilter.h"

#include "event_schema.h"
#include "syscall_events.h"

int capture_prefilter(const struct fnet_filter *filter, uint8_t *set)
{
	int left_out = 0;
	for (int nr = 0; nr < FNET_ENGINE_MAX_SYSCALLS; nr++) {
		uint16_t enter = nr < FNET_SYSCALL_TABLE_SIZE ? fnet_syscall_event[nr] : 0;
		const char *name;
		if (enter) {
			name = fnet_event_table[enter].name;
		} else {
			uint16_t code = nr < FNET_SYSCALL_TABLE_SIZE ? fnet_syscall_ppm_sc[nr] : 0;
			if (!code) { /* not a syscall this machine's table names */
				set[nr] = 1;
				continue;
			}
			name = fnet_syscall_name(code);
		}
		set[nr] = (enter && (fnet_event_is_state_bearing(enter) ||
				     fnet_event_is_state_bearing((uint16_t)(enter + 1)))) ||
			  fnet_filter_may_match_type(filter, name);
		left_out += !set[nr];
	}
	return left_out;
}
