#include "privdrop.h"

#include <errno.h>
#include <grp.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "byte_stream.h" /* FNET_ERRBUF_SIZE */

int priv_lookup(const char *user, struct priv_user *u, char *err)
{
	errno = 0;
	struct passwd *pw = getpwnam(user);
	if (!pw && user[0] >= '0' && user[0] <= '9') {
		char *end;
		unsigned long id = strtoul(user, &end, 10);
		if (!*end)
			pw = getpwuid((uid_t)id);
	}
	if (!pw) {
		if (errno)
			snprintf(err, FNET_ERRBUF_SIZE, "-Z: cannot look up user '%.200s': %s", user,
				 strerror(errno));
		else
			snprintf(err, FNET_ERRBUF_SIZE, "-Z: no user '%.200s'", user);
		return -1;
	}
	u->uid = pw->pw_uid;
	u->gid = pw->pw_gid;
	snprintf(u->name, sizeof(u->name), "%s", pw->pw_name);
	return 0;
}

int priv_drop(const struct priv_user *u, char *err)
{
	uid_t ruid, euid, suid;
	if (getresuid(&ruid, &euid, &suid) == 0 && ruid == u->uid && euid == u->uid && suid == u->uid)
		return 0;
	if (initgroups(u->name, u->gid) < 0) {
		snprintf(err, FNET_ERRBUF_SIZE, "-Z %.200s: setting the supplementary groups: %s",
			 u->name, strerror(errno));
		return -1;
	}
	if (setresgid(u->gid, u->gid, u->gid) < 0) {
		snprintf(err, FNET_ERRBUF_SIZE, "-Z %.200s: setting group %u: %s", u->name,
			 (unsigned)u->gid, strerror(errno));
		return -1;
	}
	if (setresuid(u->uid, u->uid, u->uid) < 0) {
		snprintf(err, FNET_ERRBUF_SIZE, "-Z %.200s: setting user %u: %s", u->name,
			 (unsigned)u->uid, strerror(errno));
		return -1;
	}
	if (u->uid != 0 && (setuid(0) == 0 || seteuid(0) == 0)) {
		snprintf(err, FNET_ERRBUF_SIZE, "-Z %.200s: root could be taken back after the switch",
			 u->name);
		return -1;
	}
	return 0;
}
