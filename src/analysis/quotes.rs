//! Quotation regions: where each quotation opens and closes, who is speaking, and which marks
//! close nothing.
//!
//! Marks are paired per paragraph with a stack, so nesting works and a quotation cannot run over
//! a line break unnoticed. Curly (“…”), German („…“), straight ("…"), guillemet (»…« and «…»)
//! and single (‘…’, ‚…‘, '…') quotations are recognised. A right single mark between letters is
//! an apostrophe, and a straight double mark after a digit is an inch mark; neither is a quote.

use super::segment::{Paragraph, Sentence};
use super::tokens::Token;
use super::Span;
use crate::lexicon::SPEECH_VERBS;

/// The typographic family of a quotation's marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum QuoteStyle {
    /// “…”
    Curly,
    /// „…“
    German,
    /// "…"
    Straight,
    /// »…« or «…»
    Guillemets,
    /// ‘…’ or '…'
    Single,
    /// ‚…‘
    GermanSingle,
}

impl QuoteStyle {
    /// Single-mark quotations are usually nested inside double ones.
    pub fn is_double(self) -> bool {
        !matches!(self, QuoteStyle::Single | QuoteStyle::GermanSingle)
    }

    fn opening_marks(self) -> &'static [char] {
        match self {
            QuoteStyle::Curly => &['“'],
            QuoteStyle::German => &['„'],
            QuoteStyle::Straight => &['"'],
            QuoteStyle::Guillemets => &['»', '«'],
            QuoteStyle::Single => &['‘', '\''],
            QuoteStyle::GermanSingle => &['‚'],
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct QuoteRegion {
    /// The opening mark.
    pub open: Span,
    /// The closing mark, if the quotation closes within its paragraph.
    pub close: Option<Span>,
    pub style: QuoteStyle,
    /// The mark character that opened it, e.g. '“' or '»'.
    pub open_char: char,
    pub paragraph: usize,
    /// Left open at the end of a paragraph whose successor reopens a quotation: the news
    /// convention for a quote that runs over several paragraphs, which is correct.
    pub continues: bool,
    /// The words naming who speaks ("the minister", "Weber", "he"), found next to the quotation
    /// around a speech verb.
    pub speaker: Option<Span>,
}

impl QuoteRegion {
    /// The quoted text between the marks (to the paragraph end when it never closes).
    pub fn content(&self, paragraph_end: usize) -> Span {
        self.open.end..self.close.as_ref().map_or(paragraph_end, |c| c.start)
    }
}

/// A closing mark that closes no open quotation.
#[derive(Debug, Clone, PartialEq)]
pub struct StrayClose {
    pub mark: Span,
    pub paragraph: usize,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct QuoteAnalysis {
    /// In order of their opening marks.
    pub regions: Vec<QuoteRegion>,
    pub stray_closes: Vec<StrayClose>,
    /// Where each region's content ends, indexed like `regions`.
    content_ends: Vec<usize>,
    /// The furthest content end among regions 0 to i: no region before i + 1 reaches past it.
    reach: Vec<usize>,
}

impl QuoteAnalysis {
    /// The innermost quotation whose content contains `byte`.
    pub fn region_at(&self, byte: usize) -> Option<&QuoteRegion> {
        let candidates = self.regions.partition_point(|r| r.open.end <= byte);
        // Looking back stops where no earlier region reaches `byte`: most words are outside
        // every quotation, and this is asked for nearly every word.
        (0..candidates)
            .rev()
            .take_while(|&i| byte < self.reach[i])
            .find(|&i| byte < self.content_ends[i])
            .map(|i| &self.regions[i])
    }

    /// Regions that never close, ignoring those excused by the multi-paragraph convention.
    pub fn unclosed(&self) -> impl Iterator<Item = &QuoteRegion> {
        self.regions.iter().filter(|r| r.close.is_none() && !r.continues)
    }
}

struct Open {
    region: usize,
    style: QuoteStyle,
    open_char: char,
}

pub fn analyse(text: &str, paragraphs: &[Paragraph], sentences: &[Sentence], tokens: &[Token]) -> QuoteAnalysis {
    let mut analysis = QuoteAnalysis::default();
    for (index, paragraph) in paragraphs.iter().enumerate() {
        let next_paragraph = paragraphs.get(index + 1).map(|p| &text[p.span.clone()]);
        pair_marks(text, index, paragraph, next_paragraph, &mut analysis);
    }
    analysis.regions.sort_by_key(|r| r.open.start);
    analysis.content_ends = analysis.regions.iter().map(|r| r.content(paragraphs[r.paragraph].span.end).end).collect();
    analysis.reach = analysis
        .content_ends
        .iter()
        .scan(0, |furthest, &end| {
            *furthest = end.max(*furthest);
            Some(*furthest)
        })
        .collect();
    for region in &mut analysis.regions {
        region.speaker = find_speaker(text, region, sentences, tokens);
    }
    analysis
}

fn pair_marks(
    text: &str,
    index: usize,
    paragraph: &Paragraph,
    next_paragraph: Option<&str>,
    analysis: &mut QuoteAnalysis,
) {
    let body = &text[paragraph.span.clone()];
    let mut stack: Vec<Open> = Vec::new();
    let bytes = body.as_bytes();
    let mut scan = 0;
    // Every mark starts with one of these bytes (the curly and low marks with E2, the
    // guillemets with C2), so the text between marks is skipped without decoding it.
    let mut marks = super::scan::MarkScanner::new(bytes, [b'\'', b'"', 0xE2], 0xC2, 0);
    while let Some(offset) = marks.next_from(scan) {
        let c = body[offset..].chars().next().expect("these bytes start a character");
        scan = offset + c.len_utf8();
        if !matches!(c, '„' | '‚' | '“' | '”' | '‘' | '’' | '\'' | '"' | '«' | '»') {
            continue;
        }
        let previous = body[..offset].chars().next_back();
        let next = body[scan..].chars().next();
        let mark = paragraph.span.start + offset..paragraph.span.start + offset + c.len_utf8();
        let top = stack.last().map(|o| o.style);
        let left_flanking = previous.is_none_or(|p| p.is_whitespace() || "([{–—-/“„\"‘‚«»".contains(p))
            && next.is_some_and(|n| !n.is_whitespace());
        let right_flanking = previous.is_some_and(|p| !p.is_whitespace())
            && next.is_none_or(|n| n.is_whitespace() || n.is_ascii_punctuation() || "”“’»«…–—".contains(n));
        let mut open =
            |style: QuoteStyle, stack: &mut Vec<Open>| open_region(analysis, stack, style, mark.clone(), c, index);
        match c {
            '„' => open(QuoteStyle::German, &mut stack),
            '‚' if left_flanking => open(QuoteStyle::GermanSingle, &mut stack),
            '“' if top == Some(QuoteStyle::German) => close(&mut stack, analysis, mark),
            // An opening mark with nothing after it but a space or the paragraph's end opens
            // nothing: after the words of an open quotation it is that quotation's closing
            // mark, written in the wrong shape ("… the membrane method. “").
            '“' if next.is_none_or(char::is_whitespace) && closes_after_words(body, offset) && open_double(&stack) => {
                close_or_stray(QuoteStyle::Curly, &mut stack, analysis, mark, index)
            }
            '“' => open(QuoteStyle::Curly, &mut stack),
            '”' => close_or_stray(QuoteStyle::Curly, &mut stack, analysis, mark, index),
            '‘' if top == Some(QuoteStyle::GermanSingle) => close(&mut stack, analysis, mark),
            '‘' if left_flanking => open(QuoteStyle::Single, &mut stack),
            '’' | '\'' => {
                let between_letters =
                    previous.is_some_and(char::is_alphanumeric) && next.is_some_and(char::is_alphanumeric);
                if between_letters {
                    // An apostrophe: "don’t", "Putin’s".
                } else if top == Some(QuoteStyle::Single) && right_flanking {
                    close(&mut stack, analysis, mark);
                } else if c == '\'' && left_flanking && next.is_some_and(char::is_alphabetic) {
                    open(QuoteStyle::Single, &mut stack);
                }
                // Otherwise an apostrophe at a word edge ("soldiers’", "’90s").
            }
            '"' => {
                if previous.is_some_and(|p| p.is_ascii_digit()) && top != Some(QuoteStyle::Straight) {
                    // An inch mark: 5'11".
                } else if top == Some(QuoteStyle::Straight)
                    && (right_flanking || !left_flanking || next.is_some_and(|n| n.is_ascii_punctuation()))
                {
                    // A mark before punctuation closes: `the film " Chinese Doctors ".`
                    close(&mut stack, analysis, mark);
                } else if left_flanking {
                    open(QuoteStyle::Straight, &mut stack);
                } else if right_flanking {
                    close_or_stray(QuoteStyle::Straight, &mut stack, analysis, mark, index);
                } else if top == Some(QuoteStyle::Straight) {
                    close(&mut stack, analysis, mark); // Spaces on both sides: `" text "`.
                } else {
                    open(QuoteStyle::Straight, &mut stack);
                }
            }
            '«' | '»' => {
                let closes = stack.last().is_some_and(|o| o.style == QuoteStyle::Guillemets && o.open_char != c);
                if closes {
                    close(&mut stack, analysis, mark);
                } else {
                    open(QuoteStyle::Guillemets, &mut stack);
                }
            }
            _ => {}
        }
    }
    // Quotes still open here never closed in their paragraph.
    let continued = next_paragraph.is_some_and(|next| reopens_quotation(body, next));
    for open in stack {
        let region = &mut analysis.regions[open.region];
        region.continues = continued
            && region.style.is_double()
            && next_paragraph.is_some_and(|n| starts_with_mark_of(n, region.style));
    }
    // Unclosed straight single marks are far more often apostrophes than quotations: drop them.
    analysis.regions.retain(|r| !(r.close.is_none() && r.open_char == '\''));
}

/// Whether any double quotation (curly or straight) is open.
fn open_double(stack: &[Open]) -> bool {
    stack.iter().any(|o| matches!(o.style, QuoteStyle::Curly | QuoteStyle::Straight))
}

/// Whether the text before `offset`, spaces aside, ends with a word or with punctuation that
/// ends speech, as before a closing mark.
fn closes_after_words(body: &str, offset: usize) -> bool {
    body[..offset].trim_end().chars().next_back().is_some_and(|c| c.is_alphanumeric() || ".,!?…;:".contains(c))
}

fn open_region(
    analysis: &mut QuoteAnalysis,
    stack: &mut Vec<Open>,
    style: QuoteStyle,
    mark: Span,
    open_char: char,
    paragraph: usize,
) {
    stack.push(Open { region: analysis.regions.len(), style, open_char });
    analysis.regions.push(QuoteRegion {
        open: mark,
        close: None,
        style,
        open_char,
        paragraph,
        continues: false,
        speaker: None,
    });
}

fn close(stack: &mut Vec<Open>, analysis: &mut QuoteAnalysis, mark: Span) {
    if let Some(open) = stack.pop() {
        analysis.regions[open.region].close = Some(mark);
    }
}

fn close_or_stray(
    style: QuoteStyle,
    stack: &mut Vec<Open>,
    analysis: &mut QuoteAnalysis,
    mark: Span,
    paragraph: usize,
) {
    // MT output mixes styles ("…”, “…"); a closing double mark closes any open double quotation,
    // preferring its own style. The mixture itself is flagged as mixed styles, not as unclosed.
    let own = stack.iter().rposition(|o| o.style == style);
    let any_double = || stack.iter().rposition(|o| matches!(o.style, QuoteStyle::Curly | QuoteStyle::Straight));
    match own.or_else(any_double) {
        Some(position) => {
            // Anything opened inside and left open is abandoned by this close; it stays unclosed.
            stack.truncate(position + 1);
            close(stack, analysis, mark);
        }
        None => analysis.stray_closes.push(StrayClose { mark, paragraph }),
    }
}

/// The multi-paragraph quote convention: the paragraph ends a sentence and the next paragraph
/// opens with a quotation mark and is running text, not a heading.
fn reopens_quotation(paragraph: &str, next: &str) -> bool {
    let ends_sentence =
        paragraph.trim_end_matches(['”', '"', '’', '\'', '“', '«', '»', ')']).ends_with(['.', '!', '?', '…', ':']);
    let next_is_running_text =
        next.trim_end_matches(['”', '"', '’', '\'', '“', '«', '»', ')']).ends_with(['.', '!', '?', '…', ':']);
    ends_sentence && next_is_running_text
}

fn starts_with_mark_of(paragraph: &str, style: QuoteStyle) -> bool {
    paragraph.chars().next().is_some_and(|c| style.opening_marks().contains(&c))
}

/// Finds the speaker next to a quotation: "…,” said Weber", "…,” the minister said",
/// "…,” he says" or "Weber said: “…”".
fn find_speaker(text: &str, region: &QuoteRegion, sentences: &[Sentence], tokens: &[Token]) -> Option<Span> {
    let is_verb = |t: &Token| SPEECH_VERBS.contains(&text[t.span.clone()]);
    let speaker_words = |run: &[Token]| -> Option<Span> {
        let first = run.first()?;
        let last = run.last()?;
        Some(first.span.start..last.span.end)
    };
    if let Some(close) = &region.close {
        let sentence = sentences.iter().find(|s| s.span.start <= close.start && close.start < s.span.end)?;
        let after_start = tokens.partition_point(|t| t.span.start < close.end);
        let after = &tokens[after_start..sentence.tokens.end.max(after_start)];
        let window = &after[..after.len().min(6)];
        if let Some(first) = window.first() {
            if is_verb(first) {
                // "…,” said the minister" / "…,” says Weber"
                let rest = &window[1..];
                let run = name_run(text, rest);
                return speaker_words(&rest[..run]);
            }
            if let Some(verb_at) = window.iter().position(&is_verb) {
                // "…,” the minister said" / "…,” he says"
                return speaker_words(&window[..verb_at]);
            }
        }
    }
    // "Weber said: “…”"
    let before_end = tokens.partition_point(|t| t.span.end <= region.open.start);
    let sentence = sentences.iter().find(|s| s.span.start <= region.open.start && region.open.start < s.span.end)?;
    let before = &tokens[sentence.tokens.start.min(before_end)..before_end];
    let verb = before.last().filter(|t| is_verb(t))?;
    let between = &text[verb.span.end..region.open.start];
    if !between.trim().is_empty() && !between.trim().starts_with([':', ',']) {
        return None;
    }
    let subject = &before[..before.len() - 1];
    let start = subject.len().saturating_sub(4);
    let run_start = (start..subject.len())
        .find(|&i| subject[i..].iter().all(|t| t.capitalized || text[t.span.clone()].eq_ignore_ascii_case("the")))?;
    speaker_words(&subject[run_start..])
}

/// The number of leading tokens that form a speaker phrase: an optional article and then
/// capitalised words, or a pronoun.
fn name_run(text: &str, tokens: &[Token]) -> usize {
    let Some(first) = tokens.first() else { return 0 };
    let word = &text[first.span.clone()];
    if ["he", "she", "they", "it", "we"].iter().any(|p| word.eq_ignore_ascii_case(p)) {
        return 1;
    }
    let mut length = 0;
    if word.eq_ignore_ascii_case("the") || word.eq_ignore_ascii_case("a") {
        length = 1;
        // "the minister", "the 25-year-old": the article and the noun after it.
        if tokens.len() > 1 {
            length = 2;
        }
    }
    while length < tokens.len() && length < 4 && tokens[length].capitalized {
        length += 1;
    }
    length
}

#[cfg(test)]
mod tests {
    use super::super::Doc;
    use super::*;

    fn regions(text: &str) -> (Doc<'_>, Vec<QuoteRegion>) {
        let doc = Doc::new(text);
        let regions = doc.quotes.regions.clone();
        (doc, regions)
    }

    #[test]
    fn pairs_curly_german_straight_and_guillemet_quotes() {
        let (_, found) = regions("“One,” she said. „Zwei“ und \"three\" and »vier« and «cinq».");
        let styles: Vec<_> = found.iter().map(|r| r.style).collect();
        assert_eq!(
            styles,
            [
                QuoteStyle::Curly,
                QuoteStyle::German,
                QuoteStyle::Straight,
                QuoteStyle::Guillemets,
                QuoteStyle::Guillemets
            ]
        );
        assert!(found.iter().all(|r| r.close.is_some()));
    }

    #[test]
    fn apostrophes_and_inch_marks_are_not_quotes() {
        let (doc, found) = regions("Putin’s men don’t stop. The soldiers’ families wait. He is 6'2\" tall.");
        assert!(found.is_empty(), "{found:?}");
        assert!(doc.quotes.stray_closes.is_empty());
    }

    #[test]
    fn nested_single_quotes_close_inside_double_quotes() {
        let (_, found) = regions("“He called it ‘a disaster’ on Monday,” Weber said.");
        assert_eq!(found.len(), 2);
        assert!(found.iter().all(|r| r.close.is_some()));
    }

    #[test]
    fn a_quote_left_open_at_the_paragraph_end_is_unclosed() {
        let text = "“We must review every request. Nobody knows more.\nThe next paragraph is narrative.";
        let doc = Doc::new(text);
        let unclosed: Vec<_> = doc.quotes.unclosed().collect();
        assert_eq!(unclosed.len(), 1);
        assert_eq!(unclosed[0].open.start, 0);
        assert!(doc.in_quotation(10));
        assert!(!doc.in_quotation(text.len() - 5));
    }

    #[test]
    fn multi_paragraph_quotes_follow_the_news_convention() {
        let text = "“We will rebuild the bridge.\n“It will take two years,” the mayor said.";
        let doc = Doc::new(text);
        assert_eq!(doc.quotes.unclosed().count(), 0);
        assert!(doc.quotes.regions[0].continues);
    }

    #[test]
    fn a_reopening_heading_does_not_excuse_an_unclosed_quote() {
        let text = "“We must review every request.\n“I want peace”\nThe war went on.";
        let doc = Doc::new(text);
        assert_eq!(doc.quotes.unclosed().count(), 1);
    }

    #[test]
    fn mixed_and_spaced_straight_quotes_still_pair() {
        let doc = Doc::new("He stressed that \"the bloc should be grateful. ” Then the \" strong conflict \" began.");
        assert_eq!(doc.quotes.unclosed().count(), 0, "{:?}", doc.quotes.regions);
        assert!(doc.quotes.stray_closes.is_empty());
    }

    #[test]
    fn a_trailing_opening_mark_closes_the_open_quotation() {
        let doc = Doc::new("He said, “Vietnam deserves thanks for these things. “");
        assert_eq!(doc.quotes.unclosed().count(), 0, "{:?}", doc.quotes.regions);
        let doc = Doc::new("The film \" Chinese Doctors \". The crew met \" Zhong \" in May.");
        assert_eq!(doc.quotes.unclosed().count(), 0, "{:?}", doc.quotes.regions);
        // An opening mark before words still opens.
        let doc = Doc::new("He said, “We will win. “Nobody stops us.");
        assert_eq!(doc.quotes.unclosed().count(), 2);
    }

    #[test]
    fn stray_closing_marks_are_recorded() {
        let doc = Doc::new("The mayor was happy.” The council agreed.");
        assert_eq!(doc.quotes.stray_closes.len(), 1);
    }

    #[test]
    fn speakers_are_found_on_either_side() {
        let text = "“We will win,” said Anna Weber. “It is hard,” the minister told reporters. Müller said: “No.”";
        let doc = Doc::new(text);
        let speakers: Vec<_> =
            doc.quotes.regions.iter().map(|r| r.speaker.as_ref().map(|s| &text[s.clone()])).collect();
        assert_eq!(speakers, [Some("Anna Weber"), Some("the minister"), Some("Müller")]);
    }
}
