/*
 * Log lines of the rule engine on stderr, as Falco writes them (logger.cpp of
 * falcosecurity/falco): "TIME: message", TIME the wall-clock time, in ISO 8601
 * UTC ("2026-11-29T17:30:00+0000") with time_format_iso_8601, else as asctime()
 * without its newline ("Sun Nov 29 17:30:00 2026"). Nothing when log_stderr is off.
 */
#ifndef FNET_REPLAY_FALCO_LOG_H
#define FNET_REPLAY_FALCO_LOG_H

#include "falco_config.h"

/* printf-style; a final newline is added when missing. */
void falco_log(const struct falco_config *c, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

#endif
