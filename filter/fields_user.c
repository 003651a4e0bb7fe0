/*
 * The user field class (user.*): the user running the event's thread, from
 * the thread's uid and loginuid and the trace's user list.
 */
#include "fields_common.h"

/* The user entry of `uid`, or NULL (unknown uid 0xffffffff, or not in the list). */
static const struct fnet_user *user_of(const struct fnet_eval_ctx *ctx, uint32_t uid)
{
	if (!ctx->state || uid == UINT32_MAX)
		return NULL;
	return fnet_state_user(ctx->state, uid);
}

/* user.uid */
static int extract_uid(const struct fnet_eval_ctx *ctx, const struct fnet_field_arg *arg,
		       struct fnet_field_value *out, char *scratch)
{
	(void)arg;
	(void)scratch;
	if (!ctx->thread)
		return 0;
	out->u64 = ctx->thread->uid;
	return 1;
}

/* user.name, user.homedir, user.shell: no value when the uid is not in the user list. */
static int extract_name(const struct fnet_eval_ctx *ctx, const struct fnet_field_arg *arg,
			struct fnet_field_value *out, char *scratch)
{
	(void)arg;
	(void)scratch;
	const struct fnet_user *u = ctx->thread ? user_of(ctx, ctx->thread->uid) : NULL;
	return u && fnet_value_fstr(out, &u->name);
}

static int extract_homedir(const struct fnet_eval_ctx *ctx, const struct fnet_field_arg *arg,
			   struct fnet_field_value *out, char *scratch)
{
	(void)arg;
	(void)scratch;
	const struct fnet_user *u = ctx->thread ? user_of(ctx, ctx->thread->uid) : NULL;
	return u && fnet_value_fstr(out, &u->homedir);
}

static int extract_shell(const struct fnet_eval_ctx *ctx, const struct fnet_field_arg *arg,
			 struct fnet_field_value *out, char *scratch)
{
	(void)arg;
	(void)scratch;
	const struct fnet_user *u = ctx->thread ? user_of(ctx, ctx->thread->uid) : NULL;
	return u && fnet_value_fstr(out, &u->shell);
}

/* user.loginuid: the audit user id, -1 when unset (a signed 32-bit number in sysdig). */
static int extract_loginuid(const struct fnet_eval_ctx *ctx, const struct fnet_field_arg *arg,
			    struct fnet_field_value *out, char *scratch)
{
	(void)arg;
	(void)scratch;
	if (!ctx->thread)
		return 0;
	out->i64 = (int32_t)ctx->thread->loginuid;
	return 1;
}

/* user.loginname: the name of the audit user. */
static int extract_loginname(const struct fnet_eval_ctx *ctx, const struct fnet_field_arg *arg,
			     struct fnet_field_value *out, char *scratch)
{
	(void)arg;
	(void)scratch;
	const struct fnet_user *u = ctx->thread ? user_of(ctx, ctx->thread->loginuid) : NULL;
	return u && fnet_value_fstr(out, &u->name);
}

static const struct fnet_field_def user_fields[] = {
	{"user.uid", FNET_FIELD_UINT64, "user id of the thread", extract_uid, NULL, FNET_ARG_NONE},
	{"user.name", FNET_FIELD_STRING, "name of the user running the thread", extract_name, NULL,
	 FNET_ARG_NONE},
	{"user.homedir", FNET_FIELD_STRING, "home directory of the user", extract_homedir, NULL,
	 FNET_ARG_NONE},
	{"user.shell", FNET_FIELD_STRING, "shell of the user", extract_shell, NULL, FNET_ARG_NONE},
	{"user.loginuid", FNET_FIELD_INT64, "audit user id (auid), -1 when unset",
	 extract_loginuid, NULL, FNET_ARG_NONE},
	{"user.loginname", FNET_FIELD_STRING, "audit user name (of auid)", extract_loginname, NULL,
	 FNET_ARG_NONE},
};

const struct fnet_field_class fnet_fields_user = {"user", user_fields,
						  sizeof(user_fields) / sizeof(user_fields[0])};
