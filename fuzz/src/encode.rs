//! Bytes that `arbitrary` (1.x, as pinned in `Cargo.lock`) parses back into a given value:
//! the inverse of its derived `Arbitrary` impls, for the types the inputs use. Integers are
//! little-endian; a `bool` is a byte whose low bit is the value; a collection is a sequence
//! of (continue = 1, element) ending with a 0; an enum is a `u32` whose top bits select the
//! variant. [`seed`] checks every encoding by parsing it back, so a change in `arbitrary`'s
//! format fails the seed writer instead of silently producing useless seeds.

use std::fmt::Debug;

use arbitrary::{Arbitrary, Unstructured};

/// A value that can be written in `arbitrary`'s input format.
pub trait Encode {
    fn encode(&self, out: &mut Vec<u8>);
}

impl Encode for u8 {
    fn encode(&self, out: &mut Vec<u8>) {
        out.push(*self);
    }
}

impl Encode for bool {
    fn encode(&self, out: &mut Vec<u8>) {
        out.push(u8::from(*self));
    }
}

impl Encode for u16 {
    fn encode(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.to_le_bytes());
    }
}

impl Encode for u64 {
    fn encode(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.to_le_bytes());
    }
}

impl<const N: usize> Encode for [u8; N] {
    fn encode(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(self);
    }
}

impl<T: Encode> Encode for Vec<T> {
    fn encode(&self, out: &mut Vec<u8>) {
        for x in self {
            out.push(1);
            x.encode(out);
        }
        out.push(0);
    }
}

impl<T: Encode> Encode for Option<T> {
    fn encode(&self, out: &mut Vec<u8>) {
        match self {
            None => out.push(0),
            Some(x) => {
                out.push(1);
                x.encode(out);
            }
        }
    }
}

impl<A: Encode, B: Encode> Encode for (A, B) {
    fn encode(&self, out: &mut Vec<u8>) {
        self.0.encode(out);
        self.1.encode(out);
    }
}

impl<A: Encode, B: Encode, C: Encode> Encode for (A, B, C) {
    fn encode(&self, out: &mut Vec<u8>) {
        self.0.encode(out);
        self.1.encode(out);
        self.2.encode(out);
    }
}

/// [`Encode`] for a struct: its fields in declaration order, as the derived `Arbitrary`
/// reads them.
#[macro_export]
macro_rules! encode_struct {
    ($name:ident { $($field:ident),* $(,)? }) => {
        impl $crate::encode::Encode for $name {
            fn encode(&self, out: &mut Vec<u8>) {
                $($crate::encode::Encode::encode(&self.$field, out);)*
            }
        }
    };
}

/// The tag of variant `index` of an enum with `count` variants: the derive picks variant
/// `(u32 × count) >> 32`, so the smallest `u32` that lands on `index`.
pub fn variant(out: &mut Vec<u8>, index: u32, count: u32) {
    assert!(index < count, "variant {index} of {count}");
    let tag = (u64::from(index) << 32).div_ceil(u64::from(count));
    let tag = u32::try_from(tag).expect("below 2^32 since index < count");
    out.extend_from_slice(&tag.to_le_bytes());
}

/// `value`'s encoding, checked: `arbitrary` parses it back (as `fuzz_target!` does, with
/// `arbitrary_take_rest`) into a value that prints the same.
pub fn seed<T>(value: &T) -> Vec<u8>
where
    T: Encode + Debug + for<'b> Arbitrary<'b>,
{
    let mut out = Vec::new();
    value.encode(&mut out);
    let parsed = T::arbitrary_take_rest(Unstructured::new(&out)).expect("a seed parses");
    assert_eq!(
        format!("{parsed:?}"),
        format!("{value:?}"),
        "a seed parses back to the value it encodes"
    );
    out
}
