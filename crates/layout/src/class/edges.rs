//! Relations and note connectors: engine routes clipped to the boxes, shortened for their end markers, drawn
//! as smooth curves, with the relation label where the engine reserved room for it and each cardinality near
//! its end, clear of every box and label.

use crate::routes::{basis_path, clip_route, dedup_points, shorten_end};
use crate::scene::*;
use crate::text::LaidText;
use crate::theme::Theme;
use mermaid_parser::RelationEnd;

/// How far along the line from its end a cardinality's centre sits, and how far to the side (mermaid's).
const CARDINALITY_ALONG: f64 = 17.0;
const CARDINALITY_SIDE: f64 = 15.0;

pub(super) fn marker_of(end: RelationEnd) -> Option<MarkerKind> {
    Some(match end {
        RelationEnd::None => return None,
        RelationEnd::Extension => MarkerKind::Extension,
        RelationEnd::Composition => MarkerKind::Composition,
        RelationEnd::Aggregation => MarkerKind::Aggregation,
        RelationEnd::Dependency => MarkerKind::Dependency,
        RelationEnd::Lollipop => MarkerKind::Lollipop,
    })
}

/// A route from the engine, clipped to the borders of the boxes at its ends.
pub(super) fn clipped_route(points: &[Point], from: Rect, to: Rect) -> Vec<Point> {
    let mut pts = points.to_vec();
    dedup_points(&mut pts);
    clip_route(&mut pts, (&from.corners(), from), (&to.corners(), to));
    pts
}

/// The drawn path of a clipped route: shortened at each end that carries a marker, so the marker ends on the
/// border, then smoothed.
pub(super) fn drawn_path(route: &[Point], start: Option<MarkerKind>, end: Option<MarkerKind>) -> Path {
    let mut points = route.to_vec();
    if let Some(m) = end {
        shorten_end(&mut points, m.length());
    }
    points.reverse();
    if let Some(m) = start {
        shorten_end(&mut points, m.length());
    }
    points.reverse();
    basis_path(&points)
}

/// The line group of one relation or note connector.
pub(super) fn line_item(
    id: String,
    path: Path,
    dashed: bool,
    markers: (Option<MarkerKind>, Option<MarkerKind>),
    theme: &Theme,
) -> Item {
    let color = theme.edge_color.clone();
    let marker = |kind: Option<MarkerKind>| {
        kind.map(|kind| Marker {
            kind,
            color: color.clone(),
        })
    };
    Item::Group {
        class: "edge relation".into(),
        id: Some(id),
        items: vec![Item::Path {
            path,
            style: Style {
                fill: Some("none".into()),
                stroke: Some(color.clone()),
                stroke_width: 1.0,
                dash: dashed.then(|| "3".into()),
                extra_css: vec![],
            },
            marker_start: marker(markers.0),
            marker_end: marker(markers.1),
        }],
    }
}

fn overlaps_any(r: &Rect, taken: &[Rect]) -> bool {
    taken.iter().any(|t| r.overlaps(t))
}

fn rect_at(c: Point, width: f64, height: f64) -> Rect {
    Rect {
        x: c.x - width / 2.0,
        y: c.y - height / 2.0,
        width,
        height,
    }
}

/// Where a relation label of `width` × `height` goes: where the engine reserved room (`center`) unless that
/// covers something in `taken` (a namespace title the route crosses near its end), else the nearest free
/// place along the route towards the source, else towards the target, in 4-unit steps.
pub(super) fn label_spot(route: &[Point], center: Point, width: f64, height: f64, taken: &[Rect]) -> Point {
    if !overlaps_any(&rect_at(center, width, height), taken) {
        return center;
    }
    let mut samples = Vec::new();
    for w in route.windows(2) {
        let (a, b) = (w[0], w[1]);
        let len = (b.x - a.x).hypot(b.y - a.y);
        let steps = (len / 4.0).ceil().clamp(1.0, 10_000.0) as usize;
        for k in 0..steps {
            let t = k as f64 / steps as f64;
            samples.push(Point {
                x: a.x + (b.x - a.x) * t,
                y: a.y + (b.y - a.y) * t,
            });
        }
    }
    let Some(nearest) = (0..samples.len()).min_by(|&i, &j| {
        let d = |p: &Point| (p.x - center.x).hypot(p.y - center.y);
        d(&samples[i]).total_cmp(&d(&samples[j]))
    }) else {
        return center;
    };
    // Back towards the source first: a label reads best before the line enters a namespace.
    (0..nearest)
        .rev()
        .chain(nearest + 1..samples.len())
        .filter_map(|i| samples.get(i))
        .find(|p| !overlaps_any(&rect_at(**p, width, height), taken))
        .copied()
        .unwrap_or(center)
}

/// Where the cardinality `text` goes at the end of `route` that is its last point: near the end, to one side of
/// the line, first where mermaid puts it, else further along or on the other side, avoiding `taken` (every box
/// and label placed so far). Returns its box.
pub(super) fn cardinality_box(route: &[Point], text: &LaidText, taken: &[Rect]) -> Option<Rect> {
    let n = route.len();
    if n < 2 {
        return None;
    }
    let tip = route[n - 1];
    let back = route[..n - 1]
        .iter()
        .rev()
        .find(|p| (p.x - tip.x).hypot(p.y - tip.y) > 1e-6)?;
    let len = (tip.x - back.x).hypot(tip.y - back.y);
    let (ux, uy) = ((tip.x - back.x) / len, (tip.y - back.y) / len);
    let at = |along: f64, side: f64| {
        let c = Point {
            x: tip.x - ux * along - uy * side,
            y: tip.y - uy * along + ux * side,
        };
        rect_at(c, text.width, text.height)
    };
    // Far enough to the side that the text's box stays clear of the line itself.
    let clear = (ux.abs() * text.height + uy.abs() * text.width) / 2.0 + 3.0;
    let side = CARDINALITY_SIDE.max(clear);
    let mut tries = Vec::new();
    for step in 0..6 {
        let along = CARDINALITY_ALONG + step as f64 * 8.0;
        tries.push(at(along, side));
        tries.push(at(along, -side));
    }
    tries
        .iter()
        .find(|r| !overlaps_any(r, taken))
        .or(tries.first())
        .copied()
}

/// The text of a cardinality at `rect`, in the small terminal font.
pub(super) fn cardinality_item(text: &LaidText, rect: Rect, theme: &Theme) -> Item {
    Item::Group {
        class: "edgeTerminals".into(),
        id: None,
        items: vec![Item::Text(text.block(rect, theme))],
    }
}
