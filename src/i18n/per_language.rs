//! Localized copies of built-in data, one per language, kept for the program's life.

/// One copy per language of a localized data set, made once and kept for the program's life
/// (a handful of languages at most), so callers keep `&'static` data like the English built-in.
pub struct PerLanguage<T: 'static> {
    made: std::sync::Mutex<Vec<(String, &'static T)>>,
}

impl<T: 'static> PerLanguage<T> {
    pub const fn new() -> Self {
        PerLanguage {
            made: std::sync::Mutex::new(Vec::new()),
        }
    }

    /// The copy for `lang`, if made.
    pub fn find(&self, lang: &str) -> Option<&'static T> {
        let made = self
            .made
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        made.iter().find(|(l, _)| l == lang).map(|(_, copy)| *copy)
    }

    /// The copy for `lang`, made by `make` the first time.
    pub fn get(&self, lang: &str, make: impl FnOnce() -> T) -> &'static T {
        let mut made = self
            .made
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some((_, copy)) = made.iter().find(|(l, _)| l == lang) {
            return copy;
        }
        let copy: &'static T = Box::leak(Box::new(make()));
        made.push((lang.to_owned(), copy));
        copy
    }
}

impl<T: 'static> Default for PerLanguage<T> {
    fn default() -> Self {
        Self::new()
    }
}
