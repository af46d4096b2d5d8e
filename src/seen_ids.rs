//! The ids seen so far in a run, for duplicate detection.
//!
//! Each id costs about 17 bytes whatever its length: a 64-bit hash of the id and where it was
//! first seen, packed into 64 bits. Keeping the ids and their locations as strings made memory
//! grow by about 250 bytes per document (390 MB of peak memory for a 1 GB corpus). Two
//! different ids share a hash with probability about n²/2⁶⁵: under one in a million for ten
//! million documents.
//!
//! The pairs are kept in sorted arrays rather than hash tables. A hash table keeps a third or
//! more of its slots empty, and doubles when it grows: with 256 hash tables the index took
//! 42 MB for the 1.15 million documents of the 1 GB benchmark corpus, 36 bytes per document.
//! A sorted array has no empty slots and grows by an eighth at a time. New ids wait in a short
//! unsorted list per shard, which is merged into the shard's array when it is full, so each
//! insertion moves a few hundred bytes at most, even for tens of millions of documents.

use crate::read::Record;
use std::sync::Arc;

/// The shards, chosen by the top bits of the hash. More shards make each merge cheaper; each
/// costs a few hundred bytes of its own.
const SHARDS: usize = 1024;
/// How many new ids a shard keeps unsorted before merging them into its sorted array. They are
/// searched one by one, so this stays short.
const PENDING: usize = 32;

/// A packed location: bit 63 says whether it is a line (line formats) or a row number, the
/// next bits the file, the low bits the line or row.
const LINE_BIT: u64 = 1 << 63;
const POSITION_BITS: u32 = 40;
const FILE_BITS: u32 = 23;
/// For the (theoretical) file or line beyond the packed range: the duplicate is still found,
/// but its first location is not reported.
const UNKNOWN_LOCATION: u64 = u64::MAX;

/// One id: its hash, and the packed location where it was first seen.
type Entry = (u64, u64);

#[derive(Default)]
struct Shard {
    /// Sorted by hash, no two alike.
    sorted: Vec<Entry>,
    /// Newer than `sorted`, in arrival order; at most [`PENDING`].
    pending: Vec<Entry>,
}

impl Shard {
    fn find(&self, hash: u64) -> Option<u64> {
        if let Some(&(_, location)) = self.pending.iter().find(|(h, _)| *h == hash) {
            return Some(location);
        }
        self.sorted.binary_search_by_key(&hash, |&(h, _)| h).ok().map(|i| self.sorted[i].1)
    }

    fn add(&mut self, entry: Entry) {
        if self.pending.capacity() == 0 {
            self.pending.reserve_exact(PENDING);
        }
        self.pending.push(entry);
        if self.pending.len() == PENDING {
            self.merge_pending();
        }
    }

    /// Merges the pending entries into the sorted array, from the back, in place.
    fn merge_pending(&mut self) {
        self.pending.sort_unstable_by_key(|&(hash, _)| hash);
        let old_len = self.sorted.len();
        if self.sorted.capacity() < old_len + self.pending.len() {
            self.sorted.reserve_exact(self.pending.len().max(old_len / 8));
        }
        self.sorted.resize(old_len + self.pending.len(), (0, 0));
        let (mut from_sorted, mut from_pending, mut to) = (old_len, self.pending.len(), self.sorted.len());
        while from_pending > 0 {
            to -= 1;
            if from_sorted > 0 && self.sorted[from_sorted - 1].0 > self.pending[from_pending - 1].0 {
                from_sorted -= 1;
                self.sorted[to] = self.sorted[from_sorted];
            } else {
                from_pending -= 1;
                self.sorted[to] = self.pending[from_pending];
            }
        }
        self.pending.clear();
    }
}

/// The ids seen so far and where each was first seen.
pub struct SeenIds {
    shards: Vec<Shard>,
    files: Vec<Arc<str>>,
}

impl Default for SeenIds {
    fn default() -> Self {
        SeenIds { shards: (0..SHARDS).map(|_| Shard::default()).collect(), files: Vec::new() }
    }
}

impl SeenIds {
    fn hash(id: &str) -> u64 {
        use std::hash::{Hash, Hasher};
        // SipHash with fixed keys: the same on every run and machine.
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        id.hash(&mut hasher);
        hasher.finish()
    }

    fn pack(file: usize, line: Option<u64>, row: u64) -> u64 {
        let position = line.unwrap_or(row);
        if file >= 1 << FILE_BITS || position >= 1 << POSITION_BITS {
            return UNKNOWN_LOCATION;
        }
        let line_bit = if line.is_some() { LINE_BIT } else { 0 };
        line_bit | (file as u64) << POSITION_BITS | position
    }

    fn describe(&self, packed: u64) -> String {
        if packed == UNKNOWN_LOCATION {
            return "an earlier row (beyond the range whose location is recorded)".into();
        }
        let name = &self.files[((packed & !LINE_BIT) >> POSITION_BITS) as usize];
        let position = packed & ((1 << POSITION_BITS) - 1);
        if packed & LINE_BIT != 0 {
            format!("{name}:{position}")
        } else {
            format!("{name} row {position}")
        }
    }

    /// Records `record`'s id; if it was seen before, where ("file:line" or "file row N").
    pub fn insert(&mut self, record: &Record) -> Option<String> {
        if !self.files.last().is_some_and(|f| Arc::ptr_eq(f, &record.origin.file)) {
            self.files.push(record.origin.file.clone());
        }
        let hash = Self::hash(&record.id);
        let shard = &mut self.shards[(hash >> (u64::BITS - SHARDS.trailing_zeros())) as usize];
        if let Some(first) = shard.find(hash) {
            return Some(self.describe(first));
        }
        shard.add((hash, Self::pack(self.files.len() - 1, record.origin.line, record.origin.row)));
        None
    }

    /// How many ids are recorded.
    #[cfg(test)]
    fn len(&self) -> usize {
        self.shards.iter().map(|s| s.sorted.len() + s.pending.len()).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::Origin;

    fn at(file: &str, line: Option<u64>, row: u64, id: &str) -> Record {
        Record {
            id: id.into(),
            text: "Text.".into(),
            source: None,
            meta: vec![],
            origin: Origin { file: Arc::from(file), line, row },
        }
    }

    #[test]
    fn duplicate_locations_survive_packing() {
        let mut seen = SeenIds::default();
        assert_eq!(seen.insert(&at("a.parquet", None, 7, "x")), None);
        assert_eq!(seen.insert(&at("b.jsonl", Some(1 << 39), 1, "y")), None);
        assert_eq!(seen.insert(&at("c.jsonl", Some(1 << 41), 2, "z")), None);
        assert_eq!(seen.insert(&at("d.jsonl", Some(5), 5, "x")).as_deref(), Some("a.parquet row 7"));
        assert_eq!(seen.insert(&at("d.jsonl", Some(6), 6, "y")), Some(format!("b.jsonl:{}", 1u64 << 39)));
        let beyond = seen.insert(&at("d.jsonl", Some(7), 7, "z")).unwrap();
        assert!(beyond.contains("earlier row"), "{beyond}");
    }

    /// Enough ids that every shard merges its pending list many times; each id comes back
    /// with its own first line, whether it is still pending or already merged.
    #[test]
    fn every_id_is_found_after_merges() {
        let mut seen = SeenIds::default();
        let count = SHARDS as u64 * PENDING as u64 * 3;
        for line in 1..=count {
            assert_eq!(seen.insert(&at("in.jsonl", Some(line), line, &format!("doc-{line}"))), None);
        }
        assert_eq!(seen.len(), count as usize);
        for shard in &seen.shards {
            assert!(shard.sorted.windows(2).all(|w| w[0].0 < w[1].0), "each shard stays sorted");
        }
        for line in (1..=count).step_by(97).chain([count]) {
            let again = seen.insert(&at("more.jsonl", Some(1), 1, &format!("doc-{line}")));
            assert_eq!(again, Some(format!("in.jsonl:{line}")));
        }
        assert_eq!(seen.len(), count as usize, "duplicates are not recorded again");
    }
}
