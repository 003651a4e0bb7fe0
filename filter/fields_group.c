/* The group field class (group.*): the group of the event's thread, from its gid. */
#include "fields_common.h"

/* group.gid */
static int extract_gid(const struct fnet_eval_ctx *ctx, const struct fnet_field_arg *arg,
		       struct fnet_field_value *out, char *scratch)
{
	(void)arg;
	(void)scratch;
	if (!ctx->thread)
		return 0;
	out->u64 = ctx->thread->gid;
	return 1;
}

/* group.name: no value when the gid is not in the trace's group list. */
static int extract_name(const struct fnet_eval_ctx *ctx, const struct fnet_field_arg *arg,
			struct fnet_field_value *out, char *scratch)
{
	(void)arg;
	(void)scratch;
	if (!ctx->thread || !ctx->state)
		return 0;
	const struct fnet_group *g = fnet_state_group(ctx->state, ctx->thread->gid);
	return g && fnet_value_fstr(out, &g->name);
}

static const struct fnet_field_def group_fields[] = {
	{"group.gid", FNET_FIELD_UINT64, "group id of the thread", extract_gid, NULL, FNET_ARG_NONE},
	{"group.name", FNET_FIELD_STRING, "name of the group of the thread", extract_name, NULL,
	 FNET_ARG_NONE},
};

const struct fnet_field_class fnet_fields_group = {"group", group_fields,
						   sizeof(group_fields) / sizeof(group_fields[0])};
