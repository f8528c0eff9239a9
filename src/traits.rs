//! The RustCrypto [`signature`] traits, so that code written against `Signer`/`Verifier`
//! (and their multipart forms) works with BLS keys. Enabled by the `signature` feature.
//!
//! The traits carry no scheme, so the scheme is the signature type's: a
//! `SecretKey<MinPk>` is a `Signer<Signature<MinPk, Pop>>` and a
//! `Signer<Signature<MinPk, Basic>>`, each with its own ciphersuite. Each impl delegates to
//! the operations layer ([`crate::ops`]), which owns the framing.

use group::Curve as _;
use signature::{Error as SignatureError, MultipartSigner, MultipartVerifier, Signer, Verifier};

use crate::ops::{core_sign, hash_message_parts};
use crate::pairing::verify_pairs;
use crate::public_key::PublicKey;
use crate::scheme::Scheme;
use crate::secret_key::SecretKey;
use crate::signature::Signature;
use crate::variant::Variant;

impl<V: Variant, S: Scheme> Signer<Signature<V, S>> for SecretKey<V> {
    fn try_sign(&self, msg: &[u8]) -> Result<Signature<V, S>, SignatureError> {
        Ok(SecretKey::sign::<S>(self, msg))
    }
}

impl<V: Variant, S: Scheme> MultipartSigner<Signature<V, S>> for SecretKey<V> {
    /// Signs the concatenation of `msg`'s parts without copying them together.
    fn try_multipart_sign(&self, msg: &[&[u8]]) -> Result<Signature<V, S>, SignatureError> {
        let hashed = hash_message_parts::<V, S>(|| self.public_key(), msg);
        Ok(Signature::from_point(core_sign(self, &hashed)))
    }
}

impl<V: Variant, S: Scheme> Verifier<Signature<V, S>> for PublicKey<V> {
    fn verify(&self, msg: &[u8], signature: &Signature<V, S>) -> Result<(), SignatureError> {
        PublicKey::verify(self, msg, signature).map_err(|_| SignatureError::new())
    }
}

impl<V: Variant, S: Scheme> MultipartVerifier<Signature<V, S>> for PublicKey<V> {
    fn multipart_verify(
        &self,
        msg: &[&[u8]],
        signature: &Signature<V, S>,
    ) -> Result<(), SignatureError> {
        let hashed = hash_message_parts::<V, S>(|| *self, msg).to_affine();
        verify_pairs::<V>([(*self.as_point(), hashed)], signature.as_point())
            .map_err(|_| SignatureError::new())
    }
}
