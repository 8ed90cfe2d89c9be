//! Edge geometry every diagram drawn with the layered engine shares: which side a route leaves a box by,
//! clipping a centre-to-centre route to the outlines it starts and ends in, shortening it for a marker, and the
//! smooth B-spline mermaid draws edges with.

use crate::scene::{Path, PathCmd, Point, Rect};
use crate::shapes;

/// The side of a node's box a route leaves it by: 0 top, 1 right, 2 bottom, 3 left.
pub(crate) fn exit_side(center: Point, next: Point) -> u8 {
    let (dx, dy) = (next.x - center.x, next.y - center.y);
    if dy.abs() >= dx.abs() {
        if dy < 0.0 {
            0
        } else {
            2
        }
    } else if dx > 0.0 {
        1
    } else {
        3
    }
}

/// Remove consecutive points closer than a hundredth of a unit.
pub(crate) fn dedup_points(points: &mut Vec<Point>) {
    points.dedup_by(|b, a| (a.x - b.x).abs() < 0.01 && (a.y - b.y).abs() < 0.01);
}

/// Cut both ends of a centre-to-centre route back to the outlines they start and end inside.
pub(crate) fn clip_route(points: &mut Vec<Point>, from: (&[Point], Rect), to: (&[Point], Rect)) {
    dedup_points(points);
    if points.len() < 2 {
        return;
    }
    let (from_hull, from_box) = from;
    let (to_hull, to_box) = to;
    // Drop interior points that still lie inside the endpoint boxes.
    while points.len() > 2 && inside(&from_box, points[1]) {
        points.remove(1);
    }
    while points.len() > 2 && inside(&to_box, points[points.len() - 2]) {
        points.remove(points.len() - 2);
    }
    let start_center = points[0];
    points[0] = shapes::clip_to_hull(from_hull, start_center, points[1]);
    let n = points.len();
    let end_center = points[n - 1];
    points[n - 1] = shapes::clip_to_hull(to_hull, end_center, points[n - 2]);
    dedup_points(points);
}

fn inside(r: &Rect, p: Point) -> bool {
    p.x > r.x && p.x < r.right() && p.y > r.y && p.y < r.bottom()
}

/// Pull the last point back by `by` along the last segment, so a marker of that length ends on the outline.
pub(crate) fn shorten_end(points: &mut [Point], by: f64) {
    let n = points.len();
    if n < 2 {
        return;
    }
    let (a, b) = (points[n - 2], points[n - 1]);
    let len = (b.x - a.x).hypot(b.y - a.y);
    if len <= 1e-9 {
        return;
    }
    let t = (by.min(len * 0.9)) / len;
    points[n - 1] = Point {
        x: b.x - (b.x - a.x) * t,
        y: b.y - (b.y - a.y) * t,
    };
}

/// A smooth curve through the route: the uniform cubic B-spline of the points with both ends clamped, written
/// as Bézier segments. It starts and ends exactly at the first and last points, leaving along the first segment
/// and arriving along the last (so markers point the right way).
pub(crate) fn basis_path(points: &[Point]) -> Path {
    let mut cmds = Vec::with_capacity(points.len() + 2);
    let Some(&first) = points.first() else {
        return Path(cmds);
    };
    cmds.push(PathCmd::MoveTo(first));
    if points.len() == 2 {
        cmds.push(PathCmd::LineTo(points[1]));
        return Path(cmds);
    }
    // Control polygon with each end repeated three times.
    let mut q = Vec::with_capacity(points.len() + 4);
    q.extend([first, first]);
    q.extend_from_slice(points);
    let last = points[points.len() - 1];
    q.extend([last, last]);
    let lerp = |a: Point, b: Point, t: f64| Point {
        x: a.x + (b.x - a.x) * t,
        y: a.y + (b.y - a.y) * t,
    };
    for w in q.windows(4) {
        let (p1, p2, p3) = (w[1], w[2], w[3]);
        let c1 = lerp(p1, p2, 1.0 / 3.0);
        let c2 = lerp(p1, p2, 2.0 / 3.0);
        let next_c1 = lerp(p2, p3, 1.0 / 3.0);
        let end = lerp(c2, next_c1, 0.5);
        if w[1] == w[2] && (w[0] == w[1] || w[2] == w[3]) {
            // The clamped spline's first and last pieces are straight runs along the route's first and last
            // segments. Written as lines, their direction stays defined for markers (as cubics, their control
            // points would coincide with their ends).
            cmds.push(PathCmd::LineTo(end));
        } else {
            cmds.push(PathCmd::CubicTo(c1, c2, end));
        }
    }
    Path(cmds)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn basis_curve_starts_and_ends_on_the_route() {
        let pts = [
            Point { x: 0.0, y: 0.0 },
            Point { x: 10.0, y: 20.0 },
            Point { x: 0.0, y: 40.0 },
        ];
        let path = basis_path(&pts);
        let flat = path.flatten(8);
        assert_eq!(flat.first(), Some(&pts[0]));
        let last = *flat.last().unwrap();
        assert!((last.x - 0.0).abs() < 1e-9 && (last.y - 40.0).abs() < 1e-9, "{last:?}");
    }
}
