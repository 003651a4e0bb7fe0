/*
 * Where sysdig 0.29.3 (libs e5c53d64) sees events differently from the newer
 * schema libfalconet carries: fd flags of a few event types, errno names, and
 * the names of a few syscall codes of generic events.
 * Fields read these so that filters select what sysdig 0.29.3 selects.
 */
#include "fields.h"

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

/* Generic-event syscall codes that sysdig 0.29.3's syscall table names differently. */
static const struct {
	uint16_t code;
	const char *name;
} syscall_renames[] = {
	{283, "newselect"}, {292, "llseek"},   {298, "sigreturn"}, {305, "setuid"},
	{306, "getuid"},    {307, "setgid"},   {308, "geteuid"},   {309, "getgid"},
	{310, "setresuid"}, {311, "setresgid"}, {312, "getresuid"}, {313, "getresgid"},
};

const char *fnet_sysdig_syscall_name(uint16_t code)
{
	if (code >= 283 && code <= 313)
		for (size_t i = 0; i < sizeof(syscall_renames) / sizeof(syscall_renames[0]); i++)
			if (syscall_renames[i].code == code)
				return syscall_renames[i].name;
	return fnet_syscall_name(code);
}
