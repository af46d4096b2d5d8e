//! `mtqe show`: one article in the terminal, its flagged spans marked and numbered, with the
//! notes below.
//!
//! In colour, a span is underlined in its severity's colour (critical spans are also inverted).
//! Without colour, as when the output is not a terminal or `NO_COLOR` is set, a span is written
//! `[[…]]¹`. Either way every span carries the number of its note, and the note names the
//! severity, so that nothing rests on colour alone.

use super::pieces::{document_pieces, piece_text};
use super::run::{DocumentView, SegmentRow};
use super::severity_rank;
use std::fmt::Write as _;

/// Whether to write ANSI colours.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorChoice {
    /// Colour when standard output is a terminal and `NO_COLOR` is not set.
    Auto,
    Always,
    Never,
}

impl ColorChoice {
    /// Resolves `auto` against the environment and standard output.
    pub fn enabled(self) -> bool {
        use std::io::IsTerminal;
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && std::io::stdout().is_terminal()
            }
        }
    }
}

const RESET: &str = "\x1b[0m";
const DIM: &str = "\x1b[2m";
const BOLD: &str = "\x1b[1m";

/// The ANSI style of a span by its worst severity: yellow, red, or inverted red.
fn style(severity: usize) -> &'static str {
    match severity {
        2 => "\x1b[1;4;7;31m",
        1 => "\x1b[4;31m",
        _ => "\x1b[4;33m",
    }
}

/// A note number in superscript digits: 12 is "¹²".
pub fn superscript(number: usize) -> String {
    const DIGITS: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
    number.to_string().chars().map(|d| DIGITS[d.to_digit(10).unwrap_or(0) as usize]).collect()
}

fn value(value: Option<f64>, decimals: usize) -> String {
    value.map_or("–".into(), |v| format!("{v:.decimals$}"))
}

/// The article of `view` with its spans marked, then one note per flag.
pub fn render(view: &DocumentView, color: bool) -> String {
    let document = &view.document;
    let mut out = String::new();
    let (bold, reset) = if color { (BOLD, RESET) } else { ("", "") };
    let _ = writeln!(
        out,
        "{bold}{}{reset}: penalty {}, score {}, quality {}, {} words, {} flags",
        document.id,
        value(Some(document.penalty), 1),
        value(Some(document.score), 1),
        value(document.quality, 3),
        document.n_words,
        view.flags.len()
    );
    for (name, meta) in &document.meta {
        if let Some(meta) = meta {
            let _ = writeln!(out, "{name}: {meta}");
        }
    }
    out.push('\n');
    let pieces = document_pieces(&view.segments, &view.flags);
    let mut previous_end: Option<usize> = None;
    for (segment, pieces) in view.segments.iter().zip(&pieces) {
        if let Some(end) = previous_end {
            // The characters between segments are not in the tables: a gap of two or more was
            // a paragraph break or a line break and a space, a gap of one a space.
            out.push_str(if segment.start >= end + 2 { "\n\n" } else { " " });
        }
        previous_end = Some(segment.end);
        for piece in pieces {
            write_piece(&mut out, segment, piece, view, color);
        }
    }
    out.push_str("\n\n");
    for (i, flag) in view.flags.iter().enumerate() {
        let marker = superscript(i + 1);
        let severity = if color {
            format!("{}{}{RESET}", style(severity_rank(&flag.severity)), flag.severity)
        } else {
            flag.severity.clone()
        };
        let _ = writeln!(out, "{marker} {severity} · {} · {}", flag.detector, flag.category);
        let _ = writeln!(out, "   {}", flag.message);
        if let Some(suggestion) = &flag.suggestion {
            let _ = writeln!(out, "   suggestion: {suggestion}");
        }
    }
    if view.flags.is_empty() {
        out.push_str("No flags.\n");
    }
    out
}

fn write_piece(out: &mut String, segment: &SegmentRow, piece: &super::pieces::Piece, view: &DocumentView, color: bool) {
    let text = if piece.range.is_empty() { "‸" } else { piece_text(segment, &piece.range) };
    if !color {
        for _ in &piece.opening {
            out.push_str("[[");
        }
        out.push_str(text);
    } else if piece.flags.is_empty() {
        out.push_str(text);
    } else {
        let worst = piece.flags.iter().map(|&i| severity_rank(&view.flags[i].severity)).max().unwrap_or(0);
        let _ = write!(out, "{}{text}{RESET}", style(worst));
    }
    for &i in &piece.closing {
        if color {
            let _ = write!(out, "{DIM}{}{RESET}", superscript(i + 1));
        } else {
            let _ = write!(out, "]]{}", superscript(i + 1));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn note_numbers_are_written_in_superscript_digits() {
        assert_eq!(superscript(1), "¹");
        assert_eq!(superscript(10), "¹⁰");
        assert_eq!(superscript(237), "²³⁷");
    }
}
