/*
 * What sysdig 0.29.3 (falcosecurity/libs e5c53d64) sees differently from the newer
 * schema libfalconet carries, for rendering events as it prints them.
 *
 * Parameter counts of sysdig 0.29.3's event table (falcosecurity/libs e5c53d64,
 * driver/event_table.c, 336 types): sysdig reads and shows no parameter beyond
 * them, though newer drivers (falconet's probe) append more (read exit: res, data;
 * later also fd, size). evt.args, evt.info and evt.arg[N] stop there too.
 */
#include "event_format.h"

static const uint8_t sysdig_nparams[] = {
	2, 1, 3, 5, 1, 1, 2, 2, 2, 2, 1, 1, 0, 8, 0, 11, 0, 0, 3, 1, 1, 2, 2, 2,
	2, 1, 0, 3, 2, 2, 3, 2, 2, 2, 2, 3, 2, 1, 0, 0, 0, 0, 3, 5, 0, 6, 0, 6,
	3, 2, 0, 0, 1, 4, 0, 0, 1, 3, 2, 4, 0, 4, 2, 1, 3, 1, 0, 2, 0, 2, 1, 1,
	0, 2, 0, 2, 1, 1, 1, 1, 2, 2, 0, 1, 0, 1, 3, 1, 3, 1, 2, 1, 0, 2, 0, 2,
	1, 1, 2, 1, 1, 1, 4, 1, 2, 1, 4, 1, 1, 1, 2, 1, 3, 2, 3, 2, 1, 3, 2, 2,
	2, 3, 3, 2, 1, 1, 3, 1, 2, 1, 2, 1, 3, 1, 1, 1, 2, 1, 1, 1, 1, 3, 1, 3,
	2, 5, 1, 0, 1, 1, 2, 1, 6, 0, 0, 13, 0, 16, 1, 4, 6, 4, 6, 4, 2, 4, 4, 1,
	2, 3, 3, 1, 0, 14, 0, 3, 0, 5, 0, 3, 0, 4, 0, 16, 0, 16, 4, 0, 4, 2, 4, 14,
	3, 1, 3, 1, 2, 0, 1, 1, 1, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 4, 0, 4, 0, 15,
	0, 17, 0, 17, 0, 17, 0, 20, 0, 20, 0, 20, 4, 0, 0, 16, 3, 0, 2, 0, 1, 1, 1, 1,
	2, 1, 2, 1, 2, 0, 0, 5, 1, 5, 1, 8, 4, 1, 3, 2, 1, 4, 1, 2, 1, 0, 3, 1,
	1, 2, 0, 2, 3, 3, 1, 0, 1, 0, 0, 1, 1, 2, 0, 2, 2, 0, 0, 17, 1, 1, 4, 0,
	1, 17, 3, 0, 1, 20, 2, 1, 1, 1, 1, 1, 0, 2, 0, 4, 0, 4, 4, 6, 0, 3, 0, 6,
	0, 4, 0, 3, 0, 3, 0, 6, 0, 2, 2, 0, 1, 0, 5, 6, 3, 1, 3, 20, 3, 3, 0, 20,
};

uint32_t fnet_sysdig_nparams(const struct fnet_event *ev)
{
	if (ev->type >= sizeof(sysdig_nparams))
		return ev->nparams;
	return ev->nparams < sysdig_nparams[ev->type] ? ev->nparams : sysdig_nparams[ev->type];
}

/*
 * Parameters that sysdig 0.29.3's table names or types differently within its
 * count (execve and execveat exits: "pgid" for the newer "vpgid", loginuid a plain
 * INT32 where the newer table has a UID resolved to a user name).
 */
const char *fnet_sysdig_param_name(const struct fnet_event *ev, uint32_t i)
{
	if ((ev->type == FNET_EV_SYSCALL_EXECVE_19_X || ev->type == FNET_EV_SYSCALL_EXECVEAT_X) &&
	    i == 17)
		return "pgid";
	return ev->info->params[i].name;
}

uint8_t fnet_sysdig_param_type(const struct fnet_event *ev, uint32_t i)
{
	if ((ev->type == FNET_EV_SYSCALL_EXECVE_19_X || ev->type == FNET_EV_SYSCALL_EXECVEAT_X) &&
	    i == 18)
		return FNET_PT_INT32;
	return ev->info->params[i].type;
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
