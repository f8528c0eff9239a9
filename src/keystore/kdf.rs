//! The decryption-key functions of EIP-2335 (scrypt, PBKDF2-HMAC-SHA-256) and the bounds
//! that keep a hostile keystore from asking for unbounded memory or time.

use sha2::Sha256;
use zeroize::Zeroizing;

use crate::error::{Error, Result};

/// The decryption key length EIP-2335 uses: 16 bytes of AES-128 key, 16 of checksum key.
pub const DKLEN: usize = 32;
/// The most memory scrypt may use, 128 · r · (n + p) bytes: 1 GiB (4× the ERC's own
/// parameters, n = 2¹⁸, r = 8, which take 256 MiB).
pub const MAX_SCRYPT_MEMORY: u64 = 1 << 30;
/// The most work scrypt may do, 128 · n · r · p bytes mixed: 2³² (16× the ERC's).
pub const MAX_SCRYPT_WORK: u64 = 1 << 32;
/// The most PBKDF2 iterations: 2²² (16× the ERC's 2¹⁸).
pub const MAX_PBKDF2_ROUNDS: u32 = 1 << 22;

/// A key-derivation function with its cost parameters (the salt is kept beside it).
///
/// A keystore read from a file is checked against [`MAX_SCRYPT_MEMORY`],
/// [`MAX_SCRYPT_WORK`] and [`MAX_PBKDF2_ROUNDS`] when it is parsed, before any password is
/// asked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kdf {
    /// scrypt (RFC 7914) with n = 2^`log_n`.
    Scrypt {
        /// log₂ of the CPU/memory cost n (n must be a power of two, at least 2).
        log_n: u8,
        /// The block size r.
        r: u32,
        /// The parallelization p.
        p: u32,
    },
    /// PBKDF2 (RFC 2898) with HMAC-SHA-256.
    Pbkdf2 {
        /// The iteration count c.
        c: u32,
    },
}

impl Kdf {
    /// scrypt with the ERC's parameters, n = 2¹⁸, r = 8, p = 1 (256 MiB, ≈ 1 s): the
    /// default of Ethereum's deposit tooling.
    pub const SCRYPT: Kdf = Kdf::Scrypt {
        log_n: 18,
        r: 8,
        p: 1,
    };
    /// PBKDF2-HMAC-SHA-256 with the ERC's c = 2¹⁸.
    pub const PBKDF2: Kdf = Kdf::Pbkdf2 { c: 1 << 18 };

    /// Checks the parameters against the function's rules and the bounds.
    ///
    /// # Errors
    /// [`Error::KeystoreParameterOutOfBounds`].
    pub fn check(&self) -> Result<()> {
        let ok = match *self {
            Kdf::Scrypt { log_n, r, p } => {
                let (r, p) = (u64::from(r), u64::from(p));
                // n < 2^(16 r) is RFC 7914's own condition; log_n < 40 keeps 2^log_n exact.
                let shapes =
                    (1..40).contains(&log_n) && r > 0 && p > 0 && u64::from(log_n) < 16 * r;
                shapes && {
                    let n = 1u64 << log_n;
                    let memory = (n.saturating_add(p)).saturating_mul(r).saturating_mul(128);
                    let work = n.saturating_mul(r).saturating_mul(p).saturating_mul(128);
                    memory <= MAX_SCRYPT_MEMORY && work <= MAX_SCRYPT_WORK
                }
            }
            Kdf::Pbkdf2 { c } => (1..=MAX_PBKDF2_ROUNDS).contains(&c),
        };
        if ok {
            Ok(())
        } else {
            Err(Error::KeystoreParameterOutOfBounds)
        }
    }

    /// log₂ of the kdf's work, rounded up, in one unit for both functions: scrypt passes at
    /// r = 8, p = 1 (so `SCRYPT` is 18 and p = 16 adds 4), or PBKDF2 iterations (`PBKDF2`
    /// is 18). What a caller compares with its own limit before decrypting a file from an
    /// untrusted source.
    pub fn cost_log2(&self) -> u32 {
        match *self {
            Kdf::Scrypt { log_n, r, p } => {
                let passes = (u64::from(r) * u64::from(p)).div_ceil(8).max(1);
                u32::from(log_n) + passes.next_power_of_two().trailing_zeros()
            }
            Kdf::Pbkdf2 { c } => c.next_power_of_two().trailing_zeros(),
        }
    }

    /// The decryption key of `password` (already processed) and `salt`.
    pub(crate) fn derive(&self, password: &[u8], salt: &[u8]) -> Result<Zeroizing<[u8; DKLEN]>> {
        self.check()?;
        let mut key = Zeroizing::new([0u8; DKLEN]);
        match *self {
            Kdf::Scrypt { log_n, r, p } => {
                let params = scrypt::Params::new(log_n, r, p, DKLEN)
                    .map_err(|_| Error::KeystoreParameterOutOfBounds)?;
                scrypt::scrypt(password, salt, &params, key.as_mut())
                    .map_err(|_| Error::KeystoreParameterOutOfBounds)?;
            }
            Kdf::Pbkdf2 { c } => pbkdf2::pbkdf2_hmac::<Sha256>(password, salt, c, key.as_mut()),
        }
        Ok(key)
    }
}

/// As the EIP's JSON names the parameters: `scrypt (n = 2^18, r = 8, p = 1)`,
/// `pbkdf2 (c = 262144, prf = hmac-sha256)`.
impl core::fmt::Display for Kdf {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match *self {
            Kdf::Scrypt { log_n, r, p } => write!(f, "scrypt (n = 2^{log_n}, r = {r}, p = {p})"),
            Kdf::Pbkdf2 { c } => write!(f, "pbkdf2 (c = {c}, prf = hmac-sha256)"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::string::ToString;

    #[test]
    fn cost_is_one_unit_for_both_functions() {
        assert_eq!(Kdf::SCRYPT.cost_log2(), 18);
        assert_eq!(Kdf::PBKDF2.cost_log2(), 18);
        let hostile = Kdf::Scrypt {
            log_n: 18,
            r: 8,
            p: 16,
        };
        assert_eq!(hostile.cost_log2(), 22);
        assert_eq!(Kdf::Pbkdf2 { c: 1000 }.cost_log2(), 10);
    }

    #[test]
    fn display_names_the_parameters() {
        assert_eq!(Kdf::SCRYPT.to_string(), "scrypt (n = 2^18, r = 8, p = 1)");
        assert_eq!(
            Kdf::PBKDF2.to_string(),
            "pbkdf2 (c = 262144, prf = hmac-sha256)"
        );
    }

    #[test]
    fn bounds() {
        assert_eq!(Kdf::SCRYPT.check(), Ok(()));
        assert_eq!(Kdf::PBKDF2.check(), Ok(()));
        // n = 2^19, r = 8 takes 512 MiB; n = 2^20 would take just over 1 GiB (refused).
        assert_eq!(
            Kdf::Scrypt {
                log_n: 19,
                r: 8,
                p: 1
            }
            .check(),
            Ok(())
        );
        let refused = [
            Kdf::Scrypt {
                log_n: 20,
                r: 8,
                p: 1,
            },
            Kdf::Scrypt {
                log_n: 18,
                r: 8,
                p: 17,
            },
            Kdf::Scrypt {
                log_n: 0,
                r: 8,
                p: 1,
            },
            Kdf::Scrypt {
                log_n: 10,
                r: 0,
                p: 1,
            },
            Kdf::Scrypt {
                log_n: 10,
                r: 8,
                p: 0,
            },
            Kdf::Scrypt {
                log_n: 17,
                r: 1,
                p: 1,
            },
            Kdf::Scrypt {
                log_n: 63,
                r: u32::MAX,
                p: u32::MAX,
            },
            Kdf::Pbkdf2 { c: 0 },
            Kdf::Pbkdf2 {
                c: MAX_PBKDF2_ROUNDS + 1,
            },
        ];
        for kdf in refused {
            assert_eq!(
                kdf.check(),
                Err(Error::KeystoreParameterOutOfBounds),
                "{kdf:?}"
            );
            assert_eq!(
                kdf.derive(b"pw", b"salt").err(),
                Some(Error::KeystoreParameterOutOfBounds)
            );
        }
        assert_eq!(
            Kdf::Scrypt {
                log_n: 18,
                r: 8,
                p: 16
            }
            .check(),
            Ok(())
        );
        assert_eq!(
            Kdf::Pbkdf2 {
                c: MAX_PBKDF2_ROUNDS
            }
            .check(),
            Ok(())
        );
    }

    /// RFC 7914 §12's second scrypt vector and RFC 7914 §11's PBKDF2-HMAC-SHA-256 one,
    /// truncated to 32 bytes.
    #[test]
    fn rfc_7914_vectors() {
        let key = Kdf::Scrypt {
            log_n: 10,
            r: 8,
            p: 16,
        }
        .derive(b"password", b"NaCl")
        .unwrap();
        assert_eq!(
            &key[..],
            &[
                0xfd, 0xba, 0xbe, 0x1c, 0x9d, 0x34, 0x72, 0x00, 0x78, 0x56, 0xe7, 0x19, 0x0d, 0x01,
                0xe9, 0xfe, 0x7c, 0x6a, 0xd7, 0xcb, 0xc8, 0x23, 0x78, 0x30, 0xe7, 0x73, 0x76, 0x63,
                0x4b, 0x37, 0x31, 0x62
            ]
        );
        let key = Kdf::Pbkdf2 { c: 1 }.derive(b"passwd", b"salt").unwrap();
        assert_eq!(
            &key[..],
            &[
                0x55, 0xac, 0x04, 0x6e, 0x56, 0xe3, 0x08, 0x9f, 0xec, 0x16, 0x91, 0xc2, 0x25, 0x44,
                0xb6, 0x05, 0xf9, 0x41, 0x85, 0x21, 0x6d, 0xde, 0x04, 0x65, 0xe6, 0x8b, 0x9d, 0x57,
                0xc2, 0x0d, 0xac, 0xbc
            ]
        );
    }
}
