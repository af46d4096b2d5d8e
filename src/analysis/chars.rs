//! Byte-to-character offset conversion.

/// Converts byte offsets into character offsets in O(log n), storing one entry per multi-byte
/// character only, so ASCII text costs nothing.
pub struct CharIndex {
    /// For each multi-byte character: its byte offset, and the number of extra bytes (beyond one
    /// per character) of all multi-byte characters up to and including it.
    multibyte: Vec<(u32, u32)>,
}

impl CharIndex {
    pub fn new(text: &str) -> Self {
        let mut multibyte = Vec::new();
        let bytes = text.as_bytes();
        let mut extra = 0u32;
        let mut at = 0;
        while at < bytes.len() {
            // Skip ASCII eight bytes at a time: most texts have only a few other characters
            // (curly quotes, dashes, accents).
            if let Some(eight) = bytes.get(at..at + 8) {
                if u64::from_le_bytes(eight.try_into().expect("eight bytes")) & 0x8080_8080_8080_8080 == 0 {
                    at += 8;
                    continue;
                }
            }
            // `text` is UTF-8, so a byte here is ASCII or the first byte of a character, whose
            // top bits give its width.
            let width = match bytes[at] {
                0x00..=0x7f => 1,
                0xc0..=0xdf => 2,
                0xe0..=0xef => 3,
                _ => 4,
            };
            if width > 1 {
                extra += width - 1;
                multibyte.push((at as u32, extra));
            }
            at += width as usize;
        }
        CharIndex { multibyte }
    }

    /// The character offset of `byte`, which must lie on a character boundary.
    pub fn char_offset(&self, byte: usize) -> usize {
        let before = self.multibyte.partition_point(|&(start, _)| (start as usize) < byte);
        let extra = if before == 0 { 0 } else { self.multibyte[before - 1].1 as usize };
        byte - extra
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_offsets_count_scalars_not_bytes() {
        let text = "a„ü“ b😀c";
        let index = CharIndex::new(text);
        for (char_pos, (byte_pos, _)) in text.char_indices().enumerate() {
            assert_eq!(index.char_offset(byte_pos), char_pos, "at byte {byte_pos}");
        }
        assert_eq!(index.char_offset(text.len()), text.chars().count());
    }

    /// Long ASCII runs (skipped eight bytes at a time) between characters of every width, at
    /// every alignment.
    #[test]
    fn char_offsets_survive_the_ascii_skip() {
        let pieces = ["abcdefghijk", "x", "ü", "“", "😀", " ", "abcdefgh"];
        let mut random = crate::test_random::XorShift(0x9e37_79b9_7f4a_7c15);
        for _ in 0..500 {
            let mut text = String::new();
            for _ in 0..(random.0 % 30) {
                text.push_str(random.pick(&pieces));
            }
            let index = CharIndex::new(&text);
            for (char_pos, (byte_pos, _)) in text.char_indices().enumerate() {
                assert_eq!(index.char_offset(byte_pos), char_pos, "{text:?} at byte {byte_pos}");
            }
            assert_eq!(index.char_offset(text.len()), text.chars().count(), "{text:?}");
        }
    }

    #[test]
    fn ascii_offsets_are_identical() {
        let index = CharIndex::new("plain text");
        assert_eq!(index.char_offset(5), 5);
    }
}
