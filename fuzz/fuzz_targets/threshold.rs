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
        // Any picks, repeats included: an identifier may be offered twice, honestly or
        // with a fake share beside the honest one.
        let f = fixture();
        let mut offered = Vec::new();
        let mut corrupted = Vec::new();
        let mut good_ids = std::collections::BTreeSet::new();
        for (pick, corrupt) in picks.into_iter().take(8) {
            let i = usize::from(pick % 6);
            if corrupt {
                corrupted.push(offered.len());
                offered.push(f.bad[i]);
            } else {
                good_ids.insert(f.good[i].id());
                offered.push(f.good[i]);
            }
        }
        let mut rng = rand::rngs::StdRng::seed_from_u64(seed);
        let named = f.set.find_invalid_shares(MSG, &offered, &mut rng);
        assert_eq!(
            named, corrupted,
            "robust path names exactly the corrupted positions"
        );
        match f.set.robust_combine(MSG, &offered, &mut rng) {
            Ok((sig, invalid)) => {
                assert_eq!(sig, f.expected);
                assert_eq!(invalid, corrupted);
                assert!(good_ids.len() >= 3);
            }
            Err(e) => {
                assert_eq!(e, blsig::Error::BelowThreshold);
                assert!(good_ids.len() < 3);
            }
        }
        // Plain combination: refuses repeated identifiers; otherwise correct exactly when
        // the first three offered are all good.
        if let Ok(sig) = f.set.combine(&offered) {
            let first_good = (0..3.min(offered.len())).all(|p| !corrupted.contains(&p));
            assert_eq!(sig == f.expected, first_good);
        }
    }
});
