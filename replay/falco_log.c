#include "falco_log.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

void falco_log(const struct falco_config *c, const char *fmt, ...)
{
	if (!c->log_stderr)
		return;
	time_t now = time(NULL);
	struct tm tm;
	char stamp[64] = "N/A";
	if (c->time_iso8601) {
		if (gmtime_r(&now, &tm))
			strftime(stamp, sizeof(stamp), "%Y-%m-%dT%H:%M:%S%z", &tm);
	} else if (localtime_r(&now, &tm)) {
		strftime(stamp, sizeof(stamp), "%a %b %e %H:%M:%S %Y", &tm);
	}
	char msg[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	size_t n = strlen(msg);
	fprintf(stderr, "%s: %s%s", stamp, msg, n && msg[n - 1] == '\n' ? "" : "\n");
}
