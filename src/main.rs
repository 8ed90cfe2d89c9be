//! The `mermaid-rs` command line.

use clap::{Parser, Subcommand, ValueEnum};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Render Mermaid diagrams to SVG and PNG, natively: no browser, no Node.js.
#[derive(Parser)]
#[command(
    name = "mermaid-rs",
    version,
    about,
    after_help = "Examples:\n  mermaid-rs render -i diagram.mmd -o diagram.svg\n  mermaid-rs render -i diagram.mmd -o diagram.png -s 2 -b white\n  cat diagram.mmd | mermaid-rs render -i - -o - -e svg > out.svg"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Render one diagram to SVG, PNG or geometry JSON.
    Render(RenderArgs),
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Svg,
    Png,
    Json,
}

#[derive(clap::Args)]
struct RenderArgs {
    /// Input file with the diagram source, or `-` for standard input.
    #[arg(short, long, value_name = "FILE")]
    input: String,
    /// Output file, or `-` for standard output. Defaults to the input's name with the format's extension.
    #[arg(short, long, value_name = "FILE")]
    output: Option<String>,
    /// Output format; taken from the output file's extension when not given (svg when writing to stdout).
    #[arg(short = 'e', long = "outputFormat", alias = "format", value_enum)]
    output_format: Option<Format>,
    /// PNG scale factor (pixels per SVG unit).
    #[arg(short, long, default_value_t = 1.0)]
    scale: f32,
    /// Background colour: `transparent`, a CSS name or hex (`white`, `#f0f0f0`).
    #[arg(short = 'b', long = "backgroundColor", alias = "background", value_name = "COLOR")]
    background: Option<String>,
    /// Theme: default, dark, forest, neutral or base. The diagram's own configuration overrides it.
    #[arg(short = 't', long)]
    theme: Option<String>,
    /// A Mermaid configuration file (JSON): theme, themeVariables, fontSize, flowchart options.
    #[arg(short = 'c', long = "configFile", value_name = "FILE")]
    config_file: Option<PathBuf>,
    /// Print nothing but errors.
    #[arg(short, long)]
    quiet: bool,
}

/// Exit codes: bad diagram input, and failure to read or write files (usage errors exit with 2, from clap).
const EXIT_BAD_INPUT: u8 = 1;
const EXIT_IO: u8 = 3;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Render(args) => render(&args),
    }
}

fn format_of(args: &RenderArgs) -> Format {
    if let Some(f) = args.output_format {
        return f;
    }
    let ext = args
        .output
        .as_deref()
        .and_then(|o| Path::new(o).extension())
        .and_then(|e| e.to_str());
    match ext.map(str::to_ascii_lowercase).as_deref() {
        Some("png") => Format::Png,
        Some("json") => Format::Json,
        _ => Format::Svg,
    }
}

fn render(args: &RenderArgs) -> ExitCode {
    let source = if args.input == "-" {
        let mut s = String::new();
        if let Err(e) = std::io::stdin().read_to_string(&mut s) {
            eprintln!("error: cannot read standard input: {e}");
            return ExitCode::from(EXIT_IO);
        }
        s
    } else {
        match std::fs::read_to_string(&args.input) {
            Ok(s) => s,
            Err(e) => {
                eprintln!("error: cannot read {}: {e}", args.input);
                return ExitCode::from(EXIT_IO);
            }
        }
    };
    let format = format_of(args);
    let config = match &args.config_file {
        Some(path) => match std::fs::read_to_string(path) {
            Ok(text) => Some(text),
            Err(e) => {
                eprintln!("error: cannot read {}: {e}", path.display());
                return ExitCode::from(EXIT_IO);
            }
        },
        None => None,
    };
    let options = mermaid_rs::Options {
        theme: args.theme.clone(),
        config,
        background: args
            .background
            .clone()
            .or_else(|| (format == Format::Png).then(|| "white".to_string())),
        scale: args.scale,
        ..mermaid_rs::Options::default()
    };
    let file_name = if args.input == "-" {
        "stdin".to_string()
    } else {
        args.input.clone()
    };
    let result = match format {
        Format::Svg => mermaid_rs::render_svg(&source, &options).map(String::into_bytes),
        Format::Png => mermaid_rs::render_png(&source, &options),
        Format::Json => mermaid_rs::render_geometry_json(&source, &options, &file_name).map(String::into_bytes),
    };
    let bytes = match result {
        Ok(b) => b,
        Err(e) => {
            eprintln!("{}: {}", file_name, e.render());
            return ExitCode::from(EXIT_BAD_INPUT);
        }
    };
    let output = args.output.clone().unwrap_or_else(|| {
        if args.input == "-" {
            "-".into()
        } else {
            let ext = match format {
                Format::Svg => "svg",
                Format::Png => "png",
                Format::Json => "json",
            };
            PathBuf::from(&args.input)
                .with_extension(ext)
                .to_string_lossy()
                .into_owned()
        }
    });
    let written = if output == "-" {
        std::io::stdout()
            .write_all(&bytes)
            .and_then(|()| std::io::stdout().flush())
    } else {
        std::fs::write(&output, &bytes)
    };
    if let Err(e) = written {
        eprintln!("error: cannot write {output}: {e}");
        return ExitCode::from(EXIT_IO);
    }
    if !args.quiet && output != "-" {
        eprintln!("wrote {output}");
    }
    ExitCode::SUCCESS
}
