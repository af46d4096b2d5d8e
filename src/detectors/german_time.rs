//! # german-time
//!
//! ## What it does
//! Flags clock times written the German way: "20.15 o'clock", "at 8 Uhr", "20 o'clock".
//!
//! ## Why it signals MT
//! German says "um 20.15 Uhr" and "um 8 Uhr". MT renders "Uhr" as "o'clock" and keeps the
//! minutes, but English uses "o'clock" only for full hours of the 12-hour clock.
//!
//! ## Example
//! "The match starts at 20.30 o'clock." flags "20.30 o'clock" and suggests "8.30pm".
//!
//! ## Known false positives
//! "at 20.15" without "o'clock" is left alone: the 24-hour clock with a dot is British usage.
//!
//! ## Options
//! - `enabled` (default true)
//! - `severity` (default "minor")

use super::{Declaration, Detector, Flags, Switch};
use crate::analysis::Doc;
use crate::flag::{Category, Severity};

pub struct GermanTime;

/// Hours and minutes of "20.15", "20:15" or "8".
fn clock(text: &str) -> Option<(u32, Option<u32>)> {
    let (hours, minutes) = match text.split_once(['.', ':']) {
        Some((h, m)) if m.len() == 2 => (h, Some(m.parse().ok().filter(|m| *m < 60)?)),
        Some(_) => return None,
        None => (text, None),
    };
    let hours: u32 = hours.parse().ok().filter(|h| *h <= 24)?;
    Some((hours, minutes))
}

fn english(hours: u32, minutes: Option<u32>) -> String {
    let (twelve, suffix) = match hours % 24 {
        0 => (12, "am"),
        h @ 1..=11 => (h, "am"),
        12 => (12, "pm"),
        h => (h - 12, "pm"),
    };
    match minutes {
        Some(m) if m > 0 => format!("{twelve}.{m:02}{suffix}"),
        _ => format!("{twelve}{suffix}"),
    }
}

impl Detector for GermanTime {
    const DECLARATION: Declaration =
        Declaration { id: "german-time", category: Category::TimeFormat, severity: Severity::Minor, version: 1 };
    type Settings = Switch;

    fn configure(_settings: &Switch) -> Self {
        GermanTime
    }

    fn detect(&self, doc: &Doc, flags: &mut Flags) {
        for (index, token) in doc.tokens.iter().enumerate() {
            if !token.is_number() {
                continue;
            }
            let Some((hours, minutes)) = clock(doc.word(token)) else { continue };
            let Some(next) = doc.tokens.get(index + 1) else { continue };
            let gap = doc.gap(token, next);
            if gap != " " {
                continue;
            }
            let unit = doc.word(next);
            let oclock = unit.to_lowercase().replace('’', "'") == "o'clock";
            let end = next.span.end;
            let german_unit = unit == "Uhr";
            let wrong_oclock = oclock && (minutes.is_some() || hours > 12);
            if !(german_unit || wrong_oclock) {
                continue;
            }
            let suggestion = english(hours, minutes);
            let written = &doc.text[token.span.start..end];
            flags.flag(token.span.start..end, if german_unit { 0.9 } else { 0.8 }, format!("\"{written}\" is a German clock time (\"Uhr\"); English uses \"o'clock\" only for full hours of the 12-hour clock. Write \"{suggestion}\".")).suggest(suggestion);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{assert_no_flags, flags_of};
    use super::*;

    #[test]
    fn flags_german_clock_times() {
        let flags = flags_of::<GermanTime>(
            "Kick-off is at 20.30 o'clock. Doors open at 18 o’clock, and the bar closes at 2 Uhr.",
        );
        let found: Vec<_> = flags.iter().map(|(e, f)| (e.as_str(), f.suggestion.clone().unwrap())).collect();
        assert_eq!(found, [("20.30 o'clock", "8.30pm".into()), ("18 o’clock", "6pm".into()), ("2 Uhr", "2am".into())]);
    }

    #[test]
    fn english_times_are_fine() {
        assert_no_flags::<GermanTime>("The train leaves at 8 o'clock. The meeting ends at 20.15, and the vote at 9pm.");
    }
}
