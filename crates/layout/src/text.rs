//! Turning label source text into measured, positioned lines.

use crate::rich::{parse_lines, Syntax};
use crate::scene::{Item, Point, Rect, ShapeGeometry, Style, TextAnchor, TextBlock, TextLine, TextRun};
use crate::theme::Theme;
use mermaid_parser::{Label, LabelKind, LINE_BREAK};
use mermaid_text::{ascent, descent, line_width, Weight};

/// The width at which edge labels wrap in every diagram type (fixed: `flowchart.wrappingWidth` does not change
/// it).
pub(crate) const EDGE_LABEL_WIDTH: f64 = 200.0;

/// A label broken into lines of styled runs, with its measured size.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct LaidText {
    pub lines: Vec<Vec<TextRun>>,
    pub width: f64,
    pub height: f64,
}

fn runs_width(runs: &[TextRun], font_size: f64) -> f64 {
    runs.iter().map(|r| run_width(r, font_size)).sum()
}

/// Liberation Mono (like every monospace face browsers pick) advances 0.6 em per character.
const MONOSPACE_ADVANCE: f64 = 0.6;

fn run_width(run: &TextRun, font_size: f64) -> f64 {
    let size = font_size * run.format.size.scale();
    if run.format.monospace {
        return run.text.chars().count() as f64 * MONOSPACE_ADVANCE * size;
    }
    line_width(&run.text, size, if run.bold { Weight::Bold } else { Weight::Regular })
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

/// A flowchart label: as [`lay_out_html`], and a literal `\n` in a label that is not a markdown string breaks
/// the line too (§6: only flowcharts do this).
pub(crate) fn lay_out_flowchart(label: &Label, theme: &Theme, wrap_width: f64) -> LaidText {
    if label.kind == LabelKind::Markdown || !label.text.contains("\\n") {
        return lay_out_html(label, theme, wrap_width);
    }
    let broken = Label {
        text: label.text.replace("\\n", &LINE_BREAK.to_string()),
        ..label.clone()
    };
    lay_out_html(&broken, theme, wrap_width)
}

/// A label that may hold HTML (flowchart and ER labels): as [`lay_out_wrapped`], with formatting tags read
/// into styled runs.
pub(crate) fn lay_out_html(label: &Label, theme: &Theme, wrap_width: f64) -> LaidText {
    let syntax = Syntax {
        html: true,
        markdown: label.kind == LabelKind::Markdown,
    };
    lay_out(label, theme, wrap_width, syntax)
}

/// Break a label into lines and measure it, wrapping at `wrap_width` when positive the way mermaid's HTML
/// labels do: a label whose widest line reaches the width is set in a box exactly that wide (wider only for a
/// piece that cannot break), and every line wraps inside it. Tags are text here (sequence diagrams).
pub(crate) fn lay_out_wrapped(label: &Label, theme: &Theme, wrap_width: f64) -> LaidText {
    let syntax = Syntax {
        html: false,
        markdown: label.kind == LabelKind::Markdown,
    };
    lay_out(label, theme, wrap_width, syntax)
}

fn lay_out(label: &Label, theme: &Theme, wrap_width: f64, syntax: Syntax) -> LaidText {
    let size = theme.font_size;
    // Newlines before the first line and after the last do not count (mermaid trims the label).
    let text = strip_icons(&label.text);
    let paragraphs: Vec<Vec<TextRun>> = parse_lines(text.trim_matches(['\n', ' ', '\t']), syntax)
        .into_iter()
        .map(trim_runs)
        .collect();
    let widest = paragraphs.iter().map(|l| runs_width(l, size)).fold(0.0, f64::max);
    let wraps = wrap_width > 0.0 && widest >= wrap_width;
    let mut lines: Vec<Vec<TextRun>> = Vec::new();
    for paragraph in paragraphs {
        if wraps {
            lines.extend(wrap_runs(paragraph, wrap_width, size));
        } else {
            lines.push(paragraph);
        }
    }
    let mut width = lines.iter().map(|l| runs_width(l, size)).fold(0.0, f64::max);
    if wraps {
        width = width.max(wrap_width);
    }
    let height = lines.len() as f64 * size * theme.line_height;
    LaidText { lines, width, height }
}

/// A line without the spaces at its ends (they collapse in mermaid's labels).
fn trim_runs(mut line: Vec<TextRun>) -> Vec<TextRun> {
    while line.first().is_some_and(|r| r.text.trim().is_empty()) {
        line.remove(0);
    }
    while line.last().is_some_and(|r| r.text.trim().is_empty()) {
        line.pop();
    }
    if let Some(first) = line.first_mut() {
        first.text = first.text.trim_start().to_string();
    }
    if let Some(last) = line.last_mut() {
        last.text.truncate(last.text.trim_end().len());
    }
    line
}

/// Where a line may break: after a run of spaces, and after a hyphen between two non-spaces (Chromium's rule
/// for `white-space: break-spaces`; slashes, dots and underscores do not break). Gives the pieces of `runs`,
/// each ending at a break opportunity and keeping its trailing spaces.
fn breakable_pieces(runs: &[TextRun]) -> Vec<Vec<TextRun>> {
    let chars: Vec<(char, usize)> = runs
        .iter()
        .enumerate()
        .flat_map(|(r, run)| run.text.chars().map(move |c| (c, r)))
        .collect();
    let mut pieces: Vec<Vec<TextRun>> = Vec::new();
    let mut piece: Vec<TextRun> = Vec::new();
    for (i, &(c, r)) in chars.iter().enumerate() {
        match piece.last_mut() {
            Some(last) if last.same_style(&runs[r]) => last.text.push(c),
            _ => piece.push(TextRun {
                text: c.to_string(),
                ..runs[r].clone()
            }),
        }
        let next = chars.get(i + 1).map(|&(n, _)| n);
        let after_spaces = c == ' ' && next.is_some_and(|n| n != ' ');
        let after_hyphen = c == '-' && i > 0 && chars[i - 1].0 != ' ' && next.is_some_and(|n| n != ' ' && n != '-');
        if after_spaces || after_hyphen {
            pieces.push(std::mem::take(&mut piece));
        }
    }
    pieces.push(piece);
    pieces
}

/// Break one line of runs into lines no wider than `max_width`, counting each line's trailing space as
/// Chromium does under `white-space: break-spaces`. A piece wider than the width gets a line of its own.
/// The trailing spaces are not kept in the drawn lines.
fn wrap_runs(runs: Vec<TextRun>, max_width: f64, font_size: f64) -> Vec<Vec<TextRun>> {
    let mut lines: Vec<Vec<TextRun>> = Vec::new();
    let mut line: Vec<TextRun> = Vec::new();
    for piece in breakable_pieces(&runs) {
        let mut candidate = line.clone();
        append_runs(&mut candidate, piece.clone());
        if !line.is_empty() && runs_width(&candidate, font_size) > max_width {
            lines.push(std::mem::replace(&mut line, piece));
        } else {
            line = candidate;
        }
    }
    lines.push(line);
    lines.into_iter().map(trim_runs).collect()
}

fn append_runs(line: &mut Vec<TextRun>, runs: Vec<TextRun>) {
    for run in runs {
        match line.last_mut() {
            Some(last) if last.same_style(&run) => last.text.push_str(&run.text),
            _ => line.push(run),
        }
    }
}

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
    fn icon_references_are_dropped() {
        assert_eq!(strip_icons("fa:fa-twitter for peace"), "for peace");
        assert_eq!(strip_icons("a fab:fa-truck-bold b"), "a b");
        assert_eq!(strip_icons("ratio 1:fa-x? no"), "ratio 1:fa-x? no");
    }

    fn plain(text: &str) -> Label {
        Label {
            text: text.into(),
            ..Default::default()
        }
    }

    fn line_texts(laid: &LaidText) -> Vec<String> {
        laid.lines
            .iter()
            .map(|l| l.iter().map(|r| r.text.as_str()).collect())
            .collect()
    }

    /// Expected lines and widths were measured in Chromium with Liberation Sans 16px in mermaid's label div
    /// (`display: table; white-space: break-spaces; width: 200px`).
    #[test]
    fn labels_wrap_where_chromium_breaks_them() {
        let theme = Theme::default();
        let cases: [(&str, &[&str], f64); 5] = [
            (
                "one two three four five six seven eight nine ten eleven",
                &["one two three four five six", "seven eight nine ten eleven"],
                200.0,
            ),
            (
                "10.0.0.0/16 subnet with a long description here ok",
                &["10.0.0.0/16 subnet with a", "long description here ok"],
                200.0,
            ),
            (
                "Affected by https://github.com/mermaid-js/mermaid/issues/5824",
                &["Affected by", "https://github.com/mermaid-", "js/mermaid/issues/5824"],
                200.0,
            ),
            (
                "aaaaaaaaaaaaaaaaaaaaaaaaaaa-bbbbbbbbbbbbbbbbbbbbbbbbbb",
                &["aaaaaaaaaaaaaaaaaaaaaaaaaaa-", "bbbbbbbbbbbbbbbbbbbbbbbbbb"],
                245.59,
            ),
            (
                "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa_bbbbbbbbbbbbbbbbbb",
                &["aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa_bbbbbbbbbbbbbbbbbb"],
                453.83,
            ),
        ];
        for (text, lines, width) in cases {
            let laid = lay_out_wrapped(&plain(text), &theme, 200.0);
            assert_eq!(line_texts(&laid), lines, "{text}");
            assert!((laid.width - width).abs() < 0.5, "{text}: width {}", laid.width);
            assert_eq!(laid.height, lines.len() as f64 * 24.0);
        }
        let short = lay_out_wrapped(&plain("short label"), &theme, 200.0);
        assert!(
            short.width < 100.0,
            "a label narrower than the width keeps its own width"
        );
    }

    #[test]
    fn markdown_wraps_at_the_width() {
        let theme = Theme::default();
        let label = Label {
            text: "one **two** three four five six seven eight nine ten".into(),
            kind: LabelKind::Markdown,
            ..Default::default()
        };
        let laid = lay_out_wrapped(&label, &theme, 100.0);
        assert!(laid.lines.len() >= 4, "{:?}", laid.lines);
        assert_eq!(laid.width, 100.0);
        assert_eq!(laid.plain(), "one two three four five six seven eight nine ten");
        assert!(
            laid.lines[0].iter().any(|r| r.bold && r.text == "two"),
            "{:?}",
            laid.lines[0]
        );
    }

    #[test]
    fn newlines_and_flowchart_backslash_n_break_lines() {
        let theme = Theme::default();
        assert_eq!(
            line_texts(&lay_out_label(&plain("frequency\n  (1 / period)"), &theme)),
            ["frequency", "(1 / period)"]
        );
        let escaped = plain("Load Balancer\\n:3100");
        assert_eq!(
            line_texts(&lay_out_flowchart(&escaped, &theme, 200.0)),
            ["Load Balancer", ":3100"]
        );
        assert_eq!(
            line_texts(&lay_out_label(&escaped, &theme)),
            ["Load Balancer\\n:3100"],
            "only flowcharts"
        );
        let markdown = Label {
            kind: LabelKind::Markdown,
            ..escaped
        };
        assert_eq!(
            line_texts(&lay_out_flowchart(&markdown, &theme, 200.0)),
            ["Load Balancer\\n:3100"]
        );
    }
}
