//! Turning label source text into measured, positioned lines.

use crate::scene::{Item, Point, Rect, ShapeGeometry, Style, TextAnchor, TextBlock, TextLine, TextRun};
use crate::theme::Theme;
use mermaid_parser::{Label, LabelKind, LINE_BREAK};
use mermaid_text::{ascent, descent, line_width, Weight};

/// A label broken into lines of styled runs, with its measured size.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct LaidText {
    pub lines: Vec<Vec<TextRun>>,
    pub width: f64,
    pub height: f64,
}

/// Split `text` at the parser's line-break marks (its `<br>` tags) and, for markdown, at newlines.
fn split_lines(text: &str, markdown: bool) -> Vec<String> {
    let mut lines = Vec::new();
    for part in text.split(LINE_BREAK) {
        lines.push(String::new());
        push_text(&mut lines, part, markdown);
    }
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
    // A delimiter opens emphasis only when something follows it and a closing one comes later, as in
    // CommonMark; otherwise it is text (`State1_____`, `a ** b`).
    let closes_later = |from: usize, delim: &[char]| {
        chars.get(from).is_some_and(|c| !c.is_whitespace()) && chars[from..].windows(delim.len()).any(|w| w == delim)
    };
    while i < chars.len() {
        let c = chars[i];
        let run = chars[i..].iter().take_while(|&&d| d == c).count();
        let intraword_open = c == '_' && i > 0 && chars[i - 1].is_alphanumeric();
        if (c == '*' || c == '_') && run >= 2 && (bold || (!intraword_open && closes_later(i + 2, &[c, c]))) {
            flush(&mut runs, &mut current, bold, italic);
            bold = !bold;
            i += 2;
        } else if (c == '*' || c == '_') && run == 1 && (italic || (!intraword_open && closes_later(i + 1, &[c]))) {
            flush(&mut runs, &mut current, bold, italic);
            italic = !italic;
            i += 1;
        } else if c == '*' || c == '_' {
            current.extend(&chars[i..i + run]);
            i += run;
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

/// Remove Font Awesome icon references (`fa:fa-car`, `fab:fa-github`): mermaid.js draws them with the Font
/// Awesome web font, which a self-contained renderer does not have, so they would only show as stray words.
fn strip_icons(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains(":fa-") {
        return text.into();
    }
    let words: Vec<&str> = text
        .split(' ')
        .filter(|w| {
            let Some((prefix, name)) = w.split_once(':') else {
                return true;
            };
            let is_icon = matches!(prefix, "fa" | "fab" | "fas" | "far" | "fal" | "fad" | "fak")
                && name.starts_with("fa-")
                && name[3..].chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
            !is_icon
        })
        .collect();
    words.join(" ").into()
}

/// Break a label into lines and measure it, without wrapping.
pub(crate) fn lay_out_label(label: &Label, theme: &Theme) -> LaidText {
    lay_out_wrapped(label, theme, 0.0)
}

/// Break a label into lines and measure it. Markdown labels also wrap at `wrap_width` (when positive), as
/// mermaid's do.
pub(crate) fn lay_out_wrapped(label: &Label, theme: &Theme, wrap_width: f64) -> LaidText {
    let markdown = label.kind == LabelKind::Markdown;
    let mut lines: Vec<Vec<TextRun>> = Vec::new();
    for l in split_lines(&strip_icons(&label.text), markdown) {
        let l = l.trim().to_string();
        if markdown {
            lines.extend(wrap_runs(markdown_runs(&l), wrap_width, theme.font_size));
        } else {
            lines.push(vec![TextRun {
                text: l,
                bold: false,
                italic: false,
            }]);
        }
    }
    let width = lines.iter().map(|l| runs_width(l, theme.font_size)).fold(0.0, f64::max);
    let height = lines.len() as f64 * theme.font_size * theme.line_height;
    LaidText { lines, width, height }
}

/// Break one line of runs into lines no wider than `max_width` at spaces (a word longer than the width gets a
/// line of its own).
fn wrap_runs(runs: Vec<TextRun>, max_width: f64, font_size: f64) -> Vec<Vec<TextRun>> {
    if runs_width(&runs, font_size) <= max_width || max_width <= 0.0 {
        return vec![runs];
    }
    // Words keep their style, and remember whether a space came before them.
    let mut words: Vec<(TextRun, bool)> = Vec::new();
    let mut pending_space = false;
    for run in runs {
        for (i, w) in run.text.split(' ').enumerate() {
            pending_space |= i > 0;
            if w.is_empty() {
                continue;
            }
            words.push((
                TextRun {
                    text: w.to_string(),
                    bold: run.bold,
                    italic: run.italic,
                },
                pending_space,
            ));
            pending_space = false;
        }
    }
    let mut lines: Vec<Vec<TextRun>> = vec![Vec::new()];
    for (word, spaced) in words {
        let line = lines.last().cloned().unwrap_or_default();
        let mut candidate = line.clone();
        push_word(&mut candidate, &word, spaced && !line.is_empty());
        if !line.is_empty() && runs_width(&candidate, font_size) > max_width {
            let mut fresh = Vec::new();
            push_word(&mut fresh, &word, false);
            lines.push(fresh);
        } else if let Some(l) = lines.last_mut() {
            *l = candidate;
        }
    }
    lines
}

fn push_word(line: &mut Vec<TextRun>, word: &TextRun, space_before: bool) {
    match line.last_mut() {
        Some(last) if last.bold == word.bold && last.italic == word.italic => {
            if space_before {
                last.text.push(' ');
            }
            last.text.push_str(&word.text);
        }
        Some(last) => {
            if space_before {
                last.text.push(' ');
            }
            line.push(word.clone());
        }
        None => line.push(word.clone()),
    }
}

/// Lay out plain text (an id shown as its own label).
/// Like [`lay_out_label`], with every run bold (class names).
pub(crate) fn lay_out_bold(label: &Label, theme: &Theme) -> LaidText {
    let mut laid = lay_out_label(label, theme);
    for run in laid.lines.iter_mut().flatten() {
        run.bold = true;
    }
    laid.width = laid
        .lines
        .iter()
        .map(|l| runs_width(l, theme.font_size))
        .fold(0.0, f64::max);
    laid
}

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
    /// The same lines set bold and/or italic throughout (a `font-weight`/`font-style` from a class or style),
    /// measured again.
    pub fn restyled(mut self, bold: bool, italic: bool, theme: &Theme) -> LaidText {
        for run in self.lines.iter_mut().flatten() {
            run.bold |= bold;
            run.italic |= italic;
        }
        self.width = self
            .lines
            .iter()
            .map(|l| runs_width(l, theme.font_size))
            .fold(0.0, f64::max);
        self
    }

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

    /// An edge label: the text centred on `center` over a plain rectangle of `background` that hides the line
    /// beneath it. Returns the drawn group and the label's box.
    pub(crate) fn edge_label(&self, center: Point, background: &str, theme: &Theme) -> (Item, Rect) {
        let rect = Rect {
            x: center.x - self.width / 2.0,
            y: center.y - self.height / 2.0,
            width: self.width,
            height: self.height,
        };
        let group = Item::Group {
            class: "edgeLabel".into(),
            id: None,
            items: vec![
                Item::Shape {
                    geometry: ShapeGeometry::Rect { rect, rx: 0.0 },
                    style: Style {
                        fill: Some(background.to_string()),
                        ..Default::default()
                    },
                },
                Item::Text(self.block(rect, theme)),
            ],
        };
        (group, rect)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn br_tags_break_lines() {
        assert_eq!(split_lines("a\u{2028}b\u{2028}c", false), ["a", "b", "c"]);
        assert_eq!(
            split_lines("a < b<br>", false),
            ["a < b<br>"],
            "only the parser's marks break lines"
        );
    }

    #[test]
    fn icon_references_are_dropped() {
        assert_eq!(strip_icons("fa:fa-twitter for peace"), "for peace");
        assert_eq!(strip_icons("a fab:fa-truck-bold b"), "a b");
        assert_eq!(strip_icons("ratio 1:fa-x? no"), "ratio 1:fa-x? no");
    }

    #[test]
    fn markdown_wraps_at_the_width() {
        let theme = Theme::default();
        let label = Label {
            text: "one two three four five six seven eight nine ten".into(),
            kind: LabelKind::Markdown,
            ..Default::default()
        };
        let laid = lay_out_wrapped(&label, &theme, 100.0);
        assert!(laid.lines.len() >= 4, "{:?}", laid.lines);
        assert!(laid.width <= 100.0);
        assert_eq!(laid.plain(), "one two three four five six seven eight nine ten");
        let plain = Label {
            text: label.text.clone(),
            ..Default::default()
        };
        assert_eq!(lay_out_wrapped(&plain, &theme, 100.0).lines.len(), 1);
    }

    #[test]
    fn markdown_bold_and_italic() {
        let runs = markdown_runs("a **b** _c_");
        assert_eq!(runs.len(), 4);
        assert!(runs[1].bold && runs[1].text == "b");
        assert!(runs[3].italic && runs[3].text == "c");
        assert_eq!(markdown_runs("snake_case_id").len(), 1);
        let literal = markdown_runs("Transition1_____ and a ** b");
        assert_eq!(literal.len(), 1, "{literal:?}");
        assert_eq!(literal[0].text, "Transition1_____ and a ** b");
    }
}
