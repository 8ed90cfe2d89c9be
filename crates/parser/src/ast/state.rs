//! Syntax tree of state diagrams (`stateDiagram`, `stateDiagram-v2`).

use super::{ClassDef, Direction, Label, Meta, Span};

/// A state diagram, with its statements resolved into states (pseudo-states, composites and concurrency
/// regions included), transitions and notes.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct StateDiagram {
    pub meta: Meta,
    /// `stateDiagram-v2` rather than `stateDiagram`; both are drawn the same way.
    pub v2: bool,
    /// From a top-level `direction`; top to bottom when absent.
    pub direction: Direction,
    /// Every state, in order of first mention; ids are unique. `[*]` becomes one start and one end state per
    /// composite and per concurrency region, named `<scope>_start` / `<scope>_end` (`root_start` at the top).
    pub states: Vec<State>,
    /// Every transition, in source order.
    pub transitions: Vec<Transition>,
    /// Every note, in source order.
    pub notes: Vec<StateNote>,
    /// `classDef name prop:value,…` definitions, in source order.
    pub class_defs: Vec<ClassDef>,
    /// `click` links, in source order.
    pub clicks: Vec<StateClick>,
}

impl StateDiagram {
    /// The index of the state with this id.
    pub fn state_index(&self, id: &str) -> Option<usize> {
        self.states.iter().position(|s| s.id == id)
    }
}

/// What a state is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum StateKind {
    /// A state drawn as a rounded box.
    #[default]
    Simple,
    /// `state X { … }`: a frame around its inner states.
    Composite,
    /// One concurrency region of a composite (the states between `--` separators).
    Region,
    /// `[*]` as a transition's source.
    Start,
    /// `[*]` as a transition's target.
    End,
    /// `<<fork>>` / `[[fork]]`
    Fork,
    /// `<<join>>` / `[[join]]`
    Join,
    /// `<<choice>>` / `[[choice]]`
    Choice,
}

/// A state of any kind.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct State {
    pub id: String,
    pub kind: StateKind,
    /// `state "Title" as id`, or a composite's `id : title`.
    pub title: Option<Label>,
    /// Every `id : text` line of a simple state, in order.
    pub descriptions: Vec<Label>,
    /// Index of the enclosing composite or region; `None` at the top level.
    pub parent: Option<usize>,
    /// A composite's or region's own `direction`.
    pub direction: Option<Direction>,
    /// Classes from `:::name` and `class` statements, in order.
    pub classes: Vec<String>,
    /// Inline CSS declarations from `style id …`, in order.
    pub styles: Vec<(String, String)>,
    /// Span of the first mention.
    pub span: Span,
}

impl State {
    /// Whether the state is drawn as a frame around other states.
    pub fn is_container(&self) -> bool {
        matches!(self.kind, StateKind::Composite | StateKind::Region)
    }
}

/// `from --> to : label`
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Transition {
    pub from: String,
    pub to: String,
    pub label: Option<Label>,
    pub span: Span,
}

/// Which side of its state a note is put on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum NoteSide {
    #[default]
    Right,
    Left,
}

/// `note right of X : text` or `note left of X` … `end note`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct StateNote {
    /// The state the note is attached to.
    pub state: String,
    pub side: NoteSide,
    pub text: Label,
    pub span: Span,
}

/// `click id "url" "tooltip"` / `click id href "url"`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct StateClick {
    pub state: String,
    pub url: String,
    pub tooltip: Option<String>,
    pub span: Span,
}
