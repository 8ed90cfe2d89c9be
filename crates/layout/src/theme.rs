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
    // sequence
    pub actor_fill: String,
    pub actor_stroke: String,
    pub actor_text: String,
    pub lifeline_color: String,
    pub signal_color: String,
    pub signal_text: String,
    pub label_box_fill: String,
    pub label_box_stroke: String,
    pub label_text: String,
    pub loop_line: String,
    pub note_fill: String,
    pub note_stroke: String,
    pub note_text: String,
    pub activation_fill: String,
    pub activation_stroke: String,
    pub sequence_number_fill: String,
    pub sequence_number_text: String,
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
            // sequence
            actor_fill: "#ECECFF".into(),
            actor_stroke: "#9370DB".into(),
            actor_text: "black".into(),
            lifeline_color: "#9370DB".into(),
            signal_color: "#333".into(),
            signal_text: "#333".into(),
            label_box_fill: "#ECECFF".into(),
            label_box_stroke: "#9370DB".into(),
            label_text: "black".into(),
            loop_line: "#9370DB".into(),
            note_fill: "#fff5ad".into(),
            note_stroke: "#aaaa33".into(),
            note_text: "black".into(),
            activation_fill: "#f4f4f4".into(),
            activation_stroke: "#666".into(),
            sequence_number_fill: "#333".into(),
            sequence_number_text: "white".into(),
        }
    }
}
