//! The caller's 32 random bytes as the RNG of one operation.
//!
//! Bindings take randomness as bytes (C: from the operating system; JavaScript: from
//! `crypto.getRandomValues`). Every randomized core operation a binding calls — batch
//! weights, key generation, dealing, DKG polynomials — draws exactly 32 bytes and hashes
//! them with its own transcript or secret, so replaying the caller's seed is enough
//! ([`SeedRng`]); a repeated or weak seed costs unpredictability, never termination or a
//! valid result. Operations that draw more and use the bytes as they are (a keystore's
//! salt, IV and UUID) take [`ExpandRng`], which never repeats a byte of the seed.

use sha2::{Digest, Sha256};
use zeroize::Zeroize;

/// Length of a seed.
pub const SEED_LEN: usize = 32;

/// How a seed becomes a byte stream.
pub trait Stream: Zeroize {
    /// The next byte.
    fn next_byte(&mut self) -> u8;
}

/// An RNG over a [`Stream`] of a caller's seed. Wiped on drop: a seed may be the entropy of
/// a secret key.
pub struct ByteRng<S: Stream>(S);

impl<S: Stream> Drop for ByteRng<S> {
    fn drop(&mut self) {
        self.0.zeroize();
    }
}

impl<S: Stream> rand_core::TryRng for ByteRng<S> {
    type Error = core::convert::Infallible;
    fn try_next_u32(&mut self) -> Result<u32, Self::Error> {
        let mut b = [0u8; 4];
        self.try_fill_bytes(&mut b)?;
        Ok(u32::from_le_bytes(b))
    }
    fn try_next_u64(&mut self) -> Result<u64, Self::Error> {
        let mut b = [0u8; 8];
        self.try_fill_bytes(&mut b)?;
        Ok(u64::from_le_bytes(b))
    }
    fn try_fill_bytes(&mut self, dst: &mut [u8]) -> Result<(), Self::Error> {
        for d in dst {
            *d = self.0.next_byte();
        }
        Ok(())
    }
}

impl<S: Stream> rand_core::TryCryptoRng for ByteRng<S> {}

/// The seed itself, replayed cyclically (should an operation ever draw more than 32 bytes).
#[derive(Zeroize)]
pub struct Replay {
    seed: [u8; SEED_LEN],
    pos: usize,
}

impl Stream for Replay {
    fn next_byte(&mut self) -> u8 {
        let byte = self
            .seed
            .get(self.pos % SEED_LEN)
            .copied()
            .unwrap_or_default();
        self.pos = self.pos.wrapping_add(1);
        byte
    }
}

/// SHA-256(seed ‖ counter) blocks (counter a big-endian u64 from 0).
#[derive(Zeroize)]
pub struct Expand {
    seed: [u8; SEED_LEN],
    counter: u64,
    block: [u8; 32],
    used: usize,
}

impl Stream for Expand {
    fn next_byte(&mut self) -> u8 {
        if self.used >= self.block.len() {
            let mut hash = Sha256::new();
            hash.update(self.seed);
            hash.update(self.counter.to_be_bytes());
            self.block = hash.finalize().into();
            self.counter = self.counter.wrapping_add(1);
            self.used = 0;
        }
        let byte = self.block.get(self.used).copied().unwrap_or_default();
        self.used += 1;
        byte
    }
}

/// Replays a 32-byte seed (see the module docs for why that is enough).
pub type SeedRng = ByteRng<Replay>;

/// Expands a 32-byte seed with SHA-256, for operations that use the bytes they draw as
/// they are.
pub type ExpandRng = ByteRng<Expand>;

impl SeedRng {
    /// A replay of `seed`, or `None` unless it has exactly [`SEED_LEN`] bytes.
    pub fn new(seed: &[u8]) -> Option<Self> {
        Some(ByteRng(Replay {
            seed: seed.try_into().ok()?,
            pos: 0,
        }))
    }
}

impl ExpandRng {
    /// The expansion of `seed`, or `None` unless it has exactly [`SEED_LEN`] bytes.
    pub fn new(seed: &[u8]) -> Option<Self> {
        Some(ByteRng(Expand {
            seed: seed.try_into().ok()?,
            counter: 0,
            block: [0; 32],
            used: 32,
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand_core::Rng;

    #[test]
    fn replays_exactly_32_bytes() {
        assert!(SeedRng::new(&[0; 31]).is_none());
        assert!(SeedRng::new(&[0; 33]).is_none());
        let seed: [u8; 32] = core::array::from_fn(|i| u8::try_from(i).unwrap_or(0));
        let mut rng = SeedRng::new(&seed).unwrap_or_else(|| unreachable!());
        let mut out = [0u8; 40];
        rng.fill_bytes(&mut out);
        assert_eq!(&out[..32], &seed);
        assert_eq!(&out[32..], &seed[..8]);
    }

    #[test]
    fn expands_into_sha256_blocks_of_seed_and_counter() {
        assert!(ExpandRng::new(&[0; 31]).is_none());
        let seed = [7u8; 32];
        let mut rng = ExpandRng::new(&seed).unwrap_or_else(|| unreachable!());
        let mut out = [0u8; 80];
        rng.fill_bytes(&mut out);
        for (i, chunk) in out.chunks(32).enumerate() {
            let mut hash = Sha256::new();
            hash.update(seed);
            hash.update((i as u64).to_be_bytes());
            let block: [u8; 32] = hash.finalize().into();
            assert_eq!(chunk, block.get(..chunk.len()).unwrap_or_default());
        }
    }
}
