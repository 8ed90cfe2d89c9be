//! The `shape:` names accepted in `id@{ shape: … }`, with their aliases.

use crate::ast::NodeShape;
use crate::text::edit_distance;

/// `(name, shape)` for every accepted name: canonical short names first, then aliases.
const SHAPE_NAMES: &[(&str, NodeShape)] = &[
    ("rect", NodeShape::Rect),
    ("proc", NodeShape::Rect),
    ("process", NodeShape::Rect),
    ("rectangle", NodeShape::Rect),
    ("rounded", NodeShape::Rounded),
    ("event", NodeShape::Rounded),
    ("stadium", NodeShape::Stadium),
    ("terminal", NodeShape::Stadium),
    ("pill", NodeShape::Stadium),
    ("fr-rect", NodeShape::Subroutine),
    ("subprocess", NodeShape::Subroutine),
    ("subproc", NodeShape::Subroutine),
    ("framed-rectangle", NodeShape::Subroutine),
    ("subroutine", NodeShape::Subroutine),
    ("cyl", NodeShape::Cylinder),
    ("db", NodeShape::Cylinder),
    ("database", NodeShape::Cylinder),
    ("cylinder", NodeShape::Cylinder),
    ("datastore", NodeShape::DataStore),
    ("data-store", NodeShape::DataStore),
    ("circle", NodeShape::Circle),
    ("circ", NodeShape::Circle),
    ("bang", NodeShape::Bang),
    ("cloud", NodeShape::Cloud),
    ("diam", NodeShape::Diamond),
    ("decision", NodeShape::Diamond),
    ("diamond", NodeShape::Diamond),
    ("question", NodeShape::Diamond),
    ("hex", NodeShape::Hexagon),
    ("hexagon", NodeShape::Hexagon),
    ("prepare", NodeShape::Hexagon),
    ("lean-r", NodeShape::LeanRight),
    ("lean-right", NodeShape::LeanRight),
    ("in-out", NodeShape::LeanRight),
    ("lean-l", NodeShape::LeanLeft),
    ("lean-left", NodeShape::LeanLeft),
    ("out-in", NodeShape::LeanLeft),
    ("trap-b", NodeShape::Trapezoid),
    ("priority", NodeShape::Trapezoid),
    ("trapezoid-bottom", NodeShape::Trapezoid),
    ("trapezoid", NodeShape::Trapezoid),
    ("trap-t", NodeShape::InvTrapezoid),
    ("manual", NodeShape::InvTrapezoid),
    ("trapezoid-top", NodeShape::InvTrapezoid),
    ("inv-trapezoid", NodeShape::InvTrapezoid),
    ("dbl-circ", NodeShape::DoubleCircle),
    ("double-circle", NodeShape::DoubleCircle),
    ("text", NodeShape::Text),
    ("notch-rect", NodeShape::NotchRect),
    ("card", NodeShape::NotchRect),
    ("notched-rectangle", NodeShape::NotchRect),
    ("lin-rect", NodeShape::LinedRect),
    ("lined-rectangle", NodeShape::LinedRect),
    ("lined-process", NodeShape::LinedRect),
    ("lin-proc", NodeShape::LinedRect),
    ("shaded-process", NodeShape::LinedRect),
    ("sm-circ", NodeShape::SmallCircle),
    ("start", NodeShape::SmallCircle),
    ("small-circle", NodeShape::SmallCircle),
    ("fr-circ", NodeShape::FramedCircle),
    ("stop", NodeShape::FramedCircle),
    ("framed-circle", NodeShape::FramedCircle),
    ("fork", NodeShape::Fork),
    ("join", NodeShape::Fork),
    ("hourglass", NodeShape::Hourglass),
    ("collate", NodeShape::Hourglass),
    ("brace", NodeShape::BraceLeft),
    ("comment", NodeShape::BraceLeft),
    ("brace-l", NodeShape::BraceLeft),
    ("brace-r", NodeShape::BraceRight),
    ("braces", NodeShape::Braces),
    ("bolt", NodeShape::Bolt),
    ("com-link", NodeShape::Bolt),
    ("lightning-bolt", NodeShape::Bolt),
    ("doc", NodeShape::Document),
    ("document", NodeShape::Document),
    ("delay", NodeShape::Delay),
    ("half-rounded-rectangle", NodeShape::Delay),
    ("h-cyl", NodeShape::HorizontalCylinder),
    ("das", NodeShape::HorizontalCylinder),
    ("horizontal-cylinder", NodeShape::HorizontalCylinder),
    ("lin-cyl", NodeShape::LinedCylinder),
    ("disk", NodeShape::LinedCylinder),
    ("lined-cylinder", NodeShape::LinedCylinder),
    ("curv-trap", NodeShape::CurvedTrapezoid),
    ("curved-trapezoid", NodeShape::CurvedTrapezoid),
    ("display", NodeShape::CurvedTrapezoid),
    ("div-rect", NodeShape::DividedRect),
    ("div-proc", NodeShape::DividedRect),
    ("divided-rectangle", NodeShape::DividedRect),
    ("divided-process", NodeShape::DividedRect),
    ("tri", NodeShape::Triangle),
    ("extract", NodeShape::Triangle),
    ("triangle", NodeShape::Triangle),
    ("win-pane", NodeShape::WindowPane),
    ("internal-storage", NodeShape::WindowPane),
    ("window-pane", NodeShape::WindowPane),
    ("f-circ", NodeShape::FilledCircle),
    ("junction", NodeShape::FilledCircle),
    ("filled-circle", NodeShape::FilledCircle),
    ("notch-pent", NodeShape::NotchedPentagon),
    ("loop-limit", NodeShape::NotchedPentagon),
    ("notched-pentagon", NodeShape::NotchedPentagon),
    ("flip-tri", NodeShape::FlippedTriangle),
    ("manual-file", NodeShape::FlippedTriangle),
    ("flipped-triangle", NodeShape::FlippedTriangle),
    ("sl-rect", NodeShape::SlopedRect),
    ("manual-input", NodeShape::SlopedRect),
    ("sloped-rectangle", NodeShape::SlopedRect),
    ("docs", NodeShape::MultiDocument),
    ("documents", NodeShape::MultiDocument),
    ("st-doc", NodeShape::MultiDocument),
    ("stacked-document", NodeShape::MultiDocument),
    ("st-rect", NodeShape::MultiRect),
    ("procs", NodeShape::MultiRect),
    ("processes", NodeShape::MultiRect),
    ("stacked-rectangle", NodeShape::MultiRect),
    ("bow-rect", NodeShape::BowTieRect),
    ("stored-data", NodeShape::BowTieRect),
    ("bow-tie-rectangle", NodeShape::BowTieRect),
    ("cross-circ", NodeShape::CrossedCircle),
    ("summary", NodeShape::CrossedCircle),
    ("crossed-circle", NodeShape::CrossedCircle),
    ("tag-doc", NodeShape::TaggedDocument),
    ("tagged-document", NodeShape::TaggedDocument),
    ("tag-rect", NodeShape::TaggedRect),
    ("tagged-rectangle", NodeShape::TaggedRect),
    ("tag-proc", NodeShape::TaggedRect),
    ("tagged-process", NodeShape::TaggedRect),
    ("flag", NodeShape::FlagRect),
    ("paper-tape", NodeShape::FlagRect),
    ("odd", NodeShape::Asymmetric),
    ("lin-doc", NodeShape::LinedDocument),
    ("lined-document", NodeShape::LinedDocument),
    ("state", NodeShape::State),
    ("choice", NodeShape::Choice),
    ("note", NodeShape::Note),
    ("icon", NodeShape::Icon),
    ("anchor", NodeShape::Anchor),
];

/// The shape for a `shape:` name, exactly as Mermaid accepts it (lowercase, no `_`).
pub(crate) fn shape_by_name(name: &str) -> Option<NodeShape> {
    SHAPE_NAMES.iter().find(|(n, _)| *n == name).map(|&(_, s)| s)
}

/// The accepted name closest to `name`, for a "did you mean" hint.
pub(crate) fn nearest_shape_name(name: &str) -> &'static str {
    let lower = name.to_ascii_lowercase().replace('_', "-");
    SHAPE_NAMES
        .iter()
        .map(|(n, _)| (edit_distance(&lower, n), *n))
        .min_by_key(|&(d, _)| d)
        .map_or("rect", |(_, n)| n)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert_eq!(shape_by_name("cyl"), Some(NodeShape::Cylinder));
        assert_eq!(shape_by_name("paper-tape"), Some(NodeShape::FlagRect));
        assert_eq!(shape_by_name("Rect"), None);
        assert_eq!(shape_by_name("rect_left_inv_arrow"), None);
        assert_eq!(nearest_shape_name("cylinderr"), "cylinder");
        assert_eq!(nearest_shape_name("Diamond"), "diamond");
    }

    #[test]
    fn no_duplicate_names() {
        let mut names: Vec<&str> = SHAPE_NAMES.iter().map(|(n, _)| *n).collect();
        names.sort_unstable();
        let before = names.len();
        names.dedup();
        assert_eq!(before, names.len());
    }
}
