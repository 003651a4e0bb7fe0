#include "default_rules.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef FNET_DEFAULT_RULES
#define FNET_DEFAULT_RULES "/usr/local/share/falconet/falconet_rules.yaml"
#endif

char *default_rules_path(void)
{
	const char *env = getenv("FALCONET_RULES_FILE");
	if (env && *env)
		return strdup(env);
	if (access(FNET_DEFAULT_RULES, R_OK) == 0)
		return strdup(FNET_DEFAULT_RULES);
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n <= 0)
		return NULL;
	exe[n] = '\0';
	char *slash = strrchr(exe, '/');
	if (!slash)
		return NULL;
	*slash = '\0'; /* the executable's folder, replay/ in a build tree */
	char path[PATH_MAX + 64];
	snprintf(path, sizeof(path), "%s/../rules/falconet_rules.yaml", exe);
	return access(path, R_OK) == 0 ? strdup(path) : NULL;
}
