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

use super::{Configurable, Detector, DetectorInfo};
use crate::analysis::{Doc, QuoteStyle};
use crate::flag::{Category, Flag, Severity};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case", default)]
pub struct GermanQuotesSettings {
    pub enabled: bool,
    pub severity: Option<Severity>,
}

impl Default for GermanQuotesSettings {
    fn default() -> Self {
        GermanQuotesSettings { enabled: true, severity: None }
    }
}

common_settings!(GermanQuotesSettings);

pub struct GermanQuotes {
    info: DetectorInfo,
}

impl Configurable for GermanQuotes {
    type Settings = GermanQuotesSettings;

    fn info_without_doc() -> DetectorInfo {
        DetectorInfo {
            id: "german-quotes",
            category: Category::QuoteFormat,
            default_severity: Severity::Minor,
            severity: Severity::Minor,
            version: 1,
            doc: "",
        }
    }

    fn configure(_settings: &Self::Settings, info: DetectorInfo) -> Self {
        GermanQuotes { info }
    }
}

impl Detector for GermanQuotes {
    fn info(&self) -> &DetectorInfo {
        &self.info
    }

    fn detect(&self, doc: &Doc, flags: &mut Vec<Flag>) {
        for region in &doc.quotes.regions {
            let (marks, english_open, english_close) = match region.style {
                QuoteStyle::German => ("German quotation marks („…“)", '“', '”'),
                QuoteStyle::GermanSingle => ("German single quotation marks (‚…‘)", '‘', '’'),
                QuoteStyle::Guillemets => ("guillemets (»…« or «…»)", '“', '”'),
                _ => continue,
            };
            let end = region.close.as_ref().map_or(region.open.end, |c| c.end);
            let suggestion = region.close.as_ref().map(|close| {
                format!("{english_open}{}{english_close}", &doc.text[region.open.end..close.start])
            });
            flags.push(Flag {
                start: region.open.start,
                end,
                detector: self.info.id,
                category: self.info.category,
                severity: self.info.severity,
                confidence: 0.9,
                message: format!("This quotation uses {marks}, a German convention copied from the source; English uses “…”."),
                suggestion,
            });
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
