//! # thousands-dot
//!
//! ## What it does
//! Flags numbers with a German thousands dot: "2.000 soldiers", "15.000 euros",
//! "1.200.000 visitors".
//!
//! ## Why it signals MT
//! German groups thousands with a dot. Copied unchanged, "2.000 Soldaten" reads in English as
//! "2.000 soldiers", that is two soldiers given to three decimal places.
//!
//! ## Example
//! "Police counted 8.500 participants." flags "8.500" and suggests "8,500".
//!
//! ## Known false positives
//! A measurement with three decimals ("2.125 kilograms") looks the same; those are rare in news
//! and the confidence is lower when a unit of measurement follows. Version numbers and dates
//! with several dots of other group sizes are not matched.
//!
//! ## Options
//! - `enabled` (default true)
//! - `severity` (default "major")

use super::{Configurable, Detector, DetectorInfo};
use crate::analysis::Doc;
use crate::flag::{Category, Flag, Severity};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case", default)]
pub struct ThousandsDotSettings {
    pub enabled: bool,
    pub severity: Option<Severity>,
}

impl Default for ThousandsDotSettings {
    fn default() -> Self {
        ThousandsDotSettings { enabled: true, severity: None }
    }
}

common_settings!(ThousandsDotSettings);

pub struct ThousandsDot {
    info: DetectorInfo,
}

impl Configurable for ThousandsDot {
    type Settings = ThousandsDotSettings;

    fn info_without_doc() -> DetectorInfo {
        DetectorInfo {
            id: "thousands-dot",
            category: Category::NumberFormat,
            default_severity: Severity::Major,
            severity: Severity::Major,
            version: 1,
            doc: "",
        }
    }

    fn configure(_settings: &Self::Settings, info: DetectorInfo) -> Self {
        ThousandsDot { info }
    }
}

/// Units after which three decimals are plausible.
const MEASURES: [&str; 12] = ["kg", "kilograms", "grams", "g", "km", "kilometres", "kilometers", "metres", "meters", "m", "seconds", "litres"];

impl Detector for ThousandsDot {
    fn info(&self) -> &DetectorInfo {
        &self.info
    }

    fn detect(&self, doc: &Doc, flags: &mut Vec<Flag>) {
        for (index, token) in doc.tokens.iter().enumerate() {
            if !token.is_number() {
                continue;
            }
            let number = doc.word(token);
            let groups: Vec<&str> = number.split('.').collect();
            let grouped = groups.len() >= 2
                && (1..=3).contains(&groups[0].len())
                && groups[0] != "0"
                && groups.iter().all(|g| g.chars().all(|c| c.is_ascii_digit()))
                && groups[1..].iter().all(|g| g.len() == 3);
            if !grouped || doc.text[token.span.end..].starts_with(['.', ',']) && doc.text[token.span.end + 1..].starts_with(|c: char| c.is_ascii_digit()) {
                continue;
            }
            let next = doc.tokens.get(index + 1).map(|t| doc.lower(t).to_string());
            let measured = next.as_deref().is_some_and(|n| MEASURES.contains(&n));
            let english = groups.join(",");
            flags.push(Flag {
                start: token.span.start,
                end: token.span.end,
                detector: self.info.id,
                category: self.info.category,
                severity: self.info.severity,
                confidence: if measured { 0.4 } else { 0.8 },
                message: format!("\"{number}\" uses a German thousands dot; in English it reads as a decimal. Write \"{english}\"."),
                suggestion: Some(english),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{assert_no_flags, excerpts};
    use super::*;

    #[test]
    fn flags_german_thousands_dots() {
        assert_eq!(
            excerpts::<ThousandsDot>("Police counted 8.500 participants and 1.200.000 euros in damage."),
            ["8.500", "1.200.000"]
        );
    }

    #[test]
    fn decimals_dates_and_versions_are_fine() {
        assert_no_flags::<ThousandsDot>("Prices rose 3.7 percent. Version 2.1.4 shipped on 9.8.2022. It cost 0.125 euros.");
    }
}
