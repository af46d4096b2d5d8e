"""mtqe.ray on a local Ray cluster: the same rows as `mtqe score`, compared after sorting."""

import polars as pl
import pytest
from conftest import CLEAN_NEWS, SAMPLE, sort_all
from polars.testing import assert_frame_equal

import mtqe

ray = pytest.importorskip("ray")
import mtqe.ray  # noqa: E402


@pytest.fixture(scope="module")
def local_cluster():
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, configure_logging=False)
    ray.data.DataContext.get_current().enable_progress_bars = False
    yield
    ray.shutdown()


def collect(dataset) -> pl.DataFrame:
    """A dataset's rows in one polars DataFrame (empty blocks, which have no columns, left out)."""
    import pyarrow as pa

    tables = [ray.get(ref) for ref in dataset.to_arrow_refs()]
    return pl.from_arrow(pa.concat_tables([t for t in tables if t.num_columns]))


@pytest.mark.parametrize("corpus, source", [(SAMPLE, "source"), (CLEAN_NEWS, None)], ids=["sample", "clean-news"])
def test_ray_gives_the_rows_of_the_cli(local_cluster, cli_run, corpus, source):
    expected = cli_run(corpus)
    frame = pl.read_ndjson(corpus)
    # Several blocks and small batches, so that both actors and many batches take part. The
    # repartition is materialised first: with two CPUs, both held by the scoring actors, a
    # repartition still waiting upstream would never get one.
    dataset = ray.data.from_arrow(frame.to_arrow()).repartition(3).materialize()
    tables = mtqe.ray.score_dataset(dataset, source=source, concurrency=2, batch_size=4)
    for name in ("flags", "segments", "documents"):
        assert_frame_equal(sort_all(getattr(expected, name)), sort_all(collect(tables[name])), check_dtypes=True)
    assert len(collect(tables["rejects"])) == 0


def test_ray_records_bad_rows_as_rejects(local_cluster):
    frame = pl.DataFrame({"id": ["a", "b", None, "d"], "text": ["One sentence.", None, "No id.", "Fine."]})
    tables = mtqe.ray.score_dataset(ray.data.from_arrow(frame.to_arrow()), batch_size=2)
    rejects = collect(tables["rejects"])
    documents = collect(tables["documents"])
    assert sorted(documents["doc_id"]) == ["a", "d"]
    assert len(rejects) == 2 and rejects["reason"].null_count() == 0


def test_score_files_writes_each_table_with_the_rows_of_the_cli(local_cluster, cli_run, tmp_path):
    expected = cli_run(SAMPLE)
    written = mtqe.ray.score_files(str(SAMPLE), out=str(tmp_path / "out"), source="source", batch_size=8)
    assert sorted(written) == ["documents", "flags", "rejects", "segments"]
    for name in ("flags", "segments"):
        actual = pl.read_parquet(f"{written[name]}/*.parquet")
        assert_frame_equal(sort_all(getattr(expected, name)), sort_all(actual))
    documents = pl.read_parquet(f"{written['documents']}/*.parquet")
    assert sorted(documents["doc_id"]) == sorted(expected.documents["doc_id"])
