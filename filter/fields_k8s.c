/*
 * The Kubernetes field class (k8s.*). libsinsp reads these from the labels
 * the container runtime gives a pod's containers; a trace carries no
 * container metadata, so they exist without a value (a check on them is
 * false), as libsinsp has none for host processes.
 */
#include "fields_common.h"

static int extract_none(const struct fnet_eval_ctx *ctx, const struct fnet_field_arg *arg,
			struct fnet_field_value *out, char *scratch)
{
	(void)ctx;
	(void)arg;
	(void)out;
	(void)scratch;
	return 0;
}

static const struct fnet_field_def k8s_fields[] = {
	{"k8s.pod.name", FNET_FIELD_STRING,
	 "Kubernetes pod name of the container; needs container metadata", extract_none, NULL,
	 FNET_ARG_NONE},
	{"k8s.ns.name", FNET_FIELD_STRING,
	 "Kubernetes namespace name of the container's pod; needs container metadata",
	 extract_none, NULL, FNET_ARG_NONE},
};

const struct fnet_field_class fnet_fields_k8s = {"k8s", k8s_fields,
						 sizeof(k8s_fields) / sizeof(k8s_fields[0])};
