#!/usr/bin/env bash
# Prepares the Python environment of the notebooks and of the Python package's tests:
# - creates notebooks/.venv from notebooks/requirements.txt, or reuses it while the pins are unchanged;
# - builds the mtqe Python package (bindings/python, with maturin, in the release profile the
#   Rust tests already built) and installs it into that environment.
# Prints the environment's directory. Used by bindings/python/test.sh and notebooks/execute.sh.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
venv="$root/notebooks/.venv"
requirements="$root/notebooks/requirements.txt"
if [ ! -x "$venv/bin/python" ] || ! cmp -s "$requirements" "$venv/requirements.txt"; then
  rm -rf "$venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check -r "$requirements" >&2
  "$venv/bin/python" -m ipykernel install --sys-prefix --name python3 >/dev/null
  cp "$requirements" "$venv/requirements.txt"
fi
# Rebuilds only what changed since the last build; --locked keeps Cargo.lock as committed.
(cd "$root" && VIRTUAL_ENV="$venv" PATH="$venv/bin:$PATH" maturin develop --release --locked --quiet >&2)
echo "$venv"
