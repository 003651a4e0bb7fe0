// SPDX-License-Identifier: GPL-2.0-only
/*
 * falconet kernel module: the eBPF probe's event stream for hosts that cannot
 * load eBPF. Module set-up and the character devices /dev/falconetN (one per
 * possible CPU): open allocates the CPU's ring, mmap maps it, poll waits for
 * records, ioctl controls the capture (ioctl.c). The last close stops the
 * capture and frees the rings. Open devices hold a reference on the module, so
 * it cannot be unloaded while a capture uses it.
 */
#include <linux/capability.h>
#include <linux/cdev.h>
#include <linux/compat.h>
#include <linux/cpumask.h>
#include <linux/device.h>
#include <linux/fs.h>
#include <linux/module.h>
#include <linux/poll.h>
#include <linux/version.h>

#include "kmod.h"

struct fnet_settings fnet_settings = { .snaplen = 80 };
DEFINE_MUTEX(fnet_lock);

static dev_t devt;
static struct cdev cdev;
static struct class *dev_class;
static unsigned int opens; /* open files over all the devices, under fnet_lock */

static unsigned int file_cpu(const struct file *f)
{
	return (unsigned int)(unsigned long)f->private_data;
}

static int fnet_open(struct inode *inode, struct file *f)
{
	unsigned int cpu = iminor(inode);
	int rc;

	if (cpu >= nr_cpu_ids || !cpu_possible(cpu))
		return -ENXIO;
	if (!capable(CAP_SYS_ADMIN)) /* the rings show every process's data */
		return -EPERM;
	mutex_lock(&fnet_lock);
	rc = fnet_ring_alloc(cpu);
	if (!rc) {
		opens++;
		f->private_data = (void *)(unsigned long)cpu;
	}
	mutex_unlock(&fnet_lock);
	return rc;
}

static int fnet_release(struct inode *inode, struct file *f)
{
	mutex_lock(&fnet_lock);
	if (--opens == 0) {
		if (fnet_tracepoints_attached())
			fnet_tracepoints_detach();
		fnet_rings_free();
	}
	mutex_unlock(&fnet_lock);
	return 0;
}

static int fnet_mmap(struct file *f, struct vm_area_struct *vma)
{
	return fnet_ring_mmap(file_cpu(f), vma);
}

static __poll_t fnet_poll(struct file *f, struct poll_table_struct *wait)
{
	unsigned int cpu = file_cpu(f);

	poll_wait(f, fnet_ring_waitq(cpu), wait);
	return fnet_ring_readable(cpu) ? EPOLLIN | EPOLLRDNORM : 0;
}

static long fnet_unlocked_ioctl(struct file *f, unsigned int cmd, unsigned long arg)
{
	return fnet_ioctl(file_cpu(f), cmd, arg);
}

static const struct file_operations fnet_fops = {
	.owner = THIS_MODULE,
	.open = fnet_open,
	.release = fnet_release,
	.mmap = fnet_mmap,
	.poll = fnet_poll,
	.unlocked_ioctl = fnet_unlocked_ioctl,
	.compat_ioctl = compat_ptr_ioctl,
	.llseek = noop_llseek,
};

static void destroy_devices(void)
{
	unsigned int cpu;

	for_each_possible_cpu(cpu)
		device_destroy(dev_class, MKDEV(MAJOR(devt), cpu));
}

static int __init fnet_init(void)
{
	unsigned int cpu;
	int rc;

	rc = fnet_tracepoints_find();
	if (rc)
		return rc;
	rc = fnet_rings_init();
	if (rc)
		return rc;
	rc = fnet_record_init();
	if (rc)
		goto out_rings;
	rc = alloc_chrdev_region(&devt, 0, nr_cpu_ids, "falconet");
	if (rc)
		goto out_record;
	cdev_init(&cdev, &fnet_fops);
	cdev.owner = THIS_MODULE;
	rc = cdev_add(&cdev, devt, nr_cpu_ids);
	if (rc)
		goto out_region;
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 4, 0)
	dev_class = class_create("falconet");
#else
	dev_class = class_create(THIS_MODULE, "falconet");
#endif
	if (IS_ERR(dev_class)) {
		rc = PTR_ERR(dev_class);
		goto out_cdev;
	}
	for_each_possible_cpu(cpu) {
		struct device *d = device_create(dev_class, NULL, MKDEV(MAJOR(devt), cpu), NULL, "falconet%u", cpu);

		if (IS_ERR(d)) {
			rc = PTR_ERR(d);
			destroy_devices();
			goto out_class;
		}
	}
	pr_info("falconet: loaded, %u devices\n", num_possible_cpus());
	return 0;
out_class:
	class_destroy(dev_class);
out_cdev:
	cdev_del(&cdev);
out_region:
	unregister_chrdev_region(devt, nr_cpu_ids);
out_record:
	fnet_record_exit();
out_rings:
	fnet_rings_exit();
	return rc;
}

static void __exit fnet_exit(void)
{
	/* no file is open (each holds a module reference): nothing is attached */
	destroy_devices();
	class_destroy(dev_class);
	cdev_del(&cdev);
	unregister_chrdev_region(devt, nr_cpu_ids);
	fnet_record_exit();
	fnet_rings_exit();
	pr_info("falconet: unloaded\n");
}

module_init(fnet_init);
module_exit(fnet_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("falconet: syscall and process events as scap records, for hosts without eBPF");
