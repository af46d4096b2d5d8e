//! # unsupported-content
//!
//! ## What it does
//! Flags a word or phrase of the English that nothing in the German source accounts for: no
//! dictionary translation of a source word, no name or cognate, no part of a source compound,
//! and no source word left untranslated near its place that it could stand for. The flag
//! covers the phrase, not the sentence. Needs a `source` column.
//!
//! Words coverage leaves over on both sides are first paired by place: an English word next to
//! a word whose counterpart stands beside an uncovered German word most likely translates that
//! word through a gap in the dictionary, and is left alone. An uncovered German verb may stand
//! for an English word anywhere in the sentence, since German moves its verbs. What stays is
//! English content with no source (see `alignments.parquet`'s `target_support`).
//!
//! ## Why it signals MT
//! Neural MT adds words its source does not have: an intensifier ("almost", "enough"), an
//! adjective that sounds likely ("crowded stadiums"), or a whole clause the model made up (a
//! strongly detached hallucination). The English stays fluent, so only the source shows it.
//!
//! ## Example
//! Source "Die Zuschauer warteten vor dem Stadion." with the English "The spectators waited
//! nervously in front of the stadium." flags "nervously".
//!
//! ## Known false positives
//! Words a free translation adds on purpose (an explanation for foreign readers, a subject the
//! German leaves implicit), and translations the dictionary lacks whose German word coverage
//! counts as translated by another word. Sentences with fewer than `min-content-words` English
//! content words are not judged, nor pairs whose coverage either way is below `min-coverage`:
//! there the dictionary knows too little of the sentence to tell an addition from a gap, and
//! a wholly unrelated pair is `detached-translation`'s.
//!
//! Off by default. On WMT22 German→English news with sources it fired as often on the human
//! reference translations (0.63 flags per 1,000 words) as on nine systems' output (0.68): on
//! real text its flags are mostly dictionary gaps ("Stromversorgung" → "electricity"), not
//! additions. It finds added words in synthetic tests (DEMETR's additions, 46 of its 47 flags
//! right) and is worth enabling to screen output for hallucinated content, with a grain of salt.
//!
//! ## Options
//! - `enabled` (default false)
//! - `severity` (default "major")
//! - `min-content-words` (default 5): fewer English content words are not judged.
//! - `min-coverage` (default 0.7): the lowest source coverage and target support of a pair
//!   that is judged.
//! - `max-phrases` (default 2): a sentence with more unsupported phrases is not flagged, since
//!   so many gaps say more about the dictionary than about the translation.

use super::{Declaration, Detector, Flags};
use crate::analysis::Doc;
use crate::flag::{Category, Severity};
use crate::lexicon::{shipped, WordList};
use serde::{Deserialize, Serialize};
use std::ops::Range;
use std::sync::LazyLock;

/// Words a free translation adds without adding content ("really", "something", "going").
static LIGHT_WORDS: LazyLock<WordList> =
    LazyLock::new(|| WordList::from_file(shipped!("data/lexicon/english_light_words.txt")));

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case", default)]
pub struct UnsupportedContentSettings {
    pub enabled: bool,
    pub severity: Option<Severity>,
    pub min_content_words: usize,
    pub min_coverage: f64,
    pub max_phrases: usize,
}

impl Default for UnsupportedContentSettings {
    fn default() -> Self {
        UnsupportedContentSettings {
            enabled: false,
            severity: None,
            min_content_words: 5,
            min_coverage: 0.7,
            max_phrases: 2,
        }
    }
}

common_settings!(UnsupportedContentSettings);

pub struct UnsupportedContent {
    settings: UnsupportedContentSettings,
}

/// Runs of words, merged when only spaces, hyphens or apostrophes stand between them ("World
/// Cup", "part-time").
fn phrases(text: &str, words: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut runs: Vec<Range<usize>> = Vec::new();
    for word in words {
        match runs.last_mut() {
            Some(run) if text[run.end..word.start].chars().all(|c| matches!(c, ' ' | '-' | '\'' | '’')) => {
                run.end = word.end;
            }
            _ => runs.push(word.clone()),
        }
    }
    runs
}

impl Detector for UnsupportedContent {
    const DECLARATION: Declaration =
        Declaration { id: "unsupported-content", category: Category::Addition, severity: Severity::Major, version: 1 };
    type Settings = UnsupportedContentSettings;

    fn configure(settings: &UnsupportedContentSettings) -> Self {
        UnsupportedContent { settings: settings.clone() }
    }

    fn detect(&self, doc: &Doc, flags: &mut Flags) {
        let Some(source) = &doc.source else { return };
        for (link, coverage) in source.links.iter().zip(&source.coverage) {
            let Some(coverage) = coverage else { continue };
            if coverage.unpaired_target.is_empty()
                || coverage.target_content_words < self.settings.min_content_words
                || coverage.source_coverage < self.settings.min_coverage
                || coverage.target_support < self.settings.min_coverage
            {
                continue;
            }
            let start = doc.sentences[link.target.start].span.start;
            let english = &doc.text[start..doc.sentences[link.target.end - 1].span.end];
            let content: Vec<Range<usize>> = coverage
                .unpaired_target
                .iter()
                .filter(|word| !LIGHT_WORDS.contains(&english[(*word).clone()].to_lowercase()))
                .cloned()
                .collect();
            let runs = phrases(english, &content);
            if runs.len() > self.settings.max_phrases {
                continue;
            }
            for run in runs {
                // Two words for one are how English renders a German word the dictionary
                // lacks ("premature babies"); a made-up clause runs longer.
                if english[run.clone()].split([' ', '-']).count() == 2 {
                    continue;
                }
                let phrase = &english[run.clone()];
                flags.flag(
                    start + run.start..start + run.end,
                    0.5,
                    format!("Nothing in the source accounts for “{phrase}”: it may have been added."),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{assert_no_flags, excerpts_with_source};
    use super::*;

    #[track_caller]
    fn flagged(german: &str, english: &str) -> Vec<String> {
        excerpts_with_source::<UnsupportedContent>(german, english)
    }

    #[test]
    fn an_added_word_is_flagged_alone() {
        let german = "Die Zuschauer warteten vor dem Stadion auf den Beginn des Spiels.";
        assert!(flagged(german, "The spectators waited in front of the stadium for the start of the game.").is_empty());
        assert_eq!(
            flagged(german, "The spectators waited nervously in front of the stadium for the start of the game."),
            ["nervously"]
        );
    }

    #[test]
    fn faithful_but_free_translations_are_not_flagged() {
        for (german, english) in [
            // Reordering, inflection and a compound read through its head.
            (
                "Gestern hat die Bundesregierung in Berlin neue Gesetze beschlossen.",
                "In Berlin yesterday, the government passed new laws.",
            ),
            // A compound rendered in two words.
            (
                "Das Wirtschaftsministerium kündigte am Montag neue Hilfen für kleine Betriebe an.",
                "The Ministry of Economy announced new aid for small businesses on Monday.",
            ),
            // Names and numbers.
            (
                "Angela Merkel traf 2019 den Präsidenten Emmanuel Macron in Paris.",
                "In 2019 Angela Merkel met President Emmanuel Macron in Paris.",
            ),
        ] {
            assert!(flagged(german, english).is_empty(), "{english}: {:?}", flagged(german, english));
        }
    }

    #[test]
    fn short_sentences_and_detached_pairs_are_left_to_others() {
        assert!(flagged("Vielen Dank.", "Thank you very much indeed.").is_empty());
        assert!(flagged(
            "Der Bürgermeister eröffnete am Montag die neue Brücke über den Fluss.",
            "The weather will remain sunny and warm throughout the weekend.",
        )
        .is_empty());
    }

    #[test]
    fn silent_without_a_source() {
        assert_no_flags::<UnsupportedContent>("The spectators waited nervously in front of the stadium.");
    }

    #[test]
    fn adjacent_words_make_one_phrase() {
        let text = "the new World Cup record, then more";
        let words = [8..13, 14..17, 30..34];
        assert_eq!(phrases(text, &words), [8..17, 30..34]);
    }
}
