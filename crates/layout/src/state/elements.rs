//! What every state and note looks like and how big it is, from its measured text: the pseudo-states' and
//! fork/join/choice sizes are mermaid's fixed ones, state boxes grow around their text.

use crate::config::Config;
use crate::text::{lay_out_plain, lay_out_wrapped, LaidText};
use mermaid_parser::{Direction, Label, StateDiagram, StateKind};

/// Room between a state's text and its border (mermaid's `state.padding`).
pub(super) const STATE_PADDING: f64 = 8.0;
/// Room between a note's text and its border.
pub(super) const NOTE_PADDING: f64 = 15.0;
/// Diameter of the start and end circles.
pub(super) const PSEUDO_SIZE: f64 = 14.0;
/// Long and short side of a fork or join bar.
const BAR_LENGTH: f64 = 70.0;
const BAR_THICKNESS: f64 = 10.0;
/// Width and height of a choice diamond.
pub(super) const CHOICE_SIZE: f64 = 28.0;
/// Height of a composite's title bar beyond its text.
pub(super) const TITLE_BAR_MARGIN: f64 = 8.0;

/// How one state is drawn.
pub(super) enum Look {
    /// A rounded box with one text: the description, the `state "…" as` title, or the id.
    Box(LaidText),
    /// A rounded box with a title, a divider and the other descriptions below (`rectWithTitle`).
    Titled {
        title: LaidText,
        body: LaidText,
    },
    Start,
    End,
    /// A fork or join bar; `vertical` in left-to-right scopes.
    Bar {
        vertical: bool,
        join: bool,
    },
    Choice,
    /// A composite or region frame; its title (empty for regions).
    Frame(LaidText),
}

/// Every state's and note's look and size, by index into the diagram's lists.
pub(super) struct Measured {
    pub looks: Vec<Look>,
    pub sizes: Vec<(f64, f64)>,
    pub notes: Vec<LaidText>,
    pub transition_labels: Vec<Option<LaidText>>,
}

impl Measured {
    pub fn note_size(&self, note: usize) -> (f64, f64) {
        let t = &self.notes[note];
        (t.width + 2.0 * NOTE_PADDING, t.height + 2.0 * NOTE_PADDING)
    }

    /// A frame's title size, as the engine reserves room for it.
    pub fn title_size(&self, state: usize) -> (f64, f64) {
        match &self.looks[state] {
            Look::Frame(t) if !t.lines.is_empty() && t.width > 0.0 => (t.width, t.height + TITLE_BAR_MARGIN),
            _ => (0.0, 0.0),
        }
    }
}

/// The direction the states directly inside `scope` are laid out in: a composite's own `direction` or top to
/// bottom (composites do not inherit, as in mermaid), a region's or else its composite's, the diagram's at the
/// top level.
pub(super) fn scope_direction(diagram: &StateDiagram, scope: Option<usize>) -> Direction {
    let Some(s) = scope else {
        return diagram.direction;
    };
    let state = &diagram.states[s];
    match (state.direction, state.kind, state.parent) {
        (Some(d), _, _) => d,
        (None, StateKind::Region, Some(p)) => diagram.states[p].direction.unwrap_or_default(),
        _ => Direction::TopBottom,
    }
}

pub(super) fn measure(diagram: &StateDiagram, config: &Config) -> Measured {
    let theme = &config.theme;
    // Text that wraps takes the whole wrapping width, as mermaid's label box does once it wraps.
    let wrapped = |l: &Label| {
        let mut t = lay_out_wrapped(l, theme, config.wrapping_width);
        if t.lines.len() > crate::text::lay_out_label(l, theme).lines.len() {
            t.width = t.width.max(config.wrapping_width);
        }
        t
    };
    let mut looks = Vec::with_capacity(diagram.states.len());
    let mut sizes = Vec::with_capacity(diagram.states.len());
    for s in &diagram.states {
        let look = match s.kind {
            StateKind::Start => Look::Start,
            StateKind::End => Look::End,
            StateKind::Choice => Look::Choice,
            StateKind::Fork | StateKind::Join => Look::Bar {
                vertical: scope_direction(diagram, s.parent) == Direction::LeftRight,
                join: s.kind == StateKind::Join,
            },
            StateKind::Composite => {
                let title = s.title.as_ref().map_or_else(|| s.id.clone(), |t| t.text.clone());
                Look::Frame(lay_out_plain(&title, theme))
            }
            StateKind::Region => Look::Frame(LaidText::default()),
            StateKind::Simple => match (&s.title, s.descriptions.as_slice()) {
                (None, []) => Look::Box(lay_out_plain(&s.id, theme)),
                (None, [one]) => Look::Box(wrapped(one)),
                (Some(t), []) => Look::Box(wrapped(t)),
                (Some(t), rest) => Look::Titled {
                    title: crate::text::lay_out_label(t, theme),
                    body: joined(rest, theme),
                },
                (None, [first, rest @ ..]) => Look::Titled {
                    title: crate::text::lay_out_label(first, theme),
                    body: joined(rest, theme),
                },
            },
        };
        let look = with_font_css(look, &state_css(diagram, s), theme);
        sizes.push(size_of(&look));
        looks.push(look);
    }
    Measured {
        looks,
        sizes,
        notes: diagram.notes.iter().map(|n| wrapped(&n.text)).collect(),
        transition_labels: diagram
            .transitions
            .iter()
            .map(|t| t.label.as_ref().filter(|l| !l.text.trim().is_empty()).map(wrapped))
            .collect(),
    }
}

/// Several descriptions as one text, a line each, unwrapped (as mermaid draws a multi-description state).
fn joined(lines: &[Label], theme: &crate::theme::Theme) -> LaidText {
    let text = lines.iter().map(|l| l.text.as_str()).collect::<Vec<_>>().join("\n");
    let kind = lines.first().map(|l| l.kind).unwrap_or_default();
    crate::text::lay_out_label(
        &Label {
            text,
            kind,
            ..Default::default()
        },
        theme,
    )
}

fn size_of(look: &Look) -> (f64, f64) {
    let p = STATE_PADDING;
    match look {
        Look::Box(t) => (t.width + 2.0 * p, t.height + 2.0 * p),
        // mermaid's titled box keeps only half the padding at its sides.
        Look::Titled { title, body } => (
            title.width.max(body.width) + p,
            title.height + body.height + 2.0 * p + 1.0,
        ),
        Look::Start | Look::End => (PSEUDO_SIZE, PSEUDO_SIZE),
        Look::Bar { vertical: false, .. } => (BAR_LENGTH, BAR_THICKNESS),
        Look::Bar { vertical: true, .. } => (BAR_THICKNESS, BAR_LENGTH),
        Look::Choice => (CHOICE_SIZE, CHOICE_SIZE),
        Look::Frame(t) => (t.width + 2.0 * p, t.height + 2.0 * p),
    }
}

/// A state's CSS from its classes and `style` statements.
fn state_css(diagram: &StateDiagram, s: &mermaid_parser::State) -> Vec<(String, String)> {
    let mut css = super::draw::class_css(diagram, &s.classes);
    css.extend(crate::style::css_declarations(&s.styles));
    css
}

/// The look with its text set bold or italic as `font-weight` / `font-style` ask, so it is measured (and the
/// box sized) the way it is drawn.
fn with_font_css(look: Look, css: &[(String, String)], theme: &crate::theme::Theme) -> Look {
    let value = |name: &str| css.iter().rev().find(|(k, _)| k == name).map(|(_, v)| v.as_str());
    let bold =
        value("font-weight").is_some_and(|w| w == "bold" || w == "bolder" || w.parse::<u32>().is_ok_and(|n| n >= 600));
    let italic = value("font-style").is_some_and(|s| s == "italic" || s == "oblique");
    if !bold && !italic {
        return look;
    }
    let restyle = |t: LaidText| t.restyled(bold, italic, theme);
    match look {
        Look::Box(t) => Look::Box(restyle(t)),
        Look::Titled { title, body } => Look::Titled {
            title: restyle(title),
            body: restyle(body),
        },
        Look::Frame(t) => Look::Frame(restyle(t)),
        other => other,
    }
}
