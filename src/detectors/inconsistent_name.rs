//! # inconsistent-name
//!
//! ## What it does
//! Flags a proper name that appears in two spellings in one article ("Arnie" and "Arni",
//! "Kowalski" and "Kowalsky", "Lindemann" and "Lindeman"), including a German letter spelt out
//! in one of them ("Müller" and "Mueller", "Weiß" and "Weiss"). Every occurrence of the rarer
//! spelling is flagged (the later one when both are equally common), and the message names both
//! forms with their counts. At a lower confidence it also flags multi-word names of an
//! organisation that drift apart ("Free Legion of Russia" and "Freedom of Russia").
//!
//! ## Why it signals MT
//! MT translates sentence by sentence and has no memory of how it spelled a name before, so
//! transliterated and rare names drift. A reader cannot tell whether two people are meant.
//!
//! ## Example
//! "Arnie is one of them. ... So I changed sides,” Arni tells reporters." flags "Arni".
//!
//! ## Known false positives
//! Guards keep apart what only looks alike: names shorter than four letters, names with a
//! different first letter, possessives and inflections ("Kowalski’s"), demonyms and adjectives
//! ("Russia" and "Russian", "Germany" and "German"), common English words, two first names
//! that both exist ("Jan" and "Jana") unless the same surname follows both ("Katrin Maier" and
//! "Kathrin Maier", or the same initial: "Marcus H." and "Markus H."), compounds that end in
//! different words ("Bundestag" and "Bundesrat"; ends one letter apart, as in "Wernecke" and
//! "Wernicke", are one name), and two spellings used in the same sentence (two people
//! side by side). Relatives with similar names in one story can still be flagged.
//!
//! ## Options
//! - `enabled` (default true)
//! - `severity` (default "minor")
//! - `min-length`: names shorter than this are never compared (default 4).

use super::{Declaration, Detector, Flags};
use crate::analysis::{Doc, Span};
use crate::flag::{Category, Severity};
use crate::lexicon::FIRST_NAMES;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case", default)]
pub struct InconsistentNameSettings {
    pub enabled: bool,
    pub severity: Option<Severity>,
    pub min_length: usize,
}

impl Default for InconsistentNameSettings {
    fn default() -> Self {
        InconsistentNameSettings { enabled: true, severity: None, min_length: 4 }
    }
}

common_settings!(InconsistentNameSettings);

pub struct InconsistentName {
    min_length: usize,
}

/// Endings that turn a name into a related word rather than a misspelling of it.
const DERIVED_SUFFIXES: [&str; 12] = ["s", "es", "n", "an", "ian", "ans", "ians", "ish", "ese", "er", "ers", "y"];

/// One capitalised word that may be a name, in the form it would be compared in.
struct Occurrence<'a> {
    form: &'a str,
    span: Span,
    sentence: usize,
}

impl InconsistentName {
    fn name_form<'a>(&self, word: &'a str, lex: crate::lexicon::Lex) -> Option<&'a str> {
        let bare = word.strip_suffix("’s").or_else(|| word.strip_suffix("'s"));
        // The token's own word-list entry, unless a possessive had to be stripped first.
        let lex = match bare {
            Some(bare) => crate::lexicon::lex(&bare.to_lowercase()),
            None => lex,
        };
        let word = bare.unwrap_or(word);
        // Most names are ASCII: then bytes are letters, and each test is a byte test.
        let (letters, uppercase, alphabetic) = if word.is_ascii() {
            let bytes = word.as_bytes();
            (
                bytes.len(),
                bytes.iter().filter(|b| b.is_ascii_uppercase()).count(),
                bytes.iter().all(u8::is_ascii_alphabetic),
            )
        } else {
            (
                word.chars().count(),
                word.chars().filter(|c| c.is_uppercase()).count(),
                word.chars().all(char::is_alphabetic),
            )
        };
        let is_name = letters >= self.min_length
            && uppercase == 1
            && alphabetic
            && !lex.english_word()
            && !lex.month()
            && !lex.weekday();
        is_name.then_some(word)
    }
}

fn derived(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if let Some(suffix) = long.strip_prefix(short) {
        if DERIVED_SUFFIXES.contains(&suffix) {
            // "Lindeman" and "Lindemann" double a consonant: a spelling variant, not a derivation.
            let doubled = suffix.len() == 1 && short.ends_with(suffix);
            return !doubled;
        }
    }
    // "Germany" and "German", "Italy" and "Italian": the base without its last letter.
    let stem = &short[..short.len() - short.chars().next_back().map_or(0, char::len_utf8)];
    short.ends_with('y') && long.strip_prefix(stem).is_some_and(|s| DERIVED_SUFFIXES.contains(&s))
}

/// Whether two ASCII words' letters, counted as bags, differ in at most `most` letters (a
/// letter in one bag and not the other counts once). Each edit changes that count by at most
/// two (a substitution takes one letter out and puts another in; a swap changes nothing), so
/// more than twice the allowed edits rules a pair out before the edit distance is computed,
/// which allocates a table per pair. Words that are not ASCII always pass.
fn letters_differ_by_at_most(a: &str, b: &str, most: usize) -> bool {
    if !a.is_ascii() || !b.is_ascii() {
        return true;
    }
    let mut counts = [0i16; 128];
    for &byte in a.as_bytes() {
        counts[byte as usize] += 1;
    }
    for &byte in b.as_bytes() {
        counts[byte as usize] -= 1;
    }
    counts.iter().map(|c| c.unsigned_abs() as usize).sum::<usize>() <= most
}

/// Whether two names are compounds that share their start and end in different words
/// ("Bundestag" and "Bundesrat", "Landtag" and "Landrat"): two institutions, not one name
/// spelled two ways.
fn different_compounds(a: &str, b: &str) -> bool {
    let common = a
        .chars()
        .zip(b.chars())
        .take_while(|(x, y)| x.eq_ignore_ascii_case(y))
        .map(|(x, _)| x.len_utf8())
        .sum::<usize>();
    let (a_end, b_end) = (a[common..].to_lowercase(), b[common..].to_lowercase());
    let word = |end: &str| {
        end.chars().count() >= 3
            && (crate::lexicon::ENGLISH_WORDS.contains(end) || crate::lexicon::GERMAN_WORDS.get(end) == Some(&false))
    };
    // Ends one letter apart are one end spelled two ways, even when both are words ("Wernecke"
    // and "Wernicke" end in "ecke" and "icke").
    let one_letter_apart = strsim::damerau_levenshtein(&a_end, &b_end) <= 1;
    common >= 3 && !one_letter_apart && word(&a_end) && word(&b_end)
}

/// Whether two spellings differ only in how German letters are written: "Müller" and
/// "Mueller", "Weiß" and "Weiss", "Jürgen" and "Juergen".
fn transliterated(a: &str, b: &str) -> bool {
    if a.is_ascii() == b.is_ascii() {
        return false; // One spelling keeps the German letters, the other spells them out.
    }
    let spelt_out = |word: &str| {
        let mut out = String::with_capacity(word.len() + 2);
        for c in word.chars() {
            match c {
                'ä' => out.push_str("ae"),
                'ö' => out.push_str("oe"),
                'ü' => out.push_str("ue"),
                'Ä' => out.push_str("Ae"),
                'Ö' => out.push_str("Oe"),
                'Ü' => out.push_str("Ue"),
                'ß' => out.push_str("ss"),
                other => out.push(other),
            }
        }
        out
    };
    spelt_out(a) == spelt_out(b)
}

fn similar(a: &str, b: &str) -> bool {
    if transliterated(a, b) {
        return true;
    }
    let (a_length, b_length) = (a.chars().count(), b.chars().count());
    let allowed = if a_length.min(b_length) >= 8 { 2 } else { 1 };
    // The difference in length is a lower bound of the edit distance: most pairs stop here.
    a_length.abs_diff(b_length) <= allowed
        && letters_differ_by_at_most(a, b, 2 * allowed)
        && strsim::damerau_levenshtein(a, b) <= allowed
        && strsim::jaro_winkler(a, b) >= 0.88
        && !different_compounds(a, b)
}

impl Detector for InconsistentName {
    const DECLARATION: Declaration = Declaration {
        id: "inconsistent-name",
        category: Category::Inconsistency,
        severity: Severity::Minor,
        version: 6,
    };
    type Settings = InconsistentNameSettings;

    fn configure(settings: &InconsistentNameSettings) -> Self {
        InconsistentName { min_length: settings.min_length }
    }

    fn detect(&self, doc: &Doc, flags: &mut Flags) {
        let mut occurrences: Vec<Occurrence> = Vec::new();
        for token in &doc.tokens {
            if !token.capitalized {
                continue;
            }
            let Some(form) = self.name_form(doc.word(token), token.lex) else { continue };
            let span = token.span.start..token.span.start + form.len();
            occurrences.push(Occurrence { form, sentence: doc.sentence_at(span.start), span });
        }
        // Grouped by form, in sorted order; a stable sort keeps each form's occurrences in text
        // order. One vector for all names keeps the allocations per article constant.
        occurrences.sort_by(|a, b| a.form.cmp(b.form));
        let names: Vec<&[Occurrence]> = occurrences.chunk_by(|a, b| a.form == b.form).collect();
        for (i, a) in names.iter().enumerate() {
            let form_a = a[0].form;
            // The forms are sorted, so those that share a's first letter follow it directly.
            let first_letter = form_a.chars().next();
            for b in names[i + 1..].iter().take_while(|b| b[0].form.chars().next() == first_letter) {
                let form_b = b[0].form;
                if derived(form_a, form_b) || !similar(form_a, form_b) {
                    continue;
                }
                // Two real first names are likely two people, unless both stand before the same
                // surname ("Katrin Maier" and "Kathrin Maier"): then one person's name drifted.
                if FIRST_NAMES.contains_key(form_a)
                    && FIRST_NAMES.contains_key(form_b)
                    && !a.iter().any(|x| {
                        surname_after(doc, &x.span)
                            .is_some_and(|surname| b.iter().any(|y| surname_after(doc, &y.span) == Some(surname)))
                    })
                {
                    continue;
                }
                if a.iter().any(|x| b.iter().any(|y| x.sentence == y.sentence)) {
                    continue; // Side by side in one sentence: two different names.
                }
                let (rare, common) = match a.len().cmp(&b.len()) {
                    std::cmp::Ordering::Less => (a, b),
                    std::cmp::Ordering::Greater => (b, a),
                    std::cmp::Ordering::Equal if a[0].span.start > b[0].span.start => (a, b),
                    std::cmp::Ordering::Equal => (b, a),
                };
                let confidence =
                    if strsim::damerau_levenshtein(form_a, form_b) == 1 && form_a.len() >= 5 { 0.7 } else { 0.55 };
                for occurrence in rare.iter() {
                    let span = &occurrence.span;
                    flags.flag(span.clone(), confidence, format!(
                            "\"{}\" ({}×) and \"{}\" ({}×) look like one name spelled two ways in this article; machine translation does not remember how it spelled a name before. Check which one is right.",
                            rare[0].form,
                            rare.len(),
                            common[0].form,
                            common.len()
                        )).suggest(common[0].form);
                }
            }
        }
        self.flag_drifting_organisations(doc, flags);
    }
}

/// The capitalised word right after a first name at `span`, taken for its surname: "Maier" in
/// "Katrin Maier said", "H" in "Marcus H. said".
fn surname_after<'a>(doc: &'a Doc, span: &Span) -> Option<&'a str> {
    let rest = doc.text[span.end..].strip_prefix(' ')?;
    let end = rest.find(|c: char| !c.is_alphabetic()).unwrap_or(rest.len());
    let word = &rest[..end];
    // German reports shorten a surname to its initial ("Marcus H."): the initial counts.
    let initial = word.chars().count() == 1 && rest[end..].starts_with('.');
    (word.chars().next().is_some_and(char::is_uppercase) && (word.chars().count() >= 2 || initial)).then_some(word)
}

/// A multi-word capitalised name: "Free Legion of Russia".
struct Phrase {
    span: Span,
    words: Vec<String>,
}

fn organisation_phrases(doc: &Doc) -> Vec<Phrase> {
    const CONNECTORS: [&str; 4] = ["of", "for", "and", "the"];
    let mut phrases = Vec::new();
    for sentence in 0..doc.sentences.len() {
        let tokens = doc.sentence_tokens(sentence);
        let mut i = 0;
        while i < tokens.len() {
            if !tokens[i].capitalized || doc.word(&tokens[i]).eq_ignore_ascii_case("the") {
                i += 1;
                continue;
            }
            let start = i;
            let mut end = i + 1;
            while end < tokens.len() {
                let word = doc.word(&tokens[end]);
                let gap = doc.gap(&tokens[end - 1], &tokens[end]);
                if !gap.trim().is_empty() && !gap.trim().chars().all(|c| "“”\"„".contains(c)) {
                    break;
                }
                if tokens[end].capitalized {
                    end += 1;
                } else if CONNECTORS.contains(&word) && tokens.get(end + 1).is_some_and(|t| t.capitalized) {
                    end += 2;
                } else {
                    break;
                }
            }
            let run = &tokens[start..end];
            // Most capitalised runs are one or two names: checked before copying any word.
            let has_connector = run.iter().any(|t| CONNECTORS.contains(&doc.word(t)));
            if run.len() >= 3 && has_connector && !FIRST_NAMES.contains_key(doc.word(&run[0])) {
                let words = run.iter().map(|t| doc.word(t).to_string()).collect();
                phrases.push(Phrase { span: run[0].span.start..run[run.len() - 1].span.end, words });
            }
            i = end;
        }
    }
    phrases
}

impl InconsistentName {
    fn flag_drifting_organisations(&self, doc: &Doc, flags: &mut Flags) {
        let phrases = organisation_phrases(doc);
        let mut flagged: Vec<&str> = Vec::new();
        for (i, first) in phrases.iter().enumerate() {
            for later in &phrases[i + 1..] {
                let (a, b) = (&first.words, &later.words);
                if a == b || a.last() != b.last() || a.len().abs_diff(b.len()) > 1 {
                    continue;
                }
                let (head_a, head_b) = (&a[0], &b[0]);
                let shared_prefix = head_a.chars().zip(head_b.chars()).take_while(|(x, y)| x == y).count();
                if shared_prefix < 4 || head_a == head_b && a.len() == b.len() {
                    continue;
                }
                let text = doc.slice(&later.span);
                if flagged.contains(&text) {
                    continue;
                }
                flagged.push(text);
                flags.flag(later.span.clone(), 0.4, format!(
                        "\"{text}\" may name the same organisation as \"{}\" earlier in the article, in a different form; machine translation renders a name afresh each time it meets it.",
                        doc.slice(&first.span)
                    )).suggest(doc.slice(&first.span));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{assert_no_flags, excerpts, flags_of};
    use super::*;

    #[test]
    fn the_letter_count_bound_never_rules_out_a_pair_within_the_edit_distance() {
        let mut random = crate::test_random::XorShift(0x0123_4567_89ab_cdef);
        let alphabet = [b'a', b'b', b'c', b'e', b'n'];
        for _ in 0..3000 {
            let a: String = (0..2 + random.next() % 6).map(|_| random.pick(&alphabet) as char).collect();
            let b: String = (0..2 + random.next() % 6).map(|_| random.pick(&alphabet) as char).collect();
            for allowed in 1..=2 {
                if strsim::damerau_levenshtein(&a, &b) <= allowed {
                    assert!(letters_differ_by_at_most(&a, &b, 2 * allowed), "{a} {b} within {allowed}");
                }
            }
        }
        assert!(!letters_differ_by_at_most("Merkel", "Muller", 2));
        assert!(letters_differ_by_at_most("Kowalski", "Kowalsky", 2));
    }

    #[test]
    fn flags_the_rarer_spelling_and_names_both_forms() {
        let flags = flags_of::<InconsistentName>(
            "Farmer Jens Kowalski drove 300 kilometres. Kowalski is angry. “They take our land,” says Kowalsky.",
        );
        assert_eq!(flags.len(), 1);
        assert_eq!(flags[0].0, "Kowalsky");
        assert!(flags[0].1.message.contains("\"Kowalsky\" (1×)") && flags[0].1.message.contains("\"Kowalski\" (2×)"));
        assert_eq!(flags[0].1.suggestion.as_deref(), Some("Kowalski"));
    }

    #[test]
    fn german_letters_spelt_out_are_one_name() {
        assert_eq!(
            excerpts::<InconsistentName>("Jürgen Müller leads the club. Critics say Müller waited. Mueller denies it."),
            ["Mueller"]
        );
        assert_eq!(excerpts::<InconsistentName>("Anna Weiß spoke first. Then Weiss left. Weiß stayed."), ["Weiss"]);
        assert!(transliterated("Jürgen", "Juergen") && !transliterated("Müller", "Muller"));
    }

    #[test]
    fn two_first_names_before_one_surname_are_one_person() {
        assert_eq!(
            excerpts::<InconsistentName>(
                "Katrin Maier won. The vote was close. Katrin Maier thanked them. Kathrin Maier left."
            ),
            ["Kathrin"]
        );
        assert_no_flags::<InconsistentName>("Katrin Maier won. The vote was close. Kathrin Weber lost.");
        assert_eq!(
            excerpts::<InconsistentName>("Marcus H. had confessed. The judge said Markus H. had shown remorse."),
            ["Markus"]
        );
        assert_no_flags::<InconsistentName>("Marcus H. had confessed. The judge said Markus B. had lied.");
    }

    #[test]
    fn doubled_consonants_and_possessives_are_compared() {
        assert_eq!(
            excerpts::<InconsistentName>(
                "Lindemann won the vote. Critics of Lindemann’s plan were loud. Lindeman thanked them."
            ),
            ["Lindeman"]
        );
    }

    #[test]
    fn demonyms_first_names_and_side_by_side_names_are_not_flagged() {
        assert_no_flags::<InconsistentName>(
            "Russia has denied it. A Russian spokesman spoke. Germany and German firms agree.",
        );
        assert_no_flags::<InconsistentName>("Maria met Mario at the station. Later, Maria left.");
        assert_no_flags::<InconsistentName>("The brothers Petrov and Petrow both ran.");
    }

    #[test]
    fn compounds_that_end_in_different_words_are_different_names() {
        assert_no_flags::<InconsistentName>(
            "The Bundestag passed the law on Friday. The Bundesrat will vote on it in October.",
        );
        assert_no_flags::<InconsistentName>("The Landtag met in Kiel. The Landrat of the district was there too.");
        // A changed letter inside a name is still a second spelling.
        assert_eq!(
            excerpts::<InconsistentName>("Anna Meier won the vote. Critics of Meier were loud. Meyer thanked them."),
            ["Meyer"]
        );
        // Two ends that happen to be words ("Ecke", "icke") after a start that is none.
        assert_eq!(
            excerpts::<InconsistentName>("Coach Tobias Wernecke was pleased. Later, Wernicke said they fought."),
            ["Wernicke"]
        );
    }

    #[test]
    fn drifting_organisation_names_get_a_low_confidence_flag() {
        let flags = flags_of::<InconsistentName>(
            "About 100 soldiers joined the Free Legion of Russia. The Freedom of Russia unit was founded in March.",
        );
        assert_eq!(flags.len(), 1, "{flags:?}");
        assert_eq!(flags[0].0, "Freedom of Russia");
        assert!(flags[0].1.confidence < 0.5);
    }

    #[test]
    fn clean_news_gets_no_flags() {
        assert_no_flags::<InconsistentName>(
            "Chancellor Olaf Scholz met President Emmanuel Macron in Paris. Scholz said the talks were good. \
             Macron agreed. The Bank of England and the Bank of France issued a joint statement.",
        );
    }
}
