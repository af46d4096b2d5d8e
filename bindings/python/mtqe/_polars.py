"""The polars expression namespace ``mtqe``: ``pl.col("text").mtqe.score()``.

It scores each value of a text column as one document and returns a struct per row with
``score``, ``penalty``, ``quality`` and ``n_flags`` (null for a null or unscorable text). It uses
only ``Expr.map_batches`` and ``pl.api.register_expr_namespace``, which every polars from 0.20 on
has, so it does not tie users to one polars version.
"""

from __future__ import annotations

from typing import Any

import polars as pl

# The struct each row gets, named and typed as in documents.parquet.
RESULT_FIELDS = {"score": pl.Float64, "penalty": pl.Float64, "quality": pl.Float64, "n_flags": pl.UInt32}
RESULT_DTYPE = pl.Struct(RESULT_FIELDS)


def score_series(texts: pl.Series, **options: Any) -> pl.Series:
    """One struct per text of ``texts``, in order: the document scores of each as its own article."""
    from . import score

    ids = [str(i) for i in range(len(texts))]
    frame = pl.DataFrame({"id": ids, "text": texts.cast(pl.String)})
    # Nulls and empty texts are rejects of the run; their rows get a null struct.
    run = score(frame, id="id", text="text", **options)
    documents = run.documents.select(
        pl.col("doc_id").cast(pl.Int64).alias("row"),
        *[pl.col(name).cast(dtype) for name, dtype in RESULT_FIELDS.items()],
    )
    rows = pl.DataFrame({"row": range(len(texts))}, schema={"row": pl.Int64})
    joined = rows.join(documents, on="row", how="left").sort("row")
    # A rejected text has no document: a null struct, not a struct of nulls.
    scored = pl.col("score").is_not_null()
    result = joined.select(pl.when(scored).then(pl.struct(list(RESULT_FIELDS))).alias(texts.name))
    return result.to_series().cast(RESULT_DTYPE)


@pl.api.register_expr_namespace("mtqe")
class MtqeExpression:
    """``pl.col("text").mtqe``: mtqe on a column of English texts."""

    def __init__(self, expression: pl.Expr) -> None:
        self._expression = expression

    def score(self, **options: Any) -> pl.Expr:
        """A struct per row (score, penalty, quality, n_flags), each text scored as one article.

        Takes the keyword options of :func:`mtqe.score` (``threads``, ``config``, …). Scoring runs
        in the mtqe library on all cores, one batch of the column at a time.
        """
        return self._expression.map_batches(lambda texts: score_series(texts, **options), return_dtype=RESULT_DTYPE)
