//! Turning label source text into measured, positioned lines.

use crate::scene::{Point, Rect, TextAnchor, TextBlock, TextLine, TextRun};
use crate::theme::Theme;
use mermaid_parser::{Label, LabelKind};
use mermaid_text::{ascent, descent, line_width, Weight};

/// A label broken into lines of styled runs, with its measured size.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct LaidText {
    pub lines: Vec<Vec<TextRun>>,
    pub width: f64,
    pub height: f64,
}

/// Split `text` at `<br>` tags (any case, with or without `/`) and, for markdown, at newlines.
fn split_lines(text: &str, markdown: bool) -> Vec<String> {
    let mut lines = vec![String::new()];
    let mut rest = text;
    while let Some(pos) = rest.find('<') {
        let (before, after) = rest.split_at(pos);
        push_text(&mut lines, before, markdown);
        let tag_end = after.find('>');
        let is_br = tag_end.is_some_and(|end| {
            let inner: String = after[1..end]
                .chars()
                .filter(|c| !c.is_whitespace() && *c != '/')
                .collect();
            inner.eq_ignore_ascii_case("br")
        });
        match tag_end {
            Some(end) if is_br => {
                lines.push(String::new());
                rest = &after[end + 1..];
            }
            _ => {
                push_text(&mut lines, "<", markdown);
                rest = &after[1..];
            }
        }
    }
    push_text(&mut lines, rest, markdown);
    lines
}

fn push_text(lines: &mut Vec<String>, text: &str, markdown: bool) {
    let mut parts = text.split('\n');
    if let Some(first) = parts.next() {
        if let Some(l) = lines.last_mut() {
            l.push_str(first);
        }
    }
    for part in parts {
        if markdown {
            lines.push(part.trim_start().to_string());
        } else if let Some(l) = lines.last_mut() {
            l.push(' ');
            l.push_str(part.trim_start());
        }
    }
}

/// Split one markdown line into runs at `**bold**` / `__bold__` and `*italic*` / `_italic_` markers.
fn markdown_runs(line: &str) -> Vec<TextRun> {
    let mut runs: Vec<TextRun> = Vec::new();
    let (mut bold, mut italic) = (false, false);
    let mut current = String::new();
    let chars: Vec<char> = line.chars().collect();
    let mut i = 0;
    let flush = |runs: &mut Vec<TextRun>, current: &mut String, bold, italic| {
        if !current.is_empty() {
            runs.push(TextRun {
                text: std::mem::take(current),
                bold,
                italic,
            });
        }
    };
    while i < chars.len() {
        let c = chars[i];
        if (c == '*' || c == '_') && chars.get(i + 1) == Some(&c) {
            flush(&mut runs, &mut current, bold, italic);
            bold = !bold;
            i += 2;
        } else if c == '*' || (c == '_' && (i == 0 || !chars[i - 1].is_alphanumeric() || italic)) {
            flush(&mut runs, &mut current, bold, italic);
            italic = !italic;
            i += 1;
        } else {
            current.push(c);
            i += 1;
        }
    }
    flush(&mut runs, &mut current, bold, italic);
    runs
}

fn runs_width(runs: &[TextRun], font_size: f64) -> f64 {
    runs.iter()
        .map(|r| line_width(&r.text, font_size, if r.bold { Weight::Bold } else { Weight::Regular }))
        .sum()
}

/// Break a label into lines and measure it.
pub(crate) fn lay_out_label(label: &Label, theme: &Theme) -> LaidText {
    let markdown = label.kind == LabelKind::Markdown;
    let lines: Vec<Vec<TextRun>> = split_lines(&label.text, markdown)
        .into_iter()
        .map(|l| {
            let l = l.trim().to_string();
            if markdown {
                markdown_runs(&l)
            } else {
                vec![TextRun {
                    text: l,
                    bold: false,
                    italic: false,
                }]
            }
        })
        .collect();
    let width = lines.iter().map(|l| runs_width(l, theme.font_size)).fold(0.0, f64::max);
    let height = lines.len() as f64 * theme.font_size * theme.line_height;
    LaidText { lines, width, height }
}

/// Lay out plain text (an id shown as its own label).
pub(crate) fn lay_out_plain(text: &str, theme: &Theme) -> LaidText {
    lay_out_label(
        &Label {
            text: text.to_string(),
            ..Default::default()
        },
        theme,
    )
}

impl LaidText {
    /// The visible text with lines joined by spaces.
    pub fn plain(&self) -> String {
        self.lines
            .iter()
            .map(|l| l.iter().map(|r| r.text.as_str()).collect::<String>())
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// Place the text centred in `bounds`.
    pub fn block(&self, bounds: Rect, theme: &Theme) -> TextBlock {
        let line_box = theme.font_size * theme.line_height;
        let top = bounds.y + (bounds.height - self.height) / 2.0;
        let half_leading = (line_box - (ascent(theme.font_size) + descent(theme.font_size))) / 2.0;
        let center: Point = bounds.center();
        TextBlock {
            lines: self
                .lines
                .iter()
                .enumerate()
                .map(|(i, runs)| TextLine {
                    x: center.x,
                    baseline: top + i as f64 * line_box + half_leading + ascent(theme.font_size),
                    runs: runs.clone(),
                })
                .collect(),
            anchor: TextAnchor::Middle,
            font_size: theme.font_size,
            fill: theme.text_color.clone(),
            extra_css: vec![],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn br_tags_break_lines() {
        assert_eq!(split_lines("a<br>b<BR/>c<br />d", false), ["a", "b", "c", "d"]);
        assert_eq!(split_lines("a < b", false), ["a < b"]);
        assert_eq!(split_lines("x<b>y", false), ["x<b>y"]);
    }

    #[test]
    fn markdown_bold_and_italic() {
        let runs = markdown_runs("a **b** _c_");
        assert_eq!(runs.len(), 4);
        assert!(runs[1].bold && runs[1].text == "b");
        assert!(runs[3].italic && runs[3].text == "c");
        assert_eq!(markdown_runs("snake_case_id").len(), 1);
    }
}
