//! # repeated-translation
//!
//! ## What it does
//! Flags an English sentence that comes out, in one run, as the translation of German sources
//! that say different things, where at least one of those sources does not support it. The
//! sentence must be the same character for character (spaces at its ends aside) and at least
//! `min-words` words long; sources that share at least half their words count as one source
//! written twice. Every occurrence is flagged, and the message says how often the sentence
//! occurs and names another document that has it. Needs a `source` column.
//!
//! ## Why it signals MT
//! A hallucinating model falls back on the same fluent sentences for unrelated inputs: "The
//! following is a summary of the most important news." Each such sentence reads well on its
//! own, and only the corpus shows that it answers many different sources.
//!
//! ## Example
//! Document "a" renders "Der Bürgermeister eröffnete am Montag die neue Brücke." and document
//! "b" renders "Die Strompreise steigen im Winter weiter." as the same "Thank you for reading
//! our newsletter and see you next week.": both occurrences are flagged.
//!
//! ## Known false positives
//! A stock sentence that translates different wordings of one message ("The police are asking
//! for witnesses." for "Die Polizei bittet um Hinweise." and "Zeugen werden gebeten, sich zu
//! melden.") is flagged when the lexicon finds too little of it in one of the sources; it is
//! left alone when every source with enough content words supports at least `max-support` of
//! its words. Formulae shorter than `min-words` ("Thank you.") are never judged.
//!
//! ## How it runs
//! Its evidence is the whole run, so its flags are known only at the end. They are written
//! after every document's rows in `flags.parquet`, and they do not count in any penalty, score
//! or quality, which are final when their document's batch is written. Sentences are indexed
//! in input order, so the flags do not depend on the thread count. The Python bindings score
//! one article at a time and never raise it.
//!
//! Memory is bounded: at most `max-indexed-sentences` sentences are indexed (by default
//! 250,000, reached by a corpus of about 12,500 articles of 20 sentences). Measured on 300,000
//! one-sentence documents with sources, the full index raised peak memory from 98 MB to 210 MB
//! (its table grows in powers of two, so about 450 bytes per indexed sentence at the bound). Once the index is full,
//! later sentences are still found as repeats of indexed ones but are not added themselves; the
//! manifest's `counts.sentences_not_indexed` says how many were left out, so a run that needs
//! more can be repeated with a larger bound.
//!
//! ## Options
//! - `enabled` (default true)
//! - `severity` (default "major")
//! - `min-words` (default 6): shorter sentences are not indexed.
//! - `max-support` (default 0.5): a group is flagged only if one occurrence's source supports
//!   less than this share of its content words (see `alignments.parquet`'s `target_support`).
//! - `max-indexed-sentences` (default 250000)

use super::{Declaration, Detector, Flags};
use crate::analysis::Doc;
use crate::flag::{Category, Severity};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::sync::Arc;

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case", default)]
pub struct RepeatedTranslationSettings {
    pub enabled: bool,
    pub severity: Option<Severity>,
    pub min_words: usize,
    pub max_support: f64,
    pub max_indexed_sentences: usize,
}

impl Default for RepeatedTranslationSettings {
    fn default() -> Self {
        RepeatedTranslationSettings {
            enabled: true,
            severity: None,
            min_words: 6,
            max_support: 0.5,
            max_indexed_sentences: 250_000,
        }
    }
}

common_settings!(RepeatedTranslationSettings);

/// Registered like every detector, for its settings and documentation; its work is done across
/// documents by [`RepeatIndex`], so it finds nothing in one document alone.
pub struct RepeatedTranslation;

impl Detector for RepeatedTranslation {
    const DECLARATION: Declaration = Declaration {
        id: "repeated-translation",
        category: Category::Mistranslation,
        severity: Severity::Major,
        version: 1,
    };
    type Settings = RepeatedTranslationSettings;

    fn configure(_settings: &RepeatedTranslationSettings) -> Self {
        RepeatedTranslation
    }

    fn detect(&self, _doc: &Doc, _flags: &mut Flags) {}
}

/// How many of a source's word hashes stand for it: the smallest ones, a bottom-k sketch whose
/// overlap estimates the share of words two sources have in common.
const SKETCH_WORDS: usize = 8;

/// Sources sharing at least this share of their words are one source written twice.
const SAME_SOURCE_OVERLAP: f64 = 0.5;

/// Fewer English content words than this leave the support unknown.
const MIN_SUPPORT_WORDS: usize = 3;

/// The words of a source sentence, as a bottom-k sketch.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SourceSketch {
    hashes: [u32; SKETCH_WORDS],
    len: u8,
}

impl SourceSketch {
    pub fn of(source: &str) -> Self {
        let mut hashes: Vec<u32> = source
            .split(|c: char| !c.is_alphanumeric())
            .filter(|word| !word.is_empty())
            .map(|word| hash_of(&word.to_lowercase()) as u32)
            .collect();
        hashes.sort_unstable();
        hashes.dedup();
        let mut sketch = SourceSketch { hashes: [0; SKETCH_WORDS], len: hashes.len().min(SKETCH_WORDS) as u8 };
        sketch.hashes[..sketch.len as usize].copy_from_slice(&hashes[..sketch.len as usize]);
        sketch
    }

    fn words(&self) -> &[u32] {
        &self.hashes[..self.len as usize]
    }

    /// The estimated share of words the two sources have in common: of the smallest hashes of
    /// both together, the share that both have (exact for sources of up to eight words).
    pub fn overlap(&self, other: &SourceSketch) -> f64 {
        let (a, b) = (self.words(), other.words());
        let mut union: Vec<u32> = a.iter().chain(b).copied().collect();
        union.sort_unstable();
        union.dedup();
        union.truncate(SKETCH_WORDS);
        if union.is_empty() {
            return 1.0;
        }
        let shared = union.iter().filter(|h| a.contains(h) && b.contains(h)).count();
        shared as f64 / union.len() as f64
    }
}

fn hash_of(text: &str) -> u64 {
    // SipHash with fixed keys: the same on every run and machine.
    let mut hasher = std::hash::DefaultHasher::new();
    text.hash(&mut hasher);
    hasher.finish()
}

/// One English sentence (or the sentences of one alignment link) of a document with a source,
/// as the index needs it.
#[derive(Debug, Clone, PartialEq)]
pub struct SentencePrint {
    /// Hash of the sentence's text, trimmed.
    key: u64,
    sketch: SourceSketch,
    /// Share of the English content words the source supports; None where too few to tell.
    support: Option<f32>,
    segment: u32,
    /// Character and byte offsets of the trimmed sentence in the document.
    chars: (u32, u32),
    bytes: (u32, u32),
}

/// The prints of a document's linked English sentences of at least `min-words` words; empty
/// without a source.
pub fn prints(doc: &Doc, settings: &RepeatedTranslationSettings) -> Vec<SentencePrint> {
    let Some(source) = &doc.source else { return Vec::new() };
    let mut prints = Vec::new();
    for (link, coverage) in source.links.iter().zip(&source.coverage) {
        if link.source.is_empty() || link.target.is_empty() {
            continue;
        }
        let span = doc.sentences[link.target.start].span.start..doc.sentences[link.target.end - 1].span.end;
        let raw = &doc.text[span.clone()];
        let english = raw.trim();
        let words = english.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)).count();
        if words < settings.min_words {
            continue;
        }
        let start = span.start + (raw.len() - raw.trim_start().len());
        let end = start + english.len();
        prints.push(SentencePrint {
            key: hash_of(english),
            sketch: SourceSketch::of(&source.text[source.span_of(link)]),
            support: coverage
                .as_ref()
                .filter(|c| c.target_content_words >= MIN_SUPPORT_WORDS)
                .map(|c| c.target_support as f32),
            segment: link.target.start as u32,
            chars: (doc.char_offset(start) as u32, doc.char_offset(end) as u32),
            bytes: (start as u32, end as u32),
        });
    }
    prints
}

/// Where one occurrence is.
#[derive(Debug, Clone)]
struct Occurrence {
    doc: Arc<str>,
    /// The document's place in the input, for writing the flags in input order.
    order: u64,
    segment: u32,
    chars: (u32, u32),
    bytes: (u32, u32),
    /// The source's support, NaN where unknown.
    support: f32,
}

/// Everything seen of one English sentence.
struct Group {
    first: Occurrence,
    sketch: SourceSketch,
    count: u32,
    sources_differ: bool,
    unsupported: bool,
    /// The sentence, kept once it is seen a second time (earlier, a repeat is not known).
    text: Option<Box<str>>,
    /// A document other than the first's that has the sentence, even if the index was full.
    other_doc: Option<Arc<str>>,
}

/// A flag on one occurrence of a repeated translation, found once the corpus has been seen.
#[derive(Debug, Clone, PartialEq)]
pub struct RepeatFlag {
    pub doc: Arc<str>,
    /// The index of the sentence (segment) where the occurrence starts.
    pub segment: u32,
    /// Character and byte offsets of the sentence in its document, end-exclusive.
    pub chars: (u32, u32),
    pub bytes: (u32, u32),
    pub confidence: f32,
    pub excerpt: String,
    pub message: String,
}

/// The run's English sentences, fed in input order, and what repeats among them.
pub struct RepeatIndex {
    settings: RepeatedTranslationSettings,
    groups: HashMap<u64, Group>,
    /// Second and later occurrences, with their group's key.
    later: Vec<(u64, Occurrence)>,
    documents: u64,
    not_indexed: u64,
}

impl RepeatIndex {
    pub fn new(settings: &RepeatedTranslationSettings) -> Self {
        RepeatIndex {
            settings: settings.clone(),
            groups: HashMap::new(),
            later: Vec::new(),
            documents: 0,
            not_indexed: 0,
        }
    }

    /// Sentences left out because the index was full.
    pub fn not_indexed(&self) -> u64 {
        self.not_indexed
    }

    fn indexed(&self) -> usize {
        self.groups.len() + self.later.len()
    }

    /// Adds one document's sentences; `text` is the document's text, which the prints point into.
    pub fn add(&mut self, id: &str, text: &str, prints: &[SentencePrint]) {
        let order = self.documents;
        self.documents += 1;
        if prints.is_empty() {
            return;
        }
        let doc: Arc<str> = Arc::from(id);
        for print in prints {
            let occurrence = Occurrence {
                doc: doc.clone(),
                order,
                segment: print.segment,
                chars: print.chars,
                bytes: print.bytes,
                support: print.support.unwrap_or(f32::NAN),
            };
            let unsupported = print.support.is_some_and(|s| f64::from(s) < self.settings.max_support);
            let full = self.indexed() >= self.settings.max_indexed_sentences;
            match self.groups.get_mut(&print.key) {
                Some(group) => {
                    group.count += 1;
                    group.sources_differ |= group.sketch.overlap(&print.sketch) < SAME_SOURCE_OVERLAP;
                    group.unsupported |= unsupported;
                    if group.other_doc.is_none() && group.first.doc != doc {
                        group.other_doc = Some(doc.clone());
                    }
                    if group.text.is_none() {
                        group.text = text.get(print.bytes.0 as usize..print.bytes.1 as usize).map(Box::from);
                    }
                    if full {
                        self.not_indexed += 1;
                    } else {
                        self.later.push((print.key, occurrence));
                    }
                }
                None if full => self.not_indexed += 1,
                None => {
                    let group = Group {
                        first: occurrence,
                        sketch: print.sketch,
                        count: 1,
                        sources_differ: false,
                        unsupported,
                        text: None,
                        other_doc: None,
                    };
                    self.groups.insert(print.key, group);
                }
            }
        }
    }

    /// The flags on every occurrence of every repeated translation, in input order.
    pub fn finish(self) -> Vec<RepeatFlag> {
        let RepeatIndex { groups, later, .. } = self;
        let repeated = |group: &Group| group.count >= 2 && group.sources_differ && group.unsupported;
        let mut occurrences: HashMap<u64, Vec<Occurrence>> = HashMap::new();
        for (key, occurrence) in later {
            if groups.get(&key).is_some_and(repeated) {
                occurrences.entry(key).or_default().push(occurrence);
            }
        }
        let mut flags: Vec<(u64, RepeatFlag)> = Vec::new();
        for (key, group) in &groups {
            if !repeated(group) {
                continue;
            }
            let Some(text) = &group.text else { continue };
            let mut all = vec![group.first.clone()];
            all.extend(occurrences.remove(key).unwrap_or_default());
            for occurrence in &all {
                let other = all
                    .iter()
                    .map(|o| &o.doc)
                    .chain(&group.other_doc)
                    .find(|doc| **doc != occurrence.doc)
                    .map(|doc| doc.as_ref());
                flags.push((occurrence.order, flag(occurrence, group, text, other)));
            }
        }
        flags.sort_by(|(a, x), (b, y)| (a, x.bytes).cmp(&(b, y.bytes)));
        flags.into_iter().map(|(_, flag)| flag).collect()
    }
}

fn flag(occurrence: &Occurrence, group: &Group, text: &str, other: Option<&str>) -> RepeatFlag {
    let elsewhere = match other {
        Some(id) => format!("another is in document \"{id}\""),
        None => "all in this document".to_string(),
    };
    let own_support = if occurrence.support.is_nan() {
        "The lexicon knows too little of this sentence's own source to tell whether it supports it.".to_string()
    } else {
        format!("Its own source accounts for {:.0}% of its meaningful words.", occurrence.support * 100.0)
    };
    RepeatFlag {
        doc: occurrence.doc.clone(),
        segment: occurrence.segment,
        chars: occurrence.chars,
        bytes: occurrence.bytes,
        // Surest where this occurrence's own source does not support it.
        confidence: if occurrence.support < 0.5 { 0.9 } else { 0.6 },
        excerpt: text.to_string(),
        message: format!(
            "This sentence comes out {} times in this run as the translation of German sources that say different things ({elsewhere}), and at least one of them does not support it: a model that gives the same fluent sentence for unrelated sources is making it up. {own_support}",
            group.count
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index_docs(docs: &[(&str, &str, &str)]) -> Vec<RepeatFlag> {
        let settings = RepeatedTranslationSettings::default();
        let mut index = RepeatIndex::new(&settings);
        for (id, source, text) in docs {
            let doc = Doc::with_source(text, Some(source));
            index.add(id, text, &prints(&doc, &settings));
        }
        index.finish()
    }

    const MADE_UP: &str = "Thank you for reading our newsletter and see you again next week.";

    #[test]
    fn one_sentence_for_unrelated_sources_is_flagged_everywhere() {
        let flags = index_docs(&[
            ("a", "Der Bürgermeister eröffnete am Montag die neue Brücke über den Fluss.", MADE_UP),
            (
                "b",
                "Der Bürgermeister eröffnete am Montag die neue Brücke über den Fluss.",
                "On Monday the mayor opened the new bridge over the river.",
            ),
            ("c", "Die Strompreise steigen im kommenden Winter für viele Haushalte weiter.", MADE_UP),
        ]);
        let docs: Vec<&str> = flags.iter().map(|flag| flag.doc.as_ref()).collect();
        assert_eq!(docs, ["a", "c"]);
        for flag in &flags {
            assert_eq!(flag.excerpt, MADE_UP);
            assert!(flag.message.contains("2 times"), "{}", flag.message);
        }
        assert!(flags[0].message.contains("document \"c\""), "{}", flags[0].message);
        assert!(flags[1].message.contains("document \"a\""), "{}", flags[1].message);
    }

    #[test]
    fn the_offsets_point_at_the_sentence_in_its_document() {
        let text = format!("Strom wird teurer.\n\n  {MADE_UP}");
        let source = "Strom wird teurer.\n\nDie Strompreise steigen im kommenden Winter für viele Haushalte weiter.";
        let flags = index_docs(&[
            ("a", "Der Bürgermeister eröffnete am Montag die neue Brücke über den Fluss.", MADE_UP),
            ("b", source, &text),
        ]);
        let flag = flags.iter().find(|flag| flag.doc.as_ref() == "b").expect("b is flagged");
        assert_eq!(&text[flag.bytes.0 as usize..flag.bytes.1 as usize], MADE_UP);
        assert_eq!(flag.chars.0 as usize, text[..flag.bytes.0 as usize].chars().count());
    }

    #[test]
    fn repeats_of_one_source_formulae_and_supported_stock_sentences_are_not_flagged() {
        let same_source = "Der Bürgermeister eröffnete am Montag die neue Brücke über den Fluss.";
        let reworded = "Der Bürgermeister eröffnete am Montag die neue Brücke über den Fluss Lahn.";
        let english = "On Monday the mayor opened the new bridge over the river.";
        assert!(index_docs(&[("a", same_source, english), ("b", reworded, english), ("c", same_source, english)])
            .is_empty());
        assert!(index_docs(&[
            ("a", same_source, "Thank you."),
            ("b", "Die Strompreise steigen weiter.", "Thank you.")
        ])
        .is_empty());
        // Two wordings of one appeal, each supporting the same English.
        let appeal = "The police are asking witnesses to come forward with information.";
        assert!(index_docs(&[
            ("a", "Die Polizei bittet Zeugen, sich mit Hinweisen zu melden.", appeal),
            ("b", "Zeugen werden von der Polizei gebeten, Informationen zu melden.", appeal),
        ])
        .is_empty());
    }

    #[test]
    fn a_full_index_still_finds_repeats_of_what_it_holds_and_counts_the_rest() {
        let settings = RepeatedTranslationSettings { max_indexed_sentences: 2, ..Default::default() };
        let mut index = RepeatIndex::new(&settings);
        let docs = [
            ("a", "Der Bürgermeister eröffnete am Montag die neue Brücke über den Fluss.", MADE_UP),
            (
                "b",
                "Die Kinder spielten den ganzen Nachmittag im Garten ihrer Großmutter.",
                "The children played in their grandmother's garden all afternoon long.",
            ),
            ("c", "Die Strompreise steigen im kommenden Winter für viele Haushalte weiter.", MADE_UP),
            (
                "d",
                "Im Hafen lagen am Wochenende drei große Kreuzfahrtschiffe vor Anker.",
                "Three large cruise ships lay at anchor in the harbour at the weekend.",
            ),
        ];
        for (id, source, text) in docs {
            let doc = Doc::with_source(text, Some(source));
            index.add(id, text, &prints(&doc, &settings));
        }
        assert_eq!(index.not_indexed(), 2, "the repeat and the new sentence after the bound");
        let flags = index.finish();
        assert_eq!(flags.len(), 1, "the indexed first occurrence is still flagged: {flags:?}");
        assert!(flags[0].message.contains("2 times") && flags[0].message.contains("document \"c\""));
    }

    #[test]
    fn the_sketch_overlap_is_the_share_of_shared_words() {
        let a = SourceSketch::of("eins zwei drei vier");
        assert_eq!(a.overlap(&a), 1.0);
        assert_eq!(a.overlap(&SourceSketch::of("Eins, zwei! Drei vier.")), 1.0);
        assert_eq!(a.overlap(&SourceSketch::of("eins zwei fünf sechs")), 2.0 / 6.0);
        assert_eq!(a.overlap(&SourceSketch::of("sieben acht")), 0.0);
        let long: String = (0..200).map(|i| format!("wort{i} ")).collect();
        assert_eq!(SourceSketch::of(&long).overlap(&SourceSketch::of(&long)), 1.0);
    }
}
