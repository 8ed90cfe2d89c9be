//! State diagram layout rules, on small diagrams of our own: where mermaid puts notes, fork bars across the
//! flow, composites' own direction, concurrency regions side by side, and the geometry's names and shapes.

use mermaid_rs::scene::{NodeGeometry, Rect, Scene};
use mermaid_rs::{layout, render_geometry_json, Options};

fn scene(src: &str) -> Scene {
    layout(src, &Options::default()).unwrap_or_else(|e| panic!("{}", e.render()))
}

fn node<'a>(s: &'a Scene, id: &str) -> &'a NodeGeometry {
    s.geometry
        .nodes
        .iter()
        .find(|n| n.id == id)
        .unwrap_or_else(|| panic!("no node {id}"))
}

fn cluster(s: &Scene, id: &str) -> Rect {
    s.geometry
        .clusters
        .iter()
        .find(|c| c.id == id)
        .unwrap_or_else(|| panic!("no cluster {id}"))
        .rect
}

fn inside(outer: &Rect, inner: &Rect) -> bool {
    inner.x >= outer.x && inner.y >= outer.y && inner.right() <= outer.right() && inner.bottom() <= outer.bottom()
}

#[test]
fn notes_go_one_rank_away_as_in_mermaid() {
    let tb = scene("stateDiagram-v2\nA --> B\nnote right of A : below\nnote left of B : above");
    let (a, b) = (node(&tb, "A").rect, node(&tb, "B").rect);
    let below = node(&tb, "A----note-0");
    let above = node(&tb, "B----note-1");
    assert_eq!((below.shape, above.shape), ("note", "note"));
    assert!(below.rect.y >= a.bottom(), "a right note is below its state in TB");
    assert!(above.rect.bottom() <= b.y, "a left note is above its state in TB");

    let lr = scene("stateDiagram-v2\ndirection LR\nA --> B\nnote right of B : right\nnote left of A : left");
    assert!(node(&lr, "B----note-0").rect.x >= node(&lr, "B").rect.right());
    assert!(node(&lr, "A----note-1").rect.right() <= node(&lr, "A").rect.x);
}

#[test]
fn fork_bars_lie_across_the_flow_and_pseudo_states_are_named() {
    let tb = scene("stateDiagram-v2\nstate f <<fork>>\nstate j <<join>>\nstate c <<choice>>\n[*] --> f\nf --> a\nf --> b\na --> j\nb --> j\nj --> c\nc --> [*]");
    let f = node(&tb, "f");
    assert_eq!((f.shape, f.rect.width, f.rect.height), ("fork", 70.0, 10.0));
    assert_eq!(node(&tb, "j").shape, "join");
    let c = node(&tb, "c");
    assert_eq!((c.shape, c.rect.width, c.rect.height), ("choice", 28.0, 28.0));
    let start = node(&tb, "root_start");
    assert_eq!((start.shape, start.rect.width), ("stateStart", 14.0));
    assert_eq!(node(&tb, "root_end").shape, "stateEnd");

    let lr = scene("stateDiagram-v2\ndirection LR\nstate f <<fork>>\n[*] --> f\nf --> a\nf --> b");
    let f = node(&lr, "f");
    assert_eq!((f.rect.width, f.rect.height), (10.0, 70.0), "vertical in LR");
    let rl = scene("stateDiagram-v2\ndirection RL\nstate f <<fork>>\n[*] --> f\nf --> a");
    assert_eq!(
        node(&rl, "f").rect.width,
        70.0,
        "mermaid keeps the bar horizontal in RL"
    );
}

#[test]
fn composites_hold_their_states_in_their_own_direction() {
    let s = scene(
        "stateDiagram-v2\ndirection LR\n[*] --> Outer\nstate Outer {\n  [*] --> a\n  a --> b\n  state Inner {\n    \
         direction LR\n    [*] --> x\n    x --> y\n  }\n  b --> Inner\n}\nOuter --> Done",
    );
    let outer = cluster(&s, "Outer");
    let inner = cluster(&s, "Inner");
    assert!(inside(&outer, &inner));
    for id in ["Outer_start", "a", "b"] {
        assert!(inside(&outer, &node(&s, id).rect), "{id} inside Outer");
        assert!(!node(&s, id).rect.overlaps(&inner), "{id} outside Inner");
    }
    for id in ["Inner_start", "x", "y"] {
        assert!(inside(&inner, &node(&s, id).rect), "{id} inside Inner");
    }
    // Outer flows top to bottom although the diagram is LR; Inner flows left to right as it says.
    assert!(node(&s, "b").rect.y > node(&s, "a").rect.bottom());
    assert!(node(&s, "y").rect.x > node(&s, "x").rect.right());
    assert!(!inside(&outer, &node(&s, "Done").rect));
    let json = render_geometry_json(
        "stateDiagram-v2\nstate Outer {\n  [*] --> a\n}",
        &Options::default(),
        "t.mmd",
    )
    .expect("renders");
    assert!(
        json.contains("\"id\":\"Outer_start\"") && json.contains("\"shape\":\"stateStart\""),
        "{json}"
    );
    assert!(json.contains("\"type\":\"stateDiagram\""), "{json}");
}

#[test]
fn concurrency_regions_sit_side_by_side_inside_their_composite() {
    let s = scene("stateDiagram-v2\nstate P {\n  [*] --> a\n  a --> b\n  --\n  [*] --> c\n  c --> d\n}");
    let p = cluster(&s, "P");
    let (r1, r2) = (cluster(&s, "divider-id-1"), cluster(&s, "divider-id-2"));
    assert!(inside(&p, &r1) && inside(&p, &r2));
    assert!(!r1.overlaps(&r2));
    assert!(r2.x >= r1.right() || r1.x >= r2.right(), "side by side");
    for (id, region) in [("a", r1), ("b", r1), ("divider-id-1_start", r1), ("c", r2), ("d", r2)] {
        assert!(inside(&region, &node(&s, id).rect), "{id} in its region");
    }
}
