//! Drawing the states, notes and transitions at their placed positions, and recording them in the geometry
//! with mermaid's ids and shape names (`root_start` as `stateStart`, notes as `note`, …).

use super::elements::{Look, Measured, CHOICE_SIZE, NOTE_PADDING, PSEUDO_SIZE, STATE_PADDING};
use super::graph::{note_id, Element, Link, Lowered};
use crate::config::Config;
use crate::flowchart::obstacles::{rounded_polyline, Obstacles};
use crate::flowchart::placement::Placement;
use crate::routes::{basis_path, clip_route, dedup_points, shorten_end};
use crate::scene::*;
use crate::style::{css_declarations, safe_url};
use crate::text::LaidText;
use crate::theme::Theme;
use mermaid_parser::{NodeShape, StateDiagram};

/// Placed positions moved in by the drawing's padding.
pub(super) struct Placed<'a> {
    placement: &'a Placement,
    pad: f64,
}

impl<'a> Placed<'a> {
    pub fn new(placement: &'a Placement, pad: f64) -> Self {
        Placed { placement, pad }
    }

    fn shift(&self, p: Point) -> Point {
        Point {
            x: p.x + self.pad,
            y: p.y + self.pad,
        }
    }

    pub fn cluster(&self, ci: usize) -> Option<Rect> {
        self.placement.clusters.get(ci).copied().flatten().map(|r| Rect {
            x: r.x + self.pad,
            y: r.y + self.pad,
            ..r
        })
    }
}

/// The CSS of `classDef`s named by `classes`, in order.
pub(super) fn class_css(diagram: &StateDiagram, classes: &[String]) -> Vec<(String, String)> {
    let mut decls = Vec::new();
    for class in classes {
        for def in diagram.class_defs.iter().filter(|d| &d.name == class) {
            decls.extend(css_declarations(&def.styles));
        }
    }
    decls
}

/// A drawn node's box and the outline edges end on, by chart node index.
pub(super) struct NodeBox {
    rect: Rect,
    hull: Vec<Point>,
}

/// A shape's `color` declarations as the fill of its text.
pub(super) fn text_css(extra: &[(String, String)]) -> Vec<(String, String)> {
    extra
        .iter()
        .filter(|(k, _)| k == "color")
        .map(|(_, v)| ("fill".into(), v.clone()))
        .collect()
}

/// Draw every state that is not a frame and every note: their boxes by chart node index, and the items.
pub(super) fn states_and_notes(
    scene: &mut Scene,
    diagram: &StateDiagram,
    measured: &Measured,
    lowered: &Lowered,
    at: &Placed<'_>,
    config: &Config,
) -> (Vec<NodeBox>, Vec<Item>) {
    let theme = &config.theme;
    let mut boxes = Vec::with_capacity(lowered.nodes.len());
    let mut items = Vec::with_capacity(lowered.nodes.len());
    for (k, element) in lowered.nodes.iter().enumerate() {
        let center = at.shift(at.placement.nodes[k]);
        let drawn = match *element {
            Element::State(si) => {
                let s = &diagram.states[si];
                let mut extra = class_css(diagram, &s.classes);
                extra.extend(css_declarations(&s.styles));
                state_shape(&s.id, &measured.looks[si], measured.sizes[si], center, extra, theme)
            }
            Element::Note(ni) => note_shape(
                note_id(diagram, ni),
                &measured.notes[ni],
                measured.note_size(ni),
                center,
                theme,
            ),
        };
        let link = match *element {
            Element::State(si) => diagram
                .clicks
                .iter()
                .rev()
                .find(|c| c.state == diagram.states[si].id)
                .and_then(|c| safe_url(&c.url).map(|href| (href, c.tooltip.clone()))),
            Element::Note(_) => None,
        };
        let group = Item::Group {
            class: "node".into(),
            id: Some(drawn.geometry.id.clone()),
            items: drawn.items,
        };
        items.push(Item::linked(group, link));
        boxes.push(NodeBox {
            rect: drawn.geometry.rect,
            hull: drawn.geometry.outline.clone(),
        });
        scene.geometry.nodes.push(drawn.geometry);
    }
    (boxes, items)
}

struct Drawn {
    items: Vec<Item>,
    geometry: NodeGeometry,
}

fn state_shape(
    id: &str,
    look: &Look,
    (w, h): (f64, f64),
    center: Point,
    extra: Vec<(String, String)>,
    theme: &Theme,
) -> Drawn {
    let rect = Rect {
        x: center.x - w / 2.0,
        y: center.y - h / 2.0,
        width: w,
        height: h,
    };
    let normal = Style {
        fill: Some(theme.node_fill.clone()),
        stroke: Some(theme.node_stroke.clone()),
        stroke_width: 1.0,
        dash: None,
        extra_css: extra.clone(),
    };
    let solid = Style {
        fill: Some(theme.edge_color.clone()),
        stroke: Some(theme.edge_color.clone()),
        ..normal.clone()
    };
    let outline_of = |shape: NodeShape| crate::shapes::outline(shape, center, w, h);
    let circle = |r: f64, style: Style| Item::Shape {
        geometry: ShapeGeometry::Ellipse { center, rx: r, ry: r },
        style,
    };
    let inner_box = Rect {
        x: rect.x + STATE_PADDING,
        y: rect.y + STATE_PADDING,
        width: w - 2.0 * STATE_PADDING,
        height: h - 2.0 * STATE_PADDING,
    };
    let mut label = String::new();
    let mut label_box = Rect {
        x: center.x,
        y: center.y,
        width: 0.0,
        height: 0.0,
    };
    let (shape, mut items, hull) = match look {
        Look::Start => (
            "stateStart",
            vec![circle(PSEUDO_SIZE / 2.0, solid)],
            outline_of(NodeShape::Circle).hull,
        ),
        Look::End => {
            let ring = Style {
                stroke_width: 2.0,
                stroke: Some(theme.edge_color.clone()),
                ..normal.clone()
            };
            let dot = Style {
                fill: Some(theme.node_stroke.clone()),
                stroke: Some(theme.node_stroke.clone()),
                ..normal.clone()
            };
            let items = vec![circle(PSEUDO_SIZE / 2.0, ring), circle(PSEUDO_SIZE / 4.0, dot)];
            ("stateEnd", items, outline_of(NodeShape::Circle).hull)
        }
        Look::Bar { join, .. } => {
            let o = outline_of(NodeShape::Fork);
            (
                if *join { "join" } else { "fork" },
                vec![Item::Shape {
                    geometry: o.main,
                    style: solid,
                }],
                o.hull,
            )
        }
        Look::Choice => {
            let o = crate::shapes::outline(NodeShape::Diamond, center, CHOICE_SIZE, CHOICE_SIZE);
            (
                "choice",
                vec![Item::Shape {
                    geometry: o.main,
                    style: normal,
                }],
                o.hull,
            )
        }
        Look::Box(text) | Look::Frame(text) => {
            let o = outline_of(NodeShape::Rounded);
            let mut block = text.block(inner_box, theme);
            block.extra_css = text_css(&extra);
            label = text.plain();
            label_box = centered(center, text.width, text.height);
            (
                "rect",
                vec![
                    Item::Shape {
                        geometry: o.main,
                        style: normal,
                    },
                    Item::Text(block),
                ],
                o.hull,
            )
        }
        Look::Titled { title, body } => {
            let o = outline_of(NodeShape::Rounded);
            let inner_box = Rect {
                x: rect.x + STATE_PADDING / 2.0,
                width: w - STATE_PADDING,
                ..inner_box
            };
            label = format!("{} {}", title.plain(), body.plain());
            label_box = inner_box;
            let mut items = vec![Item::Shape {
                geometry: o.main,
                style: normal.clone(),
            }];
            items.extend(titled_parts(rect, inner_box, title, body, &normal, theme));
            ("rectWithTitle", items, o.hull)
        }
    };
    items.shrink_to_fit();
    Drawn {
        items,
        geometry: NodeGeometry {
            id: id.to_string(),
            label,
            rect,
            shape,
            label_box,
            outline: hull,
        },
    }
}

fn centered(center: Point, w: f64, h: f64) -> Rect {
    Rect {
        x: center.x - w / 2.0,
        y: center.y - h / 2.0,
        width: w,
        height: h,
    }
}

fn note_shape(id: String, text: &LaidText, (w, h): (f64, f64), center: Point, theme: &Theme) -> Drawn {
    let o = crate::shapes::outline(NodeShape::Note, center, w, h);
    let label_box = centered(center, w - 2.0 * NOTE_PADDING, h - 2.0 * NOTE_PADDING);
    let style = Style {
        fill: Some(theme.note_fill.clone()),
        stroke: Some(theme.note_stroke.clone()),
        stroke_width: 1.0,
        ..Default::default()
    };
    let mut block = text.block(label_box, theme);
    block.fill = theme.note_text.clone();
    Drawn {
        items: vec![
            Item::Shape {
                geometry: o.main,
                style,
            },
            Item::Text(block),
        ],
        geometry: NodeGeometry {
            id,
            label: text.plain(),
            rect: centered(center, w, h),
            shape: "note",
            label_box,
            outline: o.hull,
        },
    }
}

/// Draw every transition and note link, and record them: the lines and the labels, to go under and over the
/// states.
pub(super) fn transitions(
    scene: &mut Scene,
    measured: &Measured,
    lowered: &Lowered,
    at: &Placed<'_>,
    boxes: &[NodeBox],
    config: &Config,
) -> (Vec<Item>, Vec<Item>) {
    let theme = &config.theme;
    let obstacles = Obstacles::new(boxes.iter().map(|b| b.rect).collect());
    let cluster_rect = |id: &str| {
        let ci = lowered.chart.subgraphs.iter().position(|s| s.id == id)?;
        at.cluster(ci)
    };
    let mut edge_items = Vec::new();
    let mut label_items = Vec::new();
    for (k, edge) in lowered.chart.edges.iter().enumerate() {
        let Some(spec) = &at.placement.edges[k] else {
            continue;
        };
        let mut points: Vec<Point> = spec.route.points.iter().map(|&p| at.shift(p)).collect();
        dedup_points(&mut points);
        let (from_cluster, to_cluster) = (cluster_rect(&edge.from), cluster_rect(&edge.to));
        let (from_hull, to_hull) = (from_cluster.map(|r| r.corners()), to_cluster.map(|r| r.corners()));
        let (from, to) = (&boxes[spec.from], &boxes[spec.to]);
        let mut label_center = spec.route.label_center.map(|c| at.shift(c));
        match from_cluster.filter(|_| edge.from == edge.to) {
            // A composite's transition to itself: the engine routes it on a member; loop beside the frame.
            Some(frame) => {
                let text_width = match lowered.links[k] {
                    Link::Transition(ti) => measured.transition_labels[ti].as_ref().map_or(0.0, |t| t.width),
                    Link::Note(_) => 0.0,
                };
                let (points_out, center) = frame_loop(frame, text_width);
                points = points_out;
                label_center = Some(center);
            }
            None => clip_route(
                &mut points,
                (
                    from_hull.as_deref().unwrap_or(&from.hull),
                    from_cluster.unwrap_or(from.rect),
                ),
                (to_hull.as_deref().unwrap_or(&to.hull), to_cluster.unwrap_or(to.rect)),
            ),
        }
        let waypoints = points.clone();
        let link = lowered.links[k];
        let is_note = matches!(link, Link::Note(_));
        if !is_note {
            shorten_end(&mut points, MarkerKind::Arrow.length());
        }
        let ends = [spec.from, spec.to];
        let mut path = basis_path(&points);
        if !obstacles.path_is_clear(&path, &ends) {
            path = [rounded_polyline(&points, 16.0), rounded_polyline(&points, 6.0)]
                .into_iter()
                .find(|p| obstacles.path_is_clear(p, &ends))
                .unwrap_or_else(|| rounded_polyline(&points, 0.0));
        }
        let style = Style {
            fill: Some("none".into()),
            stroke: Some(theme.edge_color.clone()),
            stroke_width: 1.0,
            dash: is_note.then(|| "5".into()),
            extra_css: vec![],
        };
        let id = match link {
            Link::Transition(ti) => format!("edge{ti}"),
            Link::Note(_) => format!("{}-{}", edge.from, edge.to),
        };
        let marker_end = (!is_note).then(|| Marker {
            kind: MarkerKind::Arrow,
            color: theme.edge_color.clone(),
        });
        edge_items.push(Item::Group {
            class: "edge".into(),
            id: Some(id.clone()),
            items: vec![Item::Path {
                path: path.clone(),
                style,
                marker_start: None,
                marker_end,
            }],
        });
        let text = match link {
            Link::Transition(ti) => measured.transition_labels[ti].as_ref(),
            Link::Note(_) => None,
        };
        let mut label_box = None;
        if let (Some(text), Some(c)) = (text, label_center) {
            let (group, rect) = text.edge_label(c, &theme.edge_label_background, theme);
            label_box = Some(rect);
            label_items.push(group);
        }
        scene.geometry.edges.push(EdgeGeometry {
            id,
            from: edge.from.clone(),
            to: edge.to.clone(),
            label: text.map(|t| t.plain()),
            label_box,
            waypoints,
            path,
            arrow_start: Some("none"),
            arrow_end: Some(if is_note { "none" } else { "arrow_barb" }),
        });
    }
    (edge_items, label_items)
}

/// A titled state's divider under its title, the title and the other descriptions.
fn titled_parts(rect: Rect, inner: Rect, title: &LaidText, body: &LaidText, style: &Style, theme: &Theme) -> Vec<Item> {
    let title_box = Rect {
        height: title.height,
        ..inner
    };
    let divider_y = title_box.bottom() + 0.5;
    let body_box = Rect {
        y: divider_y + 0.5,
        height: body.height,
        ..inner
    };
    let mut t = title.block(title_box, theme);
    t.extra_css = text_css(&style.extra_css);
    let mut b = body.block(body_box, theme);
    b.extra_css = text_css(&style.extra_css);
    let p = |x: f64| Point { x, y: divider_y };
    let divider = Path(vec![PathCmd::MoveTo(p(rect.x)), PathCmd::LineTo(p(rect.right()))]);
    vec![
        Item::Shape {
            geometry: ShapeGeometry::Path(divider),
            style: Style {
                fill: Some("none".into()),
                ..style.clone()
            },
        },
        Item::Text(t),
        Item::Text(b),
    ]
}

/// A loop out of a frame's right side and back, and the centre of its label beside it.
fn frame_loop(frame: Rect, label_width: f64) -> (Vec<Point>, Point) {
    const REACH: f64 = 25.0;
    let (x, y1, y2) = (
        frame.right(),
        frame.y + frame.height / 3.0,
        frame.y + 2.0 * frame.height / 3.0,
    );
    let p = |x: f64, y: f64| Point { x, y };
    let points = vec![p(x, y1), p(x + REACH, y1), p(x + REACH, y2), p(x, y2)];
    (points, p(x + REACH + 4.0 + label_width / 2.0, (y1 + y2) / 2.0))
}
