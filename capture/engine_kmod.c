/*
 * The kernel module engine: reads the per-CPU rings of kmod/ (layout and ioctls:
 * kmod/falconet_ioctl.h) through /dev/falconetN, mapped into this process.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>

#include "engine.h"
#include "falconet_ioctl.h"

/* The smallest event record: the scap event header. */
#define MIN_EVENT_BYTES 26

struct kmod_ring {
	int fd;
	unsigned cpu;
	struct fnet_kmod_ring_hdr *hdr; /* the mapping: header page, then data */
	uint8_t *data;
	uint64_t size;
	size_t map_len;
	uint64_t tail, end; /* while delivering: next record, and the head seen at the start */
};

struct fnet_engine {
	struct kmod_ring *rings;
	struct pollfd *pfds;
	unsigned n;
	uint64_t events;
};

/* Opens and maps /dev/falconet<cpu>. Returns 0, 1 when the device does not exist,
 * or -1 with `err`. */
static int ring_open(struct kmod_ring *r, unsigned cpu, char *err)
{
	char path[64];
	snprintf(path, sizeof(path), FNET_KMOD_DEVICE "%u", cpu);
	r->cpu = cpu;
	r->fd = open(path, O_RDWR | O_CLOEXEC);
	if (r->fd < 0) {
		if (errno == ENOENT || errno == ENXIO || errno == ENODEV)
			return 1;
		snprintf(err, FNET_ERRBUF_SIZE, "kernel module: %s: %s%s", path, strerror(errno),
			 errno == EACCES || errno == EPERM ? " (needs root)" : "");
		return -1;
	}
	/* the header says how large the ring is */
	void *h = mmap(NULL, FNET_KMOD_HDR_BYTES, PROT_READ, MAP_SHARED, r->fd, 0);
	if (h == MAP_FAILED)
		goto fail;
	r->size = ((struct fnet_kmod_ring_hdr *)h)->ring_bytes;
	munmap(h, FNET_KMOD_HDR_BYTES);
	if (r->size < 4096 || (r->size & (r->size - 1))) {
		snprintf(err, FNET_ERRBUF_SIZE, "kernel module: %s: ring size %llu is no power of two", path,
			 (unsigned long long)r->size);
		close(r->fd);
		r->fd = -1;
		return -1;
	}
	r->map_len = FNET_KMOD_HDR_BYTES + r->size;
	void *m = mmap(NULL, r->map_len, PROT_READ | PROT_WRITE, MAP_SHARED, r->fd, 0);
	if (m == MAP_FAILED)
		goto fail;
	r->hdr = m;
	r->data = (uint8_t *)m + FNET_KMOD_HDR_BYTES;
	return 0;
fail:
	snprintf(err, FNET_ERRBUF_SIZE, "kernel module: mapping %s: %s", path, strerror(errno));
	close(r->fd);
	r->fd = -1;
	return -1;
}

static void kmod_close(struct fnet_engine *e)
{
	if (!e)
		return;
	if (e->n)
		ioctl(e->rings[0].fd, FNET_IOCTL_STOP);
	for (unsigned i = 0; i < e->n; i++) {
		if (e->rings[i].hdr)
			munmap(e->rings[i].hdr, e->rings[i].map_len);
		close(e->rings[i].fd);
	}
	free(e->rings);
	free(e->pfds);
	free(e);
}

static int control(struct fnet_engine *e, unsigned long cmd, void *arg, const char *what, char *err)
{
	if (ioctl(e->rings[0].fd, cmd, arg) == 0)
		return 0;
	snprintf(err, FNET_ERRBUF_SIZE, "kernel module: %s: %s%s", what, strerror(errno),
		 errno == EBUSY ? " (another capture is running)" : "");
	return -1;
}

static struct fnet_engine *kmod_open(const struct fnet_engine_config *cfg, char *err)
{
	long ncpu = sysconf(_SC_NPROCESSORS_CONF);
	struct fnet_engine *e = calloc(1, sizeof(*e));
	if (ncpu < 1)
		ncpu = 1;
	if (e) {
		e->rings = calloc((size_t)ncpu, sizeof(*e->rings));
		e->pfds = calloc((size_t)ncpu, sizeof(*e->pfds));
	}
	if (!e || !e->rings || !e->pfds) {
		snprintf(err, FNET_ERRBUF_SIZE, "out of memory");
		kmod_close(e);
		return NULL;
	}
	for (unsigned cpu = 0; cpu < (unsigned)ncpu; cpu++) {
		int rc = ring_open(&e->rings[e->n], cpu, err);
		if (rc < 0) {
			kmod_close(e);
			return NULL;
		}
		if (rc == 0) {
			e->pfds[e->n] = (struct pollfd){.fd = e->rings[e->n].fd, .events = POLLIN};
			e->n++;
		}
	}
	if (!e->n) {
		snprintf(err, FNET_ERRBUF_SIZE, "kernel module: no device " FNET_KMOD_DEVICE "0 (load the "
						"module: modprobe falconet)");
		kmod_close(e);
		return NULL;
	}
	uint32_t snaplen = cfg->snaplen;
	int32_t tgid = cfg->exclude_tgid;
	struct fnet_kmod_syscall_set set;
	if (cfg->syscall_set)
		memcpy(set.on, cfg->syscall_set, sizeof(set.on) < FNET_ENGINE_MAX_SYSCALLS
							 ? sizeof(set.on)
							 : FNET_ENGINE_MAX_SYSCALLS);
	if (control(e, FNET_IOCTL_SET_SNAPLEN, &snaplen, "setting the snap length", err) < 0 ||
	    control(e, FNET_IOCTL_EXCLUDE_TGID, &tgid, "excluding the capture process", err) < 0 ||
	    (cfg->syscall_set ? control(e, FNET_IOCTL_SET_SYSCALLS, &set, "setting the syscall set", err)
			      : control(e, FNET_IOCTL_ALL_SYSCALLS, NULL, "clearing the syscall set", err)) < 0 ||
	    control(e, FNET_IOCTL_START, NULL, "start", err) < 0) {
		kmod_close(e);
		return NULL;
	}
	return e;
}

/* Moves ring `r` to its next event record before r->end, past wrap markers.
 * Returns 1 when there is one (at r->tail), 0 when none, -1 with `err` for a
 * record that does not fit the ring. */
static int next_record(struct kmod_ring *r, char *err)
{
	while (r->tail != r->end) {
		uint64_t pos = r->tail & (r->size - 1);
		struct fnet_kmod_rec rec;
		memcpy(&rec, r->data + pos, sizeof(rec));
		if (rec.flags & FNET_KMOD_REC_WRAP) {
			r->tail += r->size - pos;
			continue;
		}
		if (rec.len < MIN_EVENT_BYTES || rec.len > r->size - pos - sizeof(rec)) {
			snprintf(err, FNET_ERRBUF_SIZE, "kernel module ring of CPU %u: bad record length %u at "
							"ring offset %llu", r->cpu, rec.len, (unsigned long long)pos);
			return -1;
		}
		return 1;
	}
	return 0;
}

/* Timestamp of the event record at r->tail (the event header's first field). */
static uint64_t record_ts(const struct kmod_ring *r)
{
	uint64_t ts;
	memcpy(&ts, r->data + (r->tail & (r->size - 1)) + sizeof(struct fnet_kmod_rec), sizeof(ts));
	return ts;
}

/*
 * Delivers the records the rings hold now, oldest first across the CPUs (each
 * ring is in time order; a process that moves between CPUs has its events in
 * several), as one ring buffer would have them. Returns the number delivered,
 * or -1 with `err`.
 */
static int deliver(struct fnet_engine *e, fnet_engine_cb cb, void *ctx, char *err)
{
	int n = 0, rc = 0, stop = 0;
	for (unsigned i = 0; i < e->n; i++) {
		e->rings[i].end = __atomic_load_n(&e->rings[i].hdr->head, __ATOMIC_ACQUIRE);
		e->rings[i].tail = e->rings[i].hdr->tail;
	}
	while (!stop) {
		struct kmod_ring *oldest = NULL;
		uint64_t oldest_ts = 0;
		for (unsigned i = 0; i < e->n && rc >= 0; i++) {
			rc = next_record(&e->rings[i], err);
			if (rc > 0 && (!oldest || record_ts(&e->rings[i]) < oldest_ts)) {
				oldest = &e->rings[i];
				oldest_ts = record_ts(oldest);
			}
		}
		if (rc < 0 || !oldest)
			break;
		struct fnet_kmod_rec rec;
		const uint8_t *at = oldest->data + (oldest->tail & (oldest->size - 1));
		memcpy(&rec, at, sizeof(rec));
		e->events++;
		n++;
		stop = cb(ctx, rec.cpu, at + sizeof(rec), rec.len) != 0;
		oldest->tail += (sizeof(rec) + rec.len + 7) & ~(uint64_t)7;
	}
	/* the module may reuse what was read */
	for (unsigned i = 0; i < e->n; i++)
		__atomic_store_n(&e->rings[i].hdr->tail, e->rings[i].tail, __ATOMIC_RELEASE);
	return rc < 0 ? -1 : n;
}

static int kmod_poll(struct fnet_engine *e, int timeout_ms, fnet_engine_cb cb, void *ctx, char *err)
{
	int ready = 0;
	for (unsigned i = 0; i < e->n; i++)
		ready |= e->rings[i].hdr->tail != __atomic_load_n(&e->rings[i].hdr->head, __ATOMIC_ACQUIRE);
	if (!ready && timeout_ms != 0 && poll(e->pfds, e->n, timeout_ms) < 0 && errno != EINTR) {
		snprintf(err, FNET_ERRBUF_SIZE, "kernel module: poll: %s", strerror(errno));
		return -1;
	}
	return deliver(e, cb, ctx, err);
}

static int kmod_stats(struct fnet_engine *e, struct fnet_engine_stats *s, char *err)
{
	s->events = e->events;
	s->drops = 0;
	for (unsigned i = 0; i < e->n; i++) {
		struct fnet_kmod_counters c;
		if (ioctl(e->rings[i].fd, FNET_IOCTL_COUNTERS, &c) < 0) {
			snprintf(err, FNET_ERRBUF_SIZE, "reading kernel module counters: %s", strerror(errno));
			return -1;
		}
		s->drops += c.drops + c.too_big;
	}
	return 0;
}

const struct fnet_engine_ops fnet_engine_kmod = {
	.name = "kmod",
	.open = kmod_open,
	.poll = kmod_poll,
	.stats = kmod_stats,
	.close = kmod_close,
};
