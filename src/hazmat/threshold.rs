//! ⚠️ Threshold sharings from a polynomial you supply, for interoperating with another
//! implementation's dealer (reproducing its shares from its coefficients, or testing
//! against its vectors).
//!
//! # Security
//! [`crate::threshold::deal`] draws the coefficients itself, hedged against a failing RNG.
//! Here they are yours: a₁ … a_{t−1} must be uniformly random, secret and never used for
//! another sharing, or t − 1 shares (or fewer) reveal the secret a₀. The commitment side
//! needs no such care: [`FeldmanCommitment::new`](crate::threshold::FeldmanCommitment::new)
//! takes another dealer's published points, with every point checked.

use alloc::vec::Vec;
use core::fmt;
use core::marker::PhantomData;

use blsig_curve::Scalar;

use crate::error::{Error, Result};
use crate::threshold::poly::SecretPoly;
use crate::threshold::{FeldmanCommitment, PublicKeySet, SecretShare, ShareId};
use crate::variant::Variant;

/// f(x) = a₀ + a₁x + … + a_{t−1}x^{t−1} with coefficients the caller chose; zeroized on
/// drop, redacted in `Debug`, no `Clone`.
pub struct SecretPolynomial<V: Variant> {
    poly: SecretPoly,
    _variant: PhantomData<V>,
}

impl<V: Variant> SecretPolynomial<V> {
    /// The polynomial a₀ + a₁x + …, where `coefficients` = [a₀, a₁, …] (a₀ is the shared
    /// secret; the vector is taken over and zeroized with the polynomial).
    ///
    /// # Errors
    /// [`Error::InvalidThreshold`] for no coefficients; [`Error::InvalidSecretKey`] for
    /// a₀ = 0 (the group key would be the identity).
    pub fn from_coefficients(coefficients: Vec<Scalar>) -> Result<Self> {
        let poly = SecretPoly::from_coefficients(coefficients);
        let Some(constant) = poly.constant() else {
            return Err(Error::InvalidThreshold);
        };
        if bool::from(constant.is_zero()) {
            return Err(Error::InvalidSecretKey);
        }
        Ok(SecretPolynomial {
            poly,
            _variant: PhantomData,
        })
    }

    /// The threshold t (the number of coefficients).
    pub fn threshold(&self) -> usize {
        self.poly.len()
    }

    /// Member `id`'s share f(id) (constant time in the coefficients).
    pub fn share(&self, id: ShareId) -> SecretShare<V> {
        SecretShare::from_scalar(id, self.poly.eval(&id))
    }

    /// The Feldman commitment aₖ·g, k = 0 … t − 1.
    pub fn commitment(&self) -> FeldmanCommitment<V> {
        FeldmanCommitment::from_points(self.poly.commit::<V::Pk>())
    }

    /// The public key set of the sharing (group key a₀·g).
    ///
    /// # Errors
    /// Never for a polynomial this type built (a₀ ≠ 0); kept a `Result` as
    /// [`PublicKeySet::from_commitment`] is.
    pub fn public_key_set(&self) -> Result<PublicKeySet<V>> {
        PublicKeySet::from_commitment(self.commitment())
    }
}

impl<V: Variant> fmt::Debug for SecretPolynomial<V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SecretPolynomial")
            .field("threshold", &self.threshold())
            .field("coefficients", &"<redacted>")
            .finish()
    }
}
