//! Cuts an article's segments into pieces at every flag boundary, so that overlapping flags can
//! be shown without nesting: each piece knows every flag that covers it.

use super::run::{FlagRow, SegmentRow};
use std::ops::Range;

/// A stretch of one segment's text and the flags whose spans cover it.
#[derive(Debug, Clone, PartialEq)]
pub struct Piece {
    /// Characters of the article, end-exclusive. Empty for a flag whose span is empty or lies
    /// outside every segment: it is shown as a caret where it points.
    pub range: Range<usize>,
    /// Indices into the document's flags that cover the piece, in flag order.
    pub flags: Vec<usize>,
    /// Flags whose first piece this is.
    pub opening: Vec<usize>,
    /// Flags whose last piece this is.
    pub closing: Vec<usize>,
}

fn overlaps(flag: &FlagRow, segment: &SegmentRow) -> bool {
    flag.start < flag.end && flag.start < segment.end && segment.start < flag.end
}

/// The segment that shows a flag overlapping none: its own segment when the run names one,
/// else the last segment starting at or before it.
fn anchor(flag: &FlagRow, segments: &[SegmentRow]) -> usize {
    if let Some(own) = flag.segment.and_then(|s| segments.iter().position(|segment| segment.segment == s)) {
        return own;
    }
    segments.iter().rposition(|segment| segment.start <= flag.start).unwrap_or(0)
}

/// The pieces of each segment, in order. Every flag appears in at least one piece when there is
/// at least one segment.
pub fn document_pieces(segments: &[SegmentRow], flags: &[FlagRow]) -> Vec<Vec<Piece>> {
    let mut anchored: Vec<Vec<usize>> = vec![Vec::new(); segments.len()];
    if !segments.is_empty() {
        for (i, flag) in flags.iter().enumerate() {
            if !segments.iter().any(|segment| overlaps(flag, segment)) {
                anchored[anchor(flag, segments)].push(i);
            }
        }
    }
    let mut all: Vec<Vec<Piece>> =
        segments.iter().zip(&anchored).map(|(segment, anchored)| segment_pieces(segment, flags, anchored)).collect();
    let mut first = vec![None; flags.len()];
    let mut last = vec![None; flags.len()];
    for (s, pieces) in all.iter().enumerate() {
        for (p, piece) in pieces.iter().enumerate() {
            for &flag in &piece.flags {
                first[flag].get_or_insert((s, p));
                last[flag] = Some((s, p));
            }
        }
    }
    for flag in 0..flags.len() {
        if let Some((s, p)) = first[flag] {
            all[s][p].opening.push(flag);
        }
        if let Some((s, p)) = last[flag] {
            all[s][p].closing.push(flag);
        }
    }
    all
}

fn segment_pieces(segment: &SegmentRow, flags: &[FlagRow], anchored: &[usize]) -> Vec<Piece> {
    let span = segment.start..segment.end.max(segment.start);
    let clamp = |offset: usize| offset.clamp(span.start, span.end);
    let covering: Vec<(usize, Range<usize>)> = flags
        .iter()
        .enumerate()
        .filter(|(_, flag)| overlaps(flag, segment))
        .map(|(i, flag)| (i, clamp(flag.start)..clamp(flag.end)))
        .collect();
    let carets: Vec<(usize, usize)> = anchored.iter().map(|&i| (clamp(flags[i].start), i)).collect();
    let mut bounds: Vec<usize> = vec![span.start, span.end];
    bounds.extend(covering.iter().flat_map(|(_, range)| [range.start, range.end]));
    bounds.extend(carets.iter().map(|(at, _)| *at));
    bounds.sort_unstable();
    bounds.dedup();
    let caret = |at: usize| Piece {
        range: at..at,
        flags: carets.iter().filter(|(position, _)| *position == at).map(|(_, i)| *i).collect(),
        opening: Vec::new(),
        closing: Vec::new(),
    };
    let mut pieces = Vec::new();
    for window in bounds.windows(2) {
        let (start, end) = (window[0], window[1]);
        if carets.iter().any(|(at, _)| *at == start) {
            pieces.push(caret(start));
        }
        let covered = covering.iter().filter(|(_, range)| range.start <= start && end <= range.end);
        pieces.push(Piece {
            range: start..end,
            flags: covered.map(|(i, _)| *i).collect(),
            opening: Vec::new(),
            closing: Vec::new(),
        });
    }
    if carets.iter().any(|(at, _)| *at == span.end) {
        pieces.push(caret(span.end));
    }
    pieces
}

/// The text of a piece, cut from its segment's text by character offsets.
pub fn piece_text<'a>(segment: &'a SegmentRow, range: &Range<usize>) -> &'a str {
    let byte = |offset: usize| {
        let chars = offset.saturating_sub(segment.start);
        segment.text.char_indices().nth(chars).map_or(segment.text.len(), |(b, _)| b)
    };
    &segment.text[byte(range.start)..byte(range.end)]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn segment(segment: u32, start: usize, text: &str) -> SegmentRow {
        SegmentRow { segment, start, end: start + text.chars().count(), text: text.into(), penalty: 0.0, quality: None }
    }

    fn flag(start: usize, end: usize) -> FlagRow {
        FlagRow {
            segment: None,
            start,
            end,
            detector: "d".into(),
            category: "c".into(),
            severity: "major".into(),
            message: String::new(),
            suggestion: None,
        }
    }

    #[test]
    fn crossing_flags_split_the_text_and_every_flag_opens_and_closes_once() {
        let segments = [segment(0, 0, "Months eat Russians."), segment(1, 21, "You switch sides.")];
        // 0: "eat Russians", 1: "Russians. You" across both segments, 2: empty, 3: outside.
        let flags = [flag(7, 19), flag(11, 24), flag(30, 30), flag(90, 95)];
        let pieces = document_pieces(&segments, &flags);
        let joined: String = pieces[0].iter().map(|p| piece_text(&segments[0], &p.range)).collect();
        assert_eq!(joined, "Months eat Russians.");
        let texts: Vec<(&str, Vec<usize>)> =
            pieces[0].iter().map(|p| (piece_text(&segments[0], &p.range), p.flags.clone())).collect();
        assert_eq!(texts, [("Months ", vec![]), ("eat ", vec![0]), ("Russians", vec![0, 1]), (".", vec![1])]);
        for flag in 0..flags.len() {
            let count =
                |pick: fn(&Piece) -> &Vec<usize>| pieces.iter().flatten().filter(|p| pick(p).contains(&flag)).count();
            assert_eq!(count(|p| &p.opening), 1, "flag {flag} opens once");
            assert_eq!(count(|p| &p.closing), 1, "flag {flag} closes once");
        }
        // The empty flag is a caret inside the second segment; the one past the end is a caret at
        // the end of the last segment.
        assert!(pieces[1].iter().any(|p| p.range == (30..30) && p.flags == [2]));
        assert_eq!(pieces[1].last().map(|p| (p.range.clone(), p.flags.clone())), Some((38..38, vec![3])));
    }

    #[test]
    fn pieces_cut_text_by_characters_not_bytes() {
        let segments = [segment(0, 10, "Köln: Größe")];
        let pieces = document_pieces(&segments, &[flag(16, 21)]);
        let texts: Vec<&str> = pieces[0].iter().map(|p| piece_text(&segments[0], &p.range)).collect();
        assert_eq!(texts, ["Köln: ", "Größe"]);
    }
}
