#!/bin/bash
# Falco's Kubernetes audit regression cases (../shared/testdata/falco/
# k8s_audit_regression.yaml, from Falco's former test/falco_k8s_audit_tests.yaml)
# through falconet-replay: each case's trace (-r) with its rules files (--rules),
# configuration (--config) and source (--source), checked as Falco's test
# framework checked them (falco_test.py): "Events detected: N" non-zero for
# detect: true and zero for detect: false; for detect: true, each detect_level
# counted under "Rule counts by severity"; detect_counts exactly the counts under
# "Triggered rules by rule name"; stderr_contains as a regular expression;
# exit_status (default 0). Keys this driver cannot check make the case SKIP,
# with the reason, never pass.
. "$(dirname "$0")/lib.sh"

spec=$SHARED_TESTDATA/falco/k8s_audit_regression.yaml
[ -f "$spec" ] || { echo "SKIP: $spec not found"; exit 77; }
python3 -c 'import yaml' 2>/dev/null || { echo "SKIP: python3 yaml module missing"; exit 77; }

python3 - "$spec" "$FALCONET_REPLAY" <<'EOF'
import os, re, subprocess, sys, yaml

spec, replay = sys.argv[1], sys.argv[2]
base = os.path.dirname(spec)
cases = yaml.safe_load(open(spec))["tests"]
known = {"trace_file", "rules_file", "conf_file", "source", "detect", "detect_level",
         "detect_counts", "priority", "run_tags", "disabled_rules", "disable_tags",
         "exit_status", "stderr_contains", "stdout_contains", "all_events"}
failed = passed = skipped = 0

def as_list(v):
    return v if isinstance(v, list) else [v]

def section(text, title):
    """The 'name: N' lines after `title` in the summary, as a dict."""
    m = re.search(re.escape(title) + r"\n((?:[ \t]+.*\n?)*)", text)
    out = {}
    for line in (m.group(1).splitlines() if m else []):
        k = re.match(r"\s+(.+): (\d+)$", line)
        if k:
            out[k.group(1)] = int(k.group(2))
    return out

def check(name, t):
    unknown = sorted(set(t) - known)
    if unknown:
        return "SKIP", "keys this driver does not check: " + ", ".join(unknown)
    cmd = [replay, "-r", os.path.join(base, t["trace_file"]), "-o", "log_stderr=false"]
    for r in as_list(t.get("rules_file", [])):
        cmd += ["--rules", os.path.join(base, r)]
    if "conf_file" in t:
        cmd += ["--config", os.path.join(base, t["conf_file"])]
    if "source" in t:
        cmd += ["--source", t["source"]]
    if "priority" in t:
        cmd += ["-o", "priority=" + t["priority"]]
    for tag in as_list(t.get("run_tags", [])):
        cmd += ["--run-tags", tag]
    for tag in as_list(t.get("disable_tags", [])):
        cmd += ["--disable-tags", tag]
    for r in as_list(t.get("disabled_rules", [])):
        cmd += ["--disable-rules", r]
    if t.get("all_events"):
        cmd += ["--all-events"]
    p = subprocess.run(cmd, capture_output=True, text=True)
    why = []
    want_status = t.get("exit_status", 0)
    if p.returncode != want_status:
        why.append("exit status %d, expected %d" % (p.returncode, want_status))
    m = re.search(r"Events detected: (\d+)", p.stdout)
    if not m:
        why.append("no 'Events detected' line")
    else:
        n = int(m.group(1))
        if t.get("detect") and n == 0:
            why.append("no alert, expected some")
        if t.get("detect") is False and n > 0:
            why.append("%d alerts, expected none" % n)
        if t.get("detect"):
            levels = {k.lower(): v for k, v in section(p.stdout, "Rule counts by severity:").items()}
            for level in as_list(t.get("detect_level", [])):
                if levels.get(level.lower(), 0) == 0:
                    why.append("no alert of level " + level)
            rules = section(p.stdout, "Triggered rules by rule name:")
            for d in as_list(t.get("detect_counts", [])):
                for rule, count in d.items():
                    if rules.get(rule, 0) != count:
                        why.append("%s: %d alerts, expected %d" % (rule, rules.get(rule, 0), count))
    for pat in as_list(t.get("stderr_contains", [])):
        if not re.search(pat, p.stderr):
            why.append("stderr lacks /%s/" % pat)
    for pat in as_list(t.get("stdout_contains", [])):
        if not re.search(pat, p.stdout):
            why.append("stdout lacks /%s/" % pat)
    if why:
        return "FAIL", "; ".join(why) + "\n  " + " ".join(cmd) + "\n  " + \
            p.stderr.strip().replace("\n", "\n  ")[:2000]
    return "ok", ""

for name in sorted(cases):
    status, why = check(name, cases[name])
    print("%s: %s%s" % (status, name, (" (" + why + ")") if why else ""))
    if status == "FAIL":
        failed += 1
    elif status == "SKIP":
        skipped += 1
    else:
        passed += 1
print("k8s_audit_regression: %d passed, %d failed, %d skipped of %d" %
      (passed, failed, skipped, len(cases)))
if len(cases) < 41:
    print("FAIL: expected 41 cases, the spec has %d" % len(cases))
    failed += 1
sys.exit(1 if failed else 0)
EOF
