#!/usr/bin/env bash
# A fuzzing campaign: every target (or the ones named) for MINUTES each (default 20), from
# seed corpora (fuzz/examples/seeds: own edge cases + values from ../shared/vectors when
# present, and chosen inputs for the structure-aware targets) plus whatever earlier runs left in fuzz/corpus. Reports executions, libFuzzer's
# coverage counters and the corpus size per target, and any crash (with its artifact).
# COVERAGE=1 also runs `cargo fuzz coverage` and reports the lines of src/ covered.
# JOBS=2 runs two targets at a time (each is single-threaded).
#
#   bash scripts/fuzz-campaign.sh [MINUTES] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/.."
MINUTES=${1:-20}
case "$MINUTES" in
  '' | *[!0-9]*) echo "usage: $0 [MINUTES (an integer)] [TARGET...]" >&2; exit 2 ;;
esac
shift || true
# FUZZ_SECONDS overrides the per-target time (for a quick rehearsal of the script).
SECONDS_PER_TARGET=${FUZZ_SECONDS:-$((MINUTES * 60))}
JOBS=${JOBS:-1}
out=target/fuzz-campaign
mkdir -p "$out"

command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
(cd fuzz && cargo +nightly run --quiet --release --example seeds -- corpus)

if [ "$#" -gt 0 ]; then
  targets="$*"
else
  targets=$(cd fuzz && cargo +nightly fuzz list)
fi
(cd fuzz && cargo +nightly fuzz build --release $targets >/dev/null 2>&1 || cargo +nightly fuzz build --release)

run() {
  local t=$1
  mkdir -p "fuzz/corpus/$t"
  if (cd fuzz && cargo +nightly fuzz run "$t" "corpus/$t" -- \
        -max_total_time="$SECONDS_PER_TARGET" -print_final_stats=1) >"$out/$t.log" 2>&1; then
    echo ok >"$out/$t.status"
  else
    echo CRASH >"$out/$t.status"
  fi
}

running=0
for t in $targets; do
  run "$t" &
  running=$((running + 1))
  if [ "$running" -ge "$JOBS" ]; then
    wait -n || true
    running=$((running - 1))
  fi
done
wait || true

if [ "${COVERAGE:-0}" = 1 ]; then
  rustup component add --toolchain nightly llvm-tools-preview >/dev/null 2>&1 || true
  host=$(rustc +nightly -vV | sed -n 's/^host: //p')
  llvm_cov="$(rustc +nightly --print sysroot)/lib/rustlib/$host/bin/llvm-cov"
fi

printf '\n%-18s %14s %8s %8s %8s  %s\n' target executions cov ft corpus result
failed=0
for t in $targets; do
  log="$out/$t.log"
  runs=$(grep -Eo 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -Eo '[0-9]+$' | tail -1 || true)
  [ -n "$runs" ] || runs=$(grep -Eo '^Done [0-9]+ runs' "$log" | grep -Eo '[0-9]+' | tail -1 || true)
  last=$(grep -E '^#[0-9]+' "$log" | tail -1 || true)
  cov=$(echo "$last" | grep -Eo 'cov: [0-9]+' | grep -Eo '[0-9]+' || true)
  ft=$(echo "$last" | grep -Eo 'ft: [0-9]+' | grep -Eo '[0-9]+' || true)
  corp=$(echo "$last" | grep -Eo 'corp: [0-9]+' | grep -Eo '[0-9]+' || true)
  status=$(cat "$out/$t.status" 2>/dev/null || echo missing)
  if [ "$status" != ok ]; then
    failed=1
    status="$status: $(grep -Eo 'fuzz/artifacts/[^ ]+|artifacts/[^ ]+' "$log" | tail -1)"
  fi
  printf '%-18s %14s %8s %8s %8s  %s\n' "$t" "${runs:-?}" "${cov:-?}" "${ft:-?}" "${corp:-?}" "$status"
  if [ "${COVERAGE:-0}" = 1 ] && [ -x "${llvm_cov:-}" ]; then
    (cd fuzz && cargo +nightly fuzz coverage "$t" "corpus/$t" >/dev/null 2>&1) || true
    bin="fuzz/target/$host/coverage/$host/release/$t"
    prof="fuzz/coverage/$t/coverage.profdata"
    if [ -f "$bin" ] && [ -f "$prof" ]; then
      # Lines of the core crate's src/ only (TOTAL: regions, functions, then lines).
      "$llvm_cov" report "$bin" -instr-profile="$prof" "$PWD/src" 2>/dev/null |
        awk -v t="$t" '/^TOTAL/ {print "  " t ": src/ lines covered " ($8 - $9) " of " $8 " (" $10 ")"}'
    fi
  fi
done
echo "logs in $out/"
exit "$failed"
