/*
 * Parser of filter expressions into a syntax tree.
 *
 *   expr    := or
 *   or      := and ("or" and)*
 *   and     := unary ("and" unary)*
 *   unary   := "not" unary | "(" expr ")" | check | MACRO
 *   check   := operand OP rhs
 *            | operand LISTOP ( list | NAME | rhsfield )
 *            | operand "exists"
 *   operand := FIELD | XFORM "(" operand ")"
 *   rhs     := VALUE | rhsfield
 *   rhsfield:= "val" "(" operand ")" | XFORM "(" operand ")"
 *   list    := "(" [VALUE ("," VALUE)*] ")"
 *   OP      := = == != < <= > >= contains icontains bcontains startswith
 *              bstartswith endswith glob iglob regex
 *   LISTOP  := in intersects pmatch
 *   XFORM   := tolower toupper b64 basename len
 *   FIELD   := name ("[" argument "]")?     e.g. proc.aname[2], evt.arg.fd
 *   MACRO   := identifier not followed by an operator (FNET_PARSE_MACROS only)
 *
 * So `not` binds tighter than `and`, which binds tighter than `or`. A NAME
 * after a list operator, and any bare (unquoted) value of a list, may name a
 * list the compiler expands (struct fnet_filter_opts). The parser checks
 * syntax only; field names, value types and operator/field fit are checked
 * when the tree is compiled (compile.c).
 */
#ifndef FNET_FILTER_PARSER_H
#define FNET_FILTER_PARSER_H

#include <stddef.h>
#include <stdint.h>

#include "lexer.h"
#include "transform.h"

enum fnet_ast_kind {
	FNET_AST_OR,    /* kids[0] or kids[1] or ... */
	FNET_AST_AND,   /* kids[0] and kids[1] and ... */
	FNET_AST_NOT,   /* not kids[0] */
	FNET_AST_CHECK, /* operand op value(s) */
	FNET_AST_MACRO  /* a macro's name (lhs.field): FNET_PARSE_MACROS only */
};

/* One constant of a check, decoded (escapes resolved). */
struct fnet_ast_value {
	char *text;   /* malloc'd, NUL-terminated (may also hold NUL bytes) */
	size_t len;
	size_t pos;   /* byte offset in the expression */
	int quoted;   /* written as a quoted string: never a list name */
};

/* A field with the transformers written around it. */
struct fnet_ast_operand {
	const char *field;           /* points into the expression; not NUL-terminated */
	size_t field_len;
	size_t field_pos;
	unsigned nxf;
	uint8_t xf[FNET_XF_MAX];     /* enum fnet_xform, innermost (applied first) first */
	size_t xf_pos[FNET_XF_MAX];
};

struct fnet_ast {
	enum fnet_ast_kind kind;
	size_t pos;                  /* byte offset of the node's first token */
	struct fnet_ast **kids;      /* OR, AND: 2 or more; NOT: 1 */
	size_t nkids, kids_cap;
	/* CHECK */
	struct fnet_ast_operand lhs;
	enum fnet_cmp_op op;
	size_t op_pos, op_len;       /* the operator as written */
	int has_rhs_field;           /* the right side is a field: `rhs` */
	struct fnet_ast_operand rhs;
	size_t rhs_pos;
	int list_name;               /* list operator followed by a bare NAME: values[0] */
	struct fnet_ast_value *values; /* one, or a list (maybe empty); none for exists */
	size_t nvalues, values_cap;
};

/* Deepest nesting of parentheses and `not` the parser accepts. */
#define FNET_AST_MAX_DEPTH 200

/* Options of fnet_parse_flags. */
enum {
	/* A bare identifier ([A-Za-z][A-Za-z0-9_]*) not followed by an operator is a
	 * macro reference (FNET_AST_MACRO), as Falco rules write `evt.type=open and is_cat`. */
	FNET_PARSE_MACROS = 1,
	/* Syntax errors Falco's parser (libsinsp filter/parser.cpp) words differently
	 * get its wording: "unexpected token after 'X', expecting 'or', 'and'",
	 * "expected a ')' token". */
	FNET_PARSE_FALCO_WORDING = 2
};

/*
 * Parses `expr`. Returns the tree (free it with fnet_ast_free; it points into
 * `expr`, which must outlive it), or NULL with a message in `err` (`errsize`
 * bytes) and the byte offset of the error in `*err_pos`.
 */
struct fnet_ast *fnet_parse(const char *expr, char *err, size_t errsize, size_t *err_pos);

/* fnet_parse with options: FNET_PARSE_* or'ed together. */
struct fnet_ast *fnet_parse_flags(const char *expr, unsigned flags, char *err, size_t errsize,
				  size_t *err_pos);

/* Frees a tree. NULL is allowed. */
void fnet_ast_free(struct fnet_ast *a);

#endif
