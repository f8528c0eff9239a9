//! A public key with its Miller-loop lines computed once, for keys that verify many
//! signatures (a validator's key, a server's key, a group key).

use core::fmt;

use crate::curve::Curve as _;
use crate::public_key::PublicKey;
use crate::variant::Variant;

/// A [`PublicKey`] prepared for repeated verification: in [`crate::MinSig`] the key is the
/// G2 argument of the pairing, and its line coefficients (68 doubling and addition steps
/// of the Miller loop) are computed here once instead of in every Verify; the G2 generator's
/// lines are cached by the crate for every min-sig verification anyway. In
/// [`crate::MinPk`] the key is in G1, which the Miller loop does not precompute, so
/// preparing it saves nothing (it is accepted so that code can be generic).
///
/// Verification with it ([`PreparedPublicKey::verify`]) gives exactly the results of
/// [`PublicKey::verify`].
#[derive(Clone)]
pub struct PreparedPublicKey<V: Variant> {
    key: PublicKey<V>,
    lines: Option<blsig_curve::G2Prepared>,
}

impl<V: Variant> PreparedPublicKey<V> {
    /// Prepares `key` (in min-sig: its G2 line coefficients, about one Miller loop's worth
    /// of work, ≈ 20 KiB).
    pub fn new(key: &PublicKey<V>) -> Self {
        let lines = if V::Pk::DIGIT == b'2' {
            let (_, g2) = V::pairing_args(key.as_point(), &Default::default());
            Some(blsig_curve::G2Prepared::from(g2))
        } else {
            None
        };
        PreparedPublicKey { key: *key, lines }
    }

    /// The key.
    pub fn public_key(&self) -> &PublicKey<V> {
        &self.key
    }

    /// The key's G2 lines, when it is the G2 argument of the pairing.
    pub(crate) fn lines(&self) -> Option<&blsig_curve::G2Prepared> {
        self.lines.as_ref()
    }
}

impl<V: Variant> From<&PublicKey<V>> for PreparedPublicKey<V> {
    fn from(key: &PublicKey<V>) -> Self {
        PreparedPublicKey::new(key)
    }
}

impl<V: Variant> fmt::Debug for PreparedPublicKey<V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("PreparedPublicKey").field(&self.key).finish()
    }
}
