/*
 * Text rendering of events as sysdig prints them: event type names, parameter
 * values with their resolved form (`fd=3(<f>/etc/passwd)`, `res=-2(ENOENT)`,
 * `flags=4097(O_RDONLY|O_CLOEXEC)`), and evt.info (`name=value ` per parameter).
 * The rules follow sysdig 0.29.3 (falcosecurity/libs e5c53d64, libsinsp
 * sinsp_evt::get_param_as_str) so that output compares line for line.
 */
#ifndef FNET_EVENT_FORMAT_H
#define FNET_EVENT_FORMAT_H

#include "event.h"
#include "state.h"
#include "strbuf.h"

/* Byte buffers longer than this print as their first 77 characters and "...". */
#define FNET_DEFAULT_BYTEBUF_MAX 80

struct fnet_format_ctx {
	const struct fnet_state *state;   /* for pid and uid names; may be NULL */
	const struct fnet_thread *thread; /* the event's thread, for fds and cwd; may be NULL */
	uint32_t bytebuf_max;             /* 0: no limit */
	int all_params;                   /* 1: every parameter of the record; 0: those
					   * sysdig 0.29.3 shows (fnet_sysdig_nparams) */
};

/*
 * evt.type: the schema name, or for generic events the name of the syscall they
 * carry ("<unknown>" when the code is unknown). NULL for types beyond the schema.
 */
const char *fnet_event_type_name(const struct fnet_event *ev);

/* Events of the internal category (procinfo, drop, ...), which sysdig never prints. */
int fnet_event_is_internal(const struct fnet_event *ev);

/* sysdig's fd type letter: f d 4 6 u p e s l i t n o X, '?' otherwise. */
char fnet_fd_typechar(const struct fnet_fd *f);

/*
 * Renders parameter `i` of `ev` into `val` and its resolved form (possibly empty)
 * into `resolved`; both are reset first. Parameters beyond the record are empty.
 */
void fnet_format_param(struct fnet_strbuf *val, struct fnet_strbuf *resolved,
		       const struct fnet_event *ev, uint32_t i, const struct fnet_format_ctx *ctx);

/*
 * Parameters of `ev` that sysdig 0.29.3 reads: its table's count for the type
 * (a newer driver's extra parameters are ignored), at most those in the record.
 */
uint32_t fnet_sysdig_nparams(const struct fnet_event *ev);

/*
 * Name of the syscall code of a generic event as sysdig 0.29.3 names it
 * (newselect, llseek, sigreturn, setuid ... getresgid where the newer table
 * says _newselect, _llseek, rt_sigreturn, setuid32 ...), else
 * fnet_syscall_name(). Static string.
 */
const char *fnet_sysdig_syscall_name(uint16_t code);

/* Name and type (FNET_PT_*) sysdig 0.29.3 gives parameter `i` (< fnet_sysdig_nparams) of `ev`. */
const char *fnet_sysdig_param_name(const struct fnet_event *ev, uint32_t i);
uint8_t fnet_sysdig_param_type(const struct fnet_event *ev, uint32_t i);

/* The parameters evt.info shows under `ctx`: fnet_sysdig_nparams(), or all with all_params. */
uint32_t fnet_format_nparams(const struct fnet_event *ev, const struct fnet_format_ctx *ctx);

/*
 * Appends evt.info to `out`: for each parameter present up to fnet_format_nparams(),
 * "name=value " or
 * "name=value(resolved) "; nothing for generic events or unknown types.
 */
void fnet_format_info(struct fnet_strbuf *out, const struct fnet_event *ev,
		      const struct fnet_format_ctx *ctx);

#endif
