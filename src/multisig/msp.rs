//! MSP: n-of-n multisignatures on the group key (BDN18 §3).

use alloc::vec::Vec;
use core::fmt;

use group::{Curve as _, GroupEncoding};

use super::{GroupKey, Tag, indexed_bytes, indexed_from_bytes};
use crate::curve::{Affine, Curve, decode_compressed};
use crate::error::{Error, Result};
use crate::msm::msm_scalars_vartime;
use crate::ops::core_sign;
use crate::pairing::verify_pairs;
use crate::point::hex_fmt;
use crate::secret_key::SecretKey;
use crate::variant::Variant;

/// Member i's share of an n-of-n signature: Sᵢ = skᵢ·H₀(m).
#[derive(Clone, PartialEq, Eq)]
pub struct MspShare<V: Variant> {
    index: usize,
    point: Affine<V::Sig>,
}

/// An n-of-n multisignature S = Σ aᵢ·Sᵢ, verified against the group key.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct MspSignature<V: Variant> {
    point: Affine<V::Sig>,
}

/// H₀(m) for MSP.
fn hash_message<V: Variant>(message: &[u8]) -> V::Sig {
    V::Sig::hash_parts(&[message], &Tag::new::<V>(b"MSP", b"SSWU_RO_MSG_").dst())
}

impl<V: Variant> GroupKey<V> {
    /// Member `sk` signs its share of `message`.
    ///
    /// # Errors
    /// [`Error::NotAMember`] if `sk`'s public key is not in the group.
    pub fn sign_share(&self, sk: &SecretKey<V>, message: &[u8]) -> Result<MspShare<V>> {
        let index = self.index_of(&sk.public_key()).ok_or(Error::NotAMember)?;
        Ok(MspShare {
            index,
            point: core_sign(sk, &hash_message::<V>(message)),
        })
    }

    /// Checks one share: e(G, Sᵢ) = e(Pᵢ, H₀(m)).
    ///
    /// # Errors
    /// [`Error::IndexOutOfRange`] for a share of no member, [`Error::VerificationFailed`].
    pub fn verify_share(&self, message: &[u8], share: &MspShare<V>) -> Result<()> {
        let pk = self
            .members()
            .get(share.index)
            .ok_or(Error::IndexOutOfRange)?;
        let hashed = hash_message::<V>(message).to_affine();
        verify_pairs::<V>([(*pk.as_point(), hashed)], &share.point)
    }

    /// Combines the shares of all n members (in any order) into S = Σ aᵢ·Sᵢ.
    ///
    /// # Errors
    /// [`Error::EmptyInput`] for no shares, [`Error::IndexOutOfRange`] and
    /// [`Error::DuplicateKey`] for bad or repeated indices, [`Error::MissingShare`] if a
    /// member's share is missing. Shares are not verified here; a bad one makes
    /// [`GroupKey::verify`] fail, and [`GroupKey::verify_share`] finds it.
    pub fn combine(&self, shares: &[MspShare<V>]) -> Result<MspSignature<V>> {
        if shares.is_empty() {
            return Err(Error::EmptyInput);
        }
        let mut slots: Vec<Option<Affine<V::Sig>>> = alloc::vec![None; self.len()];
        for share in shares {
            let slot = slots.get_mut(share.index).ok_or(Error::IndexOutOfRange)?;
            if slot.replace(share.point).is_some() {
                return Err(Error::DuplicateKey);
            }
        }
        let points = slots
            .into_iter()
            .collect::<Option<Vec<_>>>()
            .ok_or(Error::MissingShare)?;
        let sum: V::Sig = msm_scalars_vartime(&points, self.coefficients());
        Ok(MspSignature {
            point: sum.to_affine(),
        })
    }

    /// Verifies an n-of-n signature: e(G, S) = e(P, H₀(m)).
    ///
    /// # Errors
    /// [`Error::VerificationFailed`] if it is not valid.
    pub fn verify(&self, message: &[u8], signature: &MspSignature<V>) -> Result<()> {
        let hashed = hash_message::<V>(message).to_affine();
        verify_pairs::<V>(
            [(*self.aggregate_key().as_point(), hashed)],
            &signature.point,
        )
    }
}

impl<V: Variant> MspShare<V> {
    /// The signer's member index.
    pub fn index(&self) -> usize {
        self.index
    }

    /// `I2OSP(i, 8) ‖ Sᵢ`.
    pub fn to_bytes(&self) -> Vec<u8> {
        indexed_bytes::<V::Sig>(self.index, &self.point)
    }

    /// Decodes [`MspShare::to_bytes`] (the index is range-checked when the share is used).
    ///
    /// # Errors
    /// Length and point decoding errors; [`Error::IndexOutOfRange`] for an index that does
    /// not fit in `usize`.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self> {
        let (index, point) = indexed_from_bytes::<V::Sig>(bytes)?;
        Ok(MspShare { index, point })
    }
}

impl<V: Variant> MspSignature<V> {
    /// The compressed point S.
    pub fn to_bytes(&self) -> <Affine<V::Sig> as GroupEncoding>::Repr {
        self.point.to_bytes()
    }

    /// Decodes a compressed signature, with the subgroup check.
    ///
    /// # Errors
    /// The point decoding errors.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self> {
        decode_compressed::<V::Sig>(bytes).map(|point| MspSignature { point })
    }

    /// The curve point.
    pub fn as_point(&self) -> &Affine<V::Sig> {
        &self.point
    }
}

impl<V: Variant> fmt::Debug for MspShare<V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "MspShare<{}>({}, ", V::NAME, self.index)?;
        hex_fmt(f, self.point.to_bytes().as_ref())?;
        f.write_str(")")
    }
}

impl<V: Variant> fmt::Debug for MspSignature<V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "MspSignature<{}>(", V::NAME)?;
        hex_fmt(f, self.point.to_bytes().as_ref())?;
        f.write_str(")")
    }
}
