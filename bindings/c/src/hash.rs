//! RFC 9380: `expand_message_xmd` and hashing to G1 and G2.

use blsig_core::{
    Dst, G1Projective, G2Projective, encode_to_curve, expand_message_xmd, hash_to_curve,
};

use crate::ffi::{boundary, bytes, write};
use crate::keys::write_encoding;
use crate::result::blsig_result;

/// An RFC 9380 suite of this library: `BLS12381G1_XMD:SHA-256_SSWU_RO_` and so on.
#[allow(non_camel_case_types)]
pub type blsig_h2c_suite = u32;
/// `BLS12381G1_XMD:SHA-256_SSWU_RO_` (hash_to_curve into G1).
pub const BLSIG_H2C_G1_RO: blsig_h2c_suite = 0;
/// `BLS12381G1_XMD:SHA-256_SSWU_NU_` (encode_to_curve into G1).
pub const BLSIG_H2C_G1_NU: blsig_h2c_suite = 1;
/// `BLS12381G2_XMD:SHA-256_SSWU_RO_` (hash_to_curve into G2).
pub const BLSIG_H2C_G2_RO: blsig_h2c_suite = 2;
/// `BLS12381G2_XMD:SHA-256_SSWU_NU_` (encode_to_curve into G2).
pub const BLSIG_H2C_G2_NU: blsig_h2c_suite = 3;

/// RFC 9380 §5.3.1 `expand_message_xmd` with SHA-256: writes exactly `out_len` bytes
/// (1 ..= 8160) derived from `msg` under the non-empty tag `dst`.
///
/// Errors: `BLSIG_INVALID_DST` (empty tag), `BLSIG_INVALID_OUTPUT_LENGTH`,
/// `BLSIG_NULL_POINTER`.
#[unsafe(no_mangle)]
pub extern "C" fn blsig_expand_message_xmd(
    msg: *const u8,
    msg_len: usize,
    dst: *const u8,
    dst_len: usize,
    out: *mut u8,
    out_len: usize,
) -> blsig_result {
    boundary(|| {
        let dst = Dst::new(bytes(dst, dst_len)?)?;
        let msg = bytes(msg, msg_len)?;
        if out_len == 0 || out_len > blsig_core::MAX_XMD_OUTPUT {
            return Err(blsig_result::BLSIG_INVALID_OUTPUT_LENGTH);
        }
        let mut buf = vec![0u8; out_len];
        expand_message_xmd(msg, &dst, &mut buf)?;
        write(out, out_len, &buf, true)
    })
}

/// Hashes `msg` to a point under `suite` and tag `dst`, written uncompressed (x ‖ y: 96
/// bytes in G1, 192 in G2) into `out`, its length into `*written` (may be NULL). The
/// signature functions choose their ciphersuite tags themselves; this is for protocols
/// of your own.
///
/// Errors: `BLSIG_INVALID_DST`, `BLSIG_INVALID_SUITE`, `BLSIG_BUFFER_TOO_SMALL`,
/// `BLSIG_NULL_POINTER`.
#[unsafe(no_mangle)]
pub extern "C" fn blsig_hash_to_curve(
    suite: blsig_h2c_suite,
    msg: *const u8,
    msg_len: usize,
    dst: *const u8,
    dst_len: usize,
    out: *mut u8,
    out_len: usize,
    written: *mut usize,
) -> blsig_result {
    boundary(|| {
        let dst = Dst::new(bytes(dst, dst_len)?)?;
        let msg = bytes(msg, msg_len)?;
        let point: Vec<u8> = match suite {
            BLSIG_H2C_G1_RO => hash_to_curve::<G1Projective>(msg, &dst)
                .to_affine()
                .to_uncompressed()
                .to_vec(),
            BLSIG_H2C_G1_NU => encode_to_curve::<G1Projective>(msg, &dst)
                .to_affine()
                .to_uncompressed()
                .to_vec(),
            BLSIG_H2C_G2_RO => hash_to_curve::<G2Projective>(msg, &dst)
                .to_affine()
                .to_uncompressed()
                .to_vec(),
            BLSIG_H2C_G2_NU => encode_to_curve::<G2Projective>(msg, &dst)
                .to_affine()
                .to_uncompressed()
                .to_vec(),
            _ => return Err(blsig_result::BLSIG_INVALID_SUITE),
        };
        write_encoding(&point, out, out_len, written)
    })
}
