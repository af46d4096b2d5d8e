//! Plain text input: the whole file is one article. Its id is the file's path relative to the
//! directory given on the command line, without the extension and with `/` between folders
//! (`a/story.txt` is `a/story`, distinct from `b/story.txt`); a file named on its own is its
//! name without the extension.

use super::{utf8_reason, Input, Item, Origin, Record, RecordReader, Reject, RejectReason, Utf8Place};
use crate::error::InputError;
use std::path::PathBuf;
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
        return input.path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    };
    let without_extension = within.with_extension("");
    let parts: Vec<String> =
        without_extension.components().map(|part| part.as_os_str().to_string_lossy().into_owned()).collect();
    parts.join("/")
}

impl RecordReader for TextReader {
    fn next_item(&mut self) -> Result<Option<Item>, InputError> {
        if std::mem::replace(&mut self.done, true) {
            return Ok(None);
        }
        let id = self.id.clone();
        let origin = Origin { file: self.file.clone(), line: None, row: 1 };
        // A character takes at most four bytes: a larger file is over the limit, unread.
        let size =
            std::fs::metadata(&self.path).map_err(|error| InputError::Open { path: self.path.clone(), error })?.len();
        if size > self.max_text_chars.saturating_mul(4) as u64 {
            self.progress.fetch_add(size, Ordering::Relaxed);
            return Ok(Some(Item::Reject(Reject {
                origin,
                id: Some(id),
                reason: RejectReason::FileTooLarge { bytes: size, max_chars: self.max_text_chars },
            })));
        }
        let bytes = std::fs::read(&self.path).map_err(|error| InputError::Open { path: self.path.clone(), error })?;
        self.progress.fetch_add(bytes.len() as u64, Ordering::Relaxed);
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
