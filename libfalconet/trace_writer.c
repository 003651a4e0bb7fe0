#include "trace_writer.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "event.h"
#include "strbuf.h"

struct fnet_trace_writer {
	struct fnet_byte_sink *out;
	struct fnet_strbuf body; /* the block being built */
};

static void put_u8(struct fnet_strbuf *b, uint8_t v) { fnet_strbuf_append(b, (const char *)&v, 1); }
static void put_u16(struct fnet_strbuf *b, uint16_t v)
{
	uint8_t p[2] = {(uint8_t)v, (uint8_t)(v >> 8)};
	fnet_strbuf_append(b, (const char *)p, 2);
}
static void put_u32(struct fnet_strbuf *b, uint32_t v)
{
	uint8_t p[4] = {(uint8_t)v, (uint8_t)(v >> 8), (uint8_t)(v >> 16), (uint8_t)(v >> 24)};
	fnet_strbuf_append(b, (const char *)p, 4);
}
static void put_u64(struct fnet_strbuf *b, uint64_t v)
{
	put_u32(b, (uint32_t)v);
	put_u32(b, (uint32_t)(v >> 32));
}
/* A u16-length string, cut to what the field can say. */
static void put_str16(struct fnet_strbuf *b, struct fnet_str s)
{
	uint16_t n = s.len > UINT16_MAX ? UINT16_MAX : (uint16_t)s.len;
	put_u16(b, n);
	fnet_strbuf_append(b, s.ptr ? s.ptr : "", n);
}
/* Overwrites the u32 at `at` (an entry length written before its entry was known). */
static void patch_u32(struct fnet_strbuf *b, size_t at, uint32_t v)
{
	uint8_t p[4] = {(uint8_t)v, (uint8_t)(v >> 8), (uint8_t)(v >> 16), (uint8_t)(v >> 24)};
	if (!b->oom)
		memcpy(b->ptr + at, p, 4);
}

/* Starts a block: room for its header, filled by emit_block. */
static void begin_block(struct fnet_trace_writer *w)
{
	static const char room[8];
	fnet_strbuf_reset(&w->body);
	fnet_strbuf_append(&w->body, room, sizeof(room));
}

/*
 * Emits w->body as a block of type `type`: header, body, padding to 4 bytes,
 * trailer, in one write to the sink, so an uncompressed file only ever grows by
 * whole blocks.
 */
static int emit_block(struct fnet_trace_writer *w, uint32_t type, char *err)
{
	struct fnet_strbuf *b = &w->body;
	static const char zeros[4];
	size_t pad = (4 - b->len % 4) % 4;
	if (b->oom || b->len + pad + 4 > UINT32_MAX) {
		snprintf(err, FNET_ERRBUF_SIZE, "block too large or out of memory");
		return -1;
	}
	uint32_t total = (uint32_t)(b->len + pad + 4);
	fnet_strbuf_append(b, zeros, pad);
	put_u32(b, total);
	patch_u32(b, 0, type);
	patch_u32(b, 4, total);
	if (b->oom) {
		snprintf(err, FNET_ERRBUF_SIZE, "out of memory");
		return -1;
	}
	int rc = fnet_byte_sink_write(w->out, b->ptr, b->len, err);
	begin_block(w);
	return rc;
}

struct fnet_trace_writer *fnet_trace_writer_open(const char *path, enum fnet_compression c,
						 int level, char *err)
{
	struct fnet_trace_writer *w = calloc(1, sizeof(*w));
	if (!w) {
		snprintf(err, FNET_ERRBUF_SIZE, "out of memory");
		return NULL;
	}
	if (!(w->out = fnet_byte_sink_open(path, c, level, err))) {
		free(w);
		return NULL;
	}
	begin_block(w);
	put_u32(&w->body, FNET_SHB_MAGIC);
	put_u16(&w->body, FNET_SHB_MAJOR);
	put_u16(&w->body, 2);
	put_u64(&w->body, UINT64_MAX); /* section length: unknown */
	if (emit_block(w, FNET_BLOCK_SHB, err) < 0) {
		char ignored[FNET_ERRBUF_SIZE];
		fnet_trace_writer_close(w, ignored);
		return NULL;
	}
	return w;
}

int fnet_trace_write_machine(struct fnet_trace_writer *w, const struct fnet_machine_record *m,
			     char *err)
{
	struct fnet_strbuf *b = &w->body;
	char host[128];
	memset(host, 0, sizeof(host));
	memcpy(host, m->hostname, strnlen(m->hostname, sizeof(host) - 1));
	put_u32(b, m->num_cpus);
	put_u64(b, m->memory_bytes);
	put_u64(b, m->max_pid);
	fnet_strbuf_append(b, host, sizeof(host));
	put_u64(b, m->boot_ts_ns);
	put_u64(b, m->flags);
	put_u64(b, 0);
	put_u64(b, 0);
	return emit_block(w, FNET_BLOCK_MI, err);
}

int fnet_trace_write_threads(struct fnet_trace_writer *w, const struct fnet_thread_record *t,
			     size_t n, char *err)
{
	struct fnet_strbuf *b = &w->body;
	for (size_t i = 0; i < n; i++, t++) {
		size_t start = b->len;
		put_u32(b, 0); /* entry length, itself included: patched below */
		put_u64(b, (uint64_t)t->tid);
		put_u64(b, (uint64_t)t->pid);
		put_u64(b, (uint64_t)t->ptid);
		put_u64(b, (uint64_t)t->sid);
		put_u64(b, (uint64_t)t->vpgid);
		put_str16(b, t->comm);
		put_str16(b, t->exe);
		put_str16(b, t->exepath);
		put_str16(b, t->args);
		put_str16(b, t->cwd);
		put_u64(b, t->fdlimit);
		put_u32(b, t->flags);
		put_u32(b, t->uid);
		put_u32(b, t->gid);
		put_u32(b, t->vmsize_kb);
		put_u32(b, t->vmrss_kb);
		put_u32(b, t->vmswap_kb);
		put_u64(b, t->pfmajor);
		put_u64(b, t->pfminor);
		put_str16(b, t->env);
		put_u64(b, (uint64_t)t->vtid);
		put_u64(b, (uint64_t)t->vpid);
		put_str16(b, t->cgroups);
		put_str16(b, t->root);
		put_u64(b, t->pidns_init_start_ts_ns);
		put_u32(b, t->tty);
		put_u32(b, t->loginuid);
		put_u8(b, 0);   /* exe_writable */
		put_u64(b, 0);  /* capabilities: inheritable, permitted, effective */
		put_u64(b, 0);
		put_u64(b, 0);
		put_u8(b, 0);   /* exe_upper_layer */
		put_u64(b, 0);  /* exe inode, ctime, mtime */
		put_u64(b, 0);
		put_u64(b, 0);
		put_u8(b, 0);   /* exe_from_memfd */
		put_u8(b, 0);   /* exe_lower_layer */
		put_u64(b, (uint64_t)t->pgid);
		patch_u32(b, start, (uint32_t)(b->len - start));
	}
	return emit_block(w, FNET_BLOCK_PL_V9, err);
}

int fnet_trace_write_fds(struct fnet_trace_writer *w, int64_t tid, const struct fnet_fd_record *f,
			 size_t n, char *err)
{
	struct fnet_strbuf *b = &w->body;
	put_u64(b, (uint64_t)tid);
	for (size_t i = 0; i < n; i++, f++) {
		size_t start = b->len;
		put_u32(b, 0);
		put_u64(b, (uint64_t)f->fd);
		put_u64(b, f->ino);
		put_u8(b, f->type);
		switch (f->type) {
		case FNET_FDR_IPV4_SOCK:
			fnet_strbuf_append(b, (const char *)f->sip, 4);
			fnet_strbuf_append(b, (const char *)f->dip, 4);
			put_u16(b, f->sport);
			put_u16(b, f->dport);
			put_u8(b, f->l4proto);
			break;
		case FNET_FDR_IPV4_SERVSOCK:
			fnet_strbuf_append(b, (const char *)f->sip, 4);
			put_u16(b, f->sport);
			put_u8(b, f->l4proto);
			break;
		case FNET_FDR_IPV6_SOCK:
			fnet_strbuf_append(b, (const char *)f->sip, 16);
			fnet_strbuf_append(b, (const char *)f->dip, 16);
			put_u16(b, f->sport);
			put_u16(b, f->dport);
			put_u8(b, f->l4proto);
			break;
		case FNET_FDR_IPV6_SERVSOCK:
			fnet_strbuf_append(b, (const char *)f->sip, 16);
			put_u16(b, f->sport);
			put_u8(b, f->l4proto);
			break;
		case FNET_FDR_UNIX_SOCK:
			put_u64(b, f->unix_src);
			put_u64(b, f->unix_dst);
			put_str16(b, f->name);
			break;
		case FNET_FDR_FILE_V2:
			put_u32(b, f->open_flags);
			put_str16(b, f->name);
			put_u32(b, f->dev);
			break;
		case FNET_FDR_UNKNOWN:
			break;
		default:
			put_str16(b, f->name);
			break;
		}
		patch_u32(b, start, (uint32_t)(b->len - start));
	}
	return emit_block(w, FNET_BLOCK_FDL_V2, err);
}

int fnet_trace_write_users(struct fnet_trace_writer *w, const struct fnet_user_record *u,
			   size_t nu, const struct fnet_group_record *g, size_t ng, char *err)
{
	struct fnet_strbuf *b = &w->body;
	for (size_t i = 0; i < nu; i++, u++) {
		size_t start = b->len;
		put_u32(b, 0);
		put_u8(b, 0); /* user */
		put_u32(b, u->uid);
		put_u32(b, u->gid);
		put_str16(b, u->name);
		put_str16(b, u->homedir);
		put_str16(b, u->shell);
		patch_u32(b, start, (uint32_t)(b->len - start));
	}
	for (size_t i = 0; i < ng; i++, g++) {
		size_t start = b->len;
		put_u32(b, 0);
		put_u8(b, 1); /* group */
		put_u32(b, g->gid);
		put_str16(b, g->name);
		patch_u32(b, start, (uint32_t)(b->len - start));
	}
	return emit_block(w, FNET_BLOCK_UL_V2, err);
}

int fnet_trace_write_event(struct fnet_trace_writer *w, uint16_t cpu, uint32_t flags,
			   const uint8_t *rec, uint32_t len, char *err)
{
	const struct fnet_event_info *info =
		len >= FNET_EVENT_HEADER_SIZE ? fnet_event_info(fnet_get_u16(rec + 20)) : NULL;
	int large = info && (info->flags & FNET_EF_LARGE_PAYLOAD);
	put_u16(&w->body, cpu);
	if (flags)
		put_u32(&w->body, flags);
	fnet_strbuf_append(&w->body, (const char *)rec, len);
	uint32_t type = flags ? (large ? FNET_BLOCK_EVF_V2_LARGE : FNET_BLOCK_EVF_V2)
			      : (large ? FNET_BLOCK_EV_V2_LARGE : FNET_BLOCK_EV_V2);
	return emit_block(w, type, err);
}

int fnet_trace_writer_flush(struct fnet_trace_writer *w, char *err)
{
	return fnet_byte_sink_flush(w->out, err);
}

uint64_t fnet_trace_writer_bytes(const struct fnet_trace_writer *w)
{
	return fnet_byte_sink_offset(w->out);
}

uint64_t fnet_trace_writer_file_bytes(const struct fnet_trace_writer *w)
{
	return fnet_byte_sink_file_bytes(w->out);
}

int fnet_trace_writer_close(struct fnet_trace_writer *w, char *err)
{
	if (!w)
		return 0;
	int rc = fnet_byte_sink_close(w->out, err);
	fnet_strbuf_free(&w->body);
	free(w);
	return rc;
}
