//! State diagrams (`stateDiagram`, `stateDiagram-v2`): lines are read one at a time by [`grammar`] and folded
//! into a resolved [`StateDiagram`] by [`Builder`], which tracks the open composites and concurrency regions
//! and turns every `[*]` into its scope's start or end pseudo-state, as mermaid does.

mod grammar;
#[cfg(test)]
mod tests;

use crate::ast::{ClassDef, Label, LabelKind, Span, State, StateClick, StateDiagram, StateKind, StateNote, Transition};
use crate::preprocess::Preprocessed;
use crate::ParseError;
use grammar::{GErr, StateRef, Stmt};
use std::collections::HashMap;

/// A state diagram: its first keywords and its grammar.
pub(crate) const GRAMMAR: crate::Grammar = crate::Grammar {
    keywords: &["stateDiagram", "stateDiagram-v2"],
    parse: |pre| parse_state(pre).map(crate::Diagram::State),
};

pub(crate) fn parse_state(pre: &Preprocessed<'_>) -> Result<StateDiagram, ParseError> {
    let to_error = |e: GErr| -> ParseError {
        let err = ParseError::new(pre.source, e.span, e.msg);
        match e.hint {
            Some(h) => err.with_hint(h),
            None => err,
        }
    };
    let mut b = Builder::new(pre);
    b.diagram.v2 = pre.keyword().eq_ignore_ascii_case("stateDiagram-v2");
    b.run().map_err(to_error)?;
    Ok(b.diagram)
}

/// An open `state X {` block.
struct Frame {
    /// The composite state.
    composite: usize,
    /// The concurrency region being read, once a `--` has been seen.
    region: Option<usize>,
    /// The `state X {` line, for "never closed" errors.
    span: Span,
}

struct Builder<'a> {
    pre: &'a Preprocessed<'a>,
    diagram: StateDiagram,
    index: HashMap<String, usize>,
    frames: Vec<Frame>,
    /// Regions made so far, for mermaid's `divider-id-N` names.
    regions: usize,
}

/// The lines of `text` from byte `from`: (start offset, line without its newline).
fn lines_from(text: &str, from: usize) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut at = from;
    for line in text.get(from..).unwrap_or("").split('\n') {
        out.push((at, line));
        at += line.len() + 1;
    }
    out
}

/// The line without a trailing `%%` comment (whole-line `%%` comments are blanked by preprocessing); a line
/// that starts with `#` is a comment too in state diagrams.
fn strip_comment(line: &str) -> &str {
    if line.trim_start().starts_with('#') {
        return "";
    }
    match line.find("%%") {
        Some(i) => &line[..i],
        None => line,
    }
}

impl<'a> Builder<'a> {
    fn new(pre: &'a Preprocessed<'a>) -> Self {
        let mut diagram = StateDiagram {
            meta: pre.meta.clone(),
            ..StateDiagram::default()
        };
        diagram.meta.title = pre.meta.title.clone();
        Builder {
            pre,
            diagram,
            index: HashMap::new(),
            frames: Vec::new(),
            regions: 0,
        }
    }

    fn run(&mut self) -> Result<(), GErr> {
        let text = self.pre.text.as_str();
        let lines = lines_from(text, self.pre.keyword.end);
        let mut i = 0;
        // The rest of the header line must be empty.
        if let Some(&(at, line)) = lines.first() {
            let rest = strip_comment(line);
            if !rest.trim().is_empty() {
                let start = at + (rest.len() - rest.trim_start().len());
                return Err(GErr {
                    span: Span::new(start, at + rest.trim_end().len()),
                    msg: "expected the end of the line after the diagram header".into(),
                    hint: Some("put the first statement on the next line".into()),
                });
            }
            i = 1;
        }
        while i < lines.len() {
            let (at, line) = lines[i];
            i += 1;
            // The statement's own text, for errors about the whole line.
            let lead = line.len() - line.trim_start().len();
            let stmt_span = Span::new(at + lead, at + strip_comment(line).trim_end().len().max(lead));
            let mut stmt = grammar::statement(strip_comment(line), at)?;
            // `state X` with its `{` alone on a following line opens the composite too.
            if let Stmt::Declare {
                opens: opens @ false, ..
            } = &mut stmt
            {
                let next = (i..lines.len()).find(|&k| !strip_comment(lines[k].1).trim().is_empty());
                if let Some(k) = next.filter(|&k| strip_comment(lines[k].1).trim() == "{") {
                    *opens = true;
                    i = k + 1;
                }
            }
            match stmt {
                Stmt::Note {
                    state,
                    side,
                    text: None,
                } => {
                    let (text, next) = block_note(&lines, i, stmt_span)?;
                    i = next;
                    self.note(state, side, text);
                }
                Stmt::AccDescr(None) => {
                    let mut body = Vec::new();
                    let open = line.find('{').map_or(at, |p| at + p);
                    let after_open = &line[open - at + 1..];
                    let mut closed = after_open.contains('}');
                    body.push(after_open.split('}').next().unwrap_or("").trim().to_string());
                    while !closed && i < lines.len() {
                        let l = lines[i].1;
                        i += 1;
                        closed = l.contains('}');
                        body.push(l.split('}').next().unwrap_or("").trim().to_string());
                    }
                    if !closed {
                        return Err(GErr {
                            span: Span::new(open, open + 1),
                            msg: "this `accDescr {` is never closed".into(),
                            hint: Some("end the description with `}`".into()),
                        });
                    }
                    body.retain(|l| !l.is_empty());
                    self.diagram.meta.acc_descr = Some(body.join("\n"));
                }
                stmt => self.apply(stmt, stmt_span)?,
            }
            self.check_limits(stmt_span)?;
        }
        if let Some(frame) = self.frames.last() {
            let id = &self.diagram.states[frame.composite].id;
            return Err(GErr {
                span: frame.span,
                msg: format!("composite state `{id}` is never closed"),
                hint: Some("add a line with `}` after its inner states".into()),
            });
        }
        Ok(())
    }

    fn check_limits(&self, span: Span) -> Result<(), GErr> {
        let limits = &self.pre.limits;
        let too_many = |what: &str, limit: usize| GErr {
            span,
            msg: format!("too many {what}: more than the limit of {limit}"),
            hint: Some(crate::limits::HINT.into()),
        };
        if self.diagram.states.len() + self.diagram.notes.len() > limits.max_nodes {
            return Err(too_many("states", limits.max_nodes));
        }
        if self.diagram.transitions.len() > limits.max_edges {
            return Err(too_many("transitions", limits.max_edges));
        }
        if self.frames.len() > limits.max_nesting_depth {
            return Err(GErr {
                span,
                msg: format!(
                    "composite states are nested too deeply (more than {} levels)",
                    limits.max_nesting_depth
                ),
                hint: Some(crate::limits::HINT.into()),
            });
        }
        Ok(())
    }

    /// The scope new states go into: the open region or composite, or the top level.
    fn scope(&self) -> Option<usize> {
        self.frames.last().map(|f| f.region.unwrap_or(f.composite))
    }

    fn scope_name(&self) -> String {
        self.scope()
            .map_or_else(|| "root".to_string(), |s| self.diagram.states[s].id.clone())
    }

    /// The state with this id, created in the current scope if this is its first mention.
    fn state(&mut self, id: &str, kind: StateKind, span: Span) -> usize {
        if let Some(&i) = self.index.get(id) {
            return i;
        }
        let i = self.diagram.states.len();
        self.diagram.states.push(State {
            id: id.to_string(),
            kind,
            parent: self.scope(),
            span,
            ..State::default()
        });
        self.index.insert(id.to_string(), i);
        i
    }

    /// A mention: `[*]` resolved to the scope's start (as a source) or end (as a target), classes added.
    fn mention(&mut self, r: StateRef, as_source: bool) -> String {
        let i = if r.is_pseudo() {
            let (suffix, kind) = if as_source {
                ("start", StateKind::Start)
            } else {
                ("end", StateKind::End)
            };
            let id = format!("{}_{suffix}", self.scope_name());
            self.state(&id, kind, r.span)
        } else {
            self.state(&r.id, StateKind::Simple, r.span)
        };
        let s = &mut self.diagram.states[i];
        for c in r.classes {
            if !s.classes.contains(&c) {
                s.classes.push(c);
            }
        }
        s.id.clone()
    }

    fn note(&mut self, state: StateRef, side: crate::ast::NoteSide, text: Label) {
        let span = state.span;
        let id = self.mention(state, true);
        self.diagram.notes.push(StateNote {
            state: id,
            side,
            text,
            span,
        });
    }

    fn apply(&mut self, stmt: Stmt, line: Span) -> Result<(), GErr> {
        match stmt {
            Stmt::Blank | Stmt::Ignored | Stmt::AccDescr(None) => {}
            Stmt::Direction(d) => match self.frames.last() {
                Some(f) => self.diagram.states[f.region.unwrap_or(f.composite)].direction = Some(d),
                None => self.diagram.direction = d,
            },
            Stmt::ClassDef { names, styles } => {
                for name in names {
                    self.diagram.class_defs.push(ClassDef {
                        name,
                        styles: styles.clone(),
                        span: line,
                    });
                }
            }
            Stmt::Class { ids, class } => {
                // Only states that exist: mermaid ignores `class` on an unknown id (`class end x` makes no state).
                for i in ids.iter().filter_map(|id| self.index.get(id).copied()) {
                    let s = &mut self.diagram.states[i];
                    if !s.classes.contains(&class) {
                        s.classes.push(class.clone());
                    }
                }
            }
            Stmt::Style { ids, styles } => {
                for i in ids.iter().filter_map(|id| self.index.get(id).copied()) {
                    self.diagram.states[i].styles.extend(styles.iter().cloned());
                }
            }
            Stmt::Click { id, url, tooltip } => self.diagram.clicks.push(StateClick {
                state: id,
                url,
                tooltip,
                span: line,
            }),
            Stmt::AccTitle(t) => self.diagram.meta.acc_title = Some(t),
            Stmt::AccDescr(Some(t)) => self.diagram.meta.acc_descr = Some(t),
            Stmt::Note { state, side, text } => {
                let text = text.unwrap_or_default();
                self.note(state, side, text);
            }
            Stmt::Declare {
                state,
                title,
                description,
                kind,
                opens,
            } => self.declare(state, title, description, kind, opens, line)?,
            Stmt::Close => {
                if self.frames.pop().is_none() {
                    return Err(GErr {
                        span: Span::new(line.start, line.end),
                        msg: "unexpected `}`: no composite state is open".into(),
                        hint: Some("a composite state starts with `state Name {`".into()),
                    });
                }
            }
            Stmt::Divider => self.divide(line)?,
            Stmt::Transition { from, to, label } => {
                let span = Span::new(from.span.start, label.as_ref().map_or(to.span.end, |l| l.span.end));
                let from = self.mention(from, true);
                let to = self.mention(to, false);
                self.diagram.transitions.push(Transition { from, to, label, span });
            }
            Stmt::Describe { state, text } => {
                let id = self.mention(state, true);
                if let Some(&i) = self.index.get(&id) {
                    let s = &mut self.diagram.states[i];
                    if s.kind == StateKind::Composite {
                        s.title = Some(text);
                    } else {
                        s.descriptions.push(text);
                    }
                }
            }
            Stmt::Mention(r) => {
                self.mention(r, true);
            }
        }
        Ok(())
    }

    fn declare(
        &mut self,
        state: StateRef,
        title: Option<Label>,
        description: Option<Label>,
        kind: Option<StateKind>,
        opens: bool,
        line: Span,
    ) -> Result<(), GErr> {
        let span = state.span;
        let id = self.mention(state, true);
        let Some(&i) = self.index.get(&id) else {
            return Ok(());
        };
        let open = self.frames.iter().any(|f| f.composite == i);
        if opens && (open || self.scope() == Some(i)) {
            return Err(GErr {
                span,
                msg: format!("composite state `{id}` cannot be nested inside itself"),
                hint: Some("give the inner state another id".into()),
            });
        }
        let s = &mut self.diagram.states[i];
        if let Some(k) = kind {
            s.kind = k;
        }
        if opens {
            s.kind = StateKind::Composite;
        }
        if title.is_some() {
            s.title = title;
        }
        s.descriptions.extend(description);
        if opens {
            self.frames.push(Frame {
                composite: i,
                region: None,
                span: line,
            });
        }
        Ok(())
    }

    /// `--`: the states read so far in this composite become its first region (their `[*]` renamed to the
    /// region's), and a new region starts.
    fn divide(&mut self, line: Span) -> Result<(), GErr> {
        let Some(frame) = self.frames.last() else {
            return Err(GErr {
                span: Span::new(line.start, line.end),
                msg: "`--` separates concurrent regions and is only allowed inside a composite state".into(),
                hint: Some("wrap the regions in `state Name { … }`".into()),
            });
        };
        let composite = frame.composite;
        if frame.region.is_none() {
            let first = self.new_region(composite, line);
            let composite_id = self.diagram.states[composite].id.clone();
            let region_id = self.diagram.states[first].id.clone();
            for si in 0..self.diagram.states.len() {
                if si != first && self.diagram.states[si].parent == Some(composite) {
                    self.diagram.states[si].parent = Some(first);
                }
            }
            for suffix in ["start", "end"] {
                self.rename(&format!("{composite_id}_{suffix}"), &format!("{region_id}_{suffix}"));
            }
        }
        let next = self.new_region(composite, line);
        if let Some(f) = self.frames.last_mut() {
            f.region = Some(next);
        }
        Ok(())
    }

    fn new_region(&mut self, composite: usize, span: Span) -> usize {
        self.regions += 1;
        let mut id = format!("divider-id-{}", self.regions);
        while self.index.contains_key(&id) {
            id.push('_');
        }
        let i = self.diagram.states.len();
        self.diagram.states.push(State {
            id: id.clone(),
            kind: StateKind::Region,
            parent: Some(composite),
            span,
            ..State::default()
        });
        self.index.insert(id, i);
        i
    }

    fn rename(&mut self, old: &str, new: &str) {
        let Some(i) = self.index.remove(old) else {
            return;
        };
        if self.index.contains_key(new) {
            self.index.insert(old.to_string(), i);
            return;
        }
        self.diagram.states[i].id = new.to_string();
        self.index.insert(new.to_string(), i);
        for t in &mut self.diagram.transitions {
            for end in [&mut t.from, &mut t.to] {
                if end == old {
                    *end = new.to_string();
                }
            }
        }
        for n in &mut self.diagram.notes {
            if n.state == old {
                n.state = new.to_string();
            }
        }
    }
}

/// The lines of a block note from line `from` up to `end note`: the text (each line's leading blanks dropped)
/// and the index of the line after `end note`.
fn block_note(lines: &[(usize, &str)], from: usize, note_line: Span) -> Result<(Label, usize), GErr> {
    let mut body: Vec<&str> = Vec::new();
    for (k, &(_, line)) in lines.iter().enumerate().skip(from) {
        let t = line.trim();
        if t.len() >= 8 && t[..3].eq_ignore_ascii_case("end") && t[3..].trim_start().eq_ignore_ascii_case("note") {
            let start = lines.get(from).map_or(note_line.end, |l| l.0);
            let end = lines.get(k).map_or(note_line.end, |l| l.0);
            let text = crate::text::decode_entities(&body.join("\n"));
            let label = Label {
                text,
                kind: LabelKind::Markdown,
                span: Span::new(start, end.max(start)),
            };
            return Ok((label, k + 1));
        }
        body.push(line.trim_start());
    }
    Err(GErr {
        span: note_line,
        msg: "this note is never closed".into(),
        hint: Some(
            "close a multi-line note with a line `end note`, or write a one-line note as `note right of \
                    State : text`"
                .into(),
        ),
    })
}
