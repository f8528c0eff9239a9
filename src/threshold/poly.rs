//! Polynomials over the scalar field: the dealer's secret polynomial, evaluation, Feldman
//! commitments to it, and Lagrange coefficients at zero.

use alloc::vec::Vec;

use blsig_curve::Scalar;
use zeroize::Zeroize;

use super::ShareId;
use crate::curve::{Affine, Curve};
use crate::dst::Dst;
use crate::error::{Error, Result};
use crate::hash::hash_to_scalar;

/// The tag under which polynomial coefficients are derived.
const COEFFICIENT_DST: &[u8; 42] = b"BLSIG-THRESHOLD-V01-POLYNOMIAL-COEFFICIENT";

/// f(x) = a₀ + a₁x + … + a_{t−1}x^{t−1} with secret coefficients; zeroized on drop.
pub(crate) struct SecretPoly {
    coefficients: Vec<Scalar>,
}

impl SecretPoly {
    /// A polynomial of degree `t − 1` with f(0) = `constant` and
    /// aₖ = hash_to_scalar(I2OSP(k, 4) ‖ seed ‖ `hedge`), k ≥ 1.
    ///
    /// `seed` is 32 bytes of RNG output; `hedge` is secret material of the caller (the
    /// encoded secret key when a dealer shares one), so that a broken RNG alone does not
    /// make the coefficients predictable. `t ≥ 1` is the caller's check.
    pub(crate) fn new(constant: Scalar, t: usize, seed: &[u8; 32], hedge: &[u8]) -> SecretPoly {
        let dst = Dst::from_array(COEFFICIENT_DST);
        let mut coefficients = Vec::with_capacity(t);
        coefficients.push(constant);
        for k in 1..t {
            let k = u32::try_from(k).unwrap_or(u32::MAX).to_be_bytes();
            coefficients.push(hash_to_scalar(&[&k, seed, hedge], &dst));
        }
        SecretPoly { coefficients }
    }

    /// A polynomial of degree `t − 1` with every coefficient, a₀ included, derived as in
    /// [`SecretPoly::new`] (a DKG dealer's random polynomial).
    pub(crate) fn random(t: usize, seed: &[u8; 32], hedge: &[u8]) -> SecretPoly {
        let dst = Dst::from_array(COEFFICIENT_DST);
        let constant = hash_to_scalar(&[&0u32.to_be_bytes(), seed, hedge], &dst);
        SecretPoly::new(constant, t, seed, hedge)
    }

    /// The polynomial with the given coefficients a₀, a₁, … (taken over, zeroized on drop).
    pub(crate) fn from_coefficients(coefficients: Vec<Scalar>) -> SecretPoly {
        SecretPoly { coefficients }
    }

    /// a₀, if there are coefficients.
    pub(crate) fn constant(&self) -> Option<&Scalar> {
        self.coefficients.first()
    }

    /// The number of coefficients (the threshold t).
    pub(crate) fn len(&self) -> usize {
        self.coefficients.len()
    }

    /// f(x) by Horner's rule (constant-time field arithmetic).
    pub(crate) fn eval(&self, x: &ShareId) -> Scalar {
        self.coefficients
            .iter()
            .rev()
            .fold(Scalar::ZERO, |acc, a| acc * x.scalar() + a)
    }

    /// The Feldman commitment gᵏ·aₖ… as affine points of `C` (constant-time multiplications
    /// of the generator by the secret coefficients).
    pub(crate) fn commit<C: Curve>(&self) -> Vec<Affine<C>> {
        let projective: Vec<C> = self
            .coefficients
            .iter()
            .map(|a| crate::scalar_mul::mul_generator::<C>(a))
            .collect();
        let mut affine = alloc::vec![Affine::<C>::default(); projective.len()];
        C::batch_normalize(&projective, &mut affine);
        affine
    }
}

impl Drop for SecretPoly {
    fn drop(&mut self) {
        self.coefficients.iter_mut().for_each(Zeroize::zeroize);
    }
}

/// Σₖ Cₖ·xᵏ (the value the commitment assigns to identifier `x`) by Horner's rule, in
/// variable time: the commitment and the identifier are public. Small identifiers (the
/// default 1‥n) multiply with a few doublings per step.
pub(crate) fn eval_commitment<C: Curve>(commitment: &[Affine<C>], x: &ShareId) -> C {
    let small = x.small();
    commitment.iter().rev().fold(C::identity(), |acc, c| {
        let scaled = match small {
            Some(k) => crate::msm::mul_vartime(&acc, u128::from(k)),
            None => acc * x.scalar(),
        };
        scaled + c
    })
}

/// The Lagrange basis of distinct identifiers x₁ … x_k: λᵢ(a) = Πⱼ≠ᵢ (a − xⱼ) / (xᵢ − xⱼ),
/// the weights that interpolate f(a) from f(xᵢ) for any f of degree below k.
///
/// The denominators are inverted once (O(k²) multiplications and one field inversion);
/// each evaluation point then costs O(k) (prefix and suffix products of a − xⱼ).
pub(crate) struct LagrangeBasis<'a> {
    ids: &'a [ShareId],
    inverse_denominators: Vec<Scalar>,
}

impl<'a> LagrangeBasis<'a> {
    /// # Errors
    /// [`Error::DuplicateKey`] if two identifiers are equal.
    pub(crate) fn new(ids: &'a [ShareId]) -> Result<Self> {
        let mut denominators = Vec::with_capacity(ids.len());
        for (i, xi) in ids.iter().enumerate() {
            let mut den = Scalar::ONE;
            for (j, xj) in ids.iter().enumerate() {
                if i != j {
                    den *= xi.scalar() - xj.scalar();
                }
            }
            denominators.push(den);
        }
        let inverse_denominators = batch_invert(&denominators).ok_or(Error::DuplicateKey)?;
        Ok(LagrangeBasis {
            ids,
            inverse_denominators,
        })
    }

    /// λ₁(a) … λ_k(a).
    pub(crate) fn at(&self, a: &Scalar) -> Vec<Scalar> {
        let k = self.ids.len();
        // suffix[i] = Πⱼ≥ᵢ (a − xⱼ); the prefix product runs along.
        let mut suffix = alloc::vec![Scalar::ONE; k + 1];
        for (i, x) in self.ids.iter().enumerate().rev() {
            let next = suffix.get(i + 1).copied().unwrap_or(Scalar::ONE);
            if let Some(slot) = suffix.get_mut(i) {
                *slot = next * (a - x.scalar());
            }
        }
        let mut prefix = Scalar::ONE;
        let mut out = Vec::with_capacity(k);
        for ((x, inv), after) in self
            .ids
            .iter()
            .zip(&self.inverse_denominators)
            .zip(suffix.iter().skip(1))
        {
            out.push(prefix * after * inv);
            prefix *= a - x.scalar();
        }
        out
    }
}

/// λᵢ(0) = Πⱼ≠ᵢ xⱼ / (xⱼ − xᵢ), the Lagrange coefficients that interpolate f(0) from f(xᵢ),
/// with one field inversion for all of them (Montgomery's trick). O(k²) multiplications
/// for k identifiers.
///
/// # Errors
/// [`Error::DuplicateKey`] if two identifiers are equal (identifiers are never zero).
pub(crate) fn lagrange_at_zero(ids: &[ShareId]) -> Result<Vec<Scalar>> {
    Ok(LagrangeBasis::new(ids)?.at(&Scalar::ZERO))
}

/// The inverses of non-zero scalars with one inversion: prefix products, one inverse of the
/// total, then back substitution. `None` if any is zero.
fn batch_invert(values: &[Scalar]) -> Option<Vec<Scalar>> {
    let mut prefix = Vec::with_capacity(values.len());
    let mut acc = Scalar::ONE;
    for v in values {
        prefix.push(acc);
        acc *= v;
    }
    let mut inverse: Scalar = Option::from(acc.invert())?;
    let mut out = alloc::vec![Scalar::ZERO; values.len()];
    for ((slot, v), before) in out.iter_mut().zip(values).zip(&prefix).rev() {
        *slot = inverse * before;
        inverse *= v;
    }
    Some(out)
}

/// `Σ λᵢ·Pᵢ` for public points, in variable time.
pub(crate) fn interpolate_points<C: Curve>(points: &[Affine<C>], lambdas: &[Scalar]) -> Affine<C> {
    crate::msm::msm_scalars_vartime::<C>(points, lambdas).to_affine()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(i: u64) -> ShareId {
        ShareId::new(i).unwrap()
    }

    #[test]
    fn lagrange_reconstructs_the_constant_term() {
        let poly = SecretPoly::new(Scalar::from(42u64), 3, &[7u8; 32], b"hedge");
        for set in [[1u64, 2, 3], [5, 2, 9], [100, 7, 3]] {
            let ids: Vec<ShareId> = set.iter().map(|&i| id(i)).collect();
            let lambdas = lagrange_at_zero(&ids).unwrap();
            let f0: Scalar = ids
                .iter()
                .zip(&lambdas)
                .map(|(x, l)| poly.eval(x) * l)
                .sum();
            assert_eq!(f0, Scalar::from(42u64));
        }
        // Two points of a degree-2 polynomial do not give f(0).
        let ids = [id(1), id(2)];
        let lambdas = lagrange_at_zero(&ids).unwrap();
        let wrong: Scalar = ids
            .iter()
            .zip(&lambdas)
            .map(|(x, l)| poly.eval(x) * l)
            .sum();
        assert_ne!(wrong, Scalar::from(42u64));
        assert_eq!(lagrange_at_zero(&[id(4), id(4)]), Err(Error::DuplicateKey));
    }

    /// λᵢ(a) against the textbook product formula, at 0, at an identifier and elsewhere.
    #[test]
    fn lagrange_basis_matches_the_product_formula() {
        let ids: Vec<ShareId> = [3u64, 1, 7, 2].iter().map(|&i| id(i)).collect();
        let basis = LagrangeBasis::new(&ids).unwrap();
        for a in [0u64, 1, 7, 5, 1_000_003] {
            let a = Scalar::from(a);
            let expected: Vec<Scalar> = ids
                .iter()
                .map(|xi| {
                    ids.iter()
                        .filter(|xj| *xj != xi)
                        .map(|xj| (a - xj.scalar()) * (xi.scalar() - xj.scalar()).invert().unwrap())
                        .product()
                })
                .collect();
            assert_eq!(basis.at(&a), expected);
        }
        let poly = SecretPoly::new(Scalar::from(9u64), 4, &[3u8; 32], b"");
        let values: Vec<Scalar> = ids.iter().map(|x| poly.eval(x)).collect();
        let at = id(11);
        let interpolated: Scalar = basis
            .at(at.scalar())
            .iter()
            .zip(&values)
            .map(|(l, v)| l * v)
            .sum();
        assert_eq!(interpolated, poly.eval(&at));
    }

    #[test]
    fn batch_inversion_matches_single_inversions() {
        let values: Vec<Scalar> = (1..20u64).map(|i| Scalar::from(i * i + 3)).collect();
        let inverses = batch_invert(&values).unwrap();
        for (v, inv) in values.iter().zip(&inverses) {
            assert_eq!(v * inv, Scalar::ONE);
        }
        assert!(batch_invert(&[Scalar::ONE, Scalar::ZERO]).is_none());
    }

    #[test]
    fn commitment_evaluates_to_g_times_share() {
        let poly = SecretPoly::new(Scalar::from(5u64), 4, &[1u8; 32], b"");
        let commitment = poly.commit::<blsig_curve::G1Projective>();
        let big = ShareId::from_scalar(Scalar::from(u64::MAX) * Scalar::from(3u64)).unwrap();
        for x in [id(1), id(2), id(1000), big] {
            assert_eq!(
                eval_commitment::<blsig_curve::G1Projective>(&commitment, &x),
                blsig_curve::G1Projective::generator() * poly.eval(&x)
            );
        }
    }
}
