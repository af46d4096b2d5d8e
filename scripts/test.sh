#!/usr/bin/env bash
# Runs every test of the project: the Rust unit and integration tests, then the notebooks.
# This is the README's test command; .ci/run calls it unchanged.
set -euo pipefail
cd "$(dirname "$0")/.."
# Release mode: the tests, the notebooks and the README's run command share one build of polars.
cargo test --release --locked
if [ -f notebooks/execute.sh ]; then
  bash notebooks/execute.sh
fi
