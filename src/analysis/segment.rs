//! Paragraphs and sentences (the scored segments).
//!
//! A paragraph is one non-empty line. A sentence ends at `.`, `!`, `?` or `…` (with any closing
//! quotes and brackets that follow) when whitespace and a sentence opener come next: an
//! upper-case letter, a digit, or an opening quote or bracket. A full stop is not an ending after
//! a title or other listed abbreviation ("Dr."), after a single initial ("J."), inside a number
//! ("3.7"), between a day number and a month ("on 1. May", a German ordinal date that the
//! locale detectors flag), after a number of one or two digits that opens the line (a list
//! marker, "1. Preheat the oven"), or after a dotted acronym ("U.S.") unless a common
//! sentence-opening word follows.

use super::tokens::Token;
use super::Span;
use crate::lexicon::{ABBREVIATIONS, MONTHS, SENTENCE_STARTERS};
use std::ops::Range;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    pub span: Span,
    /// Indices into the document's sentences.
    pub sentences: Range<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// From the first to the last non-space character, closing quotes included.
    pub span: Span,
    pub paragraph: usize,
    /// Indices into the document's tokens.
    pub tokens: Range<usize>,
}

const TERMINATORS: [char; 4] = ['.', '!', '?', '…'];
/// Marks that may follow a terminator and still belong to the sentence.
const TRAILING_CLOSERS: [char; 9] = ['”', '"', '’', '\'', ')', ']', '»', '«', '“'];

/// Splits `text` into paragraphs and sentences. `tokens` must come from the same text.
pub fn split(text: &str, tokens: &[Token]) -> (Vec<Paragraph>, Vec<Sentence>) {
    // News sentences average well over 60 bytes: room for most documents' sentences at once.
    let mut paragraphs = Vec::with_capacity(text.len() / 400 + 1);
    let mut sentences = Vec::with_capacity(text.len() / 60 + 1);
    let mut spans = Vec::new();
    // Line ends found with memchr: splitting on a char searched byte by byte.
    let line_ends = memchr::memchr_iter(b'\n', text.as_bytes()).map(|at| at + 1).chain(std::iter::once(text.len()));
    let mut line_start = 0;
    for line_end in line_ends {
        if line_end == line_start {
            break; // The text ends with a line break: no line after it.
        }
        let span = trimmed(text, line_start..line_end);
        line_start = line_end;
        if span.is_empty() {
            continue;
        }
        let paragraph = paragraphs.len();
        let first_sentence = sentences.len();
        spans.clear();
        sentence_spans(text, span.clone(), tokens, &mut spans);
        for sentence_span in spans.drain(..) {
            let tokens = token_range(tokens, &sentence_span);
            sentences.push(Sentence { span: sentence_span, paragraph, tokens });
        }
        paragraphs.push(Paragraph { span, sentences: first_sentence..sentences.len() });
    }
    (paragraphs, sentences)
}

fn trimmed(text: &str, span: Span) -> Span {
    let slice = &text[span.clone()];
    let start = span.start + (slice.len() - slice.trim_start().len());
    let end = span.end - (slice.len() - slice.trim_end().len());
    start..end.max(start)
}

fn token_range(tokens: &[Token], span: &Span) -> Range<usize> {
    let first = tokens.partition_point(|t| t.span.start < span.start);
    let last = tokens.partition_point(|t| t.span.start < span.end);
    first..last
}

fn sentence_spans(text: &str, paragraph: Span, tokens: &[Token], spans: &mut Vec<Span>) {
    let bytes = &text.as_bytes()[..paragraph.end];
    let mut start = paragraph.start;
    let mut scan = paragraph.start;
    // Every terminator starts with one of these bytes ("…" is E2 80 A6): the text between them
    // is skipped without decoding characters.
    let mut marks = super::scan::MarkScanner::new(bytes, [b'.', b'!', b'?'], 0xE2, scan);
    while let Some(terminator_at) = marks.next_from(scan) {
        let c = text[terminator_at..].chars().next().expect("these bytes start a character");
        scan = terminator_at + c.len_utf8();
        if !TERMINATORS.contains(&c) {
            continue;
        }
        let mut run_length = 1;
        let mut end = scan;
        for next in text[end..paragraph.end].chars() {
            if TERMINATORS.contains(&next) {
                run_length += 1;
            } else if !TRAILING_CLOSERS.contains(&next) {
                break;
            }
            end += next.len_utf8();
        }
        scan = end;
        if end >= paragraph.end {
            break;
        }
        let rest = &text[end..paragraph.end];
        let after_space = rest.trim_start();
        if after_space.len() == rest.len() {
            continue; // "3.7", "e.g.the", ".com": no space, no boundary.
        }
        let next_start = paragraph.end - after_space.len();
        let Some(opener) = after_space.chars().next() else { break };
        if !opens_sentence(opener) {
            continue;
        }
        let single_full_stop = c == '.' && run_length == 1;
        if single_full_stop && full_stop_is_not_an_ending(text, paragraph.start, terminator_at, next_start, tokens) {
            continue;
        }
        spans.push(start..end);
        start = next_start;
    }
    if start < paragraph.end {
        spans.push(start..paragraph.end);
    }
}

fn opens_sentence(c: char) -> bool {
    c.is_uppercase()
        || c.is_ascii_digit()
        || matches!(c, '“' | '„' | '"' | '‘' | '‚' | '\'' | '«' | '»' | '(' | '[' | '–' | '—')
}

/// Decides the cases where a single full stop followed by a capital still continues the sentence.
fn full_stop_is_not_an_ending(
    text: &str,
    paragraph_start: usize,
    full_stop: usize,
    next_start: usize,
    tokens: &[Token],
) -> bool {
    let before = tokens.partition_point(|t| t.span.end <= full_stop);
    let Some(previous) = before.checked_sub(1).map(|i| &tokens[i]) else { return false };
    if previous.span.end != full_stop {
        return false; // "(jis)." or a quote before the stop: not an abbreviation.
    }
    let word = &text[previous.span.clone()];
    let next_word = tokens.get(before).filter(|t| t.span.start == next_start).map(|t| &text[t.span.clone()]);
    if ABBREVIATIONS.contains(word) {
        return true;
    }
    let mut letters = word.chars();
    if let (Some(first), None) = (letters.next(), letters.next()) {
        if first.is_uppercase() {
            return true; // An initial: "J. K. Rowling".
        }
    }
    if word.contains('.') && word.chars().any(char::is_alphabetic) {
        // A dotted acronym ("U.S."): ends the sentence only before a typical opener.
        return !next_word.is_some_and(|w| SENTENCE_STARTERS.contains(w));
    }
    if previous.is_number() && word.len() <= 2 && next_word.is_some_and(|w| MONTHS.contains(w)) {
        return true; // "on 1. May"
    }
    if previous.is_number() && word.len() <= 2 && previous.span.start == paragraph_start {
        // A numbered list item ("1. Preheat the oven"), or a German ordinal opening a line of a
        // table ("1. FC Heidenheim 4-1 Mainz 05"): the number belongs to what follows.
        return true;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    fn sentences_of(text: &str) -> Vec<&str> {
        let tokens = tokenize(text);
        split(text, &tokens).1.iter().map(|s| &text[s.span.clone()]).collect()
    }

    #[test]
    fn splits_at_terminators_followed_by_capitals() {
        assert_eq!(
            sentences_of("It rained. Then it stopped! Did it? Yes."),
            ["It rained.", "Then it stopped!", "Did it?", "Yes."]
        );
    }

    #[test]
    fn keeps_titles_initials_and_acronyms_inside_sentences() {
        assert_eq!(
            sentences_of("Dr. Weber met Mr. J. Smith in the U.S. Senate. The talks went well."),
            ["Dr. Weber met Mr. J. Smith in the U.S. Senate.", "The talks went well."]
        );
        assert_eq!(
            sentences_of("He moved to the U.S. The move paid off."),
            ["He moved to the U.S.", "The move paid off."]
        );
    }

    #[test]
    fn keeps_closing_quotes_with_their_sentence() {
        assert_eq!(
            sentences_of("“We will win.” The coach smiled. “Why?” he asked."),
            ["“We will win.”", "The coach smiled.", "“Why?” he asked."]
        );
    }

    #[test]
    fn does_not_split_numbers_or_german_ordinal_dates() {
        assert_eq!(
            sentences_of("Prices rose 3.7 percent on 1. May in Berlin. Nobody expected it."),
            ["Prices rose 3.7 percent on 1. May in Berlin.", "Nobody expected it."]
        );
    }

    #[test]
    fn a_number_opening_a_line_is_a_list_marker() {
        assert_eq!(sentences_of("1. Preheat the oven. Then mix."), ["1. Preheat the oven.", "Then mix."]);
        assert_eq!(sentences_of("1. FC Heidenheim 4-1 Mainz 05"), ["1. FC Heidenheim 4-1 Mainz 05"]);
        // Inside a line, a number ends its sentence as before.
        assert_eq!(sentences_of("The score was 1. Then it rained."), ["The score was 1.", "Then it rained."]);
        assert_eq!(sentences_of("In 2019. Then it rained."), ["In 2019.", "Then it rained."]);
    }

    #[test]
    fn lines_are_paragraphs_and_offsets_survive_multibyte_text() {
        let text = "Überschrift ohne Punkt\n\n„Grüße“, sagt er. Köln jubelt.\r\n";
        let tokens = tokenize(text);
        let (paragraphs, sentences) = split(text, &tokens);
        assert_eq!(paragraphs.len(), 2);
        assert_eq!(&text[paragraphs[0].span.clone()], "Überschrift ohne Punkt");
        let texts: Vec<_> = sentences.iter().map(|s| &text[s.span.clone()]).collect();
        assert_eq!(texts, ["Überschrift ohne Punkt", "„Grüße“, sagt er.", "Köln jubelt."]);
        assert_eq!(sentences[2].paragraph, 1);
        assert_eq!(paragraphs[1].sentences, 1..3);
        let words: Vec<_> = tokens[sentences[2].tokens.clone()].iter().map(|t| &text[t.span.clone()]).collect();
        assert_eq!(words, ["Köln", "jubelt"]);
    }

    #[test]
    fn lower_case_after_a_full_stop_continues_the_sentence() {
        assert_eq!(sentences_of("Costs, e.g. for fuel, rose."), ["Costs, e.g. for fuel, rose."]);
    }
}
