//! The pairing-product check every verification reduces to.

use bls12_381::{G1Affine, G2Affine};
use group::CurveAffine;
use group::Group;

use crate::curve::Affine;
use crate::error::{Error, Result};
use crate::variant::Variant;

/// Checks Π e(Pᵢ, Qᵢ) = 1 for (public-key-side, signature-side) pairs.
///
/// With `alloc`, one multi-Miller loop and one final exponentiation; without, a product
/// of full pairings (the Miller-loop precomputation of `bls12_381` needs the heap).
pub(crate) fn product_is_one<V: Variant>(
    terms: impl IntoIterator<Item = (Affine<V::Pk>, Affine<V::Sig>)>,
) -> bool {
    bool::from(pairing_product::<V>(terms).is_identity())
}

/// Π e(Pᵢ, Qᵢ) for (public-key-side, signature-side) pairs, as an element of Gt.
pub(crate) fn pairing_product<V: Variant>(
    terms: impl IntoIterator<Item = (Affine<V::Pk>, Affine<V::Sig>)>,
) -> bls12_381::Gt {
    product_of_pairings(terms.into_iter().map(|(p, q)| V::pairing_args(&p, &q)))
}

#[cfg(feature = "alloc")]
fn product_of_pairings(args: impl Iterator<Item = (G1Affine, G2Affine)>) -> bls12_381::Gt {
    use alloc::vec::Vec;
    use bls12_381::{G2Prepared, multi_miller_loop};
    let prepared: Vec<(G1Affine, G2Prepared)> =
        args.map(|(p, q)| (p, G2Prepared::from(q))).collect();
    let refs: Vec<(&G1Affine, &G2Prepared)> = prepared.iter().map(|(p, q)| (p, q)).collect();
    multi_miller_loop(&refs).final_exponentiation()
}

#[cfg(not(feature = "alloc"))]
fn product_of_pairings(args: impl Iterator<Item = (G1Affine, G2Affine)>) -> bls12_381::Gt {
    // Gt is written additively in bls12_381.
    args.map(|(p, q)| bls12_381::pairing(&p, &q)).sum()
}

/// CoreAggregateVerify's final check (draft §2.9): Π e(PKᵢ, Hᵢ) · e(−g, σ) = 1, where Hᵢ
/// are the hashed messages and g generates the public-key group.
pub(crate) fn verify_pairs<V: Variant>(
    pairs: impl IntoIterator<Item = (Affine<V::Pk>, Affine<V::Sig>)>,
    signature: &Affine<V::Sig>,
) -> Result<()> {
    let neg_g = -Affine::<V::Pk>::generator();
    if product_is_one::<V>(
        pairs
            .into_iter()
            .chain(core::iter::once((neg_g, *signature))),
    ) {
        Ok(())
    } else {
        Err(Error::VerificationFailed)
    }
}
