//! Mermaid diagrams inside Markdown documents: find them, map their errors back to the document, and replace
//! them with image links the way mermaid-cli (`mmdc -i doc.md -o out.md`) does.
//!
//! A diagram is a fenced code block whose info string's first word is `mermaid` (```` ```mermaid ````,
//! `~~~mermaid`, longer fences, ```` ```mermaid {.class} ````), found by a CommonMark parser (pulldown-cmark)
//! exactly where GitHub finds one: at any indentation a fence may have, inside block quotes and list items at
//! any depth; a fence shown inside another code block (say, a ```` ```markdown ```` example) or an HTML block
//! is not a diagram. Azure DevOps style `:::mermaid` … `:::` blocks, which CommonMark does not know, count too
//! outside code blocks. The block's container prefixes (indentation, `> `) are removed from its lines and
//! remembered, so errors point at the document's own line and column; a block left open runs to the end of
//! its container. The rewriting works on the parser's byte offsets: everything outside a block stays byte for
//! byte.
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
use pulldown_cmark::{CodeBlockKind, Event, Options as CmarkOptions, Parser, Tag, TagEnd};
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
    /// Characters before the opening fence on its line: its indentation and any container markers (`> `,
    /// a list item's indentation).
    pub indent: usize,
    /// Whether the block had a closing fence.
    pub closed: bool,
    /// Where each line of `source` is in the document.
    lines: Vec<SourceLine>,
}

/// Where one line of a block's source is in the document.
#[derive(Debug, Clone, PartialEq, Eq)]
struct SourceLine {
    /// Byte offset of the line in [`Block::source`].
    in_source: usize,
    /// Byte offset of the line's first source character in the document.
    in_doc: usize,
    /// 1-based document line.
    line: usize,
    /// Characters before it on the document line (indentation, `>` markers, list indentation).
    removed: usize,
}

/// Whether a path names a Markdown document (`.md` or `.markdown`, as mermaid-cli decides).
pub fn is_markdown_path(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown"))
}

/// Every Mermaid diagram of a Markdown document, in order.
pub fn extract(doc: &str) -> Vec<Block> {
    let lines = LineStarts::new(doc);
    let (mut blocks, code) = fenced_blocks(doc, &lines);
    blocks.extend(colon_blocks(doc, &lines, &code));
    blocks.sort_by_key(|b| b.range.start);
    // A fence written inside a `:::mermaid` block is part of that diagram, not a second one.
    let mut end = 0;
    blocks.retain(|b| {
        let keep = b.range.start >= end;
        end = end.max(b.range.end);
        keep
    });
    for (i, b) in blocks.iter_mut().enumerate() {
        b.index = i + 1;
    }
    blocks
}

/// The byte offset where each line of a document starts, to turn offsets into 1-based line numbers.
struct LineStarts(Vec<usize>);

impl LineStarts {
    fn new(doc: &str) -> Self {
        let breaks = doc.match_indices('\n').map(|(i, _)| i + 1);
        LineStarts(std::iter::once(0).chain(breaks).collect())
    }

    fn line_of(&self, offset: usize) -> usize {
        self.0.partition_point(|&s| s <= offset)
    }

    fn start_of(&self, offset: usize) -> usize {
        self.0[self.line_of(offset) - 1]
    }
}

/// A piece of a code block's text as the parser reports it, and the bytes of the document it came from.
type Piece = (String, Range<usize>);

/// The fenced Mermaid blocks as a CommonMark parser finds them (so fences inside block quotes and list items
/// count, and fences shown inside other code blocks do not), and the byte ranges of every code and HTML block,
/// inside which a `:::mermaid` line is just text.
fn fenced_blocks(doc: &str, lines: &LineStarts) -> (Vec<Block>, Vec<Range<usize>>) {
    let mut blocks = Vec::new();
    let mut verbatim = Vec::new();
    // The open Mermaid block: its range and the text pieces of its lines, with their ranges in the document.
    let mut open: Option<(Range<usize>, Vec<Piece>)> = None;
    for (event, range) in Parser::new_ext(doc, CmarkOptions::empty()).into_offset_iter() {
        match event {
            Event::Start(Tag::CodeBlock(kind)) => {
                verbatim.push(range.clone());
                if let CodeBlockKind::Fenced(info) = kind {
                    if is_mermaid_info(&info) {
                        open = Some((range, Vec::new()));
                    }
                }
            }
            Event::Start(Tag::HtmlBlock) => verbatim.push(range),
            Event::Text(text) => {
                if let Some((_, pieces)) = &mut open {
                    pieces.push((text.into_string(), range));
                }
            }
            Event::End(TagEnd::CodeBlock) => {
                if let Some((range, pieces)) = open.take() {
                    blocks.push(fenced_block(doc, lines, range, &pieces));
                }
            }
            _ => {}
        }
    }
    (blocks, verbatim)
}

/// One fenced block from the parser's range for it and the pieces of text it reported inside.
fn fenced_block(doc: &str, lines: &LineStarts, range: Range<usize>, pieces: &[Piece]) -> Block {
    // The parser may hand a line over in several pieces (a `\r` apart from its `\n`): join them, remembering
    // where each piece ends in the joined text and in the document.
    let mut raw = String::new();
    let mut ends = Vec::with_capacity(pieces.len());
    for (text, at) in pieces {
        raw.push_str(text);
        ends.push((raw.len(), at.clone()));
    }
    // Most pieces are the document's bytes as they are; where the parser rewrote one (a tab partly taken as
    // indentation), the piece's end still matches the document, so positions are aligned on that.
    let in_doc = |offset: usize| {
        let k = ends.partition_point(|(end, _)| *end <= offset).min(ends.len() - 1);
        let (end, at) = &ends[k];
        at.end.saturating_sub(end - offset).max(at.start)
    };
    let mut source = String::new();
    let mut map = Vec::new();
    let mut offset = 0;
    for line in raw.split_inclusive('\n') {
        push_line(&mut source, &mut map, line, in_doc(offset), doc, lines);
        offset += line.len();
    }
    let end = trim_line_break(doc, range.start, range.end);
    let after_content = pieces
        .last()
        .map_or_else(|| lines.start_of(range.start), |(_, r)| r.end);
    let fence = fence_run(&doc[range.start..]);
    let closed = doc[after_content.min(end)..end].contains(fence);
    Block {
        index: 0,
        source,
        range: range.start..end,
        fence_line: lines.line_of(range.start),
        first_line: lines.line_of(range.start) + 1,
        indent: doc[lines.start_of(range.start)..range.start].chars().count(),
        closed,
        lines: map,
    }
}

/// Add one document line (starting at byte `in_doc`) to a block's source, ending it with a single `\n`.
fn push_line(source: &mut String, map: &mut Vec<SourceLine>, line: &str, in_doc: usize, doc: &str, lines: &LineStarts) {
    let in_doc = (0..=in_doc).rev().find(|&i| doc.is_char_boundary(i)).unwrap_or(0);
    let removed = doc[lines.start_of(in_doc)..in_doc].chars().count();
    map.push(SourceLine {
        in_source: source.len(),
        in_doc,
        line: lines.line_of(in_doc),
        removed,
    });
    source.push_str(line.trim_end_matches('\n').trim_end_matches('\r'));
    source.push('\n');
}

/// `end` moved back over one final line break.
fn trim_line_break(doc: &str, start: usize, end: usize) -> usize {
    let text = &doc[start..end];
    start
        + text
            .strip_suffix('\n')
            .map_or(text, |t| t.strip_suffix('\r').unwrap_or(t))
            .len()
}

/// The run of fence characters a fence starts with (` ``` `, `~~~~`, `:::`).
fn fence_run(text: &str) -> &str {
    let ch = text.chars().next().unwrap_or('`');
    &text[..text.len() - text.trim_start_matches(ch).len()]
}

fn is_mermaid_info(info: &str) -> bool {
    let word = info
        .split(|c: char| c.is_whitespace() || c == '{' || c == '}' || c == ',')
        .find(|w| !w.is_empty())
        .unwrap_or("");
    word.eq_ignore_ascii_case("mermaid")
}

/// Azure DevOps style `:::mermaid` … `:::` blocks, which CommonMark does not know: found line by line outside
/// the code and HTML blocks the parser found. Other `:::` lines are admonitions and contain Markdown.
fn colon_blocks(doc: &str, lines: &LineStarts, verbatim: &[Range<usize>]) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut starts = lines.0.iter().copied();
    while let Some(line_start) = starts.next() {
        let text = line_text(doc, line_start);
        let rest = text.trim_start_matches([' ', '\t']);
        let begin = line_start + (text.len() - rest.len());
        let fence = fence_run(rest);
        if !fence.starts_with(":::") || !is_mermaid_info(&rest[fence.len()..]) {
            continue;
        }
        if verbatim.iter().any(|r| r.contains(&begin)) {
            continue;
        }
        let mut source = String::new();
        let mut map = Vec::new();
        let mut end = None;
        for next in starts.by_ref() {
            let line = line_text(doc, next);
            let rest = line.trim_start_matches([' ', '\t']);
            if rest.starts_with(fence) && rest.trim_start_matches(':').trim().is_empty() {
                end = Some(next + line.len());
                break;
            }
            let cut = (line.len() - rest.len()).min(begin - line_start);
            push_line(&mut source, &mut map, &line[cut..], next + cut, doc, lines);
        }
        blocks.push(Block {
            index: 0,
            source,
            range: begin..end.unwrap_or(doc.len()),
            fence_line: lines.line_of(begin),
            first_line: lines.line_of(begin) + 1,
            indent: doc[line_start..begin].chars().count(),
            closed: end.is_some(),
            lines: map,
        });
    }
    blocks
}

/// The line starting at `start`, without its line break.
fn line_text(doc: &str, start: usize) -> &str {
    let rest = &doc[start..];
    let line = rest.split('\n').next().unwrap_or("");
    line.strip_suffix('\r').unwrap_or(line)
}

impl Block {
    /// The source line holding a byte offset into [`Block::source`].
    fn line_at(&self, offset: usize) -> Option<&SourceLine> {
        let k = self.lines.partition_point(|l| l.in_source <= offset).saturating_sub(1);
        self.lines.get(k)
    }

    /// The document position of a byte offset into [`Block::source`]: (1-based line, byte offset in the
    /// document).
    fn locate(&self, offset: usize) -> (usize, usize) {
        match self.line_at(offset) {
            Some(l) => (l.line, l.in_doc + (offset - l.in_source)),
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
        // An error just past a last line that had no line break in the document stays inside the document.
        let in_doc = |offset: usize| {
            (0..=offset.min(doc.len()))
                .rev()
                .find(|&i| doc.is_char_boundary(i))
                .unwrap_or(0)
        };
        let (line, start) = self.locate(error.span.start.min(self.source.len()));
        let (_, end) = self.locate(error.span.end.min(self.source.len()));
        let (start, end) = (in_doc(start), in_doc(end));
        let removed = self
            .line_at(error.span.start.min(self.source.len()))
            .map_or(0, |l| l.removed);
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
                    let (line, removed) = match self.lines.get(line - 1) {
                        Some(l) => (l.line, l.removed),
                        None => (self.first_line + line - 1, 0),
                    };
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

/// mermaid-cli's image link: `![alt](path)` or `![alt](path "title")`, with `alt` defaulting to `diagram`.
/// mermaid-cli takes the alt text from the diagram's `accDescr` and the title from its `accTitle`.
///
/// The link is inert whatever the diagram says and whatever the file is called: every ASCII punctuation
/// character of the alt text and title is backslash-escaped (so no `<tag>`, entity, emphasis or bracket
/// survives as Markdown), control characters and line breaks become spaces, and the path is percent-encoded
/// except for letters, digits and `/ . - _ ~` (so spaces, parentheses and `<` cannot end or break the link).
///
/// ```
/// use mermaid_rs::markdown::image_link;
/// assert_eq!(image_link("./my chart (1).svg", Some("<b>"), None), r"![\<b\>](./my%20chart%20%281%29.svg)");
/// ```
pub fn image_link(path: &str, alt: Option<&str>, title: Option<&str>) -> String {
    let alt = alt.filter(|a| !a.trim().is_empty()).unwrap_or("diagram");
    let url = percent_encode_path(path);
    match title.filter(|t| !t.trim().is_empty()) {
        Some(t) => format!("![{}]({url} \"{}\")", escape_inline(alt), escape_inline(t)),
        None => format!("![{}]({url})", escape_inline(alt)),
    }
}

/// Text that Markdown shows as itself: ASCII punctuation backslash-escaped, control characters as spaces.
fn escape_inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if c.is_ascii_punctuation() {
            out.push('\\');
            out.push(c);
        } else if c.is_control() {
            out.push(' ');
        } else {
            out.push(c);
        }
    }
    out
}

/// A path as a URL path: UTF-8 bytes outside `A-Z a-z 0-9 / . - _ ~` as `%XX`.
fn percent_encode_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'/' | b'.' | b'-' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
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

    fn sources(doc: &str) -> Vec<String> {
        extract(doc).into_iter().map(|b| b.source).collect()
    }

    #[test]
    fn block_quotes_and_nested_lists() {
        let doc = "> Note:\n>\n> ```mermaid\n> graph TD\n>   A --> B\n> ```\n\n\
                   1. one\n   - two\n     ```mermaid\n     pie\n       \"a\" : 1\n     ```\n   - three\n\n\
                   > - quoted item\n>   ~~~mermaid\n>   graph LR\n>   ~~~\n";
        let blocks = extract(doc);
        assert_eq!(
            blocks.iter().map(|b| b.source.as_str()).collect::<Vec<_>>(),
            ["graph TD\n  A --> B\n", "pie\n  \"a\" : 1\n", "graph LR\n"]
        );
        assert_eq!(blocks.iter().map(|b| b.fence_line).collect::<Vec<_>>(), [3, 10, 17]);
        let out = replace(doc, &blocks, |b| format!("IMG{}", b.index));
        assert_eq!(
            out,
            "> Note:\n>\n> IMG1\n\n1. one\n   - two\n     IMG2\n   - three\n\n> - quoted item\n>   IMG3\n"
        );
    }

    #[test]
    fn long_fences_attributes_and_indentation() {
        let doc = "`````mermaid\ngraph TD\n```\nstill inside\n`````\n\n\
                   ```mermaid {.diagram #id}\nsequenceDiagram\n```\n\n\
                   ~~~ Mermaid title=x\nerDiagram\n~~~~~\n\n\
                   \x20\x20\x20```mermaid\n   graph LR\n    A\n   ```\n\n\
                   \x20   ```mermaid\n    indented code, not a fence\n\n\
                   ```mermaidx\nnot mermaid\n```\n\n\
                   <div>\n\n```mermaid\ngraph BT\n```\n\n</div>\n";
        assert_eq!(
            sources(doc),
            [
                "graph TD\n```\nstill inside\n",
                "sequenceDiagram\n",
                "erDiagram\n",
                "graph LR\n A\n",
                "graph BT\n"
            ]
        );
    }

    #[test]
    fn mermaid_shown_inside_other_blocks_is_left_alone() {
        let doc = "    ```mermaid\n    graph TD\n    ```\n\n~~~md\n:::mermaid\ngraph TD\n:::\n~~~\n\n<pre>\n```mermaid\n</pre>\n";
        assert!(extract(doc).is_empty(), "{:?}", extract(doc));
    }

    #[test]
    fn unclosed_block_ends_with_its_container() {
        let doc = "> ```mermaid\n> graph TD\n\nafter\n";
        let blocks = extract(doc);
        assert_eq!(blocks.len(), 1);
        assert!(!blocks[0].closed);
        assert_eq!(blocks[0].source, "graph TD\n");
        assert_eq!(replace(doc, &blocks, |_| "IMG".into()), "> IMG\n\nafter\n");
        let empty = extract("```mermaid\n```\n");
        assert!(empty[0].closed);
        assert_eq!(empty[0].source, "");
    }

    #[test]
    fn errors_in_a_block_quote_point_at_the_document_column() {
        let doc = "# T\n\n> - x\n>   ```mermaid\n>   graph TD\n>     A -> B\n>   ```\n";
        let blocks = extract(doc);
        let Err(crate::Error::Parse(err)) = crate::parse(&blocks[0].source) else {
            panic!()
        };
        let moved = blocks[0].error_in_document(&err, doc);
        assert_eq!((moved.line, moved.column), (6, err.column + 4));
        assert_eq!(moved.source_line, ">     A -> B");
        assert_eq!(&doc[moved.span.start..moved.span.start + 2], "->");
        assert_eq!(moved.source_line.chars().nth(moved.column - 1), Some('-'));
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
