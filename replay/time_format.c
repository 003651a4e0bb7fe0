#include "time_format.h"

#include <inttypes.h>
#include <stdio.h>
#include <time.h>

#define NS_PER_S 1000000000u

long time_local_offset(void)
{
	time_t now = time(NULL);
	struct tm lt;
	if (!localtime_r(&now, &lt))
		return 0;
	return lt.tm_gmtoff;
}

/* Seconds since the epoch of `ts_ns` moved into the zone, as a non-negative day count and second of day. */
static void split_local(uint64_t ts_ns, long tz_offset_s, int64_t *day_start, int *sec_of_day)
{
	int64_t secs = (int64_t)(ts_ns / NS_PER_S) + tz_offset_s;
	int64_t s = ((secs % 86400) + 86400) % 86400;
	*day_start = secs - s;
	*sec_of_day = (int)s;
}

size_t time_format_clock(char *buf, uint64_t ts_ns, long tz_offset_s, int with_ns)
{
	int64_t day;
	int s;
	split_local(ts_ns, tz_offset_s, &day, &s);
	int n = with_ns ? snprintf(buf, TIME_TEXT_MAX, "%02d:%02d:%02d.%09u", s / 3600, s % 3600 / 60,
				   s % 60, (unsigned)(ts_ns % NS_PER_S))
			: snprintf(buf, TIME_TEXT_MAX, "%02d:%02d:%02d", s / 3600, s % 3600 / 60, s % 60);
	return n > 0 ? (size_t)n : 0;
}

size_t time_format_datetime(char *buf, uint64_t ts_ns, long tz_offset_s, int with_ns)
{
	int64_t day;
	int s;
	split_local(ts_ns, tz_offset_s, &day, &s);
	time_t t = (time_t)day;
	struct tm tm;
	int n;
	if (gmtime_r(&t, &tm))
		n = snprintf(buf, TIME_TEXT_MAX, "%04d-%02d-%02d ", tm.tm_year + 1900, tm.tm_mon + 1,
			     tm.tm_mday);
	else
		n = snprintf(buf, TIME_TEXT_MAX, "<date error> ");
	if (n < 0)
		n = 0;
	return (size_t)n + time_format_clock(buf + n, ts_ns, tz_offset_s, with_ns);
}

size_t time_format_iso8601(char *buf, uint64_t ts_ns)
{
	time_t t = (time_t)(ts_ns / NS_PER_S);
	struct tm tm;
	if (!gmtime_r(&t, &tm))
		return (size_t)snprintf(buf, TIME_TEXT_MAX, "YYYY-MM-DDTHH:MM:SS-0000");
	size_t n = strftime(buf, TIME_TEXT_MAX, "%Y-%m-%dT%H:%M:%S", &tm);
	int k = snprintf(buf + n, TIME_TEXT_MAX - n, ".%09u+0000", (unsigned)(ts_ns % NS_PER_S));
	return n + (k > 0 ? (size_t)k : 0);
}

size_t time_format_seconds(char *buf, uint64_t ns)
{
	int n = snprintf(buf, TIME_TEXT_MAX, "%" PRIu64 ".%09u", ns / NS_PER_S, (unsigned)(ns % NS_PER_S));
	return n > 0 ? (size_t)n : 0;
}
