/*
 * Unit tests of the k8s_audit fields on Falco's real audit events
 * (../shared/testdata/falco/trace_files/k8s_audit): the values the k8saudit and
 * json plugins extract (checked against the events' JSON and the plugins'
 * extract.go / json.go), list-field operators, the per-source field sets, and
 * the audit-log reader's events, warnings and errors.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "audit_event.h"
#include "fields.h"
#include "filter.h"
#include "k8s_audit_reader.h"

static char dir[1024];

/* The first event of trace file `name`; the reader stays open in *r. */
static const struct fnet_audit_event *first_event(const char *name, struct k8s_audit_reader **r)
{
	char path[1200], err[512];
	const struct fnet_audit_event *ev = NULL;
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	*r = k8s_audit_reader_open(path, NULL, err, sizeof(err));
	assert_non_null(*r);
	assert_int_equal(k8s_audit_reader_next(*r, &ev, err, sizeof(err)), 1);
	return ev;
}

/* Field `ref` (with its argument) of `ev` as text, or NULL when it has no value. */
static const char *field(const struct fnet_audit_event *ev, const char *ref)
{
	static char buf[4096];
	const struct fnet_field_def *f;
	struct fnet_field_arg arg;
	char err[256];
	size_t n = strlen(ref);
	/* the filter parses arguments; look the name up in the k8s_audit set */
	size_t name = strcspn(ref, "[");
	f = fnet_field_find_in(FNET_SOURCE_K8S_AUDIT, ref, name);
	assert_non_null(f);
	memset(&arg, 0, sizeof(arg));
	if (name < n) {
		arg.has = 1;
		arg.name = ref + name + 1;
		arg.name_len = (uint32_t)(n - name - 2);
		if (f->arg_mode == FNET_ARG_INDEX) {
			arg.is_index = 1;
			arg.index = atoi(arg.name);
			arg.name = NULL;
			arg.name_len = 0;
		}
	}
	(void)err;
	struct fnet_eval_ctx ctx = {.ev = &ev->ev, .audit = ev};
	return fnet_field_render(f, &arg, &ctx, buf, sizeof(buf)) ? buf : NULL;
}

/* Whether condition `cond` (source k8s_audit) matches `ev`. */
static int matches(const struct fnet_audit_event *ev, const char *cond)
{
	char err[FNET_ERRBUF_SIZE];
	int col;
	struct fnet_filter_opts o = {.source = "k8s_audit"};
	struct fnet_filter *f = fnet_filter_compile_opts(cond, &o, err, &col);
	if (!f)
		fail_msg("'%s' does not compile: %s", cond, err);
	struct fnet_eval_ctx ctx = {.ev = &ev->ev, .audit = ev};
	int m = fnet_filter_match(f, &ctx);
	fnet_filter_free(f);
	return m;
}

static void namespace_event(void **state)
{
	(void)state;
	struct k8s_audit_reader *r;
	const struct fnet_audit_event *ev = first_event("some-user_creates_namespace_foo.json", &r);
	assert_string_equal(field(ev, "ka.user.name"), "some-user");
	assert_string_equal(field(ev, "ka.verb"), "create");
	assert_string_equal(field(ev, "ka.target.resource"), "namespaces");
	assert_string_equal(field(ev, "ka.target.name"), "foo");
	assert_null(field(ev, "ka.target.namespace"));
	assert_string_equal(field(ev, "ka.response.code"), "201"); /* a number, as text */
	assert_string_equal(field(ev, "ka.auth.decision"), "allow");
	assert_string_equal(field(ev, "ka.auth.reason"), "");
	assert_string_equal(field(ev, "ka.stage"), "ResponseComplete");
	assert_string_equal(field(ev, "ka.auditid"), "841d3e6d-90d2-43df-8da4-684738bee3d5");
	assert_string_equal(field(ev, "ka.uri"), "/api/v1/namespaces");
	assert_string_equal(field(ev, "ka.user.groups"), "(system:masters,system:authenticated)");
	assert_string_equal(field(ev, "ka.sourceips"), "(192.168.99.1)");
	assert_string_equal(field(ev, "jevt.value[/user/username]"), "some-user");
	assert_string_equal(field(ev, "json.value[/sourceIPs]"), "[\"192.168.99.1\"]");
	assert_string_equal(field(ev, "jevt.value[/annotations/authorization.k8s.io~1decision]"),
			    "allow");
	assert_null(field(ev, "jevt.value[/a~1~0b]"));
	/* stageTimestamp 2018-10-25T13:58:49.736141Z */
	assert_int_equal(ev->ev.ts_ns, 1540475929736141000ull);
	assert_string_equal(field(ev, "jevt.rawtime"), "1540475929736141000");
	assert_string_equal(field(ev, "evt.time.iso8601"), "2018-10-25T13:58:49.736141000+0000");
	assert_string_equal(field(ev, "evt.source"), "k8s_audit");
	assert_int_equal(ev->ev.num, 1);
	/* list operators: in (all), intersects (one), others on a one-value list */
	assert_true(matches(ev, "ka.user.groups intersects (system:masters)"));
	assert_false(matches(ev, "ka.user.groups in (system:masters)"));
	assert_true(matches(ev, "ka.user.groups in (system:masters, system:authenticated, x)"));
	assert_true(matches(ev, "ka.sourceips = 192.168.99.1"));
	assert_false(matches(ev, "ka.user.groups = system:masters"));
	assert_true(matches(ev, "ka.user.groups exists and not ka.req.pod.containers.image exists"));
	assert_true(matches(ev, "ka.user.name startswith some and ka.response.code startswith 2"));
	assert_true(matches(ev, "jevt.value[/stage] = ResponseComplete"));
	k8s_audit_reader_close(r);
}

static void pod_events(void **state)
{
	(void)state;
	struct k8s_audit_reader *r;
	const struct fnet_audit_event *ev =
		first_event("create_nginx_pod_privileged_2nd_container.json", &r);
	assert_string_equal(field(ev, "ka.req.pod.containers.image"), "(nginx,mysql:latest)");
	assert_string_equal(field(ev, "ka.req.pod.containers.image.repository"), "(nginx,mysql)");
	assert_string_equal(field(ev, "ka.req.pod.containers.image[1]"), "(mysql:latest)");
	assert_string_equal(field(ev, "ka.req.container.image"), "nginx");
	assert_string_equal(field(ev, "ka.req.pod.containers.privileged"), "(false,true)");
	assert_string_equal(field(ev, "ka.req.container.privileged"), "true");
	assert_true(matches(ev, "ka.req.pod.containers.privileged intersects (true)"));
	assert_false(matches(ev, "ka.req.pod.containers.image.repository in (nginx)"));
	assert_true(matches(ev, "ka.req.pod.containers.image.repository in (nginx, mysql)"));
	k8s_audit_reader_close(r);

	ev = first_event("create_nginx_pod_sensitive_mount_2nd_container.json", &r);
	assert_string_equal(field(ev, "ka.req.pod.volumes.hostpath"), "(/etc)");
	assert_string_equal(field(ev, "ka.req.volume.hostpath[/etc]"), "true");
	assert_string_equal(field(ev, "ka.req.volume.hostpath[/et*]"), "true");
	assert_string_equal(field(ev, "ka.req.volume.hostpath[/proc*]"), "false");
	assert_string_equal(field(ev, "ka.req.pod.volumes.volume_type"), "(hostPath)");
	k8s_audit_reader_close(r);

	ev = first_event("exec_pod.json", &r);
	assert_string_equal(field(ev, "ka.uri.param[command]"), "bash");
	assert_string_equal(field(ev, "ka.uri.param[container]"), "nginx1");
	assert_null(field(ev, "ka.uri.param[nothere]"));
	assert_string_equal(field(ev, "ka.target.subresource"), "exec");
	k8s_audit_reader_close(r);
}

static void rbac_events(void **state)
{
	(void)state;
	struct k8s_audit_reader *r;
	const struct fnet_audit_event *ev = first_event("attach_cluster_admin_role.json", &r);
	assert_string_equal(field(ev, "ka.req.binding.role"), "cluster-admin");
	assert_string_equal(field(ev, "ka.req.binding.subjects.user_names"), "(minikube)");
	assert_null(field(ev, "ka.req.binding.subjects.group_names"));
	assert_string_equal(field(ev, "ka.req.binding.subject.has_name[cluster-admin]"), "true");
	assert_true(matches(ev, "ka.req.binding.subjects contains minikube"));
	k8s_audit_reader_close(r);

	ev = first_event("create_cluster_role_wildcard_resources.json", &r);
	assert_string_equal(field(ev, "ka.req.role.rules.resources"), "(*)");
	assert_string_equal(field(ev, "ka.req.role.rules.verbs"), "(get,list,get)");
	assert_string_equal(field(ev, "ka.req.role.rules.apiGroups"), "()");
	assert_true(matches(ev, "ka.req.role.rules.resources intersects (\"*\")"));
	assert_true(matches(ev, "ka.req.role.rules.resources contains \"*\""));
	k8s_audit_reader_close(r);

	ev = first_event("create_nginx_service_nodeport.json", &r);
	assert_string_equal(field(ev, "ka.req.service.type"), "NodePort");
	assert_string_equal(field(ev, "ka.req.service.ports"),
			    "([{\"nodePort\":30080,\"port\":80,\"protocol\":\"TCP\",\"targetPort\":80}])");
	k8s_audit_reader_close(r);
}

/* --list-fields lists the audit fields after the system call ones, with their source. */
static void listed_fields(void **state)
{
	(void)state;
	char *text = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&text, &len);
	assert_non_null(mem);
	fnet_fields_list(mem, 1);
	fclose(mem);
	const char *ka = strstr(text, "\"name\":\t\"ka.user.name\"");
	const char *pn = strstr(text, "\"name\":\t\"proc.name\"");
	assert_non_null(ka);
	assert_non_null(pn);
	assert_true(pn < ka);
	const char *src = strstr(ka, "\"source\":\t\"");
	assert_non_null(src);
	assert_memory_equal(src + strlen("\"source\":\t\""), "k8s_audit\"", 10);
	free(text);
}

static void field_sets(void **state)
{
	(void)state;
	char err[FNET_ERRBUF_SIZE];
	int col;
	struct fnet_filter_opts k8s = {.source = "k8s_audit"}, bad = {.source = "nope"};
	/* each source its own fields */
	assert_null(fnet_filter_compile_opts("proc.name = cat", &k8s, err, &col));
	assert_non_null(strstr(err, "unknown field 'proc.name'"));
	assert_null(fnet_filter_compile_opts("ka.verb = get", NULL, err, &col));
	assert_null(fnet_filter_compile_opts("ka.verb = get", &bad, err, &col));
	assert_non_null(strstr(err, "unknown event source"));
	assert_null(fnet_filter_compile_opts("ka.user.nam = x", &k8s, err, &col));
	assert_non_null(strstr(err, "did you mean 'ka.user.name'"));
	/* list fields: no transformers, no field on the right */
	assert_null(fnet_filter_compile_opts("toupper(ka.user.groups) = X", &k8s, err, &col));
	assert_null(fnet_filter_compile_opts("ka.user.groups = val(ka.verb)", &k8s, err, &col));
	struct fnet_filter *f = fnet_filter_compile_opts("evt.num = 1 and ka.verb = get", &k8s, err,
							 &col);
	assert_non_null(f);
	fnet_filter_free(f);
}

/* Writes `text` to a temporary file; its path in `path`. */
static void temp_file(char *path, size_t size, const char *text)
{
	snprintf(path, size, "/tmp/unit_k8s_audit.XXXXXX");
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	close(fd);
}

static void reader(void **state)
{
	(void)state;
	char path[64], err[512];
	const struct fnet_audit_event *ev;
	/* an EventList and an Event on two lines, a value that is no event, then bad JSON */
	temp_file(path, sizeof(path),
		  "{\"kind\":\"EventList\",\"items\":[{\"kind\":\"Event\",\"auditID\":\"a\","
		  "\"stageTimestamp\":\"2020-01-01T00:00:01Z\"},{\"kind\":\"Event\",\"auditID\":\"b\","
		  "\"stageTimestamp\":\"2020-01-01T01:00:00.5+01:00\"}]}\n"
		  "{\"kind\": 0}\n"
		  "[{\"kind\":\"Event\",\"auditID\":\"c\",\"stageTimestamp\":\"2020-01-01T00:00:02Z\"}]\n"
		  "  {\"kind\":\"Event\",\n  \"auditID\": tru }\n");
	FILE *warn = tmpfile();
	struct k8s_audit_reader *r = k8s_audit_reader_open(path, warn, err, sizeof(err));
	assert_non_null(r);
	const char *want[] = {"a", "b", "c"};
	const unsigned long long ts[] = {1577836801000000000ull, 1577836800500000000ull,
					 1577836802000000000ull};
	for (int i = 0; i < 3; i++) {
		assert_int_equal(k8s_audit_reader_next(r, &ev, err, sizeof(err)), 1);
		assert_string_equal(field(ev, "ka.auditid"), want[i]);
		assert_int_equal(ev->ev.ts_ns, ts[i]);
		assert_int_equal(ev->ev.num, i + 1);
	}
	assert_int_equal(k8s_audit_reader_next(r, &ev, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "line 5, column 14 (byte "));
	k8s_audit_reader_close(r);
	char text[512] = "";
	rewind(warn);
	size_t n = fread(text, 1, sizeof(text) - 1, warn);
	text[n] = 0;
	fclose(warn);
	assert_non_null(strstr(text, "line 2, column 1: data not recognized as a k8s audit event"));
	unlink(path);

	unsigned long long ns;
	assert_int_equal(k8s_audit_parse_time("2018-10-25T13:58:49.736141Z", &ns), 0);
	assert_int_equal(ns, 1540475929736141000ull);
	assert_int_equal(k8s_audit_parse_time("2018-10-25 13:58:49Z", &ns), -1);
	assert_int_equal(k8s_audit_parse_time("2018-10-25T13:58:49", &ns), -1);
	assert_int_equal(k8s_audit_input_is_json(path), 0); /* removed */
}

int main(void)
{
	const char *shared = getenv("SHARED_TESTDATA");
	snprintf(dir, sizeof(dir), "%s/falco/trace_files/k8s_audit",
		 shared ? shared : "../shared/testdata");
	if (access(dir, R_OK) != 0) {
		printf("SKIP: %s not found\n", dir);
		return 77;
	}
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(namespace_event), cmocka_unit_test(pod_events),
		cmocka_unit_test(rbac_events),     cmocka_unit_test(field_sets),
		cmocka_unit_test(reader),        cmocka_unit_test(listed_fields),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
