//! The flag: one suspicious span found by one detector, and the MQM vocabulary it is labelled with.

use serde::{Deserialize, Serialize};
use std::fmt;

/// How bad an error is, in MQM terms. The order is from least to most severe.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Severity {
    Minor,
    Major,
    Critical,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Minor => "minor",
            Severity::Major => "major",
            Severity::Critical => "critical",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The MQM top-level dimension a category belongs to; each has its own penalty column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Dimension {
    Accuracy,
    Fluency,
    Style,
    Terminology,
    Locale,
}

impl Dimension {
    pub const ALL: [Dimension; 5] =
        [Dimension::Accuracy, Dimension::Fluency, Dimension::Style, Dimension::Terminology, Dimension::Locale];

    pub fn as_str(self) -> &'static str {
        match self {
            Dimension::Accuracy => "accuracy",
            Dimension::Fluency => "fluency",
            Dimension::Style => "style",
            Dimension::Terminology => "terminology",
            Dimension::Locale => "locale",
        }
    }

    pub fn index(self) -> usize {
        self as usize
    }
}

/// An MQM error category, written as a lower-case path such as `fluency/punctuation`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Category {
    #[serde(rename = "accuracy/mistranslation")]
    Mistranslation,
    #[serde(rename = "accuracy/untranslated")]
    Untranslated,
    #[serde(rename = "accuracy/addition")]
    Addition,
    #[serde(rename = "accuracy/omission")]
    Omission,
    /// A whole segment left in the source language (WMT's top-level `Non-translation`).
    #[serde(rename = "non-translation")]
    NonTranslation,
    #[serde(rename = "fluency/grammar")]
    Grammar,
    #[serde(rename = "fluency/punctuation")]
    Punctuation,
    #[serde(rename = "fluency/spelling")]
    Spelling,
    #[serde(rename = "fluency/inconsistency")]
    Inconsistency,
    #[serde(rename = "style/awkward")]
    Awkward,
    #[serde(rename = "terminology/inappropriate")]
    Terminology,
    #[serde(rename = "locale-convention/number-format")]
    NumberFormat,
    #[serde(rename = "locale-convention/date-format")]
    DateFormat,
    #[serde(rename = "locale-convention/time-format")]
    TimeFormat,
    #[serde(rename = "locale-convention/quote-format")]
    QuoteFormat,
    #[serde(rename = "locale-convention/name-format")]
    NameFormat,
}

impl Category {
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Mistranslation => "accuracy/mistranslation",
            Category::Untranslated => "accuracy/untranslated",
            Category::Addition => "accuracy/addition",
            Category::Omission => "accuracy/omission",
            Category::NonTranslation => "non-translation",
            Category::Grammar => "fluency/grammar",
            Category::Punctuation => "fluency/punctuation",
            Category::Spelling => "fluency/spelling",
            Category::Inconsistency => "fluency/inconsistency",
            Category::Awkward => "style/awkward",
            Category::Terminology => "terminology/inappropriate",
            Category::NumberFormat => "locale-convention/number-format",
            Category::DateFormat => "locale-convention/date-format",
            Category::TimeFormat => "locale-convention/time-format",
            Category::QuoteFormat => "locale-convention/quote-format",
            Category::NameFormat => "locale-convention/name-format",
        }
    }

    /// Non-translation is a failure to carry the meaning across, so it counts as accuracy.
    pub fn dimension(self) -> Dimension {
        match self {
            Category::Mistranslation
            | Category::Untranslated
            | Category::Addition
            | Category::Omission
            | Category::NonTranslation => Dimension::Accuracy,
            Category::Grammar | Category::Punctuation | Category::Spelling | Category::Inconsistency => {
                Dimension::Fluency
            }
            Category::Awkward => Dimension::Style,
            Category::Terminology => Dimension::Terminology,
            Category::NumberFormat
            | Category::DateFormat
            | Category::TimeFormat
            | Category::QuoteFormat
            | Category::NameFormat => Dimension::Locale,
        }
    }
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A flag's MQM weight in tenths of a point, so sums are exact: minor 1, major 5, critical 25,
/// and a minor punctuation error 0.1 (WMT MQM practice). Both the score and the quality model's
/// penalty feature weigh flags by it.
pub fn weight_tenths(severity: Severity, category: Category) -> u64 {
    match (severity, category) {
        (Severity::Minor, Category::Punctuation) => 1,
        (Severity::Minor, _) => 10,
        (Severity::Major, _) => 50,
        (Severity::Critical, _) => 250,
    }
}

/// One suspicious span, as a detector reports it.
///
/// Offsets are byte offsets into the document text, end-exclusive, and always fall on
/// character boundaries. The pipeline derives character offsets, the segment index and the
/// excerpt from them, so a detector cannot get those out of step.
#[derive(Debug, Clone, PartialEq)]
pub struct Flag {
    /// Byte offset of the first flagged byte.
    pub start: usize,
    /// Byte offset one past the last flagged byte.
    pub end: usize,
    /// Kebab-case id of the detector that raised the flag.
    pub detector: &'static str,
    pub category: Category,
    pub severity: Severity,
    /// How sure the detector is, in [0, 1]. Reported, but it does not change the penalty.
    pub confidence: f32,
    /// A sentence a user can act on without reading the code: what is wrong and why.
    pub message: String,
    /// A replacement for the flagged text, where the detector knows one.
    pub suggestion: Option<String>,
}

impl Flag {
    /// Offers a replacement for the flagged text.
    pub fn suggest(&mut self, replacement: impl Into<String>) -> &mut Self {
        self.suggestion = Some(replacement.into());
        self
    }

    /// Files the flag under another category than the detector's own, for a detector that
    /// finds two kinds of error.
    pub fn in_category(&mut self, category: Category) -> &mut Self {
        self.category = category;
        self
    }

    /// Gives the flag a severity other than the detector's main one. Every such severity comes
    /// from the detector's settings, never from its code.
    pub fn with_severity(&mut self, severity: Severity) -> &mut Self {
        self.severity = severity;
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weights_follow_mqm() {
        assert_eq!(weight_tenths(Severity::Minor, Category::Punctuation), 1);
        assert_eq!(weight_tenths(Severity::Major, Category::Punctuation), 50);
        assert_eq!(weight_tenths(Severity::Minor, Category::Grammar), 10);
        assert_eq!(weight_tenths(Severity::Critical, Category::NonTranslation), 250);
    }
}
