#!/usr/bin/env bash
# Builds the C API's static and shared libraries and installs them, the header and a
# pkg-config file into PREFIX (default /usr/local):
#   bash scripts/install-c.sh "$HOME/.local"
set -euo pipefail
cd "$(dirname "$0")/.."
prefix="${1:-/usr/local}"
version="$(sed -n 's/^version = "\(.*\)"/\1/p' bindings/c/Cargo.toml | head -n 1)"
cargo build --release -p blsig-ffi
# Where cargo put the libraries: its target directory (CARGO_TARGET_DIR, a config file's
# build.target-dir, or ./target), as cargo itself reports it.
target_dir="$(cargo metadata --format-version 1 --no-deps |
  sed -n 's/.*"target_directory":"\([^"]*\)".*/\1/p')"
[ -n "$target_dir" ] || { echo "cargo metadata gave no target directory" >&2; exit 1; }
install -d "$prefix/lib/pkgconfig" "$prefix/include"
install -m 644 "$target_dir/release/libblsig.a" "$prefix/lib/"
install -m 755 "$target_dir/release/libblsig.so" "$prefix/lib/"
install -m 644 bindings/c/include/blsig.h "$prefix/include/"
cat >"$prefix/lib/pkgconfig/blsig.pc" <<PC
prefix=$prefix
libdir=\${prefix}/lib
includedir=\${prefix}/include

Name: blsig
Description: BLS signatures over BLS12-381 (IETF draft, RFC 9380), C API
Version: $version
Cflags: -I\${includedir}
Libs: -L\${libdir} -lblsig
Libs.private: -lpthread -lm -ldl
PC
echo "installed blsig $version into $prefix"
