//! The positioned scene: everything a backend draws, with final coordinates and resolved style.
//!
//! This crate is the contract between layout and the backends (as usvg's tree is for resvg). Layout produces
//! one [`Scene`]; the SVG writer, the PNG rasterizer, the PDF converter and the geometry JSON only walk it. A
//! backend that would need to re-derive a position or a size is a sign that a field is missing here.
//!
//! It owns the scene types (items, paths, markers, text runs with resolved style), the semantic geometry the JSON
//! export reads ([`Geometry`]: nodes, edges, clusters, sequence parts), the colour themes every diagram type
//! shares ([`theme`]) and the filter that reduces user CSS and link targets to safe values ([`style`]).
//!
//! It must not know how positions are computed (no layout engine, no Mermaid syntax) or any output format.
// Library code must not panic on any input; unit tests may.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::panic))]

pub mod style;
pub mod theme;

pub use theme::{Theme, THEME_NAMES};

use mermaid_text::{line_width, Weight};

/// A 2-D point in output coordinates (y grows downward).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Point {
    pub x: f64,
    pub y: f64,
}

/// An axis-aligned rectangle by its top-left corner and size.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
}

/// One laid-out diagram.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Scene {
    /// Diagram type as mermaid names it (`flowchart-v2`, `sequence`, `er`).
    pub kind: &'static str,
    /// Drawing size; the view box is `0 0 width height`.
    pub width: f64,
    pub height: f64,
    /// Accessible title and description (`accTitle`, `accDescr`).
    pub acc_title: Option<String>,
    pub acc_descr: Option<String>,
    /// What to draw, back to front.
    pub items: Vec<Item>,
    /// What the drawing means: nodes, edges and clusters with their boxes, for geometry export and tests.
    pub geometry: Geometry,
}

/// A drawable element.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// A group of items with a semantic class (`node`, `edge`, `cluster`, `edgeLabel`) and optional id.
    Group {
        class: String,
        id: Option<String>,
        items: Vec<Item>,
    },
    /// A closed or open outline.
    Shape { geometry: ShapeGeometry, style: Style },
    /// An edge line, possibly with markers at its ends.
    Path {
        path: Path,
        style: Style,
        marker_start: Option<Marker>,
        marker_end: Option<Marker>,
    },
    /// A block of text.
    Text(TextBlock),
    /// Items that follow a hyperlink when clicked. `href` is always an `http`, `https` or `mailto` URL
    /// (layout drops anything else); `tooltip` is shown on hover.
    Link {
        href: String,
        tooltip: Option<String>,
        items: Vec<Item>,
    },
    /// Items always drawn (`trigger`) and items shown only while the pointer is over them or focus is inside
    /// (`panel`), such as a participant's menu of links. Only an interactive SVG can show the panel; still
    /// pictures (PNG, PDF) draw the trigger alone.
    Popup { trigger: Vec<Item>, panel: Vec<Item> },
}

/// Geometry of a [`Item::Shape`].
#[derive(Debug, Clone, PartialEq)]
pub enum ShapeGeometry {
    Rect { rect: Rect, rx: f64 },
    Ellipse { center: Point, rx: f64, ry: f64 },
    Polygon(Vec<Point>),
    Path(Path),
}

/// A path made of absolute commands.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Path(pub Vec<PathCmd>);

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum PathCmd {
    MoveTo(Point),
    LineTo(Point),
    CubicTo(Point, Point, Point),
    /// Elliptical arc: radii, x-axis rotation (degrees), large-arc flag, sweep flag, end point.
    ArcTo {
        rx: f64,
        ry: f64,
        rotation: f64,
        large_arc: bool,
        sweep: bool,
        to: Point,
    },
    Close,
}

/// Resolved paint of a shape or path. Colours are CSS colour strings already validated by layout.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Style {
    pub fill: Option<String>,
    pub stroke: Option<String>,
    pub stroke_width: f64,
    /// SVG `stroke-dasharray` value, e.g. `3`.
    pub dash: Option<String>,
    /// Extra CSS declarations from the diagram (`style`, `classDef`), already sanitized.
    pub extra_css: Vec<(String, String)>,
}

/// What is drawn at the end of a path. The path already stops where the marker's base begins.
#[derive(Debug, Clone, PartialEq)]
pub struct Marker {
    pub kind: MarkerKind,
    pub color: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum MarkerKind {
    /// A filled triangle whose tip is [`MarkerKind::length`] beyond the path's end.
    Arrow,
    /// The filled head of a sequence message: the same triangle, larger, as mermaid draws messages.
    MessageArrow,
    /// A filled circle.
    Circle,
    /// An ×.
    Cross,
    // ER cardinalities: drawn along the line, reaching exactly to the entity border.
    /// Two bars (exactly one).
    OnlyOne,
    /// A circle and a bar (zero or one).
    ZeroOrOne,
    /// A bar and a crow's foot (one or more).
    OneOrMore,
    /// A circle and a crow's foot (zero or more).
    ZeroOrMore,
    /// A hollow diamond (parent of a multi-dimensional relationship).
    MdParent,
    /// A slender dart whose wings reach back past its notch, reading as an open head: sequence `-)`.
    OpenArrow,
    /// A filled half triangle on the left / right side of the line's direction (above / below a line drawn
    /// left to right): sequence `-|\` and `-|/`. As in mermaid, the upper one stands on the tip and the lower
    /// one on the base.
    HalfArrowTop,
    HalfArrowBottom,
    /// One stroke of an arrowhead on the upper / lower side: sequence `-\\` and `-//`.
    StickTop,
    StickBottom,
    // Class diagram relation ends: drawn along the line, reaching exactly to the class border.
    /// A hollow triangle pointing at the class (inheritance, realization).
    Extension,
    /// A filled diamond (composition).
    Composition,
    /// A hollow diamond (aggregation).
    Aggregation,
    /// A filled arrowhead with a notch (association, dependency).
    Dependency,
    /// A hollow circle touching the class (a lollipop interface).
    Lollipop,
}

impl MarkerKind {
    /// How far beyond the path's end the marker reaches; layout shortens paths by this much.
    pub fn length(self) -> f64 {
        match self {
            MarkerKind::Arrow => 8.0,
            MarkerKind::MessageArrow => 11.0,
            // mermaid.js draws both 11 px across.
            MarkerKind::Circle => 11.0,
            MarkerKind::Cross => 11.0,
            MarkerKind::OnlyOne => 18.0,
            MarkerKind::ZeroOrOne => 27.0,
            MarkerKind::OneOrMore => 25.0,
            MarkerKind::ZeroOrMore => 36.0,
            MarkerKind::MdParent => 18.0,
            MarkerKind::OpenArrow => 12.0,
            MarkerKind::HalfArrowTop | MarkerKind::HalfArrowBottom | MarkerKind::StickTop | MarkerKind::StickBottom => {
                10.0
            }
            MarkerKind::Extension | MarkerKind::Composition | MarkerKind::Aggregation => 18.0,
            MarkerKind::Dependency => 10.0,
            MarkerKind::Lollipop => 12.0,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TextAnchor {
    Start,
    #[default]
    Middle,
    End,
}

/// Lines of text, each placed at its own anchor point and baseline.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TextBlock {
    pub lines: Vec<TextLine>,
    pub anchor: TextAnchor,
    pub font_size: f64,
    pub fill: String,
    /// Extra CSS declarations (e.g. `color` from a node's style turned into `fill`), already sanitized.
    pub extra_css: Vec<(String, String)>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct TextLine {
    pub x: f64,
    /// The baseline's y.
    pub baseline: f64,
    pub runs: Vec<TextRun>,
}

/// A stretch of text in one style.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TextRun {
    pub text: String,
    pub bold: bool,
    pub italic: bool,
    /// The rest of the style that HTML tags in labels give (`<u>`, `<code>`, `<sub>`, colours, links).
    pub format: RunFormat,
}

impl TextRun {
    /// Whether `other` is drawn in the same style, so the two can be one run.
    pub fn same_style(&self, other: &TextRun) -> bool {
        self.bold == other.bold && self.italic == other.italic && self.format == other.format
    }
}

/// Formatting beyond bold and italic. `Default` is plain text.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RunFormat {
    pub underline: bool,
    pub strike: bool,
    /// `<code>`, `<kbd>`, `<pre>`: a fixed-width face.
    pub monospace: bool,
    /// `<mark>`: highlighted.
    pub mark: bool,
    pub size: RunSize,
    /// A CSS colour from `<span style="color:…">` or `<font color>`, not yet checked: backends must filter it.
    pub color: Option<String>,
    /// A link target from `<a href>`, already reduced to a safe URL (`style::safe_url`).
    pub href: Option<String>,
}

/// Size and vertical position of a run relative to its block's font size.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum RunSize {
    #[default]
    Normal,
    /// `<small>`: 5/6 of the size.
    Small,
    /// `<big>`: 6/5 of the size.
    Big,
    /// `<sub>`: smaller, below the baseline.
    Sub,
    /// `<sup>`: smaller, above the baseline.
    Sup,
}

impl RunSize {
    /// The run's font size as a share of the block's.
    pub fn scale(self) -> f64 {
        match self {
            RunSize::Normal => 1.0,
            RunSize::Big => 1.2,
            RunSize::Small | RunSize::Sub | RunSize::Sup => 5.0 / 6.0,
        }
    }
}

/// The meaning of a drawing, in the terms of `mermaid-oracle-geometry/1`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Geometry {
    pub nodes: Vec<NodeGeometry>,
    pub clusters: Vec<ClusterGeometry>,
    pub edges: Vec<EdgeGeometry>,
    /// Sequence diagrams only: messages, notes, frames, activations, lifelines and bottom actors.
    pub sequence: Option<SequenceGeometry>,
}

/// The parts of a sequence diagram that are not nodes or edges (`edges` holds the message arrows).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SequenceGeometry {
    pub messages: Vec<MessageGeometry>,
    pub notes: Vec<NoteGeometry>,
    pub frames: Vec<FrameGeometry>,
    pub activations: Vec<ActivationGeometry>,
    pub lifelines: Vec<LifelineGeometry>,
    /// The mirrored actor symbols at the bottom (or where a destroyed participant ends).
    pub actors_bottom: Vec<NodeGeometry>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct MessageGeometry {
    /// The id of the matching entry in `Geometry::edges`.
    pub id: String,
    pub from: String,
    pub to: String,
    pub text: String,
    /// The y of the arrow line at its start.
    pub y: f64,
    pub text_box: Option<Rect>,
    pub dotted: bool,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct NoteGeometry {
    pub text: String,
    pub rect: Rect,
    pub text_box: Rect,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct FrameGeometry {
    /// `loop`, `alt`, `opt`, `par`, `critical`, `break`, `rect`.
    pub kind: String,
    /// The first section's condition as shown (`[Every minute]`), empty when there is none.
    pub text: String,
    pub rect: Rect,
    /// The y of each section divider (`else`, `and`, `option`).
    pub dividers: Vec<f64>,
    /// Index of the enclosing frame, if any.
    pub parent: Option<usize>,
    /// Ids (`Geometry::edges`) of the messages inside, nested frames included.
    pub messages: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct ActivationGeometry {
    pub actor: String,
    pub rect: Rect,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct LifelineGeometry {
    pub id: String,
    pub x: f64,
    pub y1: f64,
    pub y2: f64,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct NodeGeometry {
    pub id: String,
    pub label: String,
    pub rect: Rect,
    /// mermaid's shape name (`squareRect`, `diamond`, …).
    pub shape: &'static str,
    /// The label's text box, which must fit inside the shape.
    pub label_box: Rect,
    /// A closed polygon following the drawn outline (curves flattened), where edges end.
    pub outline: Vec<Point>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct ClusterGeometry {
    pub id: String,
    pub label: String,
    pub rect: Rect,
    pub label_box: Option<Rect>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct EdgeGeometry {
    pub id: String,
    pub from: String,
    pub to: String,
    pub label: Option<String>,
    pub label_box: Option<Rect>,
    /// The route as laid out, ending on the outlines (before smoothing).
    pub waypoints: Vec<Point>,
    /// The drawn path (smoothed, shortened for markers).
    pub path: Path,
    pub arrow_start: Option<&'static str>,
    pub arrow_end: Option<&'static str>,
}

impl Rect {
    pub fn center(&self) -> Point {
        Point {
            x: self.x + self.width / 2.0,
            y: self.y + self.height / 2.0,
        }
    }
    pub fn right(&self) -> f64 {
        self.x + self.width
    }
    pub fn bottom(&self) -> f64 {
        self.y + self.height
    }
    /// Whether the interiors of two rectangles overlap.
    pub fn overlaps(&self, other: &Rect) -> bool {
        self.x < other.right() && other.x < self.right() && self.y < other.bottom() && other.y < self.bottom()
    }
    /// Whether `other` lies inside this rectangle, allowing `tolerance` of slack.
    pub fn contains_rect(&self, other: &Rect, tolerance: f64) -> bool {
        other.x >= self.x - tolerance
            && other.y >= self.y - tolerance
            && other.right() <= self.right() + tolerance
            && other.bottom() <= self.bottom() + tolerance
    }
}

impl Path {
    /// Sample the path into a polyline (cubic segments flattened into `steps` pieces each).
    pub fn flatten(&self, steps: usize) -> Vec<Point> {
        let mut out = Vec::new();
        let mut current = Point::default();
        for cmd in &self.0 {
            match *cmd {
                PathCmd::MoveTo(p) | PathCmd::LineTo(p) => {
                    out.push(p);
                    current = p;
                }
                PathCmd::CubicTo(c1, c2, p) => {
                    for i in 1..=steps {
                        let t = i as f64 / steps as f64;
                        let u = 1.0 - t;
                        let x =
                            u * u * u * current.x + 3.0 * u * u * t * c1.x + 3.0 * u * t * t * c2.x + t * t * t * p.x;
                        let y =
                            u * u * u * current.y + 3.0 * u * u * t * c1.y + 3.0 * u * t * t * c2.y + t * t * t * p.y;
                        out.push(Point { x, y });
                    }
                    current = p;
                }
                PathCmd::ArcTo { to, .. } => {
                    out.push(to);
                    current = to;
                }
                PathCmd::Close => {}
            }
        }
        out
    }
}

impl Point {
    fn moved(self, dx: f64, dy: f64) -> Point {
        Point {
            x: self.x + dx,
            y: self.y + dy,
        }
    }
}

impl Rect {
    fn moved(self, dx: f64, dy: f64) -> Rect {
        Rect {
            x: self.x + dx,
            y: self.y + dy,
            ..self
        }
    }

    /// The four corners, clockwise from the top left: the outline edges are clipped to for a box.
    pub fn corners(&self) -> Vec<Point> {
        vec![
            Point { x: self.x, y: self.y },
            Point {
                x: self.right(),
                y: self.y,
            },
            Point {
                x: self.right(),
                y: self.bottom(),
            },
            Point {
                x: self.x,
                y: self.bottom(),
            },
        ]
    }

    /// The smallest rectangle holding both.
    pub fn union(&self, other: &Rect) -> Rect {
        let (x, y) = (self.x.min(other.x), self.y.min(other.y));
        Rect {
            x,
            y,
            width: self.right().max(other.right()) - x,
            height: self.bottom().max(other.bottom()) - y,
        }
    }
}

impl Path {
    fn translate(&mut self, dx: f64, dy: f64) {
        for cmd in &mut self.0 {
            match cmd {
                PathCmd::MoveTo(p) | PathCmd::LineTo(p) => *p = p.moved(dx, dy),
                PathCmd::CubicTo(a, b, p) => {
                    *a = a.moved(dx, dy);
                    *b = b.moved(dx, dy);
                    *p = p.moved(dx, dy);
                }
                PathCmd::ArcTo { to, .. } => *to = to.moved(dx, dy),
                PathCmd::Close => {}
            }
        }
    }
}

/// Move every drawn item by `(dx, dy)` (the scene's geometry is left alone; see [`Scene::translate`]).
pub fn translate_items(items: &mut [Item], dx: f64, dy: f64) {
    for item in items {
        match item {
            Item::Group { items, .. } | Item::Link { items, .. } => translate_items(items, dx, dy),
            Item::Popup { trigger, panel } => {
                translate_items(trigger, dx, dy);
                translate_items(panel, dx, dy);
            }
            Item::Shape { geometry, .. } => match geometry {
                ShapeGeometry::Rect { rect, .. } => *rect = rect.moved(dx, dy),
                ShapeGeometry::Ellipse { center, .. } => *center = center.moved(dx, dy),
                ShapeGeometry::Polygon(points) => points.iter_mut().for_each(|p| *p = p.moved(dx, dy)),
                ShapeGeometry::Path(path) => path.translate(dx, dy),
            },
            Item::Path { path, .. } => path.translate(dx, dy),
            Item::Text(block) => {
                for line in &mut block.lines {
                    line.x += dx;
                    line.baseline += dy;
                }
            }
        }
    }
}

fn add_bounds(acc: &mut Option<Rect>, r: Rect) {
    *acc = Some(acc.map_or(r, |a| a.union(&r)));
}

fn item_bounds(items: &[Item], acc: &mut Option<Rect>) {
    for item in items {
        match item {
            Item::Group { items, .. } | Item::Link { items, .. } => item_bounds(items, acc),
            // The panel counts: when it is shown it must not be cut off by the picture's edge.
            Item::Popup { trigger, panel } => {
                item_bounds(trigger, acc);
                item_bounds(panel, acc);
            }
            Item::Shape { geometry, style } => {
                let half = style.stroke_width / 2.0;
                let r = match geometry {
                    ShapeGeometry::Rect { rect, .. } => *rect,
                    ShapeGeometry::Ellipse { center, rx, ry } => Rect {
                        x: center.x - rx,
                        y: center.y - ry,
                        width: 2.0 * rx,
                        height: 2.0 * ry,
                    },
                    ShapeGeometry::Polygon(points) => bounds_of(points),
                    ShapeGeometry::Path(path) => bounds_of(&path.flatten(8)),
                };
                add_bounds(
                    acc,
                    Rect {
                        x: r.x - half,
                        y: r.y - half,
                        width: r.width + 2.0 * half,
                        height: r.height + 2.0 * half,
                    },
                );
            }
            Item::Path { path, style, .. } => {
                let r = bounds_of(&path.flatten(8));
                let half = style.stroke_width / 2.0;
                add_bounds(
                    acc,
                    Rect {
                        x: r.x - half,
                        y: r.y - half,
                        width: r.width + 2.0 * half,
                        height: r.height + 2.0 * half,
                    },
                );
            }
            Item::Text(block) => {
                for line in &block.lines {
                    let text: String = line.runs.iter().map(|r| r.text.as_str()).collect();
                    let bold = line.runs.iter().any(|r| r.bold);
                    let weight = if bold { Weight::Bold } else { Weight::Regular };
                    let width = line_width(&text, block.font_size, weight);
                    let x = match block.anchor {
                        TextAnchor::Start => line.x,
                        TextAnchor::Middle => line.x - width / 2.0,
                        TextAnchor::End => line.x - width,
                    };
                    // From the ascender to the descender of the font, around the baseline.
                    add_bounds(
                        acc,
                        Rect {
                            x,
                            y: line.baseline - block.font_size,
                            width,
                            height: block.font_size * 1.25,
                        },
                    );
                }
            }
        }
    }
}

/// The box around the drawn items: shapes and paths with their strokes, and text as measured.
pub fn items_bounds(items: &[Item]) -> Option<Rect> {
    let mut acc = None;
    item_bounds(items, &mut acc);
    acc
}

fn bounds_of(points: &[Point]) -> Rect {
    let mut r: Option<Rect> = None;
    for p in points {
        let pr = Rect {
            x: p.x,
            y: p.y,
            width: 0.0,
            height: 0.0,
        };
        r = Some(r.map_or(pr, |a| a.union(&pr)));
    }
    r.unwrap_or_default()
}

impl Item {
    /// `item` inside a link to `href` (with its tooltip), or `item` itself when there is no link.
    pub fn linked(item: Item, link: Option<(String, Option<String>)>) -> Item {
        match link {
            Some((href, tooltip)) => Item::Link {
                href,
                tooltip,
                items: vec![item],
            },
            None => item,
        }
    }
}

impl Scene {
    /// Move everything drawn, and the geometry, by `(dx, dy)`.
    pub fn translate(&mut self, dx: f64, dy: f64) {
        translate_items(&mut self.items, dx, dy);
        let g = &mut self.geometry;
        let bottom_actors = g.sequence.iter_mut().flat_map(|s| s.actors_bottom.iter_mut());
        for n in g.nodes.iter_mut().chain(bottom_actors) {
            n.rect = n.rect.moved(dx, dy);
            n.label_box = n.label_box.moved(dx, dy);
            n.outline.iter_mut().for_each(|p| *p = p.moved(dx, dy));
        }
        for c in &mut g.clusters {
            c.rect = c.rect.moved(dx, dy);
            c.label_box = c.label_box.map(|b| b.moved(dx, dy));
        }
        for e in &mut g.edges {
            e.label_box = e.label_box.map(|b| b.moved(dx, dy));
            e.waypoints.iter_mut().for_each(|p| *p = p.moved(dx, dy));
            e.path.translate(dx, dy);
        }
        if let Some(seq) = &mut g.sequence {
            for m in &mut seq.messages {
                m.y += dy;
                m.text_box = m.text_box.map(|b| b.moved(dx, dy));
            }
            for n in &mut seq.notes {
                n.rect = n.rect.moved(dx, dy);
                n.text_box = n.text_box.moved(dx, dy);
            }
            for f in &mut seq.frames {
                f.rect = f.rect.moved(dx, dy);
                f.dividers.iter_mut().for_each(|d| *d += dy);
            }
            for a in &mut seq.activations {
                a.rect = a.rect.moved(dx, dy);
            }
            for l in &mut seq.lifelines {
                l.x += dx;
                l.y1 += dy;
                l.y2 += dy;
            }
        }
    }

    /// The box around everything drawn: shapes, paths and text.
    pub fn drawn_bounds(&self) -> Option<Rect> {
        items_bounds(&self.items)
    }

    /// Size the drawing to what is drawn plus `padding` on every side, moving it so nothing is cut off
    /// (a curve may bulge beyond the boxes the layout placed).
    pub fn fit_to_content(&mut self, padding: f64) {
        // Flattened paths miss the bulge of elliptical arcs (a stadium's round ends), so the semantic boxes,
        // which hold every shape whole, count too.
        let g = &self.geometry;
        let boxes = g.nodes.iter().map(|n| n.rect).chain(g.clusters.iter().map(|c| c.rect));
        let Some(b) = boxes.fold(self.drawn_bounds(), |acc, r| Some(acc.map_or(r, |a| a.union(&r)))) else {
            return;
        };
        self.translate(padding - b.x, padding - b.y);
        self.width = b.width + 2.0 * padding;
        self.height = b.height + 2.0 * padding;
    }
}
