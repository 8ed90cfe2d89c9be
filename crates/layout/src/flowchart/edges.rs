//! Drawing a flowchart's edges: the engine's route clipped to the shapes it joins, shortened for its markers,
//! smoothed in the chosen curve (or less, where the curve would cut through a node), styled, and labelled.

use super::nodes::PlacedNode;
use super::obstacles::{rounded_polyline, Obstacles};
use super::*;
use crate::config::Curve;
use crate::routes::{basis_path, clip_route, dedup_points, exit_side, shorten_end};
use mermaid_parser::{ArrowHead, Edge, EdgeStroke};
use std::collections::HashMap;

/// Every edge, drawn under the nodes, and the edge labels, drawn over them.
pub(super) fn draw_edges(scene: &mut Scene, ctx: &Ctx<'_>, placed: &[PlacedNode]) -> (Vec<Item>, Vec<Item>) {
    let theme = &ctx.config.theme;
    let obstacles = Obstacles::new(placed.iter().map(|p| p.rect).collect());
    let mut edge_items = Vec::new();
    let mut label_items = Vec::new();
    let mut pair_count: HashMap<(&str, &str), usize> = HashMap::new();
    let mut member_links: HashMap<(usize, &str), usize> = HashMap::new();
    for (ei, edge) in ctx.chart.edges.iter().enumerate() {
        let Some(spec) = &ctx.placement.edges[ei] else {
            continue;
        };
        let route = &spec.route;
        let counter = pair_count.entry((edge.from.as_str(), edge.to.as_str())).or_insert(0);
        let id = format!("L_{}_{}_{}", edge.from, edge.to, counter);
        *counter += 1;
        let mut points = route_points(scene, ctx, spec, edge, placed, &obstacles, &mut member_links);
        let waypoints = points.clone();
        let marker = |head: ArrowHead| match head {
            ArrowHead::None => None,
            ArrowHead::Arrow => Some(MarkerKind::Arrow),
            ArrowHead::Circle => Some(MarkerKind::Circle),
            ArrowHead::Cross => Some(MarkerKind::Cross),
        };
        let (start, end) = (marker(edge.arrow_start), marker(edge.arrow_end));
        if let Some(m) = end {
            shorten_end(&mut points, m.length());
        }
        if let Some(m) = start {
            points.reverse();
            shorten_end(&mut points, m.length());
            points.reverse();
        }
        let curve = edge_curve(ctx, ei, edge);
        let path = clear_path(&points, curve, &obstacles, [spec.from, spec.to]);
        let style = edge_style(ctx, ei, edge);
        let style_css = style.extra_css.clone();
        let color = style
            .extra_css
            .iter()
            .rev()
            .find(|(k, _)| k == "stroke")
            .map_or_else(|| theme.edge_color.clone(), |(_, v)| v.clone());
        let visible = edge.stroke != EdgeStroke::Invisible;
        let mk = |kind: Option<MarkerKind>| {
            kind.filter(|_| visible).map(|kind| Marker {
                kind,
                color: color.clone(),
            })
        };
        edge_items.push(Item::Group {
            class: "edge".into(),
            id: Some(id.clone()),
            items: vec![Item::Path {
                path: path.clone(),
                style,
                marker_start: mk(start),
                marker_end: mk(end),
            }],
        });

        let mut label_box = None;
        if let (Some(text), Some(c)) = (&ctx.measured.edge_labels[ei], route.label_center) {
            let (mut group, rect) = text.edge_label(ctx.shift(c), &theme.edge_label_background, theme);
            // `linkStyle … color:` colours the label's text.
            let text_css = text_color_css(&style_css);
            if let Item::Group { items, .. } = &mut group {
                for item in items.iter_mut() {
                    if let Item::Text(t) = item {
                        t.extra_css.clone_from(&text_css);
                    }
                }
            }
            label_box = Some(rect);
            label_items.push(group);
        }
        let arrow_name = |k: Option<MarkerKind>| match k {
            None => "none",
            Some(MarkerKind::Arrow) => "arrow_point",
            Some(MarkerKind::Circle) => "arrow_circle",
            Some(MarkerKind::Cross) => "arrow_cross",
            Some(_) => "arrow_point",
        };
        scene.geometry.edges.push(EdgeGeometry {
            id,
            from: edge.from.clone(),
            to: edge.to.clone(),
            label: ctx.measured.edge_labels[ei].as_ref().map(|l| l.plain()),
            label_box,
            waypoints,
            path,
            arrow_start: Some(arrow_name(start)),
            arrow_end: Some(arrow_name(end)),
        });
    }
    (edge_items, label_items)
}

/// The engine's route of an edge in drawing coordinates, ending on the outlines of what it joins.
fn route_points<'c>(
    scene: &Scene,
    ctx: &Ctx<'c>,
    spec: &placement::PlacedEdge,
    edge: &'c Edge,
    placed: &[PlacedNode],
    obstacles: &Obstacles,
    member_links: &mut HashMap<(usize, &'c str), usize>,
) -> Vec<Point> {
    let mut points: Vec<Point> = spec.route.points.iter().map(|&p| ctx.shift(p)).collect();
    let (from, to) = (&placed[spec.from], &placed[spec.to]);
    dedup_points(&mut points);
    // The engine gives edges sharing a side of a node distinct ports; leave each one square-on.
    if spec.from != spec.to && points.len() >= 3 {
        for rect in [&from.rect, &to.rect] {
            square_start(&mut points, rect);
            points.reverse();
        }
    }
    let from_cluster = cluster_rect(scene, &edge.from);
    let to_cluster = cluster_rect(scene, &edge.to);
    match (from_cluster, to_cluster) {
        // A subgraph and one of its own members: both ends stand for the member, so the engine's route is
        // a loop on it. Draw a short straight link from the subgraph's side to the member instead.
        (Some(cluster), None) | (None, Some(cluster)) if spec.from == spec.to => {
            // Links between the same subgraph and member, either way, take different sides.
            let subgraph = if from_cluster.is_some() { &edge.from } else { &edge.to };
            let nth = member_links.entry((spec.from, subgraph.as_str())).or_insert(0);
            points = member_link(cluster, from.rect, obstacles, spec.from, *nth);
            *nth += 1;
            if to_cluster.is_some() {
                points.reverse();
            }
        }
        _ => {
            let from_hull = from_cluster.map(|r| r.corners());
            let to_hull = to_cluster.map(|r| r.corners());
            clip_route(
                &mut points,
                (
                    from_hull.as_deref().unwrap_or(&from.hull),
                    from_cluster.unwrap_or(from.rect),
                ),
                (to_hull.as_deref().unwrap_or(&to.hull), to_cluster.unwrap_or(to.rect)),
            );
        }
    }
    points
}

/// The curve an edge is drawn in: its own `curve`, else the last `linkStyle … interpolate` for it, else the
/// diagram's.
fn edge_curve(ctx: &Ctx<'_>, ei: usize, edge: &Edge) -> Curve {
    edge.data
        .iter()
        .rev()
        .find(|(k, _)| k == "curve")
        .and_then(|(_, v)| Curve::from_name(v))
        .or_else(|| {
            ctx.chart
                .link_styles
                .iter()
                .rev()
                .filter(|ls| ls.indices.as_ref().is_none_or(|ix| ix.contains(&ei)))
                .find_map(|ls| ls.interpolate.as_deref().and_then(Curve::from_name))
        })
        .unwrap_or(ctx.config.curve)
}

/// The drawn path through the route points. The smooth curve can cut a corner through a neighbouring box where
/// the route bends; then fall back to the route itself with softened corners, which stays within a few units of
/// the engine's clear route.
fn clear_path(points: &[Point], curve: Curve, obstacles: &Obstacles, ends: [usize; 2]) -> Path {
    let mut path = curve_path(points, curve);
    if curve != Curve::Linear && !obstacles.path_is_clear(&path, &ends) {
        // Less and less corner-cutting until the drawing is as clear as the route itself.
        let candidates = [
            catmull_rom_path(points),
            rounded_polyline(points, 16.0),
            rounded_polyline(points, 6.0),
        ];
        path = candidates
            .into_iter()
            .find(|p| obstacles.path_is_clear(p, &ends))
            .unwrap_or_else(|| rounded_polyline(points, 0.0));
    }
    path
}

/// The line style of an edge: its stroke kind, animation and `linkStyle`s.
fn edge_style(ctx: &Ctx<'_>, ei: usize, edge: &Edge) -> Style {
    let theme = &ctx.config.theme;
    let mut style = Style {
        fill: Some("none".into()),
        stroke: Some(theme.edge_color.clone()),
        stroke_width: 1.0,
        ..Default::default()
    };
    match edge.stroke {
        EdgeStroke::Normal => {}
        EdgeStroke::Thick => style.stroke_width = 3.5,
        EdgeStroke::Dotted => style.dash = Some("3".into()),
        EdgeStroke::Invisible => style.stroke = Some("none".into()),
    }
    // `e1@{ animate: true }`: mermaid animates a dash along the edge; a still picture shows the dash.
    if edge.data.iter().any(|(k, v)| k == "animate" && v.trim() == "true") {
        style.dash = Some("9,5".into());
    }
    for ls in &ctx.chart.link_styles {
        if ls.indices.as_ref().is_none_or(|ix| ix.contains(&ei)) {
            style.extra_css.extend(css_declarations(&ls.styles));
        }
    }
    style
}

/// When a route leaves its box exactly at the box's border (the box fills its rank band), add a point a little
/// way straight out, so the curve meets the box square-on and an arrowhead there points into the box.
fn square_start(points: &mut Vec<Point>, rect: &Rect) {
    if points.len() < 3 {
        return;
    }
    let (c, band, next) = (points[0], points[1], points[2]);
    let on_border = |v: f64, a: f64, b: f64| (v - a).abs() < 0.5 || (v - b).abs() < 0.5;
    let stub = match exit_side(c, band) {
        0 | 2 if on_border(band.y, rect.y, rect.bottom()) => {
            let run = (next.y - band.y) / 2.0;
            Point {
                x: band.x,
                y: band.y + run.signum() * run.abs().min(25.0),
            }
        }
        1 | 3 if on_border(band.x, rect.x, rect.right()) => {
            let run = (next.x - band.x) / 2.0;
            Point {
                x: band.x + run.signum() * run.abs().min(25.0),
                y: band.y,
            }
        }
        _ => return,
    };
    points.insert(2, stub);
}

/// A straight link from a subgraph's border to its member `node` (index `node_index` among the obstacles):
/// across the narrowest gap between them whose line crosses no other node (the `nth` such gap, for the
/// `nth` link between the two), border point first.
fn member_link(cluster: Rect, node: Rect, obstacles: &Obstacles, node_index: usize, nth: usize) -> Vec<Point> {
    let c = node.center();
    let p = |x: f64, y: f64| Point { x, y };
    let mut sides = [
        (node.x - cluster.x, [p(cluster.x, c.y), p(node.x, c.y)]),
        (
            cluster.right() - node.right(),
            [p(cluster.right(), c.y), p(node.right(), c.y)],
        ),
        (node.y - cluster.y, [p(c.x, cluster.y), p(c.x, node.y)]),
        (
            cluster.bottom() - node.bottom(),
            [p(c.x, cluster.bottom()), p(c.x, node.bottom())],
        ),
    ];
    sides.sort_by(|a, b| a.0.total_cmp(&b.0));
    let clear = |[a, b]: [Point; 2]| {
        obstacles.path_is_clear(&Path(vec![PathCmd::MoveTo(a), PathCmd::LineTo(b)]), &[node_index])
    };
    let clear_sides: Vec<[Point; 2]> = sides.iter().map(|s| s.1).filter(|&seg| clear(seg)).collect();
    let [a, b] = match clear_sides.len() {
        0 => sides[0].1,
        n => clear_sides[nth % n],
    };
    vec![a, b]
}

/// The drawn path through the route points in the requested style.
fn curve_path(points: &[Point], curve: Curve) -> Path {
    match curve {
        Curve::Basis => basis_path(points),
        Curve::Linear => rounded_polyline(points, 0.0),
        Curve::Step => rounded_polyline(&step_points(points), 0.0),
        Curve::Through => catmull_rom_path(points),
    }
}

/// The route with every diagonal segment replaced by a horizontal-then-vertical step through its midpoint.
fn step_points(points: &[Point]) -> Vec<Point> {
    let mut out = Vec::with_capacity(points.len() * 3);
    for (i, &p) in points.iter().enumerate() {
        if let Some(&prev) = (i > 0).then(|| points[i - 1]).as_ref() {
            if (prev.x - p.x).abs() > 0.01 && (prev.y - p.y).abs() > 0.01 {
                let mid_x = (prev.x + p.x) / 2.0;
                out.push(Point { x: mid_x, y: prev.y });
                out.push(Point { x: mid_x, y: p.y });
            }
        }
        out.push(p);
    }
    out
}

/// A smooth curve through every route point (uniform Catmull–Rom, as cubic Bézier pieces).
fn catmull_rom_path(points: &[Point]) -> Path {
    let mut cmds = Vec::with_capacity(points.len() + 1);
    let Some(&first) = points.first() else {
        return Path(cmds);
    };
    cmds.push(PathCmd::MoveTo(first));
    for i in 0..points.len().saturating_sub(1) {
        let p0 = points[i.saturating_sub(1)];
        let (p1, p2) = (points[i], points[i + 1]);
        let p3 = points[(i + 2).min(points.len() - 1)];
        if i + 2 >= points.len() {
            // Arrive along the last segment so an arrowhead points the way the route goes.
            cmds.push(PathCmd::LineTo(p2));
            break;
        }
        let c1 = Point {
            x: p1.x + (p2.x - p0.x) / 6.0,
            y: p1.y + (p2.y - p0.y) / 6.0,
        };
        let c2 = Point {
            x: p2.x - (p3.x - p1.x) / 6.0,
            y: p2.y - (p3.y - p1.y) / 6.0,
        };
        cmds.push(PathCmd::CubicTo(c1, c2, p2));
    }
    Path(cmds)
}

/// The box of subgraph `id`, when an edge end names a subgraph.
fn cluster_rect(scene: &Scene, id: &str) -> Option<Rect> {
    scene.geometry.clusters.iter().find(|c| c.id == id).map(|c| c.rect)
}
