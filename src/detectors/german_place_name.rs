//! # german-place-name
//!
//! ## What it does
//! Flags a place that English text names in English but the translation left in its German
//! form: "a clinic in München" (Munich), "talks in Wien" (Vienna), "exports to Frankreich"
//! (France). The places and their English names are in
//! `data/lexicon/german_place_spellings.tsv`: cities, countries, regions, rivers and seas
//! whose German form English news does not use.
//!
//! ## Why it signals MT
//! MT copies a capitalised word it takes for a name, and German place names often have
//! English forms. A reader sees a translation that stopped halfway.
//!
//! ## Example
//! "A helicopter flew her to a clinic in München." flags "München" and suggests "Munich".
//!
//! ## Known false positives
//! The German form inside a longer name is English usage ("Bayern München", "TU München", "1.
//! FC Köln", "Flughafen Wien"), so a place beside another capitalised word (a sentence's first
//! word aside), joined by a hyphen, or inside a quotation is not read. A sentence left wholly
//! in German is flagged as a non-translation instead. An English text quoting a German address
//! outside quotation marks would be flagged.
//!
//! ## Options
//! - `enabled` (default true)
//! - `severity` (default "minor")

use super::{Declaration, Detector, Flags, Switch};
use crate::analysis::{Doc, Token};
use crate::flag::{Category, Severity};
use crate::lexicon::{shipped, KeyFilter};
use rustc_hash::FxHashMap;
use std::sync::LazyLock;

pub struct GermanPlaceName;

/// German place names and their English names, keyed by the German form as written.
static PLACES: LazyLock<FxHashMap<&'static str, &'static str>> = LazyLock::new(|| {
    shipped!("data/lexicon/german_place_spellings.tsv").rows::<2>().map(|row| (row.fields[0], row.fields[1])).collect()
});

/// The word keys of the places in lower case, tested before the table.
static PLACE_KEYS: LazyLock<KeyFilter> = LazyLock::new(|| {
    let lower: Vec<String> = PLACES.keys().map(|place| place.to_lowercase()).collect();
    KeyFilter::of(lower.iter().map(String::as_str))
});

/// Whether a neighbouring token makes the place part of a longer name: a capitalised word
/// ("Bayern München", "Universität Wien"), a number ("1. FC Köln" has "FC" anyway), or a
/// hyphen ("Köln-Bonn", "Wien-Mitte").
fn part_of_a_longer_name(doc: &Doc, tokens: &[Token], at: usize) -> bool {
    let before = at.checked_sub(1).map(|i| &tokens[i]).filter(|t| matches!(doc.gap(t, &tokens[at]), " " | "-" | "‐"));
    let after = tokens.get(at + 1).filter(|t| matches!(doc.gap(&tokens[at], t), " " | "-" | "‐"));
    let joined_by_hyphen = |first: &Token, second: &Token| matches!(doc.gap(first, second), "-" | "‐");
    // A sentence's first word is capitalised whatever it is ("In München"): there only a word
    // that is no English word counts ("Bayern München").
    let name_word = |t: &Token| t.capitalized && (at > 1 || !t.lex.english_function() && !t.lex.english_word());
    let name_before = before.is_some_and(|t| name_word(t) || joined_by_hyphen(t, &tokens[at]));
    let name_after = after.is_some_and(|t| t.capitalized || joined_by_hyphen(&tokens[at], t));
    name_before || name_after
}

impl Detector for GermanPlaceName {
    const DECLARATION: Declaration =
        Declaration { id: "german-place-name", category: Category::NameFormat, severity: Severity::Minor, version: 1 };
    type Settings = Switch;

    fn configure(_settings: &Switch) -> Self {
        GermanPlaceName
    }

    fn detect(&self, doc: &Doc, flags: &mut Flags) {
        let filter: &KeyFilter = &PLACE_KEYS;
        for sentence in 0..doc.sentences.len() {
            let tokens = doc.sentence_tokens(sentence);
            if !tokens.iter().any(|t| t.capitalized && filter.may_contain(t.key)) {
                continue;
            }
            if crate::analysis::foreign::is_non_translated(doc, sentence) {
                continue;
            }
            for (at, token) in tokens.iter().enumerate() {
                if !token.capitalized || !filter.may_contain(token.key) {
                    continue;
                }
                let Some(english) = PLACES.get(doc.word(token)) else { continue };
                if part_of_a_longer_name(doc, tokens, at) || doc.in_quotation(token.span.start) {
                    continue;
                }
                let german = doc.word(token);
                let bare = english.strip_prefix("the ").unwrap_or(english);
                flags
                    .flag(
                        token.span.clone(),
                        0.75,
                        format!("\"{german}\" is the German name of {english}; English text writes \"{bare}\"."),
                    )
                    .suggest(bare.to_string());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{assert_no_flags, excerpts};
    use super::*;

    #[test]
    fn flags_german_forms_of_places_english_names_in_english() {
        assert_eq!(excerpts::<GermanPlaceName>("A helicopter flew her to a clinic in München."), ["München"]);
        assert_eq!(excerpts::<GermanPlaceName>("In Wien, the talks went on until midnight."), ["Wien"]);
        assert_eq!(excerpts::<GermanPlaceName>("Exports to Frankreich fell by a tenth."), ["Frankreich"]);
        assert_eq!(excerpts::<GermanPlaceName>("Köln is the largest city of the state."), ["Köln"]);
    }

    #[test]
    fn english_names_longer_names_and_quotations_are_fine() {
        assert_no_flags::<GermanPlaceName>("A helicopter flew her to a clinic in Munich. Talks in Vienna went on.");
        assert_no_flags::<GermanPlaceName>("Bayern München beat 1. FC Köln. She studied at the TU München.");
        assert_no_flags::<GermanPlaceName>("The Köln-Bonn airport reopened. Trains to Wien-Mitte were cancelled.");
        assert_no_flags::<GermanPlaceName>("The sign read \"Willkommen in München\" in large letters.");
        // Forms English keeps.
        assert_no_flags::<GermanPlaceName>("Hannover and Braunschweig agreed; Zürich did not.");
    }
}
