/* -Z: give up root for an ordinary user once the capture driver is open. */
#ifndef FNET_CAPTURE_PRIVDROP_H
#define FNET_CAPTURE_PRIVDROP_H

#include <sys/types.h>

struct priv_user {
	uid_t uid;
	gid_t gid;     /* the user's primary group */
	char name[256];
};

/*
 * Looks `user` up (a name, or a numeric uid) in the password database.
 * Returns 0, or -1 with "no user 'x'" or the look-up error in `err`.
 */
int priv_lookup(const char *user, struct priv_user *u, char *err);

/*
 * Becomes `u`: supplementary groups of the user (initgroups), primary group, then
 * user id, real, effective and saved alike, so that root cannot be taken back
 * (checked). Capabilities go with the uid change. Files created afterwards belong
 * to the user, who must be able to write the output directory.
 * A process already running as `u` is left as it is.
 * Returns 0, or -1 with the failing step in `err`.
 */
int priv_drop(const struct priv_user *u, char *err);

#endif
