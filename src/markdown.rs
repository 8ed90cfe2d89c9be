//! Mermaid diagrams inside Markdown documents: find them, map their errors back to the document, and replace
//! them with image links the way mermaid-cli (`mmdc -i doc.md -o out.md`) does.
//!
//! A diagram is a fenced code block whose info string starts with `mermaid`, fenced with backticks or tildes
//! (three or more, at any indentation, so blocks inside list items count), or an Azure DevOps style
//! `:::mermaid` … `:::` block. Fences follow CommonMark: the closing fence uses the same character, is at least
//! as long as the opening one and carries nothing else; the block's indentation is removed from its lines; a
//! block left open runs to the end of the document. Mermaid fences inside other code blocks (say, a
//! ```` ```markdown ```` example) are not diagrams.
//!
//! ```
//! let doc = "# Title\n\n```mermaid\ngraph TD\n  A --> B\n```\n";
//! let blocks = mermaid_rs::markdown::extract(doc);
//! assert_eq!(blocks.len(), 1);
//! assert_eq!(blocks[0].source, "graph TD\n  A --> B\n");
//! assert_eq!(blocks[0].first_line, 4);
//! let out = mermaid_rs::markdown::replace(doc, &blocks, |b| format!("![diagram](./doc-{}.svg)", b.index));
//! assert_eq!(out, "# Title\n\n![diagram](./doc-1.svg)\n");
//! ```

use crate::ParseError;
use std::ops::Range;
use std::path::Path;

/// One Mermaid diagram found in a Markdown document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// 1-based position among the document's diagrams (`out-1.svg` is block 1).
    pub index: usize,
    /// The diagram source: the lines between the fences with the block's indentation removed, each ending in
    /// `\n`.
    pub source: String,
    /// Bytes of the document the block occupies: from the opening fence's first non-blank character to the
    /// end of the closing fence (or of the document), without the final line break.
    pub range: Range<usize>,
    /// 1-based line of the opening fence.
    pub fence_line: usize,
    /// 1-based document line of the source's first line.
    pub first_line: usize,
    /// The indentation of the opening fence, in characters (removed from each source line, as far as each
    /// line has it).
    pub indent: usize,
    /// Whether the block had a closing fence.
    pub closed: bool,
    /// Per source line: (byte offset in `source`, byte offset in the document, characters of indentation
    /// removed).
    lines: Vec<(usize, usize, usize)>,
}

/// Whether a path names a Markdown document (`.md` or `.markdown`, as mermaid-cli decides).
pub fn is_markdown_path(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown"))
}

struct Fence {
    ch: char,
    len: usize,
    indent: usize,
    info: String,
}

fn leading_ws(line: &str) -> usize {
    line.chars().take_while(|c| *c == ' ' || *c == '\t').count()
}

fn opening_fence(line: &str) -> Option<Fence> {
    let indent = leading_ws(line);
    let rest = &line[indent..];
    let ch = rest.chars().next()?;
    if !matches!(ch, '`' | '~' | ':') {
        return None;
    }
    let len = rest.chars().take_while(|c| *c == ch).count();
    if len < 3 {
        return None;
    }
    let info = rest[len..].trim().to_string();
    if ch == '`' && info.contains('`') {
        return None;
    }
    Some(Fence { ch, len, indent, info })
}

fn is_closing(line: &str, fence: &Fence) -> bool {
    let rest = line.trim_start_matches([' ', '\t']);
    let len = rest.chars().take_while(|c| *c == fence.ch).count();
    len >= fence.len && rest[len..].trim().is_empty()
}

fn is_mermaid_info(info: &str) -> bool {
    let word = info
        .split(|c: char| c.is_whitespace() || c == '{' || c == '}' || c == ',')
        .find(|w| !w.is_empty())
        .unwrap_or("");
    word.eq_ignore_ascii_case("mermaid")
}

/// Every Mermaid diagram of a Markdown document, in order.
pub fn extract(doc: &str) -> Vec<Block> {
    // (start byte, text without the line break)
    let mut lines = Vec::new();
    let mut start = 0;
    for piece in doc.split_inclusive('\n') {
        let text = piece.trim_end_matches('\n').trim_end_matches('\r');
        lines.push((start, text));
        start += piece.len();
    }
    let mut blocks = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let (line_start, text) = lines[i];
        let Some(fence) = opening_fence(text) else {
            i += 1;
            continue;
        };
        // `:::` blocks are only Mermaid ones; other `:::` lines are admonitions and contain Markdown.
        if fence.ch == ':' && !is_mermaid_info(&fence.info) {
            i += 1;
            continue;
        }
        let mermaid = is_mermaid_info(&fence.info);
        let mut j = i + 1;
        while j < lines.len() && !is_closing(lines[j].1, &fence) {
            j += 1;
        }
        let closed = j < lines.len();
        if mermaid {
            let mut source = String::new();
            let mut map = Vec::new();
            for &(ls, lt) in &lines[i + 1..j] {
                let removed = leading_ws(lt).min(fence.indent);
                let cut: usize = lt.chars().take(removed).map(char::len_utf8).sum();
                map.push((source.len(), ls + cut, removed));
                source.push_str(&lt[cut..]);
                source.push('\n');
            }
            let begin = line_start + text.len() - text.trim_start_matches([' ', '\t']).len();
            let end = if closed {
                lines[j].0 + lines[j].1.len()
            } else {
                doc.len()
            };
            blocks.push(Block {
                index: blocks.len() + 1,
                source,
                range: begin..end.max(begin),
                fence_line: i + 1,
                first_line: i + 2,
                indent: fence.indent,
                closed,
                lines: map,
            });
        }
        i = j + 1;
    }
    blocks
}

impl Block {
    /// The document position of a byte offset into [`Block::source`]: (1-based line, byte offset in the
    /// document).
    fn locate(&self, offset: usize) -> (usize, usize) {
        let k = self.lines.partition_point(|&(s, _, _)| s <= offset).saturating_sub(1);
        match self.lines.get(k) {
            Some(&(s, d, _)) => (self.first_line + k, d + (offset - s)),
            None => (self.first_line, self.range.start),
        }
    }

    /// The diagram type of this block when mermaid-rs does not draw it (`gantt`, `pie`, …). Such a block is
    /// kept in an output document as it is, so that the page's own mermaid.js can still draw it.
    pub fn unsupported_type(&self) -> Option<String> {
        mermaid_parser::unsupported_type(&self.source)
    }

    /// Move an error found in [`Block::source`] to where it is in the document `doc`: line, column, the
    /// document's own line text and byte span, so that [`ParseError::render`] shows the Markdown file.
    pub fn error_in_document(&self, error: &ParseError, doc: &str) -> ParseError {
        let (line, start) = self.locate(error.span.start.min(self.source.len()));
        let (_, end) = self.locate(error.span.end.min(self.source.len()));
        let removed = self.lines.get(line - self.first_line).map_or(0, |l| l.2);
        let source_line = doc
            .lines()
            .nth(line - 1)
            .map_or_else(String::new, |l| l.trim_end_matches('\r').to_string());
        ParseError {
            message: self.positions_in_document(&error.message),
            hint: error.hint.as_deref().map(|h| self.positions_in_document(h)),
            span: mermaid_parser::ast::Span::new(start, end.max(start)),
            line,
            column: error.column + removed,
            source_line,
        }
    }
}

impl Block {
    /// `text` with every "line L, column C" of the block (what "opened at …" messages say) moved to the
    /// document, so that a message and its location count lines the same way.
    fn positions_in_document(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        let mut rest = text;
        while let Some(at) = rest.find("line ") {
            out.push_str(&rest[..at]);
            let after = &rest[at + 5..];
            match line_and_column(after) {
                Some((line, column, len)) if line >= 1 => {
                    let removed = self.lines.get(line - 1).map_or(0, |l| l.2);
                    let line = self.first_line + line - 1;
                    out.push_str(&format!("line {line}, column {}", column + removed));
                    rest = &after[len..];
                }
                _ => {
                    out.push_str("line ");
                    rest = after;
                }
            }
        }
        out.push_str(rest);
        out
    }
}

/// `L, column C` at the start of `s`: the two numbers and how many bytes they take.
fn line_and_column(s: &str) -> Option<(usize, usize, usize)> {
    let digits = |t: &str| t.bytes().take_while(u8::is_ascii_digit).count();
    let n = digits(s);
    let line = s[..n].parse().ok()?;
    let after = s[n..].strip_prefix(", column ")?;
    let m = digits(after);
    let column = after[..m].parse().ok()?;
    Some((line, column, s.len() - after.len() + m))
}

/// The document with each block's text replaced by `image(block)`, keeping everything else (and the block's
/// indentation, so that a diagram inside a list item stays inside it) byte for byte.
pub fn replace(doc: &str, blocks: &[Block], mut image: impl FnMut(&Block) -> String) -> String {
    let mut out = String::with_capacity(doc.len());
    let mut at = 0;
    for b in blocks {
        out.push_str(&doc[at..b.range.start]);
        out.push_str(&image(b));
        at = b.range.end;
    }
    out.push_str(&doc[at..]);
    out
}

/// mermaid-cli's image link: `![alt](url)` or `![alt](url "title")`, with `alt` defaulting to `diagram`.
/// mermaid-cli takes the alt text from the diagram's `accDescr` and the title from its `accTitle`.
pub fn image_link(url: &str, alt: Option<&str>, title: Option<&str>) -> String {
    let alt = alt.filter(|a| !a.trim().is_empty()).unwrap_or("diagram");
    let mut alt_escaped = String::new();
    for c in alt.chars() {
        match c {
            '[' | ']' | '\\' => {
                alt_escaped.push('\\');
                alt_escaped.push(c);
            }
            '\n' | '\r' => alt_escaped.push(' '),
            c => alt_escaped.push(c),
        }
    }
    match title.filter(|t| !t.trim().is_empty()) {
        Some(t) => {
            let t: String = t
                .chars()
                .flat_map(|c| match c {
                    '"' | '\\' => vec!['\\', c],
                    '\n' | '\r' => vec![' '],
                    c => vec![c],
                })
                .collect();
            format!("![{alt_escaped}]({url} \"{t}\")")
        }
        None => format!("![{alt_escaped}]({url})"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = "# Doc\n\n```mermaid\ngraph TD\n  A --> B\n```\n\n- item:\n  ```mermaid\n  sequenceDiagram\n    A->>B: hi\n  ```\n- next\n\n~~~~ mermaid\nerDiagram\n~~~~\n\n:::mermaid\ngraph LR\n  X --> Y\n:::\n\n````markdown\n```mermaid\ngraph TD\n  not --> a_diagram\n```\n````\n\n```js\nconsole.log(1)\n```\n";

    #[test]
    fn finds_every_kind_of_block() {
        let blocks = extract(DOC);
        let sources: Vec<&str> = blocks.iter().map(|b| b.source.as_str()).collect();
        assert_eq!(
            sources,
            [
                "graph TD\n  A --> B\n",
                "sequenceDiagram\n  A->>B: hi\n",
                "erDiagram\n",
                "graph LR\n  X --> Y\n"
            ]
        );
        assert_eq!(blocks[1].fence_line, 9);
        assert_eq!(blocks[1].indent, 2);
        assert!(blocks.iter().all(|b| b.closed));
        assert_eq!(blocks.iter().map(|b| b.index).collect::<Vec<_>>(), [1, 2, 3, 4]);
    }

    #[test]
    fn replacement_keeps_the_rest_and_the_indentation() {
        let blocks = extract(DOC);
        let out = replace(DOC, &blocks, |b| format!("![diagram](./out-{}.svg)", b.index));
        assert!(out.contains("- item:\n  ![diagram](./out-2.svg)\n- next"));
        assert!(out.contains("````markdown\n```mermaid\ngraph TD\n  not --> a_diagram\n```\n````"));
        assert!(out.starts_with("# Doc\n\n![diagram](./out-1.svg)\n\n"));
        assert_eq!(out.matches("![diagram]").count(), 4);
    }

    #[test]
    fn unclosed_block_runs_to_the_end() {
        let doc = "text\n```mermaid\ngraph TD\nA-->B";
        let blocks = extract(doc);
        assert_eq!(blocks.len(), 1);
        assert!(!blocks[0].closed);
        assert_eq!(blocks[0].source, "graph TD\nA-->B\n");
        assert_eq!(replace(doc, &blocks, |_| "IMG".into()), "text\nIMG");
    }

    #[test]
    fn crlf_documents() {
        let doc = "a\r\n```mermaid\r\ngraph TD\r\n  A --> B\r\n```\r\nb\r\n";
        let blocks = extract(doc);
        assert_eq!(blocks[0].source, "graph TD\n  A --> B\n");
        assert_eq!(replace(doc, &blocks, |_| "IMG".into()), "a\r\nIMG\r\nb\r\n");
    }

    #[test]
    fn errors_point_into_the_document() {
        let doc = "# T\n\n- x\n  ```mermaid\n  graph TD\n    A -> B\n  ```\n";
        let blocks = extract(doc);
        let err = crate::parse(&blocks[0].source).unwrap_err();
        let crate::Error::Parse(err) = err else { panic!() };
        assert_eq!(err.line, 2);
        let moved = blocks[0].error_in_document(&err, doc);
        assert_eq!(moved.line, 6);
        assert_eq!(moved.column, err.column + 2);
        assert_eq!(moved.source_line, "    A -> B");
        assert_eq!(&doc[moved.span.start..moved.span.start + 2], "->");
    }

    #[test]
    fn image_links_like_mermaid_cli() {
        assert_eq!(image_link("./a-1.svg", None, None), "![diagram](./a-1.svg)");
        assert_eq!(
            image_link("./a-1.svg", Some("x [y]"), Some("say \"hi\"")),
            r#"![x \[y\]](./a-1.svg "say \"hi\"")"#
        );
    }

    #[test]
    fn markdown_paths() {
        assert!(is_markdown_path(Path::new("a/README.md")));
        assert!(is_markdown_path(Path::new("x.Markdown")));
        assert!(!is_markdown_path(Path::new("x.mmd")));
    }
}
