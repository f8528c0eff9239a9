//! Differential hashing: `hash_to_curve` / `encode_to_curve` (the engine's) against a
//! second path built from this crate's `expand_message_xmd` and `bls12_381`'s field
//! reduction, map and cofactor clearing (the oracle), for G1 and G2, with short, long
//! (> 255 bytes, hashed) and arbitrary DSTs; and our `expand_message_xmd` against the
//! oracle's expander, byte for byte, at the fuzzer's output length. Also: every
//! expand_message_xmd output length in 1..=8160 works and the others are refused.
#![no_main]

use bls12_381::hash_to_curve::{ExpandMessage, ExpandMsgXmd, HashToField, MapToCurve};
use blsig::{Dst, G1Projective, G2Projective, encode_to_curve, expand_message_xmd, hash_to_curve};
use blsig_fuzz::inputs::hash_diff::Input;
use generic_array::GenericArray;
use libfuzzer_sys::fuzz_target;

/// hash_to_field from our expander, then the map and cofactor clearing.
fn second_path<C>(msg: &[u8], dst: &Dst<'_>, count: usize) -> C
where
    C: MapToCurve + core::ops::Add<Output = C> + Copy,
{
    let per = <<C as MapToCurve>::Field as HashToField>::InputLength::to_usize();
    let mut okm = vec![0u8; per * count];
    expand_message_xmd(msg, dst, &mut okm).unwrap();
    let points: Vec<C> = okm
        .chunks(per)
        .map(|chunk| {
            C::map_to_curve(&<C as MapToCurve>::Field::from_okm(
                GenericArray::from_slice(chunk),
            ))
        })
        .collect();
    let sum = points[1..].iter().fold(points[0], |acc, p| acc + *p);
    sum.clear_h()
}

use generic_array::typenum::Unsigned;

fuzz_target!(|input: Input| {
    let mut tag = input.dst.clone();
    if input.long_dst {
        tag.resize(256 + tag.len() % 64, 0x5a);
    }
    let Ok(dst) = Dst::new(&tag) else {
        assert!(tag.is_empty(), "only the empty DST is refused");
        return;
    };
    let g1 = |p: G1Projective| p.to_affine().to_compressed().to_vec();
    let g2 = |p: G2Projective| p.to_affine().to_compressed().to_vec();
    let o1 = |p: bls12_381::G1Projective| bls12_381::G1Affine::from(p).to_compressed().to_vec();
    let o2 = |p: bls12_381::G2Projective| bls12_381::G2Affine::from(p).to_compressed().to_vec();
    assert_eq!(
        g1(hash_to_curve::<G1Projective>(&input.msg, &dst)),
        o1(second_path(&input.msg, &dst, 2))
    );
    assert_eq!(
        g2(hash_to_curve::<G2Projective>(&input.msg, &dst)),
        o2(second_path(&input.msg, &dst, 2))
    );
    assert_eq!(
        g1(encode_to_curve::<G1Projective>(&input.msg, &dst)),
        o1(second_path(&input.msg, &dst, 1))
    );
    assert_eq!(
        g2(encode_to_curve::<G2Projective>(&input.msg, &dst)),
        o2(second_path(&input.msg, &dst, 1))
    );

    // Every length in 1..=8160 works; 0 and 8161 are refused.
    let len = usize::from(input.len) % (blsig::MAX_XMD_OUTPUT + 2);
    let mut out = vec![0u8; len];
    let r = expand_message_xmd(&input.msg, &dst, &mut out);
    assert_eq!(
        r.is_ok(),
        (1..=blsig::MAX_XMD_OUTPUT).contains(&len),
        "length {len}"
    );
    if r.is_ok() {
        let mut theirs = vec![0u8; len];
        let mut expander = ExpandMsgXmd::<sha2::Sha256>::init_expand::<
            _,
            generic_array::typenum::U32,
        >([input.msg.as_slice()], &tag, len);
        expander.read_into(&mut theirs);
        assert_eq!(out, theirs, "expand_message_xmd, length {len}");
    }
});
