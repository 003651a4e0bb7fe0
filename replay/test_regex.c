#include "test_regex.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "strbuf.h"
#include "hex.h"

/* Translation state: the pattern, where we are, what was refused. */
struct tr {
	const char *p;
	size_t i, end;
	int dotall;
	struct fnet_strbuf out;
	char *err;
	size_t errsize;
};

static int refuse(struct tr *t, size_t at, const char *what)
{
	snprintf(t->err, t->errsize, "at byte %zu of the pattern: %s", at + 1, what);
	return -1;
}

/* ERE's special characters, which need a backslash to stand for themselves. */
static int ere_special(char c)
{
	return c && strchr(".[]()*+?{}|^$\\", c) != NULL;
}

static void put_literal(struct tr *t, char c)
{
	if (c == '\n' || c == '\t' || !ere_special(c)) {
		fnet_strbuf_putc(&t->out, c);
		return;
	}
	fnet_strbuf_putc(&t->out, '\\');
	fnet_strbuf_putc(&t->out, c);
}

/* The character a simple escape stands for (\n \t \xHH ...), or -1. Advances past it. */
static int escaped_char(struct tr *t)
{
	char c = t->p[t->i + 1];
	static const char from[] = "ntrfv", to[] = "\n\t\r\f\v";
	const char *f = c ? strchr(from, c) : NULL;
	if (f) {
		t->i += 2;
		return (unsigned char)to[f - from];
	}
	if (c == 'x' && t->i + 3 < t->end && fnet_hex_digit(t->p[t->i + 2]) >= 0 &&
	    fnet_hex_digit(t->p[t->i + 3]) >= 0) {
		int v = fnet_hex_digit(t->p[t->i + 2]) * 16 + fnet_hex_digit(t->p[t->i + 3]);
		t->i += 4;
		return v;
	}
	if (c && !isalnum((unsigned char)c)) {
		t->i += 2;
		return (unsigned char)c;
	}
	return -1;
}

/* Python's class escapes: the body of a POSIX bracket expression, or NULL. */
static const char *class_body(char c, int *negated)
{
	*negated = isupper((unsigned char)c) != 0;
	switch (tolower((unsigned char)c)) {
	case 'd':
		return "0-9";
	case 's':
		return "[:space:]";
	case 'w':
		return "[:alnum:]_";
	default:
		return NULL;
	}
}

/*
 * [...]: POSIX has no escapes inside brackets, and wants ']' first and '-' last,
 * so the members are collected and written in that order.
 */
static int tr_bracket(struct tr *t)
{
	size_t start = t->i++;
	int neg = 0, rbracket = 0, dash = 0, caret = 0;
	struct fnet_strbuf body = FNET_STRBUF_INIT;
	if (t->i < t->end && t->p[t->i] == '^') {
		neg = 1;
		t->i++;
	}
	int first = 1;
	for (;;) {
		if (t->i >= t->end) {
			fnet_strbuf_free(&body);
			return refuse(t, start, "'[' without its ']'");
		}
		char c = t->p[t->i];
		if (c == ']' && !first)
			break;
		first = 0;
		int lit;
		if (c == '\\') {
			int cneg;
			const char *cls = class_body(t->p[t->i + 1], &cneg);
			if (cls && cneg) {
				fnet_strbuf_free(&body);
				return refuse(t, t->i, "a negated class escape inside [...]");
			}
			if (cls) {
				fnet_strbuf_puts(&body, cls);
				t->i += 2;
				continue;
			}
			size_t at = t->i;
			if ((lit = escaped_char(t)) < 0) {
				fnet_strbuf_free(&body);
				return refuse(t, at, "an escape this translation does not know");
			}
		} else {
			lit = (unsigned char)c;
			t->i++;
		}
		/* a range a-z (a '-' before ']' is a literal dash) */
		if (t->i + 1 < t->end && t->p[t->i] == '-' && t->p[t->i + 1] != ']') {
			t->i++;
			int hi;
			if (t->p[t->i] == '\\') {
				size_t at = t->i;
				if ((hi = escaped_char(t)) < 0) {
					fnet_strbuf_free(&body);
					return refuse(t, at, "an escape this translation does not know");
				}
			} else {
				hi = (unsigned char)t->p[t->i++];
			}
			if (lit == ']' || hi == ']' || lit == '-' || hi == '-' || lit == '^') {
				fnet_strbuf_free(&body);
				return refuse(t, start, "a range with ']', '-' or '^' at its end");
			}
			fnet_strbuf_putc(&body, (char)lit);
			fnet_strbuf_putc(&body, '-');
			fnet_strbuf_putc(&body, (char)hi);
			continue;
		}
		if (lit == ']')
			rbracket = 1;
		else if (lit == '-')
			dash = 1;
		else if (lit == '^')
			caret = 1;
		else
			fnet_strbuf_putc(&body, (char)lit);
	}
	t->i++; /* the closing ']' */
	if (!neg && caret && !rbracket && !dash && body.len == 0) {
		fnet_strbuf_puts(&t->out, "\\^");
	} else {
		fnet_strbuf_puts(&t->out, neg ? "[^" : "[");
		if (rbracket)
			fnet_strbuf_putc(&t->out, ']');
		fnet_strbuf_append(&t->out, body.ptr ? body.ptr : "", body.len);
		if (caret)
			fnet_strbuf_putc(&t->out, '^');
		if (dash)
			fnet_strbuf_putc(&t->out, '-');
		fnet_strbuf_putc(&t->out, ']');
	}
	fnet_strbuf_free(&body);
	return 0;
}

/* Length of a quantifier {n}, {n,}, {,m}, {n,m} at `s`, or 0 when '{' is a literal. */
static size_t brace_quantifier(const char *s, size_t avail)
{
	size_t i = 1, digits = 0;
	while (i < avail && isdigit((unsigned char)s[i]))
		i++, digits++;
	if (i < avail && s[i] == ',') {
		i++;
		while (i < avail && isdigit((unsigned char)s[i]))
			i++, digits++;
	}
	return digits && i < avail && s[i] == '}' ? i + 1 : 0;
}

static int tr_escape(struct tr *t)
{
	char c = t->p[t->i + 1];
	int neg;
	const char *cls = class_body(c, &neg);
	if (cls) {
		fnet_strbuf_printf(&t->out, "[%s%s]", neg ? "^" : "", cls);
		t->i += 2;
		return 0;
	}
	if (c == 'A' || c == 'Z' || c == 'z') {
		/* without MULTILINE these are POSIX's ^ and $ */
		fnet_strbuf_putc(&t->out, c == 'A' ? '^' : '$');
		t->i += 2;
		return 0;
	}
	size_t at = t->i;
	int lit = escaped_char(t);
	if (lit < 0)
		return refuse(t, at,
			      isdigit((unsigned char)c) ? "back references are not supported"
						       : "an escape this translation does not know");
	put_literal(t, (char)lit);
	return 0;
}

static int tr_group_open(struct tr *t)
{
	if (t->p[t->i + 1] != '?') {
		fnet_strbuf_putc(&t->out, '(');
		t->i++;
		return 0;
	}
	if (t->p[t->i + 2] == ':') {
		fnet_strbuf_putc(&t->out, '(');
		t->i += 3;
		return 0;
	}
	return refuse(t, t->i, "this (?...) group is not supported (only (?:...), a leading (?i) or "
			       "(?s), and a whole pattern ^(?!...))");
}

static int tr_quantifier(struct tr *t, size_t len)
{
	fnet_strbuf_append(&t->out, t->p + t->i, len);
	t->i += len;
	if (t->i < t->end && t->p[t->i] == '?') /* lazy: the same matches exist */
		t->i++;
	else if (t->i < t->end && t->p[t->i] == '+')
		return refuse(t, t->i, "possessive quantifiers are not supported");
	return 0;
}

/* Translates p[i, end) into t->out. */
static int tr_run(struct tr *t)
{
	while (t->i < t->end) {
		char c = t->p[t->i];
		size_t q;
		int rc = 0;
		switch (c) {
		case '\\':
			rc = tr_escape(t);
			break;
		case '[':
			rc = tr_bracket(t);
			break;
		case '(':
			rc = tr_group_open(t);
			break;
		case '.':
			fnet_strbuf_puts(&t->out, t->dotall ? "." : "[^\n]");
			t->i++;
			break;
		case '$':
			fnet_strbuf_puts(&t->out, "(\n?$)");
			t->i++;
			break;
		case '*':
		case '+':
		case '?':
			rc = tr_quantifier(t, 1);
			break;
		case '{':
			q = brace_quantifier(t->p + t->i, t->end - t->i);
			if (q)
				rc = tr_quantifier(t, q);
			else {
				fnet_strbuf_puts(&t->out, "\\{");
				t->i++;
			}
			break;
		case '}':
			fnet_strbuf_puts(&t->out, "\\}");
			t->i++;
			break;
		default:
			fnet_strbuf_putc(&t->out, c);
			t->i++;
		}
		if (rc < 0)
			return -1;
	}
	return 0;
}

/* Whether the parenthesis at p[open] closes at the last byte of the pattern. */
static int closes_at_end(const char *p, size_t open, size_t len)
{
	int depth = 0;
	size_t in_bracket = 0; /* inside [...]: the index after '[' (and '^'), else 0 */
	for (size_t i = open; i < len; i++) {
		char c = p[i];
		if (c == '\\') {
			i++;
			continue;
		}
		if (in_bracket) {
			if (c == ']' && i > in_bracket)
				in_bracket = 0;
			continue;
		}
		if (c == '[') {
			in_bracket = i + 1 + (p[i + 1] == '^');
			continue;
		}
		if (c == '(')
			depth++;
		else if (c == ')' && --depth == 0)
			return i == len - 1;
	}
	return 0;
}

int py_regex_compile(struct py_regex *r, const char *pattern, int dotall, char *err, size_t errsize)
{
	memset(r, 0, sizeof(*r));
	struct tr t = {pattern, 0, strlen(pattern), dotall, FNET_STRBUF_INIT, err, errsize};
	int flags = REG_EXTENDED;
	/* leading inline flags */
	while (t.end - t.i >= 4 && strncmp(pattern + t.i, "(?", 2) == 0 && pattern[t.i + 3] == ')' &&
	       strchr("is", pattern[t.i + 2])) {
		if (pattern[t.i + 2] == 'i')
			flags |= REG_ICASE;
		else
			t.dotall = 1;
		t.i += 4;
	}
	if (strncmp(pattern + t.i, "^(?!", 4) == 0 && closes_at_end(pattern, t.i + 1, t.end)) {
		r->negate = 1;
		t.i += 4;
		t.end--;
		fnet_strbuf_puts(&t.out, "^(");
	}
	if (tr_run(&t) < 0) {
		fnet_strbuf_free(&t.out);
		return -1;
	}
	if (r->negate)
		fnet_strbuf_putc(&t.out, ')');
	if (t.out.oom) {
		fnet_strbuf_free(&t.out);
		snprintf(err, errsize, "out of memory");
		return -1;
	}
	int rc = regcomp(&r->re, t.out.ptr ? t.out.ptr : "", flags);
	fnet_strbuf_free(&t.out);
	if (rc) {
		char msg[200];
		regerror(rc, &r->re, msg, sizeof(msg));
		snprintf(err, errsize, "%s", msg);
		return -1;
	}
	return 0;
}

int py_regex_search(const struct py_regex *r, const char *text, size_t len)
{
	int found;
#ifdef REG_STARTEND
	regmatch_t m[1] = {{0, (regoff_t)len}};
	found = regexec(&r->re, text, 1, m, REG_STARTEND) == 0;
#else
	/* without REG_STARTEND the text ends at its first NUL byte */
	char *copy = strndup(text, len);
	found = copy && regexec(&r->re, copy, 0, NULL, 0) == 0;
	free(copy);
#endif
	return r->negate ? !found : found;
}

void py_regex_free(struct py_regex *r)
{
	regfree(&r->re);
}
