//! Sequence diagrams (`sequenceDiagram`): the body is split into statements, each read by [`grammar`], and
//! folded into a [`SequenceDiagram`] by [`Builder`], which also checks what mermaid checks while building
//! (balanced blocks, boxes holding only participants, deactivating only active participants, `create` and
//! `destroy` followed by their message).
//!
//! Blocks are kept flat (start / branch / end markers) and tracked with an explicit stack, so no input can
//! overflow the stack; nesting deeper than [`crate::Limits::max_nesting_depth`] is rejected, and so are more
//! participants or statements than the limits allow.

mod grammar;

use crate::ast::{
    ActorLink, BlockKind, Label, LabelKind, Message, Note, Participant, ParticipantBox, SeqStatement, SequenceDiagram,
    Span,
};
use crate::preprocess::Preprocessed;
use crate::text::decode_entities;
use crate::ParseError;
use grammar::{split_statements, statement, SErr, Stmt};
use std::collections::HashMap;

/// A sequence diagram: its first keywords and its grammar.
pub(crate) const GRAMMAR: crate::Grammar = crate::Grammar {
    keywords: &["sequenceDiagram"],
    parse: |pre| parse_sequence(pre).map(crate::Diagram::Sequence),
};

pub(crate) fn parse_sequence(pre: &Preprocessed<'_>) -> Result<SequenceDiagram, ParseError> {
    let text = pre.text.as_str();
    let header_end = pre.keyword.end;
    // Nothing but blanks may follow the keyword on its line, unless a `;` ends the header first.
    let line_end = text[header_end..].find('\n').map_or(text.len(), |i| header_end + i);
    let tail = &text[header_end..line_end];
    let tail_trim = tail.trim_start_matches([' ', '\t']);
    if !tail_trim.trim().is_empty() && !tail_trim.starts_with([';', '#']) {
        let at = line_end - tail_trim.len();
        let shown = tail_trim.trim_end();
        return Err(ParseError::new(
            pre.source,
            Span::new(at, at + shown.len()),
            format!(
                "unexpected `{}` after `sequenceDiagram`: expected a new line or `;`",
                shown.chars().take(30).collect::<String>()
            ),
        ));
    }
    let mut b = Builder::new(pre.source, pre.limits);
    b.d.meta = pre.meta.clone();
    let limits = &pre.limits;
    for piece in split_statements(text, header_end) {
        let stmt = statement(piece).map_err(|e| b.to_error(e))?;
        b.apply(stmt, piece.span())?;
        if b.d.participants.len() > limits.max_nodes {
            return Err(crate::limits::too_many(
                pre.source,
                piece.span(),
                "participants",
                limits.max_nodes,
            ));
        }
        if b.d.statements.len().saturating_add(b.d.links.len()) > limits.max_edges {
            return Err(crate::limits::too_many(
                pre.source,
                piece.span(),
                "statements",
                limits.max_edges,
            ));
        }
    }
    b.finish()
}

struct OpenBlock {
    kind: BlockKind,
    span: Span,
}

struct Builder<'a> {
    source: &'a str,
    limits: crate::Limits,
    d: SequenceDiagram,
    index: HashMap<String, usize>,
    blocks: Vec<OpenBlock>,
    open_box: Option<(usize, Span)>,
    active: HashMap<String, usize>,
    /// A `create`d participant waiting for its creating message.
    pending_create: Option<(String, Span)>,
    pending_destroy: Vec<(String, Span)>,
    /// `activate`/`deactivate` of names nothing had mentioned yet: each must be a participant by the end.
    activated_unknown: Vec<(String, Span)>,
}

impl<'a> Builder<'a> {
    fn new(source: &'a str, limits: crate::Limits) -> Self {
        Builder {
            source,
            limits,
            d: SequenceDiagram::default(),
            index: HashMap::new(),
            blocks: Vec::new(),
            open_box: None,
            active: HashMap::new(),
            pending_create: None,
            pending_destroy: Vec::new(),
            activated_unknown: Vec::new(),
        }
    }

    fn error(&self, span: Span, msg: impl Into<String>) -> ParseError {
        ParseError::new(self.source, span, msg)
    }

    fn to_error(&self, e: SErr) -> ParseError {
        let err = self.error(e.span, e.msg);
        match e.hint {
            Some(h) => err.with_hint(h),
            None => err,
        }
    }

    fn label(text: &str, span: Span) -> Label {
        Label {
            text: decode_entities(text),
            kind: LabelKind::Plain,
            span,
        }
    }

    /// The participant `id`, created (as a plain participant) on first mention.
    fn mention(&mut self, id: &str, span: Span) -> usize {
        if let Some(&i) = self.index.get(id) {
            return i;
        }
        self.d.participants.push(Participant {
            id: id.to_string(),
            label: Self::label(id, span),
            span,
            ..Default::default()
        });
        let i = self.d.participants.len() - 1;
        self.index.insert(id.to_string(), i);
        i
    }

    fn apply(&mut self, stmt: Stmt, span: Span) -> Result<(), ParseError> {
        if let Some((_, box_span)) = self.open_box {
            if !matches!(stmt, Stmt::Participant { create: false, .. } | Stmt::End) {
                return Err(self
                    .error(span, "a `box` may only hold `participant` and `actor` declarations")
                    .with_hint(format!(
                        "close the box opened at {} with `end` first",
                        self.where_(box_span)
                    )));
            }
        }
        match stmt {
            Stmt::Participant {
                id,
                id_span,
                alias,
                kind,
                create,
            } => {
                let existing = self.index.get(&id).copied();
                if create {
                    if existing.is_some() {
                        return Err(self.error(
                            id_span,
                            format!("`{id}` already exists: `create` needs a new participant"),
                        ));
                    }
                    self.d.statements.push(SeqStatement::Create {
                        participant: id.clone(),
                        span,
                    });
                    self.pending_create = Some((id.clone(), span));
                }
                let i = self.mention(&id, id_span);
                let p = &mut self.d.participants[i];
                p.kind = kind;
                p.declared = true;
                p.created |= create;
                if existing.is_some() && !create {
                    // A later declaration of a known participant only changes how it looks.
                } else {
                    p.span = span;
                }
                if let Some((text, s)) = alias {
                    let (text, wrap) = match grammar::wrap_prefix(&text) {
                        Some((len, wrap)) => (text[len..].trim(), Some(wrap)),
                        None => (text.as_str(), None),
                    };
                    p.label = Self::label(text, s);
                    p.wrap = wrap;
                }
                if let Some((b, _)) = self.open_box {
                    if let Some(other) = self.d.participants[i].in_box.filter(|&o| o != b) {
                        let other_span = self.d.boxes[other].span;
                        return Err(self.error(
                            id_span,
                            format!("`{id}` is already in the box at {}", self.where_(other_span)),
                        ));
                    }
                    self.d.participants[i].in_box = Some(b);
                    if !self.d.boxes[b].participants.contains(&id) {
                        self.d.boxes[b].participants.push(id);
                    }
                }
            }
            Stmt::Destroy { id, span: id_span } => {
                self.mention(&id, id_span);
                if let Some(&i) = self.index.get(&id) {
                    self.d.participants[i].destroyed = true;
                }
                self.d.statements.push(SeqStatement::Destroy {
                    participant: id.clone(),
                    span,
                });
                self.pending_destroy.push((id, span));
            }
            Stmt::Box { color, title } => {
                if !self.blocks.is_empty() {
                    return Err(self.error(span, "a `box` cannot be opened inside a block"));
                }
                self.d.boxes.push(ParticipantBox {
                    title,
                    color,
                    participants: vec![],
                    span,
                });
                self.open_box = Some((self.d.boxes.len() - 1, span));
            }
            Stmt::Activate { id, span: id_span, on } => {
                // Activating is no mention: it neither creates a participant nor fixes its column.
                if !self.index.contains_key(&id) {
                    self.activated_unknown.push((id.clone(), id_span));
                }
                if on {
                    *self.active.entry(id.clone()).or_default() += 1;
                    self.d.statements.push(SeqStatement::Activate { participant: id, span });
                } else {
                    self.deactivate(&id, span)?;
                    self.d
                        .statements
                        .push(SeqStatement::Deactivate { participant: id, span });
                }
            }
            Stmt::Note {
                placement,
                ids,
                text,
                text_span,
                wrap,
            } => {
                for (id, s) in &ids {
                    self.mention(id, *s);
                }
                self.d.statements.push(SeqStatement::Note(Note {
                    placement,
                    participants: ids.into_iter().map(|(id, _)| id).collect(),
                    text: Self::label(&text, text_span),
                    wrap,
                    span,
                }));
            }
            Stmt::Block {
                kind,
                text,
                text_span,
                wrap,
            } => {
                if self.blocks.len() >= self.limits.max_nesting_depth {
                    return Err(crate::limits::too_deep(
                        self.source,
                        span,
                        "blocks",
                        self.limits.max_nesting_depth,
                    ));
                }
                self.blocks.push(OpenBlock { kind, span });
                self.d.statements.push(SeqStatement::BlockStart {
                    kind,
                    label: Self::label(&text, text_span),
                    wrap,
                    span,
                });
            }
            Stmt::Branch {
                keyword,
                text,
                text_span,
                wrap,
            } => {
                let expected = match keyword {
                    "else" => "alt",
                    "and" => "par",
                    _ => "critical",
                };
                let fits = self.blocks.last().is_some_and(|b| match keyword {
                    "else" => b.kind == BlockKind::Alt,
                    "and" => matches!(b.kind, BlockKind::Par | BlockKind::ParOver),
                    _ => b.kind == BlockKind::Critical,
                });
                if !fits {
                    let inside = match self.blocks.last() {
                        Some(b) => format!("inside `{}`", kind_keyword(b.kind)),
                        None => "outside any block".to_string(),
                    };
                    return Err(self.error(
                        span,
                        format!("`{keyword}` belongs in an `{expected}` block, but it is {inside}"),
                    ));
                }
                self.d.statements.push(SeqStatement::BlockBranch {
                    label: Self::label(&text, text_span),
                    wrap,
                    span,
                });
            }
            Stmt::End => {
                if self.open_box.take().is_some() {
                    return Ok(());
                }
                if self.blocks.pop().is_none() {
                    return Err(self
                        .error(span, "`end` without an open block")
                        .with_hint("blocks start with loop, alt, opt, par, critical, break, rect or box"));
                }
                self.d.statements.push(SeqStatement::BlockEnd { span });
            }
            Stmt::Autonumber(a) => self.d.statements.push(SeqStatement::Autonumber(a, span)),
            Stmt::Title(t) => self.d.title = Some(decode_entities(&t)),
            Stmt::AccTitle(t) => self.d.meta.acc_title = Some(t),
            Stmt::AccDescr(t) => self.d.meta.acc_descr = Some(t),
            Stmt::Links { id, links } => {
                for (label, url) in links {
                    self.d.links.push(ActorLink {
                        participant: id.clone(),
                        label,
                        url,
                        span,
                    });
                }
            }
            Stmt::Properties { id, text } => self.d.properties.push((id, text)),
            Stmt::Message {
                from,
                to,
                arrow,
                token,
                activate,
                deactivate,
                central_from,
                central_to,
                text,
                text_span,
                wrap,
            } => {
                if let Some((created, cspan)) = self.pending_create.take() {
                    if to.0 != created {
                        return Err(self
                            .error(span, format!("the message after `create` must go to `{created}`"))
                            .with_hint(format!("`{created}` is created at {}", self.where_(cspan))));
                    }
                }
                if let Some(pos) = self
                    .pending_destroy
                    .iter()
                    .position(|(d, _)| *d == from.0 || *d == to.0)
                {
                    self.pending_destroy.remove(pos);
                }
                if let Some((d, dspan)) = self.pending_destroy.first().cloned() {
                    return Err(self
                        .error(span, format!("the message after `destroy {d}` must involve `{d}`"))
                        .with_hint(format!("`{d}` is destroyed at {}", self.where_(dspan))));
                }
                self.mention(&from.0, from.1);
                self.mention(&to.0, to.1);
                if activate {
                    *self.active.entry(to.0.clone()).or_default() += 1;
                }
                if deactivate {
                    self.deactivate(&from.0, span)?;
                }
                self.d.statements.push(SeqStatement::Message(Message {
                    from: from.0,
                    to: to.0,
                    arrow,
                    token,
                    text: Self::label(&text, text_span),
                    wrap,
                    activate_target: activate,
                    deactivate_source: deactivate,
                    central_from,
                    central_to,
                    span,
                }));
            }
        }
        Ok(())
    }

    fn deactivate(&mut self, id: &str, span: Span) -> Result<(), ParseError> {
        match self.active.get_mut(id) {
            Some(n) if *n > 0 => {
                *n -= 1;
                Ok(())
            }
            _ => Err(self
                .error(span, format!("cannot deactivate `{id}`: it is not active"))
                .with_hint(format!(
                    "activate it first with `activate {id}` or a `+` on a message to it"
                ))),
        }
    }

    fn where_(&self, span: Span) -> String {
        let e = self.error(span, "");
        format!("line {}, column {}", e.line, e.column)
    }

    fn finish(mut self) -> Result<SequenceDiagram, ParseError> {
        if let Some((id, span)) = self
            .activated_unknown
            .iter()
            .find(|(id, _)| !self.index.contains_key(id))
        {
            let nearest = self
                .d
                .participants
                .iter()
                .map(|p| {
                    (
                        crate::text::edit_distance(&p.id.to_lowercase(), &id.to_lowercase()),
                        &p.id,
                    )
                })
                .min();
            let hint = match nearest {
                // Only a near miss of a longer name: `C` is not a typo of `A`.
                Some((d, near)) if d <= 2 && 2 * d < id.len().max(near.len()) => format!("did you mean `{near}`?"),
                _ => format!("declare it first with `participant {id}`, or activate a participant that exists"),
            };
            return Err(self
                .error(*span, format!("cannot activate `{id}`: no participant has that name"))
                .with_hint(hint));
        }
        if let Some((_, span)) = self.open_box {
            return Err(self
                .error(span, "unclosed `box`: expected `end`")
                .with_hint("close the box with `end` after its last participant"));
        }
        if let Some(b) = self.blocks.last() {
            return Err(self
                .error(
                    b.span,
                    format!("unclosed `{}` block: expected `end`", kind_keyword(b.kind)),
                )
                .with_hint(format!(
                    "every `{}` needs a matching `end` line after its last statement",
                    kind_keyword(b.kind)
                )));
        }
        if let Some((c, span)) = self.pending_create.take() {
            return Err(self.error(span, format!("`{c}` is created but no message goes to it")));
        }
        if let Some((d, span)) = self.pending_destroy.first() {
            return Err(self.error(*span, format!("`{d}` is destroyed but no message involves it")));
        }
        Ok(self.d)
    }
}

fn kind_keyword(kind: BlockKind) -> &'static str {
    match kind {
        BlockKind::ParOver => "par_over",
        k => k.name(),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic)]
mod tests;
