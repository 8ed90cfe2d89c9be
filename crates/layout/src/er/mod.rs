//! Entity–relationship diagram layout: entities as tables, relationships through the layered engine.
//!
//! Every entity is a table sized from its measured text: a header row with the entity's name, then one row per
//! attribute with type, name, keys and comment columns (a column only when some attribute fills it). The tables
//! are boxes for the layered engine and relationship labels are edge labels, so the engine keeps tables apart
//! and labels clear. Routes are clipped to the table borders like flowchart edges, then shortened by the
//! length of their cardinality markers, which are drawn along the line and end exactly on the border.
//!
//! The steps: size the tables ([`tables`]), lay them out with the relationship labels, draw the tables, then
//! attach and draw the relationships ([`relationships`]).

mod relationships;
mod tables;

use crate::engine::{self, EdgeSpec, LayeredInput, NodeSpec, Spacing};
use crate::scene::*;
use crate::text::{lay_out_label, lay_out_wrapped, LaidText, EDGE_LABEL_WIDTH};
use crate::theme::Theme;
use mermaid_parser::{ErDiagram, Label};
use std::collections::HashMap;
pub(crate) use tables::generic_type;
use tables::{rich, Table};

/// Margin around the drawing, as mermaid's.
const DIAGRAM_PADDING: f64 = 8.0;

pub(crate) fn lay_out(diagram: &ErDiagram, theme: &Theme) -> Scene {
    let tables: Vec<Table> = diagram.entities.iter().map(|e| tables::size_table(e, theme)).collect();
    let label_theme = Theme {
        font_size: theme.er_label_font_size,
        ..theme.clone()
    };
    let labels = relationship_labels(diagram, &label_theme);
    let ends = relationship_ends(diagram);
    let out = engine::layout(&engine_input(diagram, &tables, &labels, &ends));
    let mut scene = Scene {
        kind: "er",
        width: out.width + 2.0 * DIAGRAM_PADDING,
        height: out.height + 2.0 * DIAGRAM_PADDING,
        acc_title: diagram.meta.acc_title.clone(),
        acc_descr: diagram.meta.acc_descr.clone(),
        ..Default::default()
    };
    let (rects, node_items) = tables::draw_entities(&mut scene, diagram, &tables, &out, theme);
    let drawn = relationships::Drawn {
        ends: &ends,
        rects: &rects,
        labels: &labels,
        label_theme: &label_theme,
    };
    let (edge_items, label_items) = relationships::draw(&mut scene, diagram, &out, &drawn, theme);
    scene.items.extend(edge_items);
    scene.items.extend(node_items);
    scene.items.extend(label_items);
    scene
}

/// A point the engine placed, inside the drawing's margin.
fn shift(p: Point) -> Point {
    Point {
        x: p.x + DIAGRAM_PADDING,
        y: p.y + DIAGRAM_PADDING,
    }
}

/// Each relationship's label, laid out (`None` for an empty one).
fn relationship_labels(diagram: &ErDiagram, label_theme: &Theme) -> Vec<Option<LaidText>> {
    diagram
        .relationships
        .iter()
        .map(|r| {
            (!r.label.text.trim().is_empty()).then(|| {
                lay_out_wrapped(
                    &Label {
                        kind: rich(&r.label.text).kind,
                        ..r.label.clone()
                    },
                    label_theme,
                    EDGE_LABEL_WIDTH,
                )
            })
        })
        .collect()
}

/// Each relationship's (from, to) entity indexes.
fn relationship_ends(diagram: &ErDiagram) -> Vec<(usize, usize)> {
    let index: HashMap<&str, usize> = diagram
        .entities
        .iter()
        .enumerate()
        .map(|(i, e)| (e.name.as_str(), i))
        .collect();
    diagram
        .relationships
        .iter()
        .map(|r| {
            (
                index.get(r.from.as_str()).copied().unwrap_or(0),
                index.get(r.to.as_str()).copied().unwrap_or(0),
            )
        })
        .collect()
}

/// The engine's input: a box per table, an edge (with its label's size) per relationship.
fn engine_input(
    diagram: &ErDiagram,
    tables: &[Table],
    labels: &[Option<LaidText>],
    ends: &[(usize, usize)],
) -> LayeredInput {
    LayeredInput {
        direction: engine::rank_dir(diagram.direction),
        nodes: tables
            .iter()
            .map(|t| NodeSpec {
                width: t.width,
                height: t.height,
                cluster: None,
            })
            .collect(),
        edges: ends
            .iter()
            .zip(labels)
            .map(|(&(from, to), label)| EdgeSpec {
                from,
                to,
                min_len: 1,
                label: label.as_ref().map(|l| (l.width, l.height)),
            })
            .collect(),
        clusters: vec![],
        // mermaid's ER spacing; wide edge separation leaves room for markers on self-loops.
        spacing: Spacing {
            node_sep: 140.0,
            rank_sep: 80.0,
            edge_sep: 44.0,
            ..Spacing::default()
        },
    }
}
