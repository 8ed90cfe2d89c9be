//! Class diagram grammar: a cursor over the preprocessed text that reads one statement at a time and returns it
//! with absolute spans. Names are resolved into classes by the builder (`super::Builder`).
//!
//! Only a new line ends a statement; class bodies (`{ … }`), namespace blocks and quoted strings may span lines.

use super::members::member;
use crate::ast::{Direction, Label, LabelKind, Member, Relation, RelationEnd, Span};
use crate::text::{accessibility_value, decode_entities, found, LINE_BREAK};

/// A grammar error at byte `at` of the text, covering `len` bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct GErr {
    pub at: usize,
    pub len: usize,
    pub msg: String,
    pub hint: Option<String>,
}

pub(super) type GResult<T> = Result<T, GErr>;

/// The relation tokens, for hints.
pub(super) const RELATION_HINT: &str = "relations are written `A <|-- B` (inheritance), `A *-- B` (composition), \
     `A o-- B` (aggregation), `A <-- B` (association), `A -- B` (link), `A ()-- B` (lollipop), with `..` for a \
     dashed line and the ends mirrored on the other side (`A --|> B`, `A ..> B`)";

/// A mention of a class: its id, the generic parameter and the span.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct ClassRef {
    pub id: String,
    pub generic: Option<String>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub(super) enum Stmt {
    /// `class X["Label"]:::css <<ann>> { members }`.
    Class {
        class: ClassRef,
        label: Option<Label>,
        css: Option<String>,
        annotations: Vec<String>,
        members: Vec<Member>,
    },
    /// `X : member`.
    Member {
        class: ClassRef,
        member: Member,
    },
    /// `<<ann>> X`.
    Annotation {
        class: ClassRef,
        annotation: String,
    },
    /// `rel.from` / `rel.to` are filled in by the builder from the two mentions.
    Relation {
        rel: Box<Relation>,
        from: ClassRef,
        to: ClassRef,
    },
    Note {
        text: Label,
        class: Option<String>,
        span: Span,
    },
    /// `namespace Name["Label"] {`; its statements follow until `}`.
    NamespaceStart {
        id: String,
        label: Option<Label>,
        span: Span,
    },
    /// The `}` of a namespace block.
    BlockEnd {
        span: Span,
    },
    Direction(Direction),
    ClassDef {
        names: Vec<String>,
        styles: Vec<(String, String)>,
        span: Span,
    },
    CssClass {
        names: Vec<String>,
        class: String,
    },
    Style {
        id: String,
        styles: Vec<(String, String)>,
    },
    Link {
        id: String,
        url: String,
        tooltip: Option<String>,
    },
    Callback {
        id: String,
        tooltip: Option<String>,
    },
    AccTitle(String),
    AccDescr(String),
}

impl Stmt {
    /// Whether the statement may stand inside a namespace block.
    pub fn allowed_in_namespace(&self) -> bool {
        matches!(
            self,
            Stmt::Class { .. } | Stmt::Note { .. } | Stmt::NamespaceStart { .. } | Stmt::BlockEnd { .. }
        )
    }
}

pub(super) fn is_blank(c: char) -> bool {
    c == ' ' || c == '\t'
}

/// Characters of a bare class id: letters, digits, `_`, `-`, `.` and anything non-ASCII.
fn is_id_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.') || !c.is_ascii()
}

/// The cursor: the whole preprocessed text and a byte position in it.
pub(super) struct Cursor<'s> {
    pub text: &'s str,
    pub pos: usize,
}

impl<'s> Cursor<'s> {
    pub fn rest(&self) -> &'s str {
        self.text.get(self.pos..).unwrap_or("")
    }

    pub(super) fn err<T>(&self, at: usize, len: usize, msg: impl Into<String>, hint: Option<&str>) -> GResult<T> {
        Err(GErr {
            at,
            len: len.max(1),
            msg: msg.into(),
            hint: hint.map(str::to_string),
        })
    }

    /// An error at the cursor covering the token there.
    pub(super) fn err_here<T>(&self, msg: impl Into<String>, hint: Option<&str>) -> GResult<T> {
        let tok = self.rest().find(char::is_whitespace).unwrap_or(self.rest().len());
        self.err(self.pos, tok, msg, hint)
    }

    pub(super) fn blanks(&mut self) {
        let r = self.rest();
        self.pos += r.len() - r.trim_start_matches(is_blank).len();
    }

    /// Skip blank lines and indentation between statements; `false` at the end of the text.
    pub fn next_statement(&mut self) -> bool {
        let r = self.rest();
        self.pos += r.len() - r.trim_start().len();
        self.pos < self.text.len()
    }

    pub(super) fn eat(&mut self, s: &str) -> bool {
        if self.rest().starts_with(s) {
            self.pos += s.len();
            true
        } else {
            false
        }
    }

    /// `kw` as a whole word followed by a blank, the end of the line or of the text.
    pub(super) fn keyword(&mut self, kw: &str) -> bool {
        let r = self.rest();
        let whole = r.starts_with(kw) && r[kw.len()..].chars().next().is_none_or(char::is_whitespace);
        if whole {
            self.pos += kw.len();
        }
        whole
    }

    /// Blanks, then the end of the line (or text). Anything else is an error.
    pub fn line_end(&mut self) -> GResult<()> {
        self.blanks();
        let r = self.rest();
        if r.is_empty() || r.starts_with('\n') {
            return Ok(());
        }
        if r.starts_with("%%") {
            // A comment to the end of the line.
            self.pos += r.find('\n').unwrap_or(r.len());
            return Ok(());
        }
        if r.starts_with(';') {
            return self.err(
                self.pos,
                1,
                "unexpected `;`: class diagram statements end at the end of the line",
                Some("remove the `;` and put each statement on a line of its own"),
            );
        }
        self.err_here(
            format!("unexpected {} after the statement", found(r)),
            Some("put each statement on a line of its own"),
        )
    }

    /// The rest of the line up to a ` %%` comment, trimmed, and its span.
    pub(super) fn line_text(&mut self) -> (String, Span) {
        let r = self.rest();
        let n = r.find('\n').unwrap_or(r.len());
        let comment = r[..n].find(" %%").or_else(|| r[..n].find("\t%%"));
        let raw = &r[..comment.unwrap_or(n)];
        let lead = raw.len() - raw.trim_start().len();
        let span = Span::new(self.pos + lead, self.pos + raw.trim_end().len());
        self.pos += n;
        (raw.trim().to_string(), span)
    }

    /// A class id: bare, or in backticks (any characters), then an optional `~generic~`.
    pub fn class_ref(&mut self) -> GResult<ClassRef> {
        let start = self.pos;
        let id = if self.eat("`") {
            let r = self.rest();
            let Some(close) = r.find('`') else {
                return self.err(
                    start,
                    1,
                    "unclosed backtick: expected a closing `` ` `` after the class name",
                    None,
                );
            };
            self.pos += close + 1;
            r[..close].to_string()
        } else {
            let r = self.rest();
            let mut n = 0;
            for (i, c) in r.char_indices() {
                // `--` and `..` start a relation even right after a name.
                let next = r[i + c.len_utf8()..].chars().next();
                if !is_id_char(c) || (matches!(c, '-' | '.') && next == Some(c)) {
                    break;
                }
                n = i + c.len_utf8();
            }
            if n == 0 {
                return self.err_here(
                    format!("expected a class name, found {}", found(r)),
                    Some("class names are letters, digits, `_`, `-` and `.`; put other names in backticks"),
                );
            }
            self.pos += n;
            r[..n].to_string()
        };
        let generic = if self.rest().starts_with('~') {
            Some(self.generic()?)
        } else {
            None
        };
        Ok(ClassRef {
            id,
            generic,
            span: Span::new(start, self.pos),
        })
    }

    /// `~T~` after a class name: everything to the last `~` before a blank, `[`, `:`, `{`, `<` or the line end.
    fn generic(&mut self) -> GResult<String> {
        let start = self.pos;
        let r = &self.rest()[1..];
        let end = r
            .find(|c: char| c.is_whitespace() || matches!(c, '[' | '{' | '"'))
            .unwrap_or(r.len());
        let word = &r[..end];
        let stop = word.find(":::").unwrap_or(word.len());
        let word = &word[..stop];
        let Some(close) = word.rfind('~') else {
            return self.err(
                start,
                1,
                "unclosed generic: expected a closing `~`",
                Some("write generics as `List~T~`"),
            );
        };
        let inner = &word[..close];
        if inner.is_empty() {
            return self.err(
                start,
                close + 2,
                "empty generic `~~`",
                Some("write generics as `List~T~`"),
            );
        }
        self.pos += close + 2;
        Ok(inner.to_string())
    }

    /// A `"…"` string (may span lines), without quotes.
    pub(super) fn quoted(&mut self, what: &str) -> GResult<(String, Span)> {
        let start = self.pos;
        if !self.eat("\"") {
            return self.err_here(
                format!("expected {what} in double quotes, found {}", found(self.rest())),
                None,
            );
        }
        let r = self.rest();
        let Some(close) = r.find('"') else {
            return self.err(
                start,
                1,
                format!("unclosed string: expected a closing `\"` after {what}"),
                None,
            );
        };
        self.pos += close + 1;
        Ok((r[..close].to_string(), Span::new(start, self.pos)))
    }

    /// A note's `"…"` text: it ends at the first `"` that ends its line, so quotes inside (HTML attributes) stay.
    fn note_text(&mut self) -> GResult<(String, Span)> {
        let start = self.pos;
        if !self.eat("\"") {
            return self.err_here(
                format!(
                    "expected the note's text in double quotes, found {}",
                    found(self.rest())
                ),
                None,
            );
        }
        let r = self.rest();
        let ends_line = |i: usize| {
            r[i + 1..]
                .trim_start_matches(is_blank)
                .chars()
                .next()
                .is_none_or(|c| c == '\n')
        };
        let close = r
            .match_indices('"')
            .map(|(i, _)| i)
            .find(|&i| ends_line(i))
            .or_else(|| r.find('"'));
        let Some(close) = close else {
            return self.err(
                start,
                1,
                "unclosed string: expected a closing `\"` after the note's text",
                None,
            );
        };
        self.pos += close + 1;
        Ok((r[..close].to_string(), Span::new(start, self.pos)))
    }

    /// `["Label"]` after a class or namespace name.
    fn bracket_label(&mut self) -> GResult<Option<Label>> {
        let start = self.pos;
        if !self.eat("[") {
            return Ok(None);
        }
        let (text, _) = self.quoted("the label")?;
        if !self.eat("]") {
            return self.err_here(
                format!("expected `]` after the label, found {}", found(self.rest())),
                Some("write labels as `class Name[\"Label\"]`"),
            );
        }
        Ok(Some(shown_label(&text, Span::new(start, self.pos))))
    }

    /// statement := namespace | class | note | direction | style | classDef | cssClass | link | click | callback
    ///            | accTitle | accDescr | `<<annotation>>` X | `}` | X `:` member | relation
    pub fn statement(&mut self) -> GResult<Stmt> {
        let start = self.pos;
        if self.eat("}") {
            return Ok(Stmt::BlockEnd {
                span: Span::new(start, self.pos),
            });
        }
        for kw in ["accTitle", "accDescr"] {
            let r = self.rest();
            if let Some(after) = r.strip_prefix(kw) {
                match accessibility_value(after, kw == "accDescr") {
                    Some(Ok((rest, text))) => {
                        self.pos = self.text.len() - rest.len();
                        return Ok(if kw == "accTitle" {
                            Stmt::AccTitle(text)
                        } else {
                            Stmt::AccDescr(text)
                        });
                    }
                    Some(Err(at)) => {
                        return self.err(
                            self.text.len() - at.len(),
                            1,
                            "unclosed `accDescr {`: expected `}`",
                            None,
                        )
                    }
                    None => {}
                }
            }
        }
        type Rule<'s> = fn(&mut Cursor<'s>, usize) -> GResult<Stmt>;
        let rules: [(&str, Rule<'s>); 10] = [
            ("namespace", Self::namespace),
            ("class", Self::class),
            ("note", Self::note),
            ("direction", Self::direction),
            ("style", Self::style),
            ("classDef", Self::class_def),
            ("cssClass", Self::css_class),
            ("link", Self::link),
            ("click", Self::click),
            ("callback", Self::callback),
        ];
        for (kw, rule) in rules {
            if self.keyword(kw) {
                self.blanks();
                return rule(self, start);
            }
        }
        if self.rest().starts_with("<<") {
            let annotation = self.annotation()?;
            self.blanks();
            let class = self.class_ref()?;
            return Ok(Stmt::Annotation { class, annotation });
        }
        let from = self.class_ref()?;
        self.blanks();
        if self.rest().starts_with(":::") {
            return self.err_here(
                "`:::` styles only follow `class Name`",
                Some("write `class Name:::style` on a line of its own"),
            );
        }
        if self.eat(":") {
            self.blanks();
            let (text, span) = self.line_text();
            if text.is_empty() {
                return self.err(
                    span.start.max(start),
                    1,
                    "expected a member after `:`",
                    Some("write `Name : +field`"),
                );
            }
            return Ok(Stmt::Member {
                class: from,
                member: member(&text, span),
            });
        }
        self.relation(from, start)
    }

    /// `<<name>>`, without the brackets.
    fn annotation(&mut self) -> GResult<String> {
        let start = self.pos;
        self.pos += 2;
        let r = self.rest();
        match r.find(">>").filter(|&n| !r[..n].contains('\n')) {
            Some(n) => {
                self.pos += n + 2;
                Ok(r[..n].trim().to_string())
            }
            None => self.err(
                start,
                2,
                "unclosed annotation: expected `>>`",
                Some("write `<<interface>>`"),
            ),
        }
    }

    fn relation(&mut self, from: ClassRef, start: usize) -> GResult<Stmt> {
        let from_cardinality = self.cardinality()?;
        self.blanks();
        let token_start = self.pos;
        let from_end = if self.eat("()") {
            RelationEnd::Lollipop
        } else if self.eat("<|") {
            RelationEnd::Extension
        } else if self.eat("<") {
            RelationEnd::Dependency
        } else if self.eat("*") {
            RelationEnd::Composition
        } else if self.rest().starts_with("o--") || self.rest().starts_with("o..") {
            self.pos += 1;
            RelationEnd::Aggregation
        } else {
            RelationEnd::None
        };
        let dashed = if self.eat("--") {
            false
        } else if self.eat("..") {
            true
        } else {
            let r = self.rest();
            let msg = if r.is_empty() || r.starts_with('\n') {
                format!("expected a relation or `:` and a member after `{}`", from.id)
            } else {
                format!(
                    "expected a relation such as `<|--` or `-->`, found {}",
                    found(&self.text[token_start..])
                )
            };
            let len = self.text[token_start..].find(char::is_whitespace).unwrap_or(1);
            return self.err(token_start, len, msg, Some(RELATION_HINT));
        };
        let to_end = if self.eat("()") {
            RelationEnd::Lollipop
        } else if self.eat("|>") {
            RelationEnd::Extension
        } else if self.eat(">") {
            RelationEnd::Dependency
        } else if self.eat("*") {
            RelationEnd::Composition
        } else if self.rest().starts_with('o') && !self.rest()[1..].starts_with(is_id_char) {
            self.pos += 1;
            RelationEnd::Aggregation
        } else {
            RelationEnd::None
        };
        if self.rest().starts_with(['-', '.', '|', '>', '<']) {
            let len = self.rest().find(char::is_whitespace).unwrap_or(1) + self.pos - token_start;
            return self.err(
                token_start,
                len,
                format!(
                    "`{}` is not a relation",
                    self.text[token_start..token_start + len].trim()
                ),
                Some(RELATION_HINT),
            );
        }
        self.blanks();
        let to_cardinality = self.cardinality()?;
        self.blanks();
        let to = self.class_ref()?;
        self.blanks();
        let label = if self.eat(":") {
            self.blanks();
            let (text, span) = self.line_text();
            if text.is_empty() {
                return self.err(
                    self.pos,
                    1,
                    "expected a label after `:`",
                    Some("write `A --> B : label` or drop the `:`"),
                );
            }
            Some(shown_label(&text, span))
        } else {
            None
        };
        Ok(Stmt::Relation {
            rel: Box::new(Relation {
                from_end,
                to_end,
                dashed,
                from_cardinality,
                to_cardinality,
                label,
                span: Span::new(start, self.pos),
                ..Relation::default()
            }),
            from,
            to,
        })
    }

    fn cardinality(&mut self) -> GResult<Option<String>> {
        if !self.rest().starts_with('"') {
            return Ok(None);
        }
        Ok(Some(decode_entities(&self.quoted("the cardinality")?.0)))
    }

    fn class(&mut self, _start: usize) -> GResult<Stmt> {
        let class = self.class_ref()?;
        let label = self.bracket_label()?;
        let css = if self.eat(":::") {
            let r = self.rest();
            let n = r
                .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '-'))
                .unwrap_or(r.len());
            if n == 0 {
                return self.err_here("expected a style class name after `:::`", None);
            }
            self.pos += n;
            Some(r[..n].to_string())
        } else {
            None
        };
        self.blanks();
        let mut annotations = Vec::new();
        while self.rest().starts_with("<<") {
            annotations.push(self.annotation()?);
            self.blanks();
        }
        let mut members = Vec::new();
        if self.rest().starts_with('{') {
            self.body(&mut annotations, &mut members)?;
        }
        Ok(Stmt::Class {
            class,
            label,
            css,
            annotations,
            members,
        })
    }

    /// `{` members and annotations, one per line, `}`.
    fn body(&mut self, annotations: &mut Vec<String>, members: &mut Vec<Member>) -> GResult<()> {
        let open = self.pos;
        self.pos += 1;
        loop {
            let r = self.rest();
            if r.is_empty() {
                return self.err(
                    open,
                    1,
                    "unclosed `{`: expected `}` to end the class body",
                    Some("put the closing `}` on a line of its own after the last member"),
                );
            }
            let n = r.find('\n').unwrap_or(r.len());
            let line = &r[..n];
            let lead = line.len() - line.trim_start().len();
            let code = line.find(" %%").map_or(line, |c| &line[..c]);
            let trimmed = code.trim();
            let line_start = self.pos + lead;
            if let Some(close) = trimmed.find('}').filter(|_| !trimmed.starts_with("<<")) {
                let before = trimmed[..close].trim();
                if !before.is_empty() {
                    members.push(member(before, Span::new(line_start, line_start + before.len())));
                }
                self.pos = line_start + close + 1;
                return Ok(());
            }
            if trimmed.starts_with("<<") && trimmed.ends_with(">>") && trimmed.len() >= 4 {
                annotations.push(trimmed[2..trimmed.len() - 2].trim().to_string());
            } else if !trimmed.is_empty() {
                members.push(member(trimmed, Span::new(line_start, line_start + trimmed.len())));
            }
            self.pos += n;
            self.eat("\n");
        }
    }

    fn namespace(&mut self, start: usize) -> GResult<Stmt> {
        let name = self.class_ref()?;
        let label = self.bracket_label()?;
        self.blanks();
        if !self.eat("{") {
            return self.err_here(
                format!(
                    "expected `{{` after `namespace {}`, found {}",
                    name.id,
                    found(self.rest())
                ),
                Some("a namespace is a block: `namespace Name {`, its classes, then `}`"),
            );
        }
        let id = match name.generic {
            Some(g) => format!("{}~{g}~", name.id),
            None => name.id,
        };
        Ok(Stmt::NamespaceStart {
            id,
            label,
            span: Span::new(start, self.pos),
        })
    }

    fn note(&mut self, start: usize) -> GResult<Stmt> {
        let class = if self.keyword("for") {
            self.blanks();
            let c = self.class_ref()?;
            self.blanks();
            Some(c.id)
        } else {
            None
        };
        let (text, span) = self.note_text()?;
        Ok(Stmt::Note {
            text: shown_label(&text, span),
            class,
            span: Span::new(start, self.pos),
        })
    }

    fn direction(&mut self, _start: usize) -> GResult<Stmt> {
        let r = self.rest();
        let n = r.find(char::is_whitespace).unwrap_or(r.len());
        let d = match &r[..n] {
            "TB" | "TD" => Direction::TopBottom,
            "BT" => Direction::BottomTop,
            "LR" => Direction::LeftRight,
            "RL" => Direction::RightLeft,
            _ => {
                return self.err_here(
                    format!("expected a direction, found {}", found(r)),
                    Some("directions are `TB`, `BT`, `LR` and `RL`"),
                )
            }
        };
        self.pos += n;
        Ok(Stmt::Direction(d))
    }
}

/// Text that is drawn (labels, notes): entity codes decoded, `<br>` and real new lines as line breaks. Whether
/// it reads as markdown is the layout's business.
pub(super) fn shown_label(text: &str, span: Span) -> Label {
    Label {
        text: decode_entities(text).replace('\n', &LINE_BREAK.to_string()),
        kind: LabelKind::Plain,
        span,
    }
}
