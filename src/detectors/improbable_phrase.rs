//! # improbable-phrase
//!
//! ## What it does
//! Flags a sequence of two to four common English words that English practically never puts
//! together: each word after the first is far less likely after its neighbour than on its own,
//! by the English trigram language model, and far below the article's own norm.
//!
//! The message names the likely cause:
//! - a garbled order, when the same words are much more probable the other way round;
//! - a literal rendering, when every word is common (a word-for-word translation of a German
//!   phrase, such as "Months eat Russians");
//! - a wrong word otherwise.
//!
//! ## Why it signals MT
//! MT that translates word by word produces sequences of ordinary words that no English writer
//! would combine: idioms rendered literally, a verb that does not fit its subject, words in
//! German order. A language model trained on English sees such a transition as near-impossible
//! although each word is frequent, which is what SLOR (log-probability in context minus
//! log-probability alone) measures. Rare words, names and terms are not punished for being
//! rare, since only the drop from their own frequency counts.
//!
//! ## Example
//! "The mayor wants to of the plan speak." flags "to of": "of" is about 1,000 times less likely
//! after "to" than on its own.
//!
//! ## Known false positives
//! Names, numbers, words the model does not know, capitalised words after the first, words in
//! sentences that are not English, and sentences without a closing mark (headlines, captions,
//! lists) are never part of a flagged phrase, and no phrase runs across punctuation. Vivid but
//! correct writing and new coinages can still be flagged: the model is a trigram model of
//! general American English, so unusual but correct collocations look improbable to it.
//!
//! Off by default. The trigram model judges only neighbouring words, and most calques are
//! locally fluent ("went under the wheels", "bite into the sour apple"): on human translations
//! of WMT22 news it flags as often as on MT output, and 1 of its 5 flags on the MQM dev half
//! marked a human-annotated error. On DEMETR, whose perturbations include shuffled word order,
//! all 28 of its flags fell on the perturbation, with no new flag on the unperturbed MT. Switch
//! it on to study a corpus, not to score it.
//!
//! ## Options
//! - `enabled` (default false)
//! - `severity` (default "minor")
//! - `max-slor` (default -2.0): a word is improbable in its context when its log10 probability
//!   there is at least this much below its log10 probability on its own.
//! - `min-frequency` (default -4.6): both words of the transition must be at least this
//!   frequent (log10 unigram probability), so that the model has seen enough of them.
//! - `deviations` (default 2.5): the transition must also lie this many standard deviations
//!   below the article's mean SLOR.

use super::{Declaration, Detector, Flags};
use crate::analysis::{Doc, Token};
use crate::flag::{Category, Severity};
use crate::language_model::MODEL;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case", default)]
pub struct ImprobablePhraseSettings {
    pub enabled: bool,
    pub severity: Option<Severity>,
    pub max_slor: f32,
    pub min_frequency: f32,
    pub deviations: f32,
}

impl Default for ImprobablePhraseSettings {
    fn default() -> Self {
        ImprobablePhraseSettings {
            enabled: false,
            severity: None,
            max_slor: -2.0,
            min_frequency: -4.6,
            deviations: 2.5,
        }
    }
}

common_settings!(ImprobablePhraseSettings);

pub struct ImprobablePhrase {
    settings: ImprobablePhraseSettings,
}

/// How many times less likely a word is in context than alone, for messages.
fn times_less_likely(slor: f32) -> String {
    let factor = 10f32.powf(-slor);
    if factor >= 100.0 {
        format!("{:.0}", (factor / 10.0).round() * 10.0)
    } else {
        format!("{factor:.0}")
    }
}

impl ImprobablePhrase {
    /// Whether the token can take part in a phrase: a known, lower-case word (or the
    /// sentence's first word), frequent enough for the model to judge.
    fn eligible(&self, doc: &Doc, index: usize, sentence_start: usize) -> bool {
        let token: &Token = &doc.tokens[index];
        let word = doc.fluency.word(index);
        word.is_scored()
            && token.has_letter
            && (!token.capitalized || index == sentence_start)
            && word.unigram >= self.settings.min_frequency
    }
}

impl Detector for ImprobablePhrase {
    const DECLARATION: Declaration =
        Declaration { id: "improbable-phrase", category: Category::Awkward, severity: Severity::Minor, version: 2 };
    type Settings = ImprobablePhraseSettings;

    fn configure(settings: &ImprobablePhraseSettings) -> Self {
        ImprobablePhrase { settings: settings.clone() }
    }

    fn detect(&self, doc: &Doc, flags: &mut Flags) {
        // The article's own norm: mean and spread of the SLOR of its scored words.
        let (mut count, mut sum, mut squares) = (0f64, 0f64, 0f64);
        for word in doc.fluency.words.iter().filter(|w| w.is_scored()) {
            let slor = f64::from(word.slor());
            count += 1.0;
            sum += slor;
            squares += slor * slor;
        }
        if count < 8.0 {
            return;
        }
        let mean = sum / count;
        let spread = (squares / count - mean * mean).max(0.0).sqrt().max(0.5);
        let threshold = self.settings.max_slor.min((mean - f64::from(self.settings.deviations) * spread) as f32);
        for (index, sentence) in doc.sentences.iter().enumerate() {
            if doc.sentence_langs[index].code.is_some_and(|code| code != "eng") {
                continue;
            }
            let closed = doc.text[sentence.span.clone()]
                .trim_end_matches(['"', '\'', '”', '’', ')', '»', '«', '“'])
                .ends_with(['.', '!', '?']);
            if !closed {
                continue;
            }
            let tokens = sentence.tokens.clone();
            let mut next = tokens.start + 1;
            while next < tokens.end {
                let i = next;
                next += 1;
                let (previous, current) = (&doc.tokens[i - 1], &doc.tokens[i]);
                if doc.gap(previous, current) != " "
                    || !self.eligible(doc, i - 1, tokens.start)
                    || !self.eligible(doc, i, tokens.start)
                    || doc.fluency.word(i).slor() > threshold
                {
                    continue;
                }
                // Extend over following words that are improbable too, up to four words.
                let mut end = i;
                while end + 1 < tokens.end
                    && end + 1 - (i - 1) < 4
                    && doc.gap(&doc.tokens[end], &doc.tokens[end + 1]) == " "
                    && self.eligible(doc, end + 1, tokens.start)
                    && doc.fluency.word(end + 1).slor() <= threshold
                {
                    end += 1;
                }
                let phrase = &doc.text[previous.span.start..doc.tokens[end].span.end];
                let slor = doc.fluency.word(i).slor();
                let (first_word, second_word) = (doc.lower(previous), doc.lower(current));
                let cause = match (MODEL.id(first_word), MODEL.id(second_word)) {
                    (Some(first), Some(second))
                        if MODEL.log10_prob(None, Some(second), first) - MODEL.unigram_log10(first) > 0.0 =>
                    {
                        "The same words are usual the other way round: likely a garbled word order."
                    }
                    _ if (i - 1..=end).all(|t| doc.fluency.word(t).unigram >= -3.5) => {
                        "All its words are common, so this is likely a word-for-word rendering of a German phrase."
                    }
                    _ => "Likely a wrong word choice.",
                };
                flags.flag(previous.span.start..doc.tokens[end].span.end, (0.5 + (-slor - 1.0) * 0.1).clamp(0.5, 0.9), format!(
                        "\"{phrase}\" is a word sequence English practically never uses: \"{}\" is about {} times less likely after \"{}\" than on its own. {cause}",
                        doc.word(current),
                        times_less_likely(slor),
                        doc.word(previous)
                    ));
                next = end + 2;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{assert_no_flags, excerpts};
    use super::*;

    /// A few plain sentences around the phrase under test, so the article has a norm.
    fn article(sentence: &str) -> String {
        format!(
            "The city council met on Monday to discuss the budget for next year. {sentence} \
             The mayor said that the plan would be presented to the public in the spring. \
             Several members of the council asked for more money for schools and roads."
        )
    }

    #[test]
    fn flags_ordinary_words_in_combinations_english_never_uses() {
        assert_eq!(excerpts::<ImprobablePhrase>(&article("The mayor wants to of the plan speak.")), ["to of"]);
        assert_eq!(excerpts::<ImprobablePhrase>(&article("He has gone of the office for good.")), ["gone of"]);
    }

    #[test]
    fn fluent_news_names_numbers_and_headlines_are_not_flagged() {
        assert_no_flags::<ImprobablePhrase>(&article("Prices rose sharply in the third quarter of the year."));
        assert_no_flags::<ImprobablePhrase>(&article("Olaf Scholz met Emmanuel Macron in Paris on 12 May."));
        assert_no_flags::<ImprobablePhrase>(&article("Months eat Russians"));
    }

    #[test]
    fn a_short_text_has_no_norm_and_is_left_alone() {
        assert_no_flags::<ImprobablePhrase>("Months eat Russians.");
    }

    #[test]
    fn the_message_names_the_words_and_a_cause() {
        let flags = super::super::test_support::flags_of::<ImprobablePhrase>(&article("He has gone of the office."));
        let (_, flag) = flags.first().expect("a flag");
        assert!(flag.message.contains("times less likely after"), "{}", flag.message);
        assert!(flag.message.contains("Likely") || flag.message.contains("likely"), "{}", flag.message);
    }
}
