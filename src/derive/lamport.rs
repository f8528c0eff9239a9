//! The Lamport step of EIP-2333 child derivation. Public for the EIP's intermediate test
//! vectors; [`derive_child_sk`](super::derive_child_sk) is the function to call.

use hkdf::Hkdf;
use sha2::{Digest, Sha256};
use zeroize::Zeroizing;

use crate::secret_key::SecretKey;
use crate::variant::Variant;

/// The number of 32-byte chunks of a Lamport secret key (K · 255 = 8,160 bytes, the
/// largest output HKDF-SHA-256 can expand).
pub const LAMPORT_CHUNKS: usize = 255;

/// `IKM_to_lamport_SK(IKM, salt)` of EIP-2333: `HKDF-Expand(HKDF-Extract(salt, IKM), "",
/// 8160)` split into 255 chunks of 32 bytes.
///
/// # Security
/// The chunks are secret (they are one half of a Lamport key derived from a BLS secret);
/// the buffer is zeroized on drop. Only tests of the EIP's intermediate values need this.
pub fn ikm_to_lamport_sk(ikm: &[u8], salt: &[u8]) -> Zeroizing<[[u8; 32]; LAMPORT_CHUNKS]> {
    let hkdf = Hkdf::<Sha256>::new(Some(salt), ikm);
    let mut chunks = Zeroizing::new([[0u8; 32]; LAMPORT_CHUNKS]);
    // 8,160 bytes is exactly HKDF-SHA-256's limit (255 blocks): expand cannot fail.
    let expanded = hkdf.expand(b"", chunks.as_flattened_mut());
    debug_assert!(expanded.is_ok());
    chunks
}

/// `parent_SK_to_lamport_PK(parent_SK, index)` of EIP-2333: with salt `I2OSP(index, 4)`,
/// the Lamport keys of `I2OSP(parent_SK, 32)` and of its bitwise complement, each chunk
/// hashed with SHA-256, all 510 digests hashed into the 32-byte compressed Lamport public
/// key.
///
/// # Security
/// The output is the IKM of the child key: as secret as the child.
pub fn parent_sk_to_lamport_pk<V: Variant>(parent: &SecretKey<V>, index: u32) -> [u8; 32] {
    let salt = index.to_be_bytes();
    let ikm = parent.to_bytes();
    let mut not_ikm = Zeroizing::new([0u8; 32]);
    for (flipped, byte) in not_ikm.iter_mut().zip(ikm.iter()) {
        *flipped = !byte;
    }
    // lamport_PK = SHA256(lamport_0[0]) ‖ … ‖ SHA256(lamport_1[254]); its digest is
    // computed as it streams, so the 16 KiB concatenation is never held.
    let mut compressed = Sha256::new();
    for half in [ikm.as_ref(), not_ikm.as_ref()] {
        let chunks = ikm_to_lamport_sk(half, &salt);
        for chunk in chunks.iter() {
            compressed.update(Sha256::digest(chunk));
        }
    }
    compressed.finalize().into()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::MinPk;

    /// The streamed digest equals SHA-256 of the explicit 16,320-byte concatenation.
    #[test]
    fn streamed_digest_matches_the_concatenation() {
        let parent = SecretKey::<MinPk>::key_gen(&[3u8; 32], b"").unwrap();
        let ikm = parent.to_bytes();
        let not_ikm: alloc::vec::Vec<u8> = ikm.iter().map(|b| !b).collect();
        let salt = 9u32.to_be_bytes();
        let mut concatenation = alloc::vec::Vec::new();
        for half in [&ikm[..], &not_ikm[..]] {
            for chunk in ikm_to_lamport_sk(half, &salt).iter() {
                concatenation.extend_from_slice(&Sha256::digest(chunk));
            }
        }
        assert_eq!(concatenation.len(), 2 * LAMPORT_CHUNKS * 32);
        let expected: [u8; 32] = Sha256::digest(&concatenation).into();
        assert_eq!(parent_sk_to_lamport_pk(&parent, 9), expected);
    }
}
