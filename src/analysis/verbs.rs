//! Guesses at which words of a sentence may be its verb, from the word lists alone: shared by
//! the detectors that look for a missing or misplaced verb.

use super::{Doc, Token};

/// Words after which a verb-looking word is a noun: "the plan", "no name", "two fights".
const NOUN_MARKERS: [&str; 22] = [
    "the", "a", "an", "no", "this", "that", "these", "those", "his", "her", "its", "their", "our", "my", "your",
    "every", "each", "some", "any", "of", "many", "few",
];

/// Whether the token at `i` of a sentence may be a verb: a verb form that is not capitalised
/// inside the sentence and does not follow a determiner, possessive, number or adjective.
pub fn possible_verb_at(doc: &Doc, tokens: &[Token], i: usize) -> bool {
    let token = &tokens[i];
    let lower = doc.lower(token);
    // Every contraction ends in an apostrophe ("'" or the last byte of "’") and one or two
    // letters: a look at two bytes spares nearly every word the fourteen comparisons.
    let bytes = lower.as_bytes();
    let apostrophe_near_end =
        (2..=3).any(|back| bytes.len() >= back && matches!(bytes[bytes.len() - back], b'\'' | 0x99));
    if apostrophe_near_end
        && ["’s", "'s", "n’t", "n't", "’re", "'re", "’ve", "'ve", "’ll", "'ll", "’m", "'m", "’d", "'d"]
            .iter()
            .any(|c| lower.ends_with(c))
    {
        return true;
    }
    if crate::lexicon::is_auxiliary(lower) {
        return true;
    }
    if token.capitalized && i > 0 {
        return false;
    }
    let Some(forms) = token.lex.verb() else { return false };
    // A word closed off by a bracket marks no noun: "Lindner (61) runs" has its verb after an aside.
    let previous = i
        .checked_sub(1)
        .filter(|&p| !doc.gap(&tokens[p], token).contains([')', ']']))
        .map(|p| (doc.lower(&tokens[p]), tokens[p].lex));
    let after_noun_marker = previous
        .is_some_and(|(p, lex)| NOUN_MARKERS.contains(&p) || lex.adjective() || p.chars().all(|c| c.is_ascii_digit()));
    !after_noun_marker
        || forms.past
        || forms.gerund && !forms.base
        || agrees_with_demonstrative(previous, forms)
        || follows_subject_pronoun(doc, &tokens[..i])
}

/// Subject pronouns: a verb form after one is its verb ("we sell", "it works").
const SUBJECT_PRONOUNS: [&str; 8] = ["i", "we", "you", "they", "he", "she", "it", "who"];

/// Adverbs that stand between a subject and its verb and are also on the adjective list ("we
/// then sell", "they only want").
const MID_ADVERBS: [&str; 10] = ["then", "now", "only", "still", "also", "just", "often", "already", "even", "rarely"];

/// Whether the words before a verb form end in a subject pronoun, perhaps followed by one
/// adverb: "we sell", "we then sell", "she quickly left".
fn follows_subject_pronoun(doc: &Doc, before: &[Token]) -> bool {
    let mut words = before.iter().rev().map(|t| doc.lower(t));
    let Some(last) = words.next() else { return false };
    if SUBJECT_PRONOUNS.contains(&last) {
        return true;
    }
    let adverb = MID_ADVERBS.contains(&last) || last.len() > 4 && last.ends_with("ly");
    adverb && words.next().is_some_and(|word| SUBJECT_PRONOUNS.contains(&word))
}

/// Whether a demonstrative before a verb form is its subject rather than its determiner: a
/// determiner agrees in number with its noun, so "this makes" and "those look" can only be
/// subject and verb ("this plan" and "those plans" are determiner and noun).
fn agrees_with_demonstrative(previous: Option<(&str, crate::lexicon::Lex)>, forms: crate::lexicon::VerbForms) -> bool {
    match previous.map(|(word, _)| word) {
        Some("this" | "that") => forms.third_person,
        Some("these" | "those") => forms.base && !forms.third_person,
        _ => false,
    }
}

/// Whether any word of the sentence may be its finite verb. A form that can only be a past
/// participle ("born", "taken") needs an auxiliary, which counts on its own: "Born in Tokyo to
/// British parents." has no verb.
pub fn has_possible_verb(doc: &Doc, sentence: usize) -> bool {
    let tokens = doc.sentence_tokens(sentence);
    (0..tokens.len()).any(|i| possible_verb_at(doc, tokens, i) && !only_participle(tokens[i].lex.verb()))
}

fn only_participle(forms: Option<crate::lexicon::VerbForms>) -> bool {
    forms.is_some_and(|f| f.participle && !(f.base || f.past || f.gerund || f.third_person))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn verbs_of(sentence: &str) -> Vec<String> {
        let doc = Doc::new(sentence);
        let tokens = doc.sentence_tokens(0);
        (0..tokens.len())
            .filter(|&i| possible_verb_at(&doc, tokens, i))
            .map(|i| doc.lower(&tokens[i]).to_string())
            .collect()
    }

    #[test]
    fn spelling_variants_of_a_verb_form_are_verbs() {
        assert_eq!(verbs_of("The defect only occurred after a few months."), ["occurred"]);
        assert_eq!(verbs_of("Both delegations travelled to Kyiv."), ["travelled"]);
        assert_eq!(verbs_of("Both delegations traveled to Kyiv."), ["traveled"]);
    }

    #[test]
    fn a_participle_alone_is_no_finite_verb() {
        let finite = |text: &str| has_possible_verb(&Doc::new(text), 0);
        assert!(!finite("Born in Tokyo to British parents."));
        assert!(!finite("Taken together, the figures for the year."));
        assert!(finite("She was born in Tokyo."));
        assert!(finite("Officials became nervous."));
    }

    #[test]
    fn a_number_in_brackets_marks_no_noun_after_it() {
        assert_eq!(verbs_of("Dr. Petra Lindner (61) runs the last practice."), ["runs"]);
        assert_eq!(verbs_of("The team scored 61 runs."), ["scored"]);
    }

    #[test]
    fn a_verb_form_after_a_subject_pronoun_is_a_verb() {
        assert_eq!(verbs_of("We then sell the second chair privately."), ["sell"]);
        assert!(verbs_of("The costs, they rightly fear, are high.").contains(&"fear".to_string()));
        // Without the pronoun, a verb form after "then" (on the adjective list) stays a noun.
        assert!(verbs_of("The then plan for the city.").is_empty());
    }

    #[test]
    fn a_demonstrative_subject_is_told_from_a_determiner_by_agreement() {
        assert_eq!(verbs_of("That makes you angry."), ["makes"]);
        assert_eq!(verbs_of("These occur about once a year."), ["occur"]);
        // Determiner and noun agree: no verb.
        assert!(verbs_of("This plan for the city.").is_empty());
        assert!(verbs_of("Those plans for the city.").is_empty());
    }
}
