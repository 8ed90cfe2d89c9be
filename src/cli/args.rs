//! The command line's grammar: mermaid-cli's flags at the top level (no subcommand needed), `render` as an
//! alias of the same, `check` and `completions`.

use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

const EXAMPLES: &str = "\
Examples:
  mermaid-rs -i diagram.mmd -o diagram.svg            # like mmdc; the format follows the extension
  mermaid-rs -i diagram.mmd -o diagram.png -s 2 -t dark -b '#333'
  mermaid-rs -i diagram.mmd -o diagram.pdf            # vector PDF, text stays text
  mermaid-rs -i README.md -o docs/README.md -a docs/img   # every ```mermaid block → image link
  mermaid-rs -i docs/ -o build/diagrams/              # a whole folder, in parallel
  cat diagram.mmd | mermaid-rs -i - -o - > diagram.svg
  mermaid-rs check docs/ README.md                    # parse only; file:line:col diagnostics
  mermaid-rs completions bash > /etc/bash_completion.d/mermaid-rs

Safety: directory walks never follow symbolic links; outputs are written to a temporary file and renamed,
never through a symbolic link or over the input; every diagram is bounded in size, layout and raster work
(raise with --max-layout-cost / --max-raster-work for trusted input). See SECURITY.md.

Exit codes: 0 success, 1 bad diagram or configuration, 2 bad usage, 3 file not readable or writable.";

/// Render Mermaid diagrams to SVG, PNG and PDF natively: no browser, no Node.js. A drop-in replacement for
/// mermaid-cli (`mmdc`): the same flags, the same Markdown handling.
#[derive(Parser)]
#[command(
    name = "mermaid-rs",
    version,
    about,
    after_help = EXAMPLES,
    args_conflicts_with_subcommands = true,
    max_term_width = 110
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    #[command(flatten)]
    pub render: RenderArgs,
}

impl Cli {
    /// Parse the process's arguments (exiting on bad usage, as clap does), with a help text that lists the
    /// registry's diagram types.
    pub fn parse_args() -> Cli {
        let help = format!("Diagram types: {}.\n\n{EXAMPLES}", mermaid_rs::keyword_list());
        let mut command = Cli::command().after_help(help);
        let parsed = Cli::from_arg_matches_mut(&mut command.get_matches_mut());
        parsed.unwrap_or_else(|e| e.format(&mut command).exit())
    }
}

#[derive(Subcommand)]
#[allow(clippy::large_enum_variant)] // parsed once per run
pub enum Command {
    /// Render diagrams (the same as giving the flags without a subcommand).
    #[command(after_help = EXAMPLES)]
    Render(RenderArgs),
    /// Parse diagrams and Markdown documents without rendering; report every error as file:line:col.
    Check(CheckArgs),
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
}

/// What `-e`/`--outputFormat` accepts.
#[derive(Clone, Copy, PartialEq, Eq, Debug, ValueEnum)]
pub enum Format {
    Svg,
    Png,
    Pdf,
    /// Geometry JSON (`mermaid-oracle-geometry/1`), for comparing layouts.
    Json,
}

impl Format {
    pub fn extension(self) -> &'static str {
        match self {
            Format::Svg => "svg",
            Format::Png => "png",
            Format::Pdf => "pdf",
            Format::Json => "json",
        }
    }

    pub fn from_extension(ext: &str) -> Option<Format> {
        match ext.to_ascii_lowercase().as_str() {
            "svg" => Some(Format::Svg),
            "png" => Some(Format::Png),
            "pdf" => Some(Format::Pdf),
            "json" => Some(Format::Json),
            _ => None,
        }
    }
}

fn positive_scale(s: &str) -> Result<f32, String> {
    match s.parse::<f32>() {
        Ok(v) if v.is_finite() && v > 0.0 && v <= 64.0 => Ok(v),
        _ => Err(format!("`{s}` is not a scale between 0 and 64")),
    }
}

#[derive(Args, Clone, Default)]
pub struct RenderArgs {
    /// Input: a Mermaid file, a Markdown file (.md/.markdown: every ```mermaid block is rendered), a directory
    /// (its .mmd and .md files; symbolic links inside it are not followed), or `-` for standard input. Repeat
    /// for a batch.
    #[arg(short, long, value_name = "FILE")]
    pub input: Vec<String>,
    /// Output: .svg, .png, .pdf, .json or .md/.markdown, or `-` for standard output. Default: the input's
    /// name plus `.svg` (mmdc's rule). With several inputs: a directory.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<String>,
    /// Output format; taken from the output's extension when not given (svg for standard output and
    /// Markdown documents).
    #[arg(
        short = 'e',
        long = "outputFormat",
        alias = "format",
        value_enum,
        value_name = "FORMAT"
    )]
    pub output_format: Option<Format>,
    /// Theme. The config file, front matter and `%%{init}%%` directives override it, as in Mermaid.
    #[arg(short = 't', long, ignore_case = true,
          value_parser = clap::builder::PossibleValuesParser::new(mermaid_rs::THEME_NAMES.iter().copied()))]
    pub theme: Option<String>,
    /// Output width in pixels: the SVG `width`, the PDF page width, the PNG width (times --scale). The
    /// drawing keeps its proportions. Default: the diagram's natural size.
    #[arg(short = 'w', long, value_name = "PIXELS", value_parser = clap::value_parser!(u32).range(1..=100_000))]
    pub width: Option<u32>,
    /// Output height in pixels, like --width. With both, the drawing fits inside width × height.
    #[arg(short = 'H', long, value_name = "PIXELS", value_parser = clap::value_parser!(u32).range(1..=100_000))]
    pub height: Option<u32>,
    /// Background colour: `transparent`, a CSS name or hex (`white`, `#f0f0f0`). Default: white, as in mmdc.
    #[arg(short = 'b', long = "backgroundColor", alias = "background", value_name = "COLOR")]
    pub background: Option<String>,
    /// Mermaid configuration file (JSON): theme, themeVariables, fontSize, flowchart/sequence/er options.
    #[arg(short = 'c', long = "configFile", value_name = "FILE")]
    pub config_file: Option<PathBuf>,
    /// CSS file added to the SVG in a <style> element (applied to PNG and PDF output as well).
    #[arg(short = 'C', long = "cssFile", value_name = "FILE")]
    pub css_file: Option<PathBuf>,
    /// The id attribute of the SVG root element, also the prefix of every id inside it (so several diagrams can
    /// share one HTML page). Letters, digits, `-`, `_`, `.` and `:`, starting with a letter or `_`; default: a
    /// hash of the diagram.
    #[arg(short = 'I', long = "svgId", value_name = "ID")]
    pub svg_id: Option<String>,
    /// Scale factor for PNG output (pixels per SVG unit; mmdc's device scale factor).
    #[arg(short, long, default_value = "1", value_parser = positive_scale, value_name = "FACTOR")]
    pub scale: f32,
    /// Accepted for mmdc compatibility: PDFs are always exactly the size of the drawing.
    #[arg(short = 'f', long = "pdfFit")]
    pub pdf_fit: bool,
    /// Print nothing but errors.
    #[arg(short, long)]
    pub quiet: bool,
    /// Markdown input only: fail on a diagram of a type mermaid-rs does not draw, instead of keeping its block
    /// as it is (for the page's own mermaid.js) with a warning.
    #[arg(long)]
    pub strict: bool,
    /// Markdown input only: the directory the images go to (default: beside the output). Links in the output
    /// document point there.
    #[arg(short = 'a', long = "artefacts", alias = "artifacts", value_name = "DIR")]
    pub artefacts: Option<PathBuf>,
    /// Diagrams rendered at once in a batch (default: one per core; at most 4 per core).
    #[arg(short = 'j', long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub jobs: Option<u16>,
    /// Raise the layout-cost limit (default 100,000; see SECURITY.md) for trusted input. Also
    /// `"limits": {"maxLayoutCost": N}` in the --configFile.
    #[arg(long = "max-layout-cost", value_name = "N")]
    pub max_layout_cost: Option<u64>,
    /// Raise the PNG raster-work limit (default 2,500,000,000 pixel visits, about 4 s) for trusted input. Also
    /// `"limits": {"maxRasterWork": N}` in the --configFile.
    #[arg(long = "max-raster-work", value_name = "N")]
    pub max_raster_work: Option<u64>,
    /// Ignored (mmdc drives a browser through Puppeteer; mermaid-rs needs none).
    #[arg(
        short = 'p',
        long = "puppeteerConfigFile",
        value_name = "FILE",
        hide_short_help = true
    )]
    pub puppeteer_config_file: Option<PathBuf>,
    /// Ignored (icon packs are downloaded by mmdc's browser; mermaid-rs works offline).
    #[arg(long = "iconPacks", value_name = "PACK", num_args = 1.., hide_short_help = true)]
    pub icon_packs: Vec<String>,
    /// Ignored, like --iconPacks.
    #[arg(long = "iconPacksNamesAndUrls", value_name = "NAME#URL", num_args = 1.., hide_short_help = true)]
    pub icon_packs_names_and_urls: Vec<String>,
}

/// How `check` reports.
#[derive(Clone, Copy, PartialEq, Eq, Debug, ValueEnum, Default)]
pub enum CheckFormat {
    /// `file:line:col: error: message` with the source line and a caret.
    #[default]
    Text,
    /// One JSON object with every diagnostic, for editors and scripts.
    Json,
    /// GitHub Actions workflow commands (`::error file=…,line=…::message`): annotations on the pull request.
    Github,
}

#[derive(Args, Clone)]
pub struct CheckArgs {
    /// Mermaid files (.mmd, or any other extension), Markdown files (.md, .markdown), directories (searched for
    /// both), or `-` for standard input.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<String>,
    /// Report format.
    #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
    pub format: CheckFormat,
    /// No summary line; only the errors.
    #[arg(short, long)]
    pub quiet: bool,
}
