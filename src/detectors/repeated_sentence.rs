//! # repeated-sentence
//!
//! ## What it does
//! Flags a sentence that the article already contains word for word a little earlier, with
//! other text between the two: "… The police spoke of a largely peaceful protest. [next
//! paragraph] In Hanover alone, 1,800 tractors drove to the fair ground. … The police spoke of
//! a largely peaceful protest." The later copy is flagged, and the message quotes where the
//! first one stands.
//!
//! ## Why it signals MT
//! Document-level MT and article assembly repeat a sentence they have already produced,
//! adding text the original never had. A repeat directly after itself is `looping-output`'s
//! job; this detector finds the copy that has other sentences between.
//!
//! ## Example
//! "The bridge stays closed until Friday. Drivers must take the diversion. The bridge stays
//! closed until Friday." flags the second "The bridge stays closed until Friday."
//!
//! ## Known false positives
//! Sentences shorter than six words ("Nobody was hurt.", "Thank you very much.") are formulae
//! that an article may well repeat, and are never compared. A refrain or slogan quoted twice
//! on purpose, and a news digest that closes several items with the same stock sentence,
//! can be flagged; copies more than [`PARAGRAPHS_APART`] paragraphs apart are not compared,
//! which leaves digests of separate items mostly alone. Headings are not compared.
//!
//! ## Options
//! - `enabled` (default true)
//! - `severity` (default "major")

use super::{Declaration, Detector, Flags, Switch};
use crate::analysis::Doc;
use crate::flag::{Category, Severity};
use rustc_hash::FxHashMap;

pub struct RepeatedSentence;

/// The multiplier of FxHash, which spreads the folded keys over the hash's bits.
const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

/// Sentences with fewer words are formulae ("Nobody was hurt.") and are not compared.
const MIN_WORDS: usize = 6;
/// Copies further apart than this many paragraphs are not compared: digests of separate items
/// may close each with the same stock sentence.
pub const PARAGRAPHS_APART: usize = 3;

impl Detector for RepeatedSentence {
    const DECLARATION: Declaration =
        Declaration { id: "repeated-sentence", category: Category::Addition, severity: Severity::Major, version: 1 };
    type Settings = Switch;

    fn configure(_settings: &Switch) -> Self {
        RepeatedSentence
    }

    fn detect(&self, doc: &Doc, flags: &mut Flags) {
        if doc.sentences.len() < 3 {
            return; // A copy with text between needs three sentences at least.
        }
        // Sentences by the hash of their words' keys; a hash match is confirmed word by word.
        let mut seen: FxHashMap<u64, usize> = FxHashMap::default();
        for index in 0..doc.sentences.len() {
            let tokens = doc.sentence_tokens(index);
            if tokens.len() < MIN_WORDS {
                continue;
            }
            // The words' keys folded into one number, as FxHash folds them.
            let hash = tokens.iter().fold(0u64, |h, t| (h.rotate_left(5) ^ u64::from(t.key)).wrapping_mul(SEED));
            let Some(earlier) = seen.insert(hash, index) else { continue };
            let words = tokens.iter().filter(|t| t.has_letter).count();
            if words < MIN_WORDS || doc.is_heading(index) || doc.is_heading(earlier) {
                continue;
            }
            let same_words = {
                let before = doc.sentence_tokens(earlier);
                before.len() == tokens.len() && before.iter().zip(tokens).all(|(a, b)| doc.lower(a) == doc.lower(b))
            };
            let (first, second) = (&doc.sentences[earlier], &doc.sentences[index]);
            // Directly after itself is looping-output's repeat.
            let adjacent = index == earlier + 1;
            if !same_words || adjacent || second.paragraph - first.paragraph > PARAGRAPHS_APART {
                continue;
            }
            let where_first = if first.paragraph == second.paragraph {
                "earlier in the same paragraph".to_string()
            } else {
                let apart = second.paragraph - first.paragraph;
                format!("{apart} paragraph{} before", if apart == 1 { "" } else { "s" })
            };
            let sentence = doc.slice(&second.span);
            flags.flag(
                second.span.clone(),
                0.8,
                format!(
                    "This sentence already stands word for word {where_first} (\"{sentence}\"): the translation \
                     repeated it, adding text that is not in the original."
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{assert_no_flags, excerpts, flags_of};
    use super::*;

    #[test]
    fn flags_the_later_copy_of_a_sentence_with_text_between() {
        let text = "Farmers blocked the exits. The police spoke of a largely peaceful protest.\n\n\
                    In Hanover alone, tractors drove to the fair. Many had set off at night. The police spoke of a \
                    largely peaceful protest.";
        let flags = flags_of::<RepeatedSentence>(text);
        assert_eq!(flags.len(), 1);
        assert_eq!(flags[0].0, "The police spoke of a largely peaceful protest.");
        assert!(flags[0].1.start > text.find("Many").unwrap(), "the later copy is flagged");
        assert!(flags[0].1.message.contains("1 paragraph before"), "{}", flags[0].1.message);
        assert_eq!(
            excerpts::<RepeatedSentence>(
                "The bridge stays closed until next Friday. Drivers must take the diversion. The bridge stays \
                 closed until next Friday."
            ),
            ["The bridge stays closed until next Friday."]
        );
    }

    #[test]
    fn short_formulae_adjacent_copies_and_distant_items_are_not_flagged() {
        assert_no_flags::<RepeatedSentence>("Nobody was hurt. A car burned. Nobody was hurt.");
        // Directly after itself: looping-output's case.
        assert_no_flags::<RepeatedSentence>(
            "The police spoke of a peaceful protest. The police spoke of a peaceful protest. Then it rained.",
        );
        let digest = "Fire in Kiel. A shed burned down at night. The police are asking for witnesses to come \
                      forward.\n\nTwo.\n\nThree.\n\nFour.\n\nFive.\n\nTheft in Bonn. A bicycle was stolen. The police \
                      are asking for witnesses to come forward.";
        assert_no_flags::<RepeatedSentence>(digest);
    }

    #[test]
    fn a_headline_repeated_as_a_sentence_is_not_a_copy() {
        assert_no_flags::<RepeatedSentence>(
            "Fire destroys the old barn in Kiel\n\nIt burned at night. Fire destroys the old barn in Kiel. Nobody was hurt.",
        );
    }

    #[test]
    fn similar_sentences_are_not_copies() {
        assert_no_flags::<RepeatedSentence>(
            "The council met on Monday to discuss the budget. It argued. The council met on Tuesday to discuss \
             the budget.",
        );
    }
}
