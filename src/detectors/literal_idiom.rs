//! # literal-idiom
//!
//! ## What it does
//! Flags German idioms translated word for word, with five signals:
//! - **table**: about 310 German idioms and their literal English renderings in
//!   `data/idioms/german_idioms.tsv` ("the cow is not yet off the ice", "that is not my beer",
//!   "press the thumbs", "he had pig"), and German verb-noun pairs rendered word for word
//!   ("made a photo", "held a speech", "met a decision", "stands under pressure"), matched by
//!   lemma, so inflected forms and short insertions still match;
//! - **selectional**: a stretch of time as the subject of a verb that needs a living subject
//!   ("Months eat Russians", "The weeks gnaw at the coalition");
//! - **skeleton**: body-part and animal idiom skeletons, a bare animal after "have" ("she had
//!   bird") or "have" with a thing on a body part ("has hair on the teeth");
//! - **present**: a very short sentence with a bare plural subject in the present tense inside
//!   a past-tense narrative ("Flames eat houses."), the shape of a German saying;
//! - **dative**: a person and a body part as two objects of one verb, ending the clause ("the
//!   coach washed the players the head", "she turned him the back"): German names the owner
//!   of a body part in the dative ("jemandem den Kopf waschen", to tell someone off), which
//!   English cannot, so word-for-word idioms and plain sentences alike come out this way.
//!
//! The message names the signal and, for the table, the German idiom and its meaning.
//!
//! ## Why it signals MT
//! MT renders idioms compositionally. The English is grammatical but meaningless ("Months eat
//! Russians" for "Die Monate zehren an den Russen", the months wear the Russians down).
//!
//! ## Example
//! "We press the thumbs for the team." flags "press the thumbs" (Daumen drücken: keep one's
//! fingers crossed).
//!
//! ## Known false positives
//! Table entries exclude English idioms that are literal translations too, and entries that
//! could be literal ("had pig farms") need the clause to end after them. The generalising signals
//! have low confidence: "the weeks gnaw" can be poetry, "Rivers rise." can be a deliberate
//! short sentence. English idioms with "eat into" or "eat up" are not flagged.
//!
//! ## Options
//! - `enabled` (default true)
//! - `severity` (default "major")
//! - `awkward-severity`: the severity of the weaker finds, table entries marked as awkward and
//!   short present-tense sayings (default "minor")
//! - `signals`: which signals run (default all five: "table", "selectional", "skeleton", "present",
//!   "dative").

use super::{Declaration, Detector, Flags};
use crate::analysis::{Doc, Token};
use crate::flag::{Category, Severity};
use crate::lexicon::{
    lemma, verb_forms, word_key, KeyFilter, WordMap, ANIMATE_VERBS, COORDINATORS, ENGLISH_FUNCTION_WORDS,
    ENGLISH_WORDS, PERSON_NOUNS, SUBORDINATORS, THING_NOUNS, TIME_NOUNS,
};
use crate::lexicon::{shipped, Choice, WordList};
use serde::{Deserialize, Serialize};
use std::sync::LazyLock;

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case", default)]
pub struct LiteralIdiomSettings {
    pub enabled: bool,
    pub severity: Option<Severity>,
    pub signals: Vec<String>,
    /// The severity of the weaker finds: table entries marked awkward and short present-tense sayings.
    pub awkward_severity: Severity,
}

impl Default for LiteralIdiomSettings {
    fn default() -> Self {
        LiteralIdiomSettings {
            enabled: true,
            severity: None,
            signals: ["table", "selectional", "skeleton", "present", "dative"].map(String::from).to_vec(),
            awkward_severity: Severity::Minor,
        }
    }
}

common_settings!(LiteralIdiomSettings);

pub struct LiteralIdiom {
    signals: Vec<String>,
    awkward_severity: Severity,
}

#[derive(Debug, Clone, PartialEq)]
enum Element {
    /// Any of these words; `true` marks an exact form ("=thumbs"), `false` a lemma.
    Word(Vec<(String, bool)>),
    /// Up to three arbitrary words.
    Gap,
    /// The clause ends here: no word follows, or a function word or punctuation does.
    End,
}

struct Idiom {
    elements: Vec<Element>,
    german: &'static str,
    meaning: &'static str,
    awkward: bool,
}

fn parse_pattern(pattern: &str) -> Vec<Element> {
    pattern
        .split_whitespace()
        .map(|part| match part {
            "*" => Element::Gap,
            "$" => Element::End,
            words => Element::Word(
                words
                    .split('|')
                    .map(|w| match w.strip_prefix('=') {
                        Some(exact) => (exact.to_string(), true),
                        None => (lemma(w).into_owned(), false),
                    })
                    .collect(),
            ),
        })
        .collect()
}

/// How a table entry's literal rendering reads: wrong, or only awkward.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Rendering {
    Mistranslation,
    Awkward,
}

impl Choice for Rendering {
    const WHAT: &'static str = "kind of rendering";
    const SPELLINGS: &'static [(&'static str, Self)] =
        &[("mistranslation", Rendering::Mistranslation), ("awkward", Rendering::Awkward)];
}

static IDIOMS: LazyLock<Vec<Idiom>> = LazyLock::new(|| {
    shipped!("data/idioms/german_idioms.tsv")
        .rows::<4>()
        .map(|row| {
            let [pattern, german, meaning, rendering] = row.fields;
            Idiom {
                elements: parse_pattern(pattern),
                german,
                meaning,
                awkward: row.choice::<Rendering>(rendering) == Rendering::Awkward,
            }
        })
        .collect()
});

/// Things that really do sit on or in body parts: "pain in the knees", "a ring on the finger".
static BODILY: LazyLock<WordList> = LazyLock::new(|| WordList::from_file(shipped!("data/lexicon/bodily_things.txt")));
/// Body parts, singular and plural, for the skeleton of German idioms such as "Haare auf den Zähnen haben".
static BODY_PARTS: LazyLock<WordList> = LazyLock::new(|| WordList::from_file(shipped!("data/lexicon/body_parts.txt")));

/// What a word (a lemma, or a lower-case form) can start: table idioms anchored on it, as
/// (idiom, element) in table order, and whether it can be the subject of the selectional
/// signal (a time noun) or part of a skeleton (a body part or an animal).
#[derive(Default)]
struct Trigger {
    anchors: Vec<(usize, usize)>,
    time: bool,
    skeleton: bool,
}

/// Object pronouns that can name the owner of a body part in a German dative ("wusch ihm den Kopf").
const OBJECT_PRONOUNS: [&str; 5] = ["him", "her", "them", "me", "us"];

/// English verbs that take a person and a thing as two objects, or an object and its
/// complement, so that "gave him the finger" and "named her the face" are English.
const TWO_OBJECT_VERBS: [&str; 24] = [
    "give", "hand", "pass", "offer", "show", "lend", "send", "throw", "toss", "promise", "owe", "sell", "buy", "bring",
    "get", "find", "make", "call", "name", "appoint", "elect", "consider", "leave", "wish",
];

/// The selectional signal's subject is one of a sentence's first five words ("Months eat
/// Russians", "The weeks gnaw at the coalition").
const SUBJECT_WITHIN: usize = 5;

/// Which signals besides the table a sentence's words allow.
#[derive(Default)]
struct OtherSignals {
    /// A time noun among the first [`SUBJECT_WITHIN`] words.
    selectional: bool,
    /// A body part or an animal anywhere.
    skeleton: bool,
}

struct Triggers {
    words: WordMap<Trigger>,
    /// Whether an English function word, or its lemma, is a trigger. Nearly half of all
    /// tokens are function words; when none can trigger, they are skipped without a lookup.
    function_words_trigger: bool,
    /// The word keys of `words`: rules out nearly every word before the lookup.
    keys: KeyFilter,
}

static TRIGGERS: LazyLock<Triggers> = LazyLock::new(|| {
    let mut triggers: WordMap<Trigger> = WordMap::default();
    let mut keys = KeyFilter::default();
    // Anchor each idiom on its longest word that is not a function word or the lemma of one
    // ("pig", not "have", in "have pig"; "b", not "say", in "who says a must also say b"): the
    // rarest in running text, so that few sentences need a closer look.
    let function_lemmas: rustc_hash::FxHashSet<String> =
        ENGLISH_FUNCTION_WORDS.iter().flat_map(|w| [w.to_string(), lemma(w).into_owned()]).collect();
    for (index, idiom) in IDIOMS.iter().enumerate() {
        let (position, alternatives) = idiom
            .elements
            .iter()
            .enumerate()
            .filter_map(|(i, e)| match e {
                Element::Word(alternatives) => Some((i, alternatives)),
                _ => None,
            })
            .max_by_key(|(_, alternatives)| {
                let function_word = alternatives.iter().any(|(w, _)| function_lemmas.contains(w.as_str()));
                (!function_word, alternatives.iter().map(|(w, _)| w.len()).min().unwrap_or(0))
            })
            .expect("every idiom has a word");
        for (word, exact) in alternatives {
            // Sentences are searched by lemma, so an exact form is found by its lemma, then checked.
            let anchor = if *exact { lemma(word) } else { std::borrow::Cow::Borrowed(word.as_str()) };
            keys.add(word_key(&anchor));
            triggers.entry_or_default(&anchor).anchors.push((index, position));
        }
    }
    let animals =
        THING_NOUNS.iter().filter(|(_, class)| **class == crate::lexicon::ThingClass::Animal).map(|(word, _)| *word);
    let time_nouns = TIME_NOUNS.iter().map(|w| (w, true));
    for (word, time) in time_nouns.chain(animals.chain(BODY_PARTS.iter()).map(|w| (w, false))) {
        for form in [word.to_string(), lemma(word).into_owned()] {
            keys.add(word_key(&form));
            let trigger = triggers.entry_or_default(&form);
            if time {
                trigger.time = true;
            } else {
                trigger.skeleton = true;
            }
        }
    }
    let function_words_trigger =
        ENGLISH_FUNCTION_WORDS.iter().any(|word| triggers.get(word).is_some() || triggers.get(&lemma(word)).is_some());
    Triggers { words: triggers, function_words_trigger, keys }
});

/// Looks a sentence's words up once: fills `anchor_hits` with the table's anchors found, as
/// (word, idiom, element), and says which of the other signals its words allow. Most sentences
/// allow none, and are not looked at again: this detector was the most expensive one.
fn find_triggers(doc: &Doc, sentence: usize, anchor_hits: &mut Vec<(usize, usize, usize)>) -> OtherSignals {
    let Triggers { words: triggers, function_words_trigger, keys } = &*TRIGGERS;
    anchor_hits.clear();
    let mut other = OtherSignals::default();
    for (i, token) in doc.sentence_tokens(sentence).iter().enumerate() {
        if !token.has_letter || (token.lex.english_function() && !function_words_trigger) {
            continue;
        }
        let lower_key = token.key;
        // Most words are listed as their own lemma: the key filter decides before the word's
        // text is even looked at.
        if token.lex.lemma_is_word() && !keys.may_contain(lower_key) {
            continue;
        }
        let lower = doc.lower(token);
        let lemma = token.lex.lemma(lower);
        // An unlisted word may still be its own lemma, borrowed as is: the same text by address.
        let own_lemma = std::ptr::eq(lemma.as_ref(), lower) || lemma == lower;
        let lemma_key = if own_lemma { lower_key } else { word_key(&lemma) };
        if let Some(trigger) = keys.may_contain(lemma_key).then(|| triggers.get(lemma.as_ref())).flatten() {
            anchor_hits.extend(trigger.anchors.iter().map(|&(idiom, element)| (i, idiom, element)));
            other.selectional |= trigger.time && i < SUBJECT_WITHIN;
            other.skeleton |= trigger.skeleton;
        }
        if !own_lemma && keys.may_contain(lower_key) {
            if let Some(trigger) = triggers.get(lower) {
                other.selectional |= trigger.time && i < SUBJECT_WITHIN;
                other.skeleton |= trigger.skeleton;
            }
        }
    }
    other
}

/// One sentence's words, looked up as the signals ask for them: lower case (borrowed from the
/// document's lower-case view), lemma, and whether punctuation follows. The signals read a few
/// words around an anchor, so nothing is computed ahead for the words they never read.
struct Words<'d> {
    doc: &'d Doc<'d>,
    tokens: &'d [Token],
    sentence_end: usize,
}

impl<'d> Words<'d> {
    fn new(doc: &'d Doc<'d>, sentence: usize) -> Words<'d> {
        Words { doc, tokens: doc.sentence_tokens(sentence), sentence_end: doc.sentences[sentence].span.end }
    }

    fn len(&self) -> usize {
        self.tokens.len()
    }

    fn lower(&self, i: usize) -> &'d str {
        self.doc.lower(&self.tokens[i])
    }

    /// Borrowed where the word is its own lemma or the lemma is listed.
    fn lemma(&self, i: usize) -> std::borrow::Cow<'d, str> {
        self.tokens[i].lex.lemma(self.lower(i))
    }

    /// Whether punctuation separates word i from word i + 1 (or from the sentence end).
    fn punctuation_after(&self, i: usize) -> bool {
        let next = self.tokens.get(i + 1).map_or(self.sentence_end, |t| t.span.start);
        self.doc.text[self.tokens[i].span.end..next].chars().any(|c| !c.is_whitespace())
    }

    fn matches(&self, i: usize, alternatives: &[(String, bool)]) -> bool {
        alternatives
            .iter()
            .any(|(word, exact)| if *exact { self.lower(i) == word } else { self.lemma(i) == word.as_str() })
    }

    /// The end (exclusive) of a match of `elements` starting at word `i`.
    fn match_from(&self, elements: &[Element], i: usize) -> Option<usize> {
        let Some((first, rest)) = elements.split_first() else { return Some(i) };
        match first {
            Element::Word(alternatives) => {
                if i < self.len() && self.matches(i, alternatives) {
                    self.match_from(rest, i + 1)
                } else {
                    None
                }
            }
            Element::Gap => (0..=3).find_map(|skip| {
                let next = i + skip;
                if next > self.len() || (skip > 0 && self.punctuation_after(next - 1)) {
                    return None;
                }
                self.match_from(rest, next)
            }),
            Element::End => {
                let ends =
                    i == self.len() || self.punctuation_after(i - 1) || ENGLISH_FUNCTION_WORDS.contains(self.lower(i));
                if ends {
                    self.match_from(rest, i)
                } else {
                    None
                }
            }
        }
    }
}

impl LiteralIdiom {
    fn uses(&self, signal: &str) -> bool {
        self.signals.iter().any(|s| s == signal)
    }

    /// Reports the words `words` of `sentence`. A weaker find, `awkward`, is filed as awkward
    /// style at the configured `awkward-severity`.
    #[allow(clippy::too_many_arguments)]
    fn flag(
        &self,
        flags: &mut Flags,
        doc: &Doc,
        sentence: usize,
        words: std::ops::Range<usize>,
        awkward: bool,
        confidence: f32,
        message: String,
    ) {
        let tokens = doc.sentence_tokens(sentence);
        let flag = flags.flag(tokens[words.start].span.start..tokens[words.end - 1].span.end, confidence, message);
        if awkward {
            flag.in_category(Category::Awkward).with_severity(self.awkward_severity);
        }
    }

    fn table(
        &self,
        doc: &Doc,
        sentence: usize,
        words: &Words,
        anchor_hits: &[(usize, usize, usize)],
        flags: &mut Flags,
    ) {
        let mut taken: Vec<std::ops::Range<usize>> = Vec::new();
        for &(anchor_word, index, position) in anchor_hits {
            let idiom = &IDIOMS[index];
            let gaps_before = idiom.elements[..position].iter().filter(|e| **e == Element::Gap).count();
            let earliest = anchor_word.saturating_sub(position + 3 * gaps_before);
            let matched = (earliest..=anchor_word)
                .find_map(|start| words.match_from(&idiom.elements, start).map(|end| start..end))
                .filter(|m| m.start <= anchor_word && anchor_word < m.end.max(m.start + 1));
            let Some(range) = matched else { continue };
            if range.is_empty() || taken.iter().any(|t| t.start < range.end && range.start < t.end) {
                continue;
            }
            taken.push(range.clone());
            let text = &doc.text[doc.sentence_tokens(sentence)[range.start].span.start
                ..doc.sentence_tokens(sentence)[range.end - 1].span.end];
            self.flag(
                flags,
                doc,
                sentence,
                range,
                idiom.awkward,
                0.8,
                format!(
                    "\"{text}\" is a word-for-word rendering of the German idiom \"{}\", which means \"{}\".",
                    idiom.german, idiom.meaning
                ),
            );
        }
    }

    /// "Months eat Russians": a time noun as the subject of a verb that needs a living subject.
    fn selectional(&self, doc: &Doc, sentence: usize, words: &Words, flags: &mut Flags) {
        let n = words.len();
        let Some(verb) = (1..n.min(SUBJECT_WITHIN + 1))
            .find(|&i| words.tokens[i].lex.verb().is_some() && !words.punctuation_after(i - 1))
        else {
            return;
        };
        if !ANIMATE_VERBS.contains(&words.lemma(verb)) || !TIME_NOUNS.contains(words.lower(verb - 1)) {
            return;
        }
        // English idioms: "eat into", "eat up", "eat away at".
        if verb + 1 < n && ["into", "up", "away"].contains(&words.lower(verb + 1)) {
            return;
        }
        let subject = words.lower(verb - 1);
        let verb_word = words.lower(verb);
        self.flag(flags, doc, sentence, verb - 1..verb + 1, false, 0.7, format!("\"{subject} {verb_word}\": a stretch of time cannot {}; this is probably a German idiom rendered literally (e.g. \"an jemandem zehren\", to wear someone down).", words.lemma(verb)));
    }

    /// "She had bird.", "has hair on the teeth".
    fn skeleton(&self, doc: &Doc, sentence: usize, words: &Words, flags: &mut Flags) {
        for i in 0..words.len() {
            // Every form of "have" starts with "ha": the lemma is looked up only for those.
            if !words.lower(i).starts_with("ha") || words.lemma(i) != "have" {
                continue;
            }
            // A bare singular animal after "have", ending the clause.
            if let Some(next) = (i + 1 < words.len()).then(|| words.lower(i + 1)) {
                let animal = THING_NOUNS.get(next) == Some(&crate::lexicon::ThingClass::Animal);
                let ends = words.match_from(&[Element::End], i + 2).is_some();
                if animal && ends && !words.punctuation_after(i) {
                    self.flag(flags, doc, sentence, i..i + 2, false, 0.55, format!("\"{} {next}\": a bare animal after \"have\" is the skeleton of a German idiom (\"Schwein haben\", to be lucky; \"einen Vogel haben\", to be crazy), not English.", words.lower(i)));
                    continue;
                }
            }
            // "have <thing> on the <body part>s".
            let window = i + 1..(i + 7).min(words.len());
            let found = window.clone().find(|&j| {
                ["on", "in", "behind", "under", "over"].contains(&words.lower(j))
                    && j + 2 < words.len()
                    && BODY_PARTS.contains(words.lemma(j + 2).as_ref())
                    && ["the", "his", "her", "their", "its", "our", "my", "your"].contains(&words.lower(j + 1))
                    && j > i + 1
                    && !BODY_PARTS.contains(words.lemma(j - 1).as_ref())
                    && !BODILY.contains(words.lemma(j - 1).as_ref())
            });
            if let Some(j) = found {
                if words.match_from(&[Element::End], j + 3).is_some() {
                    self.flag(flags, doc, sentence, i..j + 3, false, 0.5, "Having something on, in or behind a body part is the skeleton of a German idiom (\"Tomaten auf den Augen haben\", \"Haare auf den Zähnen haben\"); rendered literally it means nothing in English.".to_string());
                }
            }
        }
    }

    /// "washed the players the head": a verb, a person, then "the" and a body part that ends
    /// the clause.
    fn dative(&self, doc: &Doc, sentence: usize, words: &Words, flags: &mut Flags) {
        for part in 3..words.len() {
            if words.lower(part - 1) != "the" || !BODY_PARTS.contains(words.lemma(part).as_ref()) {
                continue;
            }
            let clause_ends = part + 1 == words.len()
                || words.punctuation_after(part)
                || (COORDINATORS.contains(&words.lower(part + 1)) || SUBORDINATORS.contains(&words.lower(part + 1)));
            if !clause_ends {
                continue; // "made him the head of the unit", "the face of the campaign".
            }
            // The person: an object pronoun, a name, or a person noun after a determiner.
            let person = part - 2;
            let verb = if OBJECT_PRONOUNS.contains(&words.lower(person)) || words.tokens[person].capitalized {
                person.checked_sub(1)
            } else if PERSON_NOUNS.contains_key(words.lemma(person).as_ref())
                && person >= 2
                && ["the", "his", "her", "their", "its", "our", "my", "your"].contains(&words.lower(person - 1))
            {
                Some(person - 2)
            } else {
                None
            };
            let Some(verb) = verb else { continue };
            let is_verb = words.tokens[verb].lex.verb().is_some_and(|f| f.past || f.third_person || f.base)
                && !crate::lexicon::is_auxiliary(words.lower(verb));
            if !is_verb || TWO_OBJECT_VERBS.contains(&words.lemma(verb).as_ref()) {
                continue;
            }
            self.flag(flags, doc, sentence, verb..part + 1, false, 0.55, format!("\"{} … the {}\": a person and a body part as two objects of one verb is the German dative (\"jemandem den Kopf waschen\", to tell someone off; \"jemandem die Hand schütteln\", to shake someone's hand), rendered word for word; English says whose body part it is (\"shook his hand\") or uses its own idiom.", words.lower(verb), words.lower(part)));
        }
    }

    /// "Flames eat houses." in a past-tense story.
    fn present(&self, doc: &Doc, flags: &mut Flags) {
        let mut past = 0;
        let mut finite = 0;
        for sentence in 0..doc.sentences.len() {
            let tokens = doc.sentence_tokens(sentence);
            if tokens.len() < 4 {
                continue;
            }
            let mut forms = tokens.iter().filter_map(|t| t.lex.verb()).peekable();
            if forms.peek().is_some() {
                finite += 1;
            }
            if forms.any(|f| f.past && !f.base) {
                past += 1;
            }
        }
        if finite < 4 || (past as f32) < 0.7 * finite as f32 {
            return;
        }
        for sentence in 0..doc.sentences.len() {
            let tokens = doc.sentence_tokens(sentence);
            if !(2..=4).contains(&tokens.len())
                || !doc.ends_with_terminator(sentence)
                || doc.in_quotation(tokens[0].span.start)
            {
                continue;
            }
            let subject = doc.word(&tokens[0]).to_lowercase();
            let verb = doc.word(&tokens[1]).to_lowercase();
            let bare_plural = subject.ends_with('s')
                && lemma(&subject) != subject
                && ENGLISH_WORDS.contains(&lemma(&subject))
                && verb_forms(&subject).is_none_or(|f| !f.third_person);
            let present_verb = verb_forms(&verb).is_some_and(|f| f.base && !f.past);
            if bare_plural && present_verb {
                self.flag(flags, doc, sentence, 0..tokens.len(), true, 0.35, "A very short present-tense saying in a past-tense story: the shape of a German figure of speech rendered word for word.".to_string());
            }
        }
    }
}

impl Detector for LiteralIdiom {
    const DECLARATION: Declaration =
        Declaration { id: "literal-idiom", category: Category::Mistranslation, severity: Severity::Major, version: 8 };
    type Settings = LiteralIdiomSettings;

    fn configure(settings: &LiteralIdiomSettings) -> Self {
        LiteralIdiom { signals: settings.signals.clone(), awkward_severity: settings.awkward_severity }
    }

    fn detect(&self, doc: &Doc, flags: &mut Flags) {
        let mut anchor_hits = Vec::new();
        for sentence in 0..doc.sentences.len() {
            let other = find_triggers(doc, sentence, &mut anchor_hits);
            if anchor_hits.is_empty() && !other.selectional && !other.skeleton {
                continue;
            }
            let words = Words::new(doc, sentence);
            if self.uses("table") {
                self.table(doc, sentence, &words, &anchor_hits, flags);
            }
            // Each signal needs its trigger words: a time noun as the subject, a body part or
            // an animal in the skeleton.
            if self.uses("selectional") && other.selectional {
                self.selectional(doc, sentence, &words, flags);
            }
            if self.uses("skeleton") && other.skeleton {
                self.skeleton(doc, sentence, &words, flags);
            }
            if self.uses("dative") && other.skeleton {
                self.dative(doc, sentence, &words, flags);
            }
        }
        if self.uses("present") {
            self.present(doc, flags);
        }
        // Two signals on one span: keep the first (the table's message is the most specific).
        flags.drop_overlapping();
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{assert_no_flags, excerpts, flags_of};
    use super::*;

    #[test]
    fn a_person_and_a_body_part_as_two_objects_is_the_german_dative() {
        assert_eq!(excerpts::<LiteralIdiom>("After the vote she shook him the hand."), ["shook him the hand"]);
        assert_eq!(
            excerpts::<LiteralIdiom>("The nurse washed the patient the feet and left."),
            ["washed the patient the feet"]
        );
        assert_eq!(
            excerpts::<LiteralIdiom>("The chancellor turned Scholz the shoulder."),
            ["turned Scholz the shoulder"]
        );
    }

    #[test]
    fn english_two_object_verbs_and_body_parts_of_something_are_not_datives() {
        assert_no_flags::<LiteralIdiom>("The striker gave him the finger and was sent off.");
        assert_no_flags::<LiteralIdiom>("The party made her the head of its list.");
        assert_no_flags::<LiteralIdiom>("They shook his hand. She kissed him on the cheek.");
        assert_no_flags::<LiteralIdiom>("Police shot the man in the leg.");
        assert_no_flags::<LiteralIdiom>("The board named him the heart of the team.");
    }

    #[test]
    fn the_table_matches_inflected_idioms_with_insertions() {
        assert_eq!(excerpts::<LiteralIdiom>("We press the thumbs for the team."), ["press the thumbs"]);
        assert_eq!(
            excerpts::<LiteralIdiom>("The cow is not yet off the ice, the minister warned."),
            ["cow is not yet off the ice"]
        );
        assert_eq!(excerpts::<LiteralIdiom>("“That is not my beer,” he said."), ["not my beer"]);
        let flags = flags_of::<LiteralIdiom>("In the end he had pig.");
        assert_eq!(flags.len(), 1);
        assert!(flags[0].1.message.contains("Schwein haben"));
    }

    #[test]
    fn table_entries_that_could_be_literal_need_the_clause_to_end() {
        assert_no_flags::<LiteralIdiom>("The family had pig farms in the valley for generations.");
    }

    #[test]
    fn german_verb_noun_pairs_rendered_word_for_word() {
        assert_eq!(excerpts::<LiteralIdiom>("The suspect wanted to make a photo of the victim."), ["make a photo"]);
        assert_eq!(excerpts::<LiteralIdiom>("The chancellor held a speech in the Bundestag."), ["held a speech"]);
        assert_eq!(excerpts::<LiteralIdiom>("The council met a decision on Tuesday."), ["met a decision"]);
        assert_eq!(
            excerpts::<LiteralIdiom>("The club stands under pressure after the defeat."),
            ["stands under pressure"]
        );
        assert_eq!(excerpts::<LiteralIdiom>("The mayor held a short speech."), ["held a short speech"]);
        assert_eq!(excerpts::<LiteralIdiom>("Many families make holiday in Bavaria."), ["make holiday"]);
        // The English verb-noun pairs, and the same words in another construction, are fine.
        assert_no_flags::<LiteralIdiom>(
            "She took a photo. The chancellor gave a speech and made a decision. Cheaper trains make holidays \
             easier. The deal will make experiences like this rare. They met the deadline for a decision. \
             Farmers met the decision with relief. She held a copy of his speech.",
        );
    }

    #[test]
    fn time_nouns_cannot_eat() {
        assert_eq!(excerpts::<LiteralIdiom>("The war drags on. Months eat Russians."), ["Months eat"]);
        assert_no_flags::<LiteralIdiom>("Rising costs ate into profits. The years passed quickly.");
    }

    #[test]
    fn animal_and_body_part_skeletons() {
        assert_eq!(excerpts::<LiteralIdiom>("The keeper had cat."), ["had cat"]);
        assert_no_flags::<LiteralIdiom>("She has a cat. He had his eyes on the prize. They have pain in the knees.");
    }

    #[test]
    fn idioms_are_anchored_on_words_rarer_than_function_words() {
        // Otherwise every sentence with "have" or "said" would be looked at closely.
        assert!(!TRIGGERS.function_words_trigger);
        assert_eq!(
            excerpts::<LiteralIdiom>("As the saying goes, who says a must also say b."),
            ["who says a must also say b"]
        );
    }

    #[test]
    fn clean_news_gets_no_flags() {
        assert_no_flags::<LiteralIdiom>(
            "The ministers met in Brussels on Monday. They agreed on a plan to cut emissions, but the details \
             remain open. Farmers protested outside with their tractors. Police kept an eye on the crowd.",
        );
    }
}
