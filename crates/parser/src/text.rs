//! Text helpers shared by the grammars: entity codes, style lists.

/// A short excerpt of what was found, for messages.
pub(crate) fn found(i: &str) -> String {
    if i.is_empty() {
        return "the end of the diagram".to_string();
    }
    if i.starts_with('\n') {
        return "the end of the line".to_string();
    }
    let tok: String = i.chars().take_while(|c| !c.is_whitespace()).take(12).collect();
    if tok.is_empty() {
        "whitespace".to_string()
    } else {
        format!("`{tok}`")
    }
}

/// The text up to the end of the line, and what follows.
pub(crate) fn rest_of_line(i: &str) -> (&str, &str) {
    let n = i.find('\n').unwrap_or(i.len());
    (&i[n..], &i[..n])
}

/// The value of an accessibility statement after its keyword: `: text` to the end of the line, or (for
/// `accDescr`, when `braces` is set) `{ … }` over several lines with blank lines dropped. Gives what follows
/// and the text; `None` when neither form follows; `Err(at)` for a `{` never closed, `at` starting at the `{`.
pub(crate) fn accessibility_value(after_keyword: &str, braces: bool) -> Option<Result<(&str, String), &str>> {
    let j = after_keyword.trim_start_matches([' ', '\t']);
    if let Some(value) = j.strip_prefix(':') {
        let n = value.find('\n').unwrap_or(value.len());
        return Some(Ok((&value[n..], value[..n].trim().to_string())));
    }
    let body = j.strip_prefix('{').filter(|_| braces)?;
    let Some(close) = body.find('}') else {
        return Some(Err(j));
    };
    let lines: Vec<&str> = body[..close].lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    Some(Ok((&body[close + 1..], lines.join("\n"))))
}

/// Where a label breaks its line: what a `<br>` tag (any case, with or without `/`) in the source becomes.
/// Marking breaks before entity codes are decoded keeps `#lt;br#gt;` as the visible text `<br>`.
pub const LINE_BREAK: char = '\u{2028}';

/// Replace `<br>` tags with [`LINE_BREAK`]; other `<…>` text is kept as written.
fn mark_line_breaks(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(pos) = rest.find('<') {
        out.push_str(&rest[..pos]);
        let after = &rest[pos..];
        let tag = after.find('>').map(|end| (end, &after[1..end]));
        match tag {
            Some((end, inner))
                if inner
                    .chars()
                    .filter(|c| !c.is_whitespace() && *c != '/')
                    .collect::<String>()
                    .eq_ignore_ascii_case("br") =>
            {
                out.push(LINE_BREAK);
                rest = &after[end + 1..];
            }
            _ => {
                out.push('<');
                rest = &after[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Decode Mermaid entity codes: `#quot;`, `#lt;`, `#35;` (decimal), `#x23;` (hex), after marking `<br>` tags as
/// [`LINE_BREAK`]. Unknown names are kept as written.
pub(crate) fn decode_entities(s: &str) -> String {
    decode(s, false)
}

/// As [`decode_entities`], for labels whose text is HTML (flowchart): a code that gives `<`, `>` or `&` becomes
/// the HTML entity (`&lt;`), so `#lt;b#gt;` shows as the text `<b>` rather than making a tag, as in mermaid.
pub(crate) fn decode_html_entities(s: &str) -> String {
    decode(s, true)
}

fn decode(s: &str, html: bool) -> String {
    let marked;
    let s = if s.contains('<') {
        marked = mark_line_breaks(s);
        marked.as_str()
    } else {
        s
    };
    if !s.contains('#') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(hash) = rest.find('#') {
        out.push_str(&rest[..hash]);
        let after = &rest[hash + 1..];
        let code_len = after
            .char_indices()
            .take(33)
            .find(|&(_, c)| !c.is_ascii_alphanumeric())
            .filter(|&(_, c)| c == ';')
            .map(|(i, _)| i);
        if let Some(len) = code_len.filter(|&l| l > 0) {
            if let Some(c) = decode_one(&after[..len]) {
                match c {
                    '<' if html => out.push_str("&lt;"),
                    '>' if html => out.push_str("&gt;"),
                    '&' if html => out.push_str("&amp;"),
                    _ => out.push(c),
                }
                rest = &after[len + 1..];
                continue;
            }
        }
        out.push('#');
        rest = after;
    }
    out.push_str(rest);
    out
}

fn decode_one(code: &str) -> Option<char> {
    if let Some(hex) = code.strip_prefix('x').or_else(|| code.strip_prefix('X')) {
        if !hex.is_empty() && hex.chars().all(|c| c.is_ascii_hexdigit()) {
            return u32::from_str_radix(hex, 16).ok().and_then(char::from_u32);
        }
    }
    if code.chars().all(|c| c.is_ascii_digit()) {
        return code.parse::<u32>().ok().and_then(char::from_u32);
    }
    let c = match code {
        "quot" => '"',
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "num" => '#',
        "semi" => ';',
        "colon" => ':',
        "comma" => ',',
        "lpar" => '(',
        "rpar" => ')',
        "lsqb" | "lbrack" => '[',
        "rsqb" | "rbrack" => ']',
        "lcub" | "lbrace" => '{',
        "rcub" | "rbrace" => '}',
        "verbar" | "vert" => '|',
        "copy" => '©',
        "reg" => '®',
        "trade" => '™',
        "deg" => '°',
        "plusmn" => '±',
        "times" => '×',
        "divide" => '÷',
        "middot" => '·',
        "bull" => '•',
        "hellip" => '…',
        "ndash" => '–',
        "mdash" => '—',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "laquo" => '«',
        "raquo" => '»',
        "euro" => '€',
        "pound" => '£',
        "yen" => '¥',
        "cent" => '¢',
        "sect" => '§',
        "para" => '¶',
        "larr" => '←',
        "rarr" => '→',
        "uarr" => '↑',
        "darr" => '↓',
        "harr" => '↔',
        "hearts" => '♥',
        "check" => '✓',
        "infin" => '∞',
        "ne" => '≠',
        "le" => '≤',
        "ge" => '≥',
        _ => return None,
    };
    Some(c)
}

/// Split a CSS-ish list `fill:#f9f,stroke:#333` into `(property, value)` pairs. `\,` is an escaped comma; a piece
/// without `:` continues the previous value (`stroke-dasharray: 9,5`).
pub(crate) fn parse_styles(s: &str) -> Vec<(String, String)> {
    let mut pieces = Vec::new();
    let mut cur = String::new();
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.peek() == Some(&',') => {
                cur.push(',');
                chars.next();
            }
            ',' => pieces.push(std::mem::take(&mut cur)),
            _ => cur.push(c),
        }
    }
    pieces.push(cur);
    let mut out: Vec<(String, String)> = Vec::new();
    for piece in pieces {
        let piece = piece.trim();
        if piece.is_empty() {
            continue;
        }
        match piece.split_once(':') {
            Some((k, v)) => out.push((k.trim().to_string(), v.trim().to_string())),
            None => match out.last_mut() {
                Some(last) => {
                    last.1.push(',');
                    last.1.push_str(piece);
                }
                None => out.push((piece.to_string(), String::new())),
            },
        }
    }
    out
}

/// Levenshtein distance, for "did you mean" hints.
pub(crate) fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, &cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != cb);
            cur[j + 1] = sub.min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic)]
mod tests {
    use super::*;

    #[test]
    fn entities() {
        assert_eq!(decode_entities("A double quote:#quot;"), "A double quote:\"");
        assert_eq!(decode_entities("5 #lt; 6 #35; #9829;"), "5 < 6 # ♥");
        assert_eq!(decode_entities("#x41;#unknown; #fff #"), "A#unknown; #fff #");
        assert_eq!(decode_entities("no entities"), "no entities");
        assert_eq!(decode_html_entities("#lt;b#gt; #amp; #35;"), "&lt;b&gt; &amp; #");
        assert_eq!(decode_entities("#99999999999;"), "#99999999999;");
    }

    #[test]
    fn br_tags_become_line_breaks_but_encoded_ones_stay_text() {
        assert_eq!(decode_entities("a<br>b<BR/>c<br />d"), "a\u{2028}b\u{2028}c\u{2028}d");
        assert_eq!(decode_entities("using #lt;br#gt; here"), "using <br> here");
        assert_eq!(decode_entities("a < b <b>x</b>"), "a < b <b>x</b>");
        assert_eq!(decode_entities("x<br"), "x<br");
    }

    #[test]
    fn styles() {
        assert_eq!(
            parse_styles("fill:#f9f, stroke : #333,stroke-dasharray: 5 5"),
            vec![
                ("fill".into(), "#f9f".into()),
                ("stroke".into(), "#333".into()),
                ("stroke-dasharray".into(), "5 5".into())
            ]
        );
        assert_eq!(
            parse_styles("stroke-dasharray: 9,5,font-family:a\\,b"),
            vec![
                ("stroke-dasharray".into(), "9,5".into()),
                ("font-family".into(), "a,b".into())
            ]
        );
    }

    #[test]
    fn distance() {
        assert_eq!(edit_distance("cyl", "cyl"), 0);
        assert_eq!(edit_distance("rectt", "rect"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
    }
}
