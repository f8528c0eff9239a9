//! Seeds for the structure-aware targets: inputs chosen to pass each target's first checks
//! — valid keys and signatures of every suite, the multisig fixture's real group,
//! contributions, membership keys and signatures, threshold values and DKG messages,
//! honest protocol runs and batches with one bad item — written in `arbitrary`'s format and
//! checked by parsing them back ([`blsig_fuzz::encode::seed`]).

use blsig::multisig::{AsmGroup, Contribution, GroupKey, MembershipKey};
use blsig::threshold::dkg::{DkgConfig, DkgParty};
use blsig::threshold::{SecretShare, ShareId, SignatureShare, deal};
use blsig::{MinPk, Pop, Scheme, SecretKey, Variant};
use blsig_bindings::{SUITE_MIN_PK_BASIC, SUITE_MIN_SIG_POP, SuiteOp, by_suite};
use blsig_fuzz::encode::seed;
use blsig_fuzz::inputs::*;
use rand::SeedableRng;
use rand::rngs::StdRng;

/// (target, its seeds).
pub type Seeds = Vec<(&'static str, Vec<Vec<u8>>)>;

fn sk<V: Variant>(byte: u8, info: &[u8]) -> SecretKey<V> {
    SecretKey::key_gen(&[byte; 32], info).unwrap()
}

fn bytes(b: impl AsRef<[u8]>) -> Vec<u8> {
    b.as_ref().to_vec()
}

/// One suite's key material: its number (the bindings' numbering, which the targets use),
/// a secret key, its public key, a signature on [`SUITE_MESSAGE`] and a proof of possession.
struct Suite {
    number: u8,
    secret: Vec<u8>,
    public: Vec<u8>,
    sig: Vec<u8>,
    pop: Vec<u8>,
}

const SUITE_MESSAGE: &[u8] = b"suite seed";

struct MakeSuite(u8);

impl SuiteOp for MakeSuite {
    type Out = Suite;
    fn run<V: Variant, S: Scheme>(self) -> Suite {
        let key = sk::<V>(self.0 + 1, b"");
        Suite {
            number: self.0,
            secret: bytes(key.to_bytes()),
            public: bytes(key.public_key().to_bytes()),
            sig: bytes(key.sign::<S>(SUITE_MESSAGE).to_bytes()),
            pop: bytes(key.prove_possession().to_bytes()),
        }
    }
}

/// Every suite's material.
fn suites() -> Vec<Suite> {
    (SUITE_MIN_PK_BASIC..=SUITE_MIN_SIG_POP)
        .map(|n| {
            let n = u8::try_from(n).unwrap();
            by_suite(u32::from(n), MakeSuite(n)).unwrap()
        })
        .collect()
}

/// Per suite (`suite % 6`): a valid (key, message, signature), the proof of possession in
/// the signature field, and the identity key.
fn verify() -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    for s in suites() {
        let mut identity = vec![0u8; s.public.len()];
        identity[0] = 0xc0;
        for (pk, sig) in [
            (s.public.clone(), s.sig.clone()),
            (s.public, s.pop),
            (identity, s.sig),
        ] {
            out.push(seed(&verify::Input {
                suite: s.number,
                ikm: [s.number; 32],
                msg: SUITE_MESSAGE.to_vec(),
                pk,
                sig,
            }));
        }
    }
    out
}

/// Three min-pk Pop signers: distinct messages (AggregateVerify), one message
/// (FastAggregateVerify), and a batch with one tampered item.
fn aggregate_verify() -> Vec<Vec<u8>> {
    let keys: Vec<SecretKey<MinPk>> = (1..=3).map(|i| sk(i, b"")).collect();
    let pks: Vec<Vec<u8>> = keys
        .iter()
        .map(|k| bytes(k.public_key().to_bytes()))
        .collect();
    let distinct: Vec<Vec<u8>> = (0..3u8).map(|i| vec![b'm', i]).collect();
    let same = vec![b"one message".to_vec()];
    let mut out = Vec::new();
    for msgs in [distinct, same] {
        let sigs = keys
            .iter()
            .zip(msgs.iter().cycle())
            .map(|(k, m)| bytes(k.sign::<Pop>(m).to_bytes()))
            .collect();
        out.push(seed(&aggregate_verify::Input {
            pks: pks.clone(),
            msgs: msgs.clone(),
            sigs,
            signed: vec![(1, 0, false), (2, 1, false), (3, 2, true)],
        }));
    }
    out
}

/// Per suite: the secret key, then the public key, in the key field, with a valid
/// signature, full lengths and a real DST.
fn c_api() -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    for s in suites() {
        for key in [s.secret, s.public] {
            out.push(seed(&c_api::Input {
                suite: s.number,
                key_len: u8::try_from(key.len()).unwrap(),
                key,
                sig: s.sig.clone(),
                msg: SUITE_MESSAGE.to_vec(),
                out_len: 192,
                null_msg: false,
                dst: b"QUUX-V01-CS02-with-BLS12381G2_XMD:SHA-256_SSWU_RO_".to_vec(),
            }));
        }
    }
    out
}

/// The multisig target's fixture (3-of-5, keys from `[i; 32]`), rebuilt here: its group,
/// identity, group key, contributions, membership keys, member and combined signatures,
/// and MSP shares and signature, each in the field the target decodes it from.
fn multisig() -> Vec<Vec<u8>> {
    let sks: Vec<SecretKey<MinPk>> = (0..5).map(|i| sk(i, b"")).collect();
    let proven: Vec<_> = sks
        .iter()
        .map(|k| {
            k.public_key()
                .verify_possession(&k.prove_possession())
                .unwrap()
        })
        .collect();
    let group = AsmGroup::new(&proven, 3).unwrap();
    let mut members: Vec<&SecretKey<MinPk>> = vec![&sks[0]; 5];
    for k in &sks {
        members[group.group_key().index_of(&k.public_key()).unwrap()] = k;
    }
    let sent: Vec<Vec<Contribution<MinPk>>> = members
        .iter()
        .map(|k| group.contributions(k).unwrap())
        .collect();
    let keys: Vec<MembershipKey<MinPk>> = (0..5)
        .map(|i| {
            let received: Vec<Contribution<MinPk>> = sent
                .iter()
                .map(|row| {
                    let c = row.iter().find(|c| c.to() == i).unwrap();
                    Contribution::from_bytes(&c.to_bytes()).unwrap()
                })
                .collect();
            group.membership_key(i, &received).unwrap()
        })
        .collect();
    let msg = b"multisig seed".to_vec();
    let member_sigs: Vec<_> = (0..5)
        .map(|i| group.sign(members[i], &keys[i], &msg).unwrap())
        .collect();
    let combined = group.combine(&member_sigs[..3]).unwrap();
    let gk: &GroupKey<MinPk> = group.group_key();
    let shares: Vec<_> = members
        .iter()
        .map(|k| gk.sign_share(k, &msg).unwrap())
        .collect();
    let msp = gk.combine(&shares).unwrap();

    let input = |group: Vec<u8>, signature: Vec<u8>, indexed: Vec<u8>| {
        seed(&multisig::Input {
            group,
            signature,
            indexed,
            msg: msg.clone(),
        })
    };
    let g = group.to_bytes();
    let id = bytes(group.id().to_bytes());
    let mut out = vec![
        input(g.clone(), combined.to_bytes(), id.clone()),
        input(
            gk.to_bytes(),
            bytes(msp.to_bytes()),
            bytes(shares[0].to_bytes()),
        ),
    ];
    for i in 0..2 {
        out.push(input(
            g.clone(),
            combined.to_bytes(),
            bytes(member_sigs[i].to_bytes()),
        ));
        out.push(input(
            g.clone(),
            combined.to_bytes(),
            bytes(keys[i].to_bytes()),
        ));
        out.push(input(
            g.clone(),
            combined.to_bytes(),
            bytes(sent[i][1].to_bytes()),
        ));
    }
    out
}

/// Every threshold encoding (dealt 3-of-6 and DKG messages) for `Decode`, and honest and
/// corrupted picks for `Combine`.
fn threshold() -> Vec<Vec<u8>> {
    let key = sk::<MinPk>(9, b"");
    let (set, shares) = deal(&key, 3, 6, &mut StdRng::seed_from_u64(1)).unwrap();
    let share: &SecretShare<MinPk> = &shares[0];
    let sig: SignatureShare<MinPk, Pop> = share.sign(&set, b"fuzz");
    let id = ShareId::new(2).unwrap();
    let party = DkgParty::<MinPk>::new(
        DkgConfig::new(2, 3).unwrap(),
        1,
        &[1; 32],
        &mut StdRng::seed_from_u64(2),
    )
    .unwrap();
    let encodings = [
        set.to_bytes(),
        set.commitment().to_bytes(),
        set.public_key_share(id).to_bytes(),
        sig.to_bytes(),
        bytes(share.to_bytes()),
        bytes(id.to_bytes()),
        party.commitment().to_bytes(),
        bytes(party.shares()[1].to_bytes()),
    ];
    let mut out: Vec<Vec<u8>> = encodings
        .into_iter()
        .map(|b| seed(&threshold::Input::Decode(b)))
        .collect();
    for picks in [
        vec![(0, false), (1, false), (2, false)],
        vec![(0, false), (1, true), (2, false), (3, false)],
        vec![(5, false), (5, false), (4, true), (3, false), (0, false)],
        // A fake share under member 2's id before its honest one.
        vec![(1, true), (1, false), (2, false), (3, false)],
    ] {
        out.push(seed(&threshold::Input::Combine { picks, seed: 7 }));
    }
    out
}

/// Honest setup and signing, one corrupted contribution, a dropped sender, a corrupted
/// member signature, a flipped bitmap bit.
fn asm_protocol() -> Vec<Vec<u8>> {
    let base = || asm_protocol::Input {
        recipient: 0,
        corrupt: Vec::new(),
        drop_sender: None,
        signers: 0b0111,
        corrupt_signature: Vec::new(),
        bitmap_flip: 0,
    };
    let variants = [
        base(),
        asm_protocol::Input {
            signers: 0b1111,
            ..base()
        },
        asm_protocol::Input {
            corrupt: vec![(1, 3, 0x40)],
            ..base()
        },
        asm_protocol::Input {
            recipient: 2,
            drop_sender: Some(3),
            ..base()
        },
        asm_protocol::Input {
            corrupt_signature: vec![(1, 0, 0x01)],
            ..base()
        },
        asm_protocol::Input {
            bitmap_flip: 0b1000,
            ..base()
        },
    ];
    variants.iter().map(seed).collect()
}

/// Queue valid items, a sum, another message, bytes; verify; find the invalid ones.
fn batch_ops() -> Vec<Vec<u8>> {
    use batch_ops::{Op, Sig};
    let valid = |key, msg| Op::Queue {
        key,
        msg,
        sig: Sig::Pooled { key, msg },
    };
    let sig = bytes(sk::<MinPk>(1, b"batch fuzz").sign::<Pop>(b"a").to_bytes());
    let runs = [
        vec![valid(0, 0), valid(1, 1), valid(2, 2), Op::Verify(1)],
        vec![
            valid(0, 0),
            Op::Queue {
                key: 1,
                msg: 1,
                sig: Sig::Pooled { key: 1, msg: 2 },
            },
            valid(3, 3),
            Op::FindInvalid(2),
            Op::VerifyDeterministic,
        ],
        vec![
            Op::Queue {
                key: 0,
                msg: 0,
                sig: Sig::Sum {
                    a: (0, 0),
                    b: (1, 0),
                },
            },
            Op::Queue {
                key: 1,
                msg: 0,
                sig: Sig::Bytes(sig.clone()),
            },
            Op::QueueArbitraryMessage {
                key: 0,
                msg: b"a".to_vec(),
                sig: Sig::Bytes(sig),
            },
            Op::FindInvalid(3),
        ],
    ];
    runs.iter().map(seed).collect()
}

/// Honest runs of each size, and runs with a tampered share, a lost share, a withheld
/// commitment and an unanswered complaint.
fn dkg() -> Vec<Vec<u8>> {
    let base = |n: u8, t: u8| dkg::Input {
        n,
        t,
        seed: u64::from(n),
        tamper: Vec::new(),
        no_commitment: 0,
        withhold: 0,
    };
    let runs = [
        base(0, 1),
        base(1, 1),
        base(2, 2),
        dkg::Input {
            tamper: vec![(0, 1, 3)],
            ..base(1, 1)
        },
        dkg::Input {
            tamper: vec![(1, 2, 255)],
            withhold: 0b010,
            ..base(1, 1)
        },
        dkg::Input {
            no_commitment: 0b100,
            ..base(2, 2)
        },
    ];
    runs.iter().map(seed).collect()
}

/// Aggregates of genuine signatures, with another message, the identity and bytes.
fn verify_diff() -> Vec<Vec<u8>> {
    use verify_diff::{Input, Sig};
    let signed = |key, msg| Sig::Signed {
        key,
        msg,
        other_message: false,
    };
    let items = vec![
        (0, b"one".to_vec()),
        (1, b"two".to_vec()),
        (2, b"one".to_vec()),
    ];
    let sig = bytes(
        sk::<MinPk>(0x71, b"verify diff")
            .sign::<Pop>(b"one")
            .to_bytes(),
    );
    let runs = [
        Input {
            items: vec![(0, b"one".to_vec())],
            parts: vec![signed(0, 0)],
        },
        Input {
            items: items.clone(),
            parts: vec![signed(0, 0), signed(1, 1), signed(2, 2)],
        },
        Input {
            items: items.clone(),
            parts: vec![
                signed(0, 0),
                Sig::Signed {
                    key: 1,
                    msg: 1,
                    other_message: true,
                },
                Sig::Identity,
            ],
        },
        Input {
            items,
            parts: vec![Sig::Bytes(sig), signed(1, 1), signed(2, 2)],
        },
    ];
    runs.iter().map(seed).collect()
}

/// RFC 9380's test messages under its G1 and G2 test DSTs and a suite's DST, at output
/// lengths of the expand_message_xmd vectors.
fn hash_inputs() -> Vec<(Vec<u8>, Vec<u8>, u16)> {
    let msgs: [&[u8]; 4] = [b"", b"abc", b"abcdef0123456789", &[b'a'; 512]];
    let dsts: [&[u8]; 3] = [
        b"QUUX-V01-CS02-with-BLS12381G1_XMD:SHA-256_SSWU_RO_",
        b"QUUX-V01-CS02-with-expander-SHA256-128",
        b"BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_POP_",
    ];
    let mut out = Vec::new();
    for (i, m) in msgs.iter().enumerate() {
        for d in dsts {
            out.push((m.to_vec(), d.to_vec(), [32u16, 128][i % 2]));
        }
    }
    out
}

fn hash() -> Vec<Vec<u8>> {
    hash_inputs()
        .into_iter()
        .map(|(msg, dst, len)| seed(&hash::Input { msg, dst, len }))
        .collect()
}

fn hash_diff() -> Vec<Vec<u8>> {
    hash_inputs()
        .into_iter()
        .enumerate()
        .map(|(i, (msg, dst, len))| {
            seed(&hash_diff::Input {
                msg,
                dst,
                long_dst: i % 5 == 0,
                len,
            })
        })
        .collect()
}

/// Every structure-aware target's seeds.
pub fn all() -> Seeds {
    vec![
        ("verify", verify()),
        ("aggregate_verify", aggregate_verify()),
        ("c_api", c_api()),
        ("multisig", multisig()),
        ("threshold", threshold()),
        ("asm_protocol", asm_protocol()),
        ("batch_ops", batch_ops()),
        ("dkg", dkg()),
        ("verify_diff", verify_diff()),
        ("hash", hash()),
        ("hash_diff", hash_diff()),
    ]
}
