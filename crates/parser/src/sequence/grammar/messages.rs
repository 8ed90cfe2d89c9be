//! Message statements: the arrow token and `A->>+B: text`.

use super::*;

type NResult<'a, T> = IResult<&'a str, T, nom::error::Error<&'a str>>;

/// One arrow token, longest forms first.
fn arrow_token(i: &str) -> NResult<'_, Arrow> {
    use LineStyle::{Dotted as D, Solid as S};
    use MessageHead::*;
    let a = |line, start, end| Arrow { line, start, end };
    alt((
        alt((
            value(a(S, Filled, Filled), tag("<<->>")),
            value(a(D, Filled, Filled), tag("<<-->>")),
            value(a(D, None, Filled), tag("-->>")),
            value(a(S, None, Filled), tag("->>")),
            // Half arrows, dotted forms first.
            value(a(D, None, HalfTop), tag("--|\\")),
            value(a(D, None, HalfBottom), tag("--|/")),
            value(a(D, None, StickTop), tag("--\\\\")),
            value(a(D, None, StickBottom), tag("--//")),
            value(a(S, None, HalfTop), tag("-|\\")),
            value(a(S, None, HalfBottom), tag("-|/")),
            value(a(S, None, StickTop), tag("-\\\\")),
            value(a(S, None, StickBottom), tag("-//")),
        )),
        alt((
            value(a(D, HalfTop, None), tag("/|--")),
            value(a(D, HalfBottom, None), tag("\\|--")),
            value(a(D, StickTop, None), tag("//--")),
            value(a(D, StickBottom, None), tag("\\\\--")),
            value(a(S, HalfTop, None), tag("/|-")),
            value(a(S, HalfBottom, None), tag("\\|-")),
            value(a(S, StickTop, None), tag("//-")),
            value(a(S, StickBottom, None), tag("\\\\-")),
        )),
        alt((
            value(a(D, None, Cross), tag("--x")),
            value(a(S, None, Cross), tag("-x")),
            value(a(D, None, Open), tag("--)")),
            value(a(S, None, Open), tag("-)")),
            value(a(D, None, None), tag("-->")),
            value(a(S, None, None), tag("->")),
        )),
    ))
    .parse(i)
}

fn skip_blank(r: Piece<'_>) -> Piece<'_> {
    let n = r.text.len() - r.text.trim_start_matches([' ', '\t']).len();
    r.from(n)
}

/// `FROM ARROW [+|-] TO: text`.
pub(super) fn message(p: Piece<'_>) -> Result<Stmt, SErr> {
    let t = p.text;
    let colon = t.find(':').unwrap_or(t.len());
    // The first arrow token before the colon splits the sender from the rest.
    let mut found = None;
    for (i, _) in t[..colon].char_indices() {
        let (central, at) = match t[i..].strip_prefix("()") {
            Some(after) => (true, after.trim_start_matches([' ', '\t'])),
            None => (false, &t[i..]),
        };
        if let Ok((after, arrow)) = arrow_token(at) {
            if i > 0 || central {
                found = Some((i, central, arrow, t.len() - at.len(), t.len() - after.len()));
                break;
            }
        }
    }
    let Some((from_end, central_from, arrow, tok_start, tok_end)) = found else {
        let first = t.split_whitespace().next().unwrap_or(t);
        return err_hint(
            p.slice(0, first.len()).span(),
            format!("unexpected `{first}`: expected a statement or a message such as `A->>B: text`"),
            "arrows are ->, -->, ->>, -->>, <<->>, -x, --x, -), --) and the half arrows -|\\, -|/, …",
        );
    };
    let from = p.slice(0, from_end).trim();
    if from.text.is_empty() {
        return err(p.slice(0, tok_start).span(), "expected the sender before the arrow");
    }
    if let Some(i) = from.text.find(['+', '<', '>', ',']) {
        return err(
            from.slice(i, i + 1).span(),
            format!("unexpected `{}` in the sender's name", &from.text[i..i + 1]),
        );
    }
    let token = t[tok_start..tok_end].to_string();
    let mut rest = p.from(tok_end);
    rest = skip_blank(rest);
    let (mut activate, mut deactivate) = (false, false);
    if rest.text.starts_with('+') {
        activate = true;
        rest = skip_blank(rest.from(1));
    } else if rest.text.starts_with('-') {
        deactivate = true;
        rest = skip_blank(rest.from(1));
    }
    let mut central_to = false;
    if rest.text.starts_with("()") {
        central_to = true;
        rest = skip_blank(rest.from(2));
    }
    let to_end = rest.text.find(':').unwrap_or(rest.text.len());
    let to = rest.slice(0, to_end).trim();
    if to.text.is_empty() {
        return err(
            Span::new(p.start + tok_end, p.start + tok_end),
            format!("expected the receiver after `{token}`"),
        );
    }
    if let Some(i) = to.text.find(['+', '<', '>', ',']) {
        let stray = &to.text[i..i + 1];
        if i == 0 && stray == ">" {
            // `->>>`, `-->>>`: one `>` too many.
            let extra: String = to.text.chars().take_while(|&c| c == '>').collect();
            return err_hint(
                to.slice(0, extra.len()).span(),
                format!("`{token}{extra}` is not an arrow"),
                format!("did you mean `{token}`?"),
            );
        }
        return err(
            to.slice(i, i + 1).span(),
            format!("unexpected `{}` in the receiver's name", &to.text[i..i + 1]),
        );
    }
    if to_end == rest.text.len() {
        let end = p.start + p.text.len();
        return err_hint(
            Span::new(end, end),
            format!("expected `:` and the message text after `{}`", to.text),
            format!("e.g. `{}{token}{}: hello`", from.text, to.text),
        );
    }
    let (text, text_span, wrap) = line_text(rest.from(to_end + 1));
    Ok(Stmt::Message(MessageStmt {
        from: (from.text.to_string(), from.span()),
        to: (to.text.to_string(), to.span()),
        arrow,
        token,
        activate,
        deactivate,
        central_from,
        central_to,
        text,
        text_span,
        wrap,
    }))
}
