//! State grammar rules: [`statement`] reads one line of a `stateDiagram` (already cut at its end and stripped of
//! a trailing `%%` comment) into a [`Stmt`] with absolute spans. Resolving ids into states, scopes and
//! pseudo-states is the builder's work (`super::Builder`).
//!
//! mermaid's state grammar is line based: a newline ends every statement and `;` does not. Multi-line
//! constructs (`note … end note`, `accDescr { … }`) are read by the builder, which owns the line cursor.

use crate::ast::{Direction, Label, LabelKind, NoteSide, Span, StateKind};
use crate::text::{decode_entities, parse_styles};

/// A grammar error at `span`, with a message and an optional hint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct GErr {
    pub span: Span,
    pub msg: String,
    pub hint: Option<String>,
}

fn fail<T>(span: Span, msg: impl Into<String>, hint: Option<&str>) -> Result<T, GErr> {
    Err(GErr {
        span,
        msg: msg.into(),
        hint: hint.map(str::to_string),
    })
}

const PSEUDO_HINT: &str = "`[*]` stands for the start state as a transition's source and the end state as its \
                           target, as in `[*] --> Idle` or `Idle --> [*]`";

/// One end of a transition, or a state mentioned on its own.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct StateRef {
    /// The id; `[*]` for the pseudo-state.
    pub id: String,
    /// Classes from `:::name`.
    pub classes: Vec<String>,
    pub span: Span,
}

impl StateRef {
    pub fn is_pseudo(&self) -> bool {
        self.id == "[*]"
    }
}

/// One statement (one line, or the first line of a multi-line construct).
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Stmt {
    Blank,
    /// Parses and is drawn as nothing: `hide empty description`, `scale 350 width`, `note "x" as N`.
    Ignored,
    Direction(Direction),
    ClassDef {
        names: Vec<String>,
        styles: Vec<(String, String)>,
    },
    Class {
        ids: Vec<String>,
        class: String,
    },
    Style {
        ids: Vec<String>,
        styles: Vec<(String, String)>,
    },
    Click {
        id: String,
        url: String,
        tooltip: Option<String>,
    },
    AccTitle(String),
    /// `accDescr: text`; `None` for `accDescr {`, whose lines the builder reads.
    AccDescr(Option<String>),
    /// `note left of X : text`; `text` is `None` for a block note that ends at `end note`.
    Note {
        state: StateRef,
        side: NoteSide,
        text: Option<Label>,
    },
    /// `state …` declarations, optionally opening a composite with `{`.
    Declare {
        state: StateRef,
        title: Option<Label>,
        description: Option<Label>,
        kind: Option<StateKind>,
        opens: bool,
    },
    /// `}`
    Close,
    /// `--`
    Divider,
    Transition {
        from: StateRef,
        to: StateRef,
        label: Option<Label>,
    },
    /// `id : text`
    Describe {
        state: StateRef,
        text: Label,
    },
    /// `id` on its own.
    Mention(StateRef),
}

/// Whether `c` may appear in a state id: anything but whitespace and the characters the grammar uses.
fn is_id_char(c: char) -> bool {
    !c.is_whitespace() && !matches!(c, ':' | '{' | '}' | '-' | ',' | '"' | '<' | '[')
}

/// A cursor over one line, keeping absolute offsets.
#[derive(Clone, Copy)]
struct Cur<'a> {
    s: &'a str,
    at: usize,
}

impl<'a> Cur<'a> {
    fn skip_blanks(self) -> Self {
        let t = self.s.trim_start();
        Cur {
            s: t,
            at: self.at + (self.s.len() - t.len()),
        }
    }

    fn advance(self, n: usize) -> Self {
        Cur {
            s: &self.s[n..],
            at: self.at + n,
        }
    }

    fn span(self, len: usize) -> Span {
        Span::new(self.at, self.at + len)
    }

    /// The keyword `kw` (any case) followed by a blank or the end of the line.
    fn keyword(self, kw: &str) -> Option<Self> {
        let head = self.s.get(..kw.len())?;
        let after = &self.s[kw.len()..];
        (head.eq_ignore_ascii_case(kw) && after.chars().next().is_none_or(char::is_whitespace))
            .then(|| self.advance(kw.len()))
    }
}

fn markdown(text: &str, span: Span) -> Label {
    Label {
        text: decode_entities(text.trim()),
        kind: LabelKind::Markdown,
        span,
    }
}

/// Parse one line (without its newline) that starts at byte `at` of the text.
pub(super) fn statement(line: &str, at: usize) -> Result<Stmt, GErr> {
    let c = Cur { s: line, at }.skip_blanks();
    let line_end = c.s.trim_end();
    let c = Cur { s: line_end, at: c.at };
    if c.s.is_empty() {
        return Ok(Stmt::Blank);
    }
    if c.s == "}" {
        return Ok(Stmt::Close);
    }
    if c.s == "--" {
        return Ok(Stmt::Divider);
    }
    if let Some(r) = c.keyword("direction") {
        return direction(r.skip_blanks()).map(Stmt::Direction);
    }
    if let Some(r) = c.keyword("classDef") {
        return class_def(r.skip_blanks(), c);
    }
    if let Some(r) = c.keyword("class") {
        return class_statement(r.skip_blanks());
    }
    if let Some(r) = c.keyword("style") {
        let (ids, rest) = id_list(r.skip_blanks())?;
        return Ok(Stmt::Style {
            ids,
            styles: parse_styles(rest.s),
        });
    }
    if let Some(r) = c.keyword("click") {
        return click(r.skip_blanks());
    }
    if let Some(stmt) = accessibility(c) {
        return Ok(stmt);
    }
    if c.keyword("hide").is_some() || c.keyword("scale").is_some() {
        return Ok(Stmt::Ignored);
    }
    if let Some(r) = c.keyword("note") {
        return note(r.skip_blanks());
    }
    if let Some(r) = c.keyword("state") {
        return declaration(r.skip_blanks());
    }
    transition_or_state(c)
}

fn accessibility(c: Cur<'_>) -> Option<Stmt> {
    let (kw, is_title) = if c.s.starts_with("accTitle") {
        ("accTitle", true)
    } else if c.s.starts_with("accDescr") {
        ("accDescr", false)
    } else {
        return None;
    };
    let r = c.advance(kw.len()).skip_blanks();
    if let Some(v) = r.s.strip_prefix(':') {
        let v = v.trim().to_string();
        return Some(if is_title {
            Stmt::AccTitle(v)
        } else {
            Stmt::AccDescr(Some(v))
        });
    }
    (!is_title && r.s.starts_with('{')).then_some(Stmt::AccDescr(None))
}

fn direction(c: Cur<'_>) -> Result<Direction, GErr> {
    Ok(match c.s {
        "TB" | "TD" => Direction::TopBottom,
        "BT" => Direction::BottomTop,
        "LR" => Direction::LeftRight,
        "RL" => Direction::RightLeft,
        _ => {
            return fail(
                c.span(c.s.len()),
                format!("unknown direction `{}`", c.s),
                Some("use one of `TB`, `TD`, `BT`, `LR`, `RL`"),
            )
        }
    })
}

/// A comma-separated list of ids, then what follows it.
fn id_list(c: Cur<'_>) -> Result<(Vec<String>, Cur<'_>), GErr> {
    let mut ids = Vec::new();
    let mut c = c;
    loop {
        let n =
            c.s.find(|ch: char| ch.is_whitespace() || ch == ',')
                .unwrap_or(c.s.len());
        if n == 0 {
            return fail(c.span(1), "expected a state id", None);
        }
        ids.push(c.s[..n].to_string());
        c = c.advance(n).skip_blanks();
        match c.s.strip_prefix(',') {
            Some(_) => c = c.advance(1).skip_blanks(),
            None => return Ok((ids, c)),
        }
    }
}

fn class_def<'a>(r: Cur<'a>, keyword: Cur<'a>) -> Result<Stmt, GErr> {
    let (names, rest) = id_list(r)?;
    if names.iter().any(|n| n == "default") {
        return fail(
            keyword.span(keyword.s.len()),
            "`classDef default` is not supported in state diagrams (mermaid rejects it too)",
            Some("give the class another name and apply it with `class Id name` or `Id:::name`"),
        );
    }
    if rest.s.is_empty() {
        return fail(
            rest.span(0),
            "expected styles after the class name, such as `fill:#f96,stroke:#333`",
            None,
        );
    }
    Ok(Stmt::ClassDef {
        names,
        styles: parse_styles(rest.s),
    })
}

fn class_statement(r: Cur<'_>) -> Result<Stmt, GErr> {
    let (ids, rest) = id_list(r)?;
    let class = rest.s.trim();
    if class.is_empty() || class.contains(char::is_whitespace) {
        return fail(
            rest.span(rest.s.len()),
            "expected one class name after the state ids",
            Some("write `class Id1, Id2 className`"),
        );
    }
    Ok(Stmt::Class {
        ids,
        class: class.to_string(),
    })
}

/// A `"quoted"` string at the cursor, then what follows it.
fn quoted(c: Cur<'_>) -> Option<(String, Span, Cur<'_>)> {
    let body = c.s.strip_prefix('"')?;
    let close = body.find('"')?;
    Some((
        body[..close].to_string(),
        c.span(close + 2),
        c.advance(close + 2).skip_blanks(),
    ))
}

fn click(r: Cur<'_>) -> Result<Stmt, GErr> {
    let n = r.s.find(char::is_whitespace).unwrap_or(r.s.len());
    let id = r.s[..n].to_string();
    let mut rest = r.advance(n).skip_blanks();
    if let Some(after) = rest.keyword("href") {
        rest = after.skip_blanks();
    }
    let Some((url, _, rest)) = quoted(rest) else {
        return fail(
            rest.span(rest.s.len()),
            "expected a quoted link after the state id",
            Some("write `click Id \"https://example.com\" \"tooltip\"`"),
        );
    };
    let tooltip = quoted(rest).map(|(t, _, _)| t);
    Ok(Stmt::Click { id, url, tooltip })
}

fn note(r: Cur<'_>) -> Result<Stmt, GErr> {
    if r.s.starts_with('"') {
        return Ok(Stmt::Ignored); // `note "text" as N`: mermaid parses it and draws nothing
    }
    let (side, after) = if let Some(a) = r.keyword("left") {
        (NoteSide::Left, a)
    } else if let Some(a) = r.keyword("right") {
        (NoteSide::Right, a)
    } else {
        return fail(
            r.span(r.s.len().min(8)),
            "expected `left of` or `right of` after `note`",
            Some("write `note right of State : text`, or `note left of State` followed by lines and `end note`"),
        );
    };
    let Some(after) = after.skip_blanks().keyword("of") else {
        return fail(after.skip_blanks().span(2), "expected `of` after the note's side", None);
    };
    let c = after.skip_blanks();
    let n =
        c.s.find(|ch: char| ch.is_whitespace() || ch == ':')
            .unwrap_or(c.s.len());
    if n == 0 {
        return fail(c.span(1), "expected the id of the state the note belongs to", None);
    }
    let state = state_ref(&c.s[..n], c.span(n))?;
    let rest = c.advance(n).skip_blanks();
    let text = match rest.s.strip_prefix(':') {
        Some(t) => Some(markdown(t, rest.advance(1).span(t.len()))),
        None if rest.s.is_empty() => None,
        None => {
            return fail(
                rest.span(rest.s.len()),
                "expected `:` and the note's text, or the end of the line for a multi-line note",
                None,
            )
        }
    };
    Ok(Stmt::Note { state, side, text })
}

/// An id as a [`StateRef`], with `:::class` suffixes split off.
fn state_ref(text: &str, span: Span) -> Result<StateRef, GErr> {
    let mut parts = text.split(":::");
    let id = parts.next().unwrap_or("").to_string();
    let classes: Vec<String> = parts.filter(|p| !p.is_empty()).map(str::to_string).collect();
    if id.is_empty() {
        return fail(span, "expected a state id before `:::`", None);
    }
    Ok(StateRef { id, classes, span })
}

/// A state id at the cursor (`[*]`, or id characters, with optional `:::class` suffixes), then what follows.
fn read_state(c: Cur<'_>) -> Result<(StateRef, Cur<'_>), GErr> {
    let mut n = if c.s.starts_with("[*]") {
        3
    } else {
        c.s.find(|ch: char| !is_id_char(ch)).unwrap_or(c.s.len())
    };
    while c.s[n..].starts_with(":::") {
        let after = &c.s[n + 3..];
        let m = after.find(|ch: char| !is_id_char(ch)).unwrap_or(after.len());
        if m == 0 {
            break;
        }
        n += 3 + m;
    }
    if n == 0 {
        let shown: String = c.s.chars().take(12).collect();
        return fail(
            c.span(c.s.chars().next().map_or(1, char::len_utf8)),
            format!("expected a state id, found `{shown}`"),
            Some("a state id has no spaces, `-` or `:`; write `state \"Any text\" as Id` for other names"),
        );
    }
    Ok((state_ref(&c.s[..n], c.span(n))?, c.advance(n).skip_blanks()))
}

/// `<<fork>>`, `[[choice]]`, … at the cursor.
fn stereotype(c: Cur<'_>) -> Option<Result<(StateKind, Cur<'_>), GErr>> {
    let inner_end = if c.s.starts_with("<<") {
        c.s.find(">>")
    } else if c.s.starts_with("[[") {
        c.s.find("]]")
    } else {
        return None;
    }?;
    let name = &c.s[2..inner_end];
    let kind = match name.to_ascii_lowercase().as_str() {
        "fork" => StateKind::Fork,
        "join" => StateKind::Join,
        "choice" => StateKind::Choice,
        _ => {
            return Some(fail(
                c.span(inner_end + 2),
                format!("unknown state type `{name}`"),
                Some("use `<<fork>>`, `<<join>>` or `<<choice>>`"),
            ))
        }
    };
    Some(Ok((kind, c.advance(inner_end + 2).skip_blanks())))
}

/// Everything after `state `.
fn declaration(c: Cur<'_>) -> Result<Stmt, GErr> {
    let mut title = None;
    let mut c = c;
    if let Some((text, span, rest)) = quoted(c) {
        let Some(after) = rest.keyword("as") else {
            return fail(
                rest.span(rest.s.len().max(1)),
                "expected `as` and an id after the quoted description",
                Some("write `state \"Description\" as Id`"),
            );
        };
        title = Some(markdown(&text, span));
        c = after.skip_blanks();
    }
    let (state, mut rest) = read_state(c)?;
    if state.is_pseudo() {
        return fail(state.span, "`[*]` cannot be declared as a state", Some(PSEUDO_HINT));
    }
    let mut kind = None;
    if let Some(st) = stereotype(rest) {
        let (k, after) = st?;
        kind = Some(k);
        rest = after;
    }
    let mut description = None;
    if let Some(t) = rest.s.strip_prefix(':') {
        // `state "T" as X : more` gives X a body; `state A : x` declares A without one (mermaid drops it).
        let t = t.strip_suffix('{').unwrap_or(t);
        if title.is_some() {
            description = Some(markdown(t, rest.advance(1).span(t.len())));
        }
        rest = rest.advance(rest.s.len() - usize::from(rest.s.ends_with('{')));
    }
    let opens = rest.s.starts_with('{');
    if opens && rest.s.len() > 1 {
        return fail(
            rest.advance(1).skip_blanks().span(rest.s.len() - 1),
            "expected the end of the line after `{`",
            Some("put the composite's inner states on the following lines"),
        );
    }
    // Anything else after the id (such as `&lt;&lt;fork&gt;&gt;` pasted from HTML) is ignored, as by mermaid.
    Ok(Stmt::Declare {
        state,
        title,
        description,
        kind,
        opens,
    })
}

fn transition_or_state(c: Cur<'_>) -> Result<Stmt, GErr> {
    let (from, rest) = read_state(c)?;
    if rest.s.starts_with("-->") {
        let target = rest.advance(3).skip_blanks();
        if target.s.is_empty() {
            return fail(
                rest.span(3),
                "expected a target state after `-->`",
                Some("write `A --> B` or `A --> [*]`"),
            );
        }
        let (to, rest) = read_state(target)?;
        let label = match rest.s.strip_prefix(':') {
            Some(t) => Some(markdown(t, rest.advance(1).span(t.len()))),
            // `A --> B # why`: a trailing `#` comment.
            None if rest.s.is_empty() || rest.s.starts_with('#') => None,
            None => return trailing(rest, to.id.ends_with(';')),
        };
        return Ok(Stmt::Transition { from, to, label });
    }
    if rest.s.starts_with('-') {
        let arrow: String = rest
            .s
            .chars()
            .take_while(|&ch| matches!(ch, '-' | '>' | '.' | '='))
            .collect();
        return fail(
            rest.span(arrow.len().max(1)),
            format!("expected `-->`, found `{arrow}`"),
            Some("state transitions are written `A --> B`; a state id cannot contain `-`"),
        );
    }
    if let Some(t) = rest.s.strip_prefix(':') {
        if from.is_pseudo() {
            return fail(from.span, "`[*]` cannot have a description", Some(PSEUDO_HINT));
        }
        return Ok(Stmt::Describe {
            state: from,
            text: markdown(t, rest.advance(1).span(t.len())),
        });
    }
    if from.is_pseudo() {
        return fail(from.span, "`[*]` on its own is not a statement", Some(PSEUDO_HINT));
    }
    if !rest.s.is_empty() && !rest.s.starts_with('#') {
        // mermaid takes only the first word of `my state`; a second word is almost always a mistake.
        return trailing(rest, from.id.ends_with(';'));
    }
    Ok(Stmt::Mention(from))
}

/// Text after a complete statement; `after_semicolon` when the last id ended with `;` (mermaid keeps it in
/// the id).
fn trailing<T>(rest: Cur<'_>, after_semicolon: bool) -> Result<T, GErr> {
    let hint = if after_semicolon || rest.s.starts_with(';') {
        "`;` does not end a statement in state diagrams: put each statement on its own line"
    } else {
        "one statement per line; a state id has no spaces (write `state \"Any text\" as Id`), and a \
         transition's label follows `:`"
    };
    let shown: String = rest.s.chars().take(20).collect();
    fail(
        rest.span(rest.s.len()),
        format!("unexpected `{shown}` after the statement"),
        Some(hint),
    )
}
