//! The threshold API for people who hold only part of a sharing, or another
//! implementation's: shares from ids and values, published key shares without a
//! commitment, recovery and combination from t alone, polynomials and commitments from
//! given coefficients and points (hazmat).
#![cfg(feature = "alloc")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use blsig::hazmat::threshold::SecretPolynomial;
use blsig::threshold::{
    FeldmanCommitment, PublicKeyShare, PublicShares, SecretShare, ShareId, SignatureShare, combine,
    deal, recover_secret_key,
};
use blsig::{Aug, Error, MinPk, MinSig, Pop, PublicKey, Scalar, SecretKey, Signature, Variant};
use rand::SeedableRng;
use rand::rngs::StdRng;

fn id(i: u64) -> ShareId {
    ShareId::new(i).unwrap()
}

fn sk<V: Variant>(seed: u8) -> SecretKey<V> {
    SecretKey::key_gen(&[seed; 32], b"").unwrap()
}

/// Shares, key shares and signature shares built from their parts equal the ones the
/// library made, and encode the same.
#[test]
fn constructors_round_trip() {
    let key = sk::<MinPk>(1);
    let mut rng = StdRng::seed_from_u64(1);
    let (set, shares) = deal(&key, 2, 3, &mut rng).unwrap();
    for share in &shares {
        let bytes = share.to_bytes();
        let value = SecretKey::<MinPk>::from_bytes(&bytes[32..]).unwrap();
        let rebuilt = SecretShare::from_secret_key(share.id(), &value);
        assert!(rebuilt == *share);
        assert_eq!(rebuilt.to_bytes(), bytes);
        let mut le = [0u8; 32];
        le.copy_from_slice(&bytes[32..]);
        le.reverse();
        let scalar = Scalar::from_bytes(&le).unwrap();
        assert!(SecretShare::<MinPk>::from_scalar(share.id(), scalar) == *share);

        let pk_share = set.public_key_share(share.id());
        let rebuilt = PublicKeyShare::new(share.id(), &value.public_key());
        assert_eq!(rebuilt, pk_share);
        assert_eq!(rebuilt.to_bytes(), pk_share.to_bytes());

        let sig_share = share.sign::<Aug>(&set, b"m");
        let signature: Signature<MinPk, Aug> = sig_share.to_signature();
        let rebuilt = SignatureShare::new(share.id(), &signature);
        assert_eq!(rebuilt, sig_share);
        assert_eq!(
            SignatureShare::<MinPk, Aug>::from_bytes(&rebuilt.to_bytes()).unwrap(),
            sig_share
        );
        // A key share checks a signature share with the group key alone (Aug frames the
        // message with it), and refuses another member's.
        pk_share
            .verify_signature_share(set.group_key(), b"m", &sig_share)
            .unwrap();
        assert_eq!(
            pk_share.verify_signature_share(set.group_key(), b"other", &sig_share),
            Err(Error::VerificationFailed)
        );
        let other = shares.iter().find(|s| s.id() != share.id()).unwrap();
        assert_eq!(
            pk_share.verify_signature_share(set.group_key(), b"m", &other.sign::<Aug>(&set, b"m")),
            Err(Error::VerificationFailed)
        );
    }
}

/// A distributed validator's view: group key, t and published key shares — verify shares,
/// combine robustly, and refuse inconsistent lists.
#[test]
fn published_key_shares_without_the_commitment() {
    let key = sk::<MinSig>(2);
    let mut rng = StdRng::seed_from_u64(2);
    let (set, shares) = deal(&key, 3, 6, &mut rng).unwrap();
    let mut published: Vec<PublicKeyShare<MinSig>> = shares
        .iter()
        .map(|s| set.public_key_share(s.id()))
        .collect();
    published.reverse(); // any order
    let view = PublicShares::with_group_key(3, set.group_key(), published.clone()).unwrap();
    assert_eq!(view.threshold(), 3);
    assert_eq!(view.group_key(), set.group_key());
    assert_eq!(view.shares().len(), 6);
    assert_eq!(
        PublicShares::new(3, published.clone()).unwrap().group_key(),
        set.group_key()
    );
    // Exactly t shares (nothing beyond interpolation to check) work too.
    PublicShares::with_group_key(3, set.group_key(), published[..3].to_vec()).unwrap();

    let msg = b"slot 7";
    let partial: Vec<SignatureShare<MinSig, Pop>> =
        shares.iter().map(|s| s.sign(&set, msg)).collect();
    for p in &partial {
        view.verify_signature_share(msg, p).unwrap();
    }
    let stranger = SignatureShare::new(id(77), &key.sign::<Pop>(msg));
    assert_eq!(
        view.verify_signature_share(msg, &stranger),
        Err(Error::NotAMember)
    );
    let mut offered = vec![stranger, partial[5], partial[2]];
    offered.push(shares[0].sign(&set, b"wrong"));
    offered.push(partial[4]);
    let (sig, invalid) = view.robust_combine(msg, &offered, &mut rng).unwrap();
    assert_eq!(invalid, vec![0, 3]);
    assert_eq!(sig, key.sign(msg));
    assert_eq!(view.combine(&partial[1..4]).unwrap(), key.sign(msg));
    assert_eq!(combine(3, &partial[2..5]).unwrap(), key.sign(msg));

    // Inconsistent lists: one key share swapped for another key, a share from another
    // sharing, the wrong group key, a t that does not fit.
    for bad in 0..6 {
        let mut list = published.clone();
        list[bad] = PublicKeyShare::new(list[bad].id(), &sk::<MinSig>(9).public_key());
        assert_eq!(
            PublicShares::new(3, list).err(),
            Some(Error::InconsistentShares),
            "share {bad}"
        );
    }
    assert_eq!(
        PublicShares::with_group_key(3, &sk::<MinSig>(9).public_key(), published.clone()).err(),
        Some(Error::InconsistentShares)
    );
    assert_eq!(
        PublicShares::new(2, published.clone()).err(),
        Some(Error::InconsistentShares)
    );
    assert_eq!(
        PublicShares::new(7, published.clone()).err(),
        Some(Error::InvalidThreshold)
    );
    assert_eq!(
        PublicShares::new(0, published.clone()).err(),
        Some(Error::InvalidThreshold)
    );
    let mut twice = published.clone();
    twice[1] = twice[0];
    assert_eq!(PublicShares::new(3, twice).err(), Some(Error::DuplicateKey));
    // With t = n = 6 every list interpolates to something: only the group key can refuse.
    PublicShares::new(6, published.clone()).unwrap();
}

/// Recovery and combination from t alone, as herumi's `blsSecretKeyRecover` and
/// `blsSignatureRecover` do.
#[test]
fn recovery_and_combination_from_t_alone() {
    let key = sk::<MinPk>(3);
    let mut rng = StdRng::seed_from_u64(3);
    let (set, shares) = deal(&key, 3, 5, &mut rng).unwrap();
    let pick = |is: &[usize]| -> Vec<SecretShare<MinPk>> {
        is.iter()
            .map(|&i| SecretShare::from_bytes(shares[i].to_bytes().as_ref()).unwrap())
            .collect()
    };
    for is in [[0usize, 1, 2], [4, 2, 0], [1, 3, 4]] {
        assert!(recover_secret_key(3, &pick(&is)).unwrap() == key);
    }
    // More than t: the first t are used.
    assert!(recover_secret_key(3, &pick(&[3, 1, 0, 2])).unwrap() == key);
    // t − 1 shares: refused, never a wrong key (herumi would interpolate them).
    assert_eq!(
        recover_secret_key(3, &pick(&[0, 1])).err(),
        Some(Error::BelowThreshold)
    );
    assert_eq!(
        recover_secret_key(0, &pick(&[0, 1])).err(),
        Some(Error::InvalidThreshold)
    );
    assert_eq!(
        recover_secret_key(2, &pick(&[0, 0])).err(),
        Some(Error::DuplicateKey)
    );
    // A wrong share gives a wrong key without a commitment; the set's check catches it.
    let mut bytes = shares[0].to_bytes();
    bytes[63] ^= 1;
    let mut with_bad = pick(&[1, 2]);
    with_bad.insert(0, SecretShare::from_bytes(bytes.as_ref()).unwrap());
    assert!(recover_secret_key(3, &with_bad).unwrap() != key);
    assert_eq!(
        set.recover_secret_key(&with_bad).err(),
        Some(Error::VerificationFailed)
    );
    let partial: Vec<SignatureShare<MinPk, Pop>> =
        shares.iter().map(|s| s.sign(&set, b"m")).collect();
    assert_eq!(combine(3, &partial[..2]).err(), Some(Error::BelowThreshold));
    assert_eq!(combine(0, &partial).err(), Some(Error::InvalidThreshold));
}

/// Another dealer's polynomial and commitment: shares are f(x) of the given coefficients,
/// the commitment is aₖ·g, and a foreign commitment's points are checked.
#[test]
fn polynomials_and_commitments_from_given_values() {
    let coefficients: Vec<Scalar> = [5u64, 7, 11].iter().map(|&c| Scalar::from(c)).collect();
    let poly = SecretPolynomial::<MinPk>::from_coefficients(coefficients.clone()).unwrap();
    assert_eq!(poly.threshold(), 3);
    assert!(format!("{poly:?}").contains("redacted"));
    let set = poly.public_key_set().unwrap();
    for x in [1u64, 2, 1000] {
        // f(x) = 5 + 7x + 11x², computed here in integers.
        let expected = Scalar::from(5 + 7 * x + 11 * x * x);
        let share = poly.share(id(x));
        assert!(share == SecretShare::from_scalar(id(x), expected));
        set.verify_secret_share(&share).unwrap();
    }
    let g = blsig::G1Projective::generator();
    let points: Vec<blsig::G1Affine> = coefficients.iter().map(|c| (g * c).into()).collect();
    assert_eq!(poly.commitment().points(), points.as_slice());
    let foreign = FeldmanCommitment::<MinPk>::new(points.clone()).unwrap();
    assert_eq!(foreign, poly.commitment());
    let group_key: PublicKey<MinPk> = PublicKey::from_point(points[0]).unwrap();
    assert_eq!(set.group_key(), &group_key);

    assert_eq!(
        SecretPolynomial::<MinPk>::from_coefficients(Vec::new()).err(),
        Some(Error::InvalidThreshold)
    );
    assert_eq!(
        SecretPolynomial::<MinPk>::from_coefficients(vec![Scalar::ZERO, Scalar::ONE]).err(),
        Some(Error::InvalidSecretKey)
    );
    assert_eq!(
        FeldmanCommitment::<MinPk>::new(Vec::new()).err(),
        Some(Error::InvalidThreshold)
    );
    // A point of the curve outside the prime-order subgroup.
    let torsion = small_order_g1();
    assert_eq!(
        FeldmanCommitment::<MinPk>::new(vec![points[0], torsion]).err(),
        Some(Error::NotInSubgroup)
    );
}

/// A point of E(Fp) outside the subgroup: decode candidates x = 0, 1, 2, … unchecked and
/// keep the first on the curve that fails the subgroup check.
fn small_order_g1() -> blsig::G1Affine {
    for x in 0u8..=255 {
        let mut bytes = [0u8; 48];
        bytes[0] = 0x80;
        bytes[47] = x;
        let p: Option<blsig::G1Affine> = blsig::G1Affine::from_compressed_unchecked(&bytes).into();
        if let Some(p) = p {
            if !bool::from(p.is_torsion_free()) {
                return p;
            }
        }
    }
    panic!("no small-order candidate");
}
