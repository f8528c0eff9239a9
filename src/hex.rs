//! Lowercase hex, without branches or table lookups on the data (the same code writes
//! public keys and, in the CLI, secret keys; and reads seeds).

use core::fmt;

/// `Display` as lowercase hex, no prefix.
pub(crate) struct Hex<'a>(pub(crate) &'a [u8]);

impl fmt::Display for Hex<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for byte in self.0 {
            let pair = [digit(byte >> 4), digit(byte & 0x0f)];
            // Two ASCII digits: always valid UTF-8.
            f.write_str(core::str::from_utf8(&pair).map_err(|_| fmt::Error)?)?;
        }
        Ok(())
    }
}

/// The ASCII digit of a nibble: `'0' + n`, plus 39 more when n ≥ 10 (to reach `'a'`),
/// the "plus 39" selected by the sign of `9 − n`.
fn digit(nibble: u8) -> u8 {
    let n = i16::from(nibble);
    let letter = ((9 - n) >> 8) & 39;
    // n ≤ 15, so the result is at most b'f'.
    (n + 48 + letter).to_le_bytes()[0]
}

/// The value of one hex digit (either case) and whether it was one, with masks instead of
/// branches.
fn value(c: u8) -> (u8, bool) {
    let c = i16::from(c);
    // For each class, `in_range` is -1 (all ones) when lo ≤ c ≤ hi and 0 otherwise.
    let in_range = |lo: i16, hi: i16| ((lo - 1 - c) & (c - hi - 1)) >> 8;
    let digit = in_range(48, 57);
    let lower = in_range(97, 102);
    let upper = in_range(65, 70);
    let v = (digit & (c - 48)) | (lower & (c - 87)) | (upper & (c - 55));
    (v.to_le_bytes()[0], (digit | lower | upper) != 0)
}

/// Decodes `2 · out.len()` hex digits into `out`; `false` (and `out` unspecified) if the
/// length is wrong or any character is not a hex digit.
pub(crate) fn decode_into(text: &[u8], out: &mut [u8]) -> bool {
    if text.len() != 2 * out.len() {
        return false;
    }
    let mut valid = true;
    for (byte, pair) in out.iter_mut().zip(text.chunks_exact(2)) {
        let (hi, hi_ok) = value(pair.first().copied().unwrap_or(0));
        let (lo, lo_ok) = value(pair.get(1).copied().unwrap_or(0));
        *byte = (hi << 4) | lo;
        valid &= hi_ok & lo_ok;
    }
    valid
}

/// Decodes hex into a new vector.
#[cfg(feature = "alloc")]
pub(crate) fn decode(text: &str) -> Option<alloc::vec::Vec<u8>> {
    let mut out = alloc::vec![0u8; text.len() / 2];
    decode_into(text.as_bytes(), &mut out).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::string::ToString;

    #[test]
    fn matches_the_obvious_codec_on_every_byte_and_character() {
        let all: alloc::vec::Vec<u8> = (0..=255u8).collect();
        let text = Hex(&all).to_string();
        let expected: alloc::string::String =
            all.iter().map(|b| alloc::format!("{b:02x}")).collect();
        assert_eq!(text, expected);
        let mut back = [0u8; 256];
        assert!(decode_into(text.as_bytes(), &mut back));
        assert_eq!(&back[..], &all[..]);
        assert!(decode_into(text.to_uppercase().as_bytes(), &mut back));
        assert_eq!(&back[..], &all[..]);
        for c in 0..=255u8 {
            let ok = c.is_ascii_hexdigit();
            let mut one = [0u8; 1];
            assert_eq!(decode_into(&[c, b'0'], &mut one), ok, "{c}");
            if ok {
                assert_eq!(u32::from(one[0] >> 4), (c as char).to_digit(16).unwrap());
            }
        }
        assert!(!decode_into(b"abc", &mut [0u8; 1]));
        assert!(!decode_into(b"ab", &mut [0u8; 2]));
    }
}
