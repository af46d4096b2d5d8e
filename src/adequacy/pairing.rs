//! Pairing the words coverage leaves over: an uncovered German word and an unsupported English
//! word that stand in the same place most likely translate each other through a gap in the
//! lexicon ("Vorkommnisse" / "incidents"). What is left after pairing is what one side has and
//! the other lacks: an omission or an addition.
//!
//! "The same place" is read through anchors, the nearest linked content words on each side of
//! a word: their counterparts on the other side mark where the word's own counterpart would
//! stand. Anchoring is local, so it survives German verb-final order and any reordering of
//! clauses. A word with no anchor near it is paired with any leftover word of the other side,
//! so that only a word whose neighbourhood is fully accounted for is left unpaired.

use super::tokens::Token;

/// How many tokens away from a word its anchors may be.
const ANCHOR_REACH: usize = 4;
/// How many tokens away from an anchor's counterpart a leftover word still stands in its place.
const PLACE_REACH: usize = 3;

/// One side of a sentence pair, as [`unpaired`] sees it.
pub(super) struct Side<'a> {
    pub(super) tokens: &'a [Token],
    /// Per token: a content word (counted in the coverage).
    pub(super) content: &'a [bool],
    /// Per token: the tokens of the other side it is linked to.
    pub(super) links: Vec<Vec<u32>>,
}

impl<'a> Side<'a> {
    pub(super) fn new(tokens: &'a [Token], content: &'a [bool]) -> Self {
        Side { tokens, content, links: vec![Vec::new(); tokens.len()] }
    }

    /// The other side's tokens linked to the nearest linked content word before and after
    /// token `at`, within [`ANCHOR_REACH`]; empty unless both are there when `both` is set.
    fn anchored_places(&self, at: usize, both: bool) -> Vec<u32> {
        let linked = |i: &usize| self.content[*i] && !self.links[*i].is_empty();
        let before = (at.saturating_sub(ANCHOR_REACH)..at).rev().find(linked);
        let after = (at + 1..(at + 1 + ANCHOR_REACH).min(self.tokens.len())).find(linked);
        if both && (before.is_none() || after.is_none()) {
            return Vec::new();
        }
        before.into_iter().chain(after).flat_map(|i| self.links[i].iter().copied()).collect()
    }
}

/// Links each pair of `pairs` (German token, English token) on both sides.
pub(super) fn link(source: &mut Side, target: &mut Side, pairs: &[(u32, u32)]) {
    for &(german, english) in pairs {
        let (german, english) = (german as usize, english as usize);
        if !source.links[german].contains(&(english as u32)) {
            source.links[german].push(english as u32);
        }
        if !target.links[english].contains(&(german as u32)) {
            target.links[english].push(german as u32);
        }
    }
}

/// Which of the `leftover` words of side `from` (token indices) no leftover word of the other
/// side (`others`) stands in the place of; positions into `leftover`. A leftover word given as
/// `usize::MAX` is accounted for already. With `both`, a word needs anchors on both sides to be
/// placed at all; without a place, it is paired whenever the other side has a leftover word.
pub(super) fn unpaired(from: &Side, leftover: &[usize], others: &[usize], both: bool) -> Vec<usize> {
    let mut alone = Vec::new();
    for (position, &at) in leftover.iter().enumerate() {
        if at == usize::MAX {
            continue;
        }
        // A partial match (one word of a two-word translation) is a link of its own.
        if !from.links[at].is_empty() {
            continue;
        }
        let places = from.anchored_places(at, both);
        let paired = if places.is_empty() {
            !others.is_empty()
        } else {
            others.iter().any(|&other| places.iter().any(|&place| (place as usize).abs_diff(other) <= PLACE_REACH))
        };
        if !paired {
            alone.push(position);
        }
    }
    alone
}
