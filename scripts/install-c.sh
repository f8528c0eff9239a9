#!/usr/bin/env bash
# Builds the C API's static and shared libraries and installs them, the header and two
# pkg-config files into PREFIX (default /usr/local):
#   bash scripts/install-c.sh "$HOME/.local"
#
# What lands in PREFIX (version X.Y.Z; the ABI name is libblsig.so.X, or libblsig.so.0.Y
# before 1.0, and is the shared library's SONAME):
#   lib/libblsig.so.X.Y.Z       the shared library
#   lib/libblsig.so.<abi>       symlink (what programs record and load)
#   lib/libblsig.so             symlink (what -lblsig finds when linking)
#   lib/libblsig.a              the static archive: one object in which only the blsig_
#                               functions are global (see below)
#   lib/pkgconfig/blsig.pc      link against the shared library
#   lib/pkgconfig/blsig-static.pc   link the archive (and the system libraries it needs)
#   include/blsig.h
#
# Why two .pc files: `pkg-config --static` only appends Libs.private; it cannot make the
# linker prefer libblsig.a over libblsig.so in the same directory (the linker takes the
# .so for -lblsig unless the whole program is linked with -static). blsig-static.pc names
# the archive by path instead.
#
# Why the archive is rewritten: cargo's archive holds the Rust standard library and
# compiler-builtins with ~2,800 global symbols, so a program linking two Rust static
# libraries (built by different compilers) gets clashes such as `rust_eh_personality`.
# On Linux this script links the archive into one relocatable object rooted at the
# blsig_ functions (ld -r), makes every other symbol local and drops the COMDAT groups
# (whose signatures would otherwise discard another library's copies), strips debug
# information and embedded bitcode, and archives that object. scripts/test-c.sh links it
# beside a second Rust library from another compiler.
set -euo pipefail
cd "$(dirname "$0")/.."
prefix="${1:-/usr/local}"
version="$(sed -n 's/^version = "\(.*\)"/\1/p' bindings/c/Cargo.toml | head -n 1)"
major="${version%%.*}"
minor="${version#*.}"
minor="${minor%%.*}"
if [ "$major" = 0 ]; then abi="0.$minor"; else abi="$major"; fi

# One build that also reports the native libraries the archive needs (rustc's own list;
# cargo replays it when nothing changed).
log="$(mktemp)"
work="$(mktemp -d)"
trap 'rm -rf "$log" "$work"' EXIT
cargo rustc --release -p blsig-ffi --lib -- --print native-static-libs 2>&1 | tee "$log" >&2
native="$(sed -n 's/.*native-static-libs: //p' "$log" | tail -n 1)"
[ -n "$native" ] || { echo "rustc reported no native-static-libs" >&2; exit 1; }

# Where cargo put the libraries: its target directory (CARGO_TARGET_DIR, a config file's
# build.target-dir, or ./target), as cargo itself reports it.
target_dir="$(cargo metadata --format-version 1 --no-deps |
  sed -n 's/.*"target_directory":"\([^"]*\)".*/\1/p')"
[ -n "$target_dir" ] || { echo "cargo metadata gave no target directory" >&2; exit 1; }
release="$target_dir/release"

install -d "$prefix/lib/pkgconfig" "$prefix/include"

if [ "$(uname -s)" = Linux ]; then
  # The public symbols are the ones the shared library exports (cargo's cdylib exports
  # exactly the #[no_mangle] functions).
  nm -D --defined-only "$release/libblsig.so" | awk '$3 ~ /^blsig_/ { print $3 }' |
    sort >"$work/public.txt"
  [ -s "$work/public.txt" ] || { echo "no blsig_ symbols in libblsig.so" >&2; exit 1; }
  # No --gc-sections here: in a relocatable link GNU ld 2.40 turns weak undefined
  # references (std's optional glibc functions) into local ones, which breaks the
  # program's link.
  ld -r $(sed 's/^/-u /' "$work/public.txt") "$release/libblsig.a" -o "$work/blsig.o"
  objcopy --strip-debug --remove-section=.llvmbc --remove-section=.llvmcmd \
    --remove-section=.group --keep-global-symbols="$work/public.txt" \
    "$work/blsig.o" "$work/libblsig.o"
  rm -f "$work/libblsig.a"
  ar rcsD "$work/libblsig.a" "$work/libblsig.o"
  install -m 644 "$work/libblsig.a" "$prefix/lib/libblsig.a"
  install -m 755 "$release/libblsig.so" "$prefix/lib/libblsig.so.$version"
  ln -sfn "libblsig.so.$version" "$prefix/lib/libblsig.so.$abi"
  ln -sfn "libblsig.so.$abi" "$prefix/lib/libblsig.so"
else
  # Elsewhere (no GNU ld -r / objcopy, no SONAME): cargo's artifacts as they are.
  install -m 644 "$release/libblsig.a" "$prefix/lib/"
  for so in libblsig.so libblsig.dylib; do
    if [ -f "$release/$so" ]; then install -m 755 "$release/$so" "$prefix/lib/"; fi
  done
fi
install -m 644 bindings/c/include/blsig.h "$prefix/include/"

cat >"$prefix/lib/pkgconfig/blsig.pc" <<PC
prefix=$prefix
libdir=\${prefix}/lib
includedir=\${prefix}/include

Name: blsig
Description: BLS signatures over BLS12-381 (IETF draft, RFC 9380), C API (shared library)
Version: $version
Cflags: -I\${includedir}
Libs: -L\${libdir} -lblsig
Libs.private: $native
PC
cat >"$prefix/lib/pkgconfig/blsig-static.pc" <<PC
prefix=$prefix
libdir=\${prefix}/lib
includedir=\${prefix}/include

Name: blsig-static
Description: BLS signatures over BLS12-381 (IETF draft, RFC 9380), C API (static archive)
Version: $version
Cflags: -I\${includedir}
Libs: \${libdir}/libblsig.a $native
PC
echo "installed blsig $version into $prefix"
