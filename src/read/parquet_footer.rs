//! A check of a Parquet file's footer before polars reads it.
//!
//! The footer is a Thrift structure in the compact protocol. polars-parquet sizes its vectors
//! from the lengths the footer declares, before it reads the elements: a corrupt footer that
//! claims a list of 200 million row groups makes it allocate about 100 GB, and the process
//! aborts on the failed allocation, which no Rust code can catch (found by fuzzing, see
//! fuzz/README.md). This walk reads the footer's structure without building anything, and
//! rejects a footer whose declared lengths do not fit in its own bytes: every element of a list
//! takes at least one byte, every entry of a map two. What polars allocates is then bounded by a
//! small multiple of the footer's size.

use crate::error::InputError;
use std::io::{Read, Seek, SeekFrom};
use std::path::Path;

/// Parquet files begin and end with these bytes.
const MAGIC: &[u8; 4] = b"PAR1";

/// Nesting deeper than this is no Parquet footer (the real schema nests a few levels), and would
/// otherwise let a crafted footer exhaust the stack.
const MAX_DEPTH: usize = 64;

/// Checks that `path` ends in a Parquet footer whose declared lengths all fit in it.
pub fn check_footer(path: &Path) -> Result<(), InputError> {
    let corrupt = |message: String| InputError::Read {
        path: path.to_owned(),
        message: format!("corrupt Parquet file: {message}"),
    };
    let mut file = std::fs::File::open(path).map_err(|error| InputError::Open { path: path.to_owned(), error })?;
    let io = |error: std::io::Error| InputError::Read { path: path.to_owned(), message: error.to_string() };
    let size = file.metadata().map_err(io)?.len();
    if size < 12 {
        return Err(corrupt(format!("{size} bytes is too short for a Parquet file")));
    }
    let mut tail = [0u8; 8];
    file.seek(SeekFrom::End(-8)).map_err(io)?;
    file.read_exact(&mut tail).map_err(io)?;
    if &tail[4..] != MAGIC {
        return Err(corrupt("it does not end with PAR1".into()));
    }
    let footer_length = u64::from(u32::from_le_bytes([tail[0], tail[1], tail[2], tail[3]]));
    if footer_length + 12 > size {
        return Err(corrupt(format!("its footer claims {footer_length} bytes of a {size}-byte file")));
    }
    let mut footer = vec![0u8; footer_length as usize];
    file.seek(SeekFrom::End(-8 - footer_length as i64)).map_err(io)?;
    file.read_exact(&mut footer).map_err(io)?;
    let mut walk = Walk { bytes: &footer, at: 0 };
    walk.structure(0).map_err(|message| corrupt(format!("footer byte {}: {message}", walk.at)))
}

/// A position in the footer's bytes.
struct Walk<'b> {
    bytes: &'b [u8],
    at: usize,
}

/// The compact protocol's type codes.
mod kind {
    pub const TRUE: u8 = 1;
    pub const FALSE: u8 = 2;
    pub const BYTE: u8 = 3;
    pub const I16: u8 = 4;
    pub const I32: u8 = 5;
    pub const I64: u8 = 6;
    pub const DOUBLE: u8 = 7;
    pub const BINARY: u8 = 8;
    pub const LIST: u8 = 9;
    pub const SET: u8 = 10;
    pub const MAP: u8 = 11;
    pub const STRUCT: u8 = 12;
}

impl Walk<'_> {
    fn left(&self) -> usize {
        self.bytes.len() - self.at
    }

    fn byte(&mut self) -> Result<u8, String> {
        let byte = *self.bytes.get(self.at).ok_or("the footer ends inside a value")?;
        self.at += 1;
        Ok(byte)
    }

    fn skip(&mut self, count: usize) -> Result<(), String> {
        if count > self.left() {
            return Err(format!("a value of {count} bytes with {} left", self.left()));
        }
        self.at += count;
        Ok(())
    }

    fn varint(&mut self) -> Result<u64, String> {
        let mut value = 0u64;
        for shift in (0..70).step_by(7) {
            let byte = self.byte()?;
            value |= u64::from(byte & 0x7f).checked_shl(shift).unwrap_or(0);
            if byte & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err("a variable-length integer of more than ten bytes".into())
    }

    /// A declared element count, which must fit in the bytes left at `min_bytes` each.
    fn count(&mut self, declared: u64, min_bytes: u64) -> Result<u64, String> {
        if declared.saturating_mul(min_bytes) > self.left() as u64 {
            return Err(format!("{declared} elements declared with {} bytes left", self.left()));
        }
        Ok(declared)
    }

    fn structure(&mut self, depth: usize) -> Result<(), String> {
        if depth > MAX_DEPTH {
            return Err(format!("structures nested more than {MAX_DEPTH} deep"));
        }
        loop {
            let header = self.byte()?;
            if header == 0 {
                return Ok(());
            }
            if header >> 4 == 0 {
                self.varint()?; // A field id that is no small step from the previous one.
            }
            match header & 0x0f {
                // A boolean field carries its value in its type.
                kind::TRUE | kind::FALSE => {}
                value_kind => self.value(value_kind, depth)?,
            }
        }
    }

    fn value(&mut self, value_kind: u8, depth: usize) -> Result<(), String> {
        match value_kind {
            kind::TRUE | kind::FALSE | kind::BYTE => self.skip(1),
            kind::I16 | kind::I32 | kind::I64 => self.varint().map(drop),
            kind::DOUBLE => self.skip(8),
            kind::BINARY => {
                let length = self.varint()?;
                self.skip(usize::try_from(length).unwrap_or(usize::MAX))
            }
            kind::LIST | kind::SET => {
                let header = self.byte()?;
                let declared = match header >> 4 {
                    15 => self.varint()?,
                    short => u64::from(short),
                };
                for _ in 0..self.count(declared, 1)? {
                    self.value(header & 0x0f, depth + 1)?;
                }
                Ok(())
            }
            kind::MAP => {
                let declared = self.varint()?;
                if declared == 0 {
                    return Ok(());
                }
                let kinds = self.byte()?;
                for _ in 0..self.count(declared, 2)? {
                    self.value(kinds >> 4, depth + 1)?;
                    self.value(kinds & 0x0f, depth + 1)?;
                }
                Ok(())
            }
            kind::STRUCT => self.structure(depth + 1),
            other => Err(format!("unknown value type {other}")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn walk(bytes: &[u8]) -> Result<(), String> {
        Walk { bytes, at: 0 }.structure(0)
    }

    #[test]
    fn reads_every_kind_of_field() {
        // Field 1: i32 7; field 2: binary "ab"; field 3: list of two i32; field 4: true;
        // field 5: struct { field 1: double }; field 6: map {binary "k": i64 1}; stop.
        let footer = [
            0x15, 0x0e, // i32 7
            0x18, 0x02, b'a', b'b', // binary
            0x19, 0x25, 0x02, 0x04, // list<i32> [1, 2]
            0x11, // bool true
            0x1c, 0x17, 0, 0, 0, 0, 0, 0, 0, 0, 0x00, // struct { double }, stop
            0x1b, 0x01, 0x86, 0x01, b'k', 0x02, // map<binary, i64> {"k": 1}
            0x00,
        ];
        assert_eq!(walk(&footer), Ok(()));
    }

    #[test]
    fn a_list_longer_than_the_footer_is_rejected() {
        // A list of structs claiming 200,000,000 elements in a few bytes.
        let footer = [0x19, 0xfc, 0x80, 0x84, 0xaf, 0x5f, 0x00, 0x00];
        let error = walk(&footer).unwrap_err();
        assert!(error.contains("200000000 elements declared"), "{error}");
    }

    #[test]
    fn truncated_and_overlong_values_are_rejected() {
        assert!(walk(&[0x18, 0x7f, b'a']).unwrap_err().contains("a value of 127 bytes"));
        assert!(walk(&[0x15]).unwrap_err().contains("ends inside a value"));
        assert!(walk(&[0x1d, 0x00]).unwrap_err().contains("unknown value type 13"));
        let deep: Vec<u8> = std::iter::repeat_n(0x1c, 100).collect();
        assert!(walk(&deep).unwrap_err().contains("nested more than"));
    }
}
