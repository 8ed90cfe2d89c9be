//! Sequence diagram layout: participants in columns, messages in rows, frames, notes and activations.
//!
//! Three passes. [`measure`] sizes every participant and text. [`columns`] places the participants left to
//! right, widening a gap until the longest message, note or self-message text between two neighbours fits.
//! [`Walk`] then goes through the statements once, top to bottom, keeping a vertical cursor (`y`) and the open
//! frames and activations on explicit stacks (no recursion, whatever the nesting), and records what it placed.
//! Finally everything is drawn and the whole scene is moved so that its content starts at the margins.
//!
//! The vertical rhythm follows mermaid's defaults: actor boxes 150×65, 50 between boxes, 44 from one
//! single-line message to the next, notes and frame headers with 10 of space around them.

use crate::scene::*;
use crate::text::lay_out_label;
use crate::theme::Theme;
use mermaid_parser::{
    ActorLink, BlockKind, Label, LineStyle, MessageHead, NotePlacement, ParticipantKind, SeqStatement, SequenceDiagram,
};
use mermaid_text::{line_width, Weight};
use std::collections::HashMap;

/// Default participant box.
const ACTOR_W: f64 = 150.0;
const ACTOR_H: f64 = 65.0;
/// Space between two participant boxes.
const ACTOR_MARGIN: f64 = 50.0;
/// Height of one line of message, note or frame text.
const LINE_H: f64 = 17.0;
/// Room around a message text between two lifelines (centre to centre, beyond the text's width).
const MESSAGE_ROOM: f64 = 56.0;
/// Vertical gap before a message, note or frame.
const GAP: f64 = 10.0;
/// From the bottom of a message text to its line.
const TEXT_TO_LINE: f64 = 6.0;
/// A note's padding and minimum width; how far a side note sits from the lifeline.
const NOTE_PAD: f64 = 10.0;
const NOTE_W: f64 = 150.0;
const NOTE_OFFSET: f64 = 25.0;
/// A frame's header band (label box and condition).
const FRAME_HEADER: f64 = 37.0;
/// How far a frame reaches beyond the lifelines of its messages.
const FRAME_PAD: f64 = 11.0;
const LABEL_BOX_W: f64 = 50.0;
/// Of a frame's width, what the margins beside its corner label box take from the room for its title.
const FRAME_TITLE_MARGIN: f64 = 10.0;
/// Titles are never wrapped narrower than this.
const FRAME_TITLE_MIN_W: f64 = 100.0;
const LABEL_BOX_H: f64 = 20.0;
const ACTIVATION_W: f64 = 10.0;
/// Self messages: how far the loop reaches right of the lifeline, and its height.
const SELF_W: f64 = 40.0;
const SELF_H: f64 = 20.0;
/// Width a `wrap:` text is broken at.
const WRAP_W: f64 = 180.0;
/// Box groups: padding around their participants and the title band.
const BOX_PAD: f64 = 25.0;
const BOX_TITLE_H: f64 = 28.0;

/// Characters whose glyphs reach below the baseline.
const DESCENDERS: &str = "gjpqyQ,;()[]{}|@$_/\\";

/// Text broken into lines and measured with the sequence line height.
#[derive(Debug, Clone, Default)]
struct Txt {
    lines: Vec<String>,
    width: f64,
}

impl Txt {
    fn height(&self) -> f64 {
        self.lines.len() as f64 * LINE_H
    }
    fn plain(&self) -> String {
        self.lines.join(" ")
    }
    fn is_empty(&self) -> bool {
        self.lines.iter().all(|l| l.trim().is_empty())
    }
}

fn measure(text: &str, theme: &Theme, wrap_at: Option<f64>) -> Txt {
    let laid = lay_out_label(
        &Label {
            text: text.to_string(),
            ..Default::default()
        },
        theme,
    );
    let mut lines: Vec<String> = laid
        .lines
        .iter()
        .map(|runs| runs.iter().map(|r| r.text.as_str()).collect::<String>())
        .collect();
    if let Some(max) = wrap_at {
        lines = lines.iter().flat_map(|l| wrap_line(l, max, theme.font_size)).collect();
    }
    let width = lines
        .iter()
        .map(|l| line_width(l, theme.font_size, Weight::Regular))
        .fold(0.0, f64::max);
    Txt { lines, width }
}

/// Greedy word wrap of one line at `max` pixels (a single long word stays whole).
fn wrap_line(line: &str, max: f64, font_size: f64) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    for word in line.split_whitespace() {
        let candidate = if current.is_empty() {
            word.to_string()
        } else {
            format!("{current} {word}")
        };
        if !current.is_empty() && line_width(&candidate, font_size, Weight::Regular) > max {
            out.push(std::mem::take(&mut current));
            current = word.to_string();
        } else {
            current = candidate;
        }
    }
    out.push(current);
    out
}

/// One participant column.
#[derive(Debug, Clone)]
struct Col {
    id: String,
    label: Txt,
    kind: ParticipantKind,
    /// Width and height of the symbol with its label.
    w: f64,
    h: f64,
    /// Centre x of the lifeline.
    cx: f64,
    in_box: Option<usize>,
    /// y of the creating message's line (symbol drawn there instead of at the top).
    created_at: Option<f64>,
    /// y of the destroying message's line.
    destroyed_at: Option<f64>,
}

fn symbol_size(kind: ParticipantKind, label: &Txt) -> (f64, f64) {
    let text_h = label.height().max(LINE_H);
    match kind {
        ParticipantKind::Participant | ParticipantKind::Queue => {
            ((label.width + 20.0).max(ACTOR_W), ACTOR_H.max(text_h + 20.0))
        }
        ParticipantKind::Collections => (
            (label.width + 20.0).max(ACTOR_W) + 6.0,
            ACTOR_H.max(text_h + 20.0) + 6.0,
        ),
        ParticipantKind::Actor => (label.width.max(36.0), 64.0 + text_h),
        ParticipantKind::Boundary => (label.width.max(77.0), 54.0 + text_h),
        ParticipantKind::Control | ParticipantKind::Entity => (label.width.max(44.0), 56.0 + text_h),
        ParticipantKind::Database => (label.width.max(50.0), 54.0 + text_h),
    }
}

/// A placed message, before drawing.
struct PlacedMessage {
    index: usize,
    from: usize,
    to: usize,
    x1: f64,
    x2: f64,
    y: f64,
    text: Txt,
    text_top: f64,
    dotted: bool,
    start: MessageHead,
    end: MessageHead,
    central_from: bool,
    central_to: bool,
    number: Option<String>,
}

struct PlacedNote {
    rect: Rect,
    text: Txt,
}

struct OpenFrame {
    kind: BlockKind,
    top: f64,
    label: Txt,
    /// Section dividers: y and label.
    sections: Vec<(f64, Txt)>,
    min_x: f64,
    max_x: f64,
    messages: Vec<String>,
    color: Option<String>,
    index: usize,
}

struct PlacedFrame {
    kind: BlockKind,
    rect: Rect,
    label: Txt,
    sections: Vec<(f64, Txt)>,
    messages: Vec<String>,
    color: Option<String>,
    parent: Option<usize>,
    /// The statements giving its title and its sections' titles, in order.
    title_statements: Vec<usize>,
    /// Its width as its messages make it, before it grows to fit a title.
    content_width: f64,
}

/// Radius of the disc holding a message's sequence number.
const NUMBER_R: f64 = 10.0;
/// Radius of the dot a central connection (`()`) draws on the lifeline.
const CENTRAL_DOT_R: f64 = 4.5;

fn head_marker(h: MessageHead) -> Option<MarkerKind> {
    match h {
        MessageHead::None => None,
        MessageHead::Filled => Some(MarkerKind::MessageArrow),
        MessageHead::Open => Some(MarkerKind::OpenArrow),
        MessageHead::Cross => Some(MarkerKind::Cross),
        MessageHead::HalfTop => Some(MarkerKind::HalfArrowTop),
        MessageHead::HalfBottom => Some(MarkerKind::HalfArrowBottom),
        MessageHead::StickTop => Some(MarkerKind::StickTop),
        MessageHead::StickBottom => Some(MarkerKind::StickBottom),
    }
}

fn head_name(h: MessageHead) -> &'static str {
    match h {
        MessageHead::None => "none",
        MessageHead::Filled => "arrow_point",
        MessageHead::Open => "arrow_open",
        MessageHead::Cross => "arrow_cross",
        MessageHead::HalfTop => "half_arrow_top",
        MessageHead::HalfBottom => "half_arrow_bottom",
        MessageHead::StickTop => "stick_top",
        MessageHead::StickBottom => "stick_bottom",
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

pub(crate) fn lay_out(diagram: &SequenceDiagram, config: &crate::config::Config) -> Scene {
    let theme = &config.theme;
    // ---- measure participants
    let mut cols: Vec<Col> = diagram
        .participants
        .iter()
        .map(|p| {
            // `wrap:` fits the label to a default box, leaving the wrap padding on both sides.
            let wrap = p.wrap.unwrap_or(config.sequence_wrap).then_some(ACTOR_W - 20.0);
            let label = measure(&p.label.text, theme, wrap);
            let (w, h) = symbol_size(p.kind, &label);
            Col {
                id: p.id.clone(),
                label,
                kind: p.kind,
                w,
                h,
                cx: 0.0,
                in_box: p.in_box,
                created_at: None,
                destroyed_at: None,
            }
        })
        .collect();
    let index: HashMap<&str, usize> = diagram
        .participants
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id.as_str(), i))
        .collect();
    let col_of = |id: &str| index.get(id).copied().unwrap_or(0);

    // ---- texts of messages and notes, and the gaps they need
    let n = cols.len();
    // need[i]: minimum centre distance between column i and i + 1.
    let mut need: Vec<f64> = (0..n.saturating_sub(1))
        .map(|i| {
            let box_gap = if cols[i].in_box != cols[i + 1].in_box {
                2.0 * BOX_PAD + 15.0
            } else {
                0.0
            };
            // Narrow symbols (actors, typed participants) still take a default box's room, as in mermaid.
            (cols[i].w.max(ACTOR_W) + cols[i + 1].w.max(ACTOR_W)) / 2.0 + ACTOR_MARGIN.max(box_gap)
        })
        .collect();
    // Spans wider than one gap, applied after the single gaps: (from, to, distance).
    let mut spans: Vec<(usize, usize, f64)> = Vec::new();
    let created: Vec<bool> = diagram.participants.iter().map(|p| p.created).collect();
    let destroyed: Vec<bool> = diagram.participants.iter().map(|p| p.destroyed).collect();
    let mut texts: Vec<Option<Txt>> = Vec::with_capacity(diagram.statements.len());
    for st in &diagram.statements {
        let t = match st {
            SeqStatement::Message(m) => {
                let wrap = m.wrap.unwrap_or(config.sequence_wrap).then_some(WRAP_W);
                let t = measure(&m.text.text, theme, wrap);
                let (a, b) = (col_of(&m.from), col_of(&m.to));
                if a == b {
                    let room = t.width / 2.0 + SELF_W;
                    if a + 1 < n {
                        need[a] = need[a].max(room + cols[a + 1].w.min(ACTOR_W) / 2.0);
                    }
                } else {
                    let (lo, hi) = (a.min(b), a.max(b));
                    let mut d = t.width + MESSAGE_ROOM;
                    // A created or destroyed participant's symbol sits on the line: keep the text clear of it.
                    for c in [a, b] {
                        if created[c] || destroyed[c] {
                            d += cols[c].w / 2.0;
                        }
                    }
                    spans.push((lo, hi, d));
                }
                Some(t)
            }
            SeqStatement::Note(note) => {
                let wrap = note
                    .wrap
                    .unwrap_or(config.sequence_wrap)
                    .then_some(NOTE_W - 2.0 * NOTE_PAD);
                let t = measure(&note.text.text, theme, wrap);
                let w = (t.width + 2.0 * NOTE_PAD).max(NOTE_W);
                let ids: Vec<usize> = note.participants.iter().map(|p| col_of(p)).collect();
                let a = ids[0];
                match (note.placement, ids.get(1)) {
                    (NotePlacement::Over, Some(&b)) if a != b => {
                        spans.push((a.min(b), a.max(b), t.width + 2.0 * NOTE_PAD - 2.0 * NOTE_OFFSET + 20.0));
                    }
                    (NotePlacement::Over, _) => {
                        if a + 1 < n {
                            need[a] = need[a].max(w / 2.0 + 20.0 + cols[a + 1].w.min(ACTOR_W) / 2.0 - 30.0);
                        }
                        if a > 0 {
                            need[a - 1] = need[a - 1].max(w / 2.0 + 20.0 + cols[a - 1].w.min(ACTOR_W) / 2.0 - 30.0);
                        }
                    }
                    (NotePlacement::RightOf, _) => {
                        if a + 1 < n {
                            need[a] = need[a].max(NOTE_OFFSET + w + NOTE_OFFSET);
                        }
                    }
                    (NotePlacement::LeftOf, _) => {
                        if a > 0 {
                            need[a - 1] = need[a - 1].max(NOTE_OFFSET + w + NOTE_OFFSET);
                        }
                    }
                }
                Some(t)
            }
            _ => None,
        };
        texts.push(t);
    }
    for &(lo, _, d) in spans.iter().filter(|s| s.1 == s.0 + 1) {
        need[lo] = need[lo].max(d);
    }
    let mut wide: Vec<&(usize, usize, f64)> = spans.iter().filter(|s| s.1 > s.0 + 1).collect();
    wide.sort_by_key(|s| s.1 - s.0);
    for &&(lo, hi, d) in &wide {
        let have: f64 = need[lo..hi].iter().sum();
        if have < d {
            need[hi - 1] += d - have;
        }
    }
    let mut x = 0.0;
    for i in 0..n {
        if i == 0 {
            x = cols[0].w / 2.0;
        } else {
            x += need[i - 1].round();
        }
        cols[i].cx = x;
    }
    // Now that the columns stand, a wrapped message between two of them fills the room between their lifelines
    // (at least the width it was measured at, so the spacing above still holds), as in mermaid.
    for (si, st) in diagram.statements.iter().enumerate() {
        if let SeqStatement::Message(m) = st {
            let (a, b) = (col_of(&m.from), col_of(&m.to));
            if a != b && m.wrap.unwrap_or(config.sequence_wrap) {
                let room = (cols[a].cx - cols[b].cx).abs().max(WRAP_W);
                texts[si] = Some(measure(&m.text.text, theme, Some(room)));
            }
        }
    }

    // ---- vertical walk
    let has_box = !diagram.boxes.is_empty();
    let box_title = diagram.boxes.iter().any(|b| b.title.is_some());
    let top = if box_title {
        BOX_TITLE_H
    } else if has_box {
        BOX_PAD / 2.0
    } else {
        0.0
    };
    let header_h = cols
        .iter()
        .filter(|c| !created[col_of(&c.id)])
        .map(|c| {
            if c.kind == ParticipantKind::Participant {
                c.h
            } else {
                ACTOR_H.max(c.h - 19.0)
            }
        })
        .fold(ACTOR_H, f64::max);
    // mermaid wraps a frame's titles to the width its messages give it. That width is known after one walk;
    // when a title needs wrapping, a second walk lays the diagram out with the wrapped titles.
    let mut title_wrap: HashMap<usize, f64> = HashMap::new();
    let (messages, notes, frames, mut bars, bottom_y) = loop {
        let title_wrap_at = |si: usize, wrap: Option<bool>| {
            let asked = (wrap == Some(true)).then_some(WRAP_W);
            match (title_wrap.get(&si).copied(), asked) {
                (Some(a), Some(b)) => Some(a.min(b)),
                (a, b) => a.or(b),
            }
        };
        let mut y = top + header_h;
        let mut messages: Vec<PlacedMessage> = Vec::new();
        let mut notes: Vec<PlacedNote> = Vec::new();
        let mut frames: Vec<PlacedFrame> = Vec::new();
        let mut open: Vec<OpenFrame> = Vec::new();
        // Activation stacks per column: start y of each open bar.
        let mut active: Vec<Vec<f64>> = vec![Vec::new(); n];
        let mut bars: Vec<(usize, usize, f64, f64)> = Vec::new(); // column, level, y1, y2
        let mut counter: Option<(f64, f64)> = None; // next value, step (runs on while numbering is off)
        let mut numbering = false;
        let mut pending_create: Option<usize> = None;
        let mut pending_destroy: Vec<usize> = Vec::new();
        // Whether the last thing placed was a self message (its loop hangs below its line).
        let mut after_self_message = false;

        let bounds = |active: &Vec<Vec<f64>>, c: usize, cols: &Vec<Col>| -> (f64, f64) {
            let k = active[c].len();
            if k == 0 {
                (cols[c].cx - 1.0, cols[c].cx + 1.0)
            } else {
                let left = cols[c].cx - ACTIVATION_W / 2.0;
                (left, left + (k - 1) as f64 * (ACTIVATION_W / 2.0) + ACTIVATION_W)
            }
        };
        let widen = |open: &mut Vec<OpenFrame>, a: f64, b: f64| {
            if let Some(f) = open.last_mut() {
                f.min_x = f.min_x.min(a);
                f.max_x = f.max_x.max(b);
            }
        };

        for (si, st) in diagram.statements.iter().enumerate() {
            match st {
                SeqStatement::Message(m) => {
                    let text = texts[si].clone().unwrap_or_default();
                    let (a, b) = (col_of(&m.from), col_of(&m.to));
                    let lines_h = if text.is_empty() { LINE_H } else { text.height() };
                    // A participant's symbol drawn on this message's line (where it is destroyed) needs room above.
                    let room: f64 = [a, b]
                        .iter()
                        .filter(|&&c| pending_destroy.contains(&c))
                        .map(|&c| cols[c].h / 2.0 - GAP)
                        .fold(0.0, f64::max);
                    y += room;
                    let text_top = y + GAP + lines_h + LINE_H - TEXT_TO_LINE - text.height();
                    // mermaid measures the text's ink: a last line reaching below the baseline pushes the line down.
                    let descends = text
                        .lines
                        .last()
                        .is_some_and(|l| l.contains(|c| DESCENDERS.contains(c)));
                    let line_y = y + GAP + lines_h + LINE_H + if descends { 2.0 } else { 0.0 };
                    let (fa, fb) = bounds(&active, a, &cols);
                    let (ta, tb) = bounds(&active, b, &cols);
                    let creates = pending_create == Some(b);
                    let destroys_to = pending_destroy.contains(&b);
                    let destroys_from = pending_destroy.contains(&a);
                    let (x1, x2) = if a == b {
                        (fb, fb)
                    } else if cols[a].cx < cols[b].cx {
                        let x1 = if destroys_from {
                            cols[a].cx + cols[a].w / 2.0
                        } else {
                            fb
                        };
                        let x2 = if creates || destroys_to {
                            cols[b].cx - cols[b].w / 2.0
                        } else {
                            ta
                        };
                        (x1, x2)
                    } else {
                        let x1 = if destroys_from {
                            cols[a].cx - cols[a].w / 2.0
                        } else {
                            fa
                        };
                        let x2 = if creates || destroys_to {
                            cols[b].cx + cols[b].w / 2.0
                        } else {
                            tb
                        };
                        (x1, x2)
                    };
                    // The counter runs on while numbering is off, as in mermaid: `autonumber` without a start
                    // resumes where the count would have been.
                    let num = counter.map(|(v, step)| {
                        counter = Some((v + step, step));
                        format_number(v)
                    });
                    let num = num.filter(|_| numbering);
                    let id = format!("m{}", messages.len());
                    for f in open.iter_mut() {
                        f.messages.push(id.clone());
                    }
                    if a == b {
                        widen(
                            &mut open,
                            (cols[a].cx - text.width / 2.0).min(x1),
                            (cols[a].cx + text.width / 2.0).max(x1 + SELF_W),
                        );
                    } else {
                        widen(&mut open, cols[a].cx.min(cols[b].cx), cols[a].cx.max(cols[b].cx));
                    }
                    // A symbol drawn on this line (created or destroyed here) lies inside the frames around it.
                    for c in [a, b] {
                        if (c == b && creates) || pending_destroy.contains(&c) {
                            let half = cols[c].w / 2.0 - FRAME_PAD;
                            widen(&mut open, cols[c].cx - half, cols[c].cx + half);
                        }
                    }
                    messages.push(PlacedMessage {
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
                    y = line_y;
                    if a == b {
                        y += SELF_H + GAP;
                    }
                    after_self_message = a == b;
                    if m.activate_target {
                        // A participant created by this message has its symbol on the line: the bar starts below.
                        let start = if creates { line_y + cols[b].h / 2.0 } else { line_y };
                        active[b].push(start);
                    }
                    if m.deactivate_source {
                        if let Some(start) = active[a].pop() {
                            bars.push((a, active[a].len(), start, line_y));
                        }
                    }
                    let mut half = 0.0f64;
                    if creates {
                        cols[b].created_at = Some(line_y);
                        half = half.max(cols[b].h / 2.0);
                        pending_create = None;
                    }
                    for c in [a, b] {
                        if let Some(pos) = pending_destroy.iter().position(|&d| d == c) {
                            pending_destroy.remove(pos);
                            cols[c].destroyed_at = Some(line_y);
                            half = half.max(cols[c].h / 2.0);
                            // Bars still open end where the participant does.
                            while let Some(start) = active[c].pop() {
                                bars.push((c, active[c].len(), start, line_y));
                            }
                        }
                    }
                    y += half;
                }
                SeqStatement::Note(note) => {
                    after_self_message = false;
                    let text = texts[si].clone().unwrap_or_default();
                    let w = (text.width + 2.0 * NOTE_PAD).max(NOTE_W);
                    let h = text.height().max(LINE_H) + 2.0 * NOTE_PAD;
                    let ids: Vec<usize> = note.participants.iter().map(|p| col_of(p)).collect();
                    let a = ids[0];
                    let (left, width) = match (note.placement, ids.get(1)) {
                        (NotePlacement::Over, Some(&b)) if a != b => {
                            let (l, r) = (cols[a].cx.min(cols[b].cx), cols[a].cx.max(cols[b].cx));
                            let span = r - l + 2.0 * NOTE_OFFSET;
                            let width = span.max(text.width + 2.0 * NOTE_PAD);
                            ((l + r) / 2.0 - width / 2.0, width)
                        }
                        (NotePlacement::Over, _) => (cols[a].cx - w / 2.0, w),
                        (NotePlacement::RightOf, _) => (cols[a].cx + NOTE_OFFSET, w),
                        (NotePlacement::LeftOf, _) => (cols[a].cx - NOTE_OFFSET - w, w),
                    };
                    let rect = Rect {
                        x: left,
                        y: y + GAP,
                        width,
                        height: h,
                    };
                    widen(&mut open, rect.x, rect.right());
                    y = rect.bottom();
                    notes.push(PlacedNote { rect, text });
                }
                SeqStatement::Activate { participant, .. } => {
                    let c = col_of(participant);
                    active[c].push(y);
                }
                SeqStatement::Deactivate { participant, .. } => {
                    let c = col_of(participant);
                    if let Some(start) = active[c].pop() {
                        bars.push((c, active[c].len(), start, y.max(start + 2.0 * GAP)));
                    }
                }
                SeqStatement::BlockStart { kind, label, wrap, .. } => {
                    after_self_message = false;
                    let wrap_at = title_wrap_at(si, *wrap);
                    let (txt, color) = if *kind == BlockKind::Rect {
                        (Txt::default(), Some(label.text.clone()))
                    } else {
                        (measure(&label.text, theme, wrap_at), None)
                    };
                    let frame_top = y + GAP;
                    y = frame_top
                        + if *kind == BlockKind::Rect {
                            GAP
                        } else {
                            FRAME_HEADER + (txt.lines.len().max(1) - 1) as f64 * LINE_H
                        };
                    frames.push(PlacedFrame {
                        kind: *kind,
                        rect: Rect::default(),
                        label: Txt::default(),
                        sections: vec![],
                        messages: vec![],
                        color: None,
                        parent: open.last().map(|f| f.index),
                        title_statements: vec![si],
                        content_width: 0.0,
                    });
                    open.push(OpenFrame {
                        kind: *kind,
                        top: frame_top,
                        label: txt,
                        sections: vec![],
                        min_x: f64::INFINITY,
                        max_x: f64::NEG_INFINITY,
                        messages: vec![],
                        color,
                        index: frames.len() - 1,
                    });
                }
                SeqStatement::BlockBranch { label, wrap, .. } => {
                    after_self_message = false;
                    let wrap_at = title_wrap_at(si, *wrap);
                    let txt = measure(&label.text, theme, wrap_at);
                    let divider = y + GAP;
                    y = divider + FRAME_HEADER + (txt.lines.len().max(1) - 1) as f64 * LINE_H;
                    if let Some(f) = open.last_mut() {
                        f.sections.push((divider, txt));
                        frames[f.index].title_statements.push(si);
                    }
                }
                SeqStatement::BlockEnd { .. } => {
                    let Some(f) = open.pop() else { continue };
                    // mermaid closes a frame well below a self message's loop when that message is the frame's last.
                    let bottom = y + GAP + if after_self_message { 3.0 * GAP } else { 0.0 };
                    after_self_message = false;
                    let header_w = label_box_width(f.kind, theme)
                        + f.label
                            .width
                            .max(f.sections.iter().map(|s| s.1.width).fold(0.0, f64::max))
                        + 30.0;
                    let (mut min_x, mut max_x) = if f.min_x.is_finite() {
                        (f.min_x - FRAME_PAD, f.max_x + FRAME_PAD)
                    } else {
                        let c = cols.first().map_or(0.0, |c| c.cx);
                        (c - FRAME_PAD, c + FRAME_PAD)
                    };
                    frames[f.index].content_width = max_x - min_x;
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
                    y = bottom;
                    let frame = &mut frames[f.index];
                    frame.rect = rect;
                    frame.label = f.label;
                    frame.sections = f.sections;
                    frame.messages = f.messages;
                    frame.color = f.color;
                    let _ = f.kind;
                    // The enclosing frame must hold this one with some room to spare.
                    widen(&mut open, rect.x - GAP + FRAME_PAD, rect.right() + GAP - FRAME_PAD);
                }
                SeqStatement::Autonumber(a, _) => {
                    numbering = a.on;
                    if a.on {
                        counter = Some(match (a.start, counter) {
                            (Some(start), _) => (start, a.step.unwrap_or(1.0)),
                            (None, Some((v, step))) => (v, a.step.unwrap_or(step)),
                            (None, None) => (1.0, a.step.unwrap_or(1.0)),
                        });
                    }
                }
                SeqStatement::Create { participant, .. } => pending_create = Some(col_of(participant)),
                SeqStatement::Destroy { participant, .. } => pending_destroy.push(col_of(participant)),
            }
        }
        // Unclosed frames cannot happen (the parser balances blocks). Activations never closed get no bar, as in
        // mermaid.js: a bar is drawn when it ends. They still shift the messages that touched them above.
        let bottom_y = y + 2.0 * GAP;
        if title_wrap.is_empty() {
            for f in frames.iter().filter(|f| f.kind != BlockKind::Rect) {
                let room =
                    (f.content_width - label_box_width(f.kind, theme) - FRAME_TITLE_MARGIN).max(FRAME_TITLE_MIN_W);
                let titles = std::iter::once(&f.label).chain(f.sections.iter().map(|s| &s.1));
                for (&si, t) in f.title_statements.iter().zip(titles) {
                    // The label is bracketed when drawn; measure it as drawn.
                    if bracketed(t).width > room {
                        title_wrap.insert(si, room);
                    }
                }
            }
            if !title_wrap.is_empty() {
                continue;
            }
        }
        break (messages, notes, frames, bars, bottom_y);
    };

    let mut scene = Scene {
        kind: "sequence",
        acc_title: diagram.meta.acc_title.clone(),
        acc_descr: diagram.meta.acc_descr.clone(),
        ..Default::default()
    };
    let mut seq = SequenceGeometry::default();
    let mut back: Vec<Item> = Vec::new();
    let mut items: Vec<Item> = Vec::new();
    // Participants with a link menu: drawn after everything else.
    let mut popups: Vec<Item> = Vec::new();

    // ---- boxes
    let mirror = config.mirror_actors;
    let bottom_h = cols.iter().map(|c| c.h).fold(ACTOR_H, f64::max);
    for (bi, b) in diagram.boxes.iter().enumerate() {
        let members: Vec<&Col> = cols.iter().filter(|c| c.in_box == Some(bi)).collect();
        if members.is_empty() {
            continue;
        }
        let l = members.iter().map(|c| c.cx - c.w / 2.0).fold(f64::INFINITY, f64::min) - BOX_PAD;
        let r = members
            .iter()
            .map(|c| c.cx + c.w / 2.0)
            .fold(f64::NEG_INFINITY, f64::max)
            + BOX_PAD;
        let rect = Rect {
            x: l,
            y: -5.0,
            width: r - l,
            height: bottom_y + if mirror { bottom_h } else { 0.0 } + 20.0,
        };
        let fill = b
            .color
            .as_deref()
            .and_then(safe_color)
            .unwrap_or_else(|| "transparent".to_string());
        let mut g = vec![Item::Shape {
            geometry: ShapeGeometry::Rect { rect, rx: 0.0 },
            style: Style {
                fill: Some(fill),
                stroke: Some(theme.actor_stroke.clone()),
                stroke_width: 1.0,
                ..Default::default()
            },
        }];
        if let Some(title) = &b.title {
            let t = measure(title, theme, None);
            g.push(Item::Text(text_block(
                &t,
                rect.center().x,
                -5.0 + 6.0,
                theme,
                &theme.text_color,
                false,
            )));
        }
        back.push(Item::Group {
            class: "box".into(),
            id: None,
            items: g,
        });
    }

    // ---- rect highlights go behind everything else
    for f in frames.iter().filter(|f| f.kind == BlockKind::Rect) {
        let fill = f
            .color
            .as_deref()
            .and_then(safe_color)
            .unwrap_or_else(|| "rgba(0,0,0,0.05)".into());
        back.push(Item::Shape {
            geometry: ShapeGeometry::Rect { rect: f.rect, rx: 0.0 },
            style: Style {
                fill: Some(fill),
                ..Default::default()
            },
        });
    }

    // ---- lifelines and actors
    let lifeline_style = Style {
        stroke: Some(theme.lifeline_color.clone()),
        stroke_width: 2.0,
        ..Default::default()
    };
    let bottom_top = bottom_y;
    for c in &cols {
        let top_y = match c.created_at {
            Some(line) => line - c.h / 2.0,
            None => top,
        };
        let top_rect = Rect {
            x: c.cx - c.w / 2.0,
            y: top_y,
            width: c.w,
            height: c.h,
        };
        let end_y = match c.destroyed_at {
            Some(line) => line - c.h / 2.0,
            None => bottom_top,
        };
        let bottom_rect = Rect {
            x: c.cx - c.w / 2.0,
            y: end_y,
            width: c.w,
            height: c.h,
        };
        let life_top = top_rect.bottom();
        back.push(Item::Group {
            class: "lifeline".into(),
            id: Some(c.id.clone()),
            items: vec![Item::Path {
                path: Path(vec![
                    PathCmd::MoveTo(Point { x: c.cx, y: life_top }),
                    PathCmd::LineTo(Point { x: c.cx, y: end_y }),
                ]),
                style: lifeline_style.clone(),
                marker_start: None,
                marker_end: None,
            }],
        });
        seq.lifelines.push(LifelineGeometry {
            id: c.id.clone(),
            x: c.cx,
            y1: life_top,
            y2: end_y,
        });
        let symbol = Item::Group {
            class: "actor actor-top".into(),
            id: Some(c.id.clone()),
            items: draw_symbol(c, top_rect, theme),
        };
        let menu = link_menu(&diagram.links, &c.id, top_rect, theme);
        match menu {
            // Drawn last, so an open menu lies above the messages.
            Some(panel) => popups.push(Item::Popup {
                trigger: vec![symbol],
                panel,
            }),
            None => items.push(symbol),
        }
        scene.geometry.nodes.push(NodeGeometry {
            id: c.id.clone(),
            label: c.label.plain(),
            rect: top_rect,
            shape: c.kind.name(),
            label_box: label_box(c, top_rect),
            outline: top_rect.corners(),
        });
        if mirror || c.destroyed_at.is_some() {
            items.push(Item::Group {
                class: "actor actor-bottom".into(),
                id: Some(c.id.clone()),
                items: draw_symbol(c, bottom_rect, theme),
            });
            seq.actors_bottom.push(NodeGeometry {
                id: c.id.clone(),
                label: c.label.plain(),
                rect: bottom_rect,
                shape: c.kind.name(),
                label_box: label_box(c, bottom_rect),
                outline: bottom_rect.corners(),
            });
        }
        if c.destroyed_at.is_some() {
            // The end of a destroyed lifeline is marked with a cross.
            let (cx, cy, r) = (c.cx, end_y - 9.0, 7.0);
            items.push(Item::Path {
                path: Path(vec![
                    PathCmd::MoveTo(Point { x: cx - r, y: cy - r }),
                    PathCmd::LineTo(Point { x: cx + r, y: cy + r }),
                    PathCmd::MoveTo(Point { x: cx - r, y: cy + r }),
                    PathCmd::LineTo(Point { x: cx + r, y: cy - r }),
                ]),
                style: Style {
                    stroke: Some(theme.signal_color.clone()),
                    stroke_width: 2.0,
                    ..Default::default()
                },
                marker_start: None,
                marker_end: None,
            });
        }
    }

    // ---- activations
    bars.sort_by(|a, b| a.1.cmp(&b.1).then(a.2.total_cmp(&b.2)));
    for &(c, level, y1, y2) in &bars {
        let rect = Rect {
            x: cols[c].cx - ACTIVATION_W / 2.0 + level as f64 * ACTIVATION_W / 2.0,
            y: y1,
            width: ACTIVATION_W,
            height: (y2 - y1).max(1.0),
        };
        items.push(Item::Shape {
            geometry: ShapeGeometry::Rect { rect, rx: 0.0 },
            style: Style {
                fill: Some(theme.activation_fill.clone()),
                stroke: Some(theme.activation_stroke.clone()),
                stroke_width: 1.0,
                ..Default::default()
            },
        });
        seq.activations.push(ActivationGeometry {
            actor: cols[c].id.clone(),
            rect,
        });
    }

    // ---- frames (outer first)
    // Frames are numbered in the order they open, so an enclosing frame comes before (and is drawn under) the
    // frames inside it.
    for f in &frames {
        let text = f
            .label
            .lines
            .first()
            .filter(|_| !f.label.is_empty())
            .map(|_| format!("[{}]", f.label.plain()))
            .unwrap_or_default();
        seq.frames.push(FrameGeometry {
            kind: f.kind.name().into(),
            text,
            rect: f.rect,
            dividers: f.sections.iter().map(|s| s.0).collect(),
            parent: f.parent,
            messages: f.messages.clone(),
        });
        if f.kind == BlockKind::Rect {
            continue;
        }
        items.push(Item::Group {
            class: "frame".into(),
            id: None,
            items: draw_frame(f, theme),
        });
    }

    // ---- notes
    for nt in &notes {
        let text_box = Rect {
            x: nt.rect.center().x - nt.text.width / 2.0,
            y: nt.rect.y + NOTE_PAD,
            width: nt.text.width,
            height: nt.text.height(),
        };
        items.push(Item::Group {
            class: "note".into(),
            id: None,
            items: vec![
                Item::Shape {
                    geometry: ShapeGeometry::Rect { rect: nt.rect, rx: 0.0 },
                    style: Style {
                        fill: Some(theme.note_fill.clone()),
                        stroke: Some(theme.note_stroke.clone()),
                        stroke_width: 1.0,
                        ..Default::default()
                    },
                },
                Item::Text(text_block(
                    &nt.text,
                    nt.rect.center().x,
                    nt.rect.y + NOTE_PAD,
                    theme,
                    &theme.note_text,
                    false,
                )),
            ],
        });
        seq.notes.push(NoteGeometry {
            text: nt.text.plain(),
            rect: nt.rect,
            text_box,
        });
    }

    // ---- messages
    for (mi, m) in messages.iter().enumerate() {
        let id = format!("m{mi}");
        let line_style = Style {
            fill: Some("none".into()),
            stroke: Some(theme.signal_color.clone()),
            stroke_width: 1.5,
            dash: m.dotted.then(|| "3,3".to_string()),
            ..Default::default()
        };
        let marker_end = head_marker(m.end).map(|kind| Marker {
            kind,
            color: theme.signal_color.clone(),
        });
        let marker_start = head_marker(m.start).map(|kind| Marker {
            kind,
            color: theme.signal_color.clone(),
        });
        let mut g = Vec::new();
        let (path, text_cx) = if m.from == m.to {
            let (x, y) = (m.x1, m.y);
            let end_x = x + marker_end.as_ref().map_or(0.0, |mk| mk.kind.length());
            let path = Path(vec![
                PathCmd::MoveTo(Point { x, y }),
                PathCmd::CubicTo(
                    Point {
                        x: x + SELF_W,
                        y: y - 6.0,
                    },
                    Point {
                        x: x + SELF_W,
                        y: y + SELF_H + 6.0,
                    },
                    Point {
                        x: end_x,
                        y: y + SELF_H,
                    },
                ),
            ]);
            (path, cols[m.from].cx)
        } else {
            let dir = if m.x2 >= m.x1 { 1.0 } else { -1.0 };
            let mut start = m.x1;
            let mut end = m.x2;
            if let Some(mk) = &marker_end {
                end -= dir * mk.kind.length();
            }
            if let Some(mk) = &marker_start {
                start += dir * mk.kind.length();
            }
            // A central connection's dot sits on the lifeline; the line and its head stop at the dot's edge.
            if m.central_to {
                end -= dir * CENTRAL_DOT_R;
            }
            if m.central_from {
                start += dir * CENTRAL_DOT_R;
            }
            // A head at the start would lie under the sequence number's disc: it starts at the disc's edge.
            if marker_start.is_some() && m.number.is_some() {
                start += dir * NUMBER_R;
            }
            let path = Path(vec![
                PathCmd::MoveTo(Point { x: start, y: m.y }),
                PathCmd::LineTo(Point { x: end, y: m.y }),
            ]);
            (path, (m.x1 + m.x2) / 2.0)
        };
        g.push(Item::Path {
            path: path.clone(),
            style: line_style,
            marker_start: marker_start.clone(),
            marker_end: marker_end.clone(),
        });
        for (flag, x) in [(m.central_from, m.x1), (m.central_to, m.x2)] {
            if flag && m.from != m.to {
                g.push(Item::Shape {
                    geometry: ShapeGeometry::Ellipse {
                        center: Point { x, y: m.y },
                        rx: CENTRAL_DOT_R,
                        ry: CENTRAL_DOT_R,
                    },
                    style: Style {
                        fill: Some(theme.signal_color.clone()),
                        stroke: Some(theme.signal_color.clone()),
                        stroke_width: 1.0,
                        ..Default::default()
                    },
                });
            }
        }
        let text_box = (!m.text.is_empty()).then(|| Rect {
            x: text_cx - m.text.width / 2.0,
            y: m.text_top,
            width: m.text.width,
            height: m.text.height(),
        });
        if !m.text.is_empty() {
            g.push(Item::Text(text_block(
                &m.text,
                text_cx,
                m.text_top,
                theme,
                &theme.signal_text,
                false,
            )));
        }
        if let Some(num) = &m.number {
            let center = Point { x: m.x1, y: m.y };
            g.push(Item::Shape {
                geometry: ShapeGeometry::Ellipse {
                    center,
                    rx: NUMBER_R,
                    ry: NUMBER_R,
                },
                style: Style {
                    fill: Some(theme.sequence_number_fill.clone()),
                    stroke: Some(theme.sequence_number_fill.clone()),
                    stroke_width: 1.0,
                    ..Default::default()
                },
            });
            let size = if num.len() > 2 { 9.0 } else { 12.0 };
            g.push(Item::Text(TextBlock {
                lines: vec![TextLine {
                    x: center.x,
                    baseline: center.y + size * 0.35,
                    runs: vec![TextRun {
                        text: num.clone(),
                        bold: false,
                        italic: false,
                    }],
                }],
                anchor: TextAnchor::Middle,
                font_size: size,
                fill: theme.sequence_number_text.clone(),
                extra_css: vec![],
            }));
        }
        let label = (!m.text.is_empty()).then(|| m.text.plain());
        items.push(Item::Group {
            class: "message".into(),
            id: Some(id.clone()),
            items: g,
        });
        let waypoints = match path.0.first() {
            Some(PathCmd::MoveTo(p)) => vec![*p, path.flatten(8).last().copied().unwrap_or(*p)],
            _ => vec![],
        };
        scene.geometry.edges.push(EdgeGeometry {
            id: id.clone(),
            from: cols[m.from].id.clone(),
            to: cols[m.to].id.clone(),
            label: label.clone(),
            label_box: text_box,
            waypoints,
            path,
            arrow_start: Some(head_name(m.start)),
            arrow_end: Some(head_name(m.end)),
        });
        seq.messages.push(MessageGeometry {
            id,
            from: cols[m.from].id.clone(),
            to: cols[m.to].id.clone(),
            text: label.unwrap_or_default(),
            y: m.y,
            text_box,
            dotted: m.dotted,
        });
        let _ = m.index;
    }

    // ---- title
    if let Some(title) = diagram.title.as_ref().or(diagram.meta.title.as_ref()) {
        let t = measure(title, theme, None);
        let (l, r) = cols.iter().fold((f64::INFINITY, f64::NEG_INFINITY), |(l, r), c| {
            (l.min(c.cx - c.w / 2.0), r.max(c.cx + c.w / 2.0))
        });
        let cx = if l.is_finite() { (l + r) / 2.0 } else { t.width / 2.0 };
        // Plain text at the body's size, as mermaid writes a sequence title.
        let block = text_block(&t, cx, -15.0 - t.height() - 5.0, theme, &theme.text_color, false);
        items.push(Item::Group {
            class: "title".into(),
            id: None,
            items: vec![Item::Text(block)],
        });
    }

    // ---- move the content to the margins and size the scene
    let mut all = back;
    all.extend(items);
    all.extend(popups);
    scene.items = all;
    scene.geometry.sequence = Some(seq);
    let bb = crate::scene::items_bounds(&scene.items);
    let (dx, dy) = match bb {
        Some(b) => (50.0 - b.x, 10.0 - b.y),
        None => (50.0, 10.0),
    };
    scene.translate(dx, dy);
    let bb = bb.unwrap_or_default();
    scene.width = (bb.width + 100.0).max(100.0);
    scene.height = (bb.height + 20.0).max(20.0);
    scene.geometry.nodes.sort_by(|a, b| a.rect.x.total_cmp(&b.rect.x));
    scene
}

/// A circle (or filled disc, as `style` says) of radius `r`.
fn disc(center: Point, r: f64, style: &Style) -> Item {
    Item::Shape {
        geometry: ShapeGeometry::Ellipse { center, rx: r, ry: r },
        style: style.clone(),
    }
}

/// An open line through `points`.
fn strokes(points: &[Point], style: &Style) -> Item {
    let mut cmds = Vec::with_capacity(points.len());
    for (i, &p) in points.iter().enumerate() {
        cmds.push(if i == 0 { PathCmd::MoveTo(p) } else { PathCmd::LineTo(p) });
    }
    Item::Shape {
        geometry: ShapeGeometry::Path(Path(cmds)),
        style: style.clone(),
    }
}

/// A cylinder given by the ends of its rims: `[a, b]` the near rim, `[c, d]` the far one, both bulging outward
/// with radii `(rx, ry)`. The near rim's inner half is stroked again over the filled body so the opening shows.
fn cylinder([a, b, c, d]: [Point; 4], rx: f64, ry: f64, style: &Style) -> [Item; 2] {
    let arc = |sweep: bool, to: Point| PathCmd::ArcTo {
        rx,
        ry,
        rotation: 0.0,
        large_arc: false,
        sweep,
        to,
    };
    let body = Path(vec![
        PathCmd::MoveTo(a),
        arc(true, b),
        PathCmd::LineTo(c),
        arc(true, d),
        PathCmd::Close,
    ]);
    let rim = Path(vec![PathCmd::MoveTo(a), arc(false, b)]);
    [
        Item::Shape {
            geometry: ShapeGeometry::Path(body),
            style: style.clone(),
        },
        Item::Shape {
            geometry: ShapeGeometry::Path(rim),
            style: Style {
                fill: Some("none".into()),
                ..style.clone()
            },
        },
    ]
}

/// Height of one entry of a participant's link menu.
const MENU_ROW_H: f64 = 30.0;

/// The menu of a participant's `link`/`links` entries, as a panel hanging below its top symbol, or `None` when
/// it has no entry with a safe URL (only `http`, `https` and `mailto` are kept; others are dropped).
fn link_menu(links: &[ActorLink], participant: &str, symbol: Rect, theme: &Theme) -> Option<Vec<Item>> {
    let entries: Vec<(Txt, String)> = links
        .iter()
        .filter(|l| l.participant == participant)
        .filter_map(|l| Some((measure(&l.label, theme, None), crate::style::safe_url(&l.url)?)))
        .collect();
    if entries.is_empty() {
        return None;
    }
    let width = entries.iter().map(|(t, _)| t.width + 30.0).fold(symbol.width, f64::max);
    let panel = Rect {
        x: symbol.x + symbol.width / 2.0 - width / 2.0,
        // Touching the symbol, so the pointer can move onto the panel without leaving the popup.
        y: symbol.bottom(),
        width,
        height: entries.iter().map(|(t, _)| t.height().max(MENU_ROW_H)).sum::<f64>() + 10.0,
    };
    let mut items = vec![Item::Shape {
        geometry: ShapeGeometry::Rect { rect: panel, rx: 3.0 },
        style: Style {
            fill: Some(theme.actor_fill.clone()),
            stroke: Some(theme.actor_stroke.clone()),
            stroke_width: 1.0,
            ..Default::default()
        },
    }];
    let mut top = panel.y + 5.0;
    for (label, href) in entries {
        let row_h = label.height().max(MENU_ROW_H);
        let mut block = text_block(
            &label,
            panel.x + panel.width / 2.0,
            top + (row_h - label.height()) / 2.0,
            theme,
            &theme.actor_text,
            false,
        );
        block.extra_css.push(("text-decoration".into(), "underline".into()));
        items.push(Item::Link {
            href,
            tooltip: None,
            items: vec![Item::Text(block)],
        });
        top += row_h;
    }
    Some(items)
}

/// A user colour, if it is safe to write into the SVG.
fn safe_color(c: &str) -> Option<String> {
    crate::style::css_declarations(&[("fill".to_string(), c.to_string())])
        .pop()
        .map(|(_, v)| v)
}

/// Text lines centred on `cx`, the first line's top at `top`.
fn text_block(t: &Txt, cx: f64, top: f64, theme: &Theme, fill: &str, bold: bool) -> TextBlock {
    TextBlock {
        lines: t
            .lines
            .iter()
            .enumerate()
            .map(|(i, l)| TextLine {
                x: cx,
                baseline: top + i as f64 * LINE_H + 13.5,
                runs: vec![TextRun {
                    text: l.clone(),
                    bold,
                    italic: false,
                }],
            })
            .collect(),
        anchor: TextAnchor::Middle,
        font_size: theme.font_size,
        fill: fill.to_string(),
        extra_css: vec![],
    }
}

/// Where a participant's label sits inside its symbol's rectangle.
fn label_box(c: &Col, r: Rect) -> Rect {
    let h = c.label.height().max(LINE_H);
    let top = match c.kind {
        ParticipantKind::Participant | ParticipantKind::Queue | ParticipantKind::Collections => {
            r.y + (r.height - h) / 2.0
                + if c.kind == ParticipantKind::Collections {
                    3.0
                } else {
                    0.0
                }
        }
        _ => r.bottom() - h,
    };
    Rect {
        x: c.cx - c.label.width / 2.0,
        y: top,
        width: c.label.width,
        height: h,
    }
}

fn draw_symbol(c: &Col, r: Rect, theme: &Theme) -> Vec<Item> {
    let style = Style {
        fill: Some(theme.actor_fill.clone()),
        stroke: Some(theme.actor_stroke.clone()),
        stroke_width: 1.0,
        ..Default::default()
    };
    let line = Style {
        fill: Some("none".into()),
        stroke: Some(theme.actor_stroke.clone()),
        stroke_width: 2.0,
        ..Default::default()
    };
    let p = |x: f64, y: f64| Point { x, y };
    let cx = c.cx;
    let mut out = Vec::new();
    match c.kind {
        ParticipantKind::Participant => out.push(Item::Shape {
            geometry: ShapeGeometry::Rect { rect: r, rx: 3.0 },
            style: style.clone(),
        }),
        ParticipantKind::Collections => {
            let back = Rect {
                x: r.x + 6.0,
                y: r.y,
                width: r.width - 6.0,
                height: r.height - 6.0,
            };
            let front = Rect {
                x: r.x,
                y: r.y + 6.0,
                width: r.width - 6.0,
                height: r.height - 6.0,
            };
            for rect in [back, front] {
                out.push(Item::Shape {
                    geometry: ShapeGeometry::Rect { rect, rx: 3.0 },
                    style: style.clone(),
                });
            }
        }
        ParticipantKind::Queue => {
            // A cylinder lying on its side, its near end on the right.
            let (rx, ry) = (10.0, r.height / 2.0);
            let (l, rt, t, b) = (r.x + rx, r.right() - rx, r.y, r.bottom());
            out.extend(cylinder([p(rt, t), p(rt, b), p(l, b), p(l, t)], rx, ry, &style));
        }
        ParticipantKind::Actor => {
            // mermaid's proportions: a head of radius 15, then torso, arms and legs down to 65 below the top.
            let top = r.y;
            out.push(disc(p(cx, top + 15.0), 15.0, &style));
            let body = Path(vec![
                PathCmd::MoveTo(p(cx, top + 30.0)),
                PathCmd::LineTo(p(cx, top + 50.0)),
                PathCmd::MoveTo(p(cx - 18.0, top + 38.0)),
                PathCmd::LineTo(p(cx + 18.0, top + 38.0)),
                PathCmd::MoveTo(p(cx - 18.0, top + 65.0)),
                PathCmd::LineTo(p(cx, top + 50.0)),
                PathCmd::LineTo(p(cx + 16.0, top + 65.0)),
            ]);
            out.push(Item::Shape {
                geometry: ShapeGeometry::Path(body),
                style: line.clone(),
            });
        }
        ParticipantKind::Boundary => {
            let cy = r.y + 24.0;
            out.push(Item::Shape {
                geometry: ShapeGeometry::Path(Path(vec![
                    PathCmd::MoveTo(p(cx - 35.0, cy - 15.0)),
                    PathCmd::LineTo(p(cx - 35.0, cy + 15.0)),
                    PathCmd::MoveTo(p(cx - 35.0, cy)),
                    PathCmd::LineTo(p(cx - 21.0, cy)),
                ])),
                style: line.clone(),
            });
            out.push(disc(p(cx, cy), 21.0, &style));
        }
        ParticipantKind::Control => {
            let cy = r.y + 28.0;
            out.push(disc(p(cx, cy), 21.0, &style));
            out.push(strokes(
                &[p(cx + 7.0, cy - 28.0), p(cx - 2.0, cy - 21.0), p(cx + 7.0, cy - 14.0)],
                &line,
            ));
        }
        ParticipantKind::Entity => {
            let cy = r.y + 24.0;
            out.push(disc(p(cx, cy), 21.0, &style));
            out.push(strokes(&[p(cx - 21.0, cy + 25.0), p(cx + 21.0, cy + 25.0)], &line));
        }
        ParticipantKind::Database => {
            // A standing cylinder, its near end on top.
            let (w, rx, ry) = (40.0, 20.0, 7.0);
            let (l, rt, t, b) = (cx - w / 2.0, cx + w / 2.0, r.y + ry, r.y + 44.0);
            out.extend(cylinder([p(l, t), p(rt, t), p(rt, b), p(l, b)], rx, ry, &style));
        }
    }
    let lb = label_box(c, r);
    out.push(Item::Text(text_block(
        &c.label,
        cx,
        lb.y,
        theme,
        &theme.actor_text,
        false,
    )));
    out
}

/// Width of a frame's corner box: mermaid's 50, or more for a keyword that would not fit (`critical`).
fn label_box_width(kind: BlockKind, theme: &Theme) -> f64 {
    (line_width(kind.name(), theme.font_size, Weight::Regular) + 18.0).max(LABEL_BOX_W)
}

fn draw_frame(f: &PlacedFrame, theme: &Theme) -> Vec<Item> {
    let r = f.rect;
    let dashed = Style {
        stroke: Some(theme.loop_line.clone()),
        stroke_width: 2.0,
        dash: Some("2,2".into()),
        ..Default::default()
    };
    let p = |x: f64, y: f64| Point { x, y };
    let mut out = vec![Item::Shape {
        geometry: ShapeGeometry::Rect { rect: r, rx: 0.0 },
        style: Style {
            fill: Some("none".into()),
            ..dashed.clone()
        },
    }];
    // The keyword in a box with a cut corner.
    let (lx, ly) = (r.x, r.y);
    let box_w = label_box_width(f.kind, theme);
    out.push(Item::Shape {
        geometry: ShapeGeometry::Polygon(vec![
            p(lx, ly),
            p(lx + box_w, ly),
            p(lx + box_w, ly + LABEL_BOX_H * 0.65),
            p(lx + box_w - 8.0, ly + LABEL_BOX_H),
            p(lx, ly + LABEL_BOX_H),
        ]),
        style: Style {
            fill: Some(theme.label_box_fill.clone()),
            stroke: Some(theme.label_box_stroke.clone()),
            stroke_width: 1.0,
            ..Default::default()
        },
    });
    let kw = Txt {
        lines: vec![f.kind.name().to_string()],
        width: 0.0,
    };
    out.push(Item::Text(text_block(
        &kw,
        lx + box_w / 2.0,
        ly + 1.5,
        theme,
        &theme.label_text,
        false,
    )));
    let cx = r.x + box_w + (r.width - box_w) / 2.0;
    if !f.label.is_empty() {
        let t = bracketed(&f.label);
        out.push(Item::Text(text_block(
            &t,
            cx,
            ly + 4.0,
            theme,
            &theme.label_text,
            false,
        )));
    }
    for (dy, label) in &f.sections {
        out.push(Item::Path {
            path: Path(vec![PathCmd::MoveTo(p(r.x, *dy)), PathCmd::LineTo(p(r.right(), *dy))]),
            style: Style {
                stroke_width: 2.0,
                dash: Some("3,3".into()),
                ..dashed.clone()
            },
            marker_start: None,
            marker_end: None,
        });
        if !label.is_empty() {
            let t = bracketed(label);
            out.push(Item::Text(text_block(
                &t,
                r.center().x,
                dy + 4.0,
                theme,
                &theme.label_text,
                false,
            )));
        }
    }
    out
}

fn bracketed(t: &Txt) -> Txt {
    let mut lines = t.lines.clone();
    if let Some(first) = lines.first_mut() {
        *first = format!("[{first}");
    }
    if let Some(last) = lines.last_mut() {
        last.push(']');
    }
    Txt { lines, width: t.width }
}
