//! The command line's file-system access, written for input folders that strangers control (a pull request's
//! `docs/`): the directory walk never leaves its root, inputs are decoded as UTF-8 with a located error, and
//! outputs are written to a temporary file beside the destination and renamed into place, never through a
//! symbolic link and never over the input.

use mermaid_rs::{ParseError, Span};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// What a directory walk found: the diagram and Markdown files, and the symbolic links it did not follow.
#[derive(Debug, Default)]
pub struct Walked {
    pub files: Vec<PathBuf>,
    pub skipped_links: Vec<PathBuf>,
}

/// The `.mmd`, `.mermaid` and Markdown files under `root`, sorted, skipping hidden directories. Symbolic links
/// below the root are never followed, to files or to directories: a link can neither leak a file from outside
/// the folder (`leak.md -> /etc/passwd`) nor make the walk loop (`a -> .`). Without followed links every
/// directory is reached by exactly one path, so each is visited once.
pub fn walk(root: &Path) -> io::Result<Walked> {
    let mut out = Walked::default();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir)? {
            let entry = entry?;
            let path = entry.path();
            // `DirEntry::file_type` describes the entry itself, not what a link points to.
            let kind = entry.file_type()?;
            let name = entry.file_name();
            let hidden = name.to_str().is_some_and(|n| n.starts_with('.'));
            if kind.is_symlink() {
                let to_dir = std::fs::metadata(&path).is_ok_and(|m| m.is_dir());
                if !hidden && (to_dir || is_diagram_file(&path)) {
                    out.skipped_links.push(path);
                }
            } else if kind.is_dir() {
                if !hidden {
                    stack.push(path);
                }
            } else if kind.is_file() && is_diagram_file(&path) {
                out.files.push(path);
            }
        }
    }
    out.files.sort();
    out.skipped_links.sort();
    Ok(out)
}

fn is_diagram_file(path: &Path) -> bool {
    matches!(
        path.extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref(),
        Some("mmd" | "mermaid" | "md" | "markdown")
    )
}

/// Why an input could not be read as text.
#[derive(Debug)]
pub enum ReadError {
    Io(io::Error),
    /// Not UTF-8: an error at the first bad byte, with its line and column.
    Utf8(ParseError),
}

/// Read a file (or standard input, for `None`) as UTF-8 text.
pub fn read_text(path: Option<&Path>) -> Result<String, ReadError> {
    let bytes = match path {
        Some(p) => std::fs::read(p),
        None => {
            let mut b = Vec::new();
            io::Read::read_to_end(&mut io::stdin(), &mut b).map(|_| b)
        }
    }
    .map_err(ReadError::Io)?;
    decode_utf8(bytes).map_err(ReadError::Utf8)
}

/// UTF-8 bytes as a string, or an error located at the first invalid byte.
pub fn decode_utf8(bytes: Vec<u8>) -> Result<String, ParseError> {
    String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        // Up to `offset` the lossy text has the same bytes, so the line and column come out right.
        let text = String::from_utf8_lossy(e.as_bytes());
        ParseError::new(
            &text,
            Span::new(offset, offset + 1),
            format!("invalid UTF-8 at byte {offset}"),
        )
        .with_hint("Mermaid sources and Markdown documents must be UTF-8 text; save the file as UTF-8")
    })
}

/// Write `bytes` to `path` safely: the directory is created, the bytes go to a new temporary file beside the
/// destination, which is then renamed over it. A destination that is a symbolic link, or that is `input`
/// itself (the same file under another name, a hard link included), is refused.
pub fn write_atomically(path: &Path, bytes: &[u8], input: Option<&Path>) -> io::Result<()> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    if let Ok(meta) = std::fs::symlink_metadata(path) {
        if meta.file_type().is_symlink() {
            return Err(refusal("it is a symbolic link; refusing to write through it"));
        }
        if meta.is_dir() {
            return Err(refusal("it is a directory"));
        }
        if input.is_some_and(|i| same_file(i, path)) {
            return Err(refusal(
                "it is the input file (the same file under another name); refusing to overwrite it",
            ));
        }
    }
    let temp = temp_name(dir, path);
    let written = (|| {
        // `create_new` fails on anything already there, a symbolic link included, so nothing is written through.
        let mut file = std::fs::OpenOptions::new().write(true).create_new(true).open(&temp)?;
        file.write_all(bytes)?;
        file.flush()?;
        drop(file);
        std::fs::rename(&temp, path)
    })();
    if written.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    written
}

fn refusal(why: &str) -> io::Error {
    io::Error::new(io::ErrorKind::AlreadyExists, why.to_string())
}

/// A name for the temporary file, unique within this process and unlikely to meet another's.
fn temp_name(dir: &Path, path: &Path) -> PathBuf {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("output");
    dir.join(format!(
        ".{name}.{}.{}.tmp",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    ))
}

/// Whether two paths name the same file: the same device and inode on Unix, the same canonical path elsewhere.
pub fn same_file(a: &Path, b: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        match (std::fs::metadata(a), std::fs::metadata(b)) {
            (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    {
        match (a.canonicalize(), b.canonicalize()) {
            (Ok(a), Ok(b)) => a == b,
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_utf8_is_located() {
        let e = decode_utf8(b"ab\ncd\xc3\xa9e\xffx".to_vec()).unwrap_err();
        assert_eq!((e.span.start, e.line, e.column), (8, 2, 5));
        assert_eq!(e.message, "invalid UTF-8 at byte 8");
    }
}
