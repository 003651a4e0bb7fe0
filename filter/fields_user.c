/* The user field class: user.name, from the thread's uid and the trace's user list. */
#include "fields.h"

/*
 * user.name: the name of the thread's user. No value when the thread or its
 * uid is unknown (uid 0xffffffff) or the uid is not in the user list.
 */
static int extract_name(const struct fnet_eval_ctx *ctx, const struct fnet_field_arg *arg,
			struct fnet_field_value *out, char *scratch)
{
	(void)arg;
	(void)scratch;
	if (!ctx->thread || !ctx->state || ctx->thread->uid == UINT32_MAX)
		return 0;
	const struct fnet_user *u = fnet_state_user(ctx->state, ctx->thread->uid);
	if (!u)
		return 0;
	out->str = u->name.ptr ? u->name.ptr : "";
	out->len = u->name.ptr ? u->name.len : 0;
	return 1;
}

static const struct fnet_field_def user_fields[] = {
	{"user.name", FNET_FIELD_STRING, "name of the user running the thread", extract_name, NULL, FNET_ARG_NONE},
};

const struct fnet_field_class fnet_fields_user = {"user", user_fields,
						  sizeof(user_fields) / sizeof(user_fields[0])};
