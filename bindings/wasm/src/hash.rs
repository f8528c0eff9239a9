//! RFC 9380 hashing to G1 and G2 and `expand_message_xmd`, for callers that build their
//! own protocols (and for checking the library against the RFC's vectors).

use blsig_core::{
    Curve, Dst, G1Projective, G2Projective, MAX_XMD_OUTPUT, encode_to_curve, expand_message_xmd,
    hash_to_curve,
};
use group::{GroupEncoding as _, UncompressedEncoding as _};
use wasm_bindgen::prelude::*;

use crate::error::{Fail, JsResult};

/// `hash_to_curve` (`random_oracle`) or `encode_to_curve` into G1 (`group` 1) or G2
/// (`group` 2) under the tag `dst`: the point, `compressed` (48 or 96 bytes) or
/// uncompressed (96 or 192 bytes).
#[wasm_bindgen(js_name = hashToCurve)]
pub fn hash_to(
    group: u32,
    random_oracle: bool,
    compressed: bool,
    message: &[u8],
    dst: &[u8],
) -> JsResult<Vec<u8>> {
    let dst = Dst::new(dst)?;
    let how = (random_oracle, compressed);
    match group {
        1 => Ok(hashed::<G1Projective>(how, message, &dst)),
        2 => Ok(hashed::<G2Projective>(how, message, &dst)),
        _ => Err(Fail::InvalidSuite),
    }
}

fn hashed<C: Curve>(
    (random_oracle, compressed): (bool, bool),
    message: &[u8],
    dst: &Dst<'_>,
) -> Vec<u8> {
    let point: C = if random_oracle {
        hash_to_curve(message, dst)
    } else {
        encode_to_curve(message, dst)
    };
    let affine = point.to_affine();
    if compressed {
        affine.to_bytes().as_ref().to_vec()
    } else {
        affine.to_uncompressed().as_ref().to_vec()
    }
}

/// `expand_message_xmd` with SHA-256: `length` (1–8160) pseudorandom bytes.
#[wasm_bindgen(js_name = expandMessageXmd)]
pub fn expand(message: &[u8], dst: &[u8], length: u32) -> JsResult<Vec<u8>> {
    let dst = Dst::new(dst)?;
    let length = usize::try_from(length).map_err(|_| blsig_core::Error::InvalidOutputLength)?;
    if length == 0 || length > MAX_XMD_OUTPUT {
        return Err(blsig_core::Error::InvalidOutputLength.into());
    }
    let mut out = vec![0u8; length];
    expand_message_xmd(message, &dst, &mut out)?;
    Ok(out)
}
