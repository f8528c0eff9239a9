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

pub mod batch {
    //! # Batch verification: design and soundness
    //!
    //! [`crate::BatchVerifier`] checks n triples (PKᵢ, mᵢ, σᵢ) at once. Writing Hᵢ for the
    //! hashed message and g for the generator of the public-key group, it tests
    //!
    //! ```text
    //!   Π_groups e( Σ_{i: mᵢ = m} rᵢ·PKᵢ , H(m) ) · e( −g , Σᵢ rᵢ·σᵢ ) = 1
    //! ```
    //!
    //! with one multi-Miller loop over one pair per **distinct** message plus one, and a
    //! single final exponentiation.
    //!
    //! ## Why random weights, and why 64 bits
    //! Without weights (all rᵢ = 1) the test is fooled by signatures whose errors cancel:
    //! σ₁ + Δ and σ₂ − Δ (the forged set of Ethereum's `batch_verify` vectors). With each rᵢ
    //! drawn uniformly from [1, 2⁶⁴), write δᵢ = e(PKᵢ, Hᵢ) · e(g, σᵢ)⁻¹ ∈ Gt, of prime order r.
    //! The test passes iff Π δᵢ^{rᵢ} = 1. If some δⱼ ≠ 1, then for any fixed choice of the
    //! other weights at most one value of rⱼ mod r satisfies the equation, so the batch
    //! passes with probability at most 1/(2⁶⁴ − 1) ≈ 2⁻⁶⁴ over rⱼ. The weights come from the
    //! caller's `CryptoRng` after all items are fixed, so the adversary cannot adapt to them:
    //! 64 bits give 2⁻⁶⁴ soundness error per batch, the level blst and most BLS batch
    //! verifiers use. (Grouping does not change this: it only reorders the same product.)
    //! The first item's weight is fixed to 1: if another item j is invalid, the bound above
    //! holds over rⱼ; if only the first is, the product is δ₁ ≠ 1 and the batch fails.
    //!
    //! ## Deterministic mode
    //! [`crate::BatchVerifier::verify_deterministic`] has no RNG. Its weights are 128-bit
    //! values SHA-256(seed ‖ i) where the seed hashes the ciphersuite, the number of items
    //! and every item's compressed (key, hashed message, signature) — exactly the values the
    //! check combines. An adversary who wants a bad batch to pass must find inputs whose
    //! derived weights satisfy the equation — a Fiat–Shamir argument: each attempt succeeds
    //! with probability ≈ 2⁻¹²⁸ (the weight space is 128 bits, so a grinding adversary
    //! making 2⁶⁴ hash queries still has only ≈ 2⁻⁶⁴ success).
    //!
    //! ## Subgroup checks first
    //! Every signature is decoded with its subgroup check before a weight touches it
    //! ([`crate::Signature`] cannot hold anything else), and keys are KeyValidated
    //! ([`crate::PublicKey`]). The argument above needs points in the order-r groups: a
    //! component of small order could make δᵢ^{rᵢ} vanish for many rᵢ.
    //!
    //! ## What is variable-time, and why that is safe
    //! The weights multiply public points (keys and signatures) by scalars that are used
    //! once and never leave the verifier: [`crate::msm::mul_vartime`] (width-4 NAF) for each
    //! rᵢ·PKᵢ and [`crate::msm::msm_vartime`] (Pippenger buckets) for Σ rᵢ·σᵢ. Their timing
    //! depends only on the weights; an observer who learns weights after the check learns
    //! nothing useful, since the verdict is already fixed. No secret key is ever involved.
    //!
    //! ## Finding the invalid items
    //! The value of the whole product is linear in the items: V(T) = Π_{i∈T} δᵢ^{rᵢ}. So for
    //! a failing set T split into halves L and R, [`crate::BatchVerifier::find_invalid`]
    //! evaluates V(L) and derives V(R) = V(T) / V(L) by one division in Gt; a half whose
    //! value is 1 is valid (up to the same 2⁻⁶⁴), and a failing single item is reported.
    //!
    //! The expensive part of V(L) is the key side, one Miller-loop pair per message group.
    //! The first pass therefore computes the key side per *chunk* of 16 whole groups — 16
    //! separate multi-Miller loops instead of one, which costs only the extra Fp12
    //! squarings (about 0.3 % of a batch) — multiplies the chunk values together and keeps
    //! them. Bisecting over chunks then needs, per step, only a product of kept Fp12 values,
    //! an MSM for the half's Σ rᵢ·σᵢ with its one-pair Miller loop, and one final
    //! exponentiation. Inside a failing chunk the search continues item by item, with
    //! Miller loops over at most 16 groups, reusing the kept hashes, decoded points,
    //! weights, whole-group key sums and line coefficients. For k invalid items among n
    //! that is about k·log₂ n final exponentiations and no repeated hashing or decoding.
}
