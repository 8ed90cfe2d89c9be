//! Subgraphs with nothing inside. mermaid.js draws such a subgraph as a plain rectangular node titled like the
//! subgraph, and edges naming it end on that node; here the chart is rewritten to say exactly that before
//! anything is measured, so the rest of the layout never meets an empty subgraph.

use mermaid_parser::{Flowchart, Label, LabelKind, Node, NodeShape, Subgraph};

/// The chart with every empty subgraph turned into a node of its parent, or `None` when there is none.
pub(super) fn as_nodes(chart: &Flowchart) -> Option<Flowchart> {
    let is_empty =
        |s: &Subgraph| s.nodes.is_empty() && s.children.is_empty() && !chart.nodes.iter().any(|n| n.id == s.id);
    if !chart.subgraphs.iter().any(is_empty) {
        return None;
    }
    let mut out = chart.clone();
    // New index of each subgraph that stays a subgraph.
    let mut kept = Vec::with_capacity(chart.subgraphs.len());
    let mut next = 0;
    for s in &chart.subgraphs {
        kept.push((!is_empty(s)).then(|| {
            next += 1;
            next - 1
        }));
    }
    let mut subgraphs = Vec::with_capacity(next);
    for (si, s) in chart.subgraphs.iter().enumerate() {
        if kept[si].is_none() {
            out.nodes.push(node_for(s));
            continue;
        }
        let mut s = s.clone();
        for &child in &chart.subgraphs[si].children {
            if kept[child].is_none() {
                s.nodes.push(chart.subgraphs[child].id.clone());
            }
        }
        s.children = s.children.iter().filter_map(|&c| kept[c]).collect();
        s.parent = s.parent.and_then(|p| kept[p]);
        subgraphs.push(s);
    }
    out.subgraphs = subgraphs;
    Some(out)
}

fn node_for(s: &Subgraph) -> Node {
    let label = s.title.clone().unwrap_or_else(|| Label {
        text: s.id.clone(),
        kind: LabelKind::Plain,
        span: s.span,
    });
    Node {
        id: s.id.clone(),
        label: Some(label),
        shape: NodeShape::Rect,
        classes: s.classes.clone(),
        styles: s.styles.clone(),
        shape_data: Vec::new(),
        span: s.span,
    }
}
