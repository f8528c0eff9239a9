//! Differential hashing: `hash_to_curve` / `encode_to_curve` against a second path built
//! from this crate's own `expand_message_xmd` (an independent implementation of RFC 9380
//! §5.3.1) and the dependency's field reduction, map and cofactor clearing, for G1 and G2,
//! with short, long (> 255 bytes, hashed) and arbitrary DSTs. Also: every
//! expand_message_xmd output length in 1..=8160 works and the others are refused.
#![no_main]

use bls12_381::hash_to_curve::{HashToField, MapToCurve};
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
    assert_eq!(
        hash_to_curve::<G1Projective>(&input.msg, &dst),
        second_path::<G1Projective>(&input.msg, &dst, 2)
    );
    assert_eq!(
        hash_to_curve::<G2Projective>(&input.msg, &dst),
        second_path::<G2Projective>(&input.msg, &dst, 2)
    );
    assert_eq!(
        encode_to_curve::<G1Projective>(&input.msg, &dst),
        second_path::<G1Projective>(&input.msg, &dst, 1)
    );
    assert_eq!(
        encode_to_curve::<G2Projective>(&input.msg, &dst),
        second_path::<G2Projective>(&input.msg, &dst, 1)
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
});
