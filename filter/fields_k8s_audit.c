/*
 * The ka.* field class: Kubernetes audit event fields with the names, the
 * arguments and the values of the k8saudit plugin of falcosecurity/plugins
 * (pkg/k8saudit/fields.go and extract.go, which carried over Falco's former
 * built-in k8s_audit engine). Every field has no value for JSON without an
 * "auditID". Values are strings: a JSON string is its text, any other JSON
 * value its compact JSON text ("201", "true", "{\"k\":\"v\"}"). List fields
 * (extract_list) give one value per element.
 *
 * Where the plugin's behaviour is surprising it is kept, and said so in the
 * description: ka.req.volume.hostpath[P] looks at the first volume only,
 * eff_run_as_user/group read runAsUser/runAsGroup outside securityContext.
 * One difference: ka.sourceips reads the event's sourceIPs (the plugin reads
 * requestObject.rules[].sourceIPs, which audit events never have).
 */
#include <string.h>

#include "fields_common.h"
#include "json_text.h"
#include "k8s_audit_json.h"
#include "hex.h"

#define HALF (FNET_FIELD_SCRATCH_SIZE / 2)

#define ONE_ARGS                                                                                \
	const struct fnet_eval_ctx *ctx, const struct fnet_field_arg *arg,                      \
		struct fnet_field_value *out, char *scratch
#define LIST_ARGS                                                                               \
	const struct fnet_eval_ctx *ctx, const struct fnet_field_arg *arg,                      \
		struct fnet_field_value *vals, size_t max, char *scratch

/* The text form of list field `fn`, for outputs: "(a,b)". */
#define TEXT_OF(fn)                                                                              \
	static int fn##_text(ONE_ARGS)                                                           \
	{                                                                                        \
		return fnet_list_text(fn, ctx, arg, out, scratch);                               \
	}

static size_t cap(size_t max)
{
	return max < FNET_FIELD_LIST_MAX ? max : FNET_FIELD_LIST_MAX;
}

/* ---- values at a key path (the plugin's extractFromKeys) ---- */

static int keys_value(const struct fnet_eval_ctx *ctx, const char *const *keys,
		      struct fnet_field_value *out, char *scratch)
{
	const cJSON *e = ka_event(ctx);
	struct ka_text t = {scratch, 0, FNET_FIELD_SCRATCH_SIZE};
	return e && ka_as_text(ka_get(e, keys), &t, out);
}

/* A list at a key path: each element of the array there (none when it is no array). */
static size_t keys_list(const struct fnet_eval_ctx *ctx, const char *const *keys,
			struct fnet_field_value *vals, size_t max, char *scratch)
{
	const cJSON *e = ka_event(ctx), *v = e ? ka_get(e, keys) : NULL;
	struct ka_text t = {scratch, 0, HALF};
	size_t n = 0;
	if (!cJSON_IsArray(v))
		return 0;
	for (const cJSON *c = v->child; c && n < cap(max); c = c->next)
		ka_as_text(c, &t, &vals[n++]);
	return n;
}

#define KEYS(fn, ...)                                                                            \
	static int fn(ONE_ARGS)                                                                  \
	{                                                                                        \
		static const char *const keys[] = {__VA_ARGS__, NULL};                           \
		(void)arg;                                                                       \
		return keys_value(ctx, keys, out, scratch);                                      \
	}

#define KEYS_LIST(fn, ...)                                                                       \
	static size_t fn(LIST_ARGS)                                                              \
	{                                                                                        \
		static const char *const keys[] = {__VA_ARGS__, NULL};                           \
		(void)arg;                                                                       \
		return keys_list(ctx, keys, vals, max, scratch);                                 \
	}                                                                                        \
	TEXT_OF(fn)

KEYS(x_auditid, "auditID")
KEYS(x_stage, "stage")
KEYS(x_auth_decision, "annotations", "authorization.k8s.io/decision")
KEYS(x_auth_reason, "annotations", "authorization.k8s.io/reason")
KEYS(x_os_decision, "annotations", "authentication.openshift.io/decision")
KEYS(x_os_username, "annotations", "authentication.openshift.io/username")
KEYS(x_vap_failure, "annotations", "validation.policy.admission.k8s.io/validation_failure")
KEYS(x_pod_violations, "annotations", "pod-security.kubernetes.io/audit-violations")
KEYS(x_user_name, "user", "username")
KEYS(x_impuser_name, "impersonatedUser", "username")
KEYS(x_verb, "verb")
KEYS(x_uri, "requestURI")
KEYS(x_target_name, "objectRef", "name")
KEYS(x_target_namespace, "objectRef", "namespace")
KEYS(x_target_resource, "objectRef", "resource")
KEYS(x_target_subresource, "objectRef", "subresource")
KEYS(x_binding_role, "requestObject", "roleRef", "name")
KEYS(x_configmap_obj, "requestObject", "data")
KEYS(x_host_ipc, "requestObject", "spec", "hostIPC")
KEYS(x_host_network, "requestObject", "spec", "hostNetwork")
KEYS(x_host_pid, "requestObject", "spec", "hostPID")
KEYS(x_pod_run_as_user, "requestObject", "spec", "securityContext", "runAsUser")
KEYS(x_pod_run_as_group, "requestObject", "spec", "securityContext", "runAsGroup")
KEYS(x_pod_fs_group, "requestObject", "spec", "securityContext", "fsGroup")
KEYS(x_service_type, "requestObject", "spec", "type")
KEYS(x_resp_name, "responseObject", "metadata", "name")
KEYS(x_response_code, "responseStatus", "code")
KEYS(x_response_reason, "responseStatus", "reason")
KEYS(x_useragent, "userAgent")
KEYS(x_cluster_name, "annotations", "cluster_name")
KEYS_LIST(x_user_groups, "user", "groups")
KEYS_LIST(x_binding_subjects, "requestObject", "subjects")
KEYS_LIST(x_role_rules, "requestObject", "rules")
KEYS_LIST(x_supplemental_groups, "requestObject", "spec", "securityContext", "supplementalGroups")

/* ---- values found by a walk (the plugin's getValuesRecursive) ---- */

/*
 * The strings of a walk; a path missing in one element is skipped when
 * `skip_nil` (arrayAsStringsSkipNil), else the field has no value (arrayAsStrings).
 */
static size_t walk_strings(const struct fnet_eval_ctx *ctx, long index, const char *const *keys,
			   int skip_nil, struct fnet_field_value *vals, size_t max, char *scratch)
{
	const cJSON *e = ka_event(ctx), *found[FNET_FIELD_LIST_MAX];
	size_t nf = 0, n = 0;
	struct ka_text t = {scratch, 0, HALF};
	if (!e || ka_walk(e, index, keys, found, &nf, cap(max)) < 0)
		return 0;
	for (size_t i = 0; i < nf; i++) {
		if (!found[i]) {
			if (!skip_nil)
				return 0;
			continue;
		}
		ka_as_text(found[i], &t, &vals[n++]);
	}
	return n;
}

#define WALK_LIST(fn, skip_nil, ...)                                                             \
	static size_t fn(LIST_ARGS)                                                              \
	{                                                                                        \
		static const char *const keys[] = {__VA_ARGS__, NULL};                           \
		return walk_strings(ctx, ka_index(arg), keys, skip_nil, vals, max, scratch);     \
	}                                                                                        \
	TEXT_OF(fn)

WALK_LIST(x_service_ports, 1, "requestObject", "spec", "ports")
WALK_LIST(x_volumes_hostpath, 1, "requestObject", "spec", "volumes", "hostPath", "path")
WALK_LIST(x_volumes_flexvolume, 1, "requestObject", "spec", "volumes", "flexVolume", "driver")
WALK_LIST(x_sourceips, 1, "sourceIPs", "")

/* The strings in the arrays a walk finds, flattened (the plugin's extractRulesField). */
static size_t rules_field(const struct fnet_eval_ctx *ctx, const struct fnet_field_arg *arg,
			  const char *key, struct fnet_field_value *vals, size_t max, char *scratch)
{
	const char *const keys[] = {"requestObject", "rules", key, NULL};
	const cJSON *e = ka_event(ctx), *found[FNET_FIELD_LIST_MAX];
	size_t nf = 0, n = 0;
	struct ka_text t = {scratch, 0, HALF};
	if (!e || ka_walk(e, ka_index(arg), keys, found, &nf, cap(max)) < 0)
		return 0;
	for (size_t i = 0; i < nf; i++)
		if (cJSON_IsArray(found[i]))
			for (const cJSON *c = found[i]->child; c && n < cap(max); c = c->next)
				ka_as_text(c, &t, &vals[n++]);
	return n;
}

#define RULES_LIST(fn, key)                                                                      \
	static size_t fn(LIST_ARGS)                                                              \
	{                                                                                        \
		return rules_field(ctx, arg, key, vals, max, scratch);                           \
	}                                                                                        \
	TEXT_OF(fn)

RULES_LIST(x_rules_apigroups, "apiGroups")
RULES_LIST(x_rules_nonresource, "nonResourceURLs")
RULES_LIST(x_rules_verbs, "verbs")
RULES_LIST(x_rules_resources, "resources")

/* Every key of each volume but "name" (the plugin's ka.req.pod.volumes.volume_type). */
static size_t x_volume_type(LIST_ARGS)
{
	static const char *const keys[] = {"requestObject", "spec", "volumes", "", NULL};
	const cJSON *e = ka_event(ctx), *found[FNET_FIELD_LIST_MAX];
	size_t nf = 0, n = 0;
	(void)scratch;
	if (!e || ka_walk(e, ka_index(arg), keys, found, &nf, cap(max)) < 0)
		return 0;
	for (size_t i = 0; i < nf; i++)
		if (cJSON_IsObject(found[i]))
			for (const cJSON *c = found[i]->child; c && n < cap(max); c = c->next)
				if (c->string && strcmp(c->string, "name") != 0)
					fnet_value_cstr(&vals[n++], c->string);
	return n;
}
TEXT_OF(x_volume_type)

/* ---- pod containers (containers, initContainers, ephemeralContainers) ---- */

/* Per-container values at requestObject.spec.LIST[*].K1[.K2[.K3]]. */
static size_t container_values(const struct fnet_eval_ctx *ctx, long index, const char *list,
			       const char *k1, const char *k2, const char *k3, int skip_nil,
			       struct fnet_field_value *vals, size_t max, char *scratch)
{
	const char *const keys[] = {"requestObject", "spec", list, k1, k2, k3, NULL};
	return walk_strings(ctx, index, keys, skip_nil, vals, max, scratch);
}

/* The repository part of image names, in place: up to the first ':', then the first '@'. */
static void to_repositories(struct fnet_field_value *vals, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const char *c = memchr(vals[i].str, ':', vals[i].len);
		if (c)
			vals[i].len = (uint32_t)(c - vals[i].str);
		c = memchr(vals[i].str, '@', vals[i].len);
		if (c)
			vals[i].len = (uint32_t)(c - vals[i].str);
	}
}

/* command or args of each container: its strings joined by spaces. */
static size_t container_joined(const struct fnet_eval_ctx *ctx, long index, const char *list,
			       const char *key, struct fnet_field_value *vals, size_t max,
			       char *scratch)
{
	const char *const keys[] = {"requestObject", "spec", list, key, NULL};
	const cJSON *e = ka_event(ctx), *found[FNET_FIELD_LIST_MAX];
	size_t nf = 0, n = 0;
	struct ka_text t = {scratch, 0, HALF};
	if (!e || ka_walk(e, index, keys, found, &nf, cap(max)) < 0)
		return 0;
	for (size_t i = 0; i < nf; i++) {
		if (!found[i])
			continue;
		if (!cJSON_IsArray(found[i]))
			return 0;
		size_t start = t.used;
		for (const cJSON *c = found[i]->child; c; c = c->next) {
			struct fnet_field_value part;
			if (!cJSON_IsString(c))
				return 0;
			if (c != found[i]->child)
				ka_text_value(&t, " ", 1, &part);
			ka_text_value(&t, c->valuestring, strlen(c->valuestring), &part);
		}
		vals[n].str = t.p + start;
		vals[n++].len = (uint32_t)(t.used - start);
	}
	return n;
}

/* runAsUser/runAsGroup of each container, the pod's (else "0") where it has none. */
static size_t container_effective(const struct fnet_eval_ctx *ctx, long index, const char *list,
				  const char *key, struct fnet_field_value *vals, size_t max,
				  char *scratch)
{
	const char *const pod_keys[] = {"requestObject", "spec", key, NULL};
	const char *const keys[] = {"requestObject", "spec", list, key, NULL};
	const cJSON *e = ka_event(ctx), *found[FNET_FIELD_LIST_MAX];
	size_t nf = 0, n = 0;
	struct ka_text t = {scratch, 0, HALF};
	struct fnet_field_value pod = {"0", 1, 0, 0};
	if (!e)
		return 0;
	ka_as_text(ka_get(e, pod_keys), &t, &pod);
	if (ka_walk(e, index, keys, found, &nf, cap(max)) < 0)
		return 0;
	for (size_t i = 0; i < nf; i++)
		if (!ka_as_text(found[i], &t, &vals[n++]))
			vals[n - 1] = pod;
	return n;
}

/* hostPort of each container port, else its containerPort. */
static size_t container_host_ports(const struct fnet_eval_ctx *ctx, long index, const char *list,
				   struct fnet_field_value *vals, size_t max, char *scratch)
{
	const char *const keys[] = {"requestObject", "spec", list, "ports", NULL};
	const cJSON *e = ka_event(ctx), *found[FNET_FIELD_LIST_MAX];
	size_t nf = 0, n = 0;
	struct ka_text t = {scratch, 0, HALF};
	if (!e || ka_walk(e, index, keys, found, &nf, cap(max)) < 0)
		return 0;
	for (size_t i = 0; i < nf; i++) {
		if (!found[i])
			continue;
		if (!cJSON_IsArray(found[i]))
			return 0;
		for (const cJSON *p = found[i]->child; p && n < cap(max); p = p->next) {
			const cJSON *port = fnet_json_get(p, "hostPort");
			if (!port)
				port = fnet_json_get(p, "containerPort");
			if (port)
				ka_as_text(port, &t, &vals[n++]);
		}
	}
	return n;
}

#define CONTAINER_LISTS(tag, L)                                                                  \
	static size_t tag##_name(LIST_ARGS)                                                      \
	{                                                                                        \
		return container_values(ctx, ka_index(arg), L, "name", NULL, NULL, 0, vals, max, \
					scratch);                                                \
	}                                                                                        \
	static size_t tag##_image(LIST_ARGS)                                                     \
	{                                                                                        \
		return container_values(ctx, ka_index(arg), L, "image", NULL, NULL, 0, vals,     \
					max, scratch);                                           \
	}                                                                                        \
	static size_t tag##_repository(LIST_ARGS)                                                \
	{                                                                                        \
		size_t n = tag##_image(ctx, arg, vals, max, scratch);                            \
		to_repositories(vals, n);                                                        \
		return n;                                                                        \
	}                                                                                        \
	static size_t tag##_command(LIST_ARGS)                                                   \
	{                                                                                        \
		return container_joined(ctx, ka_index(arg), L, "command", vals, max, scratch);   \
	}                                                                                        \
	static size_t tag##_args(LIST_ARGS)                                                      \
	{                                                                                        \
		return container_joined(ctx, ka_index(arg), L, "args", vals, max, scratch);      \
	}                                                                                        \
	static size_t tag##_sc(LIST_ARGS, const char *k, const char *k2)                         \
	{                                                                                        \
		return container_values(ctx, ka_index(arg), L, "securityContext", k, k2, 1,      \
					vals, max, scratch);                                     \
	}                                                                                        \
	static size_t tag##_privileged(LIST_ARGS)                                                \
	{                                                                                        \
		return tag##_sc(ctx, arg, vals, max, scratch, "privileged", NULL);               \
	}                                                                                        \
	static size_t tag##_ape(LIST_ARGS)                                                       \
	{                                                                                        \
		return tag##_sc(ctx, arg, vals, max, scratch, "allowPrivilegeEscalation", NULL); \
	}                                                                                        \
	static size_t tag##_rofs(LIST_ARGS)                                                      \
	{                                                                                        \
		return tag##_sc(ctx, arg, vals, max, scratch, "readOnlyRootFilesystem", NULL);   \
	}                                                                                        \
	static size_t tag##_run_as_user(LIST_ARGS)                                               \
	{                                                                                        \
		return tag##_sc(ctx, arg, vals, max, scratch, "runAsUser", NULL);                \
	}                                                                                        \
	static size_t tag##_run_as_group(LIST_ARGS)                                              \
	{                                                                                        \
		return tag##_sc(ctx, arg, vals, max, scratch, "runAsGroup", NULL);               \
	}                                                                                        \
	static size_t tag##_proc_mount(LIST_ARGS)                                                \
	{                                                                                        \
		return tag##_sc(ctx, arg, vals, max, scratch, "procMount", NULL);                \
	}                                                                                        \
	static size_t tag##_add_caps(LIST_ARGS)                                                  \
	{                                                                                        \
		return tag##_sc(ctx, arg, vals, max, scratch, "capabilities", "add");            \
	}                                                                                        \
	static size_t tag##_eff_user(LIST_ARGS)                                                  \
	{                                                                                        \
		return container_effective(ctx, ka_index(arg), L, "runAsUser", vals, max,        \
					   scratch);                                             \
	}                                                                                        \
	static size_t tag##_eff_group(LIST_ARGS)                                                 \
	{                                                                                        \
		return container_effective(ctx, ka_index(arg), L, "runAsGroup", vals, max,       \
					   scratch);                                             \
	}                                                                                        \
	TEXT_OF(tag##_name)                                                                      \
	TEXT_OF(tag##_image)                                                                     \
	TEXT_OF(tag##_repository)                                                                \
	TEXT_OF(tag##_command)                                                                   \
	TEXT_OF(tag##_args)                                                                      \
	TEXT_OF(tag##_privileged)                                                                \
	TEXT_OF(tag##_ape)                                                                       \
	TEXT_OF(tag##_rofs)                                                                      \
	TEXT_OF(tag##_run_as_user)                                                               \
	TEXT_OF(tag##_run_as_group)                                                              \
	TEXT_OF(tag##_proc_mount)                                                                \
	TEXT_OF(tag##_add_caps)                                                                  \
	TEXT_OF(tag##_eff_user)                                                                  \
	TEXT_OF(tag##_eff_group)

#define HOST_PORTS(tag, L)                                                                       \
	static size_t tag##_host_port(LIST_ARGS)                                                 \
	{                                                                                        \
		return container_host_ports(ctx, ka_index(arg), L, vals, max, scratch);          \
	}                                                                                        \
	TEXT_OF(tag##_host_port)

CONTAINER_LISTS(c_main, "containers")
CONTAINER_LISTS(c_init, "initContainers")
CONTAINER_LISTS(c_eph, "ephemeralContainers")
HOST_PORTS(c_main, "containers")
HOST_PORTS(c_init, "initContainers") /* the ephemeral containers have none in the plugin */

/* The deprecated first-container fields. */
static int x_container_image(ONE_ARGS)
{
	struct fnet_field_value vals[1];
	(void)arg;
	if (!container_values(ctx, 0, "containers", "image", NULL, NULL, 0, vals, 1, scratch))
		return 0;
	*out = vals[0];
	return 1;
}

static int x_container_repository(ONE_ARGS)
{
	if (!x_container_image(ctx, arg, out, scratch))
		return 0;
	to_repositories(out, 1);
	return 1;
}

/* "true" when any container has securityContext.privileged true, else "false". */
static int x_container_privileged(ONE_ARGS)
{
	static const char *const keys[] = {"requestObject", "spec",     "containers",
					   "securityContext", "privileged", NULL};
	const cJSON *e = ka_event(ctx), *found[FNET_FIELD_LIST_MAX];
	size_t nf = 0;
	(void)arg;
	(void)scratch;
	if (!e || ka_walk(e, -1, keys, found, &nf, FNET_FIELD_LIST_MAX) < 0)
		return 0;
	for (size_t i = 0; i < nf; i++)
		if (cJSON_IsTrue(found[i]))
			return fnet_value_cstr(out, "true");
	return fnet_value_cstr(out, "false");
}

/* ---- the rest ---- */

/*
 * Go's url.QueryUnescape of s[0, n) into `out` ('+' is a space): its length,
 * or -1 for a bad %-escape. `out` holds n bytes or more.
 */
static long query_unescape(const char *s, size_t n, char *out)
{
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '%') {
			if (i + 2 >= n || fnet_hex_digit(s[i + 1]) < 0 || fnet_hex_digit(s[i + 2]) < 0)
				return -1;
			out[k++] = (char)(fnet_hex_digit(s[i + 1]) * 16 + fnet_hex_digit(s[i + 2]));
			i += 2;
		} else {
			out[k++] = s[i] == '+' ? ' ' : s[i];
		}
	}
	return (long)k;
}

/*
 * ka.uri.param[KEY]: the first value of KEY in the query of the request URI,
 * as Go's url.ParseQuery reads it: pairs split at '&', key and value at the
 * first '=', both unescaped; a ';' or a bad escape anywhere and the field has
 * no value (ParseQuery's error).
 */
static int x_uri_param(ONE_ARGS)
{
	static const char *const keys[] = {"requestURI", NULL};
	const cJSON *e = ka_event(ctx);
	struct ka_text t = {scratch, 0, HALF};
	struct fnet_field_value uri;
	char *key = scratch + HALF;
	int found = 0;
	if (!e || !arg->name || !ka_as_text(ka_get(e, keys), &t, &uri))
		return 0;
	const char *q = memchr(uri.str, '?', uri.len), *end = uri.str + uri.len;
	if (!q)
		return 0;
	const char *hash = memchr(q, '#', (size_t)(end - q));
	if (hash)
		end = hash;
	for (const char *p = q + 1; p < end;) {
		const char *amp = memchr(p, '&', (size_t)(end - p));
		const char *stop = amp ? amp : end;
		size_t n = (size_t)(stop - p);
		if (memchr(p, ';', n) || n >= HALF)
			return 0;
		if (n) {
			const char *eq = memchr(p, '=', n);
			size_t kl = eq ? (size_t)(eq - p) : n;
			long kn = query_unescape(p, kl, key);
			long vn = eq ? query_unescape(eq + 1, (size_t)(stop - eq - 1), scratch + t.used)
				     : 0;
			if (kn < 0 || vn < 0)
				return 0;
			if (!found && (size_t)kn == arg->name_len && memcmp(key, arg->name, (size_t)kn) == 0) {
				out->str = scratch + t.used;
				out->len = (uint32_t)vn;
				t.used += (size_t)vn;
				found = 1;
			}
		}
		p = amp ? amp + 1 : end;
	}
	return found;
}

/* The pod's name, from the response, for requests on a pod itself (no subresource). */
static int x_target_pod_name(ONE_ARGS)
{
	static const char *const res[] = {"objectRef", "resource", NULL};
	static const char *const sub[] = {"objectRef", "subresource", NULL};
	static const char *const name[] = {"responseObject", "metadata", "name", NULL};
	const cJSON *e = ka_event(ctx);
	(void)arg;
	if (!e)
		return 0;
	const cJSON *r = ka_get(e, res), *s = ka_get(e, sub);
	if (!cJSON_IsString(r) || strcmp(r->valuestring, "pods") != 0)
		return 0;
	if (cJSON_IsString(s) && *s->valuestring)
		return 0;
	return keys_value(ctx, name, out, scratch);
}

/*
 * Names of the binding's subjects of `kind`; with `ns`, ServiceAccount
 * subjects as "namespace:name" (those without a namespace left out).
 */
static size_t subject_names(const struct fnet_eval_ctx *ctx, const char *kind, int ns,
			    struct fnet_field_value *vals, size_t max, char *scratch)
{
	static const char *const keys[] = {"requestObject", "subjects", NULL};
	const cJSON *e = ka_event(ctx), *subjects = e ? ka_get(e, keys) : NULL;
	struct ka_text t = {scratch, 0, HALF};
	size_t n = 0;
	if (!cJSON_IsArray(subjects))
		return 0;
	for (const cJSON *s = subjects->child; s && n < cap(max); s = s->next) {
		struct fnet_field_value k, name, space;
		if (!ka_as_text(fnet_json_get(s, "kind"), &t, &k) ||
		    !ka_as_text(fnet_json_get(s, "name"), &t, &name) || k.len != strlen(kind) ||
		    memcmp(k.str, kind, k.len) != 0)
			continue;
		if (!ns) {
			vals[n++] = name;
			continue;
		}
		if (!ka_as_text(fnet_json_get(s, "namespace"), &t, &space))
			continue;
		size_t start = t.used;
		struct fnet_field_value part;
		ka_text_value(&t, space.str, space.len, &part);
		ka_text_value(&t, ":", 1, &part);
		ka_text_value(&t, name.str, name.len, &part);
		vals[n].str = t.p + start;
		vals[n++].len = (uint32_t)(t.used - start);
	}
	return n;
}

#define SUBJECTS(fn, kind, ns)                                                                   \
	static size_t fn(LIST_ARGS)                                                              \
	{                                                                                        \
		(void)arg;                                                                       \
		return subject_names(ctx, kind, ns, vals, max, scratch);                         \
	}                                                                                        \
	TEXT_OF(fn)

SUBJECTS(x_subjects_users, "User", 0)
SUBJECTS(x_subjects_sa, "ServiceAccount", 0)
SUBJECTS(x_subjects_sa_ns, "ServiceAccount", 1)
SUBJECTS(x_subjects_groups, "Group", 0)

/* Deprecated: "true" for every audit event, as the plugin (and the former engine) do. */
static int x_has_name(ONE_ARGS)
{
	(void)arg;
	(void)scratch;
	return ka_event(ctx) && fnet_value_cstr(out, "true");
}

/* "true" when a volume's hostPath is the path, or starts with it when it ends in '*'. */
static int x_volume_hostpath(ONE_ARGS)
{
	static const char *const keys[] = {"requestObject", "spec", "volumes", "hostPath", "path",
					   NULL};
	const cJSON *e = ka_event(ctx), *found[FNET_FIELD_LIST_MAX];
	size_t nf = 0;
	(void)scratch;
	if (!e || !arg->name || !arg->name_len ||
	    ka_walk(e, ka_index(arg), keys, found, &nf, FNET_FIELD_LIST_MAX) < 0)
		return 0;
	int prefix = arg->name[arg->name_len - 1] == '*';
	size_t plen = arg->name_len - (size_t)prefix;
	for (size_t i = 0; i < nf; i++) {
		if (!cJSON_IsString(found[i]))
			continue; /* the plugin compares the paths' text; a path is a string */
		const char *v = found[i]->valuestring;
		size_t len = strlen(v);
		if ((prefix && len >= plen && memcmp(v, arg->name, plen) == 0) ||
		    (len == arg->name_len && memcmp(v, arg->name, len) == 0))
			return fnet_value_cstr(out, "true");
	}
	return fnet_value_cstr(out, "false");
}

/* ---- the tables ---- */

#define ONE(name, fn, desc) {name, FNET_FIELD_STRING, desc, fn, NULL, FNET_ARG_NONE},
#define KEYED(name, fn, desc) {name, FNET_FIELD_STRING, desc, fn, NULL, FNET_ARG_NAME_NEEDED},

static const struct fnet_field_def fields[] = {
	ONE("ka.auditid", x_auditid, "the unique id of the audit event")
	ONE("ka.stage", x_stage, "stage of the request (e.g. RequestReceived, ResponseComplete)")
	ONE("ka.auth.decision", x_auth_decision, "the authorization decision")
	ONE("ka.auth.reason", x_auth_reason, "the authorization reason")
	ONE("ka.auth.openshift.decision", x_os_decision,
	    "the authentication decision of the openshift apiserver extension")
	ONE("ka.validations.admission.policy.failure", x_vap_failure,
	    "the validation failure reason of a Validation Admission Policy")
	ONE("ka.security.pod.violations", x_pod_violations,
	    "the violation reason of the pod security policy")
	ONE("ka.auth.openshift.username", x_os_username,
	    "the user name of the openshift authentication operation")
	ONE("ka.user.name", x_user_name, "the user name performing the request")
	ONE("ka.impuser.name", x_impuser_name, "the impersonated user name")
	ONE("ka.verb", x_verb, "the action being performed")
	ONE("ka.uri", x_uri, "the request URI as sent from client to server")
	KEYED("ka.uri.param", x_uri_param,
	      "the value of a query parameter of the URI (uri=/foo?key=val: ka.uri.param[key] is "
	      "val)")
	ONE("ka.target.name", x_target_name, "the target object name")
	ONE("ka.target.namespace", x_target_namespace, "the target object namespace")
	ONE("ka.target.resource", x_target_resource, "the target object resource")
	ONE("ka.target.subresource", x_target_subresource, "the target object subresource")
	ONE("ka.target.pod.name", x_target_pod_name,
	    "for requests on a pod (no subresource), the pod's name from the response")
	ONE("ka.req.binding.role", x_binding_role, "the role a (cluster) role binding links")
	KEYED("ka.req.binding.subject.has_name", x_has_name,
	      "deprecated: \"true\" for every audit event, as the plugin gives it")
	ONE("ka.req.configmap.name", x_target_name, "for a configmap request, the configmap name")
	ONE("ka.req.configmap.obj", x_configmap_obj,
	    "for a configmap request, the configmap's data as JSON")
	ONE("ka.req.container.image", x_container_image,
	    "deprecated by ka.req.pod.containers.image: the first container's image")
	ONE("ka.req.container.image.repository", x_container_repository,
	    "deprecated by ka.req.pod.containers.image.repository: the first container's "
	    "repository")
	ONE("ka.req.pod.host_ipc", x_host_ipc, "the pod's hostIPC flag")
	ONE("ka.req.pod.host_network", x_host_network, "the pod's hostNetwork flag")
	ONE("ka.req.container.host_network", x_host_network,
	    "deprecated alias of ka.req.pod.host_network")
	ONE("ka.req.pod.host_pid", x_host_pid, "the pod's hostPID flag")
	ONE("ka.req.container.privileged", x_container_privileged,
	    "deprecated by ka.req.pod.containers.privileged: \"true\" when any container is "
	    "privileged, else \"false\"")
	ONE("ka.req.pod.run_as_user", x_pod_run_as_user,
	    "the runAsUser uid of the pod's security context")
	ONE("ka.req.pod.run_as_group", x_pod_run_as_group,
	    "the runAsGroup gid of the pod's security context")
	ONE("ka.req.pod.fs_group", x_pod_fs_group, "the fsGroup gid of the pod's security context")
	ONE("ka.req.service.type", x_service_type, "for a service request, the service type")
	KEYED("ka.req.volume.hostpath", x_volume_hostpath,
	      "deprecated by ka.req.pod.volumes.hostpath: \"true\" when the (first, as the plugin "
	      "reads it) volume's hostPath is the path, or starts with it when it ends in '*'")
	ONE("ka.resp.name", x_resp_name, "the response object name")
	ONE("ka.response.code", x_response_code, "the response code")
	ONE("ka.response.reason", x_response_reason,
	    "the response reason (usually present only for failures)")
	ONE("ka.useragent", x_useragent, "the user agent of the client of the request")
	ONE("ka.cluster.name", x_cluster_name, "the name of the cluster (annotation cluster_name)")
};

const struct fnet_field_class fnet_fields_k8s_audit = {"ka", fields,
						       sizeof(fields) / sizeof(fields[0])};

/*
 * The list fields, written once (X-macro) for the two parallel tables: the
 * field definitions and their list extractors.
 */
#define CONTAINER_LIST_ROWS(X, prefix, tag, label)                                               \
	X(prefix "name", tag##_name, FNET_ARG_INDEX, "the names of the pod's " label)             \
	X(prefix "image", tag##_image, FNET_ARG_INDEX, "the images of the pod's " label)          \
	X(prefix "image.repository", tag##_repository, FNET_ARG_INDEX,                           \
	  "the repository part of the images of the pod's " label " (e.g. falcosecurity/falco)") \
	X(prefix "command", tag##_command, FNET_ARG_INDEX,                                       \
	  "the commands of the pod's " label ", each joined by spaces")                          \
	X(prefix "args", tag##_args, FNET_ARG_INDEX,                                             \
	  "the arguments of the pod's " label ", each joined by spaces")                         \
	X(prefix "privileged", tag##_privileged, FNET_ARG_INDEX,                                 \
	  "the securityContext.privileged flag of the pod's " label " that set it")              \
	X(prefix "allow_privilege_escalation", tag##_ape, FNET_ARG_INDEX,                        \
	  "the securityContext.allowPrivilegeEscalation flag of the pod's " label)               \
	X(prefix "read_only_fs", tag##_rofs, FNET_ARG_INDEX,                                     \
	  "the securityContext.readOnlyRootFilesystem flag of the pod's " label)                 \
	X(prefix "run_as_user", tag##_run_as_user, FNET_ARG_INDEX,                               \
	  "the securityContext.runAsUser uid of the pod's " label)                               \
	X(prefix "eff_run_as_user", tag##_eff_user, FNET_ARG_INDEX,                              \
	  "the uid each of the pod's " label " starts with: its runAsUser, else the pod's, "     \
	  "else 0 (as the plugin reads them, outside securityContext)")                         \
	X(prefix "run_as_group", tag##_run_as_group, FNET_ARG_INDEX,                             \
	  "the securityContext.runAsGroup gid of the pod's " label)                              \
	X(prefix "eff_run_as_group", tag##_eff_group, FNET_ARG_INDEX,                            \
	  "the gid each of the pod's " label " starts with: its runAsGroup, else the pod's, "    \
	  "else 0 (as the plugin reads them, outside securityContext)")                         \
	X(prefix "proc_mount", tag##_proc_mount, FNET_ARG_INDEX,                                 \
	  "the securityContext.procMount type of the pod's " label)                              \
	X(prefix "add_capabilities", tag##_add_caps, FNET_ARG_INDEX,                             \
	  "the capabilities added by the pod's " label " (each container's list as JSON)")

#define LIST_ROWS(X)                                                                             \
	X("ka.user.groups", x_user_groups, FNET_ARG_NONE, "the groups to which the user belongs") \
	X("ka.req.binding.subjects", x_binding_subjects, FNET_ARG_NONE,                          \
	  "the subjects of a (cluster) role binding, each as JSON")                              \
	X("ka.req.binding.subjects.user_names", x_subjects_users, FNET_ARG_NONE,                 \
	  "the names of the binding's User subjects")                                           \
	X("ka.req.binding.subjects.serviceaccount_names", x_subjects_sa, FNET_ARG_NONE,          \
	  "the names of the binding's ServiceAccount subjects")                                 \
	X("ka.req.binding.subjects.serviceaccount_ns_names", x_subjects_sa_ns, FNET_ARG_NONE,    \
	  "the binding's ServiceAccount subjects as namespace:name")                            \
	X("ka.req.binding.subjects.group_names", x_subjects_groups, FNET_ARG_NONE,               \
	  "the names of the binding's Group subjects")                                          \
	CONTAINER_LIST_ROWS(X, "ka.req.pod.containers.", c_main, "containers")                   \
	X("ka.req.pod.containers.host_port", c_main_host_port, FNET_ARG_INDEX,                   \
	  "the hostPort (else containerPort) of every port of the pod's containers")            \
	X("ka.req.role.rules", x_role_rules, FNET_ARG_NONE,                                      \
	  "the rules of a (cluster) role, each as JSON")                                         \
	X("ka.req.role.rules.apiGroups", x_rules_apigroups, FNET_ARG_INDEX,                      \
	  "the api groups of the role's rules")                                                  \
	X("ka.req.role.rules.nonResourceURLs", x_rules_nonresource, FNET_ARG_INDEX,              \
	  "the non-resource URLs of the role's rules")                                           \
	X("ka.req.role.rules.verbs", x_rules_verbs, FNET_ARG_INDEX,                              \
	  "the verbs of the role's rules")                                                       \
	X("ka.req.role.rules.resources", x_rules_resources, FNET_ARG_INDEX,                      \
	  "the resources of the role's rules")                                                   \
	X("ka.req.pod.supplemental_groups", x_supplemental_groups, FNET_ARG_NONE,                \
	  "the supplementalGroups gids of the pod's security context")                          \
	X("ka.req.service.ports", x_service_ports, FNET_ARG_INDEX,                               \
	  "for a service request, the service's ports (the list as one JSON value, as the "     \
	  "plugin gives it)")                                                                    \
	X("ka.req.pod.volumes.hostpath", x_volumes_hostpath, FNET_ARG_INDEX,                     \
	  "the hostPath paths of the pod's volumes")                                             \
	X("ka.req.pod.volumes.flexvolume_driver", x_volumes_flexvolume, FNET_ARG_INDEX,          \
	  "the flexVolume drivers of the pod's volumes")                                         \
	X("ka.req.pod.volumes.volume_type", x_volume_type, FNET_ARG_INDEX,                       \
	  "the volume types of the pod's volumes (every key of a volume but name)")              \
	X("ka.sourceips", x_sourceips, FNET_ARG_INDEX,                                           \
	  "the IP addresses of the client of the request (the event's sourceIPs)")               \
	CONTAINER_LIST_ROWS(X, "ka.req.pod.initContainers.", c_init, "init containers")          \
	X("ka.req.pod.initContainers.host_port", c_init_host_port, FNET_ARG_INDEX,               \
	  "the hostPort (else containerPort) of every port of the pod's init containers")       \
	CONTAINER_LIST_ROWS(X, "ka.req.pod.ephemeralContainers.", c_eph, "ephemeral containers")

#define DEF_ROW(name, fn, mode, desc) {name, FNET_FIELD_STRING, desc, fn##_text, NULL, mode},
#define FN_ROW(name, fn, mode, desc) fn,

static const struct fnet_field_def list_fields[] = {LIST_ROWS(DEF_ROW)};
static const fnet_field_extract_list_fn list_fns[] = {LIST_ROWS(FN_ROW)};

const struct fnet_field_class fnet_fields_k8s_audit_lists = {
	"ka", list_fields, sizeof(list_fields) / sizeof(list_fields[0])};

fnet_field_extract_list_fn fnet_field_list_fn(const struct fnet_field_def *f)
{
	uintptr_t p = (uintptr_t)f, b = (uintptr_t)list_fields;
	if (!f || p < b || p >= b + sizeof(list_fields))
		return NULL;
	return list_fns[(p - b) / sizeof(list_fields[0])];
}
