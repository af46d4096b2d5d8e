//! # repeated-words
//!
//! ## What it does
//! Flags a word written twice in a row ("the the", "rose rose"), compared without regard to
//! case, with only spaces between the two.
//!
//! ## Why it signals MT
//! Neural MT doubles short words when its attention stutters, and German-to-English output
//! doubles auxiliaries and articles when it reorders a clause. Humans make the slip too, which
//! is why the default severity is minor.
//!
//! ## Example
//! "The the minister said the plan would would be ready." flags "The the" and "would would".
//!
//! ## Known false positives
//! Grammatical doublings such as "had had", "that that", "is is" and "do do" are allowed (the
//! `allowed` setting lists them), and so is a phrasal verb's particle before a preposition
//! ("was taken in in the church"). Names that double a word ("Bora Bora", "Walla Walla") are
//! listed in `reduplicated-names`, and short doubled names ("Li Li", "Ni Ni") are common in
//! Chinese; other doubled names ("Spain Spain") are flagged with a lower confidence. Numbers are never flagged (tables, scores).
//!
//! ## Options
//! - `enabled` (default true)
//! - `severity` (default "minor")
//! - `allowed`: words that may legitimately be doubled.
//! - `reduplicated-names`: names made of one word written twice.

use super::{Declaration, Detector, Flags};
use crate::analysis::Doc;
use crate::flag::{Category, Severity};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case", default)]
pub struct RepeatedWordsSettings {
    pub enabled: bool,
    pub severity: Option<Severity>,
    pub allowed: Vec<String>,
    /// Names that really are one word written twice ("Bora Bora").
    pub reduplicated_names: Vec<String>,
}

impl Default for RepeatedWordsSettings {
    fn default() -> Self {
        RepeatedWordsSettings {
            enabled: true,
            severity: None,
            allowed: ["had", "that", "is", "do", "no", "bye", "ha", "yeah", "knock", "very", "so"]
                .map(String::from)
                .to_vec(),
            reduplicated_names: [
                "bora", "walla", "wagga", "pago", "sing", "baden", "mahi", "duran", "talk", "dum", "bye",
            ]
            .map(String::from)
            .to_vec(),
        }
    }
}

common_settings!(RepeatedWordsSettings);

pub struct RepeatedWords {
    allowed: Vec<String>,
    reduplicated_names: Vec<String>,
}

impl Detector for RepeatedWords {
    const DECLARATION: Declaration =
        Declaration { id: "repeated-words", category: Category::Grammar, severity: Severity::Minor, version: 2 };
    type Settings = RepeatedWordsSettings;

    fn configure(settings: &RepeatedWordsSettings) -> Self {
        RepeatedWords {
            allowed: settings.allowed.iter().map(|w| w.to_lowercase()).collect(),
            reduplicated_names: settings.reduplicated_names.iter().map(|w| w.to_lowercase()).collect(),
        }
    }

    fn detect(&self, doc: &Doc, flags: &mut Flags) {
        for sentence in &doc.sentences {
            let tokens = &doc.tokens[sentence.tokens.clone()];
            for (index, pair) in tokens.windows(2).enumerate() {
                let (first, second) = (&pair[0], &pair[1]);
                // `Doc::lower` keeps each token's length: words of different lengths differ.
                if first.span.len() != second.span.len()
                    || !first.has_letter
                    || !doc.gap(first, second).chars().all(|c| c == ' ')
                {
                    continue;
                }
                // Compared in the document's lower-case view: no allocation for the many pairs
                // that differ.
                if doc.lower(first) != doc.lower(second) {
                    continue;
                }
                let word = doc.word(first);
                if self.allowed.iter().any(|allowed| allowed.eq_ignore_ascii_case(word)) {
                    continue;
                }
                // "was taken in in the church", "logged on on Monday": a phrasal verb's particle
                // followed by a preposition of the same spelling.
                let after_verb = index > 0
                    && tokens[index - 1].lex.verb().is_some()
                    && !crate::lexicon::is_auxiliary(doc.lower(&tokens[index - 1]));
                if after_verb && PARTICLES.contains(&doc.lower(first)) {
                    continue;
                }
                let sentence_initial = index == 0;
                let doubled_name = second.capitalized && first.capitalized && !sentence_initial;
                let short_name = doubled_name && word.chars().count() <= 3;
                if short_name
                    || doubled_name && self.reduplicated_names.iter().any(|name| name.eq_ignore_ascii_case(word))
                {
                    continue; // A name that is a doubled word: "Bora Bora", "Li Li".
                }
                flags.flag(first.span.start..second.span.end, if doubled_name || word.chars().count() <= 2 { 0.7 } else { 0.9 }, format!("The word \"{word}\" is written twice in a row; one of them is almost certainly a typing slip or a translation glitch.")).suggest(word);
            }
        }
    }
}

/// Particles of phrasal verbs that are also prepositions.
const PARTICLES: [&str; 8] = ["in", "on", "out", "up", "off", "over", "by", "down"];

#[cfg(test)]
mod tests {
    use super::super::test_support::{assert_no_flags, excerpts, flags_of};
    use super::*;

    #[test]
    fn a_particle_before_a_preposition_is_not_a_stutter() {
        assert_no_flags::<RepeatedWords>(
            "He was taken in in the church. The results were handed over over the weekend.",
        );
        assert_eq!(excerpts::<RepeatedWords>("The meeting is in in June."), ["in in"]);
    }

    #[test]
    fn flags_doubled_words_in_any_case() {
        assert_eq!(
            excerpts::<RepeatedWords>("The the council voted. Prices rose rose sharply in in June."),
            ["The the", "rose rose", "in in"]
        );
    }

    #[test]
    fn suggests_the_single_word_and_explains_itself() {
        let flags = flags_of::<RepeatedWords>("They signed a a contract.");
        assert_eq!(flags.len(), 1);
        assert_eq!(flags[0].1.suggestion.as_deref(), Some("a"));
        assert!(flags[0].1.message.contains("\"a\""));
    }

    #[test]
    fn allows_grammatical_doublings_names_numbers_and_punctuated_repeats() {
        assert_no_flags::<RepeatedWords>("She had had enough. He said that that was wrong.");
        assert_no_flags::<RepeatedWords>("They flew to Bora Bora last week. The score was 10 10 at half time.");
    }

    #[test]
    fn doubled_names_are_flagged_with_lower_confidence() {
        let flags = flags_of::<RepeatedWords>("Thousands of people marched in Madrid Madrid on Sunday.");
        assert_eq!(flags.len(), 1);
        assert!(flags[0].1.confidence < 0.8);
        assert_no_flags::<RepeatedWords>(
            "Again, again and again, the mayor refused. It was the end. The election followed.",
        );
    }

    #[test]
    fn clean_news_gets_no_flags() {
        assert_no_flags::<RepeatedWords>(
            "The central bank kept interest rates unchanged on Thursday. Its president said inflation \
             was easing, but warned that energy prices remained a risk. Markets barely moved.",
        );
    }
}
