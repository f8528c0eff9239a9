#!/usr/bin/env bash
# The C API's part of the test suite (called by scripts/test.sh): installs what it needs
# (cbindgen 0.29.4, valgrind, pkg-config), fails when the committed header drifts from a
# fresh generation, runs the binding's Rust tests, installs the library with
# scripts/install-c.sh and tests what it installed: the header as C99 (the oldest claimed),
# C11, C++11 and C++17; the SONAME, symlinks and the archive's public symbols; the C tests
# (C99, -Wall -Wextra -Werror) under valgrind and under AddressSanitizer +
# UndefinedBehaviorSanitizer; the example linked shared and static from the .pc files
# alone; the archive beside a second Rust static library; a custom CARGO_TARGET_DIR.
set -euo pipefail
cd "$(dirname "$0")/.."
CBINDGEN_VERSION=0.29.4
step() { printf '\n==> %s [%s]\n' "$*" "$(date -u +%H:%M:%S)"; }

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

step "C API: install into a prefix (the README's commands); the tests below use what it installed"
bash scripts/install-c.sh "$tmp/prefix"
export PKG_CONFIG_PATH="$tmp/prefix/lib/pkgconfig"
static_libs="$(pkg-config --libs blsig-static)"
cflags="$(pkg-config --cflags blsig)"
version="$(sed -n 's/^version = "\(.*\)"/\1/p' bindings/c/Cargo.toml | head -n 1)"

step "C API: the header compiles as C99 (the oldest standard it claims), C11, C++11 and C++17"
printf '#include "blsig.h"\nint main(void) { return 0; }\n' >"$tmp/header.c"
for std in c99 c11; do
  "$CC" -std=$std -Wall -Wextra -Werror -pedantic $cflags -fsyntax-only "$tmp/header.c"
done
for std in c++11 c++17; do
  "$CXX" -std=$std -Wall -Wextra -Werror -pedantic $cflags -fsyntax-only -x c++ "$tmp/header.c"
done

step "C API: the header's switch pattern gets -Wswitch help (a missing case is an error)"
# A switch over (enum blsig_result) naming every code compiles under -Werror; without one
# code it must not.
codes="$(awk '/^enum blsig_result/,/^};/' bindings/c/include/blsig.h |
  sed -n 's/^ *\(BLSIG_[A-Z0-9_]*\) = .*/\1/p')"
{
  printf '#include "blsig.h"\nint classify(blsig_result rc) {\n  switch ((enum blsig_result)rc) {\n'
  for c in $codes; do printf '#ifndef SKIP_%s\n    case %s: return 1;\n#endif\n' "$c" "$c"; done
  printf '  }\n  return 0; /* a code added by a later version */\n}\n'
} >"$tmp/switch.c"
"$CC" -std=c99 -Wall -Werror $cflags -fsyntax-only "$tmp/switch.c"
if "$CC" -std=c99 -Wall -Werror -DSKIP_BLSIG_WRONG_PASSWORD $cflags -fsyntax-only "$tmp/switch.c" 2>/dev/null; then
  echo "a switch over (enum blsig_result) with a missing case compiled without -Wswitch"
  exit 1
fi

step "C API: bindings/c/README.md: its result-code table is the header's, its program runs"
awk '/^enum blsig_result/,/^};/' bindings/c/include/blsig.h |
  sed -n 's/^ *\(BLSIG_[A-Z0-9_]*\) = \([0-9]*\),*/\2 \1/p' >"$tmp/codes-header.txt"
sed -n 's/^| \([0-9]*\) | `\(BLSIG_[A-Z0-9_]*\)` |.*/\1 \2/p' bindings/c/README.md >"$tmp/codes-readme.txt"
if ! diff -u "$tmp/codes-header.txt" "$tmp/codes-readme.txt"; then
  echo "bindings/c/README.md's result-code table differs from the header"
  exit 1
fi
awk '/^```c$/ { on = 1; next } /^```$/ { if (on) exit } on' bindings/c/README.md >"$tmp/readme.c"
"$CC" -std=c99 -Wall -Wextra -Werror -pedantic "$tmp/readme.c" $cflags $static_libs -o "$tmp/readme"
"$tmp/readme" | grep -qx 'verify: ok'

step "C API: installed layout (SONAME, symlinks, public symbols of the archive)"
lib="$tmp/prefix/lib"
abi="$(readelf -d "$lib/libblsig.so.$version" | sed -n 's/.*Library soname: \[\(.*\)\]/\1/p')"
case "$abi" in
  libblsig.so.0.* | libblsig.so.[1-9]*) ;;
  *) echo "libblsig.so.$version has SONAME '$abi'"; exit 1 ;;
esac
test "$(readlink "$lib/$abi")" = "libblsig.so.$version"
test "$(readlink "$lib/libblsig.so")" = "$abi"
# The archive's global definitions are exactly the header's functions.
nm -g --defined-only "$lib/libblsig.a" | awk 'NF == 3 { print $3 }' | sort >"$tmp/archive.txt"
sed -n 's/^[a-z0-9_ ]*[ *]\(blsig_[a-z0-9_]*\)(.*/\1/p' bindings/c/include/blsig.h | sort -u >"$tmp/header.txt"
if ! diff -u "$tmp/header.txt" "$tmp/archive.txt"; then
  echo "the installed archive's global symbols are not the header's functions"
  exit 1
fi
echo "$(wc -l <"$tmp/archive.txt") global symbols, all blsig_; archive $(stat -c %s "$lib/libblsig.a") bytes"

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
  "$CC" -std=c99 -Wall -Wextra -Werror -pedantic -g $cflags \
    "bindings/c/tests/c/$t.c" $static_libs -o "target/c/$t"
  "$CC" -std=c99 -Wall -Wextra -Werror -g -fsanitize=address,undefined -fno-omit-frame-pointer \
    $cflags "bindings/c/tests/c/$t.c" $static_libs -o "target/c/${t}_asan"
done

step "C API: C99 tests under valgrind (installed static archive)"
valgrind --quiet --leak-check=full --errors-for-leak-kinds=all --error-exitcode=1 \
  --suppressions=bindings/c/tests/valgrind.supp \
  target/c/test_api
if [ -s "$tmp/vectors.txt" ]; then
  valgrind --quiet --leak-check=full --errors-for-leak-kinds=all --error-exitcode=1 \
  --suppressions=bindings/c/tests/valgrind.supp \
    target/c/test_vectors <"$tmp/vectors.txt"
fi

step "C API: C99 tests under AddressSanitizer and UndefinedBehaviorSanitizer"
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 target/c/test_api_asan
if [ -s "$tmp/vectors.txt" ]; then
  ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
    target/c/test_vectors_asan <"$tmp/vectors.txt"
fi

step "C API: the example, linked from the installed .pc files alone, both ways"
# Shared: the program records the SONAME and loads the library from the prefix.
"$CC" -std=c99 -Wall -Wextra -Werror bindings/c/examples/sign_verify.c \
  $(pkg-config --cflags --libs blsig) -o "$tmp/sign_verify_shared"
readelf -d "$tmp/sign_verify_shared" | grep -F "Shared library: [$abi]"
LD_LIBRARY_PATH="$lib" "$tmp/sign_verify_shared"
# Static: no libblsig dependency at all, runs without the prefix on the loader's path.
"$CC" -std=c99 -Wall -Wextra -Werror bindings/c/examples/sign_verify.c \
  $(pkg-config --cflags --static --libs blsig-static) -o "$tmp/sign_verify_static"
if readelf -d "$tmp/sign_verify_static" | grep -q 'libblsig'; then
  echo "the static link depends on libblsig.so"
  exit 1
fi
"$tmp/sign_verify_static"
# blsig.pc's Libs.private is rustc's own list for the archive.
rustc_libs="$(sed -n 's/^Libs: \${libdir}\/libblsig.a //p' "$lib/pkgconfig/blsig-static.pc")"
grep -qxF "Libs.private: $rustc_libs" "$lib/pkgconfig/blsig.pc"

step "C API: blsig's archive and a second Rust static library in one C program"
# The other library is built by another compiler when one is installed (nightly): two
# standard libraries of different versions are where unhidden symbols clash.
if rustc +nightly --version >/dev/null 2>&1; then other_rustc=(rustc +nightly); else other_rustc=(rustc); fi
echo "second library built by: $("${other_rustc[@]}" --version)"
"${other_rustc[@]}" --edition 2021 --crate-type staticlib -O \
  bindings/c/tests/c/other_rust_lib.rs -o "$tmp/libother_rust.a"
"$CC" -std=c99 -Wall -Wextra -Werror $cflags bindings/c/tests/c/two_rust_libs.c \
  "$lib/libblsig.a" "$tmp/libother_rust.a" $rustc_libs -o "$tmp/two_a"
"$tmp/two_a"
"$CC" -std=c99 -Wall -Wextra -Werror $cflags bindings/c/tests/c/two_rust_libs.c \
  "$tmp/libother_rust.a" "$lib/libblsig.a" $rustc_libs -o "$tmp/two_b"
"$tmp/two_b"

step "C API: install-c.sh with a custom CARGO_TARGET_DIR (the artifacts are found where cargo put them)"
CARGO_TARGET_DIR="$tmp/custom-target" bash scripts/install-c.sh "$tmp/prefix2"
test -f "$tmp/custom-target/release/libblsig.a"
cmp "$tmp/prefix2/lib/libblsig.so.$version" "$tmp/custom-target/release/libblsig.so"
cmp "$tmp/prefix2/lib/libblsig.a" "$lib/libblsig.a"
rm -rf "$tmp/custom-target"
