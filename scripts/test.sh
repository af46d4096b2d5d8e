#!/usr/bin/env bash
# Runs every test of the project: formatting and lints, the Rust unit and integration tests (the
# browser test among them), the Python package's tests (Ray included), the notebooks, and other
# readers of the output tables.
# This is the README's test command; .ci/run calls it unchanged.
set -euo pipefail
cd "$(dirname "$0")/.."
# Unformatted code and any clippy warning fail the run.
cargo fmt --all --check
cargo clippy --release --locked --workspace --all-targets -- -D warnings
# Release mode: the tests, the notebooks and the README's run command share one build of polars.
cargo test --release --locked
# The Python package: built with maturin into the notebooks' environment, then pytest.
bash bindings/python/test.sh
if [ -f notebooks/execute.sh ]; then
  bash notebooks/execute.sh
fi
# Other readers of the output tables: pyarrow 14 and DuckDB.
bash tests/readers/run.sh
