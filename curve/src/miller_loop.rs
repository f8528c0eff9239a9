//! The optimal ate Miller loop of BLS12-381: f_{|x|,Q}(P) for x = −0xd201000000010000,
//! over the bits of |x| with the point T = [k]Q kept on the twist in homogeneous projective
//! coordinates, and each line evaluated at P and multiplied into f sparsely.
//!
//! Lines. The twist is of M type: E'(Fp2): y² = x³ + 4ξ maps to E(Fp12): y² = x³ + 4 by
//! (x', y') ↦ (x'/w², y'/w³) (w⁶ = ξ). A line through points of the twist with slope λ',
//! evaluated at P = (xₚ, yₚ) and multiplied by w³ (an element of Fp4, which the final
//! exponentiation sends to 1), is yₚ·w³ − λ'xₚ·w² + (λ'x' − y'): coefficients of 1, v = w²
//! and vw = w³ only (`Fp12::mul_by_014`). Both steps scale it by elements of Fp2, also
//! sent to 1. Formulas: Costello, Lange and Naehrig, "Faster pairing computations on
//! curves with high-degree twists" (PKC 2010, §5), as given by Aranha, Karabina, Longa,
//! Gebotys and López, "Faster explicit formulas for computing pairings over ordinary
//! curves" (EUROCRYPT 2011, §4, equations (10) and (12)).
//!
//! The loop's schedule depends only on x; the points steer nothing (the identity is
//! handled by selecting a neutral line), so the loop is constant time in P and Q.

use subtle::{Choice, ConditionallySelectable};

use crate::fp::Fp;
use crate::fp2::Fp2;
use crate::fp12::Fp12;
use crate::g1::{G1Affine, X_ABS};
use crate::g2::{G2Affine, G2Params, G2Projective};
use crate::point::{CurveParams, Projective};

/// The number of lines: one per doubling (63, the bits of |x| below the top one) and one
/// per addition (5, its other set bits).
pub(crate) const LINES: usize = (63 + X_ABS.count_ones() - 1) as usize;

/// A line's coefficients before evaluation at P: ℓ(P) = c0 + (cx·xₚ)·v + (cy·yₚ)·vw.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Line {
    c0: Fp2,
    cx: Fp2,
    cy: Fp2,
}

/// The doubling step: T ← 2T and the tangent at T. With A = XY, B = Y², C = Z²,
/// E = 3b'C, F = 3E, H = (Y + Z)² − B − C = 2YZ (equation (10), scaled by 4 to avoid the
/// halvings): 2T = (2A(B − F) : (B + F)² − 12E² : 4BH), and the tangent is
/// (E − B) + 3X²xₚ·v − Hyₚ·vw (the slope 3x'²/2y' cleared by 2YZ).
pub(crate) fn doubling_step(t: &mut G2Projective) -> Line {
    let (x, y, z) = (t.x, t.y, t.z);
    let a = x.mul(&y);
    let b = y.square();
    let c = z.square();
    let e = G2Params::mul_by_3b(&c);
    let f = e.double().add(&e);
    let h = y.add(&z).square().sub(&b).sub(&c);
    let xx = x.square();
    let e2 = e.square();
    let twelve_e2 = e2.double().add(&e2).double().double();
    *t = Projective::from_xyz(
        a.double().mul(&b.sub(&f)),
        b.add(&f).square().sub(&twelve_e2),
        b.mul(&h).double().double(),
    );
    Line {
        c0: e.sub(&b),
        cx: xx.double().add(&xx),
        cy: h.neg(),
    }
}

/// The addition step: T ← T + Q for an affine Q and the line through them. With
/// θ = Y − y_Q·Z and λ = X − x_Q·Z (equation (12)): C = θ², D = λ², E = λD, F = ZC, G = XD,
/// H = E + F − 2G, T + Q = (λH : θ(G − H) − YE : ZE), and the line is
/// (λy_Q − θx_Q) + θxₚ·v − λyₚ·vw (the slope θ/λ cleared by λ).
pub(crate) fn addition_step(t: &mut G2Projective, q: &G2Affine) -> Line {
    let (x, y, z) = (t.x, t.y, t.z);
    let theta = y.sub(&q.y.mul(&z));
    let lambda = x.sub(&q.x.mul(&z));
    let c = theta.square();
    let d = lambda.square();
    let e = lambda.mul(&d);
    let f = z.mul(&c);
    let g = x.mul(&d);
    let h = e.add(&f).sub(&g.double());
    *t = Projective::from_xyz(
        lambda.mul(&h),
        theta.mul(&g.sub(&h)).sub(&y.mul(&e)),
        z.mul(&e),
    );
    Line {
        c0: lambda.mul(&q.y).sub(&theta.mul(&q.x)),
        cx: theta,
        cy: lambda.neg(),
    }
}

/// P's coordinates as the lines use them, and whether a line must be replaced by 1
/// (P or Q the identity: the pairing is then 1).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Evaluation {
    x: Fp,
    y: Fp,
    neutral: Choice,
}

impl Evaluation {
    /// For P (and whether the G2 side is the identity).
    pub(crate) fn new(p: &G1Affine, q_is_identity: Choice) -> Evaluation {
        Evaluation {
            x: p.x,
            y: p.y,
            neutral: p.infinity | q_is_identity,
        }
    }

    /// f·ℓ(P), or f where the pair is neutral.
    #[inline]
    fn apply(&self, f: &Fp12, line: &Line) -> Fp12 {
        let one = Fp2::ONE;
        let zero = Fp2::ZERO;
        let b0 = Fp2::conditional_select(&line.c0, &one, self.neutral);
        let b1 = Fp2::conditional_select(&line.cx.mul_by_fp(&self.x), &zero, self.neutral);
        let b4 = Fp2::conditional_select(&line.cy.mul_by_fp(&self.y), &zero, self.neutral);
        f.mul_by_014(&b0, &b1, &b4)
    }
}

/// Where a pair's lines come from: computed as the loop goes (an affine Q), or read from a
/// prepared table.
pub(crate) trait LineSource {
    /// The next doubling line.
    fn double(&mut self) -> Line;
    /// The next addition line.
    fn add(&mut self) -> Line;
}

/// Lines computed on the way: T and Q.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct OnTheFly {
    t: G2Projective,
    q: G2Affine,
}

impl OnTheFly {
    /// For Q (the generator stands in for the identity, whose lines are then discarded).
    pub(crate) fn new(q: &G2Affine) -> OnTheFly {
        let q = G2Affine::conditional_select(q, &G2Affine::generator(), q.infinity);
        OnTheFly {
            t: Projective::from(&q),
            q,
        }
    }
}

impl LineSource for OnTheFly {
    fn double(&mut self) -> Line {
        doubling_step(&mut self.t)
    }
    fn add(&mut self) -> Line {
        addition_step(&mut self.t, &self.q)
    }
}

/// Lines read from a table in loop order.
#[derive(Debug)]
pub(crate) struct Table<'a> {
    lines: &'a [Line; LINES],
    next: usize,
}

impl<'a> Table<'a> {
    pub(crate) fn new(lines: &'a [Line; LINES]) -> Table<'a> {
        Table { lines, next: 0 }
    }

    fn read(&mut self) -> Line {
        // The loop reads exactly LINES lines; the default is unreachable.
        let line = self.lines.get(self.next).copied().unwrap_or_default();
        self.next += 1;
        line
    }
}

impl LineSource for Table<'_> {
    fn double(&mut self) -> Line {
        self.read()
    }
    fn add(&mut self) -> Line {
        self.read()
    }
}

/// Either source, chosen per pair (whether a point was prepared is public).
#[derive(Debug)]
#[allow(
    clippy::large_enum_variant,
    reason = "lives in a stack array of CHUNK pairs; boxing would allocate"
)]
pub(crate) enum Either<'a> {
    /// An affine Q.
    Point(OnTheFly),
    /// A prepared Q.
    Prepared(Table<'a>),
}

impl LineSource for Either<'_> {
    fn double(&mut self) -> Line {
        match self {
            Either::Point(s) => s.double(),
            Either::Prepared(s) => s.double(),
        }
    }
    fn add(&mut self) -> Line {
        match self {
            Either::Point(s) => s.add(),
            Either::Prepared(s) => s.add(),
        }
    }
}

/// The loop's schedule, line by line: `true` for an addition step. For each bit of |x|
/// below the top one, a doubling, then an addition where the bit is set; f is squared
/// before every doubling but the first (when f = 1).
const SCHEDULE: [bool; LINES] = {
    let mut out = [false; LINES];
    let mut n = 0;
    let mut i = 63;
    while i > 0 {
        i -= 1;
        n += 1;
        if (X_ABS >> i) & 1 == 1 {
            out[n] = true;
            n += 1;
        }
    }
    out
};

/// All lines of Q in loop order, and the final T (= [|x|]Q, for the tests).
pub(crate) fn lines_of(q: &G2Affine) -> ([Line; LINES], G2Projective) {
    let mut source = OnTheFly::new(q);
    let mut lines = [Line::default(); LINES];
    for (slot, is_add) in lines.iter_mut().zip(SCHEDULE) {
        *slot = if is_add {
            source.add()
        } else {
            source.double()
        };
    }
    (lines, source.t)
}

/// Π f_{|x|,Qᵢ}(Pᵢ), conjugated for the sign of x: one shared squaring of f per doubling,
/// the lines of every pair multiplied in.
pub(crate) fn miller_loop<S: LineSource>(pairs: &mut [(Evaluation, S)]) -> Fp12 {
    let mut f = Fp12::ONE;
    for (n, is_add) in SCHEDULE.into_iter().enumerate() {
        if is_add {
            for (eval, source) in pairs.iter_mut() {
                f = eval.apply(&f, &source.add());
            }
        } else {
            if n != 0 {
                f = f.square();
            }
            for (eval, source) in pairs.iter_mut() {
                f = eval.apply(&f, &source.double());
            }
        }
    }
    // x < 0: f_{x,Q} = 1/f_{|x|,Q} up to a vertical line that the final exponentiation
    // removes; the inverse becomes the conjugate after it, so conjugating here is the same.
    f.conjugate()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scalar::Scalar;
    use crate::scalar_mul::mul_u64_public;

    /// The loop's T ends at [|x|]Q (the schedule walks |x|'s bits), and the lines vanish
    /// at the points they pass through (the tangent at T, the chord through T and Q).
    #[test]
    fn steps_follow_the_group_law() {
        let q = (G2Projective::generator() * Scalar::from(987_654_321u64)).to_affine();
        let (_, t) = lines_of(&q);
        assert_eq!(t, mul_u64_public(&Projective::from(&q), X_ABS));
        assert_eq!(SCHEDULE.iter().filter(|a| **a).count(), 5);

        let mut t = Projective::from(&q).double();
        let before = t;
        let (x, y, z) = (before.x, before.y, before.z);
        let line = doubling_step(&mut t);
        assert_eq!(t, before.double());
        // As a function on the twist, c0 + cx·x' + cy·y' vanishes at T (x' = X/Z, y' = Y/Z).
        let zi = z.invert().unwrap();
        let at_t = line
            .c0
            .add(&line.cx.mul(&x.mul(&zi)))
            .add(&line.cy.mul(&y.mul(&zi)));
        assert!(bool::from(at_t.is_zero()));

        let before = t;
        let line = addition_step(&mut t, &q);
        assert_eq!(t, before.add(&Projective::from(&q)));
        let at_q = line.c0.add(&line.cx.mul(&q.x)).add(&line.cy.mul(&q.y));
        assert!(bool::from(at_q.is_zero()));
    }
}
