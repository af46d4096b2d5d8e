//! # german-score
//!
//! ## What it does
//! Flags a match result written the German way, with a colon: "Bayern won with 4:2", "a 2:1
//! victory", "the draw (1:1)". It needs a word of sport in the sentence (won, beat, match,
//! goal, league…), and a pair that could be a clock time ("at 10:30") needs a result word
//! right beside it ("won 10:30", "a 10:30 win"). The result must follow "with" (German "mit
//! 4:2") or stand in a text that shows German origin (German letters or quotation marks, an age
//! in brackets after a name, "1,2 billion").
//!
//! ## Why it signals MT
//! German writes results with a colon ("Bayern gewann mit 4:2", "ein 2:1-Sieg"). English writes
//! them with a hyphen or dash ("Bayern won 4-2", "a 2-1 victory"). MT keeps the colon, and the
//! result then reads like a time or a ratio.
//!
//! ## Example
//! "Bayern won the top match against Dortmund with 4:2." flags "4:2" and suggests "4-2".
//!
//! ## Known false positives
//! Chinese and other sources write results with a colon too, and annotators of such MT did not
//! mark them (WMT21 Chinese→English MQM: none of 10), so without "with" or German origin a
//! colon result is left alone. Ratios and odds in sports writing ("a 3:1 favourite", "a 2:1 majority") take a colon in
//! English too; they are flagged when a word of sport stands in the sentence. Biblical
//! references and map scales have no sport around them and are left alone.
//!
//! ## Options
//! - `enabled` (default true)
//! - `severity` (default "minor")

use super::{Declaration, Detector, Flags, Switch};
use crate::analysis::foreign::shows_german_origin;
use crate::analysis::Doc;
use crate::flag::{Category, Severity};
use crate::lexicon::WordList;
use std::sync::LazyLock;

pub struct GermanScore;

/// Words that say a number pair is a result: next to it, they make even a time-like pair one.
static RESULT_WORDS: LazyLock<WordList> = LazyLock::new(|| {
    WordList::of([
        "won",
        "win",
        "wins",
        "winning",
        "lost",
        "lose",
        "loses",
        "losing",
        "beat",
        "beats",
        "defeated",
        "defeat",
        "victory",
        "draw",
        "drew",
        "drawn",
        "score",
        "scoreline",
        "result",
        "lead",
        "led",
        "trailed",
        "trailing",
    ])
});

/// Words that put a sentence in sport.
static SPORT_WORDS: LazyLock<WordList> = LazyLock::new(|| {
    WordList::of([
        "match",
        "game",
        "goal",
        "goals",
        "scored",
        "league",
        "cup",
        "final",
        "semi-final",
        "half-time",
        "halftime",
        "season",
        "team",
        "coach",
        "striker",
        "goalkeeper",
        "penalty",
        "penalties",
        "stadium",
        "club",
        "fans",
        "bundesliga",
        "championship",
        "tournament",
        "set",
        "sets",
        "points",
        "home",
        "away",
        "opponent",
        "derby",
        "playoff",
        "quarter-final",
        "extra",
        "overtime",
        "minute",
    ])
});

/// A result "a:b" with one to three digits each side, as numbers.
fn result_pair(word: &str) -> Option<(u32, u32)> {
    let (home, away) = word.split_once(':')?;
    let goals = |part: &str| -> Option<u32> {
        let digits = (1..=3).contains(&part.len()) && part.bytes().all(|b| b.is_ascii_digit());
        if digits {
            part.parse().ok()
        } else {
            None
        }
    };
    Some((goals(home)?, goals(away)?))
}

/// Whether "h:a" could be a clock time: an hour and two-digit minutes.
fn could_be_time(word: &str, hours: u32, minutes: u32) -> bool {
    hours <= 24 && minutes <= 59 && word.split_once(':').is_some_and(|(_, m)| m.len() == 2)
}

impl Detector for GermanScore {
    const DECLARATION: Declaration =
        Declaration { id: "german-score", category: Category::NumberFormat, severity: Severity::Minor, version: 1 };
    type Settings = Switch;

    fn configure(_settings: &Switch) -> Self {
        GermanScore
    }

    fn detect(&self, doc: &Doc, flags: &mut Flags) {
        let mut german_origin = None;
        for sentence in 0..doc.sentences.len() {
            let tokens = doc.sentence_tokens(sentence);
            let mut sport = None;
            let mut covered = 0;
            for (at, token) in tokens.iter().enumerate() {
                if !token.is_number() || token.span.start < covered {
                    continue;
                }
                // The tokenizer may keep "4:2" whole or split it at the colon.
                let end = match tokens.get(at + 1) {
                    Some(next) if next.is_number() && doc.gap(token, next) == ":" => next.span.end,
                    _ => token.span.end,
                };
                let word = &doc.text[token.span.start..end];
                let Some((home, away)) = result_pair(word) else { continue };
                let last = if end == token.span.end { at } else { at + 1 };
                covered = end;
                let beside = |offset: isize| {
                    at.checked_add_signed(offset)
                        .and_then(|i| tokens.get(i))
                        .is_some_and(|t| RESULT_WORDS.contains(doc.lower(t)))
                };
                let result_beside = beside(-1) || beside(-2) || beside((last - at) as isize + 1);
                let in_sport = *sport.get_or_insert_with(|| {
                    tokens.iter().any(|t| SPORT_WORDS.contains(doc.lower(t)) || RESULT_WORDS.contains(doc.lower(t)))
                });
                let flagged = if could_be_time(word, home, away) { result_beside } else { in_sport };
                // "won with 4:2" renders German "mit 4:2"; other colon results count only in text
                // that shows German origin, since Chinese and other sources write them too and
                // annotators of such MT leave them alone.
                let after_with = at > 0 && doc.is(&tokens[at - 1], "with");
                let german = after_with || *german_origin.get_or_insert_with(|| shows_german_origin(doc.text));
                if !flagged || !german {
                    continue;
                }
                let english = word.replace(':', "-");
                flags
                    .flag(token.span.start..end, 0.75, format!("\"{word}\" is a result written the German way, with a colon; English writes \"{english}\", which a reader cannot take for a time or a ratio."))
                    .suggest(english);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{assert_no_flags, excerpts};
    use super::*;

    #[test]
    fn flags_results_with_a_colon() {
        assert_eq!(excerpts::<GermanScore>("Bayern won the top match against Dortmund with 4:2."), ["4:2"]);
        assert_eq!(
            excerpts::<GermanScore>(
                "After the 2:1 victory in Köln the coach praised the team, which led 1:0 at half-time."
            ),
            ["2:1", "1:0"]
        );
        assert_eq!(excerpts::<GermanScore>("Coach Anna Berg (41) saw her team lose 98:102 at home."), ["98:102"]);
        assert_eq!(excerpts::<GermanScore>("In Düsseldorf, Berlin won 10:12 in the final set."), ["10:12"]);
    }

    #[test]
    fn without_with_a_result_needs_text_of_german_origin() {
        assert_no_flags::<GermanScore>("Inter Milan defeated Genoa 3:0 away from home, and the score was set at 3:0.");
    }

    #[test]
    fn times_ratios_and_verses_without_sport_are_fine() {
        assert_no_flags::<GermanScore>("The match starts at 20:30. Kick-off in the final is at 15:30.");
        assert_no_flags::<GermanScore>("The map has a scale of 1:25000. Read John 3:16 and mix the paint 2:1.");
        assert_no_flags::<GermanScore>("Bayern won 4-2 in the league match on Saturday.");
    }
}
