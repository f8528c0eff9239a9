//! A second Rust static library for `two_rust_libs.c`: it brings its own copy of the
//! standard library (allocator, panic machinery, `rust_eh_personality`), as any Rust
//! library linked into a C program does. scripts/test-c.sh builds it with a different
//! compiler than blsig's when one is installed.

/// The sum 0 + 1 + … + (n − 1), through a heap allocation and the unwinding machinery.
#[unsafe(no_mangle)]
pub extern "C" fn other_rust_sum(n: u32) -> u64 {
    let values: Vec<u64> = (0..u64::from(n)).collect();
    std::panic::catch_unwind(|| values.iter().sum()).unwrap_or(u64::MAX)
}
