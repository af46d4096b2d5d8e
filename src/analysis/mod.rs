//! The analysed document: built once per article and shared by every detector.
//!
//! Analysis never changes the text. Every structure holds byte offsets into the text exactly as
//! it was given, and [`Doc::char_offset`] turns them into character (Unicode scalar) offsets.

mod chars;
pub mod fluency;
pub mod foreign;
pub mod lang;
mod lookup;
pub mod mentions;
pub mod phrases;
pub mod quotes;
mod scan;
pub mod segment;
pub mod source;
mod step_clock;
pub mod tokens;
pub mod verbs;

pub use chars::CharIndex;
pub use fluency::{Fluency, SentenceFluency, WordProbability};
pub use lang::LangGuess;
pub use mentions::{Mention, MentionKind};
pub use quotes::{QuoteAnalysis, QuoteRegion, QuoteStyle, StrayClose};
pub use segment::{Paragraph, Sentence};
pub use source::{Link, LinkKind, SourceSide};
pub use step_clock::StepClock;
pub use tokens::Token;

use std::ops::Range;

/// A byte range into the document text, end-exclusive.
pub type Span = Range<usize>;

/// Everything detectors need to know about one article.
pub struct Doc<'a> {
    pub text: &'a str,
    /// Non-empty lines of the text. Each line is a paragraph: most corpora store one paragraph
    /// per line, and hard-wrapped MT output is rare.
    pub paragraphs: Vec<Paragraph>,
    /// The segments that are scored, in text order.
    pub sentences: Vec<Sentence>,
    /// Word and number tokens, in text order; punctuation and spaces are not tokens.
    pub tokens: Vec<Token>,
    pub quotes: QuoteAnalysis,
    /// People and things mentioned, in text order: candidate antecedents for pronouns.
    pub mentions: Vec<Mention>,
    /// The language of the document as a whole.
    pub lang: LangGuess,
    /// The language of each sentence, indexed like `sentences`.
    pub sentence_langs: Vec<LangGuess>,
    /// The English language model's probability of every word and sentence; empty when the
    /// language model was not asked for.
    pub fluency: Fluency,
    /// The original text aligned to the sentences, when the input has one. Source-aware
    /// detectors do nothing without it.
    pub source: Option<SourceSide<'a>>,
    chars: CharIndex,
    /// The tokens in lower case, which detectors look up without allocating.
    lower: LowerCase,
}

/// The tokens of a document in lower case.
enum LowerCase {
    /// The whole text in lower case, with every byte offset kept: nearly every text, and a
    /// token's lower case is the same span of it.
    Text(String),
    /// Each token lower-cased on its own, for a text where some character's lower case has a
    /// different UTF-8 length (a Turkish "İ", the Kelvin sign), so that the offsets of a
    /// lower-cased whole text would not line up with the text's. The words lie end to end in
    /// `words`, token `i`'s ending at `ends[i]`.
    Tokens { words: String, ends: Vec<usize> },
}

impl LowerCase {
    /// The lower-cased text with the text's byte offsets, if there is one.
    fn whole_text(&self) -> Option<&str> {
        match self {
            LowerCase::Text(lower) => Some(lower),
            LowerCase::Tokens { .. } => None,
        }
    }
}

/// The steps of building a [`Doc`], in order, as `mtqe score --profile` reports them.
pub const ANALYSIS_STEPS: [&str; 8] = [
    "character index and lower case",
    "tokens and word lists",
    "sentences",
    "quotations",
    "mentions",
    "language",
    "language model",
    "source alignment",
];

/// Which optional analysis steps run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AnalysisOptions {
    /// Score every word with the English language model ([`Doc::fluency`]).
    pub language_model: bool,
}

impl AnalysisOptions {
    /// Every step.
    pub const FULL: AnalysisOptions = AnalysisOptions { language_model: true };
}

impl<'a> Doc<'a> {
    /// A document with every analysis step.
    pub fn new(text: &'a str) -> Self {
        Self::build(text, None, AnalysisOptions::FULL, None)
    }

    /// A document with its original text, which is split and aligned to the sentences. An
    /// empty or missing source gives a document without one.
    pub fn with_source(text: &'a str, source: Option<&'a str>) -> Self {
        Self::build(text, source, AnalysisOptions::FULL, None)
    }

    /// [`Doc::with_source`] with only the optional steps `options` asks for.
    pub fn with_options(text: &'a str, source: Option<&'a str>, options: AnalysisOptions) -> Self {
        Self::build(text, source, options, None)
    }

    /// [`Doc::with_options`], adding the nanoseconds spent in each of [`ANALYSIS_STEPS`] to
    /// `step_nanos`.
    pub fn new_timed(
        text: &'a str,
        source: Option<&'a str>,
        options: AnalysisOptions,
        step_nanos: &mut [u64; ANALYSIS_STEPS.len()],
    ) -> Self {
        Self::build(text, source, options, Some(step_nanos))
    }

    fn build(
        text: &'a str,
        source: Option<&'a str>,
        options: AnalysisOptions,
        step_nanos: Option<&mut [u64; ANALYSIS_STEPS.len()]>,
    ) -> Self {
        let mut clock = StepClock::new(step_nanos.map(|n| &mut n[..]));
        let chars = CharIndex::new(text);
        let lower_text = lowercase_keeping_offsets(text);
        clock.lap(0);
        let mut tokens = tokens::tokenize(text);
        let lower = match lower_text {
            Some(lower) => {
                for token in &mut tokens {
                    (token.lex, token.key) = crate::lexicon::lex_and_key(&lower[token.span.clone()]);
                }
                LowerCase::Text(lower)
            }
            None => {
                let mut words = String::with_capacity(text.len() + text.len() / 2);
                let mut ends = Vec::with_capacity(tokens.len());
                for token in &mut tokens {
                    let word = text[token.span.clone()].to_lowercase();
                    (token.lex, token.key) = crate::lexicon::lex_and_key(&word);
                    words.push_str(&word);
                    ends.push(words.len());
                }
                LowerCase::Tokens { words, ends }
            }
        };
        clock.lap(1);
        let (paragraphs, sentences) = segment::split(text, &tokens);
        clock.lap(2);
        let quotes = quotes::analyse(text, &paragraphs, &sentences, &tokens);
        clock.lap(3);
        let mentions = mentions::find(text, lower.whole_text(), &sentences, &tokens, &quotes);
        clock.lap(4);
        let lang = lang::document_language(text, &tokens);
        let sentence_langs = sentences
            .iter()
            .map(|sentence| lang::sentence_language(text, &tokens[sentence.tokens.clone()], sentence, &lang))
            .collect();
        clock.lap(5);
        let fluency = if options.language_model {
            fluency::score(text, lower.whole_text(), &tokens, &sentences)
        } else {
            Fluency::default()
        };
        clock.lap(6);
        let source = source
            .filter(|s| !s.trim().is_empty())
            .map(|source| SourceSide::new(source, text, &paragraphs, &sentences));
        clock.lap(7);
        Doc {
            text,
            paragraphs,
            sentences,
            tokens,
            quotes,
            mentions,
            lang,
            sentence_langs,
            fluency,
            source,
            chars,
            lower,
        }
    }

    /// The character offset of a byte offset that lies on a character boundary.
    pub fn char_offset(&self, byte: usize) -> usize {
        self.chars.char_offset(byte)
    }

    /// The text of a byte span.
    pub fn slice(&self, span: &Span) -> &'a str {
        &self.text[span.clone()]
    }

    /// The text of a token.
    #[inline]
    pub fn word(&self, token: &Token) -> &'a str {
        &self.text[token.span.clone()]
    }

    /// A token of this document in lower case, borrowed without allocating, and the word whose
    /// key is [`Token::key`]. Most texts are lower-cased a character at a time, so a final
    /// capital sigma becomes "σ"; a text whose lower case changes byte offsets has its tokens
    /// lower-cased with [`str::to_lowercase`]. (In such a text a token that is not one of
    /// [`Doc::tokens`] is given as written.)
    #[inline]
    pub fn lower(&self, token: &Token) -> &str {
        match &self.lower {
            LowerCase::Text(lower) => &lower[token.span.clone()],
            LowerCase::Tokens { words, ends } => self.lower_on_its_own(token, words, ends),
        }
    }

    /// [`Doc::lower`] in a text whose tokens were lower-cased one by one: the token is found by
    /// its position among [`Doc::tokens`].
    #[cold]
    fn lower_on_its_own<'s>(&'s self, token: &Token, words: &'s str, ends: &[usize]) -> &'s str {
        let index = self.tokens.partition_point(|t| t.span.start < token.span.start);
        match self.tokens.get(index) {
            Some(own) if own.span == token.span => {
                let start = index.checked_sub(1).map_or(0, |before| ends[before]);
                &words[start..ends[index]]
            }
            _ => self.word(token),
        }
    }

    /// Whether a token, in lower case, is `word` (given in lower case).
    #[inline]
    pub fn is(&self, token: &Token, word: &str) -> bool {
        self.lower(token) == word
    }

    /// The text between two tokens: from the end of `first` to the start of `second`; empty
    /// when `second` does not start after `first` ends.
    #[inline]
    pub fn gap(&self, first: &Token, second: &Token) -> &'a str {
        let start = first.span.end;
        &self.text[start..second.span.start.max(start)]
    }

    /// The tokens of one sentence.
    #[inline]
    pub fn sentence_tokens(&self, sentence: usize) -> &[Token] {
        &self.tokens[self.sentences[sentence].tokens.clone()]
    }

    /// The index of the sentence that contains a byte offset, or the last sentence that starts
    /// before it (offsets in the space between sentences belong to the sentence before).
    pub fn sentence_at(&self, byte: usize) -> usize {
        self.sentences.partition_point(|s| s.span.start <= byte).saturating_sub(1)
    }

    /// Number of word and number tokens in the document.
    pub fn word_count(&self) -> usize {
        self.tokens.len()
    }

    /// Whether a byte offset lies inside a quotation (between its marks).
    pub fn in_quotation(&self, byte: usize) -> bool {
        self.quotes.region_at(byte).is_some()
    }

    /// The mentions before token `token`, in its sentence and the `sentences_back` sentences
    /// before it, nearest first.
    pub fn mentions_before(&self, token: usize, sentences_back: usize) -> impl Iterator<Item = &Mention> {
        let sentence = self.sentence_at(self.tokens[token].span.start);
        let first_sentence = sentence.saturating_sub(sentences_back);
        let end = self.mentions.partition_point(|m| m.token < token);
        self.mentions[..end].iter().rev().take_while(move |m| m.sentence >= first_sentence)
    }

    /// Whether a sentence ends with terminal punctuation (closing quotes and brackets aside).
    pub fn ends_with_terminator(&self, sentence: usize) -> bool {
        self.slice(&self.sentences[sentence].span)
            .trim_end_matches(['”', '"', '’', '\'', '“', '«', '»', ')', ']'])
            .ends_with(['.', '!', '?', '…', ':', ';'])
    }

    /// A heading, dateline, byline or caption rather than running text: a paragraph of one
    /// sentence with no terminal punctuation, or text wholly in brackets ("(jis)").
    pub fn is_heading(&self, sentence: usize) -> bool {
        let text = self.slice(&self.sentences[sentence].span);
        let paragraph = &self.paragraphs[self.sentences[sentence].paragraph];
        let alone = paragraph.sentences.len() == 1;
        (alone && !self.ends_with_terminator(sentence)) || (text.starts_with('(') && text.ends_with(')'))
    }

    /// The target text of a link. A link without a target sentence (an omitted source sentence)
    /// gets the sentence before it, or the first one: a flag needs text that a reader can find.
    /// `None` when the document has no sentences at all.
    pub fn link_target_span(&self, link: &Link) -> Option<Span> {
        let last_sentence = self.sentences.len().checked_sub(1)?;
        let (first, last) = if link.target.is_empty() {
            let before = link.target.start.saturating_sub(1).min(last_sentence);
            (before, before)
        } else {
            (link.target.start, link.target.end - 1)
        };
        Some(self.sentences[first].span.start..self.sentences[last].span.end)
    }

    /// The links with sentences on both sides, each with its index and the span of its English
    /// sentences: what the bilingual detectors compare. Unaligned sentences are left to the
    /// omission detector. Empty without a source.
    pub fn aligned_links(&self) -> impl Iterator<Item = (usize, &Link, Span)> + '_ {
        self.source.iter().flat_map(move |source| {
            source.links.iter().enumerate().filter_map(move |(index, link)| {
                if link.source.is_empty() || link.target.is_empty() {
                    return None;
                }
                self.link_target_span(link).map(|span| (index, link, span))
            })
        })
    }

    /// The target tokens of links `links` (a range of link indices); empty without a source.
    pub fn tokens_of_links(&self, links: Range<usize>) -> &[Token] {
        let Some(source) = &self.source else { return &[] };
        let (Some(first), Some(last)) =
            (source.links.get(links.start), links.end.checked_sub(1).and_then(|l| source.links.get(l)))
        else {
            return &[];
        };
        let segments = first.target.start..last.target.end;
        if links.start >= links.end || segments.is_empty() {
            return &[];
        }
        &self.tokens[self.sentences[segments.start].tokens.start..self.sentences[segments.end - 1].tokens.end]
    }

    /// The tokens that fall inside a byte range.
    pub fn tokens_in(&self, range: Range<usize>) -> &[Token] {
        let first = self.tokens.partition_point(|t| t.span.start < range.start);
        let last = self.tokens.partition_point(|t| t.span.start < range.end);
        &self.tokens[first..last.max(first)]
    }
}

/// The text in lower case, or `None` when some character's lower case has a different UTF-8
/// length (a Turkish "İ", the Kelvin sign): then byte offsets would no longer line up, and
/// slicing the lower-cased text at a token's span could split a character.
fn lowercase_keeping_offsets(text: &str) -> Option<String> {
    let source = text.as_bytes();
    let mut lower = source.to_vec();
    // ASCII in bulk; then each non-ASCII character on its own, in place.
    lower.make_ascii_lowercase();
    let mut i = 0;
    while let Some(skip) = source[i..].iter().position(|&b| b >= 0x80) {
        i += skip;
        let c = text[i..].chars().next().expect("a character starts at a non-ASCII lead byte");
        let width = c.len_utf8();
        let mut lowered = c.to_lowercase();
        let first = lowered.next().expect("lower-casing yields a character");
        if lowered.next().is_some() || first.len_utf8() != width {
            return None;
        }
        first.encode_utf8(&mut lower[i..i + width]);
        i += width;
    }
    String::from_utf8(lower).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lower_case_view_is_dropped_when_a_character_changes_length() {
        // "İ" (2 bytes) lower-cases to two characters (3 bytes) and the Kelvin sign (3 bytes) to
        // "k" (1 byte): the total length is unchanged, but the offsets between them are not.
        assert_eq!(lowercase_keeping_offsets("İİ ab \u{212A}"), None);
        assert_eq!(lowercase_keeping_offsets("Über Straße").as_deref(), Some("über straße"));
    }

    /// Without a lower-cased whole text, each token is still lower-cased, exactly as the
    /// standard library does it.
    #[test]
    fn words_are_lower_cased_in_a_text_whose_lower_case_changes_offsets() {
        let texts = ["İstanbul und K. Meier", "The \u{212A}elvin scale. ΟΔΥΣΣΕΥΣ and ÜBER, İİ.", "Meier İ"];
        for text in texts {
            let doc = Doc::new(text);
            assert!(matches!(doc.lower, LowerCase::Tokens { .. }), "{text}");
            for token in &doc.tokens {
                let word = doc.word(token);
                assert_eq!(doc.lower(token), word.to_lowercase(), "{word} in {text}");
                assert_eq!(doc.lower(&token.clone()), word.to_lowercase(), "a copy of {word} in {text}");
            }
        }
        let doc = Doc::new("İstanbul und K. Meier");
        let words: Vec<_> = doc.tokens.iter().map(|t| doc.lower(t)).collect();
        assert_eq!(words, ["i\u{307}stanbul", "und", "k", "meier"]);
        assert!(doc.is(&doc.tokens[3], "meier") && doc.is(&doc.tokens[0], "i\u{307}stanbul"));
    }

    #[test]
    fn is_compares_the_lower_case_of_a_token() {
        let doc = Doc::new("The COUNCIL met. Über alles.");
        let words = &doc.tokens;
        assert!(doc.is(&words[0], "the") && doc.is(&words[1], "council") && doc.is(&words[3], "über"));
        assert!(!doc.is(&words[0], "The") && !doc.is(&words[1], "counci") && !doc.is(&words[2], "meet"));
    }

    #[test]
    fn gap_is_the_text_between_two_tokens() {
        let doc = Doc::new("He said, “no” — then left.");
        let words = &doc.tokens;
        assert_eq!(doc.gap(&words[0], &words[1]), " ");
        assert_eq!(doc.gap(&words[1], &words[2]), ", “");
        assert_eq!(doc.gap(&words[2], &words[3]), "” — ");
        assert_eq!(doc.gap(&words[1], &words[1]), "", "a token and itself");
        assert_eq!(doc.gap(&words[3], &words[1]), "", "tokens out of order");
    }

    #[test]
    fn token_keys_are_the_keys_of_the_lower_case_with_or_without_a_lower_case_view() {
        for text in ["The Council met SINCE Monday.", "İstanbul: The Council met SINCE Monday."] {
            let doc = Doc::new(text);
            for token in &doc.tokens {
                let lower = doc.word(token).to_lowercase();
                assert_eq!(token.key, crate::lexicon::word_key(&lower), "{lower} in {text}");
                assert_eq!(token.lex, crate::lexicon::lex(&lower), "{lower} in {text}");
            }
        }
    }

    #[test]
    fn sentence_at_maps_gaps_to_the_previous_sentence() {
        let doc = Doc::new("One two. Three four.");
        assert_eq!(doc.sentences.len(), 2);
        assert_eq!(doc.sentence_at(0), 0);
        assert_eq!(doc.sentence_at(8), 0);
        assert_eq!(doc.sentence_at(9), 1);
    }

    #[test]
    fn tokens_in_returns_only_tokens_that_start_inside() {
        let doc = Doc::new("alpha beta gamma");
        let words: Vec<_> = doc.tokens_in(6..16).iter().map(|t| doc.word(t)).collect();
        assert_eq!(words, ["beta", "gamma"]);
    }
}
