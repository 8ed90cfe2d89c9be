//! Node shapes: how big a shape must be around its label, how it is drawn, and where an edge meets it.
//!
//! Every shape is described once, by [`outline`]: the drawing is made from it and so is the polygon used to
//! clip edges, so an edge always ends on what is drawn. [`node_size`] grows a shape until its label fits inside
//! that polygon, and [`label_box`] places the label where [`node_size`] checked it.

mod draw;
mod pen;
#[cfg(test)]
mod tests;

pub(crate) use draw::outline;
#[cfg(test)]
use draw::{boxed_outline, curved_outline, polygon_outline};

use crate::scene::{Point, Rect, ShapeGeometry};
use mermaid_parser::NodeShape;

/// Padding between a label and its shape's outline, as mermaid's flowchart default (`flowchart.padding`).
pub(crate) const PADDING: f64 = 15.0;

/// Room kept between a label and the outline when a shape is grown to fit its label.
const FIT_MARGIN: f64 = 2.0;

/// The drawn parts of a shape and the outline polygon edges are clipped to.
pub(crate) struct Outline {
    /// The main outline, painted as [`Outline::paint`] says.
    pub main: ShapeGeometry,
    /// Extra strokes drawn over the main outline (a subroutine's inner bars, a cylinder's lip), never filled.
    pub details: Vec<ShapeGeometry>,
    /// Closed polygon (first point not repeated) following the outline, for clipping edges.
    pub hull: Vec<Point>,
    /// How the main outline is painted.
    // flowchart.rs paints every main outline as `Paint::Normal` until it reads this field.
    pub paint: Paint,
}

/// How a shape's main outline is painted. Details are always stroked with the node's stroke and never filled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Paint {
    /// The node's fill and stroke.
    Normal,
    /// The node's fill and no stroke (`datastore`, whose details draw its top and bottom lines).
    FillOnly,
    /// Neither fill nor stroke (`text`, braces: only the label and the details show).
    Invisible,
    /// Filled and stroked with the line colour (`fork`/`join` bar, `f-circ` junction, `anchor`).
    Solid,
    /// A note's colours (fill `#fff5ad`, stroke `#aaaa33` in the default theme).
    Note,
}

/// Whether mermaid draws the label of a `shape` node. Markers such as `sm-circ`, `fork` or `bolt` show none.
pub(crate) fn shows_label(shape: NodeShape) -> bool {
    use NodeShape::*;
    !matches!(
        shape,
        SmallCircle | FramedCircle | FilledCircle | CrossedCircle | Fork | Hourglass | Bolt | Choice | Anchor
    )
}

/// Size of a node of `shape` around a label of `label_w × label_h`: mermaid's proportions, grown where needed
/// until the label fits inside the outline.
pub(crate) fn node_size(shape: NodeShape, label_w: f64, label_h: f64) -> (f64, f64) {
    let (mut w, mut h) = base_size(shape, label_w, label_h);
    if !shows_label(shape) {
        return (w, h);
    }
    let (grow_w, grow_h) = growth(shape);
    for _ in 0..80 {
        if label_fits(shape, w, h, label_w, label_h) {
            break;
        }
        w *= grow_w;
        h *= grow_h;
    }
    (w, h)
}

/// How a shape grows, per step, when its label does not fit yet: shapes whose room depends on both sides
/// (circles, triangles, diamonds, bursts) grow both, the others grow wider.
fn growth(shape: NodeShape) -> (f64, f64) {
    use NodeShape::*;
    match shape {
        Circle | DoubleCircle | Diamond | Triangle | FlippedTriangle | Ellipse | Bang | Cloud => (1.03, 1.03),
        _ => (1.03, 1.005),
    }
}

/// The size before any growing.
fn base_size(shape: NodeShape, label_w: f64, label_h: f64) -> (f64, f64) {
    use NodeShape::*;
    let (w, h) = (label_w, label_h);
    let p = PADDING;
    match shape {
        Diamond => {
            let side = (w + p) + (h + p);
            (side, side)
        }
        // mermaid 11 draws most classic shapes with half the padding around the label.
        Circle => (w + p, w + p),
        DoubleCircle => (w + 2.0 * p, w + 2.0 * p),
        Stadium => {
            let height = h + p;
            (w + p + height / 4.0, height)
        }
        Cylinder => {
            let width = w + p;
            (width, h + p + 3.0 * lip_height(width))
        }
        LinedCylinder => {
            let width = w + 2.0 * p;
            (width, h + 2.0 * p + 3.0 * lip_height(width))
        }
        Hexagon => {
            let height = h + p;
            (w + p + height / 2.0, height)
        }
        LeanRight | LeanLeft | Trapezoid => {
            let height = h + p;
            (w + p + height, height)
        }
        InvTrapezoid => {
            let height = h + 2.0 * p;
            (w + 2.0 * p + height, height)
        }
        Asymmetric => {
            let height = h + p;
            (w + p + height / 4.0, height)
        }
        Subroutine => (w + p + 16.0, h + p),
        Ellipse => (w * 1.2 + 2.0 * p, h * 1.2 + 2.0 * p),
        Text => (w + p, h + p),
        DataStore => (w + 4.0 * p, h + 2.0 * p),
        Bang | Cloud => {
            let k = 1.0 + burst_depth(shape);
            (
                (w + p) * std::f64::consts::SQRT_2 * k,
                (h + p) * std::f64::consts::SQRT_2 * k,
            )
        }
        NotchRect => (w + 2.0 * p, h + p),
        LinedRect => (w + 2.0 * p + 2.0 * LINED_INSET, h + 2.0 * p),
        SmallCircle | FramedCircle | FilledCircle => (14.0, 14.0),
        CrossedCircle => (60.0, 60.0),
        Fork => (70.0, 10.0),
        Hourglass => (30.0, 30.0),
        Bolt => (35.0, 70.0),
        Choice => (28.0, 28.0),
        Anchor => (4.0, 4.0),
        BraceLeft | BraceRight => (w + BRACE_WIDTH + 16.0, h + 25.0),
        Braces => (w + 2.0 * BRACE_WIDTH + 16.0, h + 25.0),
        Document => (w + 2.0 * p, (h + 2.0 * p) * 1.25),
        LinedDocument => (w + 2.0 * p + LINED_INSET, (h + 2.0 * p) * 1.25),
        TaggedDocument => (w + 2.0 * p + 10.0, (h + 2.0 * p) * 1.25),
        MultiDocument => (w + 2.0 * p + 2.0 * DOC_STACK, (h + 2.0 * p) * 1.25 + 2.0 * DOC_STACK),
        MultiRect => (w + 2.0 * p + 2.0 * RECT_STACK, h + 2.0 * p + 2.0 * RECT_STACK),
        Delay => {
            let height = h + 2.0 * p;
            (w + 2.0 * p + height / 4.0, height)
        }
        CurvedTrapezoid => {
            let height = h + 2.0 * p;
            (w + 2.0 * p + height / 2.0, height)
        }
        HorizontalCylinder => {
            let height = h + p;
            (w + p + 3.0 * h_cyl_rx(height), height)
        }
        DividedRect => (w + 2.0 * p, (h + p) * 1.2),
        Triangle | FlippedTriangle => {
            let side = w + h + p;
            (side, side)
        }
        WindowPane => (w + 2.0 * p + WINDOW_INSET, h + 2.0 * p + WINDOW_INSET),
        NotchedPentagon => (w + 2.0 * p, h + 2.0 * p),
        SlopedRect => (w + 2.0 * p, (h + 2.0 * p) * 1.5),
        FlagRect => (w + 2.0 * p, (h + p) * 1.5),
        BowTieRect => {
            let height = h + p;
            (w + p + 3.0 * bow_rx(height), height)
        }
        TaggedRect => (w + 2.0 * p + 10.0, h + 2.0 * p),
        Icon | Image => (
            (w + 2.0 * p).max(ICON_SIZE + 2.0 * ICON_PAD),
            h + ICON_SIZE + 2.0 * ICON_PAD + ICON_GAP,
        ),
        Rect | Note => (w + 4.0 * p, h + 2.0 * p),
        Rounded | State => (w + 2.0 * p, h + 2.0 * p),
    }
}

/// Vertical radius of a cylinder's elliptical lip for a cylinder `width` wide.
fn lip_height(width: f64) -> f64 {
    (width / 2.0) / (2.5 + width / 50.0)
}

/// Horizontal radius of a horizontal cylinder's end caps for a cylinder `height` tall.
fn h_cyl_rx(height: f64) -> f64 {
    (height / 2.0) / (2.5 + height / 50.0)
}

/// Horizontal radius of a bow-tie rectangle's curved ends for a shape `height` tall.
fn bow_rx(height: f64) -> f64 {
    height / 6.0
}

/// How far a burst's spikes or a cloud's bumps reach beyond its inner ellipse, as a fraction of it.
fn burst_depth(shape: NodeShape) -> f64 {
    if shape == NodeShape::Bang {
        0.3
    } else {
        0.15
    }
}

/// Distance of a lined rectangle's or lined document's bar from the left side.
const LINED_INSET: f64 = 8.0;
/// Distance of a window pane's lines from the top and left sides.
const WINDOW_INSET: f64 = 10.0;
/// Width of a curly brace.
const BRACE_WIDTH: f64 = 10.0;
/// Offset between the sheets of a stacked document and of stacked rectangles.
const DOC_STACK: f64 = 8.0;
const RECT_STACK: f64 = 5.0;
/// The placeholder drawn for an icon or image, the padding around it and the gap above the label.
const ICON_SIZE: f64 = 48.0;
const ICON_PAD: f64 = 8.0;
const ICON_GAP: f64 = 6.0;

/// mermaid's name for a shape, as it appears in its geometry output: the classic names for the bracket
/// shapes and the short `shape:` name for the others.
pub(crate) fn shape_name(shape: NodeShape) -> &'static str {
    use NodeShape::*;
    match shape {
        Rect => "squareRect",
        Rounded => "roundedRect",
        Stadium => "stadium",
        Subroutine => "subroutine",
        Cylinder => "cylinder",
        Circle => "circle",
        DoubleCircle => "doublecircle",
        Asymmetric => "rect_left_inv_arrow",
        Diamond => "diamond",
        Hexagon => "hexagon",
        LeanRight => "lean_right",
        LeanLeft => "lean_left",
        Trapezoid => "trapezoid",
        InvTrapezoid => "inv_trapezoid",
        Ellipse => "ellipse",
        DataStore => "datastore",
        Bang => "bang",
        Cloud => "cloud",
        Text => "text",
        NotchRect => "notch-rect",
        LinedRect => "lin-rect",
        SmallCircle => "sm-circ",
        FramedCircle => "fr-circ",
        Fork => "fork",
        Hourglass => "hourglass",
        BraceLeft => "brace",
        BraceRight => "brace-r",
        Braces => "braces",
        Bolt => "bolt",
        Document => "doc",
        Delay => "delay",
        HorizontalCylinder => "h-cyl",
        LinedCylinder => "lin-cyl",
        CurvedTrapezoid => "curv-trap",
        DividedRect => "div-rect",
        Triangle => "tri",
        WindowPane => "win-pane",
        FilledCircle => "f-circ",
        LinedDocument => "lin-doc",
        NotchedPentagon => "notch-pent",
        FlippedTriangle => "flip-tri",
        SlopedRect => "sl-rect",
        MultiDocument => "docs",
        MultiRect => "st-rect",
        FlagRect => "flag",
        CrossedCircle => "cross-circ",
        Icon => "icon",
        Image => "imageSquare",
        BowTieRect => "bow-rect",
        TaggedDocument => "tag-doc",
        TaggedRect => "tag-rect",
        State => "state",
        Choice => "choice",
        Note => "note",
        Anchor => "anchor",
    }
}

fn pt(x: f64, y: f64) -> Point {
    Point { x, y }
}

/// Where the segment from `inside` to `outside` leaves the closed polygon `hull` (the crossing nearest to
/// `outside`). When the segment never crosses the hull, `outside` itself.
pub(crate) fn clip_to_hull(hull: &[Point], inside: Point, outside: Point) -> Point {
    let mut best: Option<f64> = None;
    let (dx, dy) = (outside.x - inside.x, outside.y - inside.y);
    for i in 0..hull.len() {
        let a = hull[i];
        let b = hull[(i + 1) % hull.len()];
        let (ex, ey) = (b.x - a.x, b.y - a.y);
        let denom = dx * ey - dy * ex;
        if denom.abs() < 1e-12 {
            continue;
        }
        let t = ((a.x - inside.x) * ey - (a.y - inside.y) * ex) / denom;
        let u = ((a.x - inside.x) * dy - (a.y - inside.y) * dx) / denom;
        if (0.0..=1.0).contains(&t) && (-1e-9..=1.0 + 1e-9).contains(&u) && best.is_none_or(|b| t > b) {
            best = Some(t);
        }
    }
    match best {
        Some(t) => pt(inside.x + dx * t, inside.y + dy * t),
        None => outside,
    }
}

/// The label box inside a node of `shape` centred on `center` and `node_w` wide (as [`node_size`] made it):
/// centred in the room the shape leaves (below a cylinder's lip, beside a lined rectangle's bar, above a
/// document's wave…). Shapes that show no label get an empty box at their centre.
pub(crate) fn label_box(shape: NodeShape, center: Point, node_w: f64, label_w: f64, label_h: f64) -> Rect {
    if !shows_label(shape) {
        return Rect {
            x: center.x,
            y: center.y,
            width: 0.0,
            height: 0.0,
        };
    }
    let (_, node_h) = node_size(shape, label_w, label_h);
    let (dx, dy) = label_offset(shape, node_w, node_h, label_h);
    Rect {
        x: center.x + dx - label_w / 2.0,
        y: center.y + dy - label_h / 2.0,
        width: label_w,
        height: label_h,
    }
}

/// Where a label's centre sits relative to the centre of a `w × h` node.
fn label_offset(shape: NodeShape, w: f64, h: f64, label_h: f64) -> (f64, f64) {
    use NodeShape::*;
    let (hh, p) = (h / 2.0, PADDING);
    let doc_wave = |doc_h: f64| doc_h / 10.0;
    match shape {
        Cylinder => (0.0, lip_height(w) / 2.0),
        LinedCylinder => (0.0, lip_height(w)),
        LinedRect => (LINED_INSET / 2.0, 0.0),
        LinedDocument => (LINED_INSET / 2.0, -doc_wave(h)),
        WindowPane => (WINDOW_INSET / 2.0, WINDOW_INSET / 2.0),
        BraceLeft => (BRACE_WIDTH / 2.0, 0.0),
        BraceRight => (-BRACE_WIDTH / 2.0, 0.0),
        Document | TaggedDocument => (0.0, -doc_wave(h)),
        MultiDocument => (-DOC_STACK, DOC_STACK - doc_wave(h - 2.0 * DOC_STACK)),
        MultiRect => (-RECT_STACK, RECT_STACK),
        DividedRect => (0.0, h / 12.0),
        SlopedRect => (0.0, h / 6.0),
        Triangle => (0.0, hh - p / 2.0 - label_h / 2.0),
        FlippedTriangle => (0.0, -(hh - p / 2.0 - label_h / 2.0)),
        HorizontalCylinder => {
            // Between the left end and the front of the right cap, at the label's top and bottom rows.
            let rx = h_cyl_rx(h);
            let c = (1.0 - (label_h / 2.0 / hh).min(1.0).powi(2)).sqrt();
            (-rx * c, 0.0)
        }
        Icon | Image => (0.0, (ICON_SIZE + ICON_GAP) / 2.0),
        Delay | CurvedTrapezoid | BowTieRect => {
            let o = outline(shape, pt(0.0, 0.0), w, h);
            (centre_in_rows(&o.hull, -label_h / 2.0, label_h / 2.0), 0.0)
        }
        _ => (0.0, 0.0),
    }
}

/// The x of the middle of the room a closed polygon leaves between rows `y0` and `y1` (around x = 0).
fn centre_in_rows(hull: &[Point], y0: f64, y1: f64) -> f64 {
    let (mut left, mut right) = (f64::NEG_INFINITY, f64::INFINITY);
    for i in 0..=8 {
        let y = y0 + (y1 - y0) * i as f64 / 8.0;
        if let Some((l, r)) = row_span(hull, y) {
            left = left.max(l);
            right = right.min(r);
        }
    }
    if left.is_finite() && right.is_finite() {
        (left + right) / 2.0
    } else {
        0.0
    }
}

/// The stretch of row `y` inside a closed polygon that contains x = 0 (or the nearest one).
fn row_span(hull: &[Point], y: f64) -> Option<(f64, f64)> {
    let n = hull.len();
    let mut xs: Vec<f64> = (0..n)
        .filter_map(|i| {
            let (a, b) = (hull[i], hull[(i + 1) % n]);
            ((a.y > y) != (b.y > y)).then(|| a.x + (y - a.y) * (b.x - a.x) / (b.y - a.y))
        })
        .collect();
    xs.sort_by(f64::total_cmp);
    xs.chunks_exact(2).map(|c| (c[0], c[1])).min_by(|a, b| {
        let d = |s: &(f64, f64)| {
            if s.0 <= 0.0 && 0.0 <= s.1 {
                0.0
            } else {
                s.0.abs().min(s.1.abs())
            }
        };
        d(a).total_cmp(&d(b))
    })
}

/// Whether a `label_w × label_h` label, with [`FIT_MARGIN`] around it, lies inside a `w × h` node's outline.
fn label_fits(shape: NodeShape, w: f64, h: f64, label_w: f64, label_h: f64) -> bool {
    let o = outline(shape, pt(0.0, 0.0), w, h);
    let (dx, dy) = label_offset(shape, w, h, label_h);
    let (hw, hh) = (label_w / 2.0 + FIT_MARGIN, label_h / 2.0 + FIT_MARGIN);
    let steps = 6;
    (0..=steps).all(|i| {
        let t = i as f64 / steps as f64;
        let (x, y) = (-hw + 2.0 * hw * t, -hh + 2.0 * hh * t);
        [(x, -hh), (x, hh), (-hw, y), (hw, y)]
            .iter()
            .all(|&(px, py)| in_polygon(&o.hull, pt(dx + px, dy + py)))
    })
}

/// Whether `p` lies inside the closed polygon (even-odd rule).
pub(crate) fn in_polygon(poly: &[Point], p: Point) -> bool {
    let mut inside = false;
    let n = poly.len();
    for i in 0..n {
        let (a, b) = (poly[i], poly[(i + n - 1) % n]);
        if (a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x {
            inside = !inside;
        }
    }
    inside
}
