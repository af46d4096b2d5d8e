"""Throughput of the Python API against the CLI on the same corpus, measured alternately.

    notebooks/.venv/bin/python scripts/bench_python.py [--size 100] [--threads 1,2] [--runs 3]

Generates a corpus of about SIZE MB of article text with scripts/make_corpus.py (cached in
target/bench), reads it once into a polars DataFrame (not timed), then alternates
`mtqe.score(frame, threads=N)` in this process with `mtqe score corpus.jsonl --threads N`
(the release binary), so both see the same machine load. Reports the median wall time of each and
their ratio. Run it with the environment that scripts/python-env.sh prepares (mtqe installed).
"""
import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import polars as pl

import mtqe

root = Path(__file__).resolve().parents[1]
parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
parser.add_argument("--size", type=float, default=100, help="corpus size in MB of article text")
parser.add_argument("--threads", default="1,2", help="thread counts to measure")
parser.add_argument("--runs", type=int, default=3, help="runs of each (the median is reported)")
parser.add_argument("--binary", type=Path, default=root / "target" / "release" / "mtqe")
args = parser.parse_args()

bench = root / "target" / "bench"
bench.mkdir(parents=True, exist_ok=True)
corpus = bench / f"corpus-{args.size:g}mb.jsonl"
if not corpus.exists():
    subprocess.run([sys.executable, root / "scripts" / "make_corpus.py", str(args.size), corpus], check=True)
frame = pl.read_ndjson(corpus)
text_mb = frame["text"].str.len_bytes().sum() / 1e6
print(f"{corpus.name}: {len(frame)} articles, {text_mb:.1f} MB of text; mtqe {mtqe.__version__}")

print("| threads | CLI median (s) | Python median (s) | CLI MB/s | Python MB/s | Python / CLI |")
print("| --- | --- | --- | --- | --- | --- |")
for threads in [int(t) for t in args.threads.split(",")]:
    cli, python = [], []
    for _ in range(args.runs):
        with tempfile.TemporaryDirectory(dir=bench) as out:
            started = time.perf_counter()
            done = subprocess.run(
                [args.binary, "score", corpus, "--out", Path(out) / "run", "--quiet", "--threads", str(threads)]
            )
            cli.append(time.perf_counter() - started)
            assert done.returncode in (0, 1), done.returncode
        started = time.perf_counter()
        run = mtqe.score(frame, threads=threads)
        python.append(time.perf_counter() - started)
        assert len(run.documents) + len(run.rejects) == len(frame)
    c, p = statistics.median(cli), statistics.median(python)
    print(f"| {threads} | {c:.2f} | {p:.2f} | {text_mb / c:.1f} | {text_mb / p:.1f} | {c / p:.2f} |", flush=True)
