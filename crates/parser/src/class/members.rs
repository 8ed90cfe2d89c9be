//! Member lines of a class: fields and methods, their classifiers and return types.

use crate::ast::{Classifier, Member, Span};

/// A member line: method when a `)` follows the first character; the classifier (`$`, `*`) at the end is taken
/// off, and a method's return type is shown after ` : `.
pub(super) fn member(raw: &str, span: Span) -> Member {
    let is_method = raw.char_indices().any(|(i, c)| c == ')' && i > 0);
    let mut classifier = Classifier::None;
    let mut text = raw.trim().to_string();
    let take = |t: &mut String, c: &mut Classifier| match t.chars().last() {
        Some('$') => {
            t.pop();
            *c = Classifier::Static;
        }
        Some('*') => {
            t.pop();
            *c = Classifier::Abstract;
        }
        _ => {}
    };
    if is_method {
        let close = text.rfind(')').unwrap_or(text.len() - 1);
        let (head, tail) = text.split_at(close + 1);
        let mut tail = tail.trim().to_string();
        // The classifier may follow the parentheses or the return type.
        if tail.starts_with(['$', '*']) && !tail.starts_with("**") && tail.len() > 1 {
            let mut c = tail.remove(0).to_string();
            take(&mut c, &mut classifier);
            tail = tail.trim().to_string();
        }
        take(&mut tail, &mut classifier);
        let head = head.to_string();
        text = if tail.trim().is_empty() {
            head
        } else {
            format!("{head} : {}", tail.trim())
        };
    } else {
        take(&mut text, &mut classifier);
    }
    Member {
        text,
        is_method,
        classifier,
        span,
    }
}
