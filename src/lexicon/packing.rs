//! Words packed into integers, and the word keys built from them: the bit tricks that make a
//! lookup per token cheap.

/// A word of up to 16 bytes packed into one integer, zero-padded (no word contains a NUL
/// byte). Tables keyed by it hash and compare a word without reading the key's bytes from
/// elsewhere in memory: with `&str` keys every probe of a large table followed a pointer to
/// the key's text, a second cache miss per lookup.
///
/// It is kept as two 64-bit halves rather than one `u128`, which is 16-byte aligned: with an
/// 8-byte [`Lex`](super::Lex) beside it, a table entry takes 24 bytes instead of 32, and the
/// per-token table fits in less cache.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) struct ShortWord([u64; 2]);

impl ShortWord {
    #[inline]
    fn from_packed(packed: u128) -> Self {
        ShortWord([packed as u64, (packed >> 64) as u64])
    }

    #[inline]
    pub(super) fn new(word: &str) -> Option<Self> {
        (word.len() <= 16).then(|| ShortWord::from_packed(pack(word.as_bytes())))
    }

    /// The word's [`word_key`]: both halves mixed by a multiplication, whose top bits depend on
    /// every input bit.
    #[inline]
    pub(super) fn key(self) -> u32 {
        let [low, high] = self.0;
        ((low ^ high.rotate_left(31)).wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 32) as u32
    }

    /// [`ShortWord::new`] of the word in lower case, for ASCII words: lower-cased once packed,
    /// eight letters at a time, with no copy of the word.
    #[inline]
    pub(super) fn ascii_lower_case(word: &str) -> Option<Self> {
        let bytes = word.as_bytes();
        if bytes.len() > 16 || !bytes.is_ascii() {
            return None;
        }
        let packed = pack(bytes);
        let low = ascii_lower_case_8(packed as u64);
        let high = ascii_lower_case_8((packed >> 64) as u64);
        Some(ShortWord([low, high]))
    }
}

/// Up to 16 bytes as one little-endian integer, zero-padded. Every token is packed at least
/// once, so instead of a step per byte this reads the bytes in at most three overlapping loads.
/// Where two loads overlap they read the same bytes into the same places, so OR-ing them is
/// exact.
#[inline]
fn pack(bytes: &[u8]) -> u128 {
    let n = bytes.len();
    debug_assert!(n <= 16);
    let u64_at = |at: usize| u64::from_le_bytes(bytes[at..at + 8].try_into().expect("eight bytes"));
    let u32_at = |at: usize| u32::from_le_bytes(bytes[at..at + 4].try_into().expect("four bytes"));
    match n {
        0 => 0,
        1..=3 => {
            u128::from(bytes[0]) | u128::from(bytes[n / 2]) << (8 * (n / 2)) | u128::from(bytes[n - 1]) << (8 * (n - 1))
        }
        4..=7 => u128::from(u32_at(0)) | u128::from(u32_at(n - 4)) << (8 * (n - 4)),
        _ => u128::from(u64_at(0)) | u128::from(u64_at(n - 8)) << (8 * (n - 8)),
    }
}

/// Lower-cases eight ASCII bytes at once: each byte from 'A' to 'Z' gains 0x20. Adding 0x3f
/// sets a byte's top bit when it is at least 'A', adding 0x25 when it is above 'Z'; no byte
/// carries into the next, since every byte is below 0x80.
#[inline]
fn ascii_lower_case_8(bytes: u64) -> u64 {
    const EACH: u64 = 0x0101_0101_0101_0101;
    let at_least_a = bytes + 0x3f * EACH;
    let above_z = bytes + 0x25 * EACH;
    let upper = at_least_a & !above_z & (0x80 * EACH);
    bytes | upper >> 2
}

/// A 32-bit key of a word: equal words have equal keys, and different words nearly always
/// differ. Detectors compare keys before text, so most comparisons of two words cost one
/// instruction; where keys agree, the text decides.
pub fn word_key(word: &str) -> u32 {
    match ShortWord::new(word) {
        Some(packed) => packed.key(),
        None => {
            use std::hash::{Hash, Hasher};
            let mut hasher = rustc_hash::FxHasher::default();
            word.hash(&mut hasher);
            (hasher.finish() >> 32) as u32
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Packing against the plain definition, for every length and for bytes at the edges of
    /// the letter ranges ('@' and '[' sit either side of 'A' to 'Z').
    #[test]
    fn words_pack_and_lower_case_like_a_byte_loop() {
        let alphabet = b"@AZ[az`{09-.\x7f\x01";
        let mut random = crate::test_random::XorShift(0x2545_f491_4f6c_dd1d);
        for round in 0..20_000 {
            let length = round % 17;
            let word: Vec<u8> = (0..length).map(|_| random.pick(alphabet)).collect();
            let word = std::str::from_utf8(&word).unwrap();
            let by_loop =
                |bytes: &[u8]| bytes.iter().enumerate().fold(0u128, |p, (i, &b)| p | u128::from(b) << (8 * i));
            assert_eq!(ShortWord::new(word), Some(ShortWord::from_packed(by_loop(word.as_bytes()))), "{word:?}");
            let lower = word.to_ascii_lowercase();
            assert_eq!(
                ShortWord::ascii_lower_case(word),
                Some(ShortWord::from_packed(by_loop(lower.as_bytes()))),
                "{word:?}"
            );
        }
        assert_eq!(ShortWord::new("seventeen-letters"), None);
        assert_eq!(ShortWord::ascii_lower_case("Grüße"), None, "not ASCII: lower-cased the long way");
    }
}
