//! expand_message_xmd and hash-to-curve with arbitrary tags and lengths: never panics.
#![no_main]

use blsig::{Dst, G1Projective, G2Projective};
use blsig_fuzz::inputs::hash::Input;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: Input| {
    let Ok(dst) = Dst::new(&input.dst) else {
        assert!(input.dst.is_empty());
        return;
    };
    let mut out = vec![0u8; usize::from(input.len) % 9000];
    let _ = blsig::expand_message_xmd(&input.msg, &dst, &mut out);
    let _ = blsig::hash_to_curve::<G1Projective>(&input.msg, &dst);
    let _ = blsig::encode_to_curve::<G2Projective>(&input.msg, &dst);
});
