#!/usr/bin/env bash
# pre-commit with the real tool (issue 13, item 2): in a plan repository made by `cchc init`
# (a real git repository in a temporary folder), `pre-commit try-repo <this repository>`
# blocks a commit of a broken plan with located errors and lets a good one through.
# Run by .ci/run; needs pre-commit, git, node and npm. pre-commit uses the system node
# (language_version: system) and npm prefers its cache (docs/install.md).
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/cchc-pre-commit-XXXXXX")"
trap 'rm -rf "$work"' EXIT
export PRE_COMMIT_HOME="$work/pre-commit-home" npm_config_prefer_offline=true npm_config_audit=false npm_config_fund=false
export NO_COLOR=1 GIT_AUTHOR_NAME=ci GIT_AUTHOR_EMAIL=ci@example.invalid GIT_COMMITTER_NAME=ci GIT_COMMITTER_EMAIL=ci@example.invalid
fail() { echo "pre-commit test: $*" >&2; exit 1; }

repo="$work/ke-hoach"
mkdir "$repo"
cd "$repo"
git init -q
node "$here/bin/cchc.cjs" init . --year 2024 >/dev/null
git add -A
git commit -qm init

# A good change passes.
sed -i 's/product: Quyết định ban hành/product: Quyết định ban hành kế hoạch/' plans/2024/tasks.yaml
git add plans/2024/tasks.yaml
if ! pre-commit try-repo "$here" cchc-validate >"$work/good.log" 2>&1; then
  cat "$work/good.log" >&2
  fail "a good plan was blocked"
fi
grep -q 'cchc validate.*Passed' "$work/good.log" || { cat "$work/good.log" >&2; fail "the hook did not run on a good plan"; }
git commit -qm good --no-verify

# A broken plan is blocked, with the finding located at file:line:col.
sed -i 's/lead: \[van-phong\]/lead: [van-phong2]/' plans/2024/tasks.yaml
git add plans/2024/tasks.yaml
if pre-commit try-repo "$here" cchc-validate >"$work/bad.log" 2>&1; then
  cat "$work/bad.log" >&2
  fail "a broken plan passed"
fi
grep -q 'cchc validate.*Failed' "$work/bad.log" || { cat "$work/bad.log" >&2; fail "the hook did not fail"; }
grep -Eq 'plans/2024/tasks\.yaml:[0-9]+:[0-9]+: .*task/unknown-unit' "$work/bad.log" || { cat "$work/bad.log" >&2; fail "no located finding"; }
echo "pre-commit try-repo: good plan passes, broken plan blocked with a located error"

# The plan repository's own configuration (the `repo: local` hook cchc init wrote), with the
# cchc its workflow pins: the vendored tarball, production dependencies only, on PATH.
git reset -q --hard HEAD
npm install --global --prefix "$work/prefix" --omit=dev --no-audit --no-fund .cchc/cchc-*.tgz >"$work/install.log" 2>&1 || { cat "$work/install.log" >&2; fail "the vendored tarball did not install"; }
export PATH="$work/prefix/bin:$PATH"
pre-commit install >/dev/null
git commit -q --allow-empty -m "hooks installed" >/dev/null 2>&1 || fail "an empty commit was blocked"
sed -i 's/product: Quyết định ban hành kế hoạch/product: Quyết định/' plans/2024/tasks.yaml
git add plans/2024/tasks.yaml
git commit -qm "good edit" >"$work/own-good.log" 2>&1 || { cat "$work/own-good.log" >&2; fail "the repository's own hook blocked a good plan"; }
sed -i 's/lead: \[van-phong\]/lead: [van-phong2]/' plans/2024/tasks.yaml
git add plans/2024/tasks.yaml
if git commit -qm "broken edit" >"$work/own-bad.log" 2>&1; then
  cat "$work/own-bad.log" >&2
  fail "the repository's own hook let a broken plan through"
fi
grep -Eq 'plans/2024/tasks\.yaml:[0-9]+:[0-9]+: .*task/unknown-unit' "$work/own-bad.log" || { cat "$work/own-bad.log" >&2; fail "no located finding from the repository's own hook"; }
echo "the repository's own pre-commit hook, with the pinned cchc: good commit passes, broken commit blocked"
