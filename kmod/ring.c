// SPDX-License-Identifier: GPL-2.0-only
/*
 * The per-CPU rings: a header page and a power-of-two data area in vmalloc_user
 * memory, mapped by the capture process (layout: falconet_ioctl.h). Only the
 * tracepoint handlers of a CPU write its ring, with preemption off, so a ring
 * has one writer at a time; user space is the one reader. The module keeps its
 * own copy of `head` and never trusts what the shared page says, beyond reading
 * `tail` to know how much room is left.
 */
#include <linux/irq_work.h>
#include <linux/mm.h>
#include <linux/moduleparam.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/string.h>
#include <linux/vmalloc.h>
#include <linux/wait.h>

#include "kmod.h"

static unsigned int ring_kb = 4096;
module_param(ring_kb, uint, 0444);
MODULE_PARM_DESC(ring_kb, "ring size per CPU in KiB, a power of two from 64 (default 4096)");

struct fnet_cpu {
	struct fnet_kmod_ring_hdr *hdr; /* NULL until the device is first opened */
	u8 *data;                       /* hdr + FNET_KMOD_HDR_BYTES */
	u64 size;
	u64 head;                       /* the module's copy of hdr->head */
	struct fnet_kmod_counters counters;
	struct irq_work wake;           /* wakes readers from outside the tracepoint */
	wait_queue_head_t waitq;
};

static struct fnet_cpu *cpus; /* nr_cpu_ids entries */

static void wake_readers(struct irq_work *w)
{
	struct fnet_cpu *c = container_of(w, struct fnet_cpu, wake);

	wake_up_interruptible(&c->waitq);
}

int fnet_rings_init(void)
{
	unsigned int cpu;

	if (ring_kb < 64 || (ring_kb & (ring_kb - 1))) {
		pr_err("falconet: ring_kb=%u is not a power of two from 64\n", ring_kb);
		return -EINVAL;
	}
	cpus = kcalloc(nr_cpu_ids, sizeof(*cpus), GFP_KERNEL);
	if (!cpus)
		return -ENOMEM;
	for (cpu = 0; cpu < nr_cpu_ids; cpu++) {
		init_irq_work(&cpus[cpu].wake, wake_readers);
		init_waitqueue_head(&cpus[cpu].waitq);
	}
	return 0;
}

void fnet_rings_exit(void)
{
	fnet_rings_free();
	kfree(cpus);
	cpus = NULL;
}

int fnet_ring_alloc(unsigned int cpu)
{
	struct fnet_cpu *c = &cpus[cpu];
	u64 size = (u64)ring_kb << 10;
	struct fnet_kmod_ring_hdr *hdr;

	if (c->hdr)
		return 0;
	hdr = vmalloc_user(FNET_KMOD_HDR_BYTES + size); /* zeroed */
	if (!hdr)
		return -ENOMEM;
	hdr->ring_bytes = size;
	hdr->cpu = cpu;
	c->data = (u8 *)hdr + FNET_KMOD_HDR_BYTES;
	c->size = size;
	c->head = 0;
	/* published last: a handler that sees hdr sees the rest */
	smp_store_release(&c->hdr, hdr);
	return 0;
}

void fnet_rings_free(void)
{
	unsigned int cpu;

	for (cpu = 0; cpu < nr_cpu_ids; cpu++) {
		struct fnet_cpu *c = &cpus[cpu];

		irq_work_sync(&c->wake);
		vfree(c->hdr);
		c->hdr = NULL;
		c->data = NULL;
	}
}

int fnet_ring_mmap(unsigned int cpu, struct vm_area_struct *vma)
{
	struct fnet_cpu *c = &cpus[cpu];

	if (!c->hdr)
		return -ENODEV;
	if (vma->vm_pgoff || vma->vm_end - vma->vm_start > FNET_KMOD_HDR_BYTES + c->size)
		return -EINVAL;
	return remap_vmalloc_range(vma, c->hdr, 0);
}

bool fnet_ring_readable(unsigned int cpu)
{
	struct fnet_cpu *c = &cpus[cpu];

	return c->hdr && READ_ONCE(c->hdr->tail) != c->head;
}

struct wait_queue_head *fnet_ring_waitq(unsigned int cpu)
{
	return &cpus[cpu].waitq;
}

void fnet_ring_counters(unsigned int cpu, struct fnet_kmod_counters *out)
{
	struct fnet_cpu *c = &cpus[cpu];

	out->events = READ_ONCE(c->counters.events);
	out->drops = READ_ONCE(c->counters.drops);
	out->too_big = READ_ONCE(c->counters.too_big);
}

void fnet_rings_reset_counters(void)
{
	unsigned int cpu;

	for (cpu = 0; cpu < nr_cpu_ids; cpu++)
		memset(&cpus[cpu].counters, 0, sizeof(cpus[cpu].counters));
}

void fnet_ring_count_too_big(void)
{
	struct fnet_cpu *c = &cpus[smp_processor_id()];

	WRITE_ONCE(c->counters.too_big, c->counters.too_big + 1);
}

void fnet_ring_write(const u8 *rec, u32 len)
{
	struct fnet_cpu *c = &cpus[smp_processor_id()];
	struct fnet_kmod_ring_hdr *hdr = smp_load_acquire(&c->hdr);
	u64 need = ALIGN((u64)len, 8), head, tail, used, pos, pad = 0;

	if (!hdr) {
		WRITE_ONCE(c->counters.drops, c->counters.drops + 1);
		return;
	}
	head = c->head;
	tail = smp_load_acquire(&hdr->tail); /* the reader is done with what lies before */
	used = head - tail;
	if (used > c->size) /* a tail user space made up: take the ring as full */
		used = c->size;
	pos = head & (c->size - 1);
	if (need > c->size - pos)
		pad = c->size - pos; /* at least 8: positions and size are multiples of 8 */
	if (used + pad + need > c->size) {
		WRITE_ONCE(c->counters.drops, c->counters.drops + 1);
		return;
	}
	if (pad) {
		struct fnet_kmod_rec wrap = { .cpu = (u16)smp_processor_id(), .flags = FNET_KMOD_REC_WRAP };

		memcpy(c->data + pos, &wrap, sizeof(wrap));
		pos = 0;
	}
	memcpy(c->data + pos, rec, len);
	head += pad + need;
	c->head = head;
	smp_store_release(&hdr->head, head); /* the record is complete before it shows */
	WRITE_ONCE(c->counters.events, c->counters.events + 1);
	/* as the eBPF probe: readers are woken when an eighth of the ring waits */
	if (head - tail >= c->size / 8)
		irq_work_queue(&c->wake);
}
