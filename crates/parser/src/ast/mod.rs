//! The typed syntax tree produced by the parser.
//!
//! Every element that comes from the source carries the [`Span`] of the text it was read from, so that later
//! stages (and error messages) can point back at it.

/// A half-open byte range `start..end` into the original source text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
}

mod class;
mod er;
mod sequence;
mod state;

pub use class::*;
pub use er::*;
pub use sequence::*;
pub use state::*;

/// Any diagram the parser understands.
#[derive(Debug, Clone, PartialEq)]
pub enum Diagram {
    Flowchart(Flowchart),
    Sequence(SequenceDiagram),
    Er(ErDiagram),
    Class(ClassDiagram),
    State(StateDiagram),
}

impl Diagram {
    /// Front matter, directives and accessibility settings of any diagram type.
    pub fn meta(&self) -> &Meta {
        match self {
            Diagram::Flowchart(d) => &d.meta,
            Diagram::Sequence(d) => &d.meta,
            Diagram::Er(d) => &d.meta,
            Diagram::Class(d) => &d.meta,
            Diagram::State(d) => &d.meta,
        }
    }
}

/// Metadata shared by every diagram type (front matter, directives, accessibility).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Meta {
    /// `title:` from YAML front matter.
    pub title: Option<String>,
    /// `accTitle: …`
    pub acc_title: Option<String>,
    /// `accDescr: …` or `accDescr { … }`
    pub acc_descr: Option<String>,
    /// The raw JSON-ish text of every `%%{init: …}%%` directive, in source order (the outer braces included).
    pub init_directives: Vec<String>,
    /// The raw YAML text under `config:` in front matter, if any.
    pub front_matter_config: Option<String>,
    /// What was accepted here although mermaid.js reads it otherwise or rejects it, located like errors;
    /// `check` reports them as warnings.
    pub warnings: Vec<crate::ParseError>,
}

/// Flow direction of a flowchart or a subgraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Direction {
    /// Top to bottom (`TB`, `TD`, `v`).
    #[default]
    TopBottom,
    /// Bottom to top (`BT`, `^`).
    BottomTop,
    /// Left to right (`LR`, `>`).
    LeftRight,
    /// Right to left (`RL`, `<`).
    RightLeft,
}

/// A `graph` / `flowchart` diagram, with its statements already resolved into nodes, edges and subgraphs.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Flowchart {
    pub meta: Meta,
    pub direction: Direction,
    /// Every node, in order of first mention. Node ids are unique.
    pub nodes: Vec<Node>,
    /// Every edge, in source order (this order is what `linkStyle N` indexes).
    pub edges: Vec<Edge>,
    /// Every subgraph, in the order their `subgraph` line appears.
    pub subgraphs: Vec<Subgraph>,
    /// `classDef name a:b,c:d` definitions, in source order.
    pub class_defs: Vec<ClassDef>,
    /// `linkStyle` statements, in source order.
    pub link_styles: Vec<LinkStyle>,
    /// `click` statements, in source order.
    pub clicks: Vec<Click>,
}

/// Text shown in a node, on an edge or as a subgraph title.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Label {
    /// The text with quotes removed, `<br>` tags turned into [`crate::LINE_BREAK`] and entity codes (`#quot;`,
    /// `#35;`) decoded; wrapping and breaking lines is the layout's business. Flowchart labels are HTML: there a
    /// code that gives `<`, `>` or `&` is kept as the HTML entity (`&lt;`) so that it stays text.
    pub text: String,
    pub kind: LabelKind,
    pub span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum LabelKind {
    /// Plain text (bare or `"quoted"`).
    #[default]
    Plain,
    /// A markdown string: ``"`**bold** text`"``.
    Markdown,
}

/// Every node shape Mermaid 11 knows, by its canonical short name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum NodeShape {
    /// `[text]`, `rect`
    #[default]
    Rect,
    /// `(text)`, `rounded`
    Rounded,
    /// `([text])`, `stadium`
    Stadium,
    /// `[[text]]`, `fr-rect`
    Subroutine,
    /// `[(text)]`, `cyl`
    Cylinder,
    /// `((text))`, `circle`
    Circle,
    /// `(((text)))`, `dbl-circ`
    DoubleCircle,
    /// `>text]`, asymmetric / odd
    Asymmetric,
    /// `{text}`, `diam`
    Diamond,
    /// `{{text}}`, `hex`
    Hexagon,
    /// `[/text/]`, `lean-r`
    LeanRight,
    /// `[\text\]`, `lean-l`
    LeanLeft,
    /// `[/text\]`, `trap-b`
    Trapezoid,
    /// `[\text/]`, `trap-t`
    InvTrapezoid,
    /// `(-text-)`
    Ellipse,
    // v11 `@{ shape: … }` only:
    DataStore,
    Bang,
    Cloud,
    Text,
    NotchRect,
    LinedRect,
    SmallCircle,
    FramedCircle,
    Fork,
    Hourglass,
    BraceLeft,
    BraceRight,
    Braces,
    Bolt,
    Document,
    Delay,
    HorizontalCylinder,
    LinedCylinder,
    CurvedTrapezoid,
    DividedRect,
    Triangle,
    WindowPane,
    FilledCircle,
    LinedDocument,
    NotchedPentagon,
    FlippedTriangle,
    SlopedRect,
    MultiDocument,
    MultiRect,
    FlagRect,
    CrossedCircle,
    Icon,
    Image,
    /// `bow-rect` (stored data)
    BowTieRect,
    /// `tag-doc`
    TaggedDocument,
    /// `tag-rect`
    TaggedRect,
    /// Internal names that `shape:` also accepts: `state`, `choice`, `note`, `anchor`.
    State,
    Choice,
    Note,
    Anchor,
}

/// A node: its id, optional label (none means the id is shown) and shape.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Node {
    pub id: String,
    pub label: Option<Label>,
    pub shape: NodeShape,
    /// Classes from `:::name` and `class` statements, in order.
    pub classes: Vec<String>,
    /// Inline CSS declarations from `style id …`, as `(property, value)` in order.
    pub styles: Vec<(String, String)>,
    /// Raw `key: value` pairs from `@{ … }` that are not `shape`/`label` (icon, img, pos, w, h, …).
    pub shape_data: Vec<(String, String)>,
    /// Span of the first mention of the node (the id and its shape brackets, if any).
    pub span: Span,
}

/// Line pattern of an edge.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum EdgeStroke {
    /// `--`
    #[default]
    Normal,
    /// `==`
    Thick,
    /// `-.`
    Dotted,
    /// `~~~`
    Invisible,
}

/// What is drawn at one end of an edge.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum ArrowHead {
    #[default]
    None,
    /// `>`
    Arrow,
    /// `o`
    Circle,
    /// `x`
    Cross,
}

/// An edge between two nodes (or subgraphs; ids are resolved by the layout).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Edge {
    /// Optional edge id from `e1@-->`.
    pub id: Option<String>,
    pub from: String,
    pub to: String,
    pub stroke: EdgeStroke,
    pub arrow_start: ArrowHead,
    pub arrow_end: ArrowHead,
    /// Minimum number of ranks the edge spans: 1 for `-->`, 2 for `--->`, and so on.
    pub min_len: u32,
    pub label: Option<Label>,
    /// Raw `key: value` pairs from `id@{ … }` on this edge (curve, animate, animation).
    pub data: Vec<(String, String)>,
    /// Classes from `class e1 name` statements naming this edge's id, in order.
    pub classes: Vec<String>,
    /// Span of the link token (and its label), e.g. `-->|yes|`.
    pub span: Span,
}

/// A `subgraph … end` block.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Subgraph {
    pub id: String,
    /// The title; `None` means the id is shown.
    pub title: Option<Label>,
    pub direction: Option<Direction>,
    /// Ids of the nodes that belong directly to this subgraph (not through a nested one).
    pub nodes: Vec<String>,
    /// Indexes into `Flowchart::subgraphs` of the subgraphs nested directly inside this one.
    pub children: Vec<usize>,
    /// Index of the enclosing subgraph, if any.
    pub parent: Option<usize>,
    pub classes: Vec<String>,
    pub styles: Vec<(String, String)>,
    /// From the `subgraph` keyword to the end of its `end` keyword.
    pub span: Span,
}

/// `classDef name prop:value,…`
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ClassDef {
    pub name: String,
    pub styles: Vec<(String, String)>,
    pub span: Span,
}

/// `linkStyle 0,1 stroke:…` or `linkStyle default …`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct LinkStyle {
    /// `None` means `default`.
    pub indices: Option<Vec<usize>>,
    pub styles: Vec<(String, String)>,
    /// From `interpolate basis` etc.
    pub interpolate: Option<String>,
    pub span: Span,
}

/// `click id …`
#[derive(Debug, Clone, PartialEq)]
pub struct Click {
    pub node: String,
    pub action: ClickAction,
    pub tooltip: Option<String>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ClickAction {
    /// `click id "https://…" _blank` or `click id href "…"`
    Link { url: String, target: Option<String> },
    /// `click id callback` / `click id call callback(args)`: kept, never rendered as script.
    Callback { name: String, args: Option<String> },
}
