//! RFC 9380 `hash_to_curve` and `encode_to_curve` (§3) for the suites
//! `BLS12381G1_XMD:SHA-256_SSWU_RO_` and `…_NU_` (§8.8.1): hash_to_field with
//! expand_message_xmd (SHA-256), the simplified SWU map with the 11-isogeny, and cofactor
//! clearing by h_eff = 1 − x. Constant time in the message (the tag is public).

use crate::g1::{G1Params, G1Projective};
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
        let [u0] = hash_to_fp::<1>(&[msg], dst);
        crate::iso_g1::map_to_curve(&u0).clear_cofactor()
    }
}
