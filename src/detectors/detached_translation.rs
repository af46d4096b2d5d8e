//! # detached-translation
//!
//! ## What it does
//! Flags an English sentence that does not translate its German source at all: next to none
//! of the source's content words has a counterpart in it, next to none of its own content words
//! comes from the source, and the numbers do not match either. Needs a `source` column.
//!
//! Coverage is lexical (see `alignments.parquet`'s `source_coverage` and `target_support`): a
//! German word counts as covered when a dictionary translation of it, in any inflection, or a
//! word spelt much like it (a name, a cognate) stands in the English.
//!
//! ## Why it signals MT
//! Neural MT sometimes "hallucinates": it writes a fluent sentence that has nothing to do with
//! its input, often a generic one it has seen many times. Fluency checks cannot see it, and a
//! reader without the source trusts it. Misaligned or shuffled segments look the same.
//!
//! ## Example
//! The source "Der Bürgermeister eröffnete am Montag die neue Brücke über den Fluss." with the
//! English "The weather will remain sunny and warm throughout the weekend." is flagged.
//!
//! ## Known false positives
//! Both sides need at least `min-content-words` content words, so short formulae and
//! headlines are left alone, and a sentence that shares a number with its source is never
//! flagged. A very free translation that keeps no word of the source, or a source full of rare
//! words the dictionary lacks, can still be flagged; on the human reference translations of
//! WMT22 German–English news this happened for under half a percent of sentences.
//!
//! ## Options
//! - `enabled` (default true)
//! - `severity` (default "critical")
//! - `max-coverage` (default 0.15): the highest source coverage and target support that count
//!   as detached.
//! - `min-content-words` (default 4): fewer content words on either side are not judged.

use super::{Declaration, Detector, Flags};
use crate::analysis::Doc;
use crate::flag::{Category, Severity};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case", default)]
pub struct DetachedTranslationSettings {
    pub enabled: bool,
    pub severity: Option<Severity>,
    pub max_coverage: f64,
    pub min_content_words: usize,
}

impl Default for DetachedTranslationSettings {
    fn default() -> Self {
        DetachedTranslationSettings { enabled: true, severity: None, max_coverage: 0.15, min_content_words: 4 }
    }
}

common_settings!(DetachedTranslationSettings);

pub struct DetachedTranslation {
    settings: DetachedTranslationSettings,
}

/// The runs of digits in a text.
fn numbers(text: &str) -> Vec<&str> {
    text.split(|c: char| !c.is_ascii_digit()).filter(|run| !run.is_empty()).collect()
}

/// The first words of a text, for quoting it in a message.
fn opening(text: &str, chars: usize) -> String {
    match text.char_indices().nth(chars) {
        Some((end, _)) => format!("{}…", text[..end].trim_end()),
        None => text.to_string(),
    }
}

impl Detector for DetachedTranslation {
    const DECLARATION: Declaration = Declaration {
        id: "detached-translation",
        category: Category::Mistranslation,
        severity: Severity::Critical,
        version: 1,
    };
    type Settings = DetachedTranslationSettings;

    fn configure(settings: &DetachedTranslationSettings) -> Self {
        DetachedTranslation { settings: settings.clone() }
    }

    fn detect(&self, doc: &Doc, flags: &mut Flags) {
        let Some(source) = &doc.source else { return };
        for (link, coverage) in source.links.iter().zip(&source.coverage) {
            let Some(coverage) = coverage else { continue };
            let enough = self.settings.min_content_words;
            if coverage.source_content_words < enough
                || coverage.target_content_words < enough
                || coverage.source_coverage > self.settings.max_coverage
                || coverage.target_support > self.settings.max_coverage
            {
                continue;
            }
            let german = &source.text[source.span_of(link)];
            let span = doc.sentences[link.target.start].span.start..doc.sentences[link.target.end - 1].span.end;
            let english = &doc.text[span.clone()];
            let german_numbers = numbers(german);
            if numbers(english).iter().any(|n| german_numbers.contains(n)) {
                continue;
            }
            flags.flag(span.clone(), (0.95 - (coverage.source_coverage + coverage.target_support) as f32).clamp(0.6, 0.95), format!(
                    "This does not translate its source: {:.0}% of the meaningful German words have a counterpart here, and {:.0}% of the meaningful words here come from the German. The source says: \"{}\"",
                    coverage.source_coverage * 100.0,
                    coverage.target_support * 100.0,
                    opening(german, 120)
                ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{excerpts_with_source, flags_with_source};
    use super::*;

    #[test]
    fn flags_english_that_has_nothing_to_do_with_its_source() {
        let german = "Der Bürgermeister eröffnete am Montag die neue Brücke über den Fluss.";
        let english = "The weather will remain sunny and warm throughout the weekend.";
        assert_eq!(excerpts_with_source::<DetachedTranslation>(german, english), [english]);
        let (_, flag) = &flags_with_source::<DetachedTranslation>(german, english)[0];
        assert!(flag.message.contains("Bürgermeister eröffnete"), "{}", flag.message);
    }

    #[test]
    fn faithful_and_free_translations_are_fine() {
        let german = "Der Bürgermeister eröffnete am Montag die neue Brücke über den Fluss.";
        for english in [
            "On Monday the mayor opened the new bridge over the river.",
            "The new river crossing was opened by the mayor at the start of the week.",
        ] {
            assert!(excerpts_with_source::<DetachedTranslation>(german, english).is_empty(), "{english}");
        }
    }

    #[test]
    fn short_sentences_and_shared_numbers_are_not_judged() {
        assert!(excerpts_with_source::<DetachedTranslation>("Vielen Dank.", "See you soon.").is_empty());
        assert!(excerpts_with_source::<DetachedTranslation>(
            "Im Jahr 2019 kamen 4500 Besucher zum Stadtfest auf dem Marktplatz.",
            "The weather in 2019 stayed cold, wet and grey for the whole summer.",
        )
        .is_empty());
    }
}
