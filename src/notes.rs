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
    //! | Aggregate from encodings | each decodes (length, flags, range, on curve); the sum is in the subgroup | `Signature::aggregate_from_bytes` |
    //! | AggregateVerify | ≥ 1 signer, as many messages as keys, distinct messages in Basic, proven keys in Pop (a type: [`crate::SchemeKey`]) | `Signature::aggregate_verify` |
    //! | FastAggregateVerify | ≥ 1 key, every key proven, aggregate key not identity | `Signature::fast_aggregate_verify`, `ProvenPublicKey::aggregate` |
    //! | m-of-n group | keys proven, 1 ≤ m ≤ n < 2³², decoded only against a trusted identity (m, P) | `AsmGroup::new`, `AsmGroup::from_bytes` |
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
    //! before hashing, and output lengths before the engine's expander (which refuses them).
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
    //!   the explicit [`crate::ProvenPublicKey::assume_proven`]) creates. Every API that
    //!   sums keys without coefficients takes it: FastAggregateVerify, key aggregation
    //!   ([`crate::AggregatePublicKey`]), AggregateVerify *under Pop* (which does not require
    //!   distinct messages, so keys that share one are summed — [`crate::SchemeKey`] makes
    //!   plain keys a compile error there), and the m-of-n multisignature group.
    //!
    //! Multisignatures with key-aggregation coefficients (Boneh–Drijvers–Neven) are a fourth
    //! defence, built on top of these types: MSP (n-of-n) needs no proofs, since every key
    //! enters the group key with a coefficient that depends on all keys; ASM (m-of-n) sums
    //! the signers' keys plainly at verification, so its members' keys must be proven (see
    //! [`crate::multisig`]).
    //!
    //! [`crate::BatchVerifier`] takes plain keys under every scheme: each item carries its
    //! own signature and its own unpredictable weight, so the batch accepts only when every
    //! item would verify alone, and a rogue key gains nothing.
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
    //! ## Why random weights, and how they are chosen
    //! Without weights (all rᵢ = 1) the test is fooled by signatures whose errors cancel:
    //! σ₁ + Δ and σ₂ − Δ (the forged set of Ethereum's `batch_verify` vectors). Write
    //! δᵢ = e(PKᵢ, Hᵢ) · e(g, σᵢ)⁻¹ ∈ Gt, of prime order r. The test passes iff
    //! Π δᵢ^{rᵢ} = 1. If some δⱼ ≠ 1, then for any fixed choice of the other weights at most
    //! one value of rⱼ mod r satisfies the equation. So the batch is sound exactly when the
    //! adversary, who fixes the items, cannot predict the weights. Grouping items by
    //! message does not change this: a group contributes e(Σ rᵢ·PKᵢ, H(m)), the same
    //! product reordered, with one weight *per item* (not per group or per key).
    //!
    //! The first item's weight is fixed to 1: if another item j is invalid, the bound holds
    //! over rⱼ; if only the first is, the product is δ₁ ≠ 1 and the batch fails.
    //!
    //! **Hedged weights.** [`crate::BatchVerifier::verify`] and `find_invalid` (and
    //! [`crate::eth::eth_batch_verify`]) draw 32 bytes from the caller's RNG once and derive
    //! every weight from them *and* from a transcript of the batch:
    //!
    //! ```text
    //!   T  = SHA-256("blsig batch transcript v3" ‖ ciphersuite ‖ I2OSP(#groups, 8) ‖ H₁ ‖ … ‖
    //!                I2OSP(n, 8) ‖ for each item: PKᵢ ‖ I2OSP(groupᵢ, 8) ‖ σᵢ)
    //!   K  = SHA-256("blsig batch weights v3" ‖ T ‖ 0x01 ‖ rng₃₂)   (0x00 and no rng₃₂ in
    //!                                                                verify_deterministic)
    //!   rᵢ = max(1, OS2IP(SHA-256(K ‖ I2OSP(i, 8))[0..8]))       64 bits (16 bytes, 128 bits,
    //!                                                            in verify_deterministic)
    //! ```
    //!
    //! If the RNG is good, K is uniform and unknown to the adversary when the items were
    //! fixed, so the weights are independent of them: error ≤ 2⁻⁶⁴ per batch, the level of
    //! blst and the other BLS batch verifiers. If the RNG is broken — constant, all zeros, a
    //! counter, or known to the adversary — K is still a random-oracle function of every
    //! item (Fiat–Shamir): changing any item changes every weight unpredictably, so each
    //! attempt at a passing invalid batch succeeds with probability ≈ 2⁻⁶⁴, and each
    //! attempt costs the adversary a fresh group operation and transcript hash — a work
    //! factor of 2⁶⁴ curve operations, offline. Before this design the weights were the
    //! RNG's output alone: a predictable RNG made `σ₀ + r₁·Δ, σ₁ − Δ` pass at no cost, and an
    //! all-zero RNG made the weight draw loop forever. Nothing loops on the RNG now
    //! (`tests/batch.rs` runs zero, constant and counter RNGs against that forgery).
    //!
    //! *Why 64 bits and not 128 for the hedged weights.* 128-bit weights would keep the full
    //! deterministic bound (below) with a broken RNG, but they double the variable-time
    //! scalar work: measured in one run on the standard machine, 256 distinct messages went
    //! from 2.27–2.31 × blst to 2.44–2.81 ×, and 256 signatures over 16 messages from
    //! 0.74–0.89 × to 0.92–1.08 × (`BENCHMARKS.md`). A caller that cannot trust its RNG
    //! should call `verify_deterministic`, which has the 128-bit bound by construction.
    //!
    //! **Deterministic mode.** [`crate::BatchVerifier::verify_deterministic`] is the same
    //! derivation without RNG input and with 128-bit weights: each attempt at a passing
    //! invalid batch succeeds with probability ≈ 2⁻¹²⁸, so a grinding adversary making 2⁶⁴
    //! hash queries still has only ≈ 2⁻⁶⁴.
    //!
    //! **Assumptions.** Items are grouped by a SHA-256 digest of the string their signer
    //! hashed (`PK ‖ m` under Aug, `m` otherwise); two different strings with one digest
    //! would share a hashed message, so grouping assumes SHA-256 collision resistance, as the
    //! weight derivation assumes it behaves as a random oracle.
    //!
    //! ## Subgroup checks first
    //! Every signature is decoded with its subgroup check before a weight touches it
    //! ([`crate::Signature`] cannot hold anything else), and keys are KeyValidated
    //! ([`crate::PublicKey`]). The argument above needs points in the order-r groups: a
    //! component of small order could make δᵢ^{rᵢ} vanish for many rᵢ.
    //!
    //! ## What is variable-time, and why that is safe
    //! The weights multiply public points (keys and signatures) by scalars that are used
    //! once and never leave the verifier: per message group a Pippenger MSM (or, for groups
    //! of fewer than 8 items, width-4 NAF multiplications) for Σ rᵢ·PKᵢ, and one signed-digit
    //! Pippenger MSM for Σ rᵢ·σᵢ (the crate-private `msm` module). Their timing
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
    //!
    //! ## Failing closed
    //! The engine's indices (an item's group, a subset's items, a chunk's groups) are its
    //! own; one that does not resolve would be a bug. It never skips such an item — which
    //! would drop it from both sides of the equation — but returns
    //! [`crate::Error::VerificationFailed`].
}

pub mod secrets {
    //! # Secret values and what is zeroized
    //!
    //! | value | where | protection |
    //! |---|---|---|
    //! | secret key SK | [`crate::SecretKey`] | zeroized on drop, no `Clone`/`Copy`/`Default`, redacted `Debug`, constant-time `==`, exported as `Zeroizing<[u8; 32]>` |
    //! | KeyGen output (48-byte OKM, 64-byte wide buffer) | `secret_key.rs`, `hash.rs` | `Zeroizing` buffers |
    //! | KeyGen IKM drawn by `generate` | `secret_key.rs` | `Zeroizing` buffer |
    //! | membership key MKᵢ | [`crate::multisig::MembershipKey`] | zeroized on drop, no `Clone`, redacted `Debug`, `Zeroizing` bytes |
    //! | setup contribution μᵢⱼ | [`crate::multisig::Contribution`] | zeroized on drop, no `Clone`, redacted `Debug`, `Zeroizing` bytes (built at its final size, so no reallocation leaves a copy) |
    //! | aⱼ·skⱼ (contribution weight) | `multisig/setup.rs` | `Zeroizing<Scalar>` |
    //! | each μᵢⱼ in projective form | `multisig/setup.rs` | zeroized after conversion |
    //! | Σⱼ μᵢⱼ while summing a membership key | `multisig/setup.rs` | zeroized on every exit |
    //! | skᵢ·H₀(id, m) in ASM signing | `multisig/asm.rs` | zeroized once added to MKᵢ |
    //! | threshold polynomial coefficients | `threshold/poly.rs` | zeroized on drop |
    //! | threshold secret share f(x), DKG shares fⱼ(i) and their sums | [`crate::threshold`] | zeroized on drop, no `Clone`, redacted `Debug`, `Zeroizing` bytes |
    //! | interpolated group secret in `recover_secret_key` | `threshold/dealer.rs` | `Zeroizing` scalar |
    //! | EIP-2333 Lamport chunks (2 × 8,160 bytes), the flipped parent key | [`crate::derive`] | `Zeroizing` buffers; the 16 KiB Lamport public key is hashed as it streams, never held |
    //! | EIP-2335 processed password, decryption key, decrypted secret | `keystore` (feature `keystore`) | `Zeroizing` buffers, the password's allocated once at its final size |
    //! | AES-128 key schedule | `keystore/mod.rs` | `aes`'s `zeroize` feature |
    //!
    //! What this crate cannot reach: the HMAC state and the pseudorandom key inside the `hkdf`
    //! crate during KeyGen and EIP-2333 derivation, the `scrypt` and `pbkdf2` crates' working
    //! buffers (scrypt's 128·r·n-byte table is password-derived and freed without zeroizing),
    //! and the Unicode normalizer's small internal buffer (`HkdfExtract`/`Hkdf`, `scrypt` and
    //! `pbkdf2` hold secret-determining material and offer no way to zeroize it); the copies
    //! the engine's arithmetic makes on the stack during
    //! scalar multiplication, and the copies the compiler makes of `Copy` values (a
    //! projective point is `Copy`, so zeroizing one variable does not erase earlier moves).
    //! Zeroization here is best effort for memory this crate owns, as with every Rust
    //! library without `unsafe` volatile tricks across dependencies.
    //!
    //! Signatures, proofs of possession, member signatures and MSP shares are public once
    //! made; nothing secret-derived but the values above is kept.
}

pub mod constant_time {
    //! # Constant-time scalar multiplication
    //!
    //! Every multiplication of a point by a secret scalar — Sign, PopProve, SkToPk and key
    //! generation, ASM contributions and member signatures, threshold share signing,
    //! Feldman commitments and share checks — goes through one crate-private module,
    //! `scalar_mul`: the engine's GLV (G1) / GLS (G2) multiplication for any point
    //! (`blsig-curve`'s `scalar_mul.rs`: the scalar split into two or four short parts,
    //! signed 4-bit windows, every table entry read; its argument is in `blsig_curve::notes`)
    //! and fixed-base tables (6-bit windows, built once) for the two generators. Why the
    //! table method is constant time:
    //!
    //! - The scalar is recoded into signed digits (43 base-64 digits in [−32, 31]) by
    //!   arithmetic on its bits only: each carry is `(v + 2^(W−1)) >> W`, never a branch
    //!   (`recode`).
    //! - The loop runs the same 43 additions for every scalar; no iteration is skipped for a
    //!   zero digit.
    //! - A table entry is chosen by reading **all** entries of its row and keeping one with
    //!   `conditional_select` on `|dᵢ| == j` (`subtle`); the index is never used to address
    //!   memory. The sign is applied with another `conditional_select` between the entry and
    //!   its negation. A zero digit selects the identity the same way.
    //! - The additions are the engine's complete mixed additions (projective + affine,
    //!   Renes–Costello–Batina), which handle the identity on either side without branches.
    //! - The tables hold multiples of public points (the hashed message, the generator); only
    //!   which entry is taken depends on the secret, and that choice is made as above.
    //!
    //! The variable-time code of `msm` is for public scalars only and is never called here.
    //!
    //! What it relies on: the engine's field arithmetic, complete point formulas and
    //! `subtle`'s `conditional_select` being constant time, as that crate promises; and the
    //! compiler not turning masked selection into branches (the same assumption every
    //! `subtle` user makes). A statistical check (fixed against random secret keys, Welch's
    //! t-test) is `cargo run --release --example ct`; its t-statistics are in `BENCHMARKS.md`.
}
