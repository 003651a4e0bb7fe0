#include "trace_reader.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "block_cursor.h"

/* Blocks above this are refused as corrupt: large-payload events are the only
 * legitimately big blocks and the drivers cap those well below it. */
#define MAX_BLOCK_BYTES (256u * 1024 * 1024)

struct fnet_trace_reader {
	struct fnet_byte_stream *in;
	struct fnet_trace_sink sink;
	uint8_t *buf;
	size_t buf_size;
	uint64_t events_read;
	/* a block header read ahead by fnet_trace_open */
	int have_pending;
	uint32_t pending_type, pending_len;
	uint64_t pending_offset;
};

static void set_err(char *err, uint64_t offset, const char *msg)
{
	char tmp[FNET_ERRBUF_SIZE];
	snprintf(tmp, sizeof(tmp), "%s", msg); /* msg may alias err */
	snprintf(err, FNET_ERRBUF_SIZE, "offset %" PRIu64 ": %.460s", offset, tmp);
}

static int is_event_block(uint32_t t)
{
	return t == FNET_BLOCK_EV || t == FNET_BLOCK_EV_INT || t == FNET_BLOCK_EV_V2 ||
	       t == FNET_BLOCK_EV_V2_LARGE || t == FNET_BLOCK_EVF || t == FNET_BLOCK_EVF_V2 ||
	       t == FNET_BLOCK_EVF_V2_LARGE;
}

/* The input ended inside a block (a -1 with the reason set, told apart so that
 * an interrupted compressed capture can end on a note instead). */
#define CUT_SHORT (-2)

/*
 * Reads one block header. Returns 1, 0 at a clean end of input, -1 on error,
 * CUT_SHORT when the input ends inside the header.
 */
static int read_block_header(struct fnet_trace_reader *r, uint32_t *type, uint32_t *len,
			     uint64_t *offset, char *err)
{
	uint8_t h[8];
	char msg[FNET_ERRBUF_SIZE];
	*offset = fnet_byte_stream_offset(r->in);
	long n = fnet_byte_stream_read(r->in, h, sizeof(h), msg);
	if (n < 0) {
		set_err(err, *offset, msg);
		return -1;
	}
	if (n == 0)
		return 0;
	if (n < (long)sizeof(h)) {
		set_err(err, *offset, "truncated block header");
		return CUT_SHORT;
	}
	*type = fnet_get_u32(h);
	*len = fnet_get_u32(h + 4);
	if (*offset == 0 && *type != FNET_BLOCK_SHB) {
		/* a second compression layer (gzip or zstd inside the one removed) is a common slip */
		const char *hint =
			h[0] == 0x1f && h[1] == 0x8b ? " (the data is gzip: a second compression layer?)"
			: fnet_get_u32(h) == 0xFD2FB528u ? " (the data is zstd: a second compression layer?)"
							  : "";
		snprintf(msg, sizeof(msg),
			 "not a scap trace: first block type 0x%08x is not a section header%s", *type,
			 hint);
		set_err(err, 0, msg);
		return -1;
	}
	if (*len < 12) {
		snprintf(msg, sizeof(msg), "block length %u is below the 12-byte minimum", *len);
		set_err(err, *offset, msg);
		return -1;
	}
	if (*len > MAX_BLOCK_BYTES) {
		snprintf(msg, sizeof(msg), "block length %u exceeds the %u-byte limit", *len,
			 MAX_BLOCK_BYTES);
		set_err(err, *offset, msg);
		return -1;
	}
	return 1;
}

/* Reads the body and trailer of a block whose header was read; body in r->buf.
 * Returns 0, -1 on error, CUT_SHORT when the input ends inside the block. */
static int read_block_body(struct fnet_trace_reader *r, uint32_t len, uint64_t offset, char *err)
{
	char msg[FNET_ERRBUF_SIZE];
	size_t need = len - 8;
	if (need > r->buf_size) {
		uint8_t *nb = realloc(r->buf, need);
		if (!nb) {
			set_err(err, offset, "out of memory for block");
			return -1;
		}
		r->buf = nb;
		r->buf_size = need;
	}
	long n = fnet_byte_stream_read(r->in, r->buf, need, msg);
	if (n < 0) {
		set_err(err, offset, msg);
		return -1;
	}
	if ((size_t)n < need) {
		snprintf(msg, sizeof(msg), "truncated block: length %u but only %ld bytes follow", len,
			 n + 8);
		set_err(err, offset, msg);
		return CUT_SHORT;
	}
	uint32_t trailer = fnet_get_u32(r->buf + need - 4);
	if (trailer != len) {
		snprintf(msg, sizeof(msg), "block trailer length %u differs from header length %u",
			 trailer, len);
		set_err(err, offset, msg);
		return -1;
	}
	return 0;
}

static int parse_shb(const uint8_t *body, size_t n, uint64_t offset, char *err)
{
	char msg[FNET_ERRBUF_SIZE];
	if (n < 16) {
		set_err(err, offset, "section header block too short");
		return -1;
	}
	uint32_t magic = fnet_get_u32(body);
	if (magic == 0x4D3C2B1A) {
		set_err(err, offset, "big-endian trace files are not supported");
		return -1;
	}
	if (magic != FNET_SHB_MAGIC) {
		snprintf(msg, sizeof(msg), "bad byte-order magic 0x%08x in section header", magic);
		set_err(err, offset, msg);
		return -1;
	}
	uint16_t major = fnet_get_u16(body + 4);
	if (major != FNET_SHB_MAJOR) {
		snprintf(msg, sizeof(msg), "unsupported scap format version %u.%u", major,
			 fnet_get_u16(body + 6));
		set_err(err, offset, msg);
		return -1;
	}
	return 0;
}

static int parse_machine(struct fnet_trace_reader *r, struct fnet_cursor *c)
{
	struct fnet_machine_record m;
	memset(&m, 0, sizeof(m));
	m.num_cpus = fnet_cursor_u32(c);
	m.memory_bytes = fnet_cursor_u64(c);
	m.max_pid = fnet_cursor_u64(c);
	const uint8_t *h = fnet_cursor_bytes(c, 128);
	if (h) {
		memcpy(m.hostname, h, 128);
		m.hostname[128] = 0;
	}
	m.boot_ts_ns = fnet_cursor_u64(c);
	m.flags = fnet_cursor_u64(c);
	if (c->failed)
		return -1;
	return r->sink.on_machine ? r->sink.on_machine(r->sink.ctx, &m) : 0;
}

static int pl_version(uint32_t t)
{
	switch (t) {
	case FNET_BLOCK_PL_V1:
	case FNET_BLOCK_PL_V1_INT:
		return 1;
	case FNET_BLOCK_PL_V2:
	case FNET_BLOCK_PL_V2_INT:
		return 2;
	case FNET_BLOCK_PL_V3:
	case FNET_BLOCK_PL_V3_INT:
		return 3;
	case FNET_BLOCK_PL_V4:
		return 4;
	case FNET_BLOCK_PL_V5:
		return 5;
	case FNET_BLOCK_PL_V6:
		return 6;
	case FNET_BLOCK_PL_V7:
		return 7;
	case FNET_BLOCK_PL_V8:
		return 8;
	case FNET_BLOCK_PL_V9:
		return 9;
	default:
		return 0;
	}
}

/* One process list entry; fields appear by block version (scap_savefile.c). */
static int parse_thread(struct fnet_trace_reader *r, struct fnet_cursor *c, int v)
{
	struct fnet_thread_record t;
	memset(&t, 0, sizeof(t));
	t.sid = t.vpgid = t.pgid = t.vtid = t.vpid = -1;
	t.loginuid = UINT32_MAX;
	uint32_t entry_len = 0;
	size_t start = c->pos;
	if (v >= 9)
		entry_len = fnet_cursor_u32(c);
	t.tid = (int64_t)fnet_cursor_u64(c);
	t.pid = (int64_t)fnet_cursor_u64(c);
	t.ptid = (int64_t)fnet_cursor_u64(c);
	if (v >= 6)
		t.sid = (int64_t)fnet_cursor_u64(c);
	if (v >= 8)
		t.vpgid = (int64_t)fnet_cursor_u64(c);
	fnet_cursor_str16(c, &t.comm.ptr, &t.comm.len);
	fnet_cursor_str16(c, &t.exe.ptr, &t.exe.len);
	if (v >= 7)
		fnet_cursor_str16(c, &t.exepath.ptr, &t.exepath.len);
	fnet_cursor_str16(c, &t.args.ptr, &t.args.len);
	fnet_cursor_str16(c, &t.cwd.ptr, &t.cwd.len);
	t.fdlimit = fnet_cursor_u64(c);
	t.flags = fnet_cursor_u32(c);
	t.uid = fnet_cursor_u32(c);
	t.gid = fnet_cursor_u32(c);
	if (v >= 2) {
		t.vmsize_kb = fnet_cursor_u32(c);
		t.vmrss_kb = fnet_cursor_u32(c);
		t.vmswap_kb = fnet_cursor_u32(c);
		t.pfmajor = fnet_cursor_u64(c);
		t.pfminor = fnet_cursor_u64(c);
	}
	if (v >= 3)
		fnet_cursor_str16(c, &t.env.ptr, &t.env.len);
	if (v >= 4) {
		t.vtid = (int64_t)fnet_cursor_u64(c);
		t.vpid = (int64_t)fnet_cursor_u64(c);
		fnet_cursor_str16(c, &t.cgroups.ptr, &t.cgroups.len);
	}
	if (v >= 5)
		fnet_cursor_str16(c, &t.root.ptr, &t.root.len);
	if (c->failed)
		return -1;
	if (entry_len) {
		/* Versioned tail: later libs appended fields, some (pidns start, tty) in the
		 * middle; files from before that carry at most 29 bytes here. */
		size_t used = c->pos - start;
		if (used > entry_len)
			return -1;
		size_t end = start + entry_len;
		struct fnet_cursor tail = *c;
		tail.end = end < c->end ? end : c->end;
		if (entry_len - used > 29) {
			t.pidns_init_start_ts_ns = fnet_cursor_u64(&tail);
			t.tty = fnet_cursor_u32(&tail);
		}
		if (tail.end - tail.pos >= 4)
			t.loginuid = fnet_cursor_u32(&tail);
		if (end > c->end)
			return -1;
		c->pos = end;
	}
	return r->sink.on_thread ? r->sink.on_thread(r->sink.ctx, &t) : 0;
}

static int parse_fd(struct fnet_trace_reader *r, struct fnet_cursor *c, int64_t tid, int v2)
{
	struct fnet_fd_record f;
	memset(&f, 0, sizeof(f));
	size_t start = c->pos;
	uint32_t entry_len = v2 ? fnet_cursor_u32(c) : 0;
	f.fd = (int64_t)fnet_cursor_u64(c);
	f.ino = fnet_cursor_u64(c);
	f.type = fnet_cursor_u8(c);
	const uint8_t *p;
	switch (f.type) {
	case FNET_FDR_IPV4_SOCK:
		if ((p = fnet_cursor_bytes(c, 4)))
			memcpy(f.sip, p, 4);
		if ((p = fnet_cursor_bytes(c, 4)))
			memcpy(f.dip, p, 4);
		f.sport = fnet_cursor_u16(c);
		f.dport = fnet_cursor_u16(c);
		f.l4proto = fnet_cursor_u8(c);
		break;
	case FNET_FDR_IPV4_SERVSOCK:
		if ((p = fnet_cursor_bytes(c, 4)))
			memcpy(f.sip, p, 4);
		f.sport = fnet_cursor_u16(c);
		f.l4proto = fnet_cursor_u8(c);
		break;
	case FNET_FDR_IPV6_SOCK:
		if ((p = fnet_cursor_bytes(c, 16)))
			memcpy(f.sip, p, 16);
		if ((p = fnet_cursor_bytes(c, 16)))
			memcpy(f.dip, p, 16);
		f.sport = fnet_cursor_u16(c);
		f.dport = fnet_cursor_u16(c);
		f.l4proto = fnet_cursor_u8(c);
		break;
	case FNET_FDR_IPV6_SERVSOCK:
		if ((p = fnet_cursor_bytes(c, 16)))
			memcpy(f.sip, p, 16);
		f.sport = fnet_cursor_u16(c);
		f.l4proto = fnet_cursor_u8(c);
		break;
	case FNET_FDR_UNIX_SOCK:
		f.unix_src = fnet_cursor_u64(c);
		f.unix_dst = fnet_cursor_u64(c);
		fnet_cursor_str16(c, &f.name.ptr, &f.name.len);
		break;
	case FNET_FDR_FILE_V2:
		f.open_flags = fnet_cursor_u32(c);
		fnet_cursor_str16(c, &f.name.ptr, &f.name.len);
		if (entry_len && c->pos - start + 4 <= entry_len)
			f.dev = fnet_cursor_u32(c);
		break;
	case FNET_FDR_UNKNOWN:
		break;
	default:
		if (f.type > FNET_FDR_PIDFD) {
			/* a type from a newer writer: keep the fd, unnamed */
			f.type = FNET_FDR_UNSUPPORTED;
			break;
		}
		fnet_cursor_str16(c, &f.name.ptr, &f.name.len);
		break;
	}
	if (c->failed)
		return -1;
	if (entry_len) {
		if (c->pos - start > entry_len || start + entry_len > c->end)
			return -1;
		c->pos = start + entry_len;
	}
	return r->sink.on_fd ? r->sink.on_fd(r->sink.ctx, tid, &f) : 0;
}

static int parse_user_entry(struct fnet_trace_reader *r, struct fnet_cursor *c, int v2)
{
	size_t start = c->pos;
	uint32_t entry_len = v2 ? fnet_cursor_u32(c) : 0;
	uint8_t kind = fnet_cursor_u8(c);
	int rc = 0;
	if (kind == 0) { /* user */
		struct fnet_user_record u;
		memset(&u, 0, sizeof(u));
		u.uid = fnet_cursor_u32(c);
		u.gid = fnet_cursor_u32(c);
		fnet_cursor_str16(c, &u.name.ptr, &u.name.len);
		fnet_cursor_str16(c, &u.homedir.ptr, &u.homedir.len);
		fnet_cursor_str16(c, &u.shell.ptr, &u.shell.len);
		if (c->failed)
			return -1;
		if (r->sink.on_user)
			rc = r->sink.on_user(r->sink.ctx, &u);
	} else {
		struct fnet_group_record g;
		memset(&g, 0, sizeof(g));
		g.gid = fnet_cursor_u32(c);
		fnet_cursor_str16(c, &g.name.ptr, &g.name.len);
		if (c->failed)
			return -1;
		if (r->sink.on_group)
			rc = r->sink.on_group(r->sink.ctx, &g);
	}
	if (entry_len) {
		if (c->pos - start > entry_len || start + entry_len > c->end)
			return -1;
		c->pos = start + entry_len;
	}
	return rc;
}

/* Interface list: validated for shape only; addresses are not used yet. */
static int parse_iflist(struct fnet_cursor *c, int v2)
{
	while (fnet_cursor_left(c) >= 4) {
		size_t start = c->pos;
		uint32_t entry_len = v2 ? fnet_cursor_u32(c) + 4 : 0;
		uint16_t kind = fnet_cursor_u16(c);
		uint16_t namelen = fnet_cursor_u16(c);
		size_t body;
		switch (kind) {
		case 1: body = 12 + 8; break;       /* IPv4: addr, netmask, bcast, linkspeed */
		case 2: body = 48 + 8; break;       /* IPv6 */
		case 3: body = 12; break;           /* IPv4 without linkspeed */
		case 4: body = 48; break;           /* IPv6 without linkspeed */
		default: return -1;
		}
		if (!fnet_cursor_bytes(c, body + namelen))
			return -1;
		if (entry_len) {
			if (start + entry_len > c->end || c->pos - start > entry_len)
				return -1;
			c->pos = start + entry_len;
		}
	}
	return c->failed ? -1 : 0;
}

/* Dispatches one metadata block; the body (without the trailer) is in r->buf. */
static int parse_metadata(struct fnet_trace_reader *r, uint32_t type, uint32_t len,
			  uint64_t offset, char *err)
{
	struct fnet_cursor c;
	fnet_cursor_init(&c, r->buf, len - 12);
	char msg[FNET_ERRBUF_SIZE];
	int rc = 0;
	const char *what = NULL;
	int plv = pl_version(type);
	if (plv) {
		what = "process list";
		while (rc == 0 && fnet_cursor_left(&c) >= 4)
			rc = parse_thread(r, &c, plv);
	} else {
		switch (type) {
		case FNET_BLOCK_SHB:
			return parse_shb(r->buf, len - 12, offset, err);
		case FNET_BLOCK_MI:
		case FNET_BLOCK_MI_INT:
			what = "machine info";
			rc = parse_machine(r, &c);
			break;
		case FNET_BLOCK_FDL:
		case FNET_BLOCK_FDL_INT:
		case FNET_BLOCK_FDL_V2: {
			what = "fd list";
			int64_t tid = (int64_t)fnet_cursor_u64(&c);
			rc = c.failed ? -1 : 0;
			while (rc == 0 && fnet_cursor_left(&c) >= 4)
				rc = parse_fd(r, &c, tid, type == FNET_BLOCK_FDL_V2);
			break;
		}
		case FNET_BLOCK_UL:
		case FNET_BLOCK_UL_INT:
		case FNET_BLOCK_UL_V2:
			what = "user list";
			while (rc == 0 && fnet_cursor_left(&c) >= 4)
				rc = parse_user_entry(r, &c, type == FNET_BLOCK_UL_V2);
			break;
		case FNET_BLOCK_IL:
		case FNET_BLOCK_IL_INT:
		case FNET_BLOCK_IL_V2:
			what = "interface list";
			rc = parse_iflist(&c, type == FNET_BLOCK_IL_V2);
			break;
		default:
			if (r->sink.on_note) {
				snprintf(msg, sizeof(msg), "skipping unknown block type 0x%x (%u bytes)",
					 type, len);
				r->sink.on_note(r->sink.note_ctx, offset, msg);
			}
			return 0;
		}
	}
	if (rc != 0) {
		snprintf(msg, sizeof(msg), "corrupt %s block (entry at block byte %zu)", what, c.pos);
		set_err(err, offset, msg);
		return -1;
	}
	return 0;
}

struct fnet_trace_reader *fnet_trace_open(const char *path, const struct fnet_trace_sink *sink,
					  char *err)
{
	struct fnet_trace_reader *r = calloc(1, sizeof(*r));
	if (!r) {
		snprintf(err, FNET_ERRBUF_SIZE, "out of memory");
		return NULL;
	}
	if (sink)
		r->sink = *sink;
	r->in = fnet_byte_stream_open(path, err);
	if (!r->in) {
		free(r);
		return NULL;
	}
	uint32_t type, len;
	uint64_t offset;
	int rc = read_block_header(r, &type, &len, &offset, err);
	if (rc == 0) {
		set_err(err, 0, fnet_byte_stream_unterminated(r->in)
					? "compressed data truncated before the first block"
					: "empty file");
		goto fail;
	}
	if (rc < 0)
		goto fail;
	if (read_block_body(r, len, offset, err) < 0 || parse_metadata(r, type, len, offset, err) < 0)
		goto fail;
	return r;
fail:
	fnet_trace_close(r);
	return NULL;
}

/*
 * Where a compressed stream ends without its end mark, the capture writing it
 * was interrupted (killed mid-write): the end of the input, even inside a block,
 * is the end of the trace, with a note. Returns 0 then, `rc` otherwise.
 */
static int end_of_interrupted(struct fnet_trace_reader *r, int rc, uint64_t offset)
{
	if ((rc != 0 && rc != CUT_SHORT) || !fnet_byte_stream_unterminated(r->in))
		return rc == CUT_SHORT ? -1 : rc;
	if (r->sink.on_note)
		r->sink.on_note(r->sink.note_ctx, offset,
				rc == 0 ? "the compressed data ends without its end mark (an interrupted "
					  "capture); every whole block before it was read"
					: "the compressed data ends inside this block (an interrupted "
					  "capture); every whole block before it was read");
	return 0;
}

int fnet_trace_next(struct fnet_trace_reader *r, struct fnet_event *ev, char *err)
{
	for (;;) {
		uint32_t type, len;
		uint64_t offset;
		int rc = read_block_header(r, &type, &len, &offset, err);
		if (rc == 1 && (rc = read_block_body(r, len, offset, err)) == 0)
			rc = 1;
		if (rc <= 0)
			return end_of_interrupted(r, rc, offset);
		if (!is_event_block(type)) {
			if (parse_metadata(r, type, len, offset, err) < 0)
				return -1;
			continue;
		}
		int with_flags = type == FNET_BLOCK_EVF || type == FNET_BLOCK_EVF_V2 ||
				 type == FNET_BLOCK_EVF_V2_LARGE;
		int v2 = type == FNET_BLOCK_EV_V2 || type == FNET_BLOCK_EV_V2_LARGE ||
			 type == FNET_BLOCK_EVF_V2 || type == FNET_BLOCK_EVF_V2_LARGE;
		size_t body = len - 12;
		size_t pre = 2 + (with_flags ? 4 : 0);
		if (body < pre) {
			set_err(err, offset, "event block too short");
			return -1;
		}
		char msg[FNET_ERRBUF_SIZE];
		if (fnet_event_decode(ev, r->buf + pre, body - pre, v2, msg) < 0) {
			set_err(err, offset, msg);
			return -1;
		}
		ev->cpu = fnet_get_u16(r->buf);
		ev->flags = with_flags ? fnet_get_u32(r->buf + 2) : 0;
		ev->num = ++r->events_read;
		return 1;
	}
}

enum fnet_compression fnet_trace_compression(const struct fnet_trace_reader *r)
{
	return fnet_byte_stream_compression(r->in);
}

void fnet_trace_close(struct fnet_trace_reader *r)
{
	if (!r)
		return;
	fnet_byte_stream_close(r->in);
	free(r->buf);
	free(r);
}
