//! A core value with the number of its variant or suite, type-erased so that one binding
//! type serves every suite; asking for the wrong type is [`SuiteMismatch`].

use alloc::boxed::Box;
use alloc::vec::Vec;
use core::any::Any;

/// A value was asked for as a type of another suite (a min-sig key with a min-pk
/// signature, a Basic signature where a Pop one is needed).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SuiteMismatch;

/// A core value with the number of its variant or suite.
pub struct Value {
    tag: u32,
    value: Box<dyn Any + Send + Sync>,
}

impl Value {
    /// Wraps `value`, tagged with its variant or suite number.
    pub fn new<T: Any + Send + Sync>(tag: u32, value: T) -> Self {
        Value {
            tag,
            value: Box::new(value),
        }
    }

    /// The variant or suite number.
    pub fn tag(&self) -> u32 {
        self.tag
    }

    /// The value as a `T`.
    ///
    /// # Errors
    /// [`SuiteMismatch`] if it is not one.
    pub fn get<T: Any>(&self) -> Result<&T, SuiteMismatch> {
        self.value.downcast_ref::<T>().ok_or(SuiteMismatch)
    }

    /// The value as a mutable `T`.
    ///
    /// # Errors
    /// [`SuiteMismatch`] if it is not one.
    pub fn get_mut<T: Any>(&mut self) -> Result<&mut T, SuiteMismatch> {
        self.value.downcast_mut::<T>().ok_or(SuiteMismatch)
    }
}

/// Every value as a `T` (copied out).
///
/// # Errors
/// [`SuiteMismatch`] for the first that is not one.
pub fn all<T: Any + Clone>(values: &[&Value]) -> Result<Vec<T>, SuiteMismatch> {
    values.iter().map(|v| v.get::<T>().cloned()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_access() {
        let mut v = Value::new(3, 7u8);
        assert_eq!(v.tag(), 3);
        assert_eq!(v.get::<u8>(), Ok(&7));
        assert_eq!(v.get::<u16>(), Err(SuiteMismatch));
        *v.get_mut::<u8>().unwrap_or(&mut 0) = 9;
        assert_eq!(all::<u8>(&[&v, &v]), Ok(alloc::vec![9, 9]));
        assert_eq!(all::<u16>(&[&v]), Err(SuiteMismatch));
    }
}
