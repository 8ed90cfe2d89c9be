//! Output orientation: map the top-to-bottom result to the requested direction and move it to the origin.
//!
//! BT flips y, LR swaps the axes (ranks advance along x), RL swaps and flips. Sizes were swapped on the way
//! in (see `graph::from_input`), so boxes come out in their input orientation. Finally everything (boxes,
//! routes, labels, clusters) is translated so the drawing's top-left corner is (0, 0).

use super::graph::{LayeredGraph, NodeKind};
use super::{EdgeRoute, LayeredInput, LayeredOutput, Point, RankDir, Rect};

pub(crate) fn finish(
    input: &LayeredInput,
    g: &LayeredGraph,
    mut routes: Vec<EdgeRoute>,
    clusters: Vec<Rect>,
) -> LayeredOutput {
    let dir = input.direction;
    let map = |p: Point| match dir {
        RankDir::TopBottom => p,
        RankDir::BottomTop => Point { x: p.x, y: -p.y },
        RankDir::LeftRight => Point { x: p.y, y: p.x },
        RankDir::RightLeft => Point { x: -p.y, y: p.x },
    };
    let map_rect = |r: Rect| {
        let a = map(Point { x: r.x, y: r.y });
        let b = map(Point {
            x: r.x + r.width,
            y: r.y + r.height,
        });
        Rect {
            x: a.x.min(b.x),
            y: a.y.min(b.y),
            width: (a.x - b.x).abs(),
            height: (a.y - b.y).abs(),
        }
    };

    let mut nodes = vec![Point::default(); input.nodes.len()];
    for n in &g.nodes {
        if let NodeKind::Real(i) = n.kind {
            nodes[i] = map(Point { x: n.x, y: n.y });
        }
    }
    for r in &mut routes {
        r.points.iter_mut().for_each(|p| *p = map(*p));
        r.label_center = r.label_center.map(map);
    }
    let mut clusters: Vec<Rect> = clusters.into_iter().map(map_rect).collect();

    // Bounding box of everything drawn, in output orientation.
    let mut lo = Point {
        x: f64::INFINITY,
        y: f64::INFINITY,
    };
    let mut hi = Point {
        x: f64::NEG_INFINITY,
        y: f64::NEG_INFINITY,
    };
    let mut include = |c: Point, w: f64, h: f64| {
        lo.x = lo.x.min(c.x - w / 2.0);
        lo.y = lo.y.min(c.y - h / 2.0);
        hi.x = hi.x.max(c.x + w / 2.0);
        hi.y = hi.y.max(c.y + h / 2.0);
    };
    for (c, spec) in nodes.iter().zip(&input.nodes) {
        include(*c, spec.width.max(0.0), spec.height.max(0.0));
    }
    for (r, spec) in routes.iter().zip(&input.edges) {
        r.points.iter().for_each(|&p| include(p, 0.0, 0.0));
        if let (Some(c), Some((w, h))) = (r.label_center, spec.label) {
            include(c, w.max(0.0), h.max(0.0));
        }
    }
    for r in &clusters {
        include(
            Point {
                x: r.x + r.width / 2.0,
                y: r.y + r.height / 2.0,
            },
            r.width,
            r.height,
        );
    }
    if !lo.x.is_finite() {
        lo = Point::default();
        hi = Point::default();
    }

    let shift = |p: &mut Point| {
        p.x -= lo.x;
        p.y -= lo.y;
    };
    nodes.iter_mut().for_each(shift);
    for r in &mut routes {
        r.points.iter_mut().for_each(shift);
        r.label_center.iter_mut().for_each(shift);
    }
    for r in &mut clusters {
        r.x -= lo.x;
        r.y -= lo.y;
    }
    LayeredOutput {
        nodes,
        edges: routes,
        clusters,
        width: hi.x - lo.x,
        height: hi.y - lo.y,
    }
}
