//! # currency-after-amount
//!
//! ## What it does
//! Flags a currency symbol written after its amount: "a bonus of up to 60,000 €", "12,50 €",
//! "3 Mio. €". English writes the symbol first: "€60,000".
//!
//! ## Why it signals MT
//! German puts the symbol after the number ("60.000 €"); MT and German writers keep that
//! order, often with the German separators as well.
//!
//! ## Example
//! "The district offers a bonus of up to 60,000 € to young doctors." flags "60,000 €" and
//! suggests "€60,000".
//!
//! ## Known false positives
//! Tables and price lists laid out the German way are flagged line by line. Only the euro,
//! pound and dollar symbols are read; "60,000 euros" and "EUR 60,000" are English.
//!
//! ## Options
//! - `enabled` (default true)
//! - `severity` (default "minor")

use super::{Declaration, Detector, Flags, Switch};
use crate::analysis::Doc;
use crate::flag::{Category, Severity};

pub struct CurrencyAfterAmount;

const SYMBOLS: [char; 3] = ['€', '£', '$'];

impl Detector for CurrencyAfterAmount {
    const DECLARATION: Declaration = Declaration {
        id: "currency-after-amount",
        category: Category::NumberFormat,
        severity: Severity::Minor,
        version: 1,
    };
    type Settings = Switch;

    fn configure(_settings: &Switch) -> Self {
        CurrencyAfterAmount
    }

    fn detect(&self, doc: &Doc, flags: &mut Flags) {
        for token in &doc.tokens {
            if !token.is_number() {
                continue;
            }
            // The symbol follows within a space: look at a few bytes, not the rest of the text.
            let after = &doc.text[token.span.end..];
            if !after.as_bytes().iter().take(6).any(|b| matches!(b, b'$' | 0xC2 | 0xE2)) {
                continue;
            }
            let spaces = after.len() - after.trim_start_matches([' ', '\u{a0}', '\u{202f}']).len();
            let Some(symbol) = after[spaces..].chars().next().filter(|c| SYMBOLS.contains(c)) else { continue };
            // A symbol before the number too ("€ 5 €") is a typo, not German order.
            let before = doc.text[..token.span.start].trim_end_matches([' ', '\u{a0}']);
            if before.ends_with(SYMBOLS) {
                continue;
            }
            // The symbol must end the amount: "10 €-Schein" or "5 $bn" are left alone.
            let end = token.span.end + spaces + symbol.len_utf8();
            if doc.text[end..].chars().next().is_some_and(char::is_alphanumeric) {
                continue;
            }
            let amount = doc.word(token);
            let written = &doc.text[token.span.start..end];
            flags
                .flag(
                    token.span.start..end,
                    0.75,
                    format!(
                        "\"{written}\" puts the currency symbol after the amount, as German does; English writes it \
                         first: \"{symbol}{amount}\"."
                    ),
                )
                .suggest(format!("{symbol}{amount}"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{assert_no_flags, excerpts, flags_of};
    use super::*;

    #[test]
    fn flags_a_symbol_after_its_amount() {
        let flags = flags_of::<CurrencyAfterAmount>("The district offers a bonus of up to 60,000 € to young doctors.");
        assert_eq!(flags.len(), 1);
        assert_eq!(flags[0].0, "60,000 €");
        assert_eq!(flags[0].1.suggestion.as_deref(), Some("€60,000"));
        assert_eq!(excerpts::<CurrencyAfterAmount>("Tickets cost 12,50€."), ["12,50€"]);
    }

    #[test]
    fn english_amounts_are_fine() {
        assert_no_flags::<CurrencyAfterAmount>("It costs €60,000, or £50 and $20, and 60,000 euros in all.");
        assert_no_flags::<CurrencyAfterAmount>("Prices ranged from $5 to $10, and a €20 note changed hands.");
    }
}
