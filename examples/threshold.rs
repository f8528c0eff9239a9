//! Threshold signatures end to end: a 3-of-5 sharing by a trusted dealer (sign with three
//! shares, one of them bad, and combine robustly), then a 3-of-5 dealerless DKG in which one
//! dealer cheats and is disqualified. The combined signatures are ordinary BLS signatures.
//!
//! `cargo run --release --example threshold` (the tour runs it too).
// Harness code: a failed setup step is the run's failure, and the workspace lints that
// keep panics and truncating casts out of the library do not apply here.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::cast_possible_truncation
)]

use std::time::Instant;

use blsig::threshold::dkg::{DkgComplaint, DkgConfig, DkgParty};
use blsig::threshold::{SignatureShare, deal};
use blsig::{MinPk, Pop, Result, SecretKey, Signature};

/// Runs the walkthrough, printing each step and its time.
///
/// # Errors
/// The first library error of any step.
pub fn run() -> Result<()> {
    let mut rng = rand::rng();
    let t = Instant::now();

    // A dealer splits a key: any 3 of the 5 shares sign; 2 learn nothing.
    let sk = SecretKey::<MinPk>::generate(&mut rng);
    let (set, shares) = deal(&sk, 3, 5, &mut rng)?;
    for share in &shares {
        set.verify_secret_share(share)?; // each member checks its share (Feldman)
    }
    println!("  dealer: 3-of-5 sharing, identifiers 1..5, every share passes its Feldman check");

    // Members 2, 4 and 5 sign; member 1's share arrives corrupted (it signed another message).
    let msg = b"attestation for slot 123";
    let mut partial: Vec<SignatureShare<MinPk, Pop>> = [1, 3, 4]
        .iter()
        .map(|&i| shares[i].sign(&set, msg))
        .collect();
    partial.push(shares[0].sign(&set, b"something else"));
    // An attacker also offers a fake share under member 2's identifier.
    let fake = SignatureShare::new(shares[1].id(), &sk.sign(b"forged"));
    partial.insert(0, fake);
    let (sig, invalid) = set.robust_combine(msg, &partial, &mut rng)?;
    println!(
        "  robust combination of 5 offered shares (one fake under member 2's id): invalid \
         positions {:?} (ids {:?}); combined from 3",
        invalid,
        invalid.iter().map(|&i| partial[i].id()).collect::<Vec<_>>()
    );
    set.group_key().verify(msg, &sig)?;
    let direct: Signature<MinPk, Pop> = sk.sign(msg);
    assert_eq!(sig, direct);
    println!("  the combined signature verifies with plain Verify and equals the undivided key's");

    // A dealerless DKG among 5 parties, threshold 3. Dealer 2 sends party 4 a bad share and
    // does not answer the complaint: everyone disqualifies it. Each party hedges its RNG
    // with a long-term secret of its own (here, stand-ins for node keys).
    let config = DkgConfig::new(3, 5)?;
    let node_keys: Vec<[u8; 32]> = (1..=5u8).map(|i| [i; 32]).collect();
    let mut parties: Vec<DkgParty<MinPk>> = (1..=5)
        .zip(&node_keys)
        .map(|(i, key)| DkgParty::new(config, i, key, &mut rng))
        .collect::<Result<_>>()?;
    let commitments: Vec<_> = parties.iter().map(DkgParty::commitment).collect();
    let mut inbox: Vec<Vec<_>> = (0..5).map(|_| Vec::new()).collect();
    for p in &parties {
        for share in p.shares() {
            let mut share = share;
            if p.index() == 2 && share.recipient() == 4 {
                let mut bytes = share.to_bytes();
                bytes[39] ^= 1;
                share = blsig::threshold::dkg::DkgShare::from_bytes(bytes.as_ref())?;
            }
            inbox[share.recipient() as usize - 1].push(share);
        }
    }
    let mut complaints: Vec<DkgComplaint> = Vec::new();
    for (p, received) in parties.iter_mut().zip(&inbox) {
        complaints.extend(p.receive(&commitments, received));
    }
    println!(
        "  DKG: complaints {:?}",
        complaints
            .iter()
            .map(|c| (c.complainer(), c.dealer()))
            .collect::<Vec<_>>()
    );
    let justifications: Vec<_> = parties
        .iter()
        .filter(|p| p.index() != 2)
        .flat_map(|p| p.justify(&complaints))
        .collect();
    let outputs = parties
        .into_iter()
        .map(|p| p.finish(&complaints, &justifications))
        .collect::<Result<Vec<_>>>()?;
    let set = &outputs[0].public_key_set;
    assert!(outputs.iter().all(|o| &o.public_key_set == set));
    println!(
        "  DKG: qualified dealers {:?}; every party holds the same group key",
        outputs[0].qualified
    );
    let partial: Vec<SignatureShare<MinPk, Pop>> = [0, 2, 3]
        .iter()
        .map(|&i| outputs[i].share.sign(set, msg))
        .collect();
    let sig = set.combine(&partial)?;
    set.group_key().verify(msg, &sig)?;
    println!(
        "  parties 1, 3, 4 sign; the signature verifies under the DKG's group key ({:.1} ms in all)",
        t.elapsed().as_secs_f64() * 1e3
    );
    Ok(())
}

#[allow(dead_code)]
fn main() -> Result<()> {
    run()
}
