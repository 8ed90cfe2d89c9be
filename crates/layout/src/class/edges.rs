//! Relations and note connectors: engine routes clipped to the boxes, shortened for their end markers, drawn
//! as smooth curves, with the relation label where the engine reserved room for it and each cardinality near
//! its end, clear of every box and label.

use crate::flowchart::{basis_path, clip_route, dedup_points, shorten_end};
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
        Rect {
            x: c.x - text.width / 2.0,
            y: c.y - text.height / 2.0,
            width: text.width,
            height: text.height,
        }
    };
    let reach = CARDINALITY_SIDE + text.width / 2.0;
    let mut tries = Vec::new();
    for step in 0..6 {
        let along = CARDINALITY_ALONG + step as f64 * 8.0;
        tries.push(at(along, CARDINALITY_SIDE));
        tries.push(at(along, -CARDINALITY_SIDE));
        tries.push(at(along, reach));
        tries.push(at(along, -reach));
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
