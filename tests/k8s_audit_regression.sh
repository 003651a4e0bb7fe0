#!/bin/bash
# Kubernetes audit rules: every case of Falco's k8s_audit regression subset
# (../shared/testdata/falco/k8s_audit_regression.yaml: audit logs through
# k8s_audit_rules.yaml and its engine-v4 variants) passes through
# falconet-replay --test, which runs them with --source k8s_audit.
. "$(dirname "$0")/lib.sh"
SPEC=$SHARED_TESTDATA/falco/k8s_audit_regression.yaml
[ -f "$SPEC" ] || { echo "SKIP: no $SPEC"; exit $SKIP; }
expect_spec_passes "$SPEC" k8s_audit_regression.yaml
finish
