//! # uncountable-plural
//!
//! ## What it does
//! Flags a plural of an English noun that has none: "informations", "advices", "equipments",
//! "furnitures", "luggages", "knowledges", "feedbacks", "homeworks", "softwares",
//! "machineries", "jewelleries". English says "information", "pieces of advice", "equipment".
//!
//! ## Why it signals MT
//! Their German counterparts are countable and used in the plural ("Informationen",
//! "Ratschläge", "Ausrüstungen"); a word-for-word rendering or a German writer carries the
//! plural over.
//!
//! ## Example
//! "The police are asking for informations about the van." flags "informations".
//!
//! ## Known false positives
//! None known in English prose; the words are listed as written, so names and titles that use
//! one of these forms on purpose are flagged too.
//!
//! ## Options
//! - `enabled` (default true)
//! - `severity` (default "minor")

use super::{Declaration, Detector, Flags, Switch};
use crate::analysis::Doc;
use crate::flag::{Category, Severity};
use crate::lexicon::KeyFilter;
use std::sync::LazyLock;

pub struct UncountablePlural;

/// Plurals English does not form, with the uncountable noun each stands for.
const PLURALS: [(&str, &str); 12] = [
    ("informations", "information"),
    ("advices", "advice"),
    ("equipments", "equipment"),
    ("furnitures", "furniture"),
    ("luggages", "luggage"),
    ("baggages", "baggage"),
    ("knowledges", "knowledge"),
    ("feedbacks", "feedback"),
    ("homeworks", "homework"),
    ("softwares", "software"),
    ("machineries", "machinery"),
    ("jewelleries", "jewellery"),
];

/// The keys of [`PLURALS`], tested before any text.
static PLURAL_KEYS: LazyLock<KeyFilter> = LazyLock::new(|| KeyFilter::of(PLURALS.iter().map(|(plural, _)| *plural)));

impl Detector for UncountablePlural {
    const DECLARATION: Declaration =
        Declaration { id: "uncountable-plural", category: Category::Grammar, severity: Severity::Minor, version: 1 };
    type Settings = Switch;

    fn configure(_settings: &Switch) -> Self {
        UncountablePlural
    }

    fn detect(&self, doc: &Doc, flags: &mut Flags) {
        for token in &doc.tokens {
            // The key first: one bit test rules out nearly every word.
            if !PLURAL_KEYS.may_contain(token.key) {
                continue;
            }
            let span = token.span.clone();
            let word = doc.lower(token);
            let Some((_, singular)) = PLURALS.iter().find(|(plural, _)| *plural == word) else { continue };
            let written = doc.word(token);
            let suggestion =
                if token.capitalized { crate::lexicon::capitalised(singular) } else { (*singular).to_string() };
            flags
                .flag(
                    span,
                    0.8,
                    format!(
                        "\"{written}\": English \"{singular}\" has no plural (German uses one); write \"{singular}\" \
                         or count it (\"pieces of {singular}\")."
                    ),
                )
                .suggest(suggestion);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{assert_no_flags, excerpts, flags_of};
    use super::*;

    #[test]
    fn flags_plurals_of_uncountable_nouns() {
        let flags = flags_of::<UncountablePlural>("The police are asking for informations about the van.");
        assert_eq!(flags.len(), 1);
        assert_eq!(flags[0].1.suggestion.as_deref(), Some("information"));
        assert_eq!(excerpts::<UncountablePlural>("Advices and new equipments arrived."), ["Advices", "equipments"]);
    }

    #[test]
    fn singulars_and_countable_plurals_are_fine() {
        assert_no_flags::<UncountablePlural>("The information and advice helped. New instruments and reports arrived.");
    }
}
