//! Interleaved timing for the comparison binaries: every contender runs once per round, so
//! machine noise hits all of them alike, and medians are reported with ratios.

use std::time::{Duration, Instant};

/// The median.
pub fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

/// Per-call medians (µs) of `iters` calls, `reps` interleaved rounds.
pub fn race(reps: usize, iters: u32, contenders: &mut [&mut dyn FnMut()]) -> Vec<f64> {
    let mut times = vec![Vec::new(); contenders.len()];
    for _ in 0..reps {
        for (i, f) in contenders.iter_mut().enumerate() {
            let t = Instant::now();
            for _ in 0..iters {
                f();
            }
            times[i].push(t.elapsed());
        }
    }
    times
        .into_iter()
        .map(|t| median(t).as_secs_f64() * 1e6 / f64::from(iters))
        .collect()
}

/// One table row: the times (µs, shown × `scale`), then the first contender's time over
/// each other's.
pub fn row_scaled(label: &str, t: &[f64], scale: f64, others: &str) {
    let cells: Vec<String> = t.iter().map(|x| format!("{:>10.1}", x * scale)).collect();
    let ratios: Vec<String> = t
        .iter()
        .skip(1)
        .map(|x| format!("{:>7.2}", t[0] / x))
        .collect();
    println!(
        "{label:<40} {}   {others}: {}",
        cells.join(" "),
        ratios.join(" ")
    );
}

/// A row in µs against the other contenders.
pub fn row(label: &str, t: &[f64]) {
    row_scaled(label, t, 1.0, "blsig ÷ others");
}
