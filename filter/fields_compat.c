/*
 * Where sysdig 0.29.3 (libs e5c53d64) sees events differently from the newer
 * schema libfalconet carries: fd flags of a few event types, errno names, and
 * the names of a few syscall codes of generic events.
 * Fields read these so that filters select what sysdig 0.29.3 selects.
 */
#include "fields_common.h"

#include "event_codes.h"
#include "event_schema.h"
#include "errno_names.h"

#define FD_BITS (FNET_EF_CREATES_FD | FNET_EF_DESTROYS_FD | FNET_EF_USES_FD)

/* Event types (all below 336, the size of sysdig 0.29.3's table) whose fd bits differ. */
static const struct {
	uint16_t type;
	uint16_t bits;
} fd_flag_overrides[] = {
	{51, 0},  /* sendmmsg exit */
	{55, 0},  /* recvmmsg exit */
	{77, FNET_EF_USES_FD}, /* fstat64 exit */
	{160, 0}, /* mmap enter */
	{161, 0}, /* mmap exit */
	{162, 0}, /* mmap2 enter */
	{163, 0}, /* mmap2 exit */
	{181, 0}, /* symlinkat exit */
	{303, 0}, /* unlinkat exit */
	{305, 0}, /* mkdirat exit */
	{313, 0}, /* fchmodat exit */
	{317, 0}, /* fchmod exit */
};

uint32_t fnet_sysdig_fd_flags(uint16_t type)
{
	const struct fnet_event_info *ei = fnet_event_info(type);
	if (!ei)
		return 0;
	for (size_t i = 0; i < sizeof(fd_flag_overrides) / sizeof(fd_flag_overrides[0]); i++)
		if (fd_flag_overrides[i].type == type)
			return fd_flag_overrides[i].bits;
	return ei->flags & FD_BITS;
}

/* Linux-internal codes that sysdig names (include/linux/errno.h), 512 and up. */
static const char *const internal_errnos[] = {
	"ERESTARTSYS",           /* 512 */
	"ERESTARTNOINTR",        /* 513 */
	"ERESTARTNOHAND",        /* 514 */
	"ENOIOCTLCMD",           /* 515 */
	"ERESTART_RESTARTBLOCK", /* 516 */
	NULL, NULL, NULL, NULL,  /* 517..520 */
	"EBADHANDLE",            /* 521 */
	"ENOTSYNC",              /* 522 */
	"EBADCOOKIE",            /* 523 */
	"ENOTSUPP",              /* 524 */
	"ETOOSMALL",             /* 525 */
	"ESERVERFAULT",          /* 526 */
	"EBADTYPE",              /* 527 */
	"EJUKEBOX",              /* 528 */
	"EIOCBQUEUED",           /* 529 */
	"EIOCBRETRY",            /* 530 */
};

const char *fnet_sysdig_errno_name(int64_t code)
{
	/* sysdig looks the value up as a 32-bit int */
	int64_t c = (int32_t)code;
	if (c < 0)
		c = -c;
	if (c >= 512 && c < 512 + (int64_t)(sizeof(internal_errnos) / sizeof(internal_errnos[0])))
		return internal_errnos[c - 512];
	if (c >= 126 && c <= 133)
		return NULL; /* ENOKEY .. EHWPOISON: unknown to sysdig 0.29.3 */
	return fnet_errno_name(c);
}

/*
 * Categories of the syscall codes of generic events in sysdig 0.29.3's
 * syscall table, one character per code: 0-9, a-c the categories 0-12
 * (unknown, other, file, net, IPC, memory, process, sleep, system, signal,
 * user, time, processing), r w x the I/O categories, W wait.
 */
static const char generic_categories[] =
	"186rw222222b2222621b2Wb2x4222x4b56xW6642x666866bb222668222226622"
	"8bb81W88x88588862862W2xrw6x55556666766672W6999999266262aaaaaaaa2"
	"aaaa2aaaa6556222222222222946666xxxxxxWWW26bbbbbbbb7924444448W888"
	"66444222222222222WW6664446W29b4bb94Wx44rw11461264333333333333333"
	"333444444444422226194322222W9998296b2W22649xxxxxxxxxxxxxxx811xxx"
	"222288266";

static const char *category_of(uint32_t cat, const struct fnet_fd *f)
{
	static const char *const names[] = {"unknown", "other",  "file",   "net",     "IPC",
					    "memory",  "process", "sleep", "system",  "signal",
					    "user",    "time",   "processing"};
	switch (cat) {
	case FNET_EC_IO_READ:
	case FNET_EC_IO_WRITE:
	case FNET_EC_IO_OTHER:
		if (!f)
			return "unknown";
		switch (f->type) {
		case FNET_FDR_FILE:
		case FNET_FDR_FILE_V2:
		case FNET_FDR_DIRECTORY:
			return "file";
		case FNET_FDR_IPV4_SOCK:
		case FNET_FDR_IPV6_SOCK:
		case FNET_FDR_IPV4_SERVSOCK:
		case FNET_FDR_IPV6_SERVSOCK:
			return "net";
		case FNET_FDR_FIFO:
		case FNET_FDR_UNIX_SOCK:
		case FNET_FDR_EVENT:
		case FNET_FDR_SIGNALFD:
		case FNET_FDR_INOTIFY:
			return "ipc";
		default:
			return "unknown";
		}
	case FNET_EC_WAIT:
		return "wait";
	case FNET_EC_SCHEDULER:
		return "scheduler";
	default:
		return cat < sizeof(names) / sizeof(names[0]) ? names[cat] : "unknown";
	}
}

const char *fnet_event_category_name(const struct fnet_event *ev, const struct fnet_fd *f)
{
	if (ev->type == FNET_EV_GENERIC_E || ev->type == FNET_EV_GENERIC_X) {
		uint16_t code = ev->nparams ? (uint16_t)fnet_event_param_u64(ev, 0) : 0;
		if (code >= sizeof(generic_categories) - 1)
			return "unknown";
		char c = generic_categories[code];
		/* generic events have no fd: I/O categories read as "unknown" */
		uint32_t cat = c >= '0' && c <= '9' ? (uint32_t)(c - '0')
			       : c >= 'a' && c <= 'c' ? (uint32_t)(c - 'a' + 10)
			       : c == 'W'             ? FNET_EC_WAIT
							: FNET_EC_IO_READ;
		return category_of(cat, NULL);
	}
	/* the newer schema adds source bits (syscall, tracepoint, ...) sysdig 0.29.3 lacks */
	uint32_t cat = ev->info->category & ~(uint32_t)(FNET_EC_SYSCALL | FNET_EC_TRACEPOINT |
						       FNET_EC_PLUGIN | FNET_EC_METAEVENT);
	return category_of(cat, f);
}

/* EF_MODIFIES_STATE as sysdig 0.29.3's table has it, where the newer schema differs. */
static int sysdig_modifies_state(uint16_t type)
{
	switch (type) {
	case FNET_EV_SOCKET_SENDMMSG_X:
	case FNET_EV_SOCKET_RECVMMSG_X:
		return 0;
	case FNET_EV_SYSCALL_SETPGID_E:
	case FNET_EV_SYSCALL_SETPGID_E + 1:
		return 1;
	default: {
		const struct fnet_event_info *ei = fnet_event_info(type);
		return ei && (ei->flags & FNET_EF_MODIFIES_STATE);
	}
	}
}

void fnet_filter_note_result(const struct fnet_eval_ctx *ctx, int matched)
{
	const struct fnet_event *ev = ctx->ev;
	struct fnet_thread *t = ctx->thread;
	if (!t || !ev->info || !fnet_event_is_enter(ev->type) ||
	    (ev->info->flags & FNET_EF_SKIPPARSERESET) || ev->type == FNET_EV_SCHEDSWITCH_6_E)
		return;
	t->enter_filtered_out = !matched && !sysdig_modifies_state(ev->type);
}
