//! # decimal-comma
//!
//! ## What it does
//! Flags numbers written with a German decimal comma: "3,7 percent", "4,2 billion euros",
//! "1.234,5". A comma followed by exactly three digits is the English thousands separator
//! ("1,500 people") and is not flagged.
//!
//! ## Why it signals MT
//! German writes decimals with a comma. MT often copies numbers unchanged, so "3,7 Prozent"
//! becomes "3,7 percent", which an English reader takes for a list or misreads as 37.
//!
//! ## Example
//! "Unemployment rose to 5,8 percent." flags "5,8" and suggests "5.8".
//!
//! ## Known false positives
//! Numbers written between brackets or directly next to other comma-separated numbers
//! ("[1,1]", "(2,3)", "{0,5, 1,5}") are indexes, coordinates or lists and are skipped. Lists
//! written without spaces or brackets ("1,2 and 3") look the same and are flagged. Numbers in quoted
//! German text are flagged too, which is usually right in an English article.
//!
//! ## Options
//! - `enabled` (default true)
//! - `severity` (default "major": a decimal comma can change the value a reader takes away)

use super::{Declaration, Detector, Flags, Switch};
use crate::analysis::Doc;
use crate::flag::{Category, Severity};

pub struct DecimalComma;

/// The English form of a German-formatted number, if it has a decimal comma.
pub(crate) fn english_decimal(number: &str) -> Option<String> {
    let (integer, fraction) = number.rsplit_once(',')?;
    if fraction.len() == 3 || fraction.is_empty() || !fraction.chars().all(|c| c.is_ascii_digit()) {
        return None; // "1,500": the English thousands separator.
    }
    let groups: Vec<&str> = integer.split('.').collect();
    let german_thousands = groups.len() > 1 && groups[1..].iter().all(|g| g.len() == 3);
    if !(groups.len() == 1 || german_thousands)
        || integer.contains(',')
        || !groups.iter().all(|g| !g.is_empty() && g.chars().all(|c| c.is_ascii_digit()))
    {
        return None;
    }
    let whole: String = groups.join(",");
    Some(format!("{whole}.{fraction}"))
}

impl Detector for DecimalComma {
    const DECLARATION: Declaration =
        Declaration { id: "decimal-comma", category: Category::NumberFormat, severity: Severity::Major, version: 2 };
    type Settings = Switch;

    fn configure(_settings: &Switch) -> Self {
        DecimalComma
    }

    fn detect(&self, doc: &Doc, flags: &mut Flags) {
        for token in doc.tokens.iter().filter(|t| t.is_number()) {
            let number = doc.word(token);
            let Some(english) = english_decimal(number) else { continue };
            if in_bracketed_list(doc.text, token) {
                continue;
            }
            flags
                .flag(
                    token.span.clone(),
                    0.85,
                    format!("\"{number}\" uses a German decimal comma; English writes \"{english}\"."),
                )
                .suggest(english);
        }
    }
}

/// Whether the number is an index, a coordinate or a list item written between brackets or
/// next to other comma-separated numbers ("[1,1]", "(2,3)", "{0,5, 1,5}"), where the comma
/// separates items rather than decimals.
fn in_bracketed_list(text: &str, token: &crate::analysis::Token) -> bool {
    let before = text[..token.span.start].chars().next_back();
    let after = text[token.span.end..].chars().next();
    matches!(before, Some('[' | '(' | '{' | ',')) && matches!(after, Some(']' | ')' | '}' | ','))
        || matches!(before, Some('[' | '{'))
        || matches!(after, Some(']' | '}'))
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{assert_no_flags, flags_of};
    use super::*;

    #[test]
    fn flags_decimal_commas_and_suggests_points() {
        let flags = flags_of::<DecimalComma>("Growth slowed to 0,8 percent while debt reached 1.234,5 billion euros.");
        let found: Vec<_> = flags.iter().map(|(e, f)| (e.as_str(), f.suggestion.clone().unwrap())).collect();
        assert_eq!(found, [("0,8", "0.8".to_string()), ("1.234,5", "1,234.5".to_string())]);
    }

    #[test]
    fn bracketed_pairs_and_lists_are_not_decimals() {
        assert_no_flags::<DecimalComma>("The matrix entry [1,1] is zero, and the point (2,3) lies on the line.");
        assert_no_flags::<DecimalComma>("The sequence {0,5, 1,5} repeats.");
        // A decimal comma in parentheses after words is still flagged.
        assert_eq!(flags_of::<DecimalComma>("Inflation (now 2,5 percent) fell.").len(), 1);
    }

    #[test]
    fn english_thousands_separators_are_fine() {
        assert_no_flags::<DecimalComma>("About 1,500 people and 12,000,000 euros. Prices rose by 3.7 percent.");
    }
}
