#!/usr/bin/env bash
# The whole notebook check, run by the README's test command:
# - prepares notebooks/.venv with scripts/python-env.sh (the pinned packages and the mtqe package);
# - scores the bundled sample corpus and evaluates the bundled annotations with the mtqe binary
#   that `cargo test --release` already built, if those outputs are missing;
# - executes every notebook from top to bottom, failing on the first error.
# `bash notebooks/execute.sh --render` also writes executed copies with figures to notebooks/rendered/.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
venv="$(bash "$root/scripts/python-env.sh")"

mtqe="$root/target/release/mtqe"
if [ ! -x "$mtqe" ]; then
  (cd "$root" && cargo build --release --quiet --locked)
fi
if [ ! -f "$root/out/sample/manifest.json" ]; then
  "$mtqe" score --out "$root/out/sample" --quiet
fi
if [ ! -f "$root/out/eval-sample/report.md" ]; then
  "$mtqe" eval --gold "$root/data/sample/gold.jsonl" --out "$root/out/eval-sample" >/dev/null 2>&1
fi

render=()
if [ "${1:-}" = "--render" ]; then
  render=(--render "$here/rendered")
fi
cd "$here"
PATH="$venv/bin:$PATH" "$venv/bin/python" run_notebooks.py "${render[@]}"
