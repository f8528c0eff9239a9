//! The validation-criteria table: each edge-case input × each API → the expected outcome,
//! for both variants. Read the table in `rows` top to bottom; the test prints it.
// Harness code: a failed setup step is the run's failure, and the workspace lints that
// keep panics and truncating casts out of the library do not apply here.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::cast_possible_truncation
)]

use blsig::eth::{EthSignature, eth_fast_aggregate_verify};
use blsig::{
    Affine, Aug, Basic, Curve, Dst, Error, MinPk, MinSig, Pop, ProofOfPossession, ProvenPublicKey,
    PublicKey, SecretKey, Signature, Variant,
};
use group::{Curve as _, CurveAffine, Group, GroupEncoding, UncompressedEncoding};

/// Expected outcome of one row.
#[derive(Debug, PartialEq)]
enum Expect {
    Accept,
    Reject(Error),
}
use Expect::{Accept, Reject};

struct Row {
    input: &'static str,
    api: &'static str,
    expect: Expect,
    run: Box<dyn Fn() -> Result<(), Error>>,
}

fn row(
    input: &'static str,
    api: &'static str,
    expect: Expect,
    run: impl Fn() -> Result<(), Error> + 'static,
) -> Row {
    Row {
        input,
        api,
        expect,
        run: Box::new(run),
    }
}

fn sk<V: Variant>(seed: u8) -> SecretKey<V> {
    SecretKey::key_gen(&[seed; 32], b"").unwrap()
}

/// Compressed encodings of group `C` found by scanning x = 0, 1, 2, …:
/// (a point on the curve outside the subgroup, an x with no point on the curve).
fn special_encodings<C: Curve>() -> (Vec<u8>, Vec<u8>) {
    let (mut off_subgroup, mut off_curve) = (None, None);
    for x in 1u8.. {
        let mut repr = <Affine<C> as GroupEncoding>::Repr::default();
        let bytes = repr.as_mut();
        bytes[0] = 0x80;
        let n = bytes.len();
        bytes[n - 1] = x;
        let bytes = repr.as_ref().to_vec();
        let decoded: Option<Affine<C>> = Affine::<C>::from_bytes_unchecked(&repr).into();
        match decoded {
            Some(p) if !bool::from(C::is_torsion_free(&p)) => {
                off_subgroup = off_subgroup.or(Some(bytes))
            }
            None => off_curve = off_curve.or(Some(bytes)),
            _ => {}
        }
        if let (Some(a), Some(b)) = (&off_subgroup, &off_curve) {
            return (a.clone(), b.clone());
        }
    }
    unreachable!()
}

fn encoding_rows<V: Variant>(rows: &mut Vec<Row>) {
    let pk_len = V::Pk::COMPRESSED_LEN;
    let sig_len = V::Sig::COMPRESSED_LEN;
    let good_pk = sk::<V>(1).public_key().to_bytes().as_ref().to_vec();
    let good_sig = sk::<V>(1).sign::<Basic>(b"m").to_bytes().as_ref().to_vec();
    let identity = |len: usize| {
        let mut v = vec![0u8; len];
        v[0] = 0xc0;
        v
    };
    let (pk_off_subgroup, pk_off_curve) = special_encodings::<V::Pk>();
    let (sig_off_subgroup, sig_off_curve) = special_encodings::<V::Sig>();
    let with = |mut v: Vec<u8>, f: fn(&mut Vec<u8>)| {
        f(&mut v);
        v
    };
    let p_as_x = |len: usize| {
        let mut v = hex::decode("1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffaaab").unwrap();
        v.resize(len, 0);
        v[0] |= 0x80;
        v
    };

    type PkDecode = fn(&[u8]) -> Result<(), Error>;
    let pk_decode: PkDecode = |b| PublicKey::<V>::from_bytes(b).map(drop);
    let sig_decode: PkDecode = |b| Signature::<V, Basic>::from_bytes(b).map(drop);
    // (input, public-key bytes, expected, signature bytes, expected)
    type Case = (&'static str, Vec<u8>, Expect, Vec<u8>, Expect);
    let cases: Vec<Case> = vec![
        (
            "valid point",
            good_pk.clone(),
            Accept,
            good_sig.clone(),
            Accept,
        ),
        (
            "point at infinity",
            identity(pk_len),
            Reject(Error::IdentityPublicKey),
            identity(sig_len),
            Accept,
        ),
        (
            "empty",
            vec![],
            Reject(Error::InvalidLength {
                expected: pk_len,
                actual: 0,
            }),
            vec![],
            Reject(Error::InvalidLength {
                expected: sig_len,
                actual: 0,
            }),
        ),
        (
            "one byte short",
            good_pk[1..].to_vec(),
            Reject(Error::InvalidLength {
                expected: pk_len,
                actual: pk_len - 1,
            }),
            good_sig[1..].to_vec(),
            Reject(Error::InvalidLength {
                expected: sig_len,
                actual: sig_len - 1,
            }),
        ),
        (
            "one byte long",
            with(good_pk.clone(), |v| v.push(0)),
            Reject(Error::InvalidLength {
                expected: pk_len,
                actual: pk_len + 1,
            }),
            with(good_sig.clone(), |v| v.push(0)),
            Reject(Error::InvalidLength {
                expected: sig_len,
                actual: sig_len + 1,
            }),
        ),
        (
            "compression flag cleared",
            with(good_pk.clone(), |v| v[0] &= 0x7f),
            Reject(Error::InvalidEncoding),
            with(good_sig.clone(), |v| v[0] &= 0x7f),
            Reject(Error::InvalidEncoding),
        ),
        (
            "infinity flag with x ≠ 0",
            with(good_pk.clone(), |v| v[0] |= 0x40),
            Reject(Error::InvalidEncoding),
            with(good_sig.clone(), |v| v[0] |= 0x40),
            Reject(Error::InvalidEncoding),
        ),
        (
            "infinity with sort flag",
            with(identity(pk_len), |v| v[0] |= 0x20),
            Reject(Error::InvalidEncoding),
            with(identity(sig_len), |v| v[0] |= 0x20),
            Reject(Error::InvalidEncoding),
        ),
        (
            "x = p",
            p_as_x(pk_len),
            Reject(Error::FieldElementOutOfRange),
            p_as_x(sig_len),
            Reject(Error::FieldElementOutOfRange),
        ),
        (
            "x with no point on the curve",
            pk_off_curve,
            Reject(Error::NotOnCurve),
            sig_off_curve,
            Reject(Error::NotOnCurve),
        ),
        (
            "on the curve, outside the subgroup",
            pk_off_subgroup,
            Reject(Error::NotInSubgroup),
            sig_off_subgroup,
            Reject(Error::NotInSubgroup),
        ),
    ];
    for (input, pk_bytes, pk_expect, sig_bytes, sig_expect) in cases {
        rows.push(row(input, "PublicKey::from_bytes", pk_expect, move || {
            pk_decode(&pk_bytes)
        }));
        rows.push(row(input, "Signature::from_bytes", sig_expect, move || {
            sig_decode(&sig_bytes)
        }));
    }
    let good = sk::<V>(1).public_key().to_uncompressed().as_ref().to_vec();
    rows.push(row(
        "valid point",
        "PublicKey::from_uncompressed",
        Accept,
        move || PublicKey::<V>::from_uncompressed(&good).map(drop),
    ));
    let bad = with(
        sk::<V>(1).public_key().to_uncompressed().as_ref().to_vec(),
        |v| v[0] |= 0x20,
    );
    rows.push(row(
        "uncompressed with sort flag",
        "PublicKey::from_uncompressed",
        Reject(Error::InvalidEncoding),
        move || PublicKey::<V>::from_uncompressed(&bad).map(drop),
    ));
    let off = (Affine::<V::Pk>::generator().to_curve().double())
        .to_affine()
        .to_uncompressed()
        .as_ref()
        .to_vec();
    let off = with(off, |v| {
        let n = v.len();
        v[n - 1] ^= 1;
    });
    rows.push(row(
        "(x, y) off the curve",
        "PublicKey::from_uncompressed",
        Reject(Error::NotOnCurve),
        move || PublicKey::<V>::from_uncompressed(&off).map(drop),
    ));
}

fn key_rows<V: Variant>(rows: &mut Vec<Row>) {
    rows.push(row(
        "zero secret key",
        "SecretKey::from_bytes",
        Reject(Error::InvalidSecretKey),
        || SecretKey::<V>::from_bytes(&[0; 32]).map(drop),
    ));
    rows.push(row(
        "secret key = r",
        "SecretKey::from_bytes",
        Reject(Error::InvalidSecretKey),
        || {
            let r = hex::decode("73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001")
                .unwrap();
            SecretKey::<V>::from_bytes(&r).map(drop)
        },
    ));
    rows.push(row(
        "secret key = r − 1",
        "SecretKey::from_bytes",
        Accept,
        || {
            let r = hex::decode("73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000000")
                .unwrap();
            SecretKey::<V>::from_bytes(&r).map(drop)
        },
    ));
    rows.push(row(
        "31-byte secret key",
        "SecretKey::from_bytes",
        Reject(Error::InvalidLength {
            expected: 32,
            actual: 31,
        }),
        || SecretKey::<V>::from_bytes(&[1; 31]).map(drop),
    ));
    rows.push(row(
        "31-byte IKM",
        "SecretKey::key_gen",
        Reject(Error::ShortIkm),
        || SecretKey::<V>::key_gen(&[1; 31], b"").map(drop),
    ));
    rows.push(row("32-byte IKM", "SecretKey::key_gen", Accept, || {
        SecretKey::<V>::key_gen(&[1; 32], b"").map(drop)
    }));
    rows.push(row(
        "20-byte IKM",
        "SecretKey::key_gen_draft03",
        Accept,
        || SecretKey::<V>::key_gen_draft03(&[1; 20], b"").map(drop),
    ));
    rows.push(row(
        "31-byte IKM, caller's salt",
        "SecretKey::key_gen_with_salt",
        Reject(Error::ShortIkm),
        || SecretKey::<V>::key_gen_with_salt(&[1; 31], b"salt", b"").map(drop),
    ));
    rows.push(row(
        "empty salt",
        "SecretKey::key_gen_with_salt",
        Accept,
        || SecretKey::<V>::key_gen_with_salt(&[1; 32], b"", b"").map(drop),
    ));
    rows.push(row(
        "empty DST",
        "Dst::new",
        Reject(Error::InvalidDst),
        || Dst::new(b"").map(drop),
    ));
    rows.push(row("300-byte DST", "Dst::new", Accept, || {
        Dst::new(&[b'x'; 300]).map(drop)
    }));
    rows.push(row(
        "8161-byte output",
        "expand_message_xmd",
        Reject(Error::InvalidOutputLength),
        || blsig::expand_message_xmd(b"", &Dst::new(b"T")?, &mut vec![0; 8161]),
    ));
}

fn verify_rows<V: Variant>(rows: &mut Vec<Row>) {
    rows.push(row("valid signature", "PublicKey::verify", Accept, || {
        let sk = sk::<V>(1);
        sk.public_key().verify(b"m", &sk.sign::<Basic>(b"m"))
    }));
    rows.push(row(
        "other message",
        "PublicKey::verify",
        Reject(Error::VerificationFailed),
        || {
            let sk = sk::<V>(1);
            sk.public_key().verify(b"n", &sk.sign::<Basic>(b"m"))
        },
    ));
    rows.push(row(
        "identity signature",
        "PublicKey::verify",
        Reject(Error::VerificationFailed),
        || {
            let sig = Signature::<V, Basic>::from_bytes(&{
                let mut v = vec![0u8; V::Sig::COMPRESSED_LEN];
                v[0] = 0xc0;
                v
            })?;
            sk::<V>(1).public_key().verify(b"m", &sig)
        },
    ));
    rows.push(row(
        "POP-suite signature read as Basic",
        "PublicKey::verify",
        Reject(Error::VerificationFailed),
        || {
            let sk = sk::<V>(1);
            let sig = Signature::<V, Basic>::from_bytes(sk.sign::<Pop>(b"m").to_bytes().as_ref())?;
            sk.public_key().verify(b"m", &sig)
        },
    ));
    rows.push(row(
        "proof for another key",
        "PublicKey::verify_possession",
        Reject(Error::VerificationFailed),
        || {
            sk::<V>(1)
                .public_key()
                .verify_possession(&sk::<V>(2).prove_possession())
                .map(drop)
        },
    ));
    rows.push(row(
        "signature used as proof",
        "PublicKey::verify_possession",
        Reject(Error::VerificationFailed),
        || {
            let sk = sk::<V>(1);
            let pk = sk.public_key();
            let sig = sk.sign::<Pop>(pk.to_bytes().as_ref());
            pk.verify_possession(&ProofOfPossession::from_bytes(sig.to_bytes().as_ref())?)
                .map(drop)
        },
    ));
    rows.push(row(
        "no signatures",
        "Signature::aggregate",
        Reject(Error::EmptyInput),
        || Signature::<V, Basic>::aggregate(&[]).map(drop),
    ));
    rows.push(row(
        "no signers",
        "Signature::aggregate_verify",
        Reject(Error::EmptyInput),
        || {
            let none: &[PublicKey<V>] = &[];
            sk::<V>(1).sign::<Aug>(b"m").aggregate_verify(none, &[])
        },
    ));
    rows.push(row(
        "2 keys, 1 message",
        "Signature::aggregate_verify",
        Reject(Error::LengthMismatch),
        || {
            let (a, b) = (sk::<V>(1), sk::<V>(2));
            a.sign::<Aug>(b"m")
                .aggregate_verify(&[a.public_key(), b.public_key()], &[b"m"])
        },
    ));
    rows.push(row(
        "repeated message, Basic",
        "Signature::aggregate_verify",
        Reject(Error::DuplicateMessage),
        || {
            let (a, b) = (sk::<V>(1), sk::<V>(2));
            let agg = Signature::aggregate(&[a.sign::<Basic>(b"m"), b.sign::<Basic>(b"m")])?;
            agg.aggregate_verify(&[a.public_key(), b.public_key()], &[b"m", b"m"])
        },
    ));
    rows.push(row(
        "repeated message, Aug",
        "Signature::aggregate_verify",
        Accept,
        || {
            let (a, b) = (sk::<V>(1), sk::<V>(2));
            let agg = Signature::aggregate(&[a.sign::<Aug>(b"m"), b.sign::<Aug>(b"m")])?;
            agg.aggregate_verify(&[a.public_key(), b.public_key()], &[b"m", b"m"])
        },
    ));
    rows.push(row(
        "repeated message, Pop, proven keys",
        "Signature::aggregate_verify",
        Accept,
        || {
            let (a, b) = (sk::<V>(1), sk::<V>(2));
            let agg = Signature::aggregate(&[a.sign::<Pop>(b"m"), b.sign::<Pop>(b"m")])?;
            agg.aggregate_verify(&[proven(&a)?, proven(&b)?], &[b"m", b"m"])
        },
    ));
    // Pop AggregateVerify takes only `ProvenPublicKey`s (plain keys do not compile; see
    // the `SchemeKey` doc test). These rows show why: the two keys an attacker needs for
    // a forgery on a repeated message cannot be proven, and with the proof check skipped
    // (`assume_proven`) the forgery would verify.
    rows.push(row(
        "rogue key x·g − PK, its best proof x·H(key)",
        "PublicKey::verify_possession",
        Reject(Error::VerificationFailed),
        || {
            let (rogue, x) = rogue_key::<V>(&sk::<V>(1).public_key());
            rogue.verify_possession(&fake_proof(&rogue, &x)).map(drop)
        },
    ));
    rows.push(row(
        "rogue key beside PK, x·H(m), Pop, repeated m, proofs skipped",
        "Signature::aggregate_verify",
        Accept,
        || {
            let honest = sk::<V>(1).public_key();
            let (rogue, x) = rogue_key::<V>(&honest);
            let forged = Signature::<V, Pop>::from_bytes(
                (hash_pop_message::<V>(b"m") * x)
                    .to_affine()
                    .to_bytes()
                    .as_ref(),
            )?;
            let keys = [honest, rogue].map(ProvenPublicKey::assume_proven);
            forged.aggregate_verify(&keys, &[b"m", b"m"])
        },
    ));
    rows.push(row(
        "negated key −PK, the negated proof −π",
        "PublicKey::verify_possession",
        Reject(Error::VerificationFailed),
        || {
            let a = sk::<V>(1);
            let neg = PublicKey::<V>::from_point(-*a.public_key().as_point())?;
            let proof = ProofOfPossession::<V>::from_bytes(
                (-*a.prove_possession().as_point()).to_bytes().as_ref(),
            )?;
            neg.verify_possession(&proof).map(drop)
        },
    ));
    rows.push(row(
        "keys [PK, −PK], identity signature, Pop, proofs skipped",
        "Signature::aggregate_verify",
        Accept,
        || {
            let pk = sk::<V>(1).public_key();
            let neg = PublicKey::<V>::from_point(-*pk.as_point())?;
            let identity =
                Signature::<V, Pop>::from_bytes(Affine::<V::Sig>::identity().to_bytes().as_ref())?;
            let keys = [pk, neg].map(ProvenPublicKey::assume_proven);
            identity.aggregate_verify(&keys, &[b"m", b"m"])
        },
    ));
    rows.push(row(
        "distinct messages, Basic",
        "Signature::aggregate_verify",
        Accept,
        || {
            let (a, b) = (sk::<V>(1), sk::<V>(2));
            let agg = Signature::aggregate(&[a.sign::<Basic>(b"m"), b.sign::<Basic>(b"n")])?;
            agg.aggregate_verify(&[a.public_key(), b.public_key()], &[b"m", b"n"])
        },
    ));
    rows.push(row(
        "no keys",
        "Signature::fast_aggregate_verify",
        Reject(Error::EmptyInput),
        || {
            sk::<V>(1)
                .sign::<Pop>(b"m")
                .fast_aggregate_verify(&[], b"m")
        },
    ));
    rows.push(row(
        "proven keys sk and −sk (sum = identity)",
        "Signature::fast_aggregate_verify",
        Reject(Error::IdentityPublicKey),
        || {
            let a = sk::<V>(1);
            let neg = SecretKey::<V>::from_bytes(&neg_bytes(&a))?;
            let keys = [
                a.public_key().verify_possession(&a.prove_possession())?,
                neg.public_key()
                    .verify_possession(&neg.prove_possession())?,
            ];
            let agg = Signature::aggregate(&[a.sign::<Pop>(b"m"), neg.sign::<Pop>(b"m")])?;
            agg.fast_aggregate_verify(&keys, b"m")
        },
    ));
    rows.push(row(
        "the same proven key twice, signed twice",
        "Signature::fast_aggregate_verify",
        Accept,
        || {
            let a = sk::<V>(1);
            let k = a.public_key().verify_possession(&a.prove_possession())?;
            let agg = Signature::aggregate(&[a.sign::<Pop>(b"m"), a.sign::<Pop>(b"m")])?;
            agg.fast_aggregate_verify(&[k, k], b"m")
        },
    ));
    rows.push(row(
        "the same proven key twice, signed once",
        "Signature::fast_aggregate_verify",
        Reject(Error::VerificationFailed),
        || {
            let a = sk::<V>(1);
            let k = a.public_key().verify_possession(&a.prove_possession())?;
            a.sign::<Pop>(b"m").fast_aggregate_verify(&[k, k], b"m")
        },
    ));
}

/// PopVerify of `sk`'s own proof.
fn proven<V: Variant>(sk: &SecretKey<V>) -> Result<ProvenPublicKey<V>, Error> {
    sk.public_key().verify_possession(&sk.prove_possession())
}

/// A rogue key x·g − PK for a known x (whose secret nobody knows), and x.
fn rogue_key<V: Variant>(honest: &PublicKey<V>) -> (PublicKey<V>, blsig::Scalar) {
    let x = blsig::Scalar::from(0xdead_beef_u64);
    let point = (V::Pk::generator() * x - honest.as_point().to_curve()).to_affine();
    (PublicKey::from_point(point).unwrap(), x)
}

/// H(m) under the Pop ciphersuite of `V`.
fn hash_pop_message<V: Variant>(m: &[u8]) -> V::Sig {
    blsig::hash_to_curve(m, &Dst::new(&blsig::ciphersuite_id::<V, Pop>()).unwrap())
}

/// What a rogue-key owner can sign for its key: x·H_pop(rogue), with x from x·g − PK.
fn fake_proof<V: Variant>(rogue: &PublicKey<V>, x: &blsig::Scalar) -> ProofOfPossession<V> {
    let h: V::Sig = blsig::hash_to_curve(
        rogue.to_bytes().as_ref(),
        &Dst::new(&blsig::pop_id::<V>()).unwrap(),
    );
    ProofOfPossession::from_bytes((h * x).to_affine().to_bytes().as_ref()).unwrap()
}

/// Aggregation straight from encodings (draft §2.8): no per-signature subgroup check, one
/// on the sum.
fn aggregation_rows<V: Variant>(rows: &mut Vec<Row>) {
    let (_, off_curve) = special_encodings::<V::Sig>();
    rows.push(row(
        "no encodings",
        "Signature::aggregate_from_bytes",
        Reject(Error::EmptyInput),
        || Signature::<V, Pop>::aggregate_from_bytes(&[]).map(drop),
    ));
    rows.push(row(
        "two valid signatures",
        "Signature::aggregate_from_bytes",
        Accept,
        || {
            let (a, b) = (sk::<V>(1).sign::<Pop>(b"m"), sk::<V>(2).sign::<Pop>(b"m"));
            let agg = Signature::<V, Pop>::aggregate_from_bytes(&[
                a.to_bytes().as_ref(),
                b.to_bytes().as_ref(),
            ])?;
            if agg == Signature::aggregate(&[a, b])? {
                Ok(())
            } else {
                Err(Error::VerificationFailed)
            }
        },
    ));
    rows.push(row(
        "a point outside the subgroup",
        "Signature::aggregate_from_bytes",
        Reject(Error::NotInSubgroup),
        {
            let t = torsion_point::<V>();
            move || {
                let s = sk::<V>(1).sign::<Pop>(b"m");
                Signature::<V, Pop>::aggregate_from_bytes(&[s.to_bytes().as_ref(), &t]).map(drop)
            }
        },
    ));
    rows.push(row(
        "T and −T outside the subgroup (they cancel)",
        "Signature::aggregate_from_bytes",
        Accept,
        {
            let t = torsion_point::<V>();
            move || {
                let neg = negate_encoding(&t);
                let s = sk::<V>(1).sign::<Pop>(b"m");
                let agg =
                    Signature::<V, Pop>::aggregate_from_bytes(&[&t, s.to_bytes().as_ref(), &neg])?;
                sk::<V>(1).public_key().verify(b"m", &agg)
            }
        },
    ));
    rows.push(row(
        "x with no point on the curve",
        "Signature::aggregate_from_bytes",
        Reject(Error::NotOnCurve),
        move || Signature::<V, Pop>::aggregate_from_bytes(&[&off_curve]).map(drop),
    ));
    rows.push(row(
        "sk·H(m) signed as a pre-hashed point",
        "hazmat::sign_hashed / verify_hashed",
        Accept,
        || {
            let a = sk::<V>(1);
            let h = hash_pop_message::<V>(b"m").to_affine();
            let sig = blsig::hazmat::sign_hashed(&a, &h);
            if sig != *a.sign::<Pop>(b"m").as_point() {
                return Err(Error::VerificationFailed);
            }
            blsig::hazmat::verify_hashed(&a.public_key(), &h, &sig)
        },
    ));
    rows.push(row(
        "pre-hashed point of another message",
        "hazmat::verify_hashed",
        Reject(Error::VerificationFailed),
        || {
            let a = sk::<V>(1);
            let sig = blsig::hazmat::sign_hashed(&a, &hash_pop_message::<V>(b"m").to_affine());
            let other = hash_pop_message::<V>(b"n").to_affine();
            blsig::hazmat::verify_hashed(&a.public_key(), &other, &sig)
        },
    ));
}

/// The compressed encoding of a point on the curve of `V::Sig`, outside the subgroup.
fn torsion_point<V: Variant>() -> Vec<u8> {
    special_encodings::<V::Sig>().0
}

/// The encoding of −P for a compressed encoding of P (flip the sort flag).
fn negate_encoding(bytes: &[u8]) -> Vec<u8> {
    let mut out = bytes.to_vec();
    out[0] ^= 0x20;
    out
}

/// The big-endian encoding of r − sk.
fn neg_bytes<V: Variant>(sk: &SecretKey<V>) -> Vec<u8> {
    let mut le = *sk.to_bytes();
    le.reverse();
    let s = blsig::Scalar::from_bytes(&le).unwrap();
    let mut out = (-s).to_bytes();
    out.reverse();
    out.to_vec()
}

fn eth_rows(rows: &mut Vec<Row>) {
    let identity = || {
        let mut v = [0u8; 96];
        v[0] = 0xc0;
        EthSignature::from_bytes(&v)
    };
    rows.push(row(
        "no keys, identity signature",
        "eth_fast_aggregate_verify",
        Accept,
        move || eth_fast_aggregate_verify(&[], b"m", &identity()?),
    ));
    rows.push(row(
        "no keys, identity signature",
        "Signature::fast_aggregate_verify",
        Reject(Error::EmptyInput),
        move || identity()?.fast_aggregate_verify(&[], b"m"),
    ));
    rows.push(row(
        "no keys, real signature",
        "eth_fast_aggregate_verify",
        Reject(Error::EmptyInput),
        || eth_fast_aggregate_verify(&[], b"m", &sk::<MinPk>(1).sign::<Pop>(b"m")),
    ));
    rows.push(row(
        "identity key",
        "eth_aggregate_pubkeys (via PublicKey)",
        Reject(Error::IdentityPublicKey),
        || {
            let mut v = [0u8; 48];
            v[0] = 0xc0;
            PublicKey::<MinPk>::from_bytes(&v)
                .map(ProvenPublicKey::assume_proven)
                .map(drop)
        },
    ));
}

fn run(title: &str, rows: Vec<Row>) -> usize {
    println!("\n{title}\n{:<45} | {:<40} | expected", "input", "API");
    let mut failures = Vec::new();
    for r in &rows {
        let got = match (r.run)() {
            Ok(()) => Accept,
            Err(e) => Reject(e),
        };
        println!("{:<45} | {:<40} | {:?}", r.input, r.api, r.expect);
        if got != r.expect {
            failures.push(format!(
                "{} × {}: expected {:?}, got {:?}",
                r.input, r.api, r.expect, got
            ));
        }
    }
    assert!(failures.is_empty(), "{title}:\n{}", failures.join("\n"));
    rows.len()
}

fn table<V: Variant>() -> Vec<Row> {
    let mut rows = Vec::new();
    encoding_rows::<V>(&mut rows);
    key_rows::<V>(&mut rows);
    verify_rows::<V>(&mut rows);
    aggregation_rows::<V>(&mut rows);
    rows
}

#[test]
fn validation_criteria_min_pk() {
    run("min-pk", table::<MinPk>());
}

#[test]
fn validation_criteria_min_sig() {
    run("min-sig", table::<MinSig>());
}

#[test]
fn validation_criteria_ethereum() {
    let mut rows = Vec::new();
    eth_rows(&mut rows);
    run("ethereum", rows);
}
