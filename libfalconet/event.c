#include "event.h"

#include <stdio.h>
#include <string.h>

#include "byte_stream.h"
#include "strbuf.h"

/* Fills the parameter views of `ev` given `n` parameters; returns the byte count used. */
static int split_params(struct fnet_event *ev, const uint8_t *rec, uint32_t len, uint32_t hdr,
			uint32_t n, int large, uint64_t *used)
{
	uint32_t width = large ? 4 : 2;
	uint64_t off = (uint64_t)hdr + (uint64_t)n * width;
	if (off > len)
		return -1;
	for (uint32_t i = 0; i < n; i++) {
		const uint8_t *lp = rec + hdr + (size_t)i * width;
		uint32_t pl = large ? fnet_get_u32(lp) : fnet_get_u16(lp);
		if (off + pl > len)
			return -1;
		ev->param[i] = rec + off;
		ev->param_len[i] = pl;
		off += pl;
	}
	*used = off;
	return 0;
}

int fnet_event_decode(struct fnet_event *ev, const uint8_t *rec, size_t avail, int has_nparams,
		      char *err)
{
	uint32_t hdr = has_nparams ? FNET_EVENT_HEADER_SIZE : FNET_EVENT_HEADER_V1_SIZE;
	if (avail < hdr) {
		snprintf(err, FNET_ERRBUF_SIZE, "event record of %zu bytes is shorter than its header",
			 avail);
		return -1;
	}
	ev->ts_ns = fnet_get_u64(rec);
	ev->tid = (int64_t)fnet_get_u64(rec + 8);
	uint32_t len = fnet_get_u32(rec + 16);
	ev->type = fnet_get_u16(rec + 20);
	ev->info = fnet_event_info(ev->type);
	/* Version-1 records count `len` without the missing nparams field. */
	if (len < hdr || len > avail) {
		snprintf(err, FNET_ERRBUF_SIZE, "event length %u outside the %zu bytes of its block",
			 len, avail);
		return -1;
	}
	int large = ev->info && (ev->info->flags & FNET_EF_LARGE_PAYLOAD);
	uint64_t used = 0;
	if (has_nparams) {
		ev->nparams = fnet_get_u32(rec + 22);
		if (ev->nparams > FNET_MAX_PARAMS) {
			snprintf(err, FNET_ERRBUF_SIZE, "event type %u has %u parameters (at most %d)",
				 ev->type, ev->nparams, FNET_MAX_PARAMS);
			return -1;
		}
		if (split_params(ev, rec, len, hdr, ev->nparams, large, &used) < 0) {
			snprintf(err, FNET_ERRBUF_SIZE,
				 "event type %u: parameter lengths run past the event length %u",
				 ev->type, len);
			return -1;
		}
		return 0;
	}
	/* No count on record: the largest count whose lengths exactly fill the record. */
	uint32_t n = ev->info ? ev->info->nparams : FNET_MAX_PARAMS;
	for (;; n--) {
		if (split_params(ev, rec, len, hdr, n, large, &used) == 0 && used == len) {
			ev->nparams = n;
			return 0;
		}
		if (n == 0)
			break;
	}
	snprintf(err, FNET_ERRBUF_SIZE,
		 "event type %u: parameter lengths do not match the event length %u", ev->type, len);
	return -1;
}

uint64_t fnet_event_param_u64(const struct fnet_event *ev, uint32_t i)
{
	if (i >= ev->nparams)
		return 0;
	const uint8_t *p = ev->param[i];
	switch (ev->param_len[i]) {
	case 1:
		return p[0];
	case 2:
		return fnet_get_u16(p);
	case 4:
		return fnet_get_u32(p);
	case 8:
		return fnet_get_u64(p);
	default:
		return 0;
	}
}

int64_t fnet_event_param_s64(const struct fnet_event *ev, uint32_t i)
{
	uint64_t v = fnet_event_param_u64(ev, i);
	switch (i < ev->nparams ? ev->param_len[i] : 0) {
	case 1:
		return (int8_t)v;
	case 2:
		return (int16_t)v;
	case 4:
		return (int32_t)v;
	default:
		return (int64_t)v;
	}
}

int fnet_event_param_index(const struct fnet_event_info *info, uint32_t nparams, const char *name)
{
	if (!info)
		return -1;
	for (uint32_t i = 0; i < info->nparams && i < nparams; i++)
		if (strcmp(info->params[i].name, name) == 0)
			return (int)i;
	return -1;
}

uint32_t fnet_event_encode(const struct fnet_event *ev, struct fnet_strbuf *out)
{
	int large = ev->info && (ev->info->flags & FNET_EF_LARGE_PAYLOAD);
	uint64_t len = FNET_EVENT_HEADER_SIZE + (uint64_t)ev->nparams * (large ? 4 : 2);
	for (uint32_t i = 0; i < ev->nparams; i++) {
		if (!large && ev->param_len[i] > UINT16_MAX)
			return 0;
		len += ev->param_len[i];
	}
	if (len > UINT32_MAX)
		return 0;
	uint8_t h[FNET_EVENT_HEADER_SIZE];
	uint64_t tid = (uint64_t)ev->tid;
	uint32_t len32 = (uint32_t)len;
	memcpy(h, &ev->ts_ns, 8);
	memcpy(h + 8, &tid, 8);
	memcpy(h + 16, &len32, 4);
	memcpy(h + 20, &ev->type, 2);
	memcpy(h + 22, &ev->nparams, 4);
	size_t start = out->len;
	fnet_strbuf_append(out, (const char *)h, sizeof(h));
	for (uint32_t i = 0; i < ev->nparams; i++) {
		if (large) {
			fnet_strbuf_append(out, (const char *)&ev->param_len[i], 4);
		} else {
			uint16_t l = (uint16_t)ev->param_len[i];
			fnet_strbuf_append(out, (const char *)&l, 2);
		}
	}
	for (uint32_t i = 0; i < ev->nparams; i++)
		fnet_strbuf_append(out, (const char *)ev->param[i], ev->param_len[i]);
	if (out->oom || out->len - start != len)
		return 0;
	return len32;
}
