//! RFC 9380 `expand_message_xmd` with SHA-256 (§5.3.1) and `hash_to_field` (§5.2) for Fp,
//! with the long-DST rule (§5.3.3): a tag over 255 bytes is replaced by
//! H("H2C-OVERSIZE-DST-" ‖ DST). Any message and any tag are accepted; the output lengths
//! are the crate's own (at most 256 bytes), so nothing here can fail.

use sha2::{Digest, Sha256};

use crate::fp::Fp;

/// The tag to use: `dst` itself, or its hash when it is longer than 255 bytes. Returns the
/// bytes and their length (≤ 255).
fn effective_dst(dst: &[u8]) -> ([u8; 255], usize) {
    let mut out = [0u8; 255];
    if dst.len() > 255 {
        let h = Sha256::new()
            .chain_update(b"H2C-OVERSIZE-DST-")
            .chain_update(dst)
            .finalize();
        out[..32].copy_from_slice(&h);
        (out, 32)
    } else {
        out[..dst.len()].copy_from_slice(dst);
        (out, dst.len())
    }
}

/// An output length `expand_message_xmd` refuses: 0, or more than 255 SHA-256 blocks
/// (8160 bytes; RFC 9380 §5.3.1 step 3).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct InvalidOutputLength;

/// RFC 9380 `expand_message_xmd` with SHA-256: fills `out` with
/// `expand_message_xmd(msg, dst, out.len())`, `msg` being the concatenation of `parts`; a
/// `dst` over 255 bytes is hashed first (§5.3.3).
///
/// # Errors
/// [`InvalidOutputLength`] for an empty `out` or one over 8160 bytes (nothing is written).
pub fn expand_message_xmd(
    parts: &[&[u8]],
    dst: &[u8],
    out: &mut [u8],
) -> Result<(), InvalidOutputLength> {
    if out.is_empty() || out.len() > 255 * 32 {
        return Err(InvalidOutputLength);
    }
    expand(parts, dst, out);
    Ok(())
}

/// `expand_message_xmd` for a length already checked (1 ‥ 8160).
fn expand(parts: &[&[u8]], dst: &[u8], out: &mut [u8]) {
    let (dst_bytes, dst_len) = effective_dst(dst);
    let dst = &dst_bytes[..dst_len];
    // DST_prime = DST ‖ I2OSP(len(DST), 1).
    let dst_len_byte = [u8::try_from(dst_len).unwrap_or(u8::MAX)];
    let len = u16::try_from(out.len()).unwrap_or(u16::MAX).to_be_bytes();
    let mut h = Sha256::new().chain_update([0u8; 64]);
    for part in parts {
        h.update(part);
    }
    let b0 = h
        .chain_update(len)
        .chain_update([0u8])
        .chain_update(dst)
        .chain_update(dst_len_byte)
        .finalize();
    let mut previous = [0u8; 32];
    for (i, chunk) in out.chunks_mut(32).enumerate() {
        // b_1 = H(b_0 ‖ 1 ‖ DST'); b_i = H((b_0 ⊕ b_(i−1)) ‖ i ‖ DST').
        let mut input = [0u8; 32];
        for ((x, a), b) in input.iter_mut().zip(b0.iter()).zip(previous.iter()) {
            *x = if i == 0 { *a } else { a ^ b };
        }
        let index = [u8::try_from(i + 1).unwrap_or(u8::MAX)];
        let bi = Sha256::new()
            .chain_update(input)
            .chain_update(index)
            .chain_update(dst)
            .chain_update(dst_len_byte)
            .finalize();
        previous.copy_from_slice(&bi);
        chunk.copy_from_slice(&bi[..chunk.len()]);
    }
}

/// `hash_to_field(msg, N)` for Fp (m = 1, L = 64): N elements, each a 64-byte big-endian
/// chunk of the expanded message reduced mod p.
pub(crate) fn hash_to_fp<const N: usize>(parts: &[&[u8]], dst: &[u8]) -> [Fp; N] {
    const { assert!(N <= 4, "at most four field elements per hash") };
    let mut okm = [0u8; 256];
    let used = &mut okm[..64 * N];
    expand(parts, dst, used);
    let mut out = [Fp::ZERO; N];
    for (o, chunk) in out.iter_mut().zip(used.chunks_exact(64)) {
        let mut wide = [0u8; 64];
        wide.copy_from_slice(chunk);
        *o = Fp::from_bytes_wide(&wide);
    }
    out
}
