//! Syntax tree of class diagrams (`classDiagram`, `classDiagram-v2`).

use super::{ClassDef, Direction, Label, Meta, Span};

/// A `classDiagram`, with its statements resolved into classes, relations, notes and namespaces.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ClassDiagram {
    pub meta: Meta,
    /// From `direction TB|BT|LR|RL`; top to bottom when absent.
    pub direction: Direction,
    /// Every class, in order of first mention, then the lollipop interfaces (`interface0`, …) in order of use.
    /// Ids are unique.
    pub classes: Vec<Class>,
    /// Every relation, in source order.
    pub relations: Vec<Relation>,
    /// Every note, in source order (mermaid numbers them `note0`, `note1`, …).
    pub notes: Vec<ClassNote>,
    /// Every `namespace` block, outer ones before the blocks nested in them.
    pub namespaces: Vec<Namespace>,
    /// `classDef name prop:value,…` definitions, in source order (`classDef a,b …` gives one per name).
    pub class_defs: Vec<ClassDef>,
}

/// A class box, or the invisible box of a lollipop interface.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Class {
    /// The id relations and statements refer to (backticks removed, generic parameters not included).
    pub id: String,
    /// The display name from `class X["Label"]`; `None` shows the id.
    pub label: Option<Label>,
    /// The generic parameter from `X~T~`, as written between the outer tildes (`List~int~` for `X~List~int~~`).
    pub generic: Option<String>,
    /// `<<interface>>`-style annotations without the angle brackets, in order (mermaid draws only the first).
    pub annotations: Vec<String>,
    /// Member lines from bodies and `X : member` statements, in order.
    pub members: Vec<Member>,
    /// Classes from `:::name` and `cssClass` statements, in order.
    pub classes: Vec<String>,
    /// Inline CSS declarations from `style X …`, in order.
    pub styles: Vec<(String, String)>,
    /// Index into [`ClassDiagram::namespaces`] of the innermost namespace declaring this class.
    pub namespace: Option<usize>,
    /// The last `link` / `click … href`: a URL as written (layout keeps only safe ones) and its tooltip.
    pub link: Option<(String, Option<String>)>,
    /// A tooltip from a callback statement (callbacks themselves are never rendered).
    pub tooltip: Option<String>,
    /// A lollipop interface (`bar ()-- Foo`): drawn as its name only, with no box.
    pub interface: bool,
    /// Span of the first mention.
    pub span: Span,
}

impl Class {
    /// The name as drawn: the label, or the id with its generic parameter.
    pub fn display_name(&self) -> String {
        match (&self.label, &self.generic) {
            (Some(l), _) => l.text.clone(),
            (None, Some(g)) => format!("{}~{g}~", self.id),
            (None, None) => self.id.clone(),
        }
    }

    /// Fields (members without parentheses), in order.
    pub fn fields(&self) -> impl Iterator<Item = &Member> {
        self.members.iter().filter(|m| !m.is_method)
    }

    /// Methods, in order.
    pub fn methods(&self) -> impl Iterator<Item = &Member> {
        self.members.iter().filter(|m| m.is_method)
    }
}

/// How a member is drawn besides its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Classifier {
    #[default]
    None,
    /// `$`: a static member, underlined.
    Static,
    /// `*`: an abstract member, italic.
    Abstract,
}

/// One member line of a class.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Member {
    /// The text as drawn, before generics become angle brackets: visibility kept, the classifier removed, a
    /// method's return type after ` : ` (`+pay(amount) bool` is `+pay(amount) : bool`).
    pub text: String,
    /// A `)` after the first character makes a method.
    pub is_method: bool,
    pub classifier: Classifier,
    pub span: Span,
}

/// What is drawn at one end of a relation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum RelationEnd {
    #[default]
    None,
    /// `<|` / `|>`: inheritance or realization, a hollow triangle.
    Extension,
    /// `*`: a filled diamond.
    Composition,
    /// `o`: a hollow diamond.
    Aggregation,
    /// `<` / `>`: association or dependency, an arrowhead.
    Dependency,
    /// `()`: a lollipop circle.
    Lollipop,
}

impl RelationEnd {
    /// mermaid's name for this end (`extension`, `composition`, …, `none`).
    pub fn mermaid_name(self) -> &'static str {
        match self {
            RelationEnd::None => "none",
            RelationEnd::Extension => "extension",
            RelationEnd::Composition => "composition",
            RelationEnd::Aggregation => "aggregation",
            RelationEnd::Dependency => "dependency",
            RelationEnd::Lollipop => "lollipop",
        }
    }
}

/// `FROM ["card"] <end><line><end> ["card"] TO [: label]`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Relation {
    pub from: String,
    pub to: String,
    /// Drawn at `from`.
    pub from_end: RelationEnd,
    /// Drawn at `to`.
    pub to_end: RelationEnd,
    /// `..` rather than `--`.
    pub dashed: bool,
    /// The quoted cardinality next to `from` / `to`, without quotes.
    pub from_cardinality: Option<String>,
    pub to_cardinality: Option<String>,
    pub label: Option<Label>,
    pub span: Span,
}

/// `note "…"` or `note for X "…"`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ClassNote {
    pub text: Label,
    /// The class the note is about; it is joined to it by a dotted line.
    pub class: Option<String>,
    /// The namespace block the note was written in.
    pub namespace: Option<usize>,
    pub span: Span,
}

/// A `namespace Name["Label"] { … }` block.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Namespace {
    /// The name as written (`Company.Engineering`).
    pub id: String,
    pub label: Option<Label>,
    /// The enclosing namespace: its block, or the namespace its dotted name extends.
    pub parent: Option<usize>,
    /// Created only as the parent of a dotted name (`Co` for `namespace Co.Eng`), never written as a block.
    pub implied: bool,
    pub span: Span,
}
