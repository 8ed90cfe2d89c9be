//! Shared by the fuzz targets: turn arbitrary bytes into a source for one diagram type.

/// The input as text (invalid UTF-8 replaced), with `header` put in front unless the input already starts with
/// it, or with front matter or a directive (so corpus files seed the target unchanged).
pub fn with_header(data: &[u8], header: &str) -> String {
    let text = String::from_utf8_lossy(data);
    let t = text.trim_start();
    let keyword = header.split_whitespace().next().unwrap_or(header);
    if t.starts_with(keyword) || t.starts_with("---") || t.starts_with("%%") {
        text.into_owned()
    } else {
        format!("{header}\n{text}")
    }
}
