#include "line_printer.h"

#include <inttypes.h>

#include "time_format.h"

void line_printer_init(struct line_printer *p, FILE *out, uint32_t bytebuf_max, int all_params)
{
	p->out = out;
	p->bytebuf_max = bytebuf_max;
	p->all_params = all_params;
	p->line = (struct fnet_strbuf)FNET_STRBUF_INIT;
	/* sysdig applies today's UTC offset to every event, whatever its date */
	p->tz_offset_s = time_local_offset();
}

int line_printer_print(struct line_printer *p, const struct fnet_event *ev,
		       const struct fnet_thread *t, const struct fnet_state *st)
{
	struct fnet_strbuf *b = &p->line;
	fnet_strbuf_reset(b);
	int64_t secs = (int64_t)(ev->ts_ns / 1000000000u) + p->tz_offset_s;
	int64_t day_s = ((secs % 86400) + 86400) % 86400;
	const char *type = fnet_event_type_name(ev);
	fnet_strbuf_printf(b, "%" PRIu64 " %02d:%02d:%02d.%09u %d %s (%" PRId64 ") %c ", ev->num,
			   (int)(day_s / 3600), (int)(day_s % 3600 / 60), (int)(day_s % 60),
			   (unsigned)(ev->ts_ns % 1000000000u), (int)(int16_t)ev->cpu,
			   t && t->comm.ptr ? t->comm.ptr : "<NA>", ev->tid,
			   fnet_event_is_enter(ev->type) ? '>' : '<');
	if (type)
		fnet_strbuf_puts(b, type);
	else
		fnet_strbuf_printf(b, "type-%u", ev->type);
	fnet_strbuf_putc(b, ' ');
	struct fnet_format_ctx ctx = {st, t, p->bytebuf_max, p->all_params};
	fnet_format_info(b, ev, &ctx);
	fnet_strbuf_putc(b, '\n');
	if (b->oom)
		return -1;
	return fwrite(b->ptr, 1, b->len, p->out) == b->len ? 0 : -1;
}

void line_printer_free(struct line_printer *p)
{
	fnet_strbuf_free(&p->line);
}
