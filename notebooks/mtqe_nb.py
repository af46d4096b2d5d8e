"""Helpers shared by the mtqe notebooks: loading outputs, consistent plots, and flag highlighting."""
from __future__ import annotations

import html
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # Notebooks run headless in CI; inline display still works in Jupyter.
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.ticker import MaxNLocator  # noqa: E402
import polars as pl  # noqa: E402

SEVERITY_RANK = {"minor": 1, "major": 2, "critical": 3}

# One colour per MQM top-level dimension, so categories of a dimension share a hue.
DIMENSION_COLOURS = {
    "accuracy": "#e45756",
    "non-translation": "#b22222",
    "fluency": "#4c78a8",
    "style": "#f58518",
    "terminology": "#54a24b",
    "locale-convention": "#b279a2",
}


def load_score_output(directory: str | Path) -> dict[str, pl.DataFrame]:
    """The three tables of an `mtqe score` output directory."""
    directory = Path(directory)
    missing = [name for name in ("flags", "segments", "documents") if not (directory / f"{name}.parquet").exists()]
    if missing:
        raise FileNotFoundError(f"{directory} is not an mtqe score output: missing {', '.join(missing)}.parquet")
    return {name: pl.read_parquet(directory / f"{name}.parquet") for name in ("flags", "segments", "documents")}


def load_eval_output(directory: str | Path) -> dict[str, pl.DataFrame]:
    """The detail tables of an `mtqe eval` output directory."""
    directory = Path(directory)
    tables = {}
    for name in ("detectors", "categories", "segments", "correlations"):
        path = directory / f"{name}.parquet"
        if not path.exists():
            raise FileNotFoundError(f"{directory} is not an mtqe eval output: missing {name}.parquet")
        tables[name] = pl.read_parquet(path)
    return tables


def colour_of(category: str) -> str:
    return DIMENSION_COLOURS.get(category.split("/")[0], "#888888")


def bar_chart(labels, values, title: str, xlabel: str, ylabel: str, colours=None, save: Path | None = None):
    """A horizontal bar chart with a title and labelled axes, largest value on top."""
    fig, ax = plt.subplots(figsize=(8, max(2.5, 0.35 * len(labels) + 1)))
    ax.barh(list(labels)[::-1], list(values)[::-1], color=(list(colours)[::-1] if colours else "#4c78a8"))
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    if all(float(v).is_integer() for v in values):
        # Counts: whole-number ticks only, never "0.5 flags".
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    fig.tight_layout()
    if save:
        fig.savefig(save, dpi=110)
    return fig


def highlight(text: str, flags: pl.DataFrame, min_severity: str = "minor", detectors: list[str] | None = None) -> str:
    """The text as HTML with every flag underlined in the colour of its category.

    Overlapping flags stay readable: the text is cut at every flag boundary, each piece is coloured
    by its most severe flag and carries the messages of all flags that cover it (shown on hover),
    and every flag gets a numbered marker that the list below the text explains.
    """
    rank = SEVERITY_RANK[min_severity]
    rows = [
        r
        for r in flags.sort("start").iter_rows(named=True)
        if SEVERITY_RANK[r["severity"]] >= rank and (detectors is None or r["detector"] in detectors)
    ]
    cuts = sorted({0, len(text), *[r["start"] for r in rows], *[r["end"] for r in rows]})
    pieces = []
    for start, end in zip(cuts, cuts[1:]):
        covering = [(i, r) for i, r in enumerate(rows, 1) if r["start"] < end and start < r["end"]]
        chunk = html.escape(text[start:end]).replace("\n", "<br>")
        markers = "".join(f"<sup>{i}</sup>" for i, r in covering if r["end"] == end)
        if covering:
            worst = max(covering, key=lambda c: SEVERITY_RANK[c[1]["severity"]])[1]
            tip = html.escape(" | ".join(f"[{i}] {r['severity']} {r['detector']}: {r['message']}" for i, r in covering))
            depth = len(covering)
            style = (
                f"background: {colour_of(worst['category'])}{'33' if depth == 1 else '66'};"
                f" border-bottom: {1 + depth}px solid {colour_of(worst['category'])};"
            )
            pieces.append(f'<span style="{style}" title="{tip}">{chunk}</span>{markers}')
        else:
            pieces.append(chunk)
    items = "".join(
        f"<li><b>[{i}] {html.escape(r['severity'])}</b> <code>{html.escape(r['detector'])}</code>"
        f" <span style='color:{colour_of(r['category'])}'>{html.escape(r['category'])}</span>:"
        f" “{html.escape(r['excerpt'])}” — {html.escape(r['message'])}</li>"
        for i, r in enumerate(rows, 1)
    )
    return (
        f"<div style='line-height:1.7; font-family: Georgia, serif; max-width: 50em'>{''.join(pieces)}</div>"
        f"<ol style='list-style: none; padding-left: 0; font-size: 90%'>{items}</ol>"
    )
