//! Whole DKG runs with adversarial message handling: shares corrupted in transit (a bit of
//! the value flipped) or lost, commitments withheld from the broadcast, dealers refusing to
//! justify. Property: the qualified set is exactly what the protocol says (a dealer is out
//! iff its commitment is missing, or a complaint against it goes unanswered); every party
//! agrees on it and on the group key set; each share checks against the set; any t parties'
//! signature shares combine into a signature valid under the group key; and below t
//! qualified dealers every party fails with `NotEnoughQualified`.
#![no_main]

use blsig::threshold::SignatureShare;
use blsig::threshold::dkg::{DkgCommitment, DkgComplaint, DkgConfig, DkgParty, DkgShare};
use blsig::{Error, MinPk, Pop};
use blsig_fuzz::inputs::dkg::Input;
use libfuzzer_sys::fuzz_target;
use rand::SeedableRng;

fuzz_target!(|input: Input| {
    let n = 2 + usize::from(input.n % 3); // 2–4 parties
    let t = 1 + usize::from(input.t) % n;
    let config = DkgConfig::new(t, n).unwrap();
    let mut rng = rand::rngs::StdRng::seed_from_u64(input.seed);
    let count = u32::try_from(n).unwrap();
    let mut parties: Vec<DkgParty<MinPk>> = (1..=count)
        .map(|i| DkgParty::new(config, i, &[i as u8; 32], &mut rng).unwrap())
        .collect();
    let bit = |mask: u8, dealer: u32| mask >> (dealer - 1) & 1 == 1;
    let commitments: Vec<DkgCommitment<MinPk>> = parties
        .iter()
        .filter(|p| !bit(input.no_commitment, p.index()))
        .map(DkgParty::commitment)
        .collect();

    // Deliver the shares, corrupted or lost as the input says.
    let mut inbox: Vec<Vec<DkgShare<MinPk>>> = (0..n).map(|_| Vec::new()).collect();
    let mut bad = vec![vec![false; n]; n]; // bad[dealer][recipient]
    for p in &parties {
        for share in p.shares() {
            let (d, r) = (share.dealer(), share.recipient());
            let mut bytes = share.to_bytes().to_vec();
            let mut lost = false;
            for &(td, tr, b) in input.tamper.iter().take(16) {
                // A party's share to itself does not travel: only other recipients' can be hit.
                if u32::from(td) % count + 1 == d && u32::from(tr) % count + 1 == r && d != r {
                    if b == 255 {
                        lost = true;
                    } else {
                        // The value is the last 32 bytes (after dealer and recipient).
                        bytes[8 + usize::from(b % 32)] ^= 1 << (b / 32 % 8);
                    }
                }
            }
            let delivered = if lost {
                None
            } else {
                DkgShare::<MinPk>::from_bytes(&bytes).ok()
            };
            let changed = bytes != share.to_bytes().to_vec();
            if lost || changed {
                bad[d as usize - 1][r as usize - 1] = true;
            }
            if let Some(s) = delivered {
                inbox[r as usize - 1].push(s);
            }
        }
    }

    let mut complaints: Vec<DkgComplaint> = Vec::new();
    for (p, shares) in parties.iter_mut().zip(&inbox) {
        complaints.extend(p.receive(&commitments, shares));
    }
    // A recipient complains exactly about the dealers (with a commitment) whose share to it
    // was bad.
    for d in 1..=count {
        for r in 1..=count {
            let expected = !bit(input.no_commitment, d) && bad[d as usize - 1][r as usize - 1];
            let found = complaints
                .iter()
                .any(|c| c.dealer() == d && c.complainer() == r);
            assert_eq!(found, expected, "complaint by {r} against {d}");
        }
    }
    let justifications: Vec<_> = parties
        .iter()
        .filter(|p| !bit(input.withhold, p.index()))
        .flat_map(|p| p.justify(&complaints))
        .collect();

    let qualified: Vec<u32> = (1..=count)
        .filter(|&d| {
            !bit(input.no_commitment, d)
                && (bad[d as usize - 1].iter().all(|b| !b) || !bit(input.withhold, d))
        })
        .collect();
    let outputs: Vec<_> = parties
        .into_iter()
        .map(|p| p.finish(&complaints, &justifications))
        .collect();
    if qualified.len() < t {
        for out in &outputs {
            assert_eq!(out.as_ref().err(), Some(&Error::NotEnoughQualified));
        }
        return;
    }
    let outputs: Vec<_> = outputs
        .into_iter()
        .map(|o| o.unwrap_or_else(|e| panic!("a party failed: {e}")))
        .collect();
    let set = &outputs[0].public_key_set;
    for out in &outputs {
        assert_eq!(out.qualified, qualified, "qualified set");
        assert_eq!(&out.public_key_set, set, "one group key set");
        set.verify_secret_share(&out.share).unwrap();
    }
    let msg = b"dkg fuzz";
    let shares: Vec<SignatureShare<MinPk, Pop>> = outputs
        .iter()
        .rev()
        .take(t)
        .map(|o| o.share.sign(set, msg))
        .collect();
    let sig = set.combine(&shares).unwrap();
    set.group_key().verify(msg, &sig).unwrap();
});
