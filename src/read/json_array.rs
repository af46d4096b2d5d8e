//! `.json` input: one JSON array of objects, `[{"id": …, "text": …}, …]`, as many exporters and
//! notebooks write it. The array is split into its elements as it is read, so memory holds one
//! element at a time, however large the file. Each element is then read exactly as a line of
//! JSON Lines is.

use super::RejectReason;
use std::io::BufRead;

/// The elements of a JSON array, read one at a time from `reader`.
pub struct ArrayElements<R> {
    reader: R,
    /// The line the reader is on, from 1.
    line: u64,
    started: bool,
    finished: bool,
}

impl<R: BufRead> ArrayElements<R> {
    pub fn new(reader: R) -> Self {
        ArrayElements { reader, line: 1, started: false, finished: false }
    }

    /// The line the reader has got to, from 1.
    pub fn line(&self) -> u64 {
        self.line
    }

    fn peek(&mut self) -> std::io::Result<Option<u8>> {
        Ok(self.reader.fill_buf()?.first().copied())
    }

    fn take(&mut self) -> std::io::Result<Option<u8>> {
        let byte = self.peek()?;
        if let Some(byte) = byte {
            self.reader.consume(1);
            if byte == b'\n' {
                self.line += 1;
            }
        }
        Ok(byte)
    }

    fn skip_whitespace(&mut self) -> std::io::Result<()> {
        while self.peek()?.is_some_and(|b| b.is_ascii_whitespace()) {
            self.take()?;
        }
        Ok(())
    }

    /// Puts the next element's bytes in `element` and returns the line it starts on; None after
    /// the closing bracket. An error names what is wrong with the array's structure, which
    /// leaves the rest of the file unreadable.
    pub fn next_element(&mut self, element: &mut Vec<u8>) -> Result<Option<u64>, RejectReason> {
        let io = |e: std::io::Error| RejectReason::ArrayUnreadable(e.to_string());
        element.clear();
        if self.finished {
            return Ok(None);
        }
        self.skip_whitespace().map_err(io)?;
        if !self.started {
            self.started = true;
            if self.take().map_err(io)? != Some(b'[') {
                return Err(self.broken("a .json input must hold one array of objects, starting with '['".into()));
            }
            self.skip_whitespace().map_err(io)?;
            if self.peek().map_err(io)? == Some(b']') {
                self.take().map_err(io)?;
                return self.close();
            }
        } else {
            match self.take().map_err(io)? {
                Some(b',') => self.skip_whitespace().map_err(io)?,
                Some(b']') => return self.close(),
                Some(other) => {
                    return Err(self.broken(format!("expected ',' or ']' between elements, found '{}'", other as char)))
                }
                None => return Err(self.broken("the array is not closed with ']'".into())),
            }
        }
        let start = self.line;
        let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
        loop {
            let Some(byte) = self.peek().map_err(io)? else {
                return Err(self.broken(format!("the file ends inside the element that starts on line {start}")));
            };
            if !in_string && depth == 0 && (byte == b',' || byte == b']') {
                break;
            }
            self.take().map_err(io)?;
            element.push(byte);
            if in_string {
                match (escaped, byte) {
                    (true, _) => escaped = false,
                    (false, b'\\') => escaped = true,
                    (false, b'"') => in_string = false,
                    _ => {}
                }
                continue;
            }
            match byte {
                b'"' => in_string = true,
                b'{' | b'[' => depth += 1,
                b'}' | b']' => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        break;
                    }
                }
                _ => {}
            }
        }
        while element.last().is_some_and(u8::is_ascii_whitespace) {
            element.pop();
        }
        Ok(Some(start))
    }

    /// After the closing bracket, only whitespace may follow.
    fn close(&mut self) -> Result<Option<u64>, RejectReason> {
        self.finished = true;
        let io = |e: std::io::Error| RejectReason::ArrayUnreadable(e.to_string());
        self.skip_whitespace().map_err(io)?;
        match self.peek().map_err(io)? {
            None => Ok(None),
            Some(_) => Err(self.broken("text after the array's closing ']'".into())),
        }
    }

    /// The array breaks off at the current line.
    fn broken(&self, problem: String) -> RejectReason {
        RejectReason::BrokenArray { line: self.line, problem }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn elements(json: &str) -> Result<Vec<(u64, String)>, String> {
        let mut array = ArrayElements::new(json.as_bytes());
        let mut element = Vec::new();
        let mut found = Vec::new();
        while let Some(line) = array.next_element(&mut element).map_err(|e| e.to_string())? {
            found.push((line, String::from_utf8(element.clone()).unwrap()));
        }
        Ok(found)
    }

    #[test]
    fn elements_are_split_at_top_level_commas_with_their_starting_line() {
        let json = "[\n  {\"id\": \"a\", \"text\": \"x, [y] {z} \\\"q\\\" \\\\\"},\n  {\"id\": \"b\",\n   \"n\": [1, {\"k\": 2}]}, 7 , \"s,t\"\n]\n";
        assert_eq!(
            elements(json).unwrap(),
            [
                (2, r#"{"id": "a", "text": "x, [y] {z} \"q\" \\"}"#.to_string()),
                (3, "{\"id\": \"b\",\n   \"n\": [1, {\"k\": 2}]}".to_string()),
                (4, "7".to_string()),
                (4, "\"s,t\"".to_string()),
            ]
        );
        assert_eq!(elements(" [ ] ").unwrap(), []);
    }

    #[test]
    fn a_broken_array_is_an_error_naming_the_line() {
        for (json, message) in [
            ("{\"id\": 1}", "must hold one array"),
            ("[{\"id\": 1}", "not closed"),
            ("[{\"id\": \"1}]", "ends inside the element that starts on line 1"),
            ("[{\"id\": 1} {\"id\": 2}]", "expected ',' or ']'"),
            ("[{\"id\": 1}]\n[]", "line 2: text after"),
        ] {
            let error = elements(json).unwrap_err();
            assert!(error.contains(message), "{json}: {error}");
        }
    }
}
