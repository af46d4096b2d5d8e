"""Builds a benchmark corpus of about SIZE megabytes of article text from the bundled sample
articles and the clean-news fixtures, with varied ids, paragraph and sentence order and metadata.

    python3 scripts/make_corpus.py SIZE_MB OUT.jsonl [--seed N]

Every article is a shuffled recombination of the originals' paragraphs (sentences shuffled within
each paragraph), so detectors see realistic text and no two articles are identical.
"""
import argparse
import json
import pathlib
import random
import re

root = pathlib.Path(__file__).resolve().parents[1]
parser = argparse.ArgumentParser()
parser.add_argument("size_mb", type=float)
parser.add_argument("out", type=pathlib.Path)
parser.add_argument("--seed", type=int, default=1)
args = parser.parse_args()

sources = [json.loads(l) for l in (root / "data/sample/articles.jsonl").read_text(encoding="utf-8").splitlines()]
sources += [json.loads(l) for l in (root / "tests/fixtures/clean-news.jsonl").read_text(encoding="utf-8").splitlines()]
paragraphs = [p for s in sources for p in s["text"].split("\n") if p.strip()]
systems = ["mt-alpha", "mt-beta", "mt-gamma", "human"]
rng = random.Random(args.seed)
target = int(args.size_mb * 1_000_000)
written = 0
count = 0
with args.out.open("w", encoding="utf-8") as out:
    while written < target:
        chosen = rng.sample(paragraphs, rng.randint(4, 9))
        shuffled = []
        for paragraph in chosen:
            sentences = re.split(r"(?<=[.!?])\s+(?=[A-Z“])", paragraph)
            if len(sentences) > 2 and rng.random() < 0.5:
                rng.shuffle(sentences)
            shuffled.append(" ".join(sentences))
        text = "\n\n".join(shuffled)
        count += 1
        record = {
            "id": f"bench-{args.seed}-{count:08d}",
            "text": text,
            "system": rng.choice(systems),
            "date": f"2023-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
            "url": f"https://example.org/bench/{count}",
        }
        line = json.dumps(record, ensure_ascii=False)
        out.write(line + "\n")
        written += len(text.encode("utf-8"))
print(f"{count} articles, {written / 1e6:.1f} MB of text -> {args.out}")
