//! The boundary to the layered engine: its points and rectangles are its own types (the engine knows nothing of
//! the scene), so what it returns is converted here before it reaches a scene.

use crate::scene::{Point, Rect};

pub(crate) use mermaid_layered::{
    layout, ClusterSpec, EdgeRoute, EdgeSpec, LayeredInput, LayeredOutput, NodeSpec, RankDir, Spacing,
};

/// A point the engine placed, in scene coordinates.
pub(crate) fn point(p: mermaid_layered::Point) -> Point {
    Point { x: p.x, y: p.y }
}

/// A rectangle the engine placed, in scene coordinates.
pub(crate) fn rect(r: mermaid_layered::Rect) -> Rect {
    Rect {
        x: r.x,
        y: r.y,
        width: r.width,
        height: r.height,
    }
}

/// The engine's rank direction for a diagram's `direction`.
pub(crate) fn rank_dir(d: mermaid_parser::Direction) -> RankDir {
    use mermaid_parser::Direction;
    match d {
        Direction::TopBottom => RankDir::TopBottom,
        Direction::BottomTop => RankDir::BottomTop,
        Direction::LeftRight => RankDir::LeftRight,
        Direction::RightLeft => RankDir::RightLeft,
    }
}
