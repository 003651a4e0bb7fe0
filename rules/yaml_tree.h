/*
 * A YAML document as a tree of nodes with their positions, built with libyaml.
 * Rules files and regression specs are small, so they are read whole; every node
 * keeps the line, column and byte offset where it starts, for messages.
 *
 * Anchors and aliases are resolved by copying the anchored node. Tags are ignored
 * (a tagged node is read as the untagged one).
 */
#ifndef FNET_RULES_YAML_TREE_H
#define FNET_RULES_YAML_TREE_H

#include <stddef.h>

enum yaml_node_kind { YAML_NODE_SCALAR, YAML_NODE_SEQ, YAML_NODE_MAP };

struct yaml_node {
	enum yaml_node_kind kind;
	int line, column; /* 1-based */
	size_t offset;    /* byte offset in the text */
	/* YAML_NODE_SCALAR: the value (NUL-terminated, `len` bytes) and whether it
	 * was written quoted or as a block (then it is never null, true or a number). */
	char *value;
	size_t len;
	int quoted;
	/* YAML_NODE_SEQ: n items in `items`. YAML_NODE_MAP: n pairs, key i in
	 * items[2i] and its value in items[2i+1], in document order. */
	struct yaml_node **items;
	size_t n;
};

/* The documents of one YAML stream (`---` separates them). */
struct yaml_stream {
	struct yaml_node **docs; /* a document's root; NULL for an empty document */
	size_t ndocs;
};

/*
 * Parses `len` bytes of YAML. Returns 0 and fills `*out` (free with
 * yaml_stream_free), or -1 with `*out` empty and the problem in `err` (errsize
 * bytes) at `*line`/`*column` (1-based) and byte `*offset`. The message is worded
 * as yaml-cpp words it, the parser Falco uses, so that specs written against
 * Falco's messages match: "illegal map value", "end of map not found"...; with
 * libyaml's own wording when there is no counterpart.
 */
int yaml_parse(const char *text, size_t len, struct yaml_stream *out, char *err, size_t errsize,
	       int *line, int *column, size_t *offset);

void yaml_stream_free(struct yaml_stream *s);

/* The value of `key` in map `m`, or NULL (also when `m` is not a map). */
const struct yaml_node *yaml_map_get(const struct yaml_node *m, const char *key);

/* 1 when `n` is a plain scalar YAML reads as null: "", "~", "null", "Null", "NULL". */
int yaml_is_null(const struct yaml_node *n);

/*
 * Reads a boolean scalar as YAML 1.1 and yaml-cpp do (true/false, yes/no, on/off,
 * y/n in their lower, Capitalised and UPPER forms). Returns 0 with `*v` set, -1
 * when `n` is not a boolean scalar.
 */
int yaml_get_bool(const struct yaml_node *n, int *v);

#endif
