//! The engine (`blsig-curve`) and `bls12_381` side by side on the same bytes: field
//! decoding and arithmetic (Fp through G1 coordinates, the scalar field), G1 decoding in
//! both forms (checked and unchecked verdicts), addition, doubling, negation and
//! multiplication by a scalar from the input; G2 compressed decoding verdicts and
//! multiplication; RFC 9380 hashing to both groups with a message and tag from the input;
//! the pairing of the G1 point with the hashed G2 point (GT values compared through their
//! coefficients), and a product of pairings that must cancel. Any difference fails.
#![no_main]

use bls12_381::hash_to_curve::{ExpandMsgXmd, HashToCurve};
use blsig_curve::{
    G1Affine, G1Compressed, G1Projective, G2Affine, G2Compressed, G2Projective, Scalar,
};
use group::GroupEncoding;
use libfuzzer_sys::fuzz_target;

type O = bls12_381::G1Affine;
type OP = bls12_381::G1Projective;

fn same(a: &G1Projective, b: &OP) {
    assert_eq!(
        a.to_affine().to_uncompressed(),
        O::from(b).to_uncompressed()
    );
}

/// The oracle's GT value as the engine's 576-byte encoding: the twelve coefficients its
/// `Debug` prints (0x and 96 hex digits each, in the tower's order).
fn oracle_gt_bytes(g: &bls12_381::Gt) -> Vec<u8> {
    let s = format!("{g:?}");
    let mut out = Vec::with_capacity(576);
    let mut rest = s.as_str();
    while let Some(i) = rest.find("0x") {
        let digits = &rest.as_bytes()[i + 2..i + 2 + 96];
        for pair in digits.chunks(2) {
            let nib = |c: u8| u8::try_from(char::from(c).to_digit(16).unwrap()).unwrap();
            out.push(nib(pair[0]) << 4 | nib(pair[1]));
        }
        rest = &rest[i + 2 + 96..];
    }
    assert_eq!(out.len(), 576);
    out
}

fuzz_target!(|input: (u8, [u8; 96], [u8; 96], [u8; 64], [u8; 32])| {
    let (mode, first, second, wide, repr) = input;
    let (raw_first, raw_second) = (first, second);
    // Bit 0 (bit 1): the first (second) point is read compressed from its first 48 bytes.
    let form = |bytes: &[u8; 96], bit: u8| -> Vec<u8> {
        if mode >> bit & 1 == 1 {
            bytes[..48].to_vec()
        } else {
            bytes.to_vec()
        }
    };
    let (first, second) = (form(&first, 0), form(&second, 1));
    // Scalars: the same wide reduction and the same canonical-decoding verdict.
    let k = Scalar::from_bytes_wide(&wide);
    let ok = bls12_381::Scalar::from_bytes_wide(&wide);
    assert_eq!(k.to_bytes(), ok.to_bytes());
    let ours_repr = Option::<Scalar>::from(Scalar::from_bytes(&repr)).map(|s| s.to_bytes());
    let oracle_repr = Option::<bls12_381::Scalar>::from(bls12_381::Scalar::from_bytes(&repr))
        .map(|s| s.to_bytes());
    assert_eq!(ours_repr, oracle_repr);
    if let (Some(a), Some(b)) = (
        Option::<Scalar>::from(Scalar::from_bytes(&repr)),
        Option::<bls12_381::Scalar>::from(bls12_381::Scalar::from_bytes(&repr)),
    ) {
        assert_eq!((a * k).to_bytes(), (b * ok).to_bytes());
        assert_eq!((a - k).to_bytes(), (b - ok).to_bytes());
        let inv = Option::<Scalar>::from(a.invert()).map(|s| s.to_bytes());
        let oinv = Option::<bls12_381::Scalar>::from(b.invert()).map(|s| s.to_bytes());
        assert_eq!(inv, oinv);
    }
    // G1 decoding: compressed from the first 48 bytes, uncompressed from the first 96.
    let decode = |bytes: &[u8]| -> Option<(G1Affine, O)> {
        if let Ok(c) = <[u8; 48]>::try_from(bytes) {
            let ours = Option::<G1Affine>::from(G1Affine::from_bytes(&G1Compressed(c)));
            let oracle = Option::<O>::from(O::from_compressed(&c));
            assert_eq!(
                ours.map(|p| p.to_bytes().0),
                oracle.map(|p| p.to_compressed()),
                "compressed verdict"
            );
            let unchecked =
                Option::<G1Affine>::from(G1Affine::from_bytes_unchecked(&G1Compressed(c)));
            let o_unchecked = Option::<O>::from(O::from_compressed_unchecked(&c));
            assert_eq!(
                unchecked.map(|p| p.to_uncompressed()),
                o_unchecked.map(|p| p.to_uncompressed()),
                "compressed unchecked verdict"
            );
            if let (Some(p), Some(o)) = (unchecked, o_unchecked) {
                assert_eq!(
                    bool::from(p.is_torsion_free()),
                    bool::from(o.is_torsion_free())
                );
            }
            return ours.zip(oracle);
        }
        if let Ok(u) = <[u8; 96]>::try_from(bytes) {
            let ours = Option::<G1Affine>::from(G1Affine::from_uncompressed(&u));
            let oracle = Option::<O>::from(O::from_uncompressed(&u));
            assert_eq!(
                ours.map(|p| p.to_uncompressed()),
                oracle.map(|p| p.to_uncompressed()),
                "uncompressed verdict"
            );
            return ours.zip(oracle);
        }
        None
    };
    let pick = |bytes: &[u8]| -> (G1Affine, O) {
        decode(bytes).unwrap_or_else(|| {
            // Not a point: a multiple of the generator from the bytes instead.
            let mut w = [0u8; 64];
            for (d, s) in w.iter_mut().zip(bytes) {
                *d = *s;
            }
            let p = G1Projective::generator() * Scalar::from_bytes_wide(&w);
            let o = OP::generator() * bls12_381::Scalar::from_bytes_wide(&w);
            (p.to_affine(), O::from(o))
        })
    };
    let (p, op) = pick(&first);
    let (q, oq) = pick(&second);
    let (pp, opp) = (G1Projective::from(p), OP::from(op));
    same(&(pp + q), &(opp + oq));
    same(&(pp + G1Projective::from(q)), &(opp + OP::from(oq)));
    same(&(pp - G1Projective::from(q)), &(opp - OP::from(oq)));
    same(&pp.double(), &opp.double());
    same(&(-pp), &(-opp));
    same(&(pp * k), &(opp * ok));
    // G2: the first array as a compressed point (checked verdict), then k times it.
    let ours2 = Option::<G2Affine>::from(G2Affine::from_bytes(&G2Compressed(raw_first)));
    let oracle2 =
        Option::<bls12_381::G2Affine>::from(bls12_381::G2Affine::from_compressed(&raw_first));
    assert_eq!(
        ours2.map(|p| p.to_bytes().0),
        oracle2.map(|p| p.to_compressed()),
        "G2 verdict"
    );
    if let (Some(p), Some(o)) = (ours2, oracle2) {
        let ours = (G2Projective::from(p) * k).to_affine().to_bytes().0;
        let oracle =
            bls12_381::G2Affine::from(bls12_381::G2Projective::from(o) * ok).to_compressed();
        assert_eq!(ours, oracle, "G2 multiply");
    }
    // Hashing: a message and a tag cut from the input (tags up to 96 bytes).
    type Xmd = ExpandMsgXmd<sha2::Sha256>;
    let msg = &raw_first[..usize::from(mode % 97).min(96)];
    let dst = &raw_second[..usize::from(mode / 3 % 97).min(96)];
    let h1 = G1Projective::hash_to_curve(msg, dst)
        .to_affine()
        .to_bytes()
        .0;
    let o1 = bls12_381::G1Affine::from(<OP as HashToCurve<Xmd>>::hash_to_curve(&[msg][..], dst));
    assert_eq!(h1, o1.to_compressed(), "hash to G1");
    if mode & 0x80 != 0 {
        let h2 = G2Projective::hash_to_curve(msg, dst)
            .to_affine()
            .to_bytes()
            .0;
        let o2 = bls12_381::G2Affine::from(
            <bls12_381::G2Projective as HashToCurve<Xmd>>::hash_to_curve(&[msg][..], dst),
        );
        assert_eq!(h2, o2.to_compressed(), "hash to G2");
        if mode & 0x40 != 0 {
            let q2 = G2Projective::hash_to_curve(msg, dst).to_affine();
            let e = blsig_curve::pairing(&p, &q2);
            let oe = bls12_381::pairing(&op, &o2);
            assert_eq!(e.to_bytes().to_vec(), oracle_gt_bytes(&oe), "pairing");
            let cancel = blsig_curve::multi_miller_loop_affine(&[(&p, &q2), (&(-p), &q2)])
                .final_exponentiation();
            assert!(bool::from(cancel.is_identity()), "e(P, Q)·e(−P, Q) = 1");
        }
    }
});
