/*
 * JSON values (cJSON trees) written back as text, the way the Falco plugins
 * (Go, fastjson and encoding/json) write them: compact (`{"a":1,"b":[2]}`, as
 * fastjson's MarshalTo) or indented by two spaces (`{\n  "a": 1\n}`, empty
 * objects and arrays as `{}` and `[]`, as encoding/json's Indent). Integral
 * numbers are written as integers, others with the fewest digits that read
 * back the same (cJSON keeps no number's original text).
 */
#ifndef FNET_FILTER_JSON_TEXT_H
#define FNET_FILTER_JSON_TEXT_H

#include <cjson/cJSON.h>
#include <stddef.h>

/*
 * Writes `v` into `buf` (`size` bytes, 1 or more), NUL-terminated, cut to fit.
 * `indent` 0: compact, else two spaces per level. Returns the length written
 * (without the NUL). Allocates nothing.
 */
size_t fnet_json_write(const cJSON *v, int indent, char *buf, size_t size);

/*
 * A value as the plugins give it as a string (k8saudit's jsonValueAsString,
 * the json plugin's json.value): a JSON string is its text, anything else its
 * compact JSON, written into `buf` (`size` bytes). Sets *len and returns the
 * text (the string's own storage, or `buf`).
 */
const char *fnet_json_as_text(const cJSON *v, char *buf, size_t size, size_t *len);

/*
 * Member `key` of object `v` (case-sensitive, the first when repeated), or for
 * an array the element at the decimal index `key`, as fastjson's Get reads a
 * key. NULL when there is none.
 */
const cJSON *fnet_json_get(const cJSON *v, const char *key);

#endif
