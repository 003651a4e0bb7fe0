/*
 * Tokens of the filter language.
 *
 * The lexer has two modes, as sysdig's scanner does. In the normal mode it
 * returns parentheses, commas, comparison symbols, quoted strings and words; a
 * word (a field name, a keyword such as `and` or `contains`) ends at a blank
 * or at one of ( ) ! = < > , ' ". In the value mode, used right after an
 * operator, a value is either a quoted string or a bare word that ends only at
 * a blank or a parenthesis (and, inside an `in` list, a comma), so
 * `fd.name=/tmp/a=b` compares with "/tmp/a=b".
 *
 * Values, quoted or bare, take backslash escapes: \\ \" \' and \xHH (two hex
 * digits); any other backslash is kept as is.
 */
#ifndef FNET_FILTER_LEXER_H
#define FNET_FILTER_LEXER_H

#include <stddef.h>

/* Comparison operators. */
enum fnet_cmp_op {
	FNET_OP_EQ,         /* = or == */
	FNET_OP_NE,         /* != */
	FNET_OP_LT,         /* < */
	FNET_OP_LE,         /* <= */
	FNET_OP_GT,         /* > */
	FNET_OP_GE,         /* >= */
	FNET_OP_CONTAINS,   /* contains */
	FNET_OP_STARTSWITH, /* startswith */
	FNET_OP_IN,         /* in (v1, v2, ...) */
	FNET_OP_EXISTS      /* exists: the field has a value */
};

enum fnet_tok_kind {
	FNET_TOK_END,    /* end of the expression */
	FNET_TOK_WORD,   /* field name, keyword, or bare word */
	FNET_TOK_STRING, /* quoted string (normal mode; its text is not decoded) */
	FNET_TOK_LPAREN,
	FNET_TOK_RPAREN,
	FNET_TOK_COMMA,
	FNET_TOK_CMP     /* = == != < <= > >= */
};

struct fnet_token {
	enum fnet_tok_kind kind;
	size_t pos;          /* byte offset of the token in the expression */
	size_t len;          /* its length in the expression */
	enum fnet_cmp_op op; /* FNET_TOK_CMP only */
};

struct fnet_lexer {
	const char *src;
	size_t len;
	size_t pos; /* next byte to scan */
};

/* Starts scanning the NUL-terminated `src` (which must outlive the lexer). */
void fnet_lexer_init(struct fnet_lexer *lx, const char *src);

/*
 * Scans the next normal-mode token into `tok`. Returns 0, or -1 on a lexical
 * error (a lone '!', an unterminated quoted string) with a message in `err`
 * (`errsize` bytes) and its byte offset in `*err_pos`.
 */
int fnet_lex_next(struct fnet_lexer *lx, struct fnet_token *tok, char *err, size_t errsize,
		  size_t *err_pos);

/* Offset of the next non-blank byte (the expression's length at its end). */
size_t fnet_lex_skip_blanks(struct fnet_lexer *lx);

/*
 * Scans a value (value mode) after skipping blanks. `in_list` makes a comma end
 * a bare value. Returns 1 with the decoded value in `*text` (malloc'd,
 * NUL-terminated, `*len` bytes, may contain NUL bytes from \x00; the caller
 * frees it) and its offset in `*pos`; 0 when no value starts here (end of the
 * expression, or a bare value would be empty); -1 on error (unterminated
 * string, bad \x escape, out of memory) with a message in `err` and its offset
 * in `*err_pos`.
 */
int fnet_lex_value(struct fnet_lexer *lx, int in_list, char **text, size_t *len, size_t *pos,
		   char *err, size_t errsize, size_t *err_pos);

/* Whether `c` is a blank for the filter language (space, tab, CR, LF). */
int fnet_lex_is_blank(char c);

#endif
