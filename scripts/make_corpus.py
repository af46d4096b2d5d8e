"""Builds a benchmark corpus of about SIZE megabytes of article text from the bundled sample
articles and the clean-news fixtures, with varied ids, paragraph and sentence order and metadata.

    python3 scripts/make_corpus.py SIZE_MB OUT.jsonl [--seed N] [--with-sources]

Every article is a shuffled recombination of the originals' paragraphs (sentences shuffled within
each paragraph), so detectors see realistic text and no two articles are identical.

With --with-sources every article also has a German `source`: it is built from the paragraph
pairs of the sample articles that have one, in the same order on both sides (sentences are not
shuffled, so the pairs stay aligned). Only three sample articles have sources, so this corpus is
repetitive: it measures what the source-aware detectors cost, not what they find.
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
parser.add_argument("--with-sources", action="store_true", help="give every article a German source")
args = parser.parse_args()

sources = [json.loads(l) for l in (root / "data/sample/articles.jsonl").read_text(encoding="utf-8").splitlines()]
sources += [json.loads(l) for l in (root / "tests/fixtures/clean-news.jsonl").read_text(encoding="utf-8").splitlines()]
paragraphs = [p for s in sources for p in s["text"].split("\n") if p.strip()]
# (English, German) paragraph pairs of the sample articles with a source: line i of the text
# translates line i of the source.
pairs = [
    (english, german)
    for s in sources
    if s.get("source") and s["text"].count("\n") == s["source"].count("\n")
    for english, german in zip(s["text"].split("\n"), s["source"].split("\n"))
    if english.strip() and german.strip()
]
systems = ["mt-alpha", "mt-beta", "mt-gamma", "human"]
rng = random.Random(args.seed)
target = int(args.size_mb * 1_000_000)
written = 0
count = 0
with args.out.open("w", encoding="utf-8") as out:
    while written < target:
        source = None
        if args.with_sources:
            chosen_pairs = rng.sample(pairs, rng.randint(3, min(6, len(pairs))))
            text = "\n\n".join(english for english, _ in chosen_pairs)
            source = "\n\n".join(german for _, german in chosen_pairs)
        else:
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
        if source is not None:
            record["source"] = source
        line = json.dumps(record, ensure_ascii=False)
        out.write(line + "\n")
        written += len(text.encode("utf-8"))
print(f"{count} articles, {written / 1e6:.1f} MB of text -> {args.out}")
