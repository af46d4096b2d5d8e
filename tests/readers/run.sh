#!/usr/bin/env bash
# Reads mtqe's output tables with other readers: pyarrow 14 and DuckDB (tests/readers/read_outputs.py).
# Part of the README's test command. Creates tests/readers/.venv from requirements.txt, or reuses
# it while the pins are unchanged, and scores two runs with the release binary: the bundled
# sample, which has a source column and carried columns, and a JSON Lines corpus without them.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$(dirname "$here")")"
venv="$here/.venv"
if [ ! -x "$venv/bin/python" ] || ! cmp -s "$here/requirements.txt" "$venv/requirements.txt"; then
  rm -rf "$venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check -r "$here/requirements.txt"
  cp "$here/requirements.txt" "$venv/requirements.txt"
fi
mtqe="$root/target/release/mtqe"
if [ ! -x "$mtqe" ]; then
  (cd "$root" && cargo build --release --quiet --locked)
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$mtqe" score --out "$work/sample" --quiet
printf '%s\n' '{"id": "a", "text": "The the mayor said on 1. June that prices rose by 1,5 percent."}' \
  '{"id": "b", "text": "Nothing to see here."}' > "$work/plain.jsonl"
"$mtqe" score "$work/plain.jsonl" --out "$work/plain" --quiet
"$venv/bin/python" "$here/read_outputs.py" "$work/sample" "$work/plain"
