//! Geometric checks shared by the layered-layout integration tests.
#![allow(dead_code)]

use mermaid_layered::{LayeredInput, LayeredOutput, Point, RankDir, Rect};

pub const EPS: f64 = 1e-6;

pub fn node_box(input: &LayeredInput, out: &LayeredOutput, i: usize) -> Rect {
    let (c, n) = (out.nodes[i], &input.nodes[i]);
    Rect {
        x: c.x - n.width / 2.0,
        y: c.y - n.height / 2.0,
        width: n.width,
        height: n.height,
    }
}

pub fn label_box(input: &LayeredInput, out: &LayeredOutput, e: usize) -> Option<Rect> {
    let (c, (w, h)) = (out.edges[e].label_center?, input.edges[e].label?);
    Some(Rect {
        x: c.x - w / 2.0,
        y: c.y - h / 2.0,
        width: w,
        height: h,
    })
}

pub fn shrink(r: Rect, by: f64) -> Rect {
    Rect {
        x: r.x + by,
        y: r.y + by,
        width: (r.width - 2.0 * by).max(0.0),
        height: (r.height - 2.0 * by).max(0.0),
    }
}

/// Open-interior overlap.
pub fn overlaps(a: Rect, b: Rect) -> bool {
    a.x < b.x + b.width - EPS && b.x < a.x + a.width - EPS && a.y < b.y + b.height - EPS && b.y < a.y + a.height - EPS
}

pub fn contains(outer: Rect, inner: Rect) -> bool {
    outer.x <= inner.x + EPS
        && outer.y <= inner.y + EPS
        && inner.x + inner.width <= outer.x + outer.width + EPS
        && inner.y + inner.height <= outer.y + outer.height + EPS
}

/// Does the segment a–b meet the interior of `r`? (Liang–Barsky clipping.)
pub fn segment_hits_rect(a: Point, b: Point, r: Rect) -> bool {
    if r.width <= 0.0 || r.height <= 0.0 {
        return false;
    }
    let (dx, dy) = (b.x - a.x, b.y - a.y);
    let mut t0: f64 = 0.0;
    let mut t1: f64 = 1.0;
    for (p, q) in [
        (-dx, a.x - r.x),
        (dx, r.x + r.width - a.x),
        (-dy, a.y - r.y),
        (dy, r.y + r.height - a.y),
    ] {
        if p.abs() < 1e-12 {
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
    t1 - t0 > 1e-9
}

fn same(a: Point, b: Point) -> bool {
    (a.x - b.x).abs() < 1e-6 && (a.y - b.y).abs() < 1e-6
}

/// Every structural guarantee of the engine; panics with a description of the first violation.
pub fn check(input: &LayeredInput, out: &LayeredOutput) {
    let n = input.nodes.len();
    assert_eq!(out.nodes.len(), n);
    assert_eq!(out.edges.len(), input.edges.len());
    assert_eq!(out.clusters.len(), input.clusters.len());
    let boxes: Vec<Rect> = (0..n).map(|i| node_box(input, out, i)).collect();
    let labels: Vec<Option<Rect>> = (0..input.edges.len()).map(|e| label_box(input, out, e)).collect();
    let sep = input.spacing.node_sep.min(input.spacing.rank_sep);

    // Inside the canvas.
    let canvas = Rect {
        x: 0.0,
        y: 0.0,
        width: out.width,
        height: out.height,
    };
    for (i, b) in boxes.iter().enumerate() {
        assert!(contains(canvas, *b), "node {i} {b:?} outside canvas {canvas:?}");
    }
    for (e, l) in labels.iter().enumerate() {
        if let Some(l) = l {
            assert!(contains(canvas, *l), "label {e} outside canvas");
        }
    }
    for (c, r) in out.clusters.iter().enumerate() {
        assert!(contains(canvas, *r), "cluster {c} outside canvas");
    }

    // Boxes apart by at least the spacing.
    for i in 0..n {
        for j in i + 1..n {
            let (a, b) = (boxes[i], boxes[j]);
            let gap_x = (b.x - (a.x + a.width)).max(a.x - (b.x + b.width));
            let gap_y = (b.y - (a.y + a.height)).max(a.y - (b.y + b.height));
            assert!(
                gap_x.max(gap_y) >= sep - EPS,
                "nodes {i} {a:?} and {j} {b:?} closer than {sep}"
            );
        }
    }

    // Routes: centre to centre, through no foreign box or label.
    for (e, (spec, route)) in input.edges.iter().zip(&out.edges).enumerate() {
        let pts = &route.points;
        assert!(pts.len() >= 2, "edge {e} has {} points", pts.len());
        assert!(
            same(pts[0], out.nodes[spec.from]),
            "edge {e} does not start at its source centre"
        );
        assert!(
            same(*pts.last().unwrap(), out.nodes[spec.to]),
            "edge {e} does not end at its target centre"
        );
        for seg in pts.windows(2) {
            for (i, b) in boxes.iter().enumerate() {
                if i != spec.from && i != spec.to {
                    assert!(
                        !segment_hits_rect(seg[0], seg[1], shrink(*b, 1.0)),
                        "edge {e} crosses node {i}"
                    );
                }
            }
            for (f, l) in labels.iter().enumerate() {
                if let (Some(l), true) = (l, f != e) {
                    assert!(
                        !segment_hits_rect(seg[0], seg[1], shrink(*l, 1.0)),
                        "edge {e} crosses label {f}"
                    );
                }
            }
        }
    }

    // Labels overlap nothing.
    for (e, l) in labels.iter().enumerate() {
        let Some(l) = l else { continue };
        for (i, b) in boxes.iter().enumerate() {
            assert!(!overlaps(*l, *b), "label {e} overlaps node {i}");
        }
        for (f, m) in labels.iter().enumerate().skip(e + 1) {
            if let Some(m) = m {
                assert!(!overlaps(*l, *m), "labels {e} and {f} overlap");
            }
        }
    }

    // Clusters hold exactly their members; nested ones sit strictly inside their parent.
    let ancestors =
        |c: Option<usize>| -> Vec<usize> { std::iter::successors(c, |&c| input.clusters[c].parent).collect() };
    for (c, rect) in out.clusters.iter().enumerate() {
        for (i, b) in boxes.iter().enumerate() {
            if ancestors(input.nodes[i].cluster).contains(&c) {
                assert!(
                    contains(*rect, *b),
                    "cluster {c} {rect:?} does not contain member {i} {b:?}"
                );
            } else {
                assert!(
                    !overlaps(*rect, *b),
                    "cluster {c} {rect:?} overlaps non-member {i} {b:?}"
                );
            }
        }
        for (d, other) in out.clusters.iter().enumerate() {
            if d == c {
                continue;
            }
            if ancestors(Some(d)).contains(&c) {
                assert!(
                    contains(shrink(*rect, 1.0), *other),
                    "cluster {d} not inside parent {c}"
                );
            } else if !ancestors(Some(c)).contains(&d) {
                assert!(!overlaps(*rect, *other), "clusters {c} and {d} overlap");
            }
        }
    }
}

pub const DIRECTIONS: [RankDir; 4] = [
    RankDir::TopBottom,
    RankDir::BottomTop,
    RankDir::LeftRight,
    RankDir::RightLeft,
];

/// Proper crossings between segments of different edges (shared end points do not count).
pub fn crossings(out: &LayeredOutput) -> usize {
    fn orient(a: Point, b: Point, c: Point) -> f64 {
        (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x)
    }
    let mut count = 0;
    for (e, r) in out.edges.iter().enumerate() {
        for s in out.edges.iter().skip(e + 1) {
            for a in r.points.windows(2) {
                for b in s.points.windows(2) {
                    let d1 = orient(b[0], b[1], a[0]);
                    let d2 = orient(b[0], b[1], a[1]);
                    let d3 = orient(a[0], a[1], b[0]);
                    let d4 = orient(a[0], a[1], b[1]);
                    if d1 * d2 < -1e-9 && d3 * d4 < -1e-9 {
                        count += 1;
                    }
                }
            }
        }
    }
    count
}
