//! Sequence diagrams end to end.
//!
//! * Conformance: when `../shared` is present, every `valid` sequence file of the corpus (`MANIFEST.tsv`) parses
//!   and renders, every `invalid` one is rejected, and none panics.
//! * Geometry: for every rendered corpus diagram and every `examples/sequence-*.mmd`, no message text overlaps
//!   another text or a participant box, and every frame holds exactly its own messages.

mod common;

use common::shared_dir;
use mermaid_rs::scene::{Rect, Scene};
use mermaid_rs::{layout, render_svg, Options};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};

/// Valid corpus files allowed to fail, with the reason. Keep it tiny.
const KNOWN_FAILURES: &[(&str, &str)] = &[];

/// Overlaps smaller than this (in px) are rounding, not collisions.
const SLACK: f64 = 0.5;

fn shrink(r: &Rect, by: f64) -> Rect {
    Rect {
        x: r.x + by,
        y: r.y + by,
        width: (r.width - 2.0 * by).max(0.0),
        height: (r.height - 2.0 * by).max(0.0),
    }
}

/// Every geometric rule a sequence scene must keep; empty when it is clean.
fn sequence_problems(scene: &Scene) -> Vec<String> {
    let mut problems = Vec::new();
    let Some(seq) = &scene.geometry.sequence else {
        return vec!["no sequence geometry".into()];
    };
    let texts: Vec<(String, Rect)> = seq
        .messages
        .iter()
        .filter_map(|m| m.text_box.map(|b| (format!("message {} {:?}", m.id, m.text), b)))
        .collect();
    let mut others: Vec<(String, Rect)> = seq
        .notes
        .iter()
        .map(|n| (format!("note {:?}", n.text), n.rect))
        .collect();
    for n in scene.geometry.nodes.iter().chain(&seq.actors_bottom) {
        others.push((format!("participant {}", n.id), n.rect));
    }
    for (i, (a, ra)) in texts.iter().enumerate() {
        for (b, rb) in &texts[i + 1..] {
            if shrink(ra, SLACK).overlaps(rb) {
                problems.push(format!("{a} overlaps {b}"));
            }
        }
        for (b, rb) in &others {
            if shrink(ra, SLACK).overlaps(rb) {
                problems.push(format!("{a} overlaps {b}"));
            }
        }
    }
    // Frames: a message is inside a frame exactly when it belongs to it, judged by its line's y; and the
    // frame reaches over the whole line horizontally.
    for (fi, f) in seq.frames.iter().enumerate() {
        for m in &seq.messages {
            let belongs = f.messages.contains(&m.id);
            let inside_y = m.y > f.rect.y && m.y < f.rect.bottom();
            if belongs != inside_y {
                problems.push(format!(
                    "frame {fi} ({} {:?}) y {}..{} and message {} at y {}: belongs={belongs}",
                    f.kind,
                    f.text,
                    f.rect.y,
                    f.rect.bottom(),
                    m.id,
                    m.y
                ));
            }
            if belongs {
                let edge = scene.geometry.edges.iter().find(|e| e.id == m.id);
                for p in edge.map(|e| e.path.flatten(8)).unwrap_or_default() {
                    if p.x < f.rect.x - SLACK || p.x > f.rect.right() + SLACK {
                        problems.push(format!("message {} leaves frame {fi} ({}) at x {}", m.id, f.kind, p.x));
                        break;
                    }
                }
            }
        }
        if let Some(parent) = f.parent {
            let p = &seq.frames[parent];
            if !p.rect.contains_rect(&f.rect, SLACK) {
                problems.push(format!("frame {fi} sticks out of its parent frame {parent}"));
            }
        }
    }
    // Activation bars and notes stay between the top and bottom actors.
    let top = scene
        .geometry
        .nodes
        .iter()
        .map(|n| n.rect.y)
        .fold(f64::INFINITY, f64::min);
    for a in &seq.activations {
        if a.rect.y < top || a.rect.height <= 0.0 {
            problems.push(format!("activation of {} at {:?}", a.actor, a.rect));
        }
    }
    // Everything lies inside the drawing.
    let all = scene
        .geometry
        .nodes
        .iter()
        .chain(&seq.actors_bottom)
        .map(|n| n.rect)
        .chain(seq.notes.iter().map(|n| n.rect))
        .chain(seq.frames.iter().map(|f| f.rect))
        .chain(texts.iter().map(|t| t.1));
    let canvas = Rect {
        x: 0.0,
        y: 0.0,
        width: scene.width,
        height: scene.height,
    };
    for r in all {
        if !canvas.contains_rect(&r, SLACK) {
            problems.push(format!("{r:?} is outside the {}×{} drawing", scene.width, scene.height));
        }
    }
    problems
}

fn check_geometry(name: &str, source: &str) -> Vec<String> {
    match layout(source, &Options::default()) {
        Ok(scene) => sequence_problems(&scene)
            .into_iter()
            .map(|p| format!("{name}: {p}"))
            .collect(),
        Err(e) => vec![format!("{name}: {}", e.render())],
    }
}

fn examples() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("examples/")
        .map(|e| e.expect("entry").path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("sequence-") && n.ends_with(".mmd"))
        })
        .collect();
    files.sort();
    files
}

#[test]
fn sequence_examples_render_cleanly() {
    let files = examples();
    assert!(files.len() >= 5, "examples/sequence-*.mmd");
    let mut problems = Vec::new();
    for f in &files {
        let source = std::fs::read_to_string(f).expect("readable");
        let name = f.display().to_string();
        problems.extend(check_geometry(&name, &source));
        let svg = render_svg(&source, &Options::default()).unwrap_or_else(|e| panic!("{name}: {}", e.render()));
        roxmltree::Document::parse(&svg).unwrap_or_else(|e| panic!("{name}: SVG is not well-formed: {e}"));
        assert_eq!(
            svg,
            render_svg(&source, &Options::default()).expect("svg"),
            "{name}: not deterministic"
        );
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn sequence_corpus() {
    let Some(shared) = shared_dir() else {
        println!("skipping: ../shared is absent");
        return;
    };
    let dir = shared.join("corpus");
    let manifest = std::fs::read_to_string(dir.join("MANIFEST.tsv")).expect("MANIFEST.tsv");
    let (mut valid, mut valid_ok, mut invalid, mut invalid_ok, mut unknown) = (0, 0, 0, 0, 0);
    let mut failures = Vec::new();
    let mut geometry = Vec::new();
    for row in manifest.lines().skip(1) {
        let cols: Vec<&str> = row.split('\t').collect();
        let [file, kind, _, _, expect] = cols.as_slice() else {
            continue;
        };
        if *kind != "sequence" {
            continue;
        }
        let source = std::fs::read_to_string(dir.join(file)).expect("corpus file");
        let outcome = catch_unwind(AssertUnwindSafe(|| render_svg(&source, &Options::default())));
        let known = KNOWN_FAILURES.iter().any(|(f, _)| f == file);
        match (*expect, outcome) {
            (_, Err(_)) => failures.push(format!("{file}: PANIC")),
            ("valid", Ok(Ok(svg))) => {
                valid += 1;
                valid_ok += 1;
                if roxmltree::Document::parse(&svg).is_err() {
                    failures.push(format!("{file}: SVG is not well-formed"));
                }
                geometry.extend(check_geometry(file, &source));
            }
            ("valid", Ok(Err(e))) => {
                valid += 1;
                if !known {
                    failures.push(format!("{file}: rejected\n{}", e.render()));
                }
            }
            ("invalid", Ok(Ok(_))) => {
                invalid += 1;
                if !known {
                    failures.push(format!("{file}: accepted, but mermaid rejects it"));
                }
            }
            ("invalid", Ok(Err(_))) => {
                invalid += 1;
                invalid_ok += 1;
            }
            (_, Ok(_)) => unknown += 1,
        }
    }
    println!(
        "sequence corpus: valid {valid_ok}/{valid} rendered, invalid {invalid_ok}/{invalid} rejected, {unknown} unknown; \
         {} geometry problems",
        geometry.len()
    );
    assert!(valid > 300, "the corpus has over 300 valid sequence files");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(geometry.is_empty(), "{}", geometry.join("\n"));
}

#[test]
fn seed_sizes_match_mermaid() {
    // Actor boxes, lifeline spacing and message rhythm of the two seed diagrams, against mermaid.js's numbers.
    let Some(shared) = shared_dir() else { return };
    for name in ["seed-04-sequenceDiagram", "seed-06-sequenceDiagram"] {
        let source = std::fs::read_to_string(shared.join(format!("seed/{name}.mmd"))).expect("seed");
        let reference: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(shared.join(format!("reference/seed/{name}.json"))).expect("ref"),
        )
        .expect("json");
        let scene = layout(&source, &Options::default()).expect("layout");
        let seq = scene.geometry.sequence.as_ref().expect("sequence geometry");
        let rn = reference["nodes"].as_array().expect("nodes");
        assert_eq!(rn.len(), scene.geometry.nodes.len(), "{name}");
        let (x0, y0) = (rn[0]["x"].as_f64().unwrap_or(0.0), rn[0]["y"].as_f64().unwrap_or(0.0));
        let (ox, oy) = (scene.geometry.nodes[0].rect.x, scene.geometry.nodes[0].rect.y);
        for (r, ours) in rn.iter().zip(&scene.geometry.nodes) {
            let f = |k: &str| r[k].as_f64().unwrap_or(f64::NAN);
            assert_eq!(r["id"].as_str(), Some(ours.id.as_str()));
            assert!((ours.rect.x - ox - (f("x") - x0)).abs() < 1.0, "{name} {}: x", ours.id);
            assert!((ours.rect.width - f("w")).abs() < 1.0 && (ours.rect.height - f("h")).abs() < 1.0);
        }
        let rm = reference["messages"].as_array().expect("messages");
        assert_eq!(rm.len(), seq.messages.len());
        for (r, ours) in rm.iter().zip(&seq.messages) {
            let ry = r["y"].as_f64().unwrap_or(f64::NAN) - y0;
            assert!(
                (ours.y - oy - ry).abs() <= 2.5,
                "{name} {}: y {} vs {ry}",
                ours.id,
                ours.y - oy
            );
        }
        let rb = reference["actors_bottom"][0]["y"].as_f64().unwrap_or(f64::NAN) - y0;
        assert!(
            (seq.actors_bottom[0].rect.y - oy - rb).abs() <= 2.5,
            "{name}: bottom actors"
        );
    }
}

#[test]
fn labels_and_colours_cannot_inject_markup() {
    let source = "sequenceDiagram\nparticipant A as <img src=x onerror=alert(1)>\nA->>B: <script>alert(1)</script>\n\
                  Note over A: </text><script>x</script>\nrect url(javascript:alert(1))\nA->>B: x\nend\n\
                  box red}</style> Evil\nparticipant C\nend\nlink A: Bad @ javascript:alert(1)\n";
    let svg = render_svg(source, &Options::default()).expect("renders");
    roxmltree::Document::parse(&svg).expect("well-formed");
    for bad in ["<script", "<img", "javascript:", "</style>"] {
        assert!(!svg.contains(bad), "{bad} reached the SVG");
    }
}

#[test]
fn deactivating_an_inactive_participant_is_a_located_error() {
    let err = render_svg("sequenceDiagram\nA->>B: hi\ndeactivate B\n", &Options::default()).expect_err("invalid");
    let mermaid_rs::Error::Parse(e) = &err else {
        panic!("not a parse error: {err}")
    };
    assert_eq!((e.line, e.column), (3, 1));
    assert_eq!(e.message, "cannot deactivate `B`: it is not active");
}

#[test]
fn participant_links_are_a_hover_menu_of_safe_links() {
    let with_links = "sequenceDiagram\n  participant A as Alice\n  link A: Docs @ https://example.com/docs\n  \
                      links A: {\"Mail\": \"mailto:team@example.com\", \"Bad\": \"javascript:alert(1)\"}\n  A->>B: hi";
    let svg = render_svg(with_links, &Options::default()).unwrap();
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let popup = doc
        .descendants()
        .find(|n| n.attribute("class") == Some("mrs-popup"))
        .expect("Alice's symbol opens a menu");
    let hrefs: Vec<&str> = popup.descendants().filter_map(|n| n.attribute("href")).collect();
    assert_eq!(hrefs, ["https://example.com/docs", "mailto:team@example.com"]);
    assert!(!svg.contains("javascript"), "the unsafe entry is dropped");
    let texts: Vec<&str> = popup
        .descendants()
        .filter(|n| n.has_tag_name("tspan"))
        .filter_map(|n| n.text())
        .collect();
    assert_eq!(texts, ["Alice", "Docs", "Mail"]);
    // A still picture leaves the menu out: the PNG is the PNG of the diagram without links.
    let without_links = "sequenceDiagram\n  participant A as Alice\n  A->>B: hi";
    let png = |s: &str| mermaid_rs::render_png(s, &Options::default()).unwrap();
    let scene = mermaid_rs::layout(with_links, &Options::default()).unwrap();
    let plain = mermaid_rs::layout(without_links, &Options::default()).unwrap();
    assert_eq!(
        (scene.width, scene.height),
        (plain.width, plain.height),
        "the open menu fits the picture without growing it"
    );
    assert_eq!(png(with_links), png(without_links));
}

#[test]
fn long_frame_titles_wrap_to_their_frame_instead_of_widening_it() {
    let title = "this loop has a title far longer than the two participants it spans";
    let source = format!("sequenceDiagram\n  A->>B: hi\n  loop {title}\n    A->>B: again\n  end");
    let scene = layout(&source, &Options::default()).unwrap();
    let frame = &scene.geometry.sequence.as_ref().unwrap().frames[0];
    let lifelines = &scene.geometry.sequence.as_ref().unwrap().lifelines;
    let span = (lifelines[1].x - lifelines[0].x).abs();
    assert!(
        frame.rect.width < span + 60.0,
        "the frame keeps to its messages: {} wide for lifelines {span} apart",
        frame.rect.width
    );
    let svg = render_svg(&source, &Options::default()).unwrap();
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let title_lines: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("tspan"))
        .filter_map(|n| n.text())
        .filter(|t| title.split(' ').any(|w| w.len() > 4 && t.contains(w)))
        .collect();
    assert!(title_lines.len() >= 2, "the title wraps: {title_lines:?}");
    assert_eq!(title_lines.join(" "), format!("[{title}]"));
}
