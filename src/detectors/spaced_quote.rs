//! # spaced-quote
//!
//! ## What it does
//! Flags a quotation whose marks stand apart from the quoted words: "the plans of the
//! " post-90s "?", "joined in " Winning ".", "the film “ Chinese Doctors ”". English sets the
//! marks against the words: "the "post-90s"".
//!
//! ## Why it signals MT
//! MT systems work on tokenised text, in which every quotation mark is a word of its own, and
//! some put the text back together with a space on each side of every mark. A human writer
//! does not.
//!
//! ## Example
//! "After saving money, what are the plans of the " post-90s "?" flags "" post-90s "".
//!
//! ## Known false positives
//! Only quotations that open and close within their paragraph are judged; an unclosed one is
//! `unclosed-quote`'s. Marks at the start or end of a line (a quotation laid out as a block)
//! are not counted as spaced. Text that is tokenised throughout (every comma spaced too) is
//! flagged once per quotation.
//!
//! ## Options
//! - `enabled` (default true)
//! - `severity` (default "minor")

use super::{Declaration, Detector, Flags, Switch};
use crate::analysis::Doc;
use crate::flag::{Category, Severity};

pub struct SpacedQuote;

impl Detector for SpacedQuote {
    const DECLARATION: Declaration =
        Declaration { id: "spaced-quote", category: Category::Punctuation, severity: Severity::Minor, version: 1 };
    type Settings = Switch;

    fn configure(_settings: &Switch) -> Self {
        SpacedQuote
    }

    fn detect(&self, doc: &Doc, flags: &mut Flags) {
        for region in &doc.quotes.regions {
            let Some(close) = &region.close else { continue };
            if !region.style.is_double() {
                continue;
            }
            // A space (not a line break) between a mark and the quoted words.
            let opens_apart = doc.text[region.open.end..].starts_with(' ');
            let closes_apart = doc.text[..close.start].ends_with(' ');
            let empty = doc.text[region.open.end..close.start].trim().is_empty();
            if !(opens_apart || closes_apart) || empty {
                continue;
            }
            let quoted = doc.text[region.open.end..close.start].trim();
            let written = &doc.text[region.open.start..close.end];
            let (open_char, close_char) = (region.open_char, doc.text[close.clone()].chars().next().unwrap_or('"'));
            flags
                .flag(
                    region.open.start..close.end,
                    0.6,
                    format!(
                        "The quotation marks of {written} stand apart from the quoted words, as in tokenised MT \
                         output; English sets them against the words: {open_char}{quoted}{close_char}."
                    ),
                )
                .suggest(format!("{open_char}{quoted}{close_char}"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{assert_no_flags, excerpts};
    use super::*;

    #[test]
    fn flags_quotation_marks_set_apart_from_their_words() {
        assert_eq!(
            excerpts::<SpacedQuote>("After saving money, what are the plans of the \" post-90s \"?"),
            ["\" post-90s \""]
        );
        assert_eq!(excerpts::<SpacedQuote>("The film “ Chinese Doctors” opened."), ["“ Chinese Doctors”"]);
        assert_eq!(
            excerpts::<SpacedQuote>("It helps crack the \"greenhouse effect \"-news"),
            ["\"greenhouse effect \""]
        );
    }

    #[test]
    fn quotations_set_against_their_words_are_fine() {
        assert_no_flags::<SpacedQuote>("He called it \"a disaster\" and “a shame”. „Gut“, she said.");
        assert_no_flags::<SpacedQuote>("“We will win.\n” The coach left.");
        assert_no_flags::<SpacedQuote>("The sign read \" \" and nothing else.");
    }
}
