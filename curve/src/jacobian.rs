//! Jacobian coordinates (X : Y : Z) for x = X/Z², y = Y/Z³, used only where long chains of
//! doublings dominate: multiplication by public constants such as |x| (subgroup checks,
//! cofactor clearing). Doubling costs 2M + 5S here against 6M + 2S + m₃b for the complete
//! projective formula; additions go back to projective coordinates and the complete
//! formula, so no exceptional case arises anywhere.
//!
//! The doubling (EFD "dbl-2009-l", a = 0) is exact for every point with Y ≠ 0, and for the
//! identity in the form (s², s³, 0) with s ≠ 0, which it maps to (s⁸, s¹², 0): the
//! conversions below produce and accept that form. BLS12-381's G1 and G2 curves have odd
//! order (no point with y = 0), so every point on them doubles correctly.

use ff::Field;
use subtle::ConditionallySelectable;

use crate::point::{CurveParams, Projective};

/// A point in Jacobian coordinates.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Jacobian<C: CurveParams> {
    x: C::Base,
    y: C::Base,
    z: C::Base,
}

impl<C: CurveParams> Jacobian<C> {
    /// (X : Y : Z) projective ↦ (XZ : YZ² : Z); the identity ↦ (1 : 1 : 0). 2M + 1S.
    pub(crate) fn from_projective(p: &Projective<C>) -> Self {
        let (x, y, z) = (p.x, p.y, p.z);
        let z2 = z.square();
        let identity = p.is_identity();
        Jacobian {
            x: C::Base::conditional_select(&(x * z), &C::Base::ONE, identity),
            y: C::Base::conditional_select(&(y * z2), &C::Base::ONE, identity),
            z,
        }
    }

    /// (X : Y : Z) Jacobian ↦ (XZ : Y : Z³) projective (the identity (s², s³, 0) ↦
    /// (0 : s³ : 0)). 2M + 1S.
    pub(crate) fn to_projective(self) -> Projective<C> {
        let z2 = self.z.square();
        Projective::from_xyz(self.x * self.z, self.y, z2 * self.z)
    }

    /// 2P, EFD dbl-2009-l (a = 0): A = X², B = Y², C = B², D = 2((X + B)² − A − C),
    /// E = 3A, F = E², X₃ = F − 2D, Y₃ = E(D − X₃) − 8C, Z₃ = 2YZ. 2M + 5S.
    pub(crate) fn double(&self) -> Self {
        let a = self.x.square();
        let b = self.y.square();
        let c = b.square();
        let d = ((self.x + b).square() - a - c).double();
        let e = a.double() + a;
        let f = e.square();
        let x3 = f - d.double();
        let y3 = e * (d - x3) - c.double().double().double();
        let z3 = (self.y * self.z).double();
        Jacobian {
            x: x3,
            y: y3,
            z: z3,
        }
    }
}
