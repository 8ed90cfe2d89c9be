//! The engine graph of a class diagram: class boxes and notes as nodes, relations and note connectors as edges,
//! namespaces as clusters.

use super::boxes::ClassBox;
use crate::engine::{rank_dir, ClusterSpec, EdgeSpec, LayeredInput, NodeSpec, Spacing};
use crate::text::LaidText;
use mermaid_parser::ClassDiagram;
use std::collections::HashMap;

/// mermaid's spacing for class diagrams (read from `state.nodeSpacing` / `rankSpacing`, both 50).
const NODE_SEP: f64 = 50.0;
const RANK_SEP: f64 = 50.0;
/// Room between a namespace's border and its contents.
const CLUSTER_PADDING: f64 = 16.0;

/// The engine input and how its parts map back to the diagram.
pub(super) struct ClassGraph {
    pub input: LayeredInput,
    /// Per relation: the node indexes of its two ends.
    pub relation_ends: Vec<(usize, usize)>,
    /// Per note joined to a class: (note index, node index of the class).
    pub note_links: Vec<(usize, usize)>,
    /// Per namespace: its index among the engine's clusters, `None` when it holds nothing to draw around.
    pub cluster_of: Vec<Option<usize>>,
}

/// The node index of note `i`: notes follow the classes.
pub(super) fn note_node(diagram: &ClassDiagram, i: usize) -> usize {
    diagram.classes.len() + i
}

/// Which namespaces contain a class or a note, directly or (when they nest) through a nested namespace.
fn occupied_namespaces(diagram: &ClassDiagram, nested: bool) -> Vec<bool> {
    let mut occupied = vec![false; diagram.namespaces.len()];
    let homes = diagram
        .classes
        .iter()
        .map(|c| c.namespace)
        .chain(diagram.notes.iter().map(|n| n.namespace));
    for home in homes {
        let mut at = home;
        // Parents come before their children, so walking up always ends.
        while let Some(i) = at.filter(|&i| i < occupied.len() && !occupied[i]) {
            occupied[i] = true;
            at = diagram.namespaces[i].parent.filter(|&p| nested && p < i);
        }
    }
    occupied
}

/// The engine graph; `nested`: namespaces nest by their dotted names and blocks (`class.hierarchicalNamespaces`),
/// else each block is a cluster of its own.
pub(super) fn build(
    diagram: &ClassDiagram,
    boxes: &[ClassBox],
    notes: &[LaidText],
    titles: &[LaidText],
    nested: bool,
) -> ClassGraph {
    let occupied = occupied_namespaces(diagram, nested);
    let mut cluster_of = vec![None; diagram.namespaces.len()];
    let mut clusters = Vec::new();
    for (i, ns) in diagram.namespaces.iter().enumerate() {
        if !occupied[i] {
            continue;
        }
        cluster_of[i] = Some(clusters.len());
        clusters.push(ClusterSpec {
            parent: ns
                .parent
                .filter(|_| nested)
                .and_then(|p| cluster_of.get(p).copied().flatten()),
            title_width: titles[i].width,
            title_height: titles[i].height,
        });
    }
    let home = |ns: Option<usize>| ns.and_then(|i| cluster_of.get(i).copied().flatten());
    let mut nodes: Vec<NodeSpec> = diagram
        .classes
        .iter()
        .zip(boxes)
        .map(|(c, b)| NodeSpec {
            width: b.width,
            height: b.height,
            cluster: home(c.namespace),
        })
        .collect();
    nodes.extend(diagram.notes.iter().zip(notes).map(|(n, t)| NodeSpec {
        width: t.width + 2.0 * super::NOTE_PADDING,
        height: t.height + 2.0 * super::NOTE_PADDING,
        cluster: home(n.namespace),
    }));
    let index: HashMap<&str, usize> = diagram
        .classes
        .iter()
        .enumerate()
        .map(|(i, c)| (c.id.as_str(), i))
        .collect();
    let node_of = |id: &str| index.get(id).copied().unwrap_or(0);
    let relation_ends: Vec<(usize, usize)> = diagram
        .relations
        .iter()
        .map(|r| (node_of(&r.from), node_of(&r.to)))
        .collect();
    let note_links: Vec<(usize, usize)> = diagram
        .notes
        .iter()
        .enumerate()
        .filter_map(|(i, n)| Some((i, *index.get(n.class.as_deref()?)?)))
        .collect();
    let note_ends = note_links
        .iter()
        .map(|&(note, class)| (note_node(diagram, note), class));
    let edges: Vec<EdgeSpec> = relation_ends
        .iter()
        .copied()
        .chain(note_ends)
        .map(|(from, to)| EdgeSpec {
            from,
            to,
            min_len: 1,
            label: None,
        })
        .collect();
    ClassGraph {
        input: LayeredInput {
            direction: rank_dir(diagram.direction),
            nodes,
            edges,
            clusters,
            spacing: Spacing {
                node_sep: NODE_SEP,
                rank_sep: RANK_SEP,
                edge_sep: 20.0,
                cluster_padding: CLUSTER_PADDING,
            },
        },
        relation_ends,
        note_links,
        cluster_of,
    }
}
