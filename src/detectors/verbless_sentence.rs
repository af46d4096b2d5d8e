//! # verbless-sentence
//!
//! ## What it does
//! Flags a sentence of running text, ended with a full stop or exclamation mark, that contains
//! no word that can be a verb: "“Freedom of Russia” since March."
//!
//! A word counts as a possible verb when the verb list (`data/lexicon/verbs.tsv`, from
//! LemmInflect) knows it as a verb form, it is not capitalised inside the sentence ("March",
//! "Legion") and it does not follow a determiner, possessive, number or adjective ("no real
//! name", "the plan"). Auxiliaries, modals and contractions ("that’s") always count.
//!
//! ## Why it signals MT
//! MT drops or misplaces verbs when it reorders German clauses, and splits long German
//! sentences into pieces that lack one ("Seit März gibt es die ‚Freiheit Russlands‘." becomes
//! "“Freedom of Russia” since March.").
//!
//! ## Example
//! "The unit “Freedom of Russia” since March." is flagged; "The unit has existed since March." is not.
//!
//! ## Known false positives
//! Formulae that need no verb are skipped: forms of address, greetings, thanks,
//! congratulations and wishes ("Ladies and gentlemen!", "Many thanks to the organisers.",
//! "Alright, thank you.", "First of all, happy Christmas!").
//! Headlines, datelines, bylines and captions have no end punctuation or are in title case, and
//! are skipped, as are datelines in lower case ("chinanews.com, July 26."), and
//! quoted speech, sentences of fewer than three words ("No wonder.") and the answer right after
//! a question ("Will that change in March? Not this time."). Deliberate stylistic
//! fragments in features ("A bold move. Too bold, perhaps.") are flagged.
//!
//! ## Options
//! - `enabled` (default true)
//! - `severity` (default "minor")
//! - `min-words`: shorter sentences are not checked (default 3).

use super::{Declaration, Detector, Flags};
use crate::analysis::verbs::has_possible_verb;
use crate::analysis::Doc;
use crate::flag::{Category, Severity};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case", default)]
pub struct VerblessSentenceSettings {
    pub enabled: bool,
    pub severity: Option<Severity>,
    pub min_words: usize,
}

impl Default for VerblessSentenceSettings {
    fn default() -> Self {
        VerblessSentenceSettings { enabled: true, severity: None, min_words: 3 }
    }
}

common_settings!(VerblessSentenceSettings);

pub struct VerblessSentence {
    min_words: usize,
}

/// Two-word openings of such formulae, whose first word alone opens ordinary fragments too.
const FORMULA_PAIRS: [(&str, &str); 12] = [
    ("good", "morning"),
    ("good", "afternoon"),
    ("good", "evening"),
    ("good", "night"),
    ("good", "luck"),
    ("best", "wishes"),
    ("best", "regards"),
    ("kind", "regards"),
    ("warm", "regards"),
    ("many", "thanks"),
    ("heartfelt", "thanks"),
    ("special", "thanks"),
];

/// Seasonal wishes, which may follow an opening ("First of all, Merry Christmas to you!").
const WISHES: [(&str, &str); 7] = [
    ("merry", "christmas"),
    ("happy", "christmas"),
    ("happy", "birthday"),
    ("happy", "holidays"),
    ("happy", "new"),
    ("happy", "easter"),
    ("thank", "you"),
];

/// Thanks may come after a word or two ("Alright, thank you.", "Many kind thanks."): a
/// sentence whose first this many words hold "thanks" or "thank you" is a formula.
const THANKS_WITHIN: usize = 4;

/// Whether the sentence is a formula of address, greeting, thanks or congratulation.
fn is_formula(doc: &Doc, tokens: &[crate::analysis::Token]) -> bool {
    let Some(first) = tokens.first().map(|t| doc.lower(t)) else { return false };
    let second = tokens.get(1).map(|t| doc.lower(t));
    crate::lexicon::FORMULA_OPENINGS.contains(&first)
        || FORMULA_PAIRS.iter().any(|&(a, b)| a == first && Some(b) == second)
        || tokens.windows(2).any(|pair| WISHES.contains(&(doc.lower(&pair[0]), doc.lower(&pair[1]))))
        || tokens.iter().take(THANKS_WITHIN).any(|t| doc.is(t, "thanks"))
}

/// A dateline in lower case: a place or outlet, a comma, and a date at the end ("Chinanews
/// client, July 26th.", "chinanews.com, July 26.", "Erfurt, 3 March.").
fn is_dateline(doc: &Doc, tokens: &[crate::analysis::Token]) -> bool {
    let day = |t: &crate::analysis::Token| {
        let word = doc.lower(t);
        let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        !digits.is_empty()
            && digits.len() <= 2
            && digits.bytes().all(|b| b.is_ascii_digit())
            && ["", "st", "nd", "rd", "th"].contains(&&word[digits.len()..])
    };
    let month = |t: &crate::analysis::Token| crate::lexicon::MONTHS.contains(doc.lower(t));
    let [.., before, last] = tokens else { return false };
    let ends_with_date = month(before) && day(last) || day(before) && month(last);
    let comma_before_date = doc.text[tokens[0].span.start..before.span.start].contains(',');
    tokens.len() <= 8 && ends_with_date && comma_before_date
}

/// Whether the sentence before this one asks a question, which an elliptical answer may follow
/// ("Will that change in March? Not this time."). A quoted question counts only when the quotation
/// is the whole sentence: a title that ends in a question mark ("the series “Host mi?”") asks
/// nothing.
fn answers_a_question(doc: &Doc, index: usize) -> bool {
    const CLOSERS: [char; 8] = ['”', '"', '’', '\'', '“', '«', '»', ')'];
    let Some(previous) = index.checked_sub(1).map(|i| &doc.sentences[i]) else { return false };
    let text = doc.slice(&previous.span);
    let question = text.trim_end_matches(CLOSERS);
    question.ends_with('?') && (question.len() == text.len() || text.starts_with(['“', '„', '"', '‘', '«', '»', '\'']))
}

impl Detector for VerblessSentence {
    const DECLARATION: Declaration =
        Declaration { id: "verbless-sentence", category: Category::Grammar, severity: Severity::Minor, version: 6 };
    type Settings = VerblessSentenceSettings;

    fn configure(settings: &VerblessSentenceSettings) -> Self {
        VerblessSentence { min_words: settings.min_words }
    }

    fn detect(&self, doc: &Doc, flags: &mut Flags) {
        for (index, sentence) in doc.sentences.iter().enumerate() {
            let tokens = doc.sentence_tokens(index);
            if tokens.len() < self.min_words || tokens.len() > 25 || doc.is_heading(index) {
                continue;
            }
            let text = doc.slice(&sentence.span);
            let ends = text.trim_end_matches(['”', '"', '’', '\'', '“', '«', '»', ')']);
            if !(ends.ends_with('.') || ends.ends_with('!')) {
                continue;
            }
            let (first, last) = (&tokens[0], &tokens[tokens.len() - 1]);
            if doc.in_quotation(first.span.start) && doc.in_quotation(last.span.start) {
                continue; // Quoted speech may be elliptical.
            }
            // Title case marks a headline or a dateline ("A Milestone Leap!", "China News Service, July 26.").
            let words = tokens.iter().filter(|t| t.has_letter).count();
            let capitalised = tokens.iter().filter(|t| t.has_letter && t.capitalized).count();
            if capitalised * 10 > words * 7 {
                continue;
            }
            if has_possible_verb(doc, index)
                || is_formula(doc, tokens)
                || answers_a_question(doc, index)
                || is_dateline(doc, tokens)
            {
                continue;
            }
            flags.flag(sentence.span.clone(), if tokens.len() >= 5 { 0.65 } else { 0.5 }, "This sentence has no verb: a fragment in running text, often a German clause that the translation split off, or whose verb it dropped.".to_string());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{assert_no_flags, excerpts};
    use super::*;

    #[test]
    fn flags_sentences_without_any_verb() {
        assert_eq!(
            excerpts::<VerblessSentence>(
                "The unit fights in the east. “Freedom of Russia” since March. It has 300 members."
            ),
            ["“Freedom of Russia” since March."]
        );
        assert_eq!(
            excerpts::<VerblessSentence>("He refused to say more. No age, no real name. The interview ended."),
            ["No age, no real name."]
        );
    }

    #[test]
    fn greetings_thanks_and_forms_of_address_are_not_fragments() {
        assert_no_flags::<VerblessSentence>(
            "Ladies and gentlemen, dear colleagues! Many thanks to the organisers of this summit. \
             Congratulations to the new chair! Good evening to all of you. First of all, Merry Christmas to you!",
        );
        assert_no_flags::<VerblessSentence>(
            "The parcel came on time. Alright, thank you. Many kind thanks. First of all, happy Christmas to all of you!",
        );
        // The same words in an ordinary fragment still count.
        assert_eq!(
            excerpts::<VerblessSentence>("The team met on Friday. Good news for the fans of the club. It won."),
            ["Good news for the fans of the club."]
        );
    }

    #[test]
    fn sentences_with_verbs_headlines_and_quotes_are_fine() {
        assert_no_flags::<VerblessSentence>("Material becomes scarce and morale erodes. That’s the problem.");
        assert_no_flags::<VerblessSentence>("For a new Russia, against the regime\nThe group formed in March.");
        assert_no_flags::<VerblessSentence>("“What a day.” The coach laughed. (dpa)");
        assert_no_flags::<VerblessSentence>("Prices rose. The plans failed. Rescue workers searched all night.");
    }

    #[test]
    fn datelines_are_not_fragments() {
        assert_no_flags::<VerblessSentence>(
            "Chinanews client, July 26th. The giants of Serie A won a milestone battle.",
        );
        assert_no_flags::<VerblessSentence>("chinanews.com, July 26. The spokesperson said the talks went well.");
        // A fragment that merely ends with a date is still one.
        assert_eq!(
            excerpts::<VerblessSentence>(
                "The talks went well. The new rules for all members of the union since July 26."
            ),
            ["The new rules for all members of the union since July 26."]
        );
    }

    #[test]
    fn an_answer_right_after_a_question_may_be_elliptical() {
        assert_no_flags::<VerblessSentence>("Will the party lose its majority in March? Not this time, surely.");
        assert_no_flags::<VerblessSentence>("Is the money enough?\nCertainly not for the next ten years.");
        assert_no_flags::<VerblessSentence>("“Will it pass?” Not this time, surely.");
        // A title that ends in a question mark asks nothing.
        assert_eq!(
            excerpts::<VerblessSentence>(
                "The word stayed in the series “Who am I?” Unguessed by the callers this time."
            ),
            ["Unguessed by the callers this time."]
        );
        // Only right after the question.
        assert_eq!(
            excerpts::<VerblessSentence>("Will it pass? Nobody knows. Not this time, surely."),
            ["Not this time, surely."]
        );
    }

    #[test]
    fn clean_news_gets_no_flags() {
        assert_no_flags::<VerblessSentence>(
            "Heavy rain flooded streets in Hamburg on Tuesday. The fire brigade pumped out dozens of cellars. \
             Trains between Hamburg and Bremen ran with delays of up to an hour.",
        );
    }
}
