#!/usr/bin/env bash
# The C API's part of the test suite (called by scripts/test.sh): installs what it needs
# (cbindgen 0.29.4, valgrind), fails when the committed header drifts from a fresh
# generation, runs the binding's Rust tests, checks that the header compiles as C11 and
# C++17, and runs the C tests built as C99 with -Wall -Wextra -Werror under valgrind and
# under AddressSanitizer + UndefinedBehaviorSanitizer.
set -euo pipefail
cd "$(dirname "$0")/.."
CBINDGEN_VERSION=0.29.4
step() { printf '\n==> %s\n' "$*"; }

step "C API: tools (cbindgen ${CBINDGEN_VERSION}, valgrind, a C and a C++ compiler)"
if ! cbindgen --version 2>/dev/null | grep -qx "cbindgen ${CBINDGEN_VERSION}"; then
  cargo install cbindgen --version "${CBINDGEN_VERSION}" --locked
fi
if ! command -v valgrind >/dev/null || ! command -v pkg-config >/dev/null; then
  apt-get update -qq && apt-get install -y -qq valgrind pkg-config >/dev/null
fi
CC=${CC:-gcc}
CXX=${CXX:-g++}

step "C API: the committed header matches a fresh cbindgen run"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
cbindgen --quiet --config bindings/c/cbindgen.toml --crate blsig-ffi --output "$tmp/blsig.h"
if ! diff -u bindings/c/include/blsig.h "$tmp/blsig.h"; then
  echo "bindings/c/include/blsig.h is stale: regenerate it with"
  echo "  cbindgen --config bindings/c/cbindgen.toml --crate blsig-ffi --output bindings/c/include/blsig.h"
  exit 1
fi

step "C API: every unsafe block is in bindings/c/src/ffi.rs"
if grep -n 'unsafe {' bindings/c/src/*.rs | grep -v '^bindings/c/src/ffi.rs:'; then
  echo "unsafe code outside bindings/c/src/ffi.rs"
  exit 1
fi

step "C API: Rust tests of the extern \"C\" functions"
cargo test -p blsig-ffi

step "C API: static library, header as C11 and C++17"
cargo build --release -p blsig-ffi
lib=target/release/libblsig.a
libs="-lpthread -lm -ldl"
printf '#include "blsig.h"\nint main(void) { return 0; }\n' >"$tmp/header.c"
"$CC" -std=c11 -Wall -Wextra -Werror -pedantic -Ibindings/c/include -fsyntax-only "$tmp/header.c"
"$CXX" -std=c++17 -Wall -Wextra -Werror -pedantic -Ibindings/c/include -fsyntax-only -x c++ "$tmp/header.c"

# The official vectors, reformatted into lines by a small driver (the C program checks).
vectors=../shared/vectors
if [ -d "$vectors/eth" ] && [ -d "$vectors/h2c" ]; then
  command -v python3 >/dev/null || { apt-get update -qq && apt-get install -y -qq python3 >/dev/null; }
  python3 bindings/c/tests/vector_lines.py "$vectors" >"$tmp/vectors.txt"
elif [ "${CI:-}" = "true" ]; then
  echo "test vectors missing in CI: $vectors"
  exit 1
else
  echo "SKIPPED: C vector tests ($vectors not found)"
  : >"$tmp/vectors.txt"
fi

mkdir -p target/c
for t in test_api test_vectors; do
  "$CC" -std=c99 -Wall -Wextra -Werror -pedantic -g -Ibindings/c/include \
    "bindings/c/tests/c/$t.c" "$lib" $libs -o "target/c/$t"
  "$CC" -std=c99 -Wall -Wextra -Werror -g -fsanitize=address,undefined -fno-omit-frame-pointer \
    -Ibindings/c/include "bindings/c/tests/c/$t.c" "$lib" $libs -o "target/c/${t}_asan"
done

step "C API: C99 tests under valgrind"
valgrind --quiet --leak-check=full --errors-for-leak-kinds=all --error-exitcode=1 \
  --suppressions=bindings/c/tests/valgrind.supp \
  target/c/test_api
if [ -s "$tmp/vectors.txt" ]; then
  valgrind --quiet --leak-check=full --errors-for-leak-kinds=all --error-exitcode=1 \
  --suppressions=bindings/c/tests/valgrind.supp \
    target/c/test_vectors <"$tmp/vectors.txt"
fi

step "C API: C99 tests under AddressSanitizer and UndefinedBehaviorSanitizer"
export ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
target/c/test_api_asan
if [ -s "$tmp/vectors.txt" ]; then
  target/c/test_vectors_asan <"$tmp/vectors.txt"
fi

step "C API: install into a prefix, build and run the example with pkg-config (the README's commands)"
bash scripts/install-c.sh "$tmp/prefix"
"$CC" -std=c99 -Wall -Wextra -Werror bindings/c/examples/sign_verify.c \
  $(PKG_CONFIG_PATH="$tmp/prefix/lib/pkgconfig" pkg-config --cflags --libs blsig) -o "$tmp/sign_verify"
LD_LIBRARY_PATH="$tmp/prefix/lib" "$tmp/sign_verify"

step "C API: install-c.sh with a custom CARGO_TARGET_DIR (the artifacts are found where cargo put them)"
CARGO_TARGET_DIR="$tmp/custom-target" bash scripts/install-c.sh "$tmp/prefix2"
test -f "$tmp/custom-target/release/libblsig.a"
cmp "$tmp/prefix2/lib/libblsig.so" "$tmp/custom-target/release/libblsig.so"
rm -rf "$tmp/custom-target"
