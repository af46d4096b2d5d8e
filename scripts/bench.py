"""End-to-end benchmark of `mtqe score`: throughput, peak memory, thread scaling, start-up time
and the per-stage profile, written as a Markdown report.

    python3 scripts/bench.py [--sizes 10,100,1000] [--threads 1,2] [--runs 3] [--out DIR]

It builds the release binary (unless --no-build), generates benchmark corpora of about SIZE MB of
article text with scripts/make_corpus.py (cached in DIR), then times `mtqe score` from input file
to finished Parquet. Every figure is the median of --runs runs; corpora of 1,000 MB or more get
--big-runs runs (default 1) at the highest thread count only, to check that memory stays flat.
Peak resident memory comes from the kernel's accounting of each child process (getrusage).
For comparison across machines it also times `wc -w` over the same files in the same run.
Nothing here reads ../shared.
"""
import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

root = Path(__file__).resolve().parents[1]
parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
parser.add_argument("--sizes", default="10,100,1000", help="corpus sizes in MB of article text")
parser.add_argument("--threads", default="1,2", help="thread counts to measure")
parser.add_argument("--runs", type=int, default=3, help="runs per measurement (the median is reported)")
parser.add_argument("--big-runs", type=int, default=1, help="runs for corpora of 1,000 MB or more")
parser.add_argument("--out", type=Path, default=root / "target" / "bench", help="corpora, outputs and report")
parser.add_argument("--binary", type=Path, default=root / "target" / "release" / "mtqe")
parser.add_argument("--no-build", action="store_true", help="use the existing release binary")
parser.add_argument("--keep-corpora", action="store_true", help="keep generated corpora for the next run")
args = parser.parse_args()

sizes = [float(s) for s in args.sizes.split(",") if s]
thread_counts = [int(t) for t in args.threads.split(",") if t]
args.out.mkdir(parents=True, exist_ok=True)


def log(message):
    print(f"bench: {message}", file=sys.stderr, flush=True)


def run_measured(command, **kwargs):
    """Runs a command; returns (wall seconds, peak resident MB, completed stdout)."""
    # Output goes to files, not pipes, so a chatty child cannot block on a full pipe.
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        process = subprocess.Popen(command, stdout=out, stderr=err, **kwargs)
        # wait4 gives this child's own rusage, so other children cannot blur the figure.
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read()
    code = process.returncode
    if code not in (0, 1):
        raise SystemExit(f"bench: {' '.join(map(str, command))} failed with {code}:\n{stderr.decode()}")
    return wall, usage.ru_maxrss / 1024, stdout


if not args.no_build:
    log("building the release binary")
    subprocess.run(["cargo", "build", "--release", "--locked", "--quiet"], cwd=root, check=True)
binary = args.binary.resolve()
version = subprocess.run([binary, "--version"], capture_output=True, text=True, check=True).stdout.strip()


def corpus(size, with_sources=False):
    path = args.out / (f"corpus-sources-{size:g}mb.jsonl" if with_sources else f"corpus-{size:g}mb.jsonl")
    if not path.exists():
        log(f"generating {path.name}")
        extra = ["--with-sources"] if with_sources else []
        subprocess.run([sys.executable, root / "scripts" / "make_corpus.py", str(size), path, *extra], check=True)
    return path


def score(path, threads, extra=()):
    out = Path(tempfile.mkdtemp(dir=args.out, prefix="out-"))
    try:
        wall, rss, _ = run_measured([binary, "score", path, "--out", out, "--quiet", "--threads", str(threads), *extra])
        manifest = json.loads((out / "manifest.json").read_text())
    finally:
        shutil.rmtree(out, ignore_errors=True)
    return wall, rss, manifest


results = []
for size in sizes:
    path = corpus(size)
    big = size >= 1000
    runs = args.big_runs if big else args.runs
    wc = [run_measured(["wc", "-w", path])[0] for _ in range(runs)]
    for threads in [max(thread_counts)] if big else thread_counts:
        walls, rsss, manifest = [], [], None
        for run in range(runs):
            wall, rss, manifest = score(path, threads)
            walls.append(wall)
            rsss.append(rss)
            log(f"{path.name} threads={threads} run {run + 1}/{runs}: {wall:.2f} s, {rss:.0f} MB")
        counts = manifest["counts"]
        wall = statistics.median(walls)
        results.append(
            dict(
                corpus_mb=size,
                file_mb=path.stat().st_size / 1e6,
                text_mb=counts["text_bytes"] / 1e6,
                documents=counts["documents"],
                threads=threads,
                runs=runs,
                wall_s=wall,
                walls=walls,
                mb_per_s=counts["text_bytes"] / 1e6 / wall,
                docs_per_s=counts["documents"] / wall,
                peak_rss_mb=max(rsss),
                wc_w_s=statistics.median(wc),
                wc_w_mb_per_s=path.stat().st_size / 1e6 / statistics.median(wc),
            )
        )

# Start-up: a one-article corpus, so the time is process start, lexicon loading and writing.
tiny = args.out / "tiny.jsonl"
tiny.write_text(json.dumps({"id": "t", "text": "The council met on Monday."}) + "\n")
startup = statistics.median(score(tiny, 1)[0] for _ in range(max(args.runs, 5)))

# Per-stage profile on the smallest corpus, one thread, so CPU seconds are comparable.
profile_corpus = corpus(min(sizes))
_, _, profile_manifest = score(profile_corpus, 1, ["--profile"])
profile = profile_manifest["profile"]

# The same with a German source for every article, for the source-aware steps.
source_corpus = corpus(min(sizes), with_sources=True)
_, _, source_manifest = score(source_corpus, 1, ["--profile"])
source_profile = source_manifest["profile"]

if not args.keep_corpora:
    for size in sizes:
        if size >= 1000:
            corpus(size).unlink(missing_ok=True)
    source_corpus.unlink(missing_ok=True)

machine = f"{platform.machine()}, {os.cpu_count()} logical CPUs"
try:
    model = next(l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name"))
    machine = f"{model}, {machine}"
except (OSError, StopIteration):
    pass
lines = [
    "# mtqe benchmark",
    "",
    f"- mtqe: {version}, release build",
    f"- machine: {machine}",
    f"- runs per figure: {args.runs} (median); corpora of 1,000 MB and more: {args.big_runs}",
    f"- corpora: scripts/make_corpus.py, JSON Lines, sizes as MB of article text",
    "",
    "| corpus | documents | threads | wall s (median) | MB/s | MB/s per thread | documents/s | peak RSS MB | `wc -w` MB/s |",
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
]
for r in results:
    lines.append(
        f"| {r['corpus_mb']:g} MB | {r['documents']:,} | {r['threads']} | {r['wall_s']:.2f} | {r['mb_per_s']:.1f} | "
        f"{r['mb_per_s'] / r['threads']:.1f} | {r['docs_per_s']:,.0f} | {r['peak_rss_mb']:.0f} | {r['wc_w_mb_per_s']:.0f} |"
    )
lines += ["", "Thread scaling (same corpus, wall time at 1 thread over wall time at N):", ""]
for size in sizes:
    base = next((r for r in results if r["corpus_mb"] == size and r["threads"] == 1), None)
    for r in results:
        if base and r["corpus_mb"] == size and r["threads"] > 1:
            lines.append(f"- {size:g} MB, {r['threads']} threads: {base['wall_s'] / r['wall_s']:.2f}x")
lines += ["", f"Start-up (one-article corpus, whole process, median of {max(args.runs, 5)}): {startup * 1000:.0f} ms", ""]
lines += [
    f"Profile: {min(sizes):g} MB corpus, 1 thread (`mtqe score --profile`). Wall seconds: reading "
    f"{profile['read_seconds']:.2f}, scoring {profile['score_wall_seconds']:.2f}, writing (own thread) "
    f"{profile['write_seconds']:.2f}.",
    "",
    "| step | CPU s | MB/s on one core |",
    "| --- | --- | --- |",
]
for group in ("analysis", "detectors"):
    for step in sorted(profile[group], key=lambda s: -s["seconds"]):
        lines.append(f"| {group}: {step['step']} | {step['seconds']:.3f} | {step['mb_per_s']:,.0f} |")
lines.append(f"| scoring | {profile['scoring']['seconds']:.3f} | {profile['scoring']['mb_per_s']:,.0f} |")
source_steps = [
    (group, step)
    for group in ("analysis", "detectors")
    for step in source_profile[group]
    if step["step"].startswith("source")
]
source_cpu = sum(step["seconds"] for group in ("analysis", "detectors") for step in source_profile[group])
lines += [
    "",
    f"With a source column: {min(sizes):g} MB of English text, each article with its German source "
    f"(`make_corpus.py --with-sources`), 1 thread, `--profile`: {source_manifest['counts']['documents']:,} "
    f"documents at {source_manifest['throughput_mb_per_s']:.1f} MB/s of English text end to end; "
    f"{source_cpu:.3f} CPU s in all steps, of which the source-aware ones:",
    "",
    "| step | CPU s | MB/s on one core |",
    "| --- | --- | --- |",
]
for group, step in sorted(source_steps, key=lambda gs: -gs[1]["seconds"]):
    lines.append(f"| {group}: {step['step']} | {step['seconds']:.3f} | {step['mb_per_s']:,.0f} |")
report = "\n".join(lines) + "\n"
(args.out / "report.md").write_text(report)
(args.out / "report.json").write_text(
    json.dumps(dict(results=results, startup_s=startup, profile=profile, source_profile=source_profile), indent=2)
)
print(report)
log(f"report in {args.out / 'report.md'}")
