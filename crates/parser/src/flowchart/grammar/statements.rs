//! Statements other than vertices: `subgraph`, `classDef`, `class`, `style`, `linkStyle`, `click`.

use super::*;

impl G<'_> {
    /// subgraph := "subgraph" (quoted_title | id "[" title "]" | id | title_with_spaces)
    pub(super) fn subgraph<'a>(&self, start: &'a str, i: &'a str) -> PResult<'a, Stmt> {
        let keyword = self.span(start, i);
        let (j, _) = space0(i)?;
        if at_boundary(j) {
            return fail_hint(
                start,
                8,
                "expected a subgraph id or title after `subgraph`",
                "give it an id, e.g. `subgraph s1 [Title]`",
            );
        }
        if j.starts_with('"') {
            let (mut rest, mut label) = self.quoted(j)?;
            // `subgraph "Main" timeline`: mermaid.js joins the words after the string into the title.
            let (after, tail) = rest_of_statement(rest);
            if !tail.trim().is_empty() && !tail.trim_start().starts_with('[') {
                label.text.push_str(&decode_html_entities(tail.trim_end()));
                label.span.end = self.pos(rest) + tail.trim_end().len();
                rest = after;
            }
            let id = (!label.text.chars().any(char::is_whitespace)).then(|| label.text.clone());
            return Ok((
                rest,
                Stmt::Subgraph {
                    id,
                    title: Some(label),
                    keyword,
                },
            ));
        }
        let (rest, word) = take_while1(|c: char| !c.is_whitespace() && !matches!(c, '[' | ';' | '"')).parse(j)?;
        let (k, _) = space0(rest)?;
        if let Some(after) = k.strip_prefix('[') {
            let (rest, (_, label)) = self.shape_text(k, after, &[("]", NodeShape::Rect)], word)?;
            return Ok((
                rest,
                Stmt::Subgraph {
                    id: Some(word.to_string()),
                    title: Some(label),
                    keyword,
                },
            ));
        }
        let (after, tail) = rest_of_statement(rest);
        if tail.trim().is_empty() {
            return Ok((
                rest,
                Stmt::Subgraph {
                    id: Some(word.to_string()),
                    title: None,
                    keyword,
                },
            ));
        }
        let whole = self.src.get(self.pos(j)..self.pos(after)).unwrap_or("");
        let text = whole.trim_end();
        let label = Label {
            text: decode_html_entities(text),
            kind: LabelKind::Plain,
            span: Span::new(self.pos(j), self.pos(j) + text.len()),
        };
        Ok((
            after,
            Stmt::Subgraph {
                id: None,
                title: Some(label),
                keyword,
            },
        ))
    }

    /// classDef := "classDef" names styles
    pub(super) fn class_def<'a>(&self, start: &'a str, i: &'a str) -> PResult<'a, Stmt> {
        let (i, _) = space1(i)?;
        let (i, names) = take_while1(|c: char| !c.is_whitespace() && c != ';').parse(i)?;
        let (after, styles) = rest_of_statement(i);
        if styles.trim().is_empty() {
            return fail(
                after,
                1,
                format!("expected styles after `classDef {names}`, e.g. `fill:#f96`"),
            );
        }
        let names = names.split(',').filter(|n| !n.is_empty()).map(str::to_string).collect();
        Ok((
            after,
            Stmt::ClassDef {
                names,
                styles: parse_styles(styles),
                span: self.span(start, after),
            },
        ))
    }

    /// class := "class" ids class_name
    pub(super) fn class_stmt<'a>(&self, _start: &'a str, i: &'a str) -> PResult<'a, Stmt> {
        let (i, _) = space1(i)?;
        let (i, ids) = take_while1(|c: char| !c.is_whitespace() && c != ';').parse(i)?;
        let Ok((rest, class)) = preceded(
            space1::<&str, GErr>,
            take_while1(|c: char| !c.is_whitespace() && c != ';'),
        )
        .parse(i) else {
            return fail(i, 1, format!("expected a class name after `class {ids}`"));
        };
        let ids = self.id_list(ids, "class")?;
        Ok((
            rest,
            Stmt::Class {
                ids,
                class: class.to_string(),
            },
        ))
    }

    /// style := "style" id styles
    pub(super) fn style_stmt<'a>(&self, _start: &'a str, i: &'a str) -> PResult<'a, Stmt> {
        let (i, _) = space1(i)?;
        let (rest, id) = take_while1(|c: char| !c.is_whitespace() && c != ';').parse(i)?;
        self.id_list(id, "style")?;
        let id_span = self.span(i, rest);
        let (after, styles) = rest_of_statement(rest);
        if styles.trim().is_empty() {
            return fail(
                after,
                1,
                format!("expected styles after `style {id}`, e.g. `fill:#f96`"),
            );
        }
        Ok((
            after,
            Stmt::Style {
                id: id.to_string(),
                id_span,
                styles: parse_styles(styles),
            },
        ))
    }

    /// linkStyle := "linkStyle" ("default" | index ("," index)*) ("interpolate" curve)? styles?
    pub(super) fn link_style<'a>(&self, start: &'a str, i: &'a str) -> PResult<'a, Stmt> {
        let (i, _) = space1(i)?;
        let (i, indices) = if let Some(rest) = keyword(i, "default") {
            (rest, None)
        } else {
            let Ok((rest, list)) = separated_list1(char::<&str, GErr>(','), recognize(digit1)).parse(i) else {
                return fail_hint(
                    i,
                    1,
                    format!(
                        "expected `default` or edge numbers after `linkStyle`, found {}",
                        found(i)
                    ),
                    "edges are numbered from 0 in the order they are written, e.g. `linkStyle 0,2 stroke:red`",
                );
            };
            let mut out = Vec::new();
            for n in list {
                let span = Span::new(self.offset(n), self.offset(n) + n.len());
                match n.parse::<usize>() {
                    Ok(v) => out.push((v, span)),
                    Err(_) => return fail(n, n.len(), format!("linkStyle index `{n}` is too large")),
                }
            }
            (rest, Some(out))
        };
        let (i, _) = space0(i)?;
        let (i, interpolate) = match keyword(i, "interpolate") {
            Some(rest) => {
                let Ok((rest, curve)) = preceded(
                    space1::<&str, GErr>,
                    take_while1(|c: char| !c.is_whitespace() && c != ';'),
                )
                .parse(rest) else {
                    return fail(rest, 1, "expected a curve name after `interpolate`, e.g. `basis`");
                };
                (rest, Some(curve.to_string()))
            }
            None => (i, None),
        };
        let (after, styles) = rest_of_statement(i);
        Ok((
            after,
            Stmt::LinkStyle {
                indices,
                interpolate,
                styles: parse_styles(styles),
                span: self.span(start, after),
            },
        ))
    }

    /// click := "click" id ( "href"? string string? target? | "call"? name args? string? )
    pub(super) fn click<'a>(&self, start: &'a str, i: &'a str) -> PResult<'a, Stmt> {
        let (i, _) = space1(i)?;
        let (i, node) = take_while1(|c: char| !c.is_whitespace() && c != ';').parse(i)?;
        self.id_list(node, "click")?;
        let node = node.to_string();
        let Ok((i, _)) = space1::<&str, GErr>(i) else {
            return fail(i, 1, format!("expected a link or a callback after `click {node}`"));
        };
        let string = |i: &'a str| -> PResult<'a, String> {
            let (rest, label) = self.quoted(i)?;
            Ok((rest, label.text))
        };
        let target = |i: &'a str| -> PResult<'a, Option<String>> {
            let (i2, t) = opt(preceded(
                space1,
                alt((tag("_self"), tag("_blank"), tag("_parent"), tag("_top"))),
            ))
            .parse(i)?;
            Ok((i2, t.map(str::to_string)))
        };
        let tooltip = |i: &'a str| -> PResult<'a, Option<String>> {
            let j = i.trim_start_matches(is_blank);
            if j.len() < i.len() && j.starts_with('"') {
                let (rest, s) = string(j)?;
                return Ok((rest, Some(s)));
            }
            Ok((i, None))
        };
        let link = |i: &'a str| -> PResult<'a, (ClickAction, Option<String>)> {
            let (i, url) = string(i)?;
            let (i, tip) = tooltip(i)?;
            let (i, target) = target(i)?;
            Ok((i, (ClickAction::Link { url, target }, tip)))
        };
        let (rest, (action, tip)) = if let Some(r) = keyword(i, "href") {
            let (r, _) = space1(r)?;
            link(r)?
        } else if i.starts_with('"') {
            link(i)?
        } else {
            let i = keyword(i, "call")
                .and_then(|r| r.strip_prefix([' ', '\t']))
                .map_or(i, |r| r.trim_start_matches(is_blank));
            let (r, name) = take_while1(|c: char| is_word(c) || c == '.' || c == '$').parse(i)?;
            let (r, args) = if let Some(a) = r.strip_prefix('(') {
                let Some(close) = a.find([')', '\n']).filter(|&n| a[n..].starts_with(')')) else {
                    return fail(r, 1, format!("unclosed `(` after the callback `{name}`: expected `)`"));
                };
                (&a[close + 1..], Some(a[..close].trim().to_string()))
            } else {
                (r, None)
            };
            let (r, tip) = tooltip(r)?;
            (
                r,
                (
                    ClickAction::Callback {
                        name: name.to_string(),
                        args,
                    },
                    tip,
                ),
            )
        };
        Ok((
            rest,
            Stmt::Click {
                node,
                action,
                tooltip: tip,
                span: self.span(start, rest),
            },
        ))
    }
}
