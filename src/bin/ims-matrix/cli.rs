//! The native command line: parses arguments, calls the core, writes JSON or files. Returns an
//! exit status instead of exiting, so tests drive it in-process. Never touches the browser.

use std::io::Write;

use ims_matrix::assessment::{self, Assessment};
use ims_matrix::i18n::{self, Texts};
use ims_matrix::{catalog, export, matrix, questionnaire};

const HELP: &str = "\
ims-matrix - ISO/IEC 27001 x ISO/IEC 20000-1 integration matrix

Usage:
  ims-matrix catalog          Print the whole catalog (standards, transitions, crosswalk) as JSON
  ims-matrix matrix [--answers FILE]
                              Print the matrix and its summary as JSON for an assessment file
                              (the app's JSON export); without --answers, for an empty one
  ims-matrix export [--answers FILE] --out FILE.xlsx [--date YYYY-MM-DD] [--lang LANG]
                              Write the Excel workbook (the app's Export) for an assessment;
                              --date sets the generation date (default: today, UTC), --lang
                              its language (en, de, fr; default en)
  ims-matrix import --workbook FILE.xlsx [--answers FILE]
                              Read a workbook the app exported, after people edited it in Excel
                              or LibreOffice: print the assessment with their statuses, owners,
                              due dates and notes as JSON (the app's JSON export), and list each
                              change on stderr (sheet and cell, before and after). Conflicting
                              edits and values that do not fit are listed and not applied.
                              --answers gives the assessment to compare with when the workbook
                              carries none (made by an older version)
  ims-matrix texts [--lang LANG]
                              Print every text of a language (default en) as one JSON object,
                              key -> text: what a translator starts a new language from
  ims-matrix --help           Print this help
  ims-matrix --version        Print the version

What a consultant would check before relying on the advice (a status against applicability,
an exclusion an auditor will challenge, contradicting answers, a short timeline) is printed on
stderr as lines starting with ims-matrix: check; they do not change the exit status.

Exit status: 0 on success, 2 on bad usage or bad input.
";

/// Runs the command line with `args` (without the program name); returns the exit status.
pub fn run(args: &[String], out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let result = match args.first().map(String::as_str) {
        None | Some("--help" | "-h" | "help") => write!(out, "{HELP}").map(|()| 0),
        Some("--version" | "-V") => writeln!(out, "ims-matrix {}", ims_matrix::VERSION).map(|()| 0),
        Some("catalog") if args.len() == 1 => print_catalog(out).map(|()| 0),
        Some("texts") => match lang_option(&args[1..]) {
            Ok(texts) => print_texts(out, texts).map(|()| 0),
            Err(message) => {
                let _ = writeln!(err, "ims-matrix: {message}");
                Ok(2)
            }
        },
        Some("export") => match export_options(&args[1..]) {
            Ok(options) => match load_assessment(options.answers)
                .and_then(|(a, w)| write_export(&a, &options).map(|checks| (w, checks)))
            {
                Ok((warnings, checks)) => {
                    for warning in warnings {
                        let _ = writeln!(err, "ims-matrix: warning: {warning}");
                    }
                    print_checks(err, &checks);
                    let _ = writeln!(err, "ims-matrix: wrote {}", options.out);
                    Ok(0)
                }
                Err(message) => {
                    let _ = writeln!(err, "ims-matrix: {message}");
                    Ok(2)
                }
            },
            Err(message) => {
                let _ = writeln!(err, "ims-matrix: {message}");
                Ok(2)
            }
        },
        Some("matrix") => match answers_option(&args[1..]).and_then(load_assessment) {
            Ok((assessment, warnings)) => {
                for warning in warnings {
                    let _ = writeln!(err, "ims-matrix: warning: {warning}");
                }
                print_matrix(out, err, &assessment).map(|()| 0)
            }
            Err(message) => {
                let _ = writeln!(err, "ims-matrix: {message}");
                Ok(2)
            }
        },
        Some("import") => match import_options(&args[1..]).and_then(|(workbook, answers)| {
            let given = answers.map(|a| load_assessment(Some(a))).transpose()?;
            read_workbook(workbook, given.as_ref().map(|(a, _)| a))
        }) {
            Ok(imported) => print_import(out, err, &imported).map(|()| 0),
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
    let imported = assessment::import(&text, questionnaire::builtin(), catalog::builtin_index())
        .map_err(|e| format!("{path}: {e}"))?;
    let warnings = imported
        .warnings
        .into_iter()
        .map(|w| format!("{path}: {w}"))
        .collect();
    Ok((imported.assessment, warnings))
}

fn print_matrix(
    out: &mut dyn Write,
    err: &mut dyn Write,
    assessment: &Assessment,
) -> std::io::Result<()> {
    let built = matrix::build(catalog::builtin(), questionnaire::builtin(), assessment);
    serde_json::to_writer_pretty(&mut *out, &built)?;
    writeln!(out)?;
    print_checks(err, &built.warnings);
    Ok(())
}

/// The advice's warnings, one line each: what a consultant would check before signing. They
/// do not change the exit status: the output is still valid.
fn print_checks(err: &mut dyn Write, checks: &[matrix::Warning]) {
    for check in checks {
        let subject = check
            .concerns
            .as_deref()
            .map(|s| format!(" {s}:"))
            .unwrap_or_default();
        let _ = writeln!(
            err,
            "ims-matrix: check ({}){subject} {}",
            check.kind.as_str(),
            check.text
        );
    }
}

fn import_options(args: &[String]) -> Result<(&str, Option<&str>), String> {
    let usage = "usage: ims-matrix import --workbook FILE.xlsx [--answers FILE]";
    let [workbook, answers] = flag_values(args, ["--workbook", "--answers"], usage)?;
    let workbook = workbook.ok_or_else(|| format!("--workbook is required; {usage}"))?;
    Ok((workbook, answers))
}

/// The value given for each of `flags` (`--flag VALUE`, each at most once counts the last);
/// any other argument, or a flag without a value, is a usage error.
fn flag_values<'a, const N: usize>(
    args: &'a [String],
    flags: [&str; N],
    usage: &str,
) -> Result<[Option<&'a str>; N], String> {
    let mut values = [None; N];
    let mut rest = args.iter();
    while let Some(flag) = rest.next() {
        let value = rest
            .next()
            .ok_or_else(|| format!("{flag} needs a value; {usage}"))?;
        let index = flags
            .iter()
            .position(|f| f == flag)
            .ok_or_else(|| format!("unknown option {flag:?}; {usage}"))?;
        values[index] = Some(value.as_str());
    }
    Ok(values)
}

fn read_workbook(
    path: &str,
    given: Option<&Assessment>,
) -> Result<ims_matrix::assessment::Review, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    export::read::read(&bytes, questionnaire::builtin(), catalog::builtin(), given)
        .map_err(|e| format!("{path}: {e}"))
}

/// The merged assessment on stdout; what changed, what conflicts and what does not fit on
/// stderr, one line each.
fn print_import(
    out: &mut dyn Write,
    err: &mut dyn Write,
    imported: &ims_matrix::assessment::Review,
) -> std::io::Result<()> {
    for warning in &imported.warnings {
        let _ = writeln!(err, "ims-matrix: warning: {warning}");
    }
    for c in &imported.changes {
        let _ = writeln!(
            err,
            "ims-matrix: change {}!{} {} ({}): {}: {:?} -> {:?}",
            c.sheet,
            c.cell,
            c.row,
            c.topic,
            c.field.label(),
            c.before,
            c.after
        );
    }
    for conflict in &imported.conflicts {
        let options: Vec<String> = conflict
            .options
            .iter()
            .map(|c| format!("{}!{} {:?}", c.sheet, c.cell, c.after))
            .collect();
        let _ = writeln!(
            err,
            "ims-matrix: conflict {} {}: {}; not applied, edit one of them and import again",
            conflict.row,
            conflict.field.label(),
            options.join(" or ")
        );
    }
    for p in &imported.problems {
        let _ = writeln!(err, "ims-matrix: not applied {}: {}", p.place("!"), p.text);
    }
    for p in &imported.ignored {
        let _ = writeln!(err, "ims-matrix: ignored {}: {}", p.place("!"), p.text);
    }
    if imported.more_problems > 0 {
        let _ = writeln!(
            err,
            "ims-matrix: not applied: {} more values like these",
            imported.more_problems
        );
    }
    if imported.more_ignored > 0 {
        let _ = writeln!(
            err,
            "ims-matrix: ignored: {} more lines like these",
            imported.more_ignored
        );
    }
    let _ = writeln!(
        err,
        "ims-matrix: {} change(s) applied, {} conflict(s), {} value(s) that do not fit, {} line(s) ignored",
        imported.changes.len(),
        imported.conflicts.len(),
        imported.problems.len() + imported.more_problems,
        imported.ignored.len() + imported.more_ignored
    );
    let merged = imported.merged_all(&now_utc());
    writeln!(out, "{}", merged.to_json())
}

/// Now, RFC 3339 in UTC, from the system clock.
fn now_utc() -> String {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let time = seconds % 86_400;
    format!(
        "{}T{:02}:{:02}:{:02}Z",
        today_utc(),
        time / 3600,
        time % 3600 / 60,
        time % 60
    )
}

struct ExportArgs<'a> {
    answers: Option<&'a str>,
    out: &'a str,
    date: String,
    texts: &'static Texts,
}

/// The texts of `lang` as the build bundled them.
fn language(lang: Option<&str>) -> Result<&'static Texts, String> {
    let lang = lang.unwrap_or("en");
    let known = || {
        i18n::LANGUAGES
            .iter()
            .map(|(code, _)| *code)
            .collect::<Vec<_>>()
            .join(", ")
    };
    let bundle = i18n::bundled(lang).ok_or_else(|| {
        format!(
            "--lang {lang:?} is not a language of ims-matrix ({})",
            known()
        )
    })?;
    Texts::install(lang, bundle).map_err(|e| e.to_string())
}

fn lang_option(args: &[String]) -> Result<&'static Texts, String> {
    let [lang] = flag_values(args, ["--lang"], "usage: ims-matrix texts [--lang LANG]")?;
    language(lang)
}

/// Every text of the language: its messages, then the data files' texts, translated where the
/// language has them; English where it does not yet.
fn print_texts(out: &mut dyn Write, texts: &'static Texts) -> std::io::Result<()> {
    let mut all: std::collections::BTreeMap<String, String> = texts
        .entries()
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect();
    for (key, english) in matrix::data_texts() {
        let text = texts.find(&key).map_or(english, str::to_owned);
        all.insert(key, text);
    }
    serde_json::to_writer_pretty(&mut *out, &all)?;
    writeln!(out)
}

fn export_options(args: &[String]) -> Result<ExportArgs<'_>, String> {
    let usage = "usage: ims-matrix export [--answers FILE] --out FILE.xlsx [--date YYYY-MM-DD] [--lang LANG]";
    let [answers, out, date, lang] =
        flag_values(args, ["--answers", "--out", "--date", "--lang"], usage)?;
    let texts = language(lang)?;
    if let Some(date) = date.filter(|d| !assessment::import::is_iso_date(d)) {
        return Err(format!("--date {date:?} is not a date (YYYY-MM-DD)"));
    }
    let out = out.ok_or_else(|| format!("--out is required; {usage}"))?;
    Ok(ExportArgs {
        answers,
        out,
        date: date.map_or_else(today_utc, str::to_owned),
        texts,
    })
}

/// Today's date in UTC from the system clock (the command line may read it; the core does not).
fn today_utc() -> String {
    let days = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() / 86_400) as i64;
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

fn write_export(
    assessment: &Assessment,
    args: &ExportArgs<'_>,
) -> Result<Vec<matrix::Warning>, String> {
    let q = questionnaire::localized(args.texts);
    let built = matrix::localized_build(args.texts, assessment);
    let options = export::ExportOptions {
        date: args.date.clone(),
        brand: None,
        texts: args.texts,
    };
    let bytes = export::workbook(&built, assessment, q, &options).map_err(|e| e.to_string())?;
    std::fs::write(args.out, bytes).map_err(|e| format!("cannot write {}: {e}", args.out))?;
    Ok(built.warnings)
}
