//! Geometric checks on laid-out scenes, shared by the integration tests.
#![allow(dead_code)]

use mermaid_rs::scene::{Point, Rect, Scene};
use std::path::PathBuf;

/// A fresh, empty directory for one test.
pub fn scratch(name: &str) -> PathBuf {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static N: AtomicUsize = AtomicUsize::new(0);
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!(
        "cli-{name}-{}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Write `text` to `dir/name`, creating folders on the way.
pub fn write(dir: &std::path::Path, name: &str, text: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(&p, text).unwrap();
    p
}

/// `../shared` beside the repository, when this checkout has it (a user's clone does not).
pub fn shared_dir() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared");
    dir.is_dir().then_some(dir)
}

fn shrink(r: &Rect, by: f64) -> Rect {
    Rect {
        x: r.x + by,
        y: r.y + by,
        width: (r.width - 2.0 * by).max(0.0),
        height: (r.height - 2.0 * by).max(0.0),
    }
}

fn strictly_inside(r: &Rect, p: Point) -> bool {
    p.x > r.x && p.x < r.right() && p.y > r.y && p.y < r.bottom()
}

/// Whether `p` is inside the closed polygon (even-odd rule).
pub fn in_polygon(poly: &[Point], p: Point) -> bool {
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

/// Distance from `p` to the nearest edge of the closed polygon.
pub fn distance_to_outline(poly: &[Point], p: Point) -> f64 {
    let n = poly.len();
    (0..n)
        .map(|i| {
            let (a, b) = (poly[i], poly[(i + 1) % n]);
            let (dx, dy) = (b.x - a.x, b.y - a.y);
            let len2 = dx * dx + dy * dy;
            let t = if len2 > 0.0 {
                (((p.x - a.x) * dx + (p.y - a.y) * dy) / len2).clamp(0.0, 1.0)
            } else {
                0.0
            };
            (p.x - (a.x + t * dx)).hypot(p.y - (a.y + t * dy))
        })
        .fold(f64::INFINITY, f64::min)
}

/// Every problem found in a scene's layout: overlapping nodes, edges through foreign nodes, labels that spill
/// out of their shapes or overlap, edge ends off their outlines. Empty when the layout is clean.
pub fn layout_problems(scene: &Scene) -> Vec<String> {
    let mut problems = Vec::new();
    let g = &scene.geometry;
    for (i, a) in g.nodes.iter().enumerate() {
        for b in &g.nodes[i + 1..] {
            if a.rect.overlaps(&b.rect) {
                problems.push(format!("nodes {} and {} overlap", a.id, b.id));
            }
        }
        let lb = a.label_box;
        for corner in [
            Point {
                x: lb.x + 0.5,
                y: lb.y + 0.5,
            },
            Point {
                x: lb.right() - 0.5,
                y: lb.y + 0.5,
            },
            Point {
                x: lb.x + 0.5,
                y: lb.bottom() - 0.5,
            },
            Point {
                x: lb.right() - 0.5,
                y: lb.bottom() - 0.5,
            },
        ] {
            if !in_polygon(&a.outline, corner) {
                problems.push(format!("label of {} spills out of its shape at {corner:?}", a.id));
                break;
            }
        }
    }
    for e in &g.edges {
        let ends = [e.from.as_str(), e.to.as_str()];
        for p in e.path.flatten(12) {
            for n in &g.nodes {
                if !ends.contains(&n.id.as_str()) && strictly_inside(&shrink(&n.rect, 1.0), p) {
                    problems.push(format!("edge {} passes through node {} at {p:?}", e.id, n.id));
                }
            }
        }
        if let (Some(first), Some(last)) = (e.waypoints.first(), e.waypoints.last()) {
            for (end_id, point) in [(&e.from, first), (&e.to, last)] {
                if let Some(n) = g.nodes.iter().find(|n| &n.id == end_id) {
                    let d = distance_to_outline(&n.outline, *point);
                    if d > 0.5 {
                        problems.push(format!("edge {} ends {d:.2} away from the outline of {}", e.id, n.id));
                    }
                }
            }
        }
        if let Some(lb) = e.label_box {
            for n in &g.nodes {
                if lb.overlaps(&n.rect) {
                    problems.push(format!("label of edge {} overlaps node {}", e.id, n.id));
                }
            }
            for other in &g.edges {
                if other.id != e.id && other.label_box.is_some_and(|ob| ob.overlaps(&lb)) {
                    problems.push(format!("labels of edges {} and {} overlap", e.id, other.id));
                }
            }
        }
    }
    problems
}
