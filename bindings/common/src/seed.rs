//! The caller's 32 random bytes as the RNG of one operation.
//!
//! Bindings take randomness as bytes (C: from the operating system; JavaScript: from
//! `crypto.getRandomValues`). Every randomized core operation a binding calls — batch
//! weights, key generation, dealing, DKG polynomials — draws exactly 32 bytes and hashes
//! them with its own transcript or secret, so replaying the caller's seed is enough; a
//! repeated or weak seed costs unpredictability, never termination or a valid result.

use zeroize::Zeroize;

/// Length of a seed.
pub const SEED_LEN: usize = 32;

/// Replays a 32-byte seed (cyclically, should an operation ever draw more). Wiped on
/// drop: a seed may be the entropy of a secret key.
pub struct SeedRng {
    seed: [u8; SEED_LEN],
    pos: usize,
}

impl SeedRng {
    /// A replay of `seed`, or `None` unless it has exactly [`SEED_LEN`] bytes.
    pub fn new(seed: &[u8]) -> Option<Self> {
        Some(SeedRng {
            seed: seed.try_into().ok()?,
            pos: 0,
        })
    }
}

impl Drop for SeedRng {
    fn drop(&mut self) {
        self.seed.zeroize();
    }
}

impl rand_core::TryRng for SeedRng {
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
            *d = self
                .seed
                .get(self.pos % SEED_LEN)
                .copied()
                .unwrap_or_default();
            self.pos = self.pos.wrapping_add(1);
        }
        Ok(())
    }
}

impl rand_core::TryCryptoRng for SeedRng {}

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
}
