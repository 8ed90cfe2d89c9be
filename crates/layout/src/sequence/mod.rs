//! Sequence diagram layout: participants in columns, messages in rows, frames, notes and activations.
//!
//! The steps, one module each: [`columns`] measures every participant and text and places the participants
//! left to right, widening a gap until the longest message, note or self-message text between two neighbours
//! fits. [`walk`] then goes through the statements once, top to bottom, keeping a vertical cursor (`y`) and the
//! open frames and activations on explicit stacks (no recursion, whatever the nesting), and records what it
//! placed. Finally everything is drawn ([`participants`], [`frames`], [`messages`]) and the whole scene is moved
//! so that its content starts at the margins.
//!
//! The vertical rhythm follows mermaid's defaults: actor boxes 150×65, 50 between boxes, 44 from one
//! single-line message to the next, notes and frame headers with 10 of space around them.

mod columns;
mod frames;
mod messages;
mod participants;
mod walk;

use crate::scene::*;
use crate::text::lay_out_label;
use crate::theme::Theme;
use mermaid_parser::{BlockKind, Label, MessageHead, ParticipantKind, SequenceDiagram};
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

/// The participants' index by id (a lookup table only: nothing iterates it).
struct Index<'a>(HashMap<&'a str, usize>);

impl<'a> Index<'a> {
    fn new(diagram: &'a SequenceDiagram) -> Self {
        Index(
            diagram
                .participants
                .iter()
                .enumerate()
                .map(|(i, p)| (p.id.as_str(), i))
                .collect(),
        )
    }
    /// The column of participant `id` (the parser makes every mentioned id a participant).
    fn of(&self, id: &str) -> usize {
        self.0.get(id).copied().unwrap_or(0)
    }
}

/// What is drawn, back to front, and what it means, as the drawing steps add to it.
#[derive(Default)]
struct Drawing {
    /// Boxes, highlights and lifelines, under everything else.
    back: Vec<Item>,
    items: Vec<Item>,
    /// Participants with a link menu: drawn after everything else.
    popups: Vec<Item>,
    nodes: Vec<NodeGeometry>,
    edges: Vec<EdgeGeometry>,
    seq: SequenceGeometry,
}

pub(crate) fn lay_out(diagram: &SequenceDiagram, config: &crate::config::Config) -> Scene {
    let theme = &config.theme;
    let index = Index::new(diagram);
    let mut cols = columns::measure_participants(diagram, config);
    let texts = columns::place(diagram, config, &index, &mut cols);
    let walked = walk::run(diagram, theme, &index, &texts, &mut cols);
    let mut drawing = Drawing::default();
    participants::draw_boxes(&mut drawing, diagram, &cols, &walked, config);
    frames::draw_highlights(&mut drawing, &walked.frames);
    participants::draw_lifelines_and_actors(&mut drawing, diagram, &cols, &walked, config);
    messages::draw_activations(&mut drawing, &cols, walked.bars, theme);
    frames::draw_frames(&mut drawing, &walked.frames, theme);
    messages::draw_notes(&mut drawing, &walked.notes, theme);
    messages::draw_messages(&mut drawing, &walked.messages, &cols, theme);
    draw_title(&mut drawing, diagram, &cols, theme);
    finish(drawing, diagram)
}

/// The diagram's title, centred over the participants.
fn draw_title(drawing: &mut Drawing, diagram: &SequenceDiagram, cols: &[Col], theme: &Theme) {
    let Some(title) = diagram.title.as_ref().or(diagram.meta.title.as_ref()) else {
        return;
    };
    let t = measure(title, theme, None);
    let (l, r) = cols.iter().fold((f64::INFINITY, f64::NEG_INFINITY), |(l, r), c| {
        (l.min(c.cx - c.w / 2.0), r.max(c.cx + c.w / 2.0))
    });
    let cx = if l.is_finite() { (l + r) / 2.0 } else { t.width / 2.0 };
    // Plain text at the body's size, as mermaid writes a sequence title.
    let block = text_block(&t, cx, -15.0 - t.height() - 5.0, theme, &theme.text_color, false);
    drawing.items.push(Item::Group {
        class: "title".into(),
        id: None,
        items: vec![Item::Text(block)],
    });
}

/// The scene of a drawing: its items in order, moved so the content starts at the margins, and sized to it.
fn finish(drawing: Drawing, diagram: &SequenceDiagram) -> Scene {
    let mut scene = Scene {
        kind: "sequence",
        acc_title: diagram.meta.acc_title.clone(),
        acc_descr: diagram.meta.acc_descr.clone(),
        ..Default::default()
    };
    let mut all = drawing.back;
    all.extend(drawing.items);
    all.extend(drawing.popups);
    scene.items = all;
    scene.geometry.nodes = drawing.nodes;
    scene.geometry.edges = drawing.edges;
    scene.geometry.sequence = Some(drawing.seq);
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
                    ..Default::default()
                }],
            })
            .collect(),
        anchor: TextAnchor::Middle,
        font_size: theme.font_size,
        fill: fill.to_string(),
        extra_css: vec![],
    }
}
