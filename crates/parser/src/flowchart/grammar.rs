//! Flowchart grammar rules: each `G::rule` parses one construct of the flowchart language from the
//! preprocessed text and returns a syntax item with absolute spans. Nothing here resolves ids; that is the
//! builder's job (`super::Builder`).
//!
//! Rules return [`nom::IResult`] with [`GErr`]: `Err::Error` means "not this construct" (try another),
//! `Err::Failure` is a committed error with a message for the user.

use crate::ast::{ArrowHead, ClickAction, Direction, EdgeStroke, Label, LabelKind, NodeShape, Span};
use crate::data::{find_closing_brace, parse_mapping, DataEntry};
use crate::text::{accessibility_value, decode_html_entities, found, parse_styles, rest_of_line, LINE_BREAK};
use nom::branch::alt;
use nom::bytes::complete::{tag, take_while, take_while1};
use nom::character::complete::{char, digit1, multispace0, space0, space1};
use nom::combinator::{opt, recognize};
use nom::multi::separated_list1;
use nom::sequence::preceded;
use nom::{IResult, Parser};

/// A grammar error. Positions are kept as "bytes left in the input" so that nom's own errors (which only see
/// the remaining input) and ours share one representation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct GErr {
    pub rest: usize,
    pub len: usize,
    pub msg: String,
    pub hint: Option<String>,
}

impl<'a> nom::error::ParseError<&'a str> for GErr {
    fn from_error_kind(input: &'a str, _kind: nom::error::ErrorKind) -> Self {
        GErr {
            rest: input.len(),
            len: 0,
            msg: String::new(),
            hint: None,
        }
    }

    fn append(_input: &'a str, _kind: nom::error::ErrorKind, other: Self) -> Self {
        other
    }
}

pub(super) type PResult<'a, T> = IResult<&'a str, T, GErr>;

/// A committed failure at `at` (covering `len` bytes).
pub(super) fn fail<T>(at: &str, len: usize, msg: impl Into<String>) -> PResult<'_, T> {
    Err(nom::Err::Failure(GErr {
        rest: at.len(),
        len,
        msg: msg.into(),
        hint: None,
    }))
}

pub(super) fn fail_hint<'a, T>(
    at: &'a str,
    len: usize,
    msg: impl Into<String>,
    hint: impl Into<String>,
) -> PResult<'a, T> {
    Err(nom::Err::Failure(GErr {
        rest: at.len(),
        len,
        msg: msg.into(),
        hint: Some(hint.into()),
    }))
}

/// "Not this construct".
fn soft<T>(at: &str) -> PResult<'_, T> {
    Err(nom::Err::Error(GErr {
        rest: at.len(),
        len: 0,
        msg: String::new(),
        hint: None,
    }))
}

/// A mention of a node: `id`, optionally with shape brackets, `@{ … }` data and `:::class`es.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct NodeRef {
    pub id: String,
    pub shape: Option<NodeShape>,
    pub label: Option<Label>,
    pub data: Vec<DataEntry>,
    pub classes: Vec<String>,
    /// The id and its brackets / data.
    pub span: Span,
}

/// One link token with its label: `-->`, `-- text -->`, `e1@==>|x|`.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct LinkTok {
    pub id: Option<String>,
    pub stroke: EdgeStroke,
    pub start: ArrowHead,
    pub end: ArrowHead,
    pub len: u32,
    pub label: Option<Label>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub(super) enum Stmt {
    /// `a & b --> c -- x --> d`: groups of nodes joined by links (`links.len() == groups.len() - 1`).
    Vertex {
        groups: Vec<Vec<NodeRef>>,
        links: Vec<LinkTok>,
    },
    Subgraph {
        id: Option<String>,
        title: Option<Label>,
        keyword: Span,
    },
    End {
        keyword: Span,
    },
    Direction {
        dir: Direction,
        span: Span,
    },
    ClassDef {
        names: Vec<String>,
        styles: Vec<(String, String)>,
        span: Span,
    },
    Class {
        ids: Vec<String>,
        class: String,
    },
    Style {
        id: String,
        id_span: Span,
        styles: Vec<(String, String)>,
    },
    LinkStyle {
        indices: Option<Vec<(usize, Span)>>,
        interpolate: Option<String>,
        styles: Vec<(String, String)>,
        span: Span,
    },
    Click {
        node: String,
        action: ClickAction,
        tooltip: Option<String>,
        span: Span,
    },
    AccTitle(String),
    AccDescr(String),
}

/// Words that start a statement or cannot start a node id.
const RESERVED: &[&str] = &[
    "end",
    "subgraph",
    "graph",
    "flowchart",
    "style",
    "classDef",
    "class",
    "linkStyle",
    "interpolate",
    "click",
    "_self",
    "_blank",
    "_parent",
    "_top",
];

/// Closing delimiters per opening one, longest openers first.
const SHAPES: &[(&str, &[(&str, NodeShape)])] = &[
    ("(((", &[(")))", NodeShape::DoubleCircle)]),
    ("((", &[("))", NodeShape::Circle)]),
    ("([", &[("])", NodeShape::Stadium)]),
    ("(-", &[("-)", NodeShape::Ellipse)]),
    ("(", &[(")", NodeShape::Rounded)]),
    ("[[", &[("]]", NodeShape::Subroutine)]),
    ("[(", &[(")]", NodeShape::Cylinder)]),
    ("[/", &[("/]", NodeShape::LeanRight), ("\\]", NodeShape::Trapezoid)]),
    ("[\\", &[("\\]", NodeShape::LeanLeft), ("/]", NodeShape::InvTrapezoid)]),
    ("[", &[("]", NodeShape::Rect)]),
    ("{{", &[("}}", NodeShape::Hexagon)]),
    ("{", &[("}", NodeShape::Diamond)]),
    (">", &[("]", NodeShape::Asymmetric)]),
];

fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

fn is_blank(c: char) -> bool {
    c == ' ' || c == '\t'
}

/// At a statement boundary: end of input, new line or `;`.
fn at_boundary(i: &str) -> bool {
    i.is_empty() || i.starts_with(['\n', ';'])
}

/// The text up to the end of the statement (`;` or new line), and what follows.
fn rest_of_statement(i: &str) -> (&str, &str) {
    let n = i.find(['\n', ';']).unwrap_or(i.len());
    (&i[n..], &i[..n])
}

/// If `i` starts with keyword `kw` as a whole word, the input after it.
fn keyword<'a>(i: &'a str, kw: &str) -> Option<&'a str> {
    let rest = i.strip_prefix(kw)?;
    match rest.chars().next() {
        Some(c) if is_word(c) => None,
        _ => Some(rest),
    }
}

/// The reserved word `id` starts with, if any (`end`, `end.x`, `end-x`, but not `endpoint`).
pub(super) fn reserved_prefix(id: &str) -> Option<&'static str> {
    RESERVED.iter().copied().find(|kw| keyword(id, kw).is_some())
}

fn parse_direction(tok: &str) -> Option<Direction> {
    Some(match tok {
        "TB" | "TD" | "v" => Direction::TopBottom,
        "BT" | "^" => Direction::BottomTop,
        "LR" | ">" => Direction::LeftRight,
        "RL" | "<" => Direction::RightLeft,
        _ => return None,
    })
}

/// The grammar, over the whole preprocessed text `src` (needed to turn slices back into offsets).
#[derive(Clone, Copy)]
pub(super) struct G<'s> {
    pub src: &'s str,
}

impl<'s> G<'s> {
    fn pos(&self, i: &str) -> usize {
        self.src.len() - i.len()
    }

    /// Offset of any slice of `src` (not only suffixes).
    fn offset(&self, s: &str) -> usize {
        (s.as_ptr() as usize)
            .saturating_sub(self.src.as_ptr() as usize)
            .min(self.src.len())
    }

    /// Check that `list` (a slice of `src`) is node ids separated by `,`, and split it.
    fn id_list(&self, list: &str, what: &str) -> Result<Vec<String>, nom::Err<GErr>> {
        let mut out = Vec::new();
        let several = what == "class";
        let parts: Vec<&str> = if several { list.split(',').collect() } else { vec![list] };
        for part in parts {
            let ok = matches!(self.node_id(part), Ok((rest, _)) if rest.is_empty());
            if !ok {
                let at = self.src.get(self.offset(part)..).unwrap_or("");
                return fail::<()>(
                    at,
                    part.len().max(1),
                    if several {
                        format!("expected node ids separated by `,` after `{what}`, found {}", found(at))
                    } else {
                        format!("expected a node id after `{what}`, found {}", found(at))
                    },
                )
                .map(|_| Vec::new());
            }
            out.push(part.to_string());
        }
        Ok(out)
    }

    fn span(&self, from: &str, to: &str) -> Span {
        Span::new(self.pos(from), self.pos(to))
    }

    /// `line L, column C` of a position, for "opened at" messages.
    fn where_(&self, i: &str) -> String {
        let pos = self.pos(i);
        let before = self.src.get(..pos).unwrap_or("");
        let line = before.matches('\n').count() + 1;
        let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        format!("line {line}, column {col}")
    }

    /// header := ("flowchart-elk" | "flowchart" | "graph") direction?
    pub fn header<'a>(&self, i: &'a str) -> PResult<'a, Direction> {
        let (i, _) = alt((tag("flowchart-elk"), tag("flowchart"), tag("graph"))).parse(i)?;
        let (j, _) = space0(i)?;
        let (rest, tok) = take_while(|c: char| !c.is_whitespace() && c != ';').parse(j)?;
        if tok.is_empty() {
            return Ok((j, Direction::TopBottom));
        }
        match parse_direction(tok) {
            Some(d) => Ok((rest, d)),
            None => fail_hint(
                j,
                tok.len(),
                format!("unknown direction `{tok}`: expected one of TB, TD, BT, RL, LR"),
                "put statements on the next line or after `;`, e.g. `flowchart LR; a --> b`",
            ),
        }
    }

    /// Skip new lines, `;`, blanks and `%%` comments between statements.
    pub fn skip_separators<'a>(&self, mut i: &'a str) -> &'a str {
        loop {
            i = i.trim_start_matches(|c: char| c.is_whitespace() || c == ';');
            if i.starts_with("%%") {
                i = rest_of_line(i).0;
            } else {
                return i;
            }
        }
    }

    /// After a statement: blanks, then `;`, a new line, a `%%` comment or the end.
    pub fn statement_end<'a>(&self, after_stmt: &'a str) -> PResult<'a, ()> {
        let (i, blanks) = space0(after_stmt)?;
        if at_boundary(i) || i.starts_with("%%") {
            return Ok((i, ()));
        }
        let what = found(i);
        let msg = format!("expected a link, `&`, `;` or a new line, found {what}");
        if i.starts_with("->") || i.starts_with("- ") {
            return fail_hint(
                i,
                2,
                msg,
                "did you mean `-->`? Flowchart links need at least two dashes",
            );
        }
        if i.starts_with("=>") {
            return fail_hint(i, 2, msg, "did you mean `==>`?");
        }
        if !blanks.is_empty() && i.starts_with(['[', '(', '{']) {
            return fail_hint(
                i,
                1,
                msg,
                "remove the space between the node id and its shape, e.g. `a[text]`",
            );
        }
        if !blanks.is_empty() && i.starts_with(|c: char| is_word(c)) {
            return fail_hint(
                i,
                1,
                msg,
                "two nodes need a link between them (`a --> b`), or put each on its own line",
            );
        }
        fail(i, 1, msg)
    }

    /// statement := subgraph | end | direction | classDef | class | style | linkStyle | click | accTitle | accDescr
    ///            | vertex_statement
    pub fn statement<'a>(&self, i: &'a str) -> PResult<'a, Stmt> {
        if let Some(rest) =
            keyword(i, "subgraph").filter(|r| r.is_empty() || r.starts_with(char::is_whitespace) || r.starts_with(';'))
        {
            return self.subgraph(i, rest);
        }
        if let Some(rest) =
            keyword(i, "end").filter(|r| r.is_empty() || r.starts_with(char::is_whitespace) || r.starts_with(';'))
        {
            return Ok((
                rest,
                Stmt::End {
                    keyword: self.span(i, rest),
                },
            ));
        }
        if let Some(rest) = keyword(i, "direction") {
            if let Ok((tok_at, _)) = space1::<&str, GErr>(rest) {
                let (j, tok) = take_while(|c: char| !c.is_whitespace() && c != ';').parse(tok_at)?;
                if let Some(dir) = parse_direction(tok) {
                    return Ok((
                        j,
                        Stmt::Direction {
                            dir,
                            span: self.span(i, j),
                        },
                    ));
                }
                if !tok.is_empty() && tok.chars().all(char::is_alphanumeric) {
                    return fail(
                        tok_at,
                        tok.len(),
                        format!("unknown direction `{tok}`: expected one of TB, TD, BT, RL, LR"),
                    );
                }
            }
        }
        for (kw, rule) in [
            (
                "classDef",
                Self::class_def as fn(&Self, &'a str, &'a str) -> PResult<'a, Stmt>,
            ),
            ("class", Self::class_stmt),
            ("style", Self::style_stmt),
            ("linkStyle", Self::link_style),
            ("click", Self::click),
        ] {
            if let Some(rest) = keyword(i, kw) {
                if rest.starts_with(is_blank) {
                    return rule(self, i, rest);
                }
                if at_boundary(rest) {
                    return fail(rest, 1, format!("expected arguments after `{kw}`"));
                }
            }
        }
        for kw in ["accTitle", "accDescr"] {
            if let Some(after) = keyword(i, kw) {
                match accessibility_value(after, kw == "accDescr") {
                    Some(Ok((rest, text))) if kw == "accTitle" => return Ok((rest, Stmt::AccTitle(text))),
                    Some(Ok((rest, text))) => return Ok((rest, Stmt::AccDescr(text))),
                    Some(Err(at)) => return fail(at, 1, "unclosed `accDescr {`: expected `}`"),
                    None => {}
                }
            }
        }
        self.vertex_statement(i)
    }

    /// subgraph := "subgraph" (quoted_title | id "[" title "]" | id | title_with_spaces)
    fn subgraph<'a>(&self, start: &'a str, i: &'a str) -> PResult<'a, Stmt> {
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
    fn class_def<'a>(&self, start: &'a str, i: &'a str) -> PResult<'a, Stmt> {
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
    fn class_stmt<'a>(&self, _start: &'a str, i: &'a str) -> PResult<'a, Stmt> {
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
    fn style_stmt<'a>(&self, _start: &'a str, i: &'a str) -> PResult<'a, Stmt> {
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
    fn link_style<'a>(&self, start: &'a str, i: &'a str) -> PResult<'a, Stmt> {
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
    fn click<'a>(&self, start: &'a str, i: &'a str) -> PResult<'a, Stmt> {
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

    /// vertex_statement := node_group (link node_group)*
    fn vertex_statement<'a>(&self, i: &'a str) -> PResult<'a, Stmt> {
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
    fn node_group<'a>(&self, i: &'a str) -> PResult<'a, Vec<NodeRef>> {
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
    fn node<'a>(&self, start: &'a str) -> PResult<'a, NodeRef> {
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
    fn class_name<'a>(&self, i: &'a str) -> PResult<'a, &'a str> {
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
    fn shape_data<'a>(&self, i: &'a str) -> PResult<'a, Vec<DataEntry>> {
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
    fn node_shape<'a>(&self, i: &'a str, id: &str) -> PResult<'a, (NodeShape, Label)> {
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
    fn shape_text<'a>(
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
    fn plain_label<'a>(
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
    fn quoted<'a>(&self, i: &'a str) -> PResult<'a, Label> {
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
    fn edge_id<'a>(&self, i: &'a str) -> PResult<'a, String> {
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
    fn pipe_label<'a>(&self, i: &'a str) -> PResult<'a, Label> {
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
    fn inline_link<'a>(
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

/// A plain label continued over several lines: mermaid.js breaks the line there (each new line becomes a
/// `<br>`) and HTML drops the indentation around it.
fn trim_lines(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains('\n') {
        return text.into();
    }
    let lines: Vec<&str> = text.split('\n').map(str::trim).collect();
    lines.join(LINE_BREAK.encode_utf8(&mut [0; 4])).into()
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}
