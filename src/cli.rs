//! The native command line: parses arguments, calls the core, writes JSON or files. Returns an
//! exit status instead of exiting, so tests drive it in-process. Never touches the browser.

use std::io::Write;

use crate::catalog;

const HELP: &str = "\
ims-matrix - ISO/IEC 27001 x ISO/IEC 20000-1 integration matrix

Usage:
  ims-matrix catalog          Print the whole catalog (standards, transitions, crosswalk) as JSON
  ims-matrix --help           Print this help
  ims-matrix --version        Print the version

Exit status: 0 on success, 2 on bad usage or bad input.
";

/// Runs the command line with `args` (without the program name).
///
/// # Examples
/// ```
/// let mut out = Vec::new();
/// let mut err = Vec::new();
/// let status = ims_matrix::cli::run(&["--version".to_owned()], &mut out, &mut err);
/// assert_eq!(status, 0);
/// assert!(String::from_utf8(out).unwrap().starts_with("ims-matrix "));
/// ```
pub fn run(args: &[String], out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let result = match args.first().map(String::as_str) {
        None | Some("--help" | "-h" | "help") => write!(out, "{HELP}").map(|()| 0),
        Some("--version" | "-V") => writeln!(out, "ims-matrix {}", crate::VERSION).map(|()| 0),
        Some("catalog") if args.len() == 1 => print_catalog(out).map(|()| 0),
        Some(other) => {
            let _ = writeln!(
                err,
                "ims-matrix: unknown command or argument {other:?}\n\n{HELP}"
            );
            Ok(2)
        }
    };
    result.unwrap_or_else(|error| {
        let _ = writeln!(err, "ims-matrix: cannot write output: {error}");
        1
    })
}

fn print_catalog(out: &mut dyn Write) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, catalog::builtin())?;
    writeln!(out)
}
