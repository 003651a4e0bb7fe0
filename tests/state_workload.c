/*
 * Workload for tests/filter_live_vs_sysdig.sh: system calls whose effect on the
 * process/fd state sysdig's state engine tracks, run while falconet-capture
 * records. Each step uses the fds it creates (a read or write), so that the
 * events that follow show the state the step left: fd names, types, roles.
 *
 * Usage: state_workload DIR      (DIR: an existing scratch directory)
 *        state_workload --exec-child FD...   (internal: the execve step's child,
 *        which writes to each FD: the last one was close-on-exec, so EBADF)
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

static const char *dir;

static void die(const char *what)
{
	fprintf(stderr, "state_workload: %s: %s\n", what, strerror(errno));
	exit(1);
}

/* DIR/name in a static buffer of the caller's */
static const char *path_in(char *buf, size_t size, const char *name)
{
	snprintf(buf, size, "%s/%s", dir, name);
	return buf;
}

static void touch_fd(int fd)
{
	char c;
	ssize_t n = read(fd, &c, 1); /* a failed read still shows the fd in its events */
	(void)n;
}

/* open/creat, fcntl F_DUPFD and F_DUPFD_CLOEXEC, dup, dup2, dup3 */
static void dups(void)
{
	char p[4096];
	int fd = open(path_in(p, sizeof(p), "dups.txt"), O_CREAT | O_RDWR | O_TRUNC, 0600);
	if (fd < 0)
		die("open dups.txt");
	if (write(fd, "falconet\n", 9) != 9)
		die("write");
	lseek(fd, 0, SEEK_SET);
	int a = fcntl(fd, F_DUPFD, 40);
	int b = fcntl(fd, F_DUPFD_CLOEXEC, 50);
	int c = dup(fd);
	int d = dup2(fd, 60);
	int e = dup3(fd, 61, O_CLOEXEC);
	if (a < 0 || b < 0 || c < 0 || d < 0 || e < 0)
		die("dup");
	int wo = open(path_in(p, sizeof(p), "dups.txt"), O_WRONLY);
	if (wo < 0)
		die("open dups.txt");
	touch_fd(wo); /* fails (EBADF): an error on a known file fd */
	close(wo);
	int all[] = {a, b, c, d, e, fd};
	for (size_t i = 0; i < sizeof(all) / sizeof(all[0]); i++) {
		touch_fd(all[i]);
		close(all[i]);
	}
}

/* openat relative to directory fds: the work directory, and "/" (a sysdig 0.29.3 bug) */
static void dirfds(void)
{
	int d = open(dir, O_RDONLY | O_DIRECTORY);
	int root = open("/", O_RDONLY | O_DIRECTORY);
	if (d < 0 || root < 0)
		die("open directory");
	int a = openat(d, "dups.txt", O_RDONLY);
	int b = openat(root, "etc/hostname", O_RDONLY);
	if (a < 0 || b < 0)
		die("openat");
	touch_fd(a);
	touch_fd(b);
	close(a);
	close(b);
	close(root);
	close(d);
}

/* TCP server and client on 127.0.0.1: bind, listen, connect, accept, send, recv */
static void tcp(void)
{
	int srv = socket(AF_INET, SOCK_STREAM, 0);
	struct sockaddr_in sa = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
	socklen_t sl = sizeof(sa);
	if (srv < 0 || bind(srv, (struct sockaddr *)&sa, sizeof(sa)) < 0 || listen(srv, 4) < 0 ||
	    getsockname(srv, (struct sockaddr *)&sa, &sl) < 0)
		die("tcp server");
	touch_fd(srv); /* fails (ENOTCONN): an error on a bound socket */
	int cli = socket(AF_INET, SOCK_STREAM, 0);
	if (cli < 0 || connect(cli, (struct sockaddr *)&sa, sizeof(sa)) < 0)
		die("tcp connect");
	int conn = accept(srv, NULL, NULL);
	if (conn < 0)
		die("accept");
	char buf[16];
	if (send(cli, "ping", 4, 0) != 4 || recv(conn, buf, sizeof(buf), 0) != 4 ||
	    write(conn, "pong", 4) != 4 || read(cli, buf, sizeof(buf)) != 4)
		die("tcp io");
	close(conn);
	close(cli);
	close(srv);
}

/* UDP: unconnected sendto/recvfrom both ways, then a connected client */
static void udp(void)
{
	int srv = socket(AF_INET, SOCK_DGRAM, 0);
	struct sockaddr_in sa = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
	struct sockaddr_in from;
	socklen_t sl = sizeof(sa), fl = sizeof(from);
	if (srv < 0 || bind(srv, (struct sockaddr *)&sa, sizeof(sa)) < 0 ||
	    getsockname(srv, (struct sockaddr *)&sa, &sl) < 0)
		die("udp server");
	int cli = socket(AF_INET, SOCK_DGRAM, 0);
	char buf[16];
	if (cli < 0 || sendto(cli, "ping", 4, 0, (struct sockaddr *)&sa, sizeof(sa)) != 4 ||
	    recvfrom(srv, buf, sizeof(buf), 0, (struct sockaddr *)&from, &fl) != 4 ||
	    sendto(srv, "pong", 4, 0, (struct sockaddr *)&from, fl) != 4 ||
	    recvfrom(cli, buf, sizeof(buf), 0, NULL, NULL) != 4)
		die("udp io");
	int cc = socket(AF_INET, SOCK_DGRAM, 0);
	if (cc < 0 || connect(cc, (struct sockaddr *)&sa, sizeof(sa)) < 0 ||
	    send(cc, "ping", 4, 0) != 4 || recv(srv, buf, sizeof(buf), 0) != 4)
		die("udp connected");
	close(cc);
	close(cli);
	close(srv);
}

/* unix stream sockets: bind to a path, connect, accept, I/O both ways */
static void unix_sockets(void)
{
	struct sockaddr_un ua = {.sun_family = AF_UNIX};
	char p[4096];
	size_t n = strlen(path_in(p, sizeof(p), "sock"));
	if (n >= sizeof(ua.sun_path)) {
		fprintf(stderr, "state_workload: %s: path too long for a unix socket\n", p);
		exit(1);
	}
	memcpy(ua.sun_path, p, n + 1);
	int srv = socket(AF_UNIX, SOCK_STREAM, 0);
	if (srv < 0 || bind(srv, (struct sockaddr *)&ua, sizeof(ua)) < 0 || listen(srv, 4) < 0)
		die("unix server");
	int cli = socket(AF_UNIX, SOCK_STREAM, 0);
	if (cli < 0 || connect(cli, (struct sockaddr *)&ua, sizeof(ua)) < 0)
		die("unix connect");
	int conn = accept(srv, NULL, NULL);
	char buf[16];
	if (conn < 0 || write(cli, "ping", 4) != 4 || read(conn, buf, sizeof(buf)) != 4 ||
	    write(conn, "pong", 4) != 4 || read(cli, buf, sizeof(buf)) != 4)
		die("unix io");
	close(conn);
	close(cli);
	close(srv);
	unlink(ua.sun_path);
}

static int thread_fd = -1;

static void *thread_main(void *arg)
{
	char p[4096];
	(void)arg;
	int fd = open(path_in(p, sizeof(p), "thread.txt"), O_CREAT | O_WRONLY | O_TRUNC, 0600);
	if (fd >= 0) {
		if (write(fd, "thread\n", 7) < 0)
			(void)0;
		close(fd);
	}
	if (write(thread_fd, "from thread\n", 12) < 0) /* the process's fd, used by a thread */
		(void)0;
	return NULL;
}

/* a thread that opens its own file and writes to one its process opened */
static void threads(void)
{
	char p[4096];
	thread_fd = open(path_in(p, sizeof(p), "shared.txt"), O_CREAT | O_WRONLY | O_TRUNC, 0600);
	if (thread_fd < 0)
		die("open shared.txt");
	pthread_t th;
	if (pthread_create(&th, NULL, thread_main, NULL) != 0 || pthread_join(th, NULL) != 0)
		die("thread");
	if (write(thread_fd, "from main\n", 10) < 0)
		die("write");
	close(thread_fd);
}

/* fork and execve with an inherited fd and a close-on-exec one; the child uses both */
static void exec_inherit(const char *self)
{
	char p[4096];
	int keep = open(path_in(p, sizeof(p), "inherit.txt"), O_CREAT | O_RDWR | O_TRUNC, 0600);
	/* close-on-exec fds: the new program's loader (and a sanitizer's runtime) reuse
	 * the lower numbers for their own files, the child writes to the highest one */
	enum { NCLOEXEC = 10 };
	int cloexec[NCLOEXEC];
	for (int i = 0; i < NCLOEXEC; i++)
		if ((cloexec[i] = open(path_in(p, sizeof(p), "cloexec.txt"),
				       O_CREAT | O_RDWR | O_CLOEXEC, 0600)) < 0)
			die("open cloexec.txt");
	int c2 = cloexec[NCLOEXEC - 1];
	if (keep < 0)
		die("open inherit");
	FILE *note = fopen(path_in(p, sizeof(p), "cloexec.fd"), "w"); /* for the test */
	if (!note || fprintf(note, "%d\n", c2) < 0 || fclose(note) != 0)
		die("cloexec.fd");
	int k2 = dup2(keep, 70); /* a dup'ed fd survives execve too */
	if (k2 < 0)
		die("dup inherit");
	char a1[16], a2[16], a3[16];
	snprintf(a1, sizeof(a1), "%d", keep);
	snprintf(a2, sizeof(a2), "%d", k2);
	snprintf(a3, sizeof(a3), "%d", c2);
	pid_t pid = fork();
	if (pid < 0)
		die("fork");
	if (pid == 0) {
		execl(self, self, "--exec-child", a1, a2, a3, (char *)NULL);
		_exit(127);
	}
	int st;
	waitpid(pid, &st, 0);
	/* a shell redirect and cat, as in a script */
	char cmd[8400];
	snprintf(cmd, sizeof(cmd), "echo redirected > %s/redirect.txt; cat %s/redirect.txt %s/inherit.txt >/dev/null",
		 dir, dir, dir);
	/* the path on the stack: a forked child may not have the page of a string
	 * constant mapped yet, and the probe cannot fault it in (empty filename) */
	char sh[] = "/bin/sh";
	pid = fork();
	if (pid == 0) {
		execl(sh, "sh", "-c", cmd, (char *)NULL);
		_exit(127);
	}
	waitpid(pid, &st, 0);
	close(keep);
	close(k2);
	for (int i = 0; i < NCLOEXEC; i++)
		close(cloexec[i]);
}

static int exec_child(int argc, char **argv)
{
	for (int i = 2; i < argc; i++) {
		int fd = atoi(argv[i]);
		if (write(fd, "child\n", 6) < 0)
			(void)0; /* the close-on-exec fd: EBADF */
	}
	return 0;
}

int main(int argc, char **argv)
{
	if (argc >= 2 && !strcmp(argv[1], "--exec-child"))
		return exec_child(argc, argv);
	if (argc != 2) {
		fprintf(stderr, "usage: state_workload DIR\n");
		return 2;
	}
	dir = argv[1];
	dups();
	dirfds();
	tcp();
	udp();
	unix_sockets();
	threads();
	exec_inherit(argv[0]);
	return 0;
}
