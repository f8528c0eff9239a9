//! Conversions to and from `bls12_381` 0.9 (feature `bls12_381`): points through their
//! uncompressed encodings (no subgroup check: both sides hold valid points of their type),
//! scalars through their little-endian representation.

use crate::g1::{G1Affine, G1Projective};
use crate::g2::{G2Affine, G2Projective};
use crate::scalar::Scalar;

/// One conversion pair per type, through the given byte form.
macro_rules! via_bytes {
    ($ours:ty, $theirs:ty, $to_theirs:expr, $to_ours:expr) => {
        impl From<&$ours> for $theirs {
            fn from(p: &$ours) -> $theirs {
                ($to_theirs)(p)
            }
        }
        impl From<$ours> for $theirs {
            fn from(p: $ours) -> $theirs {
                ($to_theirs)(&p)
            }
        }
        impl From<&$theirs> for $ours {
            fn from(p: &$theirs) -> $ours {
                ($to_ours)(p)
            }
        }
        impl From<$theirs> for $ours {
            fn from(p: $theirs) -> $ours {
                ($to_ours)(&p)
            }
        }
    };
}

// Both libraries' points are on the curve and in the subgroup by construction, so the
// unchecked decoders cannot refuse the other's encoding; `unwrap_or` keeps even an
// impossible refusal from panicking (it would give the identity).
via_bytes!(
    G1Affine,
    bls12_381::G1Affine,
    |p: &G1Affine| {
        Option::from(bls12_381::G1Affine::from_uncompressed_unchecked(
            &p.to_uncompressed(),
        ))
        .unwrap_or(bls12_381::G1Affine::identity())
    },
    |p: &bls12_381::G1Affine| {
        Option::from(G1Affine::from_uncompressed_unchecked(&p.to_uncompressed()))
            .unwrap_or(G1Affine::identity())
    }
);

via_bytes!(
    G2Affine,
    bls12_381::G2Affine,
    |p: &G2Affine| {
        Option::from(bls12_381::G2Affine::from_uncompressed_unchecked(
            &p.to_uncompressed(),
        ))
        .unwrap_or(bls12_381::G2Affine::identity())
    },
    |p: &bls12_381::G2Affine| {
        Option::from(G2Affine::from_uncompressed_unchecked(&p.to_uncompressed()))
            .unwrap_or(G2Affine::identity())
    }
);

via_bytes!(
    G1Projective,
    bls12_381::G1Projective,
    |p: &G1Projective| bls12_381::G1Projective::from(bls12_381::G1Affine::from(p.to_affine())),
    |p: &bls12_381::G1Projective| G1Projective::from(G1Affine::from(bls12_381::G1Affine::from(p)))
);

via_bytes!(
    G2Projective,
    bls12_381::G2Projective,
    |p: &G2Projective| bls12_381::G2Projective::from(bls12_381::G2Affine::from(p.to_affine())),
    |p: &bls12_381::G2Projective| G2Projective::from(G2Affine::from(bls12_381::G2Affine::from(p)))
);

via_bytes!(
    Scalar,
    bls12_381::Scalar,
    |s: &Scalar| Option::from(bls12_381::Scalar::from_bytes(&s.to_bytes()))
        .unwrap_or(bls12_381::Scalar::zero()),
    |s: &bls12_381::Scalar| Option::from(Scalar::from_bytes(&s.to_bytes())).unwrap_or(Scalar::ZERO)
);
