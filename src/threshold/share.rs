//! A member's secret share f(x).

use core::fmt;
use core::marker::PhantomData;

use blsig_curve::Scalar;
use subtle::ConstantTimeEq;
use zeroize::{Zeroize, Zeroizing};

use super::ShareId;
use crate::error::{Error, Result};
use crate::hash::{scalar_from_be32, scalar_to_be32};
use crate::secret_key::SecretKey;
use crate::variant::Variant;

/// A member's secret share: its identifier x and the value f(x) of the group's secret
/// polynomial.
///
/// Like a [`SecretKey`](crate::SecretKey): zeroized on drop, no `Clone`/`Copy`, redacted
/// `Debug`, constant-time `==`, exported only as a zeroizing buffer.
pub struct SecretShare<V: Variant> {
    id: ShareId,
    value: Scalar,
    _variant: PhantomData<V>,
}

impl<V: Variant> SecretShare<V> {
    pub(crate) fn new(id: ShareId, value: Scalar) -> Self {
        SecretShare {
            id,
            value,
            _variant: PhantomData,
        }
    }

    /// The share with value `value` at identifier `id` (for shares another implementation
    /// dealt, such as herumi's `blsSecretKeyShare` output).
    pub fn from_scalar(id: ShareId, value: Scalar) -> Self {
        SecretShare::new(id, value)
    }

    /// The share at `id` whose value is the scalar of `key` (herumi and most threshold
    /// libraries hand out shares as ordinary secret keys).
    pub fn from_secret_key(id: ShareId, key: &SecretKey<V>) -> Self {
        SecretShare::new(id, *key.scalar())
    }

    /// The identifier x.
    pub fn id(&self) -> ShareId {
        self.id
    }

    pub(crate) fn value(&self) -> &Scalar {
        &self.value
    }

    /// `x (32 bytes, big-endian) ‖ f(x) (32 bytes, big-endian)`, in a buffer zeroized on
    /// drop.
    pub fn to_bytes(&self) -> Zeroizing<[u8; 64]> {
        let mut out = Zeroizing::new([0u8; 64]);
        let (id, value) = out.split_at_mut(32);
        id.copy_from_slice(&self.id.to_bytes());
        value.copy_from_slice(scalar_to_be32(&self.value).as_ref());
        out
    }

    /// Decodes [`SecretShare::to_bytes`].
    ///
    /// # Errors
    /// [`Error::InvalidLength`] unless 64 bytes; [`Error::InvalidShareId`];
    /// [`Error::InvalidSecretKey`] if f(x) is not below r.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self> {
        if bytes.len() != 64 {
            return Err(Error::InvalidLength {
                expected: 64,
                actual: bytes.len(),
            });
        }
        let (id, value) = bytes.split_at(32);
        let id = ShareId::from_bytes(id)?;
        let value = scalar_from_be32(value).ok_or(Error::InvalidSecretKey)?;
        Ok(SecretShare::new(id, value))
    }
}

impl<V: Variant> Drop for SecretShare<V> {
    fn drop(&mut self) {
        self.value.zeroize();
    }
}

impl<V: Variant> fmt::Debug for SecretShare<V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SecretShare")
            .field("id", &self.id)
            .field("value", &"<redacted>")
            .finish()
    }
}

impl<V: Variant> ConstantTimeEq for SecretShare<V> {
    fn ct_eq(&self, other: &Self) -> subtle::Choice {
        self.id.to_bytes().ct_eq(&other.id.to_bytes()) & self.value.ct_eq(&other.value)
    }
}

impl<V: Variant> PartialEq for SecretShare<V> {
    fn eq(&self, other: &Self) -> bool {
        self.ct_eq(other).into()
    }
}

impl<V: Variant> Eq for SecretShare<V> {}
