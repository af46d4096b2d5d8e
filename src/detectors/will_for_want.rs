//! # will-for-want
//!
//! ## What it does
//! Flags "will" used as a full verb meaning "want", as German "will" (from "wollen") is:
//! - "will that" followed by a subject: "The state will that the buses also stop in the
//!   villages" (Das Land will, dass …), where English says "wants the buses to stop";
//! - a subject pronoun, "will" and a noun phrase with no verb: "We will a fair solution" (Wir
//!   wollen eine faire Lösung), where English says "We want a fair solution".
//!
//! ## Why it signals MT
//! German "will" is "wants"; MT that maps it to the English future auxiliary turns a wish or a
//! demand into a prediction, or leaves the sentence without a verb.
//!
//! ## Example
//! "The state of Brandenburg will that the replacement buses also stop" flags "will that the".
//!
//! ## Known false positives
//! "will" as a noun ("the will of the people", "against their will the …") is left alone: only
//! "will" right after a subject pronoun, or before "that" and a subject, is read. A time phrase
//! after "will" ("We will this year invest …") is not a noun phrase, and neither is "no longer"
//! or "not". The archaic full verb "will" ("God wills that …") is flagged.
//!
//! ## Options
//! - `enabled` (default true)
//! - `severity` (default "major")

use super::{Declaration, Detector, Flags, Switch};
use crate::analysis::Doc;
use crate::flag::{Category, Severity};
use crate::lexicon::{word_key, DETERMINERS, TIME_NOUNS};
use std::sync::LazyLock;

pub struct WillForWant;

/// The word key of "will", compared before the text.
static WILL_KEY: LazyLock<u32> = LazyLock::new(|| word_key("will"));

/// Words that open a subject after "that": articles, demonstratives, possessives, pronouns.
const SUBJECT_OPENERS: [&str; 20] = [
    "the", "a", "an", "this", "these", "those", "his", "her", "their", "its", "our", "my", "your", "all", "every",
    "he", "she", "they", "we", "it",
];

/// Words that open a noun phrase as the object of "will": articles and possessives.
const OBJECT_OPENERS: [&str; 8] = ["a", "an", "the", "their", "our", "my", "your", "his"];

/// Words that make an adverbial of an article ("a little later", "a second time"), not an object.
const ADVERBIAL_AFTER_ARTICLE: [&str; 8] = ["little", "bit", "lot", "few", "couple", "second", "third", "further"];

/// Subject pronouns before "will".
const PRONOUNS: [&str; 6] = ["i", "we", "they", "he", "she", "you"];

impl Detector for WillForWant {
    const DECLARATION: Declaration =
        Declaration { id: "will-for-want", category: Category::Mistranslation, severity: Severity::Major, version: 1 };
    type Settings = Switch;

    fn configure(_settings: &Switch) -> Self {
        WillForWant
    }

    fn detect(&self, doc: &Doc, flags: &mut Flags) {
        let tokens = &doc.tokens;
        for (at, will) in tokens.iter().enumerate() {
            if will.key != *WILL_KEY || !doc.is(will, "will") {
                continue;
            }
            let (Some(next), Some(after)) = (tokens.get(at + 1), tokens.get(at + 2)) else { continue };
            if doc.gap(will, next) != " " || doc.gap(next, after) != " " {
                continue;
            }
            let (next_word, after_word) = (doc.lower(next), doc.lower(after));
            let before = at.checked_sub(1).map(|i| &tokens[i]).filter(|b| doc.gap(b, will) == " ");
            // "the will that", "his last will": the noun.
            if before.is_some_and(|b| DETERMINERS.contains(doc.lower(b)) || b.lex.adjective()) {
                continue;
            }
            let end;
            let message;
            if next_word == "that" && SUBJECT_OPENERS.contains(&after_word) && before.is_some() {
                end = after.span.end;
                message =
                    "\"will that …\" is German \"will, dass …\" (wants that …): English \"will\" is no full verb \
                           here; say \"wants … to …\".";
            } else if before.is_some_and(|b| PRONOUNS.contains(&doc.lower(b)))
                && OBJECT_OPENERS.contains(&next_word)
                && !TIME_NOUNS.contains(after_word)
                && !ADVERBIAL_AFTER_ARTICLE.contains(&after_word)
            {
                end = after.span.end;
                message = "\"will\" with a noun phrase and no verb is German \"will\" (wants): English says \"want\" \
                           or \"wants\" here.";
            } else {
                continue;
            }
            let start = before.map_or(will.span.start, |b| {
                if PRONOUNS.contains(&doc.lower(b)) {
                    b.span.start
                } else {
                    will.span.start
                }
            });
            flags.flag(start..end, 0.7, message.to_string());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{assert_no_flags, excerpts};
    use super::*;

    #[test]
    fn flags_will_as_a_full_verb() {
        assert_eq!(
            excerpts::<WillForWant>("The state of Brandenburg will that the replacement buses also stop in villages."),
            ["will that the"]
        );
        assert_eq!(excerpts::<WillForWant>("“We will a fair solution,” the union said."), ["We will a fair"]);
        assert_eq!(excerpts::<WillForWant>("He will the money back by Friday."), ["He will the money"]);
    }

    #[test]
    fn the_future_and_the_noun_are_fine() {
        assert_no_flags::<WillForWant>("We will need a new plan. They will no longer wait. It will be that way.");
        assert_no_flags::<WillForWant>(
            "It reflects the will of the people. Against their will the children were moved.",
        );
        assert_no_flags::<WillForWant>("We will this year invest more. Will that help? I will, the mayor said.");
        assert_no_flags::<WillForWant>(
            "Whether that will happen is unclear. That will that the council drafted failed.",
        );
        assert_no_flags::<WillForWant>("They will a little later decide. They will the day after tomorrow decide.");
    }
}
