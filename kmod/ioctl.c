// SPDX-License-Identifier: GPL-2.0-only
/*
 * The control ioctls (falconet_ioctl.h). Settings change only while the capture
 * is stopped, so the tracepoint handlers never see them half-written.
 */
#include <linux/errno.h>
#include <linux/ktime.h>
#include <linux/timekeeping.h>
#include <linux/uaccess.h>

#include "kmod.h"

static long start(void)
{
	if (fnet_tracepoints_attached())
		return -EBUSY;
	/* timestamps: epoch ns, as boot time plus the boot clock (as the eBPF probe) */
	fnet_settings.boot_time_ns = ktime_get_real_ns() - ktime_get_boot_fast_ns();
	fnet_rings_reset_counters();
	return fnet_tracepoints_attach();
}

static long set_setting(unsigned int cmd, void __user *u)
{
	u32 snaplen;
	s32 tgid;

	if (fnet_tracepoints_attached())
		return -EBUSY;
	switch (cmd) {
	case FNET_IOCTL_SET_SNAPLEN:
		if (get_user(snaplen, (u32 __user *)u))
			return -EFAULT;
		fnet_settings.snaplen = snaplen;
		return 0;
	case FNET_IOCTL_SET_SYSCALLS:
		if (copy_from_user(fnet_settings.syscall_set, u, sizeof(fnet_settings.syscall_set)))
			return -EFAULT;
		fnet_settings.use_syscall_set = true;
		return 0;
	case FNET_IOCTL_ALL_SYSCALLS:
		fnet_settings.use_syscall_set = false;
		return 0;
	case FNET_IOCTL_EXCLUDE_TGID:
		if (get_user(tgid, (s32 __user *)u))
			return -EFAULT;
		if (tgid < 0)
			return -EINVAL;
		fnet_settings.exclude_tgid = tgid;
		return 0;
	}
	return -ENOTTY;
}

long fnet_ioctl(unsigned int cpu, unsigned int cmd, unsigned long arg)
{
	void __user *u = (void __user *)arg;
	struct fnet_kmod_counters c;
	long rc;

	if (cmd == FNET_IOCTL_COUNTERS) {
		fnet_ring_counters(cpu, &c);
		return copy_to_user(u, &c, sizeof(c)) ? -EFAULT : 0;
	}
	mutex_lock(&fnet_lock);
	switch (cmd) {
	case FNET_IOCTL_START:
		rc = start();
		break;
	case FNET_IOCTL_STOP:
		if (fnet_tracepoints_attached())
			fnet_tracepoints_detach();
		rc = 0;
		break;
	default:
		rc = set_setting(cmd, u);
	}
	mutex_unlock(&fnet_lock);
	return rc;
}
