//! # person-it
//!
//! ## What it does
//! Flags "it" and "its" outside quotations when the only noun in reach (this sentence and the
//! one before it) is a person: "The child was found unharmed. It had spent the night in a shed."
//!
//! ## Why it signals MT
//! German calls some people with neuter nouns (das Kind, das Mädchen, das Baby, das Opfer, das
//! Mitglied) and refers to them with "es". MT renders that as "it", which in English turns a
//! child or a victim into an object.
//!
//! ## Example
//! "The girl is safe and well. Its parents were informed at once." flags "Its" and suggests "Her/His".
//!
//! ## Known false positives
//! "It" without a referent ("It is unclear whether", "It was raining", "It takes time") is
//! recognised by the words that follow and skipped, and so is an "it" that opens a clause after
//! a comma, semicolon or dash, which mostly refers to the clause before ("My husband is no
//! better, it bothers me"). A thing that no list knows, mentioned
//! without a determiner, can be missed as a candidate ("found in shed 4. It had collapsed.").
//! Nouns that are neuter in German get a higher confidence than other person nouns.
//!
//! ## Options
//! - `enabled` (default true)
//! - `severity` (default "major")

use super::{Declaration, Detector, Flags, Switch};
use crate::analysis::{Doc, MentionKind};
use crate::flag::{Category, Severity};
use crate::lexicon::{shipped, WordList};
use std::sync::LazyLock;

pub struct PersonIt;

/// Words after "it" that show it has no referent ("It is unclear", "It takes time").
static EXPLETIVE_FOLLOWERS: LazyLock<WordList> =
    LazyLock::new(|| WordList::from_file(shipped!("data/lexicon/expletive_followers.txt")));

impl Detector for PersonIt {
    const DECLARATION: Declaration =
        Declaration { id: "person-it", category: Category::Mistranslation, severity: Severity::Major, version: 2 };
    type Settings = Switch;

    fn configure(_settings: &Switch) -> Self {
        PersonIt
    }

    fn detect(&self, doc: &Doc, flags: &mut Flags) {
        for (index, token) in doc.tokens.iter().enumerate() {
            let word = doc.word(token);
            let possessive = doc.is(token, "its");
            if !(possessive || doc.is(token, "it")) || doc.in_quotation(token.span.start) {
                continue;
            }
            let next = doc.tokens.get(index + 1).map(|t| doc.lower(t).to_string());
            if !possessive && next.as_deref().is_none_or(|n| EXPLETIVE_FOLLOWERS.contains(n)) {
                continue;
            }
            // "My husband is no better, it does bother me": a clause after a comma, semicolon or
            // dash most often says "it" of the clause before, not of a noun in it.
            let after_clause = index > 0 && doc.gap(&doc.tokens[index - 1], token).contains([',', ';', '–', '—']);
            if !possessive && after_clause {
                continue;
            }
            let mut candidates =
                doc.mentions_before(index, 1).filter(|m| !m.in_quote && !matches!(m.kind, MentionKind::Pronoun { .. }));
            let Some(nearest) = candidates.next() else { continue };
            let MentionKind::Person { neuter_in_german, named: false, .. } = nearest.kind else { continue };
            // Any other noun in reach could be what "it" means.
            if candidates.any(|m| !matches!(m.kind, MentionKind::Person { named: false, .. })) {
                continue;
            }
            let noun = doc.slice(&nearest.span);
            let suggestion = match (possessive, token.capitalized) {
                (true, true) => "Her/His",
                (true, false) => "her/his",
                (false, true) => "She/He",
                (false, false) => "she/he",
            };
            flags.flag(token.span.clone(), if neuter_in_german { 0.75 } else { 0.5 }, format!(
                    "\"{word}\" refers to \"{noun}\", a person; English uses he, she or they for people. German neuter nouns such as \"das Kind\" are referred to as \"es\", which machine translation renders as \"it\"."
                )).suggest(suggestion);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{assert_no_flags, excerpts};
    use super::*;

    #[test]
    fn flags_it_for_people() {
        assert_eq!(excerpts::<PersonIt>("The child was found unharmed. It had spent the night in a shed."), ["It"]);
        assert_eq!(excerpts::<PersonIt>("The girl is safe and well. Its parents were informed at once."), ["Its"]);
    }

    #[test]
    fn expletive_it_and_other_candidates_are_left_alone() {
        assert_no_flags::<PersonIt>("The child was found unharmed. It is unclear how long the search lasted.");
        assert_no_flags::<PersonIt>("The boy lost the ball. It rolled into the river.");
        assert_no_flags::<PersonIt>("“It hurt,” the child said.");
        assert_no_flags::<PersonIt>("My husband is no better either, it does bother me sometimes.");
        assert_no_flags::<PersonIt>("The pupil failed the test; it annoyed the teacher's assistant.");
    }

    #[test]
    fn clean_news_gets_no_flags() {
        assert_no_flags::<PersonIt>(
            "The report was published on Monday. It found that rents had risen by a third. The minister said \
             she would study it closely.",
        );
    }
}
