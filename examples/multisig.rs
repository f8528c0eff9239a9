//! A 3-of-5 accountable-subgroup multisignature, end to end: dealer-free setup, signing by
//! three members, combining, verifying, and learning who signed. Also an n-of-n signature.
//!
//! `cargo run --release --example multisig` (the tour runs it too).
// Harness code: a failed setup step is the run's failure, and the workspace lints that
// keep panics and truncating casts out of the library do not apply here.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::cast_possible_truncation
)]

use std::time::Instant;

use blsig::multisig::{AsmGroup, AsmGroupId, Contribution, GroupKey, MembershipKey};
use blsig::{MinPk, ProvenPublicKey, PublicKey, Result, SecretKey};

/// Runs the walkthrough, printing each step and its time.
///
/// # Errors
/// The first library error of any step.
pub fn run() -> Result<()> {
    let t = Instant::now();
    let mut rng = rand::rng();
    let secrets: Vec<SecretKey<MinPk>> = (0..5).map(|_| SecretKey::generate(&mut rng)).collect();
    let keys: Vec<PublicKey<MinPk>> = secrets.iter().map(SecretKey::public_key).collect();
    // Members join with a proof of possession each: ASM sums signers' keys, so a key
    // without one could be a rogue key built against an honest member.
    let proven: Vec<ProvenPublicKey<MinPk>> = secrets
        .iter()
        .zip(&keys)
        .map(|(sk, pk)| pk.verify_possession(&sk.prove_possession()))
        .collect::<Result<_>>()?;
    let group = AsmGroup::new(&proven, 3)?;
    // The identity (m, P) is what verifiers pin, as they would a public key.
    let id_bytes = group.id().to_bytes();
    println!(
        "  group of 5, threshold 3; aggregated key P = {:?}",
        group.group_key().aggregate_key()
    );
    // Members are numbered in the group's canonical order.
    let index = |sk: &SecretKey<MinPk>| group.group_key().index_of(&sk.public_key());

    // Setup: every member sends every member (itself included) one contribution.
    let mut inboxes: Vec<Vec<Contribution<MinPk>>> = (0..5).map(|_| Vec::new()).collect();
    for sk in &secrets {
        for c in group.contributions(sk)? {
            // On the wire: c.to_bytes(), 8 + 8 + 96 bytes.
            let c = Contribution::from_bytes(&c.to_bytes())?;
            inboxes[c.to()].push(c);
        }
    }
    let mut members: Vec<(usize, &SecretKey<MinPk>, MembershipKey<MinPk>)> = Vec::new();
    for sk in &secrets {
        let i = index(sk).unwrap_or_default();
        let mk = group.membership_key(i, &inboxes[i])?;
        members.push((i, sk, mk));
    }
    println!(
        "  setup: 25 contributions sent, 5 membership keys checked   ({:.1} ms)",
        t.elapsed().as_secs_f64() * 1e3
    );

    // Three members sign.
    let t = Instant::now();
    let message = b"release v1.0 of the firmware";
    let signing: Vec<_> = members
        .iter()
        .filter(|(i, _, _)| [0, 2, 4].contains(i))
        .collect();
    let partials = signing
        .iter()
        .map(|(_, sk, mk)| group.sign(sk, mk, message))
        .collect::<Result<Vec<_>>>()?;
    let signature = group.combine(&partials)?;
    let bytes = signature.to_bytes();
    println!(
        "  members {:?} signed; combined signature is {} bytes ({:.1} ms)",
        signature.signers(),
        bytes.len(),
        t.elapsed().as_secs_f64() * 1e3
    );

    // Anyone holding the group's identity verifies against the group description (which
    // may come from anywhere: it is checked against the identity), and learns who signed.
    let t = Instant::now();
    let pinned = AsmGroupId::<MinPk>::from_bytes(&id_bytes)?;
    let verifier = AsmGroup::<MinPk>::from_bytes(&group.to_bytes(), &pinned)?;
    let received = verifier.signature_from_bytes(&bytes)?;
    verifier.verify(message, &received)?;
    println!(
        "  verified: signed by members {:?} ({:.1} ms)",
        received.signers(),
        t.elapsed().as_secs_f64() * 1e3
    );
    let two = group.combine(&partials[..2]);
    println!("  two signers only: {two:?}");

    // n-of-n: everyone signs; the result verifies against the aggregated key alone.
    let t = Instant::now();
    let all = GroupKey::new(&keys)?;
    let shares = secrets
        .iter()
        .map(|sk| all.sign_share(sk, message))
        .collect::<Result<Vec<_>>>()?;
    let msp = all.combine(&shares)?;
    all.verify(message, &msp)?;
    println!(
        "  5-of-5 (MSP) signature verified ({:.1} ms)",
        t.elapsed().as_secs_f64() * 1e3
    );
    Ok(())
}

#[allow(dead_code)]
fn main() -> Result<()> {
    println!("blsig multisig: a 3-of-5 accountable-subgroup signature");
    run()
}
