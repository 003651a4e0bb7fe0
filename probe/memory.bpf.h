/*
 * Memory mapping syscalls: mmap and mprotect in the schema's layouts
 * (falcosecurity/libs driver/event_table.c), with the PPM_PROT_* and PPM_MAP_*
 * flag values of ppm_events_public.h.
 */
#ifndef FNET_MEMORY_BPF_H
#define FNET_MEMORY_BPF_H

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

/*
 * Resident and swapped pages of an mm. Kernels from 6.2 keep the counters as
 * percpu_counter rss_stat[]; older ones as struct mm_rss_stat { atomic_long_t
 * count[] }. Both shapes are declared here so the probe loads on either (CO-RE
 * picks the one the running kernel has). Counter order: file, anon, swap entries,
 * shmem pages. The percpu counters' shared count is what the kernel itself reports
 * (it lags the per-CPU deltas a little).
 */
struct percpu_counter___fnet {
	s64 count;
} __attribute__((preserve_access_index));
struct mm_struct___fnet_pcpu {
	struct percpu_counter___fnet rss_stat[4];
} __attribute__((preserve_access_index));

struct fnet_atomic_long {
	s64 counter;
} __attribute__((preserve_access_index));
struct mm_rss_stat___fnet {
	struct fnet_atomic_long count[4];
} __attribute__((preserve_access_index));
struct mm_struct___fnet_atomic {
	struct mm_rss_stat___fnet rss_stat;
} __attribute__((preserve_access_index));

static __always_inline s64 positive(s64 v)
{
	return v > 0 ? v : 0;
}

/* vm_size, vm_rss, vm_swap of address space `mm` (may be NULL) in KiB (4 KiB pages). */
static __always_inline void ev_vm_sizes_of(struct builder *b, struct mm_struct *mm)
{
	s64 file = 0, anon = 0, swap = 0, shmem = 0;
	if (mm && bpf_core_field_exists(struct mm_struct___fnet_pcpu, rss_stat)) {
		struct mm_struct___fnet_pcpu *m = (void *)mm;
		file = BPF_CORE_READ(m, rss_stat[0].count);
		anon = BPF_CORE_READ(m, rss_stat[1].count);
		swap = BPF_CORE_READ(m, rss_stat[2].count);
		shmem = BPF_CORE_READ(m, rss_stat[3].count);
	} else if (mm && bpf_core_field_exists(struct mm_struct___fnet_atomic, rss_stat)) {
		struct mm_struct___fnet_atomic *m = (void *)mm;
		file = BPF_CORE_READ(m, rss_stat.count[0].counter);
		anon = BPF_CORE_READ(m, rss_stat.count[1].counter);
		swap = BPF_CORE_READ(m, rss_stat.count[2].counter);
		shmem = BPF_CORE_READ(m, rss_stat.count[3].counter);
	}
	ev_u32(b, mm ? (u32)(BPF_CORE_READ(mm, total_vm) << 2) : 0);
	ev_u32(b, (u32)((positive(file) + positive(anon) + positive(shmem)) << 2));
	ev_u32(b, (u32)(positive(swap) << 2));
}

static __always_inline void ev_vm_sizes(struct builder *b)
{
	ev_vm_sizes_of(b, BPF_CORE_READ(current_task(), mm));
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
