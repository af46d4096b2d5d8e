//! # extended-attribute
//!
//! ## What it does
//! Flags a German extended attribute carried into English: an article, then a prepositional
//! phrase, then a participle and its noun: "the in Berlin based company", "the by the council
//! approved plan", "a since 2010 closed station". English puts the phrase after the noun: "the
//! company based in Berlin", "the plan approved by the council".
//!
//! ## Why it signals MT
//! German builds long attributes before the noun ("das in Berlin ansässige Unternehmen", "der
//! vom Rat beschlossene Plan"). MT that keeps the German order leaves the article stranded before
//! a preposition, which English never allows.
//!
//! ## Example
//! "The in Hamburg based shipping company cut 300 jobs." flags "The in Hamburg based shipping
//! company".
//!
//! ## Known false positives
//! Only an article directly before a preposition other than "of" is read, and the phrase must
//! end, within six words, in a past or present participle with a lower-case noun after it. Set
//! adverbials that English does put there ("the at times heated debate", "the in part funded
//! project") are left alone, and so are hyphenated compounds ("the in-depth analysis"). A
//! participle that is also a noun can stand in for the attribute's adjective: "the about seven
//! kilometres long ground cable" is flagged at "ground cable", rightly but for the wrong word.
//!
//! ## Options
//! - `enabled` (default true)
//! - `severity` (default "minor")

use super::{Declaration, Detector, Flags, Switch};
use crate::analysis::Doc;
use crate::flag::{Category, Severity};

pub struct ExtendedAttribute;

impl Detector for ExtendedAttribute {
    const DECLARATION: Declaration =
        Declaration { id: "extended-attribute", category: Category::Grammar, severity: Severity::Minor, version: 1 };
    type Settings = Switch;

    fn configure(_settings: &Switch) -> Self {
        ExtendedAttribute
    }

    fn detect(&self, doc: &Doc, flags: &mut Flags) {
        for index in 0..doc.sentences.len() {
            let tokens = doc.sentence_tokens(index);
            for at in 0..tokens.len() {
                let Some(noun) = crate::analysis::phrases::extended_attribute_at(doc, tokens, at) else { continue };
                let written = &doc.text[tokens[at].span.start..tokens[noun].span.end];
                flags.flag(
                    tokens[at].span.start..tokens[noun].span.end,
                    0.7,
                    format!(
                        "\"{written}\" puts a prepositional phrase and a participle before the noun \"{}\", as a \
                         German extended attribute does; English puts them after the noun.",
                        doc.word(&tokens[noun])
                    ),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{assert_no_flags, excerpts};
    use super::*;

    #[test]
    fn flags_a_prepositional_phrase_and_participle_before_the_noun() {
        assert_eq!(
            excerpts::<ExtendedAttribute>("The in Hamburg based shipping company cut 300 jobs."),
            ["The in Hamburg based shipping company"]
        );
        assert_eq!(
            excerpts::<ExtendedAttribute>("He criticised the by the council approved plan."),
            ["the by the council approved plan"]
        );
        assert_eq!(
            excerpts::<ExtendedAttribute>("Trains stop at a since 2010 closed station."),
            ["a since 2010 closed station"]
        );
    }

    #[test]
    fn english_orders_and_set_adverbials_are_fine() {
        assert_no_flags::<ExtendedAttribute>(
            "The company based in Hamburg cut jobs. The at times heated debate ended.",
        );
        assert_no_flags::<ExtendedAttribute>("The in-depth analysis was published. The plan approved by the council.");
        assert_no_flags::<ExtendedAttribute>("In the end the team won. She gave the book to the child.");
    }
}
