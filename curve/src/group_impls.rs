//! The trait vocabulary of the ecosystem (`group` 0.14) and the operators, for every curve
//! of [`CurveParams`]: one generic implementation, routed to the arithmetic in `point.rs`,
//! the multiplication in `scalar_mul.rs` and the encodings in `encoding.rs`.

use core::iter::Sum;
use core::ops::{Add, AddAssign, Mul, MulAssign, Neg, Sub, SubAssign};

use group::prime::{PrimeCurve, PrimeGroup};
use group::{Curve, CurveAffine, Group, GroupEncoding, UncompressedEncoding};
use rand_core::TryRng;
use subtle::{Choice, CtOption};

use crate::encoding::{self, Coordinate};
use crate::point::{Affine, CurveParams, Projective};
use crate::scalar::Scalar;

impl<C: CurveParams> Projective<C> {
    /// k·P in constant time (GLV on G1, GLS on G2).
    pub fn mul_scalar(&self, k: &Scalar) -> Self {
        C::mul(self, k)
    }

    /// Whether the point lies in the prime-order subgroup (constant time).
    pub fn is_torsion_free(&self) -> Choice {
        C::is_torsion_free(self)
    }

    /// The cofactor-cleared multiple (in the subgroup).
    pub fn clear_cofactor(&self) -> Self {
        C::clear_cofactor(self)
    }
}

impl<C: CurveParams> Affine<C> {
    /// Whether the point lies in the prime-order subgroup (constant time).
    pub fn is_torsion_free(&self) -> Choice {
        C::is_torsion_free(&Projective::from(self))
    }
}

impl<C: CurveParams> Neg for Projective<C> {
    type Output = Self;
    fn neg(self) -> Self {
        Projective::neg(&self)
    }
}

impl<C: CurveParams> Neg for &Projective<C> {
    type Output = Projective<C>;
    fn neg(self) -> Projective<C> {
        Projective::neg(self)
    }
}

impl<C: CurveParams> Neg for Affine<C> {
    type Output = Self;
    fn neg(self) -> Self {
        Affine::neg(&self)
    }
}

/// `Add`/`Sub` (and assigning forms) of `$rhs` values and references on projective points,
/// through `$f` (complete or mixed addition).
macro_rules! point_ops {
    ($rhs:ty, $add:ident) => {
        impl<C: CurveParams> Add<&$rhs> for &Projective<C> {
            type Output = Projective<C>;
            fn add(self, rhs: &$rhs) -> Projective<C> {
                Projective::$add(self, rhs)
            }
        }
        impl<C: CurveParams> Add<$rhs> for Projective<C> {
            type Output = Projective<C>;
            fn add(self, rhs: $rhs) -> Projective<C> {
                Projective::$add(&self, &rhs)
            }
        }
        impl<C: CurveParams> Add<&$rhs> for Projective<C> {
            type Output = Projective<C>;
            fn add(self, rhs: &$rhs) -> Projective<C> {
                Projective::$add(&self, rhs)
            }
        }
        impl<C: CurveParams> Sub<&$rhs> for &Projective<C> {
            type Output = Projective<C>;
            fn sub(self, rhs: &$rhs) -> Projective<C> {
                Projective::$add(self, &-*rhs)
            }
        }
        impl<C: CurveParams> Sub<$rhs> for Projective<C> {
            type Output = Projective<C>;
            fn sub(self, rhs: $rhs) -> Projective<C> {
                Projective::$add(&self, &-rhs)
            }
        }
        impl<C: CurveParams> Sub<&$rhs> for Projective<C> {
            type Output = Projective<C>;
            fn sub(self, rhs: &$rhs) -> Projective<C> {
                Projective::$add(&self, &-*rhs)
            }
        }
        impl<C: CurveParams> AddAssign<$rhs> for Projective<C> {
            fn add_assign(&mut self, rhs: $rhs) {
                *self = Projective::$add(self, &rhs);
            }
        }
        impl<C: CurveParams> AddAssign<&$rhs> for Projective<C> {
            fn add_assign(&mut self, rhs: &$rhs) {
                *self = Projective::$add(self, rhs);
            }
        }
        impl<C: CurveParams> SubAssign<$rhs> for Projective<C> {
            fn sub_assign(&mut self, rhs: $rhs) {
                *self = Projective::$add(self, &-rhs);
            }
        }
        impl<C: CurveParams> SubAssign<&$rhs> for Projective<C> {
            fn sub_assign(&mut self, rhs: &$rhs) {
                *self = Projective::$add(self, &-*rhs);
            }
        }
    };
}

point_ops!(Projective<C>, add);
point_ops!(Affine<C>, add_mixed);

impl<C: CurveParams> Mul<&Scalar> for &Projective<C> {
    type Output = Projective<C>;
    fn mul(self, k: &Scalar) -> Projective<C> {
        self.mul_scalar(k)
    }
}

impl<C: CurveParams> Mul<Scalar> for Projective<C> {
    type Output = Projective<C>;
    fn mul(self, k: Scalar) -> Projective<C> {
        self.mul_scalar(&k)
    }
}

impl<C: CurveParams> Mul<&Scalar> for Projective<C> {
    type Output = Projective<C>;
    fn mul(self, k: &Scalar) -> Projective<C> {
        self.mul_scalar(k)
    }
}

impl<C: CurveParams> MulAssign<Scalar> for Projective<C> {
    fn mul_assign(&mut self, k: Scalar) {
        *self = self.mul_scalar(&k);
    }
}

impl<C: CurveParams> MulAssign<&Scalar> for Projective<C> {
    fn mul_assign(&mut self, k: &Scalar) {
        *self = self.mul_scalar(k);
    }
}

impl<C: CurveParams> Mul<Scalar> for Affine<C> {
    type Output = Projective<C>;
    fn mul(self, k: Scalar) -> Projective<C> {
        Projective::from(&self).mul_scalar(&k)
    }
}

impl<C: CurveParams> Mul<&Scalar> for Affine<C> {
    type Output = Projective<C>;
    fn mul(self, k: &Scalar) -> Projective<C> {
        Projective::from(&self).mul_scalar(k)
    }
}

impl<C: CurveParams> Sum for Projective<C> {
    fn sum<I: Iterator<Item = Self>>(iter: I) -> Self {
        iter.fold(Projective::identity(), |a, b| a.add(&b))
    }
}

impl<'a, C: CurveParams> Sum<&'a Projective<C>> for Projective<C> {
    fn sum<I: Iterator<Item = &'a Self>>(iter: I) -> Self {
        iter.fold(Projective::identity(), |a, b| a.add(b))
    }
}

impl<C: CurveParams> Group for Projective<C>
where
    C::Base: Coordinate,
{
    type Scalar = Scalar;

    /// A random multiple of the generator (uniform in the subgroup).
    fn try_random<R: TryRng + ?Sized>(rng: &mut R) -> Result<Self, R::Error> {
        Ok(Projective::generator().mul_scalar(&Scalar::try_random(rng)?))
    }

    fn identity() -> Self {
        Projective::identity()
    }

    fn generator() -> Self {
        Projective::generator()
    }

    fn is_identity(&self) -> Choice {
        Projective::is_identity(self)
    }

    fn double(&self) -> Self {
        Projective::double(self)
    }
}

impl<C: CurveParams> Curve for Projective<C>
where
    C::Base: Coordinate,
{
    type Affine = Affine<C>;

    fn batch_normalize(p: &[Self], q: &mut [Affine<C>]) {
        Projective::batch_normalize(p, q);
    }

    fn to_affine(&self) -> Affine<C> {
        Projective::to_affine(self)
    }
}

impl<C: CurveParams> PrimeGroup for Projective<C> where C::Base: Coordinate {}

impl<C: CurveParams> PrimeCurve for Projective<C> where C::Base: Coordinate {}

impl<C: CurveParams> CurveAffine for Affine<C>
where
    C::Base: Coordinate,
{
    type Scalar = Scalar;
    type Curve = Projective<C>;

    fn identity() -> Self {
        Affine::identity()
    }

    fn generator() -> Self {
        Affine::generator()
    }

    fn is_identity(&self) -> Choice {
        Affine::is_identity(self)
    }

    fn to_curve(&self) -> Projective<C> {
        Projective::from(self)
    }
}

impl<C: CurveParams> GroupEncoding for Affine<C>
where
    C::Base: Coordinate,
{
    type Repr = C::Compressed;

    /// Decodes a compressed point and checks that it is in the subgroup.
    fn from_bytes(bytes: &C::Compressed) -> CtOption<Self> {
        Self::from_bytes_unchecked(bytes).and_then(|p| CtOption::new(p, p.is_torsion_free()))
    }

    /// Decodes a compressed point on the curve, without the subgroup check.
    fn from_bytes_unchecked(bytes: &C::Compressed) -> CtOption<Self> {
        encoding::decompress_unchecked(bytes.as_ref())
    }

    fn to_bytes(&self) -> C::Compressed {
        let mut out = C::Compressed::default();
        encoding::compress(self, out.as_mut());
        out
    }
}

impl<C: CurveParams> UncompressedEncoding for Affine<C>
where
    C::Base: Coordinate,
{
    type Uncompressed = C::Uncompressed;

    /// Decodes an uncompressed point and checks that it is in the subgroup.
    fn from_uncompressed(bytes: &C::Uncompressed) -> CtOption<Self> {
        Self::from_uncompressed_unchecked(bytes).and_then(|p| CtOption::new(p, p.is_torsion_free()))
    }

    /// Decodes an uncompressed point on the curve, without the subgroup check.
    fn from_uncompressed_unchecked(bytes: &C::Uncompressed) -> CtOption<Self> {
        encoding::from_uncompressed_unchecked(bytes.as_ref())
    }

    fn to_uncompressed(&self) -> C::Uncompressed {
        let mut out = C::Uncompressed::default();
        encoding::uncompress(self, out.as_mut());
        out
    }
}

impl<C: CurveParams> GroupEncoding for Projective<C>
where
    C::Base: Coordinate,
{
    type Repr = C::Compressed;

    fn from_bytes(bytes: &C::Compressed) -> CtOption<Self> {
        Affine::<C>::from_bytes(bytes).map(|p| Projective::from(&p))
    }

    fn from_bytes_unchecked(bytes: &C::Compressed) -> CtOption<Self> {
        Affine::<C>::from_bytes_unchecked(bytes).map(|p| Projective::from(&p))
    }

    fn to_bytes(&self) -> C::Compressed {
        self.to_affine().to_bytes()
    }
}
