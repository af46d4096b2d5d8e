//! # german-quotes
//!
//! ## What it does
//! Flags quotations in German quotation marks („…“ and ‚…‘) and in guillemets (»…« or «…») in
//! English text.
//!
//! ## Why it signals MT
//! MT often copies the source's punctuation. English news uses “…” (or "…"), so German marks
//! show that a text was translated and not edited.
//!
//! ## Example
//! "The minister spoke of a „turning point“." flags „turning point“ and suggests “turning point”.
//!
//! ## Known false positives
//! An English article that quotes a German original verbatim may keep its marks on purpose.
//!
//! ## Options
//! - `enabled` (default true)
//! - `severity` (default "minor")

use super::{Declaration, Detector, Flags, Switch};
use crate::analysis::{Doc, QuoteStyle};
use crate::flag::{Category, Severity};

pub struct GermanQuotes;

impl Detector for GermanQuotes {
    const DECLARATION: Declaration =
        Declaration { id: "german-quotes", category: Category::QuoteFormat, severity: Severity::Minor, version: 1 };
    type Settings = Switch;

    fn configure(_settings: &Switch) -> Self {
        GermanQuotes
    }

    fn detect(&self, doc: &Doc, flags: &mut Flags) {
        for region in &doc.quotes.regions {
            let (marks, english_open, english_close) = match region.style {
                QuoteStyle::German => ("German quotation marks („…“)", '“', '”'),
                QuoteStyle::GermanSingle => ("German single quotation marks (‚…‘)", '‘', '’'),
                QuoteStyle::Guillemets => ("guillemets (»…« or «…»)", '“', '”'),
                _ => continue,
            };
            let end = region.close.as_ref().map_or(region.open.end, |c| c.end);
            let suggestion = region
                .close
                .as_ref()
                .map(|close| format!("{english_open}{}{english_close}", &doc.text[region.open.end..close.start]));
            flags
                .flag(
                    region.open.start..end,
                    0.9,
                    format!(
                        "This quotation uses {marks}, a German convention copied from the source; English uses “…”."
                    ),
                )
                .suggestion = suggestion;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{assert_no_flags, flags_of};
    use super::*;

    #[test]
    fn flags_german_marks_and_guillemets() {
        let flags = flags_of::<GermanQuotes>("He spoke of a „turning point“ and of »new times«.");
        let found: Vec<_> = flags.iter().map(|(e, f)| (e.as_str(), f.suggestion.clone().unwrap())).collect();
        assert_eq!(found, [("„turning point“", "“turning point”".into()), ("»new times«", "“new times”".into())]);
    }

    #[test]
    fn english_quotes_are_fine() {
        assert_no_flags::<GermanQuotes>("“We will win,” she said. He called it 'a farce' and \"a scandal\".");
    }
}
