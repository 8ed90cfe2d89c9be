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
    /// The page colour the theme is designed for (painted only when the user asks for a background).
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

/// The `themeVariables` other colours derive from; applied before the specific ones.
const BASE_VARIABLES: &[&str] = &[
    "primaryColor",
    "mainBkg",
    "primaryBorderColor",
    "nodeBorder",
    "primaryTextColor",
    "textColor",
    "nodeTextColor",
    "lineColor",
    "defaultLinkColor",
];

/// The theme names Mermaid knows.
pub const THEME_NAMES: &[&str] = &["default", "dark", "forest", "neutral", "base"];

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

impl Theme {
    /// One of Mermaid's five themes by name (`default`, `dark`, `forest`, `neutral`, `base`), or `None`.
    pub fn named(name: &str) -> Option<Theme> {
        let base = Theme::default();
        let theme = match name.trim().to_ascii_lowercase().as_str() {
            "default" => base,
            "dark" => Theme {
                text_color: "#ccc".into(),
                node_fill: "#1f2020".into(),
                node_stroke: "#cccccc".into(),
                edge_color: "lightgrey".into(),
                edge_label_background: "hsl(0, 0%, 34.4%)".into(),
                cluster_fill: "hsl(180, 1.6%, 28.4%)".into(),
                cluster_stroke: "rgba(255, 255, 255, 0.25)".into(),
                background: Some("#333".into()),
                // er (entity boxes follow mainBkg/nodeBorder, rows lighten the page colour)
                er_entity_fill: "#1f2020".into(),
                er_entity_stroke: "#cccccc".into(),
                er_row_odd_fill: "hsl(0, 0%, 32%)".into(),
                er_row_even_fill: "hsl(0, 0%, 22%)".into(),
                er_relationship_color: "lightgrey".into(),
                er_label_background: "rgba(32, 31, 31, 0.7)".into(),
                // sequence
                actor_fill: "#1f2020".into(),
                actor_stroke: "#81B1DB".into(),
                actor_text: "lightgrey".into(),
                lifeline_color: "lightgrey".into(),
                signal_color: "lightgrey".into(),
                signal_text: "lightgrey".into(),
                label_box_fill: "#1f2020".into(),
                label_box_stroke: "#81B1DB".into(),
                label_text: "lightgrey".into(),
                loop_line: "#81B1DB".into(),
                note_fill: "hsl(180, 1.6%, 28.4%)".into(),
                note_stroke: "hsl(180, 0%, 18.4%)".into(),
                note_text: "#b8b6b6".into(),
                activation_fill: "hsl(180, 1.6%, 28.4%)".into(),
                activation_stroke: "#81B1DB".into(),
                sequence_number_fill: "lightgrey".into(),
                sequence_number_text: "black".into(),
                ..base
            },
            "forest" => Theme {
                text_color: "#000000".into(),
                node_fill: "#cde498".into(),
                node_stroke: "#13540c".into(),
                edge_color: "green".into(),
                edge_label_background: "#e8e8e8".into(),
                cluster_fill: "#cdffb2".into(),
                cluster_stroke: "#6eaa49".into(),
                er_entity_fill: "#cde498".into(),
                er_entity_stroke: "#13540c".into(),
                er_row_odd_fill: "#ffffff".into(),
                er_row_even_fill: "#f2f2f2".into(),
                er_relationship_color: "green".into(),
                er_label_background: "rgba(221, 236, 187, 0.7)".into(),
                actor_fill: "#cde498".into(),
                actor_stroke: "hsl(78.2, 58.5%, 54.5%)".into(),
                actor_text: "black".into(),
                lifeline_color: "grey".into(),
                signal_color: "#333".into(),
                signal_text: "#333".into(),
                label_box_fill: "#cde498".into(),
                label_box_stroke: "#326932".into(),
                label_text: "black".into(),
                loop_line: "#326932".into(),
                note_stroke: "#6eaa49".into(),
                note_text: "black".into(),
                sequence_number_fill: "#333".into(),
                sequence_number_text: "white".into(),
                ..base
            },
            "neutral" => Theme {
                text_color: "#000000".into(),
                node_fill: "#eee".into(),
                node_stroke: "#999".into(),
                edge_color: "#666".into(),
                edge_label_background: "white".into(),
                cluster_fill: "hsl(0, 0%, 98.9%)".into(),
                cluster_stroke: "#707070".into(),
                er_entity_fill: "#eee".into(),
                er_entity_stroke: "#999".into(),
                er_row_odd_fill: "#ffffff".into(),
                er_row_even_fill: "#f2f2f2".into(),
                er_relationship_color: "#666".into(),
                er_label_background: "rgba(238, 238, 238, 0.7)".into(),
                actor_fill: "#eee".into(),
                actor_stroke: "hsl(0, 0%, 83%)".into(),
                actor_text: "#333".into(),
                lifeline_color: "#666".into(),
                signal_color: "#333".into(),
                signal_text: "#333".into(),
                label_box_fill: "#eee".into(),
                label_box_stroke: "hsl(0, 0%, 83%)".into(),
                label_text: "#333".into(),
                loop_line: "hsl(0, 0%, 83%)".into(),
                note_fill: "#666".into(),
                note_stroke: "#999".into(),
                note_text: "#fff".into(),
                sequence_number_fill: "#333".into(),
                sequence_number_text: "white".into(),
                ..base
            },
            "base" => Theme {
                text_color: "#333".into(),
                node_fill: "#fff4dd".into(),
                node_stroke: "hsl(40.6, 60%, 83.3%)".into(),
                edge_color: "#0b0b0b".into(),
                edge_label_background: "hsl(280.6, 100%, 93.3%)".into(),
                cluster_fill: "hsl(220.6, 100%, 98.3%)".into(),
                cluster_stroke: "hsl(220.6, 60%, 88.3%)".into(),
                er_entity_fill: "#fff4dd".into(),
                er_entity_stroke: "hsl(40.6, 60%, 83.3%)".into(),
                er_row_odd_fill: "#ffffff".into(),
                er_row_even_fill: "#f2f2f2".into(),
                er_relationship_color: "#0b0b0b".into(),
                er_label_background: "rgba(243, 221, 255, 0.7)".into(),
                actor_fill: "#fff4dd".into(),
                actor_stroke: "hsl(40.6, 60%, 83.3%)".into(),
                actor_text: "#333".into(),
                lifeline_color: "hsl(40.6, 60%, 83.3%)".into(),
                signal_color: "#333".into(),
                signal_text: "#333".into(),
                label_box_fill: "#fff4dd".into(),
                label_box_stroke: "hsl(40.6, 60%, 83.3%)".into(),
                label_text: "#333".into(),
                loop_line: "hsl(40.6, 60%, 83.3%)".into(),
                note_fill: "#fff5ad".into(),
                note_stroke: "hsl(52.6, 100%, 73.9%)".into(),
                note_text: "#333".into(),
                activation_fill: "hsl(40.6, 100%, 96.3%)".into(),
                activation_stroke: "hsl(40.6, 60%, 83.3%)".into(),
                sequence_number_fill: "#333".into(),
                sequence_number_text: "white".into(),
                ..base
            },
            _ => return None,
        };
        Some(theme)
    }

    /// Apply Mermaid `themeVariables` the way Mermaid does: the base colours first (they also colour the
    /// sequence and ER elements derived from them), then the specific variables, whatever order they come in.
    pub fn set_variables<'a>(&mut self, vars: impl IntoIterator<Item = (&'a str, &'a str)>) {
        let vars: Vec<(&str, &str)> = vars.into_iter().collect();
        for (k, v) in vars.iter().filter(|(k, _)| BASE_VARIABLES.contains(k)) {
            self.set_variable(k, v);
        }
        for (k, v) in vars.iter().filter(|(k, _)| !BASE_VARIABLES.contains(k)) {
            self.set_variable(k, v);
        }
    }

    /// Apply one Mermaid `themeVariables` entry. Returns false for variables this renderer does not use.
    pub fn set_variable(&mut self, name: &str, value: &str) -> bool {
        let value = value.trim().to_string();
        match name {
            "primaryColor" | "mainBkg" => {
                self.er_entity_fill = value.clone();
                self.actor_fill = value.clone();
                self.label_box_fill = value.clone();
                self.node_fill = value;
            }
            "primaryBorderColor" | "nodeBorder" => {
                self.er_entity_stroke = value.clone();
                self.actor_stroke = value.clone();
                self.label_box_stroke = value.clone();
                self.loop_line = value.clone();
                self.node_stroke = value;
            }
            "primaryTextColor" | "textColor" | "nodeTextColor" => {
                self.actor_text = value.clone();
                self.signal_text = value.clone();
                self.label_text = value.clone();
                self.text_color = value;
            }
            "lineColor" | "defaultLinkColor" => {
                self.signal_color = value.clone();
                self.er_relationship_color = value.clone();
                self.edge_color = value;
            }
            "edgeLabelBackground" => self.edge_label_background = value,
            // sequence
            "actorBkg" => self.actor_fill = value,
            "actorBorder" => self.actor_stroke = value,
            "actorTextColor" => self.actor_text = value,
            "actorLineColor" => self.lifeline_color = value,
            "signalColor" => self.signal_color = value,
            "signalTextColor" => self.signal_text = value,
            "labelBoxBkgColor" => self.label_box_fill = value,
            "labelBoxBorderColor" => {
                self.loop_line = value.clone();
                self.label_box_stroke = value;
            }
            "labelTextColor" => self.label_text = value,
            "noteBkgColor" => self.note_fill = value,
            "noteBorderColor" => self.note_stroke = value,
            "noteTextColor" => self.note_text = value,
            "activationBkgColor" => self.activation_fill = value,
            "activationBorderColor" => self.activation_stroke = value,
            "sequenceNumberColor" => self.sequence_number_text = value,
            // er
            "attributeBackgroundColorOdd" => self.er_row_odd_fill = value,
            "attributeBackgroundColorEven" => self.er_row_even_fill = value,
            "tertiaryColor" => self.er_label_background = value,
            "clusterBkg" | "secondaryColor" => self.cluster_fill = value,
            "clusterBorder" | "secondaryBorderColor" => self.cluster_stroke = value,
            "background" => self.background = Some(value),
            "fontSize" => match value.trim_end_matches("px").trim().parse::<f64>() {
                Ok(size) if size > 0.0 && size <= 200.0 => self.font_size = size,
                _ => return false,
            },
            _ => return false,
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_theme_name_resolves() {
        for name in THEME_NAMES {
            assert!(Theme::named(name).is_some(), "{name}");
        }
        assert!(Theme::named("Dark").is_some());
        assert!(Theme::named("solarized").is_none());
        assert_ne!(Theme::named("dark"), Theme::named("default"));
    }

    #[test]
    fn variables_override() {
        let mut t = Theme::default();
        assert!(t.set_variable("primaryColor", "#ff0000"));
        assert_eq!(t.node_fill, "#ff0000");
        assert!(t.set_variable("fontSize", "20px"));
        assert_eq!(t.font_size, 20.0);
        assert!(!t.set_variable("fontSize", "huge"));
        assert!(!t.set_variable("unknownThing", "1"));
    }

    #[test]
    fn every_theme_colours_sequence_and_er() {
        let default = Theme::default();
        for name in &THEME_NAMES[1..] {
            let t = Theme::named(name).unwrap();
            assert_ne!(t.actor_fill, default.actor_fill, "{name}: sequence actors");
            assert_ne!(t.er_entity_fill, default.er_entity_fill, "{name}: ER entities");
        }
    }

    #[test]
    fn specific_variables_beat_base_ones_in_any_order() {
        let mut t = Theme::default();
        t.set_variables([("actorBkg", "#00ff00"), ("primaryColor", "#ff0000")]);
        assert_eq!(t.node_fill, "#ff0000");
        assert_eq!(t.er_entity_fill, "#ff0000");
        assert_eq!(t.actor_fill, "#00ff00");
    }
}
