#include "proc_sockets.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "trace_reader.h"
#include "hex.h"

/* The sockets of one network namespace: a vector and an inode index into it. */
struct proc_socket_ns {
	struct proc_socket *v;
	size_t n, cap;
	struct fnet_int_map by_ino; /* inode -> (void *)(index + 1) */
};

enum { L4_TCP = 2, L4_UDP = 3, L4_RAW = 5 };

void proc_sockets_init(struct proc_sockets *s, struct arena *arena)
{
	memset(s, 0, sizeof(*s));
	s->arena = arena;
}

/* Reads all of `name` under `dirfd` into s->buf (NUL-terminated). Returns its length or -1. */
static ssize_t read_table(struct proc_sockets *s, int dirfd, const char *name)
{
	int fd = openat(dirfd, name, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	size_t len = 0;
	for (;;) {
		if (s->buf_cap - len < 65536) {
			size_t cap = s->buf_cap ? s->buf_cap * 2 : 262144;
			char *b = realloc(s->buf, cap);
			if (!b) {
				close(fd);
				errno = ENOMEM;
				return -1;
			}
			s->buf = b;
			s->buf_cap = cap;
		}
		ssize_t r = read(fd, s->buf + len, s->buf_cap - len - 1);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0) {
			int e = errno;
			close(fd);
			if (r < 0) {
				errno = e;
				return -1;
			}
			break;
		}
		len += (size_t)r;
	}
	s->buf[len] = 0;
	return (ssize_t)len;
}

static struct proc_socket *add(struct proc_socket_ns *ns, uint64_t ino)
{
	if (ino == 0)
		return NULL; /* time-wait entries and the like own no inode */
	if (ns->n == ns->cap) {
		size_t cap = ns->cap ? ns->cap * 2 : 256;
		struct proc_socket *v = realloc(ns->v, cap * sizeof(*v));
		if (!v)
			return NULL;
		ns->v = v;
		ns->cap = cap;
	}
	if (fnet_int_map_put(&ns->by_ino, (int64_t)ino, (void *)(uintptr_t)(ns->n + 1), NULL) < 0)
		return NULL;
	struct proc_socket *p = &ns->v[ns->n++];
	memset(p, 0, sizeof(*p));
	return p;
}

/* Parses `n` hex digits as a number. Returns 0 on a non-hex character. */
static int hex_n(const char *p, int n, uint32_t *out)
{
	uint32_t v = 0;
	for (int i = 0; i < n; i++) {
		int h = fnet_hex_digit(p[i]);
		if (h < 0)
			return 0;
		v = v << 4 | (uint32_t)h;
	}
	*out = v;
	return 1;
}

/*
 * Parses "ADDR:PORT" where ADDR is `words` 32-bit words in hex, each the kernel's
 * in-memory (network order) word printed as a host integer, so copying the host
 * integer back gives network-order bytes.
 */
static const char *parse_endpoint(const char *p, int words, uint8_t *ip, uint16_t *port)
{
	while (*p == ' ')
		p++;
	for (int i = 0; i < words; i++, p += 8) {
		uint32_t w;
		if (!hex_n(p, 8, &w))
			return NULL;
		memcpy(ip + 4 * i, &w, 4);
	}
	uint32_t pt;
	if (*p != ':' || !hex_n(p + 1, 4, &pt))
		return NULL;
	*port = (uint16_t)pt;
	return p + 5;
}

/* Skips `n` blank-separated fields. */
static const char *skip_fields(const char *p, int n)
{
	for (int i = 0; i < n; i++) {
		while (*p == ' ')
			p++;
		if (!*p || *p == '\n')
			return NULL;
		while (*p && *p != ' ' && *p != '\n')
			p++;
	}
	return p;
}

static int all_zero(const uint8_t *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (p[i])
			return 0;
	return 1;
}

/* tcp, udp, raw and their IPv6 variants: "sl: local remote st ... uid timeout inode". */
static int parse_inet(struct proc_socket_ns *ns, char *text, int v6, uint8_t l4)
{
	int words = v6 ? 4 : 1;
	for (char *line = strchr(text, '\n'); line && line[1]; line = strchr(line + 1, '\n')) {
		const char *p = strchr(line + 1, ':');
		if (!p)
			continue;
		uint8_t sip[16] = {0}, dip[16] = {0};
		uint16_t sport, dport;
		if (!(p = parse_endpoint(p + 1, words, sip, &sport)) ||
		    !(p = parse_endpoint(p, words, dip, &dport)))
			continue;
		/* st, tx:rx, tr:when, retrnsmt, uid, timeout, then inode */
		uint64_t ino = 0;
		if (!(p = skip_fields(p, 6)))
			continue;
		while (*p == ' ')
			p++;
		while (*p >= '0' && *p <= '9')
			ino = ino * 10 + (uint64_t)(*p++ - '0');
		struct proc_socket *s = add(ns, ino);
		if (!s) {
			if (ino && errno == ENOMEM)
				return -1;
			continue;
		}
		s->l4proto = l4;
		memcpy(s->sip, sip, sizeof(sip));
		s->sport = sport;
		/* Listening (and bound, unconnected) sockets have no peer: server sockets. */
		if (all_zero(dip, sizeof(dip)) && dport == 0) {
			s->type = v6 ? FNET_FDR_IPV6_SERVSOCK : FNET_FDR_IPV4_SERVSOCK;
		} else {
			s->type = v6 ? FNET_FDR_IPV6_SOCK : FNET_FDR_IPV4_SOCK;
			memcpy(s->dip, dip, sizeof(dip));
			s->dport = dport;
		}
	}
	return 0;
}

/* "Num: RefCount Protocol Flags Type St Inode [Path]" */
static int parse_unix(struct proc_sockets *set, struct proc_socket_ns *ns, char *text)
{
	for (char *line = strchr(text, '\n'); line && line[1]; line = strchr(line + 1, '\n')) {
		const char *p = line + 1;
		uint64_t num = 0;
		int h;
		while ((h = fnet_hex_digit(*p)) >= 0)
			num = num << 4 | (uint64_t)h, p++;
		if (*p != ':')
			continue;
		if (!(p = skip_fields(p + 1, 5)))
			continue;
		uint64_t ino = 0;
		while (*p == ' ')
			p++;
		while (*p >= '0' && *p <= '9')
			ino = ino * 10 + (uint64_t)(*p++ - '0');
		struct proc_socket *s = add(ns, ino);
		if (!s) {
			if (ino && errno == ENOMEM)
				return -1;
			continue;
		}
		s->type = FNET_FDR_UNIX_SOCK;
		s->unix_src = num;
		while (*p == ' ')
			p++;
		const char *end = strchr(p, '\n');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		if (len) {
			if (!(s->path = arena_copy(set->arena, p, len)))
				return -1;
			s->path_len = (uint32_t)len;
		}
	}
	return 0;
}

/* "sk Eth Pid Groups Rmem Wmem Dump Locks Drops Inode" */
static int parse_netlink(struct proc_socket_ns *ns, char *text)
{
	for (char *line = strchr(text, '\n'); line && line[1]; line = strchr(line + 1, '\n')) {
		const char *p = skip_fields(line + 1, 9);
		if (!p)
			continue;
		uint64_t ino = 0;
		while (*p == ' ')
			p++;
		while (*p >= '0' && *p <= '9')
			ino = ino * 10 + (uint64_t)(*p++ - '0');
		struct proc_socket *s = add(ns, ino);
		if (!s) {
			if (ino && errno == ENOMEM)
				return -1;
			continue;
		}
		s->type = FNET_FDR_NETLINK;
	}
	return 0;
}

static struct proc_socket_ns *load_ns(struct proc_sockets *s, int pid_dirfd)
{
	static const struct {
		const char *file;
		int v6;
		uint8_t l4;
	} inet[] = {
		{"net/tcp", 0, L4_TCP}, {"net/tcp6", 1, L4_TCP}, {"net/udp", 0, L4_UDP},
		{"net/udp6", 1, L4_UDP}, {"net/raw", 0, L4_RAW}, {"net/raw6", 1, L4_RAW},
	};
	struct proc_socket_ns *ns = calloc(1, sizeof(*ns));
	if (!ns)
		return NULL;
	int rc = 0;
	/* A missing table (no IPv6, no raw sockets module) is simply empty. */
	for (size_t i = 0; i < sizeof(inet) / sizeof(inet[0]) && rc == 0; i++)
		if (read_table(s, pid_dirfd, inet[i].file) >= 0)
			rc = parse_inet(ns, s->buf, inet[i].v6, inet[i].l4);
		else if (errno == ENOMEM)
			rc = -1;
	if (rc == 0 && read_table(s, pid_dirfd, "net/unix") >= 0)
		rc = parse_unix(s, ns, s->buf);
	if (rc == 0 && read_table(s, pid_dirfd, "net/netlink") >= 0)
		rc = parse_netlink(ns, s->buf);
	if (rc < 0) {
		free(ns->v);
		fnet_int_map_free(&ns->by_ino);
		free(ns);
		errno = ENOMEM;
		return NULL;
	}
	return ns;
}

const struct proc_socket *proc_sockets_find(struct proc_sockets *s, int pid_dirfd, uint64_t netns,
					    uint64_t ino)
{
	struct proc_socket_ns *ns = fnet_int_map_get(&s->by_netns, (int64_t)netns);
	if (!ns) {
		if (!(ns = load_ns(s, pid_dirfd)))
			return NULL;
		if (fnet_int_map_put(&s->by_netns, (int64_t)netns, ns, NULL) < 0) {
			free(ns->v);
			fnet_int_map_free(&ns->by_ino);
			free(ns);
			errno = ENOMEM;
			return NULL;
		}
	}
	uintptr_t i = (uintptr_t)fnet_int_map_get(&ns->by_ino, (int64_t)ino);
	if (!i) {
		errno = ENOENT;
		return NULL;
	}
	return &ns->v[i - 1];
}

void proc_sockets_free(struct proc_sockets *s)
{
	size_t pos = 0;
	int64_t k;
	void *v;
	while (fnet_int_map_next(&s->by_netns, &pos, &k, &v)) {
		struct proc_socket_ns *ns = v;
		free(ns->v);
		fnet_int_map_free(&ns->by_ino);
		free(ns);
	}
	fnet_int_map_free(&s->by_netns);
	free(s->buf);
	memset(s, 0, sizeof(*s));
}
