//! The input types of the structure-aware targets, here so that the seed writer
//! (`examples/seeds`) builds values of the very types the targets parse.

/// `fuzz_targets/aggregate_verify.rs`.
pub mod aggregate_verify {
    use arbitrary::Arbitrary;

    #[derive(Debug, Arbitrary)]
    pub struct Input {
        pub pks: Vec<Vec<u8>>,
        pub msgs: Vec<Vec<u8>>,
        pub sigs: Vec<Vec<u8>>,
        /// Real signatures made here: (signer seed, message index, tamper), so that the batch
        /// sees valid and invalid items, not only undecodable bytes.
        pub signed: Vec<(u8, u8, bool)>,
    }

    crate::encode_struct!(Input {
        pks,
        msgs,
        sigs,
        signed
    });
}

/// `fuzz_targets/asm_protocol.rs`.
pub mod asm_protocol {
    use arbitrary::Arbitrary;

    #[derive(Debug, Arbitrary)]
    pub struct Input {
        pub recipient: u8,
        /// (sender, byte of the point part, xor mask) for the recipient's contributions.
        pub corrupt: Vec<(u8, u8, u8)>,
        pub drop_sender: Option<u8>,
        /// Signers (bit i = member i).
        pub signers: u8,
        /// (signer, byte of the point part, xor mask) for member signatures.
        pub corrupt_signature: Vec<(u8, u8, u8)>,
        /// Bits of the combined signature's bitmap byte to flip.
        pub bitmap_flip: u8,
    }

    crate::encode_struct!(Input {
        recipient,
        corrupt,
        drop_sender,
        signers,
        corrupt_signature,
        bitmap_flip
    });
}

/// `fuzz_targets/batch_ops.rs`.
pub mod batch_ops {
    use arbitrary::Arbitrary;

    use crate::encode::{Encode, variant};

    #[derive(Debug, Arbitrary)]
    pub enum Sig {
        /// Signer `key`'s signature on message `msg` of the pool.
        Pooled { key: u8, msg: u8 },
        /// The sum of two pooled signatures (valid for neither item alone).
        Sum { a: (u8, u8), b: (u8, u8) },
        /// Arbitrary bytes (queued only if they decode).
        Bytes(Vec<u8>),
    }

    #[derive(Debug, Arbitrary)]
    pub enum Op {
        Queue { key: u8, msg: u8, sig: Sig },
        QueueArbitraryMessage { key: u8, msg: Vec<u8>, sig: Sig },
        Verify(u64),
        VerifyDeterministic,
        FindInvalid(u64),
    }

    impl Encode for Sig {
        fn encode(&self, out: &mut Vec<u8>) {
            match self {
                Sig::Pooled { key, msg } => {
                    variant(out, 0, 3);
                    (*key, *msg).encode(out);
                }
                Sig::Sum { a, b } => {
                    variant(out, 1, 3);
                    (*a, *b).encode(out);
                }
                Sig::Bytes(bytes) => {
                    variant(out, 2, 3);
                    bytes.encode(out);
                }
            }
        }
    }

    impl Encode for Op {
        fn encode(&self, out: &mut Vec<u8>) {
            match self {
                Op::Queue { key, msg, sig } => {
                    variant(out, 0, 5);
                    (*key, *msg).encode(out);
                    sig.encode(out);
                }
                Op::QueueArbitraryMessage { key, msg, sig } => {
                    variant(out, 1, 5);
                    key.encode(out);
                    msg.encode(out);
                    sig.encode(out);
                }
                Op::Verify(seed) => {
                    variant(out, 2, 5);
                    seed.encode(out);
                }
                Op::VerifyDeterministic => variant(out, 3, 5),
                Op::FindInvalid(seed) => {
                    variant(out, 4, 5);
                    seed.encode(out);
                }
            }
        }
    }
}

/// `fuzz_targets/c_api.rs`.
pub mod c_api {
    use arbitrary::Arbitrary;

    #[derive(Debug, Arbitrary)]
    pub struct Input {
        pub suite: u8,
        pub key: Vec<u8>,
        pub sig: Vec<u8>,
        pub msg: Vec<u8>,
        /// Lengths passed with a pointer: at most the buffer's, as the contract requires.
        pub key_len: u8,
        pub out_len: u8,
        pub null_msg: bool,
        pub dst: Vec<u8>,
    }

    crate::encode_struct!(Input {
        suite,
        key,
        sig,
        msg,
        key_len,
        out_len,
        null_msg,
        dst
    });
}

/// `fuzz_targets/dkg.rs`.
pub mod dkg {
    use arbitrary::Arbitrary;

    #[derive(Debug, Arbitrary)]
    pub struct Input {
        pub n: u8,
        pub t: u8,
        pub seed: u64,
        /// (dealer, recipient, bit of the 32-byte value to flip; 255 = lose the share)
        pub tamper: Vec<(u8, u8, u8)>,
        /// Dealers (bit j−1) whose commitment is withheld from the broadcast.
        pub no_commitment: u8,
        /// Dealers who answer no complaint.
        pub withhold: u8,
    }

    crate::encode_struct!(Input {
        n,
        t,
        seed,
        tamper,
        no_commitment,
        withhold
    });
}

/// `fuzz_targets/hash.rs`.
pub mod hash {
    use arbitrary::Arbitrary;

    #[derive(Debug, Arbitrary)]
    pub struct Input {
        pub msg: Vec<u8>,
        pub dst: Vec<u8>,
        pub len: u16,
    }

    crate::encode_struct!(Input { msg, dst, len });
}

/// `fuzz_targets/hash_diff.rs`.
pub mod hash_diff {
    use arbitrary::Arbitrary;

    #[derive(Debug, Arbitrary)]
    pub struct Input {
        pub msg: Vec<u8>,
        pub dst: Vec<u8>,
        pub long_dst: bool,
        pub len: u16,
    }

    crate::encode_struct!(Input {
        msg,
        dst,
        long_dst,
        len
    });
}

/// `fuzz_targets/multisig.rs`.
pub mod multisig {
    use arbitrary::Arbitrary;

    #[derive(Debug, Arbitrary)]
    pub struct Input {
        pub group: Vec<u8>,
        pub signature: Vec<u8>,
        pub indexed: Vec<u8>,
        pub msg: Vec<u8>,
    }

    crate::encode_struct!(Input {
        group,
        signature,
        indexed,
        msg
    });
}

/// `fuzz_targets/threshold.rs`.
pub mod threshold {
    use arbitrary::Arbitrary;

    use crate::encode::{Encode, variant};

    #[derive(Debug, Arbitrary)]
    pub enum Input {
        Decode(Vec<u8>),
        Combine { picks: Vec<(u8, bool)>, seed: u64 },
    }

    impl Encode for Input {
        fn encode(&self, out: &mut Vec<u8>) {
            match self {
                Input::Decode(bytes) => {
                    variant(out, 0, 2);
                    bytes.encode(out);
                }
                Input::Combine { picks, seed } => {
                    variant(out, 1, 2);
                    picks.encode(out);
                    seed.encode(out);
                }
            }
        }
    }
}

/// `fuzz_targets/verify.rs`.
pub mod verify {
    use arbitrary::Arbitrary;

    #[derive(Debug, Arbitrary)]
    pub struct Input {
        pub suite: u8,
        pub ikm: [u8; 32],
        pub msg: Vec<u8>,
        pub pk: Vec<u8>,
        pub sig: Vec<u8>,
    }

    crate::encode_struct!(Input {
        suite,
        ikm,
        msg,
        pk,
        sig
    });
}

/// `fuzz_targets/verify_diff.rs`.
pub mod verify_diff {
    use arbitrary::Arbitrary;

    use crate::encode::{Encode, variant};

    #[derive(Debug, Arbitrary)]
    pub enum Sig {
        /// Signer `key` on message `msg` (indices into the items' messages, or an other one).
        Signed {
            key: u8,
            msg: u8,
            other_message: bool,
        },
        Identity,
        Bytes(Vec<u8>),
    }

    #[derive(Debug, Arbitrary)]
    pub struct Input {
        /// (signer, message) per item.
        pub items: Vec<(u8, Vec<u8>)>,
        /// Signatures summed into the aggregate.
        pub parts: Vec<Sig>,
    }

    impl Encode for Sig {
        fn encode(&self, out: &mut Vec<u8>) {
            match self {
                Sig::Signed {
                    key,
                    msg,
                    other_message,
                } => {
                    variant(out, 0, 3);
                    (*key, *msg, *other_message).encode(out);
                }
                Sig::Identity => variant(out, 1, 3),
                Sig::Bytes(bytes) => {
                    variant(out, 2, 3);
                    bytes.encode(out);
                }
            }
        }
    }

    crate::encode_struct!(Input { items, parts });
}
