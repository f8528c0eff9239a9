//! RNGs that are not random, shared by the tests that check hedging against them.
#![allow(dead_code)]

/// RNGs that are not random: the review's zero, constant and counter generators.
#[derive(Clone, Copy, Debug)]
pub enum BadRng {
    Zero,
    Constant(u64),
    Counter(u64),
}

impl rand_core::TryRng for BadRng {
    type Error = core::convert::Infallible;
    fn try_next_u32(&mut self) -> Result<u32, Self::Error> {
        Ok(self.try_next_u64()? as u32)
    }
    fn try_next_u64(&mut self) -> Result<u64, Self::Error> {
        Ok(match self {
            BadRng::Zero => 0,
            BadRng::Constant(c) => *c,
            BadRng::Counter(n) => {
                *n += 1;
                *n
            }
        })
    }
    fn try_fill_bytes(&mut self, dst: &mut [u8]) -> Result<(), Self::Error> {
        for chunk in dst.chunks_mut(8) {
            let word = self.try_next_u64()?.to_le_bytes();
            chunk.copy_from_slice(&word[..chunk.len()]);
        }
        Ok(())
    }
}

impl rand_core::TryCryptoRng for BadRng {}
