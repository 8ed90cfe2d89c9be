//! Drawing a flowchart's subgraphs (outermost first) and nodes (shape, details, label, link).

use super::*;
use crate::style::safe_url;
use mermaid_parser::{ClickAction, Node};

/// A drawn node, as the edges need it: its box and the outline they end on.
pub(super) struct PlacedNode {
    pub rect: Rect,
    pub hull: Vec<Point>,
}

/// Every subgraph's box and title, outermost first so nested ones are drawn on top.
pub(super) fn draw_clusters(scene: &mut Scene, ctx: &Ctx<'_>) {
    let theme = &ctx.config.theme;
    let pad = ctx.config.diagram_padding;
    let mut cluster_items = Vec::new();
    let mut cluster_order: Vec<usize> = (0..ctx.chart.subgraphs.len()).collect();
    cluster_order.sort_by_key(|&i| depth(ctx.chart, i));
    for si in cluster_order {
        let sg = &ctx.chart.subgraphs[si];
        let Some(r) = ctx.placement.clusters[si].as_ref() else {
            continue;
        };
        let rect = Rect {
            x: r.x + pad,
            y: r.y + pad,
            ..*r
        };
        let title = &ctx.measured.cluster_titles[si];
        let title_box = Rect {
            x: rect.center().x - title.width / 2.0,
            y: rect.y + 4.0,
            width: title.width,
            height: title.height,
        };
        let mut extra = ctx.class_styles(&sg.classes);
        extra.extend(css_declarations(&sg.styles));
        let mut title_text = title.block(title_box, theme);
        title_text.extra_css = text_color_css(&extra);
        let style = Style {
            fill: Some(theme.cluster_fill.clone()),
            stroke: Some(theme.cluster_stroke.clone()),
            stroke_width: 1.0,
            extra_css: extra,
            ..Default::default()
        };
        cluster_items.push(Item::Group {
            class: "cluster".into(),
            id: Some(sg.id.clone()),
            items: vec![
                Item::Shape {
                    geometry: ShapeGeometry::Rect { rect, rx: 0.0 },
                    style,
                },
                Item::Text(title_text),
            ],
        });
        scene.geometry.clusters.push(ClusterGeometry {
            id: sg.id.clone(),
            label: title.plain(),
            rect,
            label_box: Some(title_box),
        });
    }
    scene.items.extend(cluster_items);
}

/// Every node, in ctx.chart order: the drawn items and, for the edges, where each one went.
pub(super) fn draw_nodes(scene: &mut Scene, ctx: &Ctx<'_>) -> (Vec<PlacedNode>, Vec<Item>) {
    let mut placed = Vec::with_capacity(ctx.chart.nodes.len());
    let mut node_items = Vec::with_capacity(ctx.chart.nodes.len());
    for (ni, node) in ctx.chart.nodes.iter().enumerate() {
        let (item, geometry, place) = draw_node(ctx, ni, node);
        node_items.push(item);
        scene.geometry.nodes.push(geometry);
        placed.push(place);
    }
    (placed, node_items)
}

fn draw_node(ctx: &Ctx<'_>, ni: usize, node: &Node) -> (Item, NodeGeometry, PlacedNode) {
    let theme = &ctx.config.theme;
    let center = ctx.shift(ctx.placement.nodes[ni]);
    let (w, h) = ctx.measured.sizes[ni];
    let outline = shapes::outline(node.shape, center, w, h);
    let label_box = shapes::label_box(
        node.shape,
        center,
        w,
        ctx.measured.labels[ni].width,
        ctx.measured.labels[ni].height,
    );
    let mut extra = ctx.class_styles(&node.classes);
    extra.extend(css_declarations(&node.styles));
    let style = Style {
        fill: Some(theme.node_fill.clone()),
        stroke: Some(theme.node_stroke.clone()),
        stroke_width: 1.0,
        extra_css: extra.clone(),
        ..Default::default()
    };
    let main_style = match outline.paint {
        shapes::Paint::Normal => style.clone(),
        shapes::Paint::FillOnly => Style {
            stroke: None,
            ..style.clone()
        },
        shapes::Paint::Invisible => Style {
            fill: Some("none".into()),
            stroke: None,
            ..style.clone()
        },
        shapes::Paint::Solid => Style {
            fill: Some(theme.edge_color.clone()),
            stroke: Some(theme.edge_color.clone()),
            ..style.clone()
        },
        shapes::Paint::Note => Style {
            fill: Some(theme.note_fill.clone()),
            stroke: Some(theme.note_stroke.clone()),
            ..style.clone()
        },
    };
    let mut items = vec![Item::Shape {
        geometry: outline.main,
        style: main_style,
    }];
    for detail in outline.details {
        items.push(Item::Shape {
            geometry: detail,
            style: Style {
                fill: Some("none".into()),
                ..style.clone()
            },
        });
    }
    let mut text = ctx.measured.labels[ni].block(label_box, theme);
    text.extra_css = text_color_css(&extra);
    if shapes::shows_label(node.shape) {
        items.push(Item::Text(text));
    }
    let group = Item::Group {
        class: "node".into(),
        id: Some(node.id.clone()),
        items,
    };
    // `click` links become real links; callbacks are never rendered (no script in our output).
    let link = ctx
        .chart
        .clicks
        .iter()
        .rev()
        .find(|c| c.node == node.id)
        .and_then(|c| match &c.action {
            ClickAction::Link { url, .. } => safe_url(url).map(|href| (href, c.tooltip.clone())),
            ClickAction::Callback { .. } => None,
        });
    let item = Item::linked(group, link);
    let rect = Rect {
        x: center.x - w / 2.0,
        y: center.y - h / 2.0,
        width: w,
        height: h,
    };
    let geometry = NodeGeometry {
        id: node.id.clone(),
        label: if shapes::shows_label(node.shape) {
            ctx.measured.labels[ni].plain()
        } else {
            String::new()
        },
        rect,
        shape: shapes::shape_name(node.shape),
        label_box,
        outline: outline.hull.clone(),
    };
    let place = PlacedNode {
        rect,
        hull: outline.hull,
    };
    (item, geometry, place)
}
