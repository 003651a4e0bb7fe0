/*
 * Event time stamps as text, in the forms sysdig 0.29.3 prints: the time of day
 * (evt.time, the default line), with a date (evt.datetime), ISO 8601, and the
 * seconds.nanoseconds form of the -t a/r/d/D styles.
 *
 * Local time follows sysdig: the zone's offset from UTC is taken once, for the
 * current date, and applied to every event whatever its own date (so an event
 * recorded in winter reads in summer time when replayed in summer).
 */
#ifndef FNET_REPLAY_TIME_FORMAT_H
#define FNET_REPLAY_TIME_FORMAT_H

#include <stddef.h>
#include <stdint.h>

/* Room for the longest text any of the functions below writes, NUL included. */
#define TIME_TEXT_MAX 48

/* The local zone's offset from UTC today, in seconds (east positive). */
long time_local_offset(void);

/*
 * "HH:MM:SS.nnnnnnnnn" (with_ns) or "HH:MM:SS", the time of day of `ts_ns` in the
 * zone `tz_offset_s` from UTC. Returns the length written to `buf`
 * (TIME_TEXT_MAX bytes).
 */
size_t time_format_clock(char *buf, uint64_t ts_ns, long tz_offset_s, int with_ns);

/* "YYYY-MM-DD HH:MM:SS.nnnnnnnnn" (with_ns) or "YYYY-MM-DD HH:MM:SS". */
size_t time_format_datetime(char *buf, uint64_t ts_ns, long tz_offset_s, int with_ns);

/* "YYYY-MM-DDTHH:MM:SS.nnnnnnnnn+0000": UTC, as sysdig's evt.time.iso8601. */
size_t time_format_iso8601(char *buf, uint64_t ts_ns);

/* "S.nnnnnnnnn": a duration or a time since the epoch in seconds, nanoseconds padded to 9. */
size_t time_format_seconds(char *buf, uint64_t ns);

#endif
