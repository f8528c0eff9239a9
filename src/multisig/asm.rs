//! ASM: accountable-subgroup (m-of-n) multisignatures with membership keys (BDN18 §5).

use alloc::vec::Vec;
use core::fmt;

use group::{Curve as _, CurveAffine, Group, GroupEncoding};
use zeroize::{Zeroize, Zeroizing};

use super::{GroupKey, Tag, indexed_bytes, indexed_from_bytes, read_be};
use crate::curve::{Affine, Curve, decode_compressed};
use crate::error::{Error, Result};
use crate::pairing::verify_pairs;
use crate::public_key::PublicKey;
use crate::secret_key::SecretKey;
use crate::variant::Variant;

/// An m-of-n group: the [`GroupKey`], the threshold m, and the member hashes H₂(P, i).
pub struct AsmGroup<V: Variant> {
    key: GroupKey<V>,
    threshold: usize,
    /// H₂(P, i) for every member i, hashed once when the group is built.
    member_hashes: Vec<Affine<V::Sig>>,
}

/// The setup message μᵢⱼ = aⱼ·skⱼ·H₂(P, i) from member j to member i.
pub struct Contribution<V: Variant> {
    from: usize,
    to: usize,
    point: Affine<V::Sig>,
}

/// Member i's membership key MKᵢ = Σⱼ μᵢⱼ. Secret: zeroized on drop, redacted in `Debug`.
pub struct MembershipKey<V: Variant> {
    index: usize,
    point: Affine<V::Sig>,
}

/// Member i's signature Sᵢ = skᵢ·H₀(P, m) + MKᵢ.
pub struct MemberSignature<V: Variant> {
    index: usize,
    point: Affine<V::Sig>,
}

/// A combined m-of-n signature: who signed (a bitmap) and S' = Σ_{i∈S} Sᵢ.
pub struct AsmSignature<V: Variant> {
    signers: Vec<bool>,
    point: Affine<V::Sig>,
}

impl<V: Variant> AsmGroup<V> {
    /// The m-of-n group of `keys` (any order) with threshold `threshold`.
    ///
    /// # Errors
    /// As [`GroupKey::new`]; [`Error::InvalidThreshold`] unless 1 ≤ threshold ≤ n.
    pub fn new(keys: &[PublicKey<V>], threshold: usize) -> Result<Self> {
        Self::from_group_key(GroupKey::new(keys)?, threshold)
    }

    /// The m-of-n group on an existing group key.
    ///
    /// # Errors
    /// [`Error::InvalidThreshold`] unless 1 ≤ threshold ≤ n.
    pub fn from_group_key(key: GroupKey<V>, threshold: usize) -> Result<Self> {
        if threshold == 0 || threshold > key.len() {
            return Err(Error::InvalidThreshold);
        }
        let prefix = key.aggregate_bytes();
        let tag = Tag::new::<V>(b"ASM", b"SSWU_RO_MEMBER_");
        let hashes: Vec<V::Sig> = (0..key.len() as u64)
            .map(|i| V::Sig::hash_parts(&[prefix.as_ref(), &i.to_be_bytes()], tag.as_bytes()))
            .collect();
        let mut member_hashes = alloc::vec![Affine::<V::Sig>::identity(); hashes.len()];
        V::Sig::batch_normalize(&hashes, &mut member_hashes);
        Ok(AsmGroup {
            key,
            threshold,
            member_hashes,
        })
    }

    /// The group key (members, coefficients, aggregated key P).
    pub fn group_key(&self) -> &GroupKey<V> {
        &self.key
    }

    /// The threshold m.
    pub fn threshold(&self) -> usize {
        self.threshold
    }

    /// H₀(P, m).
    fn hash_message(&self, message: &[u8]) -> Affine<V::Sig> {
        let prefix = self.key.aggregate_bytes();
        let tag = Tag::new::<V>(b"ASM", b"SSWU_RO_MSG_");
        V::Sig::hash_parts(&[prefix.as_ref(), message], tag.as_bytes()).to_affine()
    }

    fn member_hash(&self, index: usize) -> Result<&Affine<V::Sig>> {
        self.member_hashes.get(index).ok_or(Error::IndexOutOfRange)
    }

    /// Setup, step 1: member `sk` computes its contribution μᵢⱼ for every member i
    /// (including itself), to be sent to member i.
    ///
    /// # Errors
    /// [`Error::NotAMember`] if `sk`'s key is not in the group.
    pub fn contributions(&self, sk: &SecretKey<V>) -> Result<Vec<Contribution<V>>> {
        let from = self
            .key
            .index_of(&sk.public_key())
            .ok_or(Error::NotAMember)?;
        let a = self.key.coefficient(from).ok_or(Error::NotAMember)?;
        let mut weight = Zeroizing::new(*a * sk.scalar());
        let out = self
            .member_hashes
            .iter()
            .enumerate()
            .map(|(to, h)| Contribution {
                from,
                to,
                point: (h.to_curve() * *weight).to_affine(),
            })
            .collect();
        weight.zeroize();
        Ok(out)
    }

    /// Checks one contribution alone: e(G, μᵢⱼ) = e(aⱼ·Pⱼ, H₂(P, i)).
    ///
    /// # Errors
    /// [`Error::IndexOutOfRange`] for indices outside the group,
    /// [`Error::VerificationFailed`] for a bad contribution.
    pub fn verify_contribution(&self, contribution: &Contribution<V>) -> Result<()> {
        let pk = self
            .key
            .members()
            .get(contribution.from)
            .ok_or(Error::IndexOutOfRange)?;
        let a = self
            .key
            .coefficient(contribution.from)
            .ok_or(Error::IndexOutOfRange)?;
        let weighted = (pk.as_point().to_curve() * a).to_affine();
        verify_pairs::<V>(
            [(weighted, *self.member_hash(contribution.to)?)],
            &contribution.point,
        )
    }

    /// Setup, step 2: member `index` sums the contributions it received — exactly one from
    /// every member — and checks the result, e(G, MKᵢ) = e(P, H₂(P, i)).
    ///
    /// # Errors
    /// [`Error::LengthMismatch`] unless there is one contribution per member,
    /// [`Error::IndexOutOfRange`] for a contribution addressed elsewhere or from no member,
    /// [`Error::DuplicateKey`] for two from one member, [`Error::VerificationFailed`] if the
    /// sum does not verify ([`AsmGroup::find_bad_contributions`] names the senders).
    pub fn membership_key(
        &self,
        index: usize,
        contributions: &[Contribution<V>],
    ) -> Result<MembershipKey<V>> {
        let h = self.member_hash(index)?;
        if contributions.len() != self.key.len() {
            return Err(Error::LengthMismatch);
        }
        let mut seen = alloc::vec![false; self.key.len()];
        let mut sum = V::Sig::identity();
        for c in contributions {
            if c.to != index {
                return Err(Error::IndexOutOfRange);
            }
            let slot = seen.get_mut(c.from).ok_or(Error::IndexOutOfRange)?;
            if core::mem::replace(slot, true) {
                return Err(Error::DuplicateKey);
            }
            sum += c.point;
        }
        let point = sum.to_affine();
        verify_pairs::<V>([(*self.key.aggregate_key().as_point(), *h)], &point)?;
        Ok(MembershipKey { index, point })
    }

    /// The senders (member indices) of the contributions that fail
    /// [`AsmGroup::verify_contribution`].
    pub fn find_bad_contributions(&self, contributions: &[Contribution<V>]) -> Vec<usize> {
        contributions
            .iter()
            .filter(|c| self.verify_contribution(c).is_err())
            .map(|c| c.from)
            .collect()
    }

    /// Checks a membership key: e(G, MKᵢ) = e(P, H₂(P, i)).
    ///
    /// # Errors
    /// [`Error::IndexOutOfRange`], [`Error::VerificationFailed`].
    pub fn verify_membership_key(&self, key: &MembershipKey<V>) -> Result<()> {
        verify_pairs::<V>(
            [(
                *self.key.aggregate_key().as_point(),
                *self.member_hash(key.index)?,
            )],
            &key.point,
        )
    }

    /// Member `sk`, holding membership key `mk`, signs `message`: Sᵢ = skᵢ·H₀(P, m) + MKᵢ.
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
        if index != mk.index {
            return Err(Error::NotAMember);
        }
        let own = self.hash_message(message).to_curve() * sk.scalar();
        Ok(MemberSignature {
            index,
            point: (own + mk.point).to_affine(),
        })
    }

    /// Checks one member's signature: e(G, Sᵢ) = e(Pᵢ, H₀(P, m)) · e(P, H₂(P, i)).
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
                (*pk.as_point(), self.hash_message(message)),
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
        if signatures.len() < self.threshold {
            return Err(Error::BelowThreshold);
        }
        Ok(AsmSignature {
            signers,
            point: sum.to_affine(),
        })
    }

    /// Verifies an m-of-n signature: |S| ≥ m and
    /// e(G, S') = e(P', H₀(P, m)) · e(P, Σ_{i∈S} H₂(P, i)), P' = Σ_{i∈S} Pᵢ — one
    /// multi-pairing. On success the signers are [`AsmSignature::signers`].
    ///
    /// # Errors
    /// [`Error::InvalidLength`] if the bitmap is for another group size,
    /// [`Error::BelowThreshold`], [`Error::VerificationFailed`].
    pub fn verify(&self, message: &[u8], signature: &AsmSignature<V>) -> Result<()> {
        if signature.signers.len() != self.key.len() {
            return Err(Error::InvalidLength {
                expected: self.key.len(),
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
        if count < self.threshold {
            return Err(Error::BelowThreshold);
        }
        verify_pairs::<V>(
            [
                (keys.to_affine(), self.hash_message(message)),
                (*self.key.aggregate_key().as_point(), hashes.to_affine()),
            ],
            &signature.point,
        )
    }

    /// `I2OSP(m, 4) ‖ GroupKey::to_bytes()`.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = (self.threshold as u32).to_be_bytes().to_vec();
        out.extend_from_slice(&self.key.to_bytes());
        out
    }

    /// Decodes [`AsmGroup::to_bytes`].
    ///
    /// # Errors
    /// As [`GroupKey::from_bytes`]; [`Error::InvalidThreshold`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Self> {
        let (threshold, rest) = read_be::<4>(bytes)?;
        Self::from_group_key(GroupKey::from_bytes(rest)?, threshold as usize)
    }

    /// Decodes an [`AsmSignature`] for this group: `bitmap ‖ S'`.
    ///
    /// # Errors
    /// [`Error::InvalidLength`], [`Error::IndexOutOfRange`] for padding bits set, and the
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
            return Err(Error::IndexOutOfRange);
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

impl<V: Variant> MembershipKey<V> {
    /// The member index it belongs to.
    pub fn index(&self) -> usize {
        self.index
    }

    /// `I2OSP(i, 8) ‖ MKᵢ`, in a buffer zeroized on drop.
    pub fn to_bytes(&self) -> Zeroizing<Vec<u8>> {
        Zeroizing::new(indexed_bytes::<V::Sig>(self.index, &self.point))
    }

    /// Decodes [`MembershipKey::to_bytes`]. Check it with
    /// [`AsmGroup::verify_membership_key`] before use.
    ///
    /// # Errors
    /// Length, index and point decoding errors.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self> {
        let (index, point) = indexed_from_bytes::<V::Sig>(bytes)?;
        Ok(MembershipKey { index, point })
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

impl<V: Variant> Contribution<V> {
    /// The sending member j.
    pub fn from(&self) -> usize {
        self.from
    }

    /// The receiving member i.
    pub fn to(&self) -> usize {
        self.to
    }

    /// `I2OSP(j, 8) ‖ I2OSP(i, 8) ‖ μᵢⱼ`.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = (self.from as u64).to_be_bytes().to_vec();
        out.extend_from_slice(&indexed_bytes::<V::Sig>(self.to, &self.point));
        out
    }

    /// Decodes [`Contribution::to_bytes`].
    ///
    /// # Errors
    /// Length, index and point decoding errors.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self> {
        let (from, rest) = read_be::<8>(bytes)?;
        let (to, point) = indexed_from_bytes::<V::Sig>(rest)?;
        Ok(Contribution {
            from: usize::try_from(from).map_err(|_| Error::IndexOutOfRange)?,
            to,
            point,
        })
    }
}

impl<V: Variant> Drop for MembershipKey<V> {
    fn drop(&mut self) {
        self.point.zeroize();
    }
}

impl<V: Variant> zeroize::ZeroizeOnDrop for MembershipKey<V> {}

impl<V: Variant> fmt::Debug for MembershipKey<V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "MembershipKey<{}>({}, <redacted>)", V::NAME, self.index)
    }
}

impl<V: Variant> fmt::Debug for MemberSignature<V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "MemberSignature<{}>({}, ", V::NAME, self.index)?;
        crate::hex_fmt(f, self.point.to_bytes().as_ref())?;
        f.write_str(")")
    }
}

impl<V: Variant> fmt::Debug for Contribution<V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Contribution<{}>({} → {})", V::NAME, self.from, self.to)
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
        crate::hex_fmt(f, self.point.to_bytes().as_ref())?;
        f.write_str(")")
    }
}

impl<V: Variant> fmt::Debug for AsmGroup<V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AsmGroup")
            .field("threshold", &self.threshold)
            .field("key", &self.key)
            .finish()
    }
}

impl<V: Variant> Clone for AsmGroup<V> {
    fn clone(&self) -> Self {
        AsmGroup {
            key: self.key.clone(),
            threshold: self.threshold,
            member_hashes: self.member_hashes.clone(),
        }
    }
}

impl<V: Variant> PartialEq for AsmSignature<V> {
    fn eq(&self, other: &Self) -> bool {
        self.signers == other.signers && self.point == other.point
    }
}

impl<V: Variant> Eq for AsmSignature<V> {}

impl<V: Variant> Clone for MemberSignature<V> {
    fn clone(&self) -> Self {
        MemberSignature {
            index: self.index,
            point: self.point,
        }
    }
}

impl<V: Variant> Clone for Contribution<V> {
    fn clone(&self) -> Self {
        Contribution {
            from: self.from,
            to: self.to,
            point: self.point,
        }
    }
}
