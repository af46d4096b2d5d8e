//! # hardly-without-any
//!
//! ## What it does
//! Flags "hardly" directly before a plural noun, after "have", "with" or "there is": "Werder
//! had hardly chances", "with hardly spectators", "there were hardly buyers". English says
//! "hardly any chances", "with hardly any spectators".
//!
//! ## Why it signals MT
//! German "kaum" stands before a noun on its own ("kaum Chancen"); English "hardly" modifies
//! verbs and adjectives and needs "any" before a noun. Word-for-word MT drops the "any".
//!
//! ## Example
//! "Werder had hardly chances in the first half." flags "hardly chances".
//!
//! ## Known false positives
//! After "be", a noun may follow "hardly" ("they are hardly friends", "it is hardly news"), so
//! only "have", "with" and "there is" are read. A third-person verb that looks like a plural
//! noun ("he had hardly starts") would be flagged.
//!
//! ## Options
//! - `enabled` (default true)
//! - `severity` (default "minor")

use super::{Declaration, Detector, Flags, Switch};
use crate::analysis::Doc;
use crate::flag::{Category, Severity};
use crate::lexicon::word_key;
use std::sync::LazyLock;

pub struct HardlyWithoutAny;

/// The word key of "hardly", compared before the text.
static HARDLY_KEY: LazyLock<u32> = LazyLock::new(|| word_key("hardly"));

/// Words before "hardly" after which a noun is an object: forms of "have", and "with".
const HAVE_OR_WITH: [&str; 5] = ["have", "has", "had", "having", "with"];

/// Forms of "be" that "there" turns into "there is", after which a noun is the subject.
const BE: [&str; 4] = ["is", "are", "was", "were"];

impl Detector for HardlyWithoutAny {
    const DECLARATION: Declaration =
        Declaration { id: "hardly-without-any", category: Category::Grammar, severity: Severity::Minor, version: 1 };
    type Settings = Switch;

    fn configure(_settings: &Switch) -> Self {
        HardlyWithoutAny
    }

    fn detect(&self, doc: &Doc, flags: &mut Flags) {
        let tokens = &doc.tokens;
        for (at, hardly) in tokens.iter().enumerate().skip(1) {
            if hardly.key != *HARDLY_KEY || !doc.is(hardly, "hardly") {
                continue;
            }
            let (before, Some(noun)) = (&tokens[at - 1], tokens.get(at + 1)) else { continue };
            if doc.gap(before, hardly) != " " || doc.gap(hardly, noun) != " " {
                continue;
            }
            let before_word = doc.lower(before);
            let there_is = BE.contains(&before_word) && at >= 2 && doc.is(&tokens[at - 2], "there");
            if !(HAVE_OR_WITH.contains(&before_word) || there_is) {
                continue;
            }
            let word = doc.lower(noun);
            let plural_noun = !noun.capitalized
                && word.len() > 3
                && word.ends_with('s')
                && !word.ends_with("ss")
                && noun.lex.english_word()
                && !noun.lex.adjective()
                && noun.lex.lemma(word) != word;
            if !plural_noun {
                continue;
            }
            let written = &doc.text[hardly.span.start..noun.span.end];
            flags
                .flag(
                    hardly.span.start..noun.span.end,
                    0.7,
                    format!(
                        "\"{written}\": English \"hardly\" needs \"any\" before a noun (\"hardly any {}\"); German \
                         \"kaum\" stands alone.",
                        doc.word(noun)
                    ),
                )
                .suggest(format!("hardly any {}", doc.word(noun)));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{assert_no_flags, excerpts};
    use super::*;

    #[test]
    fn flags_hardly_before_a_plural_noun() {
        assert_eq!(excerpts::<HardlyWithoutAny>("Werder had hardly chances in the first half."), ["hardly chances"]);
        assert_eq!(excerpts::<HardlyWithoutAny>("There were hardly buyers at the market."), ["hardly buyers"]);
        assert_eq!(excerpts::<HardlyWithoutAny>("The match was played with hardly spectators."), ["hardly spectators"]);
    }

    #[test]
    fn hardly_any_and_hardly_before_verbs_and_adjectives_are_fine() {
        assert_no_flags::<HardlyWithoutAny>("Werder had hardly any chances. They had hardly begun.");
        assert_no_flags::<HardlyWithoutAny>("They are hardly friends. It is hardly news. It was hardly surprising.");
        assert_no_flags::<HardlyWithoutAny>("She has hardly changed. He hardly ever plays. We had hardly left.");
    }
}
