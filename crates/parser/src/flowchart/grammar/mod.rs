//! Flowchart grammar rules: each `G::rule` parses one construct of the flowchart language from the
//! preprocessed text and returns a syntax item with absolute spans. Nothing here resolves ids; that is the
//! builder's job (`super::Builder`).
//!
//! Rules return [`nom::IResult`] with [`GErr`]: `Err::Error` means "not this construct" (try another),
//! `Err::Failure` is a committed error with a message for the user.
//!
//! This module holds the shared pieces and the statement dispatch; the rules live by what they read:
//! [`statements`] (subgraph, classDef, class, style, linkStyle, click), [`nodes`] (node groups, ids, shapes,
//! labels) and [`links`] (link tokens and their labels).

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

mod links;
mod nodes;
mod statements;

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
