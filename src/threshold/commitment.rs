//! Feldman commitments and the public key set they define.

use alloc::vec::Vec;
use core::fmt;

use group::{Curve as _, Group, GroupEncoding};

use super::ShareId;
use super::poly::eval_commitment;
use crate::curve::{Affine, Curve, decode_compressed, subgroup_checked};
use crate::error::{Error, Result};
use crate::public_key::PublicKey;
use crate::variant::Variant;

/// A Feldman commitment to a polynomial of degree t − 1: Cₖ = aₖ·g for each coefficient,
/// g the generator of the public-key group. It lets anyone check a share f(x) against it
/// (x·… see [`FeldmanCommitment::verify`]) without learning f.
#[derive(Clone, PartialEq, Eq)]
pub struct FeldmanCommitment<V: Variant> {
    points: Vec<Affine<V::Pk>>,
}

impl<V: Variant> FeldmanCommitment<V> {
    pub(crate) fn from_points(points: Vec<Affine<V::Pk>>) -> Self {
        FeldmanCommitment { points }
    }

    /// The commitment C₀ … C_{t−1} to a polynomial another implementation dealt (for
    /// example herumi's `blsPublicKeyShare` master public keys, or a DKG's published
    /// vector), with every point checked.
    ///
    /// # Errors
    /// [`Error::InvalidThreshold`] for no points; [`Error::NotOnCurve`] or
    /// [`Error::NotInSubgroup`] for a point that is not in the prime-order subgroup.
    pub fn new(points: Vec<Affine<V::Pk>>) -> Result<Self> {
        if points.is_empty() {
            return Err(Error::InvalidThreshold);
        }
        for point in &points {
            if !bool::from(V::Pk::is_on_curve(point)) {
                return Err(Error::NotOnCurve);
            }
            subgroup_checked::<V::Pk>(*point)?;
        }
        Ok(FeldmanCommitment { points })
    }

    /// The threshold t: the number of coefficients.
    pub fn threshold(&self) -> usize {
        self.points.len()
    }

    /// The committed coefficients C₀ … C_{t−1}.
    pub fn points(&self) -> &[Affine<V::Pk>] {
        &self.points
    }

    /// f(x)·g = Σₖ Cₖ·xᵏ: the public value of the share at `x`.
    pub fn evaluate(&self, x: &ShareId) -> Affine<V::Pk> {
        eval_commitment::<V::Pk>(&self.points, x).to_affine()
    }

    /// The Feldman check of a share value: `value·g == Σₖ Cₖ·xᵏ`.
    ///
    /// # Errors
    /// [`Error::VerificationFailed`] if the share is not the committed polynomial's value.
    pub fn verify(&self, x: &ShareId, value: &blsig_curve::Scalar) -> Result<()> {
        let expected = eval_commitment::<V::Pk>(&self.points, x);
        if crate::scalar_mul::mul_generator::<V::Pk>(value) == expected {
            Ok(())
        } else {
            Err(Error::VerificationFailed)
        }
    }

    /// The coefficient-wise sum (the commitment to the sum of the polynomials).
    ///
    /// # Errors
    /// [`Error::CountMismatch`] if the thresholds differ.
    pub fn add(&self, other: &Self) -> Result<Self> {
        if self.points.len() != other.points.len() {
            return Err(Error::CountMismatch {
                expected: self.points.len(),
                actual: other.points.len(),
            });
        }
        let sums: Vec<V::Pk> = self
            .points
            .iter()
            .zip(&other.points)
            .map(|(a, b)| V::Pk::identity() + a + b)
            .collect();
        let mut points = alloc::vec![Affine::<V::Pk>::default(); sums.len()];
        V::Pk::batch_normalize(&sums, &mut points);
        Ok(FeldmanCommitment { points })
    }

    /// `I2OSP(t, 4) ‖ C₀ ‖ … ‖ C_{t−1}` (compressed points).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(4 + self.points.len() * V::Pk::COMPRESSED_LEN);
        out.extend_from_slice(
            &u32::try_from(self.points.len())
                .unwrap_or(u32::MAX)
                .to_be_bytes(),
        );
        for p in &self.points {
            out.extend_from_slice(p.to_bytes().as_ref());
        }
        out
    }

    /// Decodes [`FeldmanCommitment::to_bytes`]; every point is checked (on the curve, in
    /// the subgroup). Work is linear in the input.
    ///
    /// # Errors
    /// [`Error::InvalidLength`] if the length does not match t; [`Error::InvalidThreshold`]
    /// for t = 0; the point decoding errors.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self> {
        let (count, rest) = bytes.split_at_checked(4).ok_or(Error::InvalidLength {
            expected: 4,
            actual: bytes.len(),
        })?;
        let mut word = [0u8; 4];
        word.copy_from_slice(count);
        let t = usize::try_from(u32::from_be_bytes(word)).map_err(|_| Error::InvalidThreshold)?;
        if t == 0 {
            return Err(Error::InvalidThreshold);
        }
        let expected = t.saturating_mul(V::Pk::COMPRESSED_LEN);
        if rest.len() != expected {
            return Err(Error::InvalidLength {
                expected: expected.saturating_add(4),
                actual: bytes.len(),
            });
        }
        let points = rest
            .chunks_exact(V::Pk::COMPRESSED_LEN)
            .map(decode_compressed::<V::Pk>)
            .collect::<Result<Vec<_>>>()?;
        Ok(FeldmanCommitment { points })
    }
}

impl<V: Variant> fmt::Debug for FeldmanCommitment<V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FeldmanCommitment")
            .field("threshold", &self.points.len())
            .finish_non_exhaustive()
    }
}

/// The public side of a t-of-n sharing: the Feldman commitment of the group's polynomial.
/// Its constant term is the group public key, which any verifier uses with plain
/// [`PublicKey::verify`]; every member's public key share follows from it.
#[derive(Clone, PartialEq, Eq)]
pub struct PublicKeySet<V: Variant> {
    commitment: FeldmanCommitment<V>,
    group_key: PublicKey<V>,
}

impl<V: Variant> PublicKeySet<V> {
    /// The set whose group key is C₀.
    ///
    /// # Errors
    /// [`Error::IdentityPublicKey`] if C₀ is the identity (the shared secret would be 0).
    pub fn from_commitment(commitment: FeldmanCommitment<V>) -> Result<Self> {
        let c0 = commitment
            .points
            .first()
            .copied()
            .ok_or(Error::InvalidThreshold)?;
        let group_key = PublicKey::from_subgroup_point(c0)?;
        Ok(PublicKeySet {
            commitment,
            group_key,
        })
    }

    /// The threshold t: how many shares it takes to sign (or to recover the key).
    pub fn threshold(&self) -> usize {
        self.commitment.threshold()
    }

    /// The group public key (C₀): what signatures combined from shares verify under.
    pub fn group_key(&self) -> &PublicKey<V> {
        &self.group_key
    }

    /// The Feldman commitment behind the set.
    pub fn commitment(&self) -> &FeldmanCommitment<V> {
        &self.commitment
    }

    /// The public key share of identifier `id`: f(id)·g. (It is the identity only if
    /// f(id) = 0, which an honest dealer hits with probability 2⁻²⁵⁵.)
    pub fn public_key_share(&self, id: ShareId) -> PublicKeyShare<V> {
        PublicKeyShare {
            id,
            point: self.commitment.evaluate(&id),
        }
    }

    /// The encoding of the commitment ([`FeldmanCommitment::to_bytes`]).
    pub fn to_bytes(&self) -> Vec<u8> {
        self.commitment.to_bytes()
    }

    /// Decodes [`PublicKeySet::to_bytes`].
    ///
    /// # Errors
    /// As [`FeldmanCommitment::from_bytes`]; [`Error::IdentityPublicKey`] if C₀ is the
    /// identity.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self> {
        Self::from_commitment(FeldmanCommitment::from_bytes(bytes)?)
    }
}

impl<V: Variant> fmt::Debug for PublicKeySet<V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PublicKeySet")
            .field("threshold", &self.threshold())
            .field("group_key", &self.group_key)
            .finish()
    }
}

/// A member's public key share f(x)·g, against which its signature shares verify.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct PublicKeyShare<V: Variant> {
    id: ShareId,
    point: Affine<V::Pk>,
}

impl<V: Variant> PublicKeyShare<V> {
    pub(crate) fn from_parts(id: ShareId, point: Affine<V::Pk>) -> Self {
        PublicKeyShare { id, point }
    }

    /// The identifier x.
    pub fn id(&self) -> ShareId {
        self.id
    }

    /// The point f(x)·g.
    pub fn as_point(&self) -> &Affine<V::Pk> {
        &self.point
    }

    /// `x (32 bytes) ‖ f(x)·g (compressed)`.
    pub fn to_bytes(&self) -> Vec<u8> {
        super::id::id_point_bytes::<V::Pk>(&self.id, &self.point)
    }

    /// Decodes [`PublicKeyShare::to_bytes`] (point checks included; the identity is
    /// accepted, see [`PublicKeySet::public_key_share`]).
    ///
    /// # Errors
    /// Length, identifier and point decoding errors.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self> {
        let (id, point) = super::id::id_point_from_bytes::<V::Pk>(bytes)?;
        Ok(PublicKeyShare { id, point })
    }
}

impl<V: Variant> fmt::Debug for PublicKeyShare<V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PublicKeyShare")
            .field("id", &self.id)
            .finish_non_exhaustive()
    }
}
