//! A dealerless distributed key generation: joint-Feldman (Pedersen's DKG) with complaints,
//! as a state machine without networking.
//!
//! Every party is both a dealer and a recipient. With n parties and threshold t:
//!
//! 1. **Deal.** [`DkgParty::new`] picks a random polynomial fⱼ of degree t − 1, from RNG
//!    output hedged with a long-term secret of the party's (so a failing RNG alone does not
//!    make it predictable). The party broadcasts [`DkgParty::commitment`] (Feldman:
//!    Cⱼₖ = aⱼₖ·g) and sends each party i, itself included, its share fⱼ(i)
//!    ([`DkgParty::shares`]) over a private, authenticated channel.
//! 2. **Check.** [`DkgParty::receive`] takes every broadcast commitment and the shares sent
//!    to this party, checks each share against its dealer's commitment, and returns a
//!    [`DkgComplaint`] against every dealer whose share is missing or wrong. Complaints
//!    are broadcast. Faulty messages (misaddressed, duplicated, conflicting, from outside
//!    1‥n) never stop the round: they are set aside and recorded against their dealer
//!    ([`DkgParty::faults`], [`DkgFault`]).
//! 3. **Answer.** [`DkgParty::justify`] answers each complaint against this party by
//!    publishing the disputed share ([`DkgJustification`]).
//! 4. **Finish.** [`DkgParty::finish`] takes all complaints and justifications. A dealer is
//!    *disqualified* if its commitment was missing or malformed, or if any complaint
//!    against it lacks a justification that passes the Feldman check. Since that uses
//!    broadcast data only, every honest party computes the same qualified set QUAL. The
//!    party's share is Σ_{j∈QUAL} fⱼ(i) (a complained-about share replaced by its
//!    published value), the group's commitment is Σ_{j∈QUAL} Cⱼ, and the group key is its
//!    constant term. QUAL must have at least t dealers, so that with at most t − 1 corrupt
//!    parties one honest dealer's randomness is in the key.
//!
//! # Security
//! Joint-Feldman lets a rushing adversary **bias** the group key: by choosing which of its
//! dealers to get disqualified after seeing the honest commitments, it can pick among
//! up to 2^(t−1) keys (Gennaro, Jarecki, Krawczyk, Rabin, "Secure Distributed Key
//! Generation for Discrete-Log Based Cryptosystems", 1999/2007). The key is then not
//! uniform, but Gennaro et al. ("Secure Applications of Pedersen's Distributed Key
//! Generation Protocol", CT-RSA 2003) show that for schemes whose security reduces to the
//! hardness of computing discrete logarithms with the key as a public input — BLS
//! unforgeability in the random-oracle model is such a scheme (its reduction embeds the
//! challenge in the key through the simulator's own shares) — the bias costs at most a
//! small, polynomial loss in the reduction. It matters when the key must be uniform for
//! its own sake (a key used as a public random value, or a protocol proven only for
//! uniform keys); there, use a DKG with a commit-then-reveal phase (GJKR's
//! Pedersen-VSS first round) instead.
//!
//! Shares travel over private authenticated channels; commitments, complaints and
//! justifications over a broadcast channel that delivers the same messages to everyone.

use alloc::vec::Vec;
use core::fmt;

use blsig_curve::Scalar;
use rand_core::CryptoRng;
use zeroize::{Zeroize, Zeroizing};

use super::poly::SecretPoly;
use super::{FeldmanCommitment, PublicKeySet, SecretShare, ShareId};
use crate::error::{Error, Result};
use crate::hash::{scalar_from_be32, scalar_to_be32};
use crate::variant::Variant;

/// The parameters every party agrees on: n parties (identifiers 1‥n) and threshold t.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DkgConfig {
    threshold: usize,
    parties: u32,
}

impl DkgConfig {
    /// t-of-n.
    ///
    /// # Errors
    /// [`Error::InvalidThreshold`] unless 1 ≤ t ≤ n; [`Error::GroupTooLarge`] for n ≥ 2³².
    pub fn new(threshold: usize, parties: usize) -> Result<DkgConfig> {
        let n = u32::try_from(parties).map_err(|_| Error::GroupTooLarge)?;
        if threshold == 0 || threshold > parties {
            return Err(Error::InvalidThreshold);
        }
        Ok(DkgConfig {
            threshold,
            parties: n,
        })
    }

    /// The threshold t.
    pub fn threshold(&self) -> usize {
        self.threshold
    }

    /// The number of parties n.
    pub fn parties(&self) -> u32 {
        self.parties
    }

    fn check_index(&self, index: u32) -> Result<()> {
        if index == 0 || index > self.parties {
            Err(Error::IndexOutOfRange)
        } else {
            Ok(())
        }
    }

    /// Slot of a 1-based index in per-party vectors.
    fn slot(index: u32) -> usize {
        usize::try_from(index)
            .unwrap_or(usize::MAX)
            .saturating_sub(1)
    }
}

/// The shortest long-term secret [`DkgParty::new`] accepts.
pub const MIN_HEDGE_LEN: usize = 32;

/// `I2OSP(index, 4) ‖ I2OSP(n, 4) ‖ I2OSP(t, 8) ‖ long_term_secret`: what the polynomial's
/// coefficients are hashed from besides the RNG output (the public part first, fixed
/// length, so the framing is unambiguous). Zeroized on drop.
fn hedge(config: &DkgConfig, index: u32, long_term_secret: &[u8]) -> Zeroizing<Vec<u8>> {
    let mut out = Zeroizing::new(Vec::with_capacity(16 + long_term_secret.len()));
    out.extend_from_slice(&index.to_be_bytes());
    out.extend_from_slice(&config.parties.to_be_bytes());
    out.extend_from_slice(&(config.threshold as u64).to_be_bytes());
    out.extend_from_slice(long_term_secret);
    out
}

/// The identifier of a checked (non-zero) 1-based index.
fn id_of(index: u32) -> ShareId {
    ShareId::of_checked_index(index)
}

fn read_u32(bytes: &[u8]) -> u32 {
    let mut word = [0u8; 4];
    word.copy_from_slice(bytes.get(..4).unwrap_or(&[0; 4]));
    u32::from_be_bytes(word)
}

/// `I2OSP(dealer, 4) ‖ I2OSP(recipient, 4) ‖ value` (shares and justifications), in a
/// buffer zeroized on drop.
fn pair_bytes(dealer: u32, recipient: u32, value: &Scalar) -> Zeroizing<[u8; 40]> {
    let mut out = Zeroizing::new([0u8; 40]);
    let (head, tail) = out.split_at_mut(8);
    let (d, r) = head.split_at_mut(4);
    d.copy_from_slice(&dealer.to_be_bytes());
    r.copy_from_slice(&recipient.to_be_bytes());
    tail.copy_from_slice(scalar_to_be32(value).as_ref());
    out
}

/// Decodes [`pair_bytes`]: 40 bytes, both indices non-zero, the value below r.
fn pair_from_bytes(bytes: &[u8]) -> Result<(u32, u32, Scalar)> {
    check_len(bytes, 40)?;
    let (dealer, recipient) = (read_u32(bytes), read_u32(bytes.get(4..).unwrap_or(&[])));
    if dealer == 0 || recipient == 0 {
        return Err(Error::IndexOutOfRange);
    }
    let value = scalar_from_be32(bytes.get(8..).unwrap_or(&[])).ok_or(Error::InvalidSecretKey)?;
    Ok((dealer, recipient, value))
}

fn check_len(bytes: &[u8], expected: usize) -> Result<()> {
    if bytes.len() == expected {
        Ok(())
    } else {
        Err(Error::InvalidLength {
            expected,
            actual: bytes.len(),
        })
    }
}

/// Round 1, broadcast: dealer j's Feldman commitment.
#[derive(Clone, PartialEq, Eq)]
pub struct DkgCommitment<V: Variant> {
    dealer: u32,
    commitment: FeldmanCommitment<V>,
}

impl<V: Variant> DkgCommitment<V> {
    /// The dealer's index.
    pub fn dealer(&self) -> u32 {
        self.dealer
    }

    /// The commitment.
    pub fn commitment(&self) -> &FeldmanCommitment<V> {
        &self.commitment
    }

    /// `I2OSP(dealer, 4) ‖ commitment`.
    pub fn to_bytes(&self) -> Vec<u8> {
        let body = self.commitment.to_bytes();
        let mut out = Vec::with_capacity(4 + body.len());
        out.extend_from_slice(&self.dealer.to_be_bytes());
        out.extend_from_slice(&body);
        out
    }

    /// Decodes [`DkgCommitment::to_bytes`] (every point checked).
    ///
    /// # Errors
    /// [`Error::IndexOutOfRange`] for dealer 0, and [`FeldmanCommitment::from_bytes`]'s.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self> {
        let (dealer, rest) = bytes.split_at_checked(4).ok_or(Error::InvalidLength {
            expected: 4,
            actual: bytes.len(),
        })?;
        let dealer = read_u32(dealer);
        if dealer == 0 {
            return Err(Error::IndexOutOfRange);
        }
        Ok(DkgCommitment {
            dealer,
            commitment: FeldmanCommitment::from_bytes(rest)?,
        })
    }
}

impl<V: Variant> fmt::Debug for DkgCommitment<V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("DkgCommitment")
            .field("dealer", &self.dealer)
            .field("threshold", &self.commitment.threshold())
            .finish()
    }
}

/// Round 1, private: dealer j's share fⱼ(i) for recipient i. Secret: zeroized on drop, no
/// `Clone`, redacted `Debug`, exported as `Zeroizing` bytes.
pub struct DkgShare<V: Variant> {
    dealer: u32,
    recipient: u32,
    value: Scalar,
    _variant: core::marker::PhantomData<V>,
}

impl<V: Variant> DkgShare<V> {
    /// The dealer's index.
    pub fn dealer(&self) -> u32 {
        self.dealer
    }

    /// The recipient's index.
    pub fn recipient(&self) -> u32 {
        self.recipient
    }

    /// `I2OSP(dealer, 4) ‖ I2OSP(recipient, 4) ‖ fⱼ(i)` (40 bytes), zeroized on drop.
    pub fn to_bytes(&self) -> Zeroizing<[u8; 40]> {
        pair_bytes(self.dealer, self.recipient, &self.value)
    }

    /// Decodes [`DkgShare::to_bytes`].
    ///
    /// # Errors
    /// [`Error::InvalidLength`]; [`Error::IndexOutOfRange`] for index 0;
    /// [`Error::InvalidSecretKey`] for a value not below r.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self> {
        let (dealer, recipient, value) = pair_from_bytes(bytes)?;
        Ok(DkgShare {
            dealer,
            recipient,
            value,
            _variant: core::marker::PhantomData,
        })
    }
}

impl<V: Variant> Drop for DkgShare<V> {
    fn drop(&mut self) {
        self.value.zeroize();
    }
}

impl<V: Variant> fmt::Debug for DkgShare<V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("DkgShare")
            .field("dealer", &self.dealer)
            .field("recipient", &self.recipient)
            .field("value", &"<redacted>")
            .finish()
    }
}

/// Round 2, broadcast: `complainer` says dealer `dealer`'s share to it is missing or wrong.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct DkgComplaint {
    complainer: u32,
    dealer: u32,
}

impl DkgComplaint {
    /// The complaining party.
    pub fn complainer(&self) -> u32 {
        self.complainer
    }

    /// The accused dealer.
    pub fn dealer(&self) -> u32 {
        self.dealer
    }

    /// `I2OSP(complainer, 4) ‖ I2OSP(dealer, 4)`.
    pub fn to_bytes(&self) -> [u8; 8] {
        let mut out = [0u8; 8];
        let (a, b) = out.split_at_mut(4);
        a.copy_from_slice(&self.complainer.to_be_bytes());
        b.copy_from_slice(&self.dealer.to_be_bytes());
        out
    }

    /// Decodes [`DkgComplaint::to_bytes`].
    ///
    /// # Errors
    /// [`Error::InvalidLength`]; [`Error::IndexOutOfRange`] for index 0.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self> {
        check_len(bytes, 8)?;
        let (complainer, dealer) = (read_u32(bytes), read_u32(bytes.get(4..).unwrap_or(&[])));
        if complainer == 0 || dealer == 0 {
            return Err(Error::IndexOutOfRange);
        }
        Ok(DkgComplaint { complainer, dealer })
    }
}

/// Round 3, broadcast: dealer `dealer` publishes the share fⱼ(i) a complaint disputed. It
/// is public from then on (the complainer's share from this dealer is no longer secret,
/// which is what the protocol accepts to resolve the dispute).
#[derive(Clone, PartialEq, Eq)]
pub struct DkgJustification {
    dealer: u32,
    recipient: u32,
    value: Scalar,
}

impl DkgJustification {
    /// The dealer's index.
    pub fn dealer(&self) -> u32 {
        self.dealer
    }

    /// The complainer's index.
    pub fn recipient(&self) -> u32 {
        self.recipient
    }

    /// `I2OSP(dealer, 4) ‖ I2OSP(recipient, 4) ‖ fⱼ(i)` (40 bytes).
    pub fn to_bytes(&self) -> [u8; 40] {
        *pair_bytes(self.dealer, self.recipient, &self.value)
    }

    /// Decodes [`DkgJustification::to_bytes`].
    ///
    /// # Errors
    /// As [`DkgShare::from_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Self> {
        let (dealer, recipient, value) = pair_from_bytes(bytes)?;
        Ok(DkgJustification {
            dealer,
            recipient,
            value,
        })
    }
}

impl fmt::Debug for DkgJustification {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("DkgJustification")
            .field("dealer", &self.dealer)
            .field("recipient", &self.recipient)
            .finish_non_exhaustive()
    }
}

/// Something wrong that [`DkgParty::receive`] found and set aside, naming where it came
/// from. Faults about commitments (broadcast) are the same at every party; faults about
/// shares (private) are this party's own view, and the ones that matter for the protocol
/// are also in its complaints.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum DkgFault {
    /// A commitment or share from an index outside 1‥n (ignored).
    UnknownDealer {
        /// The index the message named.
        dealer: u32,
    },
    /// No commitment from this dealer (disqualified).
    MissingCommitment {
        /// The dealer.
        dealer: u32,
    },
    /// Two different commitments under one dealer's index (the dealer equivocated on the
    /// broadcast channel: disqualified).
    ConflictingCommitments {
        /// The dealer.
        dealer: u32,
    },
    /// A commitment of another threshold (disqualified).
    WrongThreshold {
        /// The dealer.
        dealer: u32,
    },
    /// A share addressed to another party (not used: it is not this party's).
    MisaddressedShare {
        /// The dealer.
        dealer: u32,
        /// The party it was addressed to.
        recipient: u32,
    },
    /// Several different shares from one dealer (a valid one, if any, is kept).
    ConflictingShares {
        /// The dealer.
        dealer: u32,
    },
    /// The dealer's share failed its Feldman check (complaint filed).
    InvalidShare {
        /// The dealer.
        dealer: u32,
    },
    /// No share arrived from the dealer (complaint filed).
    MissingShare {
        /// The dealer.
        dealer: u32,
    },
}

/// What a party ends the DKG with.
pub struct DkgOutput<V: Variant> {
    /// The party's share of the group secret, Σ_{j∈QUAL} fⱼ(i).
    pub share: SecretShare<V>,
    /// The group's public key set (commitment Σ_{j∈QUAL} Cⱼ; the group key is C₀).
    pub public_key_set: PublicKeySet<V>,
    /// The qualified dealers, ascending.
    pub qualified: Vec<u32>,
}

impl<V: Variant> fmt::Debug for DkgOutput<V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("DkgOutput")
            .field("share", &self.share)
            .field("public_key_set", &self.public_key_set)
            .field("qualified", &self.qualified)
            .finish()
    }
}

/// One party of the DKG. Holds its secret polynomial and what it received; zeroized on
/// drop.
pub struct DkgParty<V: Variant> {
    config: DkgConfig,
    index: u32,
    poly: SecretPoly,
    commitment: FeldmanCommitment<V>,
    /// By dealer slot: the dealer's commitment, if it was well formed.
    commitments: Vec<Option<FeldmanCommitment<V>>>,
    /// By dealer slot: the share this party received, if it passed the Feldman check.
    received: Vec<Option<Scalar>>,
    /// What round 2 found wrong, dealer by dealer.
    faults: Vec<DkgFault>,
}

impl<V: Variant> DkgParty<V> {
    /// Party `index` (1-based) deals its random polynomial, derived from 32 bytes of `rng`
    /// output *and* `long_term_secret` (at least 32 bytes the party keeps secret: its node
    /// or identity key, or fresh entropy from a second source) through a hash.
    ///
    /// # Security
    /// The polynomial — hence this party's contribution to the group secret — is
    /// hash_to_scalar(k ‖ RNG output ‖ index, n, t ‖ `long_term_secret`) per coefficient.
    /// With a failing RNG (all zeros, constant, a counter) it stays unpredictable as long
    /// as `long_term_secret` is secret; with a working RNG, a leaked or reused secret costs
    /// nothing. If both fail, anyone can recompute the polynomial (and, if every party is
    /// in that state, the group secret). With a failing RNG, two runs with one secret and
    /// one (index, n, t) deal the same polynomial: its shares go to the same identifiers,
    /// so that reveals nothing beyond one dealing. Keep `long_term_secret` out of reach of
    /// the other parties: it is as sensitive as the share it protects.
    ///
    /// # Errors
    /// [`Error::IndexOutOfRange`] unless 1 ≤ index ≤ n; [`Error::ShortIkm`] if
    /// `long_term_secret` is shorter than 32 bytes.
    pub fn new(
        config: DkgConfig,
        index: u32,
        long_term_secret: &[u8],
        rng: &mut impl CryptoRng,
    ) -> Result<Self> {
        config.check_index(index)?;
        if long_term_secret.len() < MIN_HEDGE_LEN {
            return Err(Error::ShortIkm);
        }
        let mut seed = Zeroizing::new([0u8; 32]);
        rng.fill_bytes(seed.as_mut());
        let poly = SecretPoly::random(
            config.threshold,
            &seed,
            &hedge(&config, index, long_term_secret),
        );
        let commitment = FeldmanCommitment::from_points(poly.commit::<V::Pk>());
        let n = DkgConfig::slot(config.parties) + 1;
        Ok(DkgParty {
            config,
            index,
            poly,
            commitment,
            commitments: (0..n).map(|_| None).collect(),
            received: alloc::vec![None; n],
            faults: Vec::new(),
        })
    }

    /// This party's index.
    pub fn index(&self) -> u32 {
        self.index
    }

    /// Round 1: the commitment to broadcast.
    pub fn commitment(&self) -> DkgCommitment<V> {
        DkgCommitment {
            dealer: self.index,
            commitment: self.commitment.clone(),
        }
    }

    /// Round 1: the share for every party 1‥n (this one included), each to be sent
    /// privately to its recipient.
    pub fn shares(&self) -> Vec<DkgShare<V>> {
        (1..=self.config.parties)
            .map(|recipient| self.share(recipient))
            .collect()
    }

    /// Round 1: the share for party `recipient` alone.
    ///
    /// # Errors
    /// [`Error::IndexOutOfRange`] unless 1 ≤ recipient ≤ n.
    pub fn share_for(&self, recipient: u32) -> Result<DkgShare<V>> {
        self.config.check_index(recipient)?;
        Ok(self.share(recipient))
    }

    fn share(&self, recipient: u32) -> DkgShare<V> {
        DkgShare {
            dealer: self.index,
            recipient,
            value: self.poly.eval(&id_of(recipient)),
            _variant: core::marker::PhantomData,
        }
    }

    /// Round 2: records the broadcast commitments and the shares sent to this party, checks
    /// each share against its dealer's commitment, and returns the complaints to broadcast.
    ///
    /// One faulty dealer (or a faulty channel) never stops the round: what is wrong is
    /// recorded against the dealer who sent it ([`DkgParty::faults`]) and the round goes on.
    /// A dealer whose commitment is missing, has another threshold, or was broadcast in two
    /// different versions has no usable commitment: everyone sees the same broadcast, so
    /// everyone disqualifies it, without complaints. A share addressed to another party,
    /// from an index outside 1‥n, or failing its Feldman check is set aside; a dealer that
    /// sent several different shares has its valid one kept. Every dealer with a usable
    /// commitment but no valid share to this party gets a complaint. Messages repeated
    /// unchanged are taken once. A second call replaces (never mixes with) the first.
    pub fn receive(
        &mut self,
        commitments: &[DkgCommitment<V>],
        shares: &[DkgShare<V>],
    ) -> Vec<DkgComplaint> {
        let n = self.commitments.len();
        let mut faults: Vec<DkgFault> = Vec::new();
        // By dealer slot: no commitment seen yet, one, or two different ones.
        let mut table: Vec<Option<FeldmanCommitment<V>>> = (0..n).map(|_| None).collect();
        let mut conflicting = alloc::vec![false; n];
        for c in commitments {
            if self.config.check_index(c.dealer).is_err() {
                faults.push(DkgFault::UnknownDealer { dealer: c.dealer });
                continue;
            }
            let slot = DkgConfig::slot(c.dealer);
            let (Some(entry), Some(conflict)) = (table.get_mut(slot), conflicting.get_mut(slot))
            else {
                continue;
            };
            match entry {
                Some(seen) if *seen != c.commitment => *conflict = true,
                Some(_) => {}
                None => *entry = Some(c.commitment.clone()),
            }
        }
        for dealer in 1..=self.config.parties {
            let slot = DkgConfig::slot(dealer);
            let (Some(entry), Some(conflict)) = (table.get_mut(slot), conflicting.get(slot)) else {
                continue;
            };
            let fault = match entry {
                None => Some(DkgFault::MissingCommitment { dealer }),
                Some(_) if *conflict => Some(DkgFault::ConflictingCommitments { dealer }),
                Some(c) if c.threshold() != self.config.threshold => {
                    Some(DkgFault::WrongThreshold { dealer })
                }
                Some(_) => None,
            };
            if let Some(fault) = fault {
                *entry = None;
                faults.push(fault);
            }
        }
        // By dealer slot: the valid share, and whether two different ones came.
        let mut received: Vec<Option<Scalar>> = alloc::vec![None; n];
        let mut got = alloc::vec![None::<Scalar>; n];
        let mut reported = alloc::vec![false; n];
        for share in shares {
            if self.config.check_index(share.dealer).is_err() {
                faults.push(DkgFault::UnknownDealer {
                    dealer: share.dealer,
                });
                continue;
            }
            if share.recipient != self.index {
                faults.push(DkgFault::MisaddressedShare {
                    dealer: share.dealer,
                    recipient: share.recipient,
                });
                continue;
            }
            let slot = DkgConfig::slot(share.dealer);
            let (Some(first), Some(reported)) = (got.get_mut(slot), reported.get_mut(slot)) else {
                continue;
            };
            match first {
                Some(v) if *v != share.value => {
                    if !*reported {
                        faults.push(DkgFault::ConflictingShares {
                            dealer: share.dealer,
                        });
                        *reported = true;
                    }
                }
                Some(_) => continue,
                None => *first = Some(share.value),
            }
            let Some(entry) = received.get_mut(slot) else {
                continue;
            };
            if entry.is_some() {
                continue;
            }
            if let Some(Some(commitment)) = table.get(slot) {
                if commitment.verify(&id_of(self.index), &share.value).is_ok() {
                    *entry = Some(share.value);
                }
            }
        }
        got.iter_mut().flatten().for_each(Zeroize::zeroize);
        self.received
            .iter_mut()
            .flatten()
            .for_each(Zeroize::zeroize);
        self.commitments = table;
        self.received = received;
        // Complain about every dealer with a usable commitment whose share did not arrive
        // or did not verify.
        let mut complaints = Vec::new();
        for dealer in 1..=self.config.parties {
            let slot = DkgConfig::slot(dealer);
            let usable = matches!(self.commitments.get(slot), Some(Some(_)));
            if !usable || !matches!(self.received.get(slot), Some(None)) {
                continue;
            }
            let arrived = matches!(got.get(slot), Some(Some(_)));
            faults.push(if arrived {
                DkgFault::InvalidShare { dealer }
            } else {
                DkgFault::MissingShare { dealer }
            });
            complaints.push(DkgComplaint {
                complainer: self.index,
                dealer,
            });
        }
        self.faults = faults;
        complaints
    }

    /// What the last [`DkgParty::receive`] found wrong, each fault naming the dealer (or
    /// the index outside 1‥n) it came from, in the order found.
    pub fn faults(&self) -> &[DkgFault] {
        &self.faults
    }

    /// Round 3: publishes the disputed share for each complaint against this party.
    pub fn justify(&self, complaints: &[DkgComplaint]) -> Vec<DkgJustification> {
        complaints
            .iter()
            .filter(|c| c.dealer == self.index && self.config.check_index(c.complainer).is_ok())
            .map(|c| DkgJustification {
                dealer: self.index,
                recipient: c.complainer,
                value: self.poly.eval(&id_of(c.complainer)),
            })
            .collect()
    }

    /// Round 4: decides the qualified set from the broadcast complaints and
    /// justifications, and computes this party's share and the group's key set.
    ///
    /// Complaints naming an index outside 1‥n, or a party complaining about itself, are
    /// ignored; so are justifications that answer no complaint.
    ///
    /// # Errors
    /// [`Error::NotEnoughQualified`] if fewer than t dealers qualify;
    /// [`Error::MissingShare`] if a qualified dealer's share to this party failed its check
    /// but this party's complaint is not among `complaints`;
    /// [`Error::IdentityPublicKey`] if the qualified dealers' constant terms cancel.
    pub fn finish(
        self,
        complaints: &[DkgComplaint],
        justifications: &[DkgJustification],
    ) -> Result<DkgOutput<V>> {
        let mut qualified = Vec::new();
        let mut share = Zeroizing::new(Scalar::ZERO);
        let mut group: Option<FeldmanCommitment<V>> = None;
        for dealer in 1..=self.config.parties {
            let slot = DkgConfig::slot(dealer);
            let Some(Some(commitment)) = self.commitments.get(slot) else {
                continue;
            };
            let answered = |complainer: u32| {
                justifications.iter().find(|j| {
                    j.dealer == dealer
                        && j.recipient == complainer
                        && commitment.verify(&id_of(complainer), &j.value).is_ok()
                })
            };
            let disputes = complaints.iter().filter(|c| {
                c.dealer == dealer
                    && c.complainer != dealer
                    && self.config.check_index(c.complainer).is_ok()
            });
            let mut ok = true;
            for complaint in disputes {
                if answered(complaint.complainer).is_none() {
                    ok = false;
                }
            }
            if !ok {
                continue;
            }
            let value = match self.received.get(slot) {
                Some(Some(v)) => *v,
                // This party lacks a valid share from a qualified dealer: it takes the
                // published one only if its own complaint is on record (the dealer then
                // qualified by answering it); without the complaint, a justification
                // answers nothing and is ignored, as for every other party.
                _ => {
                    let complained = complaints
                        .iter()
                        .any(|c| c.dealer == dealer && c.complainer == self.index);
                    if !complained {
                        return Err(Error::MissingShare);
                    }
                    answered(self.index).ok_or(Error::MissingShare)?.value
                }
            };
            *share += value;
            group = Some(match group {
                None => commitment.clone(),
                Some(sum) => sum.add(commitment)?,
            });
            qualified.push(dealer);
        }
        if qualified.len() < self.config.threshold {
            return Err(Error::NotEnoughQualified);
        }
        let commitment = group.ok_or(Error::NotEnoughQualified)?;
        Ok(DkgOutput {
            share: SecretShare::new(id_of(self.index), *share),
            public_key_set: PublicKeySet::from_commitment(commitment)?,
            qualified,
        })
    }
}

impl<V: Variant> Drop for DkgParty<V> {
    fn drop(&mut self) {
        for value in self.received.iter_mut().flatten() {
            value.zeroize();
        }
    }
}

impl<V: Variant> fmt::Debug for DkgParty<V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("DkgParty")
            .field("config", &self.config)
            .field("index", &self.index)
            .finish_non_exhaustive()
    }
}
