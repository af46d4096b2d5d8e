//! # thing-reflexive
//!
//! ## What it does
//! Flags "herself" or "himself" in a sentence that mentions no person before it, only an
//! institution, a thing or an abbreviation such as a party's: "The CDU has recently distanced
//! herself from the plans", "The company has repositioned himself". A reflexive refers to its
//! clause's subject, so the English needs "itself".
//!
//! ## Why it signals MT
//! German reflexives are "sich" for every gender, but the pronouns around them follow the
//! noun's grammatical gender (die Partei is "sie", der Konzern "er"); MT that resolves "sich"
//! from that gender writes "herself" or "himself" for an organisation.
//!
//! ## Example
//! "The CDU, however, has recently distanced herself from several projects." flags "herself".
//!
//! ## Known false positives
//! Any mention before the reflexive that could be a person (a name, a person noun, a first
//! name, an unclassified noun) blocks the flag, and so do quotations; ships and animals, which
//! English may call "she" or "he", never count as things. An abbreviation in capitals counts as
//! an organisation, so a person known by initials ("JFK") would be flagged.
//!
//! ## Options
//! - `enabled` (default true)
//! - `severity` (default "minor")

use super::{Declaration, Detector, Flags, Switch};
use crate::analysis::{Doc, Mention, MentionKind};
use crate::flag::{Category, Severity};
use crate::lexicon::{word_key, ThingClass};
use std::sync::LazyLock;

pub struct ThingReflexive;

/// The word keys of "herself" and "himself", compared before the text.
static REFLEXIVE_KEYS: LazyLock<[u32; 2]> = LazyLock::new(|| [word_key("herself"), word_key("himself")]);

/// Whether a mention names something English calls "it": an institution, object, vehicle or
/// abstract thing, a name that cannot be a person, or an abbreviation in capitals ("CDU").
fn is_it(doc: &Doc, mention: &Mention) -> bool {
    match mention.kind {
        MentionKind::Thing(class) => !matches!(class, ThingClass::Vessel | ThingClass::Animal),
        MentionKind::NonPersonName => true,
        MentionKind::Name => {
            let word = doc.word(&doc.tokens[mention.token]);
            (2..=5).contains(&word.chars().count()) && word.chars().all(|c| c.is_ascii_uppercase())
        }
        _ => false,
    }
}

impl Detector for ThingReflexive {
    const DECLARATION: Declaration =
        Declaration { id: "thing-reflexive", category: Category::Grammar, severity: Severity::Minor, version: 1 };
    type Settings = Switch;

    fn configure(_settings: &Switch) -> Self {
        ThingReflexive
    }

    fn detect(&self, doc: &Doc, flags: &mut Flags) {
        for (at, token) in doc.tokens.iter().enumerate() {
            if !REFLEXIVE_KEYS.contains(&token.key) || doc.in_quotation(token.span.start) {
                continue;
            }
            let word = doc.lower(token);
            if word != "herself" && word != "himself" {
                continue;
            }
            let Some(sentence) = doc.sentences.iter().position(|s| s.span.contains(&token.span.start)) else {
                continue;
            };
            let before: Vec<&Mention> = doc
                .mentions
                .iter()
                .filter(|m| m.sentence == sentence && m.token < at && !matches!(m.kind, MentionKind::Pronoun { .. }))
                .collect();
            // A pronoun before it ("she has distanced herself") is a person too.
            let pronoun_before = doc
                .mentions
                .iter()
                .any(|m| m.sentence == sentence && m.token < at && matches!(m.kind, MentionKind::Pronoun { .. }));
            if before.is_empty() || pronoun_before || !before.iter().all(|m| is_it(doc, m)) {
                continue;
            }
            let subject = doc.slice(&before[0].span);
            flags
                .flag(
                    token.span.clone(),
                    0.6,
                    format!(
                        "\"{}\" can only refer to \"{subject}\", which English calls \"it\"; German gives things a \
                         gender that MT carries over.",
                        doc.word(token)
                    ),
                )
                .suggest("itself".to_string());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{assert_no_flags, excerpts};
    use super::*;

    #[test]
    fn flags_a_gendered_reflexive_for_an_organisation() {
        assert_eq!(
            excerpts::<ThingReflexive>("The CDU, however, has recently distanced herself from several projects."),
            ["herself"]
        );
        assert_eq!(excerpts::<ThingReflexive>("The company has repositioned himself on the market."), ["himself"]);
    }

    #[test]
    fn reflexives_of_people_are_fine() {
        assert_no_flags::<ThingReflexive>("The CDU leader Anna Weber has distanced herself from the plans.");
        assert_no_flags::<ThingReflexive>("The company said she had distanced herself from the plans.");
        assert_no_flags::<ThingReflexive>("The company has repositioned itself. The mayor defended himself.");
    }
}
