//! The native command line: parses arguments, calls the core, writes JSON or files. Returns an
//! exit status instead of exiting, so tests drive it in-process. Never touches the browser.

use std::io::Write;

use crate::assessment::{self, Assessment};
use crate::{catalog, matrix, questionnaire};

const HELP: &str = "\
ims-matrix - ISO/IEC 27001 x ISO/IEC 20000-1 integration matrix

Usage:
  ims-matrix catalog          Print the whole catalog (standards, transitions, crosswalk) as JSON
  ims-matrix matrix [--answers FILE]
                              Print the matrix and its summary as JSON for an assessment file
                              (the app's JSON export); without --answers, for an empty one
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
        Some("matrix") => match answers_option(&args[1..]).and_then(load_assessment) {
            Ok((assessment, warnings)) => {
                for warning in warnings {
                    let _ = writeln!(err, "ims-matrix: warning: {warning}");
                }
                print_matrix(out, &assessment).map(|()| 0)
            }
            Err(message) => {
                let _ = writeln!(err, "ims-matrix: {message}");
                Ok(2)
            }
        },
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

/// The value of `--answers FILE`, if given; anything else is a usage error.
fn answers_option(args: &[String]) -> Result<Option<&str>, String> {
    match args {
        [] => Ok(None),
        [flag, file] if flag == "--answers" => Ok(Some(file)),
        _ => Err(format!(
            "usage: ims-matrix matrix [--answers FILE] (got {args:?})"
        )),
    }
}

/// Reads and checks an assessment file, or gives an empty assessment when there is none.
fn load_assessment(path: Option<&str>) -> Result<(Assessment, Vec<String>), String> {
    let Some(path) = path else {
        return Ok((Assessment::new("1970-01-01T00:00:00Z"), Vec::new()));
    };
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    let imported = assessment::import(&text, questionnaire::builtin(), catalog::builtin())
        .map_err(|e| format!("{path}: {e}"))?;
    let warnings = imported
        .warnings
        .into_iter()
        .map(|w| format!("{path}: {w}"))
        .collect();
    Ok((imported.assessment, warnings))
}

fn print_matrix(out: &mut dyn Write, assessment: &Assessment) -> std::io::Result<()> {
    let built = matrix::build(catalog::builtin(), questionnaire::builtin(), assessment);
    serde_json::to_writer_pretty(&mut *out, &built)?;
    writeln!(out)
}
