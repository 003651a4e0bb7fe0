/*
 * A Kubernetes audit event as the filter reads it: the parsed JSON of one
 * audit.k8s.io `Event` object (the API server's audit log or webhook payload,
 * one item of an `EventList`), with the shell event that carries its number
 * and time for the generic evt.* fields.
 *
 * The time is the event's stageTimestamp, as the k8saudit plugin of
 * falcosecurity/plugins (source.go) and Falco's former built-in k8s_audit
 * engine (json_evt.cpp) take it.
 */
#ifndef FNET_FILTER_AUDIT_EVENT_H
#define FNET_FILTER_AUDIT_EVENT_H

#include <cjson/cJSON.h>

#include "event.h"

struct fnet_audit_event {
	const cJSON *json;    /* the Event object; owned by whoever read it */
	struct fnet_event ev; /* num (from 1) and ts_ns (ns since the epoch) only: no type,
				 no parameters, info NULL */
};

#endif
