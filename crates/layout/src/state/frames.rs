//! Composite states and concurrency regions as mermaid draws them: a composite is a rounded frame with its
//! title centred in a bar at the top over an inner area; each region of a composite is a dashed box inside it.

use super::draw::{class_css, text_css, Placed};
use super::elements::{Look, Measured, TITLE_BAR_MARGIN};
use super::graph::Lowered;
use crate::config::Config;
use crate::scene::*;
use crate::style::css_declarations;
use mermaid_parser::{StateDiagram, StateKind};

/// Draw every frame, outermost first so nested ones lie on top, and record it in the geometry.
pub(super) fn draw(
    scene: &mut Scene,
    diagram: &StateDiagram,
    measured: &Measured,
    lowered: &Lowered,
    at: &Placed<'_>,
    config: &Config,
) {
    let theme = &config.theme;
    let mut order: Vec<usize> = (0..lowered.clusters.len()).collect();
    let depth = |ci: usize| {
        let mut d = 0;
        let mut p = lowered.chart.subgraphs[ci].parent;
        while let Some(pi) = p.filter(|_| d <= lowered.clusters.len()) {
            d += 1;
            p = lowered.chart.subgraphs[pi].parent;
        }
        d
    };
    order.sort_by_key(|&ci| depth(ci));
    for ci in order {
        let Some(rect) = at.cluster(ci) else {
            continue;
        };
        let Some(si) = lowered.clusters[ci] else {
            continue; // a state's group with its notes: not drawn
        };
        let state = &diagram.states[si];
        let mut extra = class_css(diagram, &state.classes);
        extra.extend(css_declarations(&state.styles));
        let title = match &measured.looks[si] {
            Look::Frame(t) => t,
            _ => continue,
        };
        let (items, label_box) = if state.kind == StateKind::Region {
            // mermaid's light grey region box; on a themed page background the page shows through instead.
            let fill = if theme.background.is_none() { "#f0f0f0" } else { "none" };
            let style = Style {
                fill: Some(fill.into()),
                stroke: Some(theme.node_stroke.clone()),
                stroke_width: 1.0,
                dash: Some("10,10".into()),
                extra_css: extra,
            };
            let shape = Item::Shape {
                geometry: ShapeGeometry::Rect { rect, rx: 0.0 },
                style,
            };
            (vec![shape], None)
        } else {
            composite(rect, title, extra, depth(ci), config)
        };
        scene.items.push(Item::Group {
            class: "statediagram-cluster".into(),
            id: Some(state.id.clone()),
            items,
        });
        scene.geometry.clusters.push(ClusterGeometry {
            id: state.id.clone(),
            label: title.plain(),
            rect,
            label_box,
        });
    }
}

/// A composite's frame: the outer rounded box, the inner area under the title bar, and the title.
fn composite(
    rect: Rect,
    title: &crate::text::LaidText,
    extra: Vec<(String, String)>,
    depth: usize,
    config: &Config,
) -> (Vec<Item>, Option<Rect>) {
    let theme = &config.theme;
    let bar = (title.height + TITLE_BAR_MARGIN).min(rect.height);
    let outer = Style {
        fill: Some(theme.node_fill.clone()),
        stroke: Some(theme.node_stroke.clone()),
        stroke_width: 1.0,
        dash: None,
        extra_css: extra,
    };
    // Nested composites alternate their inner colour, as mermaid's `statediagram-cluster-alt` does.
    let page = theme.background.clone().unwrap_or_else(|| "white".into());
    let inner_fill = if depth % 2 == 1 && theme.background.is_none() {
        "#f0f0f0".to_string()
    } else {
        page
    };
    let inner = Rect {
        x: rect.x,
        y: rect.y + bar,
        width: rect.width,
        height: rect.height - bar,
    };
    let label_box = Rect {
        x: rect.center().x - title.width / 2.0,
        y: rect.y + TITLE_BAR_MARGIN / 2.0,
        width: title.width,
        height: title.height,
    };
    let mut text = title.block(label_box, theme);
    text.extra_css = text_css(&outer.extra_css);
    let items = vec![
        Item::Shape {
            geometry: ShapeGeometry::Rect { rect, rx: 5.0 },
            style: outer,
        },
        Item::Shape {
            geometry: ShapeGeometry::Rect { rect: inner, rx: 0.0 },
            style: Style {
                fill: Some(inner_fill),
                stroke: Some(theme.node_stroke.clone()),
                stroke_width: 1.0,
                ..Default::default()
            },
        },
        Item::Text(text),
    ];
    (items, Some(label_box))
}
