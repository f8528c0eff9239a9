//! ASM setup without a dealer (BDN18 §5): every member sends every member a contribution
//! μᵢⱼ = aⱼ·skⱼ·H₂(id, i); member i sums its n contributions into its membership key.
//!
//! Both are secret: a contribution to member i is a share of i's membership key, and the
//! sum of them *is* the key. They are zeroized on drop, have no `Clone`, print nothing in
//! `Debug`, and export only as `Zeroizing` buffers. Send each contribution to its
//! recipient alone, over a private, authenticated channel.

use alloc::vec::Vec;
use core::fmt;

use blsig_curve::Scalar;
use group::{Curve as _, CurveAffine, Group};
use zeroize::{Zeroize, Zeroizing};

use super::{AsmGroup, indexed_bytes, indexed_from_bytes, read_index};
use crate::curve::Affine;
use crate::error::{Error, Result};
use crate::pairing::verify_pairs;
use crate::secret_key::SecretKey;
use crate::variant::Variant;

/// The setup message μᵢⱼ = aⱼ·skⱼ·H₂(id, i) from member j to member i. Secret: zeroized on
/// drop, no `Clone`, redacted in `Debug`; send it to member i only, over a private,
/// authenticated channel.
///
/// ```compile_fail
/// # use blsig::{multisig::Contribution, MinPk};
/// fn copy(c: &Contribution<MinPk>) -> Contribution<MinPk> {
///     c.clone() // no Clone: a secret is not copied by accident
/// }
/// ```
pub struct Contribution<V: Variant> {
    from: usize,
    to: usize,
    point: Affine<V::Sig>,
}

/// Member i's membership key MKᵢ = Σⱼ μᵢⱼ. Secret: zeroized on drop, no `Clone`, redacted
/// in `Debug`.
pub struct MembershipKey<V: Variant> {
    index: usize,
    point: Affine<V::Sig>,
}

impl<V: Variant> AsmGroup<V> {
    /// Setup, step 1: member `sk` computes its contribution μᵢⱼ for every member i
    /// (including itself); send the i-th to member i alone.
    ///
    /// # Errors
    /// [`Error::NotAMember`] if `sk`'s key is not in the group.
    pub fn contributions(&self, sk: &SecretKey<V>) -> Result<Vec<Contribution<V>>> {
        let from = self
            .group_key()
            .index_of(&sk.public_key())
            .ok_or(Error::NotAMember)?;
        let a = self
            .group_key()
            .coefficient(from)
            .ok_or(Error::NotAMember)?;
        let weight: Zeroizing<Scalar> = Zeroizing::new(*a * sk.scalar());
        let out = self
            .member_hashes()
            .iter()
            .enumerate()
            .map(|(to, h)| {
                let mut mu = crate::scalar_mul::mul(&h.to_curve(), &weight);
                let point = mu.to_affine();
                mu.zeroize();
                Contribution { from, to, point }
            })
            .collect();
        Ok(out)
    }

    /// Checks one contribution alone: e(G, μᵢⱼ) = e(aⱼ·Pⱼ, H₂(id, i)).
    ///
    /// # Errors
    /// [`Error::IndexOutOfRange`] for indices outside the group,
    /// [`Error::VerificationFailed`] for a bad contribution.
    pub fn verify_contribution(&self, contribution: &Contribution<V>) -> Result<()> {
        let key = self.group_key();
        let pk = key
            .members()
            .get(contribution.from)
            .ok_or(Error::IndexOutOfRange)?;
        let a = key
            .coefficient(contribution.from)
            .ok_or(Error::IndexOutOfRange)?;
        let weighted = (pk.as_point().to_curve() * a).to_affine();
        verify_pairs::<V>(
            [(weighted, *self.member_hash(contribution.to)?)],
            &contribution.point,
        )
    }

    /// Setup, step 2: member `index` sums the contributions it received — exactly one from
    /// every member — and checks the result, e(G, MKᵢ) = e(P, H₂(id, i)).
    ///
    /// # Errors
    /// [`Error::CountMismatch`] unless there is one contribution per member,
    /// [`Error::WrongRecipient`] for a contribution addressed to another member,
    /// [`Error::IndexOutOfRange`] for one from no member, [`Error::DuplicateKey`] for two
    /// from one member, [`Error::VerificationFailed`] if the sum does not verify
    /// ([`AsmGroup::find_bad_contributions`] names the senders).
    pub fn membership_key(
        &self,
        index: usize,
        contributions: &[Contribution<V>],
    ) -> Result<MembershipKey<V>> {
        let h = self.member_hash(index)?;
        let n = self.group_key().len();
        if contributions.len() != n {
            return Err(Error::CountMismatch {
                expected: n,
                actual: contributions.len(),
            });
        }
        let mut seen = alloc::vec![false; n];
        let mut sum = V::Sig::identity();
        for c in contributions {
            if c.to != index {
                sum.zeroize();
                return Err(Error::WrongRecipient);
            }
            let Some(slot) = seen.get_mut(c.from) else {
                sum.zeroize();
                return Err(Error::IndexOutOfRange);
            };
            if core::mem::replace(slot, true) {
                sum.zeroize();
                return Err(Error::DuplicateKey);
            }
            sum += c.point;
        }
        let key = MembershipKey {
            index,
            point: sum.to_affine(),
        };
        sum.zeroize();
        verify_pairs::<V>(
            [(*self.group_key().aggregate_key().as_point(), *h)],
            &key.point,
        )?;
        Ok(key)
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

    /// Checks a membership key: e(G, MKᵢ) = e(P, H₂(id, i)).
    ///
    /// # Errors
    /// [`Error::IndexOutOfRange`], [`Error::VerificationFailed`].
    pub fn verify_membership_key(&self, key: &MembershipKey<V>) -> Result<()> {
        verify_pairs::<V>(
            [(
                *self.group_key().aggregate_key().as_point(),
                *self.member_hash(key.index)?,
            )],
            &key.point,
        )
    }
}

impl<V: Variant> MembershipKey<V> {
    /// The member index it belongs to.
    pub fn index(&self) -> usize {
        self.index
    }

    /// The point MKᵢ, for signing.
    pub(super) fn point(&self) -> &Affine<V::Sig> {
        &self.point
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

impl<V: Variant> Contribution<V> {
    /// The sending member j.
    pub fn from(&self) -> usize {
        self.from
    }

    /// The receiving member i.
    pub fn to(&self) -> usize {
        self.to
    }

    /// `I2OSP(j, 8) ‖ I2OSP(i, 8) ‖ μᵢⱼ`, in a buffer zeroized on drop.
    pub fn to_bytes(&self) -> Zeroizing<Vec<u8>> {
        let inner = Zeroizing::new(indexed_bytes::<V::Sig>(self.to, &self.point));
        let mut out = Zeroizing::new(Vec::with_capacity(8 + inner.len()));
        out.extend_from_slice(&(self.from as u64).to_be_bytes());
        out.extend_from_slice(&inner);
        out
    }

    /// Decodes [`Contribution::to_bytes`].
    ///
    /// # Errors
    /// Length, index and point decoding errors.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self> {
        let (from, rest) = read_index(bytes)?;
        let (to, point) = indexed_from_bytes::<V::Sig>(rest)?;
        Ok(Contribution { from, to, point })
    }
}

impl<V: Variant> Drop for MembershipKey<V> {
    fn drop(&mut self) {
        self.point.zeroize();
    }
}

impl<V: Variant> zeroize::ZeroizeOnDrop for MembershipKey<V> {}

impl<V: Variant> Drop for Contribution<V> {
    fn drop(&mut self) {
        self.point.zeroize();
    }
}

impl<V: Variant> zeroize::ZeroizeOnDrop for Contribution<V> {}

impl<V: Variant> fmt::Debug for MembershipKey<V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "MembershipKey<{}>({}, <redacted>)", V::NAME, self.index)
    }
}

impl<V: Variant> fmt::Debug for Contribution<V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "Contribution<{}>({} → {}, <redacted>)",
            V::NAME,
            self.from,
            self.to
        )
    }
}
