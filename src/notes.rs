//! Design notes (documentation only; no code).

pub mod encoding {
    //! # Point and key encodings
    //!
    //! Points use the ZCash/IETF serialization (draft §2.7 via `point_to_octets_E1/E2`; the
    //! `bls12_381` crate's `notes::serialization`):
    //!
    //! - A field element of Fp is 48 bytes, big-endian. An Fp2 element c0 + c1·u is written
    //!   c1 ‖ c0 (imaginary part first).
    //! - Compressed: x only (48 bytes for G1, 96 for G2); uncompressed: x ‖ y (96 / 192).
    //! - The three most significant bits of the first byte are flags: `0x80` compression
    //!   (set iff compressed), `0x40` infinity (then every other bit is zero), `0x20` sort
    //!   (compressed only: y is the lexicographically larger root).
    //!
    //! Every decoder in this crate checks, in order and each with its own [`crate::Error`]:
    //! the length ([`crate::Error::InvalidLength`]), the flags
    //! ([`crate::Error::InvalidEncoding`]), that each coordinate is below p
    //! ([`crate::Error::FieldElementOutOfRange`]), that the point is on the curve
    //! ([`crate::Error::NotOnCurve`]) and in the order-r subgroup
    //! ([`crate::Error::NotInSubgroup`]).
    //!
    //! Secret keys are 32-byte big-endian integers 0 < SK < r (I2OSP(SK, 32)).
}

pub mod validation {
    //! # Validation rules
    //!
    //! | input | rule | where |
    //! |---|---|---|
    //! | public key | KeyValidate (§2.5): decodes, in subgroup, not identity | every `PublicKey` constructor |
    //! | signature, proof | `signature_to_point` (§2.7): decodes, in subgroup; identity allowed | `Signature::from_bytes`, `ProofOfPossession::from_bytes` |
    //! | secret key | 0 < SK < r | `SecretKey::from_bytes`, KeyGen |
    //! | KeyGen IKM | ≥ 32 bytes (§2.3) | `SecretKey::key_gen` (not the draft-03 variant) |
    //! | DST | non-empty (RFC 9380 §3.1); > 255 bytes reduced per §5.3.3 | `Dst::new` |
    //! | `expand_message_xmd` length | 1 ..= 8160 | `expand_message_xmd` |
    //! | Aggregate | at least one signature | `Signature::aggregate` |
    //! | AggregateVerify | ≥ 1 signer, as many messages as keys, distinct messages in Basic | `Signature::aggregate_verify` |
    //! | FastAggregateVerify | ≥ 1 key, every key proven, aggregate key not identity | `Signature::fast_aggregate_verify` |
    //!
    //! A usage mistake (empty set, mismatched lengths, duplicate message) is an error of its
    //! own, never a bare "invalid": a caller that treats every `Err` as "reject" is safe, and
    //! one that logs the error learns what went wrong. A failed pairing check is only ever
    //! [`crate::Error::VerificationFailed`].
    //!
    //! The Ethereum rule that an empty key set with the identity signature is valid lives
    //! only in [`crate::eth::eth_fast_aggregate_verify`].
    //!
    //! No panic is reachable from input: lengths are checked before fixed-size copies, DSTs
    //! before hashing, and output lengths before `bls12_381`'s expander (which asserts).
    //! The `fuzz/` targets exercise every decoder and verifier.
}

pub mod rogue_keys {
    //! # Rogue-key attacks, and why the three schemes exist
    //!
    //! Aggregate verification of one message checks e(g, σ) = e(Σ PKᵢ, H(m)). If an attacker
    //! may choose its key after seeing an honest key PK₁, it publishes
    //! PK₂ = x·g − PK₁. Then Σ PKᵢ = x·g, and σ = x·H(m) "proves" that both signed m —
    //! though the owner of PK₁ never did. The draft offers three defences (§3):
    //!
    //! - **Basic** (`NUL`): AggregateVerify requires all messages to be distinct, so the
    //!   sum-of-keys shortcut never applies. [`crate::Error::DuplicateMessage`] enforces it.
    //! - **Message augmentation** (`AUG`): every signer signs PK ‖ m. The hashed points differ
    //!   per key even for one m, so a rogue key cannot cancel another's.
    //! - **Proof of possession** (`POP`): every key comes with a signature on itself under a
    //!   separate tag. A rogue key x·g − PK₁ has no known secret, so it cannot produce one.
    //!   Only then may keys be summed: this crate makes that a type,
    //!   [`crate::ProvenPublicKey`], which only [`crate::PublicKey::verify_possession`] (or
    //!   the explicit [`crate::ProvenPublicKey::assume_proven`]) creates.
    //!
    //! Multisignatures with key-aggregation coefficients (Boneh–Drijvers–Neven) are a fourth
    //! defence, built on top of these types.
}
