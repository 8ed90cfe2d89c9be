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
        let line_start = source[..start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = source[start..].find('\n').map_or(source.len(), |i| start + i);
        let line = source[..start].matches('\n').count() + 1;
        let column = source[line_start..start].chars().count() + 1;
        let source_line = source[line_start..line_end].trim_end_matches('\r').to_string();
        ParseError {
            message: message.into(),
            hint: None,
            span: Span::new(start, span.end.max(start)),
            line,
            column,
            source_line,
        }
    }

    /// Attach a suggestion shown under the caret.
    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// A multi-line rendering: the message, the source line, and a caret (`^^^`) under the span.
    pub fn render(&self) -> String {
        let gutter = self.line.to_string();
        let pad = " ".repeat(gutter.len());
        let prefix: String = self
            .source_line
            .chars()
            .take(self.column - 1)
            .map(|c| if c == '\t' { '\t' } else { ' ' })
            .collect();
        let span_chars = self.source_line.chars().skip(self.column - 1).count();
        let width = self
            .span
            .end
            .saturating_sub(self.span.start)
            .clamp(1, span_chars.max(1));
        let mut out = format!(
            "error: {}\n{pad}--> line {}, column {}\n{pad} |\n{gutter} | {}\n{pad} | {prefix}{}",
            self.message,
            self.line,
            self.column,
            self.source_line,
            "^".repeat(width)
        );
        if let Some(hint) = &self.hint {
            out.push_str(&format!("\n{pad} = help: {hint}"));
        }
        out
    }
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
