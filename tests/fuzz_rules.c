/*
 * libFuzzer target: loads the input as a Falco rules file (YAML, items,
 * conditions with macros and lists, exceptions, outputs), then checks that
 * every message names a code and a position inside the input, and that the
 * rules it produced have a candidate list per event type. Build and run:
 * fuzz_rules.sh.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "event_codes.h"
#include "ruleset.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fnet_ruleset *rs = fnet_ruleset_new(NULL);
	if (!rs)
		return 0;
	fnet_ruleset_load_text(rs, "fuzz.yaml", (const char *)data, size);
	size_t nres;
	const struct fnet_load_result *res = fnet_ruleset_results(rs, &nres);
	for (size_t i = 0; i < nres; i++)
		for (size_t j = 0; j < res[i].nmsgs; j++) {
			const struct fnet_load_msg *m = &res[i].msgs[j];
			if (!m->code || strncmp(m->code, "LOAD_", 5) != 0 || !m->message ||
			    !*m->message || m->offset > size || m->line < 0 || m->column < 0) {
				fprintf(stderr, "bad message: %s at %d:%d offset %llu: %s\n",
					m->code ? m->code : "(null)", m->line, m->column,
					(unsigned long long)m->offset, m->message ? m->message : "(null)");
				abort();
			}
		}
	size_t n;
	for (uint16_t t = 0; t < FNET_EV_COUNT; t += 7)
		(void)fnet_ruleset_candidates(rs, t, &n);
	fnet_ruleset_free(rs);
	return 0;
}
