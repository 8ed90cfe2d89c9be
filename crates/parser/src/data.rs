//! The `key: value` mappings inside `@{ … }` (node shape data, edge metadata).
//!
//! Mermaid reads these with a YAML parser. This is the small subset that appears in practice: entries separated
//! by `,` or new lines; values plain, `"double"`/`'single'` quoted (may span lines, folded into one), or `|` / `>`
//! block scalars on the following, more indented lines.

use crate::ast::Span;

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct DataEntry {
    pub key: String,
    pub value: String,
    pub key_span: Span,
    pub value_span: Span,
}

/// A failure inside the mapping, at an absolute span.
pub(crate) type DataError = (Span, String);

/// Find the `}` that closes a `{` whose content starts at `content`, skipping quoted strings. Returns the byte
/// length of the content (the index of the closing brace).
pub(crate) fn find_closing_brace(content: &str) -> Option<usize> {
    let mut quote: Option<u8> = None;
    let bytes = content.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        match quote {
            Some(q) => {
                if b == b'\\' && q == b'"' {
                    i += 1;
                } else if b == q {
                    quote = None;
                }
            }
            None => match b {
                b'"' | b'\'' => {
                    // A quote only opens a string at the start of a value (after `:`, `,`, space or a new line).
                    let prev = bytes[..i].iter().rev().find(|c| !matches!(c, b' ' | b'\t'));
                    if matches!(prev, None | Some(b':' | b',' | b'\n' | b'{')) {
                        quote = Some(b);
                    }
                }
                b'}' => return Some(i),
                _ => {}
            },
        }
        i += 1;
    }
    None
}

/// Parse the text between `@{` and `}`; `base` is its absolute offset in the source.
pub(crate) fn parse_mapping(content: &str, base: usize) -> Result<Vec<DataEntry>, DataError> {
    let b = content.as_bytes();
    let mut p = 0;
    let mut out = Vec::new();
    let span = |s: usize, e: usize| Span::new(base + s, base + e);
    loop {
        while p < b.len() && matches!(b[p], b' ' | b'\t' | b'\n' | b',') {
            p += 1;
        }
        if p >= b.len() {
            break;
        }
        let key_start = p;
        while p < b.len() && !matches!(b[p], b':' | b'\n' | b',') {
            p += 1;
        }
        if p >= b.len() || b[p] != b':' {
            return Err((span(key_start, p), "expected `key: value` inside `@{ … }`".to_string()));
        }
        let raw_key = content.get(key_start..p).unwrap_or("").trim();
        let key = unquote(raw_key).to_string();
        if key.is_empty() {
            return Err((
                span(key_start, p + 1),
                "expected a key before `:` inside `@{ … }`".to_string(),
            ));
        }
        let key_span = span(key_start, key_start + raw_key.len());
        let key_indent = key_start - content[..key_start].rfind('\n').map_or(0, |i| i + 1);
        p += 1;
        while p < b.len() && matches!(b[p], b' ' | b'\t') {
            p += 1;
        }
        let value_start = p;
        let value = match b.get(p) {
            Some(&q @ (b'"' | b'\'')) => {
                let mut s = String::new();
                p += 1;
                loop {
                    let Some(c) = content.get(p..).and_then(|r| r.chars().next()) else {
                        return Err((
                            span(value_start, value_start + 1),
                            format!(
                                "unclosed string: expected `{}` to close the value of `{key}`",
                                q as char
                            ),
                        ));
                    };
                    p += c.len_utf8();
                    if c == q as char {
                        if q == b'\'' && b.get(p) == Some(&b'\'') {
                            s.push('\'');
                            p += 1;
                            continue;
                        }
                        break;
                    }
                    if c == '\\' && q == b'"' {
                        if let Some(n) = content.get(p..).and_then(|r| r.chars().next()) {
                            p += n.len_utf8();
                            match n {
                                'n' => s.push('\n'),
                                't' => s.push('\t'),
                                other => s.push(other),
                            }
                            continue;
                        }
                    }
                    s.push(c);
                }
                fold_lines(&s)
            }
            Some(b'|' | b'>') => {
                let folded = b[p] == b'>';
                while p < b.len() && b[p] != b'\n' {
                    p += 1;
                }
                let mut lines = Vec::new();
                while p < b.len() {
                    let line_start = p + 1;
                    let line_end = content
                        .get(line_start..)
                        .and_then(|r| r.find('\n'))
                        .map_or(b.len(), |i| line_start + i);
                    let line = content.get(line_start..line_end).unwrap_or("");
                    let indent = line.len() - line.trim_start().len();
                    if !line.trim().is_empty() && indent <= key_indent {
                        break;
                    }
                    lines.push(line);
                    p = line_end;
                }
                while lines.last().is_some_and(|l| l.trim().is_empty()) {
                    lines.pop();
                }
                let indent = lines
                    .iter()
                    .filter(|l| !l.trim().is_empty())
                    .map(|l| l.len() - l.trim_start().len())
                    .min()
                    .unwrap_or(0);
                let lines: Vec<&str> = lines.iter().map(|l| l.get(indent..).unwrap_or("").trim_end()).collect();
                lines.join(if folded { " " } else { "\n" })
            }
            _ => {
                while p < b.len() && !matches!(b[p], b',' | b'\n') {
                    p += 1;
                }
                content.get(value_start..p).unwrap_or("").trim().to_string()
            }
        };
        let value_span = span(value_start, p);
        while p < b.len() && matches!(b[p], b' ' | b'\t') {
            p += 1;
        }
        if p < b.len() && !matches!(b[p], b',' | b'\n') {
            return Err((
                span(p, p + 1),
                format!("expected `,` or a new line after the value of `{key}`"),
            ));
        }
        out.push(DataEntry {
            key,
            value,
            key_span,
            value_span,
        });
    }
    Ok(out)
}

fn unquote(s: &str) -> &str {
    for q in ['"', '\''] {
        if s.len() >= 2 && s.starts_with(q) && s.ends_with(q) {
            return &s[1..s.len() - 1];
        }
    }
    s
}

/// YAML folding of a multi-line quoted scalar: line breaks become single spaces, continuation indentation goes.
fn fold_lines(s: &str) -> String {
    if !s.contains('\n') {
        return s.to_string();
    }
    let parts: Vec<&str> = s.split('\n').map(str::trim).collect();
    parts.join(" ")
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic)]
mod tests {
    use super::*;

    fn kv(content: &str) -> Vec<(String, String)> {
        parse_mapping(content, 0)
            .unwrap()
            .into_iter()
            .map(|e| (e.key, e.value))
            .collect()
    }

    #[test]
    fn flow_and_block() {
        assert_eq!(
            kv(" shape: rounded , label: \"DD\""),
            vec![("shape".into(), "rounded".into()), ("label".into(), "DD".into())]
        );
        assert_eq!(
            kv("\n   label: |\n     This is a\n     multiline string\n   other: \"clock\"\n"),
            vec![
                ("label".into(), "This is a\nmultiline string".into()),
                ("other".into(), "clock".into())
            ]
        );
        assert_eq!(
            kv("label: \"This is a\n     multiline string\"\nshape: 'rect'"),
            vec![
                ("label".into(), "This is a multiline string".into()),
                ("shape".into(), "rect".into())
            ]
        );
        assert_eq!(kv("label : \"for E\""), vec![("label".into(), "for E".into())]);
    }

    #[test]
    fn closing_brace_skips_strings() {
        assert_eq!(find_closing_brace(" label: \"This is }\" } rest"), Some(20));
        assert_eq!(find_closing_brace(" label: \"x"), None);
        assert_eq!(find_closing_brace(" label: it's } x"), Some(13));
    }

    #[test]
    fn mapping_errors() {
        assert!(parse_mapping("shape rounded", 0).is_err());
        assert!(parse_mapping("label: \"abc", 0).is_err());
        assert!(parse_mapping("label: \"abc\" x", 0).is_err());
    }
}
