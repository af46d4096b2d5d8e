"""mtqe: find translation errors in machine-translated English news, with no reference.

Score a DataFrame in place and get the same tables ``mtqe score`` writes::

    import mtqe
    run = mtqe.score(df, id="id", text="text")
    run.flags, run.segments, run.documents   # polars DataFrames
    mtqe.score_texts(["Months eat Russians."]).flags

The scoring is the mtqe library itself (Rust), run on all cores with the GIL released. Data is
handed over through the Arrow C data interface, so a polars or pandas DataFrame, a pyarrow Table
or RecordBatch, or any object with ``__arrow_c_stream__`` works without copying through Python
objects. Importing the package also registers ``pl.col("text").mtqe.score()``.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping, Optional, Sequence, Union

import polars as pl

from . import _native
from ._native import RejectedRowError

__version__ = _native.__version__

__all__ = [
    "Run",
    "RejectedRowError",
    "score",
    "score_texts",
    "detectors",
    "detector_doc",
    "read_run",
]

# The tables of a run, in the order `mtqe score` writes them.
TABLES = ("flags", "segments", "documents", "alignments")

# The columns of the rejects table, in order, with their types.
REJECT_SCHEMA = {"file": pl.String, "line": pl.Int64, "row": pl.Int64, "id": pl.String, "reason": pl.String}


@dataclass(frozen=True)
class Run:
    """One scoring run: its tables as polars DataFrames, and its manifest.

    ``flags``, ``segments`` and ``documents`` have the schemas of the Parquet tables of
    ``mtqe score``; ``alignments`` is present when a source column was given, else None.
    ``rejects`` has one row per input row that could not be scored (file, line, row, id,
    reason), and ``manifest`` is the run's ``manifest.json``: counts, settings, detectors.
    """

    flags: pl.DataFrame
    segments: pl.DataFrame
    documents: pl.DataFrame
    alignments: Optional[pl.DataFrame]
    rejects: pl.DataFrame
    manifest: dict = field(repr=False)

    def __repr__(self) -> str:
        counts = self.manifest.get("counts", {})
        return (
            f"Run(documents={counts.get('documents')}, segments={counts.get('segments')}, "
            f"flags={counts.get('flags')}, rejects={counts.get('rejects')})"
        )


def _arrow_capsules(data: Any) -> dict:
    """The Arrow PyCapsules of a table-like object, for the native scorer."""
    pandas = sys.modules.get("pandas")
    if pandas is not None and isinstance(data, pandas.DataFrame):
        # Converted by pyarrow without the index, which would otherwise become a carried column.
        import pyarrow

        data = pyarrow.Table.from_pandas(data, preserve_index=False)
    if hasattr(data, "__arrow_c_stream__"):
        return {"stream": data.__arrow_c_stream__()}
    if hasattr(data, "__arrow_c_array__"):
        schema, array = data.__arrow_c_array__()
        return {"schema": schema, "array": array}
    raise TypeError(
        f"mtqe.score takes a polars or pandas DataFrame, a pyarrow Table or RecordBatch, or an object "
        f"with the Arrow PyCapsule interface (__arrow_c_stream__), not {type(data).__name__}"
    )


def _config_arguments(config: Union[None, str, os.PathLike, Mapping[str, Any]]) -> dict:
    if config is None:
        return {}
    if isinstance(config, Mapping):
        return {"config_toml": _native.config_toml_from_json(json.dumps(config))}
    return {"config_path": os.fspath(config)}


def score(
    data: Any,
    id: str = "id",
    text: str = "text",
    source: Optional[str] = None,
    source_lang: str = "de",
    config: Union[None, str, os.PathLike, Mapping[str, Any]] = None,
    threads: Optional[int] = None,
    *,
    strict: bool = False,
    weights: Union[None, str, os.PathLike] = None,
    language_model: bool = False,
    keep_text: bool = False,
    out: Union[None, str, os.PathLike] = None,
) -> Run:
    """Score every row of a table and return the run's tables.

    Args:
        data: a polars or pandas DataFrame, a pyarrow Table or RecordBatch, or any object with
            the Arrow PyCapsule interface. Columns other than id, text and source are carried
            into ``documents``, as in ``mtqe score``.
        id: the column of unique document ids.
        text: the column of English (machine-translated) text.
        source: the column of source-language text, to run the source-aware detectors and fill
            ``alignments``; None for English only.
        source_lang: the source language (ISO 639-1), as ``--source-lang``.
        config: a TOML config file's path, or the same settings as a dict
            (``{"detectors": {"narrative-you": {"enabled": False}}}``), as ``--config``.
        threads: worker threads; all cores when None.
        strict: raise :class:`RejectedRowError` on the first row that cannot be scored, instead
            of recording it in ``rejects``.
        weights: quality-model weights written by ``mtqe calibrate``, as ``--weights``.
        language_model: run the English language model, as ``--language-model``.
        keep_text: also carry the text and source into ``documents``, as ``--keep-text``.
        out: a directory to keep the run in, as ``mtqe score --out``; by default the tables are
            read into memory and the directory removed.

    Returns:
        A :class:`Run`. Rows that cannot be scored (a missing id or text, an empty text, a
        duplicate id) are in ``run.rejects``; nothing is dropped silently.

    Raises:
        ValueError: a named column is missing, or a setting is invalid.
        RejectedRowError: with ``strict=True``, the first bad row.
        TypeError: ``data`` is not a table.
    """
    capsules = _arrow_capsules(data)
    arguments = dict(
        name=type(data).__name__,
        id=id,
        text=text,
        source=source,
        source_lang=source_lang,
        weights=None if weights is None else os.fspath(weights),
        language_model=language_model,
        threads=threads,
        strict=strict,
        keep_text=keep_text,
        **_config_arguments(config),
        **capsules,
    )
    if out is not None:
        _native.score_arrow(os.fspath(out), **arguments)
        return read_run(out)
    scratch = tempfile.mkdtemp(prefix="mtqe-")
    try:
        run_dir = os.path.join(scratch, "run")
        _native.score_arrow(run_dir, **arguments)
        return read_run(run_dir)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def score_texts(
    texts: Sequence[Optional[str]], ids: Optional[Sequence[str]] = None, **options: Any
) -> Run:
    """Score a list of English texts; their ids are "0", "1", … unless given.

    Takes the same keyword options as :func:`score` (``threads``, ``config``, …).
    """
    texts = list(texts)
    ids = [str(i) for i in range(len(texts))] if ids is None else [str(i) for i in ids]
    if len(ids) != len(texts):
        raise ValueError(f"{len(ids)} ids for {len(texts)} texts")
    frame = pl.DataFrame({"id": ids, "text": texts}, schema={"id": pl.String, "text": pl.String})
    return score(frame, id="id", text="text", **options)


def detectors() -> pl.DataFrame:
    """Every detector: id, MQM category, default severity, version and a one-line summary."""
    rows = _native.detectors()
    return pl.DataFrame(
        rows,
        schema={"id": pl.String, "category": pl.String, "severity": pl.String, "version": pl.UInt32, "summary": pl.String},
        orient="row",
    )


def detector_doc(id: str) -> str:
    """A detector's whole documentation (what it finds, why, examples, options), as Markdown."""
    return _native.detector_doc(id)


def read_run(path: Union[str, os.PathLike]) -> Run:
    """Read a finished run, from ``mtqe score --out DIR`` or ``score(..., out=DIR)``.

    Raises FileNotFoundError when the directory holds no complete run (no ``manifest.json``).
    """
    directory = Path(path)
    manifest_path = directory / "manifest.json"
    if not manifest_path.is_file():
        raise FileNotFoundError(f"{directory} holds no complete mtqe run: it has no manifest.json")
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    outputs = set(manifest.get("outputs", []))
    tables = {}
    for name in TABLES:
        file = f"{name}.parquet"
        tables[name] = pl.read_parquet(directory / file) if file in outputs else None
    for name in ("flags", "segments", "documents"):
        if tables[name] is None:
            raise FileNotFoundError(f"{directory}: the manifest lists no {name}.parquet")
    return Run(
        flags=tables["flags"],
        segments=tables["segments"],
        documents=tables["documents"],
        alignments=tables["alignments"],
        rejects=_read_rejects(directory / "rejects.jsonl"),
        manifest=manifest,
    )


def _read_rejects(path: Path) -> pl.DataFrame:
    rows = []
    if path.is_file():
        with open(path, encoding="utf-8") as lines:
            for line in lines:
                if line.strip():
                    record = json.loads(line)
                    rows.append({name: record.get(name) for name in REJECT_SCHEMA})
    return pl.DataFrame(rows, schema=REJECT_SCHEMA, orient="row") if rows else pl.DataFrame(schema=REJECT_SCHEMA)


from . import _polars as _polars_namespace  # noqa: E402  (registers pl.col(...).mtqe)

del _polars_namespace
