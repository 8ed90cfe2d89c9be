//! Flowchart layout: size every node from its label, run the layered engine, clip and smooth the edges, and
//! write the scene.

use crate::config::{Config, Curve};
use crate::obstacles::{rounded_polyline, Obstacles};
use crate::placement;
use crate::scene::*;
use crate::shapes;
use crate::style::{css_declarations, safe_url};
use crate::text::{lay_out_flowchart, lay_out_plain, LaidText, EDGE_LABEL_WIDTH};
use mermaid_parser::{ArrowHead, ClickAction, EdgeStroke, Flowchart};
use std::collections::HashMap;

struct PlacedNode {
    rect: Rect,
    hull: Vec<Point>,
}

pub(crate) fn lay_out(chart: &Flowchart, config: &Config) -> Scene {
    let theme = &config.theme;
    let pad = config.diagram_padding;
    let labels: Vec<LaidText> = chart
        .nodes
        .iter()
        .map(|n| match &n.label {
            Some(l) => lay_out_flowchart(l, theme, config.wrapping_width),
            None => lay_out_plain(&n.id, theme),
        })
        .collect();
    let sizes: Vec<(f64, f64)> = chart
        .nodes
        .iter()
        .zip(&labels)
        .map(|(n, l)| shapes::node_size(n.shape, l.width, l.height))
        .collect();

    let cluster_titles: Vec<LaidText> = chart
        .subgraphs
        .iter()
        .map(|s| match &s.title {
            // Subgraph titles never wrap.
            Some(l) => lay_out_flowchart(l, theme, 0.0),
            None => lay_out_plain(&s.id, theme),
        })
        .collect();
    let edge_labels: Vec<Option<LaidText>> = chart
        .edges
        .iter()
        .map(|e| {
            e.label
                .as_ref()
                .filter(|l| !l.text.is_empty())
                .map(|l| lay_out_flowchart(l, theme, EDGE_LABEL_WIDTH))
        })
        .collect();
    let title_sizes: Vec<(f64, f64)> = cluster_titles.iter().map(|t| (t.width, t.height)).collect();
    let label_sizes: Vec<Option<(f64, f64)>> = edge_labels
        .iter()
        .map(|l| l.as_ref().map(|l| (l.width, l.height)))
        .collect();
    let placement = placement::place(
        chart,
        placement::Sizes {
            node: &sizes,
            cluster_title: &title_sizes,
            edge_label: &label_sizes,
        },
        config,
    );
    let shift = |p: Point| Point {
        x: p.x + pad,
        y: p.y + pad,
    };

    let mut scene = Scene {
        kind: "flowchart-v2",
        width: 0.0,
        height: 0.0,
        acc_title: chart.meta.acc_title.clone(),
        acc_descr: chart.meta.acc_descr.clone(),
        ..Default::default()
    };
    let class_styles = |classes: &[String]| -> Vec<(String, String)> {
        let mut decls = Vec::new();
        for class in std::iter::once("default").chain(classes.iter().map(String::as_str)) {
            if let Some(def) = chart.class_defs.iter().find(|d| d.name == class) {
                decls.extend(css_declarations(&def.styles));
            }
        }
        decls
    };

    // Clusters, outermost first so nested ones are drawn on top.
    let mut cluster_items = Vec::new();
    let mut cluster_order: Vec<usize> = (0..chart.subgraphs.len()).collect();
    cluster_order.sort_by_key(|&i| depth(chart, i));
    for si in cluster_order {
        let sg = &chart.subgraphs[si];
        let Some(r) = placement.clusters[si].as_ref() else {
            continue;
        };
        let rect = Rect {
            x: r.x + pad,
            y: r.y + pad,
            ..*r
        };
        let title = &cluster_titles[si];
        let title_box = Rect {
            x: rect.center().x - title.width / 2.0,
            y: rect.y + 4.0,
            width: title.width,
            height: title.height,
        };
        let mut extra = class_styles(&sg.classes);
        extra.extend(css_declarations(&sg.styles));
        let style = Style {
            fill: Some(theme.cluster_fill.clone()),
            stroke: Some(theme.cluster_stroke.clone()),
            stroke_width: 1.0,
            extra_css: extra,
            ..Default::default()
        };
        cluster_items.push(Item::Group {
            class: "cluster".into(),
            id: Some(sg.id.clone()),
            items: vec![
                Item::Shape {
                    geometry: ShapeGeometry::Rect { rect, rx: 0.0 },
                    style,
                },
                Item::Text(title.block(title_box, theme)),
            ],
        });
        scene.geometry.clusters.push(ClusterGeometry {
            id: sg.id.clone(),
            label: title.plain(),
            rect,
            label_box: Some(title_box),
        });
    }
    scene.items.extend(cluster_items);

    // Nodes.
    let mut placed = Vec::with_capacity(chart.nodes.len());
    let mut node_items = Vec::with_capacity(chart.nodes.len());
    for (ni, node) in chart.nodes.iter().enumerate() {
        let center = shift(placement.nodes[ni]);
        let (w, h) = sizes[ni];
        let outline = shapes::outline(node.shape, center, w, h);
        let label_box = shapes::label_box(node.shape, center, w, labels[ni].width, labels[ni].height);
        let mut extra = class_styles(&node.classes);
        extra.extend(css_declarations(&node.styles));
        let style = Style {
            fill: Some(theme.node_fill.clone()),
            stroke: Some(theme.node_stroke.clone()),
            stroke_width: 1.0,
            extra_css: extra.clone(),
            ..Default::default()
        };
        let main_style = match outline.paint {
            shapes::Paint::Normal => style.clone(),
            shapes::Paint::FillOnly => Style {
                stroke: None,
                ..style.clone()
            },
            shapes::Paint::Invisible => Style {
                fill: Some("none".into()),
                stroke: None,
                ..style.clone()
            },
            shapes::Paint::Solid => Style {
                fill: Some(theme.edge_color.clone()),
                stroke: Some(theme.edge_color.clone()),
                ..style.clone()
            },
            shapes::Paint::Note => Style {
                fill: Some(theme.note_fill.clone()),
                stroke: Some(theme.note_stroke.clone()),
                ..style.clone()
            },
        };
        let mut items = vec![Item::Shape {
            geometry: outline.main,
            style: main_style,
        }];
        for detail in outline.details {
            items.push(Item::Shape {
                geometry: detail,
                style: Style {
                    fill: Some("none".into()),
                    ..style.clone()
                },
            });
        }
        let mut text = labels[ni].block(label_box, theme);
        text.extra_css = extra
            .iter()
            .filter(|(k, _)| k == "color")
            .map(|(_, v)| ("fill".into(), v.clone()))
            .collect();
        if shapes::shows_label(node.shape) {
            items.push(Item::Text(text));
        }
        let group = Item::Group {
            class: "node".into(),
            id: Some(node.id.clone()),
            items,
        };
        // `click` links become real links; callbacks are never rendered (no script in our output).
        let link = chart
            .clicks
            .iter()
            .rev()
            .find(|c| c.node == node.id)
            .and_then(|c| match &c.action {
                ClickAction::Link { url, .. } => safe_url(url).map(|href| (href, c.tooltip.clone())),
                ClickAction::Callback { .. } => None,
            });
        node_items.push(match link {
            Some((href, tooltip)) => Item::Link {
                href,
                tooltip,
                items: vec![group],
            },
            None => group,
        });
        let rect = Rect {
            x: center.x - w / 2.0,
            y: center.y - h / 2.0,
            width: w,
            height: h,
        };
        scene.geometry.nodes.push(NodeGeometry {
            id: node.id.clone(),
            label: if shapes::shows_label(node.shape) {
                labels[ni].plain()
            } else {
                String::new()
            },
            rect,
            shape: shapes::shape_name(node.shape),
            label_box,
            outline: outline.hull.clone(),
        });
        placed.push(PlacedNode {
            rect,
            hull: outline.hull,
        });
    }

    let obstacles = Obstacles::new(placed.iter().map(|p| p.rect).collect());

    // Edges, drawn under the nodes and labels.
    let mut edge_items = Vec::new();
    let mut label_items = Vec::new();
    let mut pair_count: HashMap<(&str, &str), usize> = HashMap::new();
    let mut member_links: HashMap<(usize, &str), usize> = HashMap::new();
    for (ei, edge) in chart.edges.iter().enumerate() {
        let Some(spec) = &placement.edges[ei] else {
            continue;
        };
        let route = &spec.route;
        let counter = pair_count.entry((edge.from.as_str(), edge.to.as_str())).or_insert(0);
        let id = format!("L_{}_{}_{}", edge.from, edge.to, counter);
        *counter += 1;
        let mut points: Vec<Point> = route.points.iter().map(|&p| shift(p)).collect();
        let (from, to) = (&placed[spec.from], &placed[spec.to]);
        dedup_points(&mut points);
        // The engine gives edges sharing a side of a node distinct ports; leave each one square-on.
        if spec.from != spec.to && points.len() >= 3 {
            for rect in [&from.rect, &to.rect] {
                square_start(&mut points, rect);
                points.reverse();
            }
        }
        let from_cluster = cluster_rect(&scene, &edge.from);
        let to_cluster = cluster_rect(&scene, &edge.to);
        match (from_cluster, to_cluster) {
            // A subgraph and one of its own members: both ends stand for the member, so the engine's route is
            // a loop on it. Draw a short straight link from the subgraph's side to the member instead.
            (Some(cluster), None) | (None, Some(cluster)) if spec.from == spec.to => {
                // Links between the same subgraph and member, either way, take different sides.
                let subgraph = if from_cluster.is_some() { &edge.from } else { &edge.to };
                let nth = member_links.entry((spec.from, subgraph.as_str())).or_insert(0);
                points = member_link(cluster, from.rect, &obstacles, spec.from, *nth);
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
        // The smooth curve can cut a corner through a neighbouring box where the route bends; then fall back to
        // the route itself with softened corners, which stays within a few units of the engine's clear route.
        let curve = edge
            .data
            .iter()
            .rev()
            .find(|(k, _)| k == "curve")
            .and_then(|(_, v)| Curve::from_name(v))
            .or_else(|| {
                chart
                    .link_styles
                    .iter()
                    .rev()
                    .filter(|ls| ls.indices.as_ref().is_none_or(|ix| ix.contains(&ei)))
                    .find_map(|ls| ls.interpolate.as_deref().and_then(Curve::from_name))
            })
            .unwrap_or(config.curve);
        let mut path = curve_path(&points, curve);
        let ends = [spec.from, spec.to];
        if curve != Curve::Linear && !obstacles.path_is_clear(&path, &ends) {
            // Less and less corner-cutting until the drawing is as clear as the route itself.
            let candidates = [
                catmull_rom_path(&points),
                rounded_polyline(&points, 16.0),
                rounded_polyline(&points, 6.0),
            ];
            path = candidates
                .into_iter()
                .find(|p| obstacles.path_is_clear(p, &ends))
                .unwrap_or_else(|| rounded_polyline(&points, 0.0));
        }
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
        for ls in &chart.link_styles {
            if ls.indices.as_ref().is_none_or(|ix| ix.contains(&ei)) {
                style.extra_css.extend(css_declarations(&ls.styles));
            }
        }
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
        if let (Some(text), Some(c)) = (&edge_labels[ei], route.label_center) {
            let (group, rect) = text.edge_label(shift(c), &theme.edge_label_background, theme);
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
            label: edge_labels[ei].as_ref().map(|l| l.plain()),
            label_box,
            waypoints,
            path,
            arrow_start: Some(arrow_name(start)),
            arrow_end: Some(arrow_name(end)),
        });
    }
    scene.items.extend(edge_items);
    scene.items.extend(node_items);
    scene.items.extend(label_items);
    scene.fit_to_content(pad);
    if let Some(title) = &config.title {
        add_title(&mut scene, title, theme);
    }
    scene
}

/// Put the front-matter title centred above the drawing, growing the drawing to make room.
pub(crate) fn add_title(scene: &mut Scene, title: &str, theme: &crate::theme::Theme) {
    let text = lay_out_plain(title, theme);
    let gap = theme.font_size;
    scene.translate(0.0, text.height + gap);
    scene.width = scene.width.max(text.width + 2.0 * gap);
    let bounds = Rect {
        x: 0.0,
        y: gap / 2.0,
        width: scene.width,
        height: text.height,
    };
    let mut block = text.block(bounds, theme);
    block.font_size = theme.font_size * 1.125;
    scene.items.insert(
        0,
        Item::Group {
            class: "title".into(),
            id: None,
            items: vec![Item::Text(block)],
        },
    );
    scene.height += text.height + gap;
}

fn depth(chart: &Flowchart, mut si: usize) -> usize {
    let mut d = 0;
    while let Some(p) = chart.subgraphs.get(si).and_then(|s| s.parent) {
        d += 1;
        si = p;
        if d > chart.subgraphs.len() {
            break;
        }
    }
    d
}

fn cluster_rect(scene: &Scene, id: &str) -> Option<Rect> {
    scene.geometry.clusters.iter().find(|c| c.id == id).map(|c| c.rect)
}

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

/// Cut both ends of a centre-to-centre route back to the outlines they start and end inside.
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
