//! EIP-2334 paths: `m / purpose / coin_type / account / use / …`, decimal indices below 2³².

use core::fmt;
use core::str::FromStr;

use crate::error::{Error, Result};
use crate::secret_key::SecretKey;
use crate::variant::Variant;

use super::{derive_child_sk, derive_master_sk};

/// The purpose level of EIP-2334 paths: 12381, after the curve.
pub const PURPOSE: u32 = 12381;
/// The coin type of Ethereum validator keys (EIP-2334): 3600.
pub const COIN_TYPE_ETH: u32 = 3600;
/// The deepest path [`Path`] holds. EIP-2334 paths have five levels; keystores may name
/// others, and 32 bounds the work (one child derivation, ≈ 1,000 SHA-256 blocks, per level)
/// that a path read from a file can ask for.
pub const MAX_PATH_DEPTH: usize = 32;

/// An EIP-2333 tree path such as `m/12381/3600/0/0/0`: the master key `m`, then up to
/// [`MAX_PATH_DEPTH`] child indices.
///
/// Parsing is strict, so that a path has one spelling: `m`, then `/` and a decimal index
/// without sign, spaces or leading zeros (EIP-2334 has no hardened marker: every EIP-2333
/// child is hardened). `Display` writes the same form back.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Path {
    indices: [u32; MAX_PATH_DEPTH],
    depth: usize,
}

/// What a validator path of EIP-2334 names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ValidatorKey {
    /// `m/12381/3600/i/0/0`: the signing key of validator `i`.
    Signing(u32),
    /// `m/12381/3600/i/0`: the withdrawal key of validator `i`.
    Withdrawal(u32),
}

impl Path {
    /// The master key's path, `m`.
    pub const MASTER: Path = Path {
        indices: [0; MAX_PATH_DEPTH],
        depth: 0,
    };

    /// `m/12381/3600/index/0/0`, the signing key of validator `index` (EIP-2334).
    pub fn signing(index: u32) -> Path {
        Path::from_levels(&[PURPOSE, COIN_TYPE_ETH, index, 0, 0])
    }

    /// `m/12381/3600/index/0`, the withdrawal key of validator `index` (EIP-2334).
    pub fn withdrawal(index: u32) -> Path {
        Path::from_levels(&[PURPOSE, COIN_TYPE_ETH, index, 0])
    }

    fn from_levels(levels: &[u32]) -> Path {
        let mut path = Path::MASTER;
        for (slot, level) in path.indices.iter_mut().zip(levels) {
            *slot = *level;
        }
        path.depth = levels.len().min(MAX_PATH_DEPTH);
        path
    }

    /// A path from its child indices (`&[]` is `m`).
    ///
    /// # Errors
    /// [`Error::InvalidPath`] if there are more than [`MAX_PATH_DEPTH`] indices.
    pub fn from_indices(indices: &[u32]) -> Result<Path> {
        if indices.len() > MAX_PATH_DEPTH {
            return Err(Error::InvalidPath);
        }
        Ok(Path::from_levels(indices))
    }

    /// Parses `m/…` (see the type's docs for the exact form).
    ///
    /// # Errors
    /// [`Error::InvalidPath`] if the text is not of that form or is deeper than
    /// [`MAX_PATH_DEPTH`]; [`Error::PathIndexOutOfRange`] if an index is 2³² or more.
    pub fn parse(text: &str) -> Result<Path> {
        let mut levels = text.split('/');
        if levels.next() != Some("m") {
            return Err(Error::InvalidPath);
        }
        let mut path = Path::MASTER;
        for level in levels {
            let index = parse_index(level)?;
            let slot = path.indices.get_mut(path.depth).ok_or(Error::InvalidPath)?;
            *slot = index;
            path.depth += 1;
        }
        Ok(path)
    }

    /// The child indices after `m`.
    pub fn indices(&self) -> &[u32] {
        self.indices.get(..self.depth).unwrap_or(&[])
    }

    /// Which validator key this path names, if it is one of EIP-2334's two validator paths.
    ///
    /// # Errors
    /// [`Error::NotAValidatorPath`] unless the path is `m/12381/3600/i/0/0` or
    /// `m/12381/3600/i/0`: another purpose or coin type, another depth, or a non-zero use.
    pub fn validator(&self) -> Result<ValidatorKey> {
        match *self.indices() {
            [PURPOSE, COIN_TYPE_ETH, index, 0, 0] => Ok(ValidatorKey::Signing(index)),
            [PURPOSE, COIN_TYPE_ETH, index, 0] => Ok(ValidatorKey::Withdrawal(index)),
            _ => Err(Error::NotAValidatorPath),
        }
    }

    /// The key at this path in the tree grown from `seed`: [`derive_master_sk`], then
    /// [`derive_child_sk`] for each index.
    ///
    /// # Errors
    /// [`Error::ShortIkm`] if `seed` is shorter than 32 bytes.
    pub fn derive<V: Variant>(&self, seed: &[u8]) -> Result<SecretKey<V>> {
        let mut key = derive_master_sk(seed)?;
        for index in self.indices() {
            key = derive_child_sk(&key, *index);
        }
        Ok(key)
    }
}

/// One decimal level: digits only, no leading zero (but "0"), below 2³².
fn parse_index(level: &str) -> Result<u32> {
    let bytes = level.as_bytes();
    if bytes.is_empty() || !bytes.iter().all(u8::is_ascii_digit) {
        return Err(Error::InvalidPath);
    }
    if bytes.len() > 1 && bytes.first() == Some(&b'0') {
        return Err(Error::InvalidPath);
    }
    let mut value: u64 = 0;
    for digit in bytes {
        value = value * 10 + u64::from(digit - b'0');
        if value > u64::from(u32::MAX) {
            return Err(Error::PathIndexOutOfRange);
        }
    }
    u32::try_from(value).map_err(|_| Error::PathIndexOutOfRange)
}

impl FromStr for Path {
    type Err = Error;
    fn from_str(text: &str) -> Result<Path> {
        Path::parse(text)
    }
}

impl fmt::Display for Path {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("m")?;
        for index in self.indices() {
            write!(f, "/{index}")?;
        }
        Ok(())
    }
}

impl fmt::Debug for Path {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Path({self})")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::string::ToString;

    #[test]
    fn parses_and_prints_canonical_paths() {
        for text in [
            "m",
            "m/0",
            "m/12381/3600/0/0/0",
            "m/12381/60/3141592653/589793238",
            "m/4294967295",
        ] {
            let path = Path::parse(text).unwrap();
            assert_eq!(path.to_string(), text);
        }
        assert_eq!(Path::parse("m/12381/3600/7/0/0").unwrap(), Path::signing(7));
        assert_eq!(
            Path::parse("m/12381/3600/7/0").unwrap(),
            Path::withdrawal(7)
        );
        assert_eq!(Path::MASTER.indices(), &[] as &[u32]);
    }

    #[test]
    fn rejects_malformed_paths() {
        for text in [
            "", "M", "m/", "/0", "0", "m//0", "m/0/", "m/-1", "m/+1", "m/ 1", "m/1 ", "m/01",
            "m/00", "m/1'", "m/0x10", "n/0", "m/1/a", "m\\1", "mm/1", "m/１",
        ] {
            assert_eq!(Path::parse(text), Err(Error::InvalidPath), "{text:?}");
        }
        let deepest = "m".to_string() + &"/1".repeat(MAX_PATH_DEPTH);
        assert_eq!(
            Path::parse(&deepest).unwrap().indices().len(),
            MAX_PATH_DEPTH
        );
        let deeper = deepest + "/1";
        assert_eq!(Path::parse(&deeper), Err(Error::InvalidPath));
        assert_eq!(
            Path::from_indices(&[0; MAX_PATH_DEPTH + 1]),
            Err(Error::InvalidPath)
        );
    }

    #[test]
    fn rejects_indices_of_2_pow_32_and_more() {
        for text in [
            "m/4294967296",
            "m/12381/99999999999",
            "m/184467440737095516160",
        ] {
            assert_eq!(
                Path::parse(text),
                Err(Error::PathIndexOutOfRange),
                "{text:?}"
            );
        }
    }

    #[test]
    fn validator_paths() {
        assert_eq!(Path::signing(5).validator(), Ok(ValidatorKey::Signing(5)));
        assert_eq!(
            Path::withdrawal(5).validator(),
            Ok(ValidatorKey::Withdrawal(5))
        );
        for text in [
            "m",
            "m/12381",
            "m/12381/3600",
            "m/12381/3600/1",
            "m/12381/60/1/0/0",
            "m/12382/3600/1/0/0",
            "m/12381/3600/1/1",
            "m/12381/3600/1/0/1",
            "m/12381/3600/1/0/0/0",
        ] {
            assert_eq!(
                Path::parse(text).unwrap().validator(),
                Err(Error::NotAValidatorPath),
                "{text}"
            );
        }
    }
}
