//! Points of a short Weierstrass curve y² = x³ + b (a = 0) over a field F, generic over the
//! curve ([`CurveParams`]): homogeneous projective coordinates (X : Y : Z) with the complete
//! formulas of Renes, Costello and Batina ("Complete addition formulas for prime order
//! elliptic curves", EUROCRYPT 2016, Algorithms 7, 8 and 9 for a = 0), and affine points
//! with an explicit identity flag. G1 and G2 are this one implementation with their own
//! parameters.
//!
//! Complete formulas have no exceptional cases (doubling, the identity, P + (−P)), so they
//! run the same instructions for every input: constant time by construction.

use core::fmt;
use core::marker::PhantomData;

use ff::Field;
use subtle::{Choice, ConditionallySelectable, ConstantTimeEq};

/// What a curve y² = x³ + b contributes: its coordinate field, b, and a generator.
pub trait CurveParams: 'static + Copy + Send + Sync + fmt::Debug + Default {
    /// The coordinate field (Fp for G1, Fp2 for G2).
    type Base: Field;
    /// b.
    const B: Self::Base;
    /// 3b, which the complete formulas multiply by.
    const B3: Self::Base;
    /// t·3b; curves whose 3b is small override it with additions (the default multiplies).
    #[inline(always)]
    fn mul_by_3b(t: &Self::Base) -> Self::Base {
        *t * Self::B3
    }
    /// The generator's affine coordinates.
    const GENERATOR: (Self::Base, Self::Base);
    /// The compressed encoding's bytes.
    type Compressed: Copy + Default + Send + Sync + 'static + AsRef<[u8]> + AsMut<[u8]>;
    /// The uncompressed encoding's bytes.
    type Uncompressed: Copy + Default + Send + Sync + 'static + AsRef<[u8]> + AsMut<[u8]>;
    /// k·P in constant time (the curve's fastest method; the default is fixed windows).
    fn mul(p: &Projective<Self>, k: &crate::scalar::Scalar) -> Projective<Self> {
        crate::scalar_mul::mul(p, k)
    }
    /// Whether a point (on the curve) lies in the prime-order subgroup. Constant time.
    fn is_torsion_free(p: &Projective<Self>) -> Choice;
    /// A multiple of a point on the curve that lies in the subgroup (cofactor clearing).
    fn clear_cofactor(p: &Projective<Self>) -> Projective<Self>;
}

/// A point in homogeneous projective coordinates: (X : Y : Z) is (X/Z, Y/Z), and Z = 0 is
/// the identity (0 : 1 : 0).
#[derive(Clone, Copy)]
pub struct Projective<C: CurveParams> {
    pub(crate) x: C::Base,
    pub(crate) y: C::Base,
    pub(crate) z: C::Base,
    _curve: PhantomData<C>,
}

/// A point in affine coordinates, or the identity (`infinity` set; then x = 0, y = 1).
#[derive(Clone, Copy)]
pub struct Affine<C: CurveParams> {
    pub(crate) x: C::Base,
    pub(crate) y: C::Base,
    pub(crate) infinity: Choice,
    _curve: PhantomData<C>,
}

impl<C: CurveParams> Affine<C> {
    /// The identity.
    pub fn identity() -> Self {
        Affine {
            x: C::Base::ZERO,
            y: C::Base::ONE,
            infinity: Choice::from(1),
            _curve: PhantomData,
        }
    }

    /// The generator.
    pub fn generator() -> Self {
        Affine::from_xy_unchecked(C::GENERATOR.0, C::GENERATOR.1)
    }

    /// The point (x, y), not checked to be on the curve (the decoders check).
    pub(crate) fn from_xy_unchecked(x: C::Base, y: C::Base) -> Self {
        Affine {
            x,
            y,
            infinity: Choice::from(0),
            _curve: PhantomData,
        }
    }

    /// x (0 for the identity).
    pub fn x(&self) -> C::Base {
        self.x
    }

    /// y (1 for the identity).
    pub fn y(&self) -> C::Base {
        self.y
    }

    /// Whether this is the identity.
    pub fn is_identity(&self) -> Choice {
        self.infinity
    }

    /// Whether y² = x³ + b (or the identity).
    pub fn is_on_curve(&self) -> Choice {
        (self.y.square() - self.x.square() * self.x).ct_eq(&C::B) | self.infinity
    }

    /// −P.
    pub fn neg(&self) -> Self {
        Affine {
            x: self.x,
            y: C::Base::conditional_select(&-self.y, &C::Base::ONE, self.infinity),
            infinity: self.infinity,
            _curve: PhantomData,
        }
    }
}

impl<C: CurveParams> Projective<C> {
    /// The identity (0 : 1 : 0).
    pub fn identity() -> Self {
        Projective {
            x: C::Base::ZERO,
            y: C::Base::ONE,
            z: C::Base::ZERO,
            _curve: PhantomData,
        }
    }

    /// The generator.
    pub fn generator() -> Self {
        Projective::from(&Affine::<C>::generator())
    }

    pub(crate) fn from_xyz(x: C::Base, y: C::Base, z: C::Base) -> Self {
        Projective {
            x,
            y,
            z,
            _curve: PhantomData,
        }
    }

    /// Whether this is the identity (Z = 0).
    pub fn is_identity(&self) -> Choice {
        self.z.is_zero()
    }

    /// Whether Y²Z = X³ + bZ³ (the identity included).
    pub fn is_on_curve(&self) -> Choice {
        let lhs = self.y.square() * self.z;
        let rhs = self.x.square() * self.x + self.z.square() * self.z * C::B;
        lhs.ct_eq(&rhs) | self.z.is_zero()
    }

    /// 2P: RCB Algorithm 9 (a = 0), 6M + 2S + 1·m₃b.
    pub fn double(&self) -> Self {
        let (x, y, z) = (self.x, self.y, self.z);
        let t0 = y.square();
        let mut z3 = t0.double().double().double();
        let t1 = y * z;
        let mut t2 = z.square();
        t2 = C::mul_by_3b(&t2);
        let mut x3 = t2 * z3;
        let mut y3 = t0 + t2;
        z3 *= t1;
        let t1 = t2.double();
        let t2 = t1 + t2;
        let t0 = t0 - t2;
        y3 = t0 * y3;
        y3 += x3;
        let t1 = x * y;
        x3 = t0 * t1;
        x3 = x3.double();
        Projective::from_xyz(x3, y3, z3)
    }

    /// P + Q: RCB Algorithm 7 (a = 0), 12M + 2·m₃b, complete.
    pub fn add(&self, rhs: &Self) -> Self {
        let (x1, y1, z1) = (self.x, self.y, self.z);
        let (x2, y2, z2) = (rhs.x, rhs.y, rhs.z);
        let t0 = x1 * x2;
        let t1 = y1 * y2;
        let t2 = z1 * z2;
        let mut t3 = (x1 + y1) * (x2 + y2);
        let mut t4 = t0 + t1;
        t3 -= t4;
        t4 = (y1 + z1) * (y2 + z2);
        let mut x3 = t1 + t2;
        t4 -= x3;
        x3 = (x1 + z1) * (x2 + z2);
        let y3 = x3 - (t0 + t2);
        Projective::rcb_tail(t0, t1, C::mul_by_3b(&t2), t3, t4, y3)
    }

    /// The last steps Algorithms 7 and 8 share, from t₀ = X₁X₂, t₁ = Y₁Y₂, b3z = 3b·(Z₁Z₂
    /// or Z₁), t₃, t₄ and y₃ (= X₁Z₂ + X₂Z₁, or X₂Z₁ + X₁) as the paper names them.
    #[inline(always)]
    fn rcb_tail(
        t0: C::Base,
        t1: C::Base,
        b3z: C::Base,
        t3: C::Base,
        t4: C::Base,
        y3: C::Base,
    ) -> Self {
        let t0 = t0.double() + t0;
        let mut z3 = t1 + b3z;
        let t1 = t1 - b3z;
        let y3 = C::mul_by_3b(&y3);
        let x3 = t3 * t1 - t4 * y3;
        let y3 = y3 * t0 + t1 * z3;
        z3 = z3 * t4 + t0 * t3;
        Projective::from_xyz(x3, y3, z3)
    }

    /// P + Q for an affine Q: RCB Algorithm 8 (a = 0), 11M + 2·m₃b; Q = identity is
    /// selected around (the affine form has no Z to carry it).
    pub fn add_mixed(&self, rhs: &Affine<C>) -> Self {
        let (x1, y1, z1) = (self.x, self.y, self.z);
        let (x2, y2) = (rhs.x, rhs.y);
        let t0 = x1 * x2;
        let t1 = y1 * y2;
        let mut t3 = (x2 + y2) * (x1 + y1);
        let mut t4 = t0 + t1;
        t3 -= t4;
        t4 = y2 * z1;
        t4 += y1;
        let y3 = x2 * z1 + x1;
        let sum = Projective::rcb_tail(t0, t1, C::mul_by_3b(&z1), t3, t4, y3);
        Projective::conditional_select(&sum, self, rhs.infinity)
    }

    /// −P.
    pub fn neg(&self) -> Self {
        Projective::from_xyz(self.x, -self.y, self.z)
    }

    /// P − Q.
    pub fn sub(&self, rhs: &Self) -> Self {
        self.add(&rhs.neg())
    }

    /// The affine form (one field inversion; the identity maps to the identity).
    pub fn to_affine(&self) -> Affine<C> {
        let zinv = self.z.invert().unwrap_or(C::Base::ZERO);
        let p = Affine::from_xy_unchecked(self.x * zinv, self.y * zinv);
        Affine::conditional_select(&p, &Affine::identity(), self.z.is_zero())
    }

    /// Affine forms of many points with one inversion (Montgomery's trick); identities stay
    /// identities. `out` must be as long as `points` (extra entries are left alone).
    pub fn batch_normalize(points: &[Self], out: &mut [Affine<C>]) {
        // Prefix products of the Z's, skipping (multiplying by 1 for) zero Z's.
        let mut acc = C::Base::ONE;
        for (p, o) in points.iter().zip(out.iter_mut()) {
            o.x = acc;
            acc = C::Base::conditional_select(&(acc * p.z), &acc, p.z.is_zero());
        }
        let mut inv = acc.invert().unwrap_or(C::Base::ZERO);
        for (p, o) in points.iter().zip(out.iter_mut()).rev() {
            let zinv = inv * o.x;
            inv = C::Base::conditional_select(&(inv * p.z), &inv, p.z.is_zero());
            let q = Affine::from_xy_unchecked(p.x * zinv, p.y * zinv);
            *o = Affine::conditional_select(&q, &Affine::identity(), p.z.is_zero());
        }
    }
}

impl<C: CurveParams> From<&Affine<C>> for Projective<C> {
    fn from(p: &Affine<C>) -> Self {
        Projective::from_xyz(
            p.x,
            p.y,
            C::Base::conditional_select(&C::Base::ONE, &C::Base::ZERO, p.infinity),
        )
    }
}

impl<C: CurveParams> From<Affine<C>> for Projective<C> {
    fn from(p: Affine<C>) -> Self {
        Projective::from(&p)
    }
}

impl<C: CurveParams> From<&Projective<C>> for Affine<C> {
    fn from(p: &Projective<C>) -> Self {
        p.to_affine()
    }
}

impl<C: CurveParams> From<Projective<C>> for Affine<C> {
    fn from(p: Projective<C>) -> Self {
        p.to_affine()
    }
}

impl<C: CurveParams> ConstantTimeEq for Projective<C> {
    /// (X₁Z₂, Y₁Z₂) = (X₂Z₁, Y₂Z₁): equal as points (the identity always has X = 0).
    fn ct_eq(&self, other: &Self) -> Choice {
        (self.x * other.z).ct_eq(&(other.x * self.z))
            & (self.y * other.z).ct_eq(&(other.y * self.z))
            & !(self.z.is_zero() ^ other.z.is_zero())
    }
}

impl<C: CurveParams> ConstantTimeEq for Affine<C> {
    fn ct_eq(&self, other: &Self) -> Choice {
        (self.infinity & other.infinity)
            | (!self.infinity & !other.infinity & self.x.ct_eq(&other.x) & self.y.ct_eq(&other.y))
    }
}

impl<C: CurveParams> ConditionallySelectable for Projective<C> {
    fn conditional_select(a: &Self, b: &Self, choice: Choice) -> Self {
        Projective::from_xyz(
            C::Base::conditional_select(&a.x, &b.x, choice),
            C::Base::conditional_select(&a.y, &b.y, choice),
            C::Base::conditional_select(&a.z, &b.z, choice),
        )
    }
}

impl<C: CurveParams> ConditionallySelectable for Affine<C> {
    fn conditional_select(a: &Self, b: &Self, choice: Choice) -> Self {
        Affine {
            x: C::Base::conditional_select(&a.x, &b.x, choice),
            y: C::Base::conditional_select(&a.y, &b.y, choice),
            infinity: Choice::conditional_select(&a.infinity, &b.infinity, choice),
            _curve: PhantomData,
        }
    }
}

impl<C: CurveParams> PartialEq for Projective<C> {
    fn eq(&self, other: &Self) -> bool {
        self.ct_eq(other).into()
    }
}

impl<C: CurveParams> Eq for Projective<C> {}

impl<C: CurveParams> PartialEq for Affine<C> {
    fn eq(&self, other: &Self) -> bool {
        self.ct_eq(other).into()
    }
}

impl<C: CurveParams> Eq for Affine<C> {}

impl<C: CurveParams> Default for Projective<C> {
    fn default() -> Self {
        Projective::identity()
    }
}

impl<C: CurveParams> Default for Affine<C> {
    fn default() -> Self {
        Affine::identity()
    }
}

// Zeroizing a point (a secret-dependent intermediate, a share's commitment) sets it to the
// identity, the `Default`.
impl<C: CurveParams> zeroize::DefaultIsZeroes for Projective<C> {}
impl<C: CurveParams> zeroize::DefaultIsZeroes for Affine<C> {}

impl<C: CurveParams> fmt::Debug for Affine<C> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if bool::from(self.infinity) {
            f.write_str("Affine(identity)")
        } else {
            write!(f, "Affine(x = {:?}, y = {:?})", self.x, self.y)
        }
    }
}

impl<C: CurveParams> fmt::Debug for Projective<C> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.to_affine(), f)
    }
}
