//! # police-agreement
//!
//! ## What it does
//! Flags "police" with a singular verb: "The police has arrested two men", "Police is
//! investigating", "the police says". English "police" is plural: "the police have arrested",
//! "police are investigating".
//!
//! ## Why it signals MT
//! German "die Polizei" is singular ("Die Polizei hat … festgenommen"), and MT and German
//! writers keep the singular verb. Police reports are a large part of regional news, so the
//! slip is frequent.
//!
//! ## Example
//! "The police has arrested two men suspected of burglary." flags "police has".
//!
//! ## Known false positives
//! A force named by an adjective ("the criminal police is", "the federal police is") is
//! treated as an organisation and left alone. "Police" after a preposition is not a subject ("the press office of the police has
//! announced"). Only a verb directly after "police" is judged, and only verbs that are not also nouns that
//! follow "police" ("police reports suggest", "police suspects were released"), so compounds ("the police force has", "a
//! police officer is", "police work is") are left alone, and so is a capitalised "Police" that
//! names an organisation mid-sentence ("Thames Valley Police is").
//!
//! ## Options
//! - `enabled` (default true)
//! - `severity` (default "minor")

use super::{Declaration, Detector, Flags, Switch};
use crate::analysis::Doc;
use crate::flag::{Category, Severity};
use crate::lexicon::word_key;
use std::sync::LazyLock;

pub struct PoliceAgreement;

/// The word key of "police", compared before the text.
static POLICE_KEY: LazyLock<u32> = LazyLock::new(|| word_key("police"));

/// Singular verbs that follow "police" as its verb. Verbs that are also plural nouns and
/// make compounds with "police" ("police reports", "police checks", "police suspects") are not
/// listed: "Police reports suggest" is English.
const SINGULAR_VERBS: [&str; 21] = [
    "is",
    "was",
    "has",
    "does",
    "says",
    "believes",
    "assumes",
    "warns",
    "asks",
    "appeals",
    "investigates",
    "wants",
    "knows",
    "writes",
    "explains",
    "describes",
    "announces",
    "confirms",
    "continues",
    "expects",
    "urges",
];

impl Detector for PoliceAgreement {
    const DECLARATION: Declaration =
        Declaration { id: "police-agreement", category: Category::Grammar, severity: Severity::Minor, version: 1 };
    type Settings = Switch;

    fn configure(_settings: &Switch) -> Self {
        PoliceAgreement
    }

    fn detect(&self, doc: &Doc, flags: &mut Flags) {
        for (at, pair) in doc.tokens.windows(2).enumerate() {
            let (police, verb) = (&pair[0], &pair[1]);
            if police.key != *POLICE_KEY || !doc.is(police, "police") || doc.gap(police, verb) != " " {
                continue;
            }
            // "Thames Valley Police is": a capitalised Police after a name is an organisation.
            let named = police.capitalized
                && at.checked_sub(1).is_some_and(|p| {
                    doc.tokens[p].capitalized
                        && doc.sentence_at(doc.tokens[p].span.start) == doc.sentence_at(police.span.start)
                });
            // "the press office of the police has": after a preposition, "police" is not the
            // subject.
            let word_before = |back: usize| at.checked_sub(back).map(|p| doc.lower(&doc.tokens[p]));
            let after_preposition = [word_before(1), word_before(2)]
                .iter()
                .any(|w| w.is_some_and(|w| ["of", "for", "from", "with", "by", "to", "at", "than"].contains(&w)));
            // "the criminal police is", "the federal police is": a named force or unit, which
            // English treats as an organisation too. Only "the police" or a bare "police".
            let modified = word_before(1).is_some_and(|w| w != "the")
                && at.checked_sub(1).is_some_and(|p| doc.gap(&doc.tokens[p], police) == " ");
            let verb_word = doc.lower(verb);
            if named || after_preposition || modified || verb.capitalized || !SINGULAR_VERBS.contains(&verb_word) {
                continue;
            }
            let written = &doc.text[police.span.start..verb.span.end];
            flags.flag(
                police.span.start..verb.span.end,
                0.75,
                format!(
                    "\"{written}\": English \"police\" takes a plural verb (\"the police have\", \"police are\"); \
                     German \"die Polizei\" is singular."
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{assert_no_flags, excerpts};
    use super::*;

    #[test]
    fn flags_police_with_a_singular_verb() {
        assert_eq!(
            excerpts::<PoliceAgreement>("The police has arrested two men suspected of burglary."),
            ["police has"]
        );
        assert_eq!(
            excerpts::<PoliceAgreement>("Police is investigating. The police assumes arson."),
            ["Police is", "police assumes"]
        );
    }

    #[test]
    fn plural_verbs_compounds_and_named_forces_are_fine() {
        assert_no_flags::<PoliceAgreement>(
            "The police have arrested two men. Police say the police officers were calm.",
        );
        assert_no_flags::<PoliceAgreement>("The police force is small, and police work is hard.");
        assert_no_flags::<PoliceAgreement>("Police reports suggest that police suspects were released.");
        assert_no_flags::<PoliceAgreement>("The press office of the police has announced a search.");
        assert_no_flags::<PoliceAgreement>("The German criminal police is working with the prosecutor.");
        assert_no_flags::<PoliceAgreement>(
            "A spokesman for Thames Valley Police is due to speak. The police bus arrived.",
        );
    }
}
