"""Shared fixtures: the repository's corpora and the CLI binary the Python results are checked against."""

import os
import subprocess
from pathlib import Path

import polars as pl
import pytest

import mtqe

ROOT = Path(__file__).resolve().parents[3]
SAMPLE = ROOT / "data" / "sample" / "articles.jsonl"
CLEAN_NEWS = ROOT / "tests" / "fixtures" / "clean-news.jsonl"


@pytest.fixture(scope="session")
def mtqe_binary() -> Path:
    """The release binary that `cargo test --release` built (MTQE_BIN overrides)."""
    binary = Path(os.environ.get("MTQE_BIN", ROOT / "target" / "release" / "mtqe"))
    if not binary.is_file():
        pytest.fail(f"{binary} is missing: build it first with `cargo build --release`")
    return binary


@pytest.fixture(scope="session")
def cli_run(mtqe_binary, tmp_path_factory):
    """Scores a corpus with `mtqe score` and reads the run back."""

    def run(corpus: Path, *arguments: str) -> mtqe.Run:
        out = tmp_path_factory.mktemp("cli") / "run"
        done = subprocess.run([str(mtqe_binary), "score", str(corpus), "--out", str(out), "--quiet", *arguments])
        assert done.returncode in (0, 1), f"mtqe score failed with exit code {done.returncode}"  # 1: rejects
        return mtqe.read_run(out)

    return run


def sort_all(frame: pl.DataFrame) -> pl.DataFrame:
    """Rows in one canonical order, for comparing tables whose row order may differ."""
    return frame.sort(frame.columns, nulls_last=True)
