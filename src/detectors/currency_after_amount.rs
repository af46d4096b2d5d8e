//! # currency-after-amount
//!
//! ## What it does
//! Flags a currency symbol written after its amount: "a bonus of up to 60,000 €", "12,50 €",
//! "3 Mio. €". English writes the symbol first: "€60,000". Also flags the German noun "Euro",
//! capitalised, or the code "EUR" after an amount: "a ticket costs 30 Euro", "50 Euros", "12
//! EUR"; English writes "30 euros" or "€30".
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
//! pound and dollar symbols are read; "60,000 euros" and "EUR 60,000" are English. "Euro" after
//! a year or before another capitalised word is a name ("the 2024 Euro final", "5 Euro
//! Stoxx"), and lower-case "30 euro", which Irish English writes, is left alone.
//!
//! ## Options
//! - `enabled` (default true)
//! - `severity` (default "minor")

use super::{Declaration, Detector, Flags, Switch};
use crate::analysis::{Doc, Token};
use crate::flag::{Category, Severity};

pub struct CurrencyAfterAmount;

const SYMBOLS: [char; 3] = ['€', '£', '$'];

impl Detector for CurrencyAfterAmount {
    const DECLARATION: Declaration = Declaration {
        id: "currency-after-amount",
        category: Category::NumberFormat,
        severity: Severity::Minor,
        version: 2,
    };
    type Settings = Switch;

    fn configure(_settings: &Switch) -> Self {
        CurrencyAfterAmount
    }

    fn detect(&self, doc: &Doc, flags: &mut Flags) {
        for (at, token) in doc.tokens.iter().enumerate() {
            if !token.is_number() {
                continue;
            }
            if let Some(euro) = german_euro_after(doc, at) {
                let amount = doc.word(token);
                let written = &doc.text[token.span.start..euro.span.end];
                flags
                    .flag(
                        token.span.start..euro.span.end,
                        0.7,
                        format!(
                            "\"{written}\" writes the currency as German does, capitalised or abbreviated after \
                             the amount; English writes \"{amount} euros\" or \"€{amount}\"."
                        ),
                    )
                    .suggest(format!("{amount} euros"));
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

/// "Euro", "Euros" or "EUR" right after the amount at `at`, when it is the currency and not
/// part of a name: "30 Euro.", "30 EUR" but not "the 2024 Euro final" or "Euro Stoxx".
fn german_euro_after<'d>(doc: &'d Doc, at: usize) -> Option<&'d Token> {
    let (amount, euro) = (&doc.tokens[at], doc.tokens.get(at + 1)?);
    if !["Euro", "Euros", "EUR"].contains(&doc.word(euro)) || doc.gap(amount, euro) != " " {
        return None;
    }
    let digits = doc.word(amount);
    let year = digits.len() == 4 && digits.bytes().all(|b| b.is_ascii_digit());
    let name_follows = doc.tokens.get(at + 2).is_some_and(|next| next.capitalized && doc.gap(euro, next) == " ");
    (!year && !name_follows).then_some(euro)
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
    fn flags_the_german_euro_after_an_amount() {
        let flags = flags_of::<CurrencyAfterAmount>("A single test is to cost around 45 Euro, the firm said.");
        assert_eq!(flags.len(), 1);
        assert_eq!(flags[0].0, "45 Euro");
        assert_eq!(flags[0].1.suggestion.as_deref(), Some("45 euros"));
        assert_eq!(excerpts::<CurrencyAfterAmount>("Fines rise to 1.500 Euro."), ["1.500 Euro"]);
        assert_eq!(excerpts::<CurrencyAfterAmount>("Entry costs 8 EUR, or 12 Euros."), ["8 EUR", "12 Euros"]);
        assert_no_flags::<CurrencyAfterAmount>("He scored at the 2016 Euro in France. It costs 30 euro in Cork.");
        assert_no_flags::<CurrencyAfterAmount>("The index fell 2 Euro Stoxx points, to 30 euros.");
    }

    #[test]
    fn english_amounts_are_fine() {
        assert_no_flags::<CurrencyAfterAmount>("It costs €60,000, or £50 and $20, and 60,000 euros in all.");
        assert_no_flags::<CurrencyAfterAmount>("Prices ranged from $5 to $10, and a €20 note changed hands.");
    }
}
