//! # fronted-also
//!
//! ## What it does
//! Flags a sentence that opens with "Also" followed directly by its subject: "Also the farmers
//! are worried", "Also these two channels show less advertising", "Also he rejected the plan".
//! English puts "also" after the subject ("The farmers are also worried") or says "The farmers,
//! too, …".
//!
//! ## Why it signals MT
//! German opens sentences with "Auch" and the subject ("Auch die Bauern sind besorgt"), and the
//! sentence stays grammatical. Word-for-word MT and German writers keep the order, which in
//! English reads as a stray "Also" or as "in addition" followed by a missing comma.
//!
//! ## Example
//! "Also the farmers are worried." flags "Also the farmers".
//!
//! ## Known false positives
//! "Also" before a preposition or a participle ("Also on Monday, …", "Also killed was …") is
//! English and is left alone, as is "Also," with a comma. Only an article, a demonstrative, a
//! possessive or a subject pronoun after "Also" is flagged. Informal writing that drops the
//! comma after a sentence-opening "Also" ("Also the tickets are free") is flagged too.
//!
//! ## Options
//! - `enabled` (default true)
//! - `severity` (default "minor")

use super::{Declaration, Detector, Flags, Switch};
use crate::analysis::Doc;
use crate::flag::{Category, Severity};
use crate::lexicon::word_key;
use std::sync::LazyLock;

pub struct FrontedAlso;

/// The word key of "also", compared before the text.
static ALSO_KEY: LazyLock<u32> = LazyLock::new(|| word_key("also"));

/// Words that open a subject: articles, demonstratives, possessives and subject pronouns.
const SUBJECT_OPENERS: [&str; 17] = [
    "the", "this", "these", "those", "his", "her", "their", "its", "our", "my", "he", "she", "they", "we", "i", "it",
    "a",
];

impl Detector for FrontedAlso {
    const DECLARATION: Declaration =
        Declaration { id: "fronted-also", category: Category::Grammar, severity: Severity::Minor, version: 1 };
    type Settings = Switch;

    fn configure(_settings: &Switch) -> Self {
        FrontedAlso
    }

    fn detect(&self, doc: &Doc, flags: &mut Flags) {
        for index in 0..doc.sentences.len() {
            let tokens = doc.sentence_tokens(index);
            let [also, subject, head, ..] = tokens else { continue };
            if also.key != *ALSO_KEY || doc.word(also) != "Also" || doc.is_heading(index) {
                continue;
            }
            // The sentence must start at "Also": not after a quotation mark or bracket that
            // opens a title or list.
            if doc.sentences[index].span.start != also.span.start {
                continue;
            }
            if doc.gap(also, subject) != " " || !SUBJECT_OPENERS.contains(&doc.lower(subject)) {
                continue;
            }
            let end = if ["he", "she", "they", "we", "i", "it"].contains(&doc.lower(subject)) {
                subject.span.end
            } else {
                head.span.end
            };
            let written = &doc.text[also.span.start..end];
            flags.flag(
                also.span.start..end,
                0.65,
                format!(
                    "\"{written}\" puts \"also\" before the subject, German word order (\"Auch die …\"); English \
                     puts it after the subject (\"… are also …\") or says \"…, too,\"."
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
    fn flags_also_before_the_subject() {
        assert_eq!(excerpts::<FrontedAlso>("It was dry. Also the farmers are worried."), ["Also the farmers"]);
        assert_eq!(excerpts::<FrontedAlso>("Also he rejected the plan."), ["Also he"]);
        assert_eq!(excerpts::<FrontedAlso>("Also these two channels show less advertising."), ["Also these two"]);
    }

    #[test]
    fn english_openings_with_also_are_fine() {
        assert_no_flags::<FrontedAlso>("Also on Monday, the council met. Also killed was a bystander.");
        assert_no_flags::<FrontedAlso>("Also, the farmers are worried. The farmers are also worried.");
        assert_no_flags::<FrontedAlso>("Also for all three packages? They also said so.");
    }
}
