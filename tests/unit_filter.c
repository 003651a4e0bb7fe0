/*
 * The filter language on a fixed fake event (filter_fake_event.h): operators
 * sysdig 0.29.3 lacks (bcontains, bstartswith, iglob, regex, intersects),
 * transformers, val(), list names, error messages and columns, the event types
 * a filter may match, and expressions the fuzzer (fuzz_filter.c) found.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "fields.h"
#include "fields_special.h"
#include "filter.h"
#include "filter_fake_event.h"
#include "value_set.h"

static struct fake_world world;

/* Lists for fnet_filter_compile_opts. */
static const char *const shells[] = {"bash", "Bash", "sh"};
static const char *const dirs[] = {"/etc", "/var/log"};
static const char *const pids[] = {"40", "41"};
static const char *const bad_types[] = {"open", "nope"};
/* as rules files write them: quoted elements are read as quoted strings */
static const char *const quoted[] = {"\"/etc/pass\\x77d\"", "'B a s h'", "\"x", "two words", "\"a\" \"b\""};

static int lookup(void *ctx, const char *name, size_t len, const char *const **items, size_t *n)
{
	static const struct {
		const char *name;
		const char *const *items;
		size_t n;
	} lists[] = {
		{"shells", shells, 3}, {"dirs", dirs, 2}, {"pids", pids, 2},
		{"empty", NULL, 0},    {"bad_types", bad_types, 2}, {"quoted", quoted, 5},
	};
	int *calls = ctx;
	(*calls)++;
	for (size_t i = 0; i < sizeof(lists) / sizeof(lists[0]); i++)
		if (strlen(lists[i].name) == len && memcmp(lists[i].name, name, len) == 0) {
			*items = lists[i].items;
			*n = lists[i].n;
			return 1;
		}
	return 0;
}

static int lookup_calls;
static const struct fnet_filter_opts opts = {.lookup_list = lookup, .ctx = &lookup_calls};

/* Result of `expr` (which must compile) on fake event `i`. */
static int match_on(const char *expr, int i, const struct fnet_filter_opts *o)
{
	char err[FNET_ERRBUF_SIZE];
	int col = 0;
	struct fnet_filter *f = fnet_filter_compile_opts(expr, o, err, &col);
	if (!f)
		fail_msg("'%s' does not compile: column %d: %s", expr, col, err);
	struct fnet_eval_ctx ctx = fake_ctx(&world, i);
	int r = fnet_filter_match(f, &ctx);
	fnet_filter_free(f);
	return r;
}

#define YES(expr, i) assert_int_equal(match_on(expr, i, &opts), 1)
#define NO(expr, i) assert_int_equal(match_on(expr, i, &opts), 0)

/* `expr` is refused at column `col` with a message containing `part`. */
static void refused(const char *expr, const struct fnet_filter_opts *o, int col, const char *part)
{
	char err[FNET_ERRBUF_SIZE];
	int c = 0;
	struct fnet_filter *f = fnet_filter_compile_opts(expr, o, err, &c);
	if (f) {
		fnet_filter_free(f);
		fail_msg("'%s' compiles", expr);
	}
	if (c != col || !strstr(err, part))
		fail_msg("'%s': column %d \"%s\", expected column %d \"...%s...\"", expr, c, err, col,
			 part);
}

static void test_string_operators(void **state)
{
	(void)state;
	YES("proc.name=Bash", 0);
	YES("proc.name == Bash", 0);
	NO("proc.name=bash", 0);
	YES("proc.name icontains bAS", 0);
	YES("proc.name icontains ''", 0);
	NO("proc.name icontains bx", 0);
	YES("proc.name bcontains 6173", 0);
	YES("proc.name bcontains \"\"", 0);
	NO("proc.name bcontains 6161", 0);
	YES("proc.name bstartswith 4261", 0);
	YES("proc.name bstartswith 42617368", 0);
	NO("proc.name bstartswith 4261736800", 0);
	YES("proc.name startswith Ba and proc.name endswith sh", 0);
	NO("proc.name endswith Bash2", 0);
	YES("proc.name glob 'B*h'", 0);
	NO("proc.name glob 'b*'", 0);
	YES("proc.name iglob 'b*H'", 0);
	YES("proc.name glob 'B[a-z][!0-9]?'", 0);
	YES("proc.cmdline glob '* -c *'", 0);
	YES("proc.name regex 'B.sh'", 0);
	NO("proc.name regex 'B.s'", 0); /* the whole value */
	NO("proc.name regex 'a'", 0);
	YES("proc.name regex '(Ba|Bash)'", 0);
	YES("proc.name regex 'a|Bash|b'", 0);
	YES("proc.name regex '^Ba(sh)?$'", 0);
	YES("proc.name intersects (x, Bash)", 0);
	NO("proc.name intersects (x, bash)", 0);
	YES("proc.name in (Bash)", 0);
	YES("proc.name > Bas and proc.name < Bat and proc.name <= Bash and proc.name >= Bash", 0);
	YES("proc.name != bash", 0);
}

static void test_pmatch(void **state)
{
	(void)state;
	YES("fd.name pmatch (/etc)", 0);
	YES("fd.name pmatch (/etc/passwd)", 0);
	YES("fd.name pmatch (//etc//)", 0);
	YES("fd.name pmatch (etc)", 0);
	YES("fd.name pmatch (/)", 0);
	YES("fd.name pmatch (\"\")", 0);
	NO("fd.name pmatch (/et)", 0);
	NO("fd.name pmatch (/etc/passwd/x, /etc/pass, /var)", 0);
	YES("fd.name pmatch (/usr/lib, /etc, /e, /etc/passwd/x)", 0);
	NO("fd.name pmatch ()", 0);
	YES("fd.name pmatch (/tmp)", 1);
	NO("fd.name pmatch (/)", 2); /* no thread: no fd.name */
}

static void test_numbers_and_exists(void **state)
{
	(void)state;
	YES("proc.pid=40 and thread.tid=42 and evt.num=7", 0);
	YES("proc.pid in (1, 40) and proc.pid intersects (40)", 0);
	YES("proc.pid < 41 and proc.pid > -5 and fd.num >= 3 and fd.num <= 3", 0);
	NO("proc.pid in ()", 0);
	YES("evt.res = ENOENT and fd.name = /tmp/aGVsbG8=", 1);
	YES("fd.name exists", 0);
	NO("fd.name exists", 2);
	YES("not fd.name exists", 2);
	YES("evt.num exists and thread.tid exists", 2);
	YES("user.name = alice", 0);
}

static void test_transformers(void **state)
{
	(void)state;
	YES("tolower(proc.name) = bash", 0);
	YES("toupper(proc.name) = BASH", 0);
	YES("tolower(toupper(proc.name)) = bash", 0);
	YES("basename(proc.exe) = bash", 0);
	YES("basename(fd.name) = passwd", 0);
	YES("basename(proc.name) = Bash", 0);
	YES("len(proc.name) = 4 and len(fd.name) > 10 and len(fd.name) in (11, 12)", 0);
	YES("len(proc.cmdline) = 21", 0);
	YES("b64(basename(fd.name)) = hello", 1);
	YES("len(b64(basename(fd.name))) = 5", 1);
	YES("toupper(b64(basename(fd.name))) startswith HEL", 1);
	YES("b64(proc.name) exists", 0);   /* "Bash" is base64 */
	NO("b64(user.name) exists", 0);    /* "alice" is not */
	YES("not b64(user.name) = x", 0);
	YES("tolower ( proc.name ) icontains AS", 0);
	YES("len(basename(fd.name)) = 0 or basename(fd.name) glob 'pass*'", 0);
	NO("tolower(proc.name) = bash", 2);
	YES("tolower(evt.type) = read and toupper(evt.dir) = '>'", 0);
}

static void test_field_to_field(void **state)
{
	(void)state;
	YES("proc.name = val(proc.name)", 0);
	YES("proc.exe != val(proc.name)", 0);
	YES("basename(proc.exe) = tolower(proc.name)", 0);
	YES("proc.exe endswith tolower(proc.name)", 0);
	YES("proc.cmdline contains val(proc.name)", 0);
	YES("proc.cmdline startswith val(proc.name)", 0);
	YES("proc.cmdline icontains toupper(proc.name)", 0);
	YES("proc.name in val(proc.name)", 0);
	YES("proc.name glob val(proc.name)", 0);
	YES("proc.pid < val(thread.tid)", 0);
	YES("evt.num < val(proc.pid)", 0); /* unsigned with signed */
	NO("evt.num >= val(proc.pid)", 0);
	YES("len(proc.name) < val(proc.pid)", 0);
	YES("proc.pid intersects val(proc.pid)", 0);
	NO("proc.name = val(proc.exe)", 2); /* no thread */
	YES("not proc.name = val(proc.exe)", 2);
	YES("thread.tid = val(thread.tid)", 2);
}

static void test_lists(void **state)
{
	(void)state;
	lookup_calls = 0;
	YES("proc.name in (shells)", 0);
	YES("proc.name in shells", 0);
	YES("proc.name in (x, shells, y)", 0);
	NO("proc.name in (\"shells\")", 0);
	YES("proc.name in ('Bash', \"shells\")", 0);
	NO("proc.name in (empty)", 0);
	YES("not proc.name in (empty)", 0);
	YES("proc.name in (empty, Bash)", 0);
	YES("proc.name intersects (shells)", 0);
	YES("fd.name pmatch (dirs)", 0);
	YES("fd.name pmatch dirs", 0);
	NO("fd.name pmatch (dirs)", 1);
	YES("proc.pid in (pids) and proc.pid in pids", 0);
	NO("proc.name in (nolist)", 0);
	YES("proc.name = shells or proc.name in shells", 0);
	YES("fd.name in (quoted)", 0);
	NO("proc.name in (quoted)", 0);
	YES("not proc.name in (quoted) and evt.num in (7, 8)", 0);
	assert_true(lookup_calls >= 14);
	refused("proc.name in nolist", &opts, 14, "unknown list 'nolist'");
	refused("proc.name in shells", NULL, 14, "expected '(' after 'in'");
	refused("proc.name in 'shells'", &opts, 14, "expected '(' or a list name");
	refused("evt.type in (bad_types)", &opts, 14, "unknown event type 'nope'");
	refused("proc.pid in (shells)", &opts, 14, "'bash' is not a number");
}

/*
 * The string set's hash look-up answers as a binary search over its sorted
 * elements, for sets of 0 to 300 strings (duplicates, empty and long ones, shared
 * prefixes and hash-colliding lengths) and for members and non-members.
 */
static void test_str_set_hash(void **state)
{
	(void)state;
	static char bufs[600][64];
	const char *strs[600];
	size_t lens[600];
	uint32_t seed = 12345;
	for (size_t i = 0; i < 600; i++) {
		seed = seed * 1103515245u + 12345u;
		size_t len = (seed >> 16) % 40;
		snprintf(bufs[i], sizeof(bufs[i]), "/usr/lib/%zu/%.*s", i % 250, (int)len,
			 "abcdefghijklmnopqrstuvwxyz0123456789ABCD");
		strs[i] = bufs[i];
		lens[i] = i % 97 == 0 ? 0 : strlen(bufs[i]);
	}
	for (size_t n = 0; n <= 300; n += (n < 20 ? 1 : 37)) {
		struct fnet_str_set s;
		assert_int_equal(fnet_str_set_build(&s, strs, lens, n), 0);
		for (size_t i = 0; i < 600; i++) {
			int want = fnet_str_set_has_sorted(&s, strs[i], (uint32_t)lens[i]);
			assert_int_equal(fnet_str_set_has(&s, strs[i], (uint32_t)lens[i]), want);
			if (i < n)
				assert_true(want);
			/* a prefix of a member is not one unless it is itself a member */
			if (lens[i] > 1)
				assert_int_equal(fnet_str_set_has(&s, strs[i], (uint32_t)lens[i] - 1),
						 fnet_str_set_has_sorted(&s, strs[i], (uint32_t)lens[i] - 1));
		}
		fnet_str_set_free(&s);
	}
}

static void test_errors(void **state)
{
	(void)state;
	char deep[1024] = "";
	refused("", NULL, 1, "empty filter");
	refused("proc.nam=x", NULL, 1, "did you mean 'proc.name'");
	refused("proc.name", NULL, 10, "expected an operator");
	refused("proc.name =", NULL, 12, "expected a value after '='");
	refused("proc.name in (a", NULL, 14, "not closed");
	refused("proc.name in (a,)", NULL, 17, "expected a value after ','");
	refused("proc.name in (a b)", NULL, 17, "expected ',' or ')'");
	refused("(proc.name=a", NULL, 1, "'(' is not closed");
	refused("proc.name=a)", NULL, 12, "no '(' to close");
	refused("proc.name=a or", NULL, 15, "expected a condition after 'or'");
	refused("proc.name foo x", NULL, 11, "expected an operator");
	refused("proc.pid contains 1", NULL, 10, "compares text, but proc.pid is numeric");
	refused("len(proc.name) glob 1", NULL, 16, "compares text, but len(proc.name)");
	refused("proc.pid=abc", NULL, 10, "'abc' is not a number");
	refused("tolower(proc.pid)=1", NULL, 1, "tolower() takes a string, but proc.pid is numeric");
	refused("toupper(len(proc.name))=1", NULL, 1, "toupper() takes a string, but len() gives");
	refused("len(proc.name) = x", NULL, 18, "len() gives a number: 'x' is not a number");
	refused("proc.name regex '('", NULL, 17, "invalid regular expression");
	/* found by the fuzzer: glibc's regcomp takes gigabytes to unfold these */
	refused("evt.type regex st+++++++++++++++++++++++++++++++++++", NULL, 16,
		"a repetition cannot be repeated");
	refused("proc.name regex '((a{100}){100}){100}'", NULL, 17, "too large");
	refused("proc.name regex 'a{1001}'", NULL, 17, "repetition count above 1000");
	refused("proc.name regex '(a)\\1'", NULL, 17, "back-references");
	YES("proc.name regex '(B+a?s*){1,3}h{1}'", 0);
	YES("proc.name regex '[[:upper:]][]a-z]+'", 0);
	refused("proc.name bcontains 0g", NULL, 22, "'g' is not a hex digit");
	refused("proc.name bcontains 012", NULL, 21, "odd number of digits");
	refused("proc.name = val(proc.pid)", NULL, 13, "cannot compare proc.name (string) with");
	refused("proc.name = val(nope.x)", NULL, 17, "unknown field 'nope.x'");
	refused("proc.name pmatch val(proc.exe)", NULL, 11, "'pmatch' takes constants");
	refused("proc.name regex val(proc.exe)", NULL, 11, "'regex' takes constants");
	refused("val(proc.name) = x", NULL, 1, "goes right after the operator");
	refused("tolower(val(proc.name)) = x", NULL, 9, "cannot be inside a transformer");
	refused("proc.name = val(proc.exe", NULL, 16, "'val(' is not closed");
	refused("proc.name = val proc.exe", NULL, 17, "unexpected 'proc.exe'");
	refused("proc.name = foo(x)", NULL, 13, "unexpected 'foo('");
	refused("foo(proc.name) = x", NULL, 1, "unknown transformer 'foo'");
	refused("tolower(proc.name = x", NULL, 19, "expected ')' to close 'tolower('");
	refused("tolower() = x", NULL, 9, "expected a field name");
	refused("proc.name[0] = x", NULL, 10, "proc.name takes no argument");
	refused("proc.name[] = x", NULL, 10, "empty argument");
	refused("proc.name[0 = x", NULL, 10, "'[' is not closed");
	refused("proc.name.x = y", NULL, 1, "unknown field 'proc.name.x'");
	refused("proc.name-x = y", NULL, 10, "unexpected '-x' after the field proc.name");
	refused("evt.type = nope", NULL, 12, "unknown event type 'nope'");
	refused("evt.type intersects (open, nope)", NULL, 28, "unknown event type 'nope'");
	refused("proc.name = 'abc", NULL, 13, "unterminated string");
	refused("proc.name = a\\x4", NULL, 14, "\\x needs two hex digits");
	refused("proc.name ! x", NULL, 11, "unexpected '!'");
	for (int i = 0; i < 201; i++)
		strcat(deep, "(");
	strcat(deep, "proc.name=x");
	refused(deep, NULL, 201, "nested too deeply");
	strcpy(deep, "");
	for (int i = 0; i < 17; i++)
		strcat(deep, "tolower(");
	strcat(deep, "proc.name");
	for (int i = 0; i < 17; i++)
		strcat(deep, ")");
	strcat(deep, "=x");
	refused(deep, NULL, 1, "too many transformers");
}

/* Whether `fmt` compiles once each F in it is replaced by `field` and each X by `check`. */
static int compiles_as(const char *fmt, const char *field, const char *check)
{
	char expr[512], err[FNET_ERRBUF_SIZE];
	size_t n = 0;
	for (const char *p = fmt; *p && n < sizeof(expr) - 128; p++) {
		const char *r = *p == 'F' ? field : *p == 'X' ? check : NULL;
		if (r)
			n += (size_t)snprintf(expr + n, sizeof(expr) - n, "%s", r);
		else
			expr[n++] = *p;
	}
	expr[n] = 0;
	struct fnet_filter *f = fnet_filter_compile(expr, err, NULL);
	fnet_filter_free(f);
	return f != NULL;
}

static int compiles(const char *fmt, const char *field)
{
	return compiles_as(fmt, field, "exists");
}

/*
 * Every field takes the arguments its arg_mode says (and fnet_field_check_arg
 * lets through), in every written form.
 */
static void test_field_arguments(void **state)
{
	(void)state;
	const struct fnet_field_arg bare = {0};
	const struct fnet_field_arg one = {.has = 1, .is_index = 1, .index = 1};
	const struct fnet_field_arg fd = {.has = 1, .name = "fd", .name_len = 2};
	for (size_t i = 0; i < fnet_field_count(); i++) {
		const struct fnet_field_def *d = fnet_field_at(i);
		const char *n = d->name;
		enum fnet_field_arg_mode m = d->arg_mode;
		int none = m == FNET_ARG_NONE;
		int index = (m == FNET_ARG_INDEX || m == FNET_ARG_INDEX_NEEDED || m == FNET_ARG_ANY) &&
			    !fnet_field_check_arg(d, &one);
		int name = (m == FNET_ARG_NAME_NEEDED || m == FNET_ARG_ANY) && !fnet_field_check_arg(d, &fd);
		int no_arg = (none || m == FNET_ARG_INDEX || m == FNET_ARG_ANY) &&
			     !fnet_field_check_arg(d, &bare);
		/* evt.around[T] takes = only */
		const char *x = fnet_field_match_kind(d, &one) == FNET_MATCH_WITHIN ? "= 1" : "exists";
		if (compiles_as("F X", n, x) != no_arg || compiles_as("F[1] X", n, x) != index ||
		    compiles_as("F[fd] X and F['fd'] X", n, x) != name ||
		    compiles_as("F.fd X", n, x) != name ||
		    (m != FNET_ARG_ANY && compiles_as("F[-1] X", n, x)) || compiles_as("F[] X", n, x) ||
		    compiles_as("tolower(F[) = x", n, x))
			fail_msg("field %s: arguments not as its mode %d says", n, (int)m);
	}
}

/* IP address and network fields (compare_ip.h), when the field set has them. */
static void test_ip_fields(void **state)
{
	(void)state;
	if (!fnet_field_find("fd.sip", 6) || !fnet_field_find("fd.net", 6))
		skip();
	assert_true(compiles("F=127.0.0.1 or F in (::1, 10.0.0.1) or F < 10.0.0.0", "fd.sip"));
	assert_true(compiles("F=127.0.0.0/8 or F intersects (::/0) or F != ::/0", "fd.net"));
	assert_true(compiles("F = val(fd.cip) or F != val(fd.cip)", "fd.sip"));
	assert_false(compiles("F contains 1", "fd.sip"));
	assert_false(compiles("F pmatch (1)", "fd.sip"));
	assert_false(compiles("F=abc", "fd.sip"));
	assert_false(compiles("F=127.0.0.1", "fd.net"));
	assert_false(compiles("F < 127.0.0.0/8", "fd.net"));
	assert_false(compiles("F < val(fd.cip)", "fd.sip"));
	assert_false(compiles("F = val(fd.cnet)", "fd.net"));
	assert_false(compiles("tolower(F) = x", "fd.sip"));
	if (fnet_field_find("fd.ip", 5)) {
		assert_true(compiles("F = 127.0.0.1 and F != ::1 and F in (10.0.0.1)", "fd.ip"));
		assert_false(compiles("F < 127.0.0.1", "fd.ip")); /* both sides: =, != and in only */
	}
	YES("not fd.sip exists and not fd.net exists", 0);
}

static int may(const char *expr, const char *type)
{
	char err[FNET_ERRBUF_SIZE];
	struct fnet_filter *f = fnet_filter_compile(expr, err, NULL);
	if (!f)
		fail_msg("'%s' does not compile: %s", expr, err);
	int r = fnet_filter_may_match_type(f, type);
	fnet_filter_free(f);
	return r;
}

static void test_may_match_type(void **state)
{
	(void)state;
	assert_int_equal(may("evt.type regex 'open|close'", "open"), 1);
	assert_int_equal(may("evt.type regex 'open|close'", "read"), 0);
	assert_int_equal(may("toupper(evt.type) = OPEN", "open"), 1);
	assert_int_equal(may("toupper(evt.type) = OPEN", "read"), 0);
	assert_int_equal(may("tolower(evt.type) = OPEN", "open"), 0);
	assert_int_equal(may("len(evt.type) = 4", "read"), 1);
	assert_int_equal(may("len(evt.type) = 4", "close"), 0);
	assert_int_equal(may("b64(evt.type) exists", "open"), 1);
	assert_int_equal(may("b64(evt.type) exists", "close"), 0);
	assert_int_equal(may("evt.type pmatch (open)", "open"), 1);
	assert_int_equal(may("evt.type glob 'op*' or evt.type iglob 'RE*'", "read"), 1);
	assert_int_equal(may("not evt.type glob 'op*'", "open"), 0);
	assert_int_equal(may("evt.type intersects (open, close)", "close"), 1);
	assert_int_equal(may("evt.type bcontains 6f70", "open"), 1);
	assert_int_equal(may("evt.type bcontains 6f70", "read"), 0);
	assert_int_equal(may("evt.type = val(evt.type)", "read"), 1);
	assert_int_equal(may("not evt.type = val(proc.name)", "read"), 1);
	assert_int_equal(may("proc.name = evt.type", "read"), 1);
	assert_int_equal(may("proc.name = x and evt.type in (open)", "read"), 0);
	assert_int_equal(may("not evt.type exists", "read"), 0);
}

/* Expressions the fuzzer found crashing or misbehaving at some point. */
static void test_fuzz_regressions(void **state)
{
	(void)state;
	static const char *const exprs[] = {
		"proc.name glob ''",
		"proc.name regex ''",
		"fd.name pmatch (/, //, ///)",
		"len(b64(proc.name)) = 3",
		"b64(fd.name) exists",
		"proc.name bcontains ''",
		"proc.name = val(proc.cmdline) or proc.cmdline glob val(proc.cmdline)",
		"evt.type in ()",
		"evt.arg.x = 1",
		"proc.name[",
		"proc.name in (a,(",
		"tolower(",
		"proc.name = val(",
		"(((((((((((not",
		"proc.name glob '[' or proc.name glob '\\\\'",
		"proc.cmdline regex '.*' and proc.cmdline iglob '*'",
	};
	for (size_t i = 0; i < sizeof(exprs) / sizeof(exprs[0]); i++) {
		char err[FNET_ERRBUF_SIZE];
		int col;
		struct fnet_filter *f = fnet_filter_compile_opts(exprs[i], &opts, err, &col);
		for (int e = 0; f && e < 3; e++) {
			struct fnet_eval_ctx ctx = fake_ctx(&world, e);
			fnet_filter_match(f, &ctx);
			fnet_filter_may_match_type(f, "open");
		}
		fnet_filter_free(f);
	}
}

/* Field `name` of event `e` (thread 42 of the fake world) rendered into `buf`; 0 when it has no value. */
static int render_on(const char *name, const struct fnet_event *e, char *buf, size_t size)
{
	char err[FNET_ERRBUF_SIZE];
	const struct fnet_field_def *f;
	struct fnet_field_arg arg;
	if (!fnet_field_parse_ref(name, strlen(name), &f, &arg, err, sizeof(err)))
		fail_msg("%s: %s", name, err);
	struct fnet_eval_ctx ctx = {e, world.t, &world.st};
	return fnet_field_render(f, &arg, &ctx, buf, size);
}

/* Result of `expr` on event `e` of thread 42. */
static int match_ev(const char *expr, const struct fnet_event *e)
{
	char err[FNET_ERRBUF_SIZE];
	struct fnet_filter *f = fnet_filter_compile(expr, err, NULL);
	if (!f)
		fail_msg("'%s' does not compile: %s", expr, err);
	struct fnet_eval_ctx ctx = {e, world.t, &world.st};
	int r = fnet_filter_match(f, &ctx);
	fnet_filter_free(f);
	return r;
}

static struct fnet_thread *add_thread(int64_t tid, int64_t pid, int64_t ptid, const char *comm)
{
	struct fnet_thread *t = fnet_state_add_thread(&world.st, tid);
	assert_non_null(t);
	t->pid = pid;
	t->ptid = ptid;
	assert_int_equal(fnet_string_set(&t->comm, comm, (uint32_t)strlen(comm)), 0);
	assert_int_equal(fnet_string_set(&t->exe, comm, (uint32_t)strlen(comm)), 0);
	return t;
}

static void drop_thread(int64_t tid)
{
	fnet_thread_free(fnet_int_map_del(&world.st.threads, tid));
}

/*
 * Process fields of later libs (libsinsp sinsp_filtercheck_thread.cpp): the
 * exe inode values are those of libsinsp's events_proc test.
 */
static void test_newer_proc_fields(void **state)
{
	(void)state;
	char buf[1024];
	struct fnet_exec_info saved = world.t->xinfo;
	const struct fnet_event *e = &world.ev[0];
	YES("not proc.exe_ino exists and not proc.exe_ino.ctime exists", 0);
	YES("proc.is_exe_from_memfd=false and thread.cap_effective=\"\"", 0);
	world.t->xinfo.exe_ino = 242048;
	world.t->xinfo.exe_ino_ctime = 1676262698000004588ull;
	world.t->xinfo.exe_ino_mtime = 1676262698000004577ull;
	world.t->xinfo.exe_from_memfd = 1;
	world.t->xinfo.cap_permitted = (1u << 0) | (1u << 21) | (UINT64_C(1) << 40);
	YES("proc.exe_ino=242048 and proc.exe_ino.mtime<val(proc.exe_ino.ctime)", 0);
	YES("proc.exe_ino.ctime=1676262698000004588 and proc.is_exe_from_memfd=true", 0);
	assert_int_equal(render_on("proc.exe_ino.mtime", e, buf, sizeof(buf)), 1);
	assert_string_equal(buf, "1676262698000004577");
	assert_int_equal(render_on("thread.cap_permitted", e, buf, sizeof(buf)), 1);
	assert_string_equal(buf, "CAP_CHOWN CAP_SYS_ADMIN CAP_CHECKPOINT_RESTORE");
	YES("thread.cap_permitted contains CAP_SYS_ADMIN and not thread.cap_inheritable exists "
	    "or thread.cap_inheritable=\"\"", 0);
	NO("proc.exe_ino exists", 2); /* no thread */

	/* capset exit: the three sets; unshare with a new user namespace: all of them */
	uint8_t res[8] = {0}, inh[8], perm[8], eff[8], flags[4];
	fake_put_le(inh, 0, 8);
	fake_put_le(perm, 1u << 7, 8);
	fake_put_le(eff, 1u << 7, 8);
	struct fnet_event c = {0};
	c.num = 20;
	c.ts_ns = world.ev[0].ts_ns + 10;
	c.tid = 42;
	c.type = FNET_EV_SYSCALL_CAPSET_X;
	c.info = fnet_event_info(c.type);
	fake_param(&c, res, 8);
	fake_param(&c, inh, 8);
	fake_param(&c, perm, 8);
	fake_param(&c, eff, 8);
	assert_ptr_equal(fnet_state_apply(&world.st, &c), world.t);
	assert_int_equal(render_on("thread.cap_effective", e, buf, sizeof(buf)), 1);
	assert_string_equal(buf, "CAP_SETUID");
	struct fnet_event u = {0};
	u.num = 21;
	u.ts_ns = c.ts_ns + 1;
	u.tid = 42;
	u.type = FNET_EV_SYSCALL_UNSHARE_X;
	u.info = fnet_event_info(u.type);
	fake_put_le(flags, 1u << 20, 4); /* PPM_CL_CLONE_NEWUSER */
	fake_param(&u, res, 8);
	fake_param(&u, flags, 4);
	fnet_state_apply(&world.st, &u);
	assert_int_equal(render_on("thread.cap_effective", e, buf, sizeof(buf)), 1);
	assert_true(strncmp(buf, "CAP_CHOWN CAP_DAC_OVERRIDE ", 27) == 0);
	if (!strstr(buf, " CAP_BPF CAP_CHECKPOINT_RESTORE"))
		fail_msg("all caps: %s", buf);

	/* process group leader: the thread whose id is the vpgid, else the eldest parent in a row */
	world.t->vpgid = -1;
	YES("proc.vpgid.name=\"\"", 0); /* vpgid unknown: libsinsp's empty name, a value */
	world.t->vpgid = 30;
	world.t->vtid = 42;
	YES("proc.vpgid.name=\"\"", 0);
	add_thread(30, 30, 1, "sh");
	YES("proc.vpgid.name=sh and proc.vpgid.exe=sh", 0);
	drop_thread(30);
	world.t->vtid = 7; /* in a pid namespace: walk the parents (ptid 1, then 41) */
	struct fnet_thread *p = add_thread(1, 1, 41, "make");
	p->vpgid = 30;
	add_thread(41, 41, 0, "init")->vpgid = 1;
	YES("proc.vpgid.name=make", 0);

	/* parent duration: ns since the parent process's clone; unknown without it */
	struct fnet_thread *m = add_thread(40, 40, 1, "Bash");
	NO("proc.ppid.duration exists", 0);
	p->clone_ts_ns = world.ev[0].ts_ns - 5000;
	YES("proc.ppid.duration=5000", 0);
	(void)m;
	drop_thread(40);
	drop_thread(41);
	drop_thread(1);
	world.t->vpgid = 0;
	world.t->vtid = 0;
	world.t->xinfo = saved;
}

/*
 * An execve exit (the 31-parameter layout) carrying flags, capability sets and
 * the executable's inode: the state keeps them as libsinsp's parser does.
 */
static void test_exec_info_from_execve(void **state)
{
	(void)state;
	uint8_t zero[8] = {0}, flags[4], inh[8], perm[8], eff[8], ino[8], ctime[8], mtime[8];
	fake_put_le(flags, 1u | 4u, 4); /* PPM_EXE_WRITABLE | PPM_EXE_FROM_MEMFD */
	fake_put_le(inh, 0, 8);
	fake_put_le(perm, (1u << 0) | (1u << 1), 8);
	fake_put_le(eff, 1u << 1, 8);
	fake_put_le(ino, 242048, 8);
	fake_put_le(ctime, 1000000500, 8);
	fake_put_le(mtime, 1000000400, 8);
	struct fnet_thread *t = add_thread(50, 50, 1, "memfd");
	t->clone_ts_ns = 1000000900;
	t->xinfo.pidns_init_start_ts = 1000000000;
	struct fnet_event x = {0};
	x.num = 40;
	x.ts_ns = 1000001000;
	x.tid = 50;
	x.type = FNET_EV_SYSCALL_EXECVE_19_X;
	x.info = fnet_event_info(x.type);
	fake_param(&x, zero, 8); /* res */
	while (x.nparams < 19)
		fake_param(&x, zero, 0); /* empty: exe ... loginuid */
	fake_param(&x, flags, 4);
	fake_param(&x, inh, 8);
	fake_param(&x, perm, 8);
	fake_param(&x, eff, 8);
	fake_param(&x, ino, 8);
	fake_param(&x, ctime, 8);
	fake_param(&x, mtime, 8);
	assert_ptr_equal(fnet_state_apply(&world.st, &x), t);
	struct fnet_thread *keep = world.t;
	world.t = t;
	assert_int_equal(match_ev("proc.exe_ino=242048 and proc.exe_ino.ctime=1000000500 and "
				  "proc.exe_ino.mtime=1000000400", &x), 1);
	/* clone - ctime, and ctime - pid namespace start (the ctime is later) */
	assert_int_equal(match_ev("proc.exe_ino.ctime_duration_proc_start=400 and "
				  "proc.exe_ino.ctime_duration_pidns_start=500", &x), 1);
	assert_int_equal(match_ev("proc.is_exe_from_memfd=true and proc.is_exe_writable=true and "
				  "thread.cap_permitted=\"CAP_CHOWN CAP_DAC_OVERRIDE\" and "
				  "thread.cap_effective=CAP_DAC_OVERRIDE and thread.cap_inheritable=\"\"", &x), 1);
	world.t = keep;
	drop_thread(50);
}

/* fd fields of later libs (libsinsp sinsp_filtercheck_fd.cpp). */
static void test_newer_fd_fields(void **state)
{
	(void)state;
	char buf[256];
	struct fnet_fd *f3 = fnet_thread_fd(world.t, 3);
	assert_non_null(f3);
	uint8_t saved_type = f3->type;
	f3->type = FNET_FDR_FILE;
	/* the raw name: "" for fds not opened in the trace; repeated '/' squeezed */
	YES("fd.nameraw=\"\" and fd.connected=false", 0);
	assert_int_equal(fnet_string_set(&f3->name_raw, "..//etc///passwd", 16), 0);
	YES("fd.nameraw=../etc/passwd and fd.nameraw glob '*../*'", 0);
	/* a failed open: the path of the event */
	YES("fd.nameraw=/tmp/aGVsbG8=", 1);
	NO("fd.nameraw exists or fd.connected exists or fd.types exists", 2);

	/* a connected client socket as fd 4 */
	struct fnet_fd *s = calloc(1, sizeof(*s));
	assert_non_null(s);
	s->fd = 4;
	s->type = FNET_FDR_IPV4_SOCK;
	s->role = FNET_FD_ROLE_CLIENT;
	assert_int_equal(fnet_thread_put_fd(world.t, s), 0);
	/* list field: in = every type in the set, intersects = one, fd.types[N] = fd N's */
	YES("fd.types in (file, ipv4, unix) and fd.types intersects (ipv4)", 0);
	NO("fd.types in (file)", 0);
	NO("fd.types intersects (unix, pipe)", 0);
	YES("fd.types[3] in (file) and fd.types[4] intersects (ipv4) and not fd.types[4] in (file)", 0);
	NO("fd.types[9] exists", 0);
	assert_int_equal(render_on("fd.types[4]", &world.ev[0], buf, sizeof(buf)), 1);
	assert_string_equal(buf, "(ipv4)");
	assert_int_equal(render_on("fd.types", &world.ev[0], buf, sizeof(buf)), 1);
	assert_true(strcmp(buf, "(file,ipv4)") == 0 || strcmp(buf, "(ipv4,file)") == 0);
	assert_false(compiles("F = file", "fd.types"));
	assert_false(compiles("F contains file", "fd.types"));
	assert_false(compiles("F in (val(fd.name))", "fd.types"));

	/* a read on fd 4: enter then a successful exit marks it connected */
	uint8_t fd4[8], ten[8], sz[4];
	fake_put_le(fd4, 4, 8);
	fake_put_le(ten, 10, 8);
	fake_put_le(sz, 10, 4);
	struct fnet_event re = {0}, rx = {0};
	re.num = 30;
	re.ts_ns = world.ev[0].ts_ns + 100;
	re.tid = rx.tid = 42;
	re.type = FNET_EV_SYSCALL_READ_E;
	re.info = fnet_event_info(re.type);
	fake_param(&re, fd4, 8);
	fake_param(&re, sz, 4);
	rx.num = 31;
	rx.ts_ns = re.ts_ns + 1;
	rx.type = FNET_EV_SYSCALL_READ_X;
	rx.info = fnet_event_info(rx.type);
	fake_param(&rx, ten, 8);
	fake_param(&rx, "0123456789", 10);
	assert_int_equal(match_ev("fd.num=4 and fd.connected=false", &re), 1);
	fnet_state_apply(&world.st, &re);
	fnet_state_apply(&world.st, &rx);
	assert_int_equal(match_ev("fd.num=4 and fd.connected=true", &rx), 1);

	/* domain names: none known; = and in false, != true on the socket, exists with an fd */
	assert_int_equal(match_ev("fd.sip.name exists and fd.sip.name != localhost", &re), 1);
	assert_int_equal(match_ev("fd.sip.name = localhost or fd.cip.name in (localhost, a.b)", &re), 0);
	assert_int_equal(render_on("fd.rip.name", &re, buf, sizeof(buf)), 0);
	YES("fd.lip.name exists", 0); /* the file fd 3 */
	NO("fd.lip.name != localhost", 0);
	NO("fd.sip.name exists", 2);
	assert_false(compiles("F contains x", "fd.sip.name"));
	assert_false(compiles("F = val(fd.name)", "fd.sip.name"));

	fnet_fd_free(fnet_int_map_del(&world.t->fdt->fds, 4));
	fnet_string_free(&f3->name_raw);
	f3->type = saved_type;
	world.t->enter_type = 0xffff;
}

/* Fields a trace without container metadata cannot fill, and the machine's host name. */
static void test_metadata_fields(void **state)
{
	(void)state;
	NO("k8s.ns.name exists or k8s.pod.name exists or container.mounts exists", 0);
	NO("container.mount.dest[/etc] exists or container.mount.dest[0] exists", 0);
	assert_false(compiles("F exists", "container.mount.dest"));
	NO("container.start_ts exists", 0); /* a host process */
	NO("evt.hostname exists", 0);       /* no machine block */
	strcpy(world.st.machine.hostname, "node-1");
	YES("evt.hostname=node-1", 0);
	world.st.machine.hostname[0] = 0;
}

static int setup(void **state)
{
	(void)state;
	return fake_world_init(&world);
}

static int teardown(void **state)
{
	(void)state;
	fake_world_free(&world);
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_string_operators),
		cmocka_unit_test(test_pmatch),
		cmocka_unit_test(test_numbers_and_exists),
		cmocka_unit_test(test_transformers),
		cmocka_unit_test(test_field_to_field),
		cmocka_unit_test(test_lists),
		cmocka_unit_test(test_str_set_hash),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_field_arguments),
		cmocka_unit_test(test_ip_fields),
		cmocka_unit_test(test_may_match_type),
		cmocka_unit_test(test_fuzz_regressions),
		cmocka_unit_test(test_newer_proc_fields),
		cmocka_unit_test(test_exec_info_from_execve),
		cmocka_unit_test(test_newer_fd_fields),
		cmocka_unit_test(test_metadata_fields),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
