//! PopProve (§3.3.2) and PopVerify (§3.3.3): a signature on the signer's own compressed
//! key under the POP tag `BLS_POP_BLS12381G…_XMD:SHA-256_SSWU_RO_POP_`.

use group::Curve as _;

use super::core_sign;
use crate::curve::Curve;
use crate::dst::Dst;
use crate::error::Result;
use crate::pairing::verify_pairs;
use crate::pop::ProofOfPossession;
use crate::public_key::{ProvenPublicKey, PublicKey};
use crate::scheme::pop_id;
use crate::secret_key::SecretKey;
use crate::variant::Variant;

/// hash_to_curve(PK) under the POP tag of `V`.
fn hash_key<V: Variant>(pk: &PublicKey<V>) -> V::Sig {
    let id = pop_id::<V>();
    V::Sig::hash_parts(&[pk.to_bytes().as_ref()], &Dst::from_array(&id))
}

impl<V: Variant> SecretKey<V> {
    /// PopProve (§3.3.2): a signature on the compressed public key under the POP tag.
    pub fn prove_possession(&self) -> ProofOfPossession<V> {
        ProofOfPossession::from_point(core_sign(self, &hash_key(&self.public_key())))
    }
}

impl<V: Variant> PublicKey<V> {
    /// PopVerify (§3.3.3): checks a proof of possession and, if it is valid, returns the key
    /// as a [`ProvenPublicKey`] for FastAggregateVerify and the other key-summing APIs.
    ///
    /// # Errors
    /// [`crate::Error::VerificationFailed`] if the proof is not valid for this key.
    pub fn verify_possession(&self, proof: &ProofOfPossession<V>) -> Result<ProvenPublicKey<V>> {
        let hashed = hash_key(self).to_affine();
        verify_pairs::<V>([(*self.as_point(), hashed)], proof.as_point())?;
        Ok(ProvenPublicKey::after_verified_proof(*self))
    }
}
