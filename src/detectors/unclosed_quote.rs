//! # unclosed-quote
//!
//! ## What it does
//! Flags quotation marks that do not pair up within their paragraph:
//! - a quotation that opens and never closes before the paragraph ends;
//! - a closing mark that closes nothing;
//! - a quotation in straight marks ("…") in an article that otherwise uses curly marks (“…”),
//!   or the reverse.
//!
//! Curly, straight, German („…“), guillemet and single quotation marks are paired, nested quotes
//! included. A quotation left open is flagged from its opening mark to the end of its first
//! sentence, or, when its speech is attributed after a comma later in the paragraph ("… other
//! solutions, he said"), to that comma, where the closing mark most likely belongs.
//!
//! ## Why it signals MT
//! MT systems translate sentence by sentence. When a quotation spans several sentences, the
//! closing mark is often dropped or moved, so the reader cannot tell where the quoted speech
//! stops and the reporter's words begin. In the worst case an unverified claim reads as the
//! newspaper's own statement, or the reporter's caveat reads as the speaker's.
//!
//! ## Example
//! “But that does not mean many people come to us. We have to review these requests. His
//! statements cannot be independently verified.
//!
//! The quotation opened at “But is never closed, so the reporter's caveat reads as speech.
//!
//! A short text of one paragraph (at most three sentences and 150 tokens) is taken for a segment cut from a
//! longer text, as in sentence-aligned corpora and MT test sets: a quotation may have opened
//! before it and may close after it, so only marks that cannot pair even so are flagged there
//! (a closing mark after the first sentence or straight after a word, not after the
//! punctuation that ends speech; an opening mark inside a phrase, or with nothing after it).
//! An opening mark that ends the excerpt after the punctuation that ends a sentence ("… the
//! control of emissions. “") is the closing mark, in the wrong shape, of speech that opened
//! before the excerpt, and is left alone.
//!
//! ## Known false positives
//! The news convention for a quotation that runs over several paragraphs (each paragraph reopens
//! the quote and only the last one closes it) is recognised and not flagged, as long as the
//! reopening paragraph is running text, not a heading. Apostrophes ("don’t", "soldiers’") and
//! inch marks (5'11") are not quotation marks. An opening mark after the quoted words with
//! nothing after it ("it was “unworkable. “") closes the open quotation: a closing mark in the
//! wrong shape, a typing slip rather than an unclosed quote, and not flagged. Text that puts one paragraph's lines on several
//! lines (hard wrapping) makes quotations look unclosed.
//!
//! ## Options
//! - `enabled` (default true)
//! - `severity` (default "minor")
//! - `mixed-styles`: also flag straight and curly double quotes mixed in one article (default true).

use super::{Declaration, Detector, Flags};
use crate::analysis::{Doc, QuoteStyle};
use crate::flag::{Category, Severity};
use crate::lexicon::SPEECH_VERBS;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case", default)]
pub struct UnclosedQuoteSettings {
    pub enabled: bool,
    pub severity: Option<Severity>,
    pub mixed_styles: bool,
}

impl Default for UnclosedQuoteSettings {
    fn default() -> Self {
        UnclosedQuoteSettings { enabled: true, severity: None, mixed_styles: true }
    }
}

common_settings!(UnclosedQuoteSettings);

pub struct UnclosedQuote {
    mixed_styles: bool,
}

impl Detector for UnclosedQuote {
    const DECLARATION: Declaration =
        Declaration { id: "unclosed-quote", category: Category::Punctuation, severity: Severity::Minor, version: 3 };
    type Settings = UnclosedQuoteSettings;

    fn configure(settings: &UnclosedQuoteSettings) -> Self {
        UnclosedQuote { mixed_styles: settings.mixed_styles }
    }

    fn detect(&self, doc: &Doc, flags: &mut Flags) {
        let excerpt = is_excerpt(doc);
        for region in doc.quotes.unclosed() {
            if excerpt && opens_speech_that_runs_on(doc, region.open.clone()) {
                continue; // The quotation may close in the text that follows the excerpt.
            }
            if excerpt && closes_speech_from_before(doc, region.open.clone()) {
                continue; // A closing mark in the wrong shape, for speech that opened before.
            }
            // Flag the opening mark through the end of its sentence: enough to see the quote start.
            let sentence = &doc.sentences[doc.sentence_at(region.open.start)];
            let paragraph = &doc.paragraphs[region.paragraph];
            let sentences_left = paragraph.sentences.end - doc.sentence_at(region.open.start) - 1;
            let confidence = if region.style.is_double() { 0.85 } else { 0.5 };
            // Speech attributed after a comma ("…other solutions, he said") shows where the
            // closing mark belongs: the flag runs to it.
            if let Some(comma) = attribution_after(doc, region.open.end, paragraph.span.end) {
                let attribution = doc.text[comma + 1..].split([',', '.', ';']).next().unwrap_or("").trim();
                flags.flag(region.open.start..comma, confidence, format!(
                    "The quotation opened with {} is never closed: its closing mark probably belongs before \", {attribution}\".",
                    region.open_char
                ));
                continue;
            }
            let end = sentence.span.end.max(region.open.end);
            let where_it_ends = match sentences_left {
                0 => "the paragraph ends with this sentence".to_string(),
                1 => "the paragraph ends one sentence later".to_string(),
                n => format!("the paragraph ends {n} sentences later"),
            };
            flags.flag(region.open.start..end, confidence, format!(
                    "The quotation opened with {} is never closed: {where_it_ends} without a closing mark, so the reader cannot tell where the quoted words stop.",
                    region.open_char
                ));
        }
        for stray in &doc.quotes.stray_closes {
            let sentence_index = doc.sentence_at(stray.mark.start);
            if excerpt && sentence_index == 0 && ends_speech(doc, stray.mark.clone(), sentence_index) {
                continue; // The quotation may have opened in the text before the excerpt.
            }
            let sentence = &doc.sentences[sentence_index];
            let mark = &doc.text[stray.mark.clone()];
            flags.flag(sentence.span.start.min(stray.mark.start)..stray.mark.end, 0.7, format!("The closing mark {mark} closes no quotation: nothing opens a quotation before it in this paragraph."));
        }
        if self.mixed_styles {
            self.flag_mixed_styles(doc, flags);
        }
    }
}

/// Subject pronouns that stand before a verb of saying in an attribution ("…, he said").
const ATTRIBUTION_PRONOUNS: [&str; 5] = ["he", "she", "they", "we", "i"];

/// The byte offset of the comma that introduces a speech attribution between `from` and
/// `until` ("…other solutions, he said", "…, said the minister"), where an unclosed quotation
/// most likely should have closed. None when no comma is followed by a pronoun or a
/// capitalised name and a verb of saying, or by a verb of saying and a name.
fn attribution_after(doc: &Doc, from: usize, until: usize) -> Option<usize> {
    let tokens: Vec<&crate::analysis::Token> =
        doc.tokens.iter().filter(|t| t.span.start >= from && t.span.end <= until).collect();
    for pair in tokens.windows(3) {
        let (before, first, second) = (pair[0], pair[1], pair[2]);
        if doc.gap(before, first) != ", " {
            continue;
        }
        let subject = ATTRIBUTION_PRONOUNS.contains(&doc.lower(first)) || first.capitalized;
        let speech_after_subject = subject && SPEECH_VERBS.contains(doc.lower(second));
        let speech_first = SPEECH_VERBS.contains(doc.lower(first)) && (second.capitalized || doc.is(second, "the"));
        if speech_after_subject || speech_first {
            return Some(before.span.end);
        }
    }
    None
}

/// The most sentences and tokens a one-paragraph text may have and still be taken for an
/// excerpt: three sentences hold nearly every segment of a sentence-aligned corpus.
const EXCERPT_SENTENCES: usize = 3;
const EXCERPT_TOKENS: usize = 150;

/// Whether the document looks like a segment cut from a longer text (one paragraph of a few
/// sentences, as in sentence-aligned corpora and MT test sets), so that a quotation may have
/// opened before it or close after it.
fn is_excerpt(doc: &Doc) -> bool {
    doc.paragraphs.len() == 1 && doc.sentences.len() <= EXCERPT_SENTENCES && doc.tokens.len() <= EXCERPT_TOKENS
}

/// Whether the opening mark at `open` starts quoted speech (at a sentence start or after a
/// colon or comma: "He said: “…") with a word right after it, which in an excerpt may go on
/// past its end. A mark inside a phrase ("the workers “housing"), with nothing after it or
/// set apart by a space opens no speech.
fn opens_speech_that_runs_on(doc: &Doc, open: std::ops::Range<usize>) -> bool {
    let before = doc.text[..open.start].trim_end();
    let introduces_speech = before.is_empty() || before.ends_with([':', ',', '.', '!', '?']);
    // An opening mark hugs the first quoted word; one set apart by spaces is tokenised text.
    let hugs_a_word = doc.text[open.end..].chars().next().is_some_and(|c| !c.is_whitespace());
    introduces_speech && hugs_a_word
}

/// Whether an opening mark at `open` ends the excerpt right after the punctuation that ends a
/// sentence ("… emission control. “"): the closing mark, in the wrong shape, of speech that
/// opened before the excerpt.
fn closes_speech_from_before(doc: &Doc, open: std::ops::Range<usize>) -> bool {
    doc.text[open.end..].trim().is_empty() && doc.text[..open.start].trim_end().ends_with(['.', '!', '?', '…'])
}

/// Whether a closing mark at `mark` ends quoted speech: speech ends with punctuation right
/// before the mark and is followed by its attribution or by nothing ("… again,” the mayor
/// said). A mark straight after a word ("the demands” could"), set apart by a space (". ”",
/// tokenised text) or followed by a clause of its own ("Last month,” Iran saw") ends none.
fn ends_speech(doc: &Doc, mark: std::ops::Range<usize>, sentence: usize) -> bool {
    // German puts the comma after the mark ("… forget it”, said the captain").
    let punctuated = doc.text[..mark.start].ends_with(['.', ',', '!', '?', ':', ';', '…', '-', '–', '—'])
        || doc.text[mark.end..].starts_with(',');
    // What follows quoted speech in its sentence is its attribution ("said the mayor",
    // "according to the park"), or nothing.
    let attributed = || {
        let mut after = doc.sentence_tokens(sentence).iter().filter(|t| t.span.start >= mark.end).peekable();
        after.peek().is_none_or(|t| !t.has_letter) || after.any(|t| SPEECH_VERBS.contains(doc.lower(t)))
    };
    punctuated && attributed()
}

impl UnclosedQuote {
    /// Straight and curly double quotes mixed in one article: the minority style is flagged.
    /// German marks and guillemets are a locale matter, left to the locale detectors.
    fn flag_mixed_styles(&self, doc: &Doc, flags: &mut Flags) {
        let count = |style| doc.quotes.regions.iter().filter(|r| r.style == style).count();
        let (curly, straight) = (count(QuoteStyle::Curly), count(QuoteStyle::Straight));
        if curly == 0 || straight == 0 {
            return;
        }
        let (minority, minority_marks, majority_marks, majority_count) = if straight <= curly {
            (QuoteStyle::Straight, "straight marks (\"…\")", "curly marks (“…”)", curly)
        } else {
            (QuoteStyle::Curly, "curly marks (“…”)", "straight marks (\"…\")", straight)
        };
        for region in doc.quotes.regions.iter().filter(|r| r.style == minority) {
            let end = region.close.as_ref().map_or(region.open.end, |c| c.end);
            flags.flag(region.open.start..end, 0.5, format!("This quotation uses {minority_marks} while the rest of the article uses {majority_marks} ({majority_count} times); mixed styles suggest text pasted from different sources or systems."));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{assert_no_flags, excerpts, flags_of};
    use super::*;

    #[test]
    fn flags_a_quote_that_runs_to_the_paragraph_end() {
        let text = "The mayor spoke first. “The bridge stays closed until spring. We have no money for repairs. \
                    The council could not confirm the figures.\nTraffic was diverted.";
        let flags = flags_of::<UnclosedQuote>(text);
        assert_eq!(flags.len(), 1);
        assert_eq!(flags[0].0, "“The bridge stays closed until spring.");
        assert!(flags[0].1.message.contains("2 sentences later"), "{}", flags[0].1.message);
    }

    #[test]
    fn an_attribution_after_a_comma_shows_where_the_quotation_should_close() {
        let text = "The minister was disappointed. \"The money would have gone into our roads. Now we must look \
                    for other solutions, he said after the vote.\n\nThe opponents celebrated.";
        let flags = flags_of::<UnclosedQuote>(text);
        assert_eq!(flags.len(), 1, "{flags:#?}");
        assert!(flags[0].0.ends_with("other solutions"), "{}", flags[0].0);
        assert!(flags[0].1.message.contains(", he said after the vote"), "{}", flags[0].1.message);
    }

    #[test]
    fn flags_german_and_guillemet_quotes_left_open() {
        assert_eq!(excerpts::<UnclosedQuote>("Er sagte: „Wir kommen morgen.\nDas war alles."), ["„Wir kommen morgen."]);
        assert_eq!(excerpts::<UnclosedQuote>("»Niemand wusste es.\nEnde."), ["»Niemand wusste es."]);
    }

    #[test]
    fn flags_stray_closing_marks_with_their_context() {
        let flags =
            excerpts::<UnclosedQuote>("Police arrived at noon.” The road was closed.\nTraffic resumed at four.");
        assert_eq!(flags, ["Police arrived at noon.”"]);
    }

    #[test]
    fn a_short_excerpt_may_continue_a_quotation_from_the_text_around_it() {
        // One segment of a sentence-aligned text: the quotation opened in the previous segment…
        assert_no_flags::<UnclosedQuote>("The roads are safe again,” the mayor said on Monday.");
        // …or closes in the next one.
        assert_no_flags::<UnclosedQuote>("The mayor said: “The roads are safe again. We reopen the bridge tomorrow.");
        // Marks that cannot pair even then are still flagged.
        assert_eq!(
            excerpts::<UnclosedQuote>("The bridge reopens. The roads are safe,” he said. Traffic resumed."),
            ["The roads are safe,”"]
        );
        assert_eq!(
            excerpts::<UnclosedQuote>("The ministry said that the new demands” could not be met."),
            ["The ministry said that the new demands”"]
        );
        assert!(!excerpts::<UnclosedQuote>("We made progress , \" he said .").is_empty());
        assert_eq!(
            excerpts::<UnclosedQuote>("Last month,” Iran saw its worst plane crash in years."),
            ["Last month,”"]
        );
        assert_no_flags::<UnclosedQuote>("It is stable,” the president of the council told the broadcaster.");
        assert_no_flags::<UnclosedQuote>("We have to forget about it”, said the captain.");
        assert!(!excerpts::<UnclosedQuote>("\" We made progress , he said .").is_empty());
        // A trailing opening mark after the words is the quotation's closing mark in the wrong
        // shape, and closes it; at the excerpt's end it closes speech that opened before.
        assert_no_flags::<UnclosedQuote>("The union called it “unworkable. “");
        assert_no_flags::<UnclosedQuote>("It can play a big role in controlling emissions. “");
        assert!(!excerpts::<UnclosedQuote>("It can play a big role in “controlling emissions.").is_empty());
        assert_eq!(
            excerpts::<UnclosedQuote>("The plan covers roads, schools and workers “housing for the coming years."),
            ["“housing for the coming years."]
        );
        // In an article the same closing mark closes nothing.
        assert_eq!(
            excerpts::<UnclosedQuote>("The roads are safe again,” the mayor said.\nThe bridge reopens on Friday."),
            ["The roads are safe again,”"]
        );
    }

    #[test]
    fn flags_the_minority_style_when_straight_and_curly_quotes_mix() {
        let text = "“We will appeal,” the lawyer said. “The ruling is wrong,” she added. He called it \"a scandal\".";
        assert_eq!(excerpts::<UnclosedQuote>(text), ["\"a scandal\""]);
    }

    #[test]
    fn accepts_multi_paragraph_quotes_apostrophes_and_closed_quotes() {
        assert_no_flags::<UnclosedQuote>(
            "“The factory will close in March,” the owner said.\n\
             “We have tried everything. Orders fell by half.\n\
             “Nobody wanted this outcome,” he added. The workers’ union called it a betrayal, and it's not over.",
        );
    }

    #[test]
    fn clean_news_gets_no_flags() {
        assert_no_flags::<UnclosedQuote>(
            "Rescuers pulled two hikers from a ravine on Sunday. “They were cold but unhurt,” a spokeswoman \
             said. The pair had set out on Saturday morning and lost the trail in fog, she said.",
        );
    }
}
