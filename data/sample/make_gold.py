"""Regenerates gold.jsonl: hand annotations of the translation errors in articles.jsonl, in mtqe's
spans-jsonl format (character offsets, MQM category and severity, and the MQM score), so that
`mtqe eval` and the human-agreement notebook have bundled data. Annotated for mtqe by the
project; MIT-licensed. Run: python3 data/sample/make_gold.py"""
import json, pathlib

here = pathlib.Path(__file__).parent
articles = {a["id"]: a for a in map(json.loads, (here / "articles.jsonl").read_text(encoding="utf-8").splitlines())}

# (excerpt, occurrence, MQM category, severity) per article. Errors mtqe does not catch are
# annotated too: the gold is what a careful human reviewer marks, not what the tool finds.
ANNOTATIONS = {
    "de-en-0001": [
        ("She", 0, "Accuracy/Mistranslation", "Major"),
        ("Brandt (54)", 0, "Locale_convention/Name", "Minor"),
        ("1,2", 0, "Locale_convention/Number", "Major"),
        ("The the", 0, "Fluency/Grammar", "Minor"),
        ("1. June", 0, "Locale_convention/Date", "Minor"),
        ("You", 0, "Accuracy/Mistranslation", "Major"),
        ("The reconstruction of the bridges costs", 0, "Style/Awkward", "Minor"),
    ],
    "de-en-0002": [
        ("He", 0, "Accuracy/Mistranslation", "Major"),
        ("Feuerwehr", 0, "Accuracy/Untranslated", "Major"),
        ("20 forces", 0, "Accuracy/Mistranslation", "Major"),
        ("and four hours", 0, "Accuracy/Addition", "Major"),
        ("ca.", 0, "Accuracy/Untranslated", "Minor"),
        ("15.000", 0, "Locale_convention/Number", "Major"),
        ("The investigations are still running", 0, "Style/Awkward", "Minor"),
    ],
    "de-en-0003": [],
    "de-en-0004": [
        ("The cow is not yet off the ice", 0, "Accuracy/Mistranslation", "Major"),
        ("The weeks gnaw", 0, "Accuracy/Mistranslation", "Major"),
        ("the offer insufficient is", 0, "Fluency/Grammar", "Major"),
        ("That is not our beer", 0, "Accuracy/Mistranslation", "Major"),
        ("Weselski", 0, "Fluency/Inconsistency", "Minor"),
        ("adjust themselves on", 0, "Fluency/Grammar", "Minor"),
        ("20.15 o'clock", 0, "Locale_convention/Time", "Minor"),
        ("recommends to check", 0, "Fluency/Grammar", "Minor"),
        ("in the internet", 0, "Fluency/Grammar", "Minor"),
    ],
    "de-en-0005": [
        ("It had spent", 0, "Accuracy/Mistranslation", "Major"),
        ("“The boy was cold and hungry, but otherwise fine.", 0, "Fluency/Punctuation", "Minor"),
        ("the investigation is closed", 0, "Accuracy/Mistranslation", "Minor"),
    ],
    "de-en-0006": [],
    "de-en-0007": [
        ("The inflation in Germany has weakened", 0, "Fluency/Grammar", "Minor"),
        ("6,1", 0, "Locale_convention/Number", "Major"),
        ("6,2", 0, "Locale_convention/Number", "Major"),
        ("further falls", 0, "Fluency/Grammar", "Minor"),
        ("the chief economist of the Commerzbank", 0, "Fluency/Grammar", "Minor"),
    ],
    "de-en-0008": [
        ("with 4:2", 0, "Locale_convention/Number", "Minor"),
        ("is since the summer in Munich", 0, "Fluency/Grammar", "Major"),
        ("and and", 0, "Fluency/Grammar", "Minor"),
        ("We made too many mistakes. We made too many mistakes.", 1, "Accuracy/Addition", "Major"),
        ("ahead of the table", 0, "Accuracy/Mistranslation", "Minor"),
        ("Thumbs are pressed", 0, "Accuracy/Mistranslation", "Major"),
    ],
    "de-en-0009": [],
    "de-en-0010": [
        ("Scholz (65)", 0, "Locale_convention/Name", "Minor"),
        ("driven the car against the wall", 0, "Accuracy/Mistranslation", "Minor"),
        ("Eventually", 0, "Accuracy/Mistranslation", "Major"),
        ("wanted to decide it actually in this week", 0, "Fluency/Grammar", "Major"),
    ],
    "de-en-0011": [],
    "de-en-0012": [
        ("Bauernverband", 0, "Accuracy/Untranslated", "Major"),
        ("Brandenburger Tor", 0, "Accuracy/Untranslated", "Minor"),
        ("Kowalsky", 0, "Fluency/Inconsistency", "Minor"),
        ("since 30 years", 0, "Fluency/Grammar", "Major"),
        ("8.500", 0, "Locale_convention/Number", "Major"),
        ("5.000", 0, "Locale_convention/Number", "Major"),
        ("The next rally is planned for Friday", 0, "Fluency/Punctuation", "Minor"),
    ],
}
# Translations of the same story, for item-grouped correlation.
GROUPS = {"de-en-0002": "tractor", "de-en-0003": "tractor", "de-en-0005": "child", "de-en-0006": "child",
          "de-en-0008": "football", "de-en-0009": "football", "de-en-0010": "budget", "de-en-0011": "budget"}


def weight(category, severity):
    if category.lower().startswith("non"):
        return 25.0
    if severity == "Major":
        return 5.0
    return 0.1 if category == "Fluency/Punctuation" else 1.0


with (here / "gold.jsonl").open("w", encoding="utf-8") as out:
    for doc_id, annotations in ANNOTATIONS.items():
        text = articles[doc_id]["text"]
        spans = []
        for excerpt, occurrence, category, severity in annotations:
            at = -1
            for _ in range(occurrence + 1):
                at = text.index(excerpt, at + 1)
            start = len(text[:at])  # Python string offsets are character offsets.
            spans.append({"start": start, "end": start + len(excerpt), "category": category, "severity": severity})
        score = -sum(weight(s["category"], s["severity"]) for s in spans)
        item = {"id": doc_id, "text": text, "spans": spans, "score": score, "group": GROUPS.get(doc_id, doc_id),
                "system": articles[doc_id]["system"]}
        out.write(json.dumps(item, ensure_ascii=False) + "\n")
print("wrote", len(ANNOTATIONS), "annotated articles")
