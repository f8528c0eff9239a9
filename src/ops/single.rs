//! SkToPk (§2.4), Sign (§3.1–§3.3 through CoreSign, §2.6) and Verify (CoreVerify, §2.7).

use group::Curve as _;

use super::{core_sign, hash_message};
use crate::error::Result;
use crate::pairing::verify_pairs;
use crate::public_key::PublicKey;
use crate::scheme::Scheme;
use crate::secret_key::SecretKey;
use crate::signature::Signature;
use crate::variant::Variant;

impl<V: Variant> SecretKey<V> {
    /// SkToPk (§2.4): SK · g in the public-key group.
    pub fn public_key(&self) -> PublicKey<V> {
        let point = crate::scalar_mul::mul_generator::<V::Pk>(self.scalar()).to_affine();
        // 0 < SK < r and g has prime order r, so the product is never the identity.
        PublicKey::from_generator_multiple(point)
    }

    /// Sign (§3.1, §3.2, §3.3) under the ciphersuite of `V` and `S`.
    ///
    /// With [`crate::Aug`] the message signed is `PK ‖ message`, as the draft requires;
    /// callers pass only the message.
    pub fn sign<S: Scheme>(&self, message: &[u8]) -> Signature<V, S> {
        let hashed = hash_message::<V, S>(|| self.public_key(), message);
        Signature::from_point(core_sign(self, &hashed))
    }
}

impl<V: Variant> PublicKey<V> {
    /// Verify (§3.1–§3.3): checks `signature` on `message` under the ciphersuite of `V`, `S`.
    /// For [`crate::Aug`] the key is prepended to the message, as in signing.
    ///
    /// # Errors
    /// [`crate::Error::VerificationFailed`] if the signature is not valid.
    pub fn verify<S: Scheme>(&self, message: &[u8], signature: &Signature<V, S>) -> Result<()> {
        let hashed = hash_message::<V, S>(|| *self, message).to_affine();
        verify_pairs::<V>([(*self.as_point(), hashed)], signature.as_point())
    }
}

#[cfg(feature = "alloc")]
impl<V: Variant> crate::prepared::PreparedPublicKey<V> {
    /// Verify (§3.1–§3.3), as [`PublicKey::verify`], with the key's lines precomputed.
    ///
    /// # Errors
    /// [`crate::Error::VerificationFailed`] if the signature is not valid.
    pub fn verify<S: Scheme>(&self, message: &[u8], signature: &Signature<V, S>) -> Result<()> {
        use crate::pairing::verify_pairs_with;
        use blsig_curve::G2Term;
        let key = self.public_key();
        let hashed = hash_message::<V, S>(|| *key, message).to_affine();
        let (g1, g2) = V::pairing_args(key.as_point(), &hashed);
        let side = match self.lines() {
            Some(lines) => G2Term::Prepared(lines),
            None => G2Term::Point(g2),
        };
        verify_pairs_with::<V>([(g1, side)], signature.as_point())
    }
}
