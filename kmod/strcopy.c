// SPDX-License-Identifier: GPL-2.0-only
/*
 * Fault-tolerant copies of NUL-terminated strings, for tracepoint context: the
 * kernel's strncpy_from_user_nofault is not exported to modules, so strings are
 * copied with the exported copy_from_{user,kernel}_nofault a page at a time (a
 * string that ends before an unmapped page is still read whole).
 */
#include <linux/mm.h>
#include <linux/string.h>
#include <linux/uaccess.h>

#include "record.h"

/* Copies the string at `src` (user memory when `user`) into `dst` (`n` bytes of
 * room, n > 0). Returns its length with the NUL; a string of n bytes or more is cut
 * to n - 1 and a NUL. -EFAULT when memory before its end cannot be read. */
static long copy_str(char *dst, const void *src, long n, bool user)
{
	unsigned long addr = (unsigned long)src;
	long done = 0;

	while (done < n) {
		long chunk = min_t(long, n - done, PAGE_SIZE - ((addr + done) & ~PAGE_MASK));
		const char *end;
		long rc;

		if (user)
			rc = copy_from_user_nofault(dst + done, (const void __user *)(addr + done), chunk);
		else
			rc = copy_from_kernel_nofault(dst + done, (const void *)(addr + done), chunk);
		if (rc)
			return -EFAULT;
		end = memchr(dst + done, 0, chunk);
		if (end)
			return end - dst + 1;
		done += chunk;
	}
	dst[n - 1] = 0;
	return n;
}

long fnet_kmod_strncpy_user(void *dst, const void *src, long n)
{
	return n > 0 ? copy_str(dst, src, n, true) : -EINVAL;
}

long fnet_kmod_strncpy_kernel(void *dst, const void *src, long n)
{
	return n > 0 ? copy_str(dst, src, n, false) : -EINVAL;
}
