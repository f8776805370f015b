//! Calendar dates as the app stores them (`YYYY-MM-DD`), with the little arithmetic the plan
//! needs: months added for phase targets, days between two dates for warnings. Proleptic
//! Gregorian, no time zones: a plan is dated in whole days.

use std::fmt;

/// A valid calendar date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

impl Date {
    /// `YYYY-MM-DD` with a real month and a day that month has; anything else is `None`.
    pub fn parse(text: &str) -> Option<Date> {
        let bytes = text.as_bytes();
        if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
            return None;
        }
        let number = |range: std::ops::Range<usize>| -> Option<u16> {
            let part = &text[range];
            part.bytes()
                .all(|b| b.is_ascii_digit())
                .then(|| part.parse().ok())?
        };
        let (year, month, day) = (number(0..4)?, number(5..7)?, number(8..10)?);
        let month = u8::try_from(month).ok()?;
        let day = u8::try_from(day).ok()?;
        ((1..=12).contains(&month) && (1..=days_in_month(year, month)).contains(&day))
            .then_some(Date { year, month, day })
    }

    /// The date part of an RFC 3339 timestamp such as the assessment's `created`.
    pub fn of_timestamp(timestamp: &str) -> Option<Date> {
        timestamp.get(..10).and_then(Date::parse)
    }

    /// The same day `months` later, or the month's last day when it has fewer days.
    pub fn add_months(self, months: u32) -> Date {
        let index = u32::from(self.year) * 12 + u32::from(self.month) - 1 + months;
        let year = u16::try_from(index / 12).unwrap_or(u16::MAX);
        let month = (index % 12) as u8 + 1;
        Date {
            year,
            month,
            day: self.day.min(days_in_month(year, month)),
        }
    }

    /// Days since 0000-03-01, for differences (the civil-from-days algorithm run backwards).
    fn day_number(self) -> i64 {
        let (y, m) = if self.month <= 2 {
            (i64::from(self.year) - 1, i64::from(self.month) + 12)
        } else {
            (i64::from(self.year), i64::from(self.month))
        };
        365 * y + y / 4 - y / 100 + y / 400 + (153 * (m - 3) + 2) / 5 + i64::from(self.day) - 1
    }

    /// The date `days` days later (earlier when negative).
    pub fn add_days(self, days: i64) -> Date {
        // Civil-from-days (Howard Hinnant), counting from 0000-03-01 as `day_number` does.
        let n = self.day_number() + days;
        let era = n.div_euclid(146_097);
        let doe = n.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = era * 400 + yoe + i64::from(month <= 2);
        Date {
            year: u16::try_from(year).unwrap_or(0),
            month,
            day,
        }
    }

    /// The day of the week, Monday 0 to Sunday 6.
    pub fn weekday(self) -> u8 {
        // 0000-03-01, day number 0, was a Wednesday (2).
        (self.day_number() + 2).rem_euclid(7) as u8
    }

    /// This date, or the Friday before it when it falls on a Saturday or a Sunday: a date the
    /// plan works out is a working day (public holidays, which differ by country, are not
    /// known here).
    pub fn working_day_on_or_before(self) -> Date {
        match self.weekday() {
            5 => self.add_days(-1),
            6 => self.add_days(-2),
            _ => self,
        }
    }

    /// `working_day_on_or_before`, but never before `start`: a date within a span that begins
    /// at a weekend keeps the span's own first day rather than moving out of it.
    pub fn working_day_on_or_before_within(self, start: Date) -> Date {
        self.working_day_on_or_before().max(start)
    }

    /// The year, month and day.
    pub fn parts(self) -> (u16, u8, u8) {
        (self.year, self.month, self.day)
    }

    /// Whole days from `self` to `later` (negative when `later` is earlier).
    pub fn days_until(self, later: Date) -> i64 {
        later.day_number() - self.day_number()
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

fn days_in_month(year: u16, month: u8) -> u8 {
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::Date;

    #[test]
    fn parses_only_real_dates() {
        assert!(Date::parse("2024-02-29").is_some());
        for bad in [
            "2023-02-29",
            "2026-13-01",
            "2026-04-31",
            "26-01-01",
            "2026-1-01",
            "2026-01-0a",
            "",
        ] {
            assert_eq!(Date::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn adds_months_and_counts_days() {
        let d = Date::parse("2026-08-31").unwrap();
        assert_eq!(d.add_months(6).to_string(), "2027-02-28");
        assert_eq!(d.add_months(18).to_string(), "2028-02-29");
        assert_eq!(d.days_until(Date::parse("2027-08-31").unwrap()), 365);
        assert_eq!(
            Date::parse("2028-01-01")
                .unwrap()
                .days_until(Date::parse("2028-03-01").unwrap()),
            60
        );
        assert_eq!(
            Date::of_timestamp("2026-11-27T10:00:00Z"),
            Date::parse("2026-11-27")
        );
    }

    #[test]
    fn knows_the_weekday_and_the_working_day_before_a_weekend() {
        let d = |t: &str| Date::parse(t).unwrap();
        // Saturday 5 December 2026, Monday 1 January 2024, Thursday 29 February 2024.
        assert_eq!(d("2026-12-05").weekday(), 5);
        assert_eq!(d("2024-01-01").weekday(), 0);
        assert_eq!(d("2024-02-29").weekday(), 3);
        assert_eq!(d("2026-12-05").working_day_on_or_before(), d("2026-12-04"));
        assert_eq!(d("2026-12-06").working_day_on_or_before(), d("2026-12-04"));
        assert_eq!(d("2026-12-07").working_day_on_or_before(), d("2026-12-07"));
        // Across a month's and a year's end.
        assert_eq!(d("2027-01-03").working_day_on_or_before(), d("2027-01-01"));
        // A span that begins on the Saturday keeps its first day.
        let saturday = d("2026-12-05");
        assert_eq!(
            d("2026-12-06").working_day_on_or_before_within(saturday),
            saturday
        );
        assert_eq!(
            d("2026-12-13").working_day_on_or_before_within(saturday),
            d("2026-12-11")
        );
    }
}
