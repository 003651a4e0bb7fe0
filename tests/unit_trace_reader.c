/*
 * Trace reader and state on a synthetic trace holding every kind of block the
 * reader must accept: section header, machine info, process lists v2 and v9 (with
 * the libs 0.10 tail), fd list v2, user list v2, an unknown block, and events in
 * v1, v2, v2-with-flags and v2-large blocks.
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

#include "event_params.h"
#include "state.h"
#include "trace_reader.h"

/* --- a minimal block builder, for this test only --- */
struct buf {
	uint8_t d[8192];
	size_t n;
};
static void put(struct buf *b, const void *p, size_t n)
{
	memcpy(b->d + b->n, p, n);
	b->n += n;
}
static void u8(struct buf *b, uint8_t v) { put(b, &v, 1); }
static void u16(struct buf *b, uint16_t v) { put(b, &v, 2); }
static void u32(struct buf *b, uint32_t v) { put(b, &v, 4); }
static void u64(struct buf *b, uint64_t v) { put(b, &v, 8); }
static void str16(struct buf *b, const char *s) { u16(b, (uint16_t)strlen(s)); put(b, s, strlen(s)); }

/* Appends a block of type `t` around `body` (padded to 4 bytes) to `f`. */
static void block(struct buf *f, uint32_t t, const struct buf *body)
{
	size_t pad = (4 - body->n % 4) % 4;
	uint32_t len = (uint32_t)(12 + body->n + pad);
	u32(f, t);
	u32(f, len);
	put(f, body->d, body->n);
	for (size_t i = 0; i < pad; i++)
		u8(f, 0);
	u32(f, len);
}

/* An event record: header, u16 (or u32 if large) lengths, values. */
static void event(struct buf *b, uint64_t ts, uint64_t tid, uint16_t type, int with_nparams,
		  int large, uint32_t n, const uint32_t *lens, const void *const *vals)
{
	uint32_t len = (with_nparams ? 26 : 22) + n * (large ? 4 : 2);
	for (uint32_t i = 0; i < n; i++)
		len += lens[i];
	u64(b, ts);
	u64(b, tid);
	u32(b, len);
	u16(b, type);
	if (with_nparams)
		u32(b, n);
	for (uint32_t i = 0; i < n; i++) {
		if (large)
			u32(b, lens[i]);
		else
			u16(b, (uint16_t)lens[i]);
	}
	for (uint32_t i = 0; i < n; i++)
		put(b, vals[i], lens[i]);
}

static char path[64];
static int notes;

static void write_trace(void)
{
	static struct buf f, b;
	f.n = 0;
	b.n = 0; /* section header, version 1.2 */
	u32(&b, FNET_SHB_MAGIC); u16(&b, 1); u16(&b, 2); u64(&b, UINT64_MAX);
	block(&f, FNET_BLOCK_SHB, &b);

	b.n = 0; /* machine info */
	u32(&b, 4); u64(&b, 1ull << 34); u64(&b, 32768);
	char host[128] = "testhost";
	put(&b, host, 128); u64(&b, 1000); u64(&b, 0); u64(&b, 0); u64(&b, 0);
	block(&f, FNET_BLOCK_MI, &b);

	b.n = 0; /* process list v9: one entry with a length and the 0.10 tail */
	struct buf e = {{0}, 0};
	u64(&e, 100); u64(&e, 100); u64(&e, 1); u64(&e, 100); u64(&e, 100);
	str16(&e, "bash"); str16(&e, "/bin/bash"); str16(&e, "/usr/bin/bash");
	u16(&e, 6); put(&e, "-l\0-i\0", 6);
	str16(&e, "/root"); u64(&e, 1024); u32(&e, 0); u32(&e, 0); u32(&e, 0);
	u32(&e, 1); u32(&e, 2); u32(&e, 3); u64(&e, 4); u64(&e, 5);
	str16(&e, "HOME=/root"); u64(&e, 100); u64(&e, 100); str16(&e, "cpu=/"); str16(&e, "/");
	u64(&e, 777); u32(&e, 34816); u32(&e, 1000); u8(&e, 0);
	u64(&e, 0); u64(&e, 1u << 21); u64(&e, 1u << 7); /* caps: inheritable, permitted, effective */
	/* scap_savefile.c's later fields: exe_upper_layer, exe_ino, its ctime and mtime, exe_from_memfd */
	u8(&e, 0); u64(&e, 242048); u64(&e, 1676262698000004588ull); u64(&e, 1676262698000004577ull);
	u8(&e, 1);
	u32(&b, (uint32_t)(e.n + 4));
	put(&b, e.d, e.n);
	block(&f, FNET_BLOCK_PL_V9, &b);

	b.n = 0; /* process list v2: no sid, exepath, env, cgroups */
	u64(&b, 200); u64(&b, 200); u64(&b, 100);
	str16(&b, "cat"); str16(&b, "cat"); u16(&b, 10); put(&b, "/dev/null", 10);
	str16(&b, "/tmp"); u64(&b, 1024); u32(&b, 0); u32(&b, 1000); u32(&b, 1000);
	u32(&b, 1); u32(&b, 2); u32(&b, 3); u64(&b, 4); u64(&b, 5);
	block(&f, FNET_BLOCK_PL_V2, &b);

	b.n = 0; /* fd list v2 for tid 100: a file and a TCP socket */
	u64(&b, 100);
	e.n = 0;
	u64(&e, 3); u64(&e, 42); u8(&e, FNET_FDR_FILE_V2); u32(&e, 1); str16(&e, "/etc/passwd"); u32(&e, 0x801);
	u32(&b, (uint32_t)(e.n + 4)); put(&b, e.d, e.n);
	e.n = 0;
	u64(&e, 4); u64(&e, 0); u8(&e, FNET_FDR_IPV4_SOCK);
	u8(&e, 127); u8(&e, 0); u8(&e, 0); u8(&e, 1); u8(&e, 10); u8(&e, 0); u8(&e, 0); u8(&e, 2);
	u16(&e, 40000); u16(&e, 80); u8(&e, 2);
	u32(&b, (uint32_t)(e.n + 4)); put(&b, e.d, e.n);
	block(&f, FNET_BLOCK_FDL_V2, &b);

	b.n = 0; /* user list v2: root user, wheel group */
	e.n = 0;
	u8(&e, 0); u32(&e, 0); u32(&e, 0); str16(&e, "root"); str16(&e, "/root"); str16(&e, "/bin/sh");
	u32(&b, (uint32_t)(e.n + 4)); put(&b, e.d, e.n);
	e.n = 0;
	u8(&e, 1); u32(&e, 10); str16(&e, "wheel");
	u32(&b, (uint32_t)(e.n + 4)); put(&b, e.d, e.n);
	block(&f, FNET_BLOCK_UL_V2, &b);

	b.n = 0; /* a block type this reader does not know */
	u32(&b, 0xdeadbeef);
	block(&f, 0x9999, &b);

	int64_t fd3 = 3, res0 = 0;
	uint32_t l8[] = {8};
	const void *vfd3[] = {&fd3}, *vres0[] = {&res0};

	b.n = 0; /* v2 close enter on cpu 1 */
	u16(&b, 1);
	event(&b, 1000000001, 100, FNET_EV_SYSCALL_CLOSE_E, 1, 0, 1, l8, vfd3);
	block(&f, FNET_BLOCK_EV_V2, &b);

	b.n = 0; /* v2-with-flags close exit with only `res` (older, shorter layout) */
	u16(&b, 2); u32(&b, 5);
	event(&b, 1000000002, 100, FNET_EV_SYSCALL_CLOSE_X, 1, 0, 1, l8, vres0);
	block(&f, FNET_BLOCK_EVF_V2, &b);

	b.n = 0; /* v1 close enter: no nparams field */
	u16(&b, 3);
	event(&b, 1000000003, 100, FNET_EV_SYSCALL_CLOSE_E, 0, 0, 1, l8, vfd3);
	block(&f, FNET_BLOCK_EV, &b);

	b.n = 0; /* large-payload plugin event */
	uint32_t pid = 7, llens[] = {4, 5};
	const void *lvals[] = {&pid, "hello"};
	u16(&b, 0);
	event(&b, 1000000004, 0, FNET_EV_PLUGINEVENT_E, 1, 1, 2, llens, lvals);
	block(&f, FNET_BLOCK_EV_V2_LARGE, &b);

	strcpy(path, "/tmp/fnet-unit-XXXXXX");
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, f.d, f.n), (ssize_t)f.n);
	close(fd);
}

static void count_note(void *ctx, uint64_t off, const char *note)
{
	(void)ctx;
	(void)off;
	assert_non_null(strstr(note, "0x9999"));
	notes++;
}

static void test_blocks_and_state(void **unused)
{
	(void)unused;
	write_trace();
	char err[FNET_ERRBUF_SIZE];
	struct fnet_state st;
	fnet_state_init(&st);
	struct fnet_trace_sink sink = fnet_state_sink(&st);
	sink.on_note = count_note;
	struct fnet_trace_reader *r = fnet_trace_open(path, &sink, err);
	assert_non_null(r);
	struct fnet_event ev;

	assert_int_equal(fnet_trace_next(r, &ev, err), 1);
	assert_int_equal(notes, 1);
	assert_string_equal(st.machine.hostname, "testhost");
	assert_int_equal(st.machine.num_cpus, 4);
	struct fnet_thread *bash = fnet_state_thread(&st, 100);
	assert_non_null(bash);
	assert_string_equal(bash->comm.ptr, "bash");
	assert_string_equal(bash->exepath.ptr, "/usr/bin/bash");
	assert_int_equal(bash->args.len, 5); /* "-l\0-i" */
	assert_string_equal(bash->cwd.ptr, "/root/");
	assert_int_equal(bash->loginuid, 1000);
	assert_true(bash->xinfo.pidns_init_start_ts == 777);
	assert_true(bash->xinfo.cap_permitted == 1u << 21 && bash->xinfo.cap_effective == 1u << 7);
	assert_true(bash->xinfo.exe_ino == 242048);
	assert_true(bash->xinfo.exe_ino_ctime == 1676262698000004588ull);
	assert_true(bash->xinfo.exe_ino_mtime == 1676262698000004577ull);
	assert_int_equal(bash->xinfo.exe_from_memfd, 1);
	struct fnet_thread *cat = fnet_state_thread(&st, 200);
	assert_non_null(cat);
	assert_int_equal(cat->ptid, 100);
	assert_int_equal(cat->uid, 1000);
	assert_string_equal(cat->cwd.ptr, "/tmp/");
	assert_string_equal(fnet_thread_fd(bash, 3)->name.ptr, "/etc/passwd");
	assert_string_equal(fnet_thread_fd(bash, 4)->name.ptr, "127.0.0.1:40000->10.0.0.2:80");
	assert_int_equal(fnet_thread_fd(bash, 4)->l4proto, 2);
	assert_string_equal(fnet_state_user(&st, 0)->name.ptr, "root");
	assert_string_equal(fnet_state_group(&st, 10)->name.ptr, "wheel");

	assert_int_equal(ev.num, 1);
	assert_int_equal(ev.type, FNET_EV_SYSCALL_CLOSE_E);
	assert_int_equal(ev.cpu, 1);
	assert_int_equal(ev.nparams, 1);
	assert_int_equal(fnet_event_param_s64(&ev, 0), 3);
	assert_ptr_equal(fnet_state_apply(&st, &ev), bash);

	assert_int_equal(fnet_trace_next(r, &ev, err), 1);
	assert_int_equal(ev.type, FNET_EV_SYSCALL_CLOSE_X);
	assert_int_equal(ev.flags, 5);
	assert_int_equal(ev.nparams, 1); /* fewer than the schema's 2 */
	fnet_state_apply(&st, &ev);
	/* the close takes effect at the next event: fd.name still resolves now */
	assert_non_null(fnet_thread_fd(bash, 3));

	assert_int_equal(fnet_trace_next(r, &ev, err), 1);
	assert_int_equal(ev.ts_ns, 1000000003);
	assert_int_equal(ev.nparams, 1); /* inferred from the v1 lengths */
	assert_int_equal(fnet_event_param_s64(&ev, 0), 3);
	fnet_state_apply(&st, &ev);
	assert_null(fnet_thread_fd(bash, 3));

	assert_int_equal(fnet_trace_next(r, &ev, err), 1);
	assert_int_equal(ev.type, FNET_EV_PLUGINEVENT_E);
	assert_int_equal(ev.nparams, 2);
	assert_int_equal(ev.param_len[1], 5);
	assert_memory_equal(ev.param[1], "hello", 5);

	assert_int_equal(fnet_trace_next(r, &ev, err), 0);
	fnet_trace_close(r);
	fnet_state_free(&st);
	unlink(path);
}

int main(void)
{
	fnet_event_params_init();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_blocks_and_state),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
