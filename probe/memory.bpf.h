/*
 * The probe's reading of an address space's sizes for the memory and process
 * records (fill_memory.h lays them out).
 */
#ifndef FNET_MEMORY_BPF_H
#define FNET_MEMORY_BPF_H

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

/* Pages counted by the kernel for an mm, in the kernel's counter order. */
struct fnet_mm_counts {
	s64 file, anon, swap, shmem;
};

/*
 * Fills `out` with the resident file, anon and shmem pages and the swap entries
 * of the mm at address `mm` (a number: a global function takes no kernel
 * pointers; 0: all counts 0). Returns 0, or -1 when `out` is NULL. A global
 * function: the verifier checks it once.
 */
__noinline int fnet_mm_counts_of(u64 mm, struct fnet_mm_counts *out)
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
	out->file = f.sum[0];
	out->anon = f.sum[1];
	out->swap = f.sum[2];
	out->shmem = f.sum[3];
	return 0;
}

/* Page counts of address space `mm` (may be NULL: all 0), as ev_vm_pages takes them. */
static __always_inline void mm_pages(struct mm_struct *mm, u64 *total_vm, s64 *file, s64 *anon, s64 *swap,
				     s64 *shmem)
{
	struct fnet_mm_counts c = {};
	fnet_mm_counts_of((u64)mm, &c);
	*file = c.file;
	*anon = c.anon;
	*swap = c.swap;
	*shmem = c.shmem;
	*total_vm = mm ? BPF_CORE_READ(mm, total_vm) : 0;
}

/* What fill_driver.h asks: the current task's vm_size, vm_rss, vm_swap. */
static __always_inline void ev_vm_sizes(struct builder *b)
{
	u64 total;
	s64 file, anon, swap, shmem;
	mm_pages(BPF_CORE_READ(current_task(), mm), &total, &file, &anon, &swap, &shmem);
	ev_vm_pages(b, total, file, anon, swap, shmem);
}

#endif
