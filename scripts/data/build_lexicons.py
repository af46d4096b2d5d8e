"""Rebuilds the derived word lists in data/lexicon/ from the PyPI packages they come from.

    pip download --no-deps -d /tmp/pkgs lemminflect==0.2.3 gender-guesser==0.4.0 wordfreq==3.1.1
    pip install msgpack
    python3 scripts/data/build_lexicons.py /tmp/pkgs

Only the build of these lists needs the packages; mtqe itself reads the committed files.
"""
import collections, gzip, io, pathlib, sys, zipfile

root = pathlib.Path(__file__).resolve().parents[2] / "data" / "lexicon"
wheels = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/pkgs")


def wheel_file(prefix, member):
    wheel = next(wheels.glob(prefix + "-*.whl"))
    with zipfile.ZipFile(wheel) as z:
        return z.read(member)


def verbs():
    raw = gzip.decompress(wheel_file("lemminflect", "lemminflect/resources/infl_lu.csv.gz")).decode()
    rows = []
    for line in raw.splitlines():
        parts = line.split(",")
        if len(parts) != 6 or parts[1] != "verb":
            continue
        lemma, _, past, participle, gerund, third = parts
        if not lemma.isalpha() or not lemma.islower():
            continue
        participle = participle or past
        rows.append("\t".join([lemma, past, participle, gerund, third]))
    header = [
        "# English verbs and their inflections: lemma, past, past participle, gerund, third person singular.",
        "# Source: LemmInflect 0.2.3 (Brad Jascob), resources/infl_lu.csv.gz, itself built from the",
        "# SPECIALIST Lexicon of the U.S. National Library of Medicine and the AGID inflection database.",
        "# Licence: MIT (LemmInflect). Extracted by scripts/data/build_lexicons.py: lower-case single words only.",
        "# Irregular 'be', 'have' and 'do' and the modal verbs are handled in code.",
    ]
    (root / "verbs.tsv").write_text("\n".join(header + sorted(set(rows))) + "\n")
    return len(rows)


# Columns of nam_dict.txt (0-based character positions) for the countries whose names appear most
# in German and English news: Great Britain, Ireland, U.S.A., Italy, Spain, France, the
# Netherlands, Germany, Austria, Switzerland, Poland, Czech Republic, Russia, Ukraine, Turkey.
COUNTRY_COLUMNS = {"GB": 30, "IE": 31, "US": 32, "IT": 33, "ES": 36, "FR": 37, "NL": 40, "DE": 42,
                   "AT": 43, "CH": 44, "PL": 53, "CZ": 54, "RU": 68, "UA": 71, "TR": 76}


def first_names():
    raw = wheel_file("gender_guesser", "gender_guesser/data/nam_dict.txt").decode("iso-8859-1")
    strength = collections.defaultdict(lambda: collections.Counter())
    for line in raw.splitlines():
        if line.startswith("#") or len(line) < 30:
            continue
        code, name = line[:2].strip(), line[3:29].strip()
        if not name or " " in name or "+" in name or "-" in name or not name.isalpha():
            continue
        frequency = max((int(line[c], 16) if c < len(line) and line[c] not in " $" else 0) for c in COUNTRY_COLUMNS.values())
        gender = {"M": "male", "F": "female", "1M": "male", "1F": "female", "?M": "mostly-male", "?F": "mostly-female", "?": "unisex"}.get(code)
        if gender and frequency:
            strength[name][gender] = max(strength[name][gender], frequency)
    rows = []
    for name, genders in strength.items():
        male = max(genders["male"], genders["mostly-male"] - 2)
        female = max(genders["female"], genders["mostly-female"] - 2)
        unisex = genders["unisex"]
        # Keep a name only where one gender clearly dominates everywhere it is used.
        if male >= 3 and female == 0 and unisex < 2:
            rows.append(f"{name}\tmale")
        elif female >= 3 and male == 0 and unisex < 2:
            rows.append(f"{name}\tfemale")
    header = [
        "# First names whose gender is unambiguous across Britain, Ireland, the U.S.A., Italy, Spain, France,",
        "# the Netherlands, Germany, Austria, Switzerland, Poland, Czechia, Russia, Ukraine and Turkey.",
        "# Source: nam_dict.txt by Jörg Michael, as shipped in the PyPI package gender-guesser 0.4.0.",
        "# Licence: GNU Free Documentation License 1.2 or later, as the source requires for modified copies;",
        "# see https://www.gnu.org/licenses/fdl-1.2.html. Extracted by scripts/data/build_lexicons.py:",
        "# names used with frequency 3 (hexadecimal scale 1-D) or more and never with the other gender.",
    ]
    (root / "first_names.tsv").write_text("\n".join(header + sorted(rows)) + "\n")
    return len(rows)


def words_and_adjectives():
    raw = gzip.decompress(wheel_file("lemminflect", "lemminflect/resources/infl_lu.csv.gz")).decode()
    words, adjectives = set(), set()
    for line in raw.splitlines():
        parts = line.split(",")
        lemma, pos, forms = parts[0], parts[1], [f for p in parts[2:] for f in p.split("/") if f]
        if not lemma.isalpha() or not lemma.islower():
            continue
        entries = {lemma, *[f for f in forms if f.isalpha() and f.islower()]}
        words |= entries
        if pos == "adj":
            adjectives |= entries
    source = [
        "# Source: LemmInflect 0.2.3 (Brad Jascob), resources/infl_lu.csv.gz, itself built from the",
        "# SPECIALIST Lexicon of the U.S. National Library of Medicine and the AGID inflection database.",
        "# Licence: MIT (LemmInflect). Extracted by scripts/data/build_lexicons.py: lower-case single words only.",
    ]
    (root / "english_words.txt").write_text("\n".join(["# English common words (lemmas and inflected forms of nouns, verbs, adjectives and adverbs)."] + source + sorted(words)) + "\n")
    (root / "adjectives.txt").write_text("\n".join(["# English adjectives with their comparative and superlative forms."] + source + sorted(adjectives)) + "\n")
    return len(words), len(adjectives)


def german_words(limit=60000):
    import msgpack
    def ranked(lang):
        raw = gzip.decompress(wheel_file("wordfreq", f"wordfreq/data/large_{lang}.msgpack.gz"))
        buckets = msgpack.unpackb(raw, raw=False)[1:]
        return [w for bucket in buckets for w in bucket]
    english_ranked = ranked("en")
    english_rank = {w: i for i, w in enumerate(english_ranked[:50000])}
    seen_in_english = set(english_ranked[:40000])
    dictionary = set((root / "english_words.txt").read_text().split())
    kept = []
    for german_rank, word in enumerate(ranked("de")):
        if len(kept) >= limit:
            break
        if len(word) < 3 or not word.isalpha() or word in dictionary:
            continue
        # A word used in English text nearly as often as in German text is English (or a name both
        # use): "offline", "http". German function words leak into English text too ("und" ranks
        # about 8,000th in English), but twenty times less often than in German.
        if english_rank.get(word, 10**9) < 20 * (german_rank + 1):
            continue
        kept.append(word + ("\ten" if word in seen_in_english else ""))
    header = [
        "# Frequent German words that are not also English words, lower case, most frequent first. A second",
        "# column 'en' marks words that are also among the 40,000 most frequent in English text: mostly names",
        "# that English uses too (berlin, müller, bundesliga), so a capitalised one is taken as a name.",
        "# Source: wordfreq 3.1.1 (Robyn Speer), data/large_de.msgpack.gz, minus the words in data/lexicon/english_words.txt",
        "# and those ranked in wordfreq's English top 50,000 less than twenty times lower than in its German list.",
        "# Extracted by scripts/data/build_lexicons.py.",
        "# Licence: the wordfreq data is licensed CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/);",
        "# this derived list is shared under the same licence.",
    ]
    (root / "german_words.txt").write_text("\n".join(header + kept) + "\n")
    return len(kept)


if __name__ == "__main__":
    print("german words:", german_words())
    print("words, adjectives:", words_and_adjectives())
    print("verbs:", verbs())
    print("first names:", first_names())
