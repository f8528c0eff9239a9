//! The `bls12_381` conversions (feature `bls12_381`): round trips and agreement of the
//! arithmetic across the boundary.
#![cfg(feature = "bls12_381")]
#![allow(clippy::unwrap_used)]

use blsig_curve::{G1Affine, G1Projective, G2Affine, G2Projective, Scalar};

#[test]
fn conversions_round_trip_and_commute_with_arithmetic() {
    for i in 0..20u8 {
        let wide = [i.wrapping_mul(37).wrapping_add(1); 64];
        let k = Scalar::from_bytes_wide(&wide);
        let ok = bls12_381::Scalar::from(k);
        assert_eq!(ok, bls12_381::Scalar::from_bytes_wide(&wide));
        assert_eq!(Scalar::from(ok), k);
        let p = G1Projective::generator() * k;
        let op = bls12_381::G1Projective::from(p);
        assert_eq!(op, bls12_381::G1Projective::generator() * ok);
        assert_eq!(G1Projective::from(op), p);
        let pa: bls12_381::G1Affine = p.to_affine().into();
        assert_eq!(G1Affine::from(pa), p.to_affine());
        let q = G2Projective::generator() * k;
        let oq = bls12_381::G2Projective::from(q);
        assert_eq!(oq, bls12_381::G2Projective::generator() * ok);
        assert_eq!(G2Projective::from(oq), q);
        let qa: bls12_381::G2Affine = q.to_affine().into();
        assert_eq!(G2Affine::from(qa), q.to_affine());
    }
    assert_eq!(
        G1Affine::from(bls12_381::G1Affine::identity()),
        G1Affine::identity()
    );
    assert_eq!(
        bls12_381::G2Affine::from(G2Affine::identity()),
        bls12_381::G2Affine::identity()
    );
}
