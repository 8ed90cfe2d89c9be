//! Node shapes: how big a shape must be around its label, how it is drawn, and where an edge meets it.
//!
//! Every shape is described once, by [`ShapeSpec::outline`]: the drawing is made from it and so is the polygon
//! used to clip edges, so an edge always ends on what is drawn.

use crate::scene::{Path, PathCmd, Point, Rect, ShapeGeometry};
use mermaid_parser::NodeShape;
use std::f64::consts::PI;

/// Padding between a label and its shape's outline, as mermaid's flowchart default (`flowchart.padding`).
pub(crate) const PADDING: f64 = 15.0;

/// The drawn parts of a shape and the outline polygon edges are clipped to.
pub(crate) struct Outline {
    /// The main outline, filled and stroked.
    pub main: ShapeGeometry,
    /// Extra strokes drawn over the main outline (a subroutine's inner bars, a cylinder's lip).
    pub details: Vec<ShapeGeometry>,
    /// Closed polygon (first point not repeated) following the outline, for clipping edges.
    pub hull: Vec<Point>,
}

/// Size of a node of `shape` around a label of `label_w × label_h`.
pub(crate) fn node_size(shape: NodeShape, label_w: f64, label_h: f64) -> (f64, f64) {
    use NodeShape::*;
    let (w, h) = (label_w, label_h);
    match shape {
        Diamond => {
            let side = (w + PADDING) + (h + PADDING);
            (side, side)
        }
        Circle | SmallCircle | FramedCircle | FilledCircle | CrossedCircle => {
            let d = w.max(h) + PADDING * 2.0;
            (d, d)
        }
        DoubleCircle => {
            let d = w.max(h) + PADDING * 2.0 + 10.0;
            (d, d)
        }
        Stadium => (w + (h + 2.0 * PADDING) + 2.0 * PADDING / 2.0, h + 2.0 * PADDING),
        Cylinder | LinedCylinder | DataStore => {
            let width = w + 2.0 * PADDING;
            let ry = lip_height(width);
            (width, h + 2.0 * PADDING + 2.0 * ry)
        }
        Hexagon => {
            let height = h + 2.0 * PADDING;
            (w + 2.0 * PADDING + height / 2.0, height)
        }
        LeanRight | LeanLeft | Trapezoid | InvTrapezoid => {
            let height = h + 2.0 * PADDING;
            (w + 2.0 * PADDING + height, height)
        }
        Asymmetric => {
            let height = h + 2.0 * PADDING;
            (w + 4.0 * PADDING + height / 4.0, height)
        }
        Subroutine => (w + 4.0 * PADDING + 16.0, h + 2.0 * PADDING),
        Ellipse => (w * 1.2 + 2.0 * PADDING, h * 1.2 + 2.0 * PADDING),
        Text => (w + 2.0 * PADDING / 2.0, h + 2.0 * PADDING / 2.0),
        _ => (w + 4.0 * PADDING, h + 2.0 * PADDING),
    }
}

/// Vertical radius of a cylinder's elliptical lip for a cylinder `width` wide.
fn lip_height(width: f64) -> f64 {
    (width / 2.0) / (2.5 + width / 50.0)
}

/// mermaid's name for a shape, as it appears in its geometry output.
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
        _ => "rect",
    }
}

fn pt(x: f64, y: f64) -> Point {
    Point { x, y }
}

fn polygon(center: Point, points: &[(f64, f64)]) -> Vec<Point> {
    points.iter().map(|&(x, y)| pt(center.x + x, center.y + y)).collect()
}

/// Points of an ellipse arc, for hulls of curved shapes.
fn ellipse_points(center: Point, rx: f64, ry: f64, from: f64, to: f64, steps: usize) -> Vec<Point> {
    (0..=steps)
        .map(|i| {
            let a = from + (to - from) * i as f64 / steps as f64;
            pt(center.x + rx * a.cos(), center.y + ry * a.sin())
        })
        .collect()
}

/// The outline of a `width × height` shape centred on `center`.
pub(crate) fn outline(shape: NodeShape, center: Point, width: f64, height: f64) -> Outline {
    use NodeShape::*;
    let (hw, hh) = (width / 2.0, height / 2.0);
    let rect = crate::scene::Rect {
        x: center.x - hw,
        y: center.y - hh,
        width,
        height,
    };
    let rect_hull = polygon(center, &[(-hw, -hh), (hw, -hh), (hw, hh), (-hw, hh)]);
    let poly = |pts: &[(f64, f64)]| {
        let hull = polygon(center, pts);
        Outline {
            main: ShapeGeometry::Polygon(hull.clone()),
            details: vec![],
            hull,
        }
    };
    match shape {
        Diamond => poly(&[(0.0, -hh), (hw, 0.0), (0.0, hh), (-hw, 0.0)]),
        Hexagon => {
            let inset = height / 4.0;
            poly(&[
                (-hw + inset, -hh),
                (hw - inset, -hh),
                (hw, 0.0),
                (hw - inset, hh),
                (-hw + inset, hh),
                (-hw, 0.0),
            ])
        }
        LeanRight => {
            let s = height / 2.0;
            poly(&[(-hw + s, -hh), (hw, -hh), (hw - s, hh), (-hw, hh)])
        }
        LeanLeft => {
            let s = height / 2.0;
            poly(&[(-hw, -hh), (hw - s, -hh), (hw, hh), (-hw + s, hh)])
        }
        Trapezoid => {
            let s = height / 2.0;
            poly(&[(-hw + s, -hh), (hw - s, -hh), (hw, hh), (-hw, hh)])
        }
        InvTrapezoid => {
            let s = height / 2.0;
            poly(&[(-hw, -hh), (hw, -hh), (hw - s, hh), (-hw + s, hh)])
        }
        Asymmetric => {
            let notch = height / 4.0;
            poly(&[(-hw, -hh), (hw, -hh), (hw, hh), (-hw, hh), (-hw + notch, 0.0)])
        }
        Circle | SmallCircle | FramedCircle | FilledCircle | CrossedCircle | Ellipse => Outline {
            main: ShapeGeometry::Ellipse { center, rx: hw, ry: hh },
            details: vec![],
            hull: ellipse_points(center, hw, hh, 0.0, 2.0 * PI, 48).split_off(1),
        },
        DoubleCircle => Outline {
            main: ShapeGeometry::Ellipse { center, rx: hw, ry: hh },
            details: vec![ShapeGeometry::Ellipse {
                center,
                rx: hw - 5.0,
                ry: hh - 5.0,
            }],
            hull: ellipse_points(center, hw, hh, 0.0, 2.0 * PI, 48).split_off(1),
        },
        Stadium => {
            let r = hh;
            let left = pt(center.x - hw + r, center.y);
            let right = pt(center.x + hw - r, center.y);
            let mut hull = ellipse_points(right, r, r, -PI / 2.0, PI / 2.0, 12);
            hull.extend(ellipse_points(left, r, r, PI / 2.0, 1.5 * PI, 12));
            let path = Path(vec![
                PathCmd::MoveTo(pt(left.x, center.y - hh)),
                PathCmd::LineTo(pt(right.x, center.y - hh)),
                PathCmd::ArcTo {
                    rx: r,
                    ry: r,
                    rotation: 0.0,
                    large_arc: false,
                    sweep: true,
                    to: pt(right.x, center.y + hh),
                },
                PathCmd::LineTo(pt(left.x, center.y + hh)),
                PathCmd::ArcTo {
                    rx: r,
                    ry: r,
                    rotation: 0.0,
                    large_arc: false,
                    sweep: true,
                    to: pt(left.x, center.y - hh),
                },
                PathCmd::Close,
            ]);
            Outline {
                main: ShapeGeometry::Path(path),
                details: vec![],
                hull,
            }
        }
        Cylinder | LinedCylinder | DataStore => {
            let ry = lip_height(width);
            let top = center.y - hh + ry;
            let bottom = center.y + hh - ry;
            let (l, r) = (center.x - hw, center.x + hw);
            let arc = |sweep, to| PathCmd::ArcTo {
                rx: hw,
                ry,
                rotation: 0.0,
                large_arc: false,
                sweep,
                to,
            };
            let body = Path(vec![
                PathCmd::MoveTo(pt(l, top)),
                arc(true, pt(r, top)),
                PathCmd::LineTo(pt(r, bottom)),
                arc(true, pt(l, bottom)),
                PathCmd::Close,
            ]);
            let lip = Path(vec![PathCmd::MoveTo(pt(l, top)), arc(false, pt(r, top))]);
            let mut hull = ellipse_points(pt(center.x, top), hw, ry, PI, 2.0 * PI, 12);
            hull.extend(ellipse_points(pt(center.x, bottom), hw, ry, 0.0, PI, 12));
            Outline {
                main: ShapeGeometry::Path(body),
                details: vec![ShapeGeometry::Path(lip)],
                hull,
            }
        }
        Subroutine => {
            let inset = 8.0;
            let bar = |x: f64| {
                ShapeGeometry::Path(Path(vec![
                    PathCmd::MoveTo(pt(x, rect.y)),
                    PathCmd::LineTo(pt(x, rect.bottom())),
                ]))
            };
            Outline {
                main: ShapeGeometry::Rect { rect, rx: 0.0 },
                details: vec![bar(rect.x + inset), bar(rect.right() - inset)],
                hull: rect_hull,
            }
        }
        Rounded => Outline {
            main: ShapeGeometry::Rect { rect, rx: 5.0 },
            details: vec![],
            hull: rect_hull,
        },
        _ => Outline {
            main: ShapeGeometry::Rect { rect, rx: 0.0 },
            details: vec![],
            hull: rect_hull,
        },
    }
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

/// The label box that fits in a shape: the label's size centred on the node (a cylinder's sits below its lip).
pub(crate) fn label_box(shape: NodeShape, center: Point, node_w: f64, label_w: f64, label_h: f64) -> Rect {
    let dy = match shape {
        NodeShape::Cylinder | NodeShape::LinedCylinder | NodeShape::DataStore => lip_height(node_w) / 2.0,
        _ => 0.0,
    };
    Rect {
        x: center.x - label_w / 2.0,
        y: center.y - label_h / 2.0 + dy,
        width: label_w,
        height: label_h,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clipping_lands_on_the_outline() {
        let c = pt(0.0, 0.0);
        let o = outline(NodeShape::Diamond, c, 100.0, 100.0);
        let p = clip_to_hull(&o.hull, c, pt(0.0, 200.0));
        assert!((p.y - 50.0).abs() < 1e-9 && p.x.abs() < 1e-9);
        let p = clip_to_hull(&o.hull, c, pt(100.0, 100.0));
        assert!((p.x - 25.0).abs() < 1e-9 && (p.y - 25.0).abs() < 1e-9, "{p:?}");
        let circle = outline(NodeShape::Circle, c, 60.0, 60.0);
        let p = clip_to_hull(&circle.hull, c, pt(200.0, 0.0));
        assert!((p.x - 30.0).abs() < 0.5);
    }

    #[test]
    fn labels_fit_inside_every_classic_shape() {
        use NodeShape::*;
        for shape in [
            Rect,
            Rounded,
            Stadium,
            Subroutine,
            Cylinder,
            Circle,
            DoubleCircle,
            Asymmetric,
            Diamond,
            Hexagon,
            LeanRight,
            LeanLeft,
            Trapezoid,
            InvTrapezoid,
            Ellipse,
        ] {
            let (w, h) = node_size(shape, 80.0, 24.0);
            let c = pt(0.0, 0.0);
            let o = outline(shape, c, w, h);
            let lb = label_box(shape, c, w, 80.0, 24.0);
            // The label's corners lie inside the hull: a ray from the centre to each corner does not cross it.
            for corner in [
                pt(lb.x, lb.y),
                pt(lb.right(), lb.y),
                pt(lb.x, lb.bottom()),
                pt(lb.right(), lb.bottom()),
            ] {
                let far = pt(corner.x * 1000.0, corner.y * 1000.0);
                let exit = clip_to_hull(&o.hull, c, far);
                assert!(
                    exit.x.hypot(exit.y) + 1e-6 >= corner.x.hypot(corner.y),
                    "{shape:?} {corner:?} {exit:?}"
                );
            }
        }
    }
}
