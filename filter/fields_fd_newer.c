/*
 * fd fields that libsinsp added after sysdig 0.29.3 and Falco's rules use
 * (semantics of falcosecurity/libs userspace/libsinsp/sinsp_filtercheck_fd.cpp;
 * our own code). They see the event's fd as the other fd fields do
 * (fields_fd.c): only events whose type has fd flags have them.
 *
 *   fd.nameraw   the path as the call passed it, duplicate '/' squeezed;
 *   fd.connected whether an IP socket was seen connected (state_fd_extra.c);
 *   fd.types     a list: the distinct types of the process's open fds, or
 *                with fd.types[N] the type of fd N (fields_special.h,
 *                FNET_MATCH_LIST);
 *   fd.cip.name, fd.sip.name, fd.lip.name, fd.rip.name
 *                the domain name of an address. libsinsp learns them by
 *                resolving the names a filter compares with at the time of
 *                the event; a trace carries no answers and falconet resolves
 *                nothing, so they have no value, and checks on them
 *                (FNET_MATCH_DOMAIN) decide as libsinsp does for a name
 *                that does not resolve to the address.
 */
#include <string.h>

#include "fields_common.h"
#include "fields_special.h"

#define EXTRACTOR(name)                                                                      \
	static int name(const struct fnet_eval_ctx *ctx, const struct fnet_field_arg *arg,    \
			struct fnet_field_value *out, char *scratch)

/* Copies `len` bytes of `p` into scratch without repeated '/' (libsinsp's light sanitising). */
static int squeeze_slashes(struct fnet_field_value *out, char *scratch, const char *p, size_t len)
{
	size_t n = 0;
	if (len > FNET_FIELD_SCRATCH_SIZE)
		len = FNET_FIELD_SCRATCH_SIZE;
	for (size_t i = 0; i < len; i++)
		if (!(p[i] == '/' && n > 0 && scratch[n - 1] == '/'))
			scratch[n++] = p[i];
	out->str = scratch;
	out->len = (uint32_t)n;
	return 1;
}

/*
 * fd.nameraw of an event whose fd is not in the table (a failed call): the
 * raw path of openat-family and open_by_handle_at exits, fd.name's value for
 * open/creat/connect/accept exits, else an empty name; enter events: none.
 */
static int nameraw_without_fd(const struct fnet_eval_ctx *ctx, struct fnet_field_value *out,
			      char *scratch)
{
	const struct fnet_event *ev = ctx->ev, *e;
	const char *p;
	size_t len;
	switch (ev->type) {
	case FNET_EV_SYSCALL_OPENAT_X: /* the old layout: the path is in the enter event */
		if (!(e = fnet_matching_enter(ctx->thread, ev)))
			return 0;
		p = fnet_param_text(e, 1, &len);
		break;
	case FNET_EV_SYSCALL_OPENAT_2_X:
	case FNET_EV_SYSCALL_OPENAT2_X:
		p = fnet_param_text(ev, 2, &len);
		if (len == 0)
			return 0;
		break;
	case FNET_EV_SYSCALL_OPEN_BY_HANDLE_AT_X:
		p = fnet_param_text(ev, 3, &len);
		break;
	default:
		if (!fnet_event_fd_name(ctx, out, scratch))
			return 0;
		p = out->str;
		len = out->len;
		break;
	}
	/* squeezing never lengthens, so it may work in place */
	return squeeze_slashes(out, scratch, p, len);
}

EXTRACTOR(extract_nameraw)
{
	(void)arg;
	int64_t fd;
	const struct fnet_fd *f;
	if (!fnet_event_fd_entry(ctx, &fd, &f))
		return 0;
	if (!f)
		return nameraw_without_fd(ctx, out, scratch);
	return squeeze_slashes(out, scratch, f->name_raw.ptr ? f->name_raw.ptr : "", f->name_raw.len);
}

EXTRACTOR(extract_connected)
{
	(void)arg;
	(void)scratch;
	int64_t fd;
	const struct fnet_fd *f;
	return fnet_event_fd_entry(ctx, &fd, &f) && f && fnet_value_bool(out, f->connected);
}

/* libsinsp's current fd type names. */
static const char *type_name(uint8_t type)
{
	static const char *const names[] = {
		[FNET_FDR_FILE] = "file",           [FNET_FDR_FILE_V2] = "file",
		[FNET_FDR_DIRECTORY] = "directory", [FNET_FDR_IPV4_SOCK] = "ipv4",
		[FNET_FDR_IPV4_SERVSOCK] = "ipv4",  [FNET_FDR_IPV6_SOCK] = "ipv6",
		[FNET_FDR_IPV6_SERVSOCK] = "ipv6",  [FNET_FDR_UNIX_SOCK] = "unix",
		[FNET_FDR_FIFO] = "pipe",           [FNET_FDR_EVENT] = "event",
		[FNET_FDR_SIGNALFD] = "signalfd",   [FNET_FDR_EVENTPOLL] = "eventpoll",
		[FNET_FDR_INOTIFY] = "inotify",     [FNET_FDR_TIMERFD] = "timerfd",
		[FNET_FDR_NETLINK] = "netlink",     [FNET_FDR_BPF] = "bpf",
		[FNET_FDR_USERFAULTFD] = "userfaultfd", [FNET_FDR_IOURING] = "io_uring",
		[FNET_FDR_MEMFD] = "memfd",         [FNET_FDR_PIDFD] = "pidfd",
	};
	const char *n = type < sizeof(names) / sizeof(names[0]) ? names[type] : NULL;
	return n ? n : "<NA>";
}

/*
 * The distinct type names of the fds fd.types lists, in table order: of fd
 * `only` when it is not -1, else of every fd of the process. Up to `cap`
 * names into `names`; returns how many, or -1 when the field has no value.
 */
static int list_types(const struct fnet_eval_ctx *ctx, int64_t only, const char **names, int cap)
{
	int64_t fd;
	const struct fnet_fd *f;
	if (!fnet_event_fd_entry(ctx, &fd, &f))
		return -1;
	if (only != -1) {
		f = fnet_thread_fd(ctx->thread, only);
		if (!f)
			return -1;
		names[0] = type_name(f->type);
		return 1;
	}
	const struct fnet_fd_table *fdt = ctx->thread->fdt;
	int n = 0;
	size_t pos = 0;
	int64_t k;
	void *v;
	while (fdt && n < cap && fnet_int_map_next(&fdt->fds, &pos, &k, &v)) {
		const char *t = type_name(((const struct fnet_fd *)v)->type);
		int seen = 0;
		for (int i = 0; i < n && !seen; i++)
			seen = names[i] == t || strcmp(names[i], t) == 0;
		if (!seen)
			names[n++] = t;
	}
	return n;
}

/*
 * fd.types: as a whole "(file,ipv4)"; item k of the list when the argument
 * carries fnet_list_item_marker (fnet_field_extract_nth).
 */
EXTRACTOR(extract_types)
{
	const char *names[32];
	int64_t only = arg->has && arg->is_index ? arg->index : -1;
	int n = list_types(ctx, only, names, 32);
	if (n < 0)
		return 0;
	if (arg->name == fnet_list_item_marker)
		return arg->name_len < (uint32_t)n && fnet_value_cstr(out, names[arg->name_len]);
	size_t len = 0;
	scratch[len++] = '(';
	for (int i = 0; i < n; i++) {
		size_t l = strlen(names[i]);
		if (len + l + 3 > FNET_FIELD_SCRATCH_SIZE)
			break;
		if (i)
			scratch[len++] = ',';
		memcpy(scratch + len, names[i], l);
		len += l;
	}
	scratch[len++] = ')';
	out->str = scratch;
	out->len = (uint32_t)len;
	return 1;
}

/* Domain names of addresses: never known (see the top of the file). */
EXTRACTOR(extract_no_domain)
{
	(void)ctx;
	(void)arg;
	(void)out;
	(void)scratch;
	return 0;
}

int fnet_field_domain_check(const struct fnet_eval_ctx *ctx, enum fnet_cmp_op op)
{
	int64_t fd;
	const struct fnet_fd *f;
	if (!fnet_event_fd_entry(ctx, &fd, &f) || !f)
		return 0;
	if (op == FNET_OP_EXISTS)
		return 1;
	if ((f->type != FNET_FDR_IPV4_SOCK && f->type != FNET_FDR_IPV6_SOCK) ||
	    f->role == FNET_FD_ROLE_NONE)
		return 0;
	/* no name resolves to the address: = and in fail, != holds */
	return op == FNET_OP_NE;
}

#define DOMAIN_FIELD(n, side)                                                                \
	{n, FNET_FIELD_STRING,                                                               \
	 "domain name of the " side " IP address; a trace carries none and falconet resolves " \
	 "nothing, so = and in are false and != true for connected IP sockets",              \
	 extract_no_domain, NULL, FNET_ARG_NONE}

static const struct fnet_field_def fd_newer_fields[] = {
	{"fd.nameraw", FNET_FIELD_STRING,
	 "for files, the path as the call passed it (not made absolute), repeated '/' squeezed; "
	 "empty for other fds",
	 extract_nameraw, NULL, FNET_ARG_NONE},
	{"fd.connected", FNET_FIELD_STRING,
	 "for TCP/UDP fds, true if the socket is connected (connect, accept or successful I/O "
	 "seen)",
	 extract_connected, fnet_check_bool, FNET_ARG_NONE},
	{"fd.types", FNET_FIELD_STRING,
	 "list of the distinct types of the process's open fds, e.g. (file,ipv4); fd.types[N]: "
	 "the type of fd N as a one-item list. Checked with in (every type in the set), "
	 "intersects (one type in the set) or exists",
	 extract_types, NULL, FNET_ARG_INDEX},
	DOMAIN_FIELD("fd.cip.name", "client"),
	DOMAIN_FIELD("fd.sip.name", "server"),
	DOMAIN_FIELD("fd.lip.name", "local"),
	DOMAIN_FIELD("fd.rip.name", "remote"),
};

const struct fnet_field_class fnet_fields_fd_newer = {
	"fd", fd_newer_fields, sizeof(fd_newer_fields) / sizeof(fd_newer_fields[0])};
