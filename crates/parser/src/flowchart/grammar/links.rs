//! Links: the link token (`-->`, `-. text .->`, `e1@==>`) and its `|label|`.

use super::*;

impl G<'_> {
    /// link := (edge_id "@")? (full_link pipe_label? | inline_link)
    pub fn link<'a>(&self, start: &'a str) -> PResult<'a, LinkTok> {
        let (i, id) = match self.edge_id(start) {
            Ok((r, id)) => (r, Some(id)),
            Err(_) => (start, None),
        };
        let b = i.as_bytes();
        let head = |c: Option<&u8>| match c {
            Some(b'>') => Some(ArrowHead::Arrow),
            Some(b'x') => Some(ArrowHead::Cross),
            Some(b'o') => Some(ArrowHead::Circle),
            _ => None,
        };
        let (start_head, p) = match b.first() {
            Some(b'<') => (ArrowHead::Arrow, 1),
            Some(b'x') => (ArrowHead::Cross, 1),
            Some(b'o') => (ArrowHead::Circle, 1),
            _ => (ArrowHead::None, 0),
        };
        let run = |from: usize, ch: u8| b.iter().skip(from).take_while(|&&c| c == ch).count();
        let link_len = |n: usize| u32::try_from(n.clamp(1, 10)).unwrap_or(10);
        // (stroke, end head, min_len, bytes used) of a full link, or the stroke of an inline label opener.
        enum Tok {
            Full(EdgeStroke, ArrowHead, u32, usize),
            Inline(EdgeStroke, usize),
        }
        let tok = match b.get(p) {
            Some(b'~') if start_head == ArrowHead::None => {
                let n = run(p, b'~');
                if n < 3 {
                    return soft(start);
                }
                Tok::Full(EdgeStroke::Invisible, ArrowHead::None, link_len(n - 2), p + n)
            }
            Some(&c @ (b'=' | b'-')) if !(c == b'-' && b.get(p + 1) == Some(&b'.')) => {
                let stroke = if c == b'=' {
                    EdgeStroke::Thick
                } else {
                    EdgeStroke::Normal
                };
                let n = run(p, c);
                match head(b.get(p + n)) {
                    Some(h) if n >= 2 => Tok::Full(stroke, h, link_len(n - 1), p + n + 1),
                    _ if n >= 3 => Tok::Full(stroke, ArrowHead::None, link_len(n - 2), p + n),
                    _ if n == 2 => Tok::Inline(stroke, p + 2),
                    _ => return soft(start),
                }
            }
            Some(b'.') => {
                let k = run(p, b'.');
                if b.get(p + k) != Some(&b'-') {
                    return soft(start);
                }
                let end = head(b.get(p + k + 1));
                let used = p + k + 1 + usize::from(end.is_some());
                Tok::Full(EdgeStroke::Dotted, end.unwrap_or(ArrowHead::None), link_len(k), used)
            }
            Some(b'-') => {
                let k = run(p + 1, b'.');
                if b.get(p + 1 + k) == Some(&b'-') {
                    let end = head(b.get(p + k + 2));
                    let used = p + k + 2 + usize::from(end.is_some());
                    Tok::Full(EdgeStroke::Dotted, end.unwrap_or(ArrowHead::None), link_len(k), used)
                } else if k == 1 {
                    Tok::Inline(EdgeStroke::Dotted, p + 2)
                } else {
                    return soft(start);
                }
            }
            _ => return soft(start),
        };
        match tok {
            Tok::Full(stroke, end, len, used) => {
                let after = &i[used..];
                let (j, _) = space0(after)?;
                let (rest, label) = if j.starts_with('|') {
                    let (r, l) = self.pipe_label(j)?;
                    (r, Some(l))
                } else {
                    (after, None)
                };
                Ok((
                    rest,
                    LinkTok {
                        id,
                        stroke,
                        start: start_head,
                        end,
                        len,
                        label,
                        span: self.span(start, rest),
                    },
                ))
            }
            Tok::Inline(stroke, used) => self.inline_link(start, &i[used..], id, stroke, start_head),
        }
    }

    /// edge_id := [A-Za-z0-9_-]+ "@" (directly before a link)
    pub(super) fn edge_id<'a>(&self, i: &'a str) -> PResult<'a, String> {
        let (r, id) = take_while1(|c: char| is_word(c) || c == '-').parse(i)?;
        let Some(r) = r.strip_prefix('@') else {
            return soft(i);
        };
        if !r.starts_with(['-', '=', '~', '<', 'o', 'x']) {
            return soft(i);
        }
        Ok((r, id.to_string()))
    }

    /// pipe_label := "|" (string | text) "|"
    pub(super) fn pipe_label<'a>(&self, i: &'a str) -> PResult<'a, Label> {
        let body = &i[1..];
        let unclosed = |at: &'a str| {
            fail(
                at,
                1,
                format!(
                    "unclosed `|`: expected `|` to close the link label opened at {}",
                    self.where_(i)
                ),
            )
        };
        let (j, _) = space0(body)?;
        if j.starts_with('"') {
            let (after, label) = self.quoted(j)?;
            let (k, _) = space0(after)?;
            return match k.strip_prefix('|') {
                Some(rest) => Ok((rest, label)),
                None if k.is_empty() || k.starts_with('\n') => unclosed(k),
                None => fail_hint(
                    k,
                    1,
                    format!("expected `|` after the quoted link label, found {}", found(k)),
                    "a quoted label must be the whole label; write `#quot;` for a `\"` inside it",
                ),
            };
        }
        let Some(close) = body.find(['|', '\n']).filter(|&n| body[n..].starts_with('|')) else {
            let at = &body[body.find('\n').unwrap_or(body.len())..];
            return unclosed(at);
        };
        let raw = &body[..close];
        let text = raw.trim();
        let start = self.pos(body) + (raw.len() - raw.trim_start().len());
        let label = Label {
            text: decode_html_entities(text),
            kind: LabelKind::Plain,
            span: Span::new(start, start + text.len()),
        };
        Ok((&body[close + 1..], label))
    }

    /// inline_link := opener text closer, e.g. `-- text -->`, `== text ==>`, `-. text .->`
    pub(super) fn inline_link<'a>(
        &self,
        start: &'a str,
        i: &'a str,
        id: Option<String>,
        stroke: EdgeStroke,
        start_head: ArrowHead,
    ) -> PResult<'a, LinkTok> {
        let opener = self
            .src
            .get(self.pos(start)..self.pos(i))
            .unwrap_or("--")
            .trim_start_matches(|c: char| c != '-' && c != '=' && c != '<' && c != 'o' && c != 'x');
        let closer_example = match stroke {
            EdgeStroke::Thick => "==>",
            EdgeStroke::Dotted => ".->",
            _ => "-->",
        };
        let full_example = match stroke {
            EdgeStroke::Thick => "==>",
            EdgeStroke::Dotted => "-.->",
            _ => "-->",
        };
        let unclosed = |at: &'a str| {
            fail_hint(
                at,
                1,
                format!(
                    "expected `{closer_example}` to end the link label started by `{opener}` at {}",
                    self.where_(start)
                ),
                format!("write the label as `{opener} text {closer_example}` or `{full_example}|text|`"),
            )
        };
        // Find where the label text ends and the closing token starts.
        let (j, _) = space0(i)?;
        let (label, closer) = if j.starts_with('"') {
            let (after, label) = self.quoted(j)?;
            let (k, _) = space0(after)?;
            (label, k)
        } else {
            let mut at = i;
            loop {
                if at.is_empty() || at.starts_with('\n') {
                    return unclosed(at);
                }
                let hit = match stroke {
                    EdgeStroke::Thick => at.starts_with("=="),
                    EdgeStroke::Dotted => at.starts_with('.') && at.trim_start_matches('.').starts_with('-'),
                    _ => at.starts_with("--"),
                };
                if hit {
                    break;
                }
                let c = at.chars().next().map_or(1, char::len_utf8);
                at = &at[c..];
            }
            let raw = &i[..i.len() - at.len()];
            let text = raw.trim();
            let s = self.pos(i) + (raw.len() - raw.trim_start().len());
            let label = Label {
                text: decode_html_entities(&trim_lines(text)),
                kind: LabelKind::Plain,
                span: Span::new(s, s + text.len()),
            };
            (label, at)
        };
        let b = closer.as_bytes();
        let head = |c: Option<&u8>| match c {
            Some(b'>') => Some(ArrowHead::Arrow),
            Some(b'x') => Some(ArrowHead::Cross),
            Some(b'o') => Some(ArrowHead::Circle),
            _ => None,
        };
        let link_len = |n: usize| u32::try_from(n.clamp(1, 10)).unwrap_or(10);
        let (end, len, used) = match stroke {
            EdgeStroke::Dotted => {
                let k = b.iter().take_while(|&&c| c == b'.').count();
                if b.get(k) != Some(&b'-') {
                    return unclosed(closer);
                }
                let h = head(b.get(k + 1));
                (
                    h.unwrap_or(ArrowHead::None),
                    link_len(k),
                    k + 1 + usize::from(h.is_some()),
                )
            }
            _ => {
                let ch = if stroke == EdgeStroke::Thick { b'=' } else { b'-' };
                let n = b.iter().take_while(|&&c| c == ch).count();
                match head(b.get(n)) {
                    Some(h) if n >= 2 => (h, link_len(n - 1), n + 1),
                    _ if n >= 3 => (ArrowHead::None, link_len(n - 2), n),
                    _ => return unclosed(closer),
                }
            }
        };
        let rest = &closer[used..];
        let label = (!label.text.is_empty() || label.kind == LabelKind::Markdown).then_some(label);
        Ok((
            rest,
            LinkTok {
                id,
                stroke,
                start: start_head,
                end,
                len,
                label,
                span: self.span(start, rest),
            },
        ))
    }
}
