//! The RustCrypto [`signature`] traits, so that code written against `Signer`/`Verifier`
//! (and their multipart forms) works with BLS keys. Enabled by the `signature` feature.
//!
//! The traits carry no scheme, so the scheme is the signature type's: a
//! `SecretKey<MinPk>` is a `Signer<Signature<MinPk, Pop>>` and a
//! `Signer<Signature<MinPk, Basic>>`, each with its own ciphersuite.

use signature::{Error as SignatureError, MultipartSigner, MultipartVerifier, Signer, Verifier};

use crate::curve::Curve;
use crate::pairing::verify_pairs;
use crate::public_key::PublicKey;
use crate::scheme::{Scheme, ciphersuite_id};
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
        let id = ciphersuite_id::<V, S>();
        let pk = self.public_key().to_bytes();
        let parts = signed_parts::<S>(pk.as_ref(), msg);
        Ok(Signature::from_point(self.sign_parts(&parts, &id)))
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
        use group::Curve as _;
        let id = ciphersuite_id::<V, S>();
        let pk = self.to_bytes();
        let parts = signed_parts::<S>(pk.as_ref(), msg);
        let h = V::Sig::hash_parts(&parts, &id).to_affine();
        verify_pairs::<V>([(*self.as_point(), h)], signature.as_point())
            .map_err(|_| SignatureError::new())
    }
}

/// The parts a signer hashes: `PK ‖ msg` under [`crate::Aug`], `msg` otherwise.
fn signed_parts<'a, S: Scheme>(pk: &'a [u8], msg: &[&'a [u8]]) -> alloc::vec::Vec<&'a [u8]> {
    let prefix: &[&[u8]] = if S::AUGMENTS_MESSAGE { &[pk] } else { &[] };
    prefix.iter().chain(msg).copied().collect()
}
