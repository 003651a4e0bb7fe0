/* Falco's priority names (falco_common.cpp: parse_priority, format_priority). */
#include <strings.h>

#include "ruleset.h"

static const char *const names[] = {"Emergency", "Alert",         "Critical", "Error",
				    "Warning",   "Notice",        "Informational", "Debug"};

int fnet_priority_parse(const char *name)
{
	if (!name)
		return -1;
	for (int i = 0; i < (int)(sizeof(names) / sizeof(names[0])); i++)
		if (strcasecmp(name, names[i]) == 0)
			return i;
	if (strcasecmp(name, "info") == 0)
		return FNET_PRIO_INFORMATIONAL;
	return -1;
}

const char *fnet_priority_name(enum fnet_priority p)
{
	return (unsigned)p < sizeof(names) / sizeof(names[0]) ? names[p] : "Unknown";
}
