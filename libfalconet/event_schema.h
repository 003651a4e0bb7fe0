/*
 * The scap event schema: the data-driven description of every event type.
 *
 * Numbers and layouts are an interface shared with falcosecurity/libs
 * (driver/event_table.c, driver/ppm_events_public.h): parameter type numbers are
 * those of enum ppm_param_type, print formats those of enum ppm_print_format,
 * category and flag bits those of enum ppm_event_category / ppm_event_flags.
 * The table itself (event_table.c) is generated data; see its header comment.
 */
#ifndef FNET_EVENT_SCHEMA_H
#define FNET_EVENT_SCHEMA_H

#include <stddef.h>
#include <stdint.h>

#include "event_codes.h"

/* Parameter types (numbering of ppm_param_type). */
enum fnet_param_type {
	FNET_PT_NONE = 0,
	FNET_PT_INT8 = 1,
	FNET_PT_INT16 = 2,
	FNET_PT_INT32 = 3,
	FNET_PT_INT64 = 4,
	FNET_PT_UINT8 = 5,
	FNET_PT_UINT16 = 6,
	FNET_PT_UINT32 = 7,
	FNET_PT_UINT64 = 8,
	FNET_PT_CHARBUF = 9,     /* NUL-terminated string */
	FNET_PT_BYTEBUF = 10,    /* raw bytes */
	FNET_PT_ERRNO = 11,      /* int64: >= 0 result, < 0 -errno */
	FNET_PT_SOCKADDR = 12,   /* 1-byte family + address */
	FNET_PT_SOCKTUPLE = 13,  /* 1-byte family + source + destination */
	FNET_PT_FD = 14,         /* int64 */
	FNET_PT_PID = 15,        /* int64 */
	FNET_PT_FDLIST = 16,     /* u16 count + count * (u64 fd + u16 flags) */
	FNET_PT_FSPATH = 17,     /* NUL-terminated path */
	FNET_PT_SYSCALLID = 18,  /* u16 driver-independent syscall code */
	FNET_PT_SIGTYPE = 19,    /* u8 signal number */
	FNET_PT_RELTIME = 20,    /* u64 ns */
	FNET_PT_ABSTIME = 21,    /* u64 ns since the epoch */
	FNET_PT_PORT = 22,       /* u16 */
	FNET_PT_L4PROTO = 23,    /* u8 */
	FNET_PT_SOCKFAMILY = 24, /* u8 */
	FNET_PT_BOOL = 25,       /* u32 */
	FNET_PT_IPV4ADDR = 26,   /* 4 bytes */
	FNET_PT_DYN = 27,        /* u8 selector + value */
	FNET_PT_FLAGS8 = 28,
	FNET_PT_FLAGS16 = 29,
	FNET_PT_FLAGS32 = 30,
	FNET_PT_UID = 31,        /* u32, UINT32_MAX = none */
	FNET_PT_GID = 32,        /* u32, UINT32_MAX = none */
	FNET_PT_DOUBLE = 33,
	FNET_PT_SIGSET = 34,     /* u32 */
	FNET_PT_CHARBUFARRAY = 35,
	FNET_PT_CHARBUF_PAIR_ARRAY = 36,
	FNET_PT_IPV4NET = 37,
	FNET_PT_IPV6ADDR = 38,   /* 16 bytes */
	FNET_PT_IPV6NET = 39,
	FNET_PT_IPADDR = 40,     /* 4 or 16 bytes, by length */
	FNET_PT_IPNET = 41,
	FNET_PT_MODE = 42,       /* u32 file mode bits */
	FNET_PT_FSRELPATH = 43,  /* path relative to the dirfd parameter named in the schema */
	FNET_PT_ENUMFLAGS8 = 44,
	FNET_PT_ENUMFLAGS16 = 45,
	FNET_PT_ENUMFLAGS32 = 46,
	FNET_PT_FD32 = 47,       /* int32 */
	FNET_PT_PID32 = 48,      /* int32 */
	FNET_PT_COUNT = 49
};

/* Print formats (numbering of ppm_print_format). */
enum fnet_print_format {
	FNET_PF_NA = 0,
	FNET_PF_DEC = 1,
	FNET_PF_HEX = 2,
	FNET_PF_10_PADDED_DEC = 3,
	FNET_PF_ID = 4,
	FNET_PF_DIR = 5,
	FNET_PF_OCT = 6
};

/* Event category bits (ppm_event_category). The low bits are the syscall category. */
enum fnet_event_category {
	FNET_EC_UNKNOWN = 0,
	FNET_EC_OTHER = 1,
	FNET_EC_FILE = 2,
	FNET_EC_NET = 3,
	FNET_EC_IPC = 4,
	FNET_EC_MEMORY = 5,
	FNET_EC_PROCESS = 6,
	FNET_EC_SLEEP = 7,
	FNET_EC_SYSTEM = 8,
	FNET_EC_SIGNAL = 9,
	FNET_EC_USER = 10,
	FNET_EC_TIME = 11,
	FNET_EC_PROCESSING = 12,
	FNET_EC_IO_READ = 32,
	FNET_EC_IO_WRITE = 33,
	FNET_EC_IO_OTHER = 34,
	FNET_EC_WAIT = 1 << 6,
	FNET_EC_SCHEDULER = 1 << 7,
	FNET_EC_INTERNAL = 1 << 8,
	FNET_EC_SYSCALL = 1 << 9,
	FNET_EC_TRACEPOINT = 1 << 10,
	FNET_EC_PLUGIN = 1 << 11,
	FNET_EC_METAEVENT = 1 << 12
};

/* Event flag bits (ppm_event_flags). */
enum fnet_event_flags {
	FNET_EF_CREATES_FD = 1 << 0,
	FNET_EF_DESTROYS_FD = 1 << 1,
	FNET_EF_USES_FD = 1 << 2,
	FNET_EF_READS_FROM_FD = 1 << 3,
	FNET_EF_WRITES_TO_FD = 1 << 4,
	FNET_EF_MODIFIES_STATE = 1 << 5,
	FNET_EF_UNUSED = 1 << 6,
	FNET_EF_WAITS = 1 << 7,
	FNET_EF_SKIPPARSERESET = 1 << 8,
	FNET_EF_OLD_VERSION = 1 << 9,
	FNET_EF_LARGE_PAYLOAD = 1 << 11,
	FNET_EF_CONVERTER_MANAGED = 1 << 12
};

/* One symbolic name of a flag bit or enum value; tables end with name == NULL. */
struct fnet_flag_name {
	const char *name;
	uint32_t value;
};

/* One parameter of an event type. */
struct fnet_param_info {
	const char *name;
	uint8_t type;    /* enum fnet_param_type */
	uint8_t format;  /* enum fnet_print_format */
	uint8_t dirfd;   /* FSRELPATH: index of the dirfd parameter it is relative to */
	const struct fnet_flag_name *flags; /* FLAGS and ENUMFLAGS types: names, else NULL */
};

/* One event type. Even numbers are enter events, odd numbers exit events. */
struct fnet_event_info {
	const char *name;      /* "NA" for unused slots */
	uint32_t category;     /* enum fnet_event_category bits */
	uint32_t flags;        /* enum fnet_event_flags bits */
	uint32_t nparams;      /* parameters in the newest layout */
	const struct fnet_param_info *params;
};

/* The table, indexed by event type number; FNET_EV_COUNT entries. */
extern const struct fnet_event_info fnet_event_table[FNET_EV_COUNT];

/*
 * Returns the schema of event type `type`, or NULL when the number is beyond the
 * table (an event written by a newer driver): callers print such events by number.
 */
static inline const struct fnet_event_info *fnet_event_info(uint16_t type)
{
	return type < FNET_EV_COUNT ? &fnet_event_table[type] : NULL;
}

/* Enter events have even type numbers. */
static inline int fnet_event_is_enter(uint16_t type)
{
	return (type & 1) == 0;
}

/*
 * Events a replay needs to rebuild process and fd state: process creation, exec
 * and exit; events that create, close or duplicate fds; connect and bind, which
 * name sockets; chdir and fchdir. A filtered capture keeps them whatever its
 * filter says. Types beyond the schema are not. The table behind it is built on
 * the first call (not thread-safe before that).
 */
int fnet_event_is_state_bearing(uint16_t type);

/*
 * Name of a driver-independent syscall code (the PT_SYSCALLID parameter of generic
 * events), e.g. 75 -> "mprotect". Returns "<unknown>" for 0 and for codes beyond the
 * table. The returned string is static.
 */
const char *fnet_syscall_name(uint16_t code);

#endif
