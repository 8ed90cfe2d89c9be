//! The vertical walk: the statements once, top to bottom, with a cursor `y` and the open frames and
//! activations on explicit stacks (no recursion, whatever the nesting). It records where every message, note,
//! frame and activation bar goes; drawing them is left to the drawing steps.

use super::frames::{bracketed, label_box_width};
use super::*;
use mermaid_parser::{LineStyle, NotePlacement, SeqStatement};

/// What the walk placed.
pub(super) struct Walked {
    /// The y of the participants' top symbols.
    pub top: f64,
    pub messages: Vec<PlacedMessage>,
    pub notes: Vec<PlacedNote>,
    pub frames: Vec<PlacedFrame>,
    /// Activation bars: column, nesting level, y1, y2.
    pub bars: Vec<(usize, usize, f64, f64)>,
    /// Where the lifelines end.
    pub bottom_y: f64,
}

/// Walk the statements and place everything. mermaid wraps a frame's titles to the width its messages give it.
/// That width is known after one walk; when a title needs wrapping, a second walk lays the diagram out with the
/// wrapped titles.
pub(super) fn run(
    diagram: &SequenceDiagram,
    theme: &Theme,
    index: &Index<'_>,
    texts: &[Option<Txt>],
    cols: &mut [Col],
) -> Walked {
    let top = header_top(diagram);
    let header_h = header_height(diagram, index, cols);
    let mut title_wrap: HashMap<usize, f64> = HashMap::new();
    loop {
        let mut walk = Walk::new(theme, index, texts, cols, &title_wrap, top + header_h);
        for (si, st) in diagram.statements.iter().enumerate() {
            walk.statement(si, st);
        }
        let walked = walk.finish(top);
        if title_wrap.is_empty() {
            title_wrap = titles_to_wrap(&walked.frames, theme);
            if !title_wrap.is_empty() {
                continue;
            }
        }
        return walked;
    }
}

/// The y of the top symbols: below the title band of participant boxes, if any.
fn header_top(diagram: &SequenceDiagram) -> f64 {
    let has_box = !diagram.boxes.is_empty();
    let box_title = diagram.boxes.iter().any(|b| b.title.is_some());
    if box_title {
        BOX_TITLE_H
    } else if has_box {
        BOX_PAD / 2.0
    } else {
        0.0
    }
}

/// The height of the header band the first statement starts below.
fn header_height(diagram: &SequenceDiagram, index: &Index<'_>, cols: &[Col]) -> f64 {
    let created: Vec<bool> = diagram.participants.iter().map(|p| p.created).collect();
    cols.iter()
        .filter(|c| !created[index.of(&c.id)])
        .map(|c| {
            if c.kind == ParticipantKind::Participant {
                c.h
            } else {
                ACTOR_H.max(c.h - 19.0)
            }
        })
        .fold(ACTOR_H, f64::max)
}

/// The frame titles (by statement index) that must wrap, at the width each may take.
fn titles_to_wrap(frames: &[PlacedFrame], theme: &Theme) -> HashMap<usize, f64> {
    let mut title_wrap = HashMap::new();
    for f in frames.iter().filter(|f| f.kind != BlockKind::Rect) {
        let room = (f.content_width - label_box_width(f.kind, theme) - FRAME_TITLE_MARGIN).max(FRAME_TITLE_MIN_W);
        let titles = std::iter::once(&f.label).chain(f.sections.iter().map(|s| &s.1));
        for (&si, t) in f.title_statements.iter().zip(titles) {
            // The label is bracketed when drawn; measure it as drawn.
            if bracketed(t).width > room {
                title_wrap.insert(si, room);
            }
        }
    }
    title_wrap
}

/// The walk's state: the cursor, what it placed, and what is still open.
struct Walk<'a> {
    theme: &'a Theme,
    index: &'a Index<'a>,
    texts: &'a [Option<Txt>],
    cols: &'a mut [Col],
    title_wrap: &'a HashMap<usize, f64>,
    y: f64,
    messages: Vec<PlacedMessage>,
    notes: Vec<PlacedNote>,
    frames: Vec<PlacedFrame>,
    open: Vec<OpenFrame>,
    /// Activation stacks per column: start y of each open bar.
    active: Vec<Vec<f64>>,
    /// Column, level, y1, y2.
    bars: Vec<(usize, usize, f64, f64)>,
    /// Next value and step; runs on while numbering is off.
    counter: Option<(f64, f64)>,
    numbering: bool,
    pending_create: Option<usize>,
    pending_destroy: Vec<usize>,
    /// Whether the last thing placed was a self message (its loop hangs below its line).
    after_self_message: bool,
}

impl<'a> Walk<'a> {
    fn new(
        theme: &'a Theme,
        index: &'a Index<'a>,
        texts: &'a [Option<Txt>],
        cols: &'a mut [Col],
        title_wrap: &'a HashMap<usize, f64>,
        y: f64,
    ) -> Self {
        let n = cols.len();
        Walk {
            theme,
            index,
            texts,
            cols,
            title_wrap,
            y,
            messages: Vec::new(),
            notes: Vec::new(),
            frames: Vec::new(),
            open: Vec::new(),
            active: vec![Vec::new(); n],
            bars: Vec::new(),
            counter: None,
            numbering: false,
            pending_create: None,
            pending_destroy: Vec::new(),
            after_self_message: false,
        }
    }

    fn statement(&mut self, si: usize, st: &SeqStatement) {
        match st {
            SeqStatement::Message(m) => self.message(si, m),
            SeqStatement::Note(note) => self.note(si, note),
            SeqStatement::Activate { participant, .. } => {
                let c = self.index.of(participant);
                self.active[c].push(self.y);
            }
            SeqStatement::Deactivate { participant, .. } => {
                let c = self.index.of(participant);
                if let Some(start) = self.active[c].pop() {
                    self.bars
                        .push((c, self.active[c].len(), start, self.y.max(start + 2.0 * GAP)));
                }
            }
            SeqStatement::BlockStart { kind, label, wrap, .. } => self.block_start(si, *kind, label, *wrap),
            SeqStatement::BlockBranch { label, wrap, .. } => self.branch(si, label, *wrap),
            SeqStatement::BlockEnd { .. } => self.block_end(),
            SeqStatement::Autonumber(a, _) => {
                self.numbering = a.on;
                if a.on {
                    self.counter = Some(match (a.start, self.counter) {
                        (Some(start), _) => (start, a.step.unwrap_or(1.0)),
                        (None, Some((v, step))) => (v, a.step.unwrap_or(step)),
                        (None, None) => (1.0, a.step.unwrap_or(1.0)),
                    });
                }
            }
            SeqStatement::Create { participant, .. } => self.pending_create = Some(self.index.of(participant)),
            SeqStatement::Destroy { participant, .. } => self.pending_destroy.push(self.index.of(participant)),
        }
    }

    /// Where the walk ends. Activations never closed get no bar, as in mermaid.js (a bar is drawn when it ends);
    /// they still shifted the messages that touched them. (Unclosed frames cannot happen: the parser balances
    /// blocks.)
    fn finish(self, top: f64) -> Walked {
        let bottom_y = self.y + 2.0 * GAP;
        Walked {
            top,
            messages: self.messages,
            notes: self.notes,
            frames: self.frames,
            bars: self.bars,
            bottom_y,
        }
    }

    /// The width a frame title given at statement `si` wraps at, if any.
    fn title_wrap_at(&self, si: usize, wrap: Option<bool>) -> Option<f64> {
        let asked = (wrap == Some(true)).then_some(WRAP_W);
        match (self.title_wrap.get(&si).copied(), asked) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }

    /// The x extent of column `c`'s lifeline, or of its activation bars when it has open ones.
    fn bounds(&self, c: usize) -> (f64, f64) {
        let k = self.active[c].len();
        if k == 0 {
            (self.cols[c].cx - 1.0, self.cols[c].cx + 1.0)
        } else {
            let left = self.cols[c].cx - ACTIVATION_W / 2.0;
            (left, left + (k - 1) as f64 * (ACTIVATION_W / 2.0) + ACTIVATION_W)
        }
    }

    /// Make the innermost open frame reach from `a` to `b`.
    fn widen(&mut self, a: f64, b: f64) {
        if let Some(f) = self.open.last_mut() {
            f.min_x = f.min_x.min(a);
            f.max_x = f.max_x.max(b);
        }
    }

    fn message(&mut self, si: usize, m: &mermaid_parser::Message) {
        let text = self.texts[si].clone().unwrap_or_default();
        let (a, b) = (self.index.of(&m.from), self.index.of(&m.to));
        let lines_h = if text.is_empty() { LINE_H } else { text.height() };
        // A participant's symbol drawn on this message's line (where it is destroyed) needs room above.
        let room: f64 = [a, b]
            .iter()
            .filter(|&&c| self.pending_destroy.contains(&c))
            .map(|&c| self.cols[c].h / 2.0 - GAP)
            .fold(0.0, f64::max);
        self.y += room;
        let text_top = self.y + GAP + lines_h + LINE_H - TEXT_TO_LINE - text.height();
        // mermaid measures the text's ink: a last line reaching below the baseline pushes the line down.
        let descends = text
            .lines
            .last()
            .is_some_and(|l| l.contains(|c| DESCENDERS.contains(c)));
        let line_y = self.y + GAP + lines_h + LINE_H + if descends { 2.0 } else { 0.0 };
        let (fa, fb) = self.bounds(a);
        let (ta, tb) = self.bounds(b);
        let creates = self.pending_create == Some(b);
        let destroys_to = self.pending_destroy.contains(&b);
        let destroys_from = self.pending_destroy.contains(&a);
        let (x1, x2) = self.message_ends(a, b, [fa, fb], [ta, tb], creates, destroys_from, destroys_to);
        // The counter runs on while numbering is off, as in mermaid: `autonumber` without a start
        // resumes where the count would have been.
        let num = self.counter.map(|(v, step)| {
            self.counter = Some((v + step, step));
            format_number(v)
        });
        let num = num.filter(|_| self.numbering);
        let id = format!("m{}", self.messages.len());
        for f in self.open.iter_mut() {
            f.messages.push(id.clone());
        }
        if a == b {
            self.widen(
                (self.cols[a].cx - text.width / 2.0).min(x1),
                (self.cols[a].cx + text.width / 2.0).max(x1 + SELF_W),
            );
        } else {
            self.widen(
                self.cols[a].cx.min(self.cols[b].cx),
                self.cols[a].cx.max(self.cols[b].cx),
            );
        }
        // A symbol drawn on this line (created or destroyed here) lies inside the frames around it.
        for c in [a, b] {
            if (c == b && creates) || self.pending_destroy.contains(&c) {
                let half = self.cols[c].w / 2.0 - FRAME_PAD;
                self.widen(self.cols[c].cx - half, self.cols[c].cx + half);
            }
        }
        self.messages.push(PlacedMessage {
            index: si,
            from: a,
            to: b,
            x1,
            x2,
            y: line_y,
            text,
            text_top,
            dotted: m.arrow.line == LineStyle::Dotted,
            start: m.arrow.start,
            end: m.arrow.end,
            central_from: m.central_from,
            central_to: m.central_to,
            number: num,
        });
        self.y = line_y;
        if a == b {
            self.y += SELF_H + GAP;
        }
        self.after_self_message = a == b;
        if m.activate_target {
            // A participant created by this message has its symbol on the line: the bar starts below.
            let start = if creates { line_y + self.cols[b].h / 2.0 } else { line_y };
            self.active[b].push(start);
        }
        if m.deactivate_source {
            if let Some(start) = self.active[a].pop() {
                self.bars.push((a, self.active[a].len(), start, line_y));
            }
        }
        let mut half = 0.0f64;
        if creates {
            self.cols[b].created_at = Some(line_y);
            half = half.max(self.cols[b].h / 2.0);
            self.pending_create = None;
        }
        for c in [a, b] {
            if let Some(pos) = self.pending_destroy.iter().position(|&d| d == c) {
                self.pending_destroy.remove(pos);
                self.cols[c].destroyed_at = Some(line_y);
                half = half.max(self.cols[c].h / 2.0);
                // Bars still open end where the participant does.
                while let Some(start) = self.active[c].pop() {
                    self.bars.push((c, self.active[c].len(), start, line_y));
                }
            }
        }
        self.y += half;
    }

    /// Where a message's line starts and ends: at the lifelines or activation bars, or at the side of a symbol
    /// created or destroyed on it.
    #[allow(clippy::too_many_arguments)]
    fn message_ends(
        &self,
        a: usize,
        b: usize,
        [fa, fb]: [f64; 2],
        [ta, tb]: [f64; 2],
        creates: bool,
        destroys_from: bool,
        destroys_to: bool,
    ) -> (f64, f64) {
        if a == b {
            (fb, fb)
        } else if self.cols[a].cx < self.cols[b].cx {
            let x1 = if destroys_from {
                self.cols[a].cx + self.cols[a].w / 2.0
            } else {
                fb
            };
            let x2 = if creates || destroys_to {
                self.cols[b].cx - self.cols[b].w / 2.0
            } else {
                ta
            };
            (x1, x2)
        } else {
            let x1 = if destroys_from {
                self.cols[a].cx - self.cols[a].w / 2.0
            } else {
                fa
            };
            let x2 = if creates || destroys_to {
                self.cols[b].cx + self.cols[b].w / 2.0
            } else {
                tb
            };
            (x1, x2)
        }
    }

    fn note(&mut self, si: usize, note: &mermaid_parser::Note) {
        self.after_self_message = false;
        let text = self.texts[si].clone().unwrap_or_default();
        let w = (text.width + 2.0 * NOTE_PAD).max(NOTE_W);
        let h = text.height().max(LINE_H) + 2.0 * NOTE_PAD;
        let ids: Vec<usize> = note.participants.iter().map(|p| self.index.of(p)).collect();
        let a = ids[0];
        let (left, width) = match (note.placement, ids.get(1)) {
            (NotePlacement::Over, Some(&b)) if a != b => {
                let (l, r) = (
                    self.cols[a].cx.min(self.cols[b].cx),
                    self.cols[a].cx.max(self.cols[b].cx),
                );
                let span = r - l + 2.0 * NOTE_OFFSET;
                let width = span.max(text.width + 2.0 * NOTE_PAD);
                ((l + r) / 2.0 - width / 2.0, width)
            }
            (NotePlacement::Over, _) => (self.cols[a].cx - w / 2.0, w),
            (NotePlacement::RightOf, _) => (self.cols[a].cx + NOTE_OFFSET, w),
            (NotePlacement::LeftOf, _) => (self.cols[a].cx - NOTE_OFFSET - w, w),
        };
        let rect = Rect {
            x: left,
            y: self.y + GAP,
            width,
            height: h,
        };
        self.widen(rect.x, rect.right());
        self.y = rect.bottom();
        self.notes.push(PlacedNote { rect, text });
    }

    fn block_start(&mut self, si: usize, kind: BlockKind, label: &Label, wrap: Option<bool>) {
        self.after_self_message = false;
        let wrap_at = self.title_wrap_at(si, wrap);
        let (txt, color) = if kind == BlockKind::Rect {
            (Txt::default(), Some(label.text.clone()))
        } else {
            (measure(&label.text, self.theme, wrap_at), None)
        };
        let frame_top = self.y + GAP;
        self.y = frame_top
            + if kind == BlockKind::Rect {
                GAP
            } else {
                FRAME_HEADER + (txt.lines.len().max(1) - 1) as f64 * LINE_H
            };
        self.frames.push(PlacedFrame {
            kind,
            rect: Rect::default(),
            label: Txt::default(),
            sections: vec![],
            messages: vec![],
            color: None,
            parent: self.open.last().map(|f| f.index),
            title_statements: vec![si],
            content_width: 0.0,
        });
        self.open.push(OpenFrame {
            kind,
            top: frame_top,
            label: txt,
            sections: vec![],
            min_x: f64::INFINITY,
            max_x: f64::NEG_INFINITY,
            messages: vec![],
            color,
            index: self.frames.len() - 1,
        });
    }

    fn branch(&mut self, si: usize, label: &Label, wrap: Option<bool>) {
        self.after_self_message = false;
        let wrap_at = self.title_wrap_at(si, wrap);
        let txt = measure(&label.text, self.theme, wrap_at);
        let divider = self.y + GAP;
        self.y = divider + FRAME_HEADER + (txt.lines.len().max(1) - 1) as f64 * LINE_H;
        if let Some(f) = self.open.last_mut() {
            f.sections.push((divider, txt));
            self.frames[f.index].title_statements.push(si);
        }
    }

    fn block_end(&mut self) {
        let Some(f) = self.open.pop() else { return };
        // mermaid closes a frame well below a self message's loop when that message is the frame's last.
        let bottom = self.y + GAP + if self.after_self_message { 3.0 * GAP } else { 0.0 };
        self.after_self_message = false;
        let header_w = label_box_width(f.kind, self.theme)
            + f.label
                .width
                .max(f.sections.iter().map(|s| s.1.width).fold(0.0, f64::max))
            + 30.0;
        let (mut min_x, mut max_x) = if f.min_x.is_finite() {
            (f.min_x - FRAME_PAD, f.max_x + FRAME_PAD)
        } else {
            let c = self.cols.first().map_or(0.0, |c| c.cx);
            (c - FRAME_PAD, c + FRAME_PAD)
        };
        self.frames[f.index].content_width = max_x - min_x;
        if max_x - min_x < header_w {
            let grow = (header_w - (max_x - min_x)) / 2.0;
            min_x -= grow;
            max_x += grow;
        }
        let rect = Rect {
            x: min_x,
            y: f.top,
            width: max_x - min_x,
            height: bottom - f.top,
        };
        self.y = bottom;
        let frame = &mut self.frames[f.index];
        frame.rect = rect;
        frame.label = f.label;
        frame.sections = f.sections;
        frame.messages = f.messages;
        frame.color = f.color;
        let _ = f.kind;
        // The enclosing frame must hold this one with some room to spare.
        self.widen(rect.x - GAP + FRAME_PAD, rect.right() + GAP - FRAME_PAD);
    }
}

/// Format a sequence number: integers without decimals, others with at most two.
fn format_number(v: f64) -> String {
    let r = (v * 100.0).round() / 100.0;
    if (r - r.round()).abs() < 1e-9 {
        format!("{}", r.round() as i64)
    } else {
        let s = format!("{r:.2}");
        s.trim_end_matches('0').to_string()
    }
}
