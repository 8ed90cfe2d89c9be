//! Keeping drawn edges clear of boxes: a grid index of node rectangles, and the choice of a curve that does not
//! cut through any box but its own ends.

use crate::scene::{Path, PathCmd, Point, Rect};

/// Node rectangles bucketed into a uniform grid, so "which boxes are near this point" costs O(1) on average
/// instead of a scan of every node.
pub(crate) struct Obstacles {
    rects: Vec<Rect>,
    cell: f64,
    origin: Point,
    columns: usize,
    rows: usize,
    buckets: Vec<Vec<usize>>,
}

/// Grids larger than this many cells fall back to coarser cells.
const MAX_CELLS: usize = 1 << 20;

impl Obstacles {
    pub fn new(rects: Vec<Rect>) -> Self {
        let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
        let mut size_sum = 0.0;
        for r in &rects {
            x0 = x0.min(r.x);
            y0 = y0.min(r.y);
            x1 = x1.max(r.right());
            y1 = y1.max(r.bottom());
            size_sum += r.width.max(r.height);
        }
        if rects.is_empty() {
            return Obstacles {
                rects,
                cell: 1.0,
                origin: Point::default(),
                columns: 0,
                rows: 0,
                buckets: vec![],
            };
        }
        let mut cell = (size_sum / rects.len() as f64).max(1.0);
        let (w, h) = ((x1 - x0).max(1.0), (y1 - y0).max(1.0));
        while (w / cell).ceil() * (h / cell).ceil() > MAX_CELLS as f64 {
            cell *= 2.0;
        }
        let columns = (w / cell).ceil() as usize + 1;
        let rows = (h / cell).ceil() as usize + 1;
        let mut buckets = vec![Vec::new(); columns * rows];
        let origin = Point { x: x0, y: y0 };
        for (i, r) in rects.iter().enumerate() {
            let (c0, r0) = Self::cell_of(origin, cell, r.x, r.y);
            let (c1, r1) = Self::cell_of(origin, cell, r.right(), r.bottom());
            for row in r0..=r1.min(rows - 1) {
                for col in c0..=c1.min(columns - 1) {
                    buckets[row * columns + col].push(i);
                }
            }
        }
        Obstacles {
            rects,
            cell,
            origin,
            columns,
            rows,
            buckets,
        }
    }

    fn cell_of(origin: Point, cell: f64, x: f64, y: f64) -> (usize, usize) {
        (
            ((x - origin.x) / cell).max(0.0) as usize,
            ((y - origin.y) / cell).max(0.0) as usize,
        )
    }

    /// Whether the segment `a`–`b` enters the interior (shrunk by one unit) of a box other than those in
    /// `except`. Only boxes bucketed in the grid cells under the segment's bounding box are tested.
    fn segment_hits(&self, a: Point, b: Point, except: &[usize]) -> bool {
        if self.columns == 0 {
            return false;
        }
        let (c0, r0) = Self::cell_of(self.origin, self.cell, a.x.min(b.x), a.y.min(b.y));
        let (c1, r1) = Self::cell_of(self.origin, self.cell, a.x.max(b.x), a.y.max(b.y));
        for row in r0..=r1.min(self.rows - 1) {
            for col in c0..=c1.min(self.columns - 1) {
                for &i in &self.buckets[row * self.columns + col] {
                    if !except.contains(&i) && segment_enters(a, b, &self.rects[i]) {
                        return true;
                    }
                }
            }
        }
        false
    }

    /// Whether the path, flattened, stays out of every box but those in `except`.
    pub fn path_is_clear(&self, path: &Path, except: &[usize]) -> bool {
        path.flatten(12)
            .windows(2)
            .all(|w| !self.segment_hits(w[0], w[1], except))
    }
}

/// Whether segment `a`–`b` passes through the interior of `r` shrunk by one unit (Liang–Barsky clipping).
fn segment_enters(a: Point, b: Point, r: &Rect) -> bool {
    let (x0, y0, x1, y1) = (r.x + 1.0, r.y + 1.0, r.right() - 1.0, r.bottom() - 1.0);
    if x0 >= x1 || y0 >= y1 {
        return false;
    }
    let (dx, dy) = (b.x - a.x, b.y - a.y);
    let (mut t0, mut t1) = (0.0_f64, 1.0_f64);
    for (p, q) in [(-dx, a.x - x0), (dx, x1 - a.x), (-dy, a.y - y0), (dy, y1 - a.y)] {
        if p == 0.0 {
            if q <= 0.0 {
                return false;
            }
        } else {
            let t = q / p;
            if p < 0.0 {
                t0 = t0.max(t);
            } else {
                t1 = t1.min(t);
            }
        }
    }
    t0 < t1
}

/// A polyline with its corners rounded off by at most `radius`: it never strays further from the route than
/// the rounding, so it is the fallback when a smooth curve would cut through a box.
pub(crate) fn rounded_polyline(points: &[Point], radius: f64) -> Path {
    let mut cmds = Vec::with_capacity(points.len() * 2);
    let Some(&first) = points.first() else {
        return Path(cmds);
    };
    cmds.push(PathCmd::MoveTo(first));
    for i in 1..points.len() {
        let p = points[i];
        if i + 1 == points.len() {
            cmds.push(PathCmd::LineTo(p));
            break;
        }
        let (prev, next) = (points[i - 1], points[i + 1]);
        let d_in = (p.x - prev.x).hypot(p.y - prev.y);
        let d_out = (next.x - p.x).hypot(next.y - p.y);
        let r = radius.min(d_in / 2.0).min(d_out / 2.0);
        if r <= 0.01 {
            cmds.push(PathCmd::LineTo(p));
            continue;
        }
        let before = Point {
            x: p.x + (prev.x - p.x) * r / d_in,
            y: p.y + (prev.y - p.y) * r / d_in,
        };
        let after = Point {
            x: p.x + (next.x - p.x) * r / d_out,
            y: p.y + (next.y - p.y) * r / d_out,
        };
        cmds.push(PathCmd::LineTo(before));
        // A cubic whose control points sit on the corner approximates a round join.
        cmds.push(PathCmd::CubicTo(p, p, after));
    }
    Path(cmds)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rect(x: f64, y: f64, w: f64, h: f64) -> Rect {
        Rect {
            x,
            y,
            width: w,
            height: h,
        }
    }

    #[test]
    fn finds_boxes_a_path_crosses() {
        let obstacles = Obstacles::new(vec![rect(0.0, 0.0, 10.0, 10.0), rect(50.0, 0.0, 10.0, 10.0)]);
        let through = Path(vec![
            PathCmd::MoveTo(Point { x: 5.0, y: 5.0 }),
            PathCmd::LineTo(Point { x: 55.0, y: 5.0 }),
        ]);
        assert!(!obstacles.path_is_clear(&through, &[0]));
        assert!(obstacles.path_is_clear(&through, &[0, 1]));
        let around = Path(vec![
            PathCmd::MoveTo(Point { x: 5.0, y: 20.0 }),
            PathCmd::LineTo(Point { x: 55.0, y: 20.0 }),
        ]);
        assert!(obstacles.path_is_clear(&around, &[]));
    }

    #[test]
    fn rounded_polyline_keeps_its_ends() {
        let pts = [
            Point { x: 0.0, y: 0.0 },
            Point { x: 0.0, y: 10.0 },
            Point { x: 10.0, y: 10.0 },
        ];
        let flat = rounded_polyline(&pts, 5.0).flatten(4);
        assert_eq!(flat.first(), Some(&pts[0]));
        assert_eq!(flat.last(), Some(&pts[2]));
    }
}
