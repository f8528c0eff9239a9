//! RFC 9380 `hash_to_curve` and `encode_to_curve` (§3) for the suites
//! `BLS12381G1_XMD:SHA-256_SSWU_RO_`/`…_NU_` (§8.8.1) and `BLS12381G2_XMD:SHA-256_SSWU_RO_`/
//! `…_NU_` (§8.8.2): hash_to_field with expand_message_xmd (SHA-256), the simplified SWU map
//! with the 11- or 3-isogeny, and cofactor clearing. Constant time in the message (the tag
//! is public).

use crate::fp2::Fp2;
use crate::g1::{G1Params, G1Projective};
use crate::g2::{G2Params, G2Projective};
use crate::hash_to_field::hash_to_fp;
use crate::point::Projective;

impl Projective<G1Params> {
    /// `hash_to_curve(msg, dst)` (random oracle, `…_SSWU_RO_`): two field elements, two
    /// maps, their sum, cofactor cleared. Any message and tag (a tag over 255 bytes is
    /// hashed, §5.3.3).
    pub fn hash_to_curve(msg: &[u8], dst: &[u8]) -> G1Projective {
        Self::hash_to_curve_parts(&[msg], dst)
    }

    /// [`hash_to_curve`](Self::hash_to_curve) of the concatenation of `parts` (for framed
    /// messages such as `PK ‖ m`, without copying them together).
    pub fn hash_to_curve_parts(parts: &[&[u8]], dst: &[u8]) -> G1Projective {
        let [u0, u1] = hash_to_fp::<2>(parts, dst);
        let q = crate::iso_g1::map_to_curve(&u0).add(&crate::iso_g1::map_to_curve(&u1));
        q.clear_cofactor()
    }

    /// `encode_to_curve(msg, dst)` (nonuniform, `…_SSWU_NU_`): one field element, one map,
    /// cofactor cleared.
    pub fn encode_to_curve(msg: &[u8], dst: &[u8]) -> G1Projective {
        Self::encode_to_curve_parts(&[msg], dst)
    }

    /// [`encode_to_curve`](Self::encode_to_curve) of the concatenation of `parts`.
    pub fn encode_to_curve_parts(parts: &[&[u8]], dst: &[u8]) -> G1Projective {
        let [u0] = hash_to_fp::<1>(parts, dst);
        crate::iso_g1::map_to_curve(&u0).clear_cofactor()
    }
}

impl Projective<G2Params> {
    /// `hash_to_curve(msg, dst)` in G2 (random oracle, `…_SSWU_RO_`).
    pub fn hash_to_curve(msg: &[u8], dst: &[u8]) -> G2Projective {
        Self::hash_to_curve_parts(&[msg], dst)
    }

    /// [`hash_to_curve`](Self::hash_to_curve) of the concatenation of `parts`.
    pub fn hash_to_curve_parts(parts: &[&[u8]], dst: &[u8]) -> G2Projective {
        // hash_to_field with m = 2: u_i = (e_(2i), e_(2i+1)) of the expanded message.
        let [a, b, c, d] = hash_to_fp::<4>(parts, dst);
        let q = crate::iso_g2::map_to_curve(&Fp2::new(a, b))
            .add(&crate::iso_g2::map_to_curve(&Fp2::new(c, d)));
        q.clear_cofactor()
    }

    /// `encode_to_curve(msg, dst)` in G2 (nonuniform, `…_SSWU_NU_`).
    pub fn encode_to_curve(msg: &[u8], dst: &[u8]) -> G2Projective {
        Self::encode_to_curve_parts(&[msg], dst)
    }

    /// [`encode_to_curve`](Self::encode_to_curve) of the concatenation of `parts`.
    pub fn encode_to_curve_parts(parts: &[&[u8]], dst: &[u8]) -> G2Projective {
        let [a, b] = hash_to_fp::<2>(parts, dst);
        crate::iso_g2::map_to_curve(&Fp2::new(a, b)).clear_cofactor()
    }
}
