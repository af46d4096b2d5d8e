//! From flags to MQM penalties and scores.
//!
//! Weights ([`crate::flag::weight_tenths`], WMT MQM practice): minor 1, major 5, critical 25,
//! and a minor flag in `fluency/punctuation` 0.1. A segment's penalty is the sum of its flags'
//! weights, and `score = max(0, 100 - 100 * penalty / words)` with `words` the segment's word
//! count (at least one). Document scores use the same formula over the whole document.
//! Confidence is reported but does not weigh in, so every point deducted traces back to one flag
//! row.

use crate::analysis::Doc;
use crate::flag::{weight_tenths, Dimension, Flag};
use crate::quality::QualityModel;

/// The MQM score of a span with the given penalty and word count.
pub fn score(penalty: f64, words: usize) -> f64 {
    (100.0 - 100.0 * penalty / words.max(1) as f64).max(0.0)
}

/// A flag as written to `flags.parquet`.
#[derive(Debug, Clone, PartialEq)]
pub struct FlagRow {
    pub segment: u32,
    pub start: u32,
    pub end: u32,
    pub byte_start: u32,
    pub byte_end: u32,
    pub detector: &'static str,
    pub category: &'static str,
    pub severity: &'static str,
    pub confidence: f32,
    pub excerpt: String,
    pub message: String,
    pub suggestion: Option<String>,
}

/// A sentence as written to `segments.parquet`.
#[derive(Debug, Clone, PartialEq)]
pub struct SegmentRow {
    pub segment: u32,
    pub start: u32,
    pub end: u32,
    /// Byte range of the sentence in [`ScoredDoc::text`]: the text is kept once per document,
    /// not copied per sentence.
    pub text_bytes: std::ops::Range<usize>,
    pub lang: Option<&'static str>,
    pub lang_confidence: Option<f32>,
    pub n_words: u32,
    pub n_flags: u32,
    pub penalty: f64,
    pub score: f64,
    pub fluency: FluencyColumns,
    /// The calibrated probability that the segment has no major error.
    pub quality: f64,
}

/// The language model's statistics as output columns: null where no word was known.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct FluencyColumns {
    /// Mean log10 probability per known word.
    pub lm_logprob: Option<f32>,
    /// Mean SLOR (log10 probability minus unigram log10 probability) per known word.
    pub lm_slor: Option<f32>,
    /// Share of words (numbers excluded) the model does not know.
    pub lm_unknown: Option<f32>,
}

impl FluencyColumns {
    fn of(fluency: &crate::analysis::SentenceFluency) -> Self {
        FluencyColumns {
            lm_logprob: fluency.log10_per_word().map(|v| v as f32),
            lm_slor: fluency.slor_per_word().map(|v| v as f32),
            lm_unknown: fluency.unknown_share().map(|v| v as f32),
        }
    }
}

/// One link of the source alignment, as written to `alignments.parquet`. Offsets are in
/// characters; a side with no sentences has no index and no offsets.
#[derive(Debug, Clone, PartialEq)]
pub struct AlignmentRow {
    pub link: &'static str,
    pub source_segment: Option<u32>,
    pub target_segment: Option<u32>,
    pub source_start: Option<u32>,
    pub source_end: Option<u32>,
    pub source_text: String,
    /// How far the target length is from the expected one, in standard deviations.
    pub length_deviation: f64,
    /// Share of the source's content words the English accounts for (None for a one-sided link).
    pub source_coverage: Option<f64>,
    /// Share of the English content words the source accounts for (None for a one-sided link).
    pub target_support: Option<f64>,
}

/// One scored article: its `documents.parquet` row and its segment and flag rows.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ScoredDoc {
    pub id: String,
    /// The article text, which the segment rows point into; empty until the caller that owns
    /// the text hands it over (see [`ScoredDoc::segment_text`]).
    pub text: String,
    /// The source text, handed over like `text` only when `--keep-text` writes it.
    pub source: Option<String>,
    pub meta: Vec<Option<crate::read::MetaValue>>,
    pub n_chars: u32,
    pub n_words: u32,
    pub lang: Option<&'static str>,
    pub lang_confidence: Option<f32>,
    pub penalty: f64,
    pub score: f64,
    /// Indexed by [`Dimension::index`].
    pub penalty_by_dimension: [f64; 5],
    pub segments: Vec<SegmentRow>,
    pub flags: Vec<FlagRow>,
    /// Empty when the article has no source text.
    pub alignments: Vec<AlignmentRow>,
    /// Whether the article came with a source text.
    pub has_source: bool,
    pub fluency: FluencyColumns,
    /// The probability that no segment has a major error, taking segments as independent.
    pub quality: f64,
    /// The sum over segments of the probability of a major error.
    pub expected_major_errors: f64,
    /// Source coverage and target support over the document's links, weighted by content
    /// words; None without a source.
    pub coverage: Option<(f64, f64)>,
}

impl ScoredDoc {
    /// A segment's text; empty if the document's text was not handed over.
    pub fn segment_text(&self, segment: &SegmentRow) -> &str {
        self.text.get(segment.text_bytes.clone()).unwrap_or("")
    }
}

/// Turns a document's flags into rows and scores. `flags` must be sorted by start.
pub fn score_document(
    id: String,
    meta: Vec<Option<crate::read::MetaValue>>,
    doc: &Doc,
    flags: Vec<Flag>,
    model: &QualityModel,
) -> ScoredDoc {
    // Flags are sorted by start, so each segment's flags are one run of the list.
    let flag_segments: Vec<usize> = flags.iter().map(|f| doc.sentence_at(f.start)).collect();
    let qualities: Vec<f64> = (0..doc.sentences.len())
        .map(|index| {
            let first = flag_segments.partition_point(|&s| s < index);
            let last = flag_segments.partition_point(|&s| s <= index);
            model.quality_of(doc, index..index + 1, &flags[first..last])
        })
        .collect();
    let mut segment_tenths = vec![0u64; doc.sentences.len()];
    let mut segment_flags = vec![0u32; doc.sentences.len()];
    let mut dimension_tenths = [0u64; 5];
    let mut rows = Vec::with_capacity(flags.len());
    for (flag, segment) in flags.into_iter().zip(flag_segments) {
        let tenths = weight_tenths(flag.severity, flag.category);
        segment_tenths[segment] += tenths;
        segment_flags[segment] += 1;
        dimension_tenths[flag.category.dimension().index()] += tenths;
        rows.push(FlagRow {
            segment: segment as u32,
            start: doc.char_offset(flag.start) as u32,
            end: doc.char_offset(flag.end) as u32,
            byte_start: flag.start as u32,
            byte_end: flag.end as u32,
            detector: flag.detector,
            category: flag.category.as_str(),
            severity: flag.severity.as_str(),
            confidence: flag.confidence.clamp(0.0, 1.0),
            excerpt: doc.text[flag.start..flag.end].to_string(),
            message: flag.message,
            suggestion: flag.suggestion,
        });
    }
    let segments = doc
        .sentences
        .iter()
        .enumerate()
        .map(|(index, sentence)| {
            let penalty = segment_tenths[index] as f64 / 10.0;
            let n_words = sentence.tokens.len();
            let lang = &doc.sentence_langs[index];
            SegmentRow {
                segment: index as u32,
                start: doc.char_offset(sentence.span.start) as u32,
                end: doc.char_offset(sentence.span.end) as u32,
                text_bytes: sentence.span.clone(),
                lang: lang.code,
                lang_confidence: lang.confidence,
                n_words: n_words as u32,
                n_flags: segment_flags[index],
                penalty,
                score: score(penalty, n_words),
                fluency: FluencyColumns::of(&doc.fluency.sentence(index)),
                quality: qualities[index],
            }
        })
        .collect();
    let mut fluency = crate::analysis::SentenceFluency::default();
    doc.fluency.sentences.iter().for_each(|s| fluency.add(s));
    let total_tenths: u64 = dimension_tenths.iter().sum();
    let penalty = total_tenths as f64 / 10.0;
    ScoredDoc {
        id,
        text: String::new(),
        source: None,
        meta,
        n_chars: doc.char_offset(doc.text.len()) as u32,
        n_words: doc.word_count() as u32,
        lang: doc.lang.code,
        lang_confidence: doc.lang.confidence,
        penalty,
        score: score(penalty, doc.word_count()),
        penalty_by_dimension: Dimension::ALL.map(|d| dimension_tenths[d.index()] as f64 / 10.0),
        fluency: FluencyColumns::of(&fluency),
        quality: qualities.iter().product(),
        expected_major_errors: qualities.iter().map(|q| 1.0 - q).sum(),
        coverage: doc.source.as_ref().and_then(|source| source.coverage_of(0..source.links.len())),
        segments,
        flags: rows,
        alignments: alignment_rows(doc),
        has_source: doc.source.is_some(),
    }
}

fn alignment_rows(doc: &Doc) -> Vec<AlignmentRow> {
    let Some(source) = &doc.source else { return Vec::new() };
    let source_chars = crate::analysis::CharIndex::new(source.text);
    source
        .links
        .iter()
        .zip(&source.coverage)
        .map(|(link, coverage)| {
            let span = source.span_of(link);
            let linked = !link.source.is_empty();
            let target_chars: usize =
                link.target.clone().map(|t| doc.text[doc.sentences[t].span.clone()].chars().count()).sum();
            AlignmentRow {
                link: link.kind.as_str(),
                source_segment: linked.then_some(link.source.start as u32),
                target_segment: (!link.target.is_empty()).then_some(link.target.start as u32),
                source_start: linked.then(|| source_chars.char_offset(span.start) as u32),
                source_end: linked.then(|| source_chars.char_offset(span.end) as u32),
                source_text: source.text[span.clone()].to_string(),
                length_deviation: crate::analysis::source::length_deviation(
                    source.text[span].chars().count(),
                    target_chars,
                ),
                source_coverage: coverage.as_ref().map(|c| c.source_coverage),
                target_support: coverage.as_ref().map(|c| c.target_support),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::flag::{Category, Severity};

    fn flag(start: usize, end: usize, severity: Severity, category: Category) -> Flag {
        Flag {
            start,
            end,
            detector: "test",
            category,
            severity,
            confidence: 1.0,
            message: String::new(),
            suggestion: None,
        }
    }

    #[test]
    fn scores_are_clamped_at_zero_and_handle_empty_segments() {
        assert_eq!(score(0.0, 0), 100.0);
        assert_eq!(score(1.0, 10), 90.0);
        assert_eq!(score(25.0, 10), 0.0);
    }

    #[test]
    fn penalties_add_up_per_segment_document_and_dimension() {
        // 4 words, then 6 words.
        let text = "Prices rose 3,7 percent. Über die Brücke gingen zwei Männer.";
        let doc = Doc::new(text);
        let second = text.find("Über").unwrap();
        let flags = vec![
            flag(0, 6, Severity::Minor, Category::Punctuation),
            flag(7, 11, Severity::Major, Category::NumberFormat),
            flag(second, second + "Über".len(), Severity::Minor, Category::Untranslated),
        ];
        let scored = score_document("d1".into(), vec![], &doc, flags, &crate::quality::DEFAULT);
        assert_eq!(scored.segments[0].penalty, 5.1);
        assert_eq!(scored.segments[0].n_flags, 2);
        assert!((scored.segments[0].score - (100.0 - 100.0 * 5.1 / 4.0_f64).max(0.0)).abs() < 1e-9);
        assert_eq!(scored.segments[1].penalty, 1.0);
        assert!((scored.segments[1].score - (100.0 - 100.0 / 6.0)).abs() < 1e-9);
        assert_eq!(scored.penalty, 6.1);
        assert_eq!(scored.penalty_by_dimension, [1.0, 0.1, 0.0, 0.0, 5.0]);
        // Character offsets count "Ü" as one character, byte offsets as two.
        let untranslated = &scored.flags[2];
        assert_eq!(untranslated.excerpt, "Über");
        assert_eq!(untranslated.end - untranslated.start, 4);
        assert_eq!(untranslated.byte_end - untranslated.byte_start, 5);
        let chars: Vec<char> = text.chars().collect();
        let from_chars: String = chars[untranslated.start as usize..untranslated.end as usize].iter().collect();
        assert_eq!(from_chars, "Über");
    }
}
