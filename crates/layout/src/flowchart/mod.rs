//! Flowchart layout. The steps: measure every label and size every node from it; place nodes, edges and
//! subgraphs with the layered engine ([`placement`]); draw the subgraphs and the nodes ([`nodes`]); clip,
//! smooth and style the edges ([`edges`]); then fit the drawing to its content and add the title.

mod edges;
mod empty_subgraphs;
mod nodes;
// State diagrams lay out through the same placement and check their curves against the same obstacles.
pub(crate) mod obstacles;
pub(crate) mod placement;

use crate::config::Config;
use crate::scene::*;
use crate::shapes;
use crate::style::css_declarations;
use crate::text::{lay_out_flowchart, lay_out_plain, LaidText, EDGE_LABEL_WIDTH};
use mermaid_parser::{Flowchart, NodeShape};

pub(crate) fn lay_out(chart: &Flowchart, config: &Config) -> Scene {
    let rewritten = empty_subgraphs::as_nodes(chart);
    let chart = rewritten.as_ref().unwrap_or(chart);
    let measured = measure(chart, config);
    let placement = place(chart, &measured, config);
    let ctx = Ctx {
        chart,
        config,
        measured,
        placement,
    };
    let mut scene = Scene {
        kind: "flowchart-v2",
        width: 0.0,
        height: 0.0,
        acc_title: chart.meta.acc_title.clone(),
        acc_descr: chart.meta.acc_descr.clone(),
        ..Default::default()
    };
    nodes::draw_clusters(&mut scene, &ctx);
    let (placed, node_items) = nodes::draw_nodes(&mut scene, &ctx);
    let (edge_items, label_items) = edges::draw_edges(&mut scene, &ctx, &placed);
    scene.items.extend(edge_items);
    scene.items.extend(node_items);
    scene.items.extend(label_items);
    scene.fit_to_content(config.diagram_padding);
    if let Some(title) = &config.title {
        add_title(&mut scene, title, &config.theme);
    }
    scene
}

/// Every label laid out, and each node's size from its label and shape.
struct Measured {
    labels: Vec<LaidText>,
    sizes: Vec<(f64, f64)>,
    cluster_titles: Vec<LaidText>,
    edge_labels: Vec<Option<LaidText>>,
}

fn measure(chart: &Flowchart, config: &Config) -> Measured {
    let theme = &config.theme;
    let labels: Vec<LaidText> = chart
        .nodes
        .iter()
        .map(|n| match &n.label {
            Some(l) => lay_out_flowchart(l, theme, config.wrapping_width),
            // An icon without `label:` is drawn bare by mermaid.js: its id is never shown.
            None if n.shape == NodeShape::Icon => lay_out_plain("", theme),
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
    Measured {
        labels,
        sizes,
        cluster_titles,
        edge_labels,
    }
}

/// Where the layered engine puts everything, from the measured sizes.
fn place(chart: &Flowchart, measured: &Measured, config: &Config) -> placement::Placement {
    let title_sizes: Vec<(f64, f64)> = measured.cluster_titles.iter().map(|t| (t.width, t.height)).collect();
    let label_sizes: Vec<Option<(f64, f64)>> = measured
        .edge_labels
        .iter()
        .map(|l| l.as_ref().map(|l| (l.width, l.height)))
        .collect();
    placement::place(
        chart,
        placement::Sizes {
            node: &measured.sizes,
            cluster_title: &title_sizes,
            edge_label: &label_sizes,
        },
        config,
    )
}

/// What the drawing steps read: the chart, its settings, its measured labels and the placement.
struct Ctx<'a> {
    chart: &'a Flowchart,
    config: &'a Config,
    measured: Measured,
    placement: placement::Placement,
}

impl Ctx<'_> {
    /// A placed point in drawing coordinates (inside the diagram's padding).
    fn shift(&self, p: Point) -> Point {
        let pad = self.config.diagram_padding;
        Point {
            x: p.x + pad,
            y: p.y + pad,
        }
    }

    /// The declarations of the `default` class and of `classes`, in that order, sanitized.
    fn class_styles(&self, classes: &[String]) -> Vec<(String, String)> {
        let mut decls = Vec::new();
        for class in std::iter::once("default").chain(classes.iter().map(String::as_str)) {
            if let Some(def) = self.chart.class_defs.iter().find(|d| d.name == class) {
                decls.extend(css_declarations(&def.styles));
            }
        }
        decls
    }
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

/// The text colour a style asks for (`color:` of `style`, `classDef` or `linkStyle`) as the CSS of a text block.
fn text_color_css(extra: &[(String, String)]) -> Vec<(String, String)> {
    extra
        .iter()
        .filter(|(k, _)| k == "color")
        .map(|(_, v)| ("fill".into(), v.clone()))
        .collect()
}
