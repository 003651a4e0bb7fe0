/*
 * The container field class (container.*), derived from the cgroups of the
 * event's thread as sysdig derives them when the trace carries no container
 * metadata: the container runtime's cgroup path names the container.
 *
 *   podman      .../libpod-<64 hex>.scope
 *   docker      .../<64 hex>   or   .../docker-<64 hex>.scope
 *   cri         .../crio-<64 hex>, .../cri-containerd-<64 hex>.scope,
 *               .../crio-<64 hex>.scope, ...:cri-containerd:<64 hex>
 *   lxc         .../lxc/<name>/...   or   .../lxc.payload/<name>/...
 *   libvirt-lxc .../<name>.libvirt-lxc, ...-lxc\x2d<name>.scope, .../libvirt/lxc/<name>
 *
 * The runtimes are tried in that order, each over every cgroup of the thread.
 * The id is the first 12 characters of the 64-digit id (the name for lxc and
 * libvirt-lxc). A thread in no container has id, name and type "host". Without
 * metadata, image fields have no value, the name is the id for lxc and
 * libvirt-lxc and has no value otherwise, and privileged is false for the
 * runtimes that report it (docker, cri, podman).
 */
#include <string.h>

#include "fields_common.h"

enum runtime { RT_HOST, RT_PODMAN, RT_DOCKER, RT_CRI, RT_LXC, RT_LIBVIRT_LXC };

struct container {
	enum runtime rt;
	const char *id; /* into the thread's cgroups (not NUL-terminated) */
	size_t id_len;
};

static int is_hex(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/* Last occurrence of `needle` in `s` (`len` bytes), or NULL. */
static const char *rfind(const char *s, size_t len, const char *needle)
{
	size_t n = strlen(needle);
	if (n > len)
		return NULL;
	for (size_t i = len - n + 1; i-- > 0;)
		if (memcmp(s + i, needle, n) == 0)
			return s + i;
	return NULL;
}

/* First occurrence of `needle` in `s` (`len` bytes), or NULL. */
static const char *find(const char *s, size_t len, const char *needle)
{
	return memmem(s, len, needle, strlen(needle));
}

/*
 * Whether cgroup path `p` (`len` bytes) ends with PREFIX<64 hex digits>SUFFIX
 * (the last PREFIX and the last SUFFIX, as sysdig looks); sets the 12-digit id.
 */
static int match_runc(const char *p, size_t len, const char *prefix, const char *suffix,
		      struct container *c)
{
	const char *a = rfind(p, len, prefix);
	if (!a)
		return 0;
	a += strlen(prefix);
	const char *b = *suffix ? rfind(p, len, suffix) : p + len;
	if (!b || b < a || b - a != 64)
		return 0;
	for (int i = 0; i < 64; i++)
		if (!is_hex(a[i]))
			return 0;
	c->id = a;
	c->id_len = 12;
	return 1;
}

/* Calls `fn` on the path of each "subsys=path" cgroup of `t` until it returns 1. */
static int each_cgroup(const struct fnet_thread *t, int (*fn)(const char *, size_t, struct container *),
		       struct container *c)
{
	if (!t->cgroups.ptr)
		return 0;
	const char *p = t->cgroups.ptr, *end = p + t->cgroups.len;
	while (p < end) {
		const char *z = memchr(p, 0, (size_t)(end - p));
		const char *e = z ? z : end;
		const char *eq = memchr(p, '=', (size_t)(e - p));
		const char *path = eq ? eq + 1 : p;
		if (fn(path, (size_t)(e - path), c))
			return 1;
		p = e + 1;
	}
	return 0;
}

static int match_podman(const char *p, size_t len, struct container *c)
{
	return match_runc(p, len, "/libpod-", ".scope", c);
}

static int match_docker(const char *p, size_t len, struct container *c)
{
	return match_runc(p, len, "/", "", c) || match_runc(p, len, "/docker-", ".scope", c);
}

static int match_cri(const char *p, size_t len, struct container *c)
{
	return match_runc(p, len, "/crio-", "", c) ||
	       match_runc(p, len, "/cri-containerd-", ".scope", c) ||
	       match_runc(p, len, "/crio-", ".scope", c) ||
	       match_runc(p, len, ":cri-containerd:", "", c);
}

/* lxc: the path component after /lxc/ or /lxc.payload/. */
static int match_lxc(const char *p, size_t len, struct container *c)
{
	static const char *const marks[] = {"/lxc/", "/lxc.payload/"};
	for (size_t i = 0; i < 2; i++) {
		const char *a = find(p, len, marks[i]);
		if (!a)
			continue;
		a += strlen(marks[i]);
		const char *e = memchr(a, '/', (size_t)(p + len - a));
		c->id = a;
		c->id_len = (size_t)((e ? e : p + len) - a);
		return 1;
	}
	return 0;
}

static int match_libvirt_lxc(const char *p, size_t len, struct container *c)
{
	static const char suffix[] = ".libvirt-lxc";
	const char *a = find(p, len, suffix);
	if (a && (size_t)(a - p) == len - (sizeof(suffix) - 1)) {
		const char *slash = rfind(p, len, "/");
		if (slash && slash < a) {
			c->id = slash + 1;
			c->id_len = (size_t)(a - slash - 1);
			return 1;
		}
	}
	static const char mark[] = "-lxc\\x2";
	a = find(p, len, mark);
	if (a) {
		const char *s = find(p, len, ".scope");
		if (s && (size_t)(s - p) == len - 6 && s > a + sizeof(mark)) {
			c->id = a + sizeof(mark);
			c->id_len = (size_t)(s - a - sizeof(mark));
			return 1;
		}
	}
	a = find(p, len, "/libvirt/lxc/");
	if (a) {
		c->id = a + 13;
		c->id_len = (size_t)(p + len - c->id);
		return 1;
	}
	return 0;
}

/* The container of thread `t`. */
static void container_of(const struct fnet_thread *t, struct container *c)
{
	static const struct {
		enum runtime rt;
		int (*match)(const char *, size_t, struct container *);
	} runtimes[] = {
		{RT_PODMAN, match_podman}, {RT_DOCKER, match_docker}, {RT_CRI, match_cri},
		{RT_LXC, match_lxc},       {RT_LIBVIRT_LXC, match_libvirt_lxc},
	};
	for (size_t i = 0; i < sizeof(runtimes) / sizeof(runtimes[0]); i++)
		if (each_cgroup(t, runtimes[i].match, c)) {
			c->rt = runtimes[i].rt;
			return;
		}
	c->rt = RT_HOST;
	c->id = "host";
	c->id_len = 4;
}

static int set_id(struct fnet_field_value *out, const struct container *c)
{
	out->str = c->id;
	out->len = (uint32_t)c->id_len;
	return 1;
}

int fnet_container_id(const struct fnet_thread *t, struct fnet_field_value *out)
{
	struct container c;
	container_of(t, &c);
	return set_id(out, &c);
}

/* container.id: the 12-digit container id, or "host". */
static int extract_id(const struct fnet_eval_ctx *ctx, const struct fnet_field_arg *arg,
		      struct fnet_field_value *out, char *scratch)
{
	(void)arg;
	(void)scratch;
	return ctx->thread && fnet_container_id(ctx->thread, out);
}

/* container.name: "host"; the id for lxc and libvirt-lxc; unknown for the others. */
static int extract_name(const struct fnet_eval_ctx *ctx, const struct fnet_field_arg *arg,
			struct fnet_field_value *out, char *scratch)
{
	(void)arg;
	(void)scratch;
	struct container c;
	if (!ctx->thread)
		return 0;
	container_of(ctx->thread, &c);
	if (c.rt == RT_HOST || c.rt == RT_LXC || c.rt == RT_LIBVIRT_LXC)
		return set_id(out, &c);
	return 0;
}

/* container.type: host, docker, podman, lxc, libvirt-lxc; cri containers have no value. */
static int extract_type(const struct fnet_eval_ctx *ctx, const struct fnet_field_arg *arg,
			struct fnet_field_value *out, char *scratch)
{
	(void)arg;
	(void)scratch;
	struct container c;
	if (!ctx->thread)
		return 0;
	container_of(ctx->thread, &c);
	switch (c.rt) {
	case RT_HOST:
		return fnet_value_cstr(out, "host");
	case RT_PODMAN:
		return fnet_value_cstr(out, "podman");
	case RT_DOCKER:
		return fnet_value_cstr(out, "docker");
	case RT_LXC:
		return fnet_value_cstr(out, "lxc");
	case RT_LIBVIRT_LXC:
		return fnet_value_cstr(out, "libvirt-lxc");
	case RT_CRI:
		break;
	}
	return 0;
}

/* container.privileged: false for docker-like containers without metadata; else none. */
static int extract_privileged(const struct fnet_eval_ctx *ctx, const struct fnet_field_arg *arg,
			      struct fnet_field_value *out, char *scratch)
{
	(void)arg;
	(void)scratch;
	struct container c;
	if (!ctx->thread)
		return 0;
	container_of(ctx->thread, &c);
	return (c.rt == RT_DOCKER || c.rt == RT_PODMAN) && fnet_value_bool(out, 0);
}

/* Image fields need container metadata, which the trace does not carry: no value. */
static int extract_none(const struct fnet_eval_ctx *ctx, const struct fnet_field_arg *arg,
			struct fnet_field_value *out, char *scratch)
{
	(void)ctx;
	(void)arg;
	(void)out;
	(void)scratch;
	return 0;
}

/*
 * container.start_ts: the start of the pid namespace of a containerised
 * thread (struct fnet_exec_info); none for host threads outside a pid
 * namespace or when unknown.
 */
static int extract_start_ts(const struct fnet_eval_ctx *ctx, const struct fnet_field_arg *arg,
			    struct fnet_field_value *out, char *scratch)
{
	(void)arg;
	(void)scratch;
	const struct fnet_thread *t = ctx->thread;
	struct container c;
	if (!t)
		return 0;
	container_of(t, &c);
	int in_pidns = (t->flags & (1u << 29)) || (t->tid != t->vtid && t->vtid >= 0);
	if ((c.rt == RT_HOST && !in_pidns) || !t->xinfo.pidns_init_start_ts)
		return 0;
	out->u64 = t->xinfo.pidns_init_start_ts;
	return 1;
}

static const struct fnet_field_def container_fields[] = {
	{"container.id", FNET_FIELD_STRING,
	 "container id (12 characters), or 'host' for events outside containers", extract_id,
	 NULL, FNET_ARG_NONE},
	{"container.name", FNET_FIELD_STRING, "container name, or 'host' outside containers",
	 extract_name, NULL, FNET_ARG_NONE},
	{"container.image", FNET_FIELD_STRING,
	 "container image name (e.g. falcosecurity/falco:latest); needs container metadata",
	 extract_none, NULL, FNET_ARG_NONE},
	{"container.image.id", FNET_FIELD_STRING,
	 "container image id (e.g. 6f7e2741b66b); needs container metadata", extract_none, NULL,
	 FNET_ARG_NONE},
	{"container.type", FNET_FIELD_STRING,
	 "container type: docker, podman, lxc, libvirt-lxc, or 'host' outside containers",
	 extract_type, NULL, FNET_ARG_NONE},
	{"container.privileged", FNET_FIELD_STRING,
	 "true for containers running as privileged, false otherwise", extract_privileged,
	 fnet_check_bool, FNET_ARG_NONE},
	{"container.image.repository", FNET_FIELD_STRING,
	 "container image repository (e.g. falcosecurity/falco); needs container metadata",
	 extract_none, NULL, FNET_ARG_NONE},
	{"container.image.tag", FNET_FIELD_STRING,
	 "container image tag (e.g. stable, latest); needs container metadata", extract_none, NULL,
	 FNET_ARG_NONE},
	{"container.image.digest", FNET_FIELD_STRING,
	 "container image registry digest; needs container metadata", extract_none, NULL,
	 FNET_ARG_NONE},
	{"container.mounts", FNET_FIELD_STRING,
	 "mounts of the container, each 'source:dest:mode:rdrw:propagation'; needs container "
	 "metadata",
	 extract_none, NULL, FNET_ARG_NONE},
	{"container.mount.dest", FNET_FIELD_STRING,
	 "destination of one mount, by number (container.mount.dest[0]) or source (a path or "
	 "glob, container.mount.dest[/etc]); needs container metadata",
	 extract_none, NULL, FNET_ARG_ANY},
	{"container.start_ts", FNET_FIELD_UINT64,
	 "container start, ns from the epoch: the start of the thread's pid namespace as the "
	 "kernel reports it; none for host processes",
	 extract_start_ts, NULL, FNET_ARG_NONE},
};

const struct fnet_field_class fnet_fields_container = {
	"container", container_fields, sizeof(container_fields) / sizeof(container_fields[0])};

/*
 * The Kubernetes class (k8s.*): libsinsp reads it from the labels the
 * container runtime gives a pod's containers, which traces do not carry, so
 * its fields have no value (a check on them is false), as for host processes.
 */
static const struct fnet_field_def k8s_fields[] = {
	{"k8s.pod.name", FNET_FIELD_STRING,
	 "Kubernetes pod name of the container; needs container metadata", extract_none, NULL,
	 FNET_ARG_NONE},
	{"k8s.ns.name", FNET_FIELD_STRING,
	 "Kubernetes namespace name of the container's pod; needs container metadata",
	 extract_none, NULL, FNET_ARG_NONE},
};

const struct fnet_field_class fnet_fields_k8s = {"k8s", k8s_fields,
						 sizeof(k8s_fields) / sizeof(k8s_fields[0])};
