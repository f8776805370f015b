//! The native command-line front door: the core's matrix, catalog and workbook without a
//! browser, for consultancies that batch reports and for tests. Built only natively: the wasm
//! builds never carry it. All logic is in `cli`.

mod cli;

use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let stdout = std::io::stdout();
    let stderr = std::io::stderr();
    let code = cli::run(&args, &mut stdout.lock(), &mut stderr.lock());
    let _ = std::io::stdout().flush();
    ExitCode::from(code)
}
