//! The outline of every shape: what is drawn and the polygon edges are clipped to.

use super::pen::{polyline, segment, Pen};
use super::{
    bow_rx, burst_depth, h_cyl_rx, lip_height, pt, Outline, Paint, BRACE_WIDTH, DOC_STACK, ICON_PAD, ICON_SIZE,
    LINED_INSET, RECT_STACK, WINDOW_INSET,
};
use crate::scene::{Point, ShapeGeometry};
use mermaid_parser::NodeShape;
use std::f64::consts::{FRAC_PI_2, PI, TAU};

/// Segments per period of a flattened wave.
const WAVE_STEPS: usize = 32;

/// The outline of a `width × height` shape centred on `center`.
pub(crate) fn outline(shape: NodeShape, center: Point, width: f64, height: f64) -> Outline {
    // Every shape is in exactly one group (the shapes tests draw each one); the plain box is never reached.
    boxed_outline(shape, center, width, height)
        .or_else(|| polygon_outline(shape, center, width, height))
        .or_else(|| curved_outline(shape, center, width, height))
        .unwrap_or_else(|| Outline::boxed(center, width, height, 0.0, vec![], Paint::Normal))
}

/// Rectangles and shapes drawn as a rectangle with details (lines, tags, braces, icons).
pub(super) fn boxed_outline(shape: NodeShape, center: Point, width: f64, height: f64) -> Option<Outline> {
    use NodeShape::*;
    let (hw, hh) = (width / 2.0, height / 2.0);
    let c = center;
    let boxed =
        |rx: f64, details: Vec<ShapeGeometry>, paint: Paint| Outline::boxed(c, width, height, rx, details, paint);
    let line = |a: (f64, f64), b: (f64, f64)| segment(c, a, b);
    Some(match shape {
        Rect => boxed(0.0, vec![], Paint::Normal),
        Text => boxed(0.0, vec![], Paint::Invisible),
        Rounded | State => boxed(5.0, vec![], Paint::Normal),
        Note => boxed(0.0, vec![], Paint::Note),
        Fork => boxed(0.0, vec![], Paint::Solid),
        DataStore => boxed(
            0.0,
            vec![line((-hw, -hh), (hw, -hh)), line((-hw, hh), (hw, hh))],
            Paint::FillOnly,
        ),
        Subroutine => {
            let inset = 8.0;
            boxed(
                0.0,
                vec![
                    line((-hw + inset, -hh), (-hw + inset, hh)),
                    line((hw - inset, -hh), (hw - inset, hh)),
                ],
                Paint::Normal,
            )
        }
        LinedRect => boxed(
            0.0,
            vec![line((-hw + LINED_INSET, -hh), (-hw + LINED_INSET, hh))],
            Paint::Normal,
        ),
        DividedRect => {
            let y = -hh + height / 6.0;
            boxed(0.0, vec![line((-hw, y), (hw, y))], Paint::Normal)
        }
        WindowPane => {
            let (x, y) = (-hw + WINDOW_INSET, -hh + WINDOW_INSET);
            boxed(
                0.0,
                vec![line((x, -hh), (x, hh)), line((-hw, y), (hw, y))],
                Paint::Normal,
            )
        }
        TaggedRect => {
            let t = (height * 0.2).min(12.0);
            boxed(0.0, vec![line((hw, hh - t), (hw - t, hh))], Paint::Normal)
        }
        BraceLeft | BraceRight | Braces => {
            let mut details = Vec::new();
            if shape != BraceRight {
                details.push(brace(c, hw, hh, false));
            }
            if shape != BraceLeft {
                details.push(brace(c, hw, hh, true));
            }
            boxed(0.0, details, Paint::Invisible)
        }
        Icon | Image => {
            let s = ICON_SIZE;
            let (top, l) = (-hh + ICON_PAD, -s / 2.0);
            let frame = polyline(c, &[(l, top), (l + s, top), (l + s, top + s), (l, top + s), (l, top)]);
            let glyph = if shape == Image {
                // A landscape: two hills and a sun.
                let hills = polyline(
                    c,
                    &[
                        (l, top + s * 0.85),
                        (l + s * 0.35, top + s * 0.45),
                        (l + s * 0.6, top + s * 0.7),
                        (l + s * 0.75, top + s * 0.55),
                        (l + s, top + s * 0.85),
                    ],
                );
                let mut sun = Pen::new(c);
                sun.arc(l + s * 0.72, top + s * 0.27, s * 0.1, s * 0.1, 0.0, TAU);
                vec![hills, sun.geometry()]
            } else {
                // A generic glyph: a circle inside the frame.
                let mut ring = Pen::new(c);
                ring.arc(0.0, top + s / 2.0, s * 0.3, s * 0.3, 0.0, TAU);
                vec![ring.geometry()]
            };
            let mut details = vec![frame];
            details.extend(glyph);
            boxed(4.0, details, Paint::Normal)
        }
        _ => return None,
    })
}

/// Shapes with straight sides only.
pub(super) fn polygon_outline(shape: NodeShape, center: Point, width: f64, height: f64) -> Option<Outline> {
    use NodeShape::*;
    let (hw, hh) = (width / 2.0, height / 2.0);
    let c = center;
    Some(match shape {
        Diamond | Choice => poly(c, &[(0.0, -hh), (hw, 0.0), (0.0, hh), (-hw, 0.0)]),
        Hexagon => {
            let inset = height / 4.0;
            poly(
                c,
                &[
                    (-hw + inset, -hh),
                    (hw - inset, -hh),
                    (hw, 0.0),
                    (hw - inset, hh),
                    (-hw + inset, hh),
                    (-hw, 0.0),
                ],
            )
        }
        LeanRight => {
            let s = height / 2.0;
            poly(c, &[(-hw + s, -hh), (hw, -hh), (hw - s, hh), (-hw, hh)])
        }
        LeanLeft => {
            let s = height / 2.0;
            poly(c, &[(-hw, -hh), (hw - s, -hh), (hw, hh), (-hw + s, hh)])
        }
        Trapezoid => {
            let s = height / 2.0;
            poly(c, &[(-hw + s, -hh), (hw - s, -hh), (hw, hh), (-hw, hh)])
        }
        InvTrapezoid => {
            let s = height / 2.0;
            poly(c, &[(-hw, -hh), (hw, -hh), (hw - s, hh), (-hw + s, hh)])
        }
        Asymmetric => {
            let notch = height / 4.0;
            poly(c, &[(-hw, -hh), (hw, -hh), (hw, hh), (-hw, hh), (-hw + notch, 0.0)])
        }
        NotchRect => {
            let n = 12.0_f64.min(height / 3.0).min(width / 3.0);
            poly(c, &[(-hw + n, -hh), (hw, -hh), (hw, hh), (-hw, hh), (-hw, -hh + n)])
        }
        NotchedPentagon => {
            let n = (height / 4.0).min(width / 4.0);
            poly(
                c,
                &[
                    (-hw + n, -hh),
                    (hw - n, -hh),
                    (hw, -hh + n),
                    (hw, hh),
                    (-hw, hh),
                    (-hw, -hh + n),
                ],
            )
        }
        SlopedRect => poly(c, &[(-hw, -hh + height / 3.0), (hw, -hh), (hw, hh), (-hw, hh)]),
        Triangle => poly(c, &[(0.0, -hh), (hw, hh), (-hw, hh)]),
        FlippedTriangle => poly(c, &[(-hw, -hh), (hw, -hh), (0.0, hh)]),
        Hourglass => {
            // Two triangles meeting at the centre; the pinch keeps the hull a simple polygon.
            let e = 1.0;
            poly(c, &[(-hw, -hh), (hw, -hh), (e, 0.0), (hw, hh), (-hw, hh), (-e, 0.0)])
        }
        Bolt => {
            let at = |u: f64, v: f64| (-hw + u * width, -hh + v * height);
            poly(
                c,
                &[
                    at(1.0, 0.0),
                    at(0.0, 0.55),
                    at(0.55, 0.55),
                    at(0.0, 1.0),
                    at(1.0, 0.45),
                    at(0.45, 0.45),
                ],
            )
        }
        _ => return None,
    })
}

/// Circles, stadiums, cylinders, documents and the other shapes with curved sides.
pub(super) fn curved_outline(shape: NodeShape, center: Point, width: f64, height: f64) -> Option<Outline> {
    use NodeShape::*;
    let (hw, hh) = (width / 2.0, height / 2.0);
    let c = center;
    let line = |a: (f64, f64), b: (f64, f64)| segment(c, a, b);
    Some(match shape {
        Circle | Ellipse | SmallCircle => ellipse(c, hw, hh, vec![], Paint::Normal),
        FilledCircle | Anchor => ellipse(c, hw, hh, vec![], Paint::Solid),
        DoubleCircle => ellipse(
            c,
            hw,
            hh,
            vec![ellipse(c, hw - 5.0, hh - 5.0, vec![], Paint::Normal).main],
            Paint::Normal,
        ),
        FramedCircle => ellipse(
            c,
            hw,
            hh,
            vec![ellipse(c, hw * 0.45, hh * 0.45, vec![], Paint::Normal).main],
            Paint::Normal,
        ),
        CrossedCircle => {
            let (dx, dy) = (hw / 2.0_f64.sqrt(), hh / 2.0_f64.sqrt());
            ellipse(
                c,
                hw,
                hh,
                vec![line((-dx, -dy), (dx, dy)), line((dx, -dy), (-dx, dy))],
                Paint::Normal,
            )
        }
        Stadium => {
            let r = hh.min(hw);
            let mut pen = Pen::new(c);
            pen.arc(hw - r, 0.0, r, r, -FRAC_PI_2, FRAC_PI_2)
                .arc(-hw + r, 0.0, r, r, FRAC_PI_2, 1.5 * PI)
                .close();
            traced(pen, vec![], Paint::Normal)
        }
        Delay => {
            let r = hh.min(hw);
            let mut pen = Pen::new(c);
            pen.move_to(-hw, -hh)
                .arc(hw - r, 0.0, r, r, -FRAC_PI_2, FRAC_PI_2)
                .line_to(-hw, hh)
                .close();
            traced(pen, vec![], Paint::Normal)
        }
        CurvedTrapezoid => {
            let r = hh.min(hw / 2.0);
            let inset = height / 4.0;
            let mut pen = Pen::new(c);
            pen.move_to(-hw + inset, -hh)
                .arc(hw - r, 0.0, r, hh, -FRAC_PI_2, FRAC_PI_2)
                .line_to(-hw + inset, hh)
                .line_to(-hw, 0.0)
                .close();
            traced(pen, vec![], Paint::Normal)
        }
        Cylinder | LinedCylinder => {
            let ry = lip_height(width);
            let (top, bottom) = (-hh + ry, hh - ry);
            let mut pen = Pen::new(c);
            pen.arc(0.0, top, hw, ry, PI, TAU)
                .arc(0.0, bottom, hw, ry, 0.0, PI)
                .close();
            let lip = |y: f64| {
                let mut lip = Pen::new(c);
                lip.arc(0.0, y, hw, ry, PI, 0.0);
                lip.geometry()
            };
            let mut details = vec![lip(top)];
            if shape == LinedCylinder {
                details.push(lip(top + ry));
            }
            traced(pen, details, Paint::Normal)
        }
        HorizontalCylinder => {
            let rx = h_cyl_rx(height);
            let (left, right) = (-hw + rx, hw - rx);
            let mut pen = Pen::new(c);
            pen.arc(right, 0.0, rx, hh, -FRAC_PI_2, FRAC_PI_2)
                .arc(left, 0.0, rx, hh, FRAC_PI_2, 1.5 * PI)
                .close();
            let mut lip = Pen::new(c);
            lip.arc(right, 0.0, rx, hh, -FRAC_PI_2, -1.5 * PI);
            traced(pen, vec![lip.geometry()], Paint::Normal)
        }
        BowTieRect => {
            let rx = bow_rx(height);
            let mut pen = Pen::new(c);
            pen.move_to(-hw + rx, -hh)
                .line_to(hw, -hh)
                .arc(hw, 0.0, rx, hh, 1.5 * PI, FRAC_PI_2)
                .arc(-hw + rx, 0.0, rx, hh, FRAC_PI_2, 1.5 * PI)
                .close();
            traced(pen, vec![], Paint::Normal)
        }
        Document | LinedDocument | TaggedDocument => {
            let a = height / 10.0;
            let mut points = vec![(-hw, -hh), (hw, -hh)];
            points.extend(wave(hw, -hw, hh - a, a));
            let mut details = Vec::new();
            if shape == LinedDocument {
                let x = -hw + LINED_INSET;
                details.push(line((x, -hh), (x, wave_y(x, -hw, hw, hh - a, a))));
            }
            if shape == TaggedDocument {
                let tw = (width * 0.2).min(30.0);
                let x = hw - tw;
                details.push(line((hw, hh - a - tw / 2.0), (x, wave_y(x, -hw, hw, hh - a, a))));
            }
            Outline {
                details,
                ..poly(c, &points)
            }
        }
        MultiDocument => stack(c, hw, hh, DOC_STACK, true),
        MultiRect => stack(c, hw, hh, RECT_STACK, false),
        FlagRect => {
            let a = height / 12.0;
            let mut points = wave(-hw, hw, -hh + a, a);
            points.extend(wave(hw, -hw, hh - a, a));
            poly(c, &points)
        }
        Bang | Cloud => burst(c, hw, hh, shape),
        _ => return None,
    })
}

impl Outline {
    /// A `width × height` box around `center` with corner radius `rx`: drawn as a rectangle, clipped to its
    /// corners.
    fn boxed(c: Point, width: f64, height: f64, rx: f64, details: Vec<ShapeGeometry>, paint: Paint) -> Outline {
        let (hw, hh) = (width / 2.0, height / 2.0);
        let rect = crate::scene::Rect {
            x: c.x - hw,
            y: c.y - hh,
            width,
            height,
        };
        Outline {
            main: ShapeGeometry::Rect { rect, rx },
            details,
            hull: local(c, &[(-hw, -hh), (hw, -hh), (hw, hh), (-hw, hh)]),
            paint,
        }
    }
}

/// Local points moved to absolute ones around `center`.
fn local(center: Point, points: &[(f64, f64)]) -> Vec<Point> {
    points.iter().map(|&(x, y)| pt(center.x + x, center.y + y)).collect()
}

/// A polygon shape: drawn and clipped alike.
fn poly(center: Point, points: &[(f64, f64)]) -> Outline {
    let hull = local(center, points);
    Outline {
        main: ShapeGeometry::Polygon(hull.clone()),
        details: vec![],
        hull,
        paint: Paint::Normal,
    }
}

/// A shape drawn by a pen, clipped to the outline the pen traced.
fn traced(pen: Pen, details: Vec<ShapeGeometry>, paint: Paint) -> Outline {
    Outline {
        main: pen.geometry(),
        hull: pen.hull(),
        details,
        paint,
    }
}

/// An ellipse shape.
fn ellipse(center: Point, rx: f64, ry: f64, details: Vec<ShapeGeometry>, paint: Paint) -> Outline {
    let steps = 48;
    let hull = (0..steps)
        .map(|i| {
            let a = TAU * i as f64 / steps as f64;
            pt(center.x + rx * a.cos(), center.y + ry * a.sin())
        })
        .collect();
    Outline {
        main: ShapeGeometry::Ellipse { center, rx, ry },
        details,
        hull,
        paint,
    }
}

/// One period of a sine wave from `x0` to `x1` around `base`: down by `amp` in its first quarter, up by `amp`
/// in its third (y points down), whichever way it runs.
fn wave(x0: f64, x1: f64, base: f64, amp: f64) -> Vec<(f64, f64)> {
    let (l, r) = (x0.min(x1), x0.max(x1));
    (0..=WAVE_STEPS)
        .map(|i| x0 + (x1 - x0) * i as f64 / WAVE_STEPS as f64)
        .map(|x| (x, wave_y(x, l, r, base, amp)))
        .collect()
}

/// The y of the wave of [`wave`] at `x`, for a wave spanning `l..r`.
fn wave_y(x: f64, l: f64, r: f64, base: f64, amp: f64) -> f64 {
    base + amp * (TAU * (x - l) / (r - l)).sin()
}

/// Three sheets stacked up and to the right: the front one (a document when `wavy`) and two behind it. The
/// main outline is the stack's silhouette; the back sheets' edges that show inside it are details.
fn stack(c: Point, hw: f64, hh: f64, o: f64, wavy: bool) -> Outline {
    let (l, r, t, b) = (-hw, hw, -hh, hh);
    let front_h = b - (t + 2.0 * o);
    let a = if wavy { front_h / 10.0 } else { 0.0 };
    // The bottom of the front sheet at its right side.
    let yr = b - a;
    let mut points = vec![
        (l, t + 2.0 * o),
        (l + o, t + 2.0 * o),
        (l + o, t + o),
        (l + 2.0 * o, t + o),
        (l + 2.0 * o, t),
        (r, t),
        (r, yr - 2.0 * o),
        (r - o, yr - 2.0 * o),
        (r - o, yr - o),
        (r - 2.0 * o, yr - o),
    ];
    if wavy {
        points.extend(wave(r - 2.0 * o, l, b - a, a));
    } else {
        points.extend([(r - 2.0 * o, b), (l, b)]);
    }
    let details = vec![
        polyline(
            c,
            &[(l + o, t + 2.0 * o), (r - 2.0 * o, t + 2.0 * o), (r - 2.0 * o, yr - o)],
        ),
        polyline(c, &[(l + 2.0 * o, t + o), (r - o, t + o), (r - o, yr - 2.0 * o)]),
    ];
    Outline {
        details,
        ..poly(c, &points)
    }
}

/// A curly brace the height of the node along its left side (its right side when `right`).
fn brace(c: Point, hw: f64, hh: f64, right: bool) -> ShapeGeometry {
    let s = if right { -1.0 } else { 1.0 };
    let (tip, stem, end) = (-hw * s, (-hw + BRACE_WIDTH / 2.0) * s, (-hw + BRACE_WIDTH) * s);
    let q = BRACE_WIDTH.min(hh / 2.0);
    let mut pen = Pen::new(c);
    pen.move_to(end, -hh)
        .cubic_to((stem, -hh), (stem, -hh), (stem, -hh + q))
        .line_to(stem, -q)
        .cubic_to((stem, 0.0), (stem, 0.0), (tip, 0.0))
        .cubic_to((stem, 0.0), (stem, 0.0), (stem, q))
        .line_to(stem, hh - q)
        .cubic_to((stem, hh), (stem, hh), (end, hh));
    pen.geometry()
}

/// A mindmap `bang` (spikes) or `cloud` (bumps) around an inner ellipse.
fn burst(c: Point, hw: f64, hh: f64, shape: NodeShape) -> Outline {
    let k = burst_depth(shape);
    let (rx, ry) = (hw / (1.0 + k), hh / (1.0 + k));
    // About one bump every 40 units of the inner ellipse's perimeter.
    let perimeter = PI * (3.0 * (rx + ry) - ((3.0 * rx + ry) * (rx + 3.0 * ry)).sqrt());
    let bumps = (perimeter / 40.0).round().clamp(6.0, 24.0);
    let steps = bumps as usize * 12;
    let points: Vec<(f64, f64)> = (0..steps)
        .map(|i| {
            let a = TAU * i as f64 / steps as f64;
            let s = (bumps * a / 2.0).sin().abs();
            let f = if shape == NodeShape::Bang {
                1.0 + k * (1.0 - s).powi(2)
            } else {
                1.0 + k * s
            };
            (rx * f * a.cos(), ry * f * a.sin())
        })
        .collect();
    poly(c, &points)
}
