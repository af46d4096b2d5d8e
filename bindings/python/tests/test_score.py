"""mtqe.score against `mtqe score`, every input type, bad input, and the rest of the API."""

import threading

import pandas as pd
import polars as pl
import pyarrow as pa
import pytest
from conftest import CLEAN_NEWS, SAMPLE, sort_all
from polars.testing import assert_frame_equal

import mtqe

TABLES = ("flags", "segments", "documents", "alignments", "rejects")


def assert_same_run(expected: mtqe.Run, actual: mtqe.Run) -> None:
    for name in TABLES:
        left, right = getattr(expected, name), getattr(actual, name)
        if left is None or right is None:
            assert left is None and right is None, f"{name}: present in only one run"
            continue
        assert_frame_equal(left, right, check_row_order=True), name
    assert expected.manifest["counts"] == actual.manifest["counts"]


@pytest.mark.parametrize("corpus, source", [(SAMPLE, "source"), (CLEAN_NEWS, None)], ids=["sample", "clean-news"])
def test_a_dataframe_gives_the_tables_of_the_cli(cli_run, corpus, source):
    expected = cli_run(corpus)
    frame = pl.read_ndjson(corpus)
    actual = mtqe.score(frame, source=source, threads=2)
    assert_same_run(expected, actual)
    assert len(actual.documents) == len(frame)
    assert (actual.alignments is not None) == (source is not None)


@pytest.mark.parametrize(
    "convert",
    [
        lambda f: f.to_arrow(),
        lambda f: f.to_arrow().to_batches(max_chunksize=len(f))[0],
        lambda f: f.to_pandas(),
        lambda f: f.to_arrow().to_reader(max_chunksize=3),  # a RecordBatchReader: a stream of batches
    ],
    ids=["pyarrow-table", "pyarrow-record-batch", "pandas", "arrow-stream"],
)
def test_every_table_type_gives_the_same_run(convert):
    frame = pl.read_ndjson(SAMPLE)
    expected = mtqe.score(frame, source="source")
    actual = mtqe.score(convert(frame), source="source")
    for name in ("flags", "segments", "alignments", "rejects"):
        assert_frame_equal(getattr(expected, name), getattr(actual, name))
    # pandas and pyarrow carry the same values; only the types of carried columns may differ.
    keys = ["doc_id", "n_flags", "penalty", "score", "quality"]
    assert_frame_equal(expected.documents.select(keys), actual.documents.select(keys))


def test_text_as_categorical_and_integer_ids_are_read_as_text():
    texts = ["The the mayor spoke.", "Prices rose by 1,5 percent.", "The the mayor spoke."]
    plain = mtqe.score(pl.DataFrame({"id": ["1", "2", "3"], "text": texts}))
    typed = mtqe.score(pl.DataFrame({"id": [1, 2, 3], "text": pl.Series(texts, dtype=pl.Categorical)}))
    assert_frame_equal(plain.flags, typed.flags)
    assert typed.documents["doc_id"].to_list() == ["1", "2", "3"]


@pytest.mark.parametrize("argument, column", [("id", "article"), ("text", "body"), ("source", "german")])
def test_a_missing_column_raises_value_error_naming_it(argument, column):
    frame = pl.DataFrame({"id": ["a"], "text": ["Some text."]})
    with pytest.raises(ValueError, match=f"'{column}'") as raised:
        mtqe.score(frame, **{argument: column})
    assert "id, text" in str(raised.value), "the message lists the columns there are"


BAD_ROWS = pl.DataFrame(
    {
        "id": ["good-1", None, "", "good-2", "good-1", "empty"],
        "text": ["A fine sentence.", "No id here.", "An empty id.", None, "A repeated id.", "   "],
    }
)


def test_bad_rows_become_rejects_and_nothing_is_lost():
    run = mtqe.score(BAD_ROWS)
    assert run.documents["doc_id"].to_list() == ["good-1"]
    assert len(run.documents) + len(run.rejects) == len(BAD_ROWS)
    assert sorted(run.rejects["row"].to_list()) == [2, 3, 4, 5, 6]
    assert run.rejects["reason"].null_count() == 0
    assert run.rejects["file"].unique().to_list() == ["DataFrame"]
    assert run.manifest["counts"]["rejects"] == 5


def test_strict_raises_on_the_first_bad_row():
    with pytest.raises(mtqe.RejectedRowError, match="row 2") as raised:
        mtqe.score(BAD_ROWS, strict=True)
    assert isinstance(raised.value, ValueError)


def test_not_a_table_raises_type_error():
    with pytest.raises(TypeError, match="list"):
        mtqe.score([{"id": "a", "text": "b"}])


def test_score_texts_scores_each_text_as_an_article():
    seed = "Months eat Russians. You switch sides.\n\nPutin (69) said: “We will win."
    texts = [seed, "The council met on Tuesday.", seed]
    run = mtqe.score_texts(texts)
    assert run.documents["doc_id"].to_list() == ["0", "1", "2"]
    by_document = run.flags.group_by("doc_id").len()
    counts = dict(zip(by_document["doc_id"], by_document["len"]))
    assert counts.get("0", 0) > 0 and counts.get("0") == counts.get("2"), "the same text, the same flags"
    for flag in run.flags.iter_rows(named=True):
        text = texts[int(flag["doc_id"])].encode()
        assert text[flag["byte_start"] : flag["byte_end"]].decode() == flag["excerpt"]
    with pytest.raises(ValueError, match="2 ids for 3 texts"):
        mtqe.score_texts(texts, ids=["a", "b"])


def test_config_as_a_dict_turns_a_detector_off():
    texts = ["You switch sides. You eat Russians. He said you would."] * 2
    on = mtqe.score_texts(texts)
    assert "narrative-you" in on.flags["detector"].to_list()
    off = mtqe.score_texts(texts, config={"detectors": {"narrative-you": {"enabled": False}}})
    assert "narrative-you" not in off.flags["detector"].to_list()
    with pytest.raises(ValueError, match="invalid config"):
        mtqe.score_texts(texts, config={"detectors": {"no-such-detector": {"enabled": False}}})


def test_detectors_lists_the_catalogue_the_runs_use():
    catalogue = mtqe.detectors()
    assert catalogue.columns == ["id", "category", "severity", "version", "summary"]
    assert catalogue["id"].is_unique().all()
    run = mtqe.score_texts(["One sentence."])
    enabled = {d["id"] for d in run.manifest["detectors"]}
    assert enabled <= set(catalogue["id"]) and len(enabled) >= len(catalogue) - 2, "all but those off by default"
    assert "## What it does" in mtqe.detector_doc(catalogue["id"][0])
    with pytest.raises(ValueError, match="no detector named"):
        mtqe.detector_doc("no-such-detector")


def test_read_run_and_out_keep_a_run(tmp_path):
    kept = mtqe.score(pl.read_ndjson(SAMPLE), source="source", out=tmp_path / "run")
    assert_same_run(kept, mtqe.read_run(tmp_path / "run"))
    with pytest.raises(FileNotFoundError, match="manifest.json"):
        mtqe.read_run(tmp_path)


def test_runs_in_python_threads_at_once_agree():
    frame = pl.read_ndjson(CLEAN_NEWS)
    expected = mtqe.score(frame)
    results = [None] * 3

    def score(slot):
        results[slot] = mtqe.score(frame, threads=1)

    workers = [threading.Thread(target=score, args=(slot,)) for slot in range(3)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    for result in results:
        assert_frame_equal(expected.documents, result.documents)


def test_the_expression_namespace_gives_each_row_its_document_scores():
    texts = ["The the mayor spoke.", None, "Prices rose by 1,5 percent.", "A plain sentence."]
    frame = pl.DataFrame({"text": texts})
    scored = frame.with_columns(result=pl.col("text").mtqe.score()).unnest("result")
    run = mtqe.score_texts([t or "" for t in texts])
    documents = {row["doc_id"]: row for row in run.documents.iter_rows(named=True)}
    for index, row in enumerate(scored.iter_rows(named=True)):
        if texts[index] is None:
            assert row["score"] is None and row["n_flags"] is None
            continue
        document = documents[str(index)]
        for name in ("score", "penalty", "quality", "n_flags"):
            assert row[name] == document[name], (index, name)


def test_pandas_index_is_not_carried():
    frame = pd.DataFrame({"id": ["a", "b"], "text": ["One.", "Two."]}, index=[10, 20])
    run = mtqe.score(frame)
    assert "__index_level_0__" not in run.documents.columns
    assert run.manifest["carried_columns"] == []


def test_an_arrow_table_with_a_nested_carried_column_keeps_it():
    table = pa.table(
        {
            "id": ["a", "b"],
            "text": ["One sentence.", "Another one."],
            "tags": [["x"], ["y", "z"]],
        }
    )
    run = mtqe.score(table)
    assert "tags" in run.documents.columns
