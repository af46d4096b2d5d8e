//! # non-translation
//!
//! ## What it does
//! Flags a whole sentence that is not in English: the statistical language identifier
//! (whatlang) reliably names another language, and few of the words are English function
//! words. Such a sentence gets one critical flag; its words are not flagged again one by one.
//!
//! ## Why it signals MT
//! MT systems copy sentences they cannot translate, or fall back to the source language for a
//! quotation, a heading or a list.
//!
//! ## Example
//! "Die Regierung hat den Plan am Montag vorgestellt." inside an English article is flagged.
//!
//! ## Known false positives
//! Sentences shorter than four words are never measured. A deliberately quoted foreign
//! sentence (a slogan, a song line) is flagged; its confidence is lower inside quotation marks.
//!
//! ## Options
//! - `enabled` (default true)
//! - `severity` (default "critical")

use super::{Declaration, Detector, Flags, Switch};
use crate::analysis::foreign::is_non_translated;
use crate::analysis::Doc;
use crate::flag::{Category, Severity};

pub struct NonTranslation;

impl Detector for NonTranslation {
    const DECLARATION: Declaration = Declaration {
        id: "non-translation",
        category: Category::NonTranslation,
        severity: Severity::Critical,
        version: 2,
    };
    type Settings = Switch;

    fn configure(_settings: &Switch) -> Self {
        NonTranslation
    }

    fn detect(&self, doc: &Doc, flags: &mut Flags) {
        for (index, sentence) in doc.sentences.iter().enumerate() {
            if !is_non_translated(doc, index) {
                continue;
            }
            let lang = &doc.sentence_langs[index];
            let code = lang.code.unwrap_or("unknown");
            let name = whatlang::Lang::from_code(code).map_or(code, |l| l.eng_name());
            let quoted = doc.in_quotation(sentence.span.start + 1);
            flags.flag(
                sentence.span.clone(),
                if quoted { 0.6 } else { 0.9 },
                format!("This sentence is in {name}, not English: it was left untranslated."),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{assert_no_flags, flags_of};
    use super::*;

    #[test]
    fn flags_whole_german_sentences_once() {
        let text = "The council met on Monday. Die Regierung hat den Plan am Montag vorgestellt und will ihn bis zum Sommer beschließen. The vote follows.";
        let flags = flags_of::<NonTranslation>(text);
        assert_eq!(flags.len(), 1);
        assert!(flags[0].0.starts_with("Die Regierung"));
        assert!(flags[0].1.message.contains("German"));
    }

    #[test]
    fn english_with_names_is_fine() {
        assert_no_flags::<NonTranslation>(
            "Bayern München beat Borussia Mönchengladbach in Düsseldorf. The coach praised his team.",
        );
    }
}
