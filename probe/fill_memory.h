/*
 * Memory mapping syscalls: mmap and mprotect in the schema's layouts
 * (falcosecurity/libs driver/event_table.c), with the PPM_PROT_* and PPM_MAP_*
 * flag values of ppm_events_public.h.
 */
#ifndef FNET_FILL_MEMORY_H
#define FNET_FILL_MEMORY_H

/* PROT_* (x86_64) to PPM_PROT_*: the low three bits agree, the others move. */
static __always_inline u32 prot_flags_to_scap(u64 p)
{
	u32 r = (u32)(p & 7);          /* PROT_READ, PROT_WRITE, PROT_EXEC */
	if (p & 0x8) r |= 1 << 3;      /* PROT_SEM */
	if (p & 0x01000000) r |= 1 << 4; /* PROT_GROWSDOWN */
	if (p & 0x02000000) r |= 1 << 5; /* PROT_GROWSUP */
	return r;
}

/* MAP_* (x86_64) to PPM_MAP_*. MAP_FILE is 0 on Linux, so PPM_MAP_FILE never shows. */
static __always_inline u32 mmap_flags_to_scap(u64 f)
{
	u32 r = 0;
	if (f & 0x01) r |= 1 << 0;     /* MAP_SHARED */
	if (f & 0x02) r |= 1 << 1;     /* MAP_PRIVATE */
	if (f & 0x10) r |= 1 << 2;     /* MAP_FIXED */
	if (f & 0x20) r |= 1 << 3;     /* MAP_ANONYMOUS */
	if (f & 0x40) r |= 1 << 4;     /* MAP_32BIT */
	if (f & 0x4000) r |= 1 << 6;   /* MAP_NORESERVE */
	if (f & 0x8000) r |= 1 << 7;   /* MAP_POPULATE */
	if (f & 0x10000) r |= 1 << 8;  /* MAP_NONBLOCK */
	if (f & 0x0100) r |= 1 << 9;   /* MAP_GROWSDOWN */
	if (f & 0x0800) r |= 1 << 10;  /* MAP_DENYWRITE */
	if (f & 0x1000) r |= 1 << 11;  /* MAP_EXECUTABLE */
	if (f & 0x2000) r |= 1 << 14;  /* MAP_LOCKED */
	return r;
}

static __always_inline s64 positive(s64 v)
{
	return v > 0 ? v : 0;
}

/* Appends vm_size, vm_rss, vm_swap in KiB (4 KiB pages) from an address space's
 * page counts: `total_vm` mapped; resident file, anon and shmem pages; swap entries.
 * The drivers read the counts as /proc/PID/status reports them, per-CPU deltas
 * folded in on kernels that keep them (6.2+). A count may still read negative for
 * a moment: it counts as 0. */
static __always_inline void ev_vm_pages(struct builder *b, u64 total_vm, s64 file, s64 anon, s64 swap,
					s64 shmem)
{
	ev_u32(b, (u32)(total_vm << 2));
	ev_u32(b, (u32)((positive(file) + positive(anon) + positive(shmem)) << 2));
	ev_u32(b, (u32)(positive(swap) << 2));
}

/* mmap: enter addr, length, prot, flags, fd, offset; exit res, vm_size, vm_rss,
 * vm_swap, then the same six. */
static __always_inline void fill_mmap(struct builder *b, const u64 *a, int exit, long ret)
{
	if (exit) {
		ev_u64(b, (u64)ret);
		ev_vm_sizes(b);
	}
	ev_u64(b, a[0]);
	ev_u64(b, a[1]);
	ev_u32(b, prot_flags_to_scap(a[2]));
	ev_u32(b, mmap_flags_to_scap(a[3]));
	ev_u64(b, (u64)fd_arg(a[4]));
	ev_u64(b, a[5]);
}

/* mprotect: enter addr, length, prot; exit res, then the same three. */
static __always_inline void fill_mprotect(struct builder *b, const u64 *a, int exit, long ret)
{
	if (exit)
		ev_u64(b, (u64)ret);
	ev_u64(b, a[0]);
	ev_u64(b, a[1]);
	ev_u32(b, prot_flags_to_scap(a[2]));
}

#endif
