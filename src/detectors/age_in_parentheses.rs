//! # age-in-parentheses
//!
//! ## What it does
//! Flags a person's age in parentheses straight after their name: "Vladimir Putin (69)",
//! "Olaf Scholz (64)", "a Munich resident (17)".
//!
//! ## Why it signals MT
//! German tabloids and agencies give ages that way ("Kremlchef Putin (69)"). English news
//! writes "Putin, 69," or "the 69-year-old". MT keeps the German form.
//!
//! ## Example
//! "Kremlin boss Vladimir Putin (69) wants more." flags "Putin (69)" and suggests "Putin, 69,".
//!
//! ## Known false positives
//! Only a number from 1 to 119 directly after a capitalised name or a person noun is matched,
//! so list numbers ("Article 5 (2)") and years are not. A football score after a team name
//! ("Bayern (3)") looks the same.
//!
//! ## Options
//! - `enabled` (default true)
//! - `severity` (default "minor")

use super::{Declaration, Detector, Flags, Switch};
use crate::analysis::Doc;
use crate::flag::{Category, Severity};
use crate::lexicon::PERSON_NOUNS;

pub struct AgeInParentheses;

impl Detector for AgeInParentheses {
    const DECLARATION: Declaration =
        Declaration { id: "age-in-parentheses", category: Category::NameFormat, severity: Severity::Minor, version: 1 };
    type Settings = Switch;

    fn configure(_settings: &Switch) -> Self {
        AgeInParentheses
    }

    fn detect(&self, doc: &Doc, flags: &mut Flags) {
        for (index, token) in doc.tokens.iter().enumerate().skip(1) {
            if !token.is_number() {
                continue;
            }
            let age = doc.word(token);
            if !age.parse::<u32>().is_ok_and(|a| (1..120).contains(&a)) {
                continue;
            }
            let name = &doc.tokens[index - 1];
            let between = doc.gap(name, token);
            if between != " (" || !doc.text[token.span.end..].starts_with(')') {
                continue;
            }
            let name_text = doc.word(name);
            let person =
                (name.capitalized && name.has_letter) || PERSON_NOUNS.contains_key(name_text.to_lowercase().as_str());
            if !person {
                continue;
            }
            flags.flag(name.span.start..token.span.end + 1, if name.capitalized { 0.85 } else { 0.7 }, format!("\"{name_text} ({age})\" gives an age in parentheses, a German press convention; English news writes \"{name_text}, {age},\" or \"the {age}-year-old\".")).suggest(format!("{name_text}, {age},"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{assert_no_flags, excerpts};
    use super::*;

    #[test]
    fn flags_ages_in_parentheses_after_names() {
        assert_eq!(
            excerpts::<AgeInParentheses>("Chancellor Olaf Scholz (64) met a pensioner (81) from Kiel."),
            ["Scholz (64)", "pensioner (81)"]
        );
    }

    #[test]
    fn list_numbers_years_and_english_ages_are_fine() {
        assert_no_flags::<AgeInParentheses>("See Article 5 (2). The club (founded 1900) won. Scholz, 64, spoke.");
        assert_no_flags::<AgeInParentheses>("The treaty (1990) ended the division.");
    }
}
