//! Columns: every participant measured, then placed left to right so that each text between two neighbours
//! (messages, notes, self messages) fits in the gap between their lifelines.

use super::*;
use mermaid_parser::{NotePlacement, SeqStatement};

/// Every participant's column, measured but not yet placed (`cx` is 0).
pub(super) fn measure_participants(diagram: &SequenceDiagram, config: &crate::config::Config) -> Vec<Col> {
    let theme = &config.theme;
    diagram
        .participants
        .iter()
        .map(|p| {
            // `wrap:` fits the label to a default box, leaving the wrap padding on both sides.
            let wrap = p.wrap.unwrap_or(config.sequence_wrap).then_some(ACTOR_W - 20.0);
            let label = measure(&p.label.text, theme, wrap);
            let (w, h) = symbol_size(p.kind, &label);
            Col {
                id: p.id.clone(),
                label,
                kind: p.kind,
                w,
                h,
                cx: 0.0,
                in_box: p.in_box,
                created_at: None,
                destroyed_at: None,
            }
        })
        .collect()
}

/// Place the columns (`cx`) and measure every message and note text, by statement index (`None` for other
/// statements).
pub(super) fn place(
    diagram: &SequenceDiagram,
    config: &crate::config::Config,
    index: &Index<'_>,
    cols: &mut [Col],
) -> Vec<Option<Txt>> {
    let theme = &config.theme;
    let mut gaps = Gaps::new(diagram, cols);
    let texts: Vec<Option<Txt>> = diagram
        .statements
        .iter()
        .map(|st| match st {
            SeqStatement::Message(m) => {
                let wrap = m.wrap.unwrap_or(config.sequence_wrap).then_some(WRAP_W);
                let t = measure(&m.text.text, theme, wrap);
                gaps.message(index.of(&m.from), index.of(&m.to), &t, cols);
                Some(t)
            }
            SeqStatement::Note(note) => {
                let wrap = note
                    .wrap
                    .unwrap_or(config.sequence_wrap)
                    .then_some(NOTE_W - 2.0 * NOTE_PAD);
                let t = measure(&note.text.text, theme, wrap);
                let ids: Vec<usize> = note.participants.iter().map(|p| index.of(p)).collect();
                gaps.note(note.placement, &ids, &t, cols);
                Some(t)
            }
            _ => None,
        })
        .collect();
    let need = gaps.settle();
    let n = cols.len();
    let mut x = 0.0;
    for i in 0..n {
        if i == 0 {
            x = cols[0].w / 2.0;
        } else {
            x += need[i - 1].round();
        }
        cols[i].cx = x;
    }
    rewrap_messages(diagram, config, index, cols, texts)
}

/// Now that the columns stand, a wrapped message between two of them fills the room between their lifelines
/// (at least the width it was measured at, so the spacing above still holds), as in mermaid.
fn rewrap_messages(
    diagram: &SequenceDiagram,
    config: &crate::config::Config,
    index: &Index<'_>,
    cols: &[Col],
    mut texts: Vec<Option<Txt>>,
) -> Vec<Option<Txt>> {
    let theme = &config.theme;
    let col_of = |id: &str| index.of(id);
    for (si, st) in diagram.statements.iter().enumerate() {
        if let SeqStatement::Message(m) = st {
            let (a, b) = (col_of(&m.from), col_of(&m.to));
            if a != b && m.wrap.unwrap_or(config.sequence_wrap) {
                let room = (cols[a].cx - cols[b].cx).abs().max(WRAP_W);
                texts[si] = Some(measure(&m.text.text, theme, Some(room)));
            }
        }
    }
    texts
}

/// The distances the texts ask for between lifelines.
struct Gaps {
    /// `need[i]`: minimum centre distance between column `i` and `i + 1`.
    need: Vec<f64>,
    /// Spans wider than one gap, applied after the single gaps: (from, to, distance).
    spans: Vec<(usize, usize, f64)>,
    /// Participants whose symbol is drawn on a message's line (created or destroyed there).
    on_line: Vec<bool>,
}

impl Gaps {
    fn new(diagram: &SequenceDiagram, cols: &[Col]) -> Self {
        let n = cols.len();
        let need: Vec<f64> = (0..n.saturating_sub(1))
            .map(|i| {
                let box_gap = if cols[i].in_box != cols[i + 1].in_box {
                    2.0 * BOX_PAD + 15.0
                } else {
                    0.0
                };
                // Narrow symbols (actors, typed participants) still take a default box's room, as in mermaid.
                (cols[i].w.max(ACTOR_W) + cols[i + 1].w.max(ACTOR_W)) / 2.0 + ACTOR_MARGIN.max(box_gap)
            })
            .collect();
        Gaps {
            need,
            spans: Vec::new(),
            on_line: diagram.participants.iter().map(|p| p.created || p.destroyed).collect(),
        }
    }

    /// Room for a message text from column `a` to column `b`.
    fn message(&mut self, a: usize, b: usize, t: &Txt, cols: &[Col]) {
        let (n, need, spans) = (cols.len(), &mut self.need, &mut self.spans);
        if a == b {
            let room = t.width / 2.0 + SELF_W;
            if a + 1 < n {
                need[a] = need[a].max(room + cols[a + 1].w.min(ACTOR_W) / 2.0);
            }
        } else {
            let (lo, hi) = (a.min(b), a.max(b));
            let mut d = t.width + MESSAGE_ROOM;
            // A created or destroyed participant's symbol sits on the line: keep the text clear of it.
            for c in [a, b] {
                if self.on_line[c] {
                    d += cols[c].w / 2.0;
                }
            }
            spans.push((lo, hi, d));
        }
    }

    /// Room for a note over, right of or left of the columns `ids`.
    fn note(&mut self, placement: NotePlacement, ids: &[usize], t: &Txt, cols: &[Col]) {
        let (n, need, spans) = (cols.len(), &mut self.need, &mut self.spans);
        let w = (t.width + 2.0 * NOTE_PAD).max(NOTE_W);
        let a = ids[0];
        match (placement, ids.get(1)) {
            (NotePlacement::Over, Some(&b)) if a != b => {
                spans.push((a.min(b), a.max(b), t.width + 2.0 * NOTE_PAD - 2.0 * NOTE_OFFSET + 20.0));
            }
            (NotePlacement::Over, _) => {
                if a + 1 < n {
                    need[a] = need[a].max(w / 2.0 + 20.0 + cols[a + 1].w.min(ACTOR_W) / 2.0 - 30.0);
                }
                if a > 0 {
                    need[a - 1] = need[a - 1].max(w / 2.0 + 20.0 + cols[a - 1].w.min(ACTOR_W) / 2.0 - 30.0);
                }
            }
            (NotePlacement::RightOf, _) => {
                if a + 1 < n {
                    need[a] = need[a].max(NOTE_OFFSET + w + NOTE_OFFSET);
                }
            }
            (NotePlacement::LeftOf, _) => {
                if a > 0 {
                    need[a - 1] = need[a - 1].max(NOTE_OFFSET + w + NOTE_OFFSET);
                }
            }
        }
    }

    /// The single gaps, each at least as wide as every span over it asks for (narrow spans first).
    fn settle(self) -> Vec<f64> {
        let (mut need, spans) = (self.need, self.spans);
        for &(lo, _, d) in spans.iter().filter(|s| s.1 == s.0 + 1) {
            need[lo] = need[lo].max(d);
        }
        let mut wide: Vec<&(usize, usize, f64)> = spans.iter().filter(|s| s.1 > s.0 + 1).collect();
        wide.sort_by_key(|s| s.1 - s.0);
        for &&(lo, hi, d) in &wide {
            let have: f64 = need[lo..hi].iter().sum();
            if have < d {
                need[hi - 1] += d - have;
            }
        }
        need
    }
}
