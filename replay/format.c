#include "format.h"

#include <ctype.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json_printer.h"

#define MAX_WIDTH 65536

struct token {
	int is_field;
	const char *text;   /* literal text, or the field as written (the JSON key) */
	uint32_t len;
	uint32_t width;     /* %Nfield: cut or pad to N bytes; 0: as it is */
	const struct fnet_field_def *def;  /* a filter field ... */
	const struct out_field *own;       /* ... or one of output_fields.c */
	struct fnet_field_arg arg;
	int8_t *slots;                     /* own evt.arg.NAME / evt.buffer: parameter per event type */
	struct out_field_state state;
	int json_ts;                       /* JSON value: the event's time stamp */
	struct fnet_strbuf json;           /* this token's JSON value for the event being printed */
};

struct out_format {
	struct out_options o;
	int require_all;
	struct token *tok;
	size_t ntok;
	size_t *json_keys; /* token per distinct key, in key order */
	size_t njson;
	char *store;       /* literal texts, keys and argument names, NUL-terminated */
	size_t store_len;
	char *field_scratch; /* FNET_FIELD_SCRATCH_SIZE bytes for the filter's extractors */
	char render_buf[1024]; /* values of the filter's other kinds, rendered */
	struct out_scratch scratch;
};

/* Compile-time error: the message and the 1-based column. */
struct compile_err {
	char *msg;
	size_t size;
	int col;
};

static int fail(struct compile_err *e, size_t col0, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int fail(struct compile_err *e, size_t col0, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(e->msg, e->size, fmt, ap);
	va_end(ap);
	e->col = (int)col0 + 1;
	return -1;
}

static int is_name_char(char c)
{
	return isalnum((unsigned char)c) || c == '_' || c == '.';
}

static int is_word_char(char c)
{
	return isalnum((unsigned char)c) || c == '_';
}

static char *store_add(struct out_format *f, const char *s, size_t n)
{
	char *p = f->store + f->store_len;
	memcpy(p, s, n);
	p[n] = 0;
	f->store_len += n + 1;
	return p;
}

static struct token *add_token(struct out_format *f)
{
	struct token *t = &f->tok[f->ntok++];
	memset(t, 0, sizeof(*t));
	return t;
}

/*
 * The longest field name that `s` (`span` name characters) starts with: sets
 * t->def or t->own and returns the name's length, or 0. A field of
 * output_fields.c that depends on the replay wins over the filter's field of the
 * same name; its stand-ins are used only for names the filter lacks.
 */
static size_t find_field(const char *s, size_t span, struct token *t, int source)
{
	for (size_t k = span; k > 0; k--) {
		const struct fnet_field_def *def = fnet_field_find_in(source, s, k);
		const struct out_field *own =
			source == FNET_SOURCE_SYSCALL ? out_field_lookup(s, k, def != NULL) : NULL;
		if (!own && !def)
			continue;
		t->own = own;
		t->def = own ? NULL : def;
		return k;
	}
	return 0;
}

/* A field name close to the unknown `s`, for the error message, or NULL. */
static const char *suggest(const char *s, size_t n, int source)
{
	const char *hint = fnet_field_suggest_in(source, s, n);
	if (hint || n < 4 || source != FNET_SOURCE_SYSCALL)
		return hint;
	for (size_t i = 0; i < out_field_count(); i++) {
		const char *name = out_field_name(out_field_at(i));
		if (strlen(name) > n && memcmp(name, s, n) == 0)
			return name;
	}
	return NULL;
}

static int arg_fits(enum fnet_field_arg_mode mode, const struct fnet_field_arg *a)
{
	switch (mode) {
	case FNET_ARG_NONE:
		return !a->has;
	case FNET_ARG_INDEX:
		return !a->has || a->is_index;
	case FNET_ARG_INDEX_NEEDED:
		return a->has && a->is_index;
	case FNET_ARG_NAME_NEEDED:
		return a->has && !a->is_index;
	case FNET_ARG_ANY:
		return 1;
	}
	return 0;
}

/* Sets t->arg from the argument text `a` (`n` bytes): a decimal number or a name. */
static void set_arg(struct out_format *f, struct token *t, const char *a, size_t n)
{
	t->arg.has = 1;
	size_t k = n > 0 && a[0] == '-' ? 1 : 0;
	int digits = k < n;
	for (size_t i = k; i < n; i++)
		digits &= isdigit((unsigned char)a[i]) != 0;
	if (digits && n < 19) {
		t->arg.is_index = 1;
		t->arg.index = strtoll(store_add(f, a, n), NULL, 10);
		return;
	}
	t->arg.name = store_add(f, a, n);
	t->arg.name_len = (uint32_t)n;
}

/*
 * Reads the field reference at s (`n` bytes; `col0` its offset in the format):
 * a field name and the argument the field takes. `exact`: the whole of `s` must
 * be the reference (inside %{...}). Returns the bytes used, or -1.
 */
static long parse_ref(struct out_format *f, struct token *t, const char *s, size_t n, int exact,
		      size_t col0, struct compile_err *e)
{
	size_t span = 0;
	while (span < n && is_name_char(s[span]))
		span++;
	size_t used = find_field(s, span, t, f->o.source);
	if (!used) {
		const char *hint = suggest(s, span, f->o.source);
		if (span == 0)
			return fail(e, col0, "'%%' must be followed by a field name (sysdig has no %%%% for a '%%')");
		if (hint)
			return fail(e, col0, "unknown field '%.*s' (did you mean '%s'?)", (int)span, s, hint);
		return fail(e, col0, "unknown field '%.*s'", (int)span, s);
	}
	const char *name = t->own ? out_field_name(t->own) : t->def->name;
	enum fnet_field_arg_mode mode = t->own ? out_field_arg_mode(t->own) : t->def->arg_mode;
	size_t arg_at = used; /* where the argument is written, for messages */
	if (mode != FNET_ARG_NONE && used < n && s[used] == '[') {
		const char *close = memchr(s + used, ']', n - used);
		if (!close)
			return fail(e, col0 + used, "'[' after %s is not closed", name);
		set_arg(f, t, s + used + 1, (size_t)(close - s) - used - 1);
		used = (size_t)(close - s) + 1;
	} else if ((mode == FNET_ARG_NAME_NEEDED || mode == FNET_ARG_ANY) && used + 1 < n &&
		   s[used] == '.' && is_word_char(s[used + 1])) {
		size_t end = used + 1;
		while (end < n && is_word_char(s[end]))
			end++;
		set_arg(f, t, s + used + 1, end - used - 1);
		t->arg.is_index = 0; /* evt.arg.0 names a parameter "0", as in sysdig */
		if (!t->arg.name) {
			t->arg.name = store_add(f, s + used + 1, end - used - 1);
			t->arg.name_len = (uint32_t)(end - used - 1);
		}
		used = end;
	}
	if (!arg_fits(mode, &t->arg))
		return fail(e, col0, t->arg.has ? "%s takes no such argument" : "%s needs an argument",
			    name);
	if (t->own) {
		if (out_field_arg_mode(t->own) != FNET_ARG_NONE ||
		    strcmp(out_field_name(t->own), "evt.buffer") == 0) {
			t->slots = malloc(FNET_EV_COUNT);
			if (!t->slots)
				return fail(e, col0, "out of memory");
		}
		const char *why = out_field_prepare(t->own, &t->arg, t->slots);
		if (why) {
			if (t->arg.has && !t->arg.is_index)
				return fail(e, col0 + arg_at + 1, "%s '%s'", why, t->arg.name);
			return fail(e, t->arg.has ? col0 + arg_at + 1 : col0, "%s", why);
		}
	}
	if (exact && used != n)
		return fail(e, col0, "unknown field '%.*s'", (int)n, s);
	if (!exact && used < n &&
	    (is_word_char(s[used]) || (s[used] == '.' && used + 1 < n && is_word_char(s[used + 1])))) {
		size_t more = used;
		while (more < n && is_name_char(s[more]))
			more++;
		return fail(e, col0,
			    "unknown field '%.*s' (for %.*s followed by the text '%.*s', write %%{%.*s}%.*s)",
			    (int)more, s, (int)used, s, (int)(more - used), s + used, (int)used, s,
			    (int)(more - used), s + used);
	}
	t->text = store_add(f, s, used);
	t->len = (uint32_t)used;
	return (long)used;
}

/* Compiles the field token at fmt[pos] == '%'. Returns the position after it, or -1. */
static long compile_field(struct out_format *f, const char *fmt, size_t len, size_t pos,
			  struct compile_err *e)
{
	size_t start = pos++;
	struct token *t = add_token(f);
	t->is_field = 1;
	if (pos == len)
		return fail(e, start, "the format ends with '%%': a field name must follow it");
	if (isdigit((unsigned char)fmt[pos])) {
		unsigned long w = 0;
		while (pos < len && isdigit((unsigned char)fmt[pos])) {
			if (w < MAX_WIDTH)
				w = w * 10 + (unsigned long)(fmt[pos] - '0');
			pos++;
		}
		if (pos == len)
			return fail(e, start, "the format ends with a field width: a field name must follow it");
		t->width = w < MAX_WIDTH ? (uint32_t)w : MAX_WIDTH;
	}
	if (fmt[pos] == '{') {
		const char *close = memchr(fmt + pos + 1, '}', len - pos - 1);
		if (!close)
			return fail(e, start, "unterminated %%{: no '}' closes it");
		size_t n = (size_t)(close - fmt) - pos - 1;
		if (n == 0)
			return fail(e, start, "empty %%{}: a field name must be inside");
		if (parse_ref(f, t, fmt + pos + 1, n, 1, pos + 1, e) < 0)
			return -1;
		return (long)(pos + n + 2);
	}
	long used = parse_ref(f, t, fmt + pos, len - pos, 0, pos, e);
	return used < 0 ? -1 : (long)(pos + (size_t)used);
}

struct key_ref {
	const char *key;
	size_t tok;
};

static int key_order(const void *a, const void *b)
{
	const struct key_ref *x = a, *y = b;
	int c = strcmp(x->key, y->key);
	if (c)
		return c;
	return x->tok < y->tok ? -1 : x->tok > y->tok;
}

/* The JSON keys: one token per distinct key (the last, as sysdig's later assignment wins), sorted. */
static int order_keys(struct out_format *f)
{
	struct key_ref *k = malloc((f->ntok + 1) * sizeof(*k));
	f->json_keys = malloc((f->ntok + 1) * sizeof(*f->json_keys));
	if (!k || !f->json_keys) {
		free(k);
		return -1;
	}
	size_t n = 0;
	for (size_t i = 0; i < f->ntok; i++)
		if (f->tok[i].is_field)
			k[n++] = (struct key_ref){f->tok[i].text, i};
	qsort(k, n, sizeof(*k), key_order);
	for (size_t i = 0; i < n; i++)
		if (i + 1 == n || strcmp(k[i].key, k[i + 1].key) != 0)
			f->json_keys[f->njson++] = k[i].tok;
	free(k);
	return 0;
}

struct out_format *out_format_compile(const char *fmt, const struct out_options *o, char *err,
				      size_t errsize, int *col)
{
	struct compile_err e = {err, errsize, 0};
	size_t len = strlen(fmt);
	struct out_format *f = calloc(1, sizeof(*f));
	if (!f) {
		snprintf(err, errsize, "out of memory");
		*col = 1;
		return NULL;
	}
	f->o = *o;
	f->require_all = 1;
	f->tok = calloc(len + 1, sizeof(*f->tok)); /* at most one token per byte */
	f->store = malloc(8 * len + 16); /* literals, keys, argument names: each at most the format */
	f->field_scratch = malloc(FNET_FIELD_SCRATCH_SIZE);
	if (!f->tok || !f->store || !f->field_scratch) {
		fail(&e, 0, "out of memory");
		goto bad;
	}
	if (len == 0) {
		fail(&e, 0, "empty format");
		goto bad;
	}
	size_t pos = 0;
	if (fmt[0] == '*') {
		f->require_all = 0;
		pos = 1;
	}
	char *lit = NULL; /* the literal token being built, in the store */
	while (pos < len) {
		char c = fmt[pos];
		if (c == '%') {
			if (lit) {
				f->tok[f->ntok - 1].len = (uint32_t)(f->store + f->store_len - lit);
				f->store[f->store_len++] = 0;
				lit = NULL;
			}
			long next = compile_field(f, fmt, len, pos, &e);
			if (next < 0)
				goto bad;
			pos = (size_t)next;
			continue;
		}
		if (!lit) {
			struct token *t = add_token(f);
			t->text = lit = f->store + f->store_len;
		}
		if (c == '\\' && pos + 1 < len && strchr("nte\\", fmt[pos + 1])) {
			static const char from[] = "nte\\", to[] = "\n\t\033\\";
			c = to[strchr(from, fmt[pos + 1]) - from];
			pos++;
		}
		f->store[f->store_len++] = c;
		pos++;
	}
	if (lit) {
		f->tok[f->ntok - 1].len = (uint32_t)(f->store + f->store_len - lit);
		f->store[f->store_len++] = 0;
	}
	for (size_t i = 0; i < f->ntok; i++)
		if (f->tok[i].is_field)
			f->tok[i].json_ts = out_field_json_is_ts(f->tok[i].text);
	if (order_keys(f) < 0) {
		fail(&e, 0, "out of memory");
		goto bad;
	}
	return f;
bad:
	*col = e.col;
	out_format_free(f);
	return NULL;
}

/* The value of field token `t` for `e`: 1 and `v`, or 0 when it has none. */
static int token_value(struct out_format *f, struct token *t, const struct out_event *e,
		       struct out_value *v)
{
	if (t->own)
		return out_field_get(t->own, &t->arg, t->slots, &t->state, &f->o, e, &f->scratch, v);
	struct fnet_eval_ctx c = {.ev = e->ev, .thread = e->thread, .state = e->state,
				  .audit = e->audit};
	struct fnet_field_value fv;
	if (!t->def->extract(&c, &t->arg, &fv, f->field_scratch))
		return 0;
	switch (t->def->type) {
	case FNET_FIELD_STRING:
		v->kind = OV_STR;
		v->str = fv.str;
		v->len = fv.len;
		break;
	case FNET_FIELD_INT64:
		v->kind = OV_I64;
		v->i64 = fv.i64;
		break;
	case FNET_FIELD_UINT64:
		v->kind = OV_U64;
		v->u64 = fv.u64;
		v->pad9 = 0;
		break;
	default:
		/* other kinds (IP addresses ...): as the filter renders them */
		fnet_field_render(t->def, &t->arg, &c, f->render_buf, sizeof(f->render_buf));
		v->kind = OV_STR;
		v->str = f->render_buf;
		v->len = (uint32_t)strlen(f->render_buf);
		break;
	}
	return 1;
}

static void put_text(struct fnet_strbuf *b, const struct out_value *v)
{
	char num[32];
	int n;
	switch (v->kind) {
	case OV_STR:
		fnet_strbuf_append(b, v->str, v->len);
		return;
	case OV_I64:
		n = snprintf(num, sizeof(num), "%" PRId64, v->i64);
		break;
	case OV_U64:
		n = snprintf(num, sizeof(num), v->pad9 ? "%09" PRIu64 : "%" PRIu64, v->u64);
		break;
	default:
		return;
	}
	fnet_strbuf_append(b, num, (size_t)n);
}

/* Cuts or pads with spaces what was appended since `start` to `width` bytes. */
static void fit_width(struct fnet_strbuf *b, size_t start, uint32_t width)
{
	size_t n = b->len - start;
	if (b->oom)
		return;
	if (n > width) {
		b->len = start + width;
		b->ptr[b->len] = 0;
	}
	for (; n < width; n++)
		fnet_strbuf_putc(b, ' ');
}

static int print_text(struct out_format *f, struct fnet_strbuf *out, const struct out_event *e)
{
	size_t line_start = out->len;
	int printed = 1;
	for (size_t i = 0; i < f->ntok; i++) {
		struct token *t = &f->tok[i];
		if (!t->is_field) {
			if (printed)
				fnet_strbuf_append(out, t->text, t->len);
			continue;
		}
		struct out_value v;
		int has = token_value(f, t, e, &v);
		if (!printed)
			continue;
		if (!has && f->require_all) {
			printed = 0;
			continue;
		}
		size_t start = out->len;
		if (has)
			put_text(out, &v);
		else
			fnet_strbuf_append(out, "<NA>", 4);
		if (t->width)
			fit_width(out, start, t->width);
	}
	if (!printed) {
		out->len = line_start;
		if (out->cap)
			out->ptr[out->len] = 0;
		return 0;
	}
	fnet_strbuf_putc(out, '\n');
	return 1;
}

static int print_json(struct out_format *f, struct fnet_strbuf *out, const struct out_event *e)
{
	int printed = 1;
	for (size_t i = 0; i < f->ntok; i++) {
		struct token *t = &f->tok[i];
		if (!t->is_field)
			continue;
		struct out_value v;
		int has = token_value(f, t, e, &v);
		if (!printed)
			continue;
		if (!has && f->require_all) {
			printed = 0;
			continue;
		}
		struct fnet_strbuf *j = &t->json;
		fnet_strbuf_reset(j);
		if (!has)
			fnet_strbuf_append(j, "null", 4);
		else if (t->json_ts)
			json_put_u64(j, e->ev->ts_ns);
		else if (v.kind == OV_STR)
			json_put_string(j, v.str, v.len);
		else if (v.kind == OV_I64)
			json_put_i64(j, v.i64);
		else
			json_put_u64(j, v.u64);
		if (j->oom)
			out->oom = 1;
	}
	if (!printed)
		return 0;
	if (f->njson == 0) {
		fnet_strbuf_append(out, "null\n", 5);
		return 1;
	}
	fnet_strbuf_putc(out, '{');
	for (size_t k = 0; k < f->njson; k++) {
		const struct token *t = &f->tok[f->json_keys[k]];
		if (k)
			fnet_strbuf_putc(out, ',');
		json_put_string(out, t->text, t->len);
		fnet_strbuf_putc(out, ':');
		fnet_strbuf_append(out, t->json.ptr, t->json.len);
	}
	fnet_strbuf_append(out, "}\n", 2);
	return 1;
}

int out_format_print(struct out_format *f, struct fnet_strbuf *out, const struct out_event *e)
{
	return f->o.json ? print_json(f, out, e) : print_text(f, out, e);
}

int out_format_needs_latency(const struct out_format *f)
{
	for (size_t i = 0; i < f->ntok; i++) {
		const struct token *t = &f->tok[i];
		if (!t->own)
			continue;
		const char *name = out_field_name(t->own);
		if (strncmp(name, "evt.latency", 11) == 0 ||
		    (f->o.time == TIME_LATENCY && strcmp(name, "evt.outputtime") == 0))
			return 1;
	}
	return 0;
}

void out_format_free(struct out_format *f)
{
	if (!f)
		return;
	for (size_t i = 0; f->tok && i < f->ntok; i++) {
		free(f->tok[i].slots);
		fnet_strbuf_free(&f->tok[i].json);
	}
	free(f->tok);
	free(f->json_keys);
	free(f->store);
	free(f->field_scratch);
	fnet_strbuf_free(&f->scratch.text);
	fnet_strbuf_free(&f->scratch.resolved);
	free(f);
}
