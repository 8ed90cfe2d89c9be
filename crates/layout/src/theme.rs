//! Colours and sizes that give a diagram its look. Layout resolves every style from a [`Theme`] so that
//! backends only copy values.

/// The paint and font settings of one theme.
#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    pub font_size: f64,
    /// Line box height as a multiple of the font size (mermaid's labels use 1.5).
    pub line_height: f64,
    pub text_color: String,
    pub node_fill: String,
    pub node_stroke: String,
    pub edge_color: String,
    pub edge_label_background: String,
    pub cluster_fill: String,
    pub cluster_stroke: String,
    pub background: Option<String>,
    // er
    pub er_entity_fill: String,
    pub er_entity_stroke: String,
    /// Fill of attribute rows 1, 3, 5, …
    pub er_row_odd_fill: String,
    /// Fill of attribute rows 2, 4, 6, …
    pub er_row_even_fill: String,
    pub er_relationship_color: String,
    pub er_label_background: String,
    /// Font size of relationship labels (entity text uses `font_size`).
    pub er_label_font_size: f64,
}

impl Default for Theme {
    /// Mermaid's `default` theme.
    fn default() -> Self {
        Theme {
            font_size: 16.0,
            line_height: 1.5,
            text_color: "#333".into(),
            node_fill: "#ECECFF".into(),
            node_stroke: "#9370DB".into(),
            edge_color: "#333333".into(),
            edge_label_background: "rgba(232,232,232,0.8)".into(),
            cluster_fill: "#ffffde".into(),
            cluster_stroke: "#aaaa33".into(),
            background: None,
            // er
            er_entity_fill: "#ECECFF".into(),
            er_entity_stroke: "#9370DB".into(),
            er_row_odd_fill: "#ffffff".into(),
            er_row_even_fill: "#f1f1ff".into(),
            er_relationship_color: "#333333".into(),
            er_label_background: "rgba(248,255,236,0.85)".into(),
            er_label_font_size: 14.0,
        }
    }
}
