//! Operator forwarding: every `a ⊕ b` on values and references, and `a ⊕= b`, from one
//! by-reference implementation per type. (The arithmetic is written once, in the type's
//! file; these only route the operator syntax to it.)

/// `Add`, `Sub`, `Mul` (and their `Assign` forms) for `$t` on all value/reference
/// combinations, given inherent `add`, `sub`, `mul` methods taking `&self, &Self`.
macro_rules! impl_field_ops {
    ($t:ty) => {
        impl core::ops::Neg for $t {
            type Output = $t;
            #[inline]
            fn neg(self) -> $t {
                <$t>::neg(&self)
            }
        }
        impl core::ops::Neg for &$t {
            type Output = $t;
            #[inline]
            fn neg(self) -> $t {
                <$t>::neg(self)
            }
        }
        $crate::ops::impl_field_ops!(@bin $t, Add, add, AddAssign, add_assign);
        $crate::ops::impl_field_ops!(@bin $t, Sub, sub, SubAssign, sub_assign);
        $crate::ops::impl_field_ops!(@bin $t, Mul, mul, MulAssign, mul_assign);
        impl core::iter::Sum for $t {
            fn sum<I: Iterator<Item = $t>>(iter: I) -> $t {
                iter.fold(<$t>::ZERO, |acc, x| acc + x)
            }
        }
        impl<'a> core::iter::Sum<&'a $t> for $t {
            fn sum<I: Iterator<Item = &'a $t>>(iter: I) -> $t {
                iter.fold(<$t>::ZERO, |acc, x| acc + x)
            }
        }
        impl core::iter::Product for $t {
            fn product<I: Iterator<Item = $t>>(iter: I) -> $t {
                iter.fold(<$t>::ONE, |acc, x| acc * x)
            }
        }
        impl<'a> core::iter::Product<&'a $t> for $t {
            fn product<I: Iterator<Item = &'a $t>>(iter: I) -> $t {
                iter.fold(<$t>::ONE, |acc, x| acc * x)
            }
        }
    };
    (@bin $t:ty, $tr:ident, $f:ident, $tra:ident, $fa:ident) => {
        impl core::ops::$tr<&$t> for &$t {
            type Output = $t;
            #[inline]
            fn $f(self, rhs: &$t) -> $t {
                <$t>::$f(self, rhs)
            }
        }
        impl core::ops::$tr<$t> for &$t {
            type Output = $t;
            #[inline]
            fn $f(self, rhs: $t) -> $t {
                <$t>::$f(self, &rhs)
            }
        }
        impl core::ops::$tr<&$t> for $t {
            type Output = $t;
            #[inline]
            fn $f(self, rhs: &$t) -> $t {
                <$t>::$f(&self, rhs)
            }
        }
        impl core::ops::$tr<$t> for $t {
            type Output = $t;
            #[inline]
            fn $f(self, rhs: $t) -> $t {
                <$t>::$f(&self, &rhs)
            }
        }
        impl core::ops::$tra<&$t> for $t {
            #[inline]
            fn $fa(&mut self, rhs: &$t) {
                *self = <$t>::$f(self, rhs);
            }
        }
        impl core::ops::$tra<$t> for $t {
            #[inline]
            fn $fa(&mut self, rhs: $t) {
                *self = <$t>::$f(self, &rhs);
            }
        }
    };
}

pub(crate) use impl_field_ops;

/// `ff::Field` for `$t`, forwarding to its inherent `try_random`, `square`, `double`,
/// `invert`, `sqrt` and `sqrt_ratio` (the arithmetic lives in the type's file).
macro_rules! impl_ff_field {
    ($t:ty) => {
        impl ff::Field for $t {
            const ZERO: $t = <$t>::ZERO;
            const ONE: $t = <$t>::ONE;

            fn try_random<Rn: rand_core::TryRng + ?Sized>(rng: &mut Rn) -> Result<$t, Rn::Error> {
                <$t>::try_random(rng)
            }

            fn square(&self) -> $t {
                <$t>::square(self)
            }

            fn double(&self) -> $t {
                <$t>::double(self)
            }

            fn invert(&self) -> subtle::CtOption<$t> {
                <$t>::invert(self)
            }

            fn sqrt(&self) -> subtle::CtOption<$t> {
                <$t>::sqrt(self)
            }

            fn sqrt_ratio(num: &$t, div: &$t) -> (subtle::Choice, $t) {
                <$t>::sqrt_ratio(num, div)
            }
        }
    };
}

pub(crate) use impl_ff_field;
