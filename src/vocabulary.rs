//! Closed vocabularies: enums whose every value has one identifier (the word data files, saved
//! JSON, URLs and the workbook use) and one English label, written once in a table. The macro
//! generates `ALL`, `as_str`, `parse`, `label` and serde that reads and writes the identifier,
//! so no enum carries a hand-written string table and the two directions cannot disagree.
//! Pure: no browser, no IO.

/// Declares a vocabulary enum:
///
/// ```ignore
/// vocabulary! {
///     /// Where a row stands.
///     pub enum Status {
///         NotStarted = "not_started" => "Not started",
///         Implemented = "implemented" => "Implemented",
///     }
/// }
/// ```
macro_rules! vocabulary {
    (@label $id:literal) => { $id };
    (@label $id:literal, $label:literal) => { $label };
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $( $(#[$variant_meta:meta])* $variant:ident = $id:literal $(=> $label:literal)? ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        $vis enum $name {
            $( $(#[$variant_meta])* $variant ),+
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: [$name; <[&str]>::len(&[$($id),+])] = [$($name::$variant),+];

            /// The identifier used in data files, saved JSON and URLs.
            pub fn as_str(self) -> &'static str {
                match self { $( $name::$variant => $id ),+ }
            }

            /// The value whose identifier is `text`, exactly.
            pub fn parse(text: &str) -> Option<$name> {
                match text {
                    $( $id => Some($name::$variant), )+
                    _ => None,
                }
            }

            /// The English label shown to people (the identifier when the table gives none).
            pub fn label(self) -> &'static str {
                match self { $( $name::$variant => $crate::vocabulary::vocabulary!(@label $id $(, $label)?) ),+ }
            }
        }

        impl $crate::vocabulary::Vocabulary for $name {
            const IDS: &'static [&'static str] = &[$($id),+];
            const NAME: &'static str = stringify!($name);

            fn id(self) -> &'static str {
                self.as_str()
            }

            fn english(self) -> &'static str {
                self.label()
            }

            fn parse(text: &str) -> Option<Self> {
                $name::parse(text)
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let text = <std::borrow::Cow<'de, str> as serde::Deserialize>::deserialize(deserializer)?;
                $name::parse(&text)
                    .ok_or_else(|| serde::de::Error::unknown_variant(&text, &[$($id),+]))
            }
        }
    };
}

pub(crate) use vocabulary;

/// What every vocabulary enum offers to generic code: its identifiers, parsing them, labels.
pub trait Vocabulary: Sized + Copy + 'static {
    /// Every identifier, in declaration order.
    const IDS: &'static [&'static str];
    /// The type's name, which prefixes its labels' translation keys (`Status.implemented`).
    const NAME: &'static str;
    fn parse(text: &str) -> Option<Self>;
    fn id(self) -> &'static str;
    /// The English label of the table.
    fn english(self) -> &'static str;
}

#[cfg(test)]
mod tests {
    vocabulary! {
        enum Colour {
            Red = "red" => "Red",
            DarkBlue = "dark_blue" => "Dark blue",
        }
    }

    #[test]
    fn identifiers_labels_and_serde_come_from_one_table() {
        assert_eq!(Colour::ALL, [Colour::Red, Colour::DarkBlue]);
        for colour in Colour::ALL {
            assert_eq!(Colour::parse(colour.as_str()), Some(colour));
            let json = serde_json::to_string(&colour).unwrap();
            assert_eq!(json, format!("\"{}\"", colour.as_str()));
            assert_eq!(serde_json::from_str::<Colour>(&json).unwrap(), colour);
        }
        assert_eq!(Colour::DarkBlue.label(), "Dark blue");
        assert_eq!(Colour::parse("Dark blue"), None);
        let error = serde_json::from_str::<Colour>("\"green\"").unwrap_err();
        assert!(
            error.to_string().contains("unknown variant `green`"),
            "{error}"
        );
    }
}
