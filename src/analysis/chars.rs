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
        if !text.is_ascii() {
            let mut extra = 0u32;
            for (byte, c) in text.char_indices() {
                let width = c.len_utf8() as u32;
                if width > 1 {
                    extra += width - 1;
                    multibyte.push((byte as u32, extra));
                }
            }
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

    #[test]
    fn ascii_offsets_are_identical() {
        let index = CharIndex::new("plain text");
        assert_eq!(index.char_offset(5), 5);
    }
}
