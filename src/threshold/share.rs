//! A member's secret share f(x).

use core::fmt;
use core::marker::PhantomData;

use bls12_381::Scalar;
use subtle::ConstantTimeEq;
use zeroize::{Zeroize, Zeroizing};

use super::ShareId;
use crate::error::{Error, Result};
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
        let mut le = Zeroizing::new(self.value.to_bytes());
        for (dst, src) in value.iter_mut().zip(le.iter().rev()) {
            *dst = *src;
        }
        le.zeroize();
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
        let mut le = Zeroizing::new([0u8; 32]);
        for (dst, src) in le.iter_mut().zip(value.iter().rev()) {
            *dst = *src;
        }
        let value: Option<Scalar> = Scalar::from_bytes(&le).into();
        Ok(SecretShare::new(id, value.ok_or(Error::InvalidSecretKey)?))
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
