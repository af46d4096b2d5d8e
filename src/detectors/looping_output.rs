//! # looping-output
//!
//! ## What it does
//! Flags text that MT produced more than once:
//! - a phrase of two or more words written twice in a row ("in the first half in the first half");
//! - a sentence repeated straight after itself;
//! - a hallucination loop: the same word sequence three or more times in a row, across sentence
//!   boundaries too ("We made mistakes. We made mistakes. We made mistakes.").
//!
//! A repeat is `accuracy/addition`. A loop that runs on (four or more repeats, or ten or more
//! repeated words) is `critical`; other repeats are `major`. Doubled single words are the
//! `repeated-words` detector's job.
//!
//! ## Why it signals MT
//! Neural MT degenerates into repeating itself when its decoding goes wrong, especially on long
//! or unusual input. Such output adds text the source never had.
//!
//! ## Example
//! "“We made too many mistakes. We made too many mistakes. We made too many mistakes.”" flags
//! the second and third sentences as a loop.
//!
//! ## Known false positives
//! Formulae repeated on purpose are skipped: thanks, greetings and cheers ("Thank you. Thank
//! you.", "Bravo, bravo, bravo"). Rhetorical repetition ("Never again, never again") has
//! punctuation between the repeats of a phrase and is not flagged unless it repeats three
//! times; neither are English constructions of two words ending in a function word ("bigger
//! and bigger", "face to face"). A punctuated phrase repeated up to four times inside a
//! quotation is a quoted slogan or chant ("the line “border protection, border protection,
//! border protection”") and is not flagged; song lyrics quoted in full can be. A heading,
//! title or keyword list may repeat a pair of its words once ("Pocket Magnifier Reading
//! Magnifier Reading Aid"); only a loop of three or more is flagged there. A sentence repeated
//! further away is `repeated-sentence`'s job.
//!
//! ## Options
//! - `enabled` (default true)
//! - `severity` (default "major")
//! - `runaway-severity`: the severity of a loop that runs on (default "critical")

use super::{Declaration, Detector, Flags};
use crate::analysis::Doc;
use crate::flag::{Category, Severity};
use crate::lexicon::{shipped, WordList};
use serde::{Deserialize, Serialize};
use std::sync::LazyLock;

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case", default)]
pub struct LoopingOutputSettings {
    pub enabled: bool,
    pub severity: Option<Severity>,
    /// The severity of a loop that runs on, repeating a unit many times.
    pub runaway_severity: Severity,
}

impl Default for LoopingOutputSettings {
    fn default() -> Self {
        LoopingOutputSettings { enabled: true, severity: None, runaway_severity: Severity::Critical }
    }
}

common_settings!(LoopingOutputSettings);

pub struct LoopingOutput {
    runaway_severity: Severity,
}

/// The longest repeated unit looked for, in words.
const MAX_UNIT: usize = 20;

/// For each of `count` pairs, whether the same pair may come again two to [`MAX_UNIT`] places
/// on: false means it certainly does not. Nearly no word's pair recurs, so ruling pairs out in
/// one pass spares checking the twenty pairs after every word one by one.
///
/// One backward pass: `nearest[slot]` holds the nearest later position whose pair falls in that
/// slot (256 slots, by mixed bits). A pair that recurs within reach keeps its slot's nearest
/// position within reach, so no recurrence is missed; a pair that shares its slot with another
/// one nearby (about one in thirteen) is only checked in vain. The table is small because it is
/// filled anew for every document.
/// The most repeats of a punctuated phrase inside a quotation that are taken for a quoted chant.
const MAX_CHANT_REPEATS: usize = 4;

fn pairs_that_may_recur(count: usize, pair_at: impl Fn(usize) -> u64) -> Vec<bool> {
    let slot = |pair: u64| (pair.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 56) as usize;
    let mut nearest = [u32::MAX; 256];
    let mut may_recur = vec![false; count];
    for i in (0..count).rev() {
        let slot = slot(pair_at(i));
        may_recur[i] = (nearest[slot] as usize) <= i + MAX_UNIT;
        nearest[slot] = u32::try_from(i).unwrap_or(u32::MAX);
    }
    may_recur
}

/// Interjections repeated on purpose, besides the formulae of thanks and greeting.
static INTERJECTIONS: LazyLock<WordList> =
    LazyLock::new(|| WordList::from_file(shipped!("data/lexicon/interjections.txt")));

/// Whether the repeated unit starting at token `first` is a formula of thanks, greeting or
/// cheering, which speeches and letters repeat on purpose.
fn is_formula(doc: &Doc, first: usize) -> bool {
    let word = doc.lower(&doc.tokens[first]);
    crate::lexicon::FORMULA_OPENINGS.contains(&word) || INTERJECTIONS.contains(word)
}

impl Detector for LoopingOutput {
    const DECLARATION: Declaration =
        Declaration { id: "looping-output", category: Category::Addition, severity: Severity::Major, version: 3 };
    type Settings = LoopingOutputSettings;

    fn configure(settings: &LoopingOutputSettings) -> Self {
        LoopingOutput { runaway_severity: settings.runaway_severity }
    }

    fn detect(&self, doc: &Doc, flags: &mut Flags) {
        let tokens = &doc.tokens;
        let n = tokens.len();
        // Words compared by their keys, and by their text only where the keys agree: each word
        // is compared with the next twenty, and comparing text dominated this detector's cost.
        let same =
            |a: usize, b: usize| tokens[a].key == tokens[b].key && doc.lower(&tokens[a]) == doc.lower(&tokens[b]);
        // Each pair of neighbouring words as one number: a repeat of two or more words repeats
        // its first pair.
        let pair = |i: usize| u64::from(tokens[i].key) << 32 | u64::from(tokens[i + 1].key);
        let may_recur = pairs_that_may_recur(n.saturating_sub(1), pair);
        let mut covered_until = 0; // Tokens already inside a reported repeat.
        let mut i = 0;
        while i < n {
            let longest_unit = MAX_UNIT.min((n - i) / 2);
            if longest_unit < 2 {
                i += 1;
                continue;
            }
            // Word i's pair again two to `longest_unit` words on (a unit has two or more words)?
            // The pre-pass rules out most words; the rest are checked pair by pair.
            let first_pair = pair(i);
            if !may_recur[i] || !(i + 2..=i + longest_unit).any(|j| pair(j) == first_pair) {
                i += 1;
                continue;
            }
            let mut best: Option<(usize, usize)> = None; // (unit length, repeats)
            for unit in 2..=longest_unit {
                // Cheap tests first: a repeat starts with the same two words (units have two or
                // more). Frequent words ("the") pass the first test often, the second rarely.
                if !same(i, i + unit) || !same(i + 1, i + unit + 1) {
                    continue;
                }
                let mut repeats = 1;
                while i + (repeats + 1) * unit <= n && (0..unit).all(|k| same(i + k, i + repeats * unit + k)) {
                    repeats += 1;
                }
                if repeats >= 2 && best.is_none_or(|(u, r)| unit * (repeats - 1) > u * (r - 1)) {
                    best = Some((unit, repeats));
                }
            }
            let Some((unit, repeats)) = best.filter(|_| i >= covered_until) else {
                i += 1;
                continue;
            };
            if is_formula(doc, i) {
                // "Thank you. Thank you.", "Bravo, bravo!": repeated on purpose.
                i += unit * repeats;
                continue;
            }
            let first = &doc.tokens[i];
            let repeat_start = &doc.tokens[i + unit];
            let last = &doc.tokens[i + repeats * unit - 1];
            let between = doc.gap(&doc.tokens[i + unit - 1], repeat_start);
            let across_sentences = doc.sentence_at(first.span.start) != doc.sentence_at(last.span.start);
            let region = &doc.text[first.span.start..last.span.end];
            let punctuated = between.trim().chars().any(|c| c.is_ascii_punctuation() || "“”„«»".contains(c))
                || region.contains([',', ';', ':', '(', ')']);
            // "bigger and bigger", "face to face": a two-word unit that ends in a function word
            // is an English construction, not a stutter.
            let construction = unit == 2 && crate::lexicon::ENGLISH_FUNCTION_WORDS.contains(doc.lower(&tokens[i + 1]));
            let repeated_words = unit * (repeats - 1);
            let phrase = doc.text[first.span.start..doc.tokens[i + unit - 1].span.end].to_string();
            // The sentence's closing mark joins the flag, when it directly follows the last word.
            let sentence_end = doc.sentences[doc.sentence_at(last.span.start)].span.end;
            let closes = last.span.end < sentence_end && doc.text[last.span.end..].starts_with(['.', '!', '?']);
            let end = if closes { last.span.end + 1 } else { last.span.end };
            // A slogan or chant quoted as it was called ("the line “border protection, border
            // protection, border protection”"): punctuated repeats inside a quotation.
            let chant = between.trim() == ","
                && !across_sentences
                && repeats <= MAX_CHANT_REPEATS
                && doc.in_quotation(first.span.start);
            // A keyword list or title ("Pocket Magnifier Reading Magnifier Reading Aid") may
            // repeat a pair of its words once; only a loop there is MT's.
            let in_heading = repeats == 2 && doc.is_heading(doc.sentence_at(first.span.start));
            if chant || in_heading {
                i += unit * repeats;
                continue;
            }
            if repeats >= 3 {
                let runs_on = repeats >= 4 || repeated_words >= 10;
                let severity = if runs_on { self.runaway_severity } else { flags.severity() };
                flags.flag(repeat_start.span.start..end, 0.9, format!("\"{phrase}\" is repeated {repeats} times in a row: the translation got stuck in a loop and added text that is not in the original.")).with_severity(severity);
            } else if across_sentences
                && doc.tokens_in(doc.sentences[doc.sentence_at(first.span.start)].span.clone()).len() == unit
            {
                flags.flag(repeat_start.span.start..end, 0.85, format!("This sentence repeats the one before it word for word (\"{phrase}\"): the translation repeated it, adding text that is not in the original."));
            } else if !across_sentences && !punctuated && !construction && !doc.in_quotation(first.span.start) {
                flags.flag(
                    repeat_start.span.start..last.span.end,
                    0.8,
                    format!("The phrase \"{phrase}\" is written twice in a row: the translation repeated it."),
                );
            } else {
                i += 1;
                continue;
            }
            covered_until = i + repeats * unit;
            i = covered_until;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{assert_no_flags, excerpts, flags_of};
    use super::*;

    #[test]
    fn formulae_of_thanks_and_cheering_are_repeated_on_purpose() {
        assert_no_flags::<LoopingOutput>(
            "That is all from me. Thank you very much. Thank you very much. Thank you very much.",
        );
        assert_no_flags::<LoopingOutput>("The crowd shouted: bravo, bravo, bravo. Then it went quiet.");
        assert_eq!(
            excerpts::<LoopingOutput>("We made mistakes. We made mistakes. We made mistakes."),
            ["We made mistakes. We made mistakes."]
        );
    }

    #[test]
    fn a_loop_ending_before_a_multibyte_character_is_flagged_without_panicking() {
        let text = "It turned a 120°, a 120°, a 120° now.";
        let flagged = excerpts::<LoopingOutput>(text);
        assert!(flagged.iter().all(|e| text.contains(e.as_str())), "{flagged:?}");
        let loops = excerpts::<LoopingOutput>("Turn by 90° turn by 90° turn by 90° now.");
        assert_eq!(loops, ["turn by 90° turn by 90"]);
    }

    #[test]
    fn the_pre_pass_never_rules_out_a_pair_that_recurs() {
        // Few distinct pairs, so that they recur often, and many that share slots.
        let mut random = crate::test_random::XorShift(0x9e37_79b9_7f4a_7c15);
        let values: Vec<u64> = (0..3000).step_by(250).collect();
        for _ in 0..300 {
            let pairs: Vec<u64> = (0..80).map(|_| random.pick(&values)).collect();
            let may_recur = pairs_that_may_recur(pairs.len(), |i| pairs[i]);
            for i in 0..pairs.len() {
                let reach = (i + 2).min(pairs.len())..(i + MAX_UNIT + 1).min(pairs.len());
                let recurs = pairs[reach.clone()].contains(&pairs[i]);
                assert!(!recurs || may_recur[i], "pair {i} recurs in {reach:?} of {pairs:?}");
            }
        }
        // Distinct pairs are nearly all ruled out.
        let distinct: Vec<u64> = (0..2000).map(|i| i * 7919).collect();
        let ruled_out = pairs_that_may_recur(distinct.len(), |i| distinct[i]).iter().filter(|m| !**m).count();
        assert!(ruled_out > distinct.len() * 9 / 10, "{ruled_out} of {} ruled out", distinct.len());
    }

    #[test]
    fn flags_loops_as_critical_when_they_run_on() {
        let text =
            "“We lost. We made too many mistakes. We made too many mistakes. We made too many mistakes.” He left.";
        let flags = flags_of::<LoopingOutput>(text);
        assert_eq!(flags.len(), 1, "{flags:?}");
        assert_eq!(flags[0].0, "We made too many mistakes. We made too many mistakes.");
        assert_eq!(flags[0].1.severity, Severity::Critical, "10 repeated words in 3 repeats of 5: {:?}", flags[0].1);
        let short = flags_of::<LoopingOutput>("The price is high, the price is high, the price is high.");
        assert_eq!(short.len(), 1);
        assert_eq!(short[0].1.severity, Severity::Major);
    }

    #[test]
    fn flags_duplicated_sentences_and_doubled_phrases() {
        assert_eq!(
            excerpts::<LoopingOutput>("The road is closed. The road is closed. Drivers must wait."),
            ["The road is closed."]
        );
        assert_eq!(
            excerpts::<LoopingOutput>("They played well in the first half in the first half and won."),
            ["in the first half"]
        );
    }

    #[test]
    fn quoted_chants_and_keyword_titles_are_fine() {
        assert_no_flags::<LoopingOutput>(
            "Talks are harder because the line “border protection, border protection, border protection” won.",
        );
        assert_no_flags::<LoopingOutput>(
            "Zeiss VisuCard Magnifier Credit Card Magnifier Pocket Magnifier Reading Magnifier Reading Aid",
        );
        // Outside a quotation the same repeat is a loop.
        assert!(!excerpts::<LoopingOutput>(
            "Talks are harder because border protection, border protection, border protection won."
        )
        .is_empty());
    }

    #[test]
    fn rhetorical_repeats_and_similar_sentences_are_fine() {
        assert_no_flags::<LoopingOutput>("Never again, never again, she said. The war must end.");
        assert_no_flags::<LoopingOutput>("The road is closed. The bridge is closed too.");
        assert_no_flags::<LoopingOutput>(
            "The snowball gets bigger and bigger and then falls. They met face to face to talk.",
        );
    }

    #[test]
    fn clean_news_gets_no_flags() {
        assert_no_flags::<LoopingOutput>(
            "Step by step, the city rebuilt its harbour. Year after year, more ships came. By 2020 the port \
             handled twice as much cargo as in 2010, and the city grew with it.",
        );
    }
}
