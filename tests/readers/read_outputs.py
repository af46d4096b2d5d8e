"""Reads every table of an mtqe run with pyarrow 14 and with DuckDB, and checks them against the
run's manifest: each file opens, its row count is the one the manifest states, and its text
columns have plain string types. Usage: read_outputs.py RUN_DIR [RUN_DIR...]"""

import json
import sys
from pathlib import Path

import duckdb
import pyarrow
import pyarrow.parquet as pq

TABLES = {"documents.parquet": "documents", "segments.parquet": "segments", "flags.parquet": "flags"}


def check_run(run: Path) -> int:
    manifest = json.loads((run / "manifest.json").read_text())
    tables = [name for name in manifest["outputs"] if name.endswith(".parquet")]
    assert "documents.parquet" in tables, f"{run}: the manifest lists no documents.parquet"
    for name in tables:
        path = run / name
        table = pq.read_table(path)
        [(duckdb_rows,)] = duckdb.sql(f"SELECT count(*) FROM read_parquet('{path}')").fetchall()
        assert duckdb_rows == table.num_rows, f"{path}: DuckDB reads {duckdb_rows} rows, pyarrow {table.num_rows}"
        if name in TABLES:
            expected = manifest["counts"][TABLES[name]]
            assert table.num_rows == expected, f"{path}: {table.num_rows} rows, the manifest says {expected}"
        for field in table.schema:
            assert "view" not in str(field.type), f"{path}: column {field.name} has type {field.type}"
        text_columns = [f.name for f in table.schema if pyarrow.types.is_large_string(f.type) or pyarrow.types.is_string(f.type)]
        assert "doc_id" in text_columns, f"{path}: doc_id is not text"
        ids = [row[0] for row in duckdb.sql(f"SELECT doc_id FROM read_parquet('{path}')").fetchall()]
        assert ids == table.column("doc_id").to_pylist(), f"{path}: the readers disagree on doc_id"
        print(f"ok: {path} ({table.num_rows} rows) with pyarrow {pyarrow.__version__} and DuckDB {duckdb.__version__}")
    return len(tables)


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    checked = sum(check_run(Path(run)) for run in sys.argv[1:])
    assert checked > 0
