//! ER grammar rules: each `G::rule` reads one construct of the `erDiagram` language from the preprocessed text
//! and returns it with absolute spans. Entity names are resolved by the builder (`super::Builder`).
//!
//! Statements are line based: one per line, except attribute blocks (`NAME { … }`), which may span lines.
//! Every rule returns the input left after it, or a [`GErr`] with a message for the user.

use crate::ast::{
    Attribute, AttributeKey, Cardinality, Direction, Identification, Label, LabelKind, Relationship, Span,
};
use crate::text::{accessibility_value, decode_entities, found, parse_styles, rest_of_line, LINE_BREAK};
use nom::bytes::complete::{tag_no_case, take_while, take_while1};
use nom::Parser;

/// A grammar error. The position is kept as "bytes left in the input" (`rest`), covering `len` bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct GErr {
    pub rest: usize,
    pub len: usize,
    pub msg: String,
    pub hint: Option<String>,
}

pub(super) type PResult<'a, T> = Result<(&'a str, T), GErr>;

fn fail<T>(at: &str, len: usize, msg: impl Into<String>) -> PResult<'_, T> {
    Err(GErr {
        rest: at.len(),
        len,
        msg: msg.into(),
        hint: None,
    })
}

fn fail_hint<'a, T>(at: &'a str, len: usize, msg: impl Into<String>, hint: impl Into<String>) -> PResult<'a, T> {
    Err(GErr {
        rest: at.len(),
        len,
        msg: msg.into(),
        hint: Some(hint.into()),
    })
}

/// Every cardinality, as the hint of a wrong one shows them.
pub(super) const CARDINALITY_HINT: &str = "valid cardinalities are the symbols `|o` / `o|` (zero or one), `||` \
     (exactly one), `}o` / `o{` (zero or more), `}|` / `|{` (one or more) and `u` (parent), or the words `zero or \
     one`, `one or zero`, `only one`, `one`, `1`, `zero or more`, `zero or many`, `many`, `many(0)`, `0+`, `one or \
     more`, `one or many`, `many(1)`, `1+`";

/// Word forms of cardinalities, longest first so that `one or more` wins over `one`.
const CARDINALITY_WORDS: &[(&str, Cardinality)] = &[
    ("zero or many", Cardinality::ZeroOrMore),
    ("zero or more", Cardinality::ZeroOrMore),
    ("zero or one", Cardinality::ZeroOrOne),
    ("one or zero", Cardinality::ZeroOrOne),
    ("one or more", Cardinality::OneOrMore),
    ("one or many", Cardinality::OneOrMore),
    ("only one", Cardinality::OnlyOne),
    ("many(0)", Cardinality::ZeroOrMore),
    ("many(1)", Cardinality::OneOrMore),
    ("many", Cardinality::ZeroOrMore),
    ("one", Cardinality::OnlyOne),
    ("1+", Cardinality::OneOrMore),
    ("0+", Cardinality::ZeroOrMore),
];

const CARDINALITY_SYMBOLS: &[(&str, Cardinality)] = &[
    ("|o", Cardinality::ZeroOrOne),
    ("o|", Cardinality::ZeroOrOne),
    ("||", Cardinality::OnlyOne),
    ("}o", Cardinality::ZeroOrMore),
    ("o{", Cardinality::ZeroOrMore),
    ("}|", Cardinality::OneOrMore),
    ("|{", Cardinality::OneOrMore),
];

/// A mention of an entity: `NAME`, `"Quoted name"`, with an optional `[alias]` and `:::class`es.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct EntityRef {
    pub name: String,
    pub alias: Option<Label>,
    pub classes: Vec<String>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub(super) enum Stmt {
    /// `NAME`, `NAME { … }`.
    Entity {
        entity: EntityRef,
        attributes: Vec<Attribute>,
    },
    /// `A ||--o{ B : label`; `rel.from` / `rel.to` are filled in by the builder from the two refs.
    Relationship {
        rel: Box<Relationship>,
        from: EntityRef,
        to: EntityRef,
    },
    Direction(Direction),
    ClassDef {
        names: Vec<String>,
        styles: Vec<(String, String)>,
        span: Span,
    },
    Class {
        names: Vec<String>,
        class: String,
    },
    Style {
        names: Vec<String>,
        styles: Vec<(String, String)>,
    },
    AccTitle(String),
    AccDescr(String),
}

fn is_blank(c: char) -> bool {
    c == ' ' || c == '\t'
}

fn blanks(i: &str) -> &str {
    i.trim_start_matches(is_blank)
}

/// Characters of a bare entity name: letters, digits, `_`, `-`, `*`, `.` and anything non-ASCII.
fn is_name_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '*' | '.') || !c.is_ascii()
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

fn is_class_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || c == '-'
}

/// Length in bytes of the token `found` would show, for carets.
fn token_len(i: &str) -> usize {
    i.char_indices()
        .find(|&(_, c)| c.is_whitespace())
        .map_or(i.len(), |(n, _)| n)
        .max(1)
}

/// If `i` starts with `kw` (any case) as a whole word, the input after it.
fn keyword<'a>(i: &'a str, kw: &str) -> Option<&'a str> {
    let (rest, _) = tag_no_case::<_, _, nom::error::Error<&str>>(kw).parse(i).ok()?;
    match rest.chars().next() {
        Some(c) if is_word_char(c) => None,
        _ => Some(rest),
    }
}

/// The grammar, over the whole preprocessed text `src` (needed to turn slices back into offsets).
#[derive(Clone, Copy)]
pub(super) struct G<'s> {
    pub src: &'s str,
}

impl G<'_> {
    fn pos(&self, i: &str) -> usize {
        self.src.len() - i.len()
    }

    fn span(&self, from: &str, to: &str) -> Span {
        Span::new(self.pos(from), self.pos(to))
    }

    /// Skip blank lines and whitespace between statements.
    pub fn skip_separators<'a>(&self, i: &'a str) -> &'a str {
        i.trim_start()
    }

    /// After a statement: blanks, then a new line or the end.
    pub fn statement_end<'a>(&self, i: &'a str) -> Result<&'a str, GErr> {
        let j = blanks(i);
        if j.is_empty() || j.starts_with('\n') {
            return Ok(j);
        }
        fail_hint::<()>(
            j,
            token_len(j),
            format!("unexpected {} after the statement", found(j)),
            "put each statement on a line of its own",
        )
        .map(|_| j)
    }

    /// statement := accTitle | accDescr | direction | classDef | class | style | entity [block] | relationship
    pub fn statement<'a>(&self, i: &'a str) -> PResult<'a, Stmt> {
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
        if let Some(r) = self.keyword_statement(i)? {
            return Ok(r);
        }
        let (j, entity) = self.entity_ref(i)?;
        let k = blanks(j);
        if k.is_empty() || k.starts_with('\n') {
            return Ok((
                k,
                Stmt::Entity {
                    entity,
                    attributes: vec![],
                },
            ));
        }
        if k.starts_with('{') {
            let (rest, attributes) = self.block(k, &entity.name)?;
            return Ok((rest, Stmt::Entity { entity, attributes }));
        }
        self.relationship(i, k, entity)
    }

    /// `direction X`, `classDef …`, `class …`, `style …`, when the line starts with one of them followed by
    /// arguments (a line holding only `style` is an entity named `style`).
    fn keyword_statement<'a>(&self, i: &'a str) -> Result<Option<(&'a str, Stmt)>, GErr> {
        let with_args = |kw: &str| -> Option<&'a str> {
            let after = keyword(i, kw)?;
            let args = blanks(after);
            (args.len() < after.len() && !args.is_empty() && !args.starts_with('\n')).then_some(args)
        };
        if let Some(args) = with_args("direction").filter(|a| a.starts_with(|c: char| c.is_ascii_alphabetic())) {
            let (rest, tok) = take_while1::<_, _, nom::error::Error<&str>>(|c: char| !c.is_whitespace())
                .parse(args)
                .unwrap_or((args, ""));
            let dir = match tok.to_ascii_uppercase().as_str() {
                "TB" | "TD" => Direction::TopBottom,
                "BT" => Direction::BottomTop,
                "LR" => Direction::LeftRight,
                "RL" => Direction::RightLeft,
                _ => {
                    return fail::<()>(
                        args,
                        tok.len().max(1),
                        format!("unknown direction `{tok}`: expected one of TB, BT, LR, RL"),
                    )
                    .map(|_| None)
                }
            };
            return Ok(Some((rest, Stmt::Direction(dir))));
        }
        if let Some(args) = with_args("classDef") {
            let start = self.pos(i);
            let (after, names) = self.name_list(args, "classDef", is_class_char)?;
            let (rest, styles) = rest_of_line(blanks(after));
            return Ok(Some((
                rest,
                Stmt::ClassDef {
                    names,
                    styles: parse_styles(styles),
                    span: Span::new(start, self.pos(rest)),
                },
            )));
        }
        if let Some(args) = with_args("class") {
            let (after, names) = self.name_list(args, "class", is_name_char)?;
            let k = blanks(after);
            let (rest, class) = take_while::<_, _, nom::error::Error<&str>>(is_class_char)
                .parse(k)
                .unwrap_or((k, ""));
            if class.is_empty() {
                return fail::<()>(
                    k,
                    token_len(k),
                    format!("expected a class name after the entity names, found {}", found(k)),
                )
                .map(|_| None);
            }
            return Ok(Some((
                rest,
                Stmt::Class {
                    names,
                    class: class.to_string(),
                },
            )));
        }
        if let Some(args) = with_args("style") {
            let (after, names) = self.name_list(args, "style", is_name_char)?;
            let (rest, styles) = rest_of_line(blanks(after));
            return Ok(Some((
                rest,
                Stmt::Style {
                    names,
                    styles: parse_styles(styles),
                },
            )));
        }
        Ok(None)
    }

    /// `a,b,c` (entity names may also be quoted).
    fn name_list<'a>(&self, i: &'a str, what: &str, ok: fn(char) -> bool) -> PResult<'a, Vec<String>> {
        let mut names = Vec::new();
        let mut j = i;
        loop {
            let (rest, name) = if j.starts_with('"') && what != "classDef" {
                let (rest, label) = self.quoted_name(j)?;
                (rest, label.text)
            } else {
                let (rest, name) = take_while::<_, _, nom::error::Error<&str>>(ok)
                    .parse(j)
                    .unwrap_or((j, ""));
                (rest, name.to_string())
            };
            if name.is_empty() {
                return fail(
                    j,
                    token_len(j),
                    format!("expected names separated by `,` after `{what}`, found {}", found(j)),
                );
            }
            names.push(name);
            match rest.strip_prefix(',') {
                Some(r) => j = blanks(r),
                None => return Ok((rest, names)),
            }
        }
    }

    /// entity := (bare-name | "quoted name") ("[" alias "]")? (":::" class ("," class)*)*
    fn entity_ref<'a>(&self, i: &'a str) -> PResult<'a, EntityRef> {
        let (mut j, name) = if i.starts_with('"') {
            let (rest, label) = self.quoted_name(i)?;
            (rest, label.text)
        } else {
            let (rest, name) = take_while::<_, _, nom::error::Error<&str>>(is_name_char)
                .parse(i)
                .unwrap_or((i, ""));
            if name.is_empty() {
                return fail_hint(
                    i,
                    token_len(i),
                    format!("expected an entity name, found {}", found(i)),
                    "entity names are letters, digits, `_`, `-`, `*` and `.`, or any text in double quotes",
                );
            }
            (rest, name.to_string())
        };
        let mut alias = None;
        if let Some(inner) = j.strip_prefix('[') {
            let (rest, a) = self.alias(j, inner)?;
            alias = Some(a);
            j = rest;
        }
        let span = self.span(i, j);
        let mut classes = Vec::new();
        while let Some(after) = j.strip_prefix(":::") {
            let (rest, list) = self.name_list(after, ":::", is_class_char)?;
            classes.extend(list);
            j = rest;
        }
        Ok((
            j,
            EntityRef {
                name,
                alias,
                classes,
                span,
            },
        ))
    }

    /// `"quoted entity name"`: no `%`, `\`, new line, and not empty.
    fn quoted_name<'a>(&self, i: &'a str) -> PResult<'a, Label> {
        let body = &i[1..];
        let Some(close) = body.find(['"', '\n']).filter(|&n| body[n..].starts_with('"')) else {
            return fail_hint(
                i,
                1,
                "unclosed quote: expected `\"` before the end of the line",
                "close the entity name with `\"`",
            );
        };
        let text = &body[..close];
        if let Some((n, c)) = text.char_indices().find(|&(_, c)| c == '%' || c == '\\') {
            return fail_hint(
                &body[n..],
                c.len_utf8(),
                format!("`{c}` is not allowed in a quoted entity name"),
                "remove it, or write it as an entity code such as `#37;`",
            );
        }
        if text.is_empty() {
            return fail(i, 2, "empty entity name: expected text between the quotes");
        }
        let rest = &body[close + 1..];
        Ok((
            rest,
            super::label(decode_entities(text), LabelKind::Plain, self.span(i, rest)),
        ))
    }

    /// `[Alias]` or `["Alias text"]`; `inner` is the text after `[`.
    fn alias<'a>(&self, open: &'a str, inner: &'a str) -> PResult<'a, Label> {
        let line_end = inner.find('\n').unwrap_or(inner.len());
        let line = &inner[..line_end];
        let (text, rest) = if let Some(q) = line.strip_prefix('"') {
            let Some(close) = q.find('"') else {
                return fail(inner, 1, "unclosed quote in the alias: expected `\"`");
            };
            let after = blanks(&inner[1 + close + 1..]);
            if !after.starts_with(']') {
                return fail(
                    after,
                    token_len(after),
                    format!("expected `]` after the quoted alias, found {}", found(after)),
                );
            }
            (&q[..close], &after[1..])
        } else {
            let Some(close) = line.find(']') else {
                return fail_hint(
                    open,
                    1,
                    "unclosed alias: expected `]`",
                    "an alias is written `name[Shown name]`",
                );
            };
            (line[..close].trim(), &inner[close + 1..])
        };
        Ok((
            rest,
            super::label(decode_entities(text), LabelKind::Plain, self.span(open, rest)),
        ))
    }

    /// One cardinality (symbol or words) at `i`.
    fn cardinality<'a>(&self, i: &'a str) -> Option<(&'a str, Cardinality)> {
        for &(sym, card) in CARDINALITY_SYMBOLS {
            if let Some(rest) = i.strip_prefix(sym) {
                return Some((rest, card));
            }
        }
        if let Some(rest) = i.strip_prefix('u').or_else(|| i.strip_prefix('U')) {
            if rest.starts_with(['-', '.', '|']) {
                return Some((rest, Cardinality::MdParent));
            }
        }
        for &(word, card) in CARDINALITY_WORDS {
            if let Ok((rest, _)) = tag_no_case::<_, _, nom::error::Error<&str>>(word).parse(i) {
                if !rest.starts_with(is_word_char) {
                    return Some((rest, card));
                }
            }
        }
        // `1` is a cardinality only where a line or a word follows it (`1--`, `1 to`).
        if let Some(rest) = i.strip_prefix('1') {
            if rest.starts_with(['-', '.']) || rest.starts_with(is_blank) {
                return Some((rest, Cardinality::OnlyOne));
            }
        }
        None
    }

    /// The line between the two cardinalities: `--`, `..`, `.-`, `-.`, `to`, `optionally to`.
    fn line<'a>(&self, i: &'a str) -> Option<(&'a str, Identification)> {
        for (sym, id) in [
            ("--", Identification::Identifying),
            ("..", Identification::NonIdentifying),
            (".-", Identification::NonIdentifying),
            ("-.", Identification::NonIdentifying),
        ] {
            if let Some(rest) = i.strip_prefix(sym) {
                return Some((rest, id));
            }
        }
        if let Some(after) = keyword(i, "optionally") {
            let j = blanks(after);
            if j.len() < after.len() {
                if let Some(rest) = keyword(j, "to") {
                    return Some((rest, Identification::NonIdentifying));
                }
            }
        }
        keyword(i, "to").map(|rest| (rest, Identification::Identifying))
    }

    /// relationship := entity cardinality line cardinality entity ":" label
    fn relationship<'a>(&self, start: &'a str, i: &'a str, from: EntityRef) -> PResult<'a, Stmt> {
        let Some((j, from_card)) = self.cardinality(i) else {
            return fail_hint(
                i,
                token_len(i),
                format!(
                    "expected a cardinality after entity `{}`, found {}",
                    from.name,
                    found(i)
                ),
                CARDINALITY_HINT,
            );
        };
        let j = blanks(j);
        let Some((j, identification)) = self.line(j) else {
            return fail_hint(
                j,
                token_len(j),
                format!("expected a relationship line after the cardinality, found {}", found(j)),
                "use `--` or `to` (identifying, solid) or `..`, `.-`, `-.` or `optionally to` (non-identifying, \
                 dashed)",
            );
        };
        let j = blanks(j);
        let Some((j, to_card)) = self.cardinality(j) else {
            return fail_hint(
                j,
                token_len(j),
                format!("expected a cardinality after the relationship line, found {}", found(j)),
                CARDINALITY_HINT,
            );
        };
        let j = blanks(j);
        if j.is_empty() || j.starts_with('\n') {
            return fail(
                j,
                1,
                format!("expected the second entity of the relationship, found {}", found(j)),
            );
        }
        let (j, to) = self.entity_ref(j)?;
        let k = blanks(j);
        let Some(after_colon) = k.strip_prefix(':') else {
            return fail_hint(
                k,
                token_len(k),
                format!(
                    "expected `:` and a label after entity `{}`, found {}",
                    to.name,
                    found(k)
                ),
                "every relationship has a label, e.g. `A ||--o{ B : places` (write `: \"\"` for none)",
            );
        };
        let l = blanks(after_colon);
        let (rest, label) = if let Some(body) = l.strip_prefix('"') {
            let Some(close) = body.find(['"', '\n']).filter(|&n| body[n..].starts_with('"')) else {
                return fail(l, 1, "unclosed quote: expected `\"` before the end of the line");
            };
            let rest = &body[close + 1..];
            (
                rest,
                super::label(decode_entities(&body[..close]), LabelKind::Plain, self.span(l, rest)),
            )
        } else {
            let n = l.find(char::is_whitespace).unwrap_or(l.len());
            if n == 0 {
                return fail_hint(
                    l,
                    1,
                    format!("expected a label after `:`, found {}", found(l)),
                    "write a word or quoted text, e.g. `: places` or `: \"is part of\"`",
                );
            }
            // Several unquoted words: mermaid.js reads the later words as new entities, which no author means;
            // the whole rest of the line is the label here, and `parse_er` warns about it.
            let text = rest_of_line(l).1.trim_end();
            let rest = &l[text.len()..];
            (
                rest,
                super::label(decode_entities(text), LabelKind::Plain, self.span(l, rest)),
            )
        };
        let rel = Box::new(Relationship {
            from: String::new(),
            to: String::new(),
            from_cardinality: from_card,
            to_cardinality: to_card,
            identification,
            label,
            span: self.span(start, rest),
        });
        Ok((rest, Stmt::Relationship { rel, from, to }))
    }

    /// block := "{" attribute* "}", one attribute per line.
    fn block<'a>(&self, open: &'a str, entity: &str) -> PResult<'a, Vec<Attribute>> {
        let mut attributes = Vec::new();
        let mut i = &open[1..];
        loop {
            i = i.trim_start();
            if let Some(rest) = i.strip_prefix('}') {
                return Ok((rest, attributes));
            }
            if i.is_empty() {
                return fail_hint(
                    open,
                    1,
                    format!("unclosed attribute block of `{entity}`: expected `}}`"),
                    "close the block with `}` after the last attribute",
                );
            }
            let (rest, attribute) = self.attribute(i)?;
            attributes.push(attribute);
            let j = blanks(rest);
            if !(j.starts_with('\n') || j.starts_with('}') || j.is_empty()) {
                return fail_hint(
                    j,
                    token_len(j),
                    format!(
                        "unexpected {} after attribute `{}`",
                        found(j),
                        attribute_name(&attributes)
                    ),
                    "an attribute is `type name`, then optional keys (`PK`, `FK`, `UK`, separated by commas) and \
                     an optional \"comment\"; put each attribute on its own line",
                );
            }
            i = j;
        }
    }

    /// attribute := type name (key ("," key)*)? "comment"?
    fn attribute<'a>(&self, i: &'a str) -> PResult<'a, Attribute> {
        let (j, ty) = self.attribute_word(i, "an attribute type")?;
        let k = blanks(j);
        if k.is_empty() || k.starts_with(['\n', '}']) {
            return fail_hint(
                k,
                1,
                format!("expected an attribute name after type `{ty}`, found {}", found(k)),
                "an attribute is written `type name`, e.g. `string email`",
            );
        }
        let (mut j, name) = self.attribute_word(k, "an attribute name")?;
        let mut keys = Vec::new();
        let k = blanks(j);
        if self.key(k).is_some() {
            let mut m = k;
            loop {
                let Some((rest, key)) = self.key(m) else {
                    return fail_hint(
                        m,
                        token_len(m),
                        format!("expected a key after `,`, found {}", found(m)),
                        "keys are `PK`, `FK` and `UK`, separated by commas",
                    );
                };
                keys.push(key);
                j = rest;
                match blanks(rest).strip_prefix(',') {
                    Some(after) => m = blanks(after),
                    None => break,
                }
            }
        }
        let mut comment = None;
        let k = blanks(j);
        if let Some(body) = k.strip_prefix('"') {
            // A comment may go on over several lines (mermaid.js breaks the line there), but not past the
            // entity's closing `}`: a quote missing there is reported on the comment's own line.
            let close = body.find('"').filter(|&n| !body[..n].lines().any(|l| l.trim() == "}"));
            let Some(close) = close else {
                return fail(k, 1, "unclosed comment: expected `\"` to end it");
            };
            let text = &body[..close];
            comment = Some(if text.contains('\n') {
                let lines: Vec<&str> = text.split('\n').map(str::trim).collect();
                decode_entities(&lines.join(LINE_BREAK.encode_utf8(&mut [0; 4])))
            } else {
                decode_entities(text)
            });
            j = &body[close + 1..];
        }
        Ok((
            j,
            Attribute {
                ty: ty.to_string(),
                name: name.to_string(),
                keys,
                comment,
                span: self.span(i, j),
            },
        ))
    }

    fn key<'a>(&self, i: &'a str) -> Option<(&'a str, AttributeKey)> {
        [
            ("PK", AttributeKey::Primary),
            ("FK", AttributeKey::Foreign),
            ("UK", AttributeKey::Unique),
        ]
        .into_iter()
        .find_map(|(kw, key)| keyword(i, kw).map(|rest| (rest, key)))
    }

    /// A type or name: starts with a letter, `_` or `*`; then letters, digits and `_-*[]()~` (commas only
    /// inside parentheses, as in `decimal(10,2)`).
    fn attribute_word<'a>(&self, i: &'a str, what: &str) -> PResult<'a, &'a str> {
        let first = i.chars().next().unwrap_or(' ');
        if !(first.is_alphabetic() || first == '_' || first == '*') {
            return fail_hint(
                i,
                token_len(i),
                format!("expected {what}, found {}", found(i)),
                "attribute types and names start with a letter, `_` or `*` (not a digit, `-`, `[` or `(`)",
            );
        }
        let mut depth = 0usize;
        let mut end = i.len();
        for (n, c) in i.char_indices() {
            let ok = match c {
                '(' => {
                    depth += 1;
                    true
                }
                ')' => {
                    depth = depth.saturating_sub(1);
                    true
                }
                ',' => depth > 0,
                c => c.is_alphanumeric() || matches!(c, '_' | '-' | '*' | '[' | ']' | '~') || !c.is_ascii(),
            };
            if !ok || (c.is_whitespace() && depth == 0) {
                end = n;
                break;
            }
        }
        Ok((&i[end..], &i[..end]))
    }
}

fn attribute_name(attributes: &[Attribute]) -> &str {
    attributes.last().map_or("", |a| a.name.as_str())
}
