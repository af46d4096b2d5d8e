//! # source-omission
//!
//! ## What it does
//! Flags translations that leave out or add whole stretches of text, found by lining the
//! sentences up with the source (Gale–Church length alignment, see `alignments.parquet`), and
//! translations that drop a noun, found from lexical coverage. Runs only when the input has a
//! source column. Five cases:
//! - a source sentence that no English sentence translates (omission);
//! - an English sentence that translates no source sentence (addition);
//! - an aligned pair whose English side is far shorter than a German sentence of that length
//!   gives (omission), or far longer (addition): more than four standard deviations from the
//!   expected length, about 0.9 English characters per German one;
//! - a translation that stops short: clearly shorter than expected, and without the end
//!   punctuation its source has (truncation);
//! - a German noun that nothing in the English translates (see `source_coverage`), while the
//!   English shows where it went: a determiner with no noun ("at the of the", "in the, as"), or
//!   an "of" followed by a preposition ("the Ministry of in Berlin"). The message quotes the
//!   German nouns that no untranslated English word near their place could stand for, or,
//!   when there are none, the untranslated German nouns.
//!
//! ## Why it signals MT
//! Neural MT drops clauses and sentences, most often in long inputs, and sometimes stops
//! mid-sentence or adds text that has no source. The English reads well, so only the source
//! shows it.
//!
//! ## Example
//! Source "US-Präsident Donald Trump schrieb per Twitter, dass …" (140 characters), translation
//! "." is flagged as an omission. Source "Die Polizei sperrte am Abend die Straße für mehrere
//! Stunden", translation "In the evening the police closed the for several hours" is flagged,
//! quoting "Straße".
//!
//! ## Known false positives
//! Free translations that condense or expand a sentence on purpose, and sources with boilerplate
//! (datelines, bylines, photo credits) that the English article drops. Source sentences of
//! fewer than three words and English sentences of fewer than four are never flagged as
//! unaligned. A dropped noun is only reported in pairs of at least five German content words
//! whose coverage is at least one half both ways, and only with the orphaned determiner as
//! evidence: a noun that a free translation leaves out on purpose ("nach Angaben" / "according
//! to") is not reported, and neither is an omission that leaves fluent English. A typo in the
//! English ("on the from side") beside an untranslated noun is reported as an omission.
//!
//! ## Options
//! - `enabled` (default true)
//! - `severity` (default "major")
//! - `max-deviation` (default 4.0): how many standard deviations from the expected length a
//!   pair may be before it is flagged.

use super::{Declaration, Detector, Flags};
use crate::analysis::{Doc, LinkKind};
use crate::flag::{Category, Severity};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case", default)]
pub struct SourceOmissionSettings {
    pub enabled: bool,
    pub severity: Option<Severity>,
    pub max_deviation: f64,
}

impl Default for SourceOmissionSettings {
    fn default() -> Self {
        SourceOmissionSettings { enabled: true, severity: None, max_deviation: 4.0 }
    }
}

common_settings!(SourceOmissionSettings);

pub struct SourceOmission {
    max_deviation: f64,
}

/// Below this deviation a pair whose translation lacks the source's end punctuation is taken
/// as cut off.
const TRUNCATION_DEVIATION: f64 = -2.5;

fn ends_sentence(text: &str) -> bool {
    text.trim_end_matches(['”', '"', '’', '\'', '“', '«', '»', ')', ']']).ends_with(['.', '!', '?', '…'])
}

/// The first words of a text, for messages.
fn opening(text: &str) -> String {
    const MAX_CHARS: usize = 80;
    let text = text.trim();
    if text.chars().count() <= MAX_CHARS {
        return text.to_string();
    }
    let cut: String = text.chars().take(MAX_CHARS).collect();
    format!("{} …", cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head))
}

/// Words that determine a noun and cannot end a noun phrase ("this" and "these" can: "this is").
const DETERMINERS: [&str; 8] = ["the", "a", "an", "its", "their", "our", "my", "your"];
/// Words and marks that cannot follow a determiner directly: a determiner before them has lost
/// its noun ("at the of the").
const NOT_AFTER_DETERMINER: [&str; 23] = [
    ",", ".", ";", ":", ")", "!", "?", "of", "in", "at", "on", "with", "for", "from", "by", "and", "or", "but", "to",
    "is", "was", "were", "are",
];
/// Prepositions that cannot directly follow "of" ("the Ministry of in Berlin"; "of at least"
/// can).
const NOT_AFTER_OF: [&str; 8] = ["of", "in", "on", "with", "from", "by", "and", "or"];

/// Whether the English has a determiner or an "of" that has lost its noun: "in the, as",
/// "at the of the", "the Ministry of in Berlin". Grammatical English never has one, so with a
/// source noun left untranslated it shows where the noun went.
fn has_orphaned_determiner(english: &str) -> bool {
    const END_MARKS: [char; 7] = [',', '.', ';', ':', ')', '!', '?'];
    // Each word in lower case, then the first mark after it, if any.
    let mut pieces = Vec::new();
    for word in english.split_whitespace() {
        let bare = word.trim_end_matches(END_MARKS);
        pieces.push(bare.trim_start_matches(['(', '"', '“', '‘', '\'']).to_lowercase());
        if let Some(mark) = word[bare.len()..].chars().next() {
            pieces.push(mark.to_string());
        }
    }
    pieces.windows(2).any(|pair| {
        let (first, second) = (pair[0].as_str(), pair[1].as_str());
        DETERMINERS.contains(&first) && NOT_AFTER_DETERMINER.contains(&second)
            || first == "of" && NOT_AFTER_OF.contains(&second)
    })
}

impl SourceOmission {
    /// The German nouns of a pair that coverage leaves untranslated with nothing in the English
    /// standing in for them, quoted, when the English also shows where they went missing.
    fn dropped_nouns(&self, german: &str, english: &str, coverage: &crate::adequacy::Coverage) -> Option<String> {
        if coverage.source_content_words < MIN_CONTENT_WORDS
            || coverage.source_coverage < MIN_COVERAGE
            || coverage.target_support < MIN_COVERAGE
        {
            return None;
        }
        if !has_orphaned_determiner(english) {
            return None;
        }
        // German capitalises its nouns. Those nothing could stand for are the likeliest to be
        // the lost one; with the English showing the gap, any untranslated noun may be.
        let nouns_of = |spans: &[std::ops::Range<usize>]| -> Vec<&str> {
            spans.iter().map(|span| &german[span.clone()]).filter(|word| word.starts_with(char::is_uppercase)).collect()
        };
        let mut nouns = nouns_of(&coverage.unpaired_source);
        if nouns.is_empty() {
            nouns = nouns_of(&coverage.uncovered_source);
        }
        if nouns.is_empty() {
            return None;
        }
        let quoted: Vec<String> = nouns.iter().map(|noun| format!("“{noun}”")).collect();
        Some(quoted.join(", "))
    }
}

/// Fewer German content words than this are not judged for a dropped noun.
const MIN_CONTENT_WORDS: usize = 5;
/// Below this coverage either way, the dictionary knows too little of a pair to say which noun
/// is missing.
const MIN_COVERAGE: f64 = 0.5;

impl Detector for SourceOmission {
    const DECLARATION: Declaration =
        Declaration { id: "source-omission", category: Category::Omission, severity: Severity::Major, version: 2 };
    type Settings = SourceOmissionSettings;

    fn configure(settings: &SourceOmissionSettings) -> Self {
        SourceOmission { max_deviation: settings.max_deviation }
    }

    fn detect(&self, doc: &Doc, flags: &mut Flags) {
        let Some(source) = &doc.source else { return };
        for (index, link) in source.links.iter().enumerate() {
            let Some(target_span) = doc.link_target_span(link) else { continue };
            let source_text = &source.text[source.span_of(link)];
            let target_text = &doc.text[target_span.clone()];
            let mut flag = |category, confidence, message: String| {
                flags.flag(target_span.clone(), confidence, message).in_category(category);
            };
            match link.kind {
                LinkKind::Omitted => {
                    if source.tokens_of(link).len() >= 3 {
                        let place = if link.target.start == 0 { "Before" } else { "After" };
                        flag(
                            Category::Omission,
                            0.7,
                            format!(
                                "{place} this sentence the source has one that was not translated: “{}”.",
                                opening(source_text)
                            ),
                        );
                    }
                }
                LinkKind::Added => {
                    if doc.tokens_of_links(index..index + 1).len() >= 4 {
                        flag(
                            Category::Addition,
                            0.5,
                            "No source sentence corresponds to this sentence: it may have been added.".to_string(),
                        );
                    }
                }
                _ => {
                    let source_chars = source_text.chars().count();
                    let target_chars = target_text.chars().count();
                    let deviation = crate::analysis::source::length_deviation(source_chars, target_chars);
                    let sizes = format!(
                        "{target_chars} characters for a source of {source_chars}, {:.1} standard deviations from the usual",
                        deviation.abs()
                    );
                    if deviation < -self.max_deviation {
                        flag(
                            Category::Omission,
                            0.75,
                            format!("This translation is far shorter than its source ({sizes}): part of it is missing. Source: “{}”.", opening(source_text)),
                        );
                    } else if deviation > self.max_deviation {
                        flag(
                            Category::Addition,
                            0.6,
                            format!("This translation is far longer than its source ({sizes}): it may add text the source does not have."),
                        );
                    } else if deviation < TRUNCATION_DEVIATION
                        && ends_sentence(source_text)
                        && !ends_sentence(target_text)
                    {
                        flag(
                            Category::Omission,
                            0.7,
                            format!("This translation stops short: it is shorter than its source ({sizes}) and lacks the end punctuation the source has."),
                        );
                    } else if let Some(nouns) = source.coverage[index]
                        .as_ref()
                        .and_then(|coverage| self.dropped_nouns(source_text, target_text, coverage))
                    {
                        flag(
                            Category::Omission,
                            0.6,
                            format!("Nothing here translates the source's {nouns}, and a determiner has lost its noun: part of the sentence is missing."),
                        );
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::flag::Flag;

    fn flagged(source: &str, target: &str) -> Vec<(String, Flag)> {
        super::super::test_support::flags_with_source::<SourceOmission>(source, target)
    }

    const SOURCE: &str =
        "Der Stadtrat hat am Montagabend nach langer Debatte den Haushalt für das kommende Jahr beschlossen. \
        Die Opposition stimmte geschlossen dagegen und kündigte eine Klage vor dem Verwaltungsgericht an. \
        Der Bürgermeister zeigte sich zufrieden.";

    #[test]
    fn a_faithful_translation_is_not_flagged() {
        let target = "After a long debate on Monday evening, the city council adopted the budget for the coming year. \
            The opposition voted against it unanimously and announced a lawsuit before the administrative court. \
            The mayor was satisfied.";
        assert!(flagged(SOURCE, target).is_empty(), "{:#?}", flagged(SOURCE, target));
    }

    #[test]
    fn a_dropped_sentence_is_flagged_next_to_where_it_was() {
        let target = "After a long debate on Monday evening, the city council adopted the budget for the coming year. \
            The mayor was satisfied.";
        let found = flagged(SOURCE, target);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].1.category, Category::Omission);
        assert!(found[0].1.message.contains("Die Opposition"), "{}", found[0].1.message);
    }

    #[test]
    fn an_empty_or_cut_off_translation_is_flagged() {
        let source = "US-Präsident Donald Trump schrieb per Twitter, dass seine Regierung die Stürme genau beobachte und mit den betroffenen Bundesstaaten in Kontakt stehe.";
        assert_eq!(flagged(source, ".").len(), 1);
        let cut = flagged(source, "US President Donald Trump wrote on Twitter that his government");
        assert_eq!(cut.len(), 1, "{cut:#?}");
        assert_eq!(cut[0].1.category, Category::Omission);
    }

    #[test]
    fn a_dropped_noun_that_leaves_its_article_behind_is_flagged() {
        let source =
            "Die Polizei sperrte am Abend die Straße für mehrere Stunden, nachdem ein Lastwagen umgekippt war.";
        let found =
            flagged(source, "In the evening the police closed the for several hours after a truck had overturned.");
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].1.category, Category::Omission);
        assert!(found[0].1.message.contains("“Straße”"), "{}", found[0].1.message);
    }

    #[test]
    fn faithful_but_free_translations_keep_their_nouns() {
        let source =
            "Die Polizei sperrte am Abend die Straße für mehrere Stunden, nachdem ein Lastwagen umgekippt war.";
        for target in [
            "In the evening the police closed the road for several hours after a lorry had overturned.",
            "After a truck overturned, police closed the street for several hours in the evening.",
        ] {
            assert!(flagged(source, target).is_empty(), "{target}: {:#?}", flagged(source, target));
        }
        // Compounds, names and numbers.
        let source =
            "Der Bundesgesundheitsminister Karl Lauterbach stellte am Dienstag in Berlin 2000 neue Impfzentren vor.";
        let target =
            "On Tuesday in Berlin, Federal Health Minister Karl Lauterbach presented 2000 new vaccination centres.";
        assert!(flagged(source, target).is_empty(), "{:#?}", flagged(source, target));
    }

    #[test]
    fn an_orphaned_determiner_is_one_without_its_noun() {
        for english in ["He stood in the, as always, rain.", "At the of the day.", "The Ministry of in Berlin."] {
            assert!(has_orphaned_determiner(english), "{english}");
        }
        for english in [
            "The end of the day came.",
            "She is one of those who stayed.",
            "Out of the blue, in and out.",
            "A figure of at least ten, and this is theirs.",
        ] {
            assert!(!has_orphaned_determiner(english), "{english}");
        }
    }

    #[test]
    fn silent_without_a_source() {
        super::super::test_support::assert_no_flags::<SourceOmission>("Short.");
    }
}
