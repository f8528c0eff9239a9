//! Multisig decoders and verifiers on arbitrary input: group descriptions, membership keys,
//! member and combined signatures, contributions. Never panics; valid decodings round-trip.
#![no_main]

use std::sync::OnceLock;

use blsig::multisig::{
    AsmGroup, AsmGroupId, Contribution, GroupKey, MemberSignature, MembershipKey, MspShare,
    MspSignature,
};
use blsig::{MinPk, SecretKey};
use blsig_fuzz::inputs::multisig::Input;
use libfuzzer_sys::fuzz_target;

/// A fixed 3-of-5 group, so that signatures can be checked against something real.
fn fixed() -> &'static AsmGroup<MinPk> {
    static GROUP: OnceLock<AsmGroup<MinPk>> = OnceLock::new();
    GROUP.get_or_init(|| {
        let pks: Vec<_> = (0..5u8)
            .map(|i| {
                let sk = SecretKey::<MinPk>::key_gen(&[i; 32], b"").unwrap();
                sk.public_key()
                    .verify_possession(&sk.prove_possession())
                    .unwrap()
            })
            .collect();
        AsmGroup::new(&pks, 3).unwrap()
    })
}

fuzz_target!(|input: Input| {
    // A group decodes only under the identity it has: the fixed group's, or one decoded
    // from the input.
    if let Ok(g) = AsmGroup::<MinPk>::from_bytes(&input.group, fixed().id()) {
        assert_eq!(g.to_bytes(), input.group);
        assert_eq!(g.id(), fixed().id());
    }
    if let Ok(id) = AsmGroupId::<MinPk>::from_bytes(&input.indexed) {
        assert_eq!(id.to_bytes(), input.indexed);
        if let Ok(g) = AsmGroup::<MinPk>::from_bytes(&input.group, &id) {
            assert_eq!(g.to_bytes(), input.group);
            assert_eq!(g.id(), &id);
        }
    }
    if let Ok(k) = GroupKey::<MinPk>::from_bytes(&input.group) {
        assert_eq!(k.to_bytes(), input.group);
    }
    let group = fixed();
    if let Ok(sig) = group.signature_from_bytes(&input.signature) {
        assert_eq!(sig.to_bytes(), input.signature);
        let _ = group.verify(&input.msg, &sig);
    }
    if let Ok(sig) = MspSignature::<MinPk>::from_bytes(&input.signature) {
        let _ = group.group_key().verify(&input.msg, &sig);
    }
    if let Ok(s) = MemberSignature::<MinPk>::from_bytes(&input.indexed) {
        let _ = group.verify_member_signature(&input.msg, &s);
        let _ = group.combine(&[s.clone(), s]);
    }
    if let Ok(mk) = MembershipKey::<MinPk>::from_bytes(&input.indexed) {
        let _ = group.verify_membership_key(&mk);
    }
    if let Ok(c) = Contribution::<MinPk>::from_bytes(&input.indexed) {
        let _ = group.verify_contribution(&c);
        let twin = Contribution::<MinPk>::from_bytes(&c.to_bytes());
        if let Ok(twin) = twin {
            let _ = group.membership_key(c.to(), &[twin, c]);
        }
    }
    if let Ok(share) = MspShare::<MinPk>::from_bytes(&input.indexed) {
        let _ = group.group_key().verify_share(&input.msg, &share);
        let _ = group.group_key().combine(&[share]);
    }
});
