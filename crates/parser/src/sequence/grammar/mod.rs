//! Sequence diagram statements: splitting the body into statements and reading each one.
//!
//! A statement ends at a new line or `;`. `#` starts a comment that runs to the end of the line, unless it
//! begins an entity code (`#59;`, `#quot;`), whose `;` does not end the statement either. Every rule here reads
//! one statement and returns a [`Stmt`] with absolute spans; the builder (`super::Builder`) resolves them.

use crate::ast::{Arrow, Autonumber, BlockKind, LineStyle, MessageHead, NotePlacement, ParticipantKind, Span};
use crate::data::{find_closing_brace, parse_mapping};
use nom::branch::alt;
use nom::bytes::complete::tag;
use nom::combinator::value;
use nom::{IResult, Parser};

mod colors;
mod messages;

use colors::split_color;
use messages::message;

/// A statement's text with its absolute byte offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Piece<'a> {
    pub text: &'a str,
    pub start: usize,
}

impl<'a> Piece<'a> {
    pub fn span(&self) -> Span {
        Span::new(self.start, self.start + self.text.len())
    }
    /// The sub-piece `text[from..to]`.
    pub fn slice(&self, from: usize, to: usize) -> Piece<'a> {
        Piece {
            text: self.text.get(from..to).unwrap_or(""),
            start: self.start + from,
        }
    }
    pub fn from(&self, from: usize) -> Piece<'a> {
        self.slice(from, self.text.len())
    }
    /// Leading and trailing blanks removed, offset kept right.
    pub fn trim(&self) -> Piece<'a> {
        let lead = self.text.len() - self.text.trim_start().len();
        Piece {
            text: self.text.trim(),
            start: self.start + lead,
        }
    }
}

/// A grammar failure: where and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct SErr {
    pub span: Span,
    pub msg: String,
    pub hint: Option<String>,
}

pub(super) fn err<T>(span: Span, msg: impl Into<String>) -> Result<T, SErr> {
    Err(SErr {
        span,
        msg: msg.into(),
        hint: None,
    })
}

fn err_hint<T>(span: Span, msg: impl Into<String>, hint: impl Into<String>) -> Result<T, SErr> {
    Err(SErr {
        span,
        msg: msg.into(),
        hint: Some(hint.into()),
    })
}

/// Length of an entity code (`#name;` / `#123;`) starting at `s` (which starts with `#`), `;` included.
fn entity_len(s: &str) -> Option<usize> {
    let body = s.get(1..)?;
    let n = body.bytes().take(33).take_while(|b| b.is_ascii_alphanumeric()).count();
    (n > 0 && body.as_bytes().get(n) == Some(&b';')).then_some(n + 2)
}

/// Split `text[from..]` into statements. `accDescr { … }` may span lines and is returned whole.
pub(super) fn split_statements(text: &str, from: usize) -> Vec<Piece<'_>> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut p = from;
    while p < bytes.len() {
        while p < bytes.len() && matches!(bytes[p], b' ' | b'\t' | b'\n' | b';') {
            p += 1;
        }
        if p >= bytes.len() {
            break;
        }
        let start = p;
        // `accDescr {` … `}` over several lines.
        let rest = &text[p..];
        if starts_with_word_ci(rest, "accDescr") {
            let after = rest["accDescr".len()..].trim_start_matches([' ', '\t']);
            if after.starts_with('{') {
                let end = after.find('}').map_or(text.len(), |i| text.len() - after.len() + i + 1);
                out.push(Piece {
                    text: &text[start..end],
                    start,
                });
                p = end;
                continue;
            }
        }
        let mut end = p;
        let mut next = p;
        while end < bytes.len() {
            match bytes[end] {
                b'\n' | b';' => {
                    next = end + 1;
                    break;
                }
                b'#' => match entity_len(&text[end..]) {
                    Some(n) => end += n,
                    None => {
                        next = text[end..].find('\n').map_or(text.len(), |i| end + i);
                        break;
                    }
                },
                _ => end += 1,
            }
            next = end;
        }
        let piece = Piece {
            text: &text[start..end],
            start,
        }
        .trim();
        if !piece.text.is_empty() {
            out.push(piece);
        }
        p = next.max(start + 1);
    }
    out
}

/// Whether `s` starts with `word` (ASCII case-insensitive) followed by a non-word character or the end.
pub(super) fn starts_with_word_ci(s: &str, word: &str) -> bool {
    s.len() >= word.len()
        && s.is_char_boundary(word.len())
        && s[..word.len()].eq_ignore_ascii_case(word)
        && !s[word.len()..]
            .chars()
            .next()
            .is_some_and(|c| c.is_alphanumeric() || c == '_')
}

/// A statement, read but not resolved.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Stmt {
    Participant {
        id: String,
        id_span: Span,
        alias: Option<(String, Span)>,
        kind: ParticipantKind,
        create: bool,
    },
    Destroy {
        id: String,
        span: Span,
    },
    Box {
        color: Option<String>,
        title: Option<String>,
    },
    Activate {
        id: String,
        span: Span,
        on: bool,
    },
    Note {
        placement: NotePlacement,
        ids: Vec<(String, Span)>,
        text: String,
        text_span: Span,
        wrap: Option<bool>,
    },
    Block {
        kind: BlockKind,
        text: String,
        text_span: Span,
        wrap: Option<bool>,
    },
    Branch {
        keyword: &'static str,
        text: String,
        text_span: Span,
        wrap: Option<bool>,
    },
    End,
    Autonumber(Autonumber),
    Title(String),
    AccTitle(String),
    AccDescr(String),
    Links {
        id: String,
        links: Vec<(String, String)>,
    },
    Properties {
        id: String,
        text: String,
    },
    Message(MessageStmt),
}

/// A message statement: `A->>B: text`, with its arrow, activation marks and central connections.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct MessageStmt {
    pub from: (String, Span),
    pub to: (String, Span),
    pub arrow: Arrow,
    pub token: String,
    pub activate: bool,
    pub deactivate: bool,
    pub central_from: bool,
    pub central_to: bool,
    pub text: String,
    pub text_span: Span,
    pub wrap: Option<bool>,
}

const BLOCKS: &[(&str, BlockKind)] = &[
    ("loop", BlockKind::Loop),
    ("alt", BlockKind::Alt),
    ("opt", BlockKind::Opt),
    ("par_over", BlockKind::ParOver),
    ("par", BlockKind::Par),
    ("critical", BlockKind::Critical),
    ("break", BlockKind::Break),
    ("rect", BlockKind::Rect),
];

/// Read one statement.
pub(super) fn statement(p: Piece<'_>) -> Result<Stmt, SErr> {
    let t = p.text;
    let word_end = t.find(|c: char| !(c.is_alphanumeric() || c == '_')).unwrap_or(t.len());
    let word = &t[..word_end];
    let lower = word.to_ascii_lowercase();
    let rest = p.from(word_end);
    let next_is_blank_or_end = rest.text.is_empty() || rest.text.starts_with([' ', '\t']);
    match lower.as_str() {
        "participant" | "actor" if next_is_blank_or_end => {
            let kind = if lower == "actor" {
                ParticipantKind::Actor
            } else {
                ParticipantKind::Participant
            };
            return participant(p, rest, kind, false);
        }
        "create" if next_is_blank_or_end => {
            let r = rest.trim();
            for (kw, kind) in [
                ("participant", ParticipantKind::Participant),
                ("actor", ParticipantKind::Actor),
            ] {
                if starts_with_word_ci(r.text, kw) {
                    return participant(p, r.from(kw.len()), kind, true);
                }
            }
            return err_hint(
                r.span(),
                "expected `participant` or `actor` after `create`",
                "write `create participant NAME` or `create actor NAME`",
            );
        }
        "destroy" if next_is_blank_or_end => {
            let (id, span) = actor_name(rest.trim(), "after `destroy`")?;
            return Ok(Stmt::Destroy { id, span });
        }
        "box" if next_is_blank_or_end => {
            let r = rest.trim();
            let (color, title) = split_color(r.text);
            return Ok(Stmt::Box { color, title });
        }
        "activate" | "deactivate" if next_is_blank_or_end => {
            let (id, span) = actor_name(rest.trim(), &format!("after `{word}`"))?;
            return Ok(Stmt::Activate {
                id,
                span,
                on: lower == "activate",
            });
        }
        "note" if next_is_blank_or_end => return note(p, rest),
        "end" if rest.text.trim().is_empty() => return Ok(Stmt::End),
        "else" | "and" | "option" if next_is_blank_or_end => {
            let keyword = match lower.as_str() {
                "else" => "else",
                "and" => "and",
                _ => "option",
            };
            let (text, text_span, wrap) = line_text(rest);
            return Ok(Stmt::Branch {
                keyword,
                text,
                text_span,
                wrap,
            });
        }
        "autonumber" if next_is_blank_or_end => return autonumber(rest.trim()),
        "title" if next_is_blank_or_end || rest.text.starts_with(':') => {
            let r = rest.text.strip_prefix(':').unwrap_or(rest.text);
            return Ok(Stmt::Title(r.trim().to_string()));
        }
        "acctitle" if rest.text.trim_start().starts_with(':') => {
            let r = rest.text.trim_start();
            return Ok(Stmt::AccTitle(r[1..].trim().to_string()));
        }
        "accdescr" => {
            let r = rest.text.trim_start();
            if let Some(v) = r.strip_prefix(':') {
                return Ok(Stmt::AccDescr(v.trim().to_string()));
            }
            if let Some(v) = r.strip_prefix('{') {
                let Some(body) = v.strip_suffix('}') else {
                    return err(
                        p.slice(0, word_end).span(),
                        "unclosed `accDescr {`: expected a closing `}`",
                    );
                };
                let lines: Vec<&str> = body.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
                return Ok(Stmt::AccDescr(lines.join("\n")));
            }
        }
        "links" | "link" | "properties" | "details" if next_is_blank_or_end => {
            return actor_menu(rest, &lower);
        }
        _ => {}
    }
    for (kw, kind) in BLOCKS {
        if lower == *kw && next_is_blank_or_end {
            let (text, text_span, wrap) = line_text(rest);
            return Ok(Stmt::Block {
                kind: *kind,
                text,
                text_span,
                wrap,
            });
        }
    }
    message(p)
}

/// Forbidden in participant names given in a declaration.
fn bad_name_char(c: char) -> bool {
    matches!(c, '<' | '>' | ':' | ',' | ';' | '+')
}

/// A participant name standing alone (after `destroy`, `activate`, in a note).
fn actor_name(p: Piece<'_>, after: &str) -> Result<(String, Span), SErr> {
    if p.text.is_empty() {
        return err(p.span(), format!("expected a participant name {after}"));
    }
    if let Some(i) = p.text.find(bad_name_char) {
        return err(
            p.slice(i, i + 1).span(),
            format!("unexpected `{}` in a participant name", &p.text[i..i + 1]),
        );
    }
    Ok((p.text.to_string(), p.span()))
}

/// `participant NAME [@{…}] [as ALIAS]`; `rest` starts right after the keyword.
fn participant(whole: Piece<'_>, rest: Piece<'_>, mut kind: ParticipantKind, create: bool) -> Result<Stmt, SErr> {
    let r = rest.trim();
    if r.text.is_empty() {
        return err(
            Span::new(whole.start + whole.text.len(), whole.start + whole.text.len()),
            "expected a participant name",
        );
    }
    // The name runs to `@{`, to ` as `, or to the end.
    let mut name_end = r.text.len();
    let mut data: Option<Piece<'_>> = None;
    let mut after_name = r.text.len();
    if let Some(at) = r.text.find("@{") {
        name_end = at;
        let content = r.from(at + 2);
        let Some(close) = find_closing_brace(content.text) else {
            return err_hint(
                r.slice(at, at + 2).span(),
                "unclosed `@{`: expected `}` to close the participant's data",
                "write it on one line, e.g. `participant Q@{ \"type\": \"queue\" }`",
            );
        };
        data = Some(content.slice(0, close));
        after_name = at + 2 + close + 1;
    }
    let mut alias = None;
    let search_from = if data.is_some() { after_name } else { 0 };
    if let Some(pos) = find_as(&r.text[search_from..]) {
        let as_at = search_from + pos;
        if data.is_none() {
            name_end = as_at;
        } else if !r.text[after_name..as_at].trim().is_empty() {
            let extra = r.slice(after_name, as_at).trim();
            return err(
                extra.span(),
                format!("unexpected `{}` after the participant's data", extra.text),
            );
        }
        let a = r.from(as_at + 2).trim();
        if a.text.is_empty() {
            return err(r.slice(as_at, as_at + 2).span(), "expected an alias after `as`");
        }
        alias = Some((a.text.to_string(), a.span()));
    } else if data.is_some() {
        let extra = r.from(after_name).trim();
        if !extra.text.is_empty() {
            return err(
                extra.span(),
                format!("unexpected `{}` after the participant's data", extra.text),
            );
        }
    }
    let name = r.slice(0, name_end).trim();
    if name.text.is_empty() {
        return err(r.span(), "expected a participant name");
    }
    if let Some(i) = name.text.find(bad_name_char) {
        return err_hint(
            name.slice(i, i + 1).span(),
            format!("unexpected `{}` in the participant name", &name.text[i..i + 1]),
            "use an alias for display text: `participant A as Text with <br> breaks`",
        );
    }
    if let Some(d) = data {
        let entries = parse_mapping(d.text, d.start).map_err(|(span, msg)| SErr { span, msg, hint: None })?;
        for e in &entries {
            if e.key.contains(['"', '\'']) {
                return err(e.key_span, "malformed key: unbalanced quotes in the participant's data");
            }
            match e.key.as_str() {
                "type" => {
                    kind = ParticipantKind::from_name(e.value.trim()).map_or_else(
                        || {
                            err_hint(
                                e.value_span,
                                format!("unknown participant type `{}`", e.value),
                                "types are participant, actor, boundary, control, entity, database, collections, queue",
                            )
                        },
                        Ok,
                    )?;
                }
                "alias" if alias.is_none() => alias = Some((e.value.clone(), e.value_span)),
                _ => {}
            }
        }
    }
    Ok(Stmt::Participant {
        id: name.text.to_string(),
        id_span: name.span(),
        alias,
        kind,
        create,
    })
}

/// Position of a ` as ` separator (blank on both sides).
fn find_as(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let mut i = 1;
    while i + 2 < b.len() {
        if matches!(b[i - 1], b' ' | b'\t')
            && b[i..i + 2].eq_ignore_ascii_case(b"as")
            && matches!(b[i + 2], b' ' | b'\t')
        {
            return Some(i);
        }
        i += 1;
    }
    None
}

/// The text of a block line or message: `wrap:`/`nowrap:` prefix removed.
fn line_text(p: Piece<'_>) -> (String, Span, Option<bool>) {
    let t = p.trim();
    if let Some((len, wrap)) = wrap_prefix(t.text) {
        let rest = t.from(len).trim();
        return (rest.text.to_string(), rest.span(), Some(wrap));
    }
    (t.text.to_string(), t.span(), None)
}

/// A leading `wrap:` or `nowrap:` (also `:wrap:`, any case): its length and whether it asks for wrapping.
pub(super) fn wrap_prefix(text: &str) -> Option<(usize, bool)> {
    [
        ("nowrap:", false),
        ("wrap:", true),
        (":nowrap:", false),
        (":wrap:", true),
    ]
    .into_iter()
    .find(|(prefix, _)| {
        text.as_bytes()
            .get(..prefix.len())
            .is_some_and(|b| b.eq_ignore_ascii_case(prefix.as_bytes()))
    })
    .map(|(prefix, wrap)| (prefix.len(), wrap))
}

/// `Note left of A: text` and friends; `rest` follows `note`.
fn note(whole: Piece<'_>, rest: Piece<'_>) -> Result<Stmt, SErr> {
    let r = rest.trim();
    let placements = [
        ("left of", NotePlacement::LeftOf),
        ("right of", NotePlacement::RightOf),
        ("over", NotePlacement::Over),
    ];
    let lower = r.text.to_ascii_lowercase();
    let mut found = None;
    for (kw, pl) in placements {
        let norm: String = lower.split_whitespace().collect::<Vec<_>>().join(" ");
        if norm.starts_with(kw) {
            // Find the end of the (possibly multi-space) keyword in the original text.
            let words = kw.split(' ').count();
            let mut idx = 0;
            let mut seen = 0;
            let bytes = r.text.as_bytes();
            while seen < words && idx < bytes.len() {
                while idx < bytes.len() && matches!(bytes[idx], b' ' | b'\t') {
                    idx += 1;
                }
                while idx < bytes.len() && !matches!(bytes[idx], b' ' | b'\t') {
                    idx += 1;
                }
                seen += 1;
            }
            found = Some((pl, idx));
            break;
        }
    }
    let Some((placement, kw_end)) = found else {
        return err_hint(
            r.span(),
            "expected `left of`, `right of` or `over` after `Note`",
            "e.g. `Note right of A: text` or `Note over A,B: text`",
        );
    };
    let after = r.from(kw_end);
    let Some(colon) = after.text.find(':') else {
        return err(
            Span::new(whole.start + whole.text.len(), whole.start + whole.text.len()),
            "expected `:` and the note text",
        );
    };
    let who = after.slice(0, colon);
    let mut ids = Vec::new();
    let mut pos = 0;
    for part in who.text.split(',') {
        let piece = who.slice(pos, pos + part.len()).trim();
        pos += part.len() + 1;
        ids.push(actor_name(piece, "in the note")?);
    }
    if ids.len() > 2 || (ids.len() == 2 && placement != NotePlacement::Over) {
        return err(who.span(), "a note names one participant, or two with `over A,B`");
    }
    let (text, text_span, wrap) = line_text(after.from(colon + 1));
    Ok(Stmt::Note {
        placement,
        ids,
        text,
        text_span,
        wrap,
    })
}

/// A number with at most two decimals (`10`, `1.25`, `.5`).
fn number(p: Piece<'_>) -> Result<f64, SErr> {
    let t = p.text;
    let ok_chars = !t.is_empty() && t.chars().all(|c| c.is_ascii_digit() || c == '.') && t.matches('.').count() <= 1;
    let decimals = t.split_once('.').map_or(0, |(_, d)| d.len());
    match t.parse::<f64>() {
        Ok(v) if ok_chars && decimals <= 2 && v.is_finite() && v < 1e9 => Ok(v),
        _ if ok_chars && decimals > 2 => err(p.span(), format!("`{t}`: autonumber allows at most two decimals")),
        _ => err(p.span(), format!("expected a number after `autonumber`, found `{t}`")),
    }
}

fn autonumber(r: Piece<'_>) -> Result<Stmt, SErr> {
    if r.text.eq_ignore_ascii_case("off") {
        return Ok(Stmt::Autonumber(Autonumber {
            on: false,
            start: None,
            step: None,
        }));
    }
    let mut nums = Vec::new();
    let mut pos = 0;
    for w in r.text.split([' ', '\t']) {
        let piece = r.slice(pos, pos + w.len());
        pos += w.len() + 1;
        if w.is_empty() {
            continue;
        }
        if nums.len() == 2 {
            return err(piece.span(), "`autonumber` takes at most a start and a step");
        }
        nums.push(number(piece)?);
    }
    Ok(Stmt::Autonumber(Autonumber {
        on: true,
        start: nums.first().copied(),
        step: nums.get(1).copied(),
    }))
}

/// `links A: {json}`, `link A: label @ url`, `properties A: {…}`, `details A: {…}`.
fn actor_menu(rest: Piece<'_>, keyword: &str) -> Result<Stmt, SErr> {
    let r = rest.trim();
    let Some(colon) = r.text.find(':') else {
        return err(r.span(), format!("expected `NAME: …` after `{keyword}`"));
    };
    let (id, _) = actor_name(r.slice(0, colon).trim(), &format!("after `{keyword}`"))?;
    let body = r.from(colon + 1).trim();
    match keyword {
        "link" => {
            let Some((label, url)) = body.text.rsplit_once('@') else {
                return err_hint(
                    body.span(),
                    "expected `label @ url`",
                    "e.g. `link A: Docs @ https://example.com`",
                );
            };
            Ok(Stmt::Links {
                id,
                links: vec![(label.trim().to_string(), url.trim().to_string())],
            })
        }
        "links" => Ok(Stmt::Links {
            id,
            links: json_pairs(body.text),
        }),
        _ => Ok(Stmt::Properties {
            id,
            text: body.text.to_string(),
        }),
    }
}

/// `"key": "value"` pairs of a flat JSON object; anything malformed is skipped (mermaid only logs it).
fn json_pairs(s: &str) -> Vec<(String, String)> {
    let mut strings = Vec::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '"' {
            let mut v = String::new();
            let mut closed = false;
            while let Some(c) = chars.next() {
                match c {
                    '\\' => {
                        if let Some(n) = chars.next() {
                            v.push(n);
                        }
                    }
                    '"' => {
                        closed = true;
                        break;
                    }
                    c => v.push(c),
                }
            }
            if closed {
                strings.push(v);
            }
        }
    }
    strings
        .chunks(2)
        .filter(|c| c.len() == 2)
        .map(|c| (c[0].clone(), c[1].clone()))
        .collect()
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic)]
mod tests {
    use super::*;

    #[test]
    fn splitting_respects_entities_and_comments() {
        let s = "a->>b: x #59; y; c->>d: z # gone\n  e->>f: w";
        let parts: Vec<&str> = split_statements(s, 0).iter().map(|p| p.text).collect();
        assert_eq!(parts, ["a->>b: x #59; y", "c->>d: z", "e->>f: w"]);
    }

    #[test]
    fn css_colors_are_sorted() {
        assert!(colors::CSS_COLORS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn box_colour_or_title() {
        assert_eq!(
            split_color("Aqua Front end"),
            (Some("Aqua".into()), Some("Front end".into()))
        );
        assert_eq!(
            split_color("rgb(20, 30, 40) Back"),
            (Some("rgb(20, 30, 40)".into()), Some("Back".into()))
        );
        assert_eq!(split_color("Only a title"), (None, Some("Only a title".into())));
        assert_eq!(split_color("aqua"), (Some("aqua".into()), None));
    }
}
