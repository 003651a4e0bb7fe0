/* Scanner of filter expressions: normal-mode tokens and values. */
#include "lexer.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hex.h"

static const struct {
	const char *word;
	enum fnet_cmp_op op;
} op_words[] = {
	{"contains", FNET_OP_CONTAINS},     {"icontains", FNET_OP_ICONTAINS},
	{"bcontains", FNET_OP_BCONTAINS},   {"startswith", FNET_OP_STARTSWITH},
	{"bstartswith", FNET_OP_BSTARTSWITH}, {"endswith", FNET_OP_ENDSWITH},
	{"glob", FNET_OP_GLOB},             {"iglob", FNET_OP_IGLOB},
	{"regex", FNET_OP_REGEX},           {"in", FNET_OP_IN},
	{"intersects", FNET_OP_INTERSECTS}, {"pmatch", FNET_OP_PMATCH},
	{"exists", FNET_OP_EXISTS},
};

int fnet_op_from_word(const char *w, size_t n, enum fnet_cmp_op *op)
{
	for (size_t i = 0; i < sizeof(op_words) / sizeof(op_words[0]); i++)
		if (strlen(op_words[i].word) == n && memcmp(op_words[i].word, w, n) == 0) {
			*op = op_words[i].op;
			return 0;
		}
	return -1;
}

const char *fnet_op_name(enum fnet_cmp_op op)
{
	switch (op) {
	case FNET_OP_EQ: return "=";
	case FNET_OP_NE: return "!=";
	case FNET_OP_LT: return "<";
	case FNET_OP_LE: return "<=";
	case FNET_OP_GT: return ">";
	case FNET_OP_GE: return ">=";
	default:
		break;
	}
	for (size_t i = 0; i < sizeof(op_words) / sizeof(op_words[0]); i++)
		if (op_words[i].op == op)
			return op_words[i].word;
	return "?";
}

int fnet_op_takes_list(enum fnet_cmp_op op)
{
	return op == FNET_OP_IN || op == FNET_OP_INTERSECTS || op == FNET_OP_PMATCH;
}

int fnet_lex_is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Characters that end a normal-mode word. */
static int ends_word(char c)
{
	return fnet_lex_is_blank(c) || strchr("()!=<>,'\"", c) != NULL;
}

void fnet_lexer_init(struct fnet_lexer *lx, const char *src)
{
	lx->src = src;
	lx->len = strlen(src);
	lx->pos = 0;
}

size_t fnet_lex_skip_blanks(struct fnet_lexer *lx)
{
	while (lx->pos < lx->len && fnet_lex_is_blank(lx->src[lx->pos]))
		lx->pos++;
	return lx->pos;
}

/*
 * Offset just past the quoted string starting at `start` (a quote), or
 * (size_t)-1 when it is not closed. A backslash protects the next byte.
 */
static size_t quoted_end(const struct fnet_lexer *lx, size_t start)
{
	char q = lx->src[start];
	for (size_t i = start + 1; i < lx->len; i++) {
		if (lx->src[i] == '\\' && i + 1 < lx->len)
			i++;
		else if (lx->src[i] == q)
			return i + 1;
	}
	return (size_t)-1;
}

int fnet_lex_next(struct fnet_lexer *lx, struct fnet_token *tok, char *err, size_t errsize,
		  size_t *err_pos)
{
	size_t p = fnet_lex_skip_blanks(lx);
	tok->pos = p;
	tok->len = 1;
	if (p >= lx->len) {
		tok->kind = FNET_TOK_END;
		tok->len = 0;
		return 0;
	}
	char c = lx->src[p], n = p + 1 < lx->len ? lx->src[p + 1] : 0;
	switch (c) {
	case '(':
		tok->kind = FNET_TOK_LPAREN;
		break;
	case ')':
		tok->kind = FNET_TOK_RPAREN;
		break;
	case ',':
		tok->kind = FNET_TOK_COMMA;
		break;
	case '=':
		tok->kind = FNET_TOK_CMP;
		tok->op = FNET_OP_EQ;
		tok->len = n == '=' ? 2 : 1;
		break;
	case '!':
		if (n != '=') {
			snprintf(err, errsize, "unexpected '!' (use 'not' to negate, '!=' to compare)");
			*err_pos = p;
			return -1;
		}
		tok->kind = FNET_TOK_CMP;
		tok->op = FNET_OP_NE;
		tok->len = 2;
		break;
	case '<':
	case '>':
		tok->kind = FNET_TOK_CMP;
		tok->op = c == '<' ? (n == '=' ? FNET_OP_LE : FNET_OP_LT)
				   : (n == '=' ? FNET_OP_GE : FNET_OP_GT);
		tok->len = n == '=' ? 2 : 1;
		break;
	case '"':
	case '\'': {
		size_t e = quoted_end(lx, p);
		if (e == (size_t)-1) {
			snprintf(err, errsize, "unterminated string: missing closing %c", c);
			*err_pos = p;
			return -1;
		}
		tok->kind = FNET_TOK_STRING;
		tok->len = e - p;
		break;
	}
	default: {
		size_t e = p;
		while (e < lx->len && !ends_word(lx->src[e])) {
			if (lx->src[e] == '[') {
				/* a field argument: up to its ']', blanks and quotes included */
				const char *close = memchr(lx->src + e, ']', lx->len - e);
				if (!close) {
					snprintf(err, errsize, "'[' is not closed: expected ']'");
					*err_pos = e;
					return -1;
				}
				e = (size_t)(close - lx->src);
			}
			e++;
		}
		tok->kind = FNET_TOK_WORD;
		tok->len = e - p;
		break;
	}
	}
	lx->pos = p + tok->len;
	return 0;
}

/*
 * Decodes src[from, to) into a new buffer, resolving escapes. Returns 0, or -1
 * with a message (bad \x escape, out of memory).
 */
static int decode(const struct fnet_lexer *lx, size_t from, size_t to, char **text, size_t *len,
		  char *err, size_t errsize, size_t *err_pos)
{
	char *out = malloc(to - from + 1);
	size_t n = 0;
	if (!out) {
		snprintf(err, errsize, "out of memory");
		*err_pos = from;
		return -1;
	}
	for (size_t i = from; i < to; i++) {
		char c = lx->src[i];
		if (c != '\\' || i + 1 >= to) {
			out[n++] = c;
			continue;
		}
		char e = lx->src[i + 1];
		if (e == '\\' || e == '"' || e == '\'') {
			out[n++] = e;
			i++;
		} else if (e == 'x') {
			int h = i + 2 < to ? fnet_hex_digit(lx->src[i + 2]) : -1;
			int l = i + 3 < to ? fnet_hex_digit(lx->src[i + 3]) : -1;
			if (h < 0 || l < 0) {
				snprintf(err, errsize, "invalid escape: \\x needs two hex digits");
				*err_pos = i;
				free(out);
				return -1;
			}
			out[n++] = (char)(h * 16 + l);
			i += 3;
		} else {
			out[n++] = c; /* unknown escape: kept as written */
		}
	}
	out[n] = 0;
	*text = out;
	*len = n;
	return 0;
}

int fnet_lex_peek_call(const struct fnet_lexer *lx, size_t *pos, size_t *len)
{
	size_t p = lx->pos;
	while (p < lx->len && fnet_lex_is_blank(lx->src[p]))
		p++;
	size_t e = p;
	while (e < lx->len && (isalnum((unsigned char)lx->src[e]) || lx->src[e] == '_'))
		e++;
	if (e == p)
		return 0;
	size_t q = e;
	while (q < lx->len && fnet_lex_is_blank(lx->src[q]))
		q++;
	if (q >= lx->len || lx->src[q] != '(')
		return 0;
	*pos = p;
	*len = e - p;
	return 1;
}

int fnet_lex_value(struct fnet_lexer *lx, int in_list, char **text, size_t *len, size_t *pos,
		   int *quoted, char *err, size_t errsize, size_t *err_pos)
{
	size_t p = fnet_lex_skip_blanks(lx);
	*pos = p;
	*quoted = 0;
	if (p >= lx->len)
		return 0;
	char c = lx->src[p];
	if (c == '"' || c == '\'') {
		size_t e = quoted_end(lx, p);
		if (e == (size_t)-1) {
			snprintf(err, errsize, "unterminated string: missing closing %c", c);
			*err_pos = p;
			return -1;
		}
		if (decode(lx, p + 1, e - 1, text, len, err, errsize, err_pos) < 0)
			return -1;
		lx->pos = e;
		*quoted = 1;
		return 1;
	}
	size_t e = p;
	while (e < lx->len) {
		char d = lx->src[e];
		if (fnet_lex_is_blank(d) || d == '(' || d == ')' || (in_list && d == ','))
			break;
		e++;
	}
	if (e == p)
		return 0;
	if (decode(lx, p, e, text, len, err, errsize, err_pos) < 0)
		return -1;
	lx->pos = e;
	return 1;
}
