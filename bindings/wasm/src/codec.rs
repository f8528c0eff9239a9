//! Decoding and encoding of the values that are one type per variant (groups, sets,
//! secret shares, membership keys), once: a [`Family`] names the type for each variant,
//! and [`decode`] / [`encode`] dispatch on the variant number.

use blsig_bindings::{Value, VariantOp, by_variant, variant_number};
use blsig_core::{Error, Variant};

use crate::error::JsResult;

/// A value with a byte encoding.
pub(crate) trait Codec: Sized + Send + Sync + 'static {
    fn decode(bytes: &[u8]) -> Result<Self, Error>;
    fn encode(&self) -> Vec<u8>;
}

/// A type per variant (`GroupKey<V>`, `SecretShare<V>`, …).
pub(crate) trait Family {
    type Of<V: Variant>: Codec;
}

/// Decodes a `F::Of<V>` for the variant numbered `variant`, tagged with it.
pub(crate) fn decode<F: Family>(variant: u32, bytes: &[u8]) -> JsResult<Value> {
    struct Decode<'a, F>(&'a [u8], core::marker::PhantomData<F>);
    impl<F: Family> VariantOp for Decode<'_, F> {
        type Out = JsResult<Value>;
        fn run<V: Variant>(self) -> Self::Out {
            let value = <F::Of<V> as Codec>::decode(self.0)?;
            Ok(Value::new(variant_number::<V>(), value))
        }
    }
    by_variant(variant, Decode::<F>(bytes, core::marker::PhantomData))?
}

/// Encodes a tagged `F::Of<V>`.
pub(crate) fn encode<F: Family>(value: &Value) -> JsResult<Vec<u8>> {
    struct Encode<'a, F>(&'a Value, core::marker::PhantomData<F>);
    impl<F: Family> VariantOp for Encode<'_, F> {
        type Out = JsResult<Vec<u8>>;
        fn run<V: Variant>(self) -> Self::Out {
            Ok(self.0.get::<F::Of<V>>()?.encode())
        }
    }
    by_variant(value.tag(), Encode::<F>(value, core::marker::PhantomData))?
}
