/*
 * The regular expressions of regression specs (stdout_contains, stderr_contains,
 * ...). Falco's runner applied them with Python's re.search, so specs are written
 * in Python's syntax; they are translated here to POSIX extended expressions
 * (regcomp with REG_EXTENDED) with the same meaning:
 *
 *   \d \D \s \S \w \W   character classes, also inside [...]
 *   \n \t \r \f \v \xHH escapes; \. \( \[ ... a literal character
 *   (?:...)             a plain group; (?i) / (?s) at the start: ignore case / dot all
 *   *? +? ?? {n,m}?     lazy quantifiers, read as greedy (whether a match exists
 *                       does not depend on greediness)
 *   { not starting a   a literal brace, as Python reads it
 *     quantifier
 *   $                   the end of the text or before a final newline, as Python
 *   ^(?!R)              the whole pattern: R does not match at the start of the text
 *
 * Without re.MULTILINE, ^ is the start of the whole text, as POSIX without
 * REG_NEWLINE. Back references, \b, other look-arounds and inline flags
 * elsewhere are refused with a message.
 */
#ifndef FNET_REPLAY_TEST_REGEX_H
#define FNET_REPLAY_TEST_REGEX_H

#include <regex.h>
#include <stddef.h>

struct py_regex {
	regex_t re;
	int negate; /* the pattern was ^(?!R): a match of ^(R) means "no match" */
};

/*
 * Compiles Python pattern `pattern`; `dotall` 1 makes '.' match a newline too
 * (re.DOTALL, how Falco's runner applied the *_contains patterns), 0 not (the
 * *_not_contains ones). Returns 0 (free with py_regex_free), or -1 with the
 * problem in `err` (errsize bytes), naming the byte of the pattern at fault when
 * the translation refused it.
 */
int py_regex_compile(struct py_regex *r, const char *pattern, int dotall, char *err, size_t errsize);

/* re.search: 1 when the pattern matches somewhere in the `len` bytes of `text`
 * (which may hold NUL bytes), else 0. */
int py_regex_search(const struct py_regex *r, const char *text, size_t len);

void py_regex_free(struct py_regex *r);

#endif
