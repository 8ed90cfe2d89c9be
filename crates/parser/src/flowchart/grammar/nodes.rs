//! Vertex statements and nodes: node groups, ids, `:::class`es, `@{ … }` data, shape brackets and labels.

use super::*;

impl G<'_> {
    /// vertex_statement := node_group (link node_group)*
    pub(super) fn vertex_statement<'a>(&self, i: &'a str) -> PResult<'a, Stmt> {
        let (mut i, first) = match self.node_group(i) {
            Err(nom::Err::Error(_)) => {
                let hint = if i.starts_with(['-', '=', '~', '<']) {
                    "a link needs a node on each side, e.g. `a --> b`"
                } else {
                    "statements are nodes and links (`a --> b`), `subgraph`, `end`, `style`, `classDef`, `class`, `linkStyle` or `click`"
                };
                return fail_hint(
                    i,
                    1,
                    format!("expected a node id or a statement, found {}", found(i)),
                    hint,
                );
            }
            other => other?,
        };
        let mut groups = vec![first];
        let mut links = Vec::new();
        loop {
            let (j, _) = multispace0(i)?;
            // A statement may continue on the next line with a link, but not with one that could be read as a
            // node id (`x--x`, `o--o`, `e1@-->`).
            if i[..i.len() - j.len()].contains('\n') && !j.starts_with(['-', '=', '~', '<', '.']) {
                break;
            }
            match self.link(j) {
                Ok((r, link)) => {
                    let (r, _) = multispace0(r)?;
                    match self.node_group(r) {
                        Ok((r2, g)) => {
                            links.push(link);
                            groups.push(g);
                            i = r2;
                        }
                        Err(nom::Err::Error(_)) => {
                            let text = self.src.get(link.span.start..link.span.end).unwrap_or("");
                            return fail(
                                r,
                                1,
                                format!("expected a node after the link `{text}`, found {}", found(r)),
                            );
                        }
                        Err(e) => return Err(e),
                    }
                }
                Err(nom::Err::Error(_)) => break,
                Err(e) => return Err(e),
            }
        }
        Ok((i, Stmt::Vertex { groups, links }))
    }

    /// node_group := node ("&" node)*
    pub(super) fn node_group<'a>(&self, i: &'a str) -> PResult<'a, Vec<NodeRef>> {
        let (mut i, first) = self.node(i)?;
        let mut out = vec![first];
        loop {
            let (j, _) = space0(i)?;
            let Some(k) = j.strip_prefix('&') else { break };
            let (k, _) = space0(k)?;
            match self.node(k) {
                Ok((r, n)) => {
                    out.push(n);
                    i = r;
                }
                Err(nom::Err::Error(_)) => return fail(k, 1, format!("expected a node after `&`, found {}", found(k))),
                Err(e) => return Err(e),
            }
        }
        Ok((i, out))
    }

    /// node := node_id shape_data? node_shape? shape_data? (":::" class)*
    pub(super) fn node<'a>(&self, start: &'a str) -> PResult<'a, NodeRef> {
        let (i, id) = self.node_id(start)?;
        if let Some(kw) = reserved_prefix(id) {
            return fail_hint(
                start,
                id.len(),
                format!("`{kw}` is a reserved word and cannot start a node id"),
                format!(
                    "capitalise it (`{}`) or use another id with a quoted label, e.g. `n[\"{id}\"]`",
                    capitalise(id)
                ),
            );
        }
        let mut i = i;
        let mut data = Vec::new();
        let mut has_data = false;
        if i.starts_with("@{") {
            let (r, d) = self.shape_data(i)?;
            data = d;
            has_data = true;
            i = r;
        }
        let (mut i, shape) = opt(|i| self.node_shape(i, id)).parse(i)?;
        if !has_data && i.starts_with("@{") {
            let (r, d) = self.shape_data(i)?;
            data = d;
            i = r;
        }
        let end = i;
        let mut classes = Vec::new();
        while let Some(r) = i.strip_prefix(":::") {
            let Ok((r, name)) = self.class_name(r) else {
                return fail(r, 1, format!("expected a class name after `:::`, found {}", found(r)));
            };
            classes.push(name.to_string());
            i = r;
        }
        let (shape, label) = match shape {
            Some((s, l)) => (Some(s), Some(l)),
            None => (None, None),
        };
        Ok((
            i,
            NodeRef {
                id: id.to_string(),
                shape,
                label,
                data,
                classes,
                span: self.span(start, end),
            },
        ))
    }

    /// class_name := (word | `-` not starting a link)+
    pub(super) fn class_name<'a>(&self, i: &'a str) -> PResult<'a, &'a str> {
        let mut end = 0;
        let mut chars = i.char_indices().peekable();
        while let Some((at, c)) = chars.next() {
            let next = chars.peek().map(|&(_, n)| n);
            if !(is_word(c) || (c == '-' && !matches!(next, Some('-' | '.' | '>')))) {
                break;
            }
            end = at + c.len_utf8();
        }
        if end == 0 {
            return soft(i);
        }
        Ok((&i[end..], &i[..end]))
    }

    /// node_id := (alphanumeric | one of `_!#$'*+.?\/` and backtick | `-` not starting a link | `=` not
    /// starting `==` | `:` not starting `:::`)+
    pub fn node_id<'a>(&self, i: &'a str) -> PResult<'a, &'a str> {
        let mut end = 0;
        let mut chars = i.char_indices().peekable();
        while let Some((at, c)) = chars.next() {
            let next = chars.peek().map(|&(_, n)| n);
            let ok = match c {
                c if c.is_alphanumeric() => true,
                '_' | '!' | '#' | '$' | '\'' | '*' | '+' | '.' | '`' | '?' | '\\' | '/' => true,
                // `odd->text]` is node `odd-` with an asymmetric shape; otherwise `->` ends the id.
                '-' => match next {
                    Some('-' | '.') => false,
                    Some('>') => rest_of_line(&i[at + 2..]).1.contains(']'),
                    _ => true,
                },
                '=' => next != Some('='),
                // mermaid.js takes `config:v1` whole as an id; only `:::` starts a class.
                ':' => !i[at..].starts_with(":::"),
                _ => false,
            };
            if !ok {
                break;
            }
            end = at + c.len_utf8();
        }
        if end == 0 {
            return soft(i);
        }
        Ok((&i[end..], &i[..end]))
    }

    /// shape_data := "@{" mapping "}"
    pub(super) fn shape_data<'a>(&self, i: &'a str) -> PResult<'a, Vec<DataEntry>> {
        let content = &i[2..];
        let Some(close) = find_closing_brace(content) else {
            return fail(i, 2, "unclosed `@{`: expected `}`");
        };
        let entries = parse_mapping(&content[..close], self.pos(content)).map_err(|(span, msg)| {
            nom::Err::Failure(GErr {
                rest: self.src.len() - span.start.min(self.src.len()),
                len: span.end.saturating_sub(span.start),
                msg,
                hint: None,
            })
        })?;
        Ok((&content[close + 1..], entries))
    }

    /// node_shape := opener text closer, for each bracket pair in [`SHAPES`].
    pub(super) fn node_shape<'a>(&self, i: &'a str, id: &str) -> PResult<'a, (NodeShape, Label)> {
        for (open, closers) in SHAPES {
            if let Some(after) = i.strip_prefix(open) {
                let (rest, (shape, label)) = self.shape_text(i, after, closers, id)?;
                return Ok((rest, (shape, label)));
            }
        }
        soft(i)
    }

    /// The label between an opening bracket (at `opener`, text starting at `i`) and one of `closers`: a
    /// `"quoted"` / ``"`markdown`"`` string, plain text without quotes or brackets (it may go on over several
    /// lines, each new line a line break, as in mermaid.js), or a quoted string followed by plain text, which
    /// mermaid.js joins into one label.
    pub(super) fn shape_text<'a>(
        &self,
        opener: &'a str,
        i: &'a str,
        closers: &[(&str, NodeShape)],
        id: &str,
    ) -> PResult<'a, (NodeShape, Label)> {
        let open_len = opener.len() - i.len();
        let (j, _) = space0(i)?;
        if !j.starts_with('"') {
            let (rest, (shape, raw)) = self.plain_label(opener, open_len, i, closers, id)?;
            let text = raw.trim();
            let start = self.pos(i) + (raw.len() - raw.trim_start().len());
            let label = Label {
                text: decode_html_entities(&trim_lines(text)),
                kind: LabelKind::Plain,
                span: Span::new(start, start + text.len()),
            };
            return Ok((rest, (shape, label)));
        }
        let (after, mut label) = self.quoted(j)?;
        let (k, _) = space0(after)?;
        for &(c, shape) in closers {
            if let Some(rest) = k.strip_prefix(c) {
                return Ok((rest, (shape, label)));
            }
        }
        let (rest, (shape, raw)) = match self.plain_label(opener, open_len, after, closers, id) {
            Ok(ok) => ok,
            Err(e) if k.is_empty() || k.starts_with('\n') => return Err(e),
            Err(_) => {
                let first_closer = closers.first().map_or("]", |c| c.0);
                return fail_hint(
                    k,
                    1,
                    format!("expected `{first_closer}` after the quoted label of `{id}`, found {}", found(k)),
                    "plain text may follow a quoted label, quotes and brackets may not; write `#quot;` for a `\"` inside it",
                );
            }
        };
        label.text.push_str(&decode_html_entities(&trim_lines(raw.trim_end())));
        label.span.end = self.pos(after) + raw.len();
        Ok((rest, (shape, label)))
    }

    /// Plain label text from `i` up to the first of `closers` (the bracket at `opener` is `open_len` long): the input after the closer, the shape and the raw
    /// text. A label never closed is reported at its first line end, where the author most likely forgot it.
    pub(super) fn plain_label<'a>(
        &self,
        opener: &'a str,
        open_len: usize,
        i: &'a str,
        closers: &[(&str, NodeShape)],
        id: &str,
    ) -> PResult<'a, (NodeShape, &'a str)> {
        let open_tok = &opener[..open_len];
        let first_closer = closers.first().map_or("]", |c| c.0);
        let mut first_line_end: Option<&'a str> = None;
        let unclosed = |at: &'a str| {
            fail_hint(
                at,
                1,
                format!(
                    "unclosed `{open_tok}`: expected `{first_closer}` to close the label of `{id}` opened at {}",
                    self.where_(opener)
                ),
                format!("close it, e.g. `{id}{open_tok}text{first_closer}`; a label may go on over several lines until its `{first_closer}`"),
            )
        };
        let mut at = i;
        loop {
            for &(c, shape) in closers {
                if let Some(rest) = at.strip_prefix(c) {
                    return Ok((rest, (shape, &i[..i.len() - at.len()])));
                }
            }
            let Some(c) = at.chars().next() else {
                return unclosed(first_line_end.unwrap_or(at));
            };
            if first_line_end.is_some() && matches!(c, '"' | '(' | ')' | '[' | ']' | '{' | '}') {
                return unclosed(first_line_end.unwrap_or(at));
            }
            match c {
                '\n' => {
                    first_line_end.get_or_insert(at);
                    at = &at[1..];
                }
                // An HTML attribute value (`<img src="…">`) may be quoted inside an unquoted label.
                '"' if i[..i.len() - at.len()].ends_with('=') => {
                    let value = &at[1..];
                    match value.find(['"', '\n']).filter(|&n| value[n..].starts_with('"')) {
                        Some(n) => at = &value[n + 1..],
                        None => return unclosed(first_line_end.unwrap_or(at)),
                    }
                }
                '"' => {
                    return fail_hint(
                        at,
                        1,
                        format!("unexpected `\"` in the unquoted label of `{id}`"),
                        format!("quote the whole label, e.g. `{id}{open_tok}\"text\"{first_closer}`, and write `#quot;` for a quote inside it"),
                    )
                }
                '(' | ')' | '[' | ']' | '{' | '}' => {
                    return fail_hint(
                        at,
                        1,
                        format!("unexpected `{c}` in the label of `{id}`: expected `{first_closer}`"),
                        format!("to use brackets in a label, quote it: `{id}{open_tok}\"text\"{first_closer}`"),
                    )
                }
                _ => at = &at[c.len_utf8()..],
            }
        }
    }

    /// string := '"' any* '"'; a ``"`markdown`"`` string gives a markdown label.
    pub(super) fn quoted<'a>(&self, i: &'a str) -> PResult<'a, Label> {
        let Some(body) = i.strip_prefix('"') else {
            return soft(i);
        };
        let Some(close) = body.find('"') else {
            return fail(
                i,
                1,
                format!(
                    "unclosed string: expected `\"` to close the string opened at {}",
                    self.where_(i)
                ),
            );
        };
        let content = &body[..close];
        let (text, kind) = match content.strip_prefix('`').and_then(|c| c.strip_suffix('`')) {
            Some(md) => (md, LabelKind::Markdown),
            None => (content, LabelKind::Plain),
        };
        let rest = &body[close + 1..];
        Ok((
            rest,
            Label {
                text: decode_html_entities(text),
                kind,
                span: self.span(i, rest),
            },
        ))
    }
}
