//! Geometry JSON in the `mermaid-oracle-geometry/1` schema, so our layouts can be measured with the same tools
//! as mermaid.js's.

use mermaid_scene::{Point, Rect, Scene, SequenceGeometry};
use serde_json::{json, Value};

fn round(v: f64) -> f64 {
    if v.is_finite() {
        (v * 1000.0).round() / 1000.0
    } else {
        0.0
    }
}

fn rect(r: &Rect) -> Value {
    json!({"x": round(r.x), "y": round(r.y), "w": round(r.width), "h": round(r.height)})
}

fn point(p: &Point) -> Value {
    json!([round(p.x), round(p.y)])
}

/// `count` points at equal arc length along a polyline, first to last.
fn resample(points: &[Point], count: usize) -> Vec<Point> {
    if points.len() < 2 {
        return points.to_vec();
    }
    let seg: Vec<f64> = points
        .windows(2)
        .map(|w| (w[1].x - w[0].x).hypot(w[1].y - w[0].y))
        .collect();
    let total: f64 = seg.iter().sum();
    let mut out = Vec::with_capacity(count);
    let (mut i, mut walked) = (0, 0.0);
    for k in 0..count {
        let target = total * k as f64 / (count - 1) as f64;
        while i < seg.len() - 1 && walked + seg[i] < target {
            walked += seg[i];
            i += 1;
        }
        let t = if seg[i] > 0.0 {
            ((target - walked) / seg[i]).clamp(0.0, 1.0)
        } else {
            0.0
        };
        let (a, b) = (points[i], points[i + 1]);
        out.push(Point {
            x: a.x + (b.x - a.x) * t,
            y: a.y + (b.y - a.y) * t,
        });
    }
    out
}

/// The bounding box of everything in the scene's geometry.
fn content_box(scene: &Scene) -> Rect {
    let g = &scene.geometry;
    let mut boxes: Vec<Rect> = g
        .nodes
        .iter()
        .map(|n| n.rect)
        .chain(g.clusters.iter().map(|c| c.rect))
        .collect();
    boxes.extend(g.edges.iter().filter_map(|e| e.label_box));
    for e in &g.edges {
        for p in e.path.flatten(8) {
            boxes.push(Rect {
                x: p.x,
                y: p.y,
                width: 0.0,
                height: 0.0,
            });
        }
    }
    let Some(first) = boxes.first().copied() else {
        return Rect::default();
    };
    let (mut x0, mut y0, mut x1, mut y1) = (first.x, first.y, first.right(), first.bottom());
    for b in &boxes {
        x0 = x0.min(b.x);
        y0 = y0.min(b.y);
        x1 = x1.max(b.right());
        y1 = y1.max(b.bottom());
    }
    Rect {
        x: x0,
        y: y0,
        width: x1 - x0,
        height: y1 - y0,
    }
}

/// The scene's geometry as a JSON document. `file` is the input's name as it should appear in the output.
pub fn geometry_json(scene: &Scene, file: &str) -> Value {
    let g = &scene.geometry;
    let nodes: Vec<Value> = g
        .nodes
        .iter()
        .map(|n| {
            let mut v = rect(&n.rect);
            v["id"] = json!(n.id);
            v["label"] = json!(n.label);
            v["shape"] = json!(n.shape);
            v
        })
        .collect();
    let clusters: Vec<Value> = g
        .clusters
        .iter()
        .map(|c| {
            let mut v = rect(&c.rect);
            v["id"] = json!(c.id);
            v["label"] = json!(c.label);
            v["label_box"] = c.label_box.as_ref().map_or(Value::Null, rect);
            v
        })
        .collect();
    let edges: Vec<Value> = g
        .edges
        .iter()
        .map(|e| {
            let sampled = resample(&e.path.flatten(16), 20);
            json!({
                "id": e.id, "from": e.from, "to": e.to, "label": e.label,
                "points": sampled.iter().map(point).collect::<Vec<_>>(),
                "waypoints": e.waypoints.iter().map(point).collect::<Vec<_>>(),
                "label_box": e.label_box.as_ref().map_or(Value::Null, rect),
                "arrow_start": e.arrow_start, "arrow_end": e.arrow_end,
            })
        })
        .collect();
    let edge_labels: Vec<Value> = g
        .edges
        .iter()
        .filter_map(|e| {
            let b = e.label_box.as_ref()?;
            let mut v = rect(b);
            v["edge"] = json!(e.id);
            v["label"] = json!(e.label);
            Some(v)
        })
        .collect();
    let mut doc = json!({
        "schema": "mermaid-oracle-geometry/1",
        "file": file,
        "renderer": concat!("mermaid-rs ", env!("CARGO_PKG_VERSION")),
        "browser": null,
        "ok": true,
        "error": null,
        "type": scene.kind,
        "svg_width": round(scene.width),
        "svg_height": round(scene.height),
        "view_box": [0, 0, round(scene.width), round(scene.height)],
        "content_box": rect(&content_box(scene)),
        "geometry_kind": scene.kind,
        "nodes": nodes,
        "clusters": clusters,
        "edges": edges,
        "edge_labels": edge_labels,
    });
    if let Some(seq) = &g.sequence {
        sequence_json(seq, &mut doc);
    }
    doc
}

/// The sequence-only keys: `messages`, `notes`, `frames`, `activations`, `lifelines`, `actors_bottom`.
fn sequence_json(seq: &SequenceGeometry, doc: &mut Value) {
    doc["messages"] = seq
        .messages
        .iter()
        .map(|m| {
            json!({
                "id": m.id, "from": m.from, "to": m.to, "text": m.text, "y": round(m.y),
                "text_box": m.text_box.as_ref().map_or(Value::Null, rect),
                "line_style": if m.dotted { "messageLine1" } else { "messageLine0" },
            })
        })
        .collect();
    doc["notes"] = seq
        .notes
        .iter()
        .map(|n| {
            let mut v = rect(&n.rect);
            v["text"] = json!(n.text);
            v
        })
        .collect();
    doc["frames"] = seq
        .frames
        .iter()
        .map(|f| {
            let mut v = rect(&f.rect);
            v["kind"] = json!(f.kind);
            v["text"] = json!(f.text);
            v
        })
        .collect();
    doc["activations"] = seq
        .activations
        .iter()
        .map(|a| {
            let mut v = rect(&a.rect);
            v["actor"] = json!(a.actor);
            v
        })
        .collect();
    doc["lifelines"] = seq
        .lifelines
        .iter()
        .map(|l| json!({"id": l.id, "x": round(l.x), "y1": round(l.y1), "y2": round(l.y2)}))
        .collect();
    doc["actors_bottom"] = seq
        .actors_bottom
        .iter()
        .map(|n| {
            let mut v = rect(&n.rect);
            v["id"] = json!(n.id);
            v["label"] = json!(n.label);
            v
        })
        .collect();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resampling_spaces_points_evenly() {
        let pts = [
            Point { x: 0.0, y: 0.0 },
            Point { x: 10.0, y: 0.0 },
            Point { x: 10.0, y: 9.0 },
        ];
        let r = resample(&pts, 20);
        assert_eq!(r.len(), 20);
        assert_eq!(r[0], pts[0]);
        assert!((r[19].y - 9.0).abs() < 1e-9 && (r[19].x - 10.0).abs() < 1e-9);
        assert!((r[1].x - 1.0).abs() < 1e-9);
    }
}
