//! The m-of-n (ASM) protocol with mutated messages: a fixed 2-of-4 group whose setup
//! contributions, member signatures and combined signatures (point and signer bitmap) the
//! input corrupts, drops or duplicates. Properties: a membership key comes out exactly when
//! the recipient's contributions are the genuine ones (and then equals the honest key);
//! `find_bad_contributions` names exactly the senders of corrupted contributions; a
//! combination of at least t genuine member signatures verifies, a corrupted one never
//! does; a flipped bitmap bit makes the group signature invalid (or, in the padding,
//! malformed).
#![no_main]

use std::sync::OnceLock;

use blsig::multisig::{AsmGroup, Contribution, MemberSignature, MembershipKey};
use blsig::{Error, MinPk, SecretKey};
use blsig_fuzz::inputs::asm_protocol::Input;
use libfuzzer_sys::fuzz_target;

const N: usize = 4;
const MSG: &[u8] = b"asm fuzz";

struct Setup {
    group: AsmGroup<MinPk>,
    /// contributions[j][i]: member j's contribution to member i, encoded.
    contributions: Vec<Vec<Vec<u8>>>,
    membership: Vec<Vec<u8>>,
    /// Member i's signature on MSG, encoded.
    signatures: Vec<Vec<u8>>,
}

fn setup() -> &'static Setup {
    static SETUP: OnceLock<Setup> = OnceLock::new();
    SETUP.get_or_init(|| {
        let sks: Vec<SecretKey<MinPk>> = (0..N as u8)
            .map(|i| SecretKey::key_gen(&[0x40 + i; 32], b"asm fuzz").unwrap())
            .collect();
        let proven: Vec<_> = sks
            .iter()
            .map(|sk| {
                sk.public_key()
                    .verify_possession(&sk.prove_possession())
                    .unwrap()
            })
            .collect();
        let group = AsmGroup::new(&proven, 2).unwrap();
        // Members in canonical order.
        let mut members: Vec<&SecretKey<MinPk>> = vec![&sks[0]; N];
        for sk in &sks {
            members[group.group_key().index_of(&sk.public_key()).unwrap()] = sk;
        }
        let sent: Vec<Vec<Contribution<MinPk>>> = members
            .iter()
            .map(|sk| group.contributions(sk).unwrap())
            .collect();
        let contributions: Vec<Vec<Vec<u8>>> = sent
            .iter()
            .map(|row| {
                let mut by_to: Vec<Vec<u8>> = vec![Vec::new(); N];
                for c in row {
                    by_to[c.to()] = c.to_bytes().to_vec();
                }
                by_to
            })
            .collect();
        let keys: Vec<MembershipKey<MinPk>> = (0..N)
            .map(|i| {
                let received: Vec<Contribution<MinPk>> = (0..N)
                    .map(|j| Contribution::from_bytes(&contributions[j][i]).unwrap())
                    .collect();
                group.membership_key(i, &received).unwrap()
            })
            .collect();
        let signatures = (0..N)
            .map(|i| group.sign(members[i], &keys[i], MSG).unwrap().to_bytes())
            .collect();
        Setup {
            membership: keys.iter().map(|k| k.to_bytes().to_vec()).collect(),
            group,
            contributions,
            signatures,
        }
    })
}

fuzz_target!(|input: Input| {
    let s = setup();
    let g = &s.group;
    let i = usize::from(input.recipient) % N;

    // --- Setup: the contributions member i receives.
    let mut received: Vec<Vec<u8>> = (0..N).map(|j| s.contributions[j][i].clone()).collect();
    for &(j, at, mask) in input.corrupt.iter().take(8) {
        let c = &mut received[usize::from(j) % N];
        let point_start = 16; // after I2OSP(from, 8) ‖ I2OSP(to, 8)
        let at = point_start + usize::from(at) % (c.len() - point_start);
        c[at] ^= mask;
    }
    let changed: Vec<usize> = (0..N)
        .filter(|&j| received[j] != s.contributions[j][i])
        .collect();
    let dropped = input.drop_sender.map(|d| usize::from(d) % N);
    // Contributions are secret (no Clone): decode each once, keeping its sender.
    let mut usable: Vec<Contribution<MinPk>> = Vec::new();
    let mut usable_from: Vec<usize> = Vec::new();
    for j in (0..N).filter(|&j| Some(j) != dropped) {
        if let Ok(c) = Contribution::from_bytes(&received[j]) {
            usable.push(c);
            usable_from.push(j);
        }
    }
    // find_bad_contributions names exactly the corrupted senders among the decodable ones.
    let bad = g.find_bad_contributions(&usable);
    let expected_bad: Vec<usize> = usable_from
        .iter()
        .copied()
        .filter(|j| changed.contains(j))
        .collect();
    assert_eq!(bad, expected_bad, "find_bad_contributions");
    let mk = g.membership_key(i, &usable);
    let genuine = changed.is_empty() && dropped.is_none();
    assert_eq!(
        mk.is_ok(),
        genuine,
        "membership key iff the contributions are genuine: {mk:?}"
    );
    if let Ok(mk) = mk {
        assert_eq!(mk.to_bytes().to_vec(), s.membership[i]);
        assert!(g.verify_membership_key(&mk).is_ok());
    }

    // --- Signing: member signatures of the chosen signers, some corrupted.
    let signers: Vec<usize> = (0..N).filter(|&m| input.signers >> m & 1 == 1).collect();
    let mut sigs: Vec<Vec<u8>> = signers.iter().map(|&m| s.signatures[m].clone()).collect();
    for &(k, at, mask) in input.corrupt_signature.iter().take(4) {
        if sigs.is_empty() {
            break;
        }
        let sig = &mut sigs[usize::from(k) % signers.len()];
        let at = 8 + usize::from(at) % (sig.len() - 8);
        sig[at] ^= mask;
    }
    // Member signatures that do not decode are left out of the combination; the ones that
    // decode verify exactly when they are genuine.
    let mut member_sigs: Vec<MemberSignature<MinPk>> = Vec::new();
    let mut decoded_genuine = true;
    for (b, &m) in sigs.iter().zip(&signers) {
        let Ok(decoded) = MemberSignature::from_bytes(b) else {
            continue;
        };
        let genuine = *b == s.signatures[m];
        let valid = g.verify_member_signature(MSG, &decoded).is_ok();
        assert_eq!(valid, genuine, "member signature {m}");
        decoded_genuine &= genuine;
        member_sigs.push(decoded);
    }
    match g.combine(&member_sigs) {
        Ok(combined) => {
            assert!(member_sigs.len() >= g.threshold());
            let ok = g.verify(MSG, &combined).is_ok();
            assert_eq!(ok, decoded_genuine, "combined signature");
            // Flip bitmap bits: the 4 member bits change the claimed signers, the 4
            // padding bits make the encoding malformed.
            let mut bytes = combined.to_bytes();
            bytes[0] ^= input.bitmap_flip;
            match g.signature_from_bytes(&bytes) {
                Ok(flipped) => {
                    assert_eq!(input.bitmap_flip & 0xf0, 0);
                    if input.bitmap_flip != 0 {
                        assert!(g.verify(MSG, &flipped).is_err(), "flipped bitmap verifies");
                    }
                }
                Err(e) => {
                    assert_ne!(input.bitmap_flip & 0xf0, 0);
                    assert_eq!(e, Error::NonZeroPadding);
                }
            }
        }
        Err(e) => assert!(
            member_sigs.len() < g.threshold() || e == Error::DuplicateKey,
            "combine failed: {e:?}"
        ),
    }
});
