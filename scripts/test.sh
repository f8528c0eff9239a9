#!/usr/bin/env bash
# The whole test suite, from a fresh clone on a fresh machine: installs what it needs
# (a no_std target, cargo-fuzz, cbindgen, valgrind), then runs formatting, lints, docs,
# every test (default, no-alloc and all features), the command-line tool, the no_std
# checks, the C API's checks and tests (scripts/test-c.sh), the wasm package's tests in
# Node and headless Chromium (scripts/test-wasm.sh) and each fuzz target for FUZZ_SECONDS
# (default 4).
set -euo pipefail
cd "$(dirname "$0")/.."
# 4 s a target (a smoke run: the seed corpora replayed, then a little mutation) keeps CI
# within its time budget of 45 minutes; scripts/fuzz-campaign.sh runs the long ones.
FUZZ_SECONDS=${FUZZ_SECONDS:-4}
# Every build here starts from nothing, and compiling is most of this script's time:
# incremental compilation only adds work to a first build, and full debug info makes every
# test binary slower to link than to run. Line tables still give a failing test's
# backtrace its file and line. (A caller's own settings win.)
export CARGO_INCREMENTAL="${CARGO_INCREMENTAL:-0}"
export CARGO_PROFILE_DEV_DEBUG="${CARGO_PROFILE_DEV_DEBUG:-line-tables-only}"
export CARGO_PROFILE_TEST_DEBUG="${CARGO_PROFILE_TEST_DEBUG:-line-tables-only}"
# cargo asks rustc about the target with `rustc -` and /dev/null as its input. A CI machine
# once had a regular file at /dev/null: what build scripts threw away there piled up, rustc
# parsed it as source and `cargo doc` failed before testing anything. Check before every
# step, recreate the device if we may, else keep the file empty.
ensure_dev_null() {
  [ -c /dev/null ] && return 0
  echo "warning: /dev/null is not a character device ($(stat -c %F /dev/null 2>&1))" >&2
  # (no 2>/dev/null here: the redirection would create the file again before mknod runs)
  if rm -f /dev/null && mknod -m 666 /dev/null c 1 3; then
    echo "warning: recreated /dev/null" >&2
  else
    : >/dev/null || { echo "error: cannot repair /dev/null" >&2; exit 1; }
    echo "warning: could not recreate /dev/null; emptied it, and will before every step" >&2
  fi
}
# Each step prints the time it starts, so a slow CI run shows where its minutes went.
step() {
  ensure_dev_null
  printf '\n==> %s [%s]\n' "$*" "$(date -u +%H:%M:%S)"
}

step "toolchain components"
rustup component add rustfmt clippy >/dev/null 2>&1 || true
rustup target add thumbv7em-none-eabi wasm32-wasip1 >/dev/null

step "cargo fmt --check (workspace and fuzz crate)"
cargo fmt --all -- --check
(cd fuzz && cargo fmt -- --check)

# --all-targets type-checks the benchmarks and the blst comparison harness (a workspace
# member) too; building them in release mode would add minutes and catch nothing more.
step "cargo clippy (workspace, all targets, all features, -D warnings)"
cargo clippy --workspace --all-targets --all-features -- -D warnings

step "cargo doc (warnings are errors)"
RUSTDOCFLAGS=-Dwarnings cargo doc --no-deps
RUSTDOCFLAGS=-Dwarnings cargo doc --no-deps --all-features
RUSTDOCFLAGS=-Dwarnings cargo doc --no-deps -p blsig-curve

step "dependency check: no bls12_381 in the default builds (the engine is our own)"
# bls12_381 is the tests' oracle (a dev-dependency) and an opt-in interop feature only.
for pkg in blsig blsig-ffi blsig-wasm blsig-wasm-keys blsig-cli blsig-bindings; do
  if cargo tree --locked -p "$pkg" -e normal,build --prefix none | grep -q '^bls12_381 '; then
    echo "error: $pkg depends on bls12_381 in its default build" >&2
    cargo tree -p "$pkg" -e normal,build -i bls12_381 >&2
    exit 1
  fi
done

# `cargo check` is enough: a library for a target without std is never linked here, and
# what would fail (a std import, an allocation without `alloc`) fails at the check.
step "no_std checks for thumbv7em-none-eabi (without and with alloc; the engine crate)"
cargo check -p blsig-curve --lib --target thumbv7em-none-eabi
cargo check --lib --target thumbv7em-none-eabi --no-default-features
cargo check --lib --target thumbv7em-none-eabi --no-default-features --features alloc,signature
cargo check --lib --target thumbv7em-none-eabi --no-default-features --features serde
cargo check --lib --target thumbv7em-none-eabi --no-default-features --features keystore

step "tests without alloc (product-of-pairings verification path)"
cargo test --no-default-features --lib --tests

step "cargo test, default features (unit, vectors, validation table, properties, batch, multisig, doc tests)"
cargo test

step "cargo test, all features (the parallel batch paths, serde, EIP-2335 keystores)"
cargo test --all-features

step "the arithmetic engine (curve/): fields against big integers"
# (Not --all-features: that would select the 32-bit backend for this run too.)
cargo test -p blsig-curve --features bls12_381
# The 32-bit field backend (what wasm32 runs), natively: the same tests on it.
cargo test -p blsig-curve --features bls12_381,backend-u32

step "the engine's tests on wasm32 (wasm32-wasip1 under Node's WASI: the 32-bit backend as wasm runs it)"
# The official vector files sit outside the checkout, which the WASI sandbox does not
# reach; those tests print their SKIPPED notice here (CI is unset for this step only) and
# run against the vectors natively, on both backends, in the step above.
CI= CARGO_TARGET_WASM32_WASIP1_RUNNER="node --no-warnings $PWD/scripts/wasi-run.mjs" \
  cargo test -p blsig-curve --release --target wasm32-wasip1

step "the blsig command-line tool (cli/) and the bindings' shared core (bindings/common)"
cargo test -p blsig-cli
cargo test -p blsig-bindings

step "C API (bindings/c)"
bash scripts/test-c.sh

step "wasm package (bindings/wasm): wasm-bindgen-test in Node and Chromium, node --test, Playwright"
bash scripts/test-wasm.sh

if [ -d fuzz ]; then
  step "fuzzing: each target for ${FUZZ_SECONDS}s, from seed corpora"
  command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
  # The fuzz crate is outside the workspace: its own lint run.
  (cd fuzz && cargo clippy --quiet --bins --examples --lib -- -D warnings)
  # Seed corpora (edge cases, vector values, chosen structured inputs, regression inputs)
  # so the short runs start past the first checks; scripts/fuzz-campaign.sh runs the long
  # campaign.
  (cd fuzz && cargo +nightly run --quiet --release --example seeds -- corpus)
  (
    cd fuzz
    for target in $(cargo +nightly fuzz list); do
      log="$(mktemp)"
      if ! cargo +nightly fuzz run "$target" -- -max_total_time="$FUZZ_SECONDS" >"$log" 2>&1; then
        tail -n 60 "$log"
        echo "fuzz target ${target} FAILED (artifacts in fuzz/artifacts/${target})"
        exit 1
      fi
      echo "fuzz target ${target}: $(grep -E '^Done [0-9]+ runs' "$log")"
    done
  )
fi

step "all checks passed"
