//! Karabina's compressed squaring in the cyclotomic subgroup (Karabina, "Squaring in
//! cyclotomic subgroups", Math. Comp. 82 (2013); eprint 2010/542, Theorem 3.1 and §4), for
//! the long runs of squarings in exponentiations by x.
//!
//! Write f ∈ Fp12 over Fp2 by powers of w (w⁶ = ξ): f = g0 + g2·w + g4·w² + g1·w³ +
//! g3·w⁴ + g5·w⁵, so that in this crate's tower g0 = c0.c0, g4 = c0.c1, g3 = c0.c2,
//! g2 = c1.c0, g1 = c1.c1, g5 = c1.c2. For f in the cyclotomic subgroup, (g2, g3, g4, g5)
//! determine f, and the square of f in that form costs four Fp2 multiplications (against
//! nine Fp2 squarings for Granger–Scott). Going back to the full form needs a division; the
//! exponentiation does all of its divisions with one inversion (Montgomery's trick).

use subtle::{Choice, ConditionallySelectable};

use crate::fp2::Fp2;
use crate::fp6::Fp6;
use crate::fp12::Fp12;

/// (g2, g3, g4, g5) of a cyclotomic element.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Compressed {
    g2: Fp2,
    g3: Fp2,
    g4: Fp2,
    g5: Fp2,
}

/// 3·a.
#[inline]
fn triple(a: &Fp2) -> Fp2 {
    a.double().add(a)
}

impl Compressed {
    /// The compressed form of f (meaningful for f in the cyclotomic subgroup).
    pub(crate) fn new(f: &Fp12) -> Compressed {
        Compressed {
            g2: f.c1.c0,
            g3: f.c0.c2,
            g4: f.c0.c1,
            g5: f.c1.c2,
        }
    }

    /// The compressed form of f²: with B23 = g2·g3, B45 = g4·g5,
    /// A23 = (g2 + g3)(g2 + ξg3) and A45 = (g4 + g5)(g4 + ξg5), h2 = 2(g2 + 3ξ·B45),
    /// h3 = 3(A45 − (ξ + 1)B45) − 2g3, h4 = 3(A23 − (ξ + 1)B23) − 2g4, h5 = 2(g5 + 3·B23)
    /// (Karabina, Theorem 3.1, in the form of Aranha et al., "Implementing pairings at the
    /// 192-bit security level", 2012, §5.2).
    pub(crate) fn square(&self) -> Compressed {
        let Compressed { g2, g3, g4, g5 } = self;
        let b23 = g2.mul(g3);
        let b45 = g4.mul(g5);
        let a23 = g2.add(g3).mul(&g2.add(&g3.mul_by_nonresidue()));
        let a45 = g4.add(g5).mul(&g4.add(&g5.mul_by_nonresidue()));
        let h2 = g2.add(&triple(&b45.mul_by_nonresidue())).double();
        let h3 = triple(&a45.sub(&b45.mul_by_nonresidue().add(&b45))).sub(&g3.double());
        let h4 = triple(&a23.sub(&b23.mul_by_nonresidue().add(&b23))).sub(&g4.double());
        let h5 = g5.add(&triple(&b23)).double();
        Compressed {
            g2: h2,
            g3: h3,
            g4: h4,
            g5: h5,
        }
    }

    /// g1 = num/den: (ξg5² + 3g4² − 2g3)/(4g2), or 2g4g5/g3 where g2 = 0 (Karabina,
    /// Theorem 3.1), chosen in constant time.
    fn g1_fraction(&self) -> (Fp2, Fp2) {
        let Compressed { g2, g3, g4, g5 } = self;
        let g2_zero = g2.is_zero();
        let num = g5
            .square()
            .mul_by_nonresidue()
            .add(&triple(&g4.square()))
            .sub(&g3.double());
        let den = g2.double().double();
        let num_zero = g4.mul(g5).double();
        (
            Fp2::conditional_select(&num, &num_zero, g2_zero),
            Fp2::conditional_select(&den, g3, g2_zero),
        )
    }

    /// The full element from g1: g0 = ξ(2g1² + g2g5 − 3g3g4) + 1.
    fn with_g1(&self, g1: &Fp2) -> Fp12 {
        let Compressed { g2, g3, g4, g5 } = self;
        let g0 = g1
            .square()
            .double()
            .add(&g2.mul(g5))
            .sub(&triple(&g3.mul(g4)))
            .mul_by_nonresidue()
            .add(&Fp2::ONE);
        Fp12::new(Fp6::new(g0, *g4, *g3), Fp6::new(*g2, *g1, *g5))
    }
}

/// The full forms of N compressed elements, with one Fp2 inversion for all the divisions.
/// A zero denominator (both g2 and g3 zero, as for the identity) gives g1 = 0 without
/// disturbing the others; for the identity that is exact.
pub(crate) fn decompress<const N: usize>(items: &[Compressed; N]) -> [Fp12; N] {
    let fractions: [(Fp2, Fp2); N] = core::array::from_fn(|i| items[i].g1_fraction());
    let zero: [Choice; N] = core::array::from_fn(|i| fractions[i].1.is_zero());
    let dens: [Fp2; N] =
        core::array::from_fn(|i| Fp2::conditional_select(&fractions[i].1, &Fp2::ONE, zero[i]));
    // Montgomery's trick: prefix products, one inversion, then back down.
    let mut prefix = [Fp2::ONE; N];
    let mut acc = Fp2::ONE;
    for (p, d) in prefix.iter_mut().zip(&dens) {
        *p = acc;
        acc = acc.mul(d);
    }
    // Every factor is nonzero, so the product is invertible.
    let mut inv = acc.invert().unwrap_or(Fp2::ZERO);
    let mut g1 = [Fp2::ZERO; N];
    for i in (0..N).rev() {
        let den_inv = inv.mul(&prefix[i]);
        inv = inv.mul(&dens[i]);
        g1[i] = Fp2::conditional_select(&fractions[i].0.mul(&den_inv), &Fp2::ZERO, zero[i]);
    }
    core::array::from_fn(|i| items[i].with_g1(&g1[i]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::final_exp::{exp_by_x, exp_by_x_reference};
    use rand::SeedableRng;

    /// A random element of the cyclotomic subgroup: the easy part of the final
    /// exponentiation, f^((p⁶ − 1)(p² + 1)), of a random f.
    fn cyclotomic(rng: &mut rand::rngs::StdRng) -> Fp12 {
        let f = Fp12::try_random(rng).unwrap_or(Fp12::ONE);
        let m = f.conjugate().mul(&f.invert().unwrap_or(Fp12::ONE));
        m.frobenius2().mul(&m)
    }

    #[test]
    fn compressed_squaring_matches_granger_scott() {
        let mut rng = rand::rngs::StdRng::seed_from_u64(2_010_542);
        for _ in 0..20 {
            let m = cyclotomic(&mut rng);
            let c = Compressed::new(&m).square();
            let [full] = decompress(&[c]);
            assert_eq!(full, m.cyclotomic_square());
            assert_eq!(full, m.square());
            // Compression round trip, and several squarings in a row.
            assert_eq!(decompress(&[Compressed::new(&m)])[0], m);
            let c8 = (0..8).fold(Compressed::new(&m), |c, _| c.square());
            let full8 = (0..8).fold(m, |a, _| a.square());
            assert_eq!(decompress(&[c8])[0], full8);
        }
    }

    #[test]
    fn exponentiation_by_x_matches_the_reference() {
        let mut rng = rand::rngs::StdRng::seed_from_u64(63);
        for _ in 0..10 {
            let m = cyclotomic(&mut rng);
            assert_eq!(exp_by_x(&m), exp_by_x_reference(&m));
        }
        // The identity compresses to zeros: every denominator is zero.
        assert_eq!(exp_by_x(&Fp12::ONE), Fp12::ONE);
    }

    #[test]
    fn a_zero_denominator_leaves_the_others_alone() {
        let mut rng = rand::rngs::StdRng::seed_from_u64(7);
        let m = cyclotomic(&mut rng);
        let n = cyclotomic(&mut rng);
        let one = Compressed::new(&Fp12::ONE);
        let out = decompress(&[Compressed::new(&m), one, Compressed::new(&n)]);
        assert_eq!(out, [m, Fp12::ONE, n]);
    }
}
