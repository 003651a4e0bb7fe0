/*
 * The fs.path field class: the file system paths a successful call acted on,
 * including calls that take paths rather than fds (mkdir, unlink, rename,
 * chmod, mount, ...). sysdig 0.29.3 has no such fields; these follow the
 * meaning later falcosecurity/libs gave them:
 *
 *   fs.path.name, fs.path.nameraw      the path of single-path calls
 *   fs.path.source, fs.path.sourceraw  the source of two-path calls
 *   fs.path.target, fs.path.targetraw  the target of two-path calls
 *
 * The raw fields give the path as passed to the call; the others make it
 * absolute (against the dirfd of *at calls, else the working directory) and
 * normalise it. Only exit events of successful calls have values (result 0;
 * for opens an fd other than -1). For link and linkat the source is the new
 * path and the target the existing one, as in later libs.
 */
#include <stdio.h>
#include <string.h>

#include "fields_common.h"
#include "path_util.h"

#define PPM_AT_FDCWD (-100)

enum which { PATH, SOURCE, TARGET };

/* What each event type carries: parameter names of its path, source, target and dirfds. */
struct fs_event {
	uint16_t type;
	const char *path, *source, *target;
	const char *dirfd;        /* dirfd of the path (and of the source, for renameat2) */
	const char *target_dirfd; /* renameat2 */
	int from_fd;              /* fchmod, fchown: the path is the fd's name */
	int success_fd;           /* opens: success is fd != -1 */
};

static const struct fs_event fs_events[] = {
	{FNET_EV_SYSCALL_MKDIR_2_X, "path", NULL, NULL, NULL, NULL, 0, 0},
	{FNET_EV_SYSCALL_MKDIRAT_X, "path", NULL, NULL, "dirfd", NULL, 0, 0},
	{FNET_EV_SYSCALL_RMDIR_2_X, "path", NULL, NULL, NULL, NULL, 0, 0},
	{FNET_EV_SYSCALL_UNLINK_2_X, "path", NULL, NULL, NULL, NULL, 0, 0},
	{FNET_EV_SYSCALL_UNLINKAT_2_X, "name", NULL, NULL, "dirfd", NULL, 0, 0},
	{FNET_EV_SYSCALL_OPEN_X, "name", NULL, NULL, NULL, NULL, 0, 1},
	{FNET_EV_SYSCALL_OPENAT_2_X, "name", NULL, NULL, "dirfd", NULL, 0, 1},
	{FNET_EV_SYSCALL_OPENAT2_X, "name", NULL, NULL, "dirfd", NULL, 0, 1},
	{FNET_EV_SYSCALL_FCHMODAT_X, "filename", NULL, NULL, "dirfd", NULL, 0, 0},
	{FNET_EV_SYSCALL_CHMOD_X, "filename", NULL, NULL, NULL, NULL, 0, 0},
	{FNET_EV_SYSCALL_FCHMOD_X, NULL, NULL, NULL, NULL, NULL, 1, 0},
	{FNET_EV_SYSCALL_CHOWN_X, "path", NULL, NULL, NULL, NULL, 0, 0},
	{FNET_EV_SYSCALL_LCHOWN_X, "path", NULL, NULL, NULL, NULL, 0, 0},
	{FNET_EV_SYSCALL_FCHOWN_X, NULL, NULL, NULL, NULL, NULL, 1, 0},
	{FNET_EV_SYSCALL_FCHOWNAT_X, "pathname", NULL, NULL, "dirfd", NULL, 0, 0},
	{FNET_EV_SYSCALL_QUOTACTL_X, "special", NULL, NULL, NULL, NULL, 0, 0},
	{FNET_EV_SYSCALL_RENAME_X, NULL, "oldpath", "newpath", NULL, NULL, 0, 0},
	{FNET_EV_SYSCALL_RENAMEAT_X, NULL, "oldpath", "newpath", "olddirfd", "newdirfd", 0, 0},
	{FNET_EV_SYSCALL_RENAMEAT2_X, NULL, "oldpath", "newpath", "olddirfd", "newdirfd", 0, 0},
	{FNET_EV_SYSCALL_LINK_2_X, NULL, "newpath", "oldpath", NULL, NULL, 0, 0},
	{FNET_EV_SYSCALL_LINKAT_2_X, NULL, "newpath", "oldpath", "newdir", "olddir", 0, 0},
	{FNET_EV_SYSCALL_SYMLINK_X, NULL, "linkpath", "target", NULL, NULL, 0, 0},
	{FNET_EV_SYSCALL_SYMLINKAT_X, NULL, "linkpath", "target", "linkdirfd", NULL, 0, 0},
	{FNET_EV_SYSCALL_MOUNT_X, NULL, "dev", "dir", NULL, NULL, 0, 0},
	{FNET_EV_SYSCALL_UMOUNT_1_X, "name", NULL, NULL, NULL, NULL, 0, 0},
	{FNET_EV_SYSCALL_UMOUNT2_X, "name", NULL, NULL, NULL, NULL, 0, 0},
};

#define NFS (sizeof(fs_events) / sizeof(fs_events[0]))

/*
 * Parameter indexes per event type, resolved from the names once: for each
 * of path, source, target the path parameter and its dirfd (-1: none), and the
 * result parameter.
 */
struct fs_slots {
	int8_t known; /* 0 not resolved, 1 an fs event, -1 not one */
	int8_t path[3], dirfd[3], res;
	uint8_t from_fd, success_fd;
};

static const struct fs_slots *slots_for(uint16_t type)
{
	static _Thread_local struct fs_slots table[FNET_EV_COUNT];
	if (type >= FNET_EV_COUNT)
		return NULL;
	struct fs_slots *s = &table[type];
	if (s->known == 0) {
		s->known = -1;
		const struct fnet_event_info *ei = &fnet_event_table[type];
		for (size_t i = 0; i < NFS; i++) {
			const struct fs_event *e = &fs_events[i];
			if (e->type != type)
				continue;
			const char *names[3] = {e->path, e->source, e->target};
			const char *dirs[3] = {e->dirfd, e->dirfd, e->target_dirfd ? e->target_dirfd : e->dirfd};
			for (int w = 0; w < 3; w++) {
				s->path[w] = (int8_t)(names[w] ? fnet_event_param_index(ei, ei->nparams, names[w]) : -1);
				s->dirfd[w] = (int8_t)(names[w] && dirs[w] ? fnet_event_param_index(ei, ei->nparams, dirs[w]) : -1);
			}
			s->res = (int8_t)fnet_event_param_index(ei, ei->nparams, e->success_fd ? "fd" : "res");
			s->from_fd = (uint8_t)e->from_fd;
			s->success_fd = (uint8_t)e->success_fd;
			s->known = 1;
		}
	}
	return s->known > 0 ? s : NULL;
}

/* Whether the call succeeded, by the rule of its type. */
static int succeeded(const struct fnet_event *ev, const struct fs_slots *s)
{
	if (s->res < 0 || (uint32_t)s->res >= ev->nparams)
		return 0;
	int64_t r = fnet_event_param_s64(ev, (uint32_t)s->res);
	return s->success_fd ? r != -1 : r == 0;
}

/* The name of the fd the event refers to (fchmod, fchown), as fd.name gives it. */
static int fd_path(const struct fnet_eval_ctx *ctx, struct fnet_field_value *out, char *scratch)
{
	return fnet_event_fd_name(ctx, out, scratch);
}

static int fs_path(const struct fnet_eval_ctx *ctx, enum which w, int raw,
		   struct fnet_field_value *out, char *scratch)
{
	const struct fnet_event *ev = ctx->ev;
	const struct fs_slots *s = ev->info ? slots_for(ev->type) : NULL;
	if (!s || !succeeded(ev, s))
		return 0;
	if (s->from_fd)
		return w == PATH && fd_path(ctx, out, scratch);
	int pi = s->path[w];
	if (pi < 0 || (uint32_t)pi >= ev->nparams)
		return 0;
	size_t len;
	const char *p = fnet_param_text(ev, (uint32_t)pi, &len);
	if (raw) {
		out->str = p;
		out->len = (uint32_t)len;
		return 1;
	}
	const struct fnet_thread *t = ctx->thread;
	if (!t)
		return 0;
	char dir[FNET_PATH_MAX];
	const char *base = "";
	if (!(len && p[0] == '/')) {
		int di = s->dirfd[w];
		if ((ev->type == FNET_EV_SYSCALL_OPENAT_2_X || ev->type == FNET_EV_SYSCALL_OPENAT2_X) &&
		    w == PATH)
			return fd_path(ctx, out, scratch);
		if (di < 0 || (uint32_t)di >= ev->nparams ||
		    fnet_event_param_s64(ev, (uint32_t)di) == PPM_AT_FDCWD) {
			base = t->cwd.ptr ? t->cwd.ptr : "";
		} else {
			const struct fnet_fd *d = fnet_thread_fd(t, fnet_event_param_s64(ev, (uint32_t)di));
			if (d && d->type == FNET_FDR_DIRECTORY && d->name.ptr)
				snprintf(dir, sizeof(dir), "%s%s", d->name.ptr,
					 d->name.len && d->name.ptr[d->name.len - 1] == '/' ? "" : "/");
			else
				snprintf(dir, sizeof(dir), "<UNKNOWN>");
			base = dir;
		}
	}
	fnet_path_resolve(scratch, FNET_FIELD_SCRATCH_SIZE, base, p, len);
	return fnet_value_cstr(out, scratch);
}

#define FS_EXTRACTOR(fn, w, raw)                                                              \
	static int fn(const struct fnet_eval_ctx *ctx, const struct fnet_field_arg *arg,       \
		      struct fnet_field_value *out, char *scratch)                            \
	{                                                                                     \
		(void)arg;                                                                    \
		return fs_path(ctx, w, raw, out, scratch);                                    \
	}

FS_EXTRACTOR(extract_name, PATH, 0)
FS_EXTRACTOR(extract_nameraw, PATH, 1)
FS_EXTRACTOR(extract_source, SOURCE, 0)
FS_EXTRACTOR(extract_sourceraw, SOURCE, 1)
FS_EXTRACTOR(extract_target, TARGET, 0)
FS_EXTRACTOR(extract_targetraw, TARGET, 1)

static const struct fnet_field_def fs_fields[] = {
	{"fs.path.name", FNET_FIELD_STRING,
	 "for calls on one file system path, the path, made absolute", extract_name, NULL,
	 FNET_ARG_NONE},
	{"fs.path.nameraw", FNET_FIELD_STRING,
	 "for calls on one file system path, the path as passed to the call", extract_nameraw,
	 NULL, FNET_ARG_NONE},
	{"fs.path.source", FNET_FIELD_STRING,
	 "for calls with a source and a target path (rename, link, symlink, mount), the source, "
	 "made absolute",
	 extract_source, NULL, FNET_ARG_NONE},
	{"fs.path.sourceraw", FNET_FIELD_STRING,
	 "the source path as passed to the call", extract_sourceraw, NULL, FNET_ARG_NONE},
	{"fs.path.target", FNET_FIELD_STRING,
	 "for calls with a source and a target path, the target, made absolute", extract_target,
	 NULL, FNET_ARG_NONE},
	{"fs.path.targetraw", FNET_FIELD_STRING, "the target path as passed to the call",
	 extract_targetraw, NULL, FNET_ARG_NONE},
};

const struct fnet_field_class fnet_fields_fs = {"fs.path", fs_fields,
						sizeof(fs_fields) / sizeof(fs_fields[0])};
