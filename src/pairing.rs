//! The pairing-product check every verification reduces to.

use bls12_381::{G1Affine, G2Affine};
use group::CurveAffine;
use group::Group;

#[cfg(feature = "alloc")]
use crate::curve::Curve as _;

use crate::curve::Affine;
use crate::error::{Error, Result};
use crate::variant::Variant;

/// The G2 argument of a pairing: a point, or its Miller-loop lines computed earlier.
pub(crate) enum G2Side<'a> {
    Point(G2Affine),
    #[cfg(feature = "alloc")]
    Prepared(&'a bls12_381::G2Prepared),
    #[cfg(not(feature = "alloc"))]
    #[allow(dead_code)]
    Never(core::marker::PhantomData<&'a ()>),
}

#[cfg(feature = "alloc")]
fn product_of_pairings<'a>(args: impl Iterator<Item = (G1Affine, G2Side<'a>)>) -> bls12_381::Gt {
    use alloc::vec::Vec;
    use bls12_381::{G2Prepared, multi_miller_loop};
    enum Lines<'a> {
        Owned(G2Prepared),
        Borrowed(&'a G2Prepared),
    }
    let prepared: Vec<(G1Affine, Lines<'a>)> = args
        .map(|(p, q)| match q {
            G2Side::Point(q) => (p, Lines::Owned(G2Prepared::from(q))),
            G2Side::Prepared(lines) => (p, Lines::Borrowed(lines)),
        })
        .collect();
    let refs: Vec<(&G1Affine, &G2Prepared)> = prepared
        .iter()
        .map(|(p, q)| match q {
            Lines::Owned(l) => (p, l),
            Lines::Borrowed(l) => (p, *l),
        })
        .collect();
    multi_miller_loop(&refs).final_exponentiation()
}

#[cfg(not(feature = "alloc"))]
fn product_of_pairings<'a>(args: impl Iterator<Item = (G1Affine, G2Side<'a>)>) -> bls12_381::Gt {
    // Gt is written additively in bls12_381.
    args.filter_map(|(p, q)| match q {
        G2Side::Point(q) => Some(bls12_381::pairing(&p, &q)),
        G2Side::Never(_) => None,
    })
    .sum()
}

/// The Miller-loop lines of −g₂, computed once (min-sig verification pairs every signature
/// with it).
#[cfg(feature = "alloc")]
pub(crate) fn neg_g2_lines() -> &'static bls12_381::G2Prepared {
    static LINES: once_cell::race::OnceBox<bls12_381::G2Prepared> = once_cell::race::OnceBox::new();
    LINES
        .get_or_init(|| alloc::boxed::Box::new(bls12_381::G2Prepared::from(-G2Affine::generator())))
}

/// Π e(Pᵢ, Qᵢ) · e(−g, σ) = 1, with the G2 side of each term given as a point or as lines.
/// In min-sig the last term's G2 side is −g₂, whose lines are cached.
pub(crate) fn verify_pairs_with<'a, V: Variant>(
    pairs: impl IntoIterator<Item = (G1Affine, G2Side<'a>)>,
    signature: &Affine<V::Sig>,
) -> Result<()> {
    let neg_g = -Affine::<V::Pk>::generator();
    let (p, q) = V::pairing_args(&neg_g, signature);
    #[cfg(feature = "alloc")]
    let last = if V::Pk::DIGIT == b'2' {
        (p, G2Side::Prepared(neg_g2_lines()))
    } else {
        (p, G2Side::Point(q))
    };
    #[cfg(not(feature = "alloc"))]
    let last = (p, G2Side::Point(q));
    let product = product_of_pairings(pairs.into_iter().chain(core::iter::once(last)));
    if bool::from(product.is_identity()) {
        Ok(())
    } else {
        Err(Error::VerificationFailed)
    }
}

/// CoreAggregateVerify's final check (draft §2.9): Π e(PKᵢ, Hᵢ) · e(−g, σ) = 1, where Hᵢ
/// are the hashed messages and g generates the public-key group.
pub(crate) fn verify_pairs<V: Variant>(
    pairs: impl IntoIterator<Item = (Affine<V::Pk>, Affine<V::Sig>)>,
    signature: &Affine<V::Sig>,
) -> Result<()> {
    verify_pairs_with::<V>(
        pairs
            .into_iter()
            .map(|(p, q)| V::pairing_args(&p, &q))
            .map(|(p, q)| (p, G2Side::Point(q))),
        signature,
    )
}
