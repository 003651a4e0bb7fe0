/*
 * Socket state from socket, bind, connect, accept and the datagram calls
 * (sendto, sendmsg, recvfrom, recvmsg), following what sysdig 0.29.3 does
 * (falcosecurity/libs e5c53d64, userspace/libsinsp/parsers.cpp: add_socket,
 * parse_bind_exit, parse_connect_enter/exit, parse_accept_exit, parse_rw_exit,
 * update_fd; fdinfo.cpp set_net_role_by_guessing) so that fd.name, fd.l4proto
 * and the address fields read as sysdig shows them.
 */
#include <string.h>

#include "event_format.h"
#include "event_params.h"
#include "state_internal.h"

#define PPM_AF_UNIX 1
#define PPM_AF_INET 2
#define PPM_AF_INET6 10
#define PPM_AF_NETLINK 16
#define EINPROGRESS_VALUE 115
#define L4_UNKNOWN 0
#define L4_TCP 2
#define L4_UDP 3
#define L4_ICMP 4
#define L4_RAW 5

/* The text sysdig gives parameter `role` of `ev` (sockaddr or tuple): "" when absent. */
static const char *param_text(const struct fnet_thread *t, const struct fnet_event *ev,
			      enum fnet_param_role role, uint32_t *len)
{
	static _Thread_local struct fnet_strbuf v = FNET_STRBUF_INIT, r = FNET_STRBUF_INIT;
	int i = fnet_param_slot(ev->type, role);
	fnet_strbuf_reset(&v);
	if (i >= 0 && (uint32_t)i < ev->nparams) {
		struct fnet_format_ctx fc = {NULL, t, 0, 1};
		fnet_format_param(&v, &r, ev, (uint32_t)i, &fc);
	}
	*len = (uint32_t)v.len;
	return v.ptr ? v.ptr : "";
}

static int is_v4_mapped(const uint8_t *ip)
{
	static const uint8_t zero[12], prefix[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
	/* sysdig also takes the all-zero address for IPv4 */
	return memcmp(ip, prefix, 12) == 0 || (memcmp(ip, zero, 12) == 0 && !memcmp(ip + 12, zero, 4));
}

static int is_ip_sock(const struct fnet_fd *f)
{
	return f->type == FNET_FDR_IPV4_SOCK || f->type == FNET_FDR_IPV6_SOCK;
}

/* add_socket: the fd type from the domain, the protocol from protocol and type. */
void fnet_state_socket_exit(struct fnet_thread *t, const struct fnet_event *ev,
			    const struct fnet_event *enter)
{
	int64_t fd, domain = 0, type = 0, proto = 0;
	if (!fnet_st_get_int(ev, NULL, FNET_PN_FD, &fd) || fd < 0)
		return;
	fnet_st_get_int(ev, enter, FNET_PN_DOMAIN, &domain);
	fnet_st_get_int(ev, enter, FNET_PN_TYPE, &type);
	fnet_st_get_int(ev, enter, FNET_PN_PROTO, &proto);
	uint8_t ft, l4 = L4_UNKNOWN;
	int raw = type == 3; /* SOCK_RAW */
	switch (domain) {
	case PPM_AF_UNIX: ft = FNET_FDR_UNIX_SOCK; break;
	case PPM_AF_INET: ft = FNET_FDR_IPV4_SOCK; break;
	case PPM_AF_INET6: ft = FNET_FDR_IPV6_SOCK; break;
	case PPM_AF_NETLINK: ft = FNET_FDR_NETLINK; break;
	default: return; /* sysdig keeps no fd of other families */
	}
	if (ft == FNET_FDR_IPV4_SOCK || ft == FNET_FDR_IPV6_SOCK) {
		switch (proto) {
		case 6: l4 = raw ? L4_RAW : L4_TCP; break;   /* IPPROTO_TCP */
		case 17: l4 = raw ? L4_RAW : L4_UDP; break;  /* IPPROTO_UDP */
		case 1: l4 = raw ? L4_RAW : L4_ICMP; break;  /* IPPROTO_ICMP */
		case 255: l4 = L4_RAW; break;                /* IPPROTO_RAW */
		case 0: /* IPPROTO_IP: by type, its low byte (SOCK_NONBLOCK etc. above) */
			l4 = (type & 0xff) == 1 ? L4_TCP : (type & 0xff) == 2 ? L4_UDP : L4_UNKNOWN;
			break;
		default: break;
		}
	}
	struct fnet_fd *f = fnet_fd_new(fd, ft);
	if (!f)
		return;
	f->family = (uint8_t)domain;
	f->l4proto = l4;
	fnet_st_put_fd(t, f);
}

/* The known fd an exit event worked on, when it succeeded (res >= 0), else NULL. */
static struct fnet_fd *fd_of_success(struct fnet_thread *t, const struct fnet_event *ev,
				     const struct fnet_event *enter)
{
	int64_t res, fd;
	if (!fnet_st_get_int(ev, NULL, FNET_PN_RES, &res) || res < 0 ||
	    !fnet_st_get_int(ev, enter, FNET_PN_FD, &fd))
		return NULL;
	return fnet_thread_fd(t, fd);
}

/* bind: a port makes a server socket; the fd is named by the address either way. */
void fnet_state_bind_exit(struct fnet_thread *t, const struct fnet_event *ev,
			  const struct fnet_event *enter)
{
	const uint8_t *p;
	uint32_t len;
	struct fnet_fd *f = fd_of_success(t, ev, enter);
	if (!f || !fnet_st_param(ev, FNET_PN_ADDR, &p, &len) || len == 0)
		return;
	if (p[0] == PPM_AF_INET && len >= 7 && fnet_get_u16(p + 5) > 0) {
		f->type = FNET_FDR_IPV4_SERVSOCK;
		memset(f->sip, 0, 16);
		memcpy(f->sip, p + 1, 4);
		f->sport = fnet_get_u16(p + 5);
		f->role = FNET_FD_ROLE_SERVER;
	} else if (p[0] == PPM_AF_INET6 && len >= 19 && fnet_get_u16(p + 17) > 0) {
		memset(f->sip, 0, 16);
		if (is_v4_mapped(p + 1)) {
			f->type = FNET_FDR_IPV4_SERVSOCK;
			memcpy(f->sip, p + 13, 4);
		} else {
			f->type = FNET_FDR_IPV6_SERVSOCK;
			memcpy(f->sip, p + 1, 16);
		}
		f->sport = fnet_get_u16(p + 17);
		f->role = FNET_FD_ROLE_SERVER;
	}
	const char *name = param_text(t, ev, FNET_PN_ADDR, &len);
	fnet_string_set(&f->name, name, len);
}

/* connect enter: the destination, before the exit's tuple (which may be missing). */
void fnet_state_connect_enter(struct fnet_thread *t, const struct fnet_event *ev)
{
	int64_t fd;
	const uint8_t *p;
	uint32_t len;
	if (!fnet_st_get_int(ev, NULL, FNET_PN_FD, &fd))
		return;
	struct fnet_fd *f = fnet_thread_fd(t, fd);
	if (!f || !fnet_st_param(ev, FNET_PN_ADDR, &p, &len) || len == 0)
		return;
	if (p[0] == PPM_AF_INET && len >= 7) {
		f->type = FNET_FDR_IPV4_SOCK;
		memcpy(f->dip, p + 1, 4);
		f->dport = fnet_get_u16(p + 5);
	} else if (p[0] == PPM_AF_INET6 && len >= 19) {
		f->dport = fnet_get_u16(p + 17);
		if (is_v4_mapped(p + 1)) {
			f->type = FNET_FDR_IPV4_SOCK;
			memcpy(f->dip, p + 13, 4);
		} else {
			f->type = FNET_FDR_IPV6_SOCK;
			memcpy(f->dip, p + 1, 16);
		}
	} else if (p[0] != PPM_AF_INET && p[0] != PPM_AF_INET6) {
		const char *name = param_text(t, ev, FNET_PN_ADDR, &len);
		fnet_string_set(&f->name, name, len);
	}
}

/*
 * Sets the addresses of an IP socket from a tuple (sysdig's
 * update_ipv4_addresses_and_ports): nothing when the tuple is the fd's, in either
 * direction; the destination only where still unset. Returns 1 when changed.
 */
static int take_tuple(struct fnet_fd *f, const uint8_t *p, uint32_t len)
{
	uint8_t sip[16] = {0}, dip[16] = {0};
	uint16_t sport, dport;
	uint8_t fam = p[0];
	size_t n;
	if (fam == PPM_AF_INET && len >= 13) {
		memcpy(sip, p + 1, 4);
		sport = fnet_get_u16(p + 5);
		memcpy(dip, p + 7, 4);
		dport = fnet_get_u16(p + 11);
		n = 4;
	} else if (fam == PPM_AF_INET6 && len >= 37 && is_v4_mapped(p + 1) && is_v4_mapped(p + 19)) {
		memcpy(sip, p + 13, 4);
		sport = fnet_get_u16(p + 17);
		memcpy(dip, p + 31, 4);
		dport = fnet_get_u16(p + 35);
		n = 4;
	} else if (fam == PPM_AF_INET6 && len >= 37) {
		memcpy(sip, p + 1, 16);
		sport = fnet_get_u16(p + 17);
		memcpy(dip, p + 19, 16);
		dport = fnet_get_u16(p + 35);
		n = 16;
	} else {
		return 0;
	}
	uint8_t want = n == 4 ? FNET_FDR_IPV4_SOCK : FNET_FDR_IPV6_SOCK;
	if (f->type == want &&
	    ((!memcmp(sip, f->sip, n) && sport == f->sport && !memcmp(dip, f->dip, n) && dport == f->dport) ||
	     (!memcmp(dip, f->sip, n) && dport == f->sport && !memcmp(sip, f->dip, n) && sport == f->dport)))
		return 0;
	static const uint8_t zero[16];
	f->type = want;
	f->family = n == 4 ? PPM_AF_INET : PPM_AF_INET6;
	memcpy(f->sip, sip, 16);
	f->sport = sport;
	if (!memcmp(f->dip, zero, n)) {
		memset(f->dip, 0, 16);
		memcpy(f->dip, dip, n);
	}
	if (f->dport == 0)
		f->dport = dport;
	return 1;
}

static void swap_addresses(struct fnet_fd *f)
{
	uint8_t ip[16];
	memcpy(ip, f->sip, 16);
	memcpy(f->sip, f->dip, 16);
	memcpy(f->dip, ip, 16);
	uint16_t port = f->sport;
	f->sport = f->dport;
	f->dport = port;
}

/* A connect's tuple: addresses and name; a socket without a role becomes a client. */
void fnet_state_connect_exit(struct fnet_thread *t, const struct fnet_event *ev,
			     const struct fnet_event *enter)
{
	int64_t res, fd;
	const uint8_t *p;
	uint32_t len;
	if (!fnet_st_get_int(ev, NULL, FNET_PN_RES, &res) || (res < 0 && res != -EINPROGRESS_VALUE))
		return;
	if (!fnet_st_get_int(ev, enter, FNET_PN_FD, &fd))
		return;
	struct fnet_fd *f = fnet_thread_fd(t, fd);
	if (!f || !fnet_st_param(ev, FNET_PN_TUPLE, &p, &len) || len == 0)
		return;
	if (p[0] == PPM_AF_INET || p[0] == PPM_AF_INET6) {
		int changed = take_tuple(f, p, len);
		if (changed && f->role == FNET_FD_ROLE_SERVER && f->l4proto == L4_UDP &&
		    f->type == FNET_FDR_IPV4_SOCK)
			swap_addresses(f); /* a connect by a UDP server */
		fnet_fd_set_socket_name(f, 0);
	} else {
		f->type = FNET_FDR_UNIX_SOCK;
		const char *name = param_text(t, ev, FNET_PN_TUPLE, &len);
		fnet_string_set(&f->name, name, len);
	}
	if (f->role == FNET_FD_ROLE_NONE)
		f->role = FNET_FD_ROLE_CLIENT;
}

/* accept: a new connected server-side socket, named by its tuple. */
void fnet_state_accept_exit(struct fnet_thread *t, const struct fnet_event *ev)
{
	int64_t fd;
	const uint8_t *p;
	uint32_t len;
	if (!fnet_st_get_int(ev, NULL, FNET_PN_FD, &fd) || fd < 0)
		return;
	if (!fnet_st_param(ev, FNET_PN_TUPLE, &p, &len) || len == 0 ||
	    (p[0] != PPM_AF_INET && p[0] != PPM_AF_INET6 && p[0] != PPM_AF_UNIX))
		return;
	struct fnet_fd *f = fnet_fd_new(fd, FNET_FDR_UNIX_SOCK);
	if (!f)
		return;
	f->role = FNET_FD_ROLE_SERVER;
	if (p[0] != PPM_AF_UNIX) {
		take_tuple(f, p, len);
		f->l4proto = L4_TCP;
	} else {
		f->family = PPM_AF_UNIX;
	}
	const char *name = param_text(t, ev, FNET_PN_TUPLE, &len);
	if (fnet_string_set(&f->name, name, len) < 0) {
		fnet_fd_free(f);
		return;
	}
	fnet_st_put_fd(t, f);
}

/* Whether a socket of the thread's table has `port` as its server port (is_bound_to_port). */
static int bound_to_port(const struct fnet_thread *t, uint16_t port)
{
	size_t pos = 0;
	int64_t k;
	void *v;
	while (t->fdt && fnet_int_map_next(&t->fdt->fds, &pos, &k, &v)) {
		const struct fnet_fd *f = v;
		if ((f->type == FNET_FDR_IPV4_SOCK && f->dport == port) ||
		    (f->type == FNET_FDR_IPV4_SERVSOCK && f->sport == port))
			return 1;
	}
	return 0;
}

static int uses_client_port(const struct fnet_thread *t, uint16_t port)
{
	size_t pos = 0;
	int64_t k;
	void *v;
	while (t->fdt && fnet_int_map_next(&t->fdt->fds, &pos, &k, &v)) {
		const struct fnet_fd *f = v;
		if (f->type == FNET_FDR_IPV4_SOCK && f->sport == port)
			return 1;
	}
	return 0;
}

/* sysdig's role guess for a socket first seen in a datagram call. */
static void guess_role(const struct fnet_thread *t, struct fnet_fd *f, int incoming)
{
	if (!bound_to_port(t, f->dport))
		f->role = FNET_FD_ROLE_CLIENT;
	else if (!uses_client_port(t, f->sport))
		f->role = FNET_FD_ROLE_SERVER;
	else
		f->role = incoming ? FNET_FD_ROLE_SERVER : FNET_FD_ROLE_CLIENT;
}

/*
 * Datagram calls: a socket with no name yet, or one that is not TCP, takes the
 * addresses of the call's tuple (recvfrom/recvmsg exit, sendto/sendmsg enter),
 * as sysdig's update_fd. A protocol still unknown then reads as UDP.
 */
void fnet_state_sock_io_exit(struct fnet_thread *t, const struct fnet_event *ev,
			     const struct fnet_event *enter, int incoming)
{
	const uint8_t *p;
	uint32_t len;
	struct fnet_fd *f = fd_of_success(t, ev, enter);
	if (!f || (f->name.len && f->type == FNET_FDR_IPV4_SOCK && f->l4proto == L4_TCP))
		return;
	const struct fnet_event *src = incoming ? ev : enter;
	if (!src || !fnet_st_param(src, FNET_PN_TUPLE, &p, &len) || len == 0)
		return;
	if (p[0] == PPM_AF_UNIX) {
		if (len < 17)
			return;
		f->type = FNET_FDR_UNIX_SOCK;
		fnet_string_set(&f->name, (const char *)p + 17, fnet_st_str_len(p + 17, len - 17));
		return;
	}
	if (p[0] == PPM_AF_INET && f->type == FNET_FDR_IPV4_SERVSOCK) {
		/* a server socket turns into a connection: its addresses are the tuple's */
		memset(f->sip, 0, 16);
		f->sport = 0;
	}
	if (!take_tuple(f, p, len))
		return;
	if (f->l4proto == L4_UNKNOWN)
		f->l4proto = L4_UDP;
	if (!is_ip_sock(f))
		return;
	if (f->role == FNET_FD_ROLE_NONE)
		guess_role(t, f, incoming);
	if (f->role == (incoming ? FNET_FD_ROLE_CLIENT : FNET_FD_ROLE_SERVER))
		swap_addresses(f);
	fnet_fd_set_socket_name(f, 0);
}
