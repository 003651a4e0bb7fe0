#include "event_format.h"

#include <arpa/inet.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "errno_names.h"
#include "path_util.h"
#include "trace_reader.h"

#define PPM_AF_UNIX 1
#define PPM_AF_INET 2
#define PPM_AF_INET6 10
#define AT_FDCWD_VALUE (-100)

static const char *const signal_names[32] = {
	NULL,      "SIGHUP",  "SIGINT",    "SIGQUIT", "SIGILL",    "SIGTRAP", "SIGABRT",
	"SIGBUS",  "SIGFPE",  "SIGKILL",   "SIGUSR1", "SIGSEGV",   "SIGUSR2", "SIGPIPE",
	"SIGALRM", "SIGTERM", "SIGSTKFLT", "SIGCHLD", "SIGCONT",   "SIGSTOP", "SIGTSTP",
	"SIGTTIN", "SIGTTOU", "SIGURG",    "SIGXCPU", "SIGXFSZ",   "SIGVTALRM", "SIGPROF",
	"SIGWINCH", "SIGIO",  "SIGPWR",    "SIGSYS"};

const char *fnet_event_type_name(const struct fnet_event *ev)
{
	if (!ev->info)
		return NULL;
	if (ev->type == FNET_EV_GENERIC_E || ev->type == FNET_EV_GENERIC_X)
		return fnet_sysdig_syscall_name(ev->nparams ? (uint16_t)fnet_event_param_u64(ev, 0) : 0);
	return ev->info->name;
}

int fnet_event_is_internal(const struct fnet_event *ev)
{
	return ev->info && (ev->info->category & FNET_EC_INTERNAL);
}

char fnet_fd_typechar(const struct fnet_fd *f)
{
	static const char chars[] = {
		[FNET_FDR_UNKNOWN] = 'o',     [FNET_FDR_FILE] = 'f',        [FNET_FDR_DIRECTORY] = 'd',
		[FNET_FDR_IPV4_SOCK] = '4',   [FNET_FDR_IPV6_SOCK] = '6',   [FNET_FDR_IPV4_SERVSOCK] = '4',
		[FNET_FDR_IPV6_SERVSOCK] = '6', [FNET_FDR_FIFO] = 'p',      [FNET_FDR_UNIX_SOCK] = 'u',
		[FNET_FDR_EVENT] = 'e',       [FNET_FDR_UNSUPPORTED] = 'X', [FNET_FDR_SIGNALFD] = 's',
		[FNET_FDR_EVENTPOLL] = 'l',   [FNET_FDR_INOTIFY] = 'i',     [FNET_FDR_TIMERFD] = 't',
		[FNET_FDR_NETLINK] = 'n',     [FNET_FDR_FILE_V2] = 'f',
	};
	if (f->type < sizeof(chars) && chars[f->type])
		return chars[f->type];
	return '?';
}

static char l4char(uint8_t l4proto)
{
	switch (l4proto) {
	case 2: return 't';
	case 3: return 'u';
	case 4: return 'i';
	case 5: return 'r';
	default: return 0;
	}
}

static int is_printable(uint8_t c)
{
	return c >= 0x20 && c <= 0x7e;
}

/* Appends `n` bytes keeping only printable ASCII. */
static void put_printable(struct fnet_strbuf *b, const char *s, size_t n)
{
	for (size_t i = 0; i < n && s[i]; i++)
		if (is_printable((uint8_t)s[i]))
			fnet_strbuf_putc(b, s[i]);
}

static uint32_t str_len(const uint8_t *p, uint32_t len)
{
	const uint8_t *z = memchr(p, 0, len);
	return z ? (uint32_t)(z - p) : len;
}

static void put_signed(struct fnet_strbuf *b, const struct fnet_event *ev, uint32_t i)
{
	fnet_strbuf_printf(b, "%" PRId64, fnet_event_param_s64(ev, i));
}

/* Plain integers: signed decimal whatever the type's signedness, or the PF form. */
static void put_number(struct fnet_strbuf *b, const struct fnet_event *ev, uint32_t i,
		       uint8_t format)
{
	uint64_t u = fnet_event_param_u64(ev, i);
	switch (format) {
	case FNET_PF_HEX:
		fnet_strbuf_printf(b, "%" PRIX64, u);
		break;
	case FNET_PF_OCT:
		fnet_strbuf_printf(b, u ? "0%" PRIo64 : "%" PRIo64, u);
		break;
	case FNET_PF_10_PADDED_DEC:
		fnet_strbuf_printf(b, "%09" PRId64, fnet_event_param_s64(ev, i));
		break;
	default:
		put_signed(b, ev, i);
		break;
	}
}

/*
 * Flag names in table order; an entry equal to the whole value ends the scan and
 * is named last; bits no entry covers are ignored; zero needs a zero entry.
 */
static void put_flag_names(struct fnet_strbuf *r, const struct fnet_flag_name *t, uint32_t initial)
{
	uint32_t val = initial;
	const char *sep = "";
	for (; t && t->name; t++) {
		if (t->value == initial) {
			fnet_strbuf_puts(r, sep);
			fnet_strbuf_puts(r, t->name);
			return;
		}
		if ((t->value == 0 && initial == 0) ||
		    (t->value != 0 && val != 0 && (val & t->value) == t->value)) {
			fnet_strbuf_puts(r, sep);
			fnet_strbuf_puts(r, t->name);
			sep = "|";
			val &= ~t->value;
		}
	}
}

/* Enum-like flags name exactly one value. */
static void put_enum_name(struct fnet_strbuf *r, const struct fnet_flag_name *t, uint32_t v)
{
	for (; t && t->name; t++)
		if (t->value == v) {
			fnet_strbuf_puts(r, t->name);
			return;
		}
}

static void put_fd_resolved(struct fnet_strbuf *r, const struct fnet_fd *f)
{
	fnet_strbuf_putc(r, '<');
	fnet_strbuf_putc(r, fnet_fd_typechar(f));
	/* sysdig's get_l4proto: no protocol for a socket without a role yet, unless raw */
	int servsock = f->type == FNET_FDR_IPV4_SERVSOCK || f->type == FNET_FDR_IPV6_SERVSOCK;
	if (servsock || ((f->type == FNET_FDR_IPV4_SOCK || f->type == FNET_FDR_IPV6_SOCK) &&
			 (f->role != FNET_FD_ROLE_NONE || f->l4proto == 5))) {
		char c = l4char(f->l4proto);
		if (c)
			fnet_strbuf_putc(r, c);
	}
	fnet_strbuf_putc(r, '>');
	if (f->name.ptr)
		put_printable(r, f->name.ptr, f->name.len);
}

static void put_fd(struct fnet_strbuf *v, struct fnet_strbuf *r, int64_t fd,
		   const struct fnet_format_ctx *ctx)
{
	fnet_strbuf_printf(v, "%" PRId64, fd);
	if (fd == AT_FDCWD_VALUE) {
		fnet_strbuf_puts(r, "AT_FDCWD");
	} else if (fd < 0) {
		const char *e = fnet_errno_name(fd);
		if (e)
			fnet_strbuf_puts(r, e);
	} else {
		const struct fnet_fd *f = fnet_thread_fd(ctx->thread, fd);
		if (f)
			put_fd_resolved(r, f);
	}
}

static void put_ip(struct fnet_strbuf *b, int family, const uint8_t *ip)
{
	char a[INET6_ADDRSTRLEN] = "";
	inet_ntop(family, ip, a, sizeof(a));
	fnet_strbuf_puts(b, a);
}

static void put_sockaddr(struct fnet_strbuf *v, const uint8_t *p, uint32_t len)
{
	if (len == 0) {
		fnet_strbuf_puts(v, "NULL");
		return;
	}
	switch (p[0]) {
	case PPM_AF_UNIX:
		put_printable(v, (const char *)p + 1, len - 1);
		break;
	case PPM_AF_INET:
		if (len < 7) {
			fnet_strbuf_puts(v, "INVALID IPv4");
			break;
		}
		put_ip(v, AF_INET, p + 1);
		fnet_strbuf_printf(v, ":%u", fnet_get_u16(p + 5));
		break;
	case PPM_AF_INET6:
		if (len < 19) {
			fnet_strbuf_puts(v, "INVALID IPv6");
			break;
		}
		put_ip(v, AF_INET6, p + 1);
		fnet_strbuf_printf(v, ":%u", fnet_get_u16(p + 17));
		break;
	default:
		fnet_strbuf_printf(v, "family %u", p[0]);
		break;
	}
}

/* An IPv6 address that carries IPv4 (::ffff:a.b.c.d) or is unspecified. */
static int is_v4_compatible(const uint8_t *a)
{
	static const uint8_t zero[16];
	static const uint8_t mapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
	return memcmp(a, zero, 16) == 0 || memcmp(a, mapped, 12) == 0;
}

static void put_socktuple(struct fnet_strbuf *v, const uint8_t *p, uint32_t len)
{
	if (len == 0) {
		fnet_strbuf_puts(v, "NULL");
		return;
	}
	switch (p[0]) {
	case PPM_AF_INET:
		if (len < 13) {
			fnet_strbuf_puts(v, "INVALID IPv4");
			break;
		}
		put_ip(v, AF_INET, p + 1);
		fnet_strbuf_printf(v, ":%u->", fnet_get_u16(p + 5));
		put_ip(v, AF_INET, p + 7);
		fnet_strbuf_printf(v, ":%u", fnet_get_u16(p + 11));
		break;
	case PPM_AF_INET6:
		if (len < 37) {
			fnet_strbuf_puts(v, "INVALID IPv6");
			break;
		}
		if (is_v4_compatible(p + 1) && is_v4_compatible(p + 19)) {
			put_ip(v, AF_INET, p + 13);
			fnet_strbuf_printf(v, ":%u->", fnet_get_u16(p + 17));
			put_ip(v, AF_INET, p + 31);
			fnet_strbuf_printf(v, ":%u", fnet_get_u16(p + 35));
		} else {
			put_ip(v, AF_INET6, p + 1);
			fnet_strbuf_printf(v, ":%u->", fnet_get_u16(p + 17));
			put_ip(v, AF_INET6, p + 19);
			fnet_strbuf_printf(v, ":%u", fnet_get_u16(p + 35));
		}
		break;
	case PPM_AF_UNIX:
		if (len < 17) {
			fnet_strbuf_puts(v, "INVALID UNIX");
			break;
		}
		fnet_strbuf_printf(v, "%" PRIx64 "->%" PRIx64 " ", fnet_get_u64(p + 1),
				   fnet_get_u64(p + 9));
		put_printable(v, (const char *)p + 17, len - 17);
		break;
	default:
		fnet_strbuf_printf(v, "family %u", p[0]);
		break;
	}
}

static void put_fdlist(struct fnet_strbuf *v, const uint8_t *p, uint32_t len,
		       const struct fnet_format_ctx *ctx)
{
	if (len < 2)
		return;
	uint16_t n = fnet_get_u16(p);
	for (uint32_t k = 0; k < n && 2 + (k + 1) * 10u <= len; k++) {
		const uint8_t *e = p + 2 + k * 10;
		int64_t fd = (int64_t)fnet_get_u64(e);
		int16_t fl = (int16_t)fnet_get_u16(e + 8);
		const struct fnet_fd *f = fnet_thread_fd(ctx->thread, fd);
		fnet_strbuf_printf(v, "%s%" PRIu64 ":%c%x", k ? " " : "", (uint64_t)fd,
				   f ? fnet_fd_typechar(f) : '?', (unsigned)(int)fl);
	}
}

static void put_bytebuf(struct fnet_strbuf *v, const uint8_t *p, uint32_t len, uint32_t max)
{
	size_t start = v->len;
	for (uint32_t k = 0; k < len; k++)
		fnet_strbuf_putc(v, is_printable(p[k]) ? (char)p[k] : '.');
	if (max && v->len - start > max && !v->oom) {
		v->len = start + max;
		memcpy(v->ptr + v->len - 3, "...", 3);
		v->ptr[v->len] = 0;
	}
}

/* Directory a relative path parameter is relative to ("" when unknown). */
static const char *path_base(const struct fnet_event *ev, const struct fnet_param_info *pi,
			     const struct fnet_format_ctx *ctx)
{
	const struct fnet_thread *t = ctx->thread;
	if (pi->type == FNET_PT_FSRELPATH && pi->dirfd < ev->nparams) {
		int64_t dirfd = fnet_event_param_s64(ev, pi->dirfd);
		if (dirfd != AT_FDCWD_VALUE) {
			const struct fnet_fd *d = fnet_thread_fd(t, dirfd);
			return d && d->name.ptr ? d->name.ptr : "";
		}
	}
	return t && t->cwd.ptr ? t->cwd.ptr : "";
}

static void put_path(struct fnet_strbuf *v, struct fnet_strbuf *r, const struct fnet_event *ev,
		     const struct fnet_param_info *pi, const uint8_t *p, uint32_t len,
		     const struct fnet_format_ctx *ctx)
{
	uint32_t n = str_len(p, len);
	put_printable(v, (const char *)p, n);
	if (!ctx->thread || n == 0 || p[0] == '/')
		return;
	char full[FNET_PATH_MAX];
	const char *base = path_base(ev, pi, ctx);
	fnet_path_resolve(full, sizeof(full), base, (const char *)p, n);
	/* sysdig joins with the base's trailing '/' and keeps an empty base relative */
	for (char *c = full; *c; c++)
		if (!is_printable((uint8_t)*c))
			*c = '.';
	fnet_strbuf_puts(r, full);
}

static void put_id_name(struct fnet_strbuf *v, struct fnet_strbuf *r, uint32_t id, int is_uid,
			const struct fnet_format_ctx *ctx)
{
	fnet_strbuf_printf(v, "%d", (int32_t)id);
	if (id == UINT32_MAX) {
		fnet_strbuf_puts(r, "<NONE>");
		return;
	}
	const struct fnet_string *name = NULL;
	if (ctx->state && is_uid) {
		const struct fnet_user *u = fnet_state_user(ctx->state, id);
		name = u ? &u->name : NULL;
	} else if (ctx->state) {
		const struct fnet_group *g = fnet_state_group(ctx->state, id);
		name = g ? &g->name : NULL;
	}
	fnet_strbuf_puts(r, name && name->ptr ? name->ptr : "<NA>");
}

/*
 * The type and format of a dynamic parameter's value by its selector byte, from
 * the driver's tables (driver/dynamic_params_table.c: bpf, ptrace, sockopt). 0 when
 * unknown.
 */
static int dyn_param(uint16_t type, uint8_t sel, struct fnet_param_info *out)
{
	static const uint8_t bpf[][2] = {{FNET_PT_FD, FNET_PF_DEC}, {FNET_PT_ERRNO, FNET_PF_DEC}};
	static const uint8_t ptrace[][2] = {{FNET_PT_UINT64, FNET_PF_HEX}, {FNET_PT_SIGTYPE, FNET_PF_DEC}};
	static const uint8_t sockopt[][2] = {{FNET_PT_BYTEBUF, FNET_PF_HEX}, {FNET_PT_ERRNO, FNET_PF_DEC},
					     {FNET_PT_UINT32, FNET_PF_DEC}, {FNET_PT_UINT64, FNET_PF_DEC},
					     {FNET_PT_RELTIME, FNET_PF_DEC}};
	const uint8_t(*t)[2];
	size_t n;
	switch (type) {
	case FNET_EV_SYSCALL_BPF_X: t = bpf; n = 2; break;
	case FNET_EV_SYSCALL_PTRACE_X: t = ptrace; n = 2; break;
	case FNET_EV_SOCKET_SETSOCKOPT_X:
	case FNET_EV_SOCKET_GETSOCKOPT_X: t = sockopt; n = 5; break;
	default: return 0;
	}
	if (sel >= n)
		return 0;
	out->type = t[sel][0];
	out->format = t[sel][1];
	out->flags = NULL;
	return 1;
}

void fnet_format_param(struct fnet_strbuf *v, struct fnet_strbuf *r, const struct fnet_event *ev,
		       uint32_t i, const struct fnet_format_ctx *ctx);

/* A dynamic parameter: a selector byte, then a value of the type it selects. */
static void put_dyn(struct fnet_strbuf *v, struct fnet_strbuf *r, const struct fnet_event *ev,
		    uint32_t i, const struct fnet_format_ctx *ctx)
{
	const uint8_t *p = ev->param[i];
	uint32_t len = ev->param_len[i];
	struct fnet_param_info params[FNET_MAX_PARAMS];
	if (len < 1 || ev->nparams > FNET_MAX_PARAMS || ev->info->nparams > FNET_MAX_PARAMS) {
		put_bytebuf(v, p, len, ctx->bytebuf_max);
		return;
	}
	memcpy(params, ev->info->params, ev->info->nparams * sizeof(params[0]));
	if (!dyn_param(ev->type, p[0], &params[i])) {
		put_bytebuf(v, p, len, ctx->bytebuf_max); /* unknown selector: the raw bytes */
		return;
	}
	/* the same event with the value alone, of the selected type */
	struct fnet_event_info info = *ev->info;
	info.params = params;
	struct fnet_event view = *ev;
	view.info = &info;
	view.param[i] = p + 1;
	view.param_len[i] = len - 1;
	fnet_format_param(v, r, &view, i, ctx);
}

void fnet_format_param(struct fnet_strbuf *v, struct fnet_strbuf *r, const struct fnet_event *ev,
		       uint32_t i, const struct fnet_format_ctx *ctx)
{
	fnet_strbuf_reset(v);
	fnet_strbuf_reset(r);
	if (!ev->info || i >= ev->nparams || i >= ev->info->nparams)
		return;
	const struct fnet_param_info *pi = &ev->info->params[i];
	const uint8_t *p = ev->param[i];
	uint32_t len = ev->param_len[i];
	switch (fnet_sysdig_param_type(ev, i)) {
	case FNET_PT_INT8:
	case FNET_PT_INT16:
	case FNET_PT_INT32:
	case FNET_PT_INT64:
	case FNET_PT_UINT8:
	case FNET_PT_UINT16:
	case FNET_PT_UINT32:
	case FNET_PT_UINT64:
		put_number(v, ev, i, pi->format);
		break;
	case FNET_PT_ERRNO: {
		int64_t x = fnet_event_param_s64(ev, i);
		if (x >= 0 && pi->format == FNET_PF_HEX) {
			fnet_strbuf_printf(v, "%" PRIX64, (uint64_t)x);
			break;
		}
		fnet_strbuf_printf(v, "%" PRId64, x);
		const char *e = x < 0 ? fnet_errno_name(x) : NULL;
		if (e)
			fnet_strbuf_puts(r, e);
		break;
	}
	case FNET_PT_FD:
	case FNET_PT_FD32:
		put_fd(v, r, fnet_event_param_s64(ev, i), ctx);
		break;
	case FNET_PT_PID:
	case FNET_PT_PID32: {
		int64_t pid = fnet_event_param_s64(ev, i);
		fnet_strbuf_printf(v, "%" PRId64, pid);
		const struct fnet_thread *t = ctx->state ? fnet_state_thread(ctx->state, pid) : NULL;
		if (t && t->comm.ptr)
			fnet_strbuf_puts(r, t->comm.ptr);
		break;
	}
	case FNET_PT_FLAGS8:
	case FNET_PT_FLAGS16:
	case FNET_PT_FLAGS32: {
		uint32_t x = (uint32_t)fnet_event_param_u64(ev, i);
		fnet_strbuf_printf(v, "%u", x);
		put_flag_names(r, pi->flags, x);
		break;
	}
	case FNET_PT_ENUMFLAGS8:
	case FNET_PT_ENUMFLAGS16:
	case FNET_PT_ENUMFLAGS32: {
		uint32_t x = (uint32_t)fnet_event_param_u64(ev, i);
		fnet_strbuf_printf(v, "%u", x);
		put_enum_name(r, pi->flags, x);
		break;
	}
	case FNET_PT_MODE:
		put_number(v, ev, i, pi->format);
		put_flag_names(r, pi->flags, (uint32_t)fnet_event_param_u64(ev, i));
		break;
	case FNET_PT_UID:
	case FNET_PT_GID:
		put_id_name(v, r, (uint32_t)fnet_event_param_u64(ev, i), pi->type == FNET_PT_UID, ctx);
		break;
	case FNET_PT_SIGTYPE: {
		uint8_t s = (uint8_t)fnet_event_param_u64(ev, i);
		fnet_strbuf_printf(v, "%u", s);
		if (s < 32 && signal_names[s])
			fnet_strbuf_puts(r, signal_names[s]);
		break;
	}
	case FNET_PT_SYSCALLID: {
		uint16_t c = (uint16_t)fnet_event_param_u64(ev, i);
		fnet_strbuf_printf(v, "%u", c);
		fnet_strbuf_puts(r, fnet_sysdig_syscall_name(c));
		break;
	}
	case FNET_PT_RELTIME: {
		uint64_t ns = fnet_event_param_u64(ev, i);
		if (ns == UINT64_MAX) {
			fnet_strbuf_puts(v, "none");
			break;
		}
		fnet_strbuf_printf(v, "%" PRIu64, ns);
		fnet_strbuf_printf(r, "%gs", (double)ns / 1e9);
		break;
	}
	case FNET_PT_ABSTIME:
		fnet_strbuf_printf(v, "%" PRIu64, fnet_event_param_u64(ev, i));
		break;
	case FNET_PT_CHARBUF:
		fnet_strbuf_append(v, (const char *)p, str_len(p, len));
		break;
	case FNET_PT_FSPATH:
	case FNET_PT_FSRELPATH:
		put_path(v, r, ev, pi, p, len, ctx);
		break;
	case FNET_PT_BYTEBUF:
		put_bytebuf(v, p, len, ctx->bytebuf_max);
		break;
	case FNET_PT_SOCKADDR:
		put_sockaddr(v, p, len);
		break;
	case FNET_PT_SOCKTUPLE:
		put_socktuple(v, p, len);
		break;
	case FNET_PT_FDLIST:
		put_fdlist(v, p, len, ctx);
		break;
	case FNET_PT_SIGSET: {
		uint32_t set = (uint32_t)fnet_event_param_u64(ev, i);
		const char *sep = "";
		for (int s = 0; s < 32; s++)
			if ((set >> s) & 1) {
				fnet_strbuf_puts(v, sep);
				fnet_strbuf_puts(v, s + 1 < 32 && signal_names[s + 1] ? signal_names[s + 1]
										 : "SIG?");
				sep = " ";
			}
		break;
	}
	case FNET_PT_BOOL:
		fnet_strbuf_puts(v, fnet_event_param_u64(ev, i) ? "true" : "false");
		break;
	case FNET_PT_IPV4ADDR:
		if (len == 4)
			put_ip(v, AF_INET, p);
		break;
	case FNET_PT_IPV6ADDR:
		if (len == 16)
			put_ip(v, AF_INET6, p);
		break;
	case FNET_PT_IPADDR:
		if (len == 4 || len == 16)
			put_ip(v, len == 4 ? AF_INET : AF_INET6, p);
		break;
	case FNET_PT_PORT:
		fnet_strbuf_printf(v, "%" PRIu64, fnet_event_param_u64(ev, i));
		break;
	case FNET_PT_DYN:
		put_dyn(v, r, ev, i, ctx);
		break;
	default:
		fnet_strbuf_puts(v, "(n.a.)");
		break;
	}
}

uint32_t fnet_format_nparams(const struct fnet_event *ev, const struct fnet_format_ctx *ctx)
{
	uint32_t n = ctx->all_params ? ev->nparams : fnet_sysdig_nparams(ev);
	return ev->info && n > ev->info->nparams ? ev->info->nparams : n;
}

void fnet_format_info(struct fnet_strbuf *out, const struct fnet_event *ev,
		      const struct fnet_format_ctx *ctx)
{
	if (!ev->info || ev->type == FNET_EV_GENERIC_E || ev->type == FNET_EV_GENERIC_X)
		return;
	/* scratch buffers reused across calls: the hot path allocates only to grow them */
	static _Thread_local struct fnet_strbuf v = FNET_STRBUF_INIT, r = FNET_STRBUF_INIT;
	uint32_t n = fnet_format_nparams(ev, ctx);
	for (uint32_t i = 0; i < n; i++) {
		fnet_format_param(&v, &r, ev, i, ctx);
		fnet_strbuf_puts(out, fnet_sysdig_param_name(ev, i));
		fnet_strbuf_putc(out, '=');
		fnet_strbuf_append(out, v.ptr ? v.ptr : "", v.len);
		if (r.len) {
			fnet_strbuf_putc(out, '(');
			fnet_strbuf_append(out, r.ptr, r.len);
			fnet_strbuf_putc(out, ')');
		}
		fnet_strbuf_putc(out, ' ');
	}
}
