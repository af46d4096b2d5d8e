//! The metrics of `mtqe eval`: rank and linear correlation, span overlap, and character-level
//! precision, recall and F1. Spans are character ranges, end-exclusive.

use std::ops::Range;

/// Kendall's tau-b between two equally long series, which corrects for ties in either. None
/// when fewer than two values, or when either series is constant (tau is undefined then).
pub fn kendall_tau_b(x: &[f64], y: &[f64]) -> Option<f64> {
    assert_eq!(x.len(), y.len(), "series of equal length");
    let n = x.len();
    if n < 2 {
        return None;
    }
    let (mut concordant, mut discordant, mut ties_x, mut ties_y) = (0i64, 0i64, 0i64, 0i64);
    for i in 0..n {
        for j in i + 1..n {
            let dx = x[i].partial_cmp(&x[j])?;
            let dy = y[i].partial_cmp(&y[j])?;
            use std::cmp::Ordering::Equal;
            match (dx, dy) {
                (Equal, Equal) => {}
                (Equal, _) => ties_x += 1,
                (_, Equal) => ties_y += 1,
                _ if dx == dy => concordant += 1,
                _ => discordant += 1,
            }
        }
    }
    let denominator = (((concordant + discordant + ties_x) * (concordant + discordant + ties_y)) as f64).sqrt();
    (denominator > 0.0).then(|| (concordant - discordant) as f64 / denominator)
}

/// Pearson's correlation coefficient. None for fewer than two values or a constant series.
pub fn pearson(x: &[f64], y: &[f64]) -> Option<f64> {
    assert_eq!(x.len(), y.len(), "series of equal length");
    let n = x.len() as f64;
    if x.len() < 2 {
        return None;
    }
    let (mean_x, mean_y) = (x.iter().sum::<f64>() / n, y.iter().sum::<f64>() / n);
    let (mut cov, mut var_x, mut var_y) = (0.0, 0.0, 0.0);
    for (a, b) in x.iter().zip(y) {
        cov += (a - mean_x) * (b - mean_y);
        var_x += (a - mean_x).powi(2);
        var_y += (b - mean_y).powi(2);
    }
    (var_x > 0.0 && var_y > 0.0).then(|| cov / (var_x * var_y).sqrt())
}

/// The mean of a metric computed within each group (the WMT "item-grouped" practice), over
/// the groups where it is defined, and how many groups that was.
pub fn grouped_mean(groups: &[Vec<(f64, f64)>], metric: fn(&[f64], &[f64]) -> Option<f64>) -> (Option<f64>, usize) {
    let values: Vec<f64> = groups
        .iter()
        .filter_map(|group| {
            let (x, y): (Vec<f64>, Vec<f64>) = group.iter().copied().unzip();
            metric(&x, &y)
        })
        .collect();
    let count = values.len();
    ((count > 0).then(|| values.iter().sum::<f64>() / count as f64), count)
}

/// WMT's DARR pairs: translations of one source whose raw human scores differ by more than
/// `margin`, and how the metric orders them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Darr {
    pub concordant: usize,
    pub discordant: usize,
    /// Pairs the metric scores equally.
    pub ties: usize,
}

impl Darr {
    /// Counts the pairs within each group of (metric, raw human score).
    pub fn of(groups: &[Vec<(f64, f64)>], margin: f64) -> Darr {
        let mut darr = Darr::default();
        for group in groups {
            for (i, &(metric_a, human_a)) in group.iter().enumerate() {
                for &(metric_b, human_b) in &group[i + 1..] {
                    if (human_a - human_b).abs() <= margin {
                        continue;
                    }
                    let agree = (metric_a - metric_b) * (human_a - human_b);
                    match agree.partial_cmp(&0.0) {
                        Some(std::cmp::Ordering::Greater) => darr.concordant += 1,
                        Some(std::cmp::Ordering::Less) => darr.discordant += 1,
                        _ => darr.ties += 1,
                    }
                }
            }
        }
        darr
    }

    /// WMT19's Kendall-like tau, a metric tie counting as a discordant pair.
    pub fn tau(&self) -> Option<f64> {
        let pairs = self.concordant + self.discordant + self.ties;
        (pairs > 0).then(|| (self.concordant as f64 - (self.discordant + self.ties) as f64) / pairs as f64)
    }

    /// The same tau over the pairs the metric separates at all.
    pub fn tau_separated(&self) -> Option<f64> {
        let pairs = self.concordant + self.discordant;
        (pairs > 0).then(|| (self.concordant as f64 - self.discordant as f64) / pairs as f64)
    }
}

/// Sentence-level chrF (Popović 2015) of `hypothesis` against `reference`: character n-grams
/// of orders 1 to 6 with white space removed, precision and recall averaged over the orders
/// that both sides are long enough for, combined as F with beta 2, on a 0–100 scale.
pub fn chrf(hypothesis: &str, reference: &str) -> f64 {
    use std::collections::HashMap;
    const MAX_ORDER: usize = 6;
    const BETA_SQUARED: f64 = 4.0;
    let hyp: Vec<char> = hypothesis.chars().filter(|c| !c.is_whitespace()).collect();
    let refr: Vec<char> = reference.chars().filter(|c| !c.is_whitespace()).collect();
    let (mut precision, mut recall, mut orders) = (0.0, 0.0, 0);
    for n in 1..=MAX_ORDER {
        if hyp.len() < n || refr.len() < n {
            break;
        }
        let mut counts: HashMap<&[char], (usize, usize)> = HashMap::new();
        for gram in hyp.windows(n) {
            counts.entry(gram).or_default().0 += 1;
        }
        for gram in refr.windows(n) {
            counts.entry(gram).or_default().1 += 1;
        }
        let matched: usize = counts.values().map(|&(h, r)| h.min(r)).sum();
        precision += matched as f64 / (hyp.len() + 1 - n) as f64;
        recall += matched as f64 / (refr.len() + 1 - n) as f64;
        orders += 1;
    }
    if orders == 0 {
        return 0.0;
    }
    let (precision, recall) = (precision / orders as f64, recall / orders as f64);
    if precision + recall == 0.0 {
        return 0.0;
    }
    100.0 * (1.0 + BETA_SQUARED) * precision * recall / (BETA_SQUARED * precision + recall)
}

/// Whether two spans share at least one character. A zero-length span (an insertion point)
/// overlaps a span that contains its position or starts or ends there.
pub fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    if a.is_empty() || b.is_empty() {
        let (point, other) = if a.is_empty() { (a.start, b) } else { (b.start, a) };
        return other.start <= point && point <= other.end;
    }
    a.start < b.end && b.start < a.end
}

/// Character-level counts for one text: flagged and gold characters and their intersection.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CharCounts {
    pub predicted: usize,
    pub gold: usize,
    pub both: usize,
}

impl CharCounts {
    /// Counts over the union of each side's spans, so overlapping spans are not counted twice.
    pub fn of(predicted: &[Range<usize>], gold: &[Range<usize>]) -> CharCounts {
        let union = |spans: &[Range<usize>]| -> Vec<Range<usize>> {
            let mut sorted: Vec<Range<usize>> = spans.iter().filter(|s| !s.is_empty()).cloned().collect();
            sorted.sort_by_key(|s| s.start);
            let mut merged: Vec<Range<usize>> = Vec::new();
            for span in sorted {
                match merged.last_mut() {
                    Some(last) if span.start <= last.end => last.end = last.end.max(span.end),
                    _ => merged.push(span),
                }
            }
            merged
        };
        let (p, g) = (union(predicted), union(gold));
        let length = |spans: &[Range<usize>]| spans.iter().map(|s| s.end - s.start).sum::<usize>();
        let mut both = 0;
        for a in &p {
            for b in &g {
                both += a.end.min(b.end).saturating_sub(a.start.max(b.start));
            }
        }
        CharCounts { predicted: length(&p), gold: length(&g), both }
    }

    pub fn add(&mut self, other: CharCounts) {
        self.predicted += other.predicted;
        self.gold += other.gold;
        self.both += other.both;
    }

    /// Precision, recall and F1; None where a denominator is zero.
    pub fn prf(&self) -> (Option<f64>, Option<f64>, Option<f64>) {
        let precision = (self.predicted > 0).then(|| self.both as f64 / self.predicted as f64);
        let recall = (self.gold > 0).then(|| self.both as f64 / self.gold as f64);
        let f1 = match (precision, recall) {
            (Some(p), Some(r)) if p + r > 0.0 => Some(2.0 * p * r / (p + r)),
            (Some(_), Some(_)) => Some(0.0),
            _ => None,
        };
        (precision, recall, f1)
    }
}

/// A share with its numerator and denominator, so reports can show both.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Share {
    pub hits: usize,
    pub total: usize,
}

impl Share {
    pub fn add(&mut self, hit: bool) {
        self.hits += usize::from(hit);
        self.total += 1;
    }

    pub fn rate(&self) -> Option<f64> {
        (self.total > 0).then(|| self.hits as f64 / self.total as f64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn darr_counts_only_pairs_far_apart_in_the_human_score() {
        // Human raw scores 90, 80, 40: only the pairs with 40 differ by more than 25.
        let groups = vec![vec![(3.0, 90.0), (1.0, 80.0), (2.0, 40.0)], vec![(5.0, 10.0), (5.0, 70.0)]];
        let darr = Darr::of(&groups, 25.0);
        assert_eq!(darr, Darr { concordant: 1, discordant: 1, ties: 1 });
        assert!(close(darr.tau(), -1.0 / 3.0));
        assert!(close(darr.tau_separated(), 0.0));
        assert_eq!(Darr::default().tau(), None);
    }

    #[test]
    fn chrf_is_100_for_identity_and_falls_with_edits() {
        assert!((chrf("The cat sat.", "The cat sat.") - 100.0).abs() < 1e-9);
        let close_one = chrf("The cat sat.", "The cat sits.");
        let far = chrf("A dog ran away.", "The cat sits.");
        assert!(close_one > far && far >= 0.0 && close_one < 100.0, "{close_one} {far}");
        assert_eq!(chrf("", "The cat."), 0.0);
        assert!((chrf("The cat", "Thecat") - 100.0).abs() < 1e-9, "white space is ignored");
    }

    fn close(a: Option<f64>, b: f64) -> bool {
        a.is_some_and(|a| (a - b).abs() < 1e-9)
    }

    #[test]
    fn tau_b_on_hand_computed_cases() {
        assert!(close(kendall_tau_b(&[1.0, 2.0, 3.0], &[1.0, 2.0, 3.0]), 1.0));
        assert!(close(kendall_tau_b(&[1.0, 2.0, 3.0], &[3.0, 2.0, 1.0]), -1.0));
        // x = 1,2,2,3 and y = 1,3,2,4: pairs (12) C, (13) C, (14) C, (23) tie in x, (24) C, (34) C.
        // C = 5, D = 0, ties only in x = 1, ties only in y = 0: tau-b = 5 / sqrt(6 * 5).
        assert!(close(kendall_tau_b(&[1.0, 2.0, 2.0, 3.0], &[1.0, 3.0, 2.0, 4.0]), 5.0 / 30f64.sqrt()));
        assert_eq!(kendall_tau_b(&[1.0, 1.0, 1.0], &[1.0, 2.0, 3.0]), None, "a constant series has no tau");
        assert_eq!(kendall_tau_b(&[1.0], &[2.0]), None);
    }

    #[test]
    fn pearson_and_grouped_means() {
        assert!(close(pearson(&[1.0, 2.0, 3.0], &[2.0, 4.0, 6.0]), 1.0));
        assert_eq!(pearson(&[1.0, 1.0], &[1.0, 2.0]), None);
        let groups = vec![vec![(1.0, 1.0), (2.0, 2.0)], vec![(1.0, 2.0), (2.0, 1.0)], vec![(5.0, 5.0)]];
        let (mean, count) = grouped_mean(&groups, kendall_tau_b);
        assert_eq!(count, 2, "the one-item group has no tau");
        assert!(close(mean, 0.0));
    }

    #[test]
    fn overlapping_and_zero_length_spans() {
        assert!(overlaps(&(0..5), &(4..8)));
        assert!(!overlaps(&(0..5), &(5..8)), "end-exclusive");
        assert!(overlaps(&(3..3), &(0..5)), "an insertion point inside a span");
        assert!(overlaps(&(5..5), &(0..5)), "an insertion point at the end of a span");
        assert!(!overlaps(&(9..9), &(0..5)));
    }

    #[test]
    fn character_counts_merge_overlaps_and_handle_empty_gold() {
        let counts = CharCounts::of(&[0..4, 2..6], std::slice::from_ref(&(4..10)));
        assert_eq!(counts, CharCounts { predicted: 6, gold: 6, both: 2 });
        let (p, r, f) = counts.prf();
        assert!(close(p, 2.0 / 6.0) && close(r, 2.0 / 6.0) && close(f, 2.0 / 6.0));
        let empty = CharCounts::of(std::slice::from_ref(&(0..3)), &[]);
        assert_eq!(empty.prf(), (Some(0.0), None, None));
        let zero = CharCounts::of(&[], std::slice::from_ref(&(5..5)));
        assert_eq!(zero, CharCounts::default(), "zero-length gold spans have no characters");
    }
}
