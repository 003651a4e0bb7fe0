/*
 * Syscall storm: N one-byte reads from /dev/zero, timed with CLOCK_MONOTONIC.
 * Prints "ns_per_syscall N" so scripts can compare runs with and without a capture.
 * Usage: syscall_storm [COUNT]   (default 2,000,000)
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	long n = argc > 1 ? atol(argv[1]) : 2000000;
	int fd = open("/dev/zero", O_RDONLY);
	if (fd < 0 || n <= 0) {
		perror("syscall_storm: /dev/zero");
		return 1;
	}
	char c;
	struct timespec a, b;
	clock_gettime(CLOCK_MONOTONIC, &a);
	for (long i = 0; i < n; i++)
		if (read(fd, &c, 1) != 1) {
			perror("syscall_storm: read");
			return 1;
		}
	clock_gettime(CLOCK_MONOTONIC, &b);
	double ns = (double)(b.tv_sec - a.tv_sec) * 1e9 + (double)(b.tv_nsec - a.tv_nsec);
	printf("ns_per_syscall %.1f\n", ns / (double)n);
	return 0;
}
