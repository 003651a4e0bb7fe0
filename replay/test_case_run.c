#include "test_case_run.h"

#include "default_rules.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

static char *join(const char *dir, const char *rel)
{
	char *p = NULL;
	if (asprintf(&p, "%s%s%s", dir, dir[0] && dir[strlen(dir) - 1] == '/' ? "" : "/", rel) < 0)
		return NULL;
	return p;
}

char *trun_find(const struct tspec *s, const struct trun_config *cfg, const char *path,
		struct tstr_list *problems)
{
	if (path[0] == '/') {
		if (access(path, F_OK) == 0)
			return strdup(path);
		tstr_list_addf(problems, "missing file '%s'", path);
		return NULL;
	}
	char *p = join(s->dir, path);
	if (!p || access(p, F_OK) == 0)
		goto found;
	for (size_t i = 0; i < cfg->ndata_dirs; i++) {
		char *q = join(cfg->data_dirs[i], path);
		if (!q || access(q, F_OK) == 0) {
			free(p);
			p = q;
			goto found;
		}
		free(q);
	}
	if (cfg->ndata_dirs == 0) {
		tstr_list_addf(problems, "missing file '%s' (%s relative to the spec's directory; "
					 "--test-data DIR names more places to look)", p, path);
	} else {
		size_t len = 0;
		for (size_t i = 0; i < cfg->ndata_dirs; i++)
			len += strlen(cfg->data_dirs[i]) + 2;
		char *dirs = calloc(1, len + 1);
		for (size_t i = 0; dirs && i < cfg->ndata_dirs; i++) {
			if (i)
				strcat(dirs, ", ");
			strcat(dirs, cfg->data_dirs[i]);
		}
		tstr_list_addf(problems, "missing file '%s' (not in the --test-data directories either: %s)",
			       p, dirs ? dirs : "?");
		free(dirs);
	}
	free(p);
	return NULL;
found:
	if (!p)
		tstr_list_add(problems, "out of memory");
	return p;
}

char *trun_output_path(const struct tspec *s, const char *path)
{
	return path[0] == '/' ? strdup(path) : join(s->dir, path);
}

/* Adds "OPT VALUE" for each value; a value that is a file is looked up first. */
static int add_each(const struct tspec *s, const struct trun_config *cfg, struct tstr_list *argv,
		    const char *opt, const struct tstr_list *values, int files, struct tstr_list *problems)
{
	for (size_t i = 0; i < values->n; i++) {
		char *v = files ? trun_find(s, cfg, values->v[i], problems) : NULL;
		/* a missing file stays in the command line the report shows */
		if (!v && !(v = files ? trun_output_path(s, values->v[i]) : strdup(values->v[i])))
			return -1;
		if (tstr_list_add(argv, opt) < 0 || tstr_list_add(argv, v) < 0) {
			free(v);
			return -1;
		}
		free(v);
	}
	return 0;
}

static int add_setting(struct tstr_list *argv, const char *key, enum tbool v)
{
	if (v == TB_UNSET)
		return 0;
	if (tstr_list_add(argv, "-o") < 0)
		return -1;
	return tstr_list_addf(argv, "%s=%s", key, v == TB_TRUE ? "true" : "false");
}

int trun_build_argv(const struct tspec *s, const struct tcase *t, const struct trun_config *cfg,
		    struct trun_result *r, struct tstr_list *problems)
{
	struct tstr_list *a = &r->argv;
	struct tstr_list one = {0};
	int rc = -1;
	if (tstr_list_add(a, "falconet-replay") < 0)
		goto out;
	if (t->validate_files.n) {
		if (add_each(s, cfg, a, "--validate", &t->validate_files, 1, problems) < 0 ||
		    tstr_list_add(a, "-j") < 0)
			goto out;
	} else if (t->trace_file) {
		one.v = (char **)&t->trace_file;
		one.n = 1;
		if (add_each(s, cfg, a, "-r", &one, 1, problems) < 0)
			goto out;
	}
	if (add_each(s, cfg, a, "--rules", &t->rules_files, 1, problems) < 0)
		goto out;
	if (!t->validate_files.n && !t->rules_files.n) {
		/* Falco runs its default rules then; falconet its bundled ones */
		char *def = default_rules_path();
		int bad = !def || tstr_list_add(a, "--rules") < 0 || tstr_list_add(a, def) < 0;
		if (!def)
			tstr_list_add(problems, "no rules file, and falconet's bundled rules are not found "
						"(set FALCONET_RULES_FILE)");
		free(def);
		if (bad)
			goto out;
	}
	if (t->source && (tstr_list_add(a, "--source") < 0 || tstr_list_add(a, t->source) < 0))
		goto out;
	if (t->conf_file) {
		one.v = (char **)&t->conf_file;
		one.n = 1;
		if (add_each(s, cfg, a, "--config", &one, 1, problems) < 0)
			goto out;
	}
	if (t->priority && (tstr_list_add(a, "--min-priority") < 0 || tstr_list_add(a, t->priority) < 0))
		goto out;
	if (t->all_events == TB_TRUE && tstr_list_add(a, "--all-events") < 0)
		goto out;
	if (add_each(s, cfg, a, "--disable-rules", &t->disabled_rules, 0, problems) < 0 ||
	    add_each(s, cfg, a, "--disable-tags", &t->disable_tags, 0, problems) < 0 ||
	    add_each(s, cfg, a, "--run-tags", &t->run_tags, 0, problems) < 0)
		goto out;
	if (add_setting(a, "json_output", t->json_output) < 0 ||
	    add_setting(a, "json_include_output_property", t->json_include_output) < 0 ||
	    add_setting(a, "json_include_tags_property", t->json_include_tags) < 0 ||
	    (t->time_iso_8601 == TB_TRUE && add_setting(a, "time_format_iso_8601", TB_TRUE) < 0))
		goto out;
	rc = 0;
out:
	return rc;
}

/* mkdir -p of the directory part of `path`. */
static int make_parents(char *path)
{
	for (char *p = strchr(path + 1, '/'); p; p = strchr(p + 1, '/')) {
		*p = 0;
		int rc = mkdir(path, 0777);
		int e = errno;
		*p = '/';
		if (rc < 0 && e != EEXIST)
			return -1;
	}
	return 0;
}

void trun_prepare_outputs(const struct tspec *s, const struct tcase *t, struct tstr_list *problems)
{
	for (size_t i = 0; i < t->nstrict; i++) {
		if (strcmp(t->strict[i].actual, "stdout") == 0)
			continue;
		char *p = trun_output_path(s, t->strict[i].actual);
		if (!p) {
			tstr_list_add(problems, "out of memory");
			return;
		}
		if (unlink(p) < 0 && errno != ENOENT)
			tstr_list_addf(problems, "cannot remove '%s' left from an earlier run: %s", p,
				       strerror(errno));
		else if (make_parents(p) < 0)
			tstr_list_addf(problems, "cannot create the directory of '%s': %s", p,
				       strerror(errno));
		free(p);
	}
}

static double now_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The environment of a case: ours, with FALCO_HOSTNAME and TZ set. */
static char **case_environment(void)
{
	size_t n = 0;
	while (environ[n])
		n++;
	char **env = calloc(n + 3, sizeof(*env));
	if (!env)
		return NULL;
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		if (strncmp(environ[i], "FALCO_HOSTNAME=", 15) && strncmp(environ[i], "TZ=", 3))
			env[k++] = environ[i];
	env[k++] = "FALCO_HOSTNAME=test-falco-hostname";
	env[k++] = "TZ=UTC";
	return env;
}

/* Reads what is ready on `fd` into `o`. Returns 1 at end of file, 0 otherwise. */
static int drain(int fd, struct trun_output *o)
{
	char buf[65536];
	ssize_t got = read(fd, buf, sizeof(buf));
	if (got < 0)
		return errno == EINTR || errno == EAGAIN ? 0 : 1;
	if (got == 0)
		return 1;
	size_t keep = (size_t)got;
	if (o->len + keep > TRUN_OUTPUT_MAX) {
		keep = TRUN_OUTPUT_MAX - o->len;
		o->truncated = 1;
	}
	if (keep) {
		char *p = realloc(o->ptr, o->len + keep + 1);
		if (!p) {
			o->truncated = 1;
			return 0;
		}
		o->ptr = p;
		memcpy(o->ptr + o->len, buf, keep);
		o->len += keep;
		o->ptr[o->len] = 0;
	}
	return 0;
}

static void child(const struct trun_config *cfg, char **argv, char **env, int out, int err)
{
	setpgid(0, 0);
	int null = open("/dev/null", O_RDONLY);
	if (null < 0 || dup2(null, 0) < 0 || dup2(out, 1) < 0 || dup2(err, 2) < 0)
		_exit(127);
	execve(cfg->exec_path, argv, env);
	dprintf(2, "falconet-replay --test: cannot run %s: %s\n", cfg->exec_path, strerror(errno));
	_exit(127);
}

int trun_exec(const struct trun_config *cfg, struct trun_result *r, char *err, size_t errsize)
{
	int po[2] = {-1, -1}, pe[2] = {-1, -1};
	char **argv = calloc(r->argv.n + 1, sizeof(*argv));
	char **env = case_environment();
	int rc = -1;
	r->exit_status = -1;
	if (!argv || !env) {
		snprintf(err, errsize, "out of memory");
		goto out;
	}
	memcpy(argv, r->argv.v, r->argv.n * sizeof(*argv));
	if (pipe2(po, O_CLOEXEC) < 0 || pipe2(pe, O_CLOEXEC) < 0) {
		snprintf(err, errsize, "pipe: %s", strerror(errno));
		goto out;
	}
	fflush(NULL);
	double start = now_s();
	pid_t pid = fork();
	if (pid < 0) {
		snprintf(err, errsize, "fork: %s", strerror(errno));
		goto out;
	}
	if (pid == 0)
		child(cfg, argv, env, po[1], pe[1]);
	setpgid(pid, pid); /* also here, so that the kill below cannot miss the group */
	close(po[1]);
	close(pe[1]);
	po[1] = pe[1] = -1;
	struct pollfd fds[2] = {{po[0], POLLIN, 0}, {pe[0], POLLIN, 0}};
	struct trun_output *outs[2] = {&r->out, &r->err};
	int open_fds = 2;
	double deadline = start + cfg->timeout_s;
	while (open_fds) {
		double left = deadline - now_s();
		if (left <= 0) {
			r->timed_out = 1;
			kill(-pid, SIGKILL);
			break;
		}
		int n = poll(fds, 2, left > 1e6 ? 1000000000 : (int)(left * 1000) + 1);
		if (n < 0 && errno != EINTR) {
			kill(-pid, SIGKILL);
			break;
		}
		for (int i = 0; i < 2 && n > 0; i++)
			if (fds[i].fd >= 0 && fds[i].revents && drain(fds[i].fd, outs[i])) {
				close(fds[i].fd);
				fds[i].fd = -1;
				open_fds--;
			}
	}
	int status;
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	r->seconds = now_s() - start;
	if (WIFEXITED(status))
		r->exit_status = WEXITSTATUS(status);
	else if (WIFSIGNALED(status))
		r->signal = WTERMSIG(status);
	for (int i = 0; i < 2; i++)
		if (fds[i].fd >= 0)
			close(fds[i].fd);
	po[0] = pe[0] = -1;
	rc = 0;
out:
	for (int i = 0; i < 2; i++) {
		if (po[i] >= 0)
			close(po[i]);
		if (pe[i] >= 0)
			close(pe[i]);
	}
	free(argv);
	free(env);
	return rc;
}

void trun_result_free(struct trun_result *r)
{
	tstr_list_free(&r->argv);
	free(r->out.ptr);
	free(r->err.ptr);
	memset(r, 0, sizeof(*r));
}
