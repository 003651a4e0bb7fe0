/*
 * File system namespace syscalls: rename/renameat/renameat2, link/linkat,
 * symlink/symlinkat, chmod/fchmod/fchmodat, chown/lchown/fchown/fchownat,
 * mount and umount2. Their enter events carry no parameters except mount's and
 * umount's flags; the exit events repeat the arguments after `res`, in the
 * schema's layouts (falcosecurity/libs driver/event_table.c).
 */
#ifndef FNET_FILL_FS_H
#define FNET_FILL_FS_H

/*
 * Flag words. The PPM_* values of these families (ppm_events_public.h) happen to
 * use the kernel's bit positions, so each conversion keeps the bits the scap
 * format names and drops the others.
 */

/* chmod modes: PPM_S_IXOTH (1 << 0) .. PPM_S_ISUID (1 << 11) are 01 .. 04000. */
static __always_inline u32 chmod_mode_to_scap(u64 mode)
{
	return (u32)(mode & 07777);
}

/* renameat2: RENAME_NOREPLACE 1, RENAME_EXCHANGE 2, RENAME_WHITEOUT 4. */
static __always_inline u32 renameat2_flags_to_scap(u64 f)
{
	return (u32)(f & 7);
}

/* linkat and fchownat: the scap format names AT_SYMLINK_FOLLOW (0x400) and
 * AT_EMPTY_PATH (0x1000); it has no bit for fchownat's AT_SYMLINK_NOFOLLOW. */
static __always_inline u32 at_follow_flags_to_scap(u64 f)
{
	return (u32)(f & (0x400 | 0x1000));
}

/* mount: PPM_MS_* equal MS_*. A flag word may still carry the pre-2.4 magic
 * 0xC0ED in its top half (MS_MGC_VAL); the kernel ignores it, so does the event. */
static __always_inline u32 mount_flags_to_scap(u64 f)
{
	u32 r = (u32)f;
	if ((r & 0xffff0000u) == 0xc0ed0000u)
		r &= 0xffffu;
	return r;
}

/* umount2: MNT_FORCE 1, MNT_DETACH 2, MNT_EXPIRE 4, UMOUNT_NOFOLLOW 8. */
static __always_inline u32 umount_flags_to_scap(u64 f)
{
	return (u32)(f & 0xf);
}

/* rename, link (exit): res, oldpath, newpath. symlink (exit): res, target, linkpath. */
static __always_inline void fill_two_paths_x(struct builder *b, const u64 *a, long ret)
{
	ev_u64(b, (u64)ret);
	ev_str_user(b, (const void *)a[0]);
	ev_str_user(b, (const void *)a[1]);
}

/* renameat (exit): res, olddirfd, oldpath, newdirfd, newpath. */
static __always_inline void fill_two_at_paths_x(struct builder *b, const u64 *a, long ret)
{
	ev_u64(b, (u64)ret);
	ev_u64(b, (u64)fd_arg(a[0]));
	ev_str_user(b, (const void *)a[1]);
	ev_u64(b, (u64)fd_arg(a[2]));
	ev_str_user(b, (const void *)a[3]);
}

/* renameat2 (exit): renameat's five, then flags. */
static __always_inline void fill_renameat2_x(struct builder *b, const u64 *a, long ret)
{
	fill_two_at_paths_x(b, a, ret);
	ev_u32(b, renameat2_flags_to_scap(a[4]));
}

/* linkat (exit): res, olddir, oldpath, newdir, newpath, flags. */
static __always_inline void fill_linkat_x(struct builder *b, const u64 *a, long ret)
{
	fill_two_at_paths_x(b, a, ret);
	ev_u32(b, at_follow_flags_to_scap(a[4]));
}

/* symlinkat (exit): res, target, linkdirfd, linkpath. */
static __always_inline void fill_symlinkat_x(struct builder *b, const u64 *a, long ret)
{
	ev_u64(b, (u64)ret);
	ev_str_user(b, (const void *)a[0]);
	ev_u64(b, (u64)fd_arg(a[1]));
	ev_str_user(b, (const void *)a[2]);
}

/* chmod (exit): res, filename, mode. */
static __always_inline void fill_chmod_x(struct builder *b, const u64 *a, long ret)
{
	ev_u64(b, (u64)ret);
	ev_str_user(b, (const void *)a[0]);
	ev_u32(b, chmod_mode_to_scap(a[1]));
}

/* fchmod (exit): res, fd, mode. */
static __always_inline void fill_fchmod_x(struct builder *b, const u64 *a, long ret)
{
	ev_u64(b, (u64)ret);
	ev_u64(b, (u64)fd_arg(a[0]));
	ev_u32(b, chmod_mode_to_scap(a[1]));
}

/* fchmodat (exit): res, dirfd, filename, mode. */
static __always_inline void fill_fchmodat_x(struct builder *b, const u64 *a, long ret)
{
	ev_u64(b, (u64)ret);
	ev_u64(b, (u64)fd_arg(a[0]));
	ev_str_user(b, (const void *)a[1]);
	ev_u32(b, chmod_mode_to_scap(a[2]));
}

/* chown, lchown (exit): res, path, uid, gid. */
static __always_inline void fill_chown_x(struct builder *b, const u64 *a, long ret)
{
	ev_u64(b, (u64)ret);
	ev_str_user(b, (const void *)a[0]);
	ev_u32(b, (u32)a[1]);
	ev_u32(b, (u32)a[2]);
}

/* fchown (exit): res, fd, uid, gid. */
static __always_inline void fill_fchown_x(struct builder *b, const u64 *a, long ret)
{
	ev_u64(b, (u64)ret);
	ev_u64(b, (u64)fd_arg(a[0]));
	ev_u32(b, (u32)a[1]);
	ev_u32(b, (u32)a[2]);
}

/* fchownat (exit): res, dirfd, pathname, uid, gid, flags. */
static __always_inline void fill_fchownat_x(struct builder *b, const u64 *a, long ret)
{
	ev_u64(b, (u64)ret);
	ev_u64(b, (u64)fd_arg(a[0]));
	ev_str_user(b, (const void *)a[1]);
	ev_u32(b, (u32)a[2]);
	ev_u32(b, (u32)a[3]);
	ev_u32(b, at_follow_flags_to_scap(a[4]));
}

/* mount: enter flags; exit res, dev, dir, type, flags. */
static __always_inline void fill_mount_x(struct builder *b, const u64 *a, long ret)
{
	ev_u64(b, (u64)ret);
	ev_str_user(b, (const void *)a[0]);
	ev_str_user(b, (const void *)a[1]);
	ev_str_user(b, (const void *)a[2]);
	ev_u32(b, mount_flags_to_scap(a[3]));
}

/* umount2, recorded as the older "umount" event: enter flags; exit res, name. */
static __always_inline void fill_umount_x(struct builder *b, const u64 *a, long ret)
{
	ev_u64(b, (u64)ret);
	ev_str_user(b, (const void *)a[0]);
}

#endif
