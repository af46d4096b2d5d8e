//! The source side: the original (German) text split into sentences, and its sentences aligned
//! to the English segments.
//!
//! Alignment is Gale and Church's length-based dynamic program (1993), paragraph by paragraph
//! when both sides have the same number of paragraphs: each link pairs a run of
//! source sentences with a run of target sentences, and costs the improbability of their length
//! ratio plus the improbability of the link type. Lengths are in characters. Links may be 1–1,
//! 1–2, 2–1, 1–0 (a source sentence with no translation: an omission candidate) and 0–1 (an
//! English sentence with no source: an addition candidate).

use super::segment::{self, Paragraph, Sentence};
use super::tokens::{self, Token};
use super::Span;
use std::ops::Range;

/// English characters per German character in translated news. German runs longer (compounds,
/// inflection); 0.9 is the usual figure for German→English sentence pairs.
pub const LENGTH_RATIO: f64 = 0.9;
/// Variance of the length difference per source character. Gale and Church measured 6.8 for
/// human translation of parliamentary text; MT keeps much closer to its source, and a tighter
/// variance makes outliers stand out, so mtqe uses a smaller figure.
pub const LENGTH_VARIANCE: f64 = 2.5;

/// The length cost of a sentence left unaligned, in place of a deviation cost: set so that an
/// omission plus an addition (about 23 with the priors) beats a 1–1 link only when that link's
/// length is more than about 6.5 standard deviations off, while one dropped sentence still
/// stands alone rather than hiding inside a 2–1 link.
const UNALIGNED_COST: f64 = 7.0;

/// How many sentences on each side a link joins.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkKind {
    OneToOne,
    OneToTwo,
    TwoToOne,
    /// A source sentence with no English counterpart.
    Omitted,
    /// An English sentence with no source counterpart.
    Added,
}

impl LinkKind {
    const ALL: [LinkKind; 5] =
        [LinkKind::OneToOne, LinkKind::OneToTwo, LinkKind::TwoToOne, LinkKind::Omitted, LinkKind::Added];

    /// "1-1", "1-2", "2-1", "1-0", "0-1": source sentences, then target sentences.
    pub fn as_str(self) -> &'static str {
        match self {
            LinkKind::OneToOne => "1-1",
            LinkKind::OneToTwo => "1-2",
            LinkKind::TwoToOne => "2-1",
            LinkKind::Omitted => "1-0",
            LinkKind::Added => "0-1",
        }
    }

    /// (source sentences, target sentences).
    fn sizes(self) -> (usize, usize) {
        match self {
            LinkKind::OneToOne => (1, 1),
            LinkKind::OneToTwo => (1, 2),
            LinkKind::TwoToOne => (2, 1),
            LinkKind::Omitted => (1, 0),
            LinkKind::Added => (0, 1),
        }
    }

    /// −ln of Gale and Church's prior for the link type.
    fn prior_cost(self) -> f64 {
        let probability: f64 = match self {
            LinkKind::OneToOne => 0.89,
            LinkKind::OneToTwo | LinkKind::TwoToOne => 0.0445,
            LinkKind::Omitted | LinkKind::Added => 0.0099,
        };
        -probability.ln()
    }
}

/// Source sentences `source` translated by target segments `target` (indices, possibly empty).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub source: Range<usize>,
    pub target: Range<usize>,
    pub kind: LinkKind,
}

/// The analysed source text of one document.
pub struct SourceSide<'a> {
    pub text: &'a str,
    pub tokens: Vec<Token>,
    pub sentences: Vec<Sentence>,
    /// Every source sentence and every target segment belongs to exactly one link, in order.
    pub links: Vec<Link>,
    /// The lexical coverage of each link that has sentences on both sides, indexed like `links`.
    pub coverage: Vec<Option<crate::adequacy::Coverage>>,
}

impl<'a> SourceSide<'a> {
    /// Splits `text` into sentences and aligns them to `target_sentences` of `target_text`.
    ///
    /// When both texts have the same number of paragraphs, sentences are aligned within each
    /// pair of paragraphs, as Gale and Church did: a paragraph boundary is a firm anchor, and
    /// it keeps a dropped sentence from shifting the alignment of the paragraphs after it.
    pub fn new(
        text: &'a str,
        target_text: &str,
        target_paragraphs: &[Paragraph],
        target_sentences: &[Sentence],
    ) -> Self {
        let tokens = tokens::tokenize(text);
        let (paragraphs, sentences) = segment::split(text, &tokens);
        let source_lengths: Vec<usize> = sentences.iter().map(|s| text[s.span.clone()].chars().count()).collect();
        let target_lengths: Vec<usize> =
            target_sentences.iter().map(|s| target_text[s.span.clone()].chars().count()).collect();
        let links = if paragraphs.len() == target_paragraphs.len() {
            let mut links = Vec::new();
            for (source, target) in paragraphs.iter().zip(target_paragraphs) {
                let (s, t) = (source.sentences.clone(), target.sentences.clone());
                links.extend(align(&source_lengths[s.clone()], &target_lengths[t.clone()]).into_iter().map(|link| {
                    Link {
                        source: link.source.start + s.start..link.source.end + s.start,
                        target: link.target.start + t.start..link.target.end + t.start,
                        kind: link.kind,
                    }
                }));
            }
            links
        } else {
            align(&source_lengths, &target_lengths)
        };
        let mut side = SourceSide { text, tokens, sentences, links, coverage: Vec::new() };
        side.coverage = side
            .links
            .iter()
            .map(|link| {
                let (first, last) = (link.target.start, link.target.end);
                (!link.source.is_empty() && first < last).then(|| {
                    let english = &target_text[target_sentences[first].span.start..target_sentences[last - 1].span.end];
                    crate::adequacy::coverage(&text[side.span_of(link)], english)
                })
            })
            .collect();
        side
    }

    /// The coverage of the links `links`, weighted by their content words; None when none of
    /// them links sentences on both sides.
    pub fn coverage_of(&self, links: impl IntoIterator<Item = usize>) -> Option<(f64, f64)> {
        let (mut source_words, mut covered, mut target_words, mut supported, mut any) = (0.0, 0.0, 0.0, 0.0, false);
        for link in links {
            let Some(coverage) = &self.coverage[link] else { continue };
            any = true;
            // A side without content words counts as one fully covered word.
            let (s, t) = (coverage.source_content_words.max(1) as f64, coverage.target_content_words.max(1) as f64);
            source_words += s;
            covered += s * coverage.source_coverage;
            target_words += t;
            supported += t * coverage.target_support;
        }
        any.then(|| (covered / source_words, supported / target_words))
    }

    /// The links whose English side includes target sentence `sentence`.
    pub fn links_of_target(&self, sentence: usize) -> impl Iterator<Item = usize> + '_ {
        let first = self.links.partition_point(|l| l.target.end <= sentence);
        (first..self.links.len())
            .take_while(move |&i| self.links[i].target.start <= sentence)
            .filter(move |&i| self.links[i].target.contains(&sentence))
    }

    /// The source text a link covers (empty for an added target sentence).
    pub fn span_of(&self, link: &Link) -> Span {
        match (link.source.start < link.source.end)
            .then(|| (&self.sentences[link.source.start], &self.sentences[link.source.end - 1]))
        {
            Some((first, last)) => first.span.start..last.span.end,
            None => 0..0,
        }
    }

    /// The source tokens a link covers.
    pub fn tokens_of(&self, link: &Link) -> &[Token] {
        match (link.source.start < link.source.end)
            .then(|| (&self.sentences[link.source.start], &self.sentences[link.source.end - 1]))
        {
            Some((first, last)) => &self.tokens[first.tokens.start..last.tokens.end],
            None => &[],
        }
    }

    /// The source sentences of links `links` (a range of link indices), as a range.
    pub fn sentences_of(&self, links: Range<usize>) -> Range<usize> {
        match (self.links.get(links.start), links.end.checked_sub(1).and_then(|l| self.links.get(l))) {
            (Some(first), Some(last)) if links.start < links.end => first.source.start..last.source.end,
            _ => 0..0,
        }
    }

    /// The source tokens of links `links` (a range of link indices).
    pub fn tokens_of_links(&self, links: Range<usize>) -> &[Token] {
        let sentences = self.sentences_of(links);
        if sentences.is_empty() {
            return &[];
        }
        &self.tokens[self.sentences[sentences.start].tokens.start..self.sentences[sentences.end - 1].tokens.end]
    }

    /// Link `index` with its neighbours on each side: where a detector looks before it
    /// concludes that something has no counterpart, so that an alignment one sentence off does
    /// not raise a flag.
    pub fn neighbourhood(&self, index: usize) -> Range<usize> {
        index.saturating_sub(1)..(index + 2).min(self.links.len())
    }
}

/// How far a pair's target length is from the expected one, in standard deviations (negative:
/// shorter than expected).
pub fn length_deviation(source_chars: usize, target_chars: usize) -> f64 {
    if source_chars == 0 && target_chars == 0 {
        return 0.0;
    }
    let source = source_chars as f64;
    let target = target_chars as f64;
    // Gale and Church take the mean of both lengths (in source units) as the scale.
    let scale = ((source + target / LENGTH_RATIO) / 2.0).max(1.0);
    (target - LENGTH_RATIO * source) / (scale * LENGTH_VARIANCE).sqrt()
}

/// −ln of the two-tailed probability of a deviation at least this large under a standard normal.
fn deviation_cost(deviation: f64) -> f64 {
    let z = deviation.abs() / std::f64::consts::SQRT_2;
    // erfc(z) by Abramowitz and Stegun 7.1.26, computed in log space so that large deviations
    // give large finite costs instead of ln(0).
    let t = 1.0 / (1.0 + 0.3275911 * z);
    let polynomial = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
    -(polynomial.ln() - z * z)
}

/// Alignments of up to this many cells ((source sentences + 1) × (target sentences + 1), about
/// 2,000 sentences a side) search every pairing. Larger ones search a band around the diagonal,
/// so that memory and time grow with the number of sentences, not with its square: 12,000
/// sentences a side took 1.3 GB with the full table.
const FULL_TABLE_CELLS: usize = 4_000_000;
/// The band's half-width in target sentences around the diagonal, for larger alignments. A
/// translation that drifts further from proportional position (hundreds of sentences dropped in
/// one place) is aligned within the band, with the drift as omissions and additions.
const BAND_HALF_WIDTH: usize = 400;

/// Which cells of the alignment table are searched: for each source position `i`, target
/// positions `first[i]..=last[i]`, stored one row after another from `offset[i]`.
struct Cells {
    first: Vec<usize>,
    last: Vec<usize>,
    offset: Vec<usize>,
}

impl Cells {
    fn new(n: usize, m: usize, full_table_cells: usize) -> Cells {
        let full = (n + 1).saturating_mul(m + 1) <= full_table_cells;
        let (mut first, mut last, mut offset) =
            (Vec::with_capacity(n + 1), Vec::with_capacity(n + 1), Vec::with_capacity(n + 2));
        offset.push(0);
        for i in 0..=n {
            let (lo, hi) = if full {
                (0, m)
            } else {
                // The diagonal from (0, 0) to (n, m); every row's band overlaps the next one's,
                // so a path of 1-0 and 0-1 links always connects the corners.
                let centre = (i as u128 * m as u128 / n.max(1) as u128) as usize;
                (centre.saturating_sub(BAND_HALF_WIDTH), (centre + BAND_HALF_WIDTH).min(m))
            };
            first.push(lo);
            last.push(hi);
            offset.push(offset[i] + hi - lo + 1);
        }
        Cells { first, last, offset }
    }

    fn len(&self) -> usize {
        *self.offset.last().expect("one row at least")
    }

    /// The index of cell (i, j), if it is searched.
    fn at(&self, i: usize, j: usize) -> Option<usize> {
        (j >= self.first[i] && j <= self.last[i]).then(|| self.offset[i] + j - self.first[i])
    }
}

/// Aligns sentences by length; `source` and `target` are sentence lengths in characters.
pub fn align(source: &[usize], target: &[usize]) -> Vec<Link> {
    align_within(source, target, FULL_TABLE_CELLS)
}

/// [`align`], searching every pairing up to `full_table_cells` cells and a band beyond.
fn align_within(source: &[usize], target: &[usize], full_table_cells: usize) -> Vec<Link> {
    let (n, m) = (source.len(), target.len());
    let cells = Cells::new(n, m, full_table_cells);
    let mut cost = vec![f64::INFINITY; cells.len()];
    let mut back: Vec<Option<LinkKind>> = vec![None; cells.len()];
    cost[0] = 0.0;
    for i in 0..=n {
        for j in cells.first[i]..=cells.last[i] {
            let here = cost[cells.at(i, j).expect("inside the row")];
            if !here.is_finite() {
                continue;
            }
            for kind in LinkKind::ALL {
                let (di, dj) = kind.sizes();
                if i + di > n || j + dj > m {
                    continue;
                }
                let Some(next_cell) = cells.at(i + di, j + dj) else { continue };
                let source_chars: usize = source[i..i + di].iter().sum();
                let target_chars: usize = target[j..j + dj].iter().sum();
                // An unaligned sentence costs its prior alone: charging its length deviation too
                // (as Gale and Church did) makes a dropped sentence merge into a neighbour's 2–1
                // link, which hides which sentence went missing.
                let length_cost = if di == 0 || dj == 0 {
                    UNALIGNED_COST
                } else {
                    deviation_cost(length_deviation(source_chars, target_chars))
                };
                let next = here + kind.prior_cost() + length_cost;
                if next < cost[next_cell] {
                    cost[next_cell] = next;
                    back[next_cell] = Some(kind);
                }
            }
        }
    }
    let mut links = Vec::new();
    let (mut i, mut j) = (n, m);
    while let Some(kind) = cells.at(i, j).and_then(|cell| back[cell]) {
        let (di, dj) = kind.sizes();
        links.push(Link { source: i - di..i, target: j - dj..j, kind });
        i -= di;
        j -= dj;
    }
    links.reverse();
    links
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_runs_align_one_to_one() {
        let links = align(&[100, 60, 120], &[90, 55, 105]);
        assert_eq!(links.iter().map(|l| l.kind).collect::<Vec<_>>(), [LinkKind::OneToOne; 3]);
        assert_eq!(links[2], Link { source: 2..3, target: 2..3, kind: LinkKind::OneToOne });
    }

    #[test]
    fn a_split_sentence_aligns_one_to_two() {
        // The second source sentence was translated as two shorter English sentences.
        let links = align(&[100, 160, 80], &[90, 70, 72, 70]);
        let kinds: Vec<&str> = links.iter().map(|l| l.kind.as_str()).collect();
        assert_eq!(kinds, ["1-1", "1-2", "1-1"]);
        assert_eq!(links[1].target, 1..3);
    }

    #[test]
    fn a_dropped_sentence_is_left_unaligned() {
        let links = align(&[100, 140, 90], &[92, 82]);
        let kinds: Vec<&str> = links.iter().map(|l| l.kind.as_str()).collect();
        assert!(kinds.contains(&"1-0") || kinds.contains(&"2-1"), "{kinds:?}");
        assert_eq!(links.iter().map(|l| l.source.len()).sum::<usize>(), 3, "every source sentence is linked");
        assert_eq!(links.iter().map(|l| l.target.len()).sum::<usize>(), 2, "every target sentence is linked");
    }

    #[test]
    fn long_documents_align_in_a_band_as_with_the_full_table() {
        // 1,500 sentences, one dropped every 100: the band finds the alignment the full table
        // finds, with every sentence linked once.
        let source: Vec<usize> = (0..1500).map(|i| 60 + (i * 37) % 90).collect();
        let target: Vec<usize> = source
            .iter()
            .enumerate()
            .filter(|(i, _)| i % 100 != 50)
            .map(|(_, &chars)| (chars as f64 * LENGTH_RATIO) as usize)
            .collect();
        let banded = align_within(&source, &target, 0);
        assert_eq!(banded, align_within(&source, &target, usize::MAX));
        assert_eq!(banded.iter().map(|l| l.source.len()).sum::<usize>(), source.len());
        assert_eq!(banded.iter().map(|l| l.target.len()).sum::<usize>(), target.len());
        for dropped in (0..15).map(|k| k * 100 + 50) {
            let link = banded.iter().find(|l| l.source.contains(&dropped)).unwrap();
            assert_ne!(link.kind, LinkKind::OneToOne, "sentence {dropped} was dropped");
        }
        // Beyond the full table's size, align uses the band on its own.
        let long: Vec<usize> = source.iter().cycle().take(6000).copied().collect();
        assert!((long.len() + 1) * (long.len() + 1) > FULL_TABLE_CELLS);
        assert!(align(&long, &long).iter().all(|l| l.kind == LinkKind::OneToOne));
    }

    #[test]
    fn a_band_connects_the_corners_whatever_the_sides_lengths() {
        for (n, m) in [(5000, 1), (1, 5000), (3000, 9000), (9000, 2500)] {
            let links = align(&vec![80; n], &vec![70; m]);
            assert_eq!(links.iter().map(|l| l.source.len()).sum::<usize>(), n, "{n}×{m}");
            assert_eq!(links.iter().map(|l| l.target.len()).sum::<usize>(), m, "{n}×{m}");
        }
    }

    #[test]
    fn empty_sides_give_only_unaligned_links() {
        assert!(align(&[], &[]).is_empty());
        assert_eq!(align(&[50], &[]), [Link { source: 0..1, target: 0..0, kind: LinkKind::Omitted }]);
        assert_eq!(align(&[], &[50]), [Link { source: 0..0, target: 0..1, kind: LinkKind::Added }]);
    }

    #[test]
    fn deviation_is_signed_and_grows_with_the_gap() {
        assert!(length_deviation(100, 90).abs() < 0.1);
        assert!(length_deviation(140, 1) < -6.0, "an empty translation of a long sentence");
        assert!(length_deviation(50, 200) > 6.0);
        assert!(deviation_cost(8.0) > deviation_cost(2.0) && deviation_cost(2.0) > deviation_cost(0.0));
        assert!(deviation_cost(40.0).is_finite());
    }

    #[test]
    fn source_side_splits_german_and_links_every_segment() {
        let target = "The council met on Monday. It approved the budget.";
        let target_tokens = tokens::tokenize(target);
        let (target_paragraphs, target_sentences) = segment::split(target, &target_tokens);
        let side = SourceSide::new(
            "Der Rat tagte am Montag. Er billigte den Haushalt.",
            target,
            &target_paragraphs,
            &target_sentences,
        );
        assert_eq!(side.sentences.len(), 2);
        assert_eq!(side.links.len(), 2);
        assert_eq!(&side.text[side.span_of(&side.links[1])], "Er billigte den Haushalt.");
        assert_eq!((side.links[1].source.clone(), side.links[1].target.clone()), (1..2, 1..2));
    }
}
