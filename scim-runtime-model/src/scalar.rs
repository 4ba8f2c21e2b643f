//! The scalar SCIM data types that have no exact Rust counterpart (RFC 7643 §2.3).
//!
//! `string`, `boolean` and `integer` map to [`String`], [`bool`] and [`i64`]. The others get a
//! type here that keeps what the peer sent, so that reading a resource and writing it back never
//! changes a value.

use core::fmt;
use core::str::FromStr;

use base64::Engine as _;
use serde::{de, Deserialize, Deserializer, Serialize, Serializer};

/// A SCIM `decimal` (RFC 7643 §2.3.3).
///
/// This is [`serde_json::Number`]. With this crate's feature `exact-numbers` (on by default,
/// serde_json's `arbitrary_precision`) it keeps every digit the peer sent, and any exponent
/// (`1e400`); written back, it is the text as sent (serde_json adds an exponent's sign:
/// `1e+400`). Without the feature a decimal is an `f64`: digits beyond its 17 significant ones
/// are rounded, and a number beyond its range is refused with a typed error naming the
/// attribute. Compare decimals by value with [`ExactNumber::from_json`], as filters and
/// sorting do. See the crate documentation on numbers for why the feature can be turned off.
pub type Decimal = serde_json::Number;

/// The exact value of a JSON number, for comparing numbers by value rather than by text.
///
/// Filters (RFC 7644 §3.4.2.2), sorting (§3.4.2.3) and PATCH compare `integer` and `decimal`
/// values numerically: `1`, `1.0`, `1E+0` and `10e-1` are equal, `-0` equals `0`, and
/// integers beyond `i64` (`123456789012345678901234567890`) and decimals with more digits than
/// an `f64` holds compare exactly, without rounding through a float. The value is kept as
/// decimal digits and a power of ten, so every JSON number (RFC 8259 §6), `1e400` included,
/// has one.
///
/// ```
/// use scim_runtime::scalar::ExactNumber;
/// let big = ExactNumber::parse("123456789012345678901234567890").unwrap();
/// let bigger = ExactNumber::parse("123456789012345678901234567891").unwrap();
/// assert!(big < bigger);
/// assert_eq!(ExactNumber::parse("1.0"), ExactNumber::parse("1E+0"));
/// assert_eq!(ExactNumber::parse("-0").unwrap().to_i64(), Some(0));
/// assert_eq!(ExactNumber::parse("1e400").unwrap().to_i64(), None);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ExactNumber {
    /// Whether the value is below zero (never for zero).
    negative: bool,
    /// The significant digits, without leading or trailing zeros; empty for zero.
    digits: Box<str>,
    /// The value is `0.digits × 10^exponent`; 0 for zero.
    exponent: i64,
}

impl ExactNumber {
    /// The value of a number written as JSON writes numbers (RFC 8259 §6), also with an
    /// explicit `+` in the exponent; `None` for any other text.
    pub fn parse(text: &str) -> Option<Self> {
        let b = text.as_bytes();
        let mut i = 0;
        let negative = b.first() == Some(&b'-');
        if negative {
            i += 1;
        }
        let mut digits = String::new();
        let int_start = i;
        while b.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        if i == int_start {
            return None;
        }
        digits.push_str(&text[int_start..i]);
        // The decimal point sits after the integer digits.
        let mut point = i64::try_from(i - int_start).ok()?;
        if b.get(i) == Some(&b'.') {
            let frac_start = i + 1;
            i = frac_start;
            while b.get(i).is_some_and(u8::is_ascii_digit) {
                i += 1;
            }
            if i == frac_start {
                return None;
            }
            digits.push_str(&text[frac_start..i]);
        }
        let mut exponent: i64 = 0;
        if matches!(b.get(i), Some(b'e' | b'E')) {
            i += 1;
            let exp_negative = match b.get(i) {
                Some(b'-') => {
                    i += 1;
                    true
                }
                Some(b'+') => {
                    i += 1;
                    false
                }
                _ => false,
            };
            let exp_start = i;
            while let Some(d) = b.get(i).filter(|d| d.is_ascii_digit()) {
                // Saturates far beyond any exponent a comparison can tell apart in practice.
                exponent = exponent
                    .saturating_mul(10)
                    .saturating_add(i64::from(d - b'0'))
                    .min(i64::MAX / 4);
                i += 1;
            }
            if i == exp_start {
                return None;
            }
            if exp_negative {
                exponent = -exponent;
            }
        }
        if i != b.len() {
            return None;
        }
        let leading = digits.len() - digits.trim_start_matches('0').len();
        point -= i64::try_from(leading).ok()?;
        let significant = digits.trim_start_matches('0').trim_end_matches('0');
        if significant.is_empty() {
            return Some(Self::zero());
        }
        Some(Self {
            negative,
            digits: significant.into(),
            exponent: point.saturating_add(exponent),
        })
    }

    fn zero() -> Self {
        Self {
            negative: false,
            digits: "".into(),
            exponent: 0,
        }
    }

    /// The value of a `serde_json::Number`: exact with the `exact-numbers` feature, else the
    /// `i64`, `u64` or `f64` serde_json kept.
    pub fn from_json(number: &serde_json::Number) -> Self {
        // serde_json writes every number it holds as a JSON number.
        Self::parse(&number.to_string()).unwrap_or_else(Self::zero)
    }

    /// The value of an integer.
    pub fn from_i64(value: i64) -> Self {
        Self::parse(&value.to_string()).unwrap_or_else(Self::zero)
    }

    /// Whether the value is a whole number (`1.0` and `1e2` are).
    pub fn is_integer(&self) -> bool {
        self.digits.is_empty() || self.exponent >= self.digits.len() as i64
    }

    /// The value as an `i64`, if it is a whole number in range (`42.0` is `42`).
    pub fn to_i64(&self) -> Option<i64> {
        if self.digits.is_empty() {
            return Some(0);
        }
        if !self.is_integer() || self.exponent > 19 {
            return None;
        }
        let zeros = usize::try_from(self.exponent).ok()? - self.digits.len();
        let magnitude: i128 = format!("{}{}", self.digits, "0".repeat(zeros))
            .parse()
            .ok()?;
        i64::try_from(if self.negative { -magnitude } else { magnitude }).ok()
    }

    fn cmp_magnitude(&self, other: &Self) -> core::cmp::Ordering {
        // The leading digit is never zero, so the exponent orders magnitudes first; for the
        // same exponent the digits compare as text (a prefix is the smaller number).
        self.exponent
            .cmp(&other.exponent)
            .then_with(|| self.digits.cmp(&other.digits))
    }

    fn signum(&self) -> i8 {
        if self.digits.is_empty() {
            0
        } else if self.negative {
            -1
        } else {
            1
        }
    }
}

impl PartialOrd for ExactNumber {
    fn partial_cmp(&self, other: &Self) -> Option<core::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for ExactNumber {
    fn cmp(&self, other: &Self) -> core::cmp::Ordering {
        match (self.signum(), other.signum()) {
            (1, 1) => self.cmp_magnitude(other),
            (-1, -1) => other.cmp_magnitude(self),
            (a, b) => a.cmp(&b),
        }
    }
}

/// A SCIM `dateTime`: an `xsd:dateTime` such as `2008-01-23T04:56:22Z` (RFC 7643 §2.3.5).
///
/// The text is kept as sent and written back unchanged; the instant it names is parsed once, on
/// construction, and [`DateTime::instant`] returns it (filters compare dateTimes as instants,
/// RFC 7644 §3.4.2.2).
///
/// # What is read
///
/// RFC 7643 §2.3.5 asks for `xsd:dateTime` values "with no fractional seconds" optional and
/// encoded as RFC 3339 allows. Real peers send variations; those that name one instant without
/// doubt are read, and kept as sent:
///
/// - `T` or `t` between date and time, `Z` or `z` for UTC (RFC 3339 §5.6 allows both cases);
/// - an offset written `+02:00`, `+0200` (as Java servers write it) or `+02`; `-00:00` is UTC;
/// - no time zone at all, read as UTC, as `xsd:dateTime` leaves it to the application;
/// - fractional seconds of any length (the instant keeps nanoseconds; further digits are kept
///   in the text only);
/// - the leap second `23:59:60`, whose instant is the last nanosecond of `23:59:59`, as the
///   `time` crate reads RFC 3339 leap seconds.
///
/// Everything else is a [`DateTimeError`] that names the value and why: a year that is not four
/// digits (RFC 3339 §5.6 `date-fullyear`), month 13, day 30 of February, hour 24 or 25,
/// minute or second 60 (outside the leap second), an offset beyond `±23:59`.
///
/// # Equality and order
///
/// Equality and hashing are on the text, so that a value read and written back is equal to
/// itself and `2011-05-13T04:42:34Z` and `2011-05-13T06:42:34+02:00` (the same instant, spelled
/// differently) are two different values. The order is by instant first and, for the same
/// instant, by text, so that it is consistent with equality (`a == b` exactly when
/// `a.cmp(&b) == Equal`) while `06:42:34+02:00` comes before `05:00:00Z`. Compare
/// [`DateTime::instant`]s to ask whether two values name the same point in time.
#[derive(Clone)]
pub struct DateTime {
    text: String,
    instant: time::OffsetDateTime,
}

/// Why a string is not an `xsd:dateTime`, or an instant has no RFC 3339 form.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{value}` is not an xsd:dateTime such as 2008-01-23T04:56:22Z: {reason}")]
pub struct DateTimeError {
    value: String,
    reason: String,
}

impl DateTime {
    /// Parses and keeps an `xsd:dateTime` string; see the [type documentation](Self) for what
    /// is accepted.
    pub fn parse(text: &str) -> Result<Self, DateTimeError> {
        parse_instant(text).map(|instant| Self {
            text: text.to_owned(),
            instant,
        })
    }

    /// The value for an instant, written in RFC 3339 form (`Z` for UTC, else the instant's
    /// offset).
    ///
    /// Fails for an instant RFC 3339 cannot write: a year before 0000 or after 9999, or an
    /// offset with seconds.
    pub fn from_instant(instant: time::OffsetDateTime) -> Result<Self, DateTimeError> {
        use time::format_description::well_known::Rfc3339;
        match instant.format(&Rfc3339) {
            Ok(text) => Ok(Self { text, instant }),
            Err(e) => Err(DateTimeError {
                value: instant.to_string(),
                reason: format!("the instant has no RFC 3339 form: {e}"),
            }),
        }
    }

    /// The current time, as a service provider stamps `meta.created` and `meta.lastModified`.
    pub fn now() -> Self {
        let now = time::OffsetDateTime::now_utc();
        // The clock is in UTC and between the years 0000 and 9999, which RFC 3339 writes.
        Self::from_instant(now).unwrap_or_else(|_| Self {
            text: String::from("1970-01-01T00:00:00Z"),
            instant: time::OffsetDateTime::UNIX_EPOCH,
        })
    }

    /// The text as sent.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The point in time, parsed when the value was made.
    pub fn instant(&self) -> time::OffsetDateTime {
        self.instant
    }
}

impl PartialEq for DateTime {
    fn eq(&self, other: &Self) -> bool {
        self.text == other.text
    }
}

impl Eq for DateTime {}

impl core::hash::Hash for DateTime {
    fn hash<H: core::hash::Hasher>(&self, state: &mut H) {
        self.text.hash(state);
    }
}

impl PartialOrd for DateTime {
    fn partial_cmp(&self, other: &Self) -> Option<core::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for DateTime {
    fn cmp(&self, other: &Self) -> core::cmp::Ordering {
        self.instant
            .cmp(&other.instant)
            .then_with(|| self.text.cmp(&other.text))
    }
}

/// Reads an `xsd:dateTime` leniently (see [`DateTime`]): `YYYY-MM-DD`, `T`, `hh:mm:ss`, an
/// optional fraction, an optional zone.
fn parse_instant(text: &str) -> Result<time::OffsetDateTime, DateTimeError> {
    let error = |reason: &str| DateTimeError {
        value: text.to_owned(),
        reason: reason.to_owned(),
    };
    let b = text.as_bytes();
    let digits = |from: usize, n: usize| -> Option<u32> {
        let part = b.get(from..from + n)?;
        part.iter().all(u8::is_ascii_digit).then(|| {
            part.iter()
                .fold(0u32, |acc, d| acc * 10 + u32::from(d - b'0'))
        })
    };
    let at = |i: usize, c: u8| b.get(i) == Some(&c);
    // YYYY-MM-DDThh:mm:ss
    let year = digits(0, 4).ok_or_else(|| error("the year must be four digits"))?;
    if !at(4, b'-') || !at(7, b'-') {
        return Err(error("the date must be written YYYY-MM-DD"));
    }
    let month = digits(5, 2).ok_or_else(|| error("the month must be two digits"))?;
    let day = digits(8, 2).ok_or_else(|| error("the day must be two digits"))?;
    if !(at(10, b'T') || at(10, b't')) {
        return Err(error("`T` must separate the date and the time"));
    }
    let hour = digits(11, 2).ok_or_else(|| error("the hour must be two digits"))?;
    let minute = digits(14, 2).filter(|_| at(13, b':'));
    let second = digits(17, 2).filter(|_| at(16, b':'));
    let (Some(minute), Some(second)) = (minute, second) else {
        return Err(error("the time must be written hh:mm:ss"));
    };
    let mut i = 19;
    let mut nanos = 0u32;
    if at(i, b'.') {
        let start = i + 1;
        i = start;
        while b.get(i).is_some_and(u8::is_ascii_digit) {
            if i - start < 9 {
                nanos = nanos * 10 + u32::from(b[i] - b'0');
            }
            i += 1;
        }
        if i == start {
            return Err(error("a fraction of a second needs digits after `.`"));
        }
        for _ in (i - start)..9 {
            nanos *= 10;
        }
    }
    let offset_seconds: i32 = match b.get(i) {
        None => 0,
        Some(b'Z' | b'z') if i + 1 == b.len() => 0,
        Some(&sign @ (b'+' | b'-')) => {
            let rest = &b[i + 1..];
            let hours = digits(i + 1, 2);
            let minutes = match rest.len() {
                2 => Some(0),
                4 => digits(i + 3, 2),
                5 if rest[2] == b':' => digits(i + 4, 2),
                _ => None,
            };
            let (Some(hours), Some(minutes)) = (hours, minutes) else {
                return Err(error("the offset must be written +hh:mm, +hhmm or +hh"));
            };
            if hours > 23 || minutes > 59 {
                return Err(error("the offset is out of range"));
            }
            let seconds = (hours * 3600 + minutes * 60) as i32;
            if sign == b'-' {
                -seconds
            } else {
                seconds
            }
        }
        Some(_) => return Err(error("unexpected text after the time")),
    };
    let month = u8::try_from(month)
        .ok()
        .and_then(|m| time::Month::try_from(m).ok())
        .ok_or_else(|| error("the month is out of range"))?;
    let date = time::Date::from_calendar_date(year as i32, month, day as u8)
        .map_err(|_| error("the day does not exist in that month"))?;
    // The leap second 23:59:60 is the last instant of 23:59:59 (RFC 3339 §5.7).
    let (second, nanos) = if second == 60 && hour == 23 && minute == 59 {
        (59, 999_999_999)
    } else {
        (second, nanos)
    };
    let time = time::Time::from_hms_nano(hour as u8, minute as u8, second as u8, nanos)
        .map_err(|_| error("the time of day is out of range"))?;
    let offset = time::UtcOffset::from_whole_seconds(offset_seconds)
        .map_err(|_| error("the offset is out of range"))?;
    Ok(time::PrimitiveDateTime::new(date, time).assume_offset(offset))
}

impl fmt::Debug for DateTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.text, f)
    }
}

impl fmt::Display for DateTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl FromStr for DateTime {
    type Err = DateTimeError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl Serialize for DateTime {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.text)
    }
}

impl<'de> Deserialize<'de> for DateTime {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl de::Visitor<'_> for Visitor {
            type Value = DateTime;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an xsd:dateTime string")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<DateTime, E> {
                DateTime::parse(v).map_err(E::custom)
            }
        }
        deserializer.deserialize_str(Visitor)
    }
}

/// A SCIM `binary`: bytes, base64-encoded on the wire (RFC 7643 §2.3.6).
///
/// The text is checked on reading and kept as sent, so writing it back costs nothing and
/// changes nothing; [`Binary::to_bytes`] decodes it. Decoding accepts the standard alphabet with
/// or without padding, and the URL-safe one, as real peers send all three; [`Binary::from_bytes`]
/// writes standard base64 with padding as the RFC asks.
#[derive(Clone, PartialEq, Eq, Hash, Default)]
pub struct Binary(String);

/// Why a string is not base64.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not base64: {0}")]
pub struct BinaryError(String);

/// Decodes text [`check_base64`] accepts.
fn decode_base64(text: &str) -> Result<Vec<u8>, BinaryError> {
    use base64::engine::general_purpose::{STANDARD_NO_PAD, URL_SAFE_NO_PAD};
    check_base64(text)?;
    let data = text.trim_end_matches('=');
    // One alphabet is used throughout (checked), so one of the two decodes it.
    STANDARD_NO_PAD
        .decode(data)
        .or_else(|_| URL_SAFE_NO_PAD.decode(data))
        .map_err(|e| BinaryError(e.to_string()))
}

/// What a byte of base64 text is: bit 0 not a symbol, bit 1 a symbol of the standard alphabet
/// only (`+`, `/`), bit 2 of the URL-safe one only (`-`, `_`), RFC 4648 §4 and §5.
#[inline(always)]
fn symbol_kind(b: u8) -> u8 {
    // Branch-free, so that the loop over a long value checks many bytes per instruction.
    let alphanumeric =
        (b.wrapping_sub(b'A') < 26) | (b.wrapping_sub(b'a') < 26) | (b.wrapping_sub(b'0') < 10);
    let standard = (b == b'+') | (b == b'/');
    let url_safe = (b == b'-') | (b == b'_');
    u8::from(!(alphanumeric | standard | url_safe))
        | (u8::from(standard) << 1)
        | (u8::from(url_safe) << 2)
}

/// The 6 bits a base64 symbol stands for (RFC 4648 §4, §5); `symbol` is one.
fn symbol_bits(symbol: u8) -> u8 {
    match symbol {
        b'A'..=b'Z' => symbol - b'A',
        b'a'..=b'z' => symbol - b'a' + 26,
        b'0'..=b'9' => symbol - b'0' + 52,
        b'+' | b'-' => 62,
        _ => 63,
    }
}

/// Checks base64 text without decoding it (RFC 7643 §2.3.6, RFC 4648 §4 and §5): symbols of
/// one alphabet, standard or URL-safe, then `=` padding of any length or none; a length that
/// leaves a symbol over, or a last symbol with bits set beyond the bytes it ends, is refused,
/// as decoding would refuse them.
fn check_base64(text: &str) -> Result<(), BinaryError> {
    let data = text.trim_end_matches('=').as_bytes();
    let mut kinds = 0u8;
    let mut chunks = data.chunks_exact(32);
    for chunk in &mut chunks {
        kinds |= chunk.iter().fold(0u8, |acc, &b| acc | symbol_kind(b));
    }
    kinds |= chunks
        .remainder()
        .iter()
        .fold(0u8, |acc, &b| acc | symbol_kind(b));
    if kinds & 1 != 0 {
        // Only now, on bad input, find where.
        let (offset, &byte) = data
            .iter()
            .enumerate()
            .find(|(_, &b)| symbol_kind(b) & 1 != 0)
            .unwrap_or((0, &0));
        let what = if byte == b'=' {
            String::from("`=` pads the end only")
        } else if byte.is_ascii_graphic() {
            format!("`{}` is not a base64 symbol", char::from(byte))
        } else {
            format!("byte {byte:#04x} is not a base64 symbol")
        };
        return Err(BinaryError(format!("{what} (offset {offset})")));
    }
    if kinds & 0b110 == 0b110 {
        return Err(BinaryError(String::from(
            "mixes the standard (`+`, `/`) and URL-safe (`-`, `_`) alphabets",
        )));
    }
    // Four symbols hold three bytes: two symbols end one byte (4 bits over), three end two
    // bytes (2 bits over), and one alone ends none.
    let unused_bits = match data.len() % 4 {
        1 => {
            return Err(BinaryError(format!(
                "{} symbols: the last group of four has one symbol, which ends no byte",
                data.len()
            )))
        }
        2 => 0b1111,
        3 => 0b11,
        _ => 0,
    };
    if let Some(&last) = data.last() {
        if symbol_bits(last) & unused_bits != 0 {
            return Err(BinaryError(format!(
                "the last symbol `{}` (offset {}) has bits set beyond the last byte",
                char::from(last),
                data.len() - 1
            )));
        }
    }
    Ok(())
}

impl Binary {
    /// Checks and keeps base64 text: the standard or the URL-safe alphabet (RFC 4648 §4,
    /// §5), padded or not. Nothing is decoded, so checking costs no allocation.
    ///
    /// ```
    /// use scim_runtime::Binary;
    ///
    /// assert_eq!(Binary::from_base64("aGk_Pw").unwrap().to_bytes(), b"hi??");
    /// let err = Binary::from_base64("aGk/P!==").unwrap_err();
    /// assert_eq!(err.to_string(), "not base64: `!` is not a base64 symbol (offset 5)");
    /// ```
    pub fn from_base64(text: &str) -> Result<Self, BinaryError> {
        check_base64(text).map(|()| Self(text.to_owned()))
    }

    /// Encodes bytes as standard base64 with padding.
    pub fn from_bytes(bytes: &[u8]) -> Self {
        Self(base64::engine::general_purpose::STANDARD.encode(bytes))
    }

    /// The base64 text, as sent.
    pub fn as_base64(&self) -> &str {
        &self.0
    }

    /// The bytes.
    pub fn to_bytes(&self) -> Vec<u8> {
        // The text was checked when the value was made, so decoding succeeds.
        decode_base64(&self.0).unwrap_or_default()
    }
}

impl fmt::Debug for Binary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Binary({} base64 chars)", self.0.len())
    }
}

impl From<&[u8]> for Binary {
    fn from(bytes: &[u8]) -> Self {
        Self::from_bytes(bytes)
    }
}

impl Serialize for Binary {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Binary {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl de::Visitor<'_> for Visitor {
            type Value = Binary;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a base64 string")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Binary, E> {
                Binary::from_base64(v).map_err(E::custom)
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Binary, E> {
                // The text is kept, so an owned one is kept without a copy.
                check_base64(&v).map_err(E::custom)?;
                Ok(Binary(v))
            }
        }
        deserializer.deserialize_str(Visitor)
    }
}

/// A SCIM `reference`: a URI, or a resource id for some peers (RFC 7643 §2.3.7).
///
/// Kept as the text that was sent: relative URIs, `urn:` URIs and the `bulkId:` references of
/// RFC 7644 §3.7.2 are all valid references.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Reference(pub String);

impl Reference {
    /// A reference from any URI text.
    pub fn new(uri: impl Into<String>) -> Self {
        Self(uri.into())
    }

    /// The URI text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Reference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.0, f)
    }
}

impl fmt::Display for Reference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<&str> for Reference {
    fn from(s: &str) -> Self {
        Self(s.to_owned())
    }
}

impl From<String> for Reference {
    fn from(s: String) -> Self {
        Self(s)
    }
}

impl Serialize for Reference {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Reference {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(Self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_time_keeps_text_and_compares_instants() {
        let a = DateTime::parse("2011-05-13T04:42:34Z").unwrap();
        let b = DateTime::parse("2011-05-13T06:42:34+02:00").unwrap();
        assert_eq!(a.as_str(), "2011-05-13T04:42:34Z");
        assert_eq!(a.instant(), b.instant());
        assert_ne!(a, b, "the text is kept, so the values differ");
    }

    #[test]
    fn date_time_without_zone_is_utc() {
        let local = DateTime::parse("2011-05-13T04:42:34").unwrap();
        let utc = DateTime::parse("2011-05-13T04:42:34Z").unwrap();
        assert_eq!(local.instant(), utc.instant());
    }

    #[test]
    fn date_time_rejects_garbage() {
        let err = DateTime::parse("yesterday").unwrap_err();
        assert!(err.to_string().contains("`yesterday`"), "{err}");
    }

    #[test]
    fn binary_accepts_the_alphabets_peers_use() {
        for text in ["aGk/Pw==", "aGk/Pw", "aGk_Pw==", "aGk_Pw"] {
            let binary = Binary::from_base64(text).unwrap();
            assert_eq!(binary.to_bytes(), b"hi??", "{text}");
            assert_eq!(binary.as_base64(), text, "kept as sent");
        }
        assert_eq!(Binary::from_bytes(b"hi??").as_base64(), "aGk/Pw==");
        assert!(Binary::from_base64("not base64!").is_err());
    }

    /// What the check accepts, decoding accepts: every string of up to six characters over
    /// symbols of both alphabets, padding, a symbol whose low bits are zero and one whose are
    /// not, and a byte of no alphabet, against the four decoders base64 offers.
    #[test]
    fn check_agrees_with_decoding_on_every_short_string() {
        use base64::engine::general_purpose::{
            STANDARD, STANDARD_NO_PAD, URL_SAFE, URL_SAFE_NO_PAD,
        };
        use base64::Engine;
        let symbols = *b"AQgB+/-_=!";
        let decodes = |text: &str| {
            let trimmed = text.trim_end_matches('=');
            STANDARD.decode(text).is_ok()
                || STANDARD_NO_PAD.decode(trimmed).is_ok()
                || URL_SAFE.decode(text).is_ok()
                || URL_SAFE_NO_PAD.decode(trimmed).is_ok()
        };
        let mut text = Vec::new();
        let mut accepted = 0;
        for len in 0..=6u32 {
            for mut n in 0..symbols.len().pow(len) {
                text.clear();
                for _ in 0..len {
                    text.push(symbols[n % symbols.len()]);
                    n /= symbols.len();
                }
                let text = std::str::from_utf8(&text).unwrap();
                let checked = check_base64(text).is_ok();
                assert_eq!(checked, decodes(text), "{text:?}");
                if checked {
                    accepted += 1;
                    assert!(decode_base64(text).is_ok(), "{text:?}");
                }
            }
        }
        assert!(accepted > 10_000, "{accepted}");
    }

    #[test]
    fn long_values_are_checked_to_the_last_byte() {
        // The check goes 32 bytes at a time: a bad byte anywhere, in a full chunk or the rest.
        let good = "QUJD".repeat(40);
        assert!(Binary::from_base64(&good).is_ok());
        for at in [0, 31, 32, 63, 100, good.len() - 1] {
            let mut bad = good.clone().into_bytes();
            bad[at] = b' ';
            let bad = String::from_utf8(bad).unwrap();
            let err = Binary::from_base64(&bad).unwrap_err();
            assert_eq!(
                err.to_string(),
                format!("not base64: byte 0x20 is not a base64 symbol (offset {at})")
            );
        }
        let mixed = format!("{}+{}_", &good[..64], &good[..62]);
        assert!(Binary::from_base64(&mixed)
            .unwrap_err()
            .to_string()
            .contains("mixes"));
    }
}
