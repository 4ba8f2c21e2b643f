//! JSON numbers as they appear in filter comparison values.

use core::fmt;
use core::str::FromStr;

/// A JSON number from a filter, kept exactly as written (RFC 7644 §3.4.2.2 `compValue`,
/// RFC 8259 §6).
///
/// The text is kept rather than converted so that nothing is lost before an evaluator knows the
/// attribute's type (`integer` or `decimal`, RFC 7643 §2.3.3–2.3.4): `1.10`, `-1.5e3` and
/// `12345678901234567890123` all survive untouched. Use [`as_i64`](Self::as_i64),
/// [`as_u64`](Self::as_u64) or [`as_f64`](Self::as_f64) to compare.
///
/// Equality is on the text, as befits a syntax tree: `1.0` and `1` are different `Number`s.
///
/// ```
/// use scim_filter_syntax::filter::Number;
///
/// let n: Number = "-1.5e3".parse()?;
/// assert_eq!(n.as_f64(), -1500.0);
/// assert_eq!(n.as_i64(), None);
/// assert_eq!(Number::from(42).as_i64(), Some(42));
/// assert!("01".parse::<Number>().is_err());
/// # Ok::<(), scim_filter_syntax::filter::InvalidNumber>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Number(Box<str>);

impl Number {
    /// The number as written.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether the number is written without a fraction or exponent.
    pub fn is_integer(&self) -> bool {
        !self.0.contains(['.', 'e', 'E'])
    }

    /// The value as an `i64`, if it is written as an integer and fits.
    pub fn as_i64(&self) -> Option<i64> {
        if self.is_integer() {
            self.0.parse().ok()
        } else {
            None
        }
    }

    /// The value as a `u64`, if it is written as a non-negative integer and fits.
    pub fn as_u64(&self) -> Option<u64> {
        if self.is_integer() {
            self.0.parse().ok()
        } else {
            None
        }
    }

    /// The value as the nearest `f64` (infinite if the exponent is out of range).
    pub fn as_f64(&self) -> f64 {
        // Every JSON number is valid Rust float syntax.
        self.0.parse().unwrap_or(f64::NAN)
    }

    /// Wraps the `Debug` text of a finite float (shortest round-trip digits, with an exponent
    /// for very large or small values: `1.5`, `1e300`), or its `Display` text (plain digits,
    /// always valid JSON) should `Debug` ever print something JSON does not allow.
    fn from_float_text(debug: String, display: impl FnOnce() -> String) -> Self {
        if is_json_number(&debug) {
            Self(debug.into())
        } else {
            Self(display().into())
        }
    }

    /// Wraps text already checked by [`is_json_number`].
    pub(crate) fn from_validated(text: &str) -> Self {
        debug_assert!(is_json_number(text));
        Self(text.into())
    }
}

impl fmt::Display for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The text is not a JSON number (RFC 8259 §6), or the float is NaN or infinite.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not a JSON number: {0:?}")]
pub struct InvalidNumber(String);

impl FromStr for Number {
    type Err = InvalidNumber;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        if is_json_number(text) {
            Ok(Self::from_validated(text))
        } else {
            Err(InvalidNumber(text.to_owned()))
        }
    }
}

macro_rules! number_from_integer {
    ($($int:ty),*) => {$(
        impl From<$int> for Number {
            fn from(value: $int) -> Self {
                Self(value.to_string().into())
            }
        }
    )*};
}
number_from_integer!(i8, i16, i32, i64, i128, isize, u8, u16, u32, u64, u128, usize);

impl TryFrom<f64> for Number {
    type Error = InvalidNumber;

    /// Converts a finite float; NaN and the infinities have no JSON form.
    fn try_from(value: f64) -> Result<Self, Self::Error> {
        if value.is_finite() {
            Ok(Self::from_float_text(format!("{value:?}"), || {
                value.to_string()
            }))
        } else {
            Err(InvalidNumber(value.to_string()))
        }
    }
}

impl TryFrom<f32> for Number {
    type Error = InvalidNumber;

    /// Converts a finite float; NaN and the infinities have no JSON form.
    fn try_from(value: f32) -> Result<Self, Self::Error> {
        if value.is_finite() {
            Ok(Self::from_float_text(format!("{value:?}"), || {
                value.to_string()
            }))
        } else {
            Err(InvalidNumber(value.to_string()))
        }
    }
}

#[cfg(feature = "serde")]
impl From<&serde_json::Number> for Number {
    fn from(value: &serde_json::Number) -> Self {
        // serde_json holds only finite numbers and displays them as JSON numbers.
        Self::from_validated(&value.to_string())
    }
}

/// Whether `text` is exactly one JSON number:
/// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?` (RFC 8259 §6).
pub(crate) fn is_json_number(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut i = 0;
    let digits_from = |mut i: usize| {
        while bytes.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        i
    };
    if bytes.get(i) == Some(&b'-') {
        i += 1;
    }
    match bytes.get(i) {
        Some(b'0') => i += 1,
        Some(b'1'..=b'9') => i = digits_from(i + 1),
        _ => return false,
    }
    if bytes.get(i) == Some(&b'.') {
        let end = digits_from(i + 1);
        if end == i + 1 {
            return false;
        }
        i = end;
    }
    if matches!(bytes.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(bytes.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        let end = digits_from(i);
        if end == i {
            return false;
        }
        i = end;
    }
    i == bytes.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_exactly_json_numbers() {
        for ok in [
            "0",
            "-0",
            "1",
            "-1.5e3",
            "10.25",
            "1E+2",
            "1e-2",
            "123456789012345678901234",
        ] {
            assert!(is_json_number(ok), "{ok}");
        }
        for bad in [
            "", "-", "01", "+1", "1.", ".5", "1e", "1e+", "0x10", "1.5.2", "NaN", "1_000",
        ] {
            assert!(!is_json_number(bad), "{bad}");
        }
    }

    #[test]
    fn converts_floats_to_json() {
        for value in [
            0.0,
            -0.0,
            1.5,
            -1500.0,
            1e300,
            1e-300,
            f64::MAX,
            f64::MIN_POSITIVE,
        ] {
            let number = Number::try_from(value).expect("finite");
            assert!(is_json_number(number.as_str()), "{number}");
            assert_eq!(number.as_f64(), value);
        }
        assert_eq!(Number::try_from(1e300).expect("finite").as_str(), "1e300");
        assert_eq!(Number::try_from(1.5f32).expect("finite").as_str(), "1.5");
        assert!(Number::try_from(f64::NAN).is_err());
        assert!(Number::try_from(f64::INFINITY).is_err());
    }

    // The conversion exists only with the `serde` feature.
    #[cfg(feature = "serde")]
    #[test]
    fn converts_serde_json_numbers() {
        for text in ["0", "-7", "18446744073709551615", "1.5", "1e300", "-2.5e-8"] {
            let json: serde_json::Number = text.parse().expect("valid JSON");
            let number = Number::from(&json);
            assert!(is_json_number(number.as_str()), "{number}");
            assert_eq!(number.as_f64(), json.as_f64().expect("a float"));
        }
    }

    #[test]
    fn reads_integers_and_floats() {
        let n: Number = "-42".parse().expect("number");
        assert_eq!(
            (n.as_i64(), n.as_u64(), n.is_integer()),
            (Some(-42), None, true)
        );
        let n: Number = "2.5".parse().expect("number");
        assert_eq!((n.as_i64(), n.as_f64()), (None, 2.5));
    }
}
