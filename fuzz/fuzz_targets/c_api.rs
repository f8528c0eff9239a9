//! The C API with arbitrary bytes, lengths, suites and NULL pointers: every call returns a
//! code (never a panic, which would be `BLSIG_PANIC`), outputs appear only on success,
//! and whatever decodes re-encodes to the same bytes.
#![no_main]

use std::ptr::{null, null_mut};

use blsig_c::*;
use blsig_fuzz::inputs::c_api::Input;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: Input| {
    let suite = u32::from(input.suite % 8); // 6 and 7 are invalid suites
    // 2 is not a variant: the invalid suites get an invalid variant too.
    let variant = match suite {
        0..=2 => BLSIG_VARIANT_MIN_PK,
        3..=5 => BLSIG_VARIANT_MIN_SIG,
        _ => 2,
    };
    let key_len = usize::from(input.key_len).min(input.key.len());
    let ok = blsig_result::BLSIG_OK;

    let mut pk = null_mut();
    let rc = blsig_public_key_from_bytes(variant, input.key.as_ptr(), key_len, &mut pk);
    assert_ne!(rc, blsig_result::BLSIG_PANIC);
    assert_eq!(rc == ok, !pk.is_null());
    let mut sig = null_mut();
    let rc = blsig_signature_from_bytes(suite, input.sig.as_ptr(), input.sig.len(), &mut sig);
    assert_ne!(rc, blsig_result::BLSIG_PANIC);
    assert_eq!(rc == ok, !sig.is_null());
    if rc == ok {
        let mut out = vec![0u8; usize::from(input.out_len)];
        let mut written = 0usize;
        let rc = blsig_signature_to_bytes(sig, out.as_mut_ptr(), out.len(), &mut written);
        if rc == ok {
            assert_eq!(&out[..written], input.sig.as_slice());
        } else {
            assert_eq!(rc, blsig_result::BLSIG_BUFFER_TOO_SMALL);
            assert_eq!(written, 0);
        }
    }
    let (msg, msg_len) = if input.null_msg {
        (null(), input.msg.len())
    } else {
        (input.msg.as_ptr(), input.msg.len())
    };
    let rc = blsig_verify(pk, msg, msg_len, sig);
    assert_ne!(rc, blsig_result::BLSIG_PANIC);

    let mut sk = null_mut();
    let rc = blsig_secret_key_from_bytes(variant, input.key.as_ptr(), key_len, &mut sk);
    assert_ne!(rc, blsig_result::BLSIG_PANIC);
    if rc == ok {
        let mut own = null_mut();
        let mut made = null_mut();
        assert_eq!(blsig_secret_key_public_key(sk, &mut own), ok);
        if blsig_sign(suite, sk, msg, msg_len, &mut made) == ok {
            assert_eq!(blsig_verify(own, msg, msg_len, made), ok);
        }
        blsig_signature_free(made);
        blsig_public_key_free(own);
    }
    let mut batch = null_mut();
    if blsig_batch_new(suite, &mut batch) == ok {
        let _ = blsig_batch_queue(batch, pk, msg, msg_len, sig, null_mut());
        let rc = blsig_batch_verify(batch, input.dst.as_ptr(), input.dst.len());
        assert_ne!(rc, blsig_result::BLSIG_PANIC);
        blsig_batch_free(batch);
    }
    let mut out = vec![0u8; usize::from(input.out_len)];
    let rc = blsig_expand_message_xmd(
        msg,
        msg_len,
        input.dst.as_ptr(),
        input.dst.len(),
        out.as_mut_ptr(),
        out.len(),
    );
    assert_ne!(rc, blsig_result::BLSIG_PANIC);
    let mut written = 0usize;
    let rc = blsig_hash_to_curve(
        suite % 5,
        msg,
        msg_len,
        input.dst.as_ptr(),
        input.dst.len(),
        out.as_mut_ptr(),
        out.len(),
        &mut written,
    );
    assert_ne!(rc, blsig_result::BLSIG_PANIC);
    // Multisignature decoders: groups (with an identity from the input), contributions,
    // membership keys, shares and member signatures.
    let mut group = null_mut();
    let rc = blsig_group_key_from_bytes(variant, input.sig.as_ptr(), input.sig.len(), &mut group);
    assert_ne!(rc, blsig_result::BLSIG_PANIC);
    if rc == ok {
        let len = blsig_group_key_encoded_len(group);
        let mut out = vec![0u8; len];
        assert_eq!(
            blsig_group_key_to_bytes(group, out.as_mut_ptr(), len, null_mut()),
            ok
        );
        assert_eq!(out, input.sig);
    }
    blsig_group_key_free(group);
    let mut asm = null_mut();
    let rc = blsig_asm_group_from_bytes(
        variant,
        input.sig.as_ptr(),
        input.sig.len(),
        input.key.as_ptr(),
        key_len,
        &mut asm,
    );
    assert_ne!(rc, blsig_result::BLSIG_PANIC);
    blsig_asm_group_free(asm);
    let mut c = null_mut();
    let rc = blsig_contribution_from_bytes(variant, input.msg.as_ptr(), input.msg.len(), &mut c);
    assert_ne!(rc, blsig_result::BLSIG_PANIC);
    blsig_contribution_free(c);
    let mut mk = null_mut();
    assert_ne!(
        blsig_membership_key_from_bytes(variant, input.msg.as_ptr(), input.msg.len(), &mut mk),
        blsig_result::BLSIG_PANIC
    );
    blsig_membership_key_free(mk);
    let mut share = null_mut();
    assert_ne!(
        blsig_msp_share_from_bytes(variant, input.msg.as_ptr(), input.msg.len(), &mut share),
        blsig_result::BLSIG_PANIC
    );
    blsig_msp_share_free(share);
    let mut member = null_mut();
    assert_ne!(
        blsig_member_signature_from_bytes(
            variant,
            input.msg.as_ptr(),
            input.msg.len(),
            &mut member
        ),
        blsig_result::BLSIG_PANIC
    );
    blsig_member_signature_free(member);

    blsig_secret_key_free(sk);
    blsig_public_key_free(pk);
    blsig_signature_free(sig);
});
