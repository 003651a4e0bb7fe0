/*
 * Comparison of IP address fields (FNET_FIELD_IPADDR: fd.cip, fd.sip, fd.lip,
 * fd.rip, fd.ip) and IP network fields (FNET_FIELD_IPNET: fd.net, fd.cnet,
 * fd.snet, fd.lnet, fd.rnet) with their constants, as sysdig does:
 *
 *   fd.ip=127.0.0.1   fd.sip!=::1   fd.cip in (10.0.0.1, 10.0.0.2)
 *   fd.net=127.0.0.0/8   fd.rnet=fe80::/10
 *
 * An address constant is IPv4 when it contains a dot, else IPv6; a network is
 * ADDRESS/PREFIX. Values (fnet_field_value) hold the raw address, 4 or 16
 * bytes in network order. An IPv4 value never equals an IPv6 constant.
 */
#ifndef FNET_FILTER_COMPARE_IP_H
#define FNET_FILTER_COMPARE_IP_H

#include <stddef.h>
#include <stdint.h>

#include "fields.h"
#include "lexer.h"

/* A parsed constant: an address (prefix = all its bits) or a network. */
struct fnet_ip_const {
	uint8_t len;    /* 4 or 16 */
	uint8_t prefix; /* network prefix length in bits */
	uint8_t addr[16];
};

/*
 * Parses constant `s` (`len` bytes) for a field of type `type` (IPADDR:
 * an address; IPNET: ADDRESS/PREFIX). Returns NULL, or what is wrong
 * ("not an IPv4 address", "not an IP network") for the caller's message.
 */
const char *fnet_ip_parse(enum fnet_field_type type, const char *s, size_t len,
			  struct fnet_ip_const *out);

/*
 * Whether value `v` (an address) satisfies `op` against constant `k`:
 * = and in: the same address, or inside network k; != the opposite. For
 * IPv4 addresses < <= > >= compare as sysdig does (the four bytes read as a
 * little-endian number); for IPv6 and networks they are false, as are
 * contains and startswith (which the compiler should refuse). exists: 1.
 */
int fnet_ip_check(enum fnet_cmp_op op, const struct fnet_field_value *v,
		  const struct fnet_ip_const *k);

/* Writes address `v` as text (inet_ntop) into `buf` (`size` bytes). */
void fnet_ip_format(const struct fnet_field_value *v, char *buf, size_t size);

#endif
