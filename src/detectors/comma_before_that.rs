//! # comma-before-that
//!
//! ## What it does
//! Flags a comma between a reporting or thinking verb and "that": "The union warns, that
//! strikes are possible", "He said, that he would resign".
//!
//! ## Why it signals MT
//! German puts a comma before every subordinate clause ("Die Gewerkschaft warnt, dass ...").
//! MT copies it; English never separates a verb from its "that" clause with a comma.
//!
//! ## Example
//! "The minister stressed, that the plan was final." flags ", that" and suggests " that".
//!
//! ## Known false positives
//! A comma that closes an inserted phrase before "that" ("He said, in a statement, that ...")
//! is allowed: only a verb directly before the comma counts. Reporting verbs come from
//! `data/lexicon/speech_verbs.txt` plus common thinking verbs.
//!
//! ## Options
//! - `enabled` (default true)
//! - `severity` (default "minor")

use super::{Configurable, Detector, DetectorInfo};
use crate::analysis::Doc;
use crate::flag::{Category, Flag, Severity};
use crate::lexicon::SPEECH_VERBS;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case", default)]
pub struct CommaBeforeThatSettings {
    pub enabled: bool,
    pub severity: Option<Severity>,
}

impl Default for CommaBeforeThatSettings {
    fn default() -> Self {
        CommaBeforeThatSettings { enabled: true, severity: None }
    }
}

common_settings!(CommaBeforeThatSettings);

pub struct CommaBeforeThat {
    info: DetectorInfo,
}

impl Configurable for CommaBeforeThat {
    type Settings = CommaBeforeThatSettings;

    fn info_without_doc() -> DetectorInfo {
        DetectorInfo {
            id: "comma-before-that",
            category: Category::Grammar,
            default_severity: Severity::Minor,
            severity: Severity::Minor,
            version: 1,
            doc: "",
        }
    }

    fn configure(_settings: &Self::Settings, info: DetectorInfo) -> Self {
        CommaBeforeThat { info }
    }
}

/// Verbs of thinking and knowing that take a "that" clause, in the forms news uses.
const THINKING_VERBS: [&str; 30] = [
    "warn", "warns", "warned", "believe", "believes", "believed", "think", "thinks", "thought", "fear", "fears",
    "feared", "hope", "hopes", "hoped", "know", "knows", "knew", "expect", "expects", "expected", "assume",
    "assumes", "assumed", "suspect", "suspects", "suspected", "demand", "demands", "demanded",
];

impl Detector for CommaBeforeThat {
    fn info(&self) -> &DetectorInfo {
        &self.info
    }

    fn detect(&self, doc: &Doc, flags: &mut Vec<Flag>) {
        let that_key = crate::lexicon::word_key("that");
        for pair in doc.tokens.windows(2) {
            let (verb, that) = (&pair[0], &pair[1]);
            // The key first: a number comparison rules out most words before any text one.
            if that.key != that_key
                || !doc.word(that).eq_ignore_ascii_case("that")
                || doc.text[verb.span.end..that.span.start] != *", "
            {
                continue;
            }
            let lower = doc.word(verb).to_lowercase();
            if !(SPEECH_VERBS.contains(&lower) || THINKING_VERBS.contains(&lower.as_str())) || lower == "according" {
                continue;
            }
            flags.push(Flag {
                start: verb.span.end,
                end: that.span.end,
                detector: self.info.id,
                category: self.info.category,
                severity: self.info.severity,
                confidence: 0.8,
                message: format!("English does not put a comma between \"{}\" and its \"that\" clause; the comma is German punctuation (\", dass\").", doc.word(verb)),
                suggestion: Some(" that".to_string()),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{assert_no_flags, excerpts};
    use super::*;

    #[test]
    fn flags_commas_between_reporting_verbs_and_that() {
        assert_eq!(excerpts::<CommaBeforeThat>("The union warns, that strikes are possible."), [", that"]);
        assert_eq!(excerpts::<CommaBeforeThat>("Police said, that two men were arrested."), [", that"]);
    }

    #[test]
    fn inserted_phrases_and_relative_clauses_are_fine() {
        assert_no_flags::<CommaBeforeThat>("He said, in a statement, that he would resign. It was the plan, that much was clear.");
        assert_no_flags::<CommaBeforeThat>("The union warned that strikes were possible.");
    }
}
