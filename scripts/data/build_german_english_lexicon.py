"""Builds data/lexicon/de_en_wiktionary.tsv from the German Wiktionary translation tables.

    python3 scripts/data/build_german_english_lexicon.py [SHARED_DIR]

SHARED_DIR defaults to ../shared next to the repository root (that is /work/shared when the
repository is /work/main); it must hold data/de-wiktionary/de_noun_translations.zip and
de_adj_translations.zip (from karoly-varasdi/de-wiktionary-parser, data/). The output is
deterministic: the same input gives the same file, byte for byte.

Rules:
- Keys are German headwords in lower case (str.lower(): umlauts and ß kept); headwords with a
  space are dropped. Noun and adjective entries with the same lower-case key are merged, noun
  senses first.
- Translations come in the dictionary's order (senses u1, u2, ..., meanings m1, m2, ...). Text in
  parentheses or brackets is removed (also an unbalanced leading "xxx)" or "xxx]"); a value is
  split on ";"; a leading "to ", "a ", "an " or "the " is removed; values with ":" or "=" or a
  digit-free text longer than 4 words or 40 characters (explanations) are dropped; the rest is
  lower-cased with whitespace collapsed.
- At most 8 translations are kept per key. For each kept multiword translation its head word is
  appended too (the word before " of " for "X of Y", else the last word, a hyphen counting as a
  space), if it has at least 3 letters, is not an English function word and the phrase does not
  start with one ("with child"), up to 12 values.

Only the build of the file needs this script; mtqe reads the committed file. The derived file is
shared under CC BY-SA 3.0, as Wiktionary; this script is under the project's licence.
"""
import json, pathlib, re, sys, zipfile

repo = pathlib.Path(__file__).resolve().parents[2]
shared = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else repo.parent / "shared"
source = shared / "data" / "de-wiktionary"
out = repo / "data" / "lexicon" / "de_en_wiktionary.tsv"

MAX_TRANSLATIONS = 8
MAX_VALUES = 12
MAX_WORDS = 4
MAX_CHARS = 40

# English words that are never taken as the head of a multiword translation.
FUNCTION = set("""a about after against all also an and any are around as at be because been
before being between both but by can could did do does during each even ever every for from had
has have he her here him his how i if in into is it its just may me might more most much must my
no not now of on once one only or other our out over own said says she should since so some such
than that the their them then there these they this those through to too under until up very was
we were what when where which while who whom why will with would yet you your something someone
somebody oneself one's someone's sth sb""".split())


def numbered(key):
    digits = "".join(c for c in key if c.isdigit())
    return (int(digits) if digits else 0, key)


def load(name):
    with zipfile.ZipFile(source / name) as z:
        member = next(n for n in sorted(z.namelist()) if n.endswith(".json"))
        return json.loads(z.read(member).decode("utf-8"))


def clean(value):
    """Yields the usable English translations in one raw value."""
    value = re.sub(r"\([^()]*\)|\[[^\[\]]*\]", " ", value)
    value = re.sub(r"^[^()\[\]]*[)\]]", " ", value)  # unbalanced "note) word"
    value = re.sub(r"[()\[\]]", " ", value)
    for part in value.split(";"):
        part = " ".join(part.split()).lower().strip(" .,!?")
        if not part or ":" in part or "=" in part:
            continue
        part = re.sub(r"^(to|a|an|the) ", "", part)
        if len(part.split()) > MAX_WORDS or len(part) > MAX_CHARS:
            continue
        if not any(c.isalpha() for c in part):
            continue
        yield part


def head(phrase):
    words = phrase.replace("-", " ").split()
    if len(words) < 2 or words[0] in FUNCTION:
        return None
    if "of" in words[1:]:
        word = words[words.index("of", 1) - 1]
    else:
        word = words[-1]
    word = word.strip("'.")
    if len(word) < 3 or word in FUNCTION or not word.replace("'", "").isalpha():
        return None
    return word


def main():
    merged = {}  # key -> list of translations, in order
    for name in ["de_noun_translations.zip", "de_adj_translations.zip"]:
        table = load(name)
        for headword in sorted(table, key=lambda h: (h.lower(), h)):
            if " " in headword.strip() or not headword.strip():
                continue
            key = headword.strip().lower()
            values = merged.setdefault(key, [])
            senses = table[headword]
            for sense in sorted(senses, key=numbered):
                english = senses[sense].get("translations", {}).get("en", {})
                for meaning in sorted(english, key=numbered):
                    for raw in english[meaning]:
                        for value in clean(raw):
                            if value not in values:
                                values.append(value)
    rows = []
    for key in sorted(merged):
        values = merged[key][:MAX_TRANSLATIONS]
        if not values or "\t" in key:
            continue
        for phrase in list(values):
            word = head(phrase)
            if word and word not in values and len(values) < MAX_VALUES:
                values.append(word)
        rows.append(key + "\t" + ",".join(v.replace(",", " ") for v in values))
    header = [
        "# German nouns and adjectives (lower-case headword, umlauts and ß kept) and their English translations,",
        "# comma-separated, lower case, most common sense first; a multiword translation is followed by its head word.",
        "# Source: German Wiktionary (dump of June 2018), translation tables extracted by de-wiktionary-parser",
        "# (karoly-varasdi/de-wiktionary-parser, data/de_noun_translations, data/de_adj_translations).",
        "# Attribution: Wiktionary contributors (de.wiktionary.org), via de-wiktionary-parser.",
        "# Licence: CC BY-SA 3.0 (https://creativecommons.org/licenses/by-sa/3.0/); this derived file is shared",
        "# under the same licence. Derived by scripts/data/build_german_english_lexicon.py (cleaned, truncated).",
    ]
    out.write_text("\n".join(header + rows) + "\n", encoding="utf-8")
    print(f"{out}: {len(rows)} rows")


if __name__ == "__main__":
    main()
