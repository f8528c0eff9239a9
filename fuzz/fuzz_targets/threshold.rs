//! Threshold decoders and combination on arbitrary input: nothing panics; decoded values
//! re-encode to the input; combination of arbitrary picks of valid shares (with arbitrary
//! corruption) agrees with the robust path, which names exactly the corrupted shares.
#![no_main]

use std::sync::OnceLock;

use blsig::threshold::dkg::{DkgCommitment, DkgComplaint, DkgJustification, DkgShare};
use blsig::threshold::{
    FeldmanCommitment, PublicKeySet, PublicKeyShare, SecretShare, ShareId, SignatureShare, deal,
};
use blsig::{MinPk, Pop, SecretKey};
use blsig_fuzz::inputs::threshold::Input;
use libfuzzer_sys::fuzz_target;
use rand::SeedableRng;

struct Fixture {
    set: PublicKeySet<MinPk>,
    good: Vec<SignatureShare<MinPk, Pop>>,
    bad: Vec<SignatureShare<MinPk, Pop>>,
    expected: blsig::Signature<MinPk, Pop>,
}

const MSG: &[u8] = b"fuzz";

fn fixture() -> &'static Fixture {
    static F: OnceLock<Fixture> = OnceLock::new();
    F.get_or_init(|| {
        let sk = SecretKey::<MinPk>::key_gen(&[9; 32], b"").unwrap();
        let (set, shares) = deal(&sk, 3, 6, &mut rand::rngs::StdRng::seed_from_u64(1)).unwrap();
        let good = shares.iter().map(|s| s.sign(&set, MSG)).collect();
        let bad = shares.iter().map(|s| s.sign(&set, b"other")).collect();
        Fixture {
            set,
            good,
            bad,
            expected: sk.sign(MSG),
        }
    })
}

fn round_trip<T, E>(
    bytes: &[u8],
    decode: impl Fn(&[u8]) -> Result<T, E>,
    encode: impl Fn(&T) -> Vec<u8>,
) {
    if let Ok(value) = decode(bytes) {
        assert_eq!(encode(&value), bytes);
    }
}

fuzz_target!(|input: Input| match input {
    Input::Decode(bytes) => {
        round_trip(&bytes, PublicKeySet::<MinPk>::from_bytes, |v| v.to_bytes());
        round_trip(&bytes, FeldmanCommitment::<MinPk>::from_bytes, |v| {
            v.to_bytes()
        });
        round_trip(&bytes, PublicKeyShare::<MinPk>::from_bytes, |v| {
            v.to_bytes()
        });
        round_trip(&bytes, SignatureShare::<MinPk, Pop>::from_bytes, |v| {
            v.to_bytes()
        });
        round_trip(&bytes, SecretShare::<MinPk>::from_bytes, |v| {
            v.to_bytes().to_vec()
        });
        round_trip(&bytes, ShareId::from_bytes, |v| v.to_bytes().to_vec());
        round_trip(&bytes, DkgCommitment::<MinPk>::from_bytes, |v| v.to_bytes());
        round_trip(&bytes, DkgShare::<MinPk>::from_bytes, |v| {
            v.to_bytes().to_vec()
        });
        round_trip(&bytes, DkgComplaint::from_bytes, |v| v.to_bytes().to_vec());
        round_trip(&bytes, DkgJustification::from_bytes, |v| {
            v.to_bytes().to_vec()
        });
    }
    Input::Combine { picks, seed } => {
        let f = fixture();
        let mut seen = [false; 6];
        let mut offered = Vec::new();
        let mut corrupted = Vec::new();
        for (pick, corrupt) in picks.into_iter().take(8) {
            let i = usize::from(pick % 6);
            if std::mem::replace(&mut seen[i], true) {
                continue;
            }
            offered.push(if corrupt { f.bad[i] } else { f.good[i] });
            if corrupt {
                corrupted.push(f.good[i].id());
            }
        }
        let mut rng = rand::rngs::StdRng::seed_from_u64(seed);
        let named = f.set.find_invalid_shares(MSG, &offered, &mut rng).unwrap();
        let mut want = corrupted.clone();
        want.sort();
        let mut got = named.clone();
        got.sort();
        assert_eq!(got, want, "robust path names exactly the corrupted shares");
        let valid = offered.len() - corrupted.len();
        match f.set.robust_combine(MSG, &offered, &mut rng) {
            Ok((sig, _)) => assert_eq!(sig, f.expected),
            Err(e) => {
                assert_eq!(e, blsig::Error::BelowThreshold);
                assert!(valid < 3);
            }
        }
        // Plain combination: correct exactly when the first three offered are all good.
        if let Ok(sig) = f.set.combine(&offered) {
            let first_good = offered.iter().take(3).all(|s| !corrupted.contains(&s.id()));
            assert_eq!(sig == f.expected, first_good);
        }
    }
});
