//! Plain text input: the whole file is one article. Its id is the file's path relative to the
//! directory given on the command line, without the extension and with `/` between folders
//! (`a/story.txt` is `a/story`, distinct from `b/story.txt`); a file named on its own is its
//! name without the extension. A `.txt.gz` or `.txt.zst` file is decompressed, and its id loses
//! both extensions.

use super::{utf8_reason, Input, Item, Origin, Record, RecordReader, Reject, RejectReason, Utf8Place};
use crate::error::InputError;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

pub struct TextReader {
    path: PathBuf,
    id: String,
    max_text_chars: usize,
    file: Arc<str>,
    progress: Arc<AtomicU64>,
    done: bool,
}

impl TextReader {
    pub fn open(
        input: &Input,
        file: Arc<str>,
        max_text_chars: usize,
        progress: Arc<AtomicU64>,
    ) -> Result<Self, InputError> {
        Ok(TextReader { path: input.path.clone(), id: article_id(input), max_text_chars, file, progress, done: false })
    }
}

fn article_id(input: &Input) -> String {
    let Some(within) = &input.within_directory else {
        let name = without_compression(&input.path);
        return name.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    };
    let without_extension = without_compression(within).with_extension("");
    let parts: Vec<String> =
        without_extension.components().map(|part| part.as_os_str().to_string_lossy().into_owned()).collect();
    parts.join("/")
}

fn compressed(path: &Path) -> bool {
    super::compression(path) != super::Compression::None
}

/// The path without a `.gz` or `.zst` extension.
fn without_compression(path: &Path) -> PathBuf {
    if compressed(path) {
        path.with_extension("")
    } else {
        path.to_path_buf()
    }
}

impl TextReader {
    /// The file's bytes, decompressed, or why the article cannot be read: a compressed file is
    /// read only up to `limit` bytes, however far it would inflate, and a corrupt one is one
    /// bad article, not a reason to stop the run.
    fn read_compressed(&self, limit: u64) -> Result<Result<Vec<u8>, RejectReason>, InputError> {
        let mut bytes = Vec::new();
        let reader = match super::open_decompressed(&self.path, self.progress.clone()) {
            Ok(reader) => reader,
            Err(InputError::Read { message, .. }) => return Ok(Err(RejectReason::CannotDecompress(message))),
            Err(error) => return Err(error),
        };
        if let Err(error) = reader.take(limit + 1).read_to_end(&mut bytes) {
            return Ok(Err(RejectReason::CannotDecompress(error.to_string())));
        }
        if bytes.len() as u64 > limit {
            return Ok(Err(RejectReason::InflatesTooFar { limit, max_chars: self.max_text_chars }));
        }
        Ok(Ok(bytes))
    }
}

impl RecordReader for TextReader {
    fn next_item(&mut self) -> Result<Option<Item>, InputError> {
        if std::mem::replace(&mut self.done, true) {
            return Ok(None);
        }
        let id = self.id.clone();
        let origin = Origin { file: self.file.clone(), line: None, row: 1 };
        // A character takes at most four bytes: a larger file is over the limit, unread.
        let limit = self.max_text_chars.saturating_mul(4) as u64;
        let too_large = |bytes: u64| RejectReason::FileTooLarge { bytes, max_chars: self.max_text_chars };
        let bytes = if compressed(&self.path) {
            match self.read_compressed(limit)? {
                Ok(bytes) => bytes,
                Err(reason) => return Ok(Some(Item::Reject(Reject { origin, id: Some(id), reason }))),
            }
        } else {
            let size = std::fs::metadata(&self.path)
                .map_err(|error| InputError::Open { path: self.path.clone(), error })?
                .len();
            self.progress.fetch_add(size, Ordering::Relaxed);
            if size > limit {
                return Ok(Some(Item::Reject(Reject { origin, id: Some(id), reason: too_large(size) })));
            }
            std::fs::read(&self.path).map_err(|error| InputError::Open { path: self.path.clone(), error })?
        };
        match String::from_utf8(bytes) {
            Ok(text) => Ok(Some(Item::Record(Record { id, text, source: None, meta: Vec::new(), origin }))),
            Err(error) => {
                let line =
                    1 + error.as_bytes()[..error.utf8_error().valid_up_to()].iter().filter(|&&b| b == b'\n').count();
                Ok(Some(Item::Reject(Reject {
                    origin: Origin { line: Some(line as u64), ..origin },
                    id: Some(id),
                    reason: utf8_reason(Utf8Place::Whole("the file"), &error.utf8_error()),
                })))
            }
        }
    }
}
