//! # not-after-verb
//!
//! ## What it does
//! Flags "not" placed after a full verb, as German places "nicht": "it looked not like a
//! comeback", "the plan works not so well", "we have not the luxury to wait", "they had not
//! enough money". English negates with "do" ("it did not look like") or, for "have", with
//! "no" ("we do not have the luxury", "we have no luxury").
//!
//! ## Why it signals MT
//! German negates the finite verb by putting "nicht" after it ("es sah nicht nach einem
//! Comeback aus"); word-for-word MT keeps the order, which English keeps only for "be" and the
//! auxiliaries.
//!
//! ## Example
//! "For a long time it looked not like a comeback." flags "looked not like".
//!
//! ## Known false positives
//! A contrast ("he wanted not the money but the fame") is English, so a "but" soon after is
//! left alone, and so are "not only", "not just", "not least", "not to" ("seems not to care")
//! and "not that". A full verb is read only before "like", "as", "so", "yet", "much", "more",
//! "any" or "enough"; "have" also before an article or possessive. Archaic or formal "I have
//! not the slightest idea" is flagged.
//!
//! ## Options
//! - `enabled` (default true)
//! - `severity` (default "minor")

use super::{Declaration, Detector, Flags, Switch};
use crate::analysis::Doc;
use crate::flag::{Category, Severity};
use crate::lexicon::{is_auxiliary, word_key, DETERMINERS};
use std::sync::LazyLock;

pub struct NotAfterVerb;

/// The word key of "not", compared before the text.
static NOT_KEY: LazyLock<u32> = LazyLock::new(|| word_key("not"));

/// Words after "not" that show it negates the full verb before it.
const AFTER_NOT: [&str; 8] = ["like", "as", "so", "yet", "much", "more", "any", "enough"];

/// Forms of "have", which German negates the same way ("wir haben nicht den Luxus").
const HAVE: [&str; 3] = ["have", "has", "had"];

impl Detector for NotAfterVerb {
    const DECLARATION: Declaration =
        Declaration { id: "not-after-verb", category: Category::Grammar, severity: Severity::Minor, version: 1 };
    type Settings = Switch;

    fn configure(_settings: &Switch) -> Self {
        NotAfterVerb
    }

    fn detect(&self, doc: &Doc, flags: &mut Flags) {
        let tokens = &doc.tokens;
        for (at, not) in tokens.iter().enumerate().skip(1) {
            if not.key != *NOT_KEY || !doc.is(not, "not") {
                continue;
            }
            let (verb, Some(next)) = (&tokens[at - 1], tokens.get(at + 1)) else { continue };
            if doc.gap(verb, not) != " " || doc.gap(not, next) != " " || verb.capitalized {
                continue;
            }
            let verb_word = doc.lower(verb);
            let next_word = doc.lower(next);
            let have = HAVE.contains(&verb_word);
            // "have not the luxury", not "have not seen" (a participle or any other verb after).
            let have_negated = have
                && (DETERMINERS.contains(next_word) && next_word != "that"
                    || ["enough", "much", "many", "any"].contains(&next_word))
                && tokens
                    .get(at + 2)
                    .is_some_and(|after| after.lex.verb().is_none_or(|f| !f.participle) || after.lex.english_word());
            // After a determiner or an adjective the "verb" is a noun ("see those details not so
            // narrowly").
            let noun_reading = at >= 2 && {
                let before = &tokens[at - 2];
                DETERMINERS.contains(doc.lower(before)) || before.lex.adjective()
            };
            let full_verb = !have
                && !noun_reading
                && !is_auxiliary(verb_word)
                && !verb.lex.english_function()
                && verb.lex.verb().is_some_and(|f| f.third_person || f.past)
                && AFTER_NOT.contains(&next_word);
            if !(have_negated || full_verb) {
                continue;
            }
            // "wanted not the money but the fame": a contrast.
            let contrast = tokens[at + 1..tokens.len().min(at + 8)].iter().any(|t| doc.is(t, "but"));
            if contrast {
                continue;
            }
            let span = verb.span.start..next.span.end;
            let written = doc.slice(&span).to_string();
            let advice = if have {
                "English negates \"have\" with \"do not have\" or \"no\""
            } else {
                "English negates a full verb with \"do\" (\"did not look\")"
            };
            flags.flag(
                span,
                0.65,
                format!("\"{written}\": \"not\" after the verb, where German puts \"nicht\"; {advice}."),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{assert_no_flags, excerpts};
    use super::*;

    #[test]
    fn flags_not_after_a_full_verb_or_possessive_have() {
        assert_eq!(excerpts::<NotAfterVerb>("For a long time it looked not like a comeback."), ["looked not like"]);
        assert_eq!(excerpts::<NotAfterVerb>("The plan works not so well."), ["works not so"]);
        assert_eq!(excerpts::<NotAfterVerb>("“We have not the luxury to wait,” she said."), ["have not the"]);
        assert_eq!(excerpts::<NotAfterVerb>("The club had not enough money."), ["had not enough"]);
    }

    #[test]
    fn english_negation_and_contrasts_are_fine() {
        assert_no_flags::<NotAfterVerb>("It did not look like a comeback. We have not seen the results.");
        assert_no_flags::<NotAfterVerb>("He wanted not the money but the fame. She seems not to care.");
        assert_no_flags::<NotAfterVerb>("It was not like that. They could not agree. I hope not.");
        assert_no_flags::<NotAfterVerb>("Most people see those details not so narrowly any longer.");
        assert_no_flags::<NotAfterVerb>(
            "The results have not yet been published. He had not the slightest chance but tried.",
        );
    }
}
