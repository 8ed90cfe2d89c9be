use super::*;
use mermaid_parser::NodeShape;

/// Every shape there is.
const ALL: &[NodeShape] = {
    use NodeShape::*;
    &[
        Rect,
        Rounded,
        Stadium,
        Subroutine,
        Cylinder,
        Circle,
        DoubleCircle,
        Asymmetric,
        Diamond,
        Hexagon,
        LeanRight,
        LeanLeft,
        Trapezoid,
        InvTrapezoid,
        Ellipse,
        DataStore,
        Bang,
        Cloud,
        Text,
        NotchRect,
        LinedRect,
        SmallCircle,
        FramedCircle,
        Fork,
        Hourglass,
        BraceLeft,
        BraceRight,
        Braces,
        Bolt,
        Document,
        Delay,
        HorizontalCylinder,
        LinedCylinder,
        CurvedTrapezoid,
        DividedRect,
        Triangle,
        WindowPane,
        FilledCircle,
        LinedDocument,
        NotchedPentagon,
        FlippedTriangle,
        SlopedRect,
        MultiDocument,
        MultiRect,
        FlagRect,
        CrossedCircle,
        Icon,
        Image,
        BowTieRect,
        TaggedDocument,
        TaggedRect,
        State,
        Choice,
        Note,
        Anchor,
    ]
};

/// Label sizes to try: one line, a short word, a wide line, three lines, nothing.
const LABELS: &[(f64, f64)] = &[(80.0, 24.0), (20.0, 24.0), (240.0, 24.0), (60.0, 72.0), (0.0, 0.0)];

fn exhaustive(shape: NodeShape) -> NodeShape {
    // A compile-time reminder: a new variant must be added to `ALL`.
    use NodeShape::*;
    match shape {
        Rect | Rounded | Stadium | Subroutine | Cylinder | Circle | DoubleCircle | Asymmetric | Diamond | Hexagon
        | LeanRight | LeanLeft | Trapezoid | InvTrapezoid | Ellipse | DataStore | Bang | Cloud | Text | NotchRect
        | LinedRect | SmallCircle | FramedCircle | Fork | Hourglass | BraceLeft | BraceRight | Braces | Bolt
        | Document | Delay | HorizontalCylinder | LinedCylinder | CurvedTrapezoid | DividedRect | Triangle
        | WindowPane | FilledCircle | LinedDocument | NotchedPentagon | FlippedTriangle | SlopedRect
        | MultiDocument | MultiRect | FlagRect | CrossedCircle | Icon | Image | BowTieRect | TaggedDocument
        | TaggedRect | State | Choice | Note | Anchor => shape,
    }
}

#[test]
fn every_shape_is_listed_once() {
    for (i, s) in ALL.iter().enumerate() {
        assert_eq!(exhaustive(*s), *s);
        assert!(!ALL[..i].contains(s), "{s:?} listed twice");
    }
    assert_eq!(ALL.len(), 55);
}

#[test]
fn every_shape_is_drawn_by_exactly_one_group() {
    let c = pt(0.0, 0.0);
    for &s in ALL {
        let groups = [
            boxed_outline(s, c, 80.0, 40.0).is_some(),
            polygon_outline(s, c, 80.0, 40.0).is_some(),
            curved_outline(s, c, 80.0, 40.0).is_some(),
        ];
        assert_eq!(groups.iter().filter(|&&g| g).count(), 1, "{s:?}: {groups:?}");
    }
}

#[test]
fn clipping_lands_on_the_outline() {
    let c = pt(0.0, 0.0);
    let o = outline(NodeShape::Diamond, c, 100.0, 100.0);
    let p = clip_to_hull(&o.hull, c, pt(0.0, 200.0));
    assert!((p.y - 50.0).abs() < 1e-9 && p.x.abs() < 1e-9);
    let p = clip_to_hull(&o.hull, c, pt(100.0, 100.0));
    assert!((p.x - 25.0).abs() < 1e-9 && (p.y - 25.0).abs() < 1e-9, "{p:?}");
    let circle = outline(NodeShape::Circle, c, 60.0, 60.0);
    let p = clip_to_hull(&circle.hull, c, pt(200.0, 0.0));
    assert!((p.x - 30.0).abs() < 0.5);
}

fn distance_to_hull(hull: &[Point], p: Point) -> f64 {
    let n = hull.len();
    (0..n)
        .map(|i| {
            let (a, b) = (hull[i], hull[(i + 1) % n]);
            let (dx, dy) = (b.x - a.x, b.y - a.y);
            let len2 = dx * dx + dy * dy;
            let t = if len2 > 0.0 {
                (((p.x - a.x) * dx + (p.y - a.y) * dy) / len2).clamp(0.0, 1.0)
            } else {
                0.0
            };
            (p.x - (a.x + t * dx)).hypot(p.y - (a.y + t * dy))
        })
        .fold(f64::INFINITY, f64::min)
}

#[test]
fn labels_fit_inside_every_shape() {
    for &shape in ALL {
        for &(lw, lh) in LABELS {
            let (w, h) = node_size(shape, lw, lh);
            assert!(w > 0.0 && h > 0.0, "{shape:?}");
            let c = pt(300.0, 200.0);
            let o = outline(shape, c, w, h);
            let lb = label_box(shape, c, w, lw, lh);
            if !shows_label(shape) {
                assert_eq!((lb.width, lb.height), (0.0, 0.0), "{shape:?}");
            } else {
                assert_eq!((lb.width, lb.height), (lw, lh), "{shape:?}");
            }
            // The label's corners lie inside the hull, and so do points along its sides.
            for i in 0..=4 {
                let t = i as f64 / 4.0;
                for p in [
                    pt(lb.x + lb.width * t, lb.y),
                    pt(lb.x + lb.width * t, lb.bottom()),
                    pt(lb.x, lb.y + lb.height * t),
                    pt(lb.right(), lb.y + lb.height * t),
                ] {
                    assert!(in_polygon(&o.hull, p), "{shape:?} {lw}x{lh}: {p:?} outside");
                }
            }
            // The label sits inside the node's box too.
            assert!(lb.x >= c.x - w / 2.0 && lb.right() <= c.x + w / 2.0, "{shape:?}");
            assert!(lb.y >= c.y - h / 2.0 && lb.bottom() <= c.y + h / 2.0, "{shape:?}");
        }
    }
}

#[test]
fn sizes_follow_mermaid() {
    // (shape, label width, mermaid's w, mermaid's h) from the reference renders, label 24 high.
    use NodeShape::*;
    for (shape, lw, mw, mh) in [
        (Document, 72.92, 102.92, 67.5),
        (MultiRect, 132.5, 172.5, 64.0),
        (FlagRect, 78.28, 108.28, 58.48),
        (Triangle, 49.8, 88.8, 88.8),
        (FlippedTriangle, 77.38, 116.38, 116.38),
        (SlopedRect, 91.63, 121.62, 81.0),
        (NotchedPentagon, 68.48, 98.48, 54.0),
        (DividedRect, 113.83, 128.83, 46.8),
        (LinedCylinder, 88.92, 118.92, 90.57),
        (WindowPane, 111.19, 151.19, 64.0),
        (Fork, 60.0, 70.0, 10.0),
        (SmallCircle, 60.0, 14.0, 14.0),
    ] {
        let (w, h) = node_size(shape, lw, 24.0);
        assert!(
            (w - mw).abs() <= 0.2 * mw && (h - mh).abs() <= 0.2 * mh,
            "{shape:?}: {w}x{h}, mermaid {mw}x{mh}"
        );
    }
}

#[test]
fn hulls_are_simple_closed_polygons() {
    for &shape in ALL {
        for &(lw, lh) in LABELS {
            let (w, h) = node_size(shape, lw, lh);
            let hull = outline(shape, pt(10.0, 20.0), w, h).hull;
            let n = hull.len();
            assert!(n >= 3, "{shape:?}");
            let (first, last) = (hull[0], hull[n - 1]);
            assert!(
                first.x != last.x || first.y != last.y,
                "{shape:?}: first point repeated"
            );
            let area: f64 = (0..n)
                .map(|i| {
                    let (a, b) = (hull[i], hull[(i + 1) % n]);
                    a.x * b.y - b.x * a.y
                })
                .sum::<f64>()
                / 2.0;
            assert!(area.abs() > 1.0, "{shape:?}: area {area}");
            // No two non-adjacent edges cross.
            let cross = |a: Point, b: Point, c: Point| (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x);
            for i in 0..n {
                for j in i + 2..n {
                    if i == 0 && j == n - 1 {
                        continue;
                    }
                    let (a, b) = (hull[i], hull[(i + 1) % n]);
                    let (c, d) = (hull[j], hull[(j + 1) % n]);
                    let crosses = cross(a, b, c) * cross(a, b, d) < 0.0 && cross(c, d, a) * cross(c, d, b) < 0.0;
                    assert!(!crosses, "{shape:?}: edges {i} and {j} cross");
                }
            }
            // The hull stays within the node's box.
            for p in &hull {
                assert!(
                    (p.x - 10.0).abs() <= w / 2.0 + 1e-6 && (p.y - 20.0).abs() <= h / 2.0 + 1e-6,
                    "{shape:?} {p:?}"
                );
            }
        }
    }
}

#[test]
fn rays_from_the_centre_end_on_every_hull() {
    for &shape in ALL {
        let (w, h) = node_size(shape, 80.0, 24.0);
        let c = pt(50.0, -30.0);
        let o = outline(shape, c, w, h);
        assert!(in_polygon(&o.hull, c), "{shape:?}: centre outside its hull");
        for k in 0..36 {
            let a = std::f64::consts::TAU * k as f64 / 36.0;
            let far = pt(c.x + 1000.0 * a.cos(), c.y + 1000.0 * a.sin());
            let p = clip_to_hull(&o.hull, c, far);
            assert!(p != far, "{shape:?}: ray {k} never leaves the hull");
            assert!(
                distance_to_hull(&o.hull, p) < 1e-6,
                "{shape:?}: ray {k} ends off the hull"
            );
            // Beyond the clipped point the ray is outside the shape.
            let beyond = pt(p.x + a.cos() * 0.5, p.y + a.sin() * 0.5);
            assert!(!in_polygon(&o.hull, beyond), "{shape:?}: ray {k} stops inside");
        }
    }
}

#[test]
fn shapes_have_distinct_names_and_paints() {
    let mut names: Vec<&str> = ALL.iter().map(|&s| shape_name(s)).collect();
    names.sort_unstable();
    let before = names.len();
    names.dedup();
    assert_eq!(before, names.len(), "two shapes share a name");
    let paint = |s| outline(s, pt(0.0, 0.0), 40.0, 30.0).paint;
    assert_eq!(paint(NodeShape::Text), Paint::Invisible);
    assert_eq!(paint(NodeShape::Fork), Paint::Solid);
    assert_eq!(paint(NodeShape::FilledCircle), Paint::Solid);
    assert_eq!(paint(NodeShape::DataStore), Paint::FillOnly);
    assert_eq!(paint(NodeShape::Rect), Paint::Normal);
}
