//! # preposition-choice
//!
//! ## What it does
//! Flags a preposition that English would not put between the words around it, when another
//! preposition fits them far better: "is proud on her son" (proud of), "depends from the
//! weather" (depends on), "was killed from a falling tree" (killed by). The flag covers the
//! preposition, and the message names the preposition English uses there.
//!
//! ## Why it signals MT
//! Prepositions are the words a translation most often carries over word for word: German
//! says "stolz auf", "abhängig von", "von einem Baum erschlagen", and each has an English
//! counterpart that a literal rendering misses. No list can hold every such pairing, so the
//! judgement comes from the English trigram language model, not from a list: the two words
//! before the preposition and the two after it are scored with each common preposition in its
//! place. A preposition is flagged when the verb or adjective before it rarely takes it, it
//! makes its neighbours much less likely than they are without it, another preposition makes
//! the five words at least 1,000 times more likely, and English text, as the model saw it, has
//! that other preposition beside the same words.
//!
//! ## Example
//! "She is very proud on her son." flags "on": "proud of her son" is about 11,000 times more
//! likely.
//!
//! ## Known false positives
//! The model reads two words on each side only, so a preposition that opens a phrase of its own
//! can look wrong when another one usually follows the word before it ("use with the remote"
//! reads like "use of the remote"). Only a preposition after a verb or an adjective is judged:
//! after a noun or a function word most prepositions open a phrase of their own, and a calque
//! chosen by the following noun ("news in the internet") is missed. Prepositions before
//! names, numbers, capitalised or unknown words, and across punctuation are never judged, nor
//! is one that opens a time phrase ("took part on the first day"). The
//! thresholds are strict because the model also prefers the more frequent of two correct
//! prepositions: on all 21,824 lines of WMT22 German news (two human translations and nine
//! systems) it flagged five prepositions: three times "start into the week" (German "Start in
//! die Woche"), and two in a human translation, "use with the remote" among them. It flagged
//! none on 16,294 lines of Chinese news MT. Many calques stay below them ("is
//! interested for", "thinks on"). American English is the model's norm.
//!
//! ## Options
//! - `enabled` (default true)
//! - `severity` (default "minor")
//! - `min-ratio` (default 3.0): the better preposition must make the five words at least this
//!   many powers of ten (1,000 times) more likely.
//! - `min-drop` (default 0.75): the written preposition must make its neighbours at least this
//!   many powers of ten (about 6 times) less likely than they are without it.

use super::{Declaration, Detector, Flags};
use crate::analysis::{Doc, Token};
use crate::flag::{Category, Severity};
use crate::language_model::{LanguageModel, WordId, MODEL};
use crate::lexicon::TIME_NOUNS;
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};
use std::cell::RefCell;
use std::sync::LazyLock;

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case", default)]
pub struct PrepositionChoiceSettings {
    pub enabled: bool,
    pub severity: Option<Severity>,
    pub min_ratio: f32,
    pub min_drop: f32,
}

impl Default for PrepositionChoiceSettings {
    fn default() -> Self {
        PrepositionChoiceSettings { enabled: true, severity: None, min_ratio: 3.0, min_drop: 0.75 }
    }
}

common_settings!(PrepositionChoiceSettings);

/// The prepositions a literal translation confuses, each a stand-in for the others.
const PREPOSITIONS: [&str; 11] = ["in", "on", "at", "to", "for", "of", "from", "with", "by", "about", "into"];

/// The prepositions' ids in the model, in the order of [`PREPOSITIONS`].
static PREPOSITION_IDS: LazyLock<Vec<(&'static str, WordId)>> = LazyLock::new(|| {
    PREPOSITIONS
        .iter()
        .map(|word| (*word, MODEL.id(word).expect("the language model knows every common preposition")))
        .collect()
});

/// A preposition that is at most this much (log10) less likely after its verb or adjective
/// than on its own is a usual choice for that word.
const PLAUSIBLE_PAIR_DROP: f32 = 0.25;

thread_local! {
    /// The verdicts of [`usual_pair`] this thread has reached: the same verbs and adjectives
    /// come with the same prepositions all through a corpus. Cleared when full.
    static USUAL_PAIRS: RefCell<FxHashMap<(WordId, WordId), bool>> = RefCell::new(FxHashMap::default());
}

/// Pairs [`USUAL_PAIRS`] holds at most (about a megabyte).
const USUAL_PAIRS_HELD: usize = 1 << 16;

/// Whether the verb or adjective `word` takes `preposition` often enough for the model to know
/// the pair: at most [`PLAUSIBLE_PAIR_DROP`] less likely after it than on its own. Most pairs
/// are, and need no closer look.
fn usual_pair(model: &LanguageModel, word: WordId, preposition: WordId) -> bool {
    USUAL_PAIRS.with_borrow_mut(|pairs| {
        if let Some(&usual) = pairs.get(&(word, preposition)) {
            return usual;
        }
        if pairs.len() >= USUAL_PAIRS_HELD {
            pairs.clear();
        }
        let usual =
            model.log10_prob(None, Some(word), preposition) - model.unigram_log10(preposition) > -PLAUSIBLE_PAIR_DROP;
        pairs.insert((word, preposition), usual);
        usual
    })
}

pub struct PrepositionChoice {
    settings: PrepositionChoiceSettings,
}

/// A word the model can judge: known to it, lower case, letters only.
fn known(doc: &Doc, model: &LanguageModel, token: &Token) -> Option<WordId> {
    if !token.has_letter || token.capitalized || token.joined {
        return None;
    }
    model.id(doc.lower(token))
}

/// 10^`log10`, to two significant digits, for messages: "1,900", "47,000".
fn rounded_factor(log10: f32) -> String {
    let factor = 10f64.powf(f64::from(log10));
    let unit = 10f64.powi((factor.log10().floor() as i32 - 1).max(0));
    let rounded = ((factor / unit).round() * unit) as u64;
    let digits = rounded.to_string();
    let mut grouped = String::new();
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    grouped
}

impl Detector for PrepositionChoice {
    const DECLARATION: Declaration = Declaration {
        id: "preposition-choice",
        category: Category::Mistranslation,
        severity: Severity::Minor,
        version: 2,
    };
    type Settings = PrepositionChoiceSettings;

    fn configure(settings: &PrepositionChoiceSettings) -> Self {
        PrepositionChoice { settings: settings.clone() }
    }

    fn detect(&self, doc: &Doc, flags: &mut Flags) {
        let model: &LanguageModel = &MODEL;
        for (index, sentence) in doc.sentences.iter().enumerate() {
            if doc.sentence_langs[index].code.is_some_and(|code| code != "eng") {
                continue;
            }
            let tokens = &doc.tokens[sentence.tokens.clone()];
            for at in 1..tokens.len().saturating_sub(2) {
                let token = &tokens[at];
                if !(2..=5).contains(&token.span.len())
                    || !matches!(doc.text.as_bytes()[token.span.start], b'a' | b'b' | b'f' | b'i' | b'o' | b't' | b'w')
                {
                    continue;
                }
                let word = doc.lower(token);
                let Some(&(_, written)) =
                    PREPOSITIONS.iter().position(|p| *p == word).and_then(|i| PREPOSITION_IDS.get(i))
                else {
                    continue;
                };
                // The word that chooses a preposition is a verb or an adjective ("depend on",
                // "proud of"). After a noun or a function word a preposition mostly opens a
                // phrase of its own ("the plan for", "it is in"), which the model, reading two
                // words back, cannot tell from a chosen one.
                let governor = &tokens[at - 1];
                if governor.lex.english_function() || !(governor.lex.adjective() || governor.lex.verb().is_some()) {
                    continue;
                }
                let spaced = |a: usize| doc.gap(&tokens[a], &tokens[a + 1]) == " ";
                if !spaced(at - 1) {
                    continue;
                }
                let Some(before) =
                    known(doc, model, governor).or_else(|| (at == 1).then(|| model.id(doc.lower(governor))).flatten())
                else {
                    continue;
                };
                if usual_pair(model, before, written) {
                    continue;
                }
                // "on", "in", "at" or "during" opening a time phrase ("took part on the first
                // day", "won in the second half") is chosen by the time word, beyond the model's
                // two words; "start into the week" is still judged.
                let opens_time_phrase = ["on", "in", "at", "during"].contains(&word)
                    && (at + 1..tokens.len().min(at + 5)).take_while(|&i| i == at + 1 || spaced(i - 1)).any(|i| {
                        let t = &tokens[i];
                        TIME_NOUNS.contains(doc.lower(t))
                            || t.lex.weekday()
                            || t.lex.month()
                            || t.is_number() && t.span.len() == 4
                    });
                if opens_time_phrase {
                    continue;
                }
                if !(spaced(at) && spaced(at + 1)) {
                    continue;
                }
                let (Some(after), Some(last)) =
                    (known(doc, model, &tokens[at + 1]), known(doc, model, &tokens[at + 2]))
                else {
                    continue;
                };
                let first = if at >= 2 && spaced(at - 2) {
                    known(doc, model, &tokens[at - 2])
                } else if at == 1 {
                    Some(model.sentence_start())
                } else {
                    None
                };
                let left = |p: WordId| model.log10_prob(first, Some(before), p);
                let right = |p: WordId| {
                    model.log10_prob(Some(before), Some(p), after) + model.log10_prob(Some(p), Some(after), last)
                };
                // How much less likely the written preposition is after the words before it
                // than on its own, plus how much less likely the word after its article (or
                // its next word) is after it than after that article alone. Most prepositions
                // leave their neighbours about as likely as ever; only those that do not are
                // compared with the others.
                let own_left = left(written);
                let own_last = model.log10_prob(Some(written), Some(after), last);
                let drop =
                    own_left - model.unigram_log10(written) + own_last - model.log10_prob(None, Some(after), last);
                if drop > -self.settings.min_drop {
                    continue;
                }
                let own = own_left + model.log10_prob(Some(before), Some(written), after) + own_last;
                let Some((better, best)) = PREPOSITION_IDS
                    .iter()
                    .filter(|(_, id)| *id != written)
                    .filter(|(_, id)| model.has_trigram(*id, after, last) || model.has_trigram(before, *id, after))
                    .map(|(p, id)| (*p, left(*id) + right(*id)))
                    .max_by(|a, b| a.1.total_cmp(&b.1))
                else {
                    continue;
                };
                if best - own < self.settings.min_ratio {
                    continue;
                }
                let phrase = &doc.text[tokens[at - 1].span.start..tokens[at + 2].span.end];
                flags.flag(
                    token.span.clone(),
                    0.6,
                    format!(
                        "\"{word}\" is unusual in \"{phrase}\": English says \"{better}\" here, about {} times more likely by the language model. Likely a preposition carried over word for word from the source.",
                        rounded_factor(best - own)
                    ),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{assert_no_flags, excerpts, flags_of};
    use super::*;

    #[test]
    fn flags_a_preposition_that_the_verb_or_adjective_before_it_does_not_take() {
        assert_eq!(excerpts::<PrepositionChoice>("She is very proud on her son, who won the race."), ["on"]);
        assert_eq!(
            excerpts::<PrepositionChoice>("Whether the festival takes place depends from the weather."),
            ["from"]
        );
        assert_eq!(
            excerpts::<PrepositionChoice>("The hiker was killed from a falling tree during the storm."),
            ["from"]
        );
        assert_eq!(excerpts::<PrepositionChoice>("Many children are afraid from the dog next door."), ["from"]);
    }

    #[test]
    fn usual_prepositions_in_news_are_left_alone() {
        for text in [
            "She is very proud of her son, who won the race.",
            "Whether the festival takes place depends on the weather.",
            "The talks will continue on Monday, and both sides want an agreement by the end of the week.",
            "The company invested heavily in the internet in the nineties.",
            "He was sitting in the car when the accident happened, and his wife was at home.",
            "According to the report, most of the damage was caused by the storm on Sunday night.",
            "The children played in the garden while their parents talked about the holidays.",
            "Prices for energy rose by ten percent in the last year, the statistics office said.",
            "He was famous for his role in the film and was interested in politics.",
        ] {
            assert_no_flags::<PrepositionChoice>(text);
        }
    }

    #[test]
    fn names_numbers_and_sentences_in_other_languages_are_not_judged() {
        assert_no_flags::<PrepositionChoice>("The striker is proud on Bayern and said so twice.");
        assert_no_flags::<PrepositionChoice>("Prices depend from 2023 onwards on the new rules.");
        assert_no_flags::<PrepositionChoice>("Around 2,000 employees took part on the first day of the strike.");
        assert_no_flags::<PrepositionChoice>("Die Kinder haben Angst vor dem Hund und bleiben im Haus.");
    }

    #[test]
    fn the_message_names_the_usual_preposition() {
        let flags = flags_of::<PrepositionChoice>("Whether the festival takes place depends from the weather.");
        let (_, flag) = flags.first().expect("a flag");
        assert!(flag.message.contains("English says \"on\""), "{}", flag.message);
        assert!(flag.message.contains("depends from the weather"), "{}", flag.message);
    }

    #[test]
    fn factors_are_rounded_to_two_digits_with_thousands_grouped() {
        assert_eq!(rounded_factor(2.0), "100");
        assert_eq!(rounded_factor(4.3), "20,000");
        assert_eq!(rounded_factor(2.36), "230");
        assert_eq!(rounded_factor(6.0), "1,000,000");
    }
}
