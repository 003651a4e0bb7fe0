/*
 * Socket parameters in their scap layouts, shared by both drivers: PT_SOCKTUPLE
 * (family byte, then local address and port, remote address and port; ports in
 * host order; unix sockets as the kernel addresses of socket and peer, then the
 * path) and PT_SOCKADDR. Layouts: falcosecurity/libs driver/ppm_events_public.h
 * and userspace/libscap/scap_event.c.
 */
#ifndef FNET_SOCKTUPLE_H
#define FNET_SOCKTUPLE_H

/* IPv4 tuple: addresses as the kernel stores them (network order), ports in host order. */
static __always_inline void ev_tuple_inet(struct builder *b, u32 sip, u16 sport, u32 dip, u16 dport)
{
	u8 *p = &b->buf[b->off & FNET_SCRATCH_MASK];
	p[0] = PPM_AF_INET;
	__builtin_memcpy(p + 1, &sip, 4);
	__builtin_memcpy(p + 5, &sport, 2);
	__builtin_memcpy(p + 7, &dip, 4);
	__builtin_memcpy(p + 11, &dport, 2);
	ev_set_len(b, 13);
}

/* IPv6 tuple: 16-byte addresses, ports in host order. */
static __always_inline void ev_tuple_inet6(struct builder *b, const void *sa, u16 sport, const void *da,
					   u16 dport)
{
	u8 *p = &b->buf[b->off & FNET_SCRATCH_MASK];
	p[0] = PPM_AF_INET6;
	__builtin_memcpy(p + 1, sa, 16);
	__builtin_memcpy(p + 17, &sport, 2);
	__builtin_memcpy(p + 19, da, 16);
	__builtin_memcpy(p + 35, &dport, 2);
	ev_set_len(b, 37);
}

/* Unix tuple: socket and peer addresses, then an empty path. */
static __always_inline void ev_tuple_unix(struct builder *b, u64 src, u64 dst)
{
	u8 *p = &b->buf[b->off & FNET_SCRATCH_MASK];
	p[0] = PPM_AF_UNIX;
	__builtin_memcpy(p + 1, &src, 8);
	__builtin_memcpy(p + 9, &dst, 8);
	p[17] = 0;
	ev_set_len(b, 18);
}

#endif
