#!/usr/bin/env bash
# The Python package's tests, run by the README's test command: builds the package into the
# notebooks' environment (scripts/python-env.sh) and runs pytest, the Ray tests included, which
# start a local Ray cluster of two CPUs. The CLI results they compare with come from
# target/release/mtqe, built by `cargo test --release`.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$(dirname "$here")")"
venv="$(bash "$root/scripts/python-env.sh")"
if [ ! -x "$root/target/release/mtqe" ]; then
  (cd "$root" && cargo build --release --quiet --locked)
fi
cd "$here"
"$venv/bin/python" -m pytest -q -p no:cacheprovider -W "ignore::DeprecationWarning" tests
