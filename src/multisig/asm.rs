//! ASM: accountable-subgroup (m-of-n) multisignatures (BDN18 §5) — the group, its
//! identity, signing, combining and verifying. The dealer-free setup that gives each
//! member its membership key is in `setup.rs`.

use alloc::vec::Vec;
use core::fmt;

use group::{Curve as _, CurveAffine, Group, GroupEncoding};
use zeroize::Zeroize;

use super::{GroupKey, MembershipKey, Tag, indexed_bytes, indexed_from_bytes, read_be};
use crate::curve::{Affine, Curve, decode_compressed};
use crate::error::{Error, Result};
use crate::pairing::verify_pairs;
use crate::point::hex_fmt;
use crate::public_key::{ProvenPublicKey, PublicKey};
use crate::secret_key::SecretKey;
use crate::variant::Variant;

/// The identity of an m-of-n group, `I2OSP(m, 4) ‖ P`: the threshold and the aggregated
/// key, which binds every member key and n. This is what a verifier must know
/// authentically (as it would a single public key); everything else about the group can
/// come from an untrusted source and is checked against it by [`AsmGroup::from_bytes`].
/// It prefixes every ASM hash, so a signature or membership key of one group is no use
/// in a group with another threshold.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct AsmGroupId<V: Variant> {
    threshold: u32,
    aggregate: PublicKey<V>,
}

/// An m-of-n group: the [`GroupKey`], the threshold m, its [`AsmGroupId`], and the member
/// hashes H₂(id, i).
#[derive(Clone)]
pub struct AsmGroup<V: Variant> {
    key: GroupKey<V>,
    id: AsmGroupId<V>,
    /// H₂(id, i) for every member i, hashed once when the group is built.
    member_hashes: Vec<Affine<V::Sig>>,
}

/// Member i's signature Sᵢ = skᵢ·H₀(id, m) + MKᵢ.
#[derive(Clone, PartialEq, Eq)]
pub struct MemberSignature<V: Variant> {
    index: usize,
    point: Affine<V::Sig>,
}

/// A combined m-of-n signature: who signed (a bitmap) and S' = Σ_{i∈S} Sᵢ.
#[derive(Clone, PartialEq, Eq)]
pub struct AsmSignature<V: Variant> {
    signers: Vec<bool>,
    point: Affine<V::Sig>,
}

impl<V: Variant> AsmGroupId<V> {
    /// The threshold m.
    pub fn threshold(&self) -> usize {
        self.threshold as usize
    }

    /// The aggregated key P.
    pub fn aggregate_key(&self) -> &PublicKey<V> {
        &self.aggregate
    }

    /// `I2OSP(m, 4) ‖ P`.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(4 + V::Pk::COMPRESSED_LEN);
        out.extend_from_slice(&self.threshold.to_be_bytes());
        out.extend_from_slice(self.aggregate.to_bytes().as_ref());
        out
    }

    /// Decodes [`AsmGroupId::to_bytes`].
    ///
    /// # Errors
    /// [`Error::InvalidLength`], the key decoding errors, [`Error::InvalidThreshold`] for
    /// m = 0.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self> {
        let (threshold, rest) = read_be::<4>(bytes)?;
        let threshold = u32::try_from(threshold).map_err(|_| Error::InvalidThreshold)?;
        if threshold == 0 {
            return Err(Error::InvalidThreshold);
        }
        Ok(AsmGroupId {
            threshold,
            aggregate: PublicKey::from_bytes(rest)?,
        })
    }
}

impl<V: Variant> AsmGroup<V> {
    /// The m-of-n group of `keys` (any order) with threshold `threshold`.
    ///
    /// The keys must come with verified proofs of possession: ASM sums signers' keys
    /// without coefficients, and a rogue key `x·G − P_h` could otherwise sign for an
    /// honest member h whose membership key leaked (see the [module
    /// documentation](super)). Plain keys do not compile:
    ///
    /// ```compile_fail
    /// # use blsig::{multisig::AsmGroup, min_pk::SecretKey};
    /// let sk = SecretKey::key_gen(&[1; 32], b"").unwrap();
    /// let _ = AsmGroup::new(&[sk.public_key()], 1);
    /// ```
    ///
    /// ```
    /// # use blsig::{multisig::AsmGroup, min_pk::SecretKey};
    /// let sk = SecretKey::key_gen(&[1; 32], b"")?;
    /// let proven = sk.public_key().verify_possession(&sk.prove_possession())?;
    /// let group = AsmGroup::new(&[proven], 1)?;
    /// # Ok::<(), blsig::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`GroupKey::new`]; [`Error::InvalidThreshold`] unless 1 ≤ threshold ≤ n.
    pub fn new(keys: &[ProvenPublicKey<V>], threshold: usize) -> Result<Self> {
        let keys: Vec<PublicKey<V>> = keys.iter().map(|k| *k.public_key()).collect();
        Self::build(GroupKey::new(&keys)?, threshold)
    }

    fn build(key: GroupKey<V>, threshold: usize) -> Result<Self> {
        if threshold == 0 || threshold > key.len() {
            return Err(Error::InvalidThreshold);
        }
        let id = AsmGroupId {
            threshold: u32::try_from(threshold).map_err(|_| Error::InvalidThreshold)?,
            aggregate: *key.aggregate_key(),
        };
        let prefix = id.to_bytes();
        let tag = Tag::new::<V>(b"ASM", b"SSWU_RO_MEMBER_");
        let dst = tag.dst();
        let hashes: Vec<V::Sig> = (0..key.len() as u64)
            .map(|i| V::Sig::hash_parts(&[&prefix, &i.to_be_bytes()], &dst))
            .collect();
        let mut member_hashes = alloc::vec![Affine::<V::Sig>::identity(); hashes.len()];
        V::Sig::batch_normalize(&hashes, &mut member_hashes);
        Ok(AsmGroup {
            key,
            id,
            member_hashes,
        })
    }

    /// The group key (members, coefficients, aggregated key P).
    pub fn group_key(&self) -> &GroupKey<V> {
        &self.key
    }

    /// The threshold m.
    pub fn threshold(&self) -> usize {
        self.id.threshold()
    }

    /// The group's identity (m, P), for verifiers to pin.
    pub fn id(&self) -> &AsmGroupId<V> {
        &self.id
    }

    /// H₀(id, m).
    fn hash_message(&self, message: &[u8]) -> V::Sig {
        let prefix = self.id.to_bytes();
        let tag = Tag::new::<V>(b"ASM", b"SSWU_RO_MSG_");
        V::Sig::hash_parts(&[&prefix, message], &tag.dst())
    }

    /// H₂(id, i).
    pub(super) fn member_hash(&self, index: usize) -> Result<&Affine<V::Sig>> {
        self.member_hashes.get(index).ok_or(Error::IndexOutOfRange)
    }

    /// Every member's H₂(id, i), in member order.
    pub(super) fn member_hashes(&self) -> &[Affine<V::Sig>] {
        &self.member_hashes
    }

    /// Member `sk`, holding membership key `mk`, signs `message`: Sᵢ = skᵢ·H₀(id, m) + MKᵢ.
    ///
    /// # Errors
    /// [`Error::NotAMember`] if `sk`'s key is not in the group or `mk` is another member's.
    pub fn sign(
        &self,
        sk: &SecretKey<V>,
        mk: &MembershipKey<V>,
        message: &[u8],
    ) -> Result<MemberSignature<V>> {
        let index = self
            .key
            .index_of(&sk.public_key())
            .ok_or(Error::NotAMember)?;
        if index != mk.index() {
            return Err(Error::NotAMember);
        }
        // skᵢ·H₀ alone would reveal MKᵢ next to Sᵢ: zeroize it once it is spent.
        let mut own = crate::scalar_mul::mul(&self.hash_message(message), sk.scalar());
        let point = (own + mk.point()).to_affine();
        own.zeroize();
        Ok(MemberSignature { index, point })
    }

    /// Checks one member's signature: e(G, Sᵢ) = e(Pᵢ, H₀(id, m)) · e(P, H₂(id, i)).
    ///
    /// # Errors
    /// [`Error::IndexOutOfRange`], [`Error::VerificationFailed`].
    pub fn verify_member_signature(
        &self,
        message: &[u8],
        signature: &MemberSignature<V>,
    ) -> Result<()> {
        let pk = self
            .key
            .members()
            .get(signature.index)
            .ok_or(Error::IndexOutOfRange)?;
        verify_pairs::<V>(
            [
                (*pk.as_point(), self.hash_message(message).to_affine()),
                (
                    *self.key.aggregate_key().as_point(),
                    *self.member_hash(signature.index)?,
                ),
            ],
            &signature.point,
        )
    }

    /// Combines member signatures (any order) into S' = Σ Sᵢ with the signer bitmap.
    ///
    /// # Errors
    /// [`Error::EmptyInput`], [`Error::IndexOutOfRange`], [`Error::DuplicateKey`] for a
    /// member twice, [`Error::BelowThreshold`] for fewer than m signers.
    pub fn combine(&self, signatures: &[MemberSignature<V>]) -> Result<AsmSignature<V>> {
        if signatures.is_empty() {
            return Err(Error::EmptyInput);
        }
        let mut signers = alloc::vec![false; self.key.len()];
        let mut sum = V::Sig::identity();
        for s in signatures {
            let slot = signers.get_mut(s.index).ok_or(Error::IndexOutOfRange)?;
            if core::mem::replace(slot, true) {
                return Err(Error::DuplicateKey);
            }
            sum += s.point;
        }
        if signatures.len() < self.threshold() {
            return Err(Error::BelowThreshold);
        }
        Ok(AsmSignature {
            signers,
            point: sum.to_affine(),
        })
    }

    /// Verifies an m-of-n signature: |S| ≥ m and
    /// e(G, S') = e(P', H₀(id, m)) · e(P, Σ_{i∈S} H₂(id, i)), P' = Σ_{i∈S} Pᵢ — one
    /// multi-pairing. On success the signers are [`AsmSignature::signers`].
    ///
    /// # Errors
    /// [`Error::CountMismatch`] if the bitmap is for another group size,
    /// [`Error::BelowThreshold`], [`Error::VerificationFailed`].
    pub fn verify(&self, message: &[u8], signature: &AsmSignature<V>) -> Result<()> {
        let n = self.key.len();
        if signature.signers.len() != n || self.member_hashes.len() != n {
            return Err(Error::CountMismatch {
                expected: n,
                actual: signature.signers.len(),
            });
        }
        let mut keys = V::Pk::identity();
        let mut hashes = V::Sig::identity();
        let mut count = 0;
        for ((pk, h), _) in self
            .key
            .members()
            .iter()
            .zip(&self.member_hashes)
            .zip(&signature.signers)
            .filter(|(_, signed)| **signed)
        {
            keys += pk.as_point();
            hashes += h;
            count += 1;
        }
        if count < self.threshold() {
            return Err(Error::BelowThreshold);
        }
        verify_pairs::<V>(
            [
                (keys.to_affine(), self.hash_message(message).to_affine()),
                (*self.key.aggregate_key().as_point(), hashes.to_affine()),
            ],
            &signature.point,
        )
    }

    /// `I2OSP(m, 4) ‖ GroupKey::to_bytes()`.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = self.id.threshold.to_be_bytes().to_vec();
        out.extend_from_slice(&self.key.to_bytes());
        out
    }

    /// Decodes [`AsmGroup::to_bytes`] and checks that the group has the identity the
    /// caller trusts. The keys need no proofs here: `expected` was made from proven keys
    /// by whoever set the group up, and (m, P) binds them.
    ///
    /// # Errors
    /// As [`GroupKey::from_bytes`]; [`Error::GroupIdMismatch`] if the group is not the one
    /// `expected` names; [`Error::InvalidThreshold`] if `expected`'s threshold exceeds n.
    pub fn from_bytes(bytes: &[u8], expected: &AsmGroupId<V>) -> Result<Self> {
        let (threshold, rest) = read_be::<4>(bytes)?;
        let key = GroupKey::from_bytes(rest)?;
        // Compare the identity before hashing n member points for a group that is not it.
        if u64::from(expected.threshold) != threshold || key.aggregate_key() != &expected.aggregate
        {
            return Err(Error::GroupIdMismatch);
        }
        Self::build(key, expected.threshold())
    }

    /// Decodes an [`AsmSignature`] for this group: `bitmap ‖ S'`.
    ///
    /// # Errors
    /// [`Error::InvalidLength`], [`Error::NonZeroPadding`] for padding bits set, and the
    /// point decoding errors.
    pub fn signature_from_bytes(&self, bytes: &[u8]) -> Result<AsmSignature<V>> {
        let n = self.key.len();
        let bitmap_len = n.div_ceil(8);
        if bytes.len() != bitmap_len + V::Sig::COMPRESSED_LEN {
            return Err(Error::InvalidLength {
                expected: bitmap_len + V::Sig::COMPRESSED_LEN,
                actual: bytes.len(),
            });
        }
        let (bitmap, point) = bytes.split_at(bitmap_len);
        let bit = |i: usize| bitmap.get(i / 8).is_some_and(|b| (b >> (i % 8)) & 1 == 1);
        if (n..bitmap_len * 8).any(bit) {
            return Err(Error::NonZeroPadding);
        }
        Ok(AsmSignature {
            signers: (0..n).map(bit).collect(),
            point: decode_compressed::<V::Sig>(point)?,
        })
    }
}

impl<V: Variant> AsmSignature<V> {
    /// The indices of the members who signed, ascending.
    pub fn signers(&self) -> Vec<usize> {
        self.signers
            .iter()
            .enumerate()
            .filter(|(_, s)| **s)
            .map(|(i, _)| i)
            .collect()
    }

    /// `bitmap ‖ S'`.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = alloc::vec![0u8; self.signers.len().div_ceil(8)];
        for i in self.signers() {
            if let Some(byte) = out.get_mut(i / 8) {
                *byte |= 1 << (i % 8);
            }
        }
        out.extend_from_slice(self.point.to_bytes().as_ref());
        out
    }

    /// The curve point S'.
    pub fn as_point(&self) -> &Affine<V::Sig> {
        &self.point
    }
}

impl<V: Variant> MemberSignature<V> {
    /// The signer's member index.
    pub fn index(&self) -> usize {
        self.index
    }

    /// `I2OSP(i, 8) ‖ Sᵢ`.
    pub fn to_bytes(&self) -> Vec<u8> {
        indexed_bytes::<V::Sig>(self.index, &self.point)
    }

    /// Decodes [`MemberSignature::to_bytes`].
    ///
    /// # Errors
    /// Length, index and point decoding errors.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self> {
        let (index, point) = indexed_from_bytes::<V::Sig>(bytes)?;
        Ok(MemberSignature { index, point })
    }
}

impl<V: Variant> fmt::Debug for AsmGroupId<V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AsmGroupId")
            .field("threshold", &self.threshold)
            .field("aggregate", &self.aggregate)
            .finish()
    }
}

impl<V: Variant> fmt::Debug for MemberSignature<V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "MemberSignature<{}>({}, ", V::NAME, self.index)?;
        hex_fmt(f, self.point.to_bytes().as_ref())?;
        f.write_str(")")
    }
}

impl<V: Variant> fmt::Debug for AsmSignature<V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "AsmSignature<{}>(signers {:?}, ",
            V::NAME,
            self.signers()
        )?;
        hex_fmt(f, self.point.to_bytes().as_ref())?;
        f.write_str(")")
    }
}

impl<V: Variant> fmt::Debug for AsmGroup<V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AsmGroup")
            .field("id", &self.id)
            .field("members", &self.key.len())
            .finish()
    }
}
