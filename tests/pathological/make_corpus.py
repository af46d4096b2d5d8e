"""Writes the pathological corpus: one JSON Lines file per case, each a few documents built to
stress one part of mtqe, every document just under the default text limit (1,000,000
characters). scripts/bench_pathological.py scores each file and compares its seconds per MB and
peak memory with normal news.

    python3 tests/pathological/make_corpus.py OUT_DIR [--chars N] [--documents N]

The texts are generated here, deterministically, from patterns written for this corpus.
"""
import argparse
import json
import pathlib

parser = argparse.ArgumentParser()
parser.add_argument("out", type=pathlib.Path)
parser.add_argument("--chars", type=int, default=950_000, help="characters per document")
parser.add_argument("--documents", type=int, default=4, help="documents per case")
args = parser.parse_args()


def repeat(pattern, chars, number_from=0):
    """`pattern` repeated up to `chars` characters, {n} counting up so no two copies are equal."""
    pieces, length, n = [], 0, number_from
    while length < chars:
        piece = pattern.format(n=n)
        pieces.append(piece)
        length += len(piece)
        n += 1
    return "".join(pieces)[:chars]


FIRST = ["Anna", "Peter", "Heike", "Jürgen", "Olaf", "Sabine", "Markus", "Ursula", "Friedrich", "Svenja"]
LAST = ["Schmidt", "Müller", "Brandt", "Weber", "Schäfer", "Koch", "Richter", "Wolf", "Neumann", "Zimmermann"]


def names(chars):
    """One sentence of names, comma-separated, with no full stop: "Anna Schmidt, Peter Müller, …"."""
    out, length, n = [], 0, 0
    while length < chars:
        name = f"{FIRST[n % 10]} {LAST[(n // 10) % 10]}-{n}"
        out.append(name)
        length += len(name) + 2
        n += 1
    return "The list names " + ", ".join(out)[:chars]


CASES = {
    # unclosed-quote: a mark opened and never closed, thousands of times in one paragraph.
    "unbalanced-quotes": lambda c: repeat('He said "yes to plan {n} and ', c),
    # Balanced quotations, each with a speech verb: the attribution checks look back and ahead.
    "quotes-with-speech-verbs": lambda c: repeat('"We will build road {n}," said Brandt. ', c),
    # German text: language identification, untranslated-word and the German checks.
    "german-text": lambda c: repeat(
        "Die Bundesregierung hat am Dienstag {n} neue Hilfen beschlossen, sagte die Sprecherin in Berlin. ", c
    ),
    # Ten thousand names and more in one sentence: name consistency and pronoun checks.
    "many-names": names,
    # One word of the whole document's length.
    "one-long-word": lambda c: "x" * c,
    # One sentence of the whole document's length, no punctuation.
    "no-punctuation": lambda c: repeat("the council met again on day {n} and talked ", c),
    # The same phrase over and over: repetition and looping checks.
    "repeated-phrase": lambda c: repeat("a 120°, ", c),
    # Numbers with commas and dots everywhere: the number and date checks.
    "digits": lambda c: repeat("Prices rose by {n},5 percent to 1.{n}00 euros on 1. May. ", c),
    # Brackets opened and never closed, nested deep.
    "brackets": lambda c: repeat("(see item {n} [and note ", c),
    # Multi-byte characters everywhere: CJK, emoji, combining marks.
    "multibyte": lambda c: repeat("漢字 {n} 😀 café ñ 🇩🇪 — “x” ", c),
    # Very short sentences: tens of thousands of segments.
    "short-sentences": lambda c: repeat("Yes {n}. ", c),
}

# Cases with a German source: the sentence alignment of a long document, 12,000 sentences a side.
SOURCE_CASES = {
    "aligned-sentences": (
        lambda c: repeat("The mayor opened bridge {n} today. ", c),
        lambda c: repeat("Der Bürgermeister eröffnete heute Brücke {n}. ", c),
    ),
}

args.out.mkdir(parents=True, exist_ok=True)
for name, (english, german) in SOURCE_CASES.items():
    with open(args.out / f"{name}.jsonl", "w", encoding="utf-8") as out:
        for number in range(args.documents):
            # 12,000 sentences a side: about 430,000 characters of English.
            text, source = english(430_000), german(530_000)
            record = {"id": f"{name}-{number}", "text": f"Case{number} {text}", "source": source}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
for name, make in CASES.items():
    with open(args.out / f"{name}.jsonl", "w", encoding="utf-8") as out:
        for number in range(args.documents):
            text = make(args.chars)
            # Distinct documents: a different opening word each.
            text = f"Case{number} " + text[: args.chars - 8]
            out.write(json.dumps({"id": f"{name}-{number}", "text": text}, ensure_ascii=False) + "\n")
print(f"{len(CASES) + len(SOURCE_CASES)} cases of {args.documents} documents in {args.out}")
