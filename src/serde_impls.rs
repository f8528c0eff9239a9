//! serde for the public values (feature `serde`, no `std` needed).
//!
//! Every value is its `to_bytes` encoding: in human-readable formats (JSON, YAML, TOML) a
//! `0x`-prefixed lowercase hex string, the Ethereum JSON convention; in binary formats a
//! byte string. Deserializing runs the type's own decoder, so it validates exactly as
//! `from_bytes` does (length, flags, field range, curve, subgroup, identity key) and fails
//! with that decoder's [`Error`](crate::Error) as the message.
//!
//! Not here, on purpose:
//! - [`SecretKey`](crate::SecretKey), [`Contribution`](crate::multisig::Contribution) and
//!   [`MembershipKey`](crate::multisig::MembershipKey): secrets are stored in EIP-2335
//!   keystores (feature `keystore`), never serialized in the clear by accident.
//! - Deserializing a [`ProvenPublicKey`] or an [`AggregatePublicKey`]: they serialize as
//!   the key, and what comes back is a [`PublicKey`]. A proof of possession is what makes a
//!   key proven; bytes from a file are not one:
//!
//!   ```compile_fail
//!   let key: blsig::ProvenPublicKey<blsig::MinPk> = serde_json::from_str("\"0x…\"").unwrap();
//!   ```
//!
//!   ```
//!   # let json = serde_json::to_string(&blsig::min_pk::SecretKey::key_gen(&[1; 32], b"")?.public_key()).unwrap();
//!   let key: blsig::PublicKey<blsig::MinPk> = serde_json::from_str(&json).unwrap();
//!   # Ok::<(), blsig::Error>(())
//!   ```
//! - Deserializing an [`AsmGroup`](crate::multisig::AsmGroup) or an
//!   [`AsmSignature`](crate::multisig::AsmSignature): their decoders need context (the
//!   expected group identity, the group) that a format cannot supply. Serialize them, then
//!   decode the bytes with `AsmGroup::from_bytes` and `AsmGroup::signature_from_bytes`.

use core::fmt;

use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};

use crate::error::Result;
use crate::hex::{Hex, decode_into};
use crate::pop::ProofOfPossession;
use crate::public_key::{AggregatePublicKey, ProvenPublicKey, PublicKey};
use crate::scheme::Scheme;
use crate::signature::Signature;
use crate::variant::Variant;

/// The longest hex string a value without `alloc` can arrive in: a 96-byte point.
const STACK_BYTES: usize = 96;

struct Prefixed<'a>(&'a [u8]);

impl fmt::Display for Prefixed<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "0x{}", Hex(self.0))
    }
}

fn serialize_bytes<S: Serializer>(
    bytes: &[u8],
    serializer: S,
) -> core::result::Result<S::Ok, S::Error> {
    if serializer.is_human_readable() {
        serializer.collect_str(&Prefixed(bytes))
    } else {
        serializer.serialize_bytes(bytes)
    }
}

/// A visitor that hands the bytes (from hex or from a byte string) to `decode`.
struct BytesVisitor<T> {
    expecting: &'static str,
    decode: fn(&[u8]) -> Result<T>,
}

impl<T> BytesVisitor<T> {
    fn finish<E: de::Error>(&self, bytes: &[u8]) -> core::result::Result<T, E> {
        (self.decode)(bytes).map_err(E::custom)
    }
}

impl<'de, T> Visitor<'de> for BytesVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} as 0x-prefixed hex or bytes", self.expecting)
    }

    fn visit_str<E: de::Error>(self, text: &str) -> core::result::Result<T, E> {
        let digits = text
            .strip_prefix("0x")
            .ok_or_else(|| E::custom("expected a 0x-prefixed hex string"))?;
        let bad_hex = || E::custom("invalid hex digits");
        let len = digits.len() / 2;
        if digits.len() % 2 != 0 {
            return Err(bad_hex());
        }
        if len <= STACK_BYTES {
            let mut buf = [0u8; STACK_BYTES];
            let out = buf.get_mut(..len).ok_or_else(bad_hex)?;
            if !decode_into(digits.as_bytes(), out) {
                return Err(bad_hex());
            }
            return self.finish(out);
        }
        #[cfg(feature = "alloc")]
        {
            let bytes = crate::hex::decode(digits).ok_or_else(bad_hex)?;
            self.finish(&bytes)
        }
        #[cfg(not(feature = "alloc"))]
        {
            Err(E::invalid_length(len, &self))
        }
    }

    fn visit_bytes<E: de::Error>(self, bytes: &[u8]) -> core::result::Result<T, E> {
        self.finish(bytes)
    }

    /// Formats without a byte-string type (some encode bytes as a sequence of integers).
    fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> core::result::Result<T, A::Error> {
        #[cfg(feature = "alloc")]
        {
            let mut bytes = alloc::vec::Vec::new();
            while let Some(byte) = seq.next_element::<u8>()? {
                bytes.push(byte);
            }
            self.finish(&bytes)
        }
        #[cfg(not(feature = "alloc"))]
        {
            let mut buf = [0u8; STACK_BYTES];
            let mut len = 0;
            while let Some(byte) = seq.next_element::<u8>()? {
                let slot = buf
                    .get_mut(len)
                    .ok_or_else(|| de::Error::invalid_length(len + 1, &self))?;
                *slot = byte;
                len += 1;
            }
            self.finish(buf.get(..len).unwrap_or(&[]))
        }
    }
}

fn deserialize_bytes<'de, D: Deserializer<'de>, T>(
    deserializer: D,
    expecting: &'static str,
    decode: fn(&[u8]) -> Result<T>,
) -> core::result::Result<T, D::Error> {
    let visitor = BytesVisitor { expecting, decode };
    if deserializer.is_human_readable() {
        deserializer.deserialize_str(visitor)
    } else {
        deserializer.deserialize_bytes(visitor)
    }
}

impl<V: Variant> Serialize for PublicKey<V> {
    fn serialize<S: Serializer>(&self, s: S) -> core::result::Result<S::Ok, S::Error> {
        serialize_bytes(self.to_bytes().as_ref(), s)
    }
}

impl<'de, V: Variant> Deserialize<'de> for PublicKey<V> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> core::result::Result<Self, D::Error> {
        deserialize_bytes(d, "a compressed BLS public key", PublicKey::from_bytes)
    }
}

/// Serialized as the key; it deserializes as a [`PublicKey`] only.
impl<V: Variant> Serialize for ProvenPublicKey<V> {
    fn serialize<S: Serializer>(&self, s: S) -> core::result::Result<S::Ok, S::Error> {
        self.public_key().serialize(s)
    }
}

/// Serialized as the key; it deserializes as a [`PublicKey`] only.
impl<V: Variant> Serialize for AggregatePublicKey<V> {
    fn serialize<S: Serializer>(&self, s: S) -> core::result::Result<S::Ok, S::Error> {
        self.public_key().serialize(s)
    }
}

impl<V: Variant, S: Scheme> Serialize for Signature<V, S> {
    fn serialize<Z: Serializer>(&self, s: Z) -> core::result::Result<Z::Ok, Z::Error> {
        serialize_bytes(self.to_bytes().as_ref(), s)
    }
}

impl<'de, V: Variant, S: Scheme> Deserialize<'de> for Signature<V, S> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> core::result::Result<Self, D::Error> {
        deserialize_bytes(d, "a compressed BLS signature", Signature::from_bytes)
    }
}

impl<V: Variant> Serialize for ProofOfPossession<V> {
    fn serialize<S: Serializer>(&self, s: S) -> core::result::Result<S::Ok, S::Error> {
        serialize_bytes(self.to_bytes().as_ref(), s)
    }
}

impl<'de, V: Variant> Deserialize<'de> for ProofOfPossession<V> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> core::result::Result<Self, D::Error> {
        deserialize_bytes(
            d,
            "a compressed proof of possession",
            ProofOfPossession::from_bytes,
        )
    }
}

#[cfg(feature = "alloc")]
mod multisig {
    use super::*;
    use crate::multisig::{
        AsmGroup, AsmGroupId, AsmSignature, GroupKey, MemberSignature, MspShare, MspSignature,
    };

    /// Serialize through `to_bytes`, and deserialize through `from_bytes` where the
    /// decoder needs nothing but the bytes.
    macro_rules! bytes_serde {
        ($ty:ident, $what:literal, serialize) => {
            impl<V: Variant> Serialize for $ty<V> {
                fn serialize<S: Serializer>(&self, s: S) -> core::result::Result<S::Ok, S::Error> {
                    serialize_bytes(self.to_bytes().as_ref(), s)
                }
            }
        };
        ($ty:ident, $what:literal, both) => {
            bytes_serde!($ty, $what, serialize);
            impl<'de, V: Variant> Deserialize<'de> for $ty<V> {
                fn deserialize<D: Deserializer<'de>>(d: D) -> core::result::Result<Self, D::Error> {
                    deserialize_bytes(d, $what, $ty::from_bytes)
                }
            }
        };
    }

    bytes_serde!(GroupKey, "a multisignature group key", both);
    bytes_serde!(AsmGroupId, "an m-of-n group identity", both);
    bytes_serde!(MemberSignature, "an m-of-n member signature", both);
    bytes_serde!(MspShare, "an n-of-n signature share", both);
    bytes_serde!(MspSignature, "an n-of-n multisignature", both);
    bytes_serde!(AsmGroup, "an m-of-n group", serialize);
    bytes_serde!(AsmSignature, "an m-of-n multisignature", serialize);
}
