/* Comparison of IP address and IP network fields with their constants. */
#include "compare_ip.h"

#include <arpa/inet.h>
#include <stdlib.h>
#include <string.h>

/* Parses an address (IPv4 when it has a dot) of at most 63 bytes. */
static int parse_addr(const char *s, size_t len, struct fnet_ip_const *out)
{
	char buf[64];
	if (len == 0 || len >= sizeof(buf) || memchr(s, 0, len))
		return -1;
	memcpy(buf, s, len);
	buf[len] = 0;
	memset(out->addr, 0, sizeof(out->addr));
	if (memchr(buf, '.', len) && inet_pton(AF_INET, buf, out->addr) == 1) {
		out->len = 4;
	} else if (!memchr(buf, '.', len) && inet_pton(AF_INET6, buf, out->addr) == 1) {
		out->len = 16;
	} else {
		return -1;
	}
	out->prefix = (uint8_t)(out->len * 8);
	return 0;
}

const char *fnet_ip_parse(enum fnet_field_type type, const char *s, size_t len,
			  struct fnet_ip_const *out)
{
	if (type == FNET_FIELD_IPADDR)
		return parse_addr(s, len, out) < 0 ? "not an IP address" : NULL;
	if (type != FNET_FIELD_IPNET)
		return "not an IP field";
	const char *slash = memchr(s, '/', len);
	if (!slash || parse_addr(s, (size_t)(slash - s), out) < 0)
		return "not an IP network (ADDRESS/PREFIX)";
	size_t plen = len - (size_t)(slash - s) - 1;
	char num[8];
	if (plen == 0 || plen >= sizeof(num))
		return "bad network prefix length";
	memcpy(num, slash + 1, plen);
	num[plen] = 0;
	char *end;
	long p = strtol(num, &end, 10);
	if (*end || p < 0 || p > out->len * 8)
		return "bad network prefix length";
	out->prefix = (uint8_t)p;
	return NULL;
}

/* Whether address `a` (`len` bytes) lies in the network of `k` (same family). */
static int in_prefix(const uint8_t *a, const struct fnet_ip_const *k)
{
	unsigned bits = k->prefix, full = bits / 8, rest = bits % 8;
	if (memcmp(a, k->addr, full) != 0)
		return 0;
	if (!rest)
		return 1;
	uint8_t mask = (uint8_t)(0xff << (8 - rest));
	return (a[full] & mask) == (k->addr[full] & mask);
}

/* The four bytes of an IPv4 address as sysdig orders them (a little-endian load). */
static uint32_t v4_number(const uint8_t *a)
{
	return (uint32_t)a[0] | (uint32_t)a[1] << 8 | (uint32_t)a[2] << 16 | (uint32_t)a[3] << 24;
}

int fnet_ip_check(enum fnet_cmp_op op, const struct fnet_field_value *v,
		  const struct fnet_ip_const *k)
{
	const uint8_t *a = (const uint8_t *)v->str;
	int same = v->len == k->len && in_prefix(a, k);
	switch (op) {
	case FNET_OP_EQ:
	case FNET_OP_IN:
		return same;
	case FNET_OP_NE:
		return !same;
	case FNET_OP_EXISTS:
		return 1;
	case FNET_OP_LT:
	case FNET_OP_LE:
	case FNET_OP_GT:
	case FNET_OP_GE:
		if (v->len != 4 || k->len != 4 || k->prefix != 32)
			return 0;
		{
			uint32_t x = v4_number(a), y = v4_number(k->addr);
			return op == FNET_OP_LT ? x < y : op == FNET_OP_LE ? x <= y
						    : op == FNET_OP_GT ? x > y : x >= y;
		}
	default:
		return 0;
	}
}

void fnet_ip_format(const struct fnet_field_value *v, char *buf, size_t size)
{
	if (size == 0)
		return;
	buf[0] = 0;
	if (v->len == 4 || v->len == 16)
		inet_ntop(v->len == 4 ? AF_INET : AF_INET6, v->str, buf, (socklen_t)size);
}
