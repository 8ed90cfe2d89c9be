//! Reading a label's text into lines of styled runs: line breaks, markdown emphasis and the HTML formatting tags
//! mermaid keeps under `securityLevel: 'strict'` (checklist §6). Tags it drops vanish and keep their text;
//! `script`, `style` and `iframe` vanish with their text; attributes other than a colour and a safe link target
//! are never read, so nothing in a label can reach the output as markup.

use crate::scene::{style::safe_url, RunFormat, RunSize, TextRun};
use mermaid_parser::LINE_BREAK;

/// Which syntaxes a label is read with.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Syntax {
    /// HTML tags and `&name;` entities (flowchart and ER labels; sequence labels show tags as written).
    pub html: bool,
    /// `**bold**`, `*italic*`, `__bold__`, `_italic_` (markdown strings and ER/class/state labels).
    pub markdown: bool,
}

/// Tags removed together with everything up to their closing tag.
const DROPPED_WITH_CONTENT: &[&str] = &[
    "script", "style", "iframe", "textarea", "noscript", "title", "svg", "math",
];
/// Tags that start and end a block: their content sits on lines of its own.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "center",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "li",
    "table",
    "tr",
    "pre",
    "blockquote",
    "dl",
    "dt",
    "dd",
    "section",
    "article",
    "header",
    "footer",
];

/// Split `text` into lines of runs.
pub(crate) fn parse_lines(text: &str, syntax: Syntax) -> Vec<Vec<TextRun>> {
    let mut reader = Reader::default();
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        let after = &rest[c.len_utf8()..];
        rest = match c {
            LINE_BREAK | '\n' => {
                reader.break_line();
                after
            }
            '<' if syntax.html => match Tag::read(rest) {
                Some((tag, after_tag)) => reader.tag(&tag, after_tag),
                None => reader.push_char('<', after),
            },
            '&' if syntax.html => match entity(after) {
                Some((decoded, after_entity)) => reader.push_char(decoded, after_entity),
                None => reader.push_char('&', after),
            },
            '*' | '_' if syntax.markdown => reader.emphasis(c, rest),
            _ => reader.push_char(c, after),
        };
    }
    reader.finish()
}

#[derive(Default)]
struct Reader {
    lines: Vec<Vec<TextRun>>,
    line: Vec<TextRun>,
    /// Open formatting tags, innermost last.
    open: Vec<(String, RunFormat, bool, bool)>,
    bold: bool,
    italic: bool,
    /// The character before, for markdown's rule that `_` inside a word is not emphasis.
    previous: Option<char>,
    /// The current line was opened by the end of a block, so if it stays empty it is no line at all.
    after_block: bool,
}

impl Reader {
    fn style(&self) -> TextRun {
        let mut run = TextRun {
            bold: self.bold,
            italic: self.italic,
            ..Default::default()
        };
        for (_, format, bold, italic) in &self.open {
            run.bold |= bold;
            run.italic |= italic;
            merge(&mut run.format, format);
        }
        run
    }

    fn push_char<'a>(&mut self, c: char, after: &'a str) -> &'a str {
        let style = self.style();
        match self.line.last_mut() {
            Some(last) if last.same_style(&style) => last.text.push(c),
            _ => self.line.push(TextRun {
                text: c.to_string(),
                ..style
            }),
        }
        self.previous = Some(c);
        self.after_block = false;
        after
    }

    fn break_line(&mut self) {
        self.lines.push(std::mem::take(&mut self.line));
        self.previous = None;
        self.after_block = false;
    }

    /// Start a new line unless the current one is still empty (block tags open and close lines).
    fn block_edge(&mut self) {
        if self.line.iter().any(|r| !r.text.trim().is_empty()) {
            self.break_line();
            self.after_block = true;
        } else {
            self.line.clear();
        }
    }

    /// `*`/`_` at the start of `rest`: a bold (doubled) or italic marker, or literal text. As in CommonMark, a
    /// delimiter opens emphasis only when text follows it and a closing one comes later on the line, and `_`
    /// inside a word does not open (`snake_case`, `State1_____`, `a ** b` stay as written).
    fn emphasis<'a>(&mut self, c: char, rest: &'a str) -> &'a str {
        let run = rest.chars().take_while(|&d| d == c).count();
        let line_end = rest.find([LINE_BREAK, '\n']).unwrap_or(rest.len());
        let closes_later = |from: usize, delimiter: &str| {
            rest[from..line_end].starts_with(|n: char| !n.is_whitespace()) && rest[from..line_end].contains(delimiter)
        };
        let inside_word = c == '_' && self.previous.is_some_and(char::is_alphanumeric);
        let double: String = [c, c].iter().collect();
        if run >= 2 && (self.bold || (!inside_word && closes_later(2, &double))) {
            self.bold = !self.bold;
            return &rest[2..];
        }
        if run == 1 && (self.italic || (!inside_word && closes_later(1, &rest[..1]))) {
            self.italic = !self.italic;
            return &rest[1..];
        }
        let mut after = rest;
        for _ in 0..run {
            after = self.push_char(c, &after[1..]);
        }
        after
    }

    fn tag<'a>(&mut self, tag: &Tag, after: &'a str) -> &'a str {
        let name = tag.name.as_str();
        if DROPPED_WITH_CONTENT.contains(&name) {
            return if tag.closing {
                after
            } else {
                skip_past_close(after, name)
            };
        }
        match name {
            "br" | "hr" => self.break_line(),
            _ if BLOCKS.contains(&name) => {
                self.block_edge();
                if name.len() == 2 && name.starts_with('h') && !tag.closing {
                    self.open.push((name.to_string(), RunFormat::default(), true, false));
                }
                if tag.closing {
                    self.close(name);
                }
            }
            _ if tag.closing => self.close(name),
            _ => {
                if let Some((format, bold, italic)) = inline_format(tag) {
                    if !tag.self_closing {
                        self.open.push((name.to_string(), format, bold, italic));
                    }
                }
            }
        }
        after
    }

    fn close(&mut self, name: &str) {
        if let Some(i) = self.open.iter().rposition(|(n, ..)| n == name) {
            self.open.remove(i);
        }
    }

    fn finish(mut self) -> Vec<Vec<TextRun>> {
        let empty = self.line.iter().all(|r| r.text.trim().is_empty());
        if !(empty && self.after_block) {
            self.lines.push(self.line);
        }
        self.lines
    }
}

/// What an inline tag does to its text; `None` for tags that are dropped and keep their text.
fn inline_format(tag: &Tag) -> Option<(RunFormat, bool, bool)> {
    let mut format = RunFormat::default();
    let (mut bold, mut italic) = (false, false);
    match tag.name.as_str() {
        "b" | "strong" => bold = true,
        "i" | "em" | "cite" | "var" | "dfn" => italic = true,
        "u" | "ins" => format.underline = true,
        "s" | "del" | "strike" => format.strike = true,
        "code" | "kbd" | "samp" | "tt" => format.monospace = true,
        "mark" => format.mark = true,
        "small" => format.size = RunSize::Small,
        "big" => format.size = RunSize::Big,
        "sub" => format.size = RunSize::Sub,
        "sup" => format.size = RunSize::Sup,
        "font" => format.color = tag.attribute("color").map(str::to_string),
        "span" => format.color = tag.attribute("style").and_then(css_color),
        "a" => {
            format.href = tag.attribute("href").and_then(safe_url);
            format.underline = format.href.is_some();
        }
        _ => return None,
    }
    Some((format, bold, italic))
}

fn merge(into: &mut RunFormat, from: &RunFormat) {
    into.underline |= from.underline;
    into.strike |= from.strike;
    into.monospace |= from.monospace;
    into.mark |= from.mark;
    if from.size != RunSize::Normal {
        into.size = from.size;
    }
    if from.color.is_some() {
        into.color.clone_from(&from.color);
    }
    if from.href.is_some() {
        into.href.clone_from(&from.href);
    }
}

/// The `color` declaration of a `style` attribute.
fn css_color(style: &str) -> Option<String> {
    style.split(';').find_map(|decl| {
        let (name, value) = decl.split_once(':')?;
        name.trim()
            .eq_ignore_ascii_case("color")
            .then(|| value.trim().to_string())
    })
}

/// Everything after the closing tag `</name…>`, or nothing when it is never closed (as a browser drops the rest).
fn skip_past_close<'a>(text: &'a str, name: &str) -> &'a str {
    let lower = text.to_ascii_lowercase();
    let mut from = 0;
    while let Some(at) = lower[from..].find("</") {
        let start = from + at;
        if let Some((tag, _)) = Tag::read(&text[start..]) {
            if tag.name == name {
                let end = text[start..].find('>').map_or(text.len(), |e| start + e + 1);
                return &text[end..];
            }
        }
        from = start + 2;
    }
    ""
}

/// An HTML tag: `<name attr='v'>`, `</name>`, `<name/>`.
#[derive(Debug)]
struct Tag {
    name: String,
    closing: bool,
    self_closing: bool,
    attributes: Vec<(String, String)>,
}

impl Tag {
    /// Read the tag at the start of `text` (which starts with `<`); `None` when it is not a tag (`a < b`, `<11`).
    fn read(text: &str) -> Option<(Tag, &str)> {
        let body = text.strip_prefix('<')?;
        let (closing, body) = match body.strip_prefix('/') {
            Some(b) => (true, b),
            None => (false, body),
        };
        if !body.starts_with(|c: char| c.is_ascii_alphabetic()) {
            return None;
        }
        let name_len = body.find(|c: char| !c.is_ascii_alphanumeric()).unwrap_or(body.len());
        let name = body[..name_len].to_ascii_lowercase();
        let mut rest = &body[name_len..];
        let mut attributes = Vec::new();
        let mut self_closing = false;
        loop {
            rest = rest.trim_start();
            let c = rest.chars().next()?;
            match c {
                '>' => {
                    return Some((
                        Tag {
                            name,
                            closing,
                            self_closing,
                            attributes,
                        },
                        &rest[1..],
                    ))
                }
                '/' => {
                    self_closing = true;
                    rest = &rest[1..];
                }
                _ => {
                    let (attribute, after) = read_attribute(rest)?;
                    attributes.push(attribute);
                    rest = after;
                }
            }
        }
    }

    fn attribute(&self, name: &str) -> Option<&str> {
        self.attributes.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }
}

fn read_attribute(text: &str) -> Option<((String, String), &str)> {
    let name_len = text
        .find(|c: char| c.is_whitespace() || matches!(c, '=' | '>' | '/'))
        .unwrap_or(text.len());
    if name_len == 0 {
        // A stray `=` or quote: skip one character so the loop moves on.
        let c = text.chars().next()?;
        return Some(((String::new(), String::new()), &text[c.len_utf8()..]));
    }
    let name = text[..name_len].to_ascii_lowercase();
    let rest = text[name_len..].trim_start();
    let Some(value) = rest.strip_prefix('=') else {
        return Some(((name, String::new()), rest));
    };
    let value = value.trim_start();
    let (v, after) = match value.chars().next()? {
        q @ ('"' | '\'') => {
            let end = value[1..].find(q)?;
            (&value[1..1 + end], &value[end + 2..])
        }
        _ => {
            let end = value
                .find(|c: char| c.is_whitespace() || c == '>')
                .unwrap_or(value.len());
            (&value[..end], &value[end..])
        }
    };
    Some(((name, v.to_string()), after))
}

/// An HTML entity after its `&`: `lt;`, `#169;`, `#x2713;`. Gives the character and what follows the `;`.
fn entity(after_ampersand: &str) -> Option<(char, &str)> {
    let end = after_ampersand.char_indices().take(12).find(|&(_, c)| c == ';')?.0;
    let code = &after_ampersand[..end];
    let c = if let Some(number) = code.strip_prefix('#') {
        let value = match number.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => number.parse().ok()?,
        };
        char::from_u32(value).filter(|c| !c.is_control())?
    } else {
        match code {
            "lt" => '<',
            "gt" => '>',
            "amp" => '&',
            "quot" => '"',
            "apos" => '\'',
            "nbsp" => '\u{a0}',
            "copy" => '©',
            "reg" => '®',
            "trade" => '™',
            "hellip" => '…',
            "mdash" => '—',
            "ndash" => '–',
            "bull" => '•',
            "middot" => '·',
            "deg" => '°',
            "times" => '×',
            "rarr" => '→',
            "larr" => '←',
            "harr" => '↔',
            "rArr" => '⇒',
            "check" => '✓',
            _ => return None,
        }
    };
    Some((c, &after_ampersand[end + 1..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    const HTML: Syntax = Syntax {
        html: true,
        markdown: false,
    };

    fn texts(lines: &[Vec<TextRun>]) -> Vec<String> {
        lines
            .iter()
            .map(|l| l.iter().map(|r| r.text.as_str()).collect())
            .collect()
    }

    #[test]
    fn formatting_tags_become_styled_runs() {
        let lines = parse_lines(
            "a <b>bold</b> <i>it</i> <u>u</u> <s>s</s> <code>c</code> x<sub>2</sub>",
            HTML,
        );
        assert_eq!(texts(&lines), ["a bold it u s c x2"]);
        let runs = &lines[0];
        let find = |t: &str| {
            runs.iter()
                .find(|r| r.text == t)
                .unwrap_or_else(|| panic!("{t} in {runs:?}"))
        };
        assert!(find("bold").bold);
        assert!(find("it").italic);
        assert!(find("u").format.underline);
        assert!(find("s").format.strike);
        assert!(find("c").format.monospace);
        assert_eq!(find("2").format.size, RunSize::Sub);
        let nested = parse_lines("<b>x <i>y</i></b>", HTML);
        assert!(nested[0][1].bold && nested[0][1].italic, "{nested:?}");
    }

    #[test]
    fn colours_and_links() {
        let lines = parse_lines(
            "<span style='color:red'>r</span><font color=blue>b</font><a href='https://x.org'>l</a>",
            HTML,
        );
        assert_eq!(lines[0][0].format.color.as_deref(), Some("red"));
        assert_eq!(lines[0][1].format.color.as_deref(), Some("blue"));
        assert_eq!(lines[0][2].format.href.as_deref(), Some("https://x.org"));
        let unsafe_link = parse_lines("<a href='javascript:alert(1)' onclick='x()'>t</a>", HTML);
        assert_eq!(texts(&unsafe_link), ["t"]);
        assert_eq!(unsafe_link[0][0].format, RunFormat::default());
    }

    #[test]
    fn dropped_tags_keep_or_lose_their_text() {
        assert_eq!(texts(&parse_lines("a<foo>b</foo><align=left>c", HTML)), ["abc"]);
        assert_eq!(
            texts(&parse_lines("a<script>alert(1)</script>b<style>x{}</style>c", HTML)),
            ["abc"]
        );
        assert_eq!(texts(&parse_lines("a<iframe src=x>never closed", HTML)), ["a"]);
        assert_eq!(
            texts(&parse_lines("5 > 3 && 2 < 4, <11", HTML)),
            ["5 > 3 && 2 < 4, <11"]
        );
        assert_eq!(
            texts(&parse_lines("&lt;b&gt; &amp; &#169; &copy; &bogus;", HTML)),
            ["<b> & © © &bogus;"]
        );
    }

    #[test]
    fn breaks_and_blocks_make_lines() {
        assert_eq!(texts(&parse_lines("<b>spec</b><hr>body", HTML)), ["spec", "body"]);
        assert_eq!(texts(&parse_lines("<p>one</p><p>two</p>", HTML)), ["one", "two"]);
        assert_eq!(texts(&parse_lines("a\u{2028}b\nc", HTML)), ["a", "b", "c"]);
        let heading = parse_lines("<h1>T</h1>x", HTML);
        assert!(heading[0][0].bold && !heading[1][0].bold);
    }

    #[test]
    fn markdown_emphasis() {
        let md = Syntax {
            html: false,
            markdown: true,
        };
        let runs = &parse_lines("a **b** _c_ ***d***", md)[0];
        assert_eq!(runs.iter().map(|r| r.text.as_str()).collect::<String>(), "a b c d");
        assert!(runs[1].bold && runs[1].text == "b");
        assert!(runs[3].italic && runs[3].text == "c");
        assert!(runs.last().is_some_and(|r| r.bold && r.italic));
        assert_eq!(parse_lines("snake_case_id", md)[0].len(), 1);
        let literal = parse_lines("Transition1_____ and a ** b", md);
        assert_eq!(texts(&literal), ["Transition1_____ and a ** b"]);
        assert_eq!(literal[0].len(), 1, "{literal:?}");
        assert_eq!(
            texts(&parse_lines("<b>x</b>", md)),
            ["<b>x</b>"],
            "tags only in HTML mode"
        );
    }
}
