//! Class diagram drawing: box sizes as mermaid's (the expected sizes are mermaid 11.17.2's, measured in its
//! reference renders), markers per relation token, static and abstract members, safe links, cardinalities
//! clear of the boxes, and both namespace modes.

use mermaid_rs::scene::{Item, Rect};
use mermaid_rs::{layout, render_svg, Options, Scene};

fn scene(source: &str) -> Scene {
    layout(source, &Options::default()).unwrap_or_else(|e| panic!("{}", e.render()))
}

/// Asserts that box `id` is `w` × `h` (mermaid's numbers; text widths agree to a few hundredths).
fn assert_size(scene: &Scene, id: &str, w: f64, h: f64) {
    let n = scene.geometry.nodes.iter().find(|n| n.id == id).expect("node");
    assert!(
        (n.rect.width - w).abs() < 0.05 && (n.rect.height - h).abs() < 1e-9,
        "{id}: {} × {}, mermaid's is {w} × {h}",
        n.rect.width,
        n.rect.height
    );
}

fn walk<'a>(items: &'a [Item], out: &mut Vec<&'a Item>) {
    for item in items {
        out.push(item);
        match item {
            Item::Group { items, .. } | Item::Link { items, .. } => walk(items, out),
            Item::Popup { trigger, panel } => {
                walk(trigger, out);
                walk(panel, out);
            }
            _ => {}
        }
    }
}

#[test]
fn boxes_have_mermaids_sizes() {
    let s = scene(
        "classDiagram\nclass Class01 {\n  int amount\n  draw()\n}\nclass Class02\nclass Shape <<interface>>\n\
         class Rectangle {\n  double width\n  double height\n}\nclass Gateway {\n  +route()\n}",
    );
    assert_size(&s, "Class01", 128.969, 144.0);
    assert_size(&s, "Class02", 84.5, 84.0);
    assert_size(&s, "Shape", 103.172, 108.0);
    assert_size(&s, "Rectangle", 158.328, 144.0);
    assert_size(&s, "Gateway", 113.375, 126.0);
    let hidden = scene("---\nconfig:\n  class:\n    hideEmptyMembersBox: true\n---\nclassDiagram\n  class Duck");
    assert_size(&hidden, "Duck", 63.125, 48.0);
}

#[test]
fn every_relation_token_has_its_marker() {
    let s =
        scene("classDiagram\nA <|-- B\nC *-- D\nE o-- F\nG <-- H\nI -- J\nK ..|> L\nM --() bar\nfoo ()-- N\nO <..> P");
    let ends: Vec<(&str, &str)> = s
        .geometry
        .edges
        .iter()
        .map(|e| (e.arrow_start.unwrap_or("?"), e.arrow_end.unwrap_or("?")))
        .collect();
    assert_eq!(
        ends,
        [
            ("extension", "none"),
            ("composition", "none"),
            ("aggregation", "none"),
            ("dependency", "none"),
            ("none", "none"),
            ("none", "extension"),
            ("none", "lollipop"),
            ("lollipop", "none"),
            ("dependency", "dependency"),
        ]
    );
    let ids: Vec<&str> = s.geometry.edges.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids[0], "id_A_B_1");
    assert_eq!(ids[6], "id_M_interface0_7");
    assert_eq!(ids[7], "id_interface1_N_8");
    let svg = render_svg("classDiagram\nA <|-- B\nC *-- D\nE ..> F", &Options::default()).expect("svg");
    for marker in ["class-extension", "class-composition", "class-dependency"] {
        assert!(svg.contains(marker), "no {marker} marker");
    }
    assert!(svg.contains("stroke-dasharray"), "`..` draws a dashed line");
}

#[test]
fn static_members_are_underlined_and_abstract_ones_italic() {
    let s = scene("classDiagram\nclass A {\n  +int count$\n  +area()* double\n}");
    let mut items = Vec::new();
    walk(&s.items, &mut items);
    let texts: Vec<_> = items
        .iter()
        .filter_map(|i| match i {
            Item::Text(t) => Some(t),
            _ => None,
        })
        .collect();
    let area = texts
        .iter()
        .flat_map(|t| &t.lines)
        .flat_map(|l| &l.runs)
        .find(|r| r.text.contains("area"))
        .expect("area()");
    assert!(area.italic);
    assert_eq!(area.text, "+area() : double");
    let count = texts
        .iter()
        .find(|t| t.lines.iter().any(|l| l.runs.iter().any(|r| r.text == "+int count")))
        .expect("count");
    let baseline = count.lines[0].baseline;
    let underline = items.iter().any(|i| {
        matches!(i, Item::Shape { geometry: mermaid_rs::scene::ShapeGeometry::Path(p), .. }
            if p.0.iter().any(|c| matches!(c, mermaid_rs::scene::PathCmd::MoveTo(pt) if (pt.y - baseline - 2.0).abs() < 0.01)))
    });
    assert!(underline, "a static member is underlined");
}

#[test]
fn only_safe_links_are_drawn() {
    let s = scene(
        "classDiagram\nclass A\nclass B\nclass C\nlink A \"https://example.com\" \"docs\"\nclick B href \"javascript:alert(1)\"\n\
         callback C \"evil\" \"tip\"",
    );
    let links: Vec<&str> = s
        .items
        .iter()
        .filter_map(|i| match i {
            Item::Link { href, .. } => Some(href.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(links, ["https://example.com"]);
}

#[test]
fn cardinalities_stay_off_boxes_and_labels() {
    let s = scene(
        "classDiagram\nCustomer \"1\" --> \"0..*\" Order : places\nOrder \"1\" *-- \"1..*\" Line : has\n\
         Line \"many\" o-- \"1\" Product\nCustomer \"1\" -- \"1\" Card",
    );
    let mut taken: Vec<Rect> = s.geometry.nodes.iter().map(|n| n.rect).collect();
    taken.extend(s.geometry.edges.iter().filter_map(|e| e.label_box));
    let mut terminals = 0;
    for item in &s.items {
        let Item::Group { class, items, .. } = item else {
            continue;
        };
        if class != "edgeTerminals" {
            continue;
        }
        let Some(Item::Text(t)) = items.first() else { continue };
        terminals += 1;
        let line = &t.lines[0];
        let width = line
            .runs
            .iter()
            .map(|r| r.text.chars().count() as f64 * 6.0)
            .sum::<f64>();
        let rect = Rect {
            x: line.x - width / 2.0,
            y: line.baseline - 10.0,
            width,
            height: 12.0,
        };
        assert!(
            !taken.iter().any(|r| r.overlaps(&rect)),
            "cardinality {line:?} overlaps a box or label"
        );
    }
    assert_eq!(terminals, 8);
}

#[test]
fn namespaces_nest_or_stay_flat() {
    let source =
        "classDiagram\nnamespace Co.Eng.Backend {\n  class Dev\n}\nnamespace Co {\n  class CEO\n}\nCEO --> Dev";
    let nested = scene(source);
    let ids: Vec<(&str, &str)> = nested
        .geometry
        .clusters
        .iter()
        .map(|c| (c.id.as_str(), c.label.as_str()))
        .collect();
    assert_eq!(ids, [("Co", "Co"), ("Co.Eng", "Eng"), ("Co.Eng.Backend", "Backend")]);
    let inner = nested.geometry.clusters[2].rect;
    let outer = nested.geometry.clusters[0].rect;
    assert!(
        outer.x <= inner.x && outer.bottom() >= inner.bottom(),
        "Co holds Co.Eng.Backend"
    );
    let flat = scene(&format!(
        "---\nconfig:\n  class:\n    hierarchicalNamespaces: false\n---\n{source}"
    ));
    let ids: Vec<(&str, &str)> = flat
        .geometry
        .clusters
        .iter()
        .map(|c| (c.id.as_str(), c.label.as_str()))
        .collect();
    assert_eq!(ids, [("Co", "Co"), ("Co.Eng.Backend", "Co.Eng.Backend")]);
    let (a, b) = (flat.geometry.clusters[0].rect, flat.geometry.clusters[1].rect);
    assert!(!a.overlaps(&b), "flat namespaces stand side by side");
}
