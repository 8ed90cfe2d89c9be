//! Layout settings that come from Mermaid configuration (`%%{init}%%`, front matter, a config file), already
//! resolved into typed values by the caller.

use crate::theme::Theme;

/// How edges are drawn between their route points.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Curve {
    /// A smooth B-spline that follows the route (mermaid's default, `basis`).
    #[default]
    Basis,
    /// Straight segments (`linear`).
    Linear,
    /// Horizontal then vertical steps (`step`, `stepBefore`, `stepAfter`).
    Step,
    /// A smooth curve through every route point (`cardinal`, `catmullRom`, `natural`, `monotoneX`, …).
    Through,
}

impl Curve {
    /// Parse a d3 curve name as Mermaid accepts them; unknown names give `None`.
    pub fn from_name(name: &str) -> Option<Curve> {
        Some(match name.trim() {
            "basis" => Curve::Basis,
            "linear" => Curve::Linear,
            "step" | "stepBefore" | "stepAfter" => Curve::Step,
            "cardinal" | "catmullRom" | "natural" | "monotoneX" | "monotoneY" | "bumpX" | "bumpY" => Curve::Through,
            _ => return None,
        })
    }
}

/// Everything layout needs besides the diagram.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    pub theme: Theme,
    /// Gap between neighbouring nodes in a rank (`flowchart.nodeSpacing`).
    pub node_spacing: f64,
    /// Gap between ranks (`flowchart.rankSpacing`).
    pub rank_spacing: f64,
    /// Margin around the drawing (`flowchart.diagramPadding`).
    pub diagram_padding: f64,
    /// Room between a subgraph's (or composite state's) border and its contents. 8 for flowcharts; state
    /// diagrams set their own, roomier one.
    pub cluster_padding: f64,
    /// Width at which markdown labels wrap (`flowchart.wrappingWidth`).
    pub wrapping_width: f64,
    /// Edge drawing (`flowchart.curve`).
    pub curve: Curve,
    /// Diagram title from front matter, drawn above the diagram.
    pub title: Option<String>,
    /// Sequence diagrams: repeat the participants below the lifelines (`sequence.mirrorActors`).
    pub mirror_actors: bool,
    /// Sequence diagrams: wrap message and note text unless it says `nowrap:` (`sequence.wrap`).
    pub sequence_wrap: bool,
    /// Class diagrams: a class without members is drawn as its name alone (`class.hideEmptyMembersBox`).
    pub class_hide_empty_members: bool,
    /// Class diagrams: dotted namespace names nest (`class.hierarchicalNamespaces`); when off, only the
    /// namespaces written as blocks are drawn, side by side, with their full names.
    pub class_hierarchical_namespaces: bool,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            theme: Theme::default(),
            node_spacing: 50.0,
            rank_spacing: 50.0,
            diagram_padding: 8.0,
            cluster_padding: 8.0,
            wrapping_width: 200.0,
            curve: Curve::Basis,
            title: None,
            mirror_actors: true,
            sequence_wrap: false,
            class_hide_empty_members: false,
            class_hierarchical_namespaces: true,
        }
    }
}
