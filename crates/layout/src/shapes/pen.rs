//! A path builder that records, next to the drawn commands, the flattened outline the commands trace, so an
//! edge clipped to the hull ends exactly on what is drawn.

use crate::scene::{Path, PathCmd, Point, ShapeGeometry};
use std::f64::consts::PI;

/// Pieces a cubic curve is flattened into.
const CUBIC_STEPS: usize = 16;
/// Largest angle one flattened piece of an arc spans.
const ARC_STEP: f64 = PI / 24.0;

/// Draws in coordinates local to `origin` (a node's centre) and emits absolute ones.
pub(super) struct Pen {
    origin: Point,
    cmds: Vec<PathCmd>,
    points: Vec<Point>,
    current: Point,
}

impl Pen {
    pub(super) fn new(origin: Point) -> Pen {
        Pen {
            origin,
            cmds: Vec::new(),
            points: Vec::new(),
            current: origin,
        }
    }

    fn abs(&self, x: f64, y: f64) -> Point {
        Point {
            x: self.origin.x + x,
            y: self.origin.y + y,
        }
    }

    fn push_point(&mut self, p: Point) {
        if self
            .points
            .last()
            .is_none_or(|q| (q.x - p.x).abs() > 1e-9 || (q.y - p.y).abs() > 1e-9)
        {
            self.points.push(p);
        }
        self.current = p;
    }

    pub(super) fn move_to(&mut self, x: f64, y: f64) -> &mut Self {
        let p = self.abs(x, y);
        self.cmds.push(PathCmd::MoveTo(p));
        self.push_point(p);
        self
    }

    pub(super) fn line_to(&mut self, x: f64, y: f64) -> &mut Self {
        let p = self.abs(x, y);
        self.cmds.push(PathCmd::LineTo(p));
        self.push_point(p);
        self
    }

    /// Straight segments through every point of `points`.
    pub(super) fn lines(&mut self, points: &[(f64, f64)]) -> &mut Self {
        for &(x, y) in points {
            self.line_to(x, y);
        }
        self
    }

    /// A cubic Bézier curve from the current point.
    pub(super) fn cubic_to(&mut self, c1: (f64, f64), c2: (f64, f64), to: (f64, f64)) -> &mut Self {
        let (a, b, p) = (self.abs(c1.0, c1.1), self.abs(c2.0, c2.1), self.abs(to.0, to.1));
        let start = self.current;
        self.cmds.push(PathCmd::CubicTo(a, b, p));
        for i in 1..=CUBIC_STEPS {
            let t = i as f64 / CUBIC_STEPS as f64;
            let u = 1.0 - t;
            let (k0, k1, k2, k3) = (u * u * u, 3.0 * u * u * t, 3.0 * u * t * t, t * t * t);
            self.push_point(Point {
                x: k0 * start.x + k1 * a.x + k2 * b.x + k3 * p.x,
                y: k0 * start.y + k1 * a.y + k2 * b.y + k3 * p.y,
            });
        }
        self
    }

    /// An arc of the axis-aligned ellipse centred on `(cx, cy)` from angle `from` to angle `to` (radians,
    /// measured with y pointing down, so increasing angles turn clockwise on screen). A straight line joins the
    /// current point to the arc's start when they differ; on an empty path the arc starts the path.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn arc(&mut self, cx: f64, cy: f64, rx: f64, ry: f64, from: f64, to: f64) -> &mut Self {
        let at = |a: f64| (cx + rx * a.cos(), cy + ry * a.sin());
        let (sx, sy) = at(from);
        if self.cmds.is_empty() {
            self.move_to(sx, sy);
        } else {
            let s = self.abs(sx, sy);
            if (s.x - self.current.x).abs() > 1e-9 || (s.y - self.current.y).abs() > 1e-9 {
                self.line_to(sx, sy);
            }
        }
        let span = to - from;
        // SVG cannot draw a whole ellipse as one arc: split into pieces of at most a half turn.
        let pieces = ((span.abs() / PI) - 1e-9).ceil().max(1.0) as usize;
        for k in 1..=pieces {
            let a = from + span * k as f64 / pieces as f64;
            let (x, y) = at(a);
            let end = self.abs(x, y);
            self.cmds.push(PathCmd::ArcTo {
                rx,
                ry,
                rotation: 0.0,
                large_arc: false,
                sweep: span > 0.0,
                to: end,
            });
        }
        let steps = ((span.abs() / ARC_STEP).ceil() as usize).max(2);
        for i in 1..=steps {
            let (x, y) = at(from + span * i as f64 / steps as f64);
            let p = self.abs(x, y);
            self.push_point(p);
        }
        self
    }

    /// Close the current sub-path.
    pub(super) fn close(&mut self) -> &mut Self {
        self.cmds.push(PathCmd::Close);
        self
    }

    /// The drawn path.
    pub(super) fn geometry(&self) -> ShapeGeometry {
        ShapeGeometry::Path(Path(self.cmds.clone()))
    }

    /// The flattened outline, as a closed polygon without its first point repeated.
    pub(super) fn hull(&self) -> Vec<Point> {
        let mut hull = self.points.clone();
        while hull.len() > 1 {
            let (first, last) = (hull[0], hull[hull.len() - 1]);
            if (first.x - last.x).abs() < 1e-6 && (first.y - last.y).abs() < 1e-6 {
                hull.pop();
            } else {
                break;
            }
        }
        hull
    }
}

/// A straight line between two local points, as a detail stroke.
pub(super) fn segment(origin: Point, a: (f64, f64), b: (f64, f64)) -> ShapeGeometry {
    let mut pen = Pen::new(origin);
    pen.move_to(a.0, a.1).line_to(b.0, b.1);
    pen.geometry()
}

/// An open polyline through local points, as a detail stroke.
pub(super) fn polyline(origin: Point, points: &[(f64, f64)]) -> ShapeGeometry {
    let mut pen = Pen::new(origin);
    if let Some((&(x, y), rest)) = points.split_first() {
        pen.move_to(x, y).lines(rest);
    }
    pen.geometry()
}
