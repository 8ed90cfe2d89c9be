//! The one error type the parser returns: a position, what was expected, and a caret rendering.

use crate::ast::Span;
use std::fmt;

/// A parse failure at a known place in the source.
///
/// `Display` gives the one-line form `line:col: message`; [`ParseError::render`] adds the source line and a caret
/// under the offending column, the way a compiler does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    /// What went wrong, in one line ("expected a node id after `-->`").
    pub message: String,
    /// An optional suggestion ("did you mean `-->`?").
    pub hint: Option<String>,
    /// Where, as bytes into the source.
    pub span: Span,
    /// 1-based line number of `span.start`.
    pub line: usize,
    /// 1-based column of `span.start`, counted in characters.
    pub column: usize,
    /// The whole text of that line (without its newline).
    pub source_line: String,
}

impl ParseError {
    /// Build an error at `span` of `source`, computing the line, column and source line.
    pub fn new(source: &str, span: Span, message: impl Into<String>) -> Self {
        let start = floor_char_boundary(source, span.start.min(source.len()));
        // Lines end in `\n`, `\r\n` or a lone `\r` (old Mac files), as in Mermaid.
        let is_break = |s: &str, i: usize| match s.as_bytes()[i] {
            b'\n' => true,
            b'\r' => s.as_bytes().get(i + 1) != Some(&b'\n'),
            _ => false,
        };
        let line_start = source[..start].rfind(['\n', '\r']).map_or(0, |i| i + 1);
        let line_end = source[start..].find(['\n', '\r']).map_or(source.len(), |i| start + i);
        let line = (0..start).filter(|&i| is_break(source, i)).count() + 1;
        let column = source[line_start..start].chars().count() + 1;
        let source_line = source[line_start..line_end].to_string();
        ParseError {
            message: printable(&message.into()),
            hint: None,
            span: Span::new(start, span.end.max(start)),
            line,
            column,
            source_line,
        }
    }

    /// Attach a suggestion shown under the caret.
    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(printable(&hint.into()));
        self
    }

    /// A multi-line rendering: the message, the source line, and a caret (`^^^`) under the span. Control
    /// characters of the line are shown escaped (`\u{1b}`) so that nothing reaches a terminal raw, and a long
    /// line is cut to a window of about [`WINDOW`] characters around the column, marked with `…`.
    pub fn render(&self) -> String {
        let gutter = self.line.to_string();
        let pad = " ".repeat(gutter.len());
        let chars: Vec<char> = self.source_line.chars().collect();
        let at = (self.column - 1).min(chars.len());
        let span_chars = chars.len() - at;
        let width = self
            .span
            .end
            .saturating_sub(self.span.start)
            .clamp(1, span_chars.max(1));
        // The window: some context before the column, the rest after it.
        let from = at.saturating_sub(WINDOW / 3);
        let to = (from + WINDOW).min(chars.len()).max(at);
        let (mut shown, mut prefix) = (String::new(), String::new());
        if from > 0 {
            shown.push('…');
            prefix.push(' ');
        }
        for (i, c) in chars[from..to].iter().enumerate() {
            let piece = shown_char(*c);
            if from + i < at {
                prefix.extend(std::iter::repeat_n(' ', piece.chars().count()));
            }
            shown.push_str(&piece);
        }
        if to < chars.len() {
            shown.push('…');
        }
        let width = width.min(WINDOW);
        let mut out = format!(
            "error: {}\n{pad}--> line {}, column {}\n{pad} |\n{gutter} | {shown}\n{pad} | {prefix}{}",
            self.message,
            self.line,
            self.column,
            "^".repeat(width)
        );
        if let Some(hint) = &self.hint {
            out.push_str(&format!("\n{pad} = help: {hint}"));
        }
        out
    }
}

/// How many characters of a long source line [`ParseError::render`] shows.
pub const WINDOW: usize = 120;

/// A character as the snippet shows it: tabs as one space, other control characters escaped.
fn shown_char(c: char) -> String {
    match c {
        '\t' => " ".into(),
        c if c.is_control() => c.escape_unicode().to_string(),
        c => c.to_string(),
    }
}

/// Text with every control character escaped (`\u{1b}`), for messages that quote the source.
pub fn printable(text: &str) -> String {
    if !text.chars().any(char::is_control) {
        return text.to_string();
    }
    text.chars()
        .map(|c| {
            if c.is_control() {
                c.escape_unicode().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.line, self.column, self.message)
    }
}

impl std::error::Error for ParseError {}
