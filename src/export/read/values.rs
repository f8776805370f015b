//! Cell values as a spreadsheet program saves them, read into what the assessment holds: text as
//! typed, statuses in any case or spacing, dates as date cells (serial numbers) or as text.

use calamine::Data;

use super::words::words;
use crate::assessment::Status;
use crate::date::Date;
use crate::i18n::Texts;

/// The text a cell shows, for comparing and reporting. Formulas are never run: a formula cell
/// reads as the result the program saved with it.
pub fn text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{f:.0}"),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_owned(),
        Data::DateTime(d) => date_cell(d).map_or_else(|| d.as_f64().to_string(), |d| d.to_string()),
        Data::Error(e) => e.to_string(),
    }
}

/// A status typed in any case or spacing, by its label in any language or its identifier.
/// A problem is worded in `texts`' language, naming the statuses in it.
pub fn status(cell: &Data, texts: &Texts) -> Result<Status, String> {
    let typed = text(cell);
    words().status(&typed).ok_or_else(|| {
        let labels: Vec<&str> = Status::ALL.iter().map(|s| texts.label(*s)).collect();
        texts.fill(
            "read.problem.not-a-status",
            &[("typed", &typed), ("statuses", &labels.join(", "))],
        )
    })
}

/// Yes or no, in any case and any language.
pub fn yes_no(cell: &Data, texts: &Texts) -> Result<bool, String> {
    match cell {
        Data::Bool(b) => Ok(*b),
        other => {
            let typed = text(other);
            words().yes_no(&typed).ok_or_else(|| {
                texts.fill(
                    "read.problem.not-yes-no",
                    &[
                        ("typed", &typed.trim()),
                        ("yes", &texts.get("workbook.yes")),
                        ("no", &texts.get("workbook.no")),
                    ],
                )
            })
        }
    }
}

/// A date: a date cell, a serial number, or as text `YYYY-MM-DD` or in the order the
/// workbook's language `lang` writes dates; empty is no date.
pub fn date(cell: &Data, lang: Option<&str>, texts: &Texts) -> Result<String, String> {
    match cell {
        Data::Empty => Ok(String::new()),
        Data::DateTime(d) => date_cell(d)
            .map(|d| d.to_string())
            .ok_or_else(|| texts.get("read.problem.outside-calendar").to_owned()),
        Data::Float(f) => serial_date(*f)
            .map(|d| d.to_string())
            .ok_or_else(|| texts.fill("read.problem.number-not-a-date", &[("number", f)])),
        Data::Int(i) => serial_date(*i as f64)
            .map(|d| d.to_string())
            .ok_or_else(|| texts.fill("read.problem.number-not-a-date", &[("number", i)])),
        other => {
            let typed = text(other);
            let trimmed = typed.trim();
            if trimmed.is_empty() {
                return Ok(String::new());
            }
            // Date-and-time text as some programs save it: the date part counts, when what
            // follows it is a time (`2027-12-31 10:30`, `2027-12-31T10:30:00`), not more digits.
            let day = match (trimmed.get(..10), trimmed.get(10..)) {
                (Some(day), Some(rest))
                    if rest.is_empty()
                        || (rest.starts_with([' ', 'T'])
                            && rest[1..]
                                .trim_start()
                                .starts_with(|c: char| c.is_ascii_digit())) =>
                {
                    day
                }
                _ => trimmed,
            };
            Date::parse(day)
                .or_else(|| words().typed_date(lang, trimmed))
                .map(|d| d.to_string())
                .ok_or_else(|| texts.fill("read.problem.not-a-date", &[("typed", &typed)]))
        }
    }
}

/// The calendar date of a date cell, in the workbook's date system: a workbook saved with the
/// 1904 system (as Excel for Mac once did) counts its serials from 1904.
fn date_cell(cell: &calamine::ExcelDateTime) -> Option<Date> {
    let serial = cell.as_f64();
    if !serial.is_finite() || !(0.0..2_958_466.0).contains(&serial) {
        return None;
    }
    let (year, month, day, ..) = cell.to_ymd_hms_milli();
    if year < 1900 {
        return None;
    }
    Date::parse(&format!("{year:04}-{month:02}-{day:02}"))
}

/// The calendar date of an Excel serial number (1900 date system; serial 60 is Excel's
/// 29 February 1900, which never was). Times of day are dropped.
pub fn serial_date(serial: f64) -> Option<Date> {
    if !serial.is_finite() || !(1.0..2_958_466.0).contains(&serial) {
        return None;
    }
    let days = serial.floor() as i64;
    match days {
        60 => None,
        1..=59 => Some(Date::parse("1899-12-31")?.add_days(days)),
        _ => Some(Date::parse("1899-12-30")?.add_days(days)),
    }
}

#[cfg(test)]
mod tests {
    use calamine::{ExcelDateTime, ExcelDateTimeType};

    use super::*;

    fn due(cell: Data) -> Result<String, String> {
        date(&cell, Some("en"), Texts::english())
    }

    #[test]
    fn a_date_cell_reads_in_the_workbook_date_system() {
        // 2027-01-21: serial 46408 from 1900, 44946 from 1904 (1,462 days later).
        let in_1900 = ExcelDateTime::new(46_408.0, ExcelDateTimeType::DateTime, false);
        let in_1904 = ExcelDateTime::new(44_946.0, ExcelDateTimeType::DateTime, true);
        assert_eq!(due(Data::DateTime(in_1900)).as_deref(), Ok("2027-01-21"));
        assert_eq!(due(Data::DateTime(in_1904)).as_deref(), Ok("2027-01-21"));
        let before_1900 = ExcelDateTime::new(-5.0, ExcelDateTimeType::DateTime, false);
        assert!(due(Data::DateTime(before_1900)).is_err());
    }

    #[test]
    fn typed_text_is_a_date_only_when_nothing_but_a_time_follows_it() {
        let typed = |text: &str| due(Data::String(text.to_owned()));
        assert_eq!(typed("2027-12-31").as_deref(), Ok("2027-12-31"));
        assert_eq!(typed(" 2027-12-31 10:30 ").as_deref(), Ok("2027-12-31"));
        assert_eq!(typed("2027-12-31T10:30:00").as_deref(), Ok("2027-12-31"));
        assert!(typed("2027-01-011").is_err());
        assert!(typed("2027-12-31abc").is_err());
        assert!(typed("2027-12-31 and later").is_err());
    }

    #[test]
    fn an_error_cell_reads_as_the_program_shows_it() {
        assert_eq!(text(&Data::Error(calamine::CellErrorType::NA)), "#N/A");
        assert_eq!(text(&Data::Error(calamine::CellErrorType::Div0)), "#DIV/0!");
    }
}
