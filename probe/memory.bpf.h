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
 * Resident and swapped pages of an mm, as the kernel reports them in
 * /proc/PID/status (get_mm_counter_sum since 6.16; a plain read of the shared
 * count before): kernels from 6.2 keep the counters as percpu_counter
 * rss_stat[], whose shared count lags behind per-CPU deltas of up to the batch
 * size (so a freshly exec'd process would show almost nothing); older ones as
 * struct mm_rss_stat { atomic_long_t count[] }. Both shapes are declared here so
 * the probe loads on either (CO-RE picks the one the running kernel has).
 * Counter order: file, anon, swap entries, shmem pages.
 */
#define FNET_MM_COUNTERS 4

struct percpu_counter___fnet {
	s64 count;
	s32 *counters;
} __attribute__((preserve_access_index));
struct mm_struct___fnet_pcpu {
	struct percpu_counter___fnet rss_stat[FNET_MM_COUNTERS];
} __attribute__((preserve_access_index));

struct fnet_atomic_long {
	s64 counter;
} __attribute__((preserve_access_index));
struct mm_rss_stat___fnet {
	struct fnet_atomic_long count[FNET_MM_COUNTERS];
} __attribute__((preserve_access_index));
struct mm_struct___fnet_atomic {
	struct mm_rss_stat___fnet rss_stat;
} __attribute__((preserve_access_index));

/*
 * Per-CPU offsets (per_cpu_ptr(p, n) = p + offset of CPU n). The kernel's own
 * table (__per_cpu_offset) is not reachable without CONFIG_KALLSYMS_ALL, so they
 * are measured on a per-CPU map of our own: CPU n's copy of its value lies at
 * the value's per-CPU address (bpf_array pptrs[0]) plus that offset.
 */
struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, u32);
	__type(value, u64);
} percpu_base SEC(".maps");

/* bpf_map_lookup_percpu_elem (kernel 5.19+; older libbpf headers lack it) */
static void *(*const lookup_percpu_elem)(void *map, const void *key, u32 cpu) = (void *)195;

/* Set by the loader: the number of possible CPUs (per-CPU counters to fold). */
const volatile __u32 nr_cpus = 0;

/* The counters of one mm, folded over the CPUs by a bpf_loop (on the caller's stack). */
struct mm_fold {
	u64 percpu[FNET_MM_COUNTERS]; /* per-CPU delta addresses (0: none) */
	s64 sum[FNET_MM_COUNTERS];
	u64 base;                     /* per-CPU address of percpu_base's value */
};

/* The per-CPU address of percpu_base's value, read from the map's struct bpf_array. */
static __always_inline u64 percpu_base_addr(void)
{
	u32 zero = 0;
	struct scratch *s = bpf_map_lookup_elem(&scratch_map, &zero);
	u32 at = bpf_core_field_offset(struct bpf_array, pptrs);
	if (!s || at > 1024)
		return 0;
	/* the upper quarter of the scratch area, which records never reach */
	u8 *tmp = &s->buf[FNET_SCRATCH_SIZE - 1024 - 8];
	if (bpf_probe_read_kernel(tmp, at + 8, (const void *)&percpu_base) < 0)
		return 0;
	u64 base;
	__builtin_memcpy(&base, tmp + at, sizeof(base));
	return base;
}

static long mm_fold_cpu(u32 cpu, void *ctx)
{
	struct mm_fold *f = ctx;
	u32 zero = 0;
	void *mine = lookup_percpu_elem(&percpu_base, &zero, cpu);
	if (!mine)
		return 1;
	u64 at = 0; /* the copy's address as a number: read back from the stack */
	bpf_probe_read_kernel(&at, sizeof(at), &mine);
	u64 o = at - f->base;
	for (int m = 0; m < FNET_MM_COUNTERS; m++) {
		s32 d = 0;
		if (f->percpu[m] && bpf_probe_read_kernel(&d, sizeof(d), (const void *)(f->percpu[m] + o)) == 0)
			f->sum[m] += d;
	}
	return 0;
}

/* Pages counted by the kernel for mm: resident and swapped. */
struct fnet_mm_pages {
	u64 rss, swap;
};

static __always_inline s64 positive(s64 v)
{
	return v > 0 ? v : 0;
}

/*
 * Fills `out` with the resident and swapped pages of the mm at address `mm`
 * (a number: a global function takes no kernel pointers). Returns 0, or -1
 * when `out` is NULL. A global function: the verifier checks it once.
 */
__noinline int fnet_mm_pages_of(u64 mm, struct fnet_mm_pages *out)
{
	if (!out)
		return -1;
	struct mm_fold f = {};
	if (mm && bpf_core_field_exists(struct mm_struct___fnet_pcpu, rss_stat)) {
		struct mm_struct___fnet_pcpu *m = (void *)mm;
		f.sum[0] = BPF_CORE_READ(m, rss_stat[0].count);
		f.sum[1] = BPF_CORE_READ(m, rss_stat[1].count);
		f.sum[2] = BPF_CORE_READ(m, rss_stat[2].count);
		f.sum[3] = BPF_CORE_READ(m, rss_stat[3].count);
		if (bpf_core_field_exists(struct percpu_counter___fnet, counters) &&
		    (f.base = percpu_base_addr()) != 0) {
			f.percpu[0] = (u64)BPF_CORE_READ(m, rss_stat[0].counters);
			f.percpu[1] = (u64)BPF_CORE_READ(m, rss_stat[1].counters);
			f.percpu[2] = (u64)BPF_CORE_READ(m, rss_stat[2].counters);
			f.percpu[3] = (u64)BPF_CORE_READ(m, rss_stat[3].counters);
			bpf_loop(nr_cpus, mm_fold_cpu, &f, 0);
		}
	} else if (mm && bpf_core_field_exists(struct mm_struct___fnet_atomic, rss_stat)) {
		struct mm_struct___fnet_atomic *m = (void *)mm;
		f.sum[0] = BPF_CORE_READ(m, rss_stat.count[0].counter);
		f.sum[1] = BPF_CORE_READ(m, rss_stat.count[1].counter);
		f.sum[2] = BPF_CORE_READ(m, rss_stat.count[2].counter);
		f.sum[3] = BPF_CORE_READ(m, rss_stat.count[3].counter);
	}
	out->rss = positive(f.sum[0]) + positive(f.sum[1]) + positive(f.sum[3]);
	out->swap = positive(f.sum[2]);
	return 0;
}

/* vm_size, vm_rss, vm_swap of address space `mm` (may be NULL) in KiB (4 KiB pages). */
static __always_inline void ev_vm_sizes_of(struct builder *b, struct mm_struct *mm)
{
	struct fnet_mm_pages pages = {};
	fnet_mm_pages_of((u64)mm, &pages);
	ev_u32(b, mm ? (u32)(BPF_CORE_READ(mm, total_vm) << 2) : 0);
	ev_u32(b, (u32)(pages.rss << 2));
	ev_u32(b, (u32)(pages.swap << 2));
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
