//! The pairing-product check every verification reduces to.

use blsig_curve::{CHUNK, G1Affine, G2Term, MillerLoopResult, multi_miller_loop_mixed};
use group::CurveAffine;

#[cfg(feature = "alloc")]
use crate::curve::Curve as _;

use crate::curve::Affine;
use crate::error::{Error, Result};
use crate::variant::Variant;

/// Π e(Pᵢ, Qᵢ) as one product of Miller loops and one final exponentiation, without
/// allocating: the terms are taken `CHUNK` at a time onto the stack, and the chunks share
/// the final exponentiation.
fn product_is_identity<'a>(args: impl Iterator<Item = (G1Affine, G2Term<'a>)>) -> bool {
    let mut args = args.peekable();
    let mut product = MillerLoopResult::default();
    let mut chunk = [(G1Affine::identity(), G2Term::default()); CHUNK];
    while args.peek().is_some() {
        let mut len = 0;
        for (slot, term) in chunk.iter_mut().zip(args.by_ref()) {
            *slot = term;
            len += 1;
        }
        product += multi_miller_loop_mixed(chunk.get(..len).unwrap_or(&[]));
    }
    bool::from(product.final_exponentiation().is_identity())
}

/// The Miller-loop lines of −g₂, computed once (min-sig verification pairs every signature
/// with it).
#[cfg(feature = "alloc")]
pub(crate) fn neg_g2_lines() -> &'static blsig_curve::G2Prepared {
    static LINES: once_cell::race::OnceBox<blsig_curve::G2Prepared> =
        once_cell::race::OnceBox::new();
    LINES.get_or_init(|| {
        alloc::boxed::Box::new(blsig_curve::G2Prepared::from(
            -blsig_curve::G2Affine::generator(),
        ))
    })
}

/// Π e(Pᵢ, Qᵢ) · e(−g, σ) = 1, with the G2 side of each term given as a point or as lines.
/// In min-sig the last term's G2 side is −g₂, whose lines are cached (with `alloc`).
pub(crate) fn verify_pairs_with<'a, V: Variant>(
    pairs: impl IntoIterator<Item = (G1Affine, G2Term<'a>)>,
    signature: &Affine<V::Sig>,
) -> Result<()> {
    let neg_g = -Affine::<V::Pk>::generator();
    let (p, q) = V::pairing_args(&neg_g, signature);
    #[cfg(feature = "alloc")]
    let last = if V::Pk::DIGIT == b'2' {
        (p, G2Term::Prepared(neg_g2_lines()))
    } else {
        (p, G2Term::Point(q))
    };
    #[cfg(not(feature = "alloc"))]
    let last = (p, G2Term::Point(q));
    if product_is_identity(pairs.into_iter().chain(core::iter::once(last))) {
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
            .map(|(p, q)| (p, G2Term::Point(q))),
        signature,
    )
}
