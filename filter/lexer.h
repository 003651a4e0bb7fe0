/*
 * Tokens of the filter language.
 *
 * The lexer has two modes, as sysdig's scanner does. In the normal mode it
 * returns parentheses, commas, comparison symbols, quoted strings and words; a
 * word (a field name, a keyword such as `and` or `contains`, a transformer
 * name) ends at a blank or at one of ( ) ! = < > , ' ". A '[' inside a word
 * opens a field argument that runs to the next ']' whatever it holds, so
 * `evt.arg["a b"]` and `proc.aname[2]` are one word each. In the value mode,
 * used right after an operator, a value is either a quoted string or a bare
 * word that ends only at a blank or a parenthesis (and, inside a list, a
 * comma), so `fd.name=/tmp/a=b` compares with "/tmp/a=b".
 *
 * Values, quoted or bare, take backslash escapes: \\ \" \' and \xHH (two hex
 * digits); any other backslash is kept as is.
 */
#ifndef FNET_FILTER_LEXER_H
#define FNET_FILTER_LEXER_H

#include <stddef.h>

/* Comparison operators. */
enum fnet_cmp_op {
	FNET_OP_EQ,          /* = or == */
	FNET_OP_NE,          /* != */
	FNET_OP_LT,          /* < */
	FNET_OP_LE,          /* <= */
	FNET_OP_GT,          /* > */
	FNET_OP_GE,          /* >= */
	FNET_OP_CONTAINS,    /* contains: substring */
	FNET_OP_ICONTAINS,   /* icontains: substring, ASCII case ignored */
	FNET_OP_BCONTAINS,   /* bcontains: byte string given in hex */
	FNET_OP_STARTSWITH,  /* startswith */
	FNET_OP_BSTARTSWITH, /* bstartswith: byte prefix given in hex */
	FNET_OP_ENDSWITH,    /* endswith */
	FNET_OP_GLOB,        /* glob: shell wildcard pattern (fnmatch) */
	FNET_OP_IGLOB,       /* iglob: the same, case ignored */
	FNET_OP_REGEX,       /* regex: POSIX extended regular expression, whole value */
	FNET_OP_IN,          /* in (v1, v2, ...) */
	FNET_OP_INTERSECTS,  /* intersects (v1, v2, ...) */
	FNET_OP_PMATCH,      /* pmatch (path1, path2, ...): path prefix */
	FNET_OP_EXISTS       /* exists: the field has a value */
};

/* Whether `op` takes a list: in, intersects, pmatch. */
int fnet_op_takes_list(enum fnet_cmp_op op);

/* The operator spelt by the word `w` (`n` bytes): 0 and `*op`, or -1. */
int fnet_op_from_word(const char *w, size_t n, enum fnet_cmp_op *op);

/* The operator as written ("=", "contains", ...). */
const char *fnet_op_name(enum fnet_cmp_op op);

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
 * error (a lone '!', an unterminated quoted string, a '[' without its ']') with
 * a message in `err` (`errsize` bytes) and its byte offset in `*err_pos`.
 */
int fnet_lex_next(struct fnet_lexer *lx, struct fnet_token *tok, char *err, size_t errsize,
		  size_t *err_pos);

/* Offset of the next non-blank byte (the expression's length at its end). */
size_t fnet_lex_skip_blanks(struct fnet_lexer *lx);

/*
 * Looks, after blanks, for a name made of letters, digits and '_' followed
 * (blanks allowed) by '(' -- the start of `val(...)` or of a transformer such as
 * `tolower(...)` in value position. Returns 1 with the name's offset and length
 * in `*pos` and `*len`, else 0. Consumes nothing.
 */
int fnet_lex_peek_call(const struct fnet_lexer *lx, size_t *pos, size_t *len);

/*
 * Scans a value (value mode) after skipping blanks. `in_list` makes a comma end
 * a bare value. Returns 1 with the decoded value in `*text` (malloc'd,
 * NUL-terminated, `*len` bytes, may contain NUL bytes from \x00; the caller
 * frees it), its offset in `*pos` and in `*quoted` whether it was a quoted
 * string; 0 when no value starts here (end of the expression, or a bare value
 * would be empty); -1 on error (unterminated string, bad \x escape, out of
 * memory) with a message in `err` and its offset in `*err_pos`.
 */
int fnet_lex_value(struct fnet_lexer *lx, int in_list, char **text, size_t *len, size_t *pos,
		   int *quoted, char *err, size_t errsize, size_t *err_pos);

/* Whether `c` is a blank for the filter language (space, tab, CR, LF). */
int fnet_lex_is_blank(char c);

#endif
