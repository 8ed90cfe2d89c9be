//! Syntax tree of sequence diagrams (`sequenceDiagram`).
//!
//! The body is kept as a flat list of [`SeqStatement`]s in source order. Blocks (`loop`, `alt`, …) are
//! [`SeqStatement::BlockStart`] / [`SeqStatement::BlockBranch`] / [`SeqStatement::BlockEnd`] markers rather
//! than nested trees, so that deep nesting never needs recursion; the parser guarantees they are balanced.

use super::{Label, Meta, Span};

/// A `sequenceDiagram`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SequenceDiagram {
    pub meta: Meta,
    /// `title …` / `title: …` in the body (front-matter `title` stays in `meta.title`).
    pub title: Option<String>,
    /// Every participant, in order of declaration or first mention (the column order).
    pub participants: Vec<Participant>,
    /// `box … end` groups, in source order.
    pub boxes: Vec<ParticipantBox>,
    /// Messages, notes, activations, blocks and numbering changes, in source order.
    pub statements: Vec<SeqStatement>,
    /// `link` / `links` menu entries, in source order.
    pub links: Vec<ActorLink>,
    /// `properties` / `details` statements: `(participant, raw text)`.
    pub properties: Vec<(String, String)>,
}

/// The symbol a participant is drawn as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum ParticipantKind {
    /// A box (`participant`).
    #[default]
    Participant,
    /// A stick figure (`actor`).
    Actor,
    Boundary,
    Control,
    Entity,
    Database,
    Collections,
    Queue,
}

impl ParticipantKind {
    /// The kind named by a `"type"` value of `@{ … }` (case-insensitive).
    pub fn from_name(name: &str) -> Option<Self> {
        Some(match name.to_ascii_lowercase().as_str() {
            "participant" => ParticipantKind::Participant,
            "actor" => ParticipantKind::Actor,
            "boundary" => ParticipantKind::Boundary,
            "control" => ParticipantKind::Control,
            "entity" => ParticipantKind::Entity,
            "database" => ParticipantKind::Database,
            "collections" => ParticipantKind::Collections,
            "queue" => ParticipantKind::Queue,
            _ => return None,
        })
    }

    /// mermaid's name for the symbol.
    pub fn name(self) -> &'static str {
        match self {
            ParticipantKind::Participant => "participant",
            ParticipantKind::Actor => "actor",
            ParticipantKind::Boundary => "boundary",
            ParticipantKind::Control => "control",
            ParticipantKind::Entity => "entity",
            ParticipantKind::Database => "database",
            ParticipantKind::Collections => "collections",
            ParticipantKind::Queue => "queue",
        }
    }
}

/// One column of the diagram.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Participant {
    /// The name used in messages.
    pub id: String,
    /// The text shown in the box: the alias (`as …`), or the id.
    pub label: Label,
    /// The alias began with `wrap:` (`Some(true)`) or `nowrap:` (`Some(false)`).
    pub wrap: Option<bool>,
    pub kind: ParticipantKind,
    /// Index into [`SequenceDiagram::boxes`] of the box holding it.
    pub in_box: Option<usize>,
    /// Introduced by `create`: its symbol is drawn at the first message that reaches it.
    pub created: bool,
    /// Removed by `destroy`: its lifeline ends with a cross at the next message that involves it.
    pub destroyed: bool,
    /// Whether it was declared (`participant`/`actor`) rather than only mentioned.
    pub declared: bool,
    /// The declaration, or the first mention.
    pub span: Span,
}

/// `box [colour] [title] … end`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ParticipantBox {
    pub title: Option<String>,
    /// A CSS colour (`Aqua`, `rgb(1,2,3)`, `transparent`), if the first word was one.
    pub color: Option<String>,
    /// Ids of its participants, in order.
    pub participants: Vec<String>,
    pub span: Span,
}

/// Whether a message line is drawn solid or dotted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum LineStyle {
    #[default]
    Solid,
    Dotted,
}

/// What is drawn at one end of a message line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum MessageHead {
    #[default]
    None,
    /// A filled triangle (`->>`).
    Filled,
    /// An open "async" head (`-)`).
    Open,
    /// A cross (`-x`).
    Cross,
    /// Half triangles on the upper / lower side of the line (`-|\`, `-|/`).
    HalfTop,
    HalfBottom,
    /// Half "stick" heads: one stroke on the upper / lower side (`-\\`, `-//`).
    StickTop,
    StickBottom,
}

/// A message arrow token.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Arrow {
    pub line: LineStyle,
    /// The head at the sender's end (bidirectional and reverse half arrows).
    pub start: MessageHead,
    /// The head at the receiver's end.
    pub end: MessageHead,
}

/// `A->>B: text`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Message {
    pub from: String,
    pub to: String,
    pub arrow: Arrow,
    /// The arrow token as written (`-->>`, `<<->>`, `-|\`).
    pub token: String,
    pub text: Label,
    /// `wrap:` (`Some(true)`) or `nowrap:` (`Some(false)`) prefix.
    pub wrap: Option<bool>,
    /// `+` after the arrow: the receiver is activated.
    pub activate_target: bool,
    /// `-` after the arrow: the sender is deactivated.
    pub deactivate_source: bool,
    /// `()` on the sender / receiver side (central connection).
    pub central_from: bool,
    pub central_to: bool,
    pub span: Span,
}

/// Where a note sits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum NotePlacement {
    LeftOf,
    #[default]
    RightOf,
    Over,
}

/// `Note left of A: text`, `Note over A,B: text`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Note {
    pub placement: NotePlacement,
    /// One participant, or two for `over A,B`.
    pub participants: Vec<String>,
    pub text: Label,
    pub wrap: Option<bool>,
    pub span: Span,
}

/// The kinds of block.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum BlockKind {
    #[default]
    Loop,
    Alt,
    Opt,
    Par,
    ParOver,
    Critical,
    Break,
    /// `rect COLOUR`: a background highlight, without a frame.
    Rect,
}

impl BlockKind {
    /// The keyword as mermaid labels the frame (`loop`, `alt`, `par`, …).
    pub fn name(self) -> &'static str {
        match self {
            BlockKind::Loop => "loop",
            BlockKind::Alt => "alt",
            BlockKind::Opt => "opt",
            BlockKind::Par | BlockKind::ParOver => "par",
            BlockKind::Critical => "critical",
            BlockKind::Break => "break",
            BlockKind::Rect => "rect",
        }
    }
}

/// Autonumbering from here on.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Autonumber {
    /// `false` for `autonumber off`.
    pub on: bool,
    pub start: Option<f64>,
    pub step: Option<f64>,
}

/// One statement of the body.
#[derive(Debug, Clone, PartialEq)]
pub enum SeqStatement {
    Message(Message),
    Note(Note),
    Activate {
        participant: String,
        span: Span,
    },
    Deactivate {
        participant: String,
        span: Span,
    },
    /// Opens a block. For `rect` the label is the colour.
    BlockStart {
        kind: BlockKind,
        label: Label,
        wrap: Option<bool>,
        span: Span,
    },
    /// `else` / `and` / `option` inside the innermost open block.
    BlockBranch {
        label: Label,
        wrap: Option<bool>,
        span: Span,
    },
    /// `end` of the innermost open block.
    BlockEnd {
        span: Span,
    },
    Autonumber(Autonumber, Span),
    /// `create participant …`: the next message creates it.
    Create {
        participant: String,
        span: Span,
    },
    /// `destroy X`: the next message involving it destroys it.
    Destroy {
        participant: String,
        span: Span,
    },
}

/// A menu entry of a participant (`link A: Docs @ https://…` or one key of `links A: {…}`).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ActorLink {
    pub participant: String,
    pub label: String,
    pub url: String,
    pub span: Span,
}
