#!/usr/bin/env bash
# Builds the wasm package into bindings/wasm/pkg/: the Rust crate for wasm32 (profile
# `wasm`: size-optimised, LTO), wasm-bindgen's glue (ES module, weak-ref finalization),
# wasm-opt from the npm package `binaryen`, the hand-written JS layer and types and the
# README; then packs it as bindings/wasm/dist/blsig-wasm-<version>.tgz (npm pack).
# Installs what it needs (the target, wasm-bindgen-cli at the Cargo.lock version, npm
# packages from package-lock.json) and prints the .wasm's size, raw and gzipped, for the
# full API and for the core API alone (which must stay within the budget).
set -euo pipefail
cd "$(dirname "$0")/.."
WASM_DIR=bindings/wasm
PKG="$WASM_DIR/pkg"
# The budget for the whole API, gzip -9 of the .wasm.
BUDGET_BYTES=$((120 * 1024))

rustup target add wasm32-unknown-unknown >/dev/null
want=$(cargo pkgid -p wasm-bindgen | sed 's/.*[@#]//')
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have" != "$want" ]; then
  # No --locked: its lockfile pins a crate version the registry mirror lacks.
  cargo install wasm-bindgen-cli --version "$want"
fi
if [ ! -x "$WASM_DIR/node_modules/.bin/wasm-opt" ]; then
  (cd "$WASM_DIR" && npm ci --no-audit --no-fund)
fi

# cargo's target directory (CARGO_TARGET_DIR, a config file's build.target-dir, or ./target),
# as cargo reports it.
target_dir="$(cargo metadata --format-version 1 --no-deps |
  sed -n 's/.*"target_directory":"\([^"]*\)".*/\1/p')"
[ -n "$target_dir" ] || { echo "cargo metadata gave no target directory" >&2; exit 1; }
WASM="$target_dir/wasm32-unknown-unknown/wasm/blsig_wasm.wasm"
# -Oz to a fixed point (--converge: 1.2 % smaller after gzip than one -Oz pass), without
# the producers, target-features and debug custom sections (nothing reads them at run time).
WASM_OPT=("$WASM_DIR/node_modules/.bin/wasm-opt" -Oz --converge
  --strip-producers --strip-target-features --strip-debug
  --enable-bulk-memory --enable-sign-ext --enable-mutable-globals --enable-nontrapping-float-to-int)
gzip_size() { gzip -9 -c "$1" | wc -c; }
# Panic locations name source files; dependencies' paths would carry this machine's
# CARGO_HOME (so its length would change the module's size from machine to machine).
# Remapped, the module is the same bytes wherever it is built.
export RUSTFLAGS="${RUSTFLAGS:-} --remap-path-prefix=${CARGO_HOME:-$HOME/.cargo}/registry/src/="

# wasm-bindgen's glue, the optimised module and the JS layer, assembled into a package
# directory: the shipped package (pkg/) and the core-only one (pkg-core/, tested too).
assemble() {
  local dir="$1"
  rm -rf "$dir"
  wasm-bindgen --target web --weak-refs --out-name blsig_wasm --out-dir "$dir" "$WASM"
  # The glue imports BlsError from a hashed snippet path; point it at the package's one
  # error.js so that the errors it throws are the class index.js exports.
  sed -i -E "s#'\./snippets/[^']*/js/error\.js'#'./error.js'#" "$dir/blsig_wasm.js"
  grep -q "from './error.js'" "$dir/blsig_wasm.js"
  rm -rf "$dir/snippets" "$dir/.gitignore"
  "${WASM_OPT[@]}" "$dir/blsig_wasm_bg.wasm" -o "$dir/blsig_wasm_bg.wasm"
  cp "$WASM_DIR"/js/{index.js,node.js,error.js,init-options.js,worker.js,node-worker.js,batch-job.js,index.d.ts,package.json} "$dir/"
  cp "$WASM_DIR/README.md" "$dir/README.md"
}

# The core API alone (no multisig groups, no threshold signatures): measured, held to the
# budget, and run by the Node tests (the JS layer without those parts).
cargo build --profile wasm -p blsig-wasm --target wasm32-unknown-unknown --no-default-features
assemble "$WASM_DIR/pkg-core"
core_gz=$(gzip_size "$WASM_DIR/pkg-core/blsig_wasm_bg.wasm")
core_raw=$(wc -c <"$WASM_DIR/pkg-core/blsig_wasm_bg.wasm")

# The package: the full API.
cargo build --profile wasm -p blsig-wasm --target wasm32-unknown-unknown
assemble "$PKG"

# Its second module, the validator key tools (blsig-wasm/keys): EIP-2333/2334 derivation
# and EIP-2335 keystores, a download only for the pages that use them.
cargo build --profile wasm -p blsig-wasm-keys --target wasm32-unknown-unknown
KEYS_WASM="$target_dir/wasm32-unknown-unknown/wasm/blsig_keys.wasm"
wasm-bindgen --target web --weak-refs --out-name blsig_keys --out-dir "$PKG" "$KEYS_WASM"
sed -i -E "s#'\./snippets/[^']*/js/error\.js'#'./error.js'#" "$PKG/blsig_keys.js"
grep -q "from './error.js'" "$PKG/blsig_keys.js"
rm -rf "$PKG/snippets" "$PKG/.gitignore"
"${WASM_OPT[@]}" "$PKG/blsig_keys_bg.wasm" -o "$PKG/blsig_keys_bg.wasm"
cp "$WASM_DIR"/js/{keys.js,keys-node.js,keys-job.js,keys-worker.js,keys.d.ts} "$PKG/"
keys_gz=$(gzip_size "$PKG/blsig_keys_bg.wasm")
echo "blsig_keys_bg.wasm (blsig-wasm/keys): $(wc -c <"$PKG/blsig_keys_bg.wasm") bytes, ${keys_gz} bytes gzip -9"
# The npm tarball a web developer installs: npm install ./blsig-wasm-<version>.tgz
mkdir -p "$WASM_DIR/dist"
rm -f "$WASM_DIR"/dist/blsig-wasm-*.tgz
(cd "$PKG" && npm pack --silent --pack-destination ../dist >/dev/null)
tarball="$(ls "$WASM_DIR"/dist/blsig-wasm-*.tgz)"
echo "npm package: $tarball ($(wc -c <"$tarball") bytes)"

raw=$(wc -c <"$PKG/blsig_wasm_bg.wasm")
gz=$(gzip_size "$PKG/blsig_wasm_bg.wasm")
echo "blsig_wasm_bg.wasm, full API: ${raw} bytes, ${gz} bytes gzip -9"
echo "blsig_wasm_bg.wasm, without multisig and threshold: ${core_raw} bytes, ${core_gz} bytes gzip -9"
echo "budget: ${BUDGET_BYTES} bytes gzip -9"
# Both builds are held to the budget: the shipped package (the full API) and the core-only
# build. Sizes are reproducible here (one rustc, locked crates and npm packages).
if [ "$core_gz" -gt "$BUDGET_BYTES" ]; then
  echo "the core API's wasm module is over the size budget" >&2
  exit 1
fi
if [ "$gz" -gt "$BUDGET_BYTES" ]; then
  echo "the package's wasm module (the full API) is $((gz - BUDGET_BYTES)) bytes over the size budget" >&2
  exit 1
fi
echo "under the budget by $((BUDGET_BYTES - gz)) bytes (full API)"
