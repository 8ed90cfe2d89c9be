//! Relationships: where each meets its tables (relationships sharing a side of a table get evenly spaced
//! attachment points along it, ordered by where they head, so their markers never pile up), and the lines with
//! their cardinality markers and labels.

use super::*;
use crate::routes::{basis_path, clip_route, dedup_points, exit_side, shorten_end};
use mermaid_parser::{Cardinality, Identification};

/// Longest straight piece added where a relationship leaves a table: the longest marker and a little more.
const STUB: f64 = 44.0;

/// One relationship end on a table side: where it heads (for ordering), relationship index, whether it is the
/// relationship's `to` end.
type SideUse = (f64, usize, bool);

/// What the relationships are drawn between: each one's entity indexes, the tables' boxes, the laid-out labels
/// and the theme they are set in.
pub(super) struct Drawn<'a> {
    pub ends: &'a [(usize, usize)],
    pub rects: &'a [Rect],
    pub labels: &'a [Option<LaidText>],
    pub label_theme: &'a Theme,
}

/// Every relationship, drawn under the tables, and its label, drawn over them.
pub(super) fn draw(
    scene: &mut Scene,
    diagram: &ErDiagram,
    out: &engine::LayeredOutput,
    drawn: &Drawn<'_>,
    theme: &Theme,
) -> (Vec<Item>, Vec<Item>) {
    let Drawn {
        ends,
        rects,
        labels,
        label_theme,
    } = *drawn;
    let (routes, slots) = attachments(out, ends, rects);
    let mut edge_items = Vec::new();
    let mut label_items = Vec::new();
    for (ri, rel) in diagram.relationships.iter().enumerate() {
        let (from, to) = ends[ri];
        let route = &out.edges[ri];
        let id = format!("id_entity-{}-{from}_entity-{}-{to}_{ri}", rel.from, rel.to);
        let mut points = routes[ri].clone();
        let (start, end) = (marker_of(rel.from_cardinality), marker_of(rel.to_cardinality));
        match (slots.get(&(ri, false)), slots.get(&(ri, true))) {
            (Some(&(from_side, from_at)), Some(&(to_side, to_at))) => {
                attach_start(&mut points, &rects[from], from_side, from_at, room_for(start));
                points.reverse();
                attach_start(&mut points, &rects[to], to_side, to_at, room_for(end));
                points.reverse();
            }
            _ => {
                let (from_hull, to_hull) = (rects[from].corners(), rects[to].corners());
                clip_route(&mut points, (&from_hull, rects[from]), (&to_hull, rects[to]));
            }
        }
        make_room(&mut points, end);
        points.reverse();
        make_room(&mut points, start);
        points.reverse();
        let waypoints = points.clone();
        shorten_end(&mut points, end.length());
        points.reverse();
        shorten_end(&mut points, start.length());
        points.reverse();
        let path = basis_path(&points);
        let color = theme.er_relationship_color.clone();
        edge_items.push(Item::Group {
            class: "edge relationship".into(),
            id: Some(id.clone()),
            items: vec![Item::Path {
                path: path.clone(),
                style: Style {
                    fill: Some("none".into()),
                    stroke: Some(color.clone()),
                    stroke_width: 1.0,
                    dash: (rel.identification == Identification::NonIdentifying).then(|| "8,8".into()),
                    extra_css: vec![],
                },
                marker_start: Some(Marker {
                    kind: start,
                    color: color.clone(),
                }),
                marker_end: Some(Marker { kind: end, color }),
            }],
        });
        let mut label_box = None;
        if let (Some(text), Some(c)) = (&labels[ri], route.label_center) {
            let (group, rect) = text.edge_label(shift(engine::point(c)), &theme.er_label_background, label_theme);
            label_box = Some(rect);
            label_items.push(group);
        }
        scene.geometry.edges.push(EdgeGeometry {
            id,
            from: rel.from.clone(),
            to: rel.to.clone(),
            label: labels[ri].as_ref().map(|l| l.plain()),
            label_box,
            waypoints,
            path,
            arrow_start: Some(rel.from_cardinality.mermaid_name()),
            arrow_end: Some(rel.to_cardinality.mermaid_name()),
        });
    }
    (edge_items, label_items)
}

/// Each relationship's route in drawing coordinates, and where each end attaches: (relationship, is its `to`
/// end) → (side, position along the side from 0 to 1). Self-relationships and too-short routes get no slot.
#[allow(clippy::type_complexity)]
fn attachments(
    out: &engine::LayeredOutput,
    ends: &[(usize, usize)],
    rects: &[Rect],
) -> (Vec<Vec<Point>>, HashMap<(usize, bool), (u8, f64)>) {
    let routes: Vec<Vec<Point>> = out
        .edges
        .iter()
        .map(|r| {
            let mut pts: Vec<Point> = r.points.iter().map(|&p| shift(engine::point(p))).collect();
            dedup_points(&mut pts);
            pts
        })
        .collect();
    let mut sides: HashMap<(usize, u8), Vec<SideUse>> = HashMap::new();
    for (ri, pts) in routes.iter().enumerate() {
        let (from, to) = ends[ri];
        if from == to || pts.len() < 2 {
            continue;
        }
        for (node, at_end) in [(from, false), (to, true)] {
            let ordered: Vec<Point> = if at_end {
                pts.iter().rev().copied().collect()
            } else {
                pts.clone()
            };
            let side = exit_side(ordered[0], ordered[1]);
            let heading = ordered
                .iter()
                .skip(1)
                .find(|p| band_distance(&rects[node], **p) > STUB)
                .copied()
                .unwrap_or(ordered[ordered.len() - 1]);
            let key = if side % 2 == 0 { heading.x } else { heading.y };
            sides.entry((node, side)).or_default().push((key, ri, at_end));
        }
    }
    let mut slots: HashMap<(usize, bool), (u8, f64)> = HashMap::new();
    for ((_, side), mut group) in sides {
        group.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
        let k = group.len();
        for (i, &(_, ri, at_end)) in group.iter().enumerate() {
            slots.insert((ri, at_end), (side, (i + 1) as f64 / (k + 1) as f64));
        }
    }
    (routes, slots)
}

/// Make the route's last straight piece at least as long as the marker drawn on it (plus a little), by
/// dropping the bends nearest the end while they are too close to it.
fn make_room(points: &mut Vec<Point>, marker: MarkerKind) {
    let need = room_for(marker);
    while points.len() > 2 {
        let n = points.len();
        let (a, b) = (points[n - 2], points[n - 1]);
        if (b.x - a.x).hypot(b.y - a.y) >= need {
            break;
        }
        points.remove(n - 2);
    }
}

/// Start the route at `at` (0..1) along `side` (0 top, 1 right, 2 bottom, 3 left) of `rect`, square to the
/// side for a stub long enough for the longest marker, then on through the route's points beyond the stub.
/// `points[0]` is the table's centre; `need` is the marker's length plus a little.
fn attach_start(points: &mut Vec<Point>, rect: &Rect, side: u8, at: f64, need: f64) {
    let (anchor, normal) = match side {
        0 => (
            Point {
                x: rect.x + rect.width * at,
                y: rect.y,
            },
            (0.0, -1.0),
        ),
        1 => (
            Point {
                x: rect.right(),
                y: rect.y + rect.height * at,
            },
            (1.0, 0.0),
        ),
        2 => (
            Point {
                x: rect.x + rect.width * at,
                y: rect.bottom(),
            },
            (0.0, 1.0),
        ),
        _ => (
            Point {
                x: rect.x,
                y: rect.y + rect.height * at,
            },
            (-1.0, 0.0),
        ),
    };
    let out = |p: &Point| (p.x - anchor.x) * normal.0 + (p.y - anchor.y) * normal.1;
    // The stub ends at `level` out from the side: most of the way to where the route leaves the table's
    // neighbourhood, at least the marker's length, at most `STUB`.
    let Some(far) = points.iter().skip(1).position(|p| out(p) >= need).map(|i| i + 1) else {
        let last = points.last().copied().unwrap_or(anchor);
        *points = vec![anchor, last];
        return;
    };
    let gap = out(&points[far]);
    let level = (0.8 * gap).min(STUB).max(need.min(gap - 0.5));
    let j = points
        .iter()
        .skip(1)
        .position(|p| out(p) >= level)
        .map_or(far, |i| i + 1);
    // Where the route crosses that level: the stub joins it there.
    let (p, q) = (points[j - 1], points[j]);
    let t = ((level - out(&p)) / (out(&q) - out(&p))).clamp(0.0, 1.0);
    let cross = Point {
        x: p.x + (q.x - p.x) * t,
        y: p.y + (q.y - p.y) * t,
    };
    let mut new = vec![
        anchor,
        Point {
            x: anchor.x + normal.0 * level,
            y: anchor.y + normal.1 * level,
        },
        cross,
    ];
    new.extend_from_slice(&points[j..]);
    dedup_points(&mut new);
    *points = new;
}

/// The straight run a marker needs at the end of a route: paths are shortened by at most 90% of their last
/// segment, so the segment must be a little longer than the marker.
fn room_for(marker: MarkerKind) -> f64 {
    marker.length() / 0.9 + 1.0
}

/// How far `p` lies outside `rect` (0 inside).
fn band_distance(rect: &Rect, p: Point) -> f64 {
    let dx = (rect.x - p.x).max(p.x - rect.right()).max(0.0);
    let dy = (rect.y - p.y).max(p.y - rect.bottom()).max(0.0);
    dx.max(dy)
}

fn marker_of(c: Cardinality) -> MarkerKind {
    match c {
        Cardinality::ZeroOrOne => MarkerKind::ZeroOrOne,
        Cardinality::OnlyOne => MarkerKind::OnlyOne,
        Cardinality::ZeroOrMore => MarkerKind::ZeroOrMore,
        Cardinality::OneOrMore => MarkerKind::OneOrMore,
        Cardinality::MdParent => MarkerKind::MdParent,
    }
}
