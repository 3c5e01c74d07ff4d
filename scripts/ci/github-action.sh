#!/usr/bin/env bash
# Runs `diligence check` for the GitHub Action (action.yml at the repository root), and anywhere
# else: every input is an environment variable, so the same script runs locally and in tests
# (scripts/ci/test-integrations.sh).
#
# It writes report.md, report.json, report.sarif, report.junit.xml and report.github.txt into
# $INPUT_OUTPUT, prints the GitHub annotations to standard output (Actions turns them into
# annotations on the pull request), appends report.md to $GITHUB_STEP_SUMMARY, writes
# `exit-code` and `report-dir` to $GITHUB_OUTPUT, and exits with the tool's exit code:
#   0 clean, 1 the gate failed (after writing everything above),
#   2 invalid input, 64 wrong command line (at once: no reports are written; the located errors
#     are printed as they are, and again as ::error annotations),
#   127 no diligence executable found.
#
# Inputs (environment variables; empty means the default):
#   INPUT_PATHS         policy files or folders, separated by spaces or newlines (default: policies;
#                       no quoting or globbing: a path cannot contain a space)
#   INPUT_DB            risk database folder (default: the tool's: ./seeds, then $DILIGENCE_DB, then
#                       the seeds/ folder beside the executable)
#   INPUT_AS_OF         evaluation date YYYY-MM-DD (default: today, UTC)
#   INPUT_FAIL_ON       critical | high | medium | low | info | none (default: high)
#   INPUT_BASELINE      a previous report.json: only findings not in it can fail the gate
#   INPUT_BASELINE_REF  a git commit, branch or tag (e.g. the pull request's base): the script
#                       checks the same paths at that commit (in a temporary git worktree, fetched
#                       from origin if missing) and uses that report as the baseline; it is
#                       written to $INPUT_OUTPUT/baseline.json. Cannot be combined with
#                       INPUT_BASELINE. If the base cannot be checked, the run goes on without
#                       a baseline (every finding counts) and says so.
#   INPUT_ARGS          more `diligence check` arguments, split on spaces (no quoting), after the
#                       others, e.g. `--report-min medium --max-acceptance-days 180`; not --format
#                       or --output, which the script sets
#   INPUT_OUTPUT        folder for the reports (default: diligence-reports)
#   DILIGENCE_BIN       the diligence executable (default: `diligence` on PATH, else
#                       .build/release/diligence in the repository holding this script)
#   GITHUB_STEP_SUMMARY when set, report.md is appended to it (the Actions job summary)
#   GITHUB_OUTPUT       when set, `exit-code=N` and `report-dir=FOLDER` are appended to it
#   GITHUB_ACTIONS      when `true`, git is told the workspace is safe (container jobs)
set -euo pipefail
# (Arrays that may be empty are expanded as ${a[@]+"${a[@]}"}: bash 3.2, macOS's, has `set -u` reject "${a[@]}".)

script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_dir="$(cd "$script_dir/../.." && pwd)"

paths_input="${INPUT_PATHS:-}"
[ -n "${paths_input//[[:space:]]/}" ] || paths_input="policies"
db="${INPUT_DB:-}"
as_of="${INPUT_AS_OF:-}"
fail_on="${INPUT_FAIL_ON:-}"
[ -n "$fail_on" ] || fail_on="high"
baseline="${INPUT_BASELINE:-}"
baseline_ref="${INPUT_BASELINE_REF:-}"
extra_args="${INPUT_ARGS:-}"
output="${INPUT_OUTPUT:-}"
[ -n "$output" ] || output="diligence-reports"

# Split the space- or newline-separated lists without globbing.
set -f
IFS=$' \t\n' read -r -d '' -a paths <<<"$paths_input" || true
IFS=$' \t\n' read -r -d '' -a extra <<<"$extra_args" || true
set +f

# Appends key=value to $GITHUB_OUTPUT when Actions gave one.
set_output() {
  if [ -n "${GITHUB_OUTPUT:-}" ]; then
    printf '%s=%s\n' "$1" "$2" >>"$GITHUB_OUTPUT"
  fi
}

# Records the exit code and exits with it.
finish() {
  set_output exit-code "$1"
  set_output report-dir "$output"
  exit "$1"
}

# Escapes text for a workflow command: `%`, CR and LF in messages; also `:` and `,` in properties.
escape_data() {
  local s="$1"
  s="${s//'%'/%25}"; s="${s//$'\r'/%0D}"; s="${s//$'\n'/%0A}"
  printf '%s' "$s"
}
escape_property() {
  local s
  s="$(escape_data "$1")"
  s="${s//:/%3A}"; s="${s//,/%2C}"
  printf '%s' "$s"
}

# The executable.
bin="${DILIGENCE_BIN:-}"
if [ -z "$bin" ]; then
  if command -v diligence >/dev/null 2>&1; then
    bin="$(command -v diligence)"
  elif [ -x "$repo_dir/.build/release/diligence" ]; then
    bin="$repo_dir/.build/release/diligence"
  else
    echo "error: no diligence executable: set DILIGENCE_BIN, put diligence on PATH, or run" \
      "\`swift build -c release --product diligence\` in $repo_dir" >&2
    finish 127
  fi
fi

if [ -n "$baseline" ] && [ -n "$baseline_ref" ]; then
  echo "error: give a baseline file (INPUT_BASELINE) or a baseline ref (INPUT_BASELINE_REF), not both" >&2
  finish 64
fi

# Options shared by the baseline run and the real one.
common=()
[ -z "$db" ] || common+=(--db "$db")
if [ -n "$baseline_ref" ] && [ -z "$as_of" ]; then
  as_of="$(date -u +%Y-%m-%d)" # the same day for both runs, even across midnight
fi
[ -z "$as_of" ] || common+=(--as-of "$as_of")

mkdir -p "$output"

# git for the baseline. In a container job the checkout belongs to another user than the
# container's root, and git refuses it ("dubious ownership") unless told it is safe.
git_() {
  if [ "${GITHUB_ACTIONS:-}" = "true" ]; then
    git -c safe.directory="${GITHUB_WORKSPACE:-$PWD}" -c safe.directory="$PWD" "$@"
  else
    git "$@"
  fi
}

# The baseline from another commit: the same paths checked at that commit, from the same
# place in the repository, so that the policy paths in the two reports agree.
if [ -n "$baseline_ref" ]; then
  echo "diligence: checking $baseline_ref for the baseline" >&2
  base_file="$(cd "$output" && pwd)/baseline.json"
  base_dir=""
  base_ok=false
  if git_ rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    prefix="$(git_ rev-parse --show-prefix)"
    commit="$(git_ rev-parse --verify --quiet "$baseline_ref^{commit}" || true)"
    if [ -z "$commit" ] && git_ fetch --quiet --no-tags --depth=1 origin "$baseline_ref" >&2; then
      commit="$(git_ rev-parse --verify --quiet "FETCH_HEAD^{commit}" || true)"
    fi
    if [ -n "$commit" ]; then
      base_dir="$(mktemp -d)"
      if git_ worktree add --quiet --detach "$base_dir/tree" "$commit" >&2; then
        base_status=0
        (cd "$base_dir/tree/$prefix" &&
          "$bin" check "${paths[@]}" ${common[@]+"${common[@]}"} ${extra[@]+"${extra[@]}"} --fail-on none \
            --format json --output "$base_file") >&2 || base_status=$?
        [ "$base_status" -ne 0 ] || base_ok=true
        git_ worktree remove --force "$base_dir/tree" >&2 || true
      fi
      rm -rf "$base_dir"
    fi
  fi
  if $base_ok; then
    baseline="$base_file"
  else
    rm -f "$base_file"
    echo "::warning title=diligence baseline::could not check $(escape_data "$baseline_ref") for a baseline; every finding counts"
  fi
fi

formats="markdown,json,sarif,junit,github"
args=(check "${paths[@]}" ${common[@]+"${common[@]}"} --fail-on "$fail_on" --format "$formats" --output "$output")
[ -z "$baseline" ] || args+=(--baseline "$baseline")
args+=(${extra[@]+"${extra[@]}"})

errors="$(mktemp)"
trap 'rm -f "$errors"' EXIT
status=0
"$bin" "${args[@]}" 2>"$errors" || status=$?
cat "$errors" >&2

if [ "$status" -ne 0 ] && [ "$status" -ne 1 ]; then
  # Invalid input or command line: no reports. Turn the located errors into annotations.
  while IFS= read -r line; do
    if [[ "$line" =~ ^(.+):([0-9]+):([0-9]+):\ error:\ (.*)$ ]]; then
      printf '::error file=%s,line=%s,col=%s,title=diligence::%s\n' \
        "$(escape_property "${BASH_REMATCH[1]}")" "${BASH_REMATCH[2]}" "${BASH_REMATCH[3]}" \
        "$(escape_data "${BASH_REMATCH[4]}")"
    fi
  done <"$errors"
  finish "$status"
fi

# The annotations, for Actions to attach to the changed lines.
if [ -f "$output/report.github.txt" ]; then
  cat "$output/report.github.txt"
fi

# The Markdown report as the job summary (GitHub takes at most 1 MiB per step).
if [ -n "${GITHUB_STEP_SUMMARY:-}" ] && [ -f "$output/report.md" ]; then
  size="$(wc -c <"$output/report.md")"
  if [ "$size" -le 1000000 ]; then
    cat "$output/report.md" >>"$GITHUB_STEP_SUMMARY"
  else
    # shellcheck disable=SC2016 # the backquotes are Markdown
    printf '## diligence\n\nThe report (%s bytes) is larger than a job summary may be: see `%s/report.md` in the workflow artifacts.\n' \
      "$size" "$output" >>"$GITHUB_STEP_SUMMARY"
  fi
fi

finish "$status"
