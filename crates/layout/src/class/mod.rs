//! Class diagram layout: class boxes, notes and namespaces through the layered engine, as mermaid lays them
//! out with dagre.
//!
//! The steps: size every box from its measured text ([`boxes`]), build the engine graph with notes as nodes
//! and namespaces as clusters ([`graph`]), run the engine, then draw namespaces, relations with their markers,
//! labels and cardinalities ([`edges`]), boxes and notes. Ids follow mermaid's scheme: classes by name,
//! relations `id_FROM_TO_N`, notes `noteN` joined by `edgeNoteN`, lollipop interfaces `interfaceN`.

mod boxes;
mod edges;
mod graph;

use crate::config::Config;
use crate::engine::{self, LayeredOutput};
use crate::flowchart::add_title;
use crate::scene::*;
use crate::style::{css_declarations, safe_url};
use crate::text::{lay_out_label, lay_out_wrapped, LaidText};
use crate::theme::Theme;
use boxes::ClassBox;
use edges::{cardinality_box, cardinality_item, clipped_route, drawn_path, label_spot, line_item, marker_of};
use graph::{note_node, ClassGraph};
use mermaid_parser::{Class, ClassDiagram, Label, LabelKind};

/// Margin around the drawing, as mermaid's.
const DIAGRAM_PADDING: f64 = 8.0;
/// Room between a note's border and its text.
const NOTE_PADDING: f64 = 6.0;
/// Relation labels wrap at this width, as mermaid's edge labels.
const LABEL_WRAP: f64 = 200.0;
/// Cardinalities are drawn smaller (mermaid's `.edgeTerminals`).
const CARDINALITY_FONT_SIZE: f64 = 11.0;

/// Everything measured before layout.
struct Measured {
    boxes: Vec<ClassBox>,
    notes: Vec<LaidText>,
    titles: Vec<LaidText>,
    labels: Vec<Option<LaidText>>,
}

/// Class text as mermaid shows it: HTML entities decoded (labels are HTML), read as markdown (`**bold**`,
/// `_italic_`) unless a lone `*` or `_` would be swallowed.
pub(super) fn text_label(text: &str) -> Label {
    let text = decode_html_entities(text);
    let singles = text.replace("**", "").replace("__", "");
    let paired = singles.matches('*').count() % 2 == 0 && singles.matches('_').count() % 2 == 0;
    let doubles = text.matches("**").count() % 2 == 0 && text.matches("__").count() % 2 == 0;
    Label {
        kind: if paired && doubles {
            LabelKind::Markdown
        } else {
            LabelKind::Plain
        },
        text,
        ..Label::default()
    }
}

/// The few HTML entities people write in class text (`&lt;&lt;service&gt;&gt;`).
fn decode_html_entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    [
        ("&lt;", "<"),
        ("&gt;", ">"),
        ("&quot;", "\""),
        ("&#39;", "'"),
        ("&nbsp;", "\u{a0}"),
        ("&amp;", "&"),
    ]
    .iter()
    .fold(text.to_string(), |t, (from, to)| t.replace(from, to))
}

/// Note and label text without its HTML tags: mermaid renders them as HTML, we show the text they hold.
fn without_tags(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let is_tag = after.starts_with(|c: char| c.is_ascii_alphabetic() || c == '/');
        match after.find('>').filter(|_| is_tag) {
            Some(close) => rest = &after[close + 1..],
            None => {
                out.push('<');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// A label or note: tags dropped, then read as class text; the span is kept.
fn shown(label: &Label) -> Label {
    Label {
        span: label.span,
        ..text_label(&without_tags(&label.text))
    }
}

fn measure(diagram: &ClassDiagram, config: &Config) -> Measured {
    let theme = &config.theme;
    Measured {
        boxes: diagram
            .classes
            .iter()
            .map(|c| boxes::size(c, theme, config.class_hide_empty_members))
            .collect(),
        notes: diagram
            .notes
            .iter()
            .map(|n| lay_out_label(&shown(&n.text), theme))
            .collect(),
        titles: diagram
            .namespaces
            .iter()
            .map(|ns| {
                // A nested namespace shows the last part of its dotted name.
                let name = match ns.id.rsplit_once('.') {
                    Some((_, last)) if config.class_hierarchical_namespaces && !last.is_empty() => last,
                    _ => ns.id.as_str(),
                };
                let text = ns.label.as_ref().map_or(name, |l| l.text.as_str());
                lay_out_label(&text_label(text), theme)
            })
            .collect(),
        labels: diagram
            .relations
            .iter()
            .map(|r| r.label.as_ref().map(|l| lay_out_wrapped(&shown(l), theme, LABEL_WRAP)))
            .collect(),
    }
}

/// Style declarations of a class: `classDef default`, its classes' definitions, then its own `style`.
fn class_css(diagram: &ClassDiagram, class: &Class) -> Vec<(String, String)> {
    let mut css = Vec::new();
    for name in std::iter::once("default").chain(class.classes.iter().map(String::as_str)) {
        for def in diagram.class_defs.iter().filter(|d| d.name == name) {
            css.extend(css_declarations(&def.styles));
        }
    }
    css.extend(css_declarations(&class.styles));
    css
}

pub(crate) fn lay_out(diagram: &ClassDiagram, config: &Config) -> Scene {
    let theme = &config.theme;
    let measured = measure(diagram, config);
    let mut graph = graph::build(
        diagram,
        &measured.boxes,
        &measured.notes,
        &measured.titles,
        config.class_hierarchical_namespaces,
    );
    for (edge, label) in graph.input.edges.iter_mut().zip(&measured.labels) {
        edge.label = label.as_ref().map(|l| (l.width, l.height));
    }
    let out = engine::layout(&graph.input);
    let shift = |p: Point| Point {
        x: p.x + DIAGRAM_PADDING,
        y: p.y + DIAGRAM_PADDING,
    };
    let mut scene = Scene {
        kind: "class",
        width: out.width + 2.0 * DIAGRAM_PADDING,
        height: out.height + 2.0 * DIAGRAM_PADDING,
        acc_title: diagram.meta.acc_title.clone(),
        acc_descr: diagram.meta.acc_descr.clone(),
        ..Default::default()
    };
    let rects: Vec<Rect> = graph
        .input
        .nodes
        .iter()
        .zip(&out.nodes)
        .map(|(n, &c)| {
            let c = shift(engine::point(c));
            Rect {
                x: c.x - n.width / 2.0,
                y: c.y - n.height / 2.0,
                width: n.width,
                height: n.height,
            }
        })
        .collect();
    draw_namespaces(diagram, &measured, &graph, &out, &mut scene, theme);
    let label_items = draw_relations(diagram, &measured, &graph, &out, &rects, &mut scene, theme);
    draw_classes(diagram, &measured, &rects, &mut scene, theme);
    draw_notes(diagram, &measured, &rects, &mut scene, theme);
    scene.items.extend(label_items);
    if let Some(title) = &config.title {
        add_title(&mut scene, title, theme);
    }
    scene
}

fn draw_namespaces(
    diagram: &ClassDiagram,
    measured: &Measured,
    graph: &ClassGraph,
    out: &LayeredOutput,
    scene: &mut Scene,
    theme: &Theme,
) {
    for (i, ns) in diagram.namespaces.iter().enumerate() {
        let Some(r) = graph.cluster_of[i]
            .and_then(|c| out.clusters.get(c))
            .map(|&r| engine::rect(r))
        else {
            continue;
        };
        let rect = Rect {
            x: r.x + DIAGRAM_PADDING,
            y: r.y + DIAGRAM_PADDING,
            ..r
        };
        let title = &measured.titles[i];
        let title_box = Rect {
            x: rect.center().x - title.width / 2.0,
            y: rect.y + 4.0,
            width: title.width,
            height: title.height,
        };
        scene.items.push(Item::Group {
            class: "cluster".into(),
            id: Some(ns.id.clone()),
            items: vec![
                Item::Shape {
                    geometry: ShapeGeometry::Rect { rect, rx: 0.0 },
                    style: Style {
                        fill: Some(theme.cluster_fill.clone()),
                        stroke: Some(theme.cluster_stroke.clone()),
                        stroke_width: 1.0,
                        ..Default::default()
                    },
                },
                Item::Text(title.block(title_box, theme)),
            ],
        });
        scene.geometry.clusters.push(ClusterGeometry {
            id: ns.id.clone(),
            label: title.plain(),
            rect,
            label_box: Some(title_box),
        });
    }
}

/// Draw every relation and note connector; gives the label items, drawn last so nothing covers them.
fn draw_relations(
    diagram: &ClassDiagram,
    measured: &Measured,
    graph: &ClassGraph,
    out: &LayeredOutput,
    rects: &[Rect],
    scene: &mut Scene,
    theme: &Theme,
) -> Vec<Item> {
    let shift = |p: &Point| Point {
        x: p.x + DIAGRAM_PADDING,
        y: p.y + DIAGRAM_PADDING,
    };
    let small = Theme {
        font_size: CARDINALITY_FONT_SIZE,
        ..theme.clone()
    };
    let mut taken: Vec<Rect> = rects.to_vec();
    // Labels keep off namespace titles and do not straddle a namespace's border.
    for c in &scene.geometry.clusters {
        taken.extend(c.label_box);
        let r = c.rect;
        taken.extend([
            Rect { height: 1.0, ..r },
            Rect {
                y: r.bottom() - 1.0,
                height: 1.0,
                ..r
            },
            Rect { width: 1.0, ..r },
            Rect {
                x: r.right() - 1.0,
                width: 1.0,
                ..r
            },
        ]);
    }
    let mut label_items = Vec::new();
    let routes: Vec<Vec<Point>> = out
        .edges
        .iter()
        .map(|e| e.points.iter().map(|&p| shift(&engine::point(p))).collect())
        .collect();
    // Relation labels first, so cardinalities keep clear of them.
    let label_boxes: Vec<Option<Rect>> = measured
        .labels
        .iter()
        .zip(&out.edges)
        .zip(&routes)
        .map(|((l, route), points)| {
            let (l, c) = (l.as_ref()?, route.label_center?);
            let c = label_spot(points, shift(&engine::point(c)), l.width, l.height, &taken);
            let (group, rect) = l.edge_label(c, &theme.edge_label_background, theme);
            label_items.push(group);
            taken.push(rect);
            Some(rect)
        })
        .collect();
    for (ri, rel) in diagram.relations.iter().enumerate() {
        let (from, to) = graph.relation_ends[ri];
        let route = clipped_route(&routes[ri], rects[from], rects[to]);
        let markers = (marker_of(rel.from_end), marker_of(rel.to_end));
        let path = drawn_path(&route, markers.0, markers.1);
        let id = format!("id_{}_{}_{}", rel.from, rel.to, ri + 1);
        scene
            .items
            .push(line_item(id.clone(), path.clone(), rel.dashed, markers, theme));
        let reversed: Vec<Point> = route.iter().rev().copied().collect();
        for (card, points) in [(&rel.from_cardinality, &reversed), (&rel.to_cardinality, &route)] {
            let Some(card) = card else { continue };
            let text = lay_out_label(&text_label(card), &small);
            if let Some(rect) = cardinality_box(points, &text, &taken) {
                taken.push(rect);
                label_items.push(cardinality_item(&text, rect, &small));
            }
        }
        scene.geometry.edges.push(EdgeGeometry {
            id,
            from: rel.from.clone(),
            to: rel.to.clone(),
            label: measured.labels[ri].as_ref().map(LaidText::plain),
            label_box: label_boxes[ri],
            waypoints: route,
            path,
            arrow_start: Some(rel.from_end.mermaid_name()),
            arrow_end: Some(rel.to_end.mermaid_name()),
        });
    }
    let first_note_edge = diagram.relations.len();
    for (k, &(note, class)) in graph.note_links.iter().enumerate() {
        let node = note_node(diagram, note);
        let route = clipped_route(&routes[first_note_edge + k], rects[node], rects[class]);
        let path = drawn_path(&route, None, None);
        let id = format!("edgeNote{note}");
        scene
            .items
            .push(line_item(id.clone(), path.clone(), true, (None, None), theme));
        scene.geometry.edges.push(EdgeGeometry {
            id,
            from: format!("note{note}"),
            to: diagram.classes[class].id.clone(),
            label: None,
            label_box: None,
            waypoints: route,
            path,
            arrow_start: Some("none"),
            arrow_end: Some("none"),
        });
    }
    label_items
}

fn draw_classes(diagram: &ClassDiagram, measured: &Measured, rects: &[Rect], scene: &mut Scene, theme: &Theme) {
    for (i, (class, b)) in diagram.classes.iter().zip(&measured.boxes).enumerate() {
        let rect = rects[i];
        let (items, name_box) = boxes::draw(b, rect, &class_css(diagram, class), theme);
        let group = Item::Group {
            class: if class.interface {
                "node interface"
            } else {
                "node class"
            }
            .into(),
            id: Some(class.id.clone()),
            items,
        };
        // Links must be http, https or mailto; callbacks are never rendered (no script in our output).
        let link = class
            .link
            .as_ref()
            .and_then(|(url, tip)| Some((safe_url(url)?, tip.clone())));
        scene.items.push(match link {
            Some((href, tooltip)) => Item::Link {
                href,
                tooltip,
                items: vec![group],
            },
            None => group,
        });
        scene.geometry.nodes.push(NodeGeometry {
            id: class.id.clone(),
            label: b.name_text(),
            rect,
            shape: if class.interface { "rect" } else { "classBox" },
            label_box: name_box,
            outline: rect.corners(),
        });
    }
}

fn draw_notes(diagram: &ClassDiagram, measured: &Measured, rects: &[Rect], scene: &mut Scene, theme: &Theme) {
    for (i, text) in measured.notes.iter().enumerate() {
        let rect = rects[note_node(diagram, i)];
        let text_box = Rect {
            x: rect.x + NOTE_PADDING,
            y: rect.y + NOTE_PADDING,
            width: text.width,
            height: text.height,
        };
        let mut block = text.block(text_box, theme);
        block.anchor = TextAnchor::Start;
        for line in &mut block.lines {
            line.x = text_box.x;
        }
        block.fill = theme.note_text.clone();
        let id = format!("note{i}");
        scene.items.push(Item::Group {
            class: "node note".into(),
            id: Some(id.clone()),
            items: vec![
                Item::Shape {
                    geometry: ShapeGeometry::Rect { rect, rx: 0.0 },
                    style: Style {
                        fill: Some(theme.note_fill.clone()),
                        stroke: Some(theme.note_stroke.clone()),
                        stroke_width: 1.0,
                        ..Default::default()
                    },
                },
                Item::Text(block),
            ],
        });
        scene.geometry.nodes.push(NodeGeometry {
            id,
            label: text.plain(),
            rect,
            shape: "note",
            label_box: text_box,
            outline: rect.corners(),
        });
    }
}
