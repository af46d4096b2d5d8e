//! # false-friend
//!
//! ## What it does
//! Flags English words used in the sense of a German look-alike: "the actual situation"
//! (aktuell, current), "eventually" next to a modal other than "will" (eventuell, possibly),
//! "become a bonus" and "became mixed reviews" (bekommen, get), "sensible data" (sensibel,
//! sensitive), "consequently implemented" (konsequent, consistently), "his handy" (Handy,
//! mobile phone), "the chef of the company" (Chef, boss), "pupils of the gymnasium" (Gymnasium,
//! grammar school), and the others in `data/lexicon/false_friends.tsv`. The word that decides
//! may follow up to two adjectives or adverbs ("sensible personal data", "became lightly
//! injured").
//!
//! ## Why it signals MT
//! MT and non-native writers reach for the English word that looks like the German one. The
//! sentence stays grammatical, so no grammar checker notices, but the meaning changes.
//!
//! ## Example
//! In an article from Lübeck, "Eventually the budget must be postponed." flags "Eventually" and
//! suggests "possibly".
//!
//! ## Known false positives
//! Every entry needs a context that makes the German sense likely (the next word, a word in
//! the sentence, a modal nearby, a noun use). Words flagged in every use ("concurrence") are
//! rare in English news. Words just as common in their own English sense in the same contexts
//! ("the actual situation is worse than reported", "prices could eventually fall": actual,
//! eventual, eventually) are flagged only in text that shows it came from German, by German
//! letters or quotation marks or a convention of the German press (an age in brackets after a
//! name, "1,2 billion", "15.000 euros"); in other text they are left alone. Elsewhere the correct English
//! sense in a matching context is still flagged, which is why the severity is minor and the
//! confidence moderate.
//!
//! ## Options
//! - `enabled` (default true)
//! - `severity` (default "minor")

use super::{Declaration, Detector, Flags, Switch};
use crate::analysis::Doc;
use crate::flag::{Category, Severity};
use crate::lexicon::{shipped, verb_forms, Choice, WordMap, ADJECTIVES, DETERMINERS, MODALS};
use std::sync::LazyLock;

pub struct FalseFriend;

#[derive(Debug, Clone, Copy, PartialEq)]
enum Rule {
    Next,
    Near,
    NearModal,
    Noun,
    NextVerb,
    Previous,
    NextNumber,
    Always,
}

struct Entry {
    word: &'static str,
    german: &'static str,
    meant: &'static str,
    rule: Rule,
    words: Vec<&'static str>,
    /// Just as common in its English sense: flagged only in text that shows German origin.
    needs_german_origin: bool,
}

impl Choice for Rule {
    const WHAT: &'static str = "rule";
    const SPELLINGS: &'static [(&'static str, Self)] = &[
        ("next", Rule::Next),
        ("near", Rule::Near),
        ("near-modal", Rule::NearModal),
        ("noun", Rule::Noun),
        ("next-verb", Rule::NextVerb),
        ("previous", Rule::Previous),
        ("next-number", Rule::NextNumber),
        ("always", Rule::Always),
    ];
}

static ENTRIES: LazyLock<Vec<Entry>> = LazyLock::new(|| {
    shipped!("data/lexicon/false_friends.tsv")
        .rows_with_optional::<6>(5)
        .map(|row| {
            let [word, german, meant, rule, words, gate] = row.fields;
            Entry {
                word,
                german,
                meant,
                rule: row.choice(rule),
                words: words.split(',').filter(|w| !w.is_empty()).collect(),
                needs_german_origin: row.marked(gate, "german-origin"),
            }
        })
        .collect()
});

/// Each entry's word: the indices in [`ENTRIES`] of its entries, in file order. A word may have
/// several, each with its own rule; the first that applies is reported.
static ENTRY_INDEX: LazyLock<WordMap<Vec<usize>>> = LazyLock::new(|| {
    let mut index: WordMap<Vec<usize>> = WordMap::default();
    for (i, entry) in ENTRIES.iter().enumerate() {
        index.entry_or_default(entry.word).push(i);
    }
    index
});

/// Modals that English pairs with "eventually" in its own sense ("prices could eventually fall").
const HEDGING_MODALS: [&str; 3] = ["could", "may", "might"];

/// Words after "is/are eventually" that make it a state ("there are eventually many more").
const QUANTIFIERS_AFTER_BE: [&str; 7] = ["many", "more", "much", "a", "several", "some", "no"];

impl Detector for FalseFriend {
    const DECLARATION: Declaration =
        Declaration { id: "false-friend", category: Category::Mistranslation, severity: Severity::Minor, version: 9 };
    type Settings = Switch;

    fn configure(_settings: &Switch) -> Self {
        FalseFriend
    }

    fn detect(&self, doc: &Doc, flags: &mut Flags) {
        let mut words: Vec<&str> = Vec::new(); // One buffer for every sentence.
        let mut german_origin: Option<bool> = None; // Looked for once, when first needed.
        for sentence in 0..doc.sentences.len() {
            let tokens = doc.sentence_tokens(sentence);
            words.clear();
            for (i, token) in tokens.iter().enumerate() {
                let Some(entries) = ENTRY_INDEX.get_token(doc, token) else { continue };
                // The sentence's words, listed once the sentence has a false friend at all.
                if words.is_empty() {
                    words.extend(tokens.iter().map(|t| doc.lower(t)));
                }
                for &entry in entries {
                    let entry = &ENTRIES[entry];
                    if entry.needs_german_origin
                        && !*german_origin
                            .get_or_insert_with(|| crate::analysis::foreign::shows_german_origin(doc.text))
                    {
                        continue;
                    }
                    let mut next_index =
                        if words.get(i + 1).is_some_and(|n| DETERMINERS.contains(n)) { i + 2 } else { i + 1 };
                    let next = words.get(next_index).copied();
                    // The noun of a "next" rule may follow adjectives or an adverb: "became mixed
                    // reviews", "sensible personal data", "became lightly injured".
                    let after_adjectives = {
                        let first = next_index;
                        while next_index < first + 2
                            && words.get(next_index + 1).is_some()
                            && words.get(next_index).is_some_and(|w| {
                                (ADJECTIVES.contains(w) || w.ends_with("ly")) && !entry.words.contains(w)
                            })
                        {
                            next_index += 1;
                        }
                        words.get(next_index).copied()
                    };
                    // A noun that modifies the deciding noun: "become a severance payment".
                    let after_modifier = words.get(next_index + 1).copied().filter(|_| {
                        next.is_some_and(|n| {
                            !crate::lexicon::ENGLISH_FUNCTION_WORDS.contains(n) && verb_forms(n).is_none()
                        })
                    });
                    let previous = i.checked_sub(1).map(|p| words[p]);
                    let (applies, confidence) = match entry.rule {
                        Rule::Next => (
                            next.is_some_and(|n| entry.words.contains(&n))
                                || after_adjectives.is_some_and(|n| entry.words.contains(&n))
                                || after_modifier.is_some_and(|n| entry.words.contains(&n)),
                            0.65,
                        ),
                        // A possessive counts as its noun: "the club's chef".
                        Rule::Near => (
                            words.iter().any(|w| {
                                let noun = w.strip_suffix("'s").or_else(|| w.strip_suffix("’s")).unwrap_or(w);
                                entry.words.contains(&noun)
                            }),
                            0.55,
                        ),
                        Rule::NearModal => {
                            // A modal before it, or later in its clause: "Eventually the budget for
                            // 2024 must be postponed" (Eventuell muss der Haushalt verschoben werden).
                            let window = i.saturating_sub(3)..(i + 8).min(words.len());
                            // Not "will": "will eventually" is English's own "in the end".
                            let modal = |w: &&str| MODALS.contains(w) && !["will", "shall"].contains(w);
                            // "could eventually shape", "may eventually": a hedging modal right before
                            // it makes English's own "in time".
                            let hedged = previous.is_some_and(|p| HEDGING_MODALS.contains(&p));
                            // "there are eventually many more victims": a state, not an outcome, is
                            // German "possibly".
                            let state = previous.is_some_and(|p| ["is", "are"].contains(&p))
                                && words.get(i + 1).is_some_and(|n| QUANTIFIERS_AFTER_BE.contains(n));
                            (words[window].iter().any(modal) && !hedged || state, 0.6)
                        }
                        Rule::Noun => {
                            let after_determiner = previous.is_some_and(|p| DETERMINERS.contains(p));
                            // An adjective stands before a noun ("a handy tool"); a noun before a
                            // function word, a past-tense verb or punctuation ("his handy rang").
                            let before_noun =
                                tokens.get(i + 1).filter(|t| doc.gap(&tokens[i], t) == " ").is_some_and(|t| {
                                    let n = doc.lower(t).to_string();
                                    let past = verb_forms(&n).is_some_and(|f| f.past && !f.base);
                                    t.has_letter && !past && !crate::lexicon::ENGLISH_FUNCTION_WORDS.contains(&n)
                                });
                            (after_determiner && !before_noun, 0.7)
                        }
                        Rule::NextVerb => {
                            let verb =
                                words.get(i + 1).is_some_and(|n| verb_forms(n).is_some_and(|f| f.base || f.past));
                            (verb && previous.is_some_and(|p| MODALS.contains(&p) || p == "will"), 0.7)
                        }
                        Rule::Previous => (previous.is_some_and(|p| entry.words.contains(&p)), 0.65),
                        // "Admission costs 12 euros, reduced 8 euros": an amount right after the
                        // word, which follows a comma or bracket, as in a German price list.
                        Rule::NextNumber => {
                            let amount = tokens.get(i + 1).is_some_and(|t| t.is_number());
                            let listed = i > 0 && doc.gap(&tokens[i - 1], &tokens[i]).contains([',', '(']);
                            (amount && listed, 0.6)
                        }
                        Rule::Always => (true, 0.5),
                    };
                    if !applies {
                        continue;
                    }
                    let token = &tokens[i];
                    let written = doc.word(token);
                    let suggestion = if token.capitalized {
                        crate::lexicon::capitalised(entry.meant)
                    } else {
                        entry.meant.to_string()
                    };
                    flags
                        .flag(
                            token.span.clone(),
                            confidence,
                            format!(
                            "\"{written}\" here probably renders German \"{}\", which means \"{}\": a false friend.",
                            entry.german, entry.meant
                        ),
                        )
                        .suggest(suggestion);
                    break;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{assert_no_flags, excerpts, flags_of};
    use super::*;

    #[test]
    fn flags_false_friends_in_their_german_context() {
        let flags = flags_of::<FalseFriend>("Eventually the budget must be postponed in Lübeck.");
        assert_eq!(flags.len(), 1);
        assert_eq!(flags[0].1.suggestion.as_deref(), Some("Possibly"));
        assert_eq!(excerpts::<FalseFriend>("Every employee will become a bonus this year."), ["become"]);
        assert_eq!(
            excerpts::<FalseFriend>("The firm lost sensible data and the chef of the company resigned."),
            ["sensible", "chef"]
        );
        assert_eq!(excerpts::<FalseFriend>("He left his handy in the taxi. Her handy rang."), ["handy", "handy"]);
        assert_eq!(
            excerpts::<FalseFriend>("The bakery closed four filials. The fire started at a herd in the kitchen."),
            ["filials", "herd"]
        );
        assert_eq!(excerpts::<FalseFriend>("Cards for the festival sold fast."), ["Cards"]);
    }

    #[test]
    fn a_word_with_several_rows_is_flagged_by_any_that_applies() {
        assert_eq!(excerpts::<FalseFriend>("Chef coach Jan Berg was pleased."), ["Chef"]);
        assert_eq!(excerpts::<FalseFriend>("The works were delayed by a personal shortage."), ["personal"]);
        assert_eq!(excerpts::<FalseFriend>("The firm had to consequently reduce its costs."), ["consequently"]);
        assert_no_flags::<FalseFriend>("The chef cooks. It is a personal matter. Consequently, costs fell.");
    }

    #[test]
    fn a_noun_modifier_and_a_possessive_count_as_context() {
        assert_eq!(excerpts::<FalseFriend>("Employees would become a severance payment."), ["become"]);
        assert_eq!(excerpts::<FalseFriend>("On Sunday, the club's chef, Thomas Kern, backed the coach."), ["chef"]);
        assert_no_flags::<FalseFriend>("The restaurant's new chef cooks for guests. She became a city councillor.");
    }

    #[test]
    fn the_noun_of_a_next_rule_may_follow_adjectives() {
        assert_eq!(excerpts::<FalseFriend>("The new production became mixed reviews."), ["became"]);
        assert_eq!(excerpts::<FalseFriend>("The firm lost sensible personal data."), ["sensible"]);
        assert_no_flags::<FalseFriend>("The production became a huge success. She became a popular mayor.");
    }

    #[test]
    fn a_previous_rule_reads_the_word_before() {
        assert_eq!(excerpts::<FalseFriend>("The CSU fraction blocked the budget."), ["fraction"]);
        assert_no_flags::<FalseFriend>(
            "Only a fraction of the SPD voters turned out. A fraction of the budget is left.",
        );
    }

    #[test]
    fn common_english_senses_need_text_that_came_from_german() {
        let english = "The actual situation is worse than officials admit. Prices could eventually fall.";
        assert_no_flags::<FalseFriend>(english);
        let from_german = "In Düsseldorf the actual situation is tense. Eventually the council could vote.";
        assert_eq!(excerpts::<FalseFriend>(from_german), ["actual", "Eventually"]);
        // "could eventually" is English's "in time"; "there are eventually many" is "possibly".
        let hedged = "In Düsseldorf the results could eventually shape plans. There are eventually many more victims.";
        let flagged = super::super::test_support::flags_of::<FalseFriend>(hedged);
        let starts: Vec<usize> = flagged.iter().map(|(_, flag)| flag.start).collect();
        assert_eq!(starts, [hedged.rfind("eventually").unwrap()]);
        // "will eventually" means "in the end", and "the actual figures" are the real ones.
        assert_no_flags::<FalseFriend>(
            "In Düsseldorf the test will eventually become routine. The actual figures rose.",
        );
        // German press conventions show it too, and the modal may come late in the clause.
        let by_convention = "Mayor Anna Berg (52) spoke. Eventually the new school for 600 pupils must be delayed.";
        assert_eq!(excerpts::<FalseFriend>(by_convention), ["Eventually"]);
        assert_no_flags::<FalseFriend>("Mayor Anna Berg (52) spoke. Eventually the talks with the unions failed.");
    }

    #[test]
    fn english_senses_are_fine() {
        assert_no_flags::<FalseFriend>("Eventually the talks failed. It is a sensible decision. She became a member.");
        assert_no_flags::<FalseFriend>(
            "The chef cooked for 200 guests. A handy tool. The gymnasium reopened after repairs.",
        );
        assert_no_flags::<FalseFriend>("A herd of cows crossed the road. He played his cards well.");
    }
}
