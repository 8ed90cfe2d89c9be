//! Edge-label space: make room for every label to get a rank of its own.
//!
//! Every `min_len` is doubled and `rank_sep` halved, so an edge of length 1 spans two internal ranks and its
//! middle rank can hold a label node (created by normalization) as big as the label. Visible spacing is
//! unchanged: two half gaps around an empty middle rank add up to one `rank_sep`. Clusters use the same half
//! ranks for their title rows, so the doubling also applies when there are clusters.

use super::graph::LayeredGraph;

pub(crate) fn make_space(g: &mut LayeredGraph) {
    let needed = !g.clusters.is_empty() || g.edges.iter().any(|e| e.label.is_some());
    if !needed {
        return;
    }
    g.rank_scale = 2;
    g.rank_sep /= 2.0;
    for e in &mut g.edges {
        e.min_len *= 2;
    }
}
