/* The eBPF engine: loads probe/falconet.bpf.c through its generated skeleton. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <bpf/bpf.h>
#include <bpf/libbpf.h>

#include "engine.h"
#include "falconet.skel.h"
#include "falconet_probe.h"

#define DEFAULT_RING_BYTES (8u << 20)

struct fnet_engine {
	struct falconet_bpf *skel;
	struct ring_buffer *ring;
	fnet_engine_cb cb;
	void *cb_ctx;
	int delivered;
	int stop;
	uint64_t events;
	int ncpus;
};

/* Epoch time of boot in ns: realtime minus the boot-time clock, read back to back. */
static uint64_t boot_time_ns(void)
{
	struct timespec rt, bt;
	clock_gettime(CLOCK_REALTIME, &rt);
	clock_gettime(CLOCK_BOOTTIME, &bt);
	return ((uint64_t)rt.tv_sec * 1000000000u + (uint64_t)rt.tv_nsec) -
	       ((uint64_t)bt.tv_sec * 1000000000u + (uint64_t)bt.tv_nsec);
}

/* libbpf prints through here only what says why a load failed. */
static char libbpf_last[512];
static int libbpf_print(enum libbpf_print_level level, const char *fmt, va_list ap)
{
	const char *debug = getenv("FALCONET_BPF_DEBUG"); /* the verifier log, for probe work */
	if (debug && *debug)
		return vfprintf(stderr, fmt, ap);
	if (level == LIBBPF_WARN)
		vsnprintf(libbpf_last, sizeof(libbpf_last), fmt, ap);
	return 0;
}

static void explain(char *err, const char *what, int rc)
{
	const char *hint = "";
	if (access("/sys/kernel/btf/vmlinux", R_OK) != 0)
		hint = " (this kernel has no BTF: /sys/kernel/btf/vmlinux is missing; CO-RE needs "
		       "CONFIG_DEBUG_INFO_BTF=y)";
	else if ((rc == -EPERM || rc == -EACCES) && geteuid() != 0)
		hint = " (needs root, or CAP_BPF with CAP_PERFMON)";
	else if (rc == -EACCES)
		hint = " (rejected by the kernel's verifier; FALCONET_BPF_DEBUG=1 prints its log)";
	else if (rc == -EINVAL || rc == -ENOENT || rc == -ESRCH)
		hint = " (kernel too old: needs 5.17+ for BPF ring buffers, BTF tracepoints and bpf_loop)";
	size_t n = strlen(libbpf_last);
	while (n && libbpf_last[n - 1] == '\n')
		libbpf_last[--n] = 0;
	snprintf(err, FNET_ERRBUF_SIZE, "eBPF probe: %s failed: %s%s%s%.200s", what, strerror(-rc),
		 hint, n ? "; libbpf: " : "", libbpf_last);
}

static int on_record(void *ctx, void *data, size_t len)
{
	struct fnet_engine *e = ctx;
	if (e->stop)
		return 0;
	if (len < FNET_RING_PREFIX)
		return 0;
	e->events++;
	e->delivered++;
	uint16_t cpu;
	memcpy(&cpu, data, sizeof(cpu)); /* the probe's prefix: the CPU that wrote it */
	if (e->cb(e->cb_ctx, cpu, (const uint8_t *)data + FNET_RING_PREFIX,
		  (uint32_t)(len - FNET_RING_PREFIX)))
		e->stop = 1;
	return 0;
}

static struct fnet_engine *bpf_open(const struct fnet_engine_config *cfg, char *err)
{
	libbpf_set_print(libbpf_print);
	struct fnet_engine *e = calloc(1, sizeof(*e));
	if (!e) {
		snprintf(err, FNET_ERRBUF_SIZE, "out of memory");
		return NULL;
	}
	e->skel = falconet_bpf__open();
	if (!e->skel) {
		explain(err, "open", -errno);
		free(e);
		return NULL;
	}
	e->skel->rodata->boot_time_ns = boot_time_ns();
	e->skel->rodata->snaplen = cfg->snaplen;
	e->skel->rodata->exclude_tgid = (uint32_t)cfg->exclude_tgid;
	e->skel->rodata->use_syscall_set = cfg->syscall_set != NULL;
	int ncpus = libbpf_num_possible_cpus(); /* per-CPU memory counters to fold */
	e->skel->rodata->nr_cpus = ncpus > 0 ? (uint32_t)ncpus : 0;
	uint32_t ring = cfg->ring_bytes ? cfg->ring_bytes : DEFAULT_RING_BYTES;
	bpf_map__set_max_entries(e->skel->maps.events, ring);
	e->skel->rodata->wakeup_bytes = ring / 8;
	int rc = falconet_bpf__load(e->skel);
	if (rc) {
		explain(err, "load", rc);
		goto fail;
	}
	if (cfg->syscall_set) {
		int fd = bpf_map__fd(e->skel->maps.syscall_set);
		for (uint32_t nr = 0; nr < FNET_PROBE_SYSCALLS && nr < FNET_ENGINE_MAX_SYSCALLS; nr++) {
			uint8_t on = cfg->syscall_set[nr] ? 1 : 0;
			bpf_map_update_elem(fd, &nr, &on, BPF_ANY);
		}
	}
	rc = falconet_bpf__attach(e->skel);
	if (rc) {
		explain(err, "attach", rc);
		goto fail;
	}
	e->ring = ring_buffer__new(bpf_map__fd(e->skel->maps.events), on_record, e, NULL);
	if (!e->ring) {
		explain(err, "ring buffer set-up", -errno);
		goto fail;
	}
	e->ncpus = libbpf_num_possible_cpus();
	return e;
fail:
	falconet_bpf__destroy(e->skel);
	free(e);
	return NULL;
}

static int bpf_poll(struct fnet_engine *e, int timeout_ms, fnet_engine_cb cb, void *ctx, char *err)
{
	e->cb = cb;
	e->cb_ctx = ctx;
	e->delivered = 0;
	e->stop = 0;
	int rc = ring_buffer__poll(e->ring, timeout_ms);
	/* the probe wakes us only for a full-ish ring: read what a timeout left behind */
	if (rc >= 0 || rc == -EINTR)
		rc = ring_buffer__consume(e->ring);
	if (rc < 0 && rc != -EINTR) {
		snprintf(err, FNET_ERRBUF_SIZE, "eBPF ring buffer: %s", strerror(-rc));
		return -1;
	}
	return e->delivered;
}

static int bpf_stats(struct fnet_engine *e, struct fnet_engine_stats *s, char *err)
{
	struct fnet_probe_counters *per_cpu = calloc((size_t)e->ncpus, sizeof(*per_cpu));
	if (!per_cpu) {
		snprintf(err, FNET_ERRBUF_SIZE, "out of memory");
		return -1;
	}
	uint32_t zero = 0;
	int rc = bpf_map_lookup_elem(bpf_map__fd(e->skel->maps.counters), &zero, per_cpu);
	if (rc) {
		snprintf(err, FNET_ERRBUF_SIZE, "reading probe counters: %s", strerror(errno));
		free(per_cpu);
		return -1;
	}
	s->events = e->events;
	s->drops = 0;
	for (int i = 0; i < e->ncpus; i++)
		s->drops += per_cpu[i].drops + per_cpu[i].too_big;
	free(per_cpu);
	return 0;
}

static void bpf_close(struct fnet_engine *e)
{
	if (!e)
		return;
	ring_buffer__free(e->ring);
	falconet_bpf__destroy(e->skel);
	free(e);
}

const struct fnet_engine_ops fnet_engine_bpf = {
	.name = "bpf",
	.open = bpf_open,
	.poll = bpf_poll,
	.stats = bpf_stats,
	.close = bpf_close,
};
