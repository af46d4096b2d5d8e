"""Benchmark of the pathological corpus (tests/pathological/make_corpus.py) against normal news:
seconds per MB of text and peak memory of `mtqe score`, one thread, per case.

    python3 scripts/bench_pathological.py [--runs 3] [--timeout 300] [--binary PATH]

Each case is a JSON Lines file of a few documents just under the text limit, built to stress one
part of mtqe (unclosed quotes, ten thousand names in a sentence, German text, a million-character
word, …). The baseline is about the same amount of normal news from scripts/make_corpus.py, with
German sources for the cases that have a source column. The
targets (issue "Reliability"): at most 5x the baseline's seconds per MB and 2x its peak memory.
Each figure is the median of --runs runs; peak memory is the child's own (wait4). Writes a
Markdown table to standard output. Nothing here reads ../shared.
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

root = Path(__file__).resolve().parents[1]
parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
parser.add_argument("--runs", type=int, default=3)
parser.add_argument("--timeout", type=float, default=300, help="seconds before a case counts as failed")
parser.add_argument("--binary", type=Path, default=root / "target" / "release" / "mtqe")
parser.add_argument("--work", type=Path, default=root / "target" / "bench" / "pathological")
args = parser.parse_args()


def measured(command):
    """(wall seconds, peak resident MB, exit code), or (None, None, None) past the timeout."""
    with tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=err)
        deadline = started + args.timeout
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                process.kill()
                os.wait4(process.pid, 0)
                return None, None, None
            time.sleep(0.01)
        return time.perf_counter() - started, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status)


def score(path):
    """Median wall, max peak and the manifest's counts of scoring `path` on one thread."""
    walls, peaks, counts = [], [], None
    for _ in range(args.runs):
        out = Path(tempfile.mkdtemp(dir=args.work, prefix="out-"))
        try:
            wall, peak, code = measured([args.binary, "score", path, "--out", out / "run", "--quiet", "--threads", "1"])
            if wall is None:
                return None, None, None
            if code not in (0, 1):
                raise SystemExit(f"{path.name}: mtqe score failed with exit code {code}")
            counts = json.loads((out / "run" / "manifest.json").read_text())["counts"]
        finally:
            shutil.rmtree(out, ignore_errors=True)
        walls.append(wall)
        peaks.append(peak)
    return statistics.median(walls), max(peaks), counts


args.work.mkdir(parents=True, exist_ok=True)
cases = args.work / "cases"
subprocess.run([sys.executable, root / "tests" / "pathological" / "make_corpus.py", cases], check=True)
version = subprocess.run([args.binary, "--version"], capture_output=True, text=True, check=True).stdout.strip()
print(f"{version}, one thread, median of {args.runs} runs\n")
baselines = {}
for with_sources in (False, True):
    name = "normal-news-with-sources.jsonl" if with_sources else "normal-news.jsonl"
    baseline_file = args.work / name
    if not baseline_file.exists():
        extra = ["--with-sources"] if with_sources else []
        subprocess.run([sys.executable, root / "scripts" / "make_corpus.py", "4", baseline_file, *extra], check=True)
    wall, peak, counts = score(baseline_file)
    baselines[with_sources] = (wall / (counts["text_bytes"] / 1e6), peak)
    print(f"- {name}: {counts['text_bytes'] / 1e6:.1f} MB, {wall:.2f} s ({baselines[with_sources][0]:.3f} s/MB), "
          f"peak {peak:.0f} MB")
print()
print("| case (against the baseline with sources where it has them) | MB of text | documents scored | rejects | flags | s/MB | × normal | peak MB | × normal | within targets |")
print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
for path in sorted(cases.glob("*.jsonl")):
    with_sources = '"source"' in path.open(encoding="utf-8").readline()
    base_s_per_mb, peak = baselines[with_sources]
    wall, case_peak, counts = score(path)
    if wall is None:
        print(f"| {path.stem} | | | | | > {args.timeout:g} s | | | | no |", flush=True)
        continue
    mb = counts["text_bytes"] / 1e6
    s_per_mb = wall / max(mb, 1e-9)
    time_ratio, memory_ratio = s_per_mb / base_s_per_mb, case_peak / peak
    ok = "yes" if time_ratio <= 5 and memory_ratio <= 2 else "no"
    print(
        f"| {path.stem} | {mb:.2f} | {counts['documents']} | {counts['rejects']} | {counts['flags']} | {s_per_mb:.3f} "
        f"| {time_ratio:.1f} | {case_peak:.0f} | {memory_ratio:.2f} | {ok} |",
        flush=True,
    )
