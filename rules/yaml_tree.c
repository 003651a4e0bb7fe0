/* YAML text to a tree of positioned nodes, with libyaml's event parser. */
#include "yaml_tree.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

/* Nesting deeper than this is refused: rules files are a few levels deep. */
#define YAML_MAX_DEPTH 256

/* libyaml's problem texts and yaml-cpp's words for the same problem. */
static const struct {
	const char *libyaml, *yamlcpp;
} problem_words[] = {
	{"mapping values are not allowed", "illegal map value"},
	{"block sequence entries are not allowed", "illegal block entry"},
	{"did not find expected key", "end of map not found"},
	{"did not find expected '-' indicator", "end of sequence not found"},
	{"did not find expected ',' or ']'", "end of sequence flow not found"},
	{"did not find expected ',' or '}'", "end of map flow not found"},
	{"found character that cannot start any token", "unknown token"},
	{"found unexpected end of stream", "illegal EOF in scalar"},
	{"found unknown escape character", "unknown escape character"},
	{"found a tab character that violates indentation", "illegal tab when looking for indentation"},
	{"could not find expected ':'", "illegal map key"},
};

static const char *yamlcpp_words(const char *problem)
{
	if (!problem)
		return "YAML syntax error";
	for (size_t i = 0; i < sizeof(problem_words) / sizeof(problem_words[0]); i++)
		if (strstr(problem, problem_words[i].libyaml))
			return problem_words[i].yamlcpp;
	return problem;
}

struct anchor {
	char *name;
	const struct yaml_node *node;
};

struct builder {
	yaml_parser_t parser;
	struct anchor *anchors;
	size_t nanchors, cap_anchors;
	char *err;
	size_t errsize;
	int line, column;
	size_t offset;
};

static void set_error(struct builder *b, const char *msg, const yaml_mark_t *mark)
{
	snprintf(b->err, b->errsize, "%s", msg);
	b->line = (int)mark->line + 1;
	b->column = (int)mark->column + 1;
	b->offset = mark->index;
}

static void node_free(struct yaml_node *n)
{
	if (!n)
		return;
	for (size_t i = 0; i < (n->kind == YAML_NODE_MAP ? 2 * n->n : n->n); i++)
		node_free(n->items[i]);
	free(n->items);
	free(n->value);
	free(n);
}

static size_t node_slots(const struct yaml_node *n)
{
	return n->kind == YAML_NODE_MAP ? 2 * n->n : n->n;
}

static struct yaml_node *node_copy(const struct yaml_node *src)
{
	struct yaml_node *n = calloc(1, sizeof(*n));
	if (!n)
		return NULL;
	*n = *src;
	n->value = NULL;
	n->items = NULL;
	n->n = 0;
	if (src->value && !(n->value = strdup(src->value)))
		goto fail;
	size_t slots = node_slots(src);
	if (slots) {
		if (!(n->items = calloc(slots, sizeof(*n->items))))
			goto fail;
		n->n = src->n; /* unfilled slots stay NULL, which node_free skips */
		for (size_t i = 0; i < slots; i++)
			if (!(n->items[i] = node_copy(src->items[i])))
				goto fail;
	}
	return n;
fail:
	node_free(n);
	return NULL;
}

static struct yaml_node *node_new(enum yaml_node_kind kind, const yaml_mark_t *mark)
{
	struct yaml_node *n = calloc(1, sizeof(*n));
	if (n) {
		n->kind = kind;
		n->line = (int)mark->line + 1;
		n->column = (int)mark->column + 1;
		n->offset = mark->index;
	}
	return n;
}

/* Appends `child` to a collection; `used` counts the slots filled (a map's key
 * and value are two), `cap` the slots allocated. */
static int push_item(struct yaml_node *parent, struct yaml_node *child, size_t *used, size_t *cap)
{
	if (*used == *cap) {
		size_t ncap = *cap ? *cap * 2 : 8;
		struct yaml_node **items = realloc(parent->items, ncap * sizeof(*items));
		if (!items)
			return -1;
		parent->items = items;
		*cap = ncap;
	}
	parent->items[(*used)++] = child;
	parent->n = parent->kind == YAML_NODE_MAP ? *used / 2 : *used;
	return 0;
}

static int remember_anchor(struct builder *b, const yaml_char_t *name, const struct yaml_node *n)
{
	if (!name)
		return 0;
	if (b->nanchors == b->cap_anchors) {
		size_t ncap = b->cap_anchors ? b->cap_anchors * 2 : 8;
		struct anchor *a = realloc(b->anchors, ncap * sizeof(*a));
		if (!a)
			return -1;
		b->anchors = a;
		b->cap_anchors = ncap;
	}
	char *copy = strdup((const char *)name);
	if (!copy)
		return -1;
	b->anchors[b->nanchors].name = copy;
	b->anchors[b->nanchors].node = n;
	b->nanchors++;
	return 0;
}

static const struct yaml_node *find_anchor(const struct builder *b, const yaml_char_t *name)
{
	/* the latest definition of a name wins, as YAML says */
	for (size_t i = b->nanchors; i-- > 0;)
		if (strcmp(b->anchors[i].name, (const char *)name) == 0)
			return b->anchors[i].node;
	return NULL;
}

static int next_event(struct builder *b, yaml_event_t *ev)
{
	if (yaml_parser_parse(&b->parser, ev))
		return 0;
	set_error(b, yamlcpp_words(b->parser.problem), &b->parser.problem_mark);
	return -1;
}

/*
 * Builds the node that starts with `ev` (already taken from the parser, and
 * deleted here); for collections, reads up to their end event.
 */
static struct yaml_node *build_node(struct builder *b, yaml_event_t *ev, int depth)
{
	struct yaml_node *n = NULL;
	const yaml_char_t *anchor = NULL;
	size_t used = 0, cap = 0;

	if (depth > YAML_MAX_DEPTH) {
		set_error(b, "too deeply nested", &ev->start_mark);
		yaml_event_delete(ev);
		return NULL;
	}
	switch (ev->type) {
	case YAML_ALIAS_EVENT: {
		const struct yaml_node *target = find_anchor(b, ev->data.alias.anchor);
		if (!target)
			set_error(b, "the referenced anchor is not defined", &ev->start_mark);
		else if (!(n = node_copy(target)))
			set_error(b, "out of memory", &ev->start_mark);
		yaml_event_delete(ev);
		return n;
	}
	case YAML_SCALAR_EVENT:
		n = node_new(YAML_NODE_SCALAR, &ev->start_mark);
		if (n) {
			n->len = ev->data.scalar.length;
			n->value = malloc(n->len + 1);
			if (n->value) {
				memcpy(n->value, ev->data.scalar.value, n->len);
				n->value[n->len] = '\0';
			}
			n->quoted = ev->data.scalar.style != YAML_PLAIN_SCALAR_STYLE;
		}
		if (!n || !n->value || remember_anchor(b, ev->data.scalar.anchor, n) < 0) {
			set_error(b, "out of memory", &ev->start_mark);
			node_free(n);
			n = NULL;
		}
		yaml_event_delete(ev);
		return n;
	case YAML_SEQUENCE_START_EVENT:
		n = node_new(YAML_NODE_SEQ, &ev->start_mark);
		anchor = ev->data.sequence_start.anchor;
		break;
	case YAML_MAPPING_START_EVENT:
		n = node_new(YAML_NODE_MAP, &ev->start_mark);
		anchor = ev->data.mapping_start.anchor;
		break;
	default:
		set_error(b, "unexpected YAML event", &ev->start_mark);
		yaml_event_delete(ev);
		return NULL;
	}
	/* the anchor is named before the collection's content: an alias inside it
	 * would copy a half-built node, so it is registered once complete */
	char *anchor_name = anchor ? strdup((const char *)anchor) : NULL;
	yaml_mark_t start = ev->start_mark;
	yaml_event_delete(ev);
	if (!n || (anchor && !anchor_name)) {
		set_error(b, "out of memory", &start);
		goto fail;
	}
	for (;;) {
		yaml_event_t child;
		if (next_event(b, &child) < 0)
			goto fail;
		if (child.type == YAML_SEQUENCE_END_EVENT || child.type == YAML_MAPPING_END_EVENT) {
			yaml_event_delete(&child);
			break;
		}
		struct yaml_node *c = build_node(b, &child, depth + 1);
		if (!c)
			goto fail;
		if (push_item(n, c, &used, &cap) < 0) {
			node_free(c);
			set_error(b, "out of memory", &start);
			goto fail;
		}
	}
	if (anchor_name && remember_anchor(b, (const yaml_char_t *)anchor_name, n) < 0) {
		set_error(b, "out of memory", &start);
		goto fail;
	}
	free(anchor_name);
	return n;
fail:
	free(anchor_name);
	if (n && n->kind == YAML_NODE_MAP && used % 2) /* a key without its value */
		node_free(n->items[used - 1]);
	node_free(n);
	return NULL;
}

static int push_doc(struct yaml_stream *s, struct yaml_node *root)
{
	struct yaml_node **docs = realloc(s->docs, (s->ndocs + 1) * sizeof(*docs));
	if (!docs)
		return -1;
	s->docs = docs;
	s->docs[s->ndocs++] = root;
	return 0;
}

static int build_stream(struct builder *b, struct yaml_stream *out)
{
	for (;;) {
		yaml_event_t ev;
		if (next_event(b, &ev) < 0)
			return -1;
		yaml_event_type_t type = ev.type;
		yaml_mark_t mark = ev.start_mark;
		if (type == YAML_STREAM_END_EVENT) {
			yaml_event_delete(&ev);
			return 0;
		}
		if (type != YAML_DOCUMENT_START_EVENT) {
			yaml_event_delete(&ev);
			continue;
		}
		yaml_event_delete(&ev);
		struct yaml_node *root = NULL;
		if (next_event(b, &ev) < 0)
			return -1;
		if (ev.type != YAML_DOCUMENT_END_EVENT) {
			if (!(root = build_node(b, &ev, 0)))
				return -1;
			if (next_event(b, &ev) < 0) {
				node_free(root);
				return -1;
			}
		}
		yaml_event_delete(&ev); /* the document end */
		if (push_doc(out, root) < 0) {
			node_free(root);
			set_error(b, "out of memory", &mark);
			return -1;
		}
	}
}

int yaml_parse(const char *text, size_t len, struct yaml_stream *out, char *err, size_t errsize,
	       int *line, int *column, size_t *offset)
{
	struct builder b;
	memset(&b, 0, sizeof(b));
	memset(out, 0, sizeof(*out));
	char dummy[1];
	b.err = err ? err : dummy;
	b.errsize = err ? errsize : sizeof(dummy);
	if (!yaml_parser_initialize(&b.parser)) {
		snprintf(b.err, b.errsize, "out of memory");
		return -1;
	}
	yaml_parser_set_input_string(&b.parser, (const unsigned char *)text, len);
	int rc = build_stream(&b, out);
	yaml_parser_delete(&b.parser);
	for (size_t i = 0; i < b.nanchors; i++)
		free(b.anchors[i].name);
	free(b.anchors);
	if (rc < 0) {
		yaml_stream_free(out);
		if (line)
			*line = b.line;
		if (column)
			*column = b.column;
		if (offset)
			*offset = b.offset;
	}
	return rc;
}

void yaml_stream_free(struct yaml_stream *s)
{
	for (size_t i = 0; i < s->ndocs; i++)
		node_free(s->docs[i]);
	free(s->docs);
	s->docs = NULL;
	s->ndocs = 0;
}

const struct yaml_node *yaml_map_get(const struct yaml_node *m, const char *key)
{
	if (!m || m->kind != YAML_NODE_MAP)
		return NULL;
	for (size_t i = 0; i < m->n; i++) {
		const struct yaml_node *k = m->items[2 * i];
		if (k->kind == YAML_NODE_SCALAR && strcmp(k->value, key) == 0)
			return m->items[2 * i + 1];
	}
	return NULL;
}

int yaml_is_null(const struct yaml_node *n)
{
	if (!n || n->kind != YAML_NODE_SCALAR || n->quoted)
		return 0;
	return n->len == 0 || !strcmp(n->value, "~") || !strcmp(n->value, "null") ||
	       !strcmp(n->value, "Null") || !strcmp(n->value, "NULL");
}

int yaml_get_bool(const struct yaml_node *n, int *v)
{
	static const char *const truths[] = {"true", "True", "TRUE", "yes", "Yes", "YES",
					     "on",   "On",   "ON",   "y",   "Y"};
	static const char *const falsehoods[] = {"false", "False", "FALSE", "no", "No", "NO",
						 "off",   "Off",   "OFF",   "n",  "N"};
	if (!n || n->kind != YAML_NODE_SCALAR)
		return -1;
	for (size_t i = 0; i < sizeof(truths) / sizeof(truths[0]); i++) {
		if (!strcmp(n->value, truths[i])) {
			*v = 1;
			return 0;
		}
		if (!strcmp(n->value, falsehoods[i])) {
			*v = 0;
			return 0;
		}
	}
	return -1;
}
