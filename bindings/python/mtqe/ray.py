"""Scoring Ray Datasets: corpora beyond one machine.

::

    import ray, mtqe.ray
    tables = mtqe.ray.score_dataset(ray.data.read_parquet("s3://bucket/articles/"))
    tables["documents"].write_parquet("s3://bucket/mtqe/documents")

Each Ray worker is an actor of :class:`Scorer`: it loads mtqe's word lists and models once and
scores whole Arrow batches with :func:`mtqe.score`, so every row gets exactly the flags, segments
and document scores ``mtqe score`` would give it. The batches are scored once; the four tables
are then unpacked from the scored dataset.

What differs from one ``mtqe score`` run: ids are checked for duplicates only within a batch
(``batch_size`` rows), since no worker sees the whole corpus; the rejects name the batch, not a
file and line; and rows come out in batch order, not input order.
"""

from __future__ import annotations

import io
from typing import Any, Dict, Iterable, Optional, Union

import pyarrow as pa
import pyarrow.ipc
import ray
import ray.data

import mtqe

# The tables a scored dataset yields, each a Ray Dataset.
TABLES = ("flags", "segments", "documents", "rejects")
# A scored batch: one row per table, its name and its rows as an Arrow IPC stream.
_PACKED_SCHEMA = pa.schema([("table", pa.string()), ("rows", pa.large_binary())])


def _ipc_bytes(table: pa.Table) -> bytes:
    sink = io.BytesIO()
    with pa.ipc.new_stream(sink, table.schema) as writer:
        writer.write_table(table)
    return sink.getvalue()


class Scorer:
    """A Ray Data actor: scores each Arrow batch with mtqe, on ``threads`` threads.

    Returns, per batch, one row per table: its name and its rows as an Arrow IPC stream, so the
    four tables of different schemas travel through one dataset.
    """

    def __init__(self, options: Dict[str, Any]) -> None:
        self.options = options
        # Loads the word lists and models now, once per worker, not inside the first batch.
        mtqe.score_texts(["Warming up."], threads=1)

    def __call__(self, batch: pa.Table) -> pa.Table:
        run = mtqe.score(batch, **self.options)
        payloads = [_ipc_bytes(getattr(run, name).to_arrow()) for name in TABLES]
        return pa.table({"table": list(TABLES), "rows": payloads}, schema=_PACKED_SCHEMA)


def _unpacker(name: str):
    def unpack(packed: pa.Table) -> pa.Table:
        tables = [
            pa.ipc.open_stream(payload.as_py()).read_all()
            for kind, payload in zip(packed.column("table"), packed.column("rows"))
            if kind.as_py() == name
        ]
        if not tables:
            return pa.table({})  # an empty block: no scored batch in it
        return pa.concat_tables(tables) if len(tables) > 1 else tables[0]

    return unpack


def score_dataset(
    ds: "ray.data.Dataset",
    id: str = "id",
    text: str = "text",
    source: Optional[str] = None,
    concurrency: Optional[Union[int, tuple]] = None,
    *,
    source_lang: str = "de",
    config: Any = None,
    threads_per_worker: int = 1,
    batch_size: int = 4096,
    **options: Any,
) -> Dict[str, "ray.data.Dataset"]:
    """Score every row of a Ray Dataset; returns ``{"flags", "segments", "documents", "rejects"}``.

    Args:
        ds: the articles, one row each, with the id and text columns (and source, if given).
        id, text, source, source_lang, config: as in :func:`mtqe.score`.
        concurrency: how many scoring actors: a number, or ``(min, max)`` for an autoscaling
            pool; by default as many as the cluster has CPUs for (``threads_per_worker`` each).
        threads_per_worker: CPUs each actor reserves and scores on.
        batch_size: rows per scored batch; duplicate ids are found only within one batch.
        options: further keyword options of :func:`mtqe.score` (``weights``, ``language_model``,
            ``keep_text``, ``strict``).

    The scoring runs once, when this returns (the scored batches are materialised in Ray's object
    store); the four datasets only unpack them.
    """
    scorer_options = dict(
        id=id,
        text=text,
        source=source,
        source_lang=source_lang,
        config=config,
        threads=threads_per_worker,
        **options,
    )
    if concurrency is None:
        cpus = int(ray.cluster_resources().get("CPU", 1))
        compute = ray.data.ActorPoolStrategy(min_size=1, max_size=max(1, cpus // threads_per_worker))
    elif isinstance(concurrency, tuple):
        compute = ray.data.ActorPoolStrategy(min_size=concurrency[0], max_size=concurrency[1])
    else:
        compute = ray.data.ActorPoolStrategy(size=concurrency)
    scored = ds.map_batches(
        Scorer,
        fn_constructor_kwargs={"options": scorer_options},
        batch_format="pyarrow",
        batch_size=batch_size,
        compute=compute,
        num_cpus=threads_per_worker,
    ).materialize()
    return {
        name: scored.map_batches(_unpacker(name), batch_format="pyarrow", batch_size=None) for name in TABLES
    }


def score_files(
    paths: Union[str, Iterable[str]],
    out: str,
    id: str = "id",
    text: str = "text",
    source: Optional[str] = None,
    *,
    format: Optional[str] = None,
    **options: Any,
) -> Dict[str, str]:
    """Score JSON Lines or Parquet files (local paths or object-storage URIs such as ``s3://``)
    and write each table with Ray's Parquet writer to ``{out}/{table}/``.

    ``format`` is "jsonl" or "parquet"; by default it is told from the first path's extension.
    Returns the directory of each table. Other keyword options are those of
    :func:`score_dataset`.
    """
    paths = [paths] if isinstance(paths, str) else list(paths)
    if not paths:
        raise ValueError("no input paths")
    if format is None:
        first = paths[0].lower().rstrip("/")
        format = "parquet" if first.endswith(".parquet") else "jsonl"
    if format == "parquet":
        ds = ray.data.read_parquet(paths)
    elif format == "jsonl":
        ds = ray.data.read_json(paths)
    else:
        raise ValueError(f"format must be 'jsonl' or 'parquet', not {format!r}")
    tables = score_dataset(ds, id=id, text=text, source=source, **options)
    written = {}
    for name, table in tables.items():
        written[name] = f"{out.rstrip('/')}/{name}"
        table.write_parquet(written[name])
    return written
