//! Preprocessing shared by every diagram type.
//!
//! Mermaid strips several things before a diagram grammar ever sees the text: YAML front matter,
//! `%%{init: …}%%` directives, whole-line `%%` comments and carriage returns. Here they are *blanked*
//! (overwritten with spaces, newlines kept) rather than deleted, so the text handed to a grammar has exactly the
//! same byte length as the original source and every offset into it is also an offset into the source. What
//! was blanked is collected into [`Meta`].

use crate::ast::{Meta, Span};
use crate::{Limits, ParseError};

/// The source after preprocessing, plus what was learnt while blanking it.
#[derive(Debug, Clone)]
pub(crate) struct Preprocessed<'a> {
    /// The original source (for error messages).
    pub source: &'a str,
    /// The source with front matter, directives, comments and `\r` replaced by spaces. Same length as `source`.
    pub text: String,
    pub meta: Meta,
    /// Span of the first word of the diagram (the diagram-type keyword, e.g. `flowchart`).
    pub keyword: Span,
    /// What the grammars must enforce while parsing.
    pub limits: Limits,
}

impl Preprocessed<'_> {
    /// The diagram-type keyword (`graph`, `flowchart`, `sequenceDiagram`, …).
    pub fn keyword(&self) -> &str {
        self.text.get(self.keyword.start..self.keyword.end).unwrap_or("")
    }
}

/// Blank out front matter, directives, comments and carriage returns, and find the diagram keyword.
pub(crate) fn preprocess(source: &str, limits: Limits) -> Result<Preprocessed<'_>, ParseError> {
    let mut bytes: Vec<u8> = source.as_bytes().to_vec();
    normalize_spacing(&mut bytes);
    let mut meta = Meta::default();
    front_matter(source, &mut bytes, &mut meta)?;
    directives_and_comments(source, &mut bytes, &mut meta)?;
    // Only ASCII bytes were written over whole characters, so this cannot fail; fall back to the source anyway.
    let text = String::from_utf8(bytes).unwrap_or_else(|_| source.to_string());

    let start = text.len() - text.trim_start().len();
    let word_len = text[start..]
        .find(|c: char| c.is_whitespace() || c == ';')
        .unwrap_or(text.len() - start);
    if word_len == 0 {
        return Err(ParseError::new(
            source,
            Span::new(0, 0),
            "empty input: expected a diagram header such as `flowchart TD`",
        ));
    }
    Ok(Preprocessed {
        source,
        text,
        meta,
        keyword: Span::new(start, start + word_len),
        limits,
    })
}

/// What Mermaid's lexers take as plain spacing, made plain without changing any offset: a byte-order mark at
/// the start becomes three spaces, `\r\n`'s `\r` a space, a lone `\r` (old Mac line ends) a `\n`, and a
/// no-break space (U+00A0, which JavaScript's `\s` matches) two spaces, except inside label text (brackets,
/// quotes, `|…|` and after a `:`) where it is kept as the character it is.
fn normalize_spacing(bytes: &mut [u8]) {
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        bytes[..3].fill(b' ');
    }
    let mut depth = 0usize; // brackets of a label
    let mut quoted = false;
    let mut piped = false;
    let mut after_colon = false;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        match b {
            b'\r' => {
                bytes[i] = if bytes.get(i + 1) == Some(&b'\n') { b' ' } else { b'\n' };
                (depth, quoted, piped, after_colon) = (0, false, false, false);
            }
            b'\n' => (depth, quoted, piped, after_colon) = (0, false, false, false),
            b'"' => quoted = !quoted,
            b'|' if !quoted => piped = !piped,
            b':' if !quoted && depth == 0 => after_colon = true,
            b'[' | b'(' | b'{' if !quoted => depth += 1,
            b']' | b')' | b'}' if !quoted => depth = depth.saturating_sub(1),
            0xC2 if bytes.get(i + 1) == Some(&0xA0) => {
                if depth == 0 && !quoted && !piped && !after_colon {
                    bytes[i] = b' ';
                    bytes[i + 1] = b' ';
                }
                i += 1;
            }
            _ => {}
        }
        i += 1;
    }
}

/// Overwrite `range` with spaces, keeping newlines (so line numbers stay right).
fn blank(bytes: &mut [u8], start: usize, end: usize) {
    let end = end.min(bytes.len());
    if let Some(slice) = bytes.get_mut(start..end) {
        for b in slice {
            if *b != b'\n' {
                *b = b' ';
            }
        }
    }
}

/// Lines of `text` from `from`, as `(start, end)` byte offsets without the newline.
fn lines_from(text: &str, from: usize) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut pos = from;
    std::iter::from_fn(move || {
        if pos > text.len() || (pos == text.len() && pos != from) {
            return None;
        }
        let rest = text.get(pos..)?;
        let len = rest.find('\n').unwrap_or(rest.len());
        let line = (pos, pos + len);
        pos += len + 1;
        Some(line)
    })
}

/// YAML front matter: a `---` line first in the file (blank lines before it are allowed), up to the next `---`.
fn front_matter(source: &str, bytes: &mut [u8], meta: &mut Meta) -> Result<(), ParseError> {
    let text = source;
    let start = text.len() - text.trim_start().len();
    let Some(first) = lines_from(text, start).next() else {
        return Ok(());
    };
    if text[first.0..first.1].trim_end() != "---" {
        return Ok(());
    }
    let mut close = None;
    let mut body = Vec::new();
    for (s, e) in lines_from(text, first.1 + 1) {
        let line = text[s..e].trim_end_matches('\r');
        if line.trim_end() == "---" {
            close = Some(e);
            break;
        }
        body.push(line);
    }
    let Some(close) = close else {
        return Err(ParseError::new(
            source,
            Span::new(first.0, first.0 + 3),
            "unclosed front matter: expected a closing `---` line",
        ));
    };
    read_front_matter(&body, meta);
    blank(bytes, first.0, close);
    Ok(())
}

/// Pick `title:` and the raw `config:` block out of the front matter lines (a deliberately tiny YAML subset).
fn read_front_matter(lines: &[&str], meta: &mut Meta) {
    // Front matter indented as a whole (`  config:`) reads as if it were not.
    let base = lines
        .iter()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.len() - l.trim_start().len())
        .min()
        .unwrap_or(0);
    let lines: Vec<&str> = lines.iter().map(|l| l.get(base..).unwrap_or(l.trim_start())).collect();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        i += 1;
        if line.starts_with([' ', '\t']) || line.trim_start().starts_with('#') {
            continue;
        }
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        let value = value.trim();
        match key.trim() {
            "title" => meta.title = Some(unquote_yaml(value).to_string()),
            "config" => {
                if !value.is_empty() {
                    meta.front_matter_config = Some(value.to_string());
                    continue;
                }
                let mut block = Vec::new();
                while i < lines.len() && (lines[i].starts_with([' ', '\t']) || lines[i].trim().is_empty()) {
                    block.push(lines[i]);
                    i += 1;
                }
                while block.last().is_some_and(|l| l.trim().is_empty()) {
                    block.pop();
                }
                let indent = block
                    .iter()
                    .filter(|l| !l.trim().is_empty())
                    .map(|l| l.len() - l.trim_start().len())
                    .min()
                    .unwrap_or(0);
                let dedented: Vec<&str> = block.iter().map(|l| l.get(indent..).unwrap_or("")).collect();
                meta.front_matter_config = Some(dedented.join("\n"));
            }
            _ => {}
        }
    }
}

fn unquote_yaml(v: &str) -> &str {
    for q in ['"', '\''] {
        if v.len() >= 2 && v.starts_with(q) && v.ends_with(q) {
            return &v[1..v.len() - 1];
        }
    }
    v
}

/// `%%{ … }%%` directives (anywhere, possibly over several lines) and whole-line `%%` comments.
fn directives_and_comments(source: &str, bytes: &mut [u8], meta: &mut Meta) -> Result<(), ParseError> {
    let mut pos = 0;
    while pos < bytes.len() {
        let rest = &bytes[pos..];
        if rest.starts_with(b"%%{") {
            let Some(close) = find(rest, b"}%%") else {
                return Err(ParseError::new(
                    source,
                    Span::new(pos, pos + 3),
                    "unclosed directive: expected `}%%` to close the `%%{` opened here",
                ));
            };
            let end = pos + close + 3;
            let inner = source.get(pos + 3..pos + close).unwrap_or("").trim();
            for name in ["initialize", "init"] {
                if let Some(after) = inner.strip_prefix(name) {
                    if let Some(value) = after.trim_start().strip_prefix(':') {
                        meta.init_directives.push(value.trim().to_string());
                    }
                    break;
                }
            }
            blank(bytes, pos, end);
            pos = end;
            continue;
        }
        // A `%%` comment: only when `%%` is the first non-blank thing on its line.
        if rest.starts_with(b"%%") && line_prefix_is_blank(bytes, pos) {
            let len = rest.iter().position(|&b| b == b'\n').unwrap_or(rest.len());
            blank(bytes, pos, pos + len);
            pos += len;
            continue;
        }
        pos += 1;
    }
    Ok(())
}

fn line_prefix_is_blank(bytes: &[u8], pos: usize) -> bool {
    bytes[..pos]
        .iter()
        .rev()
        .take_while(|&&b| b != b'\n')
        .all(|&b| b == b' ' || b == b'\t')
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic)]
mod tests {
    use super::*;

    #[test]
    fn blanks_keep_length_and_lines() {
        let src = "---\ntitle: Orders\nconfig:\n  theme: forest\n  flowchart:\n    curve: basis\n---\n%%{init: {\"theme\": \"dark\"}}%%\n%% note\r\nflowchart LR\r\n  a-->b\n";
        let p = preprocess(src, Limits::default()).unwrap();
        assert_eq!(p.text.len(), src.len());
        assert_eq!(p.text.matches('\n').count(), src.matches('\n').count());
        assert_eq!(p.keyword(), "flowchart");
        assert_eq!(&src[p.keyword.start..p.keyword.end], "flowchart");
        assert_eq!(p.meta.title.as_deref(), Some("Orders"));
        assert_eq!(
            p.meta.front_matter_config.as_deref(),
            Some("theme: forest\nflowchart:\n  curve: basis")
        );
        assert_eq!(p.meta.init_directives, vec!["{\"theme\": \"dark\"}".to_string()]);
        assert!(!p.text.contains('\r'));
        assert!(!p.text.contains("note"));
        assert!(p.text.contains("a-->b"));
    }

    #[test]
    fn multi_line_directive_and_initialize() {
        let src = "%%{\n  initialize: {\n    'theme': 'base'\n  }\n}%%\ngraph TD\n";
        let p = preprocess(src, Limits::default()).unwrap();
        assert_eq!(p.meta.init_directives.len(), 1);
        assert!(p.meta.init_directives[0].starts_with('{'));
        assert!(p.meta.init_directives[0].contains("'theme': 'base'"));
        assert_eq!(p.keyword(), "graph");
    }

    #[test]
    fn quoted_title_and_inline_config() {
        let src = "---\ntitle: \"Hello: world\"\nconfig: {theme: dark}\n---\ngraph\n";
        let p = preprocess(src, Limits::default()).unwrap();
        assert_eq!(p.meta.title.as_deref(), Some("Hello: world"));
        assert_eq!(p.meta.front_matter_config.as_deref(), Some("{theme: dark}"));
    }

    #[test]
    fn errors() {
        let e = preprocess("", Limits::default()).unwrap_err();
        assert_eq!(
            e.message,
            "empty input: expected a diagram header such as `flowchart TD`"
        );
        let e = preprocess("  %% only a comment\n\n", Limits::default()).unwrap_err();
        assert_eq!((e.line, e.column), (1, 1));
        let e = preprocess("---\ntitle: x\ngraph TD\n", Limits::default()).unwrap_err();
        assert_eq!(e.message, "unclosed front matter: expected a closing `---` line");
        assert_eq!((e.line, e.column), (1, 1));
        let e = preprocess("graph TD\n%%{init: {}\n", Limits::default()).unwrap_err();
        assert_eq!((e.line, e.column), (2, 1));
    }

    #[test]
    fn comment_not_at_line_start_is_kept() {
        let p = preprocess("graph TD\na[x %% y]\n", Limits::default()).unwrap();
        assert!(p.text.contains("%% y"));
    }
}
