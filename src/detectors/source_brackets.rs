//! # source-brackets
//!
//! ## What it does
//! Flags an English segment with a different number of quotations or parenthesised asides
//! than its aligned source sentence. Runs only when the input has a source column.
//!
//! Quotations are found by their marks in each language's styles (German „…“, »…«, ‚…‘, "…";
//! English “…”, ‘…’, "…", '…'); a mark opens a quotation only before a word and after a space,
//! so apostrophes are not taken for quotes. Only quotations of four words or more count:
//! shorter ones are titles and terms („Die Simpsons“), which English often writes without
//! marks. Parentheses that hold only a number (an age, "Putin (69)") or only an
//! abbreviation ("(CSU)") are not counted: good translations drop or rewrite them. A quotation counts as lost or added only when the number of all
//! quotations differs too, since a four-word German quotation may take three words in English.
//!
//! ## Why it signals MT
//! When MT drops a quotation mark, a quote runs on into the narrative and the reader can no
//! longer tell who is speaking; a dropped parenthesis usually takes its aside with it.
//!
//! ## Example
//! Source „Wir sind zu allem bereit“, sagte sie. Translation: We are ready for anything, she
//! said. Flagged: the source quotes someone and the translation does not.
//!
//! ## Known false positives
//! Translators who turn a quotation into reported speech, or an aside into a subordinate
//! clause, on purpose.
//!
//! ## Options
//! - `enabled` (default true)
//! - `severity` (default "minor")

use super::{Declaration, Detector, Flags, Switch};
use crate::analysis::Doc;
use crate::flag::{Category, Severity};

pub struct SourceBrackets;

/// Quotation marks of both languages that open a quotation.
const OPENING_MARKS: [char; 8] = ['„', '“', '"', '»', '«', '‚', '‘', '\''];
/// Marks that close one.
const CLOSING_MARKS: [char; 8] = ['“', '”', '"', '«', '»', '‘', '’', '\''];

/// Quotations in a text: how many quoted stretches hold at least four words (speech), and how
/// many there are of any length. Shorter ones are mostly titles and terms („Die Simpsons“,
/// "Black Lives Matter"), which English often sets in italics or without marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Quotations {
    speech: usize,
    all: usize,
    /// Words inside all of them.
    words: usize,
}

fn quotations(text: &str) -> Quotations {
    let chars: Vec<char> = text.chars().collect();
    let mut count = Quotations { speech: 0, all: 0, words: 0 };
    let mut i = 0;
    while i < chars.len() {
        let opens = OPENING_MARKS.contains(&chars[i])
            && (i == 0 || chars[i - 1].is_whitespace() || "([–-".contains(chars[i - 1]))
            && chars.get(i + 1).is_some_and(|c| c.is_alphanumeric());
        if !opens {
            i += 1;
            continue;
        }
        // The quotation runs to the next closing mark that ends a word.
        let close = (i + 1..chars.len())
            .find(|&j| CLOSING_MARKS.contains(&chars[j]) && chars.get(j + 1).is_none_or(|c| !c.is_alphanumeric()));
        let end = close.unwrap_or(chars.len());
        let inner: String = chars[i + 1..end].iter().collect();
        count.all += 1;
        count.words += inner.split_whitespace().count();
        if inner.split_whitespace().count() >= 4 {
            count.speech += 1;
        }
        i = end + 1;
    }
    count
}

/// Parenthesised asides, not counting those that hold only a number or an abbreviation. On
/// the translation's side (`source` given), a short gloss of a German term the translation
/// keeps is not counted either: "the Bahnbetriebswerk (depot)", "the programme “Guten Tag,
/// liebes Glück” (good day dear love)", where the word before the bracket is in the source as
/// it stands.
fn asides(text: &str, source: Option<&str>) -> usize {
    let mut count = 0;
    let mut rest = text;
    while let Some(open) = rest.find('(') {
        let before = &rest[..open];
        let after = &rest[open + 1..];
        let inner = after.find(')').map_or(after, |close| &after[..close]);
        let trivial = inner.chars().all(|c| c.is_ascii_digit() || c.is_whitespace())
            || inner.chars().all(|c| c.is_uppercase() || c == '/' || c == '-') && inner.chars().count() <= 6;
        let gloss = source.is_some_and(|source| {
            let term = before.trim_end().trim_end_matches(['”', '"', '“', '’', '\'', '»', '«']);
            let word = term.rsplit(char::is_whitespace).next().unwrap_or("");
            // A gloss is a few words of English, at least one of them in lower case: not an
            // abbreviation ("(SANParks)") or a spaced-out bracket ("( CSU )").
            let english_words = inner.split_whitespace().count() <= 5
                && inner.split_whitespace().any(|w| w.chars().all(char::is_lowercase))
                && inner.trim() == inner;
            word.chars().count() >= 5 && english_words && source.contains(word)
        });
        if !trivial && !gloss {
            count += 1;
        }
        rest = after;
    }
    count
}

impl Detector for SourceBrackets {
    const DECLARATION: Declaration =
        Declaration { id: "source-brackets", category: Category::Punctuation, severity: Severity::Minor, version: 2 };
    type Settings = Switch;

    fn configure(_settings: &Switch) -> Self {
        SourceBrackets
    }

    fn detect(&self, doc: &Doc, flags: &mut Flags) {
        let Some(source) = &doc.source else { return };
        for (_, link, target_span) in doc.aligned_links() {
            let source_text = &source.text[source.span_of(link)];
            let target_text = &doc.text[target_span.clone()];
            let mut problems = Vec::new();
            let (source_quotes, target_quotes) = (quotations(source_text), quotations(target_text));
            // German takes more words than English to say the same: a four-word quotation may
            // come out in three ("Lasst euch jetzt boostern!", "Let's get boosted!"). Where the
            // quotations are as many on both sides and about as long, none was lost or added.
            let (shorter, longer) =
                (source_quotes.words.min(target_quotes.words), source_quotes.words.max(target_quotes.words));
            let same_quotations = source_quotes.all == target_quotes.all && shorter * 2 >= longer;
            if source_quotes.speech != target_quotes.speech && !same_quotations {
                let (source_quotes, target_quotes) = (source_quotes.speech, target_quotes.speech);
                problems.push(format!(
                    "{} quotation{} where the source has {}",
                    target_quotes,
                    if target_quotes == 1 { "" } else { "s" },
                    source_quotes
                ));
            }
            // Glosses are discounted only from asides the translation has in excess.
            let source_asides = asides(source_text, None);
            let target_asides = match asides(target_text, None) {
                more if more > source_asides => asides(target_text, Some(source_text)).max(source_asides),
                count => count,
            };
            if source_asides != target_asides {
                problems.push(format!(
                    "{} parenthesised aside{} where the source has {}",
                    target_asides,
                    if target_asides == 1 { "" } else { "s" },
                    source_asides
                ));
            }
            if problems.is_empty() {
                continue;
            }
            flags.flag(
                target_span.clone(),
                0.5,
                format!(
                    "This translation has {}: a quotation or aside may have been lost or added. Source: “{}”.",
                    problems.join(" and "),
                    source_text.trim()
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn flagged(source: &str, target: &str) -> Vec<String> {
        super::super::test_support::excerpts_with_source::<SourceBrackets>(source, target)
    }

    #[test]
    fn flags_a_lost_quotation_and_a_lost_aside() {
        assert_eq!(
            flagged(
                "„Wir sind zu allem bereit“, sagte die Ministerin.",
                "We are ready for anything, said the minister."
            ),
            ["We are ready for anything, said the minister."]
        );
        assert_eq!(
            flagged("Die Firma (gegründet 1890 in Köln) schließt.", "The company closes."),
            ["The company closes."]
        );
    }

    #[test]
    fn a_quotation_cut_to_a_fragment_is_not_the_same_quotation() {
        let target = "Mistol said “this ordered,” the Greens director of regional lockdowns.";
        assert_eq!(
            flagged("„Das kann sich bitter rächen, wenn Lockdowns angeordnet werden“, sagte Mistol.", target),
            [target]
        );
    }

    #[test]
    fn a_gloss_of_a_german_term_the_translation_keeps_is_no_added_aside() {
        let depot = flagged(
            "Zunächst wurden die Lokomotiven im Bahnbetriebswerk Leipzig stationiert.",
            "Initially the locomotives were placed in the Bahnbetriebswerk (depot) Leipzig.",
        );
        assert!(depot.is_empty(), "{depot:?}");
        // An aside that glosses nothing is still an addition.
        let added = flagged(
            "Zunächst wurden die Lokomotiven in Leipzig stationiert.",
            "Initially the locomotives (all of them) were placed in Leipzig.",
        );
        assert_eq!(added.len(), 1, "{added:?}");
        // A name before an aside on both sides is counted on both.
        let minute =
            flagged("Jesse Lingard (90.+8) traf zum Endstand.", "Jesse Lingard (90 + 8) scored the final goal.");
        assert!(minute.is_empty(), "{minute:?}");
    }

    #[test]
    fn matching_marks_in_either_style_are_fine() {
        for (source, target) in [
            ("„Wir sind zu allem bereit“, sagte die Ministerin.", "“We are ready for anything,” said the minister."),
            ("»Wir kommen nie wieder«, rief er.", "\"We will never come back,\" he shouted."),
            ("Sie sahen „Die Simpsons“ im Kino.", "They watched The Simpsons at the cinema."),
            ("„Lernen ist für uns wichtig“, sagte er.", "'Learning is important for us', he said."),
            ("Kremlchef Putin (69) droht.", "Kremlin chief Putin, 69, threatens."),
            ("Markus Söder (CSU) widersprach.", "Markus Söder of the CSU objected."),
            ("Die Firma (gegründet 1890) schließt.", "The company (founded in 1890) closes."),
            // The same quotation, shorter in English.
            ("\"Lasst euch jetzt boostern!\", sagte Johnson.", "“Let’s get boosted!”, Johnson said."),
            ("Es war kein \"Mensch, der nervös ist\".", "It was not a “nervous person”."),
        ] {
            assert!(flagged(source, target).is_empty(), "{source} / {target}");
        }
    }
}
