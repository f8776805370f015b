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
        Data::DateTime(d) => {
            serial_date(d.as_f64()).map_or_else(|| d.as_f64().to_string(), |d| d.to_string())
        }
        Data::Error(e) => format!("#{e:?}"),
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
        Data::DateTime(d) => serial_date(d.as_f64())
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
            // Date-and-time text as some programs save it: the date part counts.
            let day = trimmed.get(..10).unwrap_or(trimmed);
            Date::parse(day)
                .or_else(|| words().typed_date(lang, trimmed))
                .map(|d| d.to_string())
                .ok_or_else(|| texts.fill("read.problem.not-a-date", &[("typed", &typed)]))
        }
    }
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
