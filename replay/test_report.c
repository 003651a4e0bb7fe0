#include "test_report.h"

#include <stdlib.h>
#include <string.h>

/* How much of a case's stdout / stderr a failure shows. */
#define EXCERPT_BYTES 2000
#define EXCERPT_LINES 20

struct treport {
	FILE *out;
	enum treport_format fmt;
	size_t total, index;
	size_t failed, skipped;
	/* JUnit: the document is written at the end, when the counts are known */
	FILE *body;
	char *body_buf;
	size_t body_len;
	const struct tspec *spec;
	FILE *suite;
	char *suite_buf;
	size_t suite_len;
	size_t s_tests, s_failed, s_skipped;
	double s_seconds;
};

/* Length of the valid UTF-8 sequence at s (n bytes left), 0 when invalid. */
static size_t utf8_len(const unsigned char *s, size_t n)
{
	size_t len = s[0] < 0x80 ? 1 : (s[0] >> 5) == 6 ? 2 : (s[0] >> 4) == 14 ? 3 : (s[0] >> 3) == 30 ? 4 : 0;
	if (!len || len > n || (len == 2 && s[0] < 0xc2))
		return 0;
	for (size_t i = 1; i < len; i++)
		if ((s[i] & 0xc0) != 0x80)
			return 0;
	return len;
}

/*
 * Writes `n` bytes for XML (xml 1) or a YAML double-quoted string (xml 0): escapes
 * the syntax, and bytes that neither may hold (control characters, invalid UTF-8)
 * become '?' in XML and \xHH in YAML.
 */
static void put_escaped(FILE *f, const char *s, size_t n, int xml)
{
	for (size_t i = 0; i < n;) {
		unsigned char c = (unsigned char)s[i];
		size_t len = utf8_len((const unsigned char *)s + i, n - i);
		if (len > 1) {
			fwrite(s + i, 1, len, f);
			i += len;
			continue;
		}
		i++;
		int ctl = !len || c < 0x20 || c == 0x7f;
		if (xml) {
			if (c == '&')
				fputs("&amp;", f);
			else if (c == '<')
				fputs("&lt;", f);
			else if (c == '>')
				fputs("&gt;", f);
			else if (c == '"')
				fputs("&quot;", f);
			else if (c == '\n' || c == '\t')
				fputc(c, f);
			else
				fputc(ctl ? '?' : c, f);
		} else {
			if (c == '"' || c == '\\')
				fprintf(f, "\\%c", c);
			else if (c == '\n')
				fputs("\\n", f);
			else if (c == '\t')
				fputs("\\t", f);
			else if (ctl)
				fprintf(f, "\\x%02x", c);
			else
				fputc(c, f);
		}
	}
}

static void put_str(FILE *f, const char *s, int xml)
{
	put_escaped(f, s, strlen(s), xml);
}

/* The start of an output: EXCERPT_LINES lines or EXCERPT_BYTES bytes, whichever is less. */
static size_t excerpt_len(const struct trun_output *o)
{
	size_t n = 0, lines = 0;
	while (n < o->len && n < EXCERPT_BYTES && lines < EXCERPT_LINES)
		if (o->ptr[n++] == '\n')
			lines++;
	return n;
}

/* The command line as a shell would read it. */
static void put_command(FILE *f, const struct trun_result *r, int xml)
{
	for (size_t i = 0; i < r->argv.n; i++) {
		const char *a = r->argv.v[i];
		int plain = *a && strspn(a, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
					    "0123456789-_./=:,+@%") == strlen(a);
		if (i)
			fputc(' ', f);
		if (plain) {
			put_str(f, a, xml);
			continue;
		}
		fputc('\'', f);
		for (const char *p = a; *p; p++) {
			if (*p == '\'')
				fputs("'\\''", f);
			else
				put_escaped(f, p, 1, xml);
		}
		fputc('\'', f);
	}
}

static void put_how_ended(FILE *f, const struct trun_result *r)
{
	if (r->timed_out)
		fputs("timed out", f);
	else if (r->signal)
		fprintf(f, "signal %d", r->signal);
	else
		fprintf(f, "%d", r->exit_status);
}

struct treport *treport_begin(FILE *out, enum treport_format fmt, size_t total)
{
	struct treport *rp = calloc(1, sizeof(*rp));
	if (!rp)
		return NULL;
	rp->out = out;
	rp->fmt = fmt;
	rp->total = total;
	if (fmt == TREPORT_TAP) {
		fprintf(out, "TAP version 13\n1..%zu\n", total);
	} else if (!(rp->body = open_memstream(&rp->body_buf, &rp->body_len))) {
		free(rp);
		return NULL;
	}
	return rp;
}

/* JUnit: the buffered cases of the current spec become a <testsuite>. */
static void junit_close_suite(struct treport *rp)
{
	if (!rp->suite)
		return;
	fclose(rp->suite);
	rp->suite = NULL;
	fputs("  <testsuite name=\"", rp->body);
	put_str(rp->body, rp->spec->path, 1);
	fprintf(rp->body, "\" tests=\"%zu\" failures=\"%zu\" errors=\"0\" skipped=\"%zu\" time=\"%.3f\">\n",
		rp->s_tests, rp->s_failed, rp->s_skipped, rp->s_seconds);
	if (rp->spec->warnings.n) {
		fputs("    <system-out>", rp->body);
		for (size_t i = 0; i < rp->spec->warnings.n; i++) {
			fprintf(rp->body, "warning: ");
			put_str(rp->body, rp->spec->path, 1);
			fputc(':', rp->body);
			put_str(rp->body, rp->spec->warnings.v[i], 1);
			fputc('\n', rp->body);
		}
		fputs("</system-out>\n", rp->body);
	}
	fwrite(rp->suite_buf, 1, rp->suite_len, rp->body);
	fputs("  </testsuite>\n", rp->body);
	free(rp->suite_buf);
	rp->suite_buf = NULL;
}

void treport_spec(struct treport *rp, const struct tspec *s)
{
	if (rp->fmt == TREPORT_TAP) {
		fprintf(rp->out, "# spec %s: %zu cases\n", s->path, s->n);
		for (size_t i = 0; i < s->warnings.n; i++)
			fprintf(rp->out, "# warning: %s:%s\n", s->path, s->warnings.v[i]);
		rp->spec = s;
		return;
	}
	junit_close_suite(rp);
	rp->spec = s;
	rp->s_tests = rp->s_failed = rp->s_skipped = 0;
	rp->s_seconds = 0;
	rp->suite = open_memstream(&rp->suite_buf, &rp->suite_len);
}

/*
 * The start of an output in TAP's YAML block: a literal block scalar, its
 * characters that YAML cannot hold as '?' (the indentation indicator 2 lets a
 * first line start with spaces).
 */
static void tap_output(FILE *f, const char *key, const struct trun_output *o)
{
	size_t n = excerpt_len(o);
	if (!n) {
		fprintf(f, "  %s: \"\"\n", key);
		return;
	}
	fprintf(f, "  %s: |2-\n    ", key);
	for (size_t i = 0; i < n;) {
		size_t len = utf8_len((const unsigned char *)o->ptr + i, n - i);
		unsigned char c = (unsigned char)o->ptr[i];
		if (c == '\n' && i + 1 < n)
			fputs("\n    ", f);
		else if (len > 1)
			fwrite(o->ptr + i, 1, len, f);
		else if (c != '\n')
			fputc(!len || (c < 0x20 && c != '\t') || c == 0x7f ? '?' : c, f);
		i += len > 1 ? len : 1;
	}
	fputc('\n', f);
	if (n < o->len)
		fprintf(f, "  %s_cut_at: %zu  # of %zu bytes\n", key, n, o->len);
}

static void tap_case(struct treport *rp, const struct tcase *t, enum tverdict v, const char *skip,
		     const struct tstr_list *failures, const struct tstr_list *notes,
		     const struct trun_result *r)
{
	FILE *f = rp->out;
	for (size_t i = 0; i < t->warnings.n; i++)
		fprintf(f, "# warning: %s:%s (case '%s')\n", rp->spec->path, t->warnings.v[i], t->name);
	for (size_t i = 0; notes && i < notes->n; i++)
		fprintf(f, "# note: %s: %s\n", t->name, notes->v[i]);
	fprintf(f, "%s %zu - %s", v == TV_FAIL ? "not ok" : "ok", rp->index, t->name);
	if (v == TV_SKIP)
		fprintf(f, " # SKIP %s", skip);
	fputc('\n', f);
	if (v != TV_FAIL)
		return;
	fprintf(f, "  ---\n  spec: \"");
	put_str(f, rp->spec->path, 0);
	fprintf(f, ":%d:%d\"\n  failures:\n", t->line, t->column);
	for (size_t i = 0; i < failures->n; i++) {
		fputs("    - \"", f);
		put_str(f, failures->v[i], 0);
		fputs("\"\n", f);
	}
	if (r && r->argv.n) {
		fputs("  command: \"", f);
		put_command(f, r, 0);
		fputs("\"\n", f);
	}
	if (r && (r->exit_status >= 0 || r->signal || r->timed_out)) {
		fputs("  exit_status: \"", f);
		put_how_ended(f, r);
		fprintf(f, "\"\n  seconds: %.3f\n", r->seconds);
		tap_output(f, "stdout", &r->out);
		tap_output(f, "stderr", &r->err);
	}
	fputs("  ...\n", f);
}

static void junit_case(struct treport *rp, const struct tcase *t, enum tverdict v, const char *skip,
		       const struct tstr_list *failures, const struct tstr_list *notes,
		       const struct trun_result *r)
{
	FILE *f = rp->suite;
	const char *base = strrchr(rp->spec->path, '/');
	fputs("    <testcase name=\"", f);
	put_str(f, t->name, 1);
	fputs("\" classname=\"", f);
	put_str(f, base ? base + 1 : rp->spec->path, 1);
	fprintf(f, "\" time=\"%.3f\">\n", r ? r->seconds : 0.0);
	if (v == TV_SKIP) {
		fputs("      <skipped message=\"", f);
		put_str(f, skip, 1);
		fputs("\"/>\n", f);
	} else if (v == TV_FAIL) {
		fputs("      <failure message=\"", f);
		put_str(f, failures->n ? failures->v[0] : "failed", 1);
		fputs("\" type=\"regression\">", f);
		for (size_t i = 0; i < failures->n; i++) {
			put_str(f, failures->v[i], 1);
			fputc('\n', f);
		}
		fprintf(f, "spec: ");
		put_str(f, rp->spec->path, 1);
		fprintf(f, ":%d:%d\n", t->line, t->column);
		if (r && r->argv.n) {
			fputs("command: ", f);
			put_command(f, r, 1);
			fputc('\n', f);
		}
		if (r && (r->exit_status >= 0 || r->signal || r->timed_out)) {
			fputs("exit status: ", f);
			put_how_ended(f, r);
			fputs("\nstdout:\n", f);
			put_escaped(f, r->out.ptr ? r->out.ptr : "", excerpt_len(&r->out), 1);
			fputs("\nstderr:\n", f);
			put_escaped(f, r->err.ptr ? r->err.ptr : "", excerpt_len(&r->err), 1);
		}
		fputs("</failure>\n", f);
	}
	if (t->warnings.n || (notes && notes->n)) {
		fputs("      <system-out>", f);
		for (size_t i = 0; i < t->warnings.n; i++) {
			fputs("warning: ", f);
			put_str(f, rp->spec->path, 1);
			fputc(':', f);
			put_str(f, t->warnings.v[i], 1);
			fputc('\n', f);
		}
		for (size_t i = 0; notes && i < notes->n; i++) {
			fputs("note: ", f);
			put_str(f, notes->v[i], 1);
			fputc('\n', f);
		}
		fputs("</system-out>\n", f);
	}
	fputs("    </testcase>\n", f);
	rp->s_tests++;
	rp->s_failed += v == TV_FAIL;
	rp->s_skipped += v == TV_SKIP;
	rp->s_seconds += r ? r->seconds : 0.0;
}

void treport_case(struct treport *rp, const struct tcase *t, enum tverdict v, const char *skip,
		  const struct tstr_list *failures, const struct tstr_list *notes,
		  const struct trun_result *r)
{
	rp->index++;
	rp->failed += v == TV_FAIL;
	rp->skipped += v == TV_SKIP;
	if (rp->fmt == TREPORT_TAP)
		tap_case(rp, t, v, skip, failures, notes, r);
	else if (rp->suite)
		junit_case(rp, t, v, skip, failures, notes, r);
	fflush(rp->out);
}

int treport_end(struct treport *rp)
{
	FILE *out = rp->out;
	if (rp->fmt == TREPORT_TAP) {
		fprintf(out, "# %zu passed, %zu failed, %zu skipped\n",
			rp->index - rp->failed - rp->skipped, rp->failed, rp->skipped);
	} else {
		junit_close_suite(rp);
		fclose(rp->body);
		fprintf(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
			     "<testsuites tests=\"%zu\" failures=\"%zu\" errors=\"0\" skipped=\"%zu\">\n",
			rp->index, rp->failed, rp->skipped);
		fwrite(rp->body_buf, 1, rp->body_len, out);
		fputs("</testsuites>\n", out);
		free(rp->body_buf);
	}
	free(rp);
	return fflush(out) == 0 && !ferror(out) ? 0 : -1;
}
