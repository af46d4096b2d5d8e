//! # perfect-with-past-time
//!
//! ## What it does
//! Flags the present perfect with a finished point in time: "The company has announced on
//! Thursday a drop in earnings", "The mayor has resigned yesterday", "Police have arrested two
//! men last week", "The bridge has been closed two days ago". English uses the simple past with
//! such a time ("announced on Thursday", "resigned yesterday").
//!
//! The times read are "yesterday", "last" with a week, month, year, night, weekend, weekday or
//! month, "on" with a weekday, "in" with a year, and a length of time with "ago", within five
//! words of the participle; and all but the last also opening the sentence, up to five words
//! before "has" ("Last year, the company has sold …", "In 2019, the company has taken over …").
//!
//! ## Why it signals MT
//! German tells finished events in the perfect ("Das Unternehmen hat am Donnerstag einen
//! Rückgang gemeldet"), with the time in the same clause. MT keeps the tense, which English
//! does not combine with a finished time.
//!
//! ## Example
//! "The machine builder has announced on Thursday a significant drop in earnings." flags "has
//! announced on Thursday".
//!
//! ## Known false positives
//! A time that belongs to another clause is left alone: the words between the participle and
//! the time may not open a clause ("that", "which", "who", "when", "to", a modal) or hold
//! punctuation; "last year" after "the", "than", "with" and other words of comparison is a
//! period, not a date ("up 5% compared with last year"), and so is a year after "than", "as" or
//! "with", or after "from" anywhere before it ("has grown from 3,000 in 2019 to 5,000"). "Since" and "for" give a length of time that the perfect takes ("has been closed
//! since Monday") and are not read, nor are plural weekdays ("has been closed on Mondays") or
//! "had", "will have" and other modals before "have". British reporting with "this morning" is
//! not read.
//!
//! ## Options
//! - `enabled` (default true)
//! - `severity` (default "minor")

use super::{Declaration, Detector, Flags, Switch};
use crate::analysis::{Doc, Token};
use crate::flag::{Category, Severity};
use crate::lexicon::{is_auxiliary, opens_clause, word_key, MONTHS, WEEKDAYS};
use std::sync::LazyLock;

pub struct PerfectWithPastTime;

/// The word keys of "has" and "have", compared before the text.
static HAVE_KEYS: LazyLock<[u32; 2]> = LazyLock::new(|| [word_key("has"), word_key("have")]);

/// Words after "last" that make a finished time ("last week", "last Tuesday" is read by weekday).
const LAST_WHAT: [&str; 6] = ["week", "month", "year", "night", "weekend", "season"];

/// Words before "last" that make "last year" a period or a comparison, not the event's time.
const NOT_A_DATE_BEFORE_LAST: [&str; 11] =
    ["the", "with", "than", "to", "from", "over", "of", "against", "versus", "vs", "since"];

/// Words before "in" that make a year a comparison or a manner, not the event's time.
const NOT_A_DATE_BEFORE_YEAR: [&str; 4] = ["than", "as", "with", "like"];

/// Whether `token` is a year of the twentieth or twenty-first century ("2019").
fn is_year(doc: &Doc, token: &Token) -> bool {
    let word = doc.word(token);
    token.is_number() && word.len() == 4 && (word.starts_with("19") || word.starts_with("20"))
}

/// Units of time before "ago".
const AGO_UNITS: [&str; 12] =
    ["day", "days", "week", "weeks", "month", "months", "year", "years", "hour", "hours", "minutes", "decades"];

impl Detector for PerfectWithPastTime {
    const DECLARATION: Declaration = Declaration {
        id: "perfect-with-past-time",
        category: Category::Grammar,
        severity: Severity::Minor,
        version: 3,
    };
    type Settings = Switch;

    fn configure(_settings: &Switch) -> Self {
        PerfectWithPastTime
    }

    fn detect(&self, doc: &Doc, flags: &mut Flags) {
        for index in 0..doc.sentences.len() {
            let tokens = doc.sentence_tokens(index);
            for (at, have) in tokens.iter().enumerate() {
                if !HAVE_KEYS.contains(&have.key) || !(doc.is(have, "has") || doc.is(have, "have")) {
                    continue;
                }
                // "will have", "could have", "to have": not a present perfect.
                if at > 0 && (is_auxiliary(doc.lower(&tokens[at - 1])) || doc.is(&tokens[at - 1], "to")) {
                    continue;
                }
                let Some(participle_at) = participle_after(doc, tokens, at) else { continue };
                // The time after the participle, or opening the sentence a few words before
                // "has" ("Last year, the company has sold …").
                let span = if let Some(time_end) = past_time_after(doc, tokens, participle_at) {
                    have.span.start..tokens[time_end].span.end
                } else if let Some(time_end) = past_time_opening(doc, tokens).filter(|&end| at > end && at <= end + 5) {
                    let between = &tokens[time_end + 1..at];
                    let one_clause =
                        between.iter().all(|t| !opens_another_part(doc.lower(t)) && !is_auxiliary(doc.lower(t)))
                            && tokens[time_end + 1..=at]
                                .windows(2)
                                .all(|w| !doc.gap(&w[0], &w[1]).contains([';', ':', '.']));
                    if !one_clause {
                        continue;
                    }
                    tokens[0].span.start..tokens[participle_at].span.end
                } else {
                    continue;
                };
                let written = doc.slice(&span);
                flags.flag(
                    span.clone(),
                    0.65,
                    format!(
                        "\"{written}\" puts the present perfect with a finished time; English uses the simple past \
                         here (\"{} …\"). German tells past events in the perfect (\"hat … gemeldet\").",
                        doc.word(&tokens[participle_at])
                    ),
                );
            }
        }
    }
}

/// The past participle of the perfect that "has" or "have" at `at` opens: right after it, after
/// one adverb ("has now announced"), or after "been" ("has been closed").
fn participle_after(doc: &Doc, tokens: &[Token], at: usize) -> Option<usize> {
    let mut i = at + 1;
    let spaced = |i: usize| i < tokens.len() && doc.gap(&tokens[i - 1], &tokens[i]) == " ";
    if spaced(i)
        && (doc.lower(&tokens[i]).ends_with("ly") || ["now", "also", "already"].contains(&doc.lower(&tokens[i])))
    {
        i += 1;
    }
    if spaced(i) && doc.is(&tokens[i], "been") {
        i += 1;
    }
    let participle = spaced(i) && tokens[i].lex.verb().is_some_and(|f| f.participle) && !doc.is(&tokens[i], "been");
    participle.then_some(i)
}

/// The last token of a finished time that opens the sentence: "Yesterday", "Last year", "Last
/// Monday", "On Thursday".
fn past_time_opening(doc: &Doc, tokens: &[Token]) -> Option<usize> {
    let first = tokens.first()?;
    let second = tokens.get(1).filter(|n| doc.gap(first, n) == " ");
    match doc.lower(first) {
        "yesterday" => Some(0),
        "last" => {
            let what = doc.lower(second?);
            (LAST_WHAT.contains(&what) || WEEKDAYS.contains(what) || MONTHS.contains(what)).then_some(1)
        }
        "on" => second.filter(|n| n.capitalized && WEEKDAYS.contains(doc.lower(n))).map(|_| 1),
        "in" => second.filter(|n| is_year(doc, n)).map(|_| 1),
        _ => None,
    }
}

/// The last token of a finished time within five words after the participle at `from`, in the
/// same clause.
fn past_time_after(doc: &Doc, tokens: &[Token], from: usize) -> Option<usize> {
    let end = tokens.len().min(from + 7);
    for i in from + 1..end {
        if !doc.gap(&tokens[i - 1], &tokens[i]).trim().is_empty() {
            return None; // Punctuation: another clause.
        }
        let word = doc.lower(&tokens[i]);
        if opens_another_part(word) || is_auxiliary(word) {
            return None;
        }
        let next = tokens.get(i + 1).filter(|n| doc.gap(&tokens[i], n) == " ");
        match word {
            "yesterday" => return Some(i),
            // "the last year" is the past twelve months, which the perfect takes; "compared
            // with last year", "than last year" compare with it rather than date the event.
            "last" if !NOT_A_DATE_BEFORE_LAST.contains(&doc.lower(&tokens[i - 1])) => {
                let n = next?;
                let what = doc.lower(n);
                if LAST_WHAT.contains(&what) || WEEKDAYS.contains(what) || MONTHS.contains(what) {
                    return Some(i + 1);
                }
            }
            "on" if next.is_some_and(|n| n.capitalized && WEEKDAYS.contains(doc.lower(n))) => return Some(i + 1),
            // "has taken over a rival in 2019"; "has grown from 3,000 in 2019" starts a change
            // and "higher than in 2019" compares.
            "in" if next.is_some_and(|n| is_year(doc, n))
                && !NOT_A_DATE_BEFORE_YEAR.contains(&doc.lower(&tokens[i - 1]))
                && !tokens[from + 1..i].iter().any(|t| doc.is(t, "from")) =>
            {
                return Some(i + 1)
            }
            "ago" if i >= from + 3 && AGO_UNITS.contains(&doc.lower(&tokens[i - 1])) => return Some(i),
            _ => {}
        }
    }
    None
}

/// Whether `word` opens another clause, an infinitive or a "for" phrase, where a later time
/// belongs to that part and not to the perfect.
fn opens_another_part(word: &str) -> bool {
    opens_clause(word) || ["to", "for"].contains(&word)
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{assert_no_flags, excerpts};
    use super::*;

    #[test]
    fn flags_the_perfect_with_a_finished_time() {
        assert_eq!(
            excerpts::<PerfectWithPastTime>("The machine builder has announced on Thursday a drop in earnings."),
            ["has announced on Thursday"]
        );
        assert_eq!(excerpts::<PerfectWithPastTime>("The mayor has resigned yesterday."), ["has resigned yesterday"]);
        // A finished time opening the sentence.
        assert_eq!(
            excerpts::<PerfectWithPastTime>("Last year, Hessler has sold 1.2 million vehicles."),
            ["Last year, Hessler has sold"]
        );
        assert_eq!(
            excerpts::<PerfectWithPastTime>("On Monday the council has approved it."),
            ["On Monday the council has approved"]
        );
        assert_eq!(
            excerpts::<PerfectWithPastTime>("In 2019, the company has taken over a rival."),
            ["In 2019, the company has taken"]
        );
        assert_eq!(
            excerpts::<PerfectWithPastTime>("The firm has opened a plant in 2021."),
            ["has opened a plant in 2021"]
        );
        assert_no_flags::<PerfectWithPastTime>("Last year, sales fell. Since then the company has grown.");
        assert_no_flags::<PerfectWithPastTime>("Last year, when prices rose, many people who have saved lost money.");
        assert_eq!(
            excerpts::<PerfectWithPastTime>("Police have arrested two men last week."),
            ["have arrested two men last week"]
        );
        assert_eq!(
            excerpts::<PerfectWithPastTime>("The bridge has been closed two days ago."),
            ["has been closed two days ago"]
        );
    }

    #[test]
    fn the_perfect_with_an_open_time_and_other_clauses_is_fine() {
        assert_no_flags::<PerfectWithPastTime>("The bridge has been closed since Monday. It has rained for two days.");
        assert_no_flags::<PerfectWithPastTime>("The museum has been closed on Mondays. He will have left by Friday.");
        assert_no_flags::<PerfectWithPastTime>("She has said that the vote on Monday was close.");
        assert_no_flags::<PerfectWithPastTime>("The council has decided to meet on Tuesday. It had ended yesterday.");
        assert_no_flags::<PerfectWithPastTime>("He has announced, on Thursday, a plan. They have won the last year.");
        assert_no_flags::<PerfectWithPastTime>("Sales have increased by 2,000 compared with last year.");
        assert_no_flags::<PerfectWithPastTime>(
            "Prices have grown from 3,000 in 2019. They have been higher than in 2019.",
        );
        assert_no_flags::<PerfectWithPastTime>("In 2019 there were riots. Since 2019, he has lived in 20 towns.");
    }
}
