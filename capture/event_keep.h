/*
 * Event types a filtered capture writes even when they do not match the filter,
 * so that readers of the file can still rebuild process and fd state (names of
 * processes, files and connections in the events that do match):
 *  - fnet_event_is_state_bearing() (event_schema.h): process creation, exec and
 *    exit, events that create, close or duplicate fds, cwd and credential
 *    changes: the same definition the kernel-side prefilter (prefilter.h) keeps;
 *  - internal and meta events (drop notices, container and user updates), but
 *    not the periodic per-thread CPU samples (procinfo).
 * The decision is a table look-up per event.
 */
#ifndef FNET_CAPTURE_EVENT_KEEP_H
#define FNET_CAPTURE_EVENT_KEEP_H

#include <stdint.h>

#include "event_schema.h"

struct event_keep {
	uint8_t keep[FNET_EV_COUNT];
};

/* Fills the table from the schema (once, at start-up). */
void event_keep_init(struct event_keep *k);

/* 1 when event type `type` is to be written whatever the filter says. */
static inline int event_keep_type(const struct event_keep *k, uint16_t type)
{
	return type < FNET_EV_COUNT && k->keep[type];
}

#endif
