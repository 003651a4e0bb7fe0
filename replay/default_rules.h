/*
 * Where falconet's bundled rules are: $FALCONET_RULES_FILE when set; else the
 * installed copy ($(pkgdatadir)/falconet_rules.yaml) when it exists; else, for a
 * program run from its build tree, rules/falconet_rules.yaml beside the folder of
 * the running executable. Falco's counterpart is the rules_file of its default
 * configuration; regression cases that name no rules file run with these.
 */
#ifndef FNET_REPLAY_DEFAULT_RULES_H
#define FNET_REPLAY_DEFAULT_RULES_H

/* A malloc'd path (the caller frees it), or NULL when none is found. */
char *default_rules_path(void);

#endif
