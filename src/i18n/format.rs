//! Numbers as a language writes them: the digit-group and decimal separators come from the
//! bundle (`format.group`, `format.decimal`).

use std::collections::HashMap;

/// How one language writes numbers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NumberFormat {
    pub group: String,
    pub decimal: String,
}

impl NumberFormat {
    pub(super) fn from_texts(messages: &HashMap<String, String>) -> NumberFormat {
        let get = |key: &str, default: &str| {
            messages
                .get(key)
                .cloned()
                .unwrap_or_else(|| default.to_owned())
        };
        NumberFormat {
            group: get("format.group", ","),
            decimal: get("format.decimal", "."),
        }
    }

    /// `value` with its digits grouped by three.
    pub fn integer(&self, value: i64) -> String {
        let digits = value.unsigned_abs().to_string();
        let mut out = String::new();
        if value < 0 {
            out.push('-');
        }
        for (i, digit) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                out.push_str(&self.group);
            }
            out.push(digit);
        }
        out
    }

    /// `value` rounded to `decimals` decimals, grouped, with the language's decimal sign.
    pub fn decimal(&self, value: f64, decimals: usize) -> String {
        let text = format!("{:.*}", decimals, value.abs());
        let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
        let whole: i64 = whole.parse().unwrap_or(0);
        let sign = if value < 0.0 && text.chars().any(|c| c.is_ascii_digit() && c != '0') {
            "-"
        } else {
            ""
        };
        let mut out = format!("{sign}{}", self.integer(whole));
        if !fraction.is_empty() {
            out.push_str(&self.decimal);
            out.push_str(fraction);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_digits_and_writes_the_decimal_sign() {
        let de = NumberFormat {
            group: ".".into(),
            decimal: ",".into(),
        };
        assert_eq!(de.integer(0), "0");
        assert_eq!(de.integer(999), "999");
        assert_eq!(de.integer(1000), "1.000");
        assert_eq!(de.integer(-1234567), "-1.234.567");
        assert_eq!(de.decimal(2.5, 1), "2,5");
        assert_eq!(de.decimal(1234.567, 2), "1.234,57");
        assert_eq!(de.decimal(-0.01, 1), "0,0");
    }
}
