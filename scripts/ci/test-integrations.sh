#!/usr/bin/env bash
# Tests the CI integrations without GitHub, GitLab or the network:
#   - scripts/ci/github-action.sh (what action.yml runs) on the example policies (exit 1 and the
#     five reports), on a clean control (exit 0), on a broken file (exit 2), on a bad argument
#     (exit 64), with a baseline file and with a baseline ref in a scratch git repository;
#   - action.yml, .pre-commit-hooks.yaml and examples/*.yml parse as YAML, and action.yml hands
#     every input to the script;
#   - if installed: shellcheck on the scripts, check-jsonschema's bundled GitHub and GitLab
#     schemas, and `pre-commit validate-manifest`.
# Prints `N passed, N failed, N skipped` and exits 1 if anything failed.
#
# DILIGENCE_BIN: the executable to test. Without it the script runs `swift build --product
# diligence` first; set it when calling from `swift test` (a nested build would wait on the
# build folder's lock), e.g. to the `diligence` beside the test bundle.
set -uo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
action_script="$repo/scripts/ci/github-action.sh"
cd "$repo" || exit 2

passed=0
failed=0
skipped=0
pass() { passed=$((passed + 1)); echo "ok: $1"; }
fail() { failed=$((failed + 1)); echo "FAIL: $1"; }
skip() { skipped=$((skipped + 1)); echo "skip: $1"; }
check() { # check DESCRIPTION COMMAND...: passes when the command succeeds
  local description="$1"
  shift
  if "$@"; then pass "$description"; else fail "$description"; fi
}

bin="${DILIGENCE_BIN:-}"
if [ -z "$bin" ]; then
  if ! swift build --product diligence >&2; then
    fail "swift build --product diligence"
    echo "$passed passed, $failed failed, $skipped skipped"
    exit 1
  fi
  bin="$(swift build --product diligence --show-bin-path)/diligence"
fi
echo "diligence: $bin"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# run NAME VAR=VALUE...: runs the action script in $PWD with a fresh GITHUB_OUTPUT and
# GITHUB_STEP_SUMMARY; leaves $work/NAME.{stdout,stderr,output,summary} and sets $status.
run() {
  local name="$1"
  shift
  : >"$work/$name.output"
  : >"$work/$name.summary"
  status=0
  env DILIGENCE_BIN="$bin" GITHUB_OUTPUT="$work/$name.output" GITHUB_STEP_SUMMARY="$work/$name.summary" \
    INPUT_OUTPUT="$work/$name" "$@" bash "$action_script" >"$work/$name.stdout" 2>"$work/$name.stderr" || status=$?
}
has_line() { grep -qx -- "$2" "$1"; }
has_text() { grep -q -- "$2" "$1"; }
lacks_text() { ! grep -q -- "$2" "$1"; }
nonempty() { [ -s "$1" ]; }
absent() { [ ! -e "$1" ]; }
empty() { [ ! -s "$1" ]; }
count_is() { [ "$(grep -c -- "$2" "$3")" -eq "$1" ]; }
worktrees_are() { [ "$(git -C "$2" worktree list | wc -l)" -eq "$1" ]; }
exit_is() { [ "$status" -eq "$1" ] || { echo "  exit code $status, expected $1; stderr:"; sed 's/^/  | /' "$work/$2.stderr"; return 1; }; }

echo "== the action script"

run gate INPUT_PATHS=policies INPUT_AS_OF=2020-09-30
check "policies: exit 1 (the gate fails)" exit_is 1 gate
for file in report.md report.json report.sarif report.junit.xml report.github.txt; do
  check "policies: $file written" nonempty "$work/gate/$file"
done
check "policies: annotations on stdout" has_text "$work/gate.stdout" '^::error file=policies/'
check "policies: exit-code=1 in GITHUB_OUTPUT" has_line "$work/gate.output" 'exit-code=1'
check "policies: report-dir in GITHUB_OUTPUT" has_line "$work/gate.output" "report-dir=$work/gate"
check "policies: report.md in the job summary" cmp -s "$work/gate.summary" "$work/gate/report.md"
check "policies: the verdict on stderr" has_text "$work/gate.stderr" '^gate: FAILED'

run clean INPUT_PATHS=policies/control-norway-aquaculture.yaml INPUT_AS_OF=2020-09-30
check "control: exit 0" exit_is 0 clean
check "control: exit-code=0 in GITHUB_OUTPUT" has_line "$work/clean.output" 'exit-code=0'
check "control: no error annotation" lacks_text "$work/clean.stdout" '^::error'
check "control: report.sarif written" nonempty "$work/clean/report.sarif"
check "control: job summary written" nonempty "$work/clean.summary"

printf 'version: 1\ncompany: Broken Ltd\nsites:\n  - id: a\n    kind: offfice\n    country: ZZ\n' >"$work/broken.yaml"
run broken INPUT_PATHS="$work/broken.yaml"
check "broken: exit 2 (invalid input)" exit_is 2 broken
check "broken: exit-code=2 in GITHUB_OUTPUT" has_line "$work/broken.output" 'exit-code=2'
check "broken: located error on stderr" has_text "$work/broken.stderr" "broken.yaml:5:11: error: unknown site kind"
check "broken: ::error annotation at 5:11" has_text "$work/broken.stdout" "^::error file=$work/broken.yaml,line=5,col=11,"
check "broken: no report written" absent "$work/broken/report.json"
check "broken: job summary left empty" empty "$work/broken.summary"

run usage INPUT_FAIL_ON=severe
check "bad --fail-on: exit 64" exit_is 64 usage
check "bad --fail-on: exit-code=64 in GITHUB_OUTPUT" has_line "$work/usage.output" 'exit-code=64'

run both INPUT_BASELINE=x.json INPUT_BASELINE_REF=main
check "baseline and baseline-ref together: exit 64" exit_is 64 both

run baseline INPUT_PATHS=policies INPUT_AS_OF=2020-09-30 INPUT_BASELINE="$work/gate/report.json"
check "baseline of the same run: exit 0 (nothing new)" exit_is 0 baseline
check "baseline of the same run: 0 new" has_text "$work/baseline.stderr" ': 0 new, 0 resolved'

run args INPUT_PATHS=policies INPUT_AS_OF=2020-09-30 INPUT_ARGS="--report-min critical --fail-on none"
check "extra args reach the tool: exit 0 with --fail-on none" exit_is 0 args

echo "== baseline from a git ref"
if command -v git >/dev/null 2>&1; then
  scratch="$work/scratch"
  mkdir -p "$scratch"
  cp -R policies "$scratch/"
  gitc() { git -C "$scratch" -c user.name=test -c user.email=test@example.invalid -c commit.gpgsign=false "$@"; }
  gitc init -q && gitc symbolic-ref HEAD refs/heads/main && gitc add -A && gitc commit -qm base
  gitc checkout -q -b new-risk
  cat >"$scratch/policies/minsk.yaml" <<'EOF'
version: 1
company: Nemiga Software Labs
sites:
  - id: minsk-office
    kind: office
    country: BY
    city: Minsk
    location: { lat: 53.9, lon: 27.5667 }
    depends_on: [slack, github]
    continuity: [backup-isp]
EOF
  gitc add -A && gitc commit -qm "a new exposure"
  gitc checkout -q -b clean-change main
  cp policies/control-norway-aquaculture.yaml "$scratch/policies/norway-copy.yaml"
  gitc add -A && gitc commit -qm "a clean change"

  gitc checkout -q new-risk
  cd "$scratch" || exit 2
  run ref-new INPUT_AS_OF=2020-09-30 INPUT_DB="$repo/seeds" INPUT_BASELINE_REF=main
  cd "$repo" || exit 2
  check "baseline-ref, a new high finding: exit 1" exit_is 1 ref-new
  check "baseline-ref, a new high finding: new findings, none resolved" has_text "$work/ref-new.stderr" ': [1-9][0-9]* new, 0 resolved'
  check "baseline-ref: baseline.json written" nonempty "$work/ref-new/baseline.json"
  check "baseline-ref: only the new finding is an error" count_is 1 '^::error' "$work/ref-new.stdout"
  check "baseline-ref: the temporary worktree is removed" worktrees_are 1 "$scratch"

  gitc checkout -q clean-change
  cd "$scratch" || exit 2
  run ref-clean INPUT_AS_OF=2020-09-30 INPUT_DB="$repo/seeds" INPUT_BASELINE_REF=main
  cd "$repo" || exit 2
  check "baseline-ref, a clean change: exit 0 despite the old findings" exit_is 0 ref-clean

  cd "$scratch" || exit 2
  run ref-missing INPUT_AS_OF=2020-09-30 INPUT_DB="$repo/seeds" INPUT_BASELINE_REF=no-such-ref
  cd "$repo" || exit 2
  check "baseline-ref that cannot be checked: every finding counts (exit 1)" exit_is 1 ref-missing
  check "baseline-ref that cannot be checked: a warning" has_text "$work/ref-missing.stdout" '^::warning title=diligence baseline::'
else
  skip "baseline-ref (no git)"
fi

echo "== YAML files"
if python3 -c 'import yaml' 2>/dev/null; then
  for file in action.yml .pre-commit-hooks.yaml examples/github-workflow.yml examples/gitlab-ci.yml; do
    check "$file parses" python3 -c 'import sys, yaml; yaml.safe_load(open(sys.argv[1]))' "$file"
  done
  check "action.yml hands every input to the script" python3 - <<'EOF'
import re, sys, yaml
action = yaml.safe_load(open("action.yml"))
script = open("scripts/ci/github-action.sh").read()
step = next(s for s in action["runs"]["steps"] if s.get("id") == "check")
problems = []
for name in action["inputs"]:
    if name in ("upload-sarif", "artifact-name"):
        continue  # used by the action's own steps
    var = "INPUT_" + name.upper().replace("-", "_")
    if step["env"].get(var) != "${{ inputs.%s }}" % name:
        problems.append(f"{var} is not ${{{{ inputs.{name} }}}} in the check step")
    if var not in script:
        problems.append(f"{var} is not read by the script")
for name in ("paths", "db", "as-of", "fail-on", "baseline", "output", "upload-sarif"):
    if name not in action["inputs"]:
        problems.append(f"input {name} missing")
if set(action["outputs"]) != {"exit-code", "report-dir"}:
    problems.append("outputs are not exit-code and report-dir")
for problem in problems:
    print("  " + problem)
sys.exit(1 if problems else 0)
EOF
  check ".pre-commit-hooks.yaml declares diligence-validate and diligence-check" python3 - <<'EOF'
import sys, yaml
hooks = {h["id"]: h for h in yaml.safe_load(open(".pre-commit-hooks.yaml"))}
ok = set(hooks) == {"diligence-validate", "diligence-check"} and all(
    h["files"] == r"^policies/.*\.ya?ml$" and h["pass_filenames"] is True for h in hooks.values())
sys.exit(0 if ok else 1)
EOF
else
  skip "YAML checks (python3 with PyYAML not found)"
fi

echo "== linters, where installed"
if command -v shellcheck >/dev/null 2>&1; then
  check "shellcheck scripts/ci/*.sh" shellcheck scripts/ci/github-action.sh scripts/ci/test-integrations.sh
else
  skip "shellcheck (not installed)"
fi
if command -v check-jsonschema >/dev/null 2>&1; then
  check "action.yml against vendor.github-actions" check-jsonschema -q --builtin-schema vendor.github-actions action.yml
  check "examples/github-workflow.yml against vendor.github-workflows" check-jsonschema -q --builtin-schema vendor.github-workflows examples/github-workflow.yml
  check "examples/gitlab-ci.yml against vendor.gitlab-ci" check-jsonschema -q --builtin-schema vendor.gitlab-ci examples/gitlab-ci.yml
else
  skip "check-jsonschema (not installed: pip install check-jsonschema)"
fi
if command -v pre-commit >/dev/null 2>&1; then
  check "pre-commit validate-manifest .pre-commit-hooks.yaml" pre-commit validate-manifest .pre-commit-hooks.yaml
else
  skip "pre-commit validate-manifest (not installed: pip install pre-commit)"
fi

echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
