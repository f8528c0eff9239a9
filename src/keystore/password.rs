//! EIP-2335 password processing: NFKD, then the C0, C1 and Delete control codes removed,
//! then UTF-8.

use alloc::vec::Vec;

use unicode_normalization::UnicodeNormalization;
use zeroize::Zeroizing;

/// C0 (U+0000–U+001F), Delete (U+007F) and C1 (U+0080–U+009F). Space stays.
fn is_stripped(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}')
}

/// The password bytes the kdf takes. Two passes over the normalization (count, then
/// write) so that the buffer is allocated once at its final size and no reallocation
/// leaves a copy of the password behind; it is zeroized on drop.
pub(crate) fn process(password: &str) -> Zeroizing<Vec<u8>> {
    let kept = || password.nfkd().filter(|c| !is_stripped(*c));
    let len = kept().map(char::len_utf8).sum();
    let mut out = Zeroizing::new(Vec::with_capacity(len));
    let mut buf = [0u8; 4];
    for c in kept() {
        out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
    }
    zeroize::Zeroize::zeroize(&mut buf);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn erc_example_and_control_codes() {
        // The ERC's test password and its encoding.
        assert_eq!(
            &process("𝔱𝔢𝔰𝔱𝔭𝔞𝔰𝔰𝔴𝔬𝔯𝔡🔑")[..],
            b"testpassword\xf0\x9f\x94\x91"
        );
        assert_eq!(
            &process("a\u{0}b\u{1f}c\u{7f}d\u{80}e\u{9f}f g\u{a0}")[..],
            "abcdef g ".as_bytes()
        );
        // NFKD decomposes: é (U+00E9) → e + U+0301; the ligature ﬁ → fi.
        assert_eq!(&process("\u{e9}\u{fb01}")[..], "e\u{301}fi".as_bytes());
        assert_eq!(&process("")[..], b"");
    }
}
