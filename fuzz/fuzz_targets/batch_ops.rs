//! Batch verifier sequences: queue / verify / verify_deterministic / find_invalid in any
//! order, over items that are valid, signed under another message or key, or arbitrary
//! bytes. Property: every check equals the AND of single verifications of the queued items,
//! and find_invalid returns exactly the items that fail alone.
#![no_main]

use std::sync::OnceLock;

use blsig::{BatchVerifier, MinPk, Pop, PublicKey, SecretKey, Signature};
use blsig_fuzz::inputs::batch_ops::{Op, Sig};
use libfuzzer_sys::fuzz_target;
use rand::SeedableRng;

/// Four signers with a signature on each of four messages (and the identity).
struct Pool {
    keys: Vec<PublicKey<MinPk>>,
    sigs: Vec<Vec<Signature<MinPk, Pop>>>,
}

const MESSAGES: [&[u8]; 4] = [b"", b"a", b"the same message", b"\x00\xff"];

fn pool() -> &'static Pool {
    static POOL: OnceLock<Pool> = OnceLock::new();
    POOL.get_or_init(|| {
        let sks: Vec<SecretKey<MinPk>> = (1..=4u8)
            .map(|i| SecretKey::key_gen(&[i; 32], b"batch fuzz").unwrap())
            .collect();
        Pool {
            keys: sks.iter().map(SecretKey::public_key).collect(),
            sigs: sks
                .iter()
                .map(|sk| MESSAGES.iter().map(|m| sk.sign::<Pop>(m)).collect())
                .collect(),
        }
    })
}

fn pooled(p: &Pool, key: u8, msg: u8) -> Signature<MinPk, Pop> {
    p.sigs[usize::from(key) % 4][usize::from(msg) % 4]
}

fuzz_target!(|ops: Vec<Op>| {
    let p = pool();
    let mut batch = BatchVerifier::<MinPk, Pop>::new();
    // Per queued item, whether it verifies alone.
    let mut alone: Vec<bool> = Vec::new();
    // Pairing checks cost milliseconds: bound the work one input can ask for.
    for op in ops.into_iter().take(12) {
        match op {
            Op::Queue { key, msg, sig } => queue(
                p,
                &mut batch,
                &mut alone,
                key,
                MESSAGES[usize::from(msg) % 4],
                sig,
            ),
            Op::QueueArbitraryMessage { key, msg, sig } => {
                queue(p, &mut batch, &mut alone, key, &msg, sig)
            }
            Op::Verify(seed) => {
                let r = batch.verify(&mut rand::rngs::StdRng::seed_from_u64(seed));
                check(&alone, r.is_ok(), r.err());
            }
            Op::VerifyDeterministic => {
                let r = batch.verify_deterministic();
                check(&alone, r.is_ok(), r.err());
            }
            Op::FindInvalid(seed) => {
                let r = batch.find_invalid(&mut rand::rngs::StdRng::seed_from_u64(seed));
                if alone.is_empty() {
                    assert_eq!(r, Err(blsig::Error::EmptyInput));
                } else {
                    let expected: Vec<usize> = (0..alone.len()).filter(|&i| !alone[i]).collect();
                    assert_eq!(r, Ok(expected), "find_invalid");
                }
            }
        }
    }
});

fn queue(
    p: &Pool,
    batch: &mut BatchVerifier<MinPk, Pop>,
    alone: &mut Vec<bool>,
    key: u8,
    msg: &[u8],
    sig: Sig,
) {
    if alone.len() >= 8 {
        return;
    }
    let pk = &p.keys[usize::from(key) % 4];
    let sig = match sig {
        Sig::Pooled { key, msg } => pooled(p, key, msg),
        Sig::Sum { a, b } => {
            Signature::aggregate(&[pooled(p, a.0, a.1), pooled(p, b.0, b.1)]).unwrap()
        }
        Sig::Bytes(bytes) => match Signature::<MinPk, Pop>::from_bytes(&bytes) {
            Ok(s) => s,
            Err(e) => {
                // A malformed encoding is refused by queue_bytes and queues nothing.
                assert_eq!(batch.queue_bytes(pk, msg, &bytes), Err(e));
                return;
            }
        },
    };
    let index = batch.queue(pk, msg, &sig);
    assert_eq!(index, alone.len(), "indices are queueing order");
    alone.push(pk.verify(msg, &sig).is_ok());
    assert_eq!(batch.len(), alone.len());
}

fn check(alone: &[bool], batch_ok: bool, err: Option<blsig::Error>) {
    if alone.is_empty() {
        assert_eq!(err, Some(blsig::Error::EmptyInput));
        return;
    }
    assert_eq!(
        batch_ok,
        alone.iter().all(|&v| v),
        "batch = AND of single verifications"
    );
    if !batch_ok {
        assert_eq!(err, Some(blsig::Error::VerificationFailed));
    }
}
