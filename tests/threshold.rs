//! Threshold signatures through the public API: properties over (t, n) and schemes, a
//! known answer derived step by step from the definitions, tampering, recovery, refresh,
//! the DKG with honest and cheating dealers, and decoder rejections.
#![cfg(feature = "alloc")]
// Harness code: a failed setup step is the run's failure.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::cast_possible_truncation
)]

use blsig::Scalar;
use blsig::threshold::dkg::{
    DkgCommitment, DkgComplaint, DkgConfig, DkgFault, DkgJustification, DkgOutput, DkgParty,
    DkgShare,
};
use blsig::threshold::{
    FeldmanCommitment, PublicKeySet, PublicKeyShare, PublicShares, SecretShare, ShareId,
    SignatureShare, deal, deal_with_ids, interpolate_public_key,
};
#[path = "common/bad_rng.rs"]
mod bad_rng;
use bad_rng::BadRng;

use blsig::{Aug, Basic, Dst, Error, MinPk, MinSig, Pop, Scheme, SecretKey, Signature, Variant};
use proptest::prelude::*;
use rand::SeedableRng;
use rand::rngs::StdRng;

/// A stand-in for party i's long-term secret (its node key).
fn node_key(i: u32) -> [u8; 32] {
    let mut key = [0x5a; 32];
    key[..4].copy_from_slice(&i.to_be_bytes());
    key
}

fn sk<V: Variant>(seed: u8) -> SecretKey<V> {
    SecretKey::key_gen(&[seed; 32], b"").unwrap()
}

/// Signs with the shares at `picks` (indices into `shares`, in that order) and combines.
fn combine_picks<V: Variant, S: Scheme>(
    set: &PublicKeySet<V>,
    shares: &[SecretShare<V>],
    picks: &[usize],
    msg: &[u8],
) -> Result<Signature<V, S>, Error> {
    let partial: Vec<SignatureShare<V, S>> =
        picks.iter().map(|&i| shares[i].sign(set, msg)).collect();
    set.combine(&partial)
}

fn any_t_of_n<V: Variant, S: Scheme>(
    t: usize,
    n: usize,
    order: &[usize],
    seed: u8,
) -> Result<(), TestCaseError> {
    let key = sk::<V>(seed);
    let mut rng = StdRng::seed_from_u64(u64::from(seed));
    let (set, shares) = deal(&key, t, n, &mut rng).unwrap();
    prop_assert_eq!(set.threshold(), t);
    prop_assert_eq!(set.group_key(), &key.public_key());
    let msg = b"threshold";
    // Any t shares (a permutation prefix), in any order: the undivided key's signature.
    let picks = &order[..t];
    let sig: Signature<V, S> = combine_picks(&set, &shares, picks, msg).unwrap();
    prop_assert_eq!(sig, key.sign::<S>(msg));
    prop_assert!(set.group_key().verify(msg, &sig).is_ok());
    // More than t (all n): the first t are used, same answer.
    let all: Vec<usize> = order.to_vec();
    prop_assert_eq!(
        combine_picks::<V, S>(&set, &shares, &all, msg).unwrap(),
        sig
    );
    // t − 1 shares cannot combine; interpolating their public shares misses the key.
    if t > 1 {
        prop_assert_eq!(
            combine_picks::<V, S>(&set, &shares, &order[..t - 1], msg).err(),
            Some(Error::BelowThreshold)
        );
        let pks: Vec<PublicKeyShare<V>> = order[..t - 1]
            .iter()
            .map(|&i| set.public_key_share(shares[i].id()))
            .collect();
        prop_assert_ne!(interpolate_public_key(&pks).ok(), Some(key.public_key()));
    }
    // t public key shares interpolate to the group key; t secret shares to the key.
    let pks: Vec<PublicKeyShare<V>> = picks
        .iter()
        .map(|&i| set.public_key_share(shares[i].id()))
        .collect();
    prop_assert_eq!(interpolate_public_key(&pks).unwrap(), key.public_key());
    let chosen: Vec<SecretShare<V>> = picks
        .iter()
        .map(|&i| SecretShare::from_bytes(shares[i].to_bytes().as_ref()).unwrap())
        .collect();
    prop_assert!(set.recover_secret_key(&chosen).unwrap() == key);
    Ok(())
}

fn t_n_order() -> impl Strategy<Value = (usize, usize, Vec<usize>, u8)> {
    (1usize..=6).prop_flat_map(|n| {
        (
            1..=n,
            Just(n),
            Just((0..n).collect::<Vec<usize>>()).prop_shuffle(),
            any::<u8>(),
        )
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(12))]

    #[test]
    fn any_t_shares_give_the_undivided_signature_min_pk((t, n, order, seed) in t_n_order()) {
        any_t_of_n::<MinPk, Pop>(t, n, &order, seed)?;
        any_t_of_n::<MinPk, Basic>(t, n, &order, seed)?;
        any_t_of_n::<MinPk, Aug>(t, n, &order, seed)?;
    }

    #[test]
    fn any_t_shares_give_the_undivided_signature_min_sig((t, n, order, seed) in t_n_order()) {
        any_t_of_n::<MinSig, Pop>(t, n, &order, seed)?;
        any_t_of_n::<MinSig, Aug>(t, n, &order, seed)?;
    }
}

/// RFC 9380 hash_to_field for one scalar (48 bytes, big-endian, mod r) through the public
/// `expand_message_xmd`: how the module documents its coefficients.
fn hash_to_scalar(msg: &[u8], dst: &[u8]) -> Scalar {
    let mut okm = [0u8; 48];
    blsig::expand_message_xmd(msg, &Dst::new(dst).unwrap(), &mut okm).unwrap();
    let mut wide = [0u8; 64];
    for (d, s) in wide.iter_mut().zip(okm.iter().rev()) {
        *d = *s;
    }
    Scalar::from_bytes_wide(&wide)
}

fn be(s: &Scalar) -> Vec<u8> {
    let mut b = s.to_bytes().to_vec();
    b.reverse();
    b
}

/// 2-of-3 with fixed randomness, every value derived here from the definitions:
/// a₁ = hash_to_scalar(I2OSP(1, 4) ‖ seed ‖ SK), f(x) = SK + a₁x, Cₖ = aₖ·g.
#[test]
fn known_answer_two_of_three() {
    let key = sk::<MinPk>(11);
    let mut rng = StdRng::seed_from_u64(2026);
    let seed: [u8; 32] = {
        let mut probe = StdRng::seed_from_u64(2026);
        let mut s = [0u8; 32];
        rand::Rng::fill_bytes(&mut probe, &mut s);
        s
    };
    let (set, shares) = deal(&key, 2, 3, &mut rng).unwrap();
    let s = Scalar::from_bytes(&{
        let mut le = *key.to_bytes();
        le.reverse();
        le
    })
    .unwrap();
    let msg = [&1u32.to_be_bytes()[..], &seed, key.to_bytes().as_ref()].concat();
    let a1 = hash_to_scalar(&msg, b"BLSIG-THRESHOLD-V01-POLYNOMIAL-COEFFICIENT");
    for (share, x) in shares.iter().zip(1u64..) {
        let value = s + a1 * Scalar::from(x);
        let expected = [ShareId::new(x).unwrap().to_bytes().to_vec(), be(&value)].concat();
        assert_eq!(share.to_bytes().to_vec(), expected, "share {x}");
    }
    let g = blsig::G1Affine::generator();
    let c0 = blsig::G1Affine::from(g * s);
    let c1 = blsig::G1Affine::from(g * a1);
    let expected = [
        &2u32.to_be_bytes()[..],
        &c0.to_compressed(),
        &c1.to_compressed(),
    ]
    .concat();
    assert_eq!(set.to_bytes(), expected);
    // Shares 1 and 3: λ₁ = 3/(3−1) = 3/2, λ₃ = 1/(1−3) = −1/2.
    let h = blsig::hash_to_curve::<blsig::G2Projective>(
        b"kat",
        &Dst::new(&blsig::ciphersuite_id::<MinPk, Pop>()).unwrap(),
    );
    let two_inv = Scalar::from(2u64).invert().unwrap();
    let f1 = s + a1;
    let f3 = s + a1 * Scalar::from(3u64);
    let combined = h * (f1 * Scalar::from(3u64) * two_inv - f3 * two_inv);
    let sig: Signature<MinPk, Pop> = set
        .combine(&[shares[0].sign(&set, b"kat"), shares[2].sign(&set, b"kat")])
        .unwrap();
    assert_eq!(
        sig.to_bytes().as_ref(),
        &blsig::G2Affine::from(combined).to_compressed()[..]
    );
    assert_eq!(sig, key.sign(b"kat"));
}

#[test]
fn tampered_shares_are_caught_and_named() {
    let key = sk::<MinPk>(3);
    let mut rng = StdRng::seed_from_u64(3);
    let (set, shares) = deal(&key, 3, 5, &mut rng).unwrap();
    // Feldman: a secret share off by one fails its check.
    let mut bytes = shares[0].to_bytes();
    bytes[63] ^= 1;
    let tampered = SecretShare::<MinPk>::from_bytes(bytes.as_ref()).unwrap();
    assert_eq!(
        set.verify_secret_share(&tampered),
        Err(Error::VerificationFailed)
    );
    for share in &shares {
        set.verify_secret_share(share).unwrap();
    }
    // Signature shares: two bad ones among five are named; three good ones combine.
    let msg = b"robust";
    let mut partial: Vec<SignatureShare<MinPk, Pop>> =
        shares.iter().map(|s| s.sign(&set, msg)).collect();
    partial[0] = tampered.sign(&set, msg);
    partial[3] = shares[3].sign(&set, b"another message");
    for (i, p) in partial.iter().enumerate() {
        assert_eq!(
            set.verify_signature_share(msg, p).is_ok(),
            i != 0 && i != 3,
            "share {i}"
        );
    }
    let (sig, invalid) = set.robust_combine(msg, &partial, &mut rng).unwrap();
    assert_eq!(invalid, vec![0, 3]);
    assert_eq!(sig, key.sign(msg));
    // Plain combination of the first three (one bad) gives a signature that fails.
    let bad = set.combine(&partial).unwrap();
    assert_eq!(
        set.group_key().verify(msg, &bad),
        Err(Error::VerificationFailed)
    );
    // Three bad of five: below threshold, but still named.
    partial[1] = shares[1].sign(&set, b"x");
    assert_eq!(
        set.robust_combine(msg, &partial, &mut rng).err(),
        Some(Error::BelowThreshold)
    );
    assert_eq!(set.find_invalid_shares(msg, &partial, &mut rng).len(), 3);
    // A share swapped to another identifier fails too (its key share differs).
    let moved = SignatureShare::<MinPk, Pop>::from_bytes(
        &[
            shares[4].id().to_bytes().to_vec(),
            partial[2].as_point().to_compressed().to_vec(),
        ]
        .concat(),
    )
    .unwrap();
    assert_eq!(
        set.verify_signature_share(msg, &moved),
        Err(Error::VerificationFailed)
    );
    // Zero identifier and duplicates.
    assert_eq!(ShareId::new(0).err(), Some(Error::InvalidShareId));
    // Plain combination refuses a repeated identifier; robust combination takes a share
    // offered twice once (here leaving two members: below the threshold).
    let twice = [partial[2], partial[2], partial[4]];
    assert_eq!(set.combine(&twice).err(), Some(Error::DuplicateKey));
    assert_eq!(
        set.robust_combine(msg, &twice, &mut rng).err(),
        Some(Error::BelowThreshold)
    );
    let ids = [ShareId::new(1).unwrap(), ShareId::new(1).unwrap()];
    assert_eq!(
        deal_with_ids(&key, 1, &ids, &mut rng).err(),
        Some(Error::DuplicateKey)
    );
    assert_eq!(
        deal(&key, 0, 3, &mut rng).err(),
        Some(Error::InvalidThreshold)
    );
    assert_eq!(
        deal(&key, 4, 3, &mut rng).err(),
        Some(Error::InvalidThreshold)
    );
}

#[test]
fn recover_and_refresh() {
    let key = sk::<MinSig>(5);
    let mut rng = StdRng::seed_from_u64(5);
    let ids: Vec<ShareId> = [7u64, 1 << 40, 3, 99]
        .iter()
        .map(|&i| ShareId::new(i).unwrap())
        .collect();
    let big = ShareId::from_scalar(Scalar::from(u64::MAX).square()).unwrap();
    let ids: Vec<ShareId> = ids.into_iter().chain([big]).collect();
    let (set, shares) = deal_with_ids(&key, 3, &ids, &mut rng).unwrap();
    let copy =
        |s: &SecretShare<MinSig>| SecretShare::<MinSig>::from_bytes(s.to_bytes().as_ref()).unwrap();
    let picked: Vec<SecretShare<MinSig>> = [4, 0, 2].iter().map(|&i| copy(&shares[i])).collect();
    assert!(set.recover_secret_key(&picked).unwrap() == key);
    assert_eq!(
        set.recover_secret_key(&picked[..2]).err(),
        Some(Error::BelowThreshold)
    );

    let (fresh_set, fresh) = set.refresh(&shares, &mut rng).unwrap();
    assert_eq!(fresh_set.group_key(), set.group_key());
    assert_ne!(fresh_set, set);
    for (old, new) in shares.iter().zip(&fresh) {
        assert_eq!(old.id(), new.id());
        assert!(old != new);
        fresh_set.verify_secret_share(new).unwrap();
        assert_eq!(
            fresh_set.verify_secret_share(old),
            Err(Error::VerificationFailed)
        );
    }
    let msg = b"after refresh";
    let new_sig: Signature<MinSig, Pop> =
        combine_picks(&fresh_set, &fresh, &[1, 3, 4], msg).unwrap();
    assert_eq!(new_sig, key.sign(msg));
    // Mixing old and new shares breaks the signature.
    let mixed: Signature<MinSig, Pop> = fresh_set
        .combine(&[
            shares[1].sign(&set, msg),
            fresh[3].sign(&fresh_set, msg),
            fresh[4].sign(&fresh_set, msg),
        ])
        .unwrap();
    assert_eq!(
        fresh_set.group_key().verify(msg, &mixed),
        Err(Error::VerificationFailed)
    );
    let picked: Vec<SecretShare<MinSig>> = [0, 1, 2].iter().map(|&i| copy(&fresh[i])).collect();
    assert!(fresh_set.recover_secret_key(&picked).unwrap() == key);
}

#[test]
fn encodings_round_trip_and_reject() {
    let key = sk::<MinPk>(8);
    let mut rng = StdRng::seed_from_u64(8);
    let (set, shares) = deal(&key, 2, 3, &mut rng).unwrap();
    assert_eq!(
        PublicKeySet::<MinPk>::from_bytes(&set.to_bytes()).unwrap(),
        set
    );
    let pks = set.public_key_share(shares[0].id());
    assert_eq!(
        PublicKeyShare::<MinPk>::from_bytes(&pks.to_bytes()).unwrap(),
        pks
    );
    let sig: SignatureShare<MinPk, Pop> = shares[0].sign(&set, b"m");
    assert_eq!(
        SignatureShare::<MinPk, Pop>::from_bytes(&sig.to_bytes()).unwrap(),
        sig
    );
    assert!(SecretShare::<MinPk>::from_bytes(shares[0].to_bytes().as_ref()).unwrap() == shares[0]);
    assert!(format!("{:?}", shares[0]).contains("redacted"));

    let bytes = set.to_bytes();
    assert_eq!(
        PublicKeySet::<MinPk>::from_bytes(&bytes[..bytes.len() - 1]).err(),
        Some(Error::InvalidLength {
            expected: 100,
            actual: 99
        })
    );
    assert_eq!(
        PublicKeySet::<MinPk>::from_bytes(&[0, 0, 0, 0]).err(),
        Some(Error::InvalidThreshold)
    );
    assert_eq!(
        PublicKeySet::<MinPk>::from_bytes(&[0, 0]).err(),
        Some(Error::InvalidLength {
            expected: 4,
            actual: 2
        })
    );
    // t = 2^32 − 1 claimed with no points: refused by length, without allocating.
    assert!(matches!(
        PublicKeySet::<MinPk>::from_bytes(&[0xff; 4]),
        Err(Error::InvalidLength { .. })
    ));
    // C₀ = identity: a set with no secret.
    let mut identity = bytes.clone();
    identity[4..52].copy_from_slice(&blsig::G1Affine::identity().to_compressed());
    assert_eq!(
        PublicKeySet::<MinPk>::from_bytes(&identity).err(),
        Some(Error::IdentityPublicKey)
    );
    assert!(FeldmanCommitment::<MinPk>::from_bytes(&identity).is_ok());
    // Non-canonical scalars and zero identifiers.
    let mut share = shares[0].to_bytes().to_vec();
    share[32..].copy_from_slice(&[0xff; 32]);
    assert_eq!(
        SecretShare::<MinPk>::from_bytes(&share).err(),
        Some(Error::InvalidSecretKey)
    );
    share[..32].copy_from_slice(&[0; 32]);
    assert_eq!(
        SecretShare::<MinPk>::from_bytes(&share).err(),
        Some(Error::InvalidShareId)
    );
    assert_eq!(
        ShareId::from_bytes(&[0xff; 32]).err(),
        Some(Error::InvalidShareId)
    );
    assert_eq!(
        ShareId::from_bytes(&[1; 31]).err(),
        Some(Error::InvalidLength {
            expected: 32,
            actual: 31
        })
    );
    let mut bad_point = sig.to_bytes();
    bad_point[32] &= 0x7f;
    assert!(SignatureShare::<MinPk, Pop>::from_bytes(&bad_point).is_err());
}

/// Runs a DKG where `tamper(dealer, share)` may corrupt shares in transit and
/// `withhold(dealer)` says whether a dealer refuses to justify.
fn run_dkg<V: Variant>(
    t: usize,
    n: usize,
    seed: u64,
    tamper: impl Fn(u32, &mut Vec<u8>),
    withhold: impl Fn(u32) -> bool,
) -> Vec<Result<DkgOutput<V>, Error>> {
    let config = DkgConfig::new(t, n).unwrap();
    let mut rng = StdRng::seed_from_u64(seed);
    let mut parties: Vec<DkgParty<V>> = (1..=n as u32)
        .map(|i| DkgParty::new(config, i, &node_key(i), &mut rng).unwrap())
        .collect();
    let commitments: Vec<DkgCommitment<V>> = parties
        .iter()
        .map(|p| DkgCommitment::from_bytes(&p.commitment().to_bytes()).unwrap())
        .collect();
    let mut inbox: Vec<Vec<DkgShare<V>>> = (0..n).map(|_| Vec::new()).collect();
    for p in &parties {
        for share in p.shares() {
            let mut bytes = share.to_bytes().to_vec();
            tamper(share.dealer(), &mut bytes);
            let share = DkgShare::from_bytes(&bytes).unwrap();
            inbox[share.recipient() as usize - 1].push(share);
        }
    }
    let mut complaints: Vec<DkgComplaint> = Vec::new();
    for (p, shares) in parties.iter_mut().zip(&inbox) {
        complaints.extend(p.receive(&commitments, shares));
    }
    let complaints: Vec<DkgComplaint> = complaints
        .iter()
        .map(|c| DkgComplaint::from_bytes(&c.to_bytes()).unwrap())
        .collect();
    let justifications: Vec<DkgJustification> = parties
        .iter()
        .filter(|p| !withhold(p.index()))
        .flat_map(|p| p.justify(&complaints))
        .map(|j| DkgJustification::from_bytes(&j.to_bytes()).unwrap())
        .collect();
    parties
        .into_iter()
        .map(|p| p.finish(&complaints, &justifications))
        .collect()
}

fn check_consistent<V: Variant>(outputs: &[DkgOutput<V>], t: usize, qualified: &[u32]) {
    let set = &outputs[0].public_key_set;
    for out in outputs {
        assert_eq!(&out.public_key_set, set);
        assert_eq!(out.qualified, qualified);
        set.verify_secret_share(&out.share).unwrap();
    }
    // Any t parties sign under the group key.
    let msg = b"dkg";
    let partial: Vec<SignatureShare<V, Pop>> = outputs
        .iter()
        .rev()
        .take(t)
        .map(|o| o.share.sign(set, msg))
        .collect();
    let sig = set.combine(&partial).unwrap();
    set.group_key().verify(msg, &sig).unwrap();
    // The group key is the sum of the qualified dealers' secrets: recover it from t shares.
    let shares: Vec<SecretShare<V>> = outputs
        .iter()
        .take(t)
        .map(|o| SecretShare::from_bytes(o.share.to_bytes().as_ref()).unwrap())
        .collect();
    let key = set.recover_secret_key(&shares).unwrap();
    assert_eq!(&key.public_key(), set.group_key());
    assert_eq!(key.sign::<Pop>(msg), sig);
}

#[test]
fn honest_dkg_gives_consistent_shares() {
    let outputs: Vec<DkgOutput<MinPk>> = run_dkg(3, 5, 1, |_, _| {}, |_| false)
        .into_iter()
        .map(Result::unwrap)
        .collect();
    check_consistent(&outputs, 3, &[1, 2, 3, 4, 5]);
    let outputs: Vec<DkgOutput<MinSig>> = run_dkg(1, 1, 2, |_, _| {}, |_| false)
        .into_iter()
        .map(Result::unwrap)
        .collect();
    check_consistent(&outputs, 1, &[1]);
    let outputs: Vec<DkgOutput<MinSig>> = run_dkg(4, 4, 3, |_, _| {}, |_| false)
        .into_iter()
        .map(Result::unwrap)
        .collect();
    check_consistent(&outputs, 4, &[1, 2, 3, 4]);
}

/// Dealer 2 corrupts its share to party 4. Justifying with the true share keeps it
/// qualified; refusing gets it disqualified by everyone, and the rest still finish.
#[test]
fn cheating_dealer_is_disqualified() {
    let corrupt = |dealer: u32, bytes: &mut Vec<u8>| {
        if dealer == 2 && bytes[4..8] == 4u32.to_be_bytes() {
            bytes[39] ^= 1;
        }
    };
    let answered: Vec<DkgOutput<MinPk>> = run_dkg(3, 5, 9, corrupt, |_| false)
        .into_iter()
        .map(Result::unwrap)
        .collect();
    check_consistent(&answered, 3, &[1, 2, 3, 4, 5]);
    let refused: Vec<DkgOutput<MinPk>> = run_dkg(3, 5, 9, corrupt, |d| d == 2)
        .into_iter()
        .map(Result::unwrap)
        .collect();
    check_consistent(&refused, 3, &[1, 3, 4, 5]);
    assert_ne!(
        refused[0].public_key_set.group_key(),
        answered[0].public_key_set.group_key()
    );
    // Three of five dealers cheat and stay silent: fewer than t qualify.
    let many = |dealer: u32, bytes: &mut Vec<u8>| {
        if dealer <= 3 && bytes[4..8] == 5u32.to_be_bytes() {
            bytes[39] ^= 1;
        }
    };
    for out in run_dkg::<MinPk>(3, 5, 10, many, |d| d <= 3) {
        assert_eq!(out.err(), Some(Error::NotEnoughQualified));
    }
}

#[test]
fn dkg_rejects_malformed_rounds() {
    let config = DkgConfig::new(2, 3).unwrap();
    assert_eq!(DkgConfig::new(0, 3).err(), Some(Error::InvalidThreshold));
    assert_eq!(DkgConfig::new(4, 3).err(), Some(Error::InvalidThreshold));
    let mut rng = StdRng::seed_from_u64(4);
    assert_eq!(
        DkgParty::<MinPk>::new(config, 0, &node_key(0), &mut rng).err(),
        Some(Error::IndexOutOfRange)
    );
    assert_eq!(
        DkgParty::<MinPk>::new(config, 4, &node_key(4), &mut rng).err(),
        Some(Error::IndexOutOfRange)
    );
    let mut parties: Vec<DkgParty<MinPk>> = (1..=3)
        .map(|i| DkgParty::new(config, i, &node_key(i), &mut rng).unwrap())
        .collect();
    let commitments: Vec<DkgCommitment<MinPk>> = parties.iter().map(DkgParty::commitment).collect();
    let to_one: Vec<DkgShare<MinPk>> = parties
        .iter()
        .map(|p| p.shares().into_iter().next().unwrap())
        .collect();
    let to_two: Vec<DkgShare<MinPk>> = parties
        .iter()
        .map(|p| p.shares().into_iter().nth(1).unwrap())
        .collect();
    // Shares addressed to party 2 reach party 1: set aside and blamed, and party 1
    // complains about every dealer (it has no share from any).
    let complaints = parties[0].receive(&commitments, &to_two);
    assert_eq!(
        complaints
            .iter()
            .map(DkgComplaint::dealer)
            .collect::<Vec<_>>(),
        vec![1, 2, 3]
    );
    for dealer in 1..=3 {
        assert!(parties[0].faults().contains(&DkgFault::MisaddressedShare {
            dealer,
            recipient: 2
        }));
        assert!(
            parties[0]
                .faults()
                .contains(&DkgFault::MissingShare { dealer })
        );
    }
    // A commitment repeated unchanged counts once; the dealers who sent none are noted.
    let twice = [commitments[0].clone(), commitments[0].clone()];
    let complaints = parties[0].receive(&twice, &[]);
    assert_eq!(complaints.len(), 1);
    assert_eq!(
        parties[0].faults(),
        &[
            DkgFault::MissingCommitment { dealer: 2 },
            DkgFault::MissingCommitment { dealer: 3 },
            DkgFault::MissingShare { dealer: 1 },
        ]
    );
    assert!(format!("{:?}", to_one[0]).contains("redacted"));
    // A dealer whose commitment has another threshold is left out without complaints.
    let other = DkgConfig::new(1, 3).unwrap();
    let mut odd = commitments.clone();
    odd[2] = DkgParty::<MinPk>::new(other, 3, &node_key(3), &mut rng)
        .unwrap()
        .commitment();
    let complaints = parties[0].receive(&odd, &to_one);
    assert!(complaints.is_empty());
    assert_eq!(
        parties[0].faults(),
        &[DkgFault::WrongThreshold { dealer: 3 }]
    );
    let out = parties.remove(0).finish(&complaints, &[]).unwrap();
    assert_eq!(out.qualified, vec![1, 2]);
    // Decoders.
    assert_eq!(
        DkgShare::<MinPk>::from_bytes(&[0; 39]).err(),
        Some(Error::InvalidLength {
            expected: 40,
            actual: 39
        })
    );
    assert_eq!(
        DkgShare::<MinPk>::from_bytes(&[0; 40]).err(),
        Some(Error::IndexOutOfRange)
    );
    assert_eq!(
        DkgComplaint::from_bytes(&[0, 0, 0, 1, 0, 0, 0, 0]).err(),
        Some(Error::IndexOutOfRange)
    );
    let mut bytes = [0xffu8; 40];
    bytes[..8].copy_from_slice(&[0, 0, 0, 1, 0, 0, 0, 2]);
    assert_eq!(
        DkgJustification::from_bytes(&bytes).err(),
        Some(Error::InvalidSecretKey)
    );
    assert_eq!(
        DkgCommitment::<MinPk>::from_bytes(&[0, 0, 0, 0, 0, 0, 0, 1]).err(),
        Some(Error::IndexOutOfRange)
    );
}

// ---------------------------------------------------------------------------------------
// Review findings (Threshold 2): each test failed before its fix.

/// Finding 1: a DKG party with a failing RNG must not hand out a polynomial anyone can
/// recompute. Before, a₀ = hash_to_scalar(I2OSP(0, 4) ‖ RNG output ‖ index ‖ n ‖ t) — all
/// public once the RNG is known — and the review signed under the group key of an all-zero
/// RNG DKG. Now the party's long-term secret enters the hash.
#[test]
fn dkg_party_with_failing_rng_is_hedged_by_its_secret() {
    const DST: &[u8] = b"BLSIG-THRESHOLD-V01-POLYNOMIAL-COEFFICIENT";
    let config = DkgConfig::new(2, 3).unwrap();
    let context = |index: u32| {
        let mut c = index.to_be_bytes().to_vec();
        c.extend_from_slice(&3u32.to_be_bytes());
        c.extend_from_slice(&2u64.to_be_bytes());
        c
    };
    let g = blsig::G1Affine::generator();
    for bad in [
        BadRng::Zero,
        BadRng::Constant(0x0123_4567_89ab_cdef),
        BadRng::Counter(0),
    ] {
        let mut seed = [0u8; 32];
        rand_core::TryRng::try_fill_bytes(&mut bad.clone(), &mut seed).unwrap();
        let mut c0s = Vec::new();
        for index in 1..=3u32 {
            let public = [&0u32.to_be_bytes()[..], &seed, &context(index)].concat();
            let secret = node_key(index);
            let party = DkgParty::<MinPk>::new(config, index, &secret, &mut bad.clone()).unwrap();
            let c0 = party.commitment().commitment().points()[0];
            // The attack: recompute a₀ from public data alone. It fails.
            assert_ne!(
                blsig::G1Affine::from(g * hash_to_scalar(&public, DST)),
                c0,
                "{bad:?}"
            );
            // The documented derivation, with the secret, gives C₀ (so the secret really is
            // what makes the difference).
            let hedged = [public.as_slice(), &secret].concat();
            assert_eq!(
                blsig::G1Affine::from(g * hash_to_scalar(&hedged, DST)),
                c0,
                "{bad:?}"
            );
            // Another secret with the same broken RNG gives another polynomial.
            let other = DkgParty::<MinPk>::new(config, index, &[0xa5; 32], &mut bad.clone())
                .unwrap()
                .commitment();
            assert_ne!(other.commitment().points()[0], c0);
            c0s.push(c0);
        }
        assert!(c0s[0] != c0s[1] && c0s[1] != c0s[2]);
    }
    // A secret too short to hedge anything is refused.
    assert_eq!(
        DkgParty::<MinPk>::new(config, 1, &[7; 31], &mut BadRng::Zero).err(),
        Some(Error::ShortIkm)
    );
}

/// Finding 2: a fake share under an honest member's identifier used to stop every robust
/// combination (`DuplicateKey`). Now the share that verifies is kept and the fake blamed,
/// wherever it stands in the list.
#[test]
fn robust_combine_keeps_the_honest_share_under_a_contested_id() {
    let key = sk::<MinPk>(21);
    let mut rng = StdRng::seed_from_u64(21);
    let (set, shares) = deal(&key, 3, 5, &mut rng).unwrap();
    let msg = b"contested";
    let honest: Vec<SignatureShare<MinPk, Pop>> =
        shares[..3].iter().map(|s| s.sign(&set, msg)).collect();
    let fake = SignatureShare::new(shares[1].id(), &sk::<MinPk>(99).sign::<Pop>(msg));
    for at in 0..=3 {
        let mut offered = honest.clone();
        offered.insert(at, fake);
        let (sig, invalid) = set.robust_combine(msg, &offered, &mut rng).unwrap();
        assert_eq!(invalid, vec![at], "fake at {at}");
        assert_eq!(sig, key.sign(msg));
        assert_eq!(set.find_invalid_shares(msg, &offered, &mut rng), vec![at]);
    }
    // Several fakes under several honest ids, and the honest shares offered twice.
    let mut offered = vec![fake, honest[0], honest[0]];
    offered.push(SignatureShare::new(shares[0].id(), &key.sign::<Pop>(msg)));
    offered.extend(honest.iter().copied());
    let (sig, invalid) = set.robust_combine(msg, &offered, &mut rng).unwrap();
    assert_eq!(invalid, vec![0, 3]);
    assert_eq!(sig, key.sign(msg));
    // The same through the published key shares alone.
    let published = PublicShares::new(3, published_shares(&set, 5)).unwrap();
    let (sig, invalid) = published.robust_combine(msg, &offered, &mut rng).unwrap();
    assert_eq!(invalid, vec![0, 3]);
    assert_eq!(sig, key.sign(msg));
}

/// Finding 3: one misaddressed or duplicated share used to fail the whole round
/// (`WrongRecipient`, `DuplicateKey`) without naming the dealer. Now the round goes on,
/// the dealer is named in the faults, and the DKG still ends with one key everywhere.
#[test]
fn dkg_round_survives_a_faulty_dealer() {
    let (t, n) = (3usize, 5u32);
    let config = DkgConfig::new(t, n as usize).unwrap();
    let mut rng = StdRng::seed_from_u64(33);
    let mut parties: Vec<DkgParty<MinSig>> = (1..=n)
        .map(|i| DkgParty::new(config, i, &node_key(i), &mut rng).unwrap())
        .collect();
    let mut commitments: Vec<DkgCommitment<MinSig>> =
        parties.iter().map(DkgParty::commitment).collect();
    // A commitment repeated unchanged (a retransmission) is harmless.
    commitments.push(commitments[0].clone());
    let copy =
        |s: &DkgShare<MinSig>| DkgShare::<MinSig>::from_bytes(s.to_bytes().as_ref()).unwrap();
    let mut inbox: Vec<Vec<DkgShare<MinSig>>> = (0..n).map(|_| Vec::new()).collect();
    for p in &parties {
        for share in p.shares() {
            inbox[share.recipient() as usize - 1].push(share);
        }
    }
    // Dealer 2 also sends party 1 the share meant for party 3, and party 4 its share twice
    // plus a conflicting one; dealer 5's share to party 4 is corrupted in transit, then
    // resent correctly.
    let to_three = parties[1].share_for(3).unwrap();
    inbox[0].push(to_three);
    let again = copy(&inbox[3][1]);
    inbox[3].push(again);
    let mut wrong = inbox[3][1].to_bytes();
    wrong[39] ^= 1;
    inbox[3].insert(0, DkgShare::from_bytes(wrong.as_ref()).unwrap());
    let mut corrupted = inbox[3][5].to_bytes();
    corrupted[39] ^= 2;
    let good = copy(&inbox[3][5]);
    inbox[3][5] = DkgShare::from_bytes(corrupted.as_ref()).unwrap();
    inbox[3].push(good);
    let mut complaints = Vec::new();
    for (p, shares) in parties.iter_mut().zip(&inbox) {
        complaints.extend(p.receive(&commitments, shares));
    }
    assert!(complaints.is_empty(), "{complaints:?}");
    assert_eq!(
        parties[0].faults(),
        &[DkgFault::MisaddressedShare {
            dealer: 2,
            recipient: 3
        }]
    );
    assert_eq!(
        parties[3].faults(),
        &[
            DkgFault::ConflictingShares { dealer: 2 },
            DkgFault::ConflictingShares { dealer: 5 },
        ]
    );
    let outputs: Vec<DkgOutput<MinSig>> = parties
        .into_iter()
        .map(|p| p.finish(&complaints, &[]).unwrap())
        .collect();
    check_consistent(&outputs, t, &[1, 2, 3, 4, 5]);

    // Two different commitments under one index: everyone disqualifies that dealer.
    let mut rng = StdRng::seed_from_u64(34);
    let mut parties: Vec<DkgParty<MinSig>> = (1..=n)
        .map(|i| DkgParty::new(config, i, &node_key(i), &mut rng).unwrap())
        .collect();
    let mut commitments: Vec<DkgCommitment<MinSig>> =
        parties.iter().map(DkgParty::commitment).collect();
    let twin = DkgParty::<MinSig>::new(config, 3, &[3; 32], &mut rng).unwrap();
    commitments.push(twin.commitment());
    // And a commitment from an index outside 1‥n.
    let mut stray = commitments[0].to_bytes();
    stray[..4].copy_from_slice(&9u32.to_be_bytes());
    commitments.push(DkgCommitment::from_bytes(&stray).unwrap());
    let mut inbox: Vec<Vec<DkgShare<MinSig>>> = (0..n).map(|_| Vec::new()).collect();
    for p in &parties {
        for share in p.shares() {
            inbox[share.recipient() as usize - 1].push(share);
        }
    }
    let mut complaints = Vec::new();
    for (p, shares) in parties.iter_mut().zip(&inbox) {
        complaints.extend(p.receive(&commitments, shares));
        assert_eq!(
            p.faults(),
            &[
                DkgFault::UnknownDealer { dealer: 9 },
                DkgFault::ConflictingCommitments { dealer: 3 },
            ]
        );
    }
    assert!(complaints.is_empty());
    let outputs: Vec<DkgOutput<MinSig>> = parties
        .into_iter()
        .map(|p| p.finish(&complaints, &[]).unwrap())
        .collect();
    check_consistent(&outputs, t, &[1, 2, 4, 5]);
}

/// Finding 4: `finish` used a justification even when the party's own complaint was not
/// among `complaints`, against its documentation. Now it reports `MissingShare`, and with
/// the complaint on record it takes the published share.
#[test]
fn finish_uses_a_justification_only_for_a_complaint_on_record() {
    let config = DkgConfig::new(2, 3).unwrap();
    let mut rng = StdRng::seed_from_u64(44);
    let mut parties: Vec<DkgParty<MinPk>> = (1..=3)
        .map(|i| DkgParty::new(config, i, &node_key(i), &mut rng).unwrap())
        .collect();
    let commitments: Vec<DkgCommitment<MinPk>> = parties.iter().map(DkgParty::commitment).collect();
    let mut inbox: Vec<Vec<DkgShare<MinPk>>> = (0..3).map(|_| Vec::new()).collect();
    for p in &parties {
        for share in p.shares() {
            // Dealer 2's share to party 3 is lost.
            if !(share.dealer() == 2 && share.recipient() == 3) {
                inbox[share.recipient() as usize - 1].push(share);
            }
        }
    }
    let mut complaints = Vec::new();
    for (p, shares) in parties.iter_mut().zip(&inbox) {
        complaints.extend(p.receive(&commitments, shares));
    }
    assert_eq!(complaints.len(), 1);
    let justifications = parties[1].justify(&complaints);
    assert_eq!(justifications.len(), 1);
    let third = parties.pop().unwrap();
    // Without its complaint on record, the justification answers nothing for party 3.
    let third_again = {
        let mut rng = StdRng::seed_from_u64(44);
        let mut again: Vec<DkgParty<MinPk>> = (1..=3)
            .map(|i| DkgParty::new(config, i, &node_key(i), &mut rng).unwrap())
            .collect();
        let mut p = again.pop().unwrap();
        p.receive(&commitments, &inbox[2]);
        p
    };
    assert_eq!(
        third_again.finish(&[], &justifications).err(),
        Some(Error::MissingShare)
    );
    // With it, party 3 takes dealer 2's published share and agrees with the others.
    let mine = third.finish(&complaints, &justifications).unwrap();
    let others: Vec<DkgOutput<MinPk>> = parties
        .into_iter()
        .map(|p| p.finish(&complaints, &justifications).unwrap())
        .collect();
    let mut outputs = others;
    outputs.push(mine);
    check_consistent(&outputs, 2, &[1, 2, 3]);
}

/// The public key shares 1‥n of a set, as a cluster definition would publish them.
fn published_shares<V: Variant>(set: &PublicKeySet<V>, n: u64) -> Vec<PublicKeyShare<V>> {
    (1..=n)
        .map(|i| set.public_key_share(ShareId::new(i).unwrap()))
        .collect()
}
