//! Secret keys and KeyGen (draft §2.3). SkToPk, Sign and PopProve are operations; they
//! live in [`crate::ops`].

use core::fmt;
use core::marker::PhantomData;

use blsig_curve::Scalar;
use hkdf::HkdfExtract;
use rand_core::CryptoRng;
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;
use zeroize::{Zeroize, Zeroizing};

use crate::error::{Error, Result};
use crate::hash::{scalar_from_be32, scalar_from_be48, scalar_to_be32};
use crate::variant::Variant;

/// The KeyGen salt string of the draft (§2.3). Draft-05 and later start from its SHA-256
/// digest; draft-02/03 used the string itself.
pub const KEYGEN_SALT: &[u8] = b"BLS-SIG-KEYGEN-SALT-";
/// L = ceil((3 · ceil(log2(r))) / 16) = 48 bytes of HKDF output.
const OKM_LEN: usize = 48;
/// I2OSP(L, 2).
const OKM_LEN_BYTES: [u8; 2] = [0, 48];
/// The minimum IKM length of KeyGen (§2.3).
pub const MIN_IKM_LEN: usize = 32;

/// A BLS secret key for variant `V`: a scalar 0 < SK < r.
///
/// Zeroized on drop; `Debug` prints no key material; `==` is constant time. There is no
/// `Copy`, `Clone` or `Default`: a key is created by [`SecretKey::key_gen`],
/// [`SecretKey::generate`] or [`SecretKey::from_bytes`], and exported only as a zeroizing
/// buffer.
pub struct SecretKey<V: Variant> {
    scalar: Scalar,
    _variant: PhantomData<V>,
}

impl<V: Variant> SecretKey<V> {
    pub(crate) fn from_scalar(scalar: Scalar) -> Result<Self> {
        if bool::from(scalar.is_zero()) {
            return Err(Error::InvalidSecretKey);
        }
        Ok(SecretKey {
            scalar,
            _variant: PhantomData,
        })
    }

    /// KeyGen of draft-irtf-cfrg-bls-signature-05 and later (§2.3) with the draft's
    /// default salt, `SHA-256("BLS-SIG-KEYGEN-SALT-")`: HKDF-SHA-256 over `IKM ‖ 0x00`,
    /// re-hashing the salt until the key is non-zero; `key_info` is optional context (pass
    /// `b""`).
    ///
    /// # Errors
    /// [`Error::ShortIkm`] if `ikm` is shorter than 32 bytes.
    ///
    /// # Security
    /// `ikm` must be secret and uniformly random: all of the key's entropy comes from it.
    pub fn key_gen(ikm: &[u8], key_info: &[u8]) -> Result<Self> {
        let salt: [u8; 32] = Sha256::digest(KEYGEN_SALT).into();
        Self::key_gen_with_salt(ikm, &salt, key_info)
    }

    /// KeyGen of draft-05 (§2.3) with a caller-chosen `salt`, which the draft makes a
    /// parameter of the procedure: `PRK = HKDF-Extract(salt, IKM ‖ 0x00)`,
    /// `OKM = HKDF-Expand(PRK, key_info ‖ I2OSP(48, 2), 48)`, `SK = OS2IP(OKM) mod r`,
    /// and while `SK = 0`, `salt = SHA-256(salt)` and again. [`SecretKey::key_gen`] is
    /// this with `salt = SHA-256("BLS-SIG-KEYGEN-SALT-")`.
    ///
    /// # Errors
    /// [`Error::ShortIkm`] if `ikm` is shorter than 32 bytes.
    ///
    /// # Security
    /// The salt need not be secret; HKDF's analysis wants it uniformly random, and an
    /// application that picks its own should fix it once (keys made under another salt
    /// are other keys).
    pub fn key_gen_with_salt(ikm: &[u8], salt: &[u8], key_info: &[u8]) -> Result<Self> {
        if ikm.len() < MIN_IKM_LEN {
            return Err(Error::ShortIkm);
        }
        Ok(Self::derive(ikm, salt, key_info))
    }

    /// [`SecretKey::key_gen`] on a 32-byte IKM, which cannot be too short: EIP-2333's
    /// `HKDF_mod_r` of a compressed Lamport public key.
    pub(crate) fn key_gen_from_32(ikm: &[u8; 32]) -> Self {
        let salt: [u8; 32] = Sha256::digest(KEYGEN_SALT).into();
        Self::derive(ikm, &salt, b"")
    }

    /// The loop of draft-05 KeyGen. SK = 0 has probability about 2⁻²⁵⁵ per round, and no
    /// input can be chosen to make it likelier without breaking HKDF-SHA-256, so the loop
    /// runs once but for that event; each further round re-hashes the salt.
    fn derive(ikm: &[u8], salt: &[u8], key_info: &[u8]) -> Self {
        let mut next = match Self::from_scalar(hkdf_mod_r(salt, ikm, key_info)) {
            Ok(key) => return key,
            Err(_) => Sha256::digest(salt),
        };
        loop {
            if let Ok(key) = Self::from_scalar(hkdf_mod_r(&next, ikm, key_info)) {
                return key;
            }
            next = Sha256::digest(next);
        }
    }

    /// KeyGen as draft-irtf-cfrg-bls-signature-03 defined it: the salt is the raw string
    /// `"BLS-SIG-KEYGEN-SALT-"` (not hashed), `key_info` is optional context (the
    /// reference vectors use `b""`), there is no retry loop and no minimum IKM length. The
    /// reference test vectors (`algorand/bls_sigs_ref`) were made with it.
    ///
    /// # Errors
    /// [`Error::InvalidSecretKey`] in the (probability 2⁻²⁵⁵) event that the output is zero.
    ///
    /// # Security
    /// Prefer [`SecretKey::key_gen`]; this exists to reproduce keys made by draft-03
    /// implementations. It accepts short IKM, which may carry too little entropy.
    pub fn key_gen_draft03(ikm: &[u8], key_info: &[u8]) -> Result<Self> {
        Self::from_scalar(hkdf_mod_r(KEYGEN_SALT, ikm, key_info))
    }

    /// A fresh key: [`SecretKey::key_gen`] on 32 bytes of `rng` output (one draw; nothing
    /// loops on the RNG).
    ///
    /// # Security
    /// All of the key's entropy comes from `rng`: use the operating system's generator.
    pub fn generate(rng: &mut impl CryptoRng) -> Self {
        let mut ikm = Zeroizing::new([0u8; MIN_IKM_LEN]);
        rng.fill_bytes(ikm.as_mut());
        let salt: [u8; 32] = Sha256::digest(KEYGEN_SALT).into();
        Self::derive(ikm.as_ref(), &salt, b"")
    }

    /// Decodes a 32-byte big-endian secret key (I2OSP of the scalar).
    ///
    /// # Errors
    /// [`Error::InvalidLength`] unless `bytes` has 32 bytes; [`Error::InvalidSecretKey`]
    /// if the value is zero or not less than r.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self> {
        if bytes.len() != 32 {
            return Err(Error::InvalidLength {
                expected: 32,
                actual: bytes.len(),
            });
        }
        Self::from_scalar(scalar_from_be32(bytes).ok_or(Error::InvalidSecretKey)?)
    }

    /// The 32-byte big-endian encoding, in a buffer that is zeroized on drop.
    pub fn to_bytes(&self) -> Zeroizing<[u8; 32]> {
        scalar_to_be32(&self.scalar)
    }

    /// The scalar, for the operations layer and crate-internal protocols.
    pub(crate) fn scalar(&self) -> &Scalar {
        &self.scalar
    }
}

/// HKDF-SHA-256 with the draft's framing: Extract(salt, IKM ‖ 0x00), then
/// Expand(PRK, key_info ‖ I2OSP(L, 2), L) read as a big-endian integer mod r.
fn hkdf_mod_r(salt: &[u8], ikm: &[u8], key_info: &[u8]) -> Scalar {
    let mut extract = HkdfExtract::<Sha256>::new(Some(salt));
    extract.input_ikm(ikm);
    extract.input_ikm(&[0]);
    let (_, hkdf) = extract.finalize();
    let mut okm = Zeroizing::new([0u8; OKM_LEN]);
    // L = 48 is far below HKDF-SHA-256's limit of 255 · 32 bytes.
    let expanded = hkdf.expand_multi_info(&[key_info, &OKM_LEN_BYTES], okm.as_mut());
    debug_assert!(expanded.is_ok());
    scalar_from_be48(&okm)
}

impl<V: Variant> Drop for SecretKey<V> {
    fn drop(&mut self) {
        self.scalar.zeroize();
    }
}

impl<V: Variant> zeroize::ZeroizeOnDrop for SecretKey<V> {}

impl<V: Variant> fmt::Debug for SecretKey<V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "SecretKey<{}>(<redacted>)", V::NAME)
    }
}

impl<V: Variant> ConstantTimeEq for SecretKey<V> {
    fn ct_eq(&self, other: &Self) -> subtle::Choice {
        self.scalar.ct_eq(&other.scalar)
    }
}

impl<V: Variant> PartialEq for SecretKey<V> {
    fn eq(&self, other: &Self) -> bool {
        self.ct_eq(other).into()
    }
}

impl<V: Variant> Eq for SecretKey<V> {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::MinPk;

    #[test]
    fn debug_is_redacted() {
        let sk = SecretKey::<MinPk>::key_gen(&[7u8; 32], b"").unwrap();
        let text = alloc::format!("{sk:?}");
        assert_eq!(text, "SecretKey<min-pk>(<redacted>)");
    }

    #[test]
    fn bytes_round_trip_and_range() {
        let sk = SecretKey::<MinPk>::key_gen(&[1u8; 32], b"").unwrap();
        let again = SecretKey::<MinPk>::from_bytes(sk.to_bytes().as_ref()).unwrap();
        assert!(sk == again);
        assert_eq!(
            SecretKey::<MinPk>::from_bytes(&[0u8; 32]).err(),
            Some(Error::InvalidSecretKey)
        );
        assert_eq!(
            SecretKey::<MinPk>::from_bytes(&[0xffu8; 32]).err(),
            Some(Error::InvalidSecretKey)
        );
        assert_eq!(
            SecretKey::<MinPk>::key_gen(&[1u8; 31], b"").err(),
            Some(Error::ShortIkm)
        );
    }

    #[test]
    fn key_info_changes_the_key() {
        let a = SecretKey::<MinPk>::key_gen(&[1u8; 32], b"").unwrap();
        let b = SecretKey::<MinPk>::key_gen(&[1u8; 32], b"ctx").unwrap();
        assert!(a != b);
    }

    #[test]
    fn public_key_is_generator_times_one() {
        let mut one = [0u8; 32];
        one[31] = 1;
        let sk = SecretKey::<MinPk>::from_bytes(&one).unwrap();
        assert_eq!(
            *sk.public_key().as_point(),
            blsig_curve::G1Affine::generator()
        );
    }
}
