//! # narrative-you
//!
//! ## What it does
//! Flags "you", "your", "yours" and "yourself" in the narrative of a news article, outside any
//! quotation, where English news never addresses the reader.
//!
//! ## Why it signals MT
//! German "Sie" means both "they" and the polite "you", and "sie" also means "she". MT often
//! picks the polite "you" when the text means "they": "Einige gehen weiter. Sie wechseln die
//! Seiten." becomes "Some go further. You switch sides."
//!
//! ## Example
//! "The owners of the plant announced the closure. You want to cut 300 jobs." flags "You"
//! and suggests "They".
//!
//! Only a "you" that opens its sentence, or that follows a third-person pronoun in it ("They
//! say your pay ..."), is considered: German capitalises the polite "Sie" but not "sie" (they),
//! so MT confuses the two only at the start of a German sentence, where every word has a
//! capital. A "you" inside an English sentence came from a German "Sie" written with a capital
//! mid-sentence, which really is the polite "you".
//!
//! A "you" in the text's first sentence is not flagged: "they" would need someone named before
//! it, and a lone sentence (a segment of a sentence-aligned corpus) gives no narrative to judge
//! it against.
//!
//! ## Known false positives
//! Quoted speech is never flagged. Sentences that address the reader on purpose are skipped:
//! conditions and advice ("If you see the man, call 110", "you can", "you should", "once you",
//! "do not"), questions, imperatives ("Call the hotline if ..."), and speech without quotation
//! marks (a sentence with "I" or "we" outside quotes). An article with two or more imperatives
//! outside quotations ("First, chop the onions. Then add the stock.") gives instructions, and
//! its "you" is the reader. An article that addresses the reader throughout
//! (a service box, a guide) uses "you" many times; when more than `max-per-article` uses outside
//! quotations are found, reader-addressing ones included, none is flagged. A quotation whose marks are missing makes its "you" look
//! like narrative.
//!
//! ## Options
//! - `enabled` (default true)
//! - `severity` (default "major")
//! - `max-per-article`: above this many uses outside quotations, the article is taken to
//!   address its reader and nothing is flagged (default 3).

use super::{Declaration, Detector, Flags};
use crate::analysis::Doc;
use crate::flag::{Category, Severity};
use crate::lexicon::shipped;
use crate::lexicon::verb_forms;
use serde::{Deserialize, Serialize};
use std::sync::LazyLock;

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case", default)]
pub struct NarrativeYouSettings {
    pub enabled: bool,
    pub severity: Option<Severity>,
    pub max_per_article: usize,
}

impl Default for NarrativeYouSettings {
    fn default() -> Self {
        NarrativeYouSettings { enabled: true, severity: None, max_per_article: 3 }
    }
}

common_settings!(NarrativeYouSettings);

pub struct NarrativeYou {
    max_per_article: usize,
}

/// Phrases that show a sentence addresses the reader on purpose.
static READER_ADDRESS: LazyLock<Vec<&str>> =
    LazyLock::new(|| shipped!("data/lexicon/reader_address.txt").rows::<1>().map(|row| row.fields[0]).collect());

fn addresses_reader(doc: &Doc, sentence: usize) -> bool {
    let span = &doc.sentences[sentence].span;
    let text = doc.text[span.clone()].to_lowercase();
    if text.trim_end_matches(['”', '"', '’', '\'', ')']).ends_with('?') {
        return true;
    }
    // All phrases in one pass; an occurrence counts when it stands as whole words.
    let bounded = |start: usize, end: usize| {
        text[..start].chars().next_back().is_none_or(|c| !c.is_alphanumeric())
            && text[end..].chars().next().is_none_or(|c| !c.is_alphanumeric())
    };
    if READER_ADDRESS_FINDER.find_overlapping_iter(&text).any(|found| bounded(found.start(), found.end())) {
        return true;
    }
    // Speech without quotation marks: the speaker's "I" or "we" shows the reader is not narrated to.
    let tokens = doc.sentence_tokens(sentence);
    if tokens.iter().any(|t| matches!(doc.word(t), "I" | "we" | "We") && !doc.in_quotation(t.span.start)) {
        return true;
    }
    is_imperative(doc, sentence)
}

/// Adverbs that open a step of instructions before its verb ("First, chop the onions", "Then
/// add the stock").
const STEP_ADVERBS: [&str; 10] =
    ["first", "then", "next", "now", "finally", "afterwards", "simply", "just", "please", "also"];

/// Whether a sentence is an imperative: it opens with a bare verb ("Call 110 if ...", "Contact
/// the police"), perhaps after an adverb of sequence ("Then add the stock"), or is one verb
/// with an exclamation mark ("Enjoy!").
fn is_imperative(doc: &Doc, sentence: usize) -> bool {
    let tokens = doc.sentence_tokens(sentence);
    let opens_step = tokens.first().is_some_and(|t| STEP_ADVERBS.contains(&doc.lower(t)));
    let tokens = if opens_step && tokens.len() > 1 { &tokens[1..] } else { tokens };
    let Some(first) = tokens.first() else { return false };
    let first_word = doc.word(first);
    if first_word.eq_ignore_ascii_case("you") || crate::lexicon::ENGLISH_FUNCTION_WORDS.contains(first_word) {
        return false;
    }
    let bare_verb = verb_forms(first_word).is_some_and(|f| f.base);
    match tokens.get(1) {
        Some(second) => bare_verb && verb_forms(doc.word(second)).is_none_or(|f| !f.base || f.past),
        None => bare_verb && doc.slice(&doc.sentences[sentence].span).trim_end().ends_with('!'),
    }
}

/// Imperatives outside quotations that make an article a set of instructions (a recipe, a
/// guide, a service box), whose "you" is the reader.
const INSTRUCTIONS: usize = 2;

/// Whether the article gives its reader instructions: at least [`INSTRUCTIONS`] imperative
/// sentences outside quotations.
fn instructs_reader(doc: &Doc) -> bool {
    (0..doc.sentences.len())
        .filter(|&s| !doc.in_quotation(doc.sentences[s].span.start) && is_imperative(doc, s))
        .nth(INSTRUCTIONS - 1)
        .is_some()
}

/// Whether a "you" at token `index` stands where German "Sie" (or "Ihr") could have meant
/// "they" ("their"). German writes the polite "Sie" with a capital and "sie" (they, she) in
/// lower case, so the two are confused only where a capital says nothing: at the start of a
/// sentence. The English "you" then opens its sentence too, or follows a third-person
/// subject that shows the sentence narrates about others ("They say your pay ...").
/// Elsewhere a "you" was capitalised in the German and addresses the reader: product and
/// service texts, letters, advice ("into your kitchen", "up to you").
fn where_sie_is_ambiguous(doc: &Doc, sentence: usize, index: usize) -> bool {
    let first = doc.sentences[sentence].tokens.start;
    index == first
        || doc.tokens[first..index].iter().any(|t| {
            matches!(doc.lower(t), "they" | "them" | "their" | "he" | "she" | "his" | "her" | "him")
                && !doc.in_quotation(t.span.start)
        })
}

/// [`READER_ADDRESS`] as one automaton, built once: a sentence is searched for all of them in
/// one pass, where searching for each in turn cost more than the rest of this detector.
static READER_ADDRESS_FINDER: std::sync::LazyLock<aho_corasick::AhoCorasick> = std::sync::LazyLock::new(|| {
    aho_corasick::AhoCorasick::new(READER_ADDRESS.iter()).expect("a few dozen literal phrases make an automaton")
});

/// The forms [`replacement`] knows.
static YOU_FORMS: std::sync::LazyLock<crate::lexicon::WordList> =
    std::sync::LazyLock::new(|| crate::lexicon::WordList::of(["you", "your", "yours", "yourself", "yourselves"]));

fn replacement(lower: &str) -> Option<&'static str> {
    let base = match lower {
        "you" => "they",
        "your" => "their",
        "yours" => "theirs",
        "yourself" => "themselves",
        "yourselves" => "themselves",
        _ => return None,
    };
    Some(base)
}

impl Detector for NarrativeYou {
    const DECLARATION: Declaration =
        Declaration { id: "narrative-you", category: Category::Mistranslation, severity: Severity::Major, version: 3 };
    type Settings = NarrativeYouSettings;

    fn configure(settings: &NarrativeYouSettings) -> Self {
        NarrativeYou { max_per_article: settings.max_per_article }
    }

    fn detect(&self, doc: &Doc, flags: &mut Flags) {
        let mut found = Vec::new();
        let mut narrative_uses = 0;
        // A sentence often says "you" more than once: it is judged once.
        let mut judged: Option<(usize, bool)> = None;
        for (index, token) in doc.tokens.iter().enumerate() {
            if !YOU_FORMS.contains_token(doc, token) {
                continue;
            }
            let Some(they) = replacement(doc.lower(token)) else { continue };
            if doc.in_quotation(token.span.start) {
                continue;
            }
            narrative_uses += 1;
            let sentence = doc.sentence_at(token.span.start);
            // German "sie" (they) refers back to someone named before: in a text's first sentence
            // there is no one, so a "you" there is the reader or someone outside the excerpt.
            if sentence == 0 || !where_sie_is_ambiguous(doc, sentence, index) {
                continue;
            }
            let addressed = match judged {
                Some((judged_sentence, addressed)) if judged_sentence == sentence => addressed,
                _ => addresses_reader(doc, sentence),
            };
            judged = Some((sentence, addressed));
            if addressed {
                continue;
            }
            found.push((index, they));
        }
        if narrative_uses > self.max_per_article || !found.is_empty() && instructs_reader(doc) {
            return; // The article addresses its reader throughout: a guide, a recipe or a service box.
        }
        for (index, they) in found {
            let token = &doc.tokens[index];
            let word = doc.word(token);
            let suggestion = if token.capitalized { crate::lexicon::capitalised(they) } else { they.to_string() };
            let sentence = doc.sentence_at(token.span.start);
            let antecedent = doc
                .mentions_before(index, 1)
                .find(|m| m.sentence < sentence)
                .map(|m| format!(" (perhaps \"{}\" in the sentence before)", doc.slice(&m.span)));
            flags.flag(token.span.clone(), if doc.sentence_tokens(sentence).len() <= 6 { 0.8 } else { 0.65 }, format!(
                    "\"{word}\" addresses the reader directly, outside any quotation, which a news report does not do; German \"Sie\" (they) was probably translated as the polite \"you\". Check who is meant{}.",
                    antecedent.unwrap_or_default()
                )).suggest(suggestion);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{assert_no_flags, excerpts, flags_of};
    use super::*;

    #[test]
    fn flags_you_in_narrative_and_suggests_they() {
        let flags = flags_of::<NarrativeYou>(
            "The owners of the plant announced the closure on Friday. You want to cut 300 jobs by the end of the year.",
        );
        assert_eq!(flags.len(), 1);
        assert_eq!(flags[0].0, "You");
        assert_eq!(flags[0].1.suggestion.as_deref(), Some("They"));
    }

    #[test]
    fn flags_possessives_too() {
        assert_eq!(
            excerpts::<NarrativeYou>("The nurses walked out on Monday. They say your pay has not risen in years."),
            ["your"]
        );
    }

    #[test]
    fn quotes_reader_address_questions_and_imperatives_are_fine() {
        assert_no_flags::<NarrativeYou>("“You have to be patient,” the mayor told residents.");
        assert_no_flags::<NarrativeYou>("If you see the man, call 110. Police say he is dangerous.");
        assert_no_flags::<NarrativeYou>("Call the hotline if you have seen the car. You can also send a message.");
        assert_no_flags::<NarrativeYou>("Do you know the answer? Write to us.");
    }

    #[test]
    fn articles_that_address_the_reader_throughout_are_left_alone() {
        assert_no_flags::<NarrativeYou>(
            "Heating costs keep rising. Your landlord must tell you the new rate. Your contract sets the limits. \
             Your neighbours pay the same. You are not alone.",
        );
    }

    #[test]
    fn instructions_address_their_reader() {
        assert_no_flags::<NarrativeYou>(
            "Recipe: a quick autumn soup\n\nYou will need two onions and a pumpkin. First, chop the onions and fry \
             them gently. Then add the pumpkin and cook for 20 minutes. Season to taste. Enjoy!",
        );
        // One imperative does not make a news report a guide.
        assert_eq!(
            excerpts::<NarrativeYou>(
                "The farmers blocked the road on Monday. You want higher prices for milk. Read more on page 3."
            ),
            ["You"]
        );
    }

    #[test]
    fn you_inside_a_sentence_addresses_the_reader_in_service_and_product_texts() {
        assert_no_flags::<NarrativeYou>(
            "The new machine grinds the beans fresh. It brings coffee into your kitchen or your office.",
        );
        assert_no_flags::<NarrativeYou>(
            "Orders are shipped the same day. This allows you to track the parcel at night.",
        );
        assert_no_flags::<NarrativeYou>("The risk is real. Whether it is worth it is up to you, of course.");
        // A sentence-initial "You" after a third-person plural is still the German "Sie" (they).
        assert_eq!(
            excerpts::<NarrativeYou>("Two companies left the alliance last week. You want to build their own network."),
            ["You"]
        );
    }

    #[test]
    fn a_you_with_nothing_before_it_has_no_antecedent_to_be_they() {
        assert_no_flags::<NarrativeYou>("You will also receive a proper invoice.");
        assert_no_flags::<NarrativeYou>("You will look for gold and build up enterprises. The game starts in 1849.");
        // The same sentence after a third-person plural is flagged.
        assert_eq!(excerpts::<NarrativeYou>("The settlers arrived in May. You will look for gold."), ["You"]);
    }

    #[test]
    fn clean_news_gets_no_flags() {
        assert_no_flags::<NarrativeYou>(
            "Lufthansa cancelled 200 flights on Wednesday as ground staff walked out. The union said the strike \
             would last until Thursday morning. Passengers were told to check their bookings online.",
        );
    }
}
