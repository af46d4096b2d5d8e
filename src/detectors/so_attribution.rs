//! # so-attribution
//!
//! ## What it does
//! Flags a statement closed by "so" and the person or body it comes from, with no verb: "The
//! plan saves money, so the mayor.", "Nobody was hurt, so a police spokesman on Monday."
//! English attributes with a verb or "according to": "…, the mayor said", "according to the
//! mayor".
//!
//! ## Why it signals MT
//! German news attributes a statement with "so" and the source ("…, so der Bürgermeister");
//! word-for-word MT renders it "so the mayor", which reads as an unfinished "so" clause.
//!
//! ## Example
//! "This is the best solution, so the mayor." flags "so the mayor".
//!
//! ## Known false positives
//! Only "so" after a comma is read, followed up to the end of the sentence by nothing but an
//! article or possessive, names, nouns of people ("spokesman", "mayor") and an optional time
//! ("on Monday"), with at least one name or noun of a person. "…, so the mayor said" has its verb
//! and is English.
//!
//! ## Options
//! - `enabled` (default true)
//! - `severity` (default "minor")

use super::{Declaration, Detector, Flags, Switch};
use crate::analysis::Doc;
use crate::flag::{Category, Severity};
use crate::lexicon::DETERMINERS;

pub struct SoAttribution;

/// The most words between "so" and the end of the sentence: "so a police spokesman on Monday".
const MAX_SOURCE_WORDS: usize = 7;

impl Detector for SoAttribution {
    const DECLARATION: Declaration =
        Declaration { id: "so-attribution", category: Category::Mistranslation, severity: Severity::Minor, version: 1 };
    type Settings = Switch;

    fn configure(_settings: &Switch) -> Self {
        SoAttribution
    }

    fn detect(&self, doc: &Doc, flags: &mut Flags) {
        for index in 0..doc.sentences.len() {
            let tokens = doc.sentence_tokens(index);
            let Some(so) = tokens.iter().rposition(|t| doc.is(t, "so")) else { continue };
            let source = &tokens[so + 1..];
            if so == 0 || source.is_empty() || source.len() > MAX_SOURCE_WORDS {
                continue;
            }
            let after_comma = doc.gap(&tokens[so - 1], &tokens[so]).trim() == ",";
            let unbroken = std::iter::once(&tokens[so])
                .chain(source)
                .collect::<Vec<_>>()
                .windows(2)
                .all(|pair| doc.gap(pair[0], pair[1]) == " ");
            let mut has_person = false;
            let mut at_time = false;
            let only_a_source = source.iter().enumerate().all(|(i, t)| {
                let word = doc.lower(t);
                let person = t.capitalized && t.has_letter || t.lex.person_noun();
                has_person |= person && !t.lex.weekday();
                if word == "on" || word == "in" {
                    at_time = true;
                    return true;
                }
                if at_time {
                    return t.lex.weekday() || t.lex.month() || t.is_number() || DETERMINERS.contains(word);
                }
                // "police" in "a police spokesman": a noun before the person noun.
                let modifier = source.get(i + 1).is_some_and(|n| n.lex.person_noun());
                person || modifier || DETERMINERS.contains(word) || t.lex.adjective() && !t.lex.english_function()
            });
            if !(after_comma && unbroken && only_a_source && has_person) {
                continue;
            }
            let last = &tokens[tokens.len() - 1];
            let written = &doc.text[tokens[so].span.start..last.span.end];
            let source_text = &doc.text[source[0].span.start..last.span.end];
            flags
                .flag(
                    tokens[so].span.start..last.span.end,
                    0.75,
                    format!(
                        "\"{written}\" renders the German attribution \"so\" with its source word for word; \
                         English needs a verb or \"according to\": \"according to {source_text}\"."
                    ),
                )
                .suggest(format!("according to {source_text}"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{assert_no_flags, excerpts};
    use super::*;

    #[test]
    fn flags_so_and_a_source_without_a_verb() {
        assert_eq!(excerpts::<SoAttribution>("This is the best solution, so the mayor."), ["so the mayor"]);
        assert_eq!(
            excerpts::<SoAttribution>("Nobody was hurt, so a police spokesman on Monday."),
            ["so a police spokesman on Monday"]
        );
        assert_eq!(excerpts::<SoAttribution>("Costs will rise, so Anna Weber."), ["so Anna Weber"]);
    }

    #[test]
    fn english_uses_of_so_are_fine() {
        assert_no_flags::<SoAttribution>("The plan saves money, so the mayor said. It rained, so the match stopped.");
        assert_no_flags::<SoAttribution>("Prices rose, so the costs. He left early, so did she. It is so.");
    }
}
