//! The pairing e: G1 × G2 → GT: single pairings, products of Miller loops over many pairs
//! (one shared squaring of f per step), and G2 points prepared once for many pairings.
//!
//! Nothing here allocates: products over many pairs run in chunks of [`CHUNK`] pairs on
//! the stack; each chunk beyond the first costs one more chain of 62 squarings, about half
//! of one pair's share of the loop (under 2 % of a full chunk).

use core::ops::{Add, AddAssign};

use subtle::{Choice, ConditionallySelectable};

use crate::final_exp::final_exponentiation;
use crate::fp12::Fp12;
use crate::g1::G1Affine;
use crate::g2::G2Affine;
use crate::gt::Gt;
use crate::miller_loop::{
    Either, Evaluation, LINES, Line, LineSource, OnTheFly, Table, lines_of, miller_loop,
};

/// How many pairs share one chain of squarings in the multi-pairing functions.
pub const CHUNK: usize = 32;

/// A G2 point's Miller-loop lines, computed once (68 lines, 19.6 KB) for a point that is
/// paired many times: a public key in the min-sig variant, or the generator.
#[derive(Clone, Copy, Debug)]
pub struct G2Prepared {
    lines: [Line; LINES],
    infinity: Choice,
}

impl G2Prepared {
    /// The lines of Q (constant time in Q).
    pub fn new(q: &G2Affine) -> G2Prepared {
        G2Prepared {
            lines: lines_of(q).0,
            infinity: q.infinity,
        }
    }
}

impl From<G2Affine> for G2Prepared {
    fn from(q: G2Affine) -> G2Prepared {
        G2Prepared::new(&q)
    }
}

impl From<&G2Affine> for G2Prepared {
    fn from(q: &G2Affine) -> G2Prepared {
        G2Prepared::new(q)
    }
}

/// A product of Miller loops, before the final exponentiation: values can be multiplied
/// (written `+`, as GT is written additively) and compared only after
/// [`MillerLoopResult::final_exponentiation`].
#[derive(Clone, Copy, Debug)]
pub struct MillerLoopResult(pub(crate) Fp12);

impl Default for MillerLoopResult {
    /// The empty product, 1.
    fn default() -> MillerLoopResult {
        MillerLoopResult(Fp12::ONE)
    }
}

impl MillerLoopResult {
    /// The value in GT.
    pub fn final_exponentiation(&self) -> Gt {
        Gt(final_exponentiation(&self.0))
    }

    /// The raw Fp12 value (for tests and interop).
    pub fn to_fp12(&self) -> Fp12 {
        self.0
    }
}

impl ConditionallySelectable for MillerLoopResult {
    fn conditional_select(a: &Self, b: &Self, choice: Choice) -> Self {
        MillerLoopResult(Fp12::conditional_select(&a.0, &b.0, choice))
    }
}

impl Add<&MillerLoopResult> for &MillerLoopResult {
    type Output = MillerLoopResult;
    fn add(self, rhs: &MillerLoopResult) -> MillerLoopResult {
        MillerLoopResult(self.0.mul(&rhs.0))
    }
}

impl Add for MillerLoopResult {
    type Output = MillerLoopResult;
    fn add(self, rhs: MillerLoopResult) -> MillerLoopResult {
        MillerLoopResult(self.0.mul(&rhs.0))
    }
}

impl Add<&MillerLoopResult> for MillerLoopResult {
    type Output = MillerLoopResult;
    fn add(self, rhs: &MillerLoopResult) -> MillerLoopResult {
        MillerLoopResult(self.0.mul(&rhs.0))
    }
}

impl AddAssign for MillerLoopResult {
    fn add_assign(&mut self, rhs: MillerLoopResult) {
        self.0 = self.0.mul(&rhs.0);
    }
}

impl AddAssign<&MillerLoopResult> for MillerLoopResult {
    fn add_assign(&mut self, rhs: &MillerLoopResult) {
        self.0 = self.0.mul(&rhs.0);
    }
}

impl zeroize::DefaultIsZeroes for MillerLoopResult {}

/// Runs the loop over `terms` in chunks of [`CHUNK`], each pair's line source made by
/// `make`, and multiplies the chunks' values.
fn chunked<T, S: LineSource>(terms: &[T], make: impl Fn(&T) -> (Evaluation, S)) -> Fp12 {
    let mut acc = Fp12::ONE;
    for chunk in terms.chunks(CHUNK) {
        let Some(first) = chunk.first() else { continue };
        // Slots past the chunk's end repeat its first term and are not run.
        let mut pairs: [(Evaluation, S); CHUNK] =
            core::array::from_fn(|i| make(chunk.get(i).unwrap_or(first)));
        let live = pairs.get_mut(..chunk.len()).unwrap_or(&mut []);
        acc = acc.mul(&miller_loop(live));
    }
    acc
}

/// Π f(Pᵢ, Qᵢ) over prepared G2 points (1 for no terms). Constant time in the points.
pub fn multi_miller_loop(terms: &[(&G1Affine, &G2Prepared)]) -> MillerLoopResult {
    MillerLoopResult(chunked(terms, |(p, q)| {
        (Evaluation::new(p, q.infinity), Table::new(&q.lines))
    }))
}

/// Π f(Pᵢ, Qᵢ) over affine G2 points, the lines computed on the way (1 for no terms).
/// Constant time in the points.
pub fn multi_miller_loop_affine(terms: &[(&G1Affine, &G2Affine)]) -> MillerLoopResult {
    MillerLoopResult(chunked(terms, |(p, q)| {
        (Evaluation::new(p, q.infinity), OnTheFly::new(q))
    }))
}

/// The G2 side of one term of [`multi_miller_loop_mixed`]: a point, whose lines are
/// computed on the way, or a point prepared earlier.
#[derive(Clone, Copy, Debug)]
pub enum G2Term<'a> {
    /// An affine point.
    Point(G2Affine),
    /// A prepared point's lines.
    Prepared(&'a G2Prepared),
}

impl Default for G2Term<'_> {
    /// The identity point (its pair contributes 1).
    fn default() -> Self {
        G2Term::Point(G2Affine::identity())
    }
}

/// Π f(Pᵢ, Qᵢ) where each Qᵢ is a point or prepared lines, sharing one squaring chain
/// (1 for no terms): a verification that pairs prepared keys, cached generator lines and
/// fresh points runs one loop. Constant time in the points; which terms are prepared is
/// public.
pub fn multi_miller_loop_mixed(terms: &[(G1Affine, G2Term<'_>)]) -> MillerLoopResult {
    MillerLoopResult(chunked(terms, |(p, q)| match q {
        G2Term::Point(q) => (
            Evaluation::new(p, q.infinity),
            Either::Point(OnTheFly::new(q)),
        ),
        G2Term::Prepared(q) => (
            Evaluation::new(p, q.infinity),
            Either::Prepared(Table::new(&q.lines)),
        ),
    }))
}

/// e(P, Q). Constant time in P and Q.
pub fn pairing(p: &G1Affine, q: &G2Affine) -> Gt {
    multi_miller_loop_affine(&[(p, q)]).final_exponentiation()
}
